import CareNetwork
import Testing
import CareRules

/// A card's calendar: its years (C2), a vulnerable card's renewal windows (C3), the new-file day (C4),
/// and the receipt's interim status (C5).
@Suite("Card calendar (C2-C5)")
struct CardCalendarTests {
    static func date(_ text: String) -> CalendarDate { CalendarDate(text)! }

    @Test("a vulnerable card: three years, a renewal window in the two weeks before years 1 and 2 end, the new file three months before the end")
    func vulnerable() {
        let calendar = Card(beneficiaryClass: .vulnerable, issued: Self.date("2024-03-01"), paidYears: 2).calendar
        #expect(calendar.years.map(\.starts) == ["2024-03-01", "2025-03-01", "2026-03-01"].map(Self.date))
        #expect(calendar.years.map(\.ends) == ["2025-03-01", "2026-03-01", "2027-03-01"].map(Self.date))
        #expect(calendar.years.map(\.covered) == [true, true, false])
        #expect(calendar.renewalWindows.map(\.forYear) == [2, 3])
        #expect(calendar.renewalWindows.map(\.opens) == ["2025-02-15", "2026-02-15"].map(Self.date))
        #expect(calendar.renewalWindows.map(\.closes) == ["2025-03-01", "2026-03-01"].map(Self.date))
        #expect(calendar.newFileFrom == Self.date("2026-12-01"))
        #expect(calendar.eligibilityEnds == Self.date("2027-03-01"))
    }

    @Test("a poor card has no renewal window (one card for 3 years) but the same new-file day")
    func poor() {
        let calendar = Card(beneficiaryClass: .poor, issued: Self.date("2024-03-01"), paidYears: 0).calendar
        #expect(calendar.renewalWindows.isEmpty)
        #expect(calendar.years.allSatisfy { $0.covered })
        #expect(calendar.newFileFrom == Self.date("2026-12-01"))
    }

    @Test("month ends clamp: a card of 29 February and one of 31 May")
    func clamping() {
        let leap = Card(beneficiaryClass: .vulnerable, issued: Self.date("2024-02-29")).calendar
        #expect(leap.years[0].ends == Self.date("2025-02-28"))
        #expect(leap.renewalWindows[0].opens == Self.date("2025-02-14"))
        #expect(leap.newFileFrom == Self.date("2026-11-28"))
        #expect(Card(beneficiaryClass: .poor, issued: Self.date("2024-05-31")).calendar.newFileFrom == Self.date("2027-02-28"))
    }

    @Test("the stage of each day: the window's first and last days, the new-file day, the end")
    func stages() {
        let calendar = Card(beneficiaryClass: .vulnerable, issued: Self.date("2024-03-01")).calendar
        let stages = ["2024-02-29", "2024-03-01", "2025-02-14", "2025-02-15", "2025-02-28", "2025-03-01", "2026-02-15",
                      "2026-11-30", "2026-12-01", "2027-02-28", "2027-03-01"].map { calendar.stage(on: Self.date($0)) }
        #expect(stages == [.notYetIssued, .year(1), .year(1), .renewal(forYear: 2), .renewal(forYear: 2), .year(2), .renewal(forYear: 3),
                           .year(3), .newFileDue, .newFileDue, .expired])
        #expect(calendar.advice(on: Self.date("2024-06-01")) == (.c3, "card year 1; the renewal for year 2 opens on 2025-02-15 (C3)"))
        #expect(calendar.advice(on: Self.date("2026-06-01")).rule == .c4)
        #expect(calendar.advice(on: Self.date("2025-02-20")).rule == .c3)
        #expect(calendar.advice(on: Self.date("2027-03-01")).text == "the eligibility ended on 2027-03-01; a new file is needed (C2, C4)")
    }

    @Test("the receipt is an interim pass pending the committee's decision (C5)")
    func receipt() {
        let receipt = DepositReceipt(filed: Self.date("2026-01-31"))
        #expect(receipt.interimStatus.contains("pending the local permanent committee's decision"))
        #expect(receipt.interimStatus.contains("emergency care only until 2026-04-30"))
        #expect(receipt.interimStatus.hasSuffix("it does not make anyone a beneficiary (C5)"))
    }
}
