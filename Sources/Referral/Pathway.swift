import CareNetwork

/// The route of one patient through the network: the steps taken, each citing its rule, and how it ends.
public struct Pathway: Hashable, Sendable {
    /// How a pathway ends.
    public enum Outcome: Hashable, Sendable {
        /// P5: a facility on the pathway provides the service.
        case treated(at: FacilityID)
        /// The care is not covered: X1-X3, an expired card or unpaid year (C2), a receipt (C5).
        case notCovered
        /// No facility on the chain provides the service.
        case unavailable

        /// Which of the three ends it is, without the treating facility.
        public var kind: Kind {
            switch self {
            case .treated: .treated
            case .notCovered: .notCovered
            case .unavailable: .unavailable
            }
        }

        /// `treated`, `not-covered` or `unavailable`.
        public var name: String { kind.rawValue }

        /// How a pathway ends, without the treating facility: what JSON output and diagrams show.
        public enum Kind: String, Hashable, Sendable, CaseIterable {
            /// P5: a facility on the pathway provides the service.
            case treated
            /// The care is not covered.
            case notCovered = "not-covered"
            /// No facility on the chain provides the service.
            case unavailable

            /// The outcome in words, in French, Arabic and English (`carepath route` prints it).
            public var name: LocalizedName {
                switch self {
                case .treated: LocalizedName(fr: "pris en charge", ar: "تم العلاج", en: "treated")
                case .notCovered: LocalizedName(fr: "non couvert", ar: "غير مغطى", en: "not covered")
                case .unavailable: LocalizedName(fr: "indisponible", ar: "غير متوفر", en: "unavailable")
                }
            }
        }
    }

    /// How it ends.
    public let outcome: Outcome
    /// The deciding rule: P5 (or P0 when the emergency hospital treats), the exclusion or validity
    /// rule when not covered (X1, C5...); nil when unavailable.
    public let rule: RuleID?
    /// The steps in order. Empty when the care is not covered before any facility is reached.
    public let steps: [PathwayStep]
    /// Why, in English, citing the rules.
    public let reason: String

    /// A pathway that ends with `outcome` under `rule`, its steps, and the reason.
    init(outcome: Outcome, rule: RuleID?, steps: [PathwayStep], reason: String) {
        self.outcome = outcome
        self.rule = rule
        self.steps = steps
        self.reason = reason
    }

    /// The treating facility, or nil.
    public var treatedAt: FacilityID? {
        if case .treated(let facility) = outcome { return facility }
        return nil
    }

    /// The facilities the patient arrives at, in order (a treatment step repeats its facility and is not
    /// counted twice).
    public var visitedFacilities: [FacilityID] { steps.filter { $0.action != .treatment }.map(\.facility) }

    /// Total kilometres travelled.
    public var totalKm: Double { steps.reduce(0) { $0 + $1.distanceKm } }
}
