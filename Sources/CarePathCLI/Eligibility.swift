import CarePathSupport
import ArgumentParser
import CareRules

extension Area: ExpressibleByArgument {}

/// `carepath eligibility`: class a household (E1-E4) with its contribution (C1) and card validity (C2).
struct EligibilityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eligibility",
        abstract: "Class a household as poor, vulnerable or not eligible, with its contribution and card.",
        discussion: """
            Urban households need --income-per-person (E2); rural ones --patrimony-score (E3). Both need
            --score (socio-economic conditions) and --household-size. --amo means the household has a
            mandatory health insurance, which rules RAMED out (E1).

            Examples:
              carepath eligibility --area urban --income-per-person 4200 --score 9 \\
                  --household-size 6
              carepath eligibility --area rural --patrimony-score 20 --score 5 \\
                  --household-size 4 --format json
            """.helpParagraphs
    )

    @Option(help: "Where the household lives: urban (E2) or rural (E3).")
    var area: Area

    @Option(help: "Urban: corrected annual income per person, MAD (E2, E4).")
    var incomePerPerson: Double?

    @Option(help: "Rural: patrimony score per person (E3, E4).")
    var patrimonyScore: Double?

    @Option(help: "Socio-economic conditions score (E2: <= 11 urban; E3: <= 6 rural).")
    var score: Double

    @Option(help: "Number of people in the household (C1).")
    var householdSize: Int

    @Flag(help: "The household has a mandatory health insurance (AMO): never eligible (E1).")
    var amo = false

    @OptionGroup var output: OutputOptions

    func validate() throws {
        switch area {
        case .urban:
            guard incomePerPerson != nil else { throw ValidationError("--area urban needs --income-per-person MAD (E2)") }
            guard patrimonyScore == nil else { throw ValidationError("--patrimony-score is for --area rural; an urban household gives --income-per-person") }
        case .rural:
            guard patrimonyScore != nil else { throw ValidationError("--area rural needs --patrimony-score N (E3)") }
            guard incomePerPerson == nil else { throw ValidationError("--income-per-person is for --area urban; a rural household gives --patrimony-score") }
        }
        guard householdSize >= 1 else { throw ValidationError("--household-size must be at least 1") }
        for (name, value) in [("--score", score), ("--income-per-person", incomePerPerson ?? 0), ("--patrimony-score", patrimonyScore ?? 0)] {
            guard value.isFinite, value >= 0 else { throw ValidationError("\(name) must be a number >= 0") }
        }
    }

    func run() throws {
        let household = Household(area: area, incomePerPerson: incomePerPerson, patrimonyScore: patrimonyScore,
                                  conditionsScore: score, size: householdSize, hasAMO: amo)
        let decision = Eligibility.assess(household)
        switch output.format {
        case .json:
            print(JSONValue.object([
                "eligible": .bool(decision.eligible),
                "class": decision.beneficiaryClass.map { .string($0.rawValue) } ?? .null,
                "annualContribution": .int(decision.annualContribution),
                "cardValidityYears": .int(decision.cardValidityYears),
                "rules": .array(decision.rules.map { .string($0.rawValue) }),
                "reason": .string(decision.reason),
            ]).rendered())
        case .text:
            let verdict = decision.beneficiaryClass.map { "eligible, \($0.rawValue)" } ?? "not eligible"
            print("""
                \(verdict)
                  annual contribution: \(decision.annualContribution) MAD
                  card validity:       \(decision.cardValidityYears) year\(decision.cardValidityYears == 1 ? "" : "s")
                  rules:               \(decision.rules.map(\.rawValue).joined(separator: " "))
                  reason:              \(decision.reason)
                """)
        }
    }
}
