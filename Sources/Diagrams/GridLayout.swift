import Foundation

/// The page layout of a graph with a ``DiagramGrid``: each tile (a region's box) is laid out by
/// `dot` on its own, then the tiles are placed in rows, northernmost first, each row west to east and
/// centred, the footer below, and the whole graph is drawn at those positions by Graphviz's `nop2`
/// engine (neato's "positions are given, in points" mode), which draws the clusters' boxes and labels
/// where `dot` put them and the edges as `dot` routed them.
///
/// `dot` on one graph of twelve boxes shares its ranks across them and lets a column of boxes drift
/// sideways; here no box knows of another, so the grid is exact, and each layout is small.
enum GridLayout {
    /// Points between two tiles, and around the footer.
    static let gap = 36.0

    /// A tile as `dot` laid it out: its bounding box and what to move with it.
    struct Laid {
        /// The bounding box (left, bottom, right, top) in points, y upwards.
        var box: (x0: Double, y0: Double, x1: Double, y1: Double)
        /// Each node's position.
        var nodes: [String: String]
        /// Each edge's (by its index in the graph) positioned attributes: `pos`, `lp`, ...
        var edges: [Int: [(key: String, value: String)]]
        /// Each cluster's (by its id without `cluster_`) `bb` and `lp`.
        var clusters: [String: [(key: String, value: String)]]
        var width: Double { box.x1 - box.x0 }
        var height: Double { box.y1 - box.y0 }
    }

    /// The attributes of an edge that hold positions.
    static let edgePositions = ["pos", "lp", "xlp", "head_lp", "tail_lp"]

    /// The attribute that carries an edge's index into a tile's layout and back.
    static let edgeKey = "carepath_edge"

    /// The graphs to lay out one by one, the tiles then the footer (nil when it is empty), or nil when
    /// the graph cannot be tiled: no grid, a node in no tile, or a visible edge between two tiles.
    static func pieces(of graph: DiagramGraph) -> (tiles: [DiagramGraph], footer: DiagramGraph?)? {
        guard let grid = graph.grid, !grid.tiles.isEmpty else { return nil }
        var owner: [String: Int] = [:]
        // The box inside a tile each node is in (a hospital's health centres), whose invisible edges
        // stack its rows in the tile's own layout.
        var box: [String: String] = [:]
        func boxes(_ cluster: DiagramCluster) {
            for sub in cluster.subgraphs {
                if sub.isCluster { for node in sub.allNodeIDs { box[node] = sub.id } }
                boxes(sub)
            }
        }
        let groups = grid.tiles.map { [$0.cluster] } + (grid.footer.isEmpty ? [] : [grid.footer])
        var members: [[DiagramCluster]] = []
        for (index, group) in groups.enumerated() {
            var clusters: [DiagramCluster] = []
            for id in group {
                guard let cluster = graph.clusters.first(where: { $0.id == id && $0.isCluster }) else { return nil }
                clusters.append(cluster)
                for node in cluster.allNodeIDs { owner[node] = index }
                boxes(cluster)
            }
            members.append(clusters)
        }
        // Every node in a tile, every cluster placed.
        guard graph.nodes.isEmpty, graph.clusters.count == groups.joined().count else { return nil }
        var edges = Array(repeating: [DiagramEdge](), count: groups.count)
        for (index, edge) in graph.edges.enumerated() {
            // A hint for dot's layout of the whole graph, unless it stacks the rows of a box.
            if edge.attributes["style"] == "invis", box[edge.from] == nil || box[edge.from] != box[edge.to] { continue }
            guard let from = owner[edge.from], let to = owner[edge.to], from == to else { return nil }
            var copy = edge
            copy.attributes[edgeKey] = .text(String(index))
            edges[from].append(copy)
        }
        let pieces = groups.indices.map { index in
            var piece = DiagramGraph(name: graph.name, directed: graph.directed, attributes: graph.attributes)
            piece.attributes["label"] = nil
            if index < grid.tiles.count, let direction = grid.tileDirection { piece.attributes["rankdir"] = .text(direction) }
            piece.nodeDefaults = graph.nodeDefaults
            piece.edgeDefaults = graph.edgeDefaults
            piece.clusters = members[index]
            piece.edges = edges[index]
            return piece
        }
        return (Array(pieces.prefix(grid.tiles.count)), grid.footer.isEmpty ? nil : pieces.last)
    }

