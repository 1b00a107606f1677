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

    /// Each cluster's box in an SVG, by its id (without `cluster_`): the extent of its outline's points.
    static func boxes(_ svg: String) throws -> [String: (x0: Double, y0: Double, x1: Double, y1: Double)] {
        var boxes: [String: (x0: Double, y0: Double, x1: Double, y1: Double)] = [:]
        for group in svg.components(separatedBy: "class=\"cluster\">").dropFirst() {
            let title = try #require(group.components(separatedBy: "<title>").dropFirst().first?.components(separatedBy: "</title>").first)
            let id = String(title.replacingOccurrences(of: "&#45;", with: "-").dropFirst("cluster_".count))
            let outline = try #require(group.components(separatedBy: " d=\"").dropFirst().first ?? group.components(separatedBy: " points=\"").dropFirst().first)
            let numbers = outline.prefix { $0 != "\"" }.split { !($0.isNumber || $0 == "." || $0 == "-") }.compactMap { Double($0) }
            let xs = stride(from: 0, to: numbers.count - 1, by: 2).map { numbers[$0] }, ys = stride(from: 1, to: numbers.count, by: 2).map { numbers[$0] }
            boxes[id] = (try #require(xs.min()), try #require(ys.min()), try #require(xs.max()), try #require(ys.max()))
        }
        return boxes
    }

    /// Checks that the regions' boxes of `svg` form a map: none overlaps another, at least three
    /// columns, the columns west to east (by the tiles' longitudes) and each column north to south.
    static func expectGrid(_ svg: String, tiles: [DiagramGrid.Tile]) throws {
        let boxes = try Self.boxes(svg)
        let regions = national.regions.map(\.key)
        #expect(Set(regions).isSubset(of: boxes.keys))
        for (index, a) in regions.enumerated() {
            for b in regions[(index + 1)...] {
                let p = try #require(boxes[a]), q = try #require(boxes[b])
                #expect(p.x1 <= q.x0 || q.x1 <= p.x0 || p.y1 <= q.y0 || q.y1 <= p.y0, "\(a) overlaps \(b)")
            }
        }
        // Columns: boxes whose horizontal extents overlap, left to right.
        var columns: [[String]] = []
        for region in regions.sorted(by: { boxes[$0]!.x0 < boxes[$1]!.x0 }) {
            if let last = columns.last, let first = last.first, boxes[region]!.x0 < boxes[first]!.x1 { columns[columns.count - 1].append(region) } else { columns.append([region]) }
        }
        #expect(columns.count >= 3, "columns \(columns)")
        let tile = Dictionary(uniqueKeysWithValues: tiles.map { ($0.cluster, $0) })
        for (left, right) in zip(columns, columns.dropFirst()) {
            #expect(left.map { tile[$0]!.east }.max()! <= right.map { tile[$0]!.east }.min()!, "\(left) west of \(right)")
        }
        for column in columns {
            // SVG's y grows downwards: the northernmost box on top.
            let down = column.sorted { boxes[$0]!.y0 < boxes[$1]!.y0 }
            #expect(down.map { tile[$0]!.north } == down.map { tile[$0]!.north }.sorted(by: >), "\(down) north to south")
        }
    }

    /// The size in points of text of `points` when the SVG's picture is printed on an A3 sheet, as
    /// large as it fits (turned as it is).
    static func printed(_ points: Double, _ svg: String) throws -> Double {
        func number(_ name: String) throws -> Double {
            let text = try #require(svg.components(separatedBy: " \(name)=\"").dropFirst().first)
            return try #require(Double(text.prefix { $0.isNumber || $0 == "." }))
        }
        let width = try number("width"), height = try number("height")
        let (long, short) = (420 / 25.4 * 72, 297 / 25.4 * 72)
        return points * min(width >= height ? long / width : short / width, width >= height ? short / height : long / height, 1)
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
        #expect(graph.edges.contains { $0.attributes["style"] == "invis" }, "the regions are stacked for a reader of the DOT text")
        #expect(graph.grid?.tiles.count == Self.national.regions.count)
        let svg = try Fixtures.svg(graph)
        try Self.expectGrid(svg, tiles: try #require(graph.grid?.tiles))
        // A P4 to another region's CHU ends inside the region's own box, at a copy of the CHU.
        let copies = graph.edges.filter { $0.to.hasPrefix("to:") }
        #expect(!copies.isEmpty)
        for edge in copies {
            let region = String(edge.to.dropFirst(3).prefix { $0 != ":" })
            let box = try #require(graph.clusters.first { $0.id == region })
            #expect(box.allNodeIDs.contains(edge.to) && box.allNodeIDs.contains(edge.from))
        }
    }

    @Test("the national pictures print their labels at 6 points or more on A3, in French and in Arabic")
    func legibleOnA3() throws {
        for language in [LabelLanguages.fr, .ar] {
            let network = try Self.printed(11, try Fixtures.svg(try NetworkDiagram.graph(of: Self.national, options: NetworkDiagramOptions(collapseHealthCentres: true, language: language))))
            #expect(network >= 6, "\(language): the network's labels print at \(network) pt")
            let load = try Self.printed(11, try Fixtures.svg(try LoadDiagram.graph(of: Self.load, in: Self.national, options: NetworkDiagramOptions(language: language))))
            #expect(load >= 6, "\(language): the load's labels print at \(load) pt")
        }
        // Before, as one grid of rows with dot's spacing, they printed at 2.8 and 2.4 points: the check can fail.
        #expect(try Self.printed(11, "<svg width=\"4712pt\" height=\"2992pt\"") < 3)
        // The links' labels are drawn as large as the nodes'.
        let graph = GridLayout.compacted(try NetworkDiagram.graph(of: Self.national, options: NetworkDiagramOptions(collapseHealthCentres: true)))
        #expect(graph.edgeDefaults["fontsize"] == graph.nodeDefaults["fontsize"])
        // A regional hospital's P4 to the CHU above it, in one column, has its label beside its start;
        // the P3 links, between columns, once the nodes are placed; the P2 links keep theirs.
        let p4 = graph.edges.filter { $0.attributes["taillabel"] == "P4" }
        #expect(!p4.isEmpty && !graph.edges.contains { $0.attributes["xlabel"] == "P4" || $0.attributes["label"] == "P4" })
        #expect(graph.edges.contains { $0.attributes["xlabel"] == "P3" } && !graph.edges.contains { $0.attributes["label"] == "P3" })
        #expect(graph.edges.contains { $0.attributes["label"].map { if case .text(let text) = $0 { text.hasPrefix("P2 ×") } else { false } } ?? false })
    }

    @Test("a map that prints large enough on A3 as dot draws it (the teaching network) is not drawn tighter")
    func smallMapAsItIs() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let teaching = try NetworkLoader.load(path: root.appendingPathComponent("Networks/training-small.yaml").path)
        let graph = try NetworkDiagram.graph(of: teaching, options: NetworkDiagramOptions(language: .both))
        #expect(graph.grid != nil, "its two regions are a map")
        let svg = try Fixtures.svg(graph)
        // Its names on one line each, as dot draws them; drawn tighter, they would be broken past 22 characters.
        #expect(svg.contains(">Centre hospitalier provincial du Haouz<"))
        #expect(GridLayout.compacted(graph).clusters.flatMap(\.allNodeIDs).count == graph.clusters.flatMap(\.allNodeIDs).count)
        #expect(try Self.printed(11, svg) >= 11 * GridLayout.comfortableScale)
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

    @Test("tiles are cut into columns west to east, the tallest as short as can be, each north to south; the count prints largest on A3")
    func gridOrder() throws {
        let tiles = [("s", 30.0, -9.0), ("n1", 35.0, -5.0), ("n2", 34.0, -7.0), ("m", 32.0, -8.0)].map { DiagramGrid.Tile(cluster: $0.0, north: $0.1, east: $0.2) }
        // West to east: s, m, n2, n1. Two columns of heights 100, 100, 100, 300: s, m, n2 (324 with the gaps) and n1 (300).
        let heights = [100.0, 300, 100, 100]
        #expect(GridLayout.columns(tiles, heights: heights, count: 2) == [[2, 3, 0], [1]])
        #expect(GridLayout.columns(tiles, heights: heights, count: 1) == [[1, 2, 3, 0]])
        #expect(GridLayout.columns(tiles, heights: heights, count: 4) == [[0], [3], [2], [1]])
        // Four tiles of 400 × 300: two columns of two are 812 × 612 (1.3), nearest √2, and print largest.
        let sizes = Array(repeating: (width: 400.0, height: 300.0), count: 4)
        #expect(GridLayout.columnCount(tiles, sizes: sizes, footer: nil, title: 0) == 2)
        let page = GridLayout.size(sizes, columns: GridLayout.columns(tiles, heights: sizes.map(\.height), count: 2), footer: (100, 50), title: 30)
        #expect(page.width == 812 && page.height == 704)
        // Tall tiles: one row of them prints larger than a column (and is within 2:1).
        let tall = Array(repeating: (width: 300.0, height: 900.0), count: 4)
        #expect(GridLayout.columnCount(tiles, sizes: tall, footer: nil, title: 0) == 4)
        #expect(abs(GridLayout.printedScale((1191, 842)) - 1) < 0.01 && abs(GridLayout.printedScale((2382, 1684)) - 0.5) < 0.01)
        #expect(GridLayout.wrapped("Centre hospitalier régional de Guelmim", width: 18) == ["Centre hospitalier", "régional de", "Guelmim"])
        #expect(GridLayout.wrapped("CHU Mohammed VI, Marrakech", width: 14) == ["CHU Mohammed", "VI, Marrakech"])
        #expect(GridLayout.wrapped("population 1,571,580", width: 18) == ["population", "1,571,580"])
        #expect(GridLayout.moved("e,10,20 1.5,2 3,4", 10, -5) == "e,20,15 11.5,-3 13,-1")
        // An edge between two tiles that is not invisible: the graph is laid out whole.
        var graph = try NetworkDiagram.graph(of: Self.national, options: NetworkDiagramOptions(collapseHealthCentres: true))
        #expect(GridLayout.pieces(of: graph)?.tiles.count == Self.national.regions.count)
        func hospital(_ region: Int) throws -> String {
            "f:" + (try #require(Self.national.facilities.first { $0.region == Self.national.regions[region].id && $0.isOnRAMEDPathway && $0.tier != .healthCentre })).key
        }
        let north = try hospital(0), south = try hospital(1)
        #expect(graph.allNodeIDs.contains(north) && graph.allNodeIDs.contains(south))
        graph.edges.append(DiagramEdge(from: north, to: south))
        #expect(GridLayout.pieces(of: graph) == nil)
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
        let svg = try Fixtures.svg(graph)
        try Self.expectGrid(svg, tiles: try #require(graph.grid?.tiles))
        // The legend below the regions: under a column with room for it, or below them all.
        let boxes = try Self.boxes(svg), legend = try #require(boxes["legend"])
        let above = boxes.filter { $0.key != "legend" && $0.value.x0 < legend.x1 && legend.x0 < $0.value.x1 }
        #expect(!above.isEmpty && above.values.allSatisfy { $0.y1 < legend.y0 })
        for (key, box) in boxes where key != "legend" {
            #expect(box.x1 <= legend.x0 || legend.x1 <= box.x0 || box.y1 <= legend.y0 || legend.y1 <= box.y0, "the legend overlaps \(key)")
        }
        // As PNG, an A3 sheet at 300 dpi at most.
        let png = try Fixtures.renderer.render(graph, format: .png)
        let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(max(width, height) <= 4962 && min(width, height) <= 3508 && min(width, height) > 2000, "\(width) × \(height)")
        // As PDF, one A3 page (1,191 × 842 points) at most, margins included.
        let pdf = String(decoding: try Fixtures.renderer.render(graph, format: .pdf), as: UTF8.self)
        let mediaBox = try #require(pdf.components(separatedBy: "/MediaBox [").dropFirst().first?.prefix { $0 != "]" })
        let page = mediaBox.split(separator: " ").compactMap { Double($0) }
        #expect(page.count == 4 && max(page[2], page[3]) <= 1191 && min(page[2], page[3]) <= 842 && min(page[2], page[3]) > 500, "\(mediaBox)")
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
