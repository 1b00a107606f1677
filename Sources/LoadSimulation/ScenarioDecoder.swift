import CareNetwork

/// Decodes a parsed scenario file into a ``Scenario``, reporting every structural problem (unknown
/// keys with a did-you-mean hint, types, ranges, conflicting keys) with its position, as the network
/// decoder does; an `open:` entry is decoded by the network decoder itself. Entries with an error are
/// left out, so the checks against the network still run on the rest. Ids are checked against the
/// network later, by ``ScenarioLoader``.
struct ScenarioDecoder {
    var decoder: NetworkDecoder
    let path: String

    init(path: String, catalog: ServiceCatalog) {
        self.path = path
        decoder = NetworkDecoder(catalog: catalog)
    }

    var diagnostics: [Diagnostic] { decoder.reader.diagnostics }

    /// The scenario's `network:`, once decoded (nil when absent or invalid).
    var network: ScenarioNetwork?

    static let topKeys = ["schema", "network", "name", "description", "close", "open", "chu", "regional-hospital", "servers", "demand",
                          "queue-limit", "hours", "calendar", "arrival-profiles", "arrival-profile"]
    static let chuKeys = ["region", "province", "chu"]
    static let regionalHospitalKeys = ["province", "regional-hospital"]
    static let capacityKeys = ["facility", "service", "servers", "beds", "add", "time", "stay", "time-scale"]
    static let demandKeys = ["region", "service", "scale"]
    static let queueLimitKeys = ["facility", "tier", "service", "limit"]

