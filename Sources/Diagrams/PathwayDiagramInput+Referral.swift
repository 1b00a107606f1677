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
                continue
            }
            steps.append(Step(facility: step.facility, rule: step.rule, action: step.action.rawValue))
        }
        let outcome = pathway.outcome.kind
        let centre = pathway.steps.first { $0.action == .firstContact }?.facility
        self.init(
            steps: steps, outcome: outcome, reason: outcome == .treated ? nil : pathway.reason, service: service,
            defaultChain: centre.flatMap { network.chain(of: $0)?.facilities } ?? []
        )
    }
}
