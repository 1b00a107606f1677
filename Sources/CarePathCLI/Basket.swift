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

            Example: carepath basket --service dental-care --format json
            """.helpParagraphs
    )

    @Option(help: "A service id to check (for example dental-care).")
    var service: String?

    @Option(help: "A facility id of the network: check the service there (X2 abroad, X3 private).")
    var facility: String?

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
        switch output.format {
        case .json:
            print(JSONValue.object([
                "service": .string(definition.key), "covered": .bool(coverage.covered),
                "rule": .string(coverage.rule.rawValue), "reason": .string(coverage.reason),
            ]).rendered())
        case .text:
            print("\(definition.key): \(coverage.covered ? "covered" : "not covered") (\(coverage.rule))")
            print("  \(coverage.reason)")
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
            var text = "Basket of care (covered, B1-B16):\n"
            for entry in basket.entries {
                if entry.rule == .x1 { text += "\nExclusions (never covered, X1-X3):\n" }
                text += "  \(entry.rule.rawValue.padding(toLength: 4, withPad: " ", startingAt: 0)) \(entry.name.en ?? entry.name.fr)\n"
                for service in entry.services {
                    text += "         \(service.key.padding(toLength: 26, withPad: " ", startingAt: 0)) \(service.kind.rawValue.padding(toLength: 6, withPad: " ", startingAt: 0)) \(service.name.fr)\n"
                }
            }
            return text + "\n\(basket.catalog.count) services; rule ids in Docs/rules-reference.md."
        }
    }
}
