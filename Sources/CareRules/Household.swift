/// Where a household lives: the area decides which eligibility test applies (E2 urban, E3 rural).
public enum Area: String, CaseIterable, Sendable, Hashable, Codable {
    case urban
    case rural
}

/// The class of an eligible household (E4), which decides its contribution (C1) and card (C2).
public enum BeneficiaryClass: String, CaseIterable, Sendable, Hashable, Codable {
    case poor
    case vulnerable
}

/// What the local committee knows about a household applying for RAMED.
public struct Household: Hashable, Sendable {
    /// Urban (E2) or rural (E3).
    public var area: Area
    /// Urban: corrected annual income per person, in MAD (E2, E4). Ignored for rural households.
    public var incomePerPerson: Double?
    /// Rural: patrimony score per person (E3, E4). Ignored for urban households.
    public var patrimonyScore: Double?
    /// The socio-economic conditions score (E2: <= 11 urban; E3: <= 6 rural).
    public var conditionsScore: Double
    /// People in the household, at least 1 (C1).
    public var size: Int
    /// Whether the applicant or a dependant is covered by a mandatory health insurance (E1).
    public var hasAMO: Bool

    /// An urban household (E2).
    public static func urban(incomePerPerson: Double, score: Double, size: Int, hasAMO: Bool = false) -> Household {
        Household(area: .urban, incomePerPerson: incomePerPerson, patrimonyScore: nil, conditionsScore: score, size: size, hasAMO: hasAMO)
    }

    /// A rural household (E3).
    public static func rural(patrimonyScore: Double, score: Double, size: Int, hasAMO: Bool = false) -> Household {
        Household(area: .rural, incomePerPerson: nil, patrimonyScore: patrimonyScore, conditionsScore: score, size: size, hasAMO: hasAMO)
    }

    /// A household from every figure; ``urban(incomePerPerson:score:size:hasAMO:)`` and ``rural(patrimonyScore:score:size:hasAMO:)`` take only those of the area.
    public init(area: Area, incomePerPerson: Double?, patrimonyScore: Double?, conditionsScore: Double, size: Int, hasAMO: Bool) {
        self.area = area
        self.incomePerPerson = incomePerPerson
        self.patrimonyScore = patrimonyScore
        self.conditionsScore = conditionsScore
        self.size = size
        self.hasAMO = hasAMO
    }
}
