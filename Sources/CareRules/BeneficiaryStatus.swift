import CareNetwork

/// What a person may receive on a given day, with the rule that decided it (C2, C5, C6).
public struct BeneficiaryStatus: Hashable, Sendable {
    /// The extent of cover.
    public enum Entitlement: String, Sendable, Hashable, CaseIterable {
        /// Every service of the basket, along the chain (C2, C6).
        case wholeBasket = "whole-basket"
        /// Emergency care only (C5: a deposit receipt under 3 months old).
        case emergencyOnly = "emergency-only"
        /// Nothing: expired card, unpaid vulnerable year, old receipt.
        case none
    }

    /// The extent of cover on the day.
    public let entitlement: Entitlement
    /// The deciding rule (C2, C5, C6).
    public let rule: RuleID
    /// Why, in English.
    public let reason: String
    /// The first day the cover no longer holds (exclusive end), where there is one.
    public let validUntil: CalendarDate?

    /// A status of `entitlement` decided by `rule`, with the reason and the day it ends, if any.
    init(entitlement: Entitlement, rule: RuleID, reason: String, validUntil: CalendarDate? = nil) {
        self.entitlement = entitlement
        self.rule = rule
        self.reason = reason
        self.validUntil = validUntil
    }

    /// A beneficiary with a valid card, when no card details are known (the router's default).
    public static let assumedCardholder = BeneficiaryStatus(
        entitlement: .wholeBasket, rule: .c2, reason: "assumed: a beneficiary with a valid card (C2)"
    )

    /// Whether this status lets the patient receive care, emergency or not.
    public func allows(emergency: Bool) -> Bool {
        switch entitlement {
        case .wholeBasket: true
        case .emergencyOnly: emergency
        case .none: false
        }
    }
}
