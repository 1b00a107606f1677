import CareNetwork

/// The common look of every CarePath diagram.
enum DiagramStyle {
    /// DejaVu Sans has Latin and Arabic glyphs (Debian `fonts-dejavu-core`).
    static let font = "DejaVu Sans"

    static func base(name: String, title: [String], rankdir: String) -> DiagramGraph {
        var graph = DiagramGraph(name: name, attributes: [
            "rankdir": .text(rankdir), "fontname": .text(font), "labelloc": "t", "fontsize": "16",
            "newrank": "true", "nodesep": "0.3", "ranksep": "0.6",
        ])
        if !title.isEmpty { graph.attributes["label"] = .lines(title) }
        graph.nodeDefaults = ["fontname": .text(font), "fontsize": "11", "style": "filled", "fillcolor": "white"]
        graph.edgeDefaults = ["fontname": .text(font), "fontsize": "10"]
        return graph
    }

    /// Node look per tier: shape and fill colour.
    static func attributes(for tier: Tier) -> DiagramAttributes {
        switch tier.level {
        case 1: ["shape": "ellipse", "fillcolor": "#e8f5e9"]
        case 2: ["shape": "box", "fillcolor": "#e3f2fd"]
        case 3: ["shape": "box", "peripheries": "2", "fillcolor": "#fff3e0"]
        default: ["shape": "doubleoctagon", "fillcolor": "#fce4ec"]
        }
    }

    /// Node id of a facility in every diagram: its file id, prefixed (escaped like everything else).
    static func nodeID(_ facility: Facility) -> String { "f:" + facility.key }
}