    /// Where each tile goes: its row (from the top) and its order in the row, for `columns` columns.
    static func rows(_ tiles: [DiagramGrid.Tile], columns: Int) -> [[Int]] {
        let northFirst = tiles.indices.sorted { (-tiles[$0].north, tiles[$0].east, $0) < (-tiles[$1].north, tiles[$1].east, $1) }
        return stride(from: 0, to: northFirst.count, by: columns).map { start in
            northFirst[start..<min(start + columns, northFirst.count)].sorted { (tiles[$0].east, $0) < (tiles[$1].east, $1) }
        }
    }

    /// The width and height of tiles of `sizes` placed in `rows`, a footer of `footer` below them and
    /// `title` points above them.
    static func size(_ sizes: [(width: Double, height: Double)], rows: [[Int]], footer: (width: Double, height: Double)?, title: Double) -> (width: Double, height: Double) {
        var width = footer?.width ?? 0, height = title + (footer.map { $0.height + gap } ?? 0)
        for row in rows {
            width = max(width, row.reduce(0) { $0 + sizes[$1].width } + Double(row.count - 1) * gap)
            height += (row.map { sizes[$0].height }.max() ?? 0) + gap
        }
        return (width, height - gap)
    }

    /// The number of columns whose page is nearest A3's proportions (√2, landscape), preferring
    /// those between 1:2 and 2:1.
    static func columns(_ tiles: [DiagramGrid.Tile], sizes: [(width: Double, height: Double)], footer: (width: Double, height: Double)?, title: Double) -> Int {
        let target = log(2.0.squareRoot())
        func aspect(_ columns: Int) -> Double {
            let page = size(sizes, rows: rows(tiles, columns: columns), footer: footer, title: title)
            return page.width / max(page.height, 1)
        }
        return (1...max(tiles.count, 1)).min { a, b in
            let x = aspect(a), y = aspect(b)
            let inX = (0.5...2).contains(x), inY = (0.5...2).contains(y)
            if inX != inY { return inX }
            return abs(log(x) - target) < abs(log(y) - target)
        }!
    }

    /// The points a title of `lines` at 16 pt takes above the drawing.
    static func titleHeight(_ graph: DiagramGraph) -> Double {
        guard let label = graph.attributes["label"] else { return 0 }
        let lines: Int
        switch label {
        case .text: lines = 1
        case .lines(let all): lines = all.count
        }
        return Double(lines) * 19 + 12
    }

