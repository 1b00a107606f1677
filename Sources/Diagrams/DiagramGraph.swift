/// A graph to draw, as plain Swift values: nodes, edges, clusters and attributes.
///
/// It knows nothing of Graphviz's C API: ``dotSource`` turns it into DOT text (every user string
/// escaped), and ``GraphvizRenderer`` lays that text out and renders it. Order is kept as built, so
/// the same graph always gives the same bytes.
public struct DiagramGraph: Hashable, Sendable {
    /// The graph's name (escaped like any other string).
    public var name: String
    /// Whether edges have arrows (`digraph`).
    public var directed: Bool
    /// Graph-wide attributes (`rankdir`, `label`, ...).
    public var attributes: DiagramAttributes
    /// Defaults for every node (`node [...]`).
    public var nodeDefaults: DiagramAttributes
    /// Defaults for every edge (`edge [...]`).
    public var edgeDefaults: DiagramAttributes
    /// Nodes outside any cluster.
    public var nodes: [DiagramNode]
    /// Edges, in drawing order.
    public var edges: [DiagramEdge]
    /// Subgraphs: clusters (drawn as boxes) and rank groups.
    public var clusters: [DiagramCluster]
    /// How ``GraphvizRenderer`` places the clusters on a page: each laid out on its own and placed in
    /// columns, or nil for one `dot` layout of the whole graph. Not part of ``dotSource``.
    public var grid: DiagramGrid?

    /// An empty graph.
    public init(name: String, directed: Bool = true, attributes: DiagramAttributes = [:]) {
        self.name = name
        self.directed = directed
        self.attributes = attributes
        self.nodeDefaults = [:]
        self.edgeDefaults = [:]
        self.nodes = []
        self.edges = []
        self.clusters = []
        self.grid = nil
    }

    /// Every node id of the graph, clusters included, in order.
    public var allNodeIDs: [String] { nodes.map(\.id) + clusters.flatMap(\.allNodeIDs) }
}

/// Clusters placed as tiles of a grid, like a map: each is laid out by `dot` on its own, drawn
/// tighter than a graph of its own (label lines broken, nodes closer), in columns from west to east
/// (the tiles cut by longitude so that the tallest column is as short as it can be), each column
/// north to south, and the footer's clusters in a row below them. ``GraphvizRenderer`` chooses the
/// number of columns from the tiles' laid-out sizes: the one whose page prints largest on an A3 sheet,
/// between 1:2 and 2:1 when some number allows it. A graph with an edge between two tiles that is not
/// invisible, or a node in no tile, is laid out whole by `dot` instead.
public struct DiagramGrid: Hashable, Sendable {
    /// A cluster and where it lies: its place orders the tiles (west to east, then north to south).
    public struct Tile: Hashable, Sendable {
        /// The cluster's id (without `cluster_`).
        public var cluster: String
        /// West to east (a longitude).
        public var east: Double
        /// South to north (a latitude).
        public var north: Double
        /// The tile of `cluster`, at `north`, `east`.
        public init(cluster: String, north: Double, east: Double) {
            self.cluster = cluster
            self.north = north
            self.east = east
        }
    }

    /// The tiles, in any order.
    public var tiles: [Tile]
    /// Clusters drawn in a row below the tiles (a legend), in order.
    public var footer: [String]
    /// The `rankdir` each tile is laid out with (nil: the graph's); the footer keeps the graph's.
    public var tileDirection: String?

    /// A grid of `tiles`, each laid out with `tileDirection` (nil: the graph's `rankdir`), `footer` below them.
    public init(tiles: [Tile], footer: [String] = [], tileDirection: String? = nil) {
        self.tiles = tiles
        self.footer = footer
        self.tileDirection = tileDirection
    }
}

/// One node: an id (never shown unless no label is given) and its attributes.
public struct DiagramNode: Hashable, Sendable {
    /// Its id (escaped like any other string; never shown unless no label is given).
    public var id: String
    /// Its attributes (`label`, `shape`, ...).
    public var attributes: DiagramAttributes
    /// A node with its attributes.
    public init(id: String, attributes: DiagramAttributes = [:]) {
        self.id = id
        self.attributes = attributes
    }
}

