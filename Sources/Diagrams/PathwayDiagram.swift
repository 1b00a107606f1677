import CareNetwork
import Referral

/// The minimal description of one patient's pathway that the pathway diagram draws. The router's
/// `Pathway` (module Referral) maps onto it one step for one step.
public struct PathwayDiagramInput: Hashable, Sendable {
    /// One facility the patient reaches, in order.
    public struct Step: Hashable, Sendable {
        /// The facility reached.
        public var facility: FacilityID
        /// The rule that brought the patient here: P1 (first contact), P2-P4 (referral), P0 (emergency).
        public var rule: RuleID
        /// What happens there, in words (`consultation`, `refers up: service not offered`, `treats`),
        /// drawn when ``actionName`` is nil.
        public var action: String
        /// What happens there in each language (`premier contact`, `الاتصال الأول`), drawn in the
        /// diagram's languages.
        public var actionName: LocalizedName?

        /// A step to `facility` because of `rule`, with what happens there in words.
        public init(facility: FacilityID, rule: RuleID, action: String, actionName: LocalizedName? = nil) {
            self.facility = facility
            self.rule = rule
            self.action = action
            self.actionName = actionName
        }

        /// The step's action lines in `language`.
        func actionLines(_ language: LabelLanguages) -> [String] {
            actionName.map { language.lines($0) } ?? [action]
        }
    }

    /// How the pathway ends: the last step's facility provides the care (P5), the care is not covered
    /// (X1-X3, eligibility), or no facility the chain reaches provides the service; for the last two,
    /// `reason` says why.
    public typealias Outcome = Pathway.Outcome.Kind

    /// The steps, first contact first.
    public var steps: [PathwayDiagramInput.Step]
    /// How it ends.
    public var outcome: Outcome
    /// Why the pathway ends as it does (shown for `notCovered` and `unavailable`).
    public var reason: String?
    /// The service the patient needs, as a name or id (shown in the title when ``serviceName`` is nil).
    public var service: String?
    /// The service's name in each language, shown in the title in the diagram's languages.
    public var serviceName: LocalizedName?
    /// Why the pathway ends as it does, in each language (shown, wrapped, instead of ``reason``).
    public var reasonText: LocalizedName?
    /// The patient's default chain (its health centre's P1-P4 facilities); those not visited are drawn faint.
    public var defaultChain: [FacilityID]

    /// A pathway to draw.
    public init(steps: [Step], outcome: Outcome, reason: String? = nil, service: String? = nil, defaultChain: [FacilityID] = [],
                serviceName: LocalizedName? = nil, reasonText: LocalizedName? = nil) {
        self.steps = steps
        self.outcome = outcome
        self.reason = reason
        self.service = service
        self.defaultChain = defaultChain
        self.serviceName = serviceName
        self.reasonText = reasonText
    }
}

