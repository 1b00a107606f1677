import Foundation

/// The page layout of a graph with a ``DiagramGrid``: each tile (a region's box) is laid out by
/// `dot` on its own (drawn tighter, ``compacted(_:)``), then the tiles are placed in columns, west
/// to east, each north to south, the footer below, and the whole graph is drawn at those positions by Graphviz's `nop2`
/// engine (neato's "positions are given, in points" mode), which draws the clusters' boxes and labels
/// where `dot` put them and the edges as `dot` routed them.
///
/// `dot` on one graph of twelve boxes shares its ranks across them and lets a column of boxes drift
/// sideways; here no box knows of another, so the grid is exact, and each layout is small.
enum GridLayout {
    /// Points between two tiles, and around the footer.
    static let gap = 12.0

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

    /// The characters a line of a label may hold on a page of tiles (a longer word keeps its line):
    /// the renderer lays the tiles out with each and keeps the page that prints largest, the widest of
    /// those that print alike (narrower lines make taller nodes, and which fits A3 better depends on
    /// the picture). The regional
    /// hospitals and CHUs, whose column holds one or two nodes as high as the region's hospitals,
    /// break at ``topLineWidth``.
    static let lineWidths = [22, 20, 18], topLineWidth = 14

    /// A page of tiles of at most ``smallMap`` nodes that prints on A3 at this scale or more as `dot`
    /// draws it (its 11-point labels at 9 points or more: the teaching network's two regions) is
    /// drawn as it is; a larger one (the national network) is drawn tighter, ``compacted(_:lineWidth:)``.
    static let comfortableScale = 0.8

    /// The most nodes a page of tiles has for the renderer to lay it out as `dot` draws it first (a
    /// layout that costs a third of a second for the national network in two languages, and never
    /// prints large enough there).
    static let smallMap = 120

    /// `line` broken at spaces into as few lines of at most `width` characters as it takes, as even
    /// in length as they can be (a word longer than `width` keeps its line).
    static func wrapped(_ line: String, width: Int) -> [String] {
        guard line.count > width else { return [line] }
        let lines = PathwayDiagram.wrap(line, width: width)
        // The narrowest width that takes no more lines.
        for narrower in stride(from: (line.count + lines.count - 1) / lines.count, to: width, by: 1) {
            let even = PathwayDiagram.wrap(line, width: narrower)
            if even.count <= lines.count { return even }
        }
        return lines
    }

    /// `graph` drawn tighter for a page of tiles (a region's box each), so that its labels print
    /// larger on the sheet: label lines broken past `lineWidth` (``topLineWidth`` for levels 3 and
    /// 4), a short last line (a percentage) joined to the one above it; a region's CHU in the column of its regional hospital; the labels of links above the
    /// health centres placed once the nodes are (`xlabel`); nodes as high as their lines, and nodes,
    /// ranks and tiles closer. The DOT text of the graph (`--format dot`) is not changed.
    static func compacted(_ graph: DiagramGraph, lineWidth: Int = lineWidths[0]) -> DiagramGraph {
        var out = graph
        func wrap(_ node: inout DiagramNode, width: Int) {
            guard case .lines(var lines)? = node.attributes["label"] else { return }
            lines = lines.flatMap { wrapped($0, width: width) }
            // A short last line (a load's `80 %`) joins the line above it when they fit together.
            if lines.count > 1, lines[lines.count - 1].count <= 6, lines[lines.count - 2].count + 1 + lines[lines.count - 1].count <= width {
                lines[lines.count - 2] += " " + lines.removeLast()
            }
            node.attributes["label"] = .lines(lines)
        }
        func visit(_ cluster: inout DiagramCluster) {
            let upper = cluster.id.hasSuffix(":3") || cluster.id.hasSuffix(":4")
            for index in cluster.nodes.indices { wrap(&cluster.nodes[index], width: upper ? topLineWidth : lineWidth) }
            for index in cluster.subgraphs.indices { visit(&cluster.subgraphs[index]) }
        }
        for index in out.clusters.indices { visit(&out.clusters[index]) }
        for index in out.nodes.indices { wrap(&out.nodes[index], width: lineWidth) }
        // A region's CHU (and the copies of another region's) in the column of its regional hospital,
        // above it: a column of one or two nodes as high as the region would be mostly empty.
        for index in out.clusters.indices {
            let id = out.clusters[index].id
            guard let upper = out.clusters[index].subgraphs.firstIndex(where: { $0.id == "rank:\(id):4" }),
                  let lower = out.clusters[index].subgraphs.firstIndex(where: { $0.id == "rank:\(id):3" }) else { continue }
            out.clusters[index].subgraphs[lower].nodes.insert(contentsOf: out.clusters[index].subgraphs[upper].nodes, at: 0)
            out.clusters[index].subgraphs.remove(at: upper)
        }
        // The labels of links above the health centres (P3, P4: the same on every link of a level)
        // placed once the nodes are, so that they take no rank of their own; the health centres' keep
        // theirs (a number of centres, or a flow), which would overlap each other as `xlabel`s.
        var lowest = Set<String>()
        func lowestRank(_ cluster: DiagramCluster) {
            if cluster.id.hasSuffix(":1") || cluster.id.hasPrefix("centres:") { lowest.formUnion(cluster.allNodeIDs) }
            cluster.subgraphs.forEach(lowestRank)
        }
        out.clusters.forEach(lowestRank)
        // A link within one column (a regional hospital to the CHU above it) is too short for a label
        // on it: its label goes beside its start.
        var column = [String: String]()
        func columns(_ cluster: DiagramCluster) {
            if cluster.id.hasPrefix("rank:") { for node in cluster.nodes { column[node.id] = cluster.id } }
            cluster.subgraphs.forEach(columns)
        }
        out.clusters.forEach(columns)
        for index in out.edges.indices where !lowest.contains(out.edges[index].from) {
            guard let label = out.edges[index].attributes["label"] else { continue }
            let edge = out.edges[index]
            out.edges[index].attributes["label"] = nil
            if let from = column[edge.from], from == column[edge.to] {
                out.edges[index].attributes["taillabel"] = label
                out.edges[index].attributes["labelangle"] = "-50"
                out.edges[index].attributes["labeldistance"] = "1.6"
            } else {
                out.edges[index].attributes["xlabel"] = label
            }
        }
        out.attributes["nodesep"] = "0.04"
        out.attributes["ranksep"] = "0.15"
        // Nodes as high as their lines (not the half inch a node is at least), with narrow margins;
        // the links' labels as large as the nodes'.
        out.nodeDefaults["height"] = "0.3"
        out.nodeDefaults["margin"] = "0.06,0.03"
        out.edgeDefaults["fontsize"] = "11"
        return out
    }

