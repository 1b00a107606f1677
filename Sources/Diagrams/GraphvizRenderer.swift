import CGraphviz
import Foundation

/// Lays out and renders ``DiagramGraph``s in-process with libgvc (no `dot` subprocess).
///
/// It owns one Graphviz context for its lifetime and, per render, the parsed graph, its layout and the
/// render buffer, all freed before the call returns. libgvc is not thread-safe and its error hook is
/// global, so every libgvc call of every renderer goes through one process-wide lock; messages libgvc
/// reports are captured and thrown as ``DiagramsError``, never printed. Create one renderer and reuse
/// it: libgvc grows a little (about 20 KB) per render even when everything is freed.
public final class GraphvizRenderer: @unchecked Sendable {
    // @unchecked: `context` is only touched under `GraphvizRenderer.lock`.
    private let context: OpaquePointer

    /// Serialises every libgvc call in the process.
    private static let lock = NSLock()
    /// Messages libgvc reported during the current call; guarded by `lock`.
    nonisolated(unsafe) private static var messages: [String] = []

    /// Starts a Graphviz context and checks that the `dot` layout plugin is registered.
    /// - Throws: ``DiagramsError/layoutPluginMissing(available:)`` telling to run `dot -c`.
    public init() throws(DiagramsError) {
        let started: Result<OpaquePointer, DiagramsError> = GraphvizRenderer.locked {
            guard let context = gvContext() else { return .failure(.graphvizUnavailable) }
            let layouts = GraphvizRenderer.plugins(context, kind: "layout")
            guard layouts.contains(where: { $0 == "dot" || $0.hasPrefix("dot:") }) else {
                gvFreeContext(context)
                return .failure(.layoutPluginMissing(available: layouts))
            }
            return .success(context)
        }
        context = try started.get()
    }

    deinit {
        GraphvizRenderer.locked { _ = gvFreeContext(context) }
    }

    /// The plugins of a kind (`layout`, `render`, ...) this Graphviz has, as `name:package` strings.
    public func plugins(kind: String) -> [String] {
        GraphvizRenderer.locked { GraphvizRenderer.plugins(context, kind: kind) }
    }

    /// The most nodes, and the most edges, a graph may have for ``render(_:format:limit:)`` to lay it
    /// out. dot's layout grows much faster than the graph: measured on 2 shared cores, a network
    /// diagram of 2,000 nodes takes 0.5 s, 5,000 about 3 s, 6,000 about 4 s, 7,500 8 to 18 s, 10,000
    /// 22 s and 20,000 about 160 s (Docs/diagrams.md). Edges that cross each other everywhere cost
    /// more than their number says (3,000 random links between 300 nodes take about 20 s).
    public static let defaultLimit = 6_000

    /// Throws ``DiagramsError/tooLarge(nodes:edges:limit:)`` when `graph` has more than `limit` nodes
    /// or more than `limit` edges: what ``render(_:format:limit:)`` refuses to lay out.
    public static func checkSize(_ graph: DiagramGraph, limit: Int = defaultLimit) throws(DiagramsError) {
        let nodes = graph.allNodeIDs.count, edges = graph.edges.count
        if nodes > limit || edges > limit { throw .tooLarge(nodes: nodes, edges: edges, limit: limit) }
    }

    /// Renders `graph` to `format`. `.dot` returns the graph's own DOT text without laying it out
    /// (whatever its size); the other formats refuse a graph of more than `limit` nodes or edges
    /// (nil: no bound) with ``DiagramsError/tooLarge(nodes:edges:limit:)`` before the layout starts.
    /// In SVG, a line whose first strong character is Arabic carries `direction="rtl"`, as pango
    /// lays it out in PNG and PDF. A graph with a ``DiagramGrid`` has each tile laid out by `dot` on
    /// its own and placed on the page (see ``DiagramGrid``), and as PNG fits an A3 sheet at 300 dpi,
    /// as PDF an A3 page.
    public func render(_ graph: DiagramGraph, format: DiagramFormat, limit: Int? = GraphvizRenderer.defaultLimit) throws(DiagramsError) -> Data {
        if format == .dot { return Data(graph.dotSource.utf8) }
        if let limit { try Self.checkSize(graph, limit: limit) }
        var source = graph.dotSource, engine = "dot"
        // A grid of tiles: each laid out by dot on its own, then the whole drawn where they were placed.
        // As it is when it prints large enough on A3; else drawn tighter, its labels broken at each of a
        // few widths, and the page that prints largest.
        var best: (scale: Double, graph: DiagramGraph)?
        let asItIs: [Int?] = graph.allNodeIDs.count <= GridLayout.smallMap ? [nil] : []
        for width in graph.grid == nil ? [] : asItIs + GridLayout.lineWidths {
            if width != nil, let best, best.scale >= GridLayout.comfortableScale { break }
            let compact = width.map { GridLayout.compacted(graph, lineWidth: $0) } ?? graph
            guard let pieces = GridLayout.pieces(of: compact) else { break }
            var tiles: [GridLayout.Laid] = []
            for piece in pieces.tiles { tiles.append(try laidOut(piece)) }
            let footer = try pieces.footer.map { piece throws(DiagramsError) in try laidOut(piece) }
            let positioned = GridLayout.positioned(compact, tiles: tiles, footer: footer)
            let scale = GridLayout.printedScale(GridLayout.pageSize(positioned))
            if scale > best?.scale ?? 0 { best = (scale, positioned) }
        }
        if var positioned = best?.graph {
            // A page: PNG at 300 dpi on an A3 sheet turned as the picture is, PDF on an A3 page, scaled down to fit.
            if format == .png { GridLayout.fitA3(&positioned, dpi: 300) }
            if format == .pdf { GridLayout.fitA3(&positioned, dpi: nil) }
            source = positioned.dotSource
            engine = "nop2"
        }
        let data = try render(dot: source, format: format.graphvizName, limit: limit, engine: engine)
        // Arabic lines carry their direction, so that a browser or librsvg shows them as pango does.
        guard format == .svg else { return data }
        return Data(SVGTextDirection.mark(String(decoding: data, as: UTF8.self)).utf8)
    }

