import CareNetwork
@testable import Diagrams
import Foundation
import Referral
import Testing

@Suite("Pathway and load diagrams")
struct PathwayAndLoadTests {
    static func id(_ network: CareNetwork, _ key: String) throws -> FacilityID { try #require(network.facilityID(key: key)) }

    @Test("Pathway: steps numbered, edges labelled with their rule, treating facility marked, rest of chain faint")
    func treated() throws {
        let network = try Fixtures.small()
        let centre = try Self.id(network, "cs-sud"), hl = try Self.id(network, "hl-sud"), chr = try Self.id(network, "chr-sud")
        let input = PathwayDiagramInput(
            steps: [.init(facility: centre, rule: .p1, action: "first contact"), .init(facility: hl, rule: .p2, action: "treats")],
            outcome: .treated, service: "general-consultation", defaultChain: network.chain(of: centre)!.facilities)
        _ = chr
        let graph = PathwayDiagram.graph(of: input, in: network)
        #expect(graph.edges.first { $0.to == "step:1" }?.attributes["label"] == "P1")
        #expect(graph.edges.first { $0.to == "step:2" }?.attributes["label"] == "P2")
        let treating = try #require(graph.nodes.first { $0.id == "step:2" })
        #expect(treating.attributes["penwidth"] == "3")
        #expect(treating.attributes["label"] == .lines(["2. HL Sud", "treats"]))
        let faint = try #require(graph.nodes.first { $0.id == "chain:chr-sud" })
        #expect(faint.attributes["style"] == "dashed")
        #expect(graph.nodes.contains { $0.id == "chain:chu-nord" })
        #expect(!graph.nodes.contains { $0.id == "outcome" })
        let reader = try RenderingTests.parse(try Fixtures.svg(graph))
        #expect(reader.texts.contains("2. HL Sud"))
    }

    @Test("P0: the emergency edge has its own style; unavailable is drawn with its reason")
    func emergencyUnavailable() throws {
        let network = try Fixtures.small()
        let chr = try Self.id(network, "chr-sud"), chu = try Self.id(network, "chu-nord")
        let input = PathwayDiagramInput(
            steps: [.init(facility: chr, rule: .p0, action: "emergency"), .init(facility: chu, rule: .p4, action: "does not offer it")],
            outcome: .unavailable, reason: "no facility of the chain offers child-orthodontics (P5)")
        let graph = PathwayDiagram.graph(of: input, in: network, language: .ar)
        let p0 = try #require(graph.edges.first { $0.to == "step:1" })
        #expect(p0.attributes["label"] == "P0")
        #expect(p0.attributes["color"] == "#c62828")
        let outcome = try #require(graph.nodes.first { $0.id == "outcome" })
        // The reason is wrapped, so that the note does not widen the diagram.
        #expect(outcome.attributes["label"] == .lines(["غير متوفر", "no facility of the chain offers", "child-orthodontics (P5)"]))
        #expect(graph.dotSource.contains("المستشفى الجهوي الجنوب"))
    }

    @Test("Not covered is drawn with its reason")
    func notCovered() throws {
        let network = try Fixtures.small()
        let input = PathwayDiagramInput(steps: [.init(facility: try Self.id(network, "cs-nord-1"), rule: .p1, action: "first contact")],
                                        outcome: .notCovered, reason: "X1: cosmetic-surgery is excluded")
        let graph = PathwayDiagram.graph(of: input, in: network)
        #expect(graph.nodes.first { $0.id == "outcome" }?.attributes["label"] == .lines(["non couvert", "X1: cosmetic-surgery is excluded"]))
    }

    @Test("Load: utilisation coloured on a fixed scale with a legend, link width by flow")
    func load() throws {
        let network = try Fixtures.small()
        let centre = try Self.id(network, "cs-nord-1"), chp = try Self.id(network, "chp-nord"), chr = try Self.id(network, "chr-nord")
        let input = LoadDiagramInput(utilisation: [centre: 0.3, chp: 0.9, chr: 1.2],
                                     flows: [.init(from: centre, to: chp, patients: 40), .init(from: chp, to: chr, patients: 10)])
        let graph = LoadDiagram.graph(of: input, in: network)
        let nodes = graph.clusters.flatMap { $0.subgraphs.flatMap(\.nodes) }
        #expect(nodes.first { $0.id == "f:cs-nord-1" }?.attributes["fillcolor"] == "#a5d6a7")
        #expect(nodes.first { $0.id == "f:chp-nord" }?.attributes["fillcolor"] == "#ffcc80")
        #expect(nodes.first { $0.id == "f:chr-nord" }?.attributes["fillcolor"] == "#ef9a9a")
        #expect(graph.edges.map { $0.attributes["penwidth"] } == ["8", "2.8"])
        #expect(graph.clusters.contains { $0.id == "legend" })
        #expect(LoadDiagram.colour(for: 0.85) == "#ffcc80")
        #expect(LoadDiagram.colour(for: 0.8499) == "#fff59d")
        let reader = try RenderingTests.parse(try Fixtures.svg(graph))
        #expect(reader.texts.contains("90 %"))
        #expect(reader.texts.contains("≥ 100 %"))
    }
}

@Suite("Pathway diagram from the router")
struct RouterPathwayTests {
    @Test("A router Pathway maps step for step; the treatment step folds into the treating facility")
    func fromRouter() throws {
        let network = try Fixtures.small()
        let centre = try #require(network.facilityID(key: "cs-sud"))
        let service = try #require(network.catalog.id(forKey: "cardiac-surgery"))
        let pathway = try ReferralRouter(network: network).route(ReferralRequest(entry: .healthCentre(centre), service: service))
        let input = PathwayDiagramInput(pathway: pathway, in: network, service: "cardiac-surgery")
        #expect(input.outcome == .treated)
        #expect(input.steps.map(\.rule) == [.p1, .p2, .p3, .p4])
        #expect(input.steps.last.map { network[$0.facility].key } == "chu-nord")
        #expect(input.steps.last?.action.hasSuffix("treats (P5)") == true)
        #expect(input.defaultChain == network.chain(of: centre)?.facilities)
        let graph = PathwayDiagram.graph(of: input, in: network)
        #expect(graph.nodes.first { $0.id == "step:4" }?.attributes["penwidth"] == "3")
    }
}
