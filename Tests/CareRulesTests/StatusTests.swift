import CareNetwork
import CareRules
import Testing

private func day(_ text: String) -> CalendarDate { CalendarDate(text)! }

@Suite("Beneficiary status on a date: C2, C5, C6")
struct StatusTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let label: String
        let status: BeneficiaryStatus
        let entitlement: BeneficiaryStatus.Entitlement
        let rule: RuleID
        var testDescription: String { label }
    }

    static let poor = Card(beneficiaryClass: .poor, issued: day("2024-03-15"))
    static let vulnerable = Card(beneficiaryClass: .vulnerable, issued: day("2024-03-15"), paidYears: 2)
    static let receipt = DepositReceipt(filed: day("2026-01-31"))

    static let cases: [Case] = [
        // C2: poor card, 3 years.
        Case(label: "C2: poor card on its issue day", status: poor.status(on: day("2024-03-15")), entitlement: .wholeBasket, rule: .c2),
        Case(label: "C2: poor card the day before issue", status: poor.status(on: day("2024-03-14")), entitlement: .none, rule: .c2),
        Case(label: "C2: poor card the day before expiry (3 years)", status: poor.status(on: day("2027-03-14")), entitlement: .wholeBasket, rule: .c2),
        Case(label: "C2: poor card on its expiry day", status: poor.status(on: day("2027-03-15")), entitlement: .none, rule: .c2),
        Case(label: "C2: poor card the day after expiry", status: poor.status(on: day("2027-03-16")), entitlement: .none, rule: .c2),
        // C2: vulnerable card, year by year on payment.
        Case(label: "C2: vulnerable year 1, paid", status: vulnerable.status(on: day("2025-03-14")), entitlement: .wholeBasket, rule: .c2),
        Case(label: "C2: vulnerable year 2, paid", status: vulnerable.status(on: day("2025-03-15")), entitlement: .wholeBasket, rule: .c2),
        Case(label: "C2: vulnerable year 2, last day", status: vulnerable.status(on: day("2026-03-14")), entitlement: .wholeBasket, rule: .c2),
        Case(label: "C2: vulnerable year 3, not paid", status: vulnerable.status(on: day("2026-03-15")), entitlement: .none, rule: .c2),
        Case(label: "C2: vulnerable, no year paid", status: Card(beneficiaryClass: .vulnerable, issued: day("2024-03-15"), paidYears: 0).status(on: day("2024-04-01")), entitlement: .none, rule: .c2),
        Case(label: "C2: vulnerable, 3 years paid, after the eligibility ends", status: Card(beneficiaryClass: .vulnerable, issued: day("2024-03-15"), paidYears: 3).status(on: day("2027-03-15")), entitlement: .none, rule: .c2),
        Case(label: "C2: vulnerable, 3 years paid, the day before the eligibility ends", status: Card(beneficiaryClass: .vulnerable, issued: day("2024-03-15"), paidYears: 3).status(on: day("2027-03-14")), entitlement: .wholeBasket, rule: .c2),
        // C5: receipt, emergency only for 3 months (31 January + 3 months = 30 April).
        Case(label: "C5: receipt on its filing day", status: receipt.status(on: day("2026-01-31")), entitlement: .emergencyOnly, rule: .c5),
        Case(label: "C5: receipt the day before 3 months", status: receipt.status(on: day("2026-04-29")), entitlement: .emergencyOnly, rule: .c5),
        Case(label: "C5: receipt at 3 months", status: receipt.status(on: day("2026-04-30")), entitlement: .none, rule: .c5),
        Case(label: "C5: receipt the day after 3 months", status: receipt.status(on: day("2026-05-01")), entitlement: .none, rule: .c5),
        Case(label: "C5: receipt before filing", status: receipt.status(on: day("2026-01-30")), entitlement: .none, rule: .c5),
        // C6: newborns.
        Case(label: "C6: newborn of a poor household is covered", status: poor.newbornStatus(born: day("2025-07-01"), on: day("2025-07-02")), entitlement: .wholeBasket, rule: .c6),
        Case(label: "C6: newborn covered the day before the card expires", status: poor.newbornStatus(born: day("2025-07-01"), on: day("2027-03-14")), entitlement: .wholeBasket, rule: .c6),
        Case(label: "C6: newborn not covered once the card expires", status: poor.newbornStatus(born: day("2025-07-01"), on: day("2027-03-15")), entitlement: .none, rule: .c2),
        Case(label: "C6: newborn of an unpaid vulnerable year is not covered", status: vulnerable.newbornStatus(born: day("2026-04-01"), on: day("2026-04-02")), entitlement: .none, rule: .c2),
    ]

    @Test("C2, C5, C6: status at each validity limit", arguments: cases)
    func status(_ c: Case) {
        #expect(c.status.entitlement == c.entitlement, "\(c.status.reason)")
        #expect(c.status.rule == c.rule)
        #expect(c.status.reason.contains(c.rule.rawValue))
    }

    @Test("C5: a receipt allows emergency care only; a card the whole basket")
    func allows() {
        let receiptStatus = Self.receipt.status(on: day("2026-02-01"))
        #expect(receiptStatus.allows(emergency: true))
        #expect(!receiptStatus.allows(emergency: false))
        #expect(Self.poor.status(on: day("2025-01-01")).allows(emergency: false))
        #expect(Self.poor.status(on: day("2025-01-01")).validUntil == day("2027-03-15"))
    }

    @Test("calendar dates: parsing, leap years, month ends and day numbers")
    func calendar() {
        #expect(CalendarDate("2024-02-29") != nil)
        #expect(CalendarDate("2025-02-29") == nil)
        #expect(CalendarDate("2025-13-01") == nil)
        #expect(CalendarDate("25-01-01") == nil)
        #expect(day("2024-02-29").adding(years: 1) == day("2025-02-28"))
        #expect(day("2025-11-30").adding(months: 3) == day("2026-02-28"))
        #expect(day("1970-01-01").dayNumber == 0)
        #expect(day("2000-03-01").dayNumber == 11017)
        #expect(CalendarDate(dayNumber: day("2031-12-31").dayNumber) == day("2031-12-31"))
        #expect(day("2026-01-31").adding(days: 1) == day("2026-02-01"))
        #expect(day("2026-01-01").description == "2026-01-01")
    }
}
