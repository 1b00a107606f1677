import CareNetwork
@testable import Diagrams
import Foundation
import Testing

/// D10: a diagram too large to lay out in seconds is refused before the layout starts.
@Suite("Rendering has a bound")
struct RenderBoundTests {
    /// 20,008 health centres (the network), built once.
    static let large: CareNetwork? = try? NetworkLoader.load(yaml: Fixtures.manyCentresYAML(20_008), path: "many.yaml")

    @Test("the generated network is valid and has 20,008 health centres")
    func generated() throws {
        let network = try #require(Self.large)
        #expect(network.facilities.filter { $0.tier == .healthCentre }.count == 20_008)
        #expect(try NetworkDiagram.healthCentres(of: network, options: NetworkDiagramOptions()) == 20_008)
    }

    @Test("20,008 health centres: refused at once with the nodes and links it would draw, before any layout")
    func refused() throws {
        let network = try #require(Self.large)
        let graph = try NetworkDiagram.graph(of: network)
        let nodes = graph.allNodeIDs.count, edges = graph.edges.count
        #expect(nodes > 20_008 && edges > 20_000)
        let expected = DiagramsError.tooLarge(nodes: nodes, edges: edges, limit: GraphvizRenderer.defaultLimit)
        #expect(throws: expected) { try GraphvizRenderer.checkSize(graph) }
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            #expect(throws: expected) { try Fixtures.renderer.render(graph, format: .svg) }
            #expect(throws: expected) { try Fixtures.renderer.render(graph, format: .png) }
            // DOT text given directly is counted once Graphviz has read it.
            #expect(throws: expected) { try Fixtures.renderer.render(dot: graph.dotSource, format: "svg") }
        }
        // --format dot writes the text without a layout: never refused.
        #expect(try Fixtures.renderer.render(graph, format: .dot).count == graph.dotSource.utf8.count)
        // Laying it out takes about 160 s in a release build; refusing it, no more than reading the text.
        #expect(elapsed < .seconds(60), "\(elapsed)")
        // The two regions are stacked: a copy of the CHU the second refers to, the edge that stacks them
        // and one in each box that keeps the column straight.
        #expect(nodes == 20_014 && edges == 20_015)
        #expect(expected.description.hasPrefix("the diagram would draw 20,014 nodes and 20,015 links, more than the bound of 6,000 for a layout"))
    }

    @Test("collapsed, the same network is a few nodes and renders")
    func collapsed() throws {
        let network = try #require(Self.large)
        let graph = try NetworkDiagram.graph(of: network, options: NetworkDiagramOptions(collapseHealthCentres: true))
        #expect(graph.allNodeIDs.count < 20)
        try GraphvizRenderer.checkSize(graph)
        let svg = try Fixtures.svg(graph)
        #expect(svg.contains("centres de santé"))
    }

    @Test("the limit is the renderer's argument: a smaller one refuses a small graph, nil draws any")
    func limitArgument() throws {
        let graph = try NetworkDiagram.graph(of: Fixtures.small())
        let nodes = graph.allNodeIDs.count, edges = graph.edges.count
        #expect(throws: DiagramsError.tooLarge(nodes: nodes, edges: edges, limit: 3)) { try Fixtures.renderer.render(graph, format: .svg, limit: 3) }
        #expect(throws: DiagramsError.tooLarge(nodes: nodes, edges: edges, limit: nodes - 1)) { try Fixtures.renderer.render(graph, format: .svg, limit: nodes - 1) }
        #expect(try Fixtures.renderer.render(graph, format: .svg, limit: max(nodes, edges)).count > 0)
        #expect(try Fixtures.renderer.render(graph, format: .svg, limit: nil).count > 0)
        #expect(DiagramsError.tooLarge(nodes: 10, edges: 20, limit: 15).description.hasPrefix("the diagram would draw 20 links, more than the bound of 15 "))
        #expect(DiagramsError.tooLarge(nodes: 20, edges: 10, limit: 15).description.hasPrefix("the diagram would draw 20 nodes, more than the bound of 15 "))
    }
}