    mutating func decode(_ root: SourceValue) -> Scenario? {
        // The schema first: another file's keys (a network file's) are not worth a diagnostic each.
        if case .mapping(let entries) = root.kind, let value = entries.first(where: { $0.key == "schema" })?.value,
           let schema = decoder.reader.string(value, what: "schema"), schema != Scenario.schemaVersion {
            let hint = schema == NetworkLoader.schemaVersion
                ? "this is a network file; a scenario starts with 'schema: \(Scenario.schemaVersion)' (pass the network with --network)"
                : "this version of CarePath reads 'schema: \(Scenario.schemaVersion)'"
            decoder.reader.error(.schema, "unsupported scenario schema '\(schema)'", at: value.location, hint: hint)
            return nil
        }
        guard let top = decoder.reader.mapping(root, what: "the scenario file", allowed: Self.topKeys, required: ["schema"]) else { return nil }
        var scenario = Scenario(path: path)
        network = top["network"].flatMap { ScenarioNetwork.decode($0, reader: &decoder.reader) }
        scenario.name = top["name"].flatMap { text($0, what: "scenario name") }
        scenario.description = top["description"].flatMap { text($0, what: "scenario description") }
        for item in decoder.reader.list(top["close"], what: "close") {
            if let id = decoder.reader.id(item, what: "facility to close") {
                scenario.operations.append(ScenarioOperation(.close(facility: id), at: item.location, fields: ["facility": item.location]))
            }
        }
        for item in decoder.reader.list(top["open"], what: "open") {
            if let facility = decoder.facility(item) {
                scenario.operations.append(ScenarioOperation(.open(facility), at: item.location, fields: facility.marks.fields))
            }
        }
        for item in decoder.reader.list(top["chu"], what: "chu") {
            guard let f = decoder.reader.mapping(item, what: "chu entry", allowed: Self.chuKeys, required: ["chu"]) else { continue }
            // A region's CHU (its `chu:`), or one province's (the province's `chu:`).
            guard (f["region"] == nil) != (f["province"] == nil) else {
                decoder.reader.error(f["region"] == nil ? .missingKey : .conflict,
                                     f["region"] == nil ? "a chu entry names a region or a province" : "a chu entry names a region or a province, not both",
                                     at: f.keyLocations["province"] ?? f.location, hint: "{region: souss-massa, chu: ...} or {province: ouarzazate, chu: ...}")
                continue
            }
            let chu = decoder.reader.id(f["chu"], what: "CHU")
            if f["province"] != nil {
                guard let province = decoder.reader.id(f["province"], what: "province"), let chu else { continue }
                scenario.operations.append(ScenarioOperation(.provinceCHU(province: province, chu: chu), at: f.location, fields: f.marks.fields))
                continue
            }
            let region = decoder.reader.id(f["region"], what: "region")
            guard let region, let chu else { continue }
            scenario.operations.append(ScenarioOperation(.chu(region: region, chu: chu), at: f.location, fields: f.marks.fields))
        }
        for item in decoder.reader.list(top["regional-hospital"], what: "regional-hospital") {
            guard let f = decoder.reader.mapping(item, what: "regional-hospital entry", allowed: Self.regionalHospitalKeys,
                                                 required: Self.regionalHospitalKeys) else { continue }
            guard let province = decoder.reader.id(f["province"], what: "province"),
                  let hospital = decoder.reader.id(f["regional-hospital"], what: "regional hospital") else { continue }
            scenario.operations.append(ScenarioOperation(.provinceRegionalHospital(province: province, hospital: hospital), at: f.location, fields: f.marks.fields))
        }
        for item in decoder.reader.list(top["servers"], what: "servers") {
            if let operation = capacity(item) { scenario.operations.append(operation) }
        }
        for item in decoder.reader.list(top["demand"], what: "demand") {
            guard let f = decoder.reader.mapping(item, what: "demand entry", allowed: Self.demandKeys, required: ["scale"]) else { continue }
            let region = f["region"].flatMap { decoder.reader.id($0, what: "region") }
            let service = f["service"].flatMap { decoder.reader.id($0, what: "service") }
            let scale = decoder.reader.double(f["scale"], what: "scale", range: 0...ScenarioApplier.maximumDemandScale, rangeText: "between 0 and 100")
            guard let scale, f["region"] == nil || region != nil, f["service"] == nil || service != nil else { continue }
            scenario.operations.append(ScenarioOperation(.demand(region: region, service: service, scale: scale), at: f.location, fields: f.marks.fields))
        }
        for item in decoder.reader.list(top["queue-limit"], what: "queue-limit") {
            if let operation = queueLimit(item) { scenario.operations.append(operation) }
        }
        if let value = top["calendar"], let calendar = decoder.calendar(value) {
            var fields: [String: SourceLocation] = [:]
            if case .mapping(let entries) = value.kind { for entry in entries { fields[entry.key] = entry.value.location } }
            scenario.operations.append(ScenarioOperation(.calendar(calendar), at: value.location, fields: fields))
        }
        if let value = top["arrival-profiles"] {
            if case .mapping(let entries) = value.kind {
                let profiles = entries.compactMap { entry -> ArrivalProfile? in
                    if entry.key == ArrivalProfile.flat {
                        decoder.reader.error(.invalidID, "'flat' is not an arrival profile id: it means a constant rate", at: entry.keyLocation)
                        return nil
                    }
                    return decoder.arrivalProfile(entry.value, id: entry.key)
                }
                if !profiles.isEmpty { scenario.operations.append(ScenarioOperation(.arrivalProfiles(profiles), at: value.location)) }
            } else {
                decoder.reader.error(.wrongType, "arrival-profiles must be a mapping from profile id to profile, found \(value.kindName)", at: value.location)
            }
        }
        for item in decoder.reader.list(top["arrival-profile"], what: "arrival-profile") {
            if let operation = profileChange(item) { scenario.operations.append(operation) }
        }
        for item in decoder.reader.list(top["hours"], what: "hours") {
            if let operation = hoursChange(item) { scenario.operations.append(operation) }
        }
        if scenario.operations.isEmpty, !diagnostics.hasErrors {
            decoder.reader.warning(.noOperations, "the scenario changes nothing", at: root.location,
                                   hint: "add close:, open:, chu:, regional-hospital:, servers:, demand:, queue-limit:, hours:, calendar: or arrival-profile:")
        }
        return scenario
    }

    /// `name:`/`description:`: `{fr, ar}` or a plain string.
    private mutating func text(_ value: SourceValue, what: String) -> ScenarioText? {
        if case .scalar(let text, _) = value.kind { return .plain(text) }
        return decoder.reader.name(value, what: what).map { .localized($0) }
    }

