import CareNetwork
@testable import Diagrams
import Foundation
import Testing

/// No link passes through a row of nodes: checked on the positions Graphviz's layout gives, for
/// every region of the national network, drawn as a network and as a load.
@Suite("Links do not cross rows")
struct RowCrossingTests {
    static let national = PageLayoutTests.national

    /// Where a layout put things, read from Graphviz's `json0` output (points, y upwards).
    struct Layout {
        struct Node { var name: String; var x: Double; var y: Double; var width: Double; var height: Double }
        struct Edge { var tail: String; var head: String; var points: [(x: Double, y: Double)] }
        var nodes: [Node]
        var edges: [Edge]

        init(_ graph: DiagramGraph) throws {
            let data = try Fixtures.renderer.render(dot: graph.dotSource, format: "json0", limit: nil)
            let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let objects = try #require(json["objects"] as? [[String: Any]])
            var byIndex: [Int: String] = [:]
            nodes = []
            for object in objects {
                guard let pos = object["pos"] as? String, let name = object["name"] as? String, let id = object["_gvid"] as? Int else { continue }
                byIndex[id] = name
                let xy = pos.split(separator: ",").compactMap { Double($0) }
                let width = Double(object["width"] as? String ?? "") ?? 0, height = Double(object["height"] as? String ?? "") ?? 0
                nodes.append(Node(name: name, x: xy[0], y: xy[1], width: width * 72, height: height * 72))
            }
            edges = []
            for edge in json["edges"] as? [[String: Any]] ?? [] {
                guard (edge["style"] as? String) != "invis", let pos = edge["pos"] as? String,
                      let tail = (edge["tail"] as? Int).flatMap({ byIndex[$0] }), let head = (edge["head"] as? Int).flatMap({ byIndex[$0] }) else { continue }
                edges.append(Edge(tail: tail, head: head, points: Self.curve(pos)))
            }
        }

        /// A spline's `pos` (`e,x,y s,x,y p0 p1 p2 p3 p4 ...`) as a polyline: each cubic Bézier sampled,
        /// the arrow's end points joined.
        static func curve(_ pos: String) -> [(x: Double, y: Double)] {
            var control: [(x: Double, y: Double)] = [], start: (x: Double, y: Double)?, end: (x: Double, y: Double)?
            for token in pos.split(separator: " ") {
                var text = Substring(token), kind = ""
                if text.hasPrefix("e,") || text.hasPrefix("s,") { kind = String(text.prefix(1)); text = text.dropFirst(2) }
                let xy = text.split(separator: ",").compactMap { Double($0) }
                guard xy.count == 2 else { continue }
                switch kind {
                case "e": end = (xy[0], xy[1])
                case "s": start = (xy[0], xy[1])
                default: control.append((xy[0], xy[1]))
                }
            }
            var points: [(x: Double, y: Double)] = start.map { [$0] } ?? []
            var index = 0
            while index + 3 < control.count {
                let (p0, p1, p2, p3) = (control[index], control[index + 1], control[index + 2], control[index + 3])
                for step in 0...20 {
                    let t = Double(step) / 20, u = 1 - t
                    let a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t
                    points.append((a * p0.x + b * p1.x + c * p2.x + d * p3.x, a * p0.y + b * p1.y + c * p2.y + d * p3.y))
                }
                index += 3
            }
            if let end { points.append(end) }
            return points
        }

        /// Each edge that passes through a row of nodes it does not start or end in: a row is the nodes
        /// whose centres are level, and an edge passes through it when it crosses the row's height
        /// between its first node's left side and its last node's right side.
        func crossings() -> [String] {
            var rows: [Double: [Node]] = [:]
            for node in nodes { rows[(node.y * 2).rounded() / 2, default: []].append(node) }
            var found: [String] = []
            for edge in edges {
                for (y, row) in rows where !row.contains(where: { $0.name == edge.tail || $0.name == edge.head }) {
                    let left = row.map { $0.x - $0.width / 2 }.min()!, right = row.map { $0.x + $0.width / 2 }.max()!
                    for (a, b) in zip(edge.points, edge.points.dropFirst()) where (a.y - y) * (b.y - y) < 0 {
                        let x = a.x + (b.x - a.x) * (y - a.y) / (b.y - a.y)
                        if x > left && x < right {
                            found.append("\(edge.tail) → \(edge.head) crosses the row at y \(y) (\(row.count) nodes) at x \(Int(x))")
                            break
                        }
                    }
                }
            }
            return found
        }
    }

