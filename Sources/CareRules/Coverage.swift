import CareNetwork

/// Whether a service (at a facility) is covered by RAMED, with the deciding rule and a reason a person
/// can read.
public struct Coverage: Hashable, Sendable {
    /// The service checked.
    public let service: ServiceDefinition
    /// True when the basket covers it (a B rule); false under an exclusion (X1-X3).
    public let covered: Bool
    /// The deciding rule: the service's basket entry (B13) or the exclusion (X1, X2, X3).
    public let rule: RuleID
    /// Why, in English.
    public let reason: String

    /// The coverage of `service` under `rule`, with the reason.
    init(service: ServiceDefinition, covered: Bool, rule: RuleID, reason: String) {
        self.service = service
        self.covered = covered
        self.rule = rule
        self.reason = reason
    }
}