    private mutating func capacity(_ item: SourceValue) -> ScenarioOperation? {
        guard let f = decoder.reader.mapping(item, what: "servers entry", allowed: Self.capacityKeys, required: ["facility", "service"]) else { return nil }
        let facility = decoder.reader.id(f["facility"], what: "facility")
        let service = decoder.reader.id(f["service"], what: "service")
        // One count key and one time key at most; stay keys (beds, stay) and visit keys (servers, time) not mixed.
        let countKeys = ["servers", "beds", "add"].filter { f[$0] != nil }
        let timeKeys = ["time", "stay", "time-scale"].filter { f[$0] != nil }
        var valid = true
        for keys in [countKeys, timeKeys] where keys.count > 1 {
            decoder.reader.error(.conflict, "a servers entry takes one of \(keys.joined(separator: ", ")), not several",
                                 at: f.keyLocations[keys[1]] ?? f.location, hint: "split it into two entries, or keep one")
            valid = false
        }
        let stayKeys = ["beds", "stay"].filter { f[$0] != nil }, visitKeys = ["servers", "time"].filter { f[$0] != nil }
        if !stayKeys.isEmpty, !visitKeys.isEmpty {
            decoder.reader.error(.serviceKind, "a servers entry mixes \(visitKeys.joined(separator: "/")) (a visit) with \(stayKeys.joined(separator: "/")) (a stay)",
                                 at: f.location, hint: "a visit has servers and time (minutes); a stay has beds and stay (days)")
            valid = false
        }
        if countKeys.isEmpty, timeKeys.isEmpty, !f.misspelt.contains(where: { Self.capacityKeys.contains($0) }) {
            decoder.reader.error(.missingKey, "a servers entry changes nothing: give servers (or beds), add, time (or stay) or time-scale",
                                 at: f.location)
            valid = false
        }
        var count: CapacityChange.Count?
        if let key = countKeys.first {
            if key == "add" {
                let most = NetworkRanges.servers.upperBound
                guard let n = decoder.reader.integer(f[key], what: "add", range: -most...most) else { return nil }
                count = .add(n)
            } else {
                guard let n = decoder.reader.integer(f[key], what: key, range: key == "beds" ? NetworkRanges.beds : NetworkRanges.servers) else { return nil }
                count = .set(n)
            }
        }
        var time: ServiceTimeDistribution?, timeScale: Double?
        if let key = timeKeys.first {
            if key == "time-scale" {
                guard let factor = decoder.reader.double(f[key], what: "time-scale", range: 0.001...1000, rangeText: "between 0.001 and 1000") else { return nil }
                timeScale = factor
            } else {
                guard let distribution = decoder.distribution(f[key]!, what: key == "stay" ? "length of stay" : "service time",
                                                              unit: key == "stay" ? .days : .minutes) else { return nil }
                time = distribution
            }
        }
        guard valid, let facility, let service else { return nil }
        let givenAsStay: Bool? = !stayKeys.isEmpty ? true : !visitKeys.isEmpty ? false : nil
        let change = CapacityChange(facility: facility, service: service, count: count, time: time, timeScale: timeScale, givenAsStay: givenAsStay)
        var fields = f.marks.fields
        for key in countKeys + timeKeys { fields[key + ".key"] = f.keyLocations[key] }
        return ScenarioOperation(.capacity(change), at: f.location, fields: fields)
    }

    /// A queue may be bounded at 0 (no waiting) up to 10 million patients.
    static let queueLimits = 0...10_000_000

    private mutating func queueLimit(_ item: SourceValue) -> ScenarioOperation? {
        guard let f = decoder.reader.mapping(item, what: "queue-limit entry", allowed: Self.queueLimitKeys, required: ["limit"]) else { return nil }
        let facility = f["facility"].flatMap { decoder.reader.id($0, what: "facility") }
        let tier = f["tier"].flatMap { decoder.reader.choice($0, what: "tier", options: Tier.allCases.map { ($0.rawValue, $0) }) }
        let service = f["service"].flatMap { decoder.reader.id($0, what: "service") }
        let limit = decoder.reader.integer(f["limit"], what: "limit", range: Self.queueLimits)
        if f["facility"] != nil, f["tier"] != nil {
            decoder.reader.error(.conflict, "a queue-limit entry selects a facility or a tier, not both", at: f.keyLocations["tier"] ?? f.location,
                                 hint: "a facility has one tier: keep facility, or make two entries")
            return nil
        }
        if f["facility"] == nil, f["tier"] == nil, f["service"] == nil {
            if !f.misspelt.contains(where: { ["facility", "tier", "service"].contains($0) }) {
                decoder.reader.error(.missingKey, "a queue-limit entry needs facility, tier or service (the stations it bounds)", at: f.location)
            }
            return nil
        }
        guard let limit, f["facility"] == nil || facility != nil, f["tier"] == nil || tier != nil, f["service"] == nil || service != nil,
              Self.queueLimits.contains(limit) else { return nil }
        return ScenarioOperation(.queueLimit(QueueLimitChange(facility: facility, tier: tier, service: service, limit: limit)), at: f.location, fields: f.marks.fields)
    }
}
