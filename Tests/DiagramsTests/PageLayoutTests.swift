import CareNetwork
@testable import Diagrams
import Foundation
import Testing

/// National pictures that fit a page: regions in a grid, a load drawn by region or province and
/// folded by province past a few dozen health centres.
@Suite("Pictures that fit a page")
struct PageLayoutTests {
    static let national = try! NetworkLoader.load(path: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Networks/morocco.yaml").path)

    /// The SVG's width over its height, in points.
    static func aspect(_ graph: DiagramGraph) throws -> Double {
        let svg = try Fixtures.svg(graph)
        func number(_ name: String) throws -> Double {
            let text = try #require(svg.components(separatedBy: "<svg \(name)=\"").dropFirst().first ?? svg.components(separatedBy: " \(name)=\"").dropFirst().first)
            return try #require(Double(text.prefix { $0.isNumber || $0 == "." }))
        }
        return try number("width") / number("height")
    }

    /// A load of every facility, its utilisation spread over the bands, and a flow along each link.
    static let load: LoadDiagramInput = {
        var utilisation: [FacilityID: Double] = [:], flows: [LoadDiagramInput.Flow] = []
        for facility in national.facilities where facility.isOnRAMEDPathway {
            utilisation[facility.id] = Double(facility.key.utf8.reduce(0) { ($0 &* 31 &+ Int($1)) % 1000 }) / 900
            if let next = national.nextLevel(from: facility.id) { flows.append(.init(from: facility.id, to: next, patients: Double(facility.key.count))) }
        }
        return LoadDiagramInput(utilisation: utilisation, flows: flows)
    }()

    @Test("the national network, collapsed, is a grid of regions between 1:2 and 2:1, no P4 arrow crossing the boxes")
    func nationalNetwork() throws {
        let graph = try NetworkDiagram.graph(of: Self.national, options: NetworkDiagramOptions(collapseHealthCentres: true))
        let ratio = try Self.aspect(graph)
        #expect((0.5...2).contains(ratio), "aspect \(ratio)")
        #expect(graph.edges.contains { $0.attributes["style"] == "invis" }, "the regions are stacked")
        // A P4 to another region's CHU ends inside the region's own box, at a copy of the CHU.
        let copies = graph.edges.filter { $0.to.hasPrefix("to:") }
        #expect(!copies.isEmpty)
        for edge in copies {
            let region = String(edge.to.dropFirst(3).prefix { $0 != ":" })
            let box = try #require(graph.clusters.first { $0.id == region })
            #expect(box.allNodeIDs.contains(edge.to) && box.allNodeIDs.contains(edge.from))
        }
    }

    @Test("two regions that fit side by side stay side by side")
    func sideBySide() throws {
        let graph = try NetworkDiagram.graph(of: Fixtures.small())
        #expect(!graph.edges.contains { $0.attributes["style"] == "invis" })
        #expect(RegionGrid.columns([.init(bottom: ["a"], top: "b", width: 100, height: 100), .init(bottom: ["c"], top: "d", width: 100, height: 100)]) == 2)
        // Twelve boxes five times wider than high: fewer columns than boxes, within 1:2 to 2:1.
        let wide = (0..<12).map { RegionGrid.Block(bottom: ["b\($0)"], top: "t\($0)", width: 2000, height: 400) }
        let columns = RegionGrid.columns(wide)
        #expect(columns < 12 && (0.5...2).contains(RegionGrid.aspect(wide, columns: columns)))
        // Each box's top is tied to the bottom of the box above it, and each box's bottom to its top.
        #expect(RegionGrid.edges(wide, columns: columns).count == (12 - columns) + 12)
    }

    @Test("the national load folds its health centres by province and fits a page")
    func nationalLoad() throws {
        let options = NetworkDiagramOptions()
        #expect(try LoadDiagram.foldsHealthCentres(of: Self.national, options: options))
        let graph = try LoadDiagram.graph(of: Self.load, in: Self.national, options: options)
        #expect(!graph.allNodeIDs.contains { $0.hasPrefix("f:cs") || $0.hasPrefix("f:csu") || $0.hasPrefix("f:csr") })
        #expect(graph.allNodeIDs.filter { $0.hasPrefix("hc:") }.count == Self.national.provinces.count)
        let ratio = try Self.aspect(graph)
        #expect((0.5...2).contains(ratio), "aspect \(ratio)")
        // A province's node is coloured by its busiest centre, as printed.
        let province = try #require(Self.national.provinces.first)
        let busiest = try #require(Self.national.facilities.filter { $0.tier == .healthCentre && $0.province == province.id }.compactMap { Self.load.utilisation[$0.id] }.max())
        let node = try #require(graph.clusters.flatMap { $0.subgraphs.flatMap(\.nodes) }.first { $0.id == "hc:" + province.key })
        #expect(node.attributes["fillcolor"] == .text(LoadDiagram.colour(for: LoadDiagram.printedShare(busiest))))
    }

    @Test("a load drawn for one province shows its centres one by one; flows leaving it end at copies")
    func province() throws {
        let province = try #require(Self.national.provinces.first { key in
            Self.national.facilities.filter { $0.tier == .healthCentre && $0.province == key.id }.count > 5 })
        let options = NetworkDiagramOptions(provinces: [province.key])
        #expect(try !LoadDiagram.foldsHealthCentres(of: Self.national, options: options))
        let graph = try LoadDiagram.graph(of: Self.load, in: Self.national, options: options)
        let centres = Self.national.facilities.filter { $0.tier == .healthCentre && $0.province == province.id && $0.isOnRAMEDPathway }
        for centre in centres { #expect(graph.allNodeIDs.contains("f:" + centre.key)) }
        #expect(graph.clusters.filter { $0.id != "legend" }.count == 1)
        for edge in graph.edges {
            #expect(graph.allNodeIDs.contains(edge.from) && graph.allNodeIDs.contains(edge.to), "\(edge.from) → \(edge.to)")
        }
        #expect(throws: DiagramsError.self) { try LoadDiagram.graph(of: Self.load, in: Self.national, options: NetworkDiagramOptions(regions: ["souss-masa"])) }
        _ = try Fixtures.svg(graph)
    }
}
