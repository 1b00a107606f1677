import CarePathSupport
import CareNetwork

/// What the load diagram draws: per facility utilisation and per link flow, for example from a
/// simulation result.
public struct LoadDiagramInput: Hashable, Sendable {
    /// A referral link and how many patients follow it.
    public struct Flow: Hashable, Sendable {
        /// The facility the patients leave.
        public var from: FacilityID
        /// The facility they are referred to.
        public var to: FacilityID
        /// Patients per unit of time (the unit is the caller's: per day, per year...).
        public var patients: Double
        /// A flow of `patients` from one facility to another.
        public init(from: FacilityID, to: FacilityID, patients: Double) {
            self.from = from
            self.to = to
            self.patients = patients
        }
    }

    /// Busy share of each facility (0 idle, 1 saturated, above 1 overloaded).
    public var utilisation: [FacilityID: Double]
    /// The referral links drawn, with their flows.
    public var flows: [Flow]
    /// The unit of the flows, shown in the legend (`patients/day`).
    public var flowUnit: String
    /// A line added to the title.
    public var title: String?

    /// A load to draw: utilisation per facility and flows per link.
    public init(utilisation: [FacilityID: Double], flows: [Flow], flowUnit: String = "patients/day", title: String? = nil) {
        self.utilisation = utilisation
        self.flows = flows
        self.flowUnit = flowUnit
        self.title = title
    }
}

/// Facilities coloured by utilisation on a fixed scale (the same colour means the same load in every
/// diagram), links drawn wider the more patients follow them, and a legend.
///
/// Any number is drawn without a crash: a utilisation that is negative or not finite is grey with
/// `?`, one too large to print a percentage of (1e15 or more) red with `?`; a flow that is negative
/// or not finite is 1 wide with `?`. A flow within one level is not drawn (``draws(_:in:)``).
public enum LoadDiagram {
    /// The fixed colour scale: upper bound of each band (exclusive) and its colour; the last is open.
    public static let scale: [(upperBound: Double, colour: String, label: String)] = [
        (0.5, "#a5d6a7", "< 50 %"),
        (0.7, "#e6ee9c", "50-70 %"),
        (0.85, "#fff59d", "70-85 %"),
        (1.0, "#ffcc80", "85-100 %"),
        (.infinity, "#ef9a9a", "≥ 100 %"),
    ]

    /// A share as its label prints it, a whole percentage (`NumberFormat.percent`): the value the
    /// colour is chosen from, so that the colour and the printed figure never disagree at a band's edge.
    public static func printedShare(_ share: Double) -> Double {
        guard share.isFinite, abs(share) < 1e13 else { return share }
        return (share * 100).rounded() / 100
    }

    /// The legend's line for the links' width, the unit in the diagram's languages: the unit results
    /// record (`patients/day`) is translated, a hand-made file's own unit is written as it is.
    static func unitLegend(_ unit: String) -> LocalizedName {
        let known: [String: LocalizedName] = [
            "patients/day": LocalizedName(fr: "patients par jour", ar: "مريض في اليوم", en: "patients a day"),
        ]
        let name = known[unit] ?? LocalizedName(fr: unit, ar: unit, en: unit)
        return LocalizedName(fr: "épaisseur des liens : \(name.fr)", ar: "سمك الروابط: \(name.ar)", en: "link width: \(name.text(in: .en))")
    }

    /// The colour of a utilisation on ``scale``.
    public static func colour(for utilisation: Double) -> String {
        scale.first { utilisation < $0.upperBound }?.colour ?? scale[scale.count - 1].colour
    }

    /// The fill of a facility without a utilisation, or with one that is not a share (negative or
    /// not finite): drawn grey, labelled `?`.
    static let unknownColour = "#eeeeee"

    /// Whether the diagram draws `flow`: a flow joins facilities of two different levels (up the chain,
    /// as every referral, or down). A flow between two facilities of the same level is left out:
    /// they share a rank, and Graphviz 2.43 corrupts its memory laying out such edges across the
    /// region boxes (the process aborts), so `carepath render load` refuses it before drawing.
    public static func draws(_ flow: LoadDiagramInput.Flow, in network: CareNetwork) -> Bool {
        network[flow.from].tier.level != network[flow.to].tier.level
    }

