extension DiagramGraph {
    /// The graph as DOT text. Every id, attribute name and value is written as a quoted string with
    /// `"` and `\` escaped and line breaks as `\n`, so no user string can end a string, add a node or
    /// an edge, or be read as a Graphviz escape (`\N`, `\G`, `\l`). Same graph, same bytes.
    public var dotSource: String {
        var out = (directed ? "digraph " : "graph ") + DOT.quoted(name) + " {\n"
        let indent = "  "
        if !attributes.isEmpty { out += indent + "graph " + DOT.list(attributes) + ";\n" }
        if !nodeDefaults.isEmpty { out += indent + "node " + DOT.list(nodeDefaults) + ";\n" }
        if !edgeDefaults.isEmpty { out += indent + "edge " + DOT.list(edgeDefaults) + ";\n" }
        for cluster in clusters { DOT.write(cluster, into: &out, indent: indent) }
        for node in nodes { DOT.write(node, into: &out, indent: indent) }
        let arrow = directed ? " -> " : " -- "
        for edge in edges {
            out += indent + DOT.quoted(edge.from) + arrow + DOT.quoted(edge.to)
            if !edge.attributes.isEmpty { out += " " + DOT.list(edge.attributes) }
            out += ";\n"
        }
        return out + "}\n"
    }
}

/// DOT text writing and escaping.
enum DOT {
    /// `text` as a DOT quoted string that Graphviz shows literally.
    static func quoted(_ text: String) -> String { "\"" + escaped(text) + "\"" }

    /// The inside of a quoted string: `\` → `\\`, `"` → `\"`, any line break → `\n`, other control
    /// characters → space.
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\r": out += "\\n"
            case "\n": if !previousWasCR { out += "\\n" }
            case "\u{2028}", "\u{2029}", "\u{85}": out += "\\n"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func value(_ value: DiagramValue) -> String {
        switch value {
        case .text(let text): quoted(text)
        case .lines(let lines): "\"" + lines.map(escaped).joined(separator: "\\n") + "\""
        }
    }

    static func list(_ attributes: DiagramAttributes) -> String {
        "[" + attributes.map { quoted($0.key) + "=" + value($0.value) }.joined(separator: ", ") + "]"
    }

    static func write(_ node: DiagramNode, into out: inout String, indent: String) {
        out += indent + quoted(node.id)
        if !node.attributes.isEmpty { out += " " + list(node.attributes) }
        out += ";\n"
    }

    static func write(_ cluster: DiagramCluster, into out: inout String, indent: String) {
        let id = cluster.isCluster ? "cluster_" + cluster.id : cluster.id
        out += indent + "subgraph " + quoted(id) + " {\n"
        let inner = indent + "  "
        for (key, value) in cluster.attributes { out += inner + quoted(key) + "=" + DOT.value(value) + ";\n" }
        for sub in cluster.subgraphs { write(sub, into: &out, indent: inner) }
        for node in cluster.nodes { write(node, into: &out, indent: inner) }
        out += indent + "}\n"
    }
}
