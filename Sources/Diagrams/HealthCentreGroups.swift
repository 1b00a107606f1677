/// A region's health centres boxed under the hospital they refer to, so that no link crosses a row.
///
/// Dealt into rows with a link each, a region's centres made the links of the lower rows pass between
/// the centres of the rows above them. Here each hospital's centres (P2) are one box of their own,
/// dealt into rows inside it (tied by invisible edges, the first row nearest the hospitals), and one
/// link leaves the box for the hospital, from its border (`ltail`, Graphviz's `compound`), labelled
/// with how many centres it stands for (`P2 ×12`) or, on a load diagram, the patients summed. Every
/// visible link then joins the box's first row to the hospitals' row next to it.
enum HealthCentreGroups {
    /// One hospital's box: a cluster of rows and the node its links leave from.
    struct Group {
        /// The cluster's id (`centres:REGION:TARGET`).
        var cluster: DiagramCluster
        /// The node of the first row the box's links are drawn from (clipped at the box's border).
        var anchor: String
        /// The node id of the hospital the centres refer to ("" for none).
        var target: String
        /// The centres' node ids.
        var members: [String]
    }

    /// A region's ranks, the lowest level first: one row per level, except its health centres when
    /// there are more than ``NetworkDiagram/maxHealthCentresPerRow`` of them and `boxesCentres`, which
    /// are boxed under their hospitals (`target`: node id to the node id it refers to). Returns the
    /// region's rank clusters, the nodes of each rank as they stack (for ``RegionGrid``), the boxes,
    /// and the invisible edges that stack each box's rows.
    static func regionRanks(_ byLevel: [Int: [DiagramNode]], region: String, target: [String: String], boxesCentres: Bool = true)
        -> (ranks: [DiagramCluster], stacked: [[DiagramNode]], boxes: [Group], edges: [DiagramEdge]) {
        var ranks: [DiagramCluster] = [], stacked: [[DiagramNode]] = [], boxes: [Group] = [], edges: [DiagramEdge] = []
        for level in byLevel.keys.sorted() {
            let nodes = byLevel[level]!
            guard level == 1, boxesCentres, nodes.count > NetworkDiagram.maxHealthCentresPerRow else {
                ranks.append(DiagramCluster(id: "rank:\(region):\(level)", isCluster: false, attributes: ["rank": "same"], nodes: nodes))
                stacked.append(nodes)
                continue
            }
            // A region's health centres in one row would make a strip tens of thousands of points
            // wide, and dealt into rows with a link each, the lower rows' links would pass between
            // the centres above them: each hospital's centres are a box of rows under it instead,
            // with one link from the box.
            let groups = Self.groups(nodes, region: region, target: target)
            for box in groups {
                ranks.append(box.cluster)
                edges += stackingEdges(box)
            }
            boxes += groups
            stacked += Self.ranks(groups)
        }
        return (ranks, stacked, boxes, edges)
    }

    /// The most rows a region's centres take: as many as rows of ``NetworkDiagram/maxHealthCentresPerRow``
    /// would take.
    static func rows(for count: Int) -> Int {
        max(1, (count + NetworkDiagram.maxHealthCentresPerRow - 1) / NetworkDiagram.maxHealthCentresPerRow)
    }

    /// The boxes of `nodes` (a region's health centres), one per hospital of `target` (node id to the
    /// node id it refers to), in the order of those targets; each box is at most ``rows(for:)`` rows
    /// of `nodes.count` deep, its centres in their order.
    static func groups(_ nodes: [DiagramNode], region: String, target: [String: String]) -> [Group] {
        let depth = rows(for: nodes.count)
        var byTarget: [String: [DiagramNode]] = [:]
        for node in nodes { byTarget[target[node.id] ?? "", default: []].append(node) }
        return byTarget.keys.sorted().map { key in
            let members = byTarget[key]!
            let columns = (members.count + depth - 1) / depth
            let rows = stride(from: 0, to: members.count, by: columns).map { Array(members[$0..<min($0 + columns, members.count)]) }
            let id = "centres:\(region):\(key)"
            let cluster = DiagramCluster(
                id: id,
                attributes: ["label": "", "style": "rounded,dashed", "color": "#a5d6a7", "margin": "6"],
                subgraphs: rows.enumerated().map { index, row in
                    DiagramCluster(id: "\(id):\(index)", isCluster: false, attributes: ["rank": "same"], nodes: row)
                }
            )
            return Group(cluster: cluster, anchor: rows[0][rows[0].count / 2].id, target: key, members: members.map(\.id))
        }
    }

    /// The invisible edges that stack a box's rows, each centre under the one above it (the diagrams
    /// are drawn bottom to top: an edge's head is above its tail).
    static func stackingEdges(_ group: Group) -> [DiagramEdge] {
        let rows = group.cluster.subgraphs.map { $0.nodes.map(\.id) }
        return rows.indices.dropFirst().flatMap { index in
            rows[index].enumerated().map { column, id in
                DiagramEdge(from: id, to: rows[index - 1][min(column, rows[index - 1].count - 1)], attributes: ["style": "invis"])
            }
        }
    }

    /// The ranks of `groups`, bottom first, for ``RegionGrid/block(ranks:)``.
    static func ranks(_ groups: [Group]) -> [[DiagramNode]] {
        let depth = groups.map(\.cluster.subgraphs.count).max() ?? 0
        return (0..<depth).reversed().map { row in groups.flatMap { $0.cluster.subgraphs.count > row ? $0.cluster.subgraphs[row].nodes : [] } }
    }
}
