import CareNetwork
@testable import Diagrams
import Foundation
import Testing

@Suite("Network diagram")
struct NetworkDiagramTests {
    @Test("DOT of the small network matches its golden, byte for byte")
    func goldenDOT() throws {
        let dot = try NetworkDiagram.graph(of: Fixtures.small()).dotSource
        #expect(dot == Golden.smallNetworkFR)
    }

    @Test("--collapse --lang both: each province's centres fold into one node with count and population")
    func goldenCollapsed() throws {
        let options = NetworkDiagramOptions(collapseHealthCentres: true, language: .both)
        let dot = try NetworkDiagram.graph(of: Fixtures.small(), options: options).dotSource
        #expect(dot == Golden.smallNetworkCollapsedBoth)
        #expect(dot.contains("2 centres de santé"))
        #expect(dot.contains("population 300,000"))
        #expect(!dot.contains("f:cs-nord-1"))
    }

    @Test("Same network, same bytes")
    func deterministic() throws {
        let network = try Fixtures.small()
        let options = NetworkDiagramOptions(collapseHealthCentres: true, language: .both)
        let first = try NetworkDiagram.graph(of: network, options: options).dotSource
        for _ in 0..<5 { #expect(try NetworkDiagram.graph(of: network, options: options).dotSource == first) }
    }

    @Test("X2, X3: private and foreign facilities are absent")
    func noPrivateOrForeign() throws {
        let dot = try NetworkDiagram.graph(of: Fixtures.small()).dotSource
        #expect(!dot.contains("clinique"))
        #expect(!dot.contains("paris"))
    }

    @Test("Links carry the rule that makes them: P2, P3, P4 (P4 across regions)")
    func rulesOnLinks() throws {
        let graph = try NetworkDiagram.graph(of: Fixtures.small())
        func rule(_ from: String, _ to: String) -> DiagramValue? {
            graph.edges.first { $0.from == "f:" + from && $0.to == "f:" + to }?.attributes["label"]
        }
        #expect(rule("cs-nord-1", "chp-nord") == "P2")
        #expect(rule("chp-nord", "chr-nord") == "P3")
        #expect(rule("chr-nord", "chu-nord") == "P4")
        #expect(rule("chr-sud", "chu-nord") == "P4")
    }

    @Test("Tiers are ranked: one rank=same group per level in each region")
    func ranks() throws {
        let graph = try NetworkDiagram.graph(of: Fixtures.small())
        let nord = try #require(graph.clusters.first { $0.id == "nord" })
        #expect(nord.subgraphs.map(\.id) == ["rank:nord:1", "rank:nord:2", "rank:nord:3", "rank:nord:4"])
        #expect(nord.subgraphs.allSatisfy { $0.attributes["rank"] == "same" && !$0.isCluster })
        #expect(graph.attributes["rankdir"] == "BT")
    }

    @Test("--region keeps one region; a P4 link out of it ends at a grey node outside the boxes")
    func regionFilter() throws {
        let graph = try NetworkDiagram.graph(of: Fixtures.small(), options: NetworkDiagramOptions(regions: ["sud"]))
        #expect(graph.clusters.map(\.id) == ["sud"])
        #expect(graph.nodes.map(\.id) == ["f:chu-nord"])
        #expect(!graph.allNodeIDs.contains("f:cs-nord-1"))
    }

    @Test("--province keeps that province's facilities")
    func provinceFilter() throws {
        let graph = try NetworkDiagram.graph(of: Fixtures.small(), options: NetworkDiagramOptions(provinces: ["p-nord"]))
        #expect(graph.clusters.map(\.id) == ["nord"])
        #expect(graph.allNodeIDs.contains("f:cs-nord-2"))
        #expect(!graph.allNodeIDs.contains("f:cs-sud"))
    }

    @Test("An unknown region is an error with a did-you-mean hint")
    func unknownRegion() throws {
        #expect(throws: DiagramsError.unknownReference(kind: "region", key: "sudd", hint: "sud")) {
            try NetworkDiagram.graph(of: Fixtures.small(), options: NetworkDiagramOptions(regions: ["sudd"]))
        }
    }

    @Test("--lang ar writes the Arabic names, in DOT and in the rendered SVG")
    func arabic() throws {
        let graph = try NetworkDiagram.graph(of: Fixtures.small(), options: NetworkDiagramOptions(language: .ar))
        #expect(graph.dotSource.contains("المستشفى الجامعي الشمال"))
        #expect(!graph.dotSource.contains("CHU Nord"))
        let svg = try Fixtures.svg(graph)
        #expect(svg.contains("المستشفى الجامعي الشمال"))
        #expect(svg.contains("جهة الجنوب"))
    }
}
