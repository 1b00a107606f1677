/// The id of a RAMED rule, as `Docs/rules-reference.md` numbers them: what a diagnostic, a basket
/// entry, an eligibility decision or a pathway step cites. A citation of a rule that does not exist
/// does not compile.
///
/// Ordered as the reference lists them: eligibility E1-E4, contributions and cards C1-C9, application
/// A1-A5, the basket of care B1-B16, its exclusions X1-X3, the referral chain P0-P5.
public enum RuleID: String, CaseIterable, Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    // Eligibility.
    case e1 = "E1", e2 = "E2", e3 = "E3", e4 = "E4"
    // Contributions, cards and validity.
    case c1 = "C1", c2 = "C2", c3 = "C3", c4 = "C4", c5 = "C5", c6 = "C6", c7 = "C7", c8 = "C8", c9 = "C9"
    // Application and decisions.
    case a1 = "A1", a2 = "A2", a3 = "A3", a4 = "A4", a5 = "A5"
    // The basket of care.
    case b1 = "B1", b2 = "B2", b3 = "B3", b4 = "B4", b5 = "B5", b6 = "B6", b7 = "B7", b8 = "B8"
    case b9 = "B9", b10 = "B10", b11 = "B11", b12 = "B12", b13 = "B13", b14 = "B14", b15 = "B15", b16 = "B16"
    // Exclusions.
    case x1 = "X1", x2 = "X2", x3 = "X3"
    // The mandatory referral chain.
    case p0 = "P0", p1 = "P1", p2 = "P2", p3 = "P3", p4 = "P4", p5 = "P5"

    /// The id as printed: `P3`.
    public var description: String { rawValue }

    /// Whether the rule excludes care from the basket: X1-X3.
    public var isExclusion: Bool { self == .x1 || self == .x2 || self == .x3 }

    /// The chain level a rule brings a patient to: 1 for P1 (the health centre), 2 for P2, 3 for P3,
    /// 4 for P4 (the CHU); nil for every other rule (P0 reaches whatever level its hospital is, P5
    /// ends the pathway where it is).
    public var arrivalLevel: Int? {
        switch self {
        case .p1: 1
        case .p2: 2
        case .p3: 3
        case .p4: 4
        default: nil
        }
    }

    /// The chain rule that brings a patient to chain level `level` (P1 for 1 up to P4 for 4), or nil
    /// for a level outside 1...4. The inverse of ``arrivalLevel``.
    public init?(arrivalAtLevel level: Int) {
        switch level {
        case 1: self = .p1
        case 2: self = .p2
        case 3: self = .p3
        case 4: self = .p4
        default: return nil
        }
    }

    /// In the reference's order (B2 before B10).
    public static func < (a: RuleID, b: RuleID) -> Bool { a.ordinal < b.ordinal }

    private static let ordinals: [RuleID: Int] = Dictionary(uniqueKeysWithValues: allCases.enumerated().map { ($1, $0) })
    private var ordinal: Int { RuleID.ordinals[self]! }
}