    /// Lays out DOT text with the `dot` engine and renders it to a Graphviz format name
    /// (`svg`, `png:cairo`, `pdf:cairo`, ...). A graph of more than `limit` nodes or edges (nil: no
    /// bound) is refused once read, before its layout starts.
    public func render(dot source: String, format: String, limit: Int? = GraphvizRenderer.defaultLimit) throws(DiagramsError) -> Data {
        try render(dot: source, format: format, limit: limit, engine: "dot")
    }

    /// Lays out `piece` with `dot` and reads back where it put every node, edge and cluster.
    func laidOut(_ piece: DiagramGraph) throws(DiagramsError) -> GridLayout.Laid {
        let source = piece.dotSource
        let result: Result<GridLayout.Laid, DiagramsError> = GraphvizRenderer.locked {
            GraphvizRenderer.messages = []
            _ = agreseterrors()
            guard let graph = source.withCString({ agmemread($0) }) else {
                return .failure(.invalidGraph(message: GraphvizRenderer.drainMessages() ?? "syntax error"))
            }
            defer { _ = agclose(graph) }
            guard gvLayout(context, graph, "dot") == 0 else {
                return .failure(.layoutFailed(message: GraphvizRenderer.drainMessages() ?? "unknown error"))
            }
            defer { _ = gvFreeLayout(context, graph) }
            // Rendering as dot writes the layout into the graph's attributes (pos, bb, lp...).
            var buffer: UnsafeMutablePointer<CChar>?
            let (status, _) = renderData(gvRenderData, context, graph, "dot", &buffer)
            if let buffer { gvFreeRenderData(buffer) }
            guard status == 0 else { return .failure(.layoutFailed(message: GraphvizRenderer.drainMessages() ?? "unknown error")) }
            _ = GraphvizRenderer.drainMessages()
            return .success(GraphvizRenderer.read(graph, clusters: piece.clusters.flatMap(\.clusterIDs)))
        }
        return try result.get()
    }

    /// The positions a layout wrote into `graph`'s attributes.
    private static func read(_ graph: UnsafeMutablePointer<Agraph_t>, clusters: [String]) -> GridLayout.Laid {
        func attribute(_ object: UnsafeMutableRawPointer, _ name: String) -> String? {
            name.withCString { key in
                guard let value = agget(object, UnsafeMutablePointer(mutating: key)), value.pointee != 0 else { return nil }
                return String(cString: value)
            }
        }
        let box = GridLayout.corners(attribute(UnsafeMutableRawPointer(graph), "bb") ?? "") ?? (0, 0, 0, 0)
        var laid = GridLayout.Laid(box: box, nodes: [:], edges: [:], clusters: [:])
        var node = agfstnode(graph)
        while let current = node {
            let object = UnsafeMutableRawPointer(current)
            laid.nodes[String(cString: agnameof(object))] = attribute(object, "pos")
            var edge = agfstout(graph, current)
            while let out = edge {
                let object = UnsafeMutableRawPointer(out)
                if let index = attribute(object, GridLayout.edgeKey).flatMap(Int.init) {
                    laid.edges[index] = GridLayout.edgePositions.compactMap { key in attribute(object, key).map { (key, $0) } }
                }
                edge = agnxtout(graph, out)
            }
            node = agnxtnode(graph, current)
        }
        // The clusters, at any depth (a region's box and the boxes of health centres inside it).
        let wanted = Set(clusters.map { "cluster_" + $0 })
        func visit(_ parent: UnsafeMutablePointer<Agraph_t>) {
            var sub = agfstsubg(parent)
            while let current = sub {
                let name = String(cString: agnameof(UnsafeMutableRawPointer(current)))
                if wanted.contains(name) {
                    laid.clusters[String(name.dropFirst("cluster_".count))] = ["bb", "lp"].compactMap { key in
                        attribute(UnsafeMutableRawPointer(current), key).map { (key, $0) }
                    }
                }
                visit(current)
                sub = agnxtsubg(current)
            }
        }
        visit(graph)
        return laid
    }

