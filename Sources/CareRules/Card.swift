import CareNetwork

/// A RAMED card: the household's class, the day it was issued and, for a vulnerable household, how many
/// annual contributions have been paid in the 3-year eligibility (C2).
public struct Card: Hashable, Sendable {
    /// Poor or vulnerable (E4).
    public var beneficiaryClass: BeneficiaryClass
    /// The day the card (the 3-year eligibility) starts.
    public var issued: CalendarDate
    /// Vulnerable: annual contributions paid, 0...3 (the first one is paid before the first card).
    /// Ignored for a poor household.
    public var paidYears: Int

    /// A card of `beneficiaryClass` issued on `issued`, with `paidYears` annual contributions paid (vulnerable).
    public init(beneficiaryClass: BeneficiaryClass, issued: CalendarDate, paidYears: Int = 1) {
        self.beneficiaryClass = beneficiaryClass
        self.issued = issued
        self.paidYears = paidYears
    }

    /// The end of the 3-year eligibility (C2, C4): the first day it no longer holds.
    public var eligibilityEnds: CalendarDate { issued.adding(years: 3) }

    /// The household's status on `date`.
    ///
    /// C2: a poor card holds from `issued` up to the day before its third anniversary. A vulnerable card
    /// holds a year at a time: year k (k = 0, 1, 2 from `issued`) is covered only if `paidYears > k`.
    /// A day before `issued` is not covered.
    public func status(on date: CalendarDate) -> BeneficiaryStatus {
        let ends = eligibilityEnds
        guard date >= issued else {
            return BeneficiaryStatus(entitlement: .none, rule: .c2, reason: "the card is only valid from \(issued) (C2)")
        }
        guard date < ends else {
            return BeneficiaryStatus(entitlement: .none, rule: .c2,
                                     reason: "the card expired on \(ends), 3 years after \(issued); a new file is needed (C2, C4)")
        }
        switch beneficiaryClass {
        case .poor:
            return BeneficiaryStatus(entitlement: .wholeBasket, rule: .c2,
                                     reason: "poor household's card valid from \(issued) until \(ends) (C2)", validUntil: ends)
        case .vulnerable:
            // Whole years since issue: 0, 1 or 2.
            var year = 0
            while year < 2, issued.adding(years: year + 1) <= date { year += 1 }
            let yearStarts = issued.adding(years: year), yearEnds = issued.adding(years: year + 1)
            guard paidYears > year else {
                return BeneficiaryStatus(entitlement: .none, rule: .c2,
                                         reason: "vulnerable household has not paid the contribution for year \(year + 1) (from \(yearStarts)); not covered until it pays (C2)")
            }
            return BeneficiaryStatus(entitlement: .wholeBasket, rule: .c2,
                                     reason: "vulnerable household's card for year \(year + 1) valid until \(yearEnds), contribution paid (C2)", validUntil: yearEnds)
        }
    }

    /// A newborn of the household on `date` (C6): covered for the whole basket, on the card plus a birth
    /// certificate, for as long as the household's card holds; not covered before birth.
    public func newbornStatus(born: CalendarDate, on date: CalendarDate) -> BeneficiaryStatus {
        guard date >= born else {
            return BeneficiaryStatus(entitlement: .none, rule: .c6, reason: "the child is not born yet on \(date) (C6)")
        }
        let household = status(on: date)
        guard household.entitlement == .wholeBasket else {
            return BeneficiaryStatus(entitlement: .none, rule: household.rule,
                                     reason: "the household is not covered, so neither is the newborn: " + household.reason)
        }
        return BeneficiaryStatus(entitlement: .wholeBasket, rule: .c6,
                                 reason: "newborn covered on the household's card with a birth certificate until \(household.validUntil.map(String.init(describing:)) ?? "the card expires") (C6)",
                                 validUntil: household.validUntil)
    }
}