    /// Where each tile goes: `columns` columns from west to east, each north to south. The tiles,
    /// ordered by longitude, are cut into that many runs of neighbours whose tallest column is the
    /// least tall: the regions' boxes differ in height far more than in width, so columns of them
    /// pack a page more tightly than rows (each as high as its highest box) would.
    static func columns(_ tiles: [DiagramGrid.Tile], heights: [Double], count: Int) -> [[Int]] {
        let westFirst = tiles.indices.sorted { (tiles[$0].east, -tiles[$0].north, $0) < (tiles[$1].east, -tiles[$1].north, $1) }
        let n = westFirst.count, k = max(1, min(count, n))
        guard n > 0 else { return [] }
        // best[j][i]: the least tallest column cutting the first i tiles into j columns; cut[j][i] its last run's start.
        func height(_ from: Int, _ to: Int) -> Double {
            westFirst[from..<to].reduce(0) { $0 + heights[$1] } + Double(to - from - 1) * gap
        }
        var best = Array(repeating: Array(repeating: Double.infinity, count: n + 1), count: k + 1)
        var cut = Array(repeating: Array(repeating: 0, count: n + 1), count: k + 1)
        best[0][0] = 0
        for j in 1...k {
            for i in j...n {
                for start in (j - 1)..<i where best[j - 1][start] < .infinity {
                    let tallest = max(best[j - 1][start], height(start, i))
                    if tallest < best[j][i] { best[j][i] = tallest; cut[j][i] = start }
                }
            }
        }
        var runs: [[Int]] = [], end = n
        for j in stride(from: k, through: 1, by: -1) {
            let start = cut[j][end]
            runs.insert(Array(westFirst[start..<end]), at: 0)
            end = start
        }
        return runs.map { run in run.sorted { (-tiles[$0].north, tiles[$0].east, $0) < (-tiles[$1].north, tiles[$1].east, $1) } }
    }

    /// The width and height of tiles of `sizes` placed in `columns`, `title` points above them, and
    /// the footer of `footer`: under the column with the most room left at its foot when it fits
    /// there (`footerColumn`), else in a row below them all (nil).
    static func size(_ sizes: [(width: Double, height: Double)], columns: [[Int]], footer: (width: Double, height: Double)?, title: Double)
        -> (width: Double, height: Double, footerColumn: Int?) {
        var width = 0.0, height = 0.0
        let widths = columns.map { column in column.map { sizes[$0].width }.max() ?? 0 }
        let heights = columns.map { column in column.reduce(0) { $0 + sizes[$1].height } + Double(column.count - 1) * gap }
        for (columnWidth, columnHeight) in zip(widths, heights) {
            width += columnWidth + gap
            height = max(height, columnHeight)
        }
        guard let footer else { return (max(width - gap, 0), height + title, nil) }
        let room = columns.indices.filter { widths[$0] >= footer.width && height - heights[$0] >= footer.height + gap }
        if let column = room.min(by: { (heights[$0], $0) < (heights[$1], $1) }) { return (max(width - gap, 0), height + title, column) }
        return (max(width - gap, footer.width), height + title + footer.height + gap, nil)
    }

