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

    // The national network sends Ouarzazate's and Zagora's patients to the CHR of Marrakech (their
    // provinces' regional-hospital): the picture shows the link the routes take.
    @Test("a province's own regional hospital: Drâa-Tafilalet's CHPs of Zagora and Ouarzazate link P3 to the CHR of Marrakech, the others to Errachidia's")
    func provinceTargets() throws {
        let graph = try NetworkDiagram.graph(of: PageLayoutTests.national, options: NetworkDiagramOptions(regions: ["draa-tafilalet"], collapseHealthCentres: true))
        func targets(_ from: String) -> [String] { graph.edges.filter { $0.from == "f:" + from && $0.attributes["style"] != "invis" }.map(\.to) }
        #expect(targets("chp-zagora") == ["f:chr-ibn-zohr-marrakech"])
        #expect(targets("chp-bougafer-ouarzazate") == ["f:chr-ibn-zohr-marrakech"])
        #expect(targets("chp-tinghir") == ["f:chr-moulay-ali-cherif-errachidia"])
        #expect(graph.edges.first { $0.from == "f:chp-zagora" }?.attributes["label"] == "P3")
        // The CHR of Marrakech is drawn outside the region's box, as a neighbour's CHU is.
        #expect(graph.nodes.contains { $0.id == "f:chr-ibn-zohr-marrakech" })
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

@Suite("Network diagram: many health centres")
struct NetworkDiagramRowsTests {
    static let national: CareNetwork? = try? NetworkLoader.load(path: NetworkLoader.bundledNetworkPath)

    @Test("A region of more than 96 health centres (Souss-Massa's 220) is folded by province: one row, no link through it")
    func folded() throws {
        let network = try #require(Self.national)
        let options = NetworkDiagramOptions(regions: ["souss-massa"])
        #expect(try NetworkDiagram.healthCentres(of: network, options: options) > NetworkDiagram.maxHealthCentresDrawn)
        #expect(try NetworkDiagram.foldsHealthCentres(of: network, options: options))
        #expect(try !NetworkDiagram.foldsHealthCentres(of: network, options: NetworkDiagramOptions()), "the whole network, unfiltered, is drawn centre by centre")
        let graph = try NetworkDiagram.graph(of: network, options: options)
        let cluster = try #require(graph.clusters.first { $0.id == "souss-massa" })
        let region = try #require(network.region(key: "souss-massa"))
        let provinces = network.provinces.filter { $0.region == region.id }
        let row = try #require(cluster.subgraphs.first { $0.id == "rank:souss-massa:1" })
        #expect(Set(row.nodes.map(\.id)) == Set(provinces.map { "hc:" + $0.key }))
        #expect(!cluster.subgraphs.contains { $0.id.hasPrefix("rank:souss-massa:1:") })
        // Every link joins two ranks next to each other or goes up: none is made longer to pass a row.
        #expect(!graph.edges.contains { $0.attributes["minlen"] != nil })
        #expect(!graph.allNodeIDs.contains { id in network.facilities.contains { $0.tier == .healthCentre && id == "f:" + $0.key } })
    }

    @Test("A region's many health centres are boxed under their hospital, in rows, with one link a box")
    func boxes() throws {
        let network = try #require(Self.national)
        let region = try #require(network.region(key: "guelmim-oued-noun"))
        let centres = network.facilities.filter { $0.region == region.id && $0.tier == .healthCentre && $0.isOnRAMEDPathway }
        #expect(centres.count > 2 * NetworkDiagram.maxHealthCentresPerRow)
        #expect(try NetworkDiagram.healthCentres(of: network, options: NetworkDiagramOptions(regions: ["guelmim-oued-noun"])) == centres.count)
        let graph = try NetworkDiagram.graph(of: network, options: NetworkDiagramOptions(regions: ["guelmim-oued-noun"]))
        #expect(graph.attributes["compound"] == "true")
        let cluster = try #require(graph.clusters.first { $0.id == "guelmim-oued-noun" })
        let boxes = cluster.subgraphs.filter(\.isCluster)
        #expect(!cluster.subgraphs.contains { $0.id == "rank:guelmim-oued-noun:1" })
        // One box per hospital the centres refer to, each holding exactly those centres.
        let hospitals = Set(centres.compactMap { network.nextLevel(from: $0.id) })
        #expect(boxes.count == hospitals.count)
        var seen = 0
        let depth = HealthCentreGroups.rows(for: centres.count)
        for box in boxes {
            let members = box.allNodeIDs
            seen += members.count
            let targets = Set(members.map { id in centres.first { "f:" + $0.key == id }.flatMap { network.nextLevel(from: $0.id) } })
            #expect(targets.count == 1, "\(box.id)")
            #expect(box.subgraphs.count <= depth && box.subgraphs.allSatisfy { $0.attributes["rank"] == "same" })
            // One visible link leaves the box, from its border, with the number of centres.
            let links = graph.edges.filter { members.contains($0.from) && $0.attributes["style"] != "invis" }
            #expect(links.count == 1)
            #expect(links.first?.attributes["ltail"] == .text("cluster_" + box.id))
            #expect(links.first?.attributes["label"] == .text("P2 ×\(members.count)"))
            #expect(links.first?.to == "f:" + network[targets.first!!].key)
            // Its rows are stacked by invisible edges within it.
            let stacking = graph.edges.filter { members.contains($0.from) && $0.attributes["style"] == "invis" }
            #expect(stacking.count == members.count - box.subgraphs[0].nodes.count)
            #expect(stacking.allSatisfy { members.contains($0.to) })
        }
        #expect(seen == centres.count)
    }

    @Test("Past 600 health centres (the whole national network) each region keeps one row: dot would take minutes")
    func oneRowWhenLarge() throws {
        let network = try #require(Self.national)
        #expect(try NetworkDiagram.healthCentres(of: network, options: NetworkDiagramOptions()) > NetworkDiagram.maxWrappedHealthCentres)
        let graph = try NetworkDiagram.graph(of: network)
        let ids = graph.clusters.flatMap { $0.subgraphs.map(\.id) }
        #expect(ids.contains("rank:souss-massa:1"))
        #expect(!ids.contains { $0.hasPrefix("rank:souss-massa:1:") })
        #expect(!graph.edges.contains { $0.attributes["minlen"] != nil })
    }

    @Test("A PNG wider than cairo's 32,767 pixels is scaled to fit by the size the renderer sets")
    func wideBitmap() throws {
        let nodes = (0..<400).map { "n\($0) [label=\"health centre number \($0)\"];" }.joined(separator: " ")
        let png = try Fixtures.renderer.render(dot: "digraph wide { rank=same; \(nodes) }", format: "png:cairo")
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        // IHDR: width and height, big-endian, at bytes 16-23.
        let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }
        #expect(width <= 32_640 && width > 30_000)
        // The same graph with its own size keeps it.
        let smaller = try Fixtures.renderer.render(dot: "digraph wide { size=\"200,200\"; rank=same; \(nodes) }", format: "png:cairo")
        #expect(smaller.count > 24 && smaller[16..<20].reduce(0) { $0 << 8 | Int($1) } <= 19_200)
        // Scaled below a pixel, Graphviz writes nothing: an error, not an empty file.
        #expect(throws: DiagramsError.self) {
            try Fixtures.renderer.render(dot: "digraph wide { size=\"1,1\"; rank=same; \(nodes) }", format: "png:cairo")
        }
    }
}
