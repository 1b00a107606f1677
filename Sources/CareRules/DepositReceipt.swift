import CareNetwork

/// The receipt (وصل الإيداع) given when a RAMED file is filed (C5): for 3 months it gives the applicant
/// and the household free emergency care only; it does not make anyone a beneficiary.
public struct DepositReceipt: Hashable, Sendable {
    /// The day the file was filed.
    public var filed: CalendarDate

    /// The receipt of a file filed on `filed`.
    public init(filed: CalendarDate) { self.filed = filed }

    /// C5: the first day the receipt no longer holds, 3 calendar months after filing.
    public var expires: CalendarDate { filed.adding(months: 3) }

    /// The holder's status on `date`: emergency care only from `filed` up to the day before ``expires``,
    /// nothing otherwise (C5).
    public func status(on date: CalendarDate) -> BeneficiaryStatus {
        guard date >= filed else {
            return BeneficiaryStatus(entitlement: .none, rule: .c5, reason: "the receipt is dated \(filed), after \(date) (C5)")
        }
        guard date < expires else {
            return BeneficiaryStatus(entitlement: .none, rule: .c5,
                                     reason: "the deposit receipt of \(filed) expired on \(expires), 3 months after filing (C5)")
        }
        return BeneficiaryStatus(entitlement: .emergencyOnly, rule: .c5,
                                 reason: "deposit receipt of \(filed) gives emergency care only, until \(expires) (C5)", validUntil: expires)
    }
}
