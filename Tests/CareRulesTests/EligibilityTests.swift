import CareNetwork
import CareRules
import Testing

@Suite("Eligibility: E1-E4, C1, C2")
struct EligibilityTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let label: String
        let household: Household
        let eligible: Bool
        let beneficiaryClass: BeneficiaryClass?
        let contribution: Int
        let cardYears: Int
        let rule: RuleID
        var testDescription: String { label }
    }

    static let cases: [Case] = [
        // E1: AMO rules RAMED out, whatever the figures.
        Case(label: "E1: AMO, urban poor figures", household: .urban(incomePerPerson: 1000, score: 3, size: 4, hasAMO: true), eligible: false, beneficiaryClass: nil, contribution: 0, cardYears: 0, rule: .e1),
        Case(label: "E1: AMO, rural poor figures", household: .rural(patrimonyScore: 10, score: 2, size: 4, hasAMO: true), eligible: false, beneficiaryClass: nil, contribution: 0, cardYears: 0, rule: .e1),
        // E2/E4 urban income boundaries.
        Case(label: "E2: income 5650 exactly is not eligible (strict gate)", household: .urban(incomePerPerson: 5650, score: 5, size: 3), eligible: false, beneficiaryClass: nil, contribution: 0, cardYears: 0, rule: .e2),
        Case(label: "E2/E4: income 5649.99 is vulnerable", household: .urban(incomePerPerson: 5649.99, score: 5, size: 3), eligible: true, beneficiaryClass: .vulnerable, contribution: 360, cardYears: 1, rule: .e2),
        Case(label: "E4: income 3767 exactly is poor", household: .urban(incomePerPerson: 3767, score: 5, size: 3), eligible: true, beneficiaryClass: .poor, contribution: 0, cardYears: 3, rule: .e4),
        Case(label: "E4: income 3767.01 is vulnerable", household: .urban(incomePerPerson: 3767.01, score: 5, size: 3), eligible: true, beneficiaryClass: .vulnerable, contribution: 360, cardYears: 1, rule: .e4),
        Case(label: "E2: score 11 is eligible", household: .urban(incomePerPerson: 2000, score: 11, size: 2), eligible: true, beneficiaryClass: .poor, contribution: 0, cardYears: 3, rule: .e2),
        Case(label: "E2: score 12 is not eligible", household: .urban(incomePerPerson: 2000, score: 12, size: 2), eligible: false, beneficiaryClass: nil, contribution: 0, cardYears: 0, rule: .e2),
        // E3/E4 rural boundaries.
        Case(label: "E3: patrimony 70 is eligible (vulnerable)", household: .rural(patrimonyScore: 70, score: 6, size: 2), eligible: true, beneficiaryClass: .vulnerable, contribution: 240, cardYears: 1, rule: .e3),
        Case(label: "E3: patrimony 70.01 is not eligible", household: .rural(patrimonyScore: 70.01, score: 6, size: 2), eligible: false, beneficiaryClass: nil, contribution: 0, cardYears: 0, rule: .e3),
        Case(label: "E3: score 6 is eligible", household: .rural(patrimonyScore: 10, score: 6, size: 2), eligible: true, beneficiaryClass: .poor, contribution: 0, cardYears: 3, rule: .e3),
        Case(label: "E3: score 7 is not eligible", household: .rural(patrimonyScore: 10, score: 7, size: 2), eligible: false, beneficiaryClass: nil, contribution: 0, cardYears: 0, rule: .e3),
        Case(label: "E4: patrimony 28 is poor", household: .rural(patrimonyScore: 28, score: 4, size: 2), eligible: true, beneficiaryClass: .poor, contribution: 0, cardYears: 3, rule: .e4),
        Case(label: "E4: patrimony 28.01 is vulnerable", household: .rural(patrimonyScore: 28.01, score: 4, size: 2), eligible: true, beneficiaryClass: .vulnerable, contribution: 240, cardYears: 1, rule: .e4),
        // C1: 120 per person, capped at 600 per household.
        Case(label: "C1: vulnerable household of 5 pays 600", household: .urban(incomePerPerson: 4000, score: 8, size: 5), eligible: true, beneficiaryClass: .vulnerable, contribution: 600, cardYears: 1, rule: .c1),
        Case(label: "C1: vulnerable household of 6 pays 600 (cap)", household: .urban(incomePerPerson: 4000, score: 8, size: 6), eligible: true, beneficiaryClass: .vulnerable, contribution: 600, cardYears: 1, rule: .c1),
        Case(label: "C1: vulnerable household of 1 pays 120", household: .rural(patrimonyScore: 50, score: 1, size: 1), eligible: true, beneficiaryClass: .vulnerable, contribution: 120, cardYears: 1, rule: .c1),
        Case(label: "C1: poor household of 9 pays nothing", household: .rural(patrimonyScore: 5, score: 1, size: 9), eligible: true, beneficiaryClass: .poor, contribution: 0, cardYears: 3, rule: .c1),
        // C2: card validity by class.
        Case(label: "C2: poor card valid 3 years", household: .urban(incomePerPerson: 100, score: 0, size: 1), eligible: true, beneficiaryClass: .poor, contribution: 0, cardYears: 3, rule: .c2),
        Case(label: "C2: vulnerable card valid 1 year", household: .urban(incomePerPerson: 5000, score: 0, size: 1), eligible: true, beneficiaryClass: .vulnerable, contribution: 120, cardYears: 1, rule: .c2),
    ]

    @Test("E1-E4, C1, C2: eligibility, class, contribution and card validity at every boundary", arguments: cases)
    func decision(_ c: Case) {
        let decision = Eligibility.assess(c.household)
        #expect(decision.eligible == c.eligible)
        #expect(decision.beneficiaryClass == c.beneficiaryClass)
        #expect(decision.annualContribution == c.contribution)
        #expect(decision.cardValidityYears == c.cardYears)
        #expect(decision.rules.contains(c.rule), "\(decision.rules)")
        #expect(decision.reason.contains(c.rule.rawValue), "\(decision.reason)")
    }

    @Test("E1: an AMO household's decision cites E1 only")
    func amoCitesE1() {
        #expect(Eligibility.assess(.urban(incomePerPerson: 100, score: 1, size: 1, hasAMO: true)).rules == [.e1])
    }

    @Test("E2, E3: a missing figure for the area is not eligible and says what is missing")
    func missingFigure() {
        let urban = Household(area: .urban, incomePerPerson: nil, patrimonyScore: 10, conditionsScore: 1, size: 1, hasAMO: false)
        #expect(!Eligibility.assess(urban).eligible)
        #expect(Eligibility.assess(urban).reason.contains("income"))
        let rural = Household(area: .rural, incomePerPerson: 100, patrimonyScore: nil, conditionsScore: 1, size: 1, hasAMO: false)
        #expect(Eligibility.assess(rural).reason.contains("patrimony"))
    }
}
