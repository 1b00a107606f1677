import CarePathSupport
import ArgumentParser
import CareNetwork
import CareRules
import Foundation
import Referral

extension BeneficiaryClass: ExpressibleByArgument {}

/// `--lang fr|ar|en`: French and Arabic, which every facility name has, and English (a facility
/// without an English name is written in French).
extension Language: ExpressibleByArgument {
    public init?(argument: String) {
        guard Self.allValueStrings.contains(argument) else { return nil }
        self.init(rawValue: argument)
    }

    public var defaultValueDescription: String { rawValue }

    public static var allValueStrings: [String] { Language.allCases.map(\.rawValue) }
}

/// `carepath route`: the pathway of one patient through a network (P0-P5), with coverage (X1-X3) and
/// card or receipt validity (C2, C5).
struct RouteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "route",
        abstract: "Compute one patient's pathway through the network, each step citing its rule.",
        discussion: """
            The patient starts at the health centre on the card (--from, P1) or at a place (--at: the
            nearest public health centre). Without --card or --receipt the patient holds a valid card.
            Exits 0 for any computed pathway (treated, not-covered or unavailable); 1 for unknown ids.

            Examples:
              carepath route --from csu-amskroud-1 --service cardiac-surgery
              carepath route --at 34.01,-6.02 --service maternity --emergency \\
                  --receipt 2026-01-10 --on 2026-02-01
              carepath route --from csu-amskroud-1 --service dental-care \\
                  --card vulnerable --card-issued 2024-03-01 --paid-years 1 --format json
              carepath route --from csu-amskroud-1 --service neurosurgery \\
                  --scenario Networks/scenarios/chu-agadir-closed.yaml
            """.helpParagraphs
    )


    @Option(help: "The health centre on the card (facility id), P1.")
    var from: String?

    @Option(help: "The patient's location, LAT,LON in decimal degrees: the nearest public health centre is the first contact.")
    var at: String?

    @Option(help: "The service needed (a catalogue id, see carepath basket).")
    var service: String

    @Flag(help: "An emergency: straight to the nearest public hospital with an emergency service (P0).")
    var emergency = false

    @Option(help: "The card's class: poor or vulnerable (C2). Needs --card-issued.")
    var card: BeneficiaryClass?

    @Option(help: "The day the card was issued, YYYY-MM-DD (C2).")
    var cardIssued: String?

    @Option(help: "Vulnerable card: annual contributions paid, 0-3 (C2). Default 1.")
    var paidYears: Int?

    @Option(help: "The patient is a newborn of the card's household, born YYYY-MM-DD (C6). Needs --card.")
    var newborn: String?

    @Option(help: "A deposit receipt instead of a card: the day the file was filed, YYYY-MM-DD (C5).")
    var receipt: String?

    @Option(help: "The day of care, YYYY-MM-DD. Default: today (UTC).")
    var on: String?

    @Option(help: "Language of the pathway's text and facility names: fr, ar or en.")
    var lang: Language = .fr

    @OptionGroup var network: NetworkOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard (from == nil) != (at == nil) else { throw ValidationError("give exactly one of --from HC-ID or --at LAT,LON") }
        if let at, RouteCommand.point(at) == nil { throw ValidationError("--at takes LAT,LON in decimal degrees, for example --at 34.02,-6.83") }
        if card != nil, receipt != nil { throw ValidationError("give --card or --receipt, not both") }
        if card != nil, cardIssued == nil { throw ValidationError("--card needs --card-issued YYYY-MM-DD") }
        if card == nil, cardIssued != nil || paidYears != nil { throw ValidationError("--card-issued and --paid-years go with --card poor|vulnerable") }
        if newborn != nil, card == nil { throw ValidationError("--newborn needs the household's --card and --card-issued (C6)") }
        if let paidYears, !(0...3).contains(paidYears) { throw ValidationError("--paid-years is 0 to 3") }
        for (name, value) in [("--card-issued", cardIssued), ("--newborn", newborn), ("--receipt", receipt), ("--on", on)] {
            if let value, CalendarDate(value) == nil { throw ValidationError("\(name) takes a date YYYY-MM-DD, not '\(value)'") }
        }
    }

    static func point(_ text: String) -> GeoPoint? {
        let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let lat = Double(parts[0]), let lon = Double(parts[1]),
              (-90...90).contains(lat), (-180...180).contains(lon) else { return nil }
        return GeoPoint(latitude: lat, longitude: lon)
    }

    func run() throws {
        let loaded = try network.load().network
        let definition = try RulesSupport.service(service, in: loaded.catalog)
        let entry: ReferralRequest.Entry
        if let from {
            entry = .healthCentre(try RulesSupport.facility(from, in: loaded).id)
        } else {
            entry = .location(RouteCommand.point(at!)!)
        }
        let day = on.flatMap(CalendarDate.init) ?? CalendarDate.today()
        // C2 (card), C5 (receipt), or a valid card when neither is given.
        let status: BeneficiaryStatus
        if let card, let issued = cardIssued.flatMap(CalendarDate.init) {
            let household = Card(beneficiaryClass: card, issued: issued, paidYears: paidYears ?? 1)
            // C6: a newborn is covered on the household's card for as long as it holds.
            status = newborn.flatMap(CalendarDate.init).map { household.newbornStatus(born: $0, on: day) } ?? household.status(on: day)
        } else if let filed = receipt.flatMap(CalendarDate.init) {
            status = DepositReceipt(filed: filed).status(on: day)
        } else {
            status = .assumedCardholder
        }
        let request = ReferralRequest(entry: entry, service: definition.id, emergency: emergency, status: status)
        let pathway = try ReferralRouter(network: loaded).route(request)
        switch output.format {
        case .json: print(RouteOutput.json(pathway, loaded, lang, service: definition))
        case .text: print(RouteOutput.text(pathway, loaded, lang, service: definition, emergency: emergency, day: day), terminator: "")
        }
    }
}

