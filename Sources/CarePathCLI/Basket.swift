import CarePathSupport
import ArgumentParser
import CareNetwork
import CareRules

/// `carepath basket`: the basket of care B1-B16 and exclusions X1-X3, or one service checked against it.
struct BasketCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "basket",
        abstract: "List the RAMED basket of care, or check whether one service is covered.",
        discussion: """
            Without --service, lists the basket entries B1-B16 and the exclusions X1-X3 with the services
            under each. With --service, says whether that service is covered and by which rule; with
            --facility too, whether it is covered at that facility (X2 abroad, X3 private).

            --lang writes the entries, the services and the verdict in English (the default), French
            or Arabic, in the wording of the source documents (سلة العلاجات for the basket). In JSON,
            `reason` stays English for scripts; `labels` holds the words in --lang.

            Example: carepath basket --service dental-care --format json
            """.helpParagraphs
    )

    @Option(help: "A service id to check (for example dental-care).")
    var service: String?

    @Option(help: "A facility id of the network: check the service there (X2 abroad, X3 private).")
    var facility: String?

    @Option(help: "Language of the entries, services and verdict: en, fr or ar.")
    var lang: Language = .en

    @OptionGroup var network: NetworkOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if facility != nil, service == nil {
            throw ValidationError("--facility needs --service: carepath basket --service ID --facility ID")
        }
    }

    func run() throws {
        guard let serviceKey = service else {
            print(listing(Basket.standard))
            return
        }
        var basket = Basket.standard
        var place: Facility?
        if let facilityKey = facility {
            let loaded = try network.load().network
            basket = Basket(catalog: loaded.catalog)
            place = try RulesSupport.facility(facilityKey, in: loaded)
        }
        let definition = try RulesSupport.service(serviceKey, in: basket.catalog)
        let coverage = basket.coverage(service: definition, facility: place)
        let verdict = (coverage.covered ? Self.coveredWord : Self.notCoveredWord).text(in: lang)
        let reason = Self.explanation(coverage, basket: basket, facility: place).text(in: lang)
        // B8, B10: covered as part of the care of the facility that treats, not on a pathway of their own.
        let withCare = coverage.covered && definition.isGivenWithCare ? Self.withCareNote.text(in: lang) : nil
        switch output.format {
        case .json:
            print(JSONValue.object([
                "service": .string(definition.key), "covered": .bool(coverage.covered),
                "rule": .string(coverage.rule.rawValue), "reason": .string(coverage.reason),
                "language": .string(lang.rawValue),
                "labels": .object(["service": .string(definition.name.text(in: lang)), "verdict": .string(verdict), "reason": .string(reason)]),
                "givenWithCare": .bool(definition.isGivenWithCare),
            ]).rendered())
        case .text:
            print("\(definition.key)\(lang == .fr ? " :" : ":") \(verdict) (\(coverage.rule))")
            print("  \(reason)")
            if let withCare { print("  \(withCare)") }
        }
    }

    /// Said of a covered B8 or B10 service.
    static let withCareNote = LocalizedName(
        fr: "donné avec les soins de l'établissement qui traite : pas de parcours à lui (carepath route --service le soin lui-même)",
        ar: "يقدم مع العلاج في المؤسسة التي تعالج المريض: ليس له مسار خاص به",
        en: "given with the care of the facility that treats: no pathway of its own (route the care itself with carepath route)")

    static let coveredWord = LocalizedName(fr: "couvert", ar: "مشمول", en: "covered")
    static let notCoveredWord = LocalizedName(fr: "non couvert", ar: "غير مشمول", en: "not covered")

    /// Why a service is covered or not, in French, Arabic and English (the English is the basket's own reason).
    static func explanation(_ coverage: Coverage, basket: Basket, facility: Facility?) -> LocalizedName {
        let key = coverage.service.key
        switch coverage.rule {
        case .x1:
            return LocalizedName(fr: "\(key) est exclu du panier de soins (X1)", ar: "\(key) مستثنى من سلة العلاجات (X1)", en: coverage.reason)
        case .x2:
            let place = facility.map { "\($0.key) (\($0.country))" } ?? "?"
            return LocalizedName(fr: "\(place) est hors du Maroc ; les soins à l'étranger ne sont jamais couverts (X2)",
                                 ar: "\(place) خارج المغرب؛ العلاجات خارج المغرب غير مشمولة أبدا (X2)", en: coverage.reason)
        case .x3:
            let place = facility?.key ?? "?"
            return LocalizedName(fr: "\(place) est un établissement privé ; le RAMED ne couvre les soins que dans les établissements publics (X3)",
                                 ar: "\(place) مؤسسة خاصة؛ يتم التكفل حصريا داخل مرافق الصحة العمومية (X3)", en: coverage.reason)
        default:
            let entry = basket.entries.first { $0.rule == coverage.rule }?.name ?? LocalizedName(fr: coverage.rule.rawValue, ar: coverage.rule.rawValue)
            let at = facility.map { (fr: " à \($0.key)", ar: " في \($0.key)") } ?? (fr: "", ar: "")
            return LocalizedName(fr: "\(key) est couvert\(at.fr) au titre de \(coverage.rule) (\(entry.fr))",
                                 ar: "\(key) مشمول\(at.ar) بموجب \(coverage.rule) (\(entry.ar))", en: coverage.reason)
        }
    }

    private func listing(_ basket: Basket) -> String {
        switch output.format {
        case .json:
            return JSONValue.object(["entries": .array(basket.entries.map { entry in
                .object([
                    "rule": .string(entry.rule.rawValue), "kind": .string(entry.kind.rawValue),
                    "name": .object(["fr": .string(entry.name.fr), "ar": .string(entry.name.ar), "en": .string(entry.name.en ?? entry.name.fr)]),
                    "services": .array(entry.services.map { .string($0.key) }),
                ])
            })]).rendered()
        case .text:
            let heading = LocalizedName(fr: "Panier de soins (couverts, B1-B16) :", ar: "سلة العلاجات (مشمولة، B1-B16):", en: "Basket of care (covered, B1-B16):")
            let exclusions = LocalizedName(fr: "Exclusions (jamais couvertes, X1-X3) :", ar: "الاستثناءات (غير مشمولة أبدا، X1-X3):", en: "Exclusions (never covered, X1-X3):")
            let count = basket.catalog.count
            let footer = LocalizedName(fr: "\(count) services ; les règles sont décrites dans Docs/rules-reference.md.",
                                       ar: "\(count) خدمة؛ القواعد مفصلة في Docs/rules-reference.md.", en: "\(count) services; rule ids in Docs/rules-reference.md.")
            var text = heading.text(in: lang) + "\n"
            for entry in basket.entries {
                if entry.rule == .x1 { text += "\n" + exclusions.text(in: lang) + "\n" }
                text += "  \(entry.rule.rawValue.padding(toLength: 4, withPad: " ", startingAt: 0)) \(entry.name.text(in: lang))\n"
                for service in entry.services {
                    text += "         \(service.key.padding(toLength: 26, withPad: " ", startingAt: 0)) \(service.kind.rawValue.padding(toLength: 6, withPad: " ", startingAt: 0)) \(service.name.text(in: lang))\n"
                }
            }
            return text + "\n" + footer.text(in: lang)
        }
    }
}