    /// `graph` with every node, edge and tile at its place on the page, for the `nop2` engine.
    static func positioned(_ graph: DiagramGraph, tiles laid: [Laid], footer: Laid?) -> DiagramGraph {
        let grid = graph.grid!
        let sizes = laid.map { (width: $0.width, height: $0.height) }
        let footerSize = footer.map { (width: $0.width, height: $0.height) }
        let title = titleHeight(graph)
        let columns = columns(grid.tiles, sizes: sizes, footer: footerSize, title: title)
        let rows = rows(grid.tiles, columns: columns)
        let page = size(sizes, rows: rows, footer: footerSize, title: title)

        // Each piece's move: the tiles row by row from the top, each row centred, top-aligned.
        var moves: [(piece: Laid, dx: Double, dy: Double)] = []
        var top = page.height - title
        for row in rows {
            let rowWidth = row.reduce(0) { $0 + sizes[$1].width } + Double(row.count - 1) * gap
            var left = (page.width - rowWidth) / 2
            for index in row {
                let piece = laid[index]
                moves.append((piece, left - piece.box.x0, top - piece.height - piece.box.y0))
                left += piece.width + gap
            }
            top -= (row.map { sizes[$0].height }.max() ?? 0) + gap
        }
        if let footer { moves.append((footer, (page.width - footer.width) / 2 - footer.box.x0, -footer.box.y0)) }

        var nodes: [String: String] = [:]
        var edges: [Int: [(key: String, value: String)]] = [:]
        var clusters: [String: [(key: String, value: String)]] = [:]
        for (piece, dx, dy) in moves {
            for (id, pos) in piece.nodes { nodes[id] = moved(pos, dx, dy) }
            for (index, attributes) in piece.edges { edges[index] = attributes.map { ($0.key, moved($0.value, dx, dy)) } }
            for (id, attributes) in piece.clusters { clusters[id] = attributes.map { ($0.key, moved($0.value, dx, dy)) } }
        }

        var out = graph
        out.grid = nil
        out.attributes["bb"] = .text("0,0,\(number(page.width)),\(number(page.height))")
        if graph.attributes["label"] != nil { out.attributes["lp"] = .text("\(number(page.width / 2)),\(number(page.height - title / 2))") }
        func place(_ cluster: inout DiagramCluster) {
            for (key, value) in clusters[cluster.id] ?? [] where cluster.isCluster { cluster.attributes[key] = .text(value) }
            for index in cluster.nodes.indices { cluster.nodes[index].attributes["pos"] = nodes[cluster.nodes[index].id].map(DiagramValue.text) }
            for index in cluster.subgraphs.indices { place(&cluster.subgraphs[index]) }
        }
        for index in out.clusters.indices { place(&out.clusters[index]) }
        out.edges = graph.edges.indices.compactMap { index in
            guard let attributes = edges[index] else { return nil }
            var edge = graph.edges[index]
            for (key, value) in attributes { edge.attributes[key] = .text(value) }
            return edge
        }
        return out
    }

    /// A3 in inches, landscape: 420 × 297 mm.
    static let a3 = (long: 16.54, short: 11.69)

    /// Sets `graph`'s `size` to an A3 sheet turned as the graph is (landscape when wider than high)
    /// and its `dpi` (none for a PDF): Graphviz scales a larger drawing down to fit the sheet (4,961 ×
    /// 3,508 pixels at 300 dpi).
    /// A PDF page has Graphviz's margin of half an inch around the drawing: the drawing then fits
    /// A3 less an inch each way, the page A3.
    static func fitA3(_ graph: inout DiagramGraph, dpi: Int?) {
        guard case .text(let box)? = graph.attributes["bb"] else { return }
        let corner = box.split(separator: ",").map { Double($0) ?? 0 }
        let landscape = corner.count == 4 && corner[2] - corner[0] >= corner[3] - corner[1]
        let margins = dpi == nil ? 1.0 : 0
        let long = number(a3.long - margins), short = number(a3.short - margins)
        graph.attributes["size"] = .text(landscape ? "\(long),\(short)" : "\(short),\(long)")
        if let dpi { graph.attributes["dpi"] = .text(String(dpi)) }
    }

    /// A Graphviz position list (`x,y`, `e,x,y x,y ...`, `x0,y0,x1,y1`) moved by `dx`, `dy`.
    static func moved(_ value: String, _ dx: Double, _ dy: Double) -> String {
        value.split(separator: " ").map { token -> String in
            var prefix = "", rest = Substring(token)
            if rest.hasPrefix("e,") || rest.hasPrefix("s,") { prefix = String(rest.prefix(2)); rest = rest.dropFirst(2) }
            let numbers = rest.split(separator: ",").map { Double($0) ?? 0 }
            return prefix + numbers.enumerated().map { number($0.element + ($0.offset % 2 == 0 ? dx : dy)) }.joined(separator: ",")
        }.joined(separator: " ")
    }

    /// A coordinate in points, two decimals at most.
    static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