/// One patient's pathway: steps numbered, each arrow labelled with the rule that made it (P1-P4; P0
/// for an emergency, drawn red and bold), the treating facility marked, the rest of the patient's
/// default chain faint, and a not-covered or unavailable outcome drawn as a note with its reason.
public enum PathwayDiagram {
    /// Builds the diagram of `pathway` over `network`.
    public static func graph(of pathway: PathwayDiagramInput, in network: CareNetwork, language: LabelLanguages = .fr) -> DiagramGraph {
        var title = language.lines(fr: "Parcours de soins RAMED", ar: "مسار العلاجات راميد", en: "RAMED care pathway")
        if let name = pathway.serviceName { title += language.lines(name) } else if let service = pathway.service { title.append(service) }
        var graph = DiagramStyle.base(name: "pathway", title: title, rankdir: "BT")

        graph.nodes.append(DiagramNode(id: "patient", attributes: [
            "shape": "plaintext", "style": "solid", "label": .lines(language.lines(fr: "Patient", ar: "المريض", en: "Patient")),
        ]))
        var previous = "patient"
        var visited = Set<FacilityID>()
        for (offset, step) in pathway.steps.enumerated() {
            let facility = network[step.facility]
            let id = "step:\(offset + 1)"
            var attributes = DiagramStyle.attributes(for: facility.tier)
            let names = language.lines(facility.name)
            attributes["label"] = .lines(["\(offset + 1). " + names[0]] + names.dropFirst() + step.actionLines(language))
            attributes["tooltip"] = .text(facility.key)
            let isTreating = pathway.outcome == .treated && offset == pathway.steps.count - 1
            if isTreating {
                attributes["penwidth"] = "3"
                attributes["color"] = "#2e7d32"
                attributes["fillcolor"] = "#c8e6c9"
                attributes["xlabel"] = .lines(language.lines(fr: "traité ici", ar: "العلاج هنا", en: "treated here"))
            }
            graph.nodes.append(DiagramNode(id: id, attributes: attributes))
            graph.edges.append(DiagramEdge(from: previous, to: id, attributes: edgeAttributes(rule: step.rule)))
            visited.insert(step.facility)
            previous = id
        }

        // The rest of the patient's default chain, faint, so the trainee sees what was skipped or not needed.
        var faintPrevious: String?
        for facilityID in pathway.defaultChain {
            let facility = network[facilityID]
            let id: String
            if visited.contains(facilityID), let index = pathway.steps.lastIndex(where: { $0.facility == facilityID }) {
                id = "step:\(index + 1)"
            } else {
                id = "chain:" + facility.key
                var attributes = DiagramStyle.attributes(for: facility.tier)
                attributes["label"] = .lines(language.lines(facility.name))
                attributes["style"] = "dashed"
                attributes["color"] = "#bdbdbd"
                attributes["fontcolor"] = "#9e9e9e"
                graph.nodes.append(DiagramNode(id: id, attributes: attributes))
            }
            if let faintPrevious, !(faintPrevious.hasPrefix("step:") && id.hasPrefix("step:")) {
                graph.edges.append(DiagramEdge(from: faintPrevious, to: id, attributes: [
                    "style": "dotted", "color": "#bdbdbd", "fontcolor": "#9e9e9e", "arrowhead": "empty",
                    "label": .text(facility.tier.arrivalRule.rawValue),
                ]))
            }
            faintPrevious = id
        }

        if pathway.outcome != .treated {
            let heading = language.lines(pathway.outcome.name)
            graph.nodes.append(DiagramNode(id: "outcome", attributes: [
                "shape": "note", "color": "#c62828", "fontcolor": "#c62828", "fillcolor": "#ffebee",
                "label": .lines(heading + reasonLines(pathway, language)),
            ]))
            graph.edges.append(DiagramEdge(from: previous, to: "outcome", attributes: ["style": "dashed", "color": "#c62828", "arrowhead": "tee"]))
        }
        return graph
    }

    /// The outcome note's reason, in the diagram's languages, wrapped to ``noteWidth`` characters a line.
    static func reasonLines(_ pathway: PathwayDiagramInput, _ language: LabelLanguages) -> [String] {
        let texts = pathway.reasonText.map { language.lines($0) } ?? pathway.reason.map { [$0] } ?? []
        return texts.flatMap { wrap($0, width: noteWidth) }
    }

    /// Characters a line of the outcome note holds at most (a longer word keeps its line).
    public static let noteWidth = 44

    /// `text` broken at spaces into lines of at most `width` characters.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = [], line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if line.isEmpty { line = String(word) } else if line.count + 1 + word.count <= width { line += " " + word } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    static func edgeAttributes(rule: RuleID) -> DiagramAttributes {
        if rule == .p0 {
            // P0: an emergency bypasses the chain; drawn apart so it is never read as a referral.
            return ["label": .text(rule.rawValue), "color": "#c62828", "fontcolor": "#c62828", "penwidth": "2.5", "style": "bold"]
        }
        return ["label": .text(rule.rawValue), "penwidth": "1.5"]
    }
}