    /// Builds the load diagram over `network`.
    public static func graph(of load: LoadDiagramInput, in network: CareNetwork, language: LabelLanguages = .fr) -> DiagramGraph {
        var title = language.lines(fr: "Charge du réseau", ar: "ضغط الشبكة", en: "Network load")
        if let extra = load.title { title.append(extra) }
        var graph = DiagramStyle.base(name: "load", title: title, rankdir: "BT")

        let flows = load.flows.filter { draws($0, in: network) }
        var shown = Set(load.utilisation.keys)
        for flow in flows { shown.insert(flow.from); shown.insert(flow.to) }
        for region in network.regions {
            var byLevel: [Int: [DiagramNode]] = [:]
            for id in network.facilities(in: region.id) where shown.contains(id) {
                let facility = network[id]
                var attributes = DiagramStyle.attributes(for: facility.tier)
                var label = language.lines(facility.name)
                if let share = load.utilisation[id] {
                    let isShare = share.isFinite && share >= 0
                    // The colour of the percentage printed: 69.6% prints 70 % and is coloured 70-85 %.
                    attributes["fillcolor"] = .text(isShare ? colour(for: printedShare(share)) : unknownColour)
                    label.append(isShare ? NumberFormat.percent(share) : "?")
                } else {
                    attributes["fillcolor"] = .text(unknownColour)
                }
                attributes["label"] = .lines(label)
                attributes["tooltip"] = .text(facility.key)
                byLevel[facility.tier.level, default: []].append(DiagramNode(id: DiagramStyle.nodeID(facility), attributes: attributes))
            }
            guard !byLevel.isEmpty else { continue }
            graph.clusters.append(DiagramCluster(
                id: region.key,
                attributes: ["label": .lines(language.lines(region.name)), "style": "rounded", "color": "#90a4ae"],
                subgraphs: byLevel.keys.sorted().map {
                    DiagramCluster(id: "rank:\(region.key):\($0)", isCluster: false, attributes: ["rank": "same"], nodes: byLevel[$0]!)
                }
            ))
        }
        for id in shown.sorted() where network[id].region == nil {
            graph.nodes.append(DiagramNode(id: DiagramStyle.nodeID(network[id]), attributes: ["label": .lines(language.lines(network[id].name))]))
        }

        // Widths from 1 to 8 in proportion to the largest flow; a flow that is negative or not finite
        // (which `carepath render load` refuses before drawing) is drawn 1 wide and labelled `?`.
        func isCount(_ patients: Double) -> Bool { patients.isFinite && patients >= 0 }
        let largest = flows.map(\.patients).filter(isCount).max() ?? 0
        for flow in flows {
            let patients = isCount(flow.patients) ? flow.patients : 0
            // 7 × patients overflows past 2.5e307: divide first there.
            let width = largest > 0 ? 1 + (largest < 1e300 ? 7 * patients / largest : 7 * (patients / largest)) : 1
            let label = isCount(flow.patients) ? NumberFormat.oneDecimal(flow.patients) : "?"
            graph.edges.append(DiagramEdge(from: DiagramStyle.nodeID(network[flow.from]), to: DiagramStyle.nodeID(network[flow.to]), attributes: [
                "penwidth": .text(NumberFormat.oneDecimal(width)), "label": .text(label), "color": "#546e7a",
            ]))
        }

        var legend = DiagramCluster(id: "legend", attributes: [
            "label": .lines(language.lines(fr: "Utilisation", ar: "نسبة الاستخدام", en: "Utilisation")
            + language.lines(unitLegend(load.flowUnit))), "style": "rounded", "color": "#bdbdbd",
        ])
        var rank = DiagramCluster(id: "rank:legend", isCluster: false, attributes: ["rank": "same"])
        for (index, band) in scale.enumerated() {
            rank.nodes.append(DiagramNode(id: "legend:\(index)", attributes: ["shape": "box", "fillcolor": .text(band.colour), "label": .text(band.label)]))
        }
        legend.subgraphs = [rank]
        graph.clusters.append(legend)
        return graph
    }
}
