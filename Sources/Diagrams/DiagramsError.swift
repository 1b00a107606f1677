import CarePathSupport

/// What can go wrong turning a graph into an image. Each case says what to do about it.
public enum DiagramsError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Graphviz could not start (no context).
    case graphvizUnavailable
    /// Graphviz has no `dot` layout plugin: its plugin configuration is missing.
    case layoutPluginMissing(available: [String])
    /// Graphviz could not read the DOT text (a bug in a diagram builder: report it).
    case invalidGraph(message: String)
    /// Layout failed.
    case layoutFailed(message: String)
    /// Rendering to `format` failed.
    case renderFailed(format: String, message: String)
    /// A filter names something the network does not have.
    case unknownReference(kind: String, key: String, hint: String?)
    /// The graph has more nodes or more edges than `limit`: its layout would take minutes, so it is
    /// not started (see ``GraphvizRenderer/defaultLimit``).
    case tooLarge(nodes: Int, edges: Int, limit: Int)

    public var description: String {
        switch self {
        case .graphvizUnavailable:
            return "Graphviz could not start a context (is libgvc installed? run `dot -c` as root to register its plugins)"
        case .layoutPluginMissing(let available):
            let list = available.isEmpty ? "none" : available.joined(separator: ", ")
            return "Graphviz has no 'dot' layout plugin (available: \(list)); run `sudo dot -c` to register the installed plugins"
        case .invalidGraph(let message):
            return "Graphviz could not read the generated graph: \(message)"
        case .layoutFailed(let message):
            return "Graphviz layout failed: \(message)"
        case .renderFailed(let format, let message):
            return "Graphviz could not render \(format): \(message)"
        case .unknownReference(let kind, let key, let hint):
            return "unknown \(kind) '\(key)'" + (hint.map { "; did you mean '\($0)'?" } ?? "")
        case .tooLarge(let nodes, let edges, let limit):
            let what = nodes > limit && edges > limit ? "\(NumberFormat.grouped(nodes)) nodes and \(NumberFormat.grouped(edges)) links"
                : nodes > limit ? "\(NumberFormat.grouped(nodes)) nodes" : "\(NumberFormat.grouped(edges)) links"
            return "the diagram would draw \(what), more than the bound of \(NumberFormat.grouped(limit)) for a layout "
                + "(dot takes about 4 s for 6,000 nodes and minutes for 20,000)"
        }
    }
}

/// An output format of a diagram.
public enum DiagramFormat: String, CaseIterable, Sendable, Hashable {
    /// Scalable vector graphics, text kept as text (browsers shape Arabic).
    case svg
    /// Bitmap, rendered through cairo and pango so Arabic is shaped and joined.
    case png
    /// PDF through cairo. Embeds the current time, so it is not byte-reproducible.
    case pdf
    /// The DOT source itself (deterministic; feed it to `dot` to lay it out).
    case dot

    /// The Graphviz output format name: `png:cairo` rather than `png:gd`, which does not shape Arabic.
    var graphvizName: String {
        switch self {
        case .svg: "svg"
        case .png: "png:cairo"
        case .pdf: "pdf:cairo"
        case .dot: "dot"
        }
    }

    /// The format named by a file's extension (`.svg`, `.png`, `.pdf`, `.dot`, `.gv`), or nil.
    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "svg": self = .svg
        case "png": self = .png
        case "pdf": self = .pdf
        case "dot", "gv": self = .dot
        default: return nil
        }
    }
}
