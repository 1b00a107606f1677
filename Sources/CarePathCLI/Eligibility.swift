import CarePathSupport
import ArgumentParser
import CareNetwork
import CareRules

extension Area: ExpressibleByArgument {}

/// `carepath eligibility`: class a household (E1-E4) with its contribution (C1) and card validity (C2);
/// or, with `--card` or `--receipt`, the card's calendar (C2-C4) or the receipt's interim status (C5).
struct EligibilityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eligibility",
        abstract: "Class a household as poor, vulnerable or not eligible, with its contribution and card; or give a card's calendar.",
        discussion: """
            Urban households need --income-per-person (E2); rural ones --patrimony-score (E3). Both need
            --score (socio-economic conditions) and --household-size. --amo means the household has a
            mandatory health insurance, which rules RAMED out (E1).

            With --card poor|vulnerable --card-issued DATE instead, prints the card's calendar: its three
            card years (C2), a vulnerable card's renewal windows (C3: the two weeks before each card year
            ends) and the day the new file is due (C4: three months before the eligibility ends), and what
            is due on --on DATE. With --receipt DATE, the deposit receipt's interim status (C5).

            Examples:
              carepath eligibility --area urban --income-per-person 4200 --score 9 \\
                  --household-size 6
              carepath eligibility --area rural --patrimony-score 20 --score 5 \\
                  --household-size 4 --format json
              carepath eligibility --card vulnerable --card-issued 2024-03-01 \\
                  --paid-years 1 --on 2025-02-20
              carepath eligibility --receipt 2026-01-10 --on 2026-02-01
            """.helpParagraphs
    )

    @Option(help: "Where the household lives: urban (E2) or rural (E3).")
    var area: Area?

    @Option(help: "Urban: corrected annual income per person, MAD (E2, E4).")
    var incomePerPerson: Double?

    @Option(help: "Rural: patrimony score per person (E3, E4).")
    var patrimonyScore: Double?

    @Option(help: "Socio-economic conditions score (E2: <= 11 urban; E3: <= 6 rural).")
    var score: Double?

    @Option(help: "Number of people in the household (C1).")
    var householdSize: Int?

    @Flag(help: "The household has a mandatory health insurance (AMO): never eligible (E1).")
    var amo = false

    @Option(help: "A card's calendar instead: its class, poor or vulnerable (C2-C4). Needs --card-issued.")
    var card: BeneficiaryClass?

    @Option(help: "The day the card was issued, YYYY-MM-DD (C2).")
    var cardIssued: String?

    @Option(help: "Vulnerable card: annual contributions paid, 0-3 (C2). Default 1.")
    var paidYears: Int?

    @Option(help: "A deposit receipt's interim status instead: the day the file was filed, YYYY-MM-DD (C5).")
    var receipt: String?

    @Option(help: "With --card or --receipt: the day to report on, YYYY-MM-DD. Default: today (UTC).")
    var on: String?

    @OptionGroup var output: OutputOptions

    /// Whether a card or a receipt is given rather than a household.
    var isCalendar: Bool { card != nil || receipt != nil || cardIssued != nil || paidYears != nil || on != nil }

    func validate() throws {
        if isCalendar {
            if area != nil || incomePerPerson != nil || patrimonyScore != nil || score != nil || householdSize != nil || amo {
                throw ValidationError("give a household (--area, --score, --household-size...) or a card or receipt (--card, --receipt), not both")
            }
            if card != nil, receipt != nil { throw ValidationError("give --card or --receipt, not both") }
            if card != nil, cardIssued == nil { throw ValidationError("--card needs --card-issued YYYY-MM-DD") }
            if card == nil, cardIssued != nil || paidYears != nil { throw ValidationError("--card-issued and --paid-years go with --card poor|vulnerable") }
            if card == nil, receipt == nil { throw ValidationError("--on goes with --card or --receipt") }
            if let paidYears, !(0...3).contains(paidYears) { throw ValidationError("--paid-years is 0 to 3") }
            for (name, value) in [("--card-issued", cardIssued), ("--receipt", receipt), ("--on", on)] {
                if let value, CalendarDate(value) == nil { throw ValidationError("\(name) takes a date YYYY-MM-DD, not '\(value)'") }
            }
            return
        }
        guard let area else { throw ValidationError("give --area urban|rural with the household's figures (E2, E3), or --card or --receipt (C2-C5)") }
        guard score != nil else { throw ValidationError("--area needs --score N (E2, E3)") }
        guard householdSize != nil else { throw ValidationError("--area needs --household-size N (C1)") }
        switch area {
        case .urban:
            guard incomePerPerson != nil else { throw ValidationError("--area urban needs --income-per-person MAD (E2)") }
            guard patrimonyScore == nil else { throw ValidationError("--patrimony-score is for --area rural; an urban household gives --income-per-person") }
        case .rural:
            guard patrimonyScore != nil else { throw ValidationError("--area rural needs --patrimony-score N (E3)") }
            guard incomePerPerson == nil else { throw ValidationError("--income-per-person is for --area urban; a rural household gives --patrimony-score") }
        }
        guard let householdSize, householdSize >= 1 else { throw ValidationError("--household-size must be at least 1") }
        for (name, value) in [("--score", score ?? 0), ("--income-per-person", incomePerPerson ?? 0), ("--patrimony-score", patrimonyScore ?? 0)] {
            guard value.isFinite, value >= 0 else { throw ValidationError("\(name) must be a number >= 0") }
        }
    }

    func run() throws {
        if isCalendar {
            let day = on.flatMap(CalendarDate.init) ?? CalendarDate.today()
            if let card, let issued = cardIssued.flatMap(CalendarDate.init) {
                let value = Card(beneficiaryClass: card, issued: issued, paidYears: paidYears ?? 1)
                print(output.format == .json ? CardCalendarOutput.json(value, on: day) : CardCalendarOutput.text(value, on: day), terminator: "")
            } else if let filed = receipt.flatMap(CalendarDate.init) {
                let value = DepositReceipt(filed: filed)
                print(output.format == .json ? CardCalendarOutput.json(value, on: day) : CardCalendarOutput.text(value, on: day), terminator: "")
            }
            return
        }
        let household = Household(area: area!, incomePerPerson: incomePerPerson, patrimonyScore: patrimonyScore,
                                  conditionsScore: score!, size: householdSize!, hasAMO: amo)
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

/// `carepath eligibility --card` and `--receipt`: the card's calendar (C2-C4), the receipt's interim status (C5).
enum CardCalendarOutput {
    static func text(_ card: Card, on day: CalendarDate) -> String {
        let calendar = card.calendar
        var text = "\(card.beneficiaryClass.rawValue) card issued \(card.issued): eligibility until \(calendar.eligibilityEnds) (3 years, C2)\n"
        for year in calendar.years {
            let cover = card.beneficiaryClass == .poor ? "covered" : year.covered ? "covered, contribution paid" : "not covered until its contribution is paid"
            text += "  year \(year.number): \(year.starts) to \(year.ends.adding(days: -1)), \(cover) (C2)\n"
        }
        if calendar.renewalWindows.isEmpty {
            text += "  renewal (C3): none, a poor household's card holds the 3 years\n"
        }
        for window in calendar.renewalWindows {
            text += "  renewal for year \(window.forYear) (C3): \(window.opens) to \(window.closes.adding(days: -1)), the two weeks before year \(window.forYear - 1) ends\n"
        }
        text += "  new file (C4): from \(calendar.newFileFrom), three months before the eligibility ends\n"
        let status = card.status(on: day), advice = calendar.advice(on: day)
        text += "on \(day): \(status.entitlement.rawValue) (\(status.rule)); \(advice.text)\n"
        return text
    }

    static func json(_ card: Card, on day: CalendarDate) -> String {
        let calendar = card.calendar, status = card.status(on: day), advice = calendar.advice(on: day)
        return JSONValue.object([
            "class": .string(card.beneficiaryClass.rawValue),
            "issued": .string(card.issued.description),
            "paidYears": card.beneficiaryClass == .poor ? .null : .int(card.paidYears),
            "eligibilityEnds": .string(calendar.eligibilityEnds.description),
            "years": .array(calendar.years.map { year in
                .object(["year": .int(year.number), "starts": .string(year.starts.description), "ends": .string(year.ends.description), "covered": .bool(year.covered)])
            }),
            "renewalWindows": .array(calendar.renewalWindows.map { window in
                .object(["forYear": .int(window.forYear), "opens": .string(window.opens.description), "closes": .string(window.closes.description)])
            }),
            "newFileFrom": .string(calendar.newFileFrom.description),
            "on": .object([
                "date": .string(day.description), "entitlement": .string(status.entitlement.rawValue), "rule": .string(status.rule.rawValue),
                "reason": .string(status.reason), "due": .string(advice.text), "dueRule": .string(advice.rule.rawValue),
            ]),
        ]).rendered() + "\n"
    }

    static func text(_ receipt: DepositReceipt, on day: CalendarDate) -> String {
        let status = receipt.status(on: day)
        return """
            deposit receipt: \(receipt.interimStatus)
            on \(day): \(status.entitlement.rawValue) (\(status.rule)); \(status.reason)

            """
    }

    static func json(_ receipt: DepositReceipt, on day: CalendarDate) -> String {
        let status = receipt.status(on: day)
        return JSONValue.object([
            "receipt": .object([
                "filed": .string(receipt.filed.description), "expires": .string(receipt.expires.description),
                "status": .string("pending-committee-decision"), "interim": .string(receipt.interimStatus),
            ]),
            "on": .object([
                "date": .string(day.description), "entitlement": .string(status.entitlement.rawValue), "rule": .string(status.rule.rawValue),
                "reason": .string(status.reason),
            ]),
        ]).rendered() + "\n"
    }
}
