import CareNetwork

/// The committee's decision for a household: eligible or not, its class, contribution and card.
public struct EligibilityDecision: Hashable, Sendable {
    /// Whether the household may be a RAMED beneficiary.
    public let eligible: Bool
    /// Poor or vulnerable (E4); nil when not eligible.
    public let beneficiaryClass: BeneficiaryClass?
    /// Annual contribution of the household in MAD (C1); 0 when poor or not eligible.
    public let annualContribution: Int
    /// How long one card is valid, in years (C2): 3 poor, 1 vulnerable, 0 when not eligible.
    public let cardValidityYears: Int
    /// The rules applied, in the order they were applied (E1, E2, E4, C1, C2).
    public let rules: [RuleID]
    /// Why, in English, citing the rules.
    public let reason: String

    /// A decision, with the rules applied in order and the reason.
    init(eligible: Bool, beneficiaryClass: BeneficiaryClass?, annualContribution: Int, cardValidityYears: Int, rules: [RuleID], reason: String) {
        self.eligible = eligible
        self.beneficiaryClass = beneficiaryClass
        self.annualContribution = annualContribution
        self.cardValidityYears = cardValidityYears
        self.rules = rules
        self.reason = reason
    }
}
