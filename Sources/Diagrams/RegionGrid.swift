import CareNetwork
import Foundation

/// Regions laid out as a grid, so that a picture of many regions fits a page.
///
/// `dot` puts every region's box side by side, its levels sharing the ranks: twelve regions make a
/// strip 50 times wider than high. Here each region's box is estimated from its labels to decide
/// whether the boxes side by side would pass 2:1; when they would, the graph gets a ``DiagramGrid``:
/// ``GraphvizRenderer`` lays out each region on its own, its levels as columns (``tileDirection(_:)``),
/// and places them as a map, in columns west to east, each north to south. A link to another region's facility then
/// ends at a copy of it inside the region's box. For a reader of the DOT text (which `dot` lays out
/// whole), invisible edges also stack each region above the one below it in a column of the
/// estimated grid: from the middle of the lower region's top level to the middle of its upper
/// neighbour's bottom level. Those edges join two levels, never a level to itself (which Graphviz 2.43
/// cannot lay out across boxes, see `LoadDiagram.draws`); `dot` lets such a column drift sideways.
enum RegionGrid {
    /// A region's box: its cluster, the node of its lowest rank and of its highest, and its estimated size in points.
    struct Block {
        /// The middle node of its lowest rank.
        var bottom: [String]
        /// The middle node of its highest rank.
        var top: String
        var width: Double
        var height: Double
    }

    /// The points `dot` gives a label of `lines` at the default font size (11 pt), with its margins.
    static func nodeSize(_ node: DiagramNode) -> (width: Double, height: Double) {
        guard case .lines(let lines)? = node.attributes["label"] else { return (54, 36) }
        let characters = Double(lines.map(\.count).max() ?? 1)
        let round = node.attributes["shape"] == "ellipse" || node.attributes["shape"] == "doubleoctagon"
        return (max(54, characters * 6.6 * (round ? 1.35 : 1) + 16), max(36, Double(lines.count) * 13.5 + 14))
    }

    /// The estimated size of a region's box whose ranks, bottom first, hold `ranks`.
    static func block(ranks: [[DiagramNode]]) -> Block? {
        // For dot's layout of the DOT text: a box's top middle node is tied to the bottom middle node of
        // the box above it, and within each box its bottom middle node to its top, so that a column of
        // boxes stays nearly straight (dot still lets it drift sideways by about a box's width over twelve).
        guard let lowest = ranks.first, !lowest.isEmpty, let highest = ranks.last, !highest.isEmpty else { return nil }
        let bottom = [lowest[lowest.count / 2].id], top = highest[highest.count / 2].id
        var width = 0.0, height = 30.0
        for rank in ranks {
            let sizes = rank.map(nodeSize)
            width = max(width, sizes.reduce(0) { $0 + $1.width } + Double(max(rank.count - 1, 0)) * 21.6)
            height += (sizes.map(\.height).max() ?? 36) + 43
        }
        return Block(bottom: bottom, top: top, width: width + 24, height: height)
    }

    /// The aspect ratio (width over height) of `blocks` dealt row by row into `columns` columns.
    static func aspect(_ blocks: [Block], columns: Int) -> Double {
        var width = 0.0, height = 0.0
        for start in stride(from: 0, to: blocks.count, by: columns) {
            let row = blocks[start..<min(start + columns, blocks.count)]
            width = max(width, row.reduce(0) { $0 + $1.width } + Double(row.count - 1) * 40)
            height += (row.map(\.height).max() ?? 0) + 40
        }
        return width / max(height, 1)
    }

    /// The number of columns: all the boxes side by side (as `dot` draws them) when that is within
    /// 2:1, else the grid nearest A3's aspect ratio (√2), preferring ratios between 1:2 and 2:1.
    static func columns(_ blocks: [Block]) -> Int {
        guard blocks.count > 1 else { return 1 }
        if aspect(blocks, columns: blocks.count) <= 2 { return blocks.count }
        let target = log(2.0.squareRoot())
        return (1...blocks.count).min { a, b in
            let x = aspect(blocks, columns: a), y = aspect(blocks, columns: b)
            let inX = (0.5...2).contains(x), inY = (0.5...2).contains(y)
            if inX != inY { return inX }
            return abs(log(x) - target) < abs(log(y) - target)
        }!
    }

    /// How a region's box is laid out on the grid: its levels as columns, compact boxes that tile a
    /// page, health centres on the left and CHUs on the right (in Arabic alone, right to left).
    static func tileDirection(_ language: LabelLanguages) -> String {
        language.languages.first == .ar ? "RL" : "LR"
    }

    /// The tile of a region's box, at the mean position of `facilities`, for ``DiagramGrid``.
    static func tile(_ cluster: String, of facilities: [FacilityID], in network: CareNetwork) -> DiagramGrid.Tile {
        let count = Double(max(facilities.count, 1))
        let north = facilities.reduce(0) { $0 + network[$1].location.latitude } / count
        let east = facilities.reduce(0) { $0 + network[$1].location.longitude } / count
        return DiagramGrid.Tile(cluster: cluster, north: north, east: east)
    }

    /// Adds `node` to the rank of `level` in the box of `region` (`rank:REGION:LEVEL`, created when the
    /// box has none), once.
    static func add(_ node: DiagramNode, level: Int, toRegion region: String, in graph: inout DiagramGraph) {
        guard let box = graph.clusters.firstIndex(where: { $0.id == region }) else { return }
        let rank = "rank:\(region):\(level)"
        if let index = graph.clusters[box].subgraphs.firstIndex(where: { $0.id == rank }) {
            if !graph.clusters[box].subgraphs[index].nodes.contains(where: { $0.id == node.id }) { graph.clusters[box].subgraphs[index].nodes.append(node) }
        } else {
            graph.clusters[box].subgraphs.append(DiagramCluster(id: rank, isCluster: false, attributes: ["rank": "same"], nodes: [node]))
        }
    }

    /// The invisible edges that stack `blocks`, dealt row by row into `columns` columns, the first
    /// row at the top (the diagrams are drawn bottom to top: an edge's head is above its tail).
    static func edges(_ blocks: [Block], columns: Int) -> [DiagramEdge] {
        guard columns < blocks.count else { return [] }
        return blocks.indices.dropFirst(columns).flatMap { index in
            blocks[index - columns].bottom.map { DiagramEdge(from: blocks[index].top, to: $0, attributes: ["style": "invis", "weight": "50"]) }
        } + blocks.flatMap { block in
            // Within each box, its bottom under its top, so that a column is one straight line.
            block.bottom.filter { $0 != block.top }.map { DiagramEdge(from: $0, to: block.top, attributes: ["style": "invis", "weight": "50"]) }
        }
    }
}
