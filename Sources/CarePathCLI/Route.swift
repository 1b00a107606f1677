import CarePathSupport
import ArgumentParser
import CareNetwork
import CareRules
import Foundation
import Referral

extension BeneficiaryClass: ExpressibleByArgument {}
extension ReferralRouter.P2Reading: ExpressibleByArgument {}

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

    @Flag(help: "Every public health centre's pathway for --service (an id, or all), one tab-separated line each: centre, service, outcome, facilities, km, the P2 step's km.")
    var everyCentre = false

    @Option(help: "How P2 picks the hospital: chain (the project's reading, default) or offering (the nearest level-2 hospital offering the service, the earlier reading).")
    var p2Reading: ReferralRouter.P2Reading = .chain

    @OptionGroup var network: NetworkOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if everyCentre {
            guard from == nil, at == nil, card == nil, receipt == nil, newborn == nil else {
                throw ValidationError("--every-centre routes every health centre with a valid card: give no --from, --at, --card, --receipt or --newborn")
            }
            guard output.format == .text else { throw ValidationError("--every-centre prints tab-separated lines: no --format json") }
            return
        }
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
        if everyCentre { return try RouteOutput.everyCentre(loaded, service: service, emergency: emergency, reading: p2Reading) }
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
        let pathway = try ReferralRouter(network: loaded, p2Reading: p2Reading).route(request)
        // B8, B10: given with the care of the facility that treats; no pathway of their own (unless the
        // care is not covered at all: the card, the receipt or the entry says so first).
        if definition.isGivenWithCare, pathway.outcome != .notCovered {
            switch output.format {
            case .json: print(RouteOutput.withCareJSON(loaded, lang, service: definition))
            case .text: print(RouteOutput.withCareText(lang, service: definition, emergency: emergency, day: day), terminator: "")
            }
            return
        }
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

    /// `--every-centre`: one line per public health centre (and service, for `all`), in id order
    /// (B8 and B10: outcome `with-care`, no facility):
    /// `centre<TAB>service<TAB>outcome<TAB>facility>facility...<TAB>km<TAB>p2-km`, the facilities
    /// those the patient arrives at, the kilometres of the whole pathway and of its P2 step (0 without one).
    static func everyCentre(_ network: CareNetwork, service: String, emergency: Bool, reading: ReferralRouter.P2Reading) throws {
        let services = service == "all" ? network.catalog.services : [try RulesSupport.service(service, in: network.catalog)]
        let router = ReferralRouter(network: network, p2Reading: reading)
        var out = ""
        for centre in network.healthCentres {
            for definition in services {
                let pathway = try router.route(ReferralRequest(entry: .healthCentre(centre), service: definition.id, emergency: emergency,
                                                               status: .assumedCardholder))
                // B8, B10: no pathway of their own, as `route --from` says.
                if definition.isGivenWithCare, pathway.outcome != .notCovered {
                    out += "\(network[centre].key)\t\(definition.key)\twith-care\t\t0.0\t0.0\n"
                    continue
                }
                let facilities = pathway.visitedFacilities.map { network[$0].key }.joined(separator: ">")
                let p2 = pathway.steps.first { $0.rule == .p2 }?.distanceKm ?? 0
                out += "\(network[centre].key)\t\(definition.key)\t\(pathway.outcome.name)\t\(facilities)\t"
                    + "\(NumberFormat.fixed(pathway.totalKm, digits: 1))\t\(NumberFormat.fixed(p2, digits: 1))\n"
            }
        }
        print(out, terminator: "")
    }

    /// The outcome of a B8 or B10 service, which no pathway leads to.
    static let withCareOutcome = LocalizedName(fr: "fourni avec les soins", ar: "يقدم مع العلاج", en: "given with the care")

    /// Why a B8 or B10 service has no pathway: it comes with the care of the facility that treats.
    static func withCareReason(_ service: ServiceDefinition) -> LocalizedName {
        let s = service.name, rule = service.rule.rawValue
        return LocalizedName(
            fr: "le service « \(s.fr) » est donné avec les soins de l'établissement qui traite (\(rule)) : il n'a pas de parcours à lui ; le parcours est celui du soin (--service)",
            ar: "خدمة «\(s.ar)» تقدم مع العلاج في المؤسسة التي تعالج المريض (\(rule))، وليس لها مسار خاص بها؛ المسار هو مسار العلاج نفسه (--service)",
            en: "“\(s.text(in: .en))” is given with the care of the facility that treats (\(rule)): it has no pathway of its own; the pathway is the care's (--service)")
    }

    /// `carepath route` for a B8 or B10 service, in text.
    static func withCareText(_ language: Language, service: ServiceDefinition, emergency: Bool, day: CalendarDate) -> String {
        let comma = language == .ar ? "، " : ", "
        return "\(service.name.text(in: language)) [\(service.key)]\(emergency ? comma + emergencyWord.text(in: language) : "")\(comma)\(day):\n"
            + outcomeLabel.text(in: language) + " " + withCareOutcome.text(in: language) + " (\(service.rule))\n"
            + reasonLabel.text(in: language) + " " + withCareReason(service).text(in: language) + "\n"
    }

    /// `carepath route --format json` for a B8 or B10 service: outcome `with-care`, no step.
    static func withCareJSON(_ network: CareNetwork, _ language: Language, service: ServiceDefinition) -> String {
        JSONValue.object([
            "language": .string(language.rawValue),
            "labels": .object([
                "service": .string(service.name.text(in: language)),
                "outcome": .string(withCareOutcome.text(in: language) + " (\(service.rule))"),
                "reason": .string(withCareReason(service).text(in: language)),
                "steps": .array([]),
            ]),
            "outcome": .string("with-care"),
            "treatedAt": .null,
            "rule": .string(service.rule.rawValue),
            "steps": .array([]),
            "reason": .string("\(service.key) is given with the care of the facility that treats (\(service.rule)); route the care itself"),
        ]).rendered()
    }

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