    /// A Graphviz bounding box (`bb`: `x0,y0,x1,y1`, in points), nil when it is not four numbers.
    static func corners(_ bb: String) -> (x0: Double, y0: Double, x1: Double, y1: Double)? {
        let corner = bb.split(separator: ",").map { Double($0) ?? 0 }
        return corner.count == 4 ? (corner[0], corner[1], corner[2], corner[3]) : nil
    }

    /// The size of `graph`'s drawing from its `bb`, in points.
    static func pageSize(_ graph: DiagramGraph) -> (width: Double, height: Double) {
        guard case .text(let bb)? = graph.attributes["bb"], let box = corners(bb) else { return (0, 0) }
        return (box.x1 - box.x0, box.y1 - box.y0)
    }

    /// The scale at which a drawing of `size` points prints on an A3 sheet turned as it is (1 at most).
    static func printedScale(_ size: (width: Double, height: Double)) -> Double {
        let long = a3.long * 72, short = a3.short * 72
        let (across, down) = size.width >= size.height ? (long, short) : (short, long)
        return min(1, across / max(size.width, 1), down / max(size.height, 1))
    }

    /// The number of columns whose page prints largest on A3 (its labels the most legible), among
    /// those between 1:2 and 2:1 when some number allows it; of two that print alike (within 2 %),
    /// the one nearer A3's proportions (√2).
    static func columnCount(_ tiles: [DiagramGrid.Tile], sizes: [(width: Double, height: Double)], footer: (width: Double, height: Double)?, title: Double) -> Int {
        let target = log(2.0.squareRoot())
        func page(_ count: Int) -> (width: Double, height: Double) {
            let page = size(sizes, columns: columns(tiles, heights: sizes.map(\.height), count: count), footer: footer, title: title)
            return (page.width, page.height)
        }
        return (1...max(tiles.count, 1)).min { a, b in
            let x = page(a), y = page(b)
            let ax = max(x.width / max(x.height, 1), x.height / max(x.width, 1)), ay = max(y.width / max(y.height, 1), y.height / max(y.width, 1))
            if (ax <= 2) != (ay <= 2) { return ax <= 2 }
            let sx = printedScale(x), sy = printedScale(y)
            if abs(sx - sy) > 0.02 * max(sx, sy) { return sx > sy }
            return abs(log(ax) - target) < abs(log(ay) - target)
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
        let count = columnCount(grid.tiles, sizes: sizes, footer: footerSize, title: title)
        let columns = columns(grid.tiles, heights: sizes.map(\.height), count: count)
        let page = size(sizes, columns: columns, footer: footerSize, title: title)

        // Each piece's move: the columns west to east, each from the top, its tiles centred in it.
        var moves: [(piece: Laid, dx: Double, dy: Double)] = []
        let columnsWidth = columns.reduce(0) { $0 + ($1.map { sizes[$0].width }.max() ?? 0) } + Double(columns.count - 1) * gap
        var left = (page.width - columnsWidth) / 2
        for (number, column) in columns.enumerated() {
            let width = column.map { sizes[$0].width }.max() ?? 0
            var top = page.height - title
            for index in column {
                let piece = laid[index]
                moves.append((piece, left + (width - piece.width) / 2 - piece.box.x0, top - piece.height - piece.box.y0))
                top -= piece.height + gap
            }
            // The footer under this column, where there is room for it.
            if let footer, page.footerColumn == number { moves.append((footer, left + (width - footer.width) / 2 - footer.box.x0, top - footer.height - footer.box.y0)) }
            left += width + gap
        }
        if let footer, page.footerColumn == nil { moves.append((footer, (page.width - footer.width) / 2 - footer.box.x0, -footer.box.y0)) }

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

    /// The margin of a PDF page around a picture of tiles, in inches (5 mm, about what a printer leaves).
    static let pdfMargin = 0.2

    /// A3 in inches, landscape: 420 × 297 mm.
    static let a3 = (long: 16.54, short: 11.69)

    /// Sets `graph`'s `size` to an A3 sheet turned as the graph is (landscape when wider than high)
    /// and its `dpi` (none for a PDF): Graphviz scales a larger drawing down to fit the sheet (4,961 ×
    /// 3,508 pixels at 300 dpi).
    /// A PDF page has a margin of ``pdfMargin`` around the drawing (a printer's, not Graphviz's half
    /// inch): the drawing then fits A3 less twice that each way, the page A3.
    static func fitA3(_ graph: inout DiagramGraph, dpi: Int?) {
        guard case .text(let bb)? = graph.attributes["bb"] else { return }
        let landscape = corners(bb).map { $0.x1 - $0.x0 >= $0.y1 - $0.y0 } ?? false
        let margins = dpi == nil ? 2 * pdfMargin : 0
        if dpi == nil { graph.attributes["margin"] = .text(number(pdfMargin)) }
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
