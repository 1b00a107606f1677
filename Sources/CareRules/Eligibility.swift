import CareNetwork

/// Eligibility and classing of a household (E1-E4) with its contribution (C1) and card validity (C2).
public enum Eligibility {
    /// E2: the urban income gate; an income must be strictly below it (E4 reading: 5,650 exactly fails).
    public static let urbanIncomeCeiling = 5650.0
    /// E2: the highest urban socio-economic conditions score.
    public static let urbanScoreMaximum = 11.0
    /// E4: urban incomes above this (and eligible) are vulnerable; at or below it, poor.
    public static let urbanVulnerableIncomeFloor = 3767.0
    /// E3: the highest rural patrimony score.
    public static let ruralPatrimonyMaximum = 70.0
    /// E3: the highest rural socio-economic conditions score.
    public static let ruralScoreMaximum = 6.0
    /// E4: rural patrimony scores above this (and eligible) are vulnerable; at or below it, poor.
    public static let ruralVulnerablePatrimonyFloor = 28.0
    /// C1: the vulnerable contribution per person per year, MAD.
    public static let contributionPerPerson = 120
    /// C1: the cap on a household's annual contribution, MAD.
    public static let contributionCapPerHousehold = 600
    /// C2: card validity in years by class.
    public static func cardValidityYears(_ beneficiaryClass: BeneficiaryClass) -> Int {
        beneficiaryClass == .poor ? 3 : 1
    }

    /// C1: the annual contribution of a household of `size` people in `beneficiaryClass`.
    public static func annualContribution(_ beneficiaryClass: BeneficiaryClass, size: Int) -> Int {
        switch beneficiaryClass {
        case .poor: 0
        case .vulnerable: min(contributionPerPerson * max(size, 1), contributionCapPerHousehold)
        }
    }

    /// Decides eligibility and class for `household`.
    ///
    /// A household with a missing figure for its area (no income for an urban household, no patrimony
    /// score for a rural one) is not eligible, and the reason says what is missing.
    public static func assess(_ household: Household) -> EligibilityDecision {
        // E1: anyone with mandatory health insurance (AMO) is outside RAMED.
        if household.hasAMO {
            return refusal([.e1], "the household is covered by a mandatory health insurance (AMO), so it cannot be a RAMED beneficiary (E1)")
        }
        let score = household.conditionsScore
        switch household.area {
        case .urban:
            // E2: income < 5,650 per person and conditions score <= 11.
            guard let income = household.incomePerPerson else {
                return refusal([.e1, .e2], "an urban household needs its corrected income per person (E2)")
            }
            guard income < urbanIncomeCeiling else {
                return refusal([.e1, .e2], "corrected income of \(mad(income)) MAD per person is not below 5,650 MAD (E2)")
            }
            guard score <= urbanScoreMaximum else {
                return refusal([.e1, .e2], "socio-economic conditions score \(number(score)) is above 11 (E2)")
            }
            // E4: vulnerable when income > 3,767 (and < 5,650), else poor.
            let vulnerable = income > urbanVulnerableIncomeFloor
            return accepted(
                vulnerable ? .vulnerable : .poor, household, area: .e2,
                why: vulnerable
                    ? "income \(mad(income)) MAD per person is above 3,767 and below 5,650, score \(number(score)) <= 11"
                    : "income \(mad(income)) MAD per person is at most 3,767, score \(number(score)) <= 11"
            )
        case .rural:
            // E3: patrimony score <= 70 and conditions score <= 6.
            guard let patrimony = household.patrimonyScore else {
                return refusal([.e1, .e3], "a rural household needs its patrimony score per person (E3)")
            }
            guard patrimony <= ruralPatrimonyMaximum else {
                return refusal([.e1, .e3], "patrimony score \(number(patrimony)) is above 70 (E3)")
            }
            guard score <= ruralScoreMaximum else {
                return refusal([.e1, .e3], "socio-economic conditions score \(number(score)) is above 6 (E3)")
            }
            // E4: vulnerable when patrimony > 28 (and <= 70), else poor.
            let vulnerable = patrimony > ruralVulnerablePatrimonyFloor
            return accepted(
                vulnerable ? .vulnerable : .poor, household, area: .e3,
                why: vulnerable
                    ? "patrimony score \(number(patrimony)) is above 28 and at most 70, score \(number(score)) <= 6"
                    : "patrimony score \(number(patrimony)) is at most 28, score \(number(score)) <= 6"
            )
        }
    }

    private static func refusal(_ rules: [RuleID], _ reason: String) -> EligibilityDecision {
        EligibilityDecision(eligible: false, beneficiaryClass: nil, annualContribution: 0, cardValidityYears: 0,
                            rules: rules, reason: "not eligible: " + reason)
    }

    private static func accepted(_ beneficiaryClass: BeneficiaryClass, _ household: Household, area: RuleID, why: String) -> EligibilityDecision {
        let contribution = annualContribution(beneficiaryClass, size: household.size)
        let years = cardValidityYears(beneficiaryClass)
        let payment: String
        switch beneficiaryClass {
        case .poor:
            payment = "no contribution (C1); one card valid 3 years (C2)"
        case .vulnerable:
            let raw = contributionPerPerson * max(household.size, 1)
            let capped = raw > contributionCapPerHousehold ? ", capped at 600" : ""
            payment = "\(contribution) MAD a year (120 x \(household.size) people\(capped), C1); card valid 1 year, renewed on payment (C2)"
        }
        return EligibilityDecision(
            eligible: true, beneficiaryClass: beneficiaryClass, annualContribution: contribution, cardValidityYears: years,
            rules: [.e1, area, .e4, .c1, .c2],
            reason: "eligible as \(beneficiaryClass.rawValue) (\(area), E4): \(why); \(payment)"
        )
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    static func mad(_ value: Double) -> String { number(value) }
}