/// The text and JSON renderings of a ``Pathway``.
enum RouteOutput {
    /// The words of the text, in each language.
    static let emergencyWord = LocalizedName(fr: "urgence", ar: "حالة مستعجلة", en: "emergency")
    static let outcomeLabel = LocalizedName(fr: "Résultat :", ar: "النتيجة:", en: "Outcome:")
    static let reasonLabel = LocalizedName(fr: "Motif :", ar: "السبب:", en: "Reason:")

    /// `reason` stays the English text scripts read; `labels` holds the words in --lang.
    static func json(_ pathway: Pathway, _ network: CareNetwork, _ language: Language, service: ServiceDefinition) -> String {
        JSONValue.object([
            "language": .string(language.rawValue),
            "labels": .object([
                "service": .string(service.name.text(in: language)),
                "outcome": .string(pathway.outcomeText(in: network).text(in: language)),
                "reason": .string(pathway.explanation(in: network, service: service).text(in: language)),
                "steps": .array(pathway.steps.map { .string($0.action.name.text(in: language)) }),
            ]),
            "outcome": .string(pathway.outcome.name),
            "treatedAt": pathway.treatedAt.map { .string(network[$0].key) } ?? .null,
            "rule": pathway.rule.map { .string($0.rawValue) } ?? .null,
            "steps": .array(pathway.steps.map { step in
                let facility = network[step.facility]
                return .object([
                    "facility": .string(facility.key), "name": .string(facility.name.text(in: language)),
                    "tier": .string(facility.tier.rawValue), "tierName": .string(facility.tier.name.text(in: language)),
                    "region": facility.region.map { .string(network[$0].key) } ?? .null,
                    "action": .string(step.action.rawValue), "rule": .string(step.rule.rawValue),
                    "distanceKm": RulesSupport.km(step.distanceKm),
                ])
            }),
            "reason": .string(pathway.reason),
        ]).rendered()
    }

    static func text(_ pathway: Pathway, _ network: CareNetwork, _ language: Language, service: ServiceDefinition, emergency: Bool, day: CalendarDate) -> String {
        let comma = language == .ar ? "، " : ", "
        var text = "\(service.name.text(in: language)) [\(service.key)]\(emergency ? comma + emergencyWord.text(in: language) : "")\(comma)\(day):\n"
        for (number, step) in pathway.steps.enumerated() {
            let facility = network[step.facility]
            // Kilometres: كلم in Arabic, as Moroccan road signs write them.
            let distance = step.action == .treatment ? "" : comma + RulesSupport.kmText(step.distanceKm).replacingOccurrences(of: " km", with: language == .ar ? " كلم" : " km")
            text += "  \(number + 1). \(step.action.name.text(in: language)): \(facility.name.text(in: language)) [\(facility.key)]"
            text += " (\(facility.tier.name.text(in: language))\(distance)) (\(step.rule))\n"
        }
        text += outcomeLabel.text(in: language) + " " + pathway.outcomeText(in: network).text(in: language) + "\n"
        return text + reasonLabel.text(in: language) + " " + pathway.explanation(in: network, service: service).text(in: language) + "\n"
    }
}