    private func render(dot source: String, format: String, limit: Int?, engine: String) throws(DiagramsError) -> Data {
        let result: Result<Data, DiagramsError> = GraphvizRenderer.locked {
            GraphvizRenderer.messages = []
            _ = agreseterrors()
            guard let graph = source.withCString({ agmemread($0) }) else {
                return .failure(.invalidGraph(message: GraphvizRenderer.drainMessages() ?? "syntax error"))
            }
            defer { _ = agclose(graph) }
            if let limit {
                let nodes = Int(agnnodes(graph)), edges = Int(agnedges(graph))
                if nodes > limit || edges > limit { return .failure(.tooLarge(nodes: nodes, edges: edges, limit: limit)) }
            }
            if format.hasPrefix("png") { GraphvizRenderer.capBitmapSize(graph) }
            guard gvLayout(context, graph, engine) == 0 else {
                return .failure(.layoutFailed(message: GraphvizRenderer.drainMessages() ?? "unknown error"))
            }
            defer { _ = gvFreeLayout(context, graph) }
            var buffer: UnsafeMutablePointer<CChar>?
            let (status, length) = renderData(gvRenderData, context, graph, format, &buffer)
            defer { if let buffer { gvFreeRenderData(buffer) } }
            // A drawing scaled below one pixel (a huge graph under a small `size`) renders as no bytes at all.
            guard status == 0, let buffer, length > 0 else {
                let fallback = status == 0 ? "Graphviz drew nothing: the drawing is scaled below one pixel (the graph's size is too small for it)" : "unknown error"
                return .failure(.renderFailed(format: format, message: GraphvizRenderer.drainMessages() ?? fallback))
            }
            _ = GraphvizRenderer.drainMessages() // warnings (font substitutions...) are not failures
            return .success(Data(bytes: buffer, count: length))
        }
        return try result.get()
    }

    // MARK: - libgvc plumbing (call only under the lock)

    private static func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        let previous = agseterrf(GraphvizRenderer.collect)
        defer { agseterrf(previous) }
        return body()
    }

    /// Cairo cannot make a bitmap wider or taller than 32,767 pixels. Graphviz then scales the drawing
    /// down itself but prints a warning straight to stderr, past the error hook. A graph that sets no
    /// `size` gets 340 inches (32,640 pixels at the 96 dpi a graph without `dpi` is drawn at), which
    /// Graphviz honours by scaling the drawing down to fit, silently.
    private static func capBitmapSize(_ graph: UnsafeMutablePointer<Agraph_t>) {
        "size".withCString { name in
            let key = UnsafeMutablePointer(mutating: name)
            if let current = agget(graph, key), current.pointee != 0 { return }
            let dpiSet = "dpi".withCString { agget(graph, UnsafeMutablePointer(mutating: $0)).map { $0.pointee != 0 } ?? false }
            if dpiSet { return } // a graph that chooses its resolution chooses its size too
            "340,340".withCString { value in
                "".withCString { empty in
                    _ = agsafeset(graph, key, UnsafeMutablePointer(mutating: value), UnsafeMutablePointer(mutating: empty))
                }
            }
        }
    }

    /// libgvc's error hook: keeps the message instead of printing it on stderr.
    private static let collect: @convention(c) (UnsafeMutablePointer<CChar>?) -> Int32 = { text in
        guard let text else { return 0 }
        GraphvizRenderer.messages.append(String(cString: text))
        return 0
    }

    private static func drainMessages() -> String? {
        let text = messages.joined().trimmingCharacters(in: .whitespacesAndNewlines)
        messages = []
        return text.isEmpty ? nil : text
    }

    private static func plugins(_ context: OpaquePointer, kind: String) -> [String] {
        var count: Int32 = 0
        guard let list = gvPluginList(context, kind, &count, nil) else { return [] }
        defer { free(list) }
        return (0..<Int(count)).compactMap { index in
            guard let entry = list[index] else { return nil }
            defer { free(entry) }
            return String(cString: entry)
        }
    }
}

// gvRenderData's length is `unsigned int *` in Graphviz 2.42/2.43 and `size_t *` in newer releases:
// one overload per signature, chosen by the type checker from the function passed in.
private func renderData(
    _ function: (OpaquePointer?, UnsafeMutablePointer<Agraph_t>?, UnsafePointer<CChar>?, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, UnsafeMutablePointer<UInt32>?) -> Int32,
    _ context: OpaquePointer, _ graph: UnsafeMutablePointer<Agraph_t>, _ format: String,
    _ buffer: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
) -> (Int32, Int) {
    var length: UInt32 = 0
    let status = function(context, graph, format, buffer, &length)
    return (status, Int(length))
}

private func renderData(
    _ function: (OpaquePointer?, UnsafeMutablePointer<Agraph_t>?, UnsafePointer<CChar>?, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, UnsafeMutablePointer<Int>?) -> Int32,
    _ context: OpaquePointer, _ graph: UnsafeMutablePointer<Agraph_t>, _ format: String,
    _ buffer: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
) -> (Int32, Int) {
    var length = 0
    let status = function(context, graph, format, buffer, &length)
    return (status, length)
}
