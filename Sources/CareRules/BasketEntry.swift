import CareNetwork

/// One line of the basket of care (B1-B16) or of its exclusions (X1-X3), with the catalogue services
/// that fall under it.
public struct BasketEntry: Hashable, Sendable {
    /// Whether an entry covers care or excludes it.
    public enum Kind: String, Sendable, Hashable {
        /// B1-B16: covered.
        case covered
        /// X1-X3: never covered.
        case exclusion
    }

    /// The rule (B13, X1).
    public let rule: RuleID
    /// Covered entry or exclusion.
    public let kind: Kind
    /// The entry's name in French, Arabic and English.
    public let name: LocalizedName
    /// The catalogue services under this rule (``ServiceDefinition/rule``), in catalogue order.
    /// Empty for X2 and X3, which are about where care is given, not what it is.
    public let services: [ServiceDefinition]

    /// An entry of `kind` for `rule`, with its names and the catalogue services under it.
    init(rule: RuleID, kind: Kind, name: LocalizedName, services: [ServiceDefinition]) {
        self.rule = rule
        self.kind = kind
        self.name = name
        self.services = services
    }
}