/// One edge between two node ids.
public struct DiagramEdge: Hashable, Sendable {
    /// The id of the node it starts at.
    public var from: String
    /// The id of the node it ends at.
    public var to: String
    /// Its attributes (`label`, `color`, ...).
    public var attributes: DiagramAttributes
    /// An edge between two node ids.
    public init(from: String, to: String, attributes: DiagramAttributes = [:]) {
        self.from = from
        self.to = to
        self.attributes = attributes
    }
}

/// A subgraph. With `isCluster`, Graphviz draws a box around it (its id gets the `cluster_` prefix);
/// without, it only groups nodes, for example to give them the same rank.
public struct DiagramCluster: Hashable, Sendable {
    /// Its id (`cluster_` is prefixed for a cluster).
    public var id: String
    /// Whether Graphviz draws a box around it.
    public var isCluster: Bool
    /// Its attributes (`label`, `rank`, ...).
    public var attributes: DiagramAttributes
    /// Its nodes.
    public var nodes: [DiagramNode]
    /// Its subgraphs, inside it.
    public var subgraphs: [DiagramCluster]
    /// A subgraph with its attributes, nodes and subgraphs.
    public init(id: String, isCluster: Bool = true, attributes: DiagramAttributes = [:], nodes: [DiagramNode] = [], subgraphs: [DiagramCluster] = []) {
        self.id = id
        self.isCluster = isCluster
        self.attributes = attributes
        self.nodes = nodes
        self.subgraphs = subgraphs
    }

    /// The node ids of this subgraph and its subgraphs, in order.
    public var allNodeIDs: [String] { nodes.map(\.id) + subgraphs.flatMap(\.allNodeIDs) }

    /// The ids of this cluster and of the clusters inside it, in order (subgraphs that are not clusters left out).
    var clusterIDs: [String] { (isCluster ? [id] : []) + subgraphs.flatMap(\.clusterIDs) }
}

/// An attribute value: text (written as an escaped quoted string), or a multi-line label whose lines
/// are each escaped and joined with DOT's `\n`.
public enum DiagramValue: Hashable, Sendable, ExpressibleByStringLiteral {
    /// One literal string: quotes, backslashes and newlines are escaped, so it renders as typed.
    case text(String)
    /// Literal lines, centred, one under the other.
    case lines([String])

    public init(stringLiteral value: String) { self = .text(value) }
}

/// Attributes in the order they were set (so output is deterministic); setting a key again replaces
/// its value in place.
public struct DiagramAttributes: Hashable, Sendable, ExpressibleByDictionaryLiteral, Sequence {
    /// The attributes, in the order they were first set.
    public private(set) var pairs: [(key: String, value: DiagramValue)]

    public init(dictionaryLiteral elements: (String, DiagramValue)...) {
        pairs = []
        for (key, value) in elements { self[key] = value }
    }

    /// The value of `key`, or nil; assigning nil removes it.
    public subscript(key: String) -> DiagramValue? {
        get { pairs.first { $0.key == key }?.value }
        set {
            if let index = pairs.firstIndex(where: { $0.key == key }) {
                if let newValue { pairs[index].value = newValue } else { pairs.remove(at: index) }
            } else if let newValue {
                pairs.append((key, newValue))
            }
        }
    }

    /// Whether no attribute is set.
    public var isEmpty: Bool { pairs.isEmpty }

    public func makeIterator() -> IndexingIterator<[(key: String, value: DiagramValue)]> { pairs.makeIterator() }

    public static func == (a: DiagramAttributes, b: DiagramAttributes) -> Bool {
        a.pairs.count == b.pairs.count && zip(a.pairs, b.pairs).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        for pair in pairs {
            hasher.combine(pair.key)
            hasher.combine(pair.value)
        }
    }
}