    @Test("the check finds a link through a row: three rows, the lowest one held under the middle one, its links through it")
    func checkCanFail() throws {
        var graph = DiagramGraph(name: "rows", attributes: ["rankdir": "BT", "newrank": "true"])
        let top = DiagramNode(id: "top"), middle = (0..<6).map { DiagramNode(id: "m\($0)") }, bottom = (0..<6).map { DiagramNode(id: "b\($0)") }
        graph.clusters = [
            DiagramCluster(id: "r0", isCluster: false, attributes: ["rank": "same"], nodes: [top]),
            DiagramCluster(id: "r1", isCluster: false, attributes: ["rank": "same"], nodes: middle),
            DiagramCluster(id: "r2", isCluster: false, attributes: ["rank": "same"], nodes: bottom),
        ]
        // Each lowest node held under a middle one (as rows of centres dealt under each other were).
        let held = zip(bottom, middle).map { DiagramEdge(from: $0.id, to: $1.id, attributes: ["style": "invis", "weight": "100"]) }
        graph.edges = middle.map { DiagramEdge(from: $0.id, to: "top") } + bottom.map { DiagramEdge(from: $0.id, to: "top", attributes: ["minlen": "2"]) } + held
        let layout = try Layout(graph)
        #expect(layout.nodes.count == 13 && layout.edges.count == 12, "the invisible edges are not links")
        #expect(!layout.crossings().isEmpty)
        // The lowest row's links alone cross nothing.
        graph.edges = bottom.map { DiagramEdge(from: $0.id, to: "top", attributes: ["minlen": "2"]) }
        graph.clusters.remove(at: 1)
        #expect(try Layout(graph).crossings().isEmpty)
    }

    @Test("render network --region R: no link through a row, for every region of the national network",
          arguments: PageLayoutTests.national.regions.map(\.key))
    func network(region: String) throws {
        let options = NetworkDiagramOptions(regions: [region])
        let graph = try NetworkDiagram.graph(of: Self.national, options: options)
        let layout = try Layout(graph)
        let centres = try NetworkDiagram.healthCentres(of: Self.national, options: options)
        // Every facility is drawn, folded or one by one.
        #expect(layout.nodes.count >= Self.national.facilities.filter { $0.isOnRAMEDPathway && $0.region == Self.national.region(key: region)?.id && $0.tier != .healthCentre }.count)
        if try !NetworkDiagram.foldsHealthCentres(of: Self.national, options: options) {
            #expect(layout.nodes.filter { $0.name.hasPrefix("f:cs") }.count == centres)
        }
        let crossings = layout.crossings()
        #expect(crossings.isEmpty, "\(crossings.count) crossings: \(crossings.prefix(3))")
    }

    @Test("render load --region R: no flow through a row, for every region of the national network",
          arguments: PageLayoutTests.national.regions.map(\.key))
    func load(region: String) throws {
        let graph = try LoadDiagram.graph(of: PageLayoutTests.load, in: Self.national, options: NetworkDiagramOptions(regions: [region]))
        let crossings = try Layout(graph).crossings()
        #expect(crossings.isEmpty, "\(crossings.count) crossings: \(crossings.prefix(3))")
    }

    @Test("--province P of more than 24 centres: no link through a row, as a network and as a load")
    func provinces() throws {
        let counts = Dictionary(grouping: Self.national.facilities.filter { $0.tier == .healthCentre && $0.isOnRAMEDPathway }, by: \.province)
        // The largest province drawn centre by centre, and one just past a row.
        let drawn = counts.filter { $0.value.count <= NetworkDiagram.maxHealthCentresDrawn && $0.value.count > NetworkDiagram.maxHealthCentresPerRow }
        let picked = [drawn.max { $0.value.count < $1.value.count }, drawn.min { $0.value.count < $1.value.count }].compactMap { $0?.key }.compactMap { $0 }
        #expect(picked.count == 2)
        for province in picked {
            let options = NetworkDiagramOptions(provinces: [Self.national.provinces[province.index].key])
            let network = try Layout(try NetworkDiagram.graph(of: Self.national, options: options)).crossings()
            #expect(network.isEmpty, "\(network.prefix(3))")
            let load = try Layout(try LoadDiagram.graph(of: PageLayoutTests.load, in: Self.national, options: options)).crossings()
            #expect(load.isEmpty, "\(load.prefix(3))")
        }
    }
}
