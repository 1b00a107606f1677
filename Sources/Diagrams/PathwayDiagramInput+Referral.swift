import CareNetwork
import Referral

extension PathwayDiagramInput {
    /// The diagram input of a router ``Pathway``: one step per facility reached (a treatment step is
    /// folded into the step of the facility that treats), the outcome with the router's reason, and the
    /// patient's default chain when the pathway starts at a health centre.
    public init(pathway: Pathway, in network: CareNetwork, service: String? = nil) {
        var steps: [Step] = []
        for step in pathway.steps {
            if step.action == .treatment, let last = steps.last, last.facility == step.facility {
                steps[steps.count - 1].action += ": treats (\(step.rule))"
                let first = last.actionName ?? LocalizedName(fr: last.action, ar: last.action)
                let treats = PathwayStep.Action.treatment.name
                steps[steps.count - 1].actionName = LocalizedName(fr: "\(first.fr), \(treats.fr) (\(step.rule))", ar: "\(first.ar)، \(treats.ar) (\(step.rule))",
                                                                  en: "\(first.text(in: .en)), \(treats.text(in: .en)) (\(step.rule))")
                continue
            }
            steps.append(Step(facility: step.facility, rule: step.rule, action: step.action.rawValue, actionName: step.action.name))
        }
        let outcome = pathway.outcome.kind
        let centre = pathway.steps.first { $0.action == .firstContact }?.facility
        self.init(
            steps: steps, outcome: outcome, reason: outcome == .treated ? nil : pathway.reason, service: service,
            defaultChain: centre.flatMap { network.chain(of: $0)?.facilities } ?? []
        )
    }

    /// The diagram input of a router ``Pathway`` for `service`: as ``init(pathway:in:service:)``, with
    /// the service's name in the title and the reason in the diagram's languages.
    public init(pathway: Pathway, in network: CareNetwork, service: ServiceDefinition) {
        self.init(pathway: pathway, in: network, service: service.key)
        serviceName = service.name
        if outcome != .treated { reasonText = pathway.explanation(in: network, service: service) }
    }
}
