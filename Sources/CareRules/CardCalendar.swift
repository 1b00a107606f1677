import CareNetwork

/// The dates of a card's 3-year eligibility: its card years (C2), the renewal windows of a vulnerable
/// card (C3) and the day a new file is due (C4). Every period is a start day and an exclusive end day
/// (the first day it no longer holds), as ``Card/status(on:)``'s.
public struct CardCalendar: Hashable, Sendable {
    /// One card year of the eligibility (k = 1, 2, 3).
    public struct Year: Hashable, Sendable {
        /// 1, 2 or 3.
        public let number: Int
        /// The first day of the year: `issued + (number - 1) years`.
        public let starts: CalendarDate
        /// The first day after it.
        public let ends: CalendarDate
        /// Whether the year is covered: always for a poor card, when its contribution is paid for a
        /// vulnerable one (C2).
        public let covered: Bool
    }

    /// A vulnerable card's renewal window (C3): the two weeks before a card year ends, in which the
    /// beneficiary fetches a payment notice from the local authority that issued the first card, pays the
    /// next year's contribution at a post office and receives the card of that year.
    public struct RenewalWindow: Hashable, Sendable {
        /// The card year it renews into (2 or 3).
        public let forYear: Int
        /// 14 days before the year ends.
        public let opens: CalendarDate
        /// The day the year ends and the renewed card's year starts (exclusive end of the window).
        public let closes: CalendarDate
    }

    /// What the calendar says about one day.
    public enum Stage: Hashable, Sendable {
        /// Before the card is issued.
        case notYetIssued
        /// A card year, outside any window.
        case year(Int)
        /// In the C3 renewal window of a vulnerable card, towards this year.
        case renewal(forYear: Int)
        /// From the C4 day to the end of the eligibility: a new file is due.
        case newFileDue
        /// The eligibility is over (C2, C4): a new file is needed.
        case expired
    }

    /// The card's class.
    public let beneficiaryClass: BeneficiaryClass
    /// The day the eligibility starts.
    public let issued: CalendarDate
    /// The three card years (a poor card is one card valid for all three).
    public let years: [Year]
    /// C3: the renewal windows, for a vulnerable card only (before years 2 and 3); empty for a poor one.
    public let renewalWindows: [RenewalWindow]
    /// C4: three months before the eligibility ends, the day from which the new file is due.
    public let newFileFrom: CalendarDate
    /// The end of the 3-year eligibility (exclusive).
    public let eligibilityEnds: CalendarDate

    /// The days before a card year ends when its renewal starts (C3: two weeks).
    public static let renewalDays = 14
    /// The months before the eligibility ends when the new file is due (C4: three months).
    public static let newFileMonths = 3

    /// The calendar of `card`.
    public init(card: Card) {
        beneficiaryClass = card.beneficiaryClass
        issued = card.issued
        eligibilityEnds = card.eligibilityEnds
        years = (1...3).map { k in
            Year(number: k, starts: card.issued.adding(years: k - 1), ends: card.issued.adding(years: k),
                 covered: card.beneficiaryClass == .poor || card.paidYears >= k)
        }
        renewalWindows = card.beneficiaryClass == .poor ? [] : years.dropLast().map { year in
            RenewalWindow(forYear: year.number + 1, opens: year.ends.adding(days: -Self.renewalDays), closes: year.ends)
        }
        newFileFrom = eligibilityEnds.adding(months: -Self.newFileMonths)
    }

    /// Where `date` falls: a renewal window (C3) or the new-file period (C4) take precedence over the
    /// card year they fall in.
    public func stage(on date: CalendarDate) -> Stage {
        if date < issued { return .notYetIssued }
        if date >= eligibilityEnds { return .expired }
        if date >= newFileFrom { return .newFileDue }
        if let window = renewalWindows.first(where: { $0.opens <= date && date < $0.closes }) { return .renewal(forYear: window.forYear) }
        return .year(years.last { $0.starts <= date }?.number ?? 1)
    }

    /// What the beneficiary must do on `date`, in English, with the rule (C2, C3 or C4).
    public func advice(on date: CalendarDate) -> (rule: RuleID, text: String) {
        switch stage(on: date) {
        case .notYetIssued:
            return (.c2, "the card is only valid from \(issued) (C2)")
        case .year(let k):
            if let next = renewalWindows.first(where: { $0.opens > date }) {
                return (.c3, "card year \(k); the renewal for year \(next.forYear) opens on \(next.opens) (C3)")
            }
            return (.c4, "card year \(k); the new file is due from \(newFileFrom) (C4)")
        case .renewal(let k):
            let closes = renewalWindows.first { $0.forYear == k }!.closes
            return (.c3, "renewal window for year \(k), until \(closes): ask the local authority that issued the first card for a payment notice, pay the year's contribution at a post office (Barid Al-Maghrib), receive the card (C3)")
        case .newFileDue:
            return (.c4, "the eligibility ends on \(eligibilityEnds): file a new application now, by the same procedure as the first one (C4)")
        case .expired:
            return (.c4, "the eligibility ended on \(eligibilityEnds); a new file is needed (C2, C4)")
        }
    }
}

extension Card {
    /// The card's calendar: its years (C2), renewal windows (C3) and new-file day (C4).
    public var calendar: CardCalendar { CardCalendar(card: self) }
}

extension DepositReceipt {
    /// C5: what the receipt is while the file is examined, in English. It is an interim pass: emergency
    /// care only, for 3 months, pending the local permanent committee's decision on the file; it does not
    /// make anyone a beneficiary.
    public var interimStatus: String {
        "filed on \(filed), pending the local permanent committee's decision on the file: emergency care only until \(expires) (3 months); it does not make anyone a beneficiary (C5)"
    }
}