/// D3: the load diagram draws any number without a crash; what is not a share or a count is drawn as `?`.
@Suite("Load diagram: hostile values")
struct LoadHostileValuesTests {
    static func nodes(_ graph: DiagramGraph) -> [String: DiagramAttributes] {
        Dictionary(uniqueKeysWithValues: graph.clusters.flatMap { $0.subgraphs.flatMap(\.nodes) }.map { ($0.id, $0.attributes) })
    }

    @Test("utilisation: huge is red with `?`, negative and not finite are grey with `?`", arguments: [1e308, 1e17, -1, -1e308, .infinity, -.infinity, .nan])
    func utilisation(_ share: Double) throws {
        let network = try Fixtures.small()
        let chp = try #require(network.facilityID(key: "chp-nord"))
        let graph = LoadDiagram.graph(of: LoadDiagramInput(utilisation: [chp: share], flows: []), in: network)
        let node = try #require(Self.nodes(graph)["f:chp-nord"])
        #expect(node["fillcolor"] == (share.isFinite && share > 0 ? "#ef9a9a" : "#eeeeee"))
        #expect(node["label"] == .lines(["CHP Nord", "?"]))
        #expect(try Fixtures.svg(graph).contains("CHP Nord"))
    }

    @Test("flows of 1e308: widths stay within 1 to 8; a negative or infinite flow is 1 wide and labelled `?`")
    func flows() throws {
        let network = try Fixtures.small()
        func id(_ key: String) throws -> FacilityID { try #require(network.facilityID(key: key)) }
        let flows: [LoadDiagramInput.Flow] = [
            .init(from: try id("cs-nord-1"), to: try id("chp-nord"), patients: 1e308),
            .init(from: try id("cs-nord-2"), to: try id("chp-nord"), patients: 0.5e308),
            .init(from: try id("chp-nord"), to: try id("chr-nord"), patients: -1e308),
            .init(from: try id("chr-nord"), to: try id("chu-nord"), patients: .infinity),
            .init(from: try id("cs-sud"), to: try id("hl-sud"), patients: .nan),
        ]
        let graph = LoadDiagram.graph(of: LoadDiagramInput(utilisation: [:], flows: flows), in: network)
        #expect(graph.edges.map { $0.attributes["penwidth"] } == ["8", "4.5", "1", "1", "1"])
        #expect(graph.edges.map { $0.attributes["label"] } == ["?", "?", "?", "?", "?"])
        let small = LoadDiagram.graph(of: LoadDiagramInput(utilisation: [:], flows: [.init(from: try id("cs-nord-1"), to: try id("chp-nord"), patients: 1e9)]), in: network)
        #expect(small.edges.map { $0.attributes["label"] } == ["1,000,000,000"])
        #expect(try Fixtures.svg(graph).contains("CHU Nord"))
    }

    @Test("a flow between two facilities of one level is not drawn (Graphviz 2.43 corrupts its heap on such edges); up and down are")
    func sameLevel() throws {
        let network = try Fixtures.small()
        func id(_ key: String) throws -> FacilityID { try #require(network.facilityID(key: key)) }
        let sideways = LoadDiagramInput.Flow(from: try id("cs-nord-1"), to: try id("cs-sud"), patients: 3)
        let itself = LoadDiagramInput.Flow(from: try id("chp-nord"), to: try id("chp-nord"), patients: 3)
        let up = LoadDiagramInput.Flow(from: try id("cs-nord-1"), to: try id("chp-nord"), patients: 3)
        let down = LoadDiagramInput.Flow(from: try id("chr-nord"), to: try id("cs-nord-2"), patients: 1)
        #expect(!LoadDiagram.draws(sideways, in: network) && !LoadDiagram.draws(itself, in: network))
        #expect(LoadDiagram.draws(up, in: network) && LoadDiagram.draws(down, in: network))
        let graph = LoadDiagram.graph(of: LoadDiagramInput(utilisation: [:], flows: [sideways, up, itself, down]), in: network)
        #expect(graph.edges.map { "\($0.from) \($0.to)" } == ["f:cs-nord-1 f:chp-nord", "f:chr-nord f:cs-nord-2"])
        // CS Sud was only the end of the flow left out: not drawn either.
        #expect(!graph.allNodeIDs.contains("f:cs-sud"))
    }
}
