/// Decodes a parsed document into a ``NetworkDescription``, reporting every structural problem
/// (unknown keys, types, ranges, values) with its position. Elements with an error are left out, so
/// that the semantic checks after it still run on the rest.
package struct NetworkDecoder {
    /// The diagnostics of everything decoded so far.
    package var reader = DocumentReader()
    let catalog: ServiceCatalog

    package init(catalog: ServiceCatalog = .standard) { self.catalog = catalog }

    static let topKeys = ["schema", "name", "description", "regions", "provinces", "profiles", "facilities", "demand", "calendar"]
    static let regionKeys = ["id", "name", "code", "population", "chu"]
    static let provinceKeys = ["id", "region", "name", "code", "population", "seat", "regional-hospital", "chu"]
    package static let facilityKeys = [
        "id", "name", "tier", "sector", "country", "region", "province", "location", "catchment", "emergency",
        "profile", "services", "refers-to", "synthesised", "source", "hours",
    ]
    static let offerKeys = ["servers", "time", "beds", "stay", "covered", "hours"]
    static let demandKeys = ["emergency-share", "services", "referral-rates", "arrival-profiles", "arrival-profile", "emergency-arrival-profile"]
    static let serviceDemandKeys = ["visits-per-person", "emergency-share", "referred-as", "arrival-profile"]

    mutating func decode(_ root: SourceValue) -> NetworkDescription? {
        guard let top = reader.mapping(root, what: "the network file", allowed: NetworkDecoder.topKeys, required: ["schema"]) else {
            return nil
        }
        if let schemaValue = top["schema"], let schema = reader.string(schemaValue, what: "schema"), schema != NetworkLoader.schemaVersion {
            reader.error(.schema, "unsupported schema '\(schema)'", at: schemaValue.location,
                         hint: "this version of CarePath reads 'schema: \(NetworkLoader.schemaVersion)'")
            return nil
        }
        var description = NetworkDescription(origin: root.location)
        description.name = top["name"].flatMap { reader.name($0, what: "network") }
        _ = reader.string(top["description"], what: "description")
        description.regions = reader.list(top["regions"], what: "regions").compactMap { region($0) }
        description.provinces = reader.list(top["provinces"], what: "provinces").compactMap { province($0) }
        if let profiles = top["profiles"] {
            if case .mapping(let entries) = profiles.kind {
                for entry in entries {
                    if !DocumentReader.isKebabCase(entry.key) {
                        reader.error(.invalidID, "profile id '\(entry.key)' is not a lowercase kebab-case id", at: entry.keyLocation)
                    }
                    let services = offers(entry.value, what: "profile '\(entry.key)'")
                    description.profiles[entry.key] = ProfileDescription(
                        id: entry.key, services: services).marked(SourceMarks(element: entry.keyLocation))
                }
            } else if case .null = profiles.kind {
            } else {
                reader.error(.wrongType, "profiles must be a mapping from profile id to services, found \(profiles.kindName)", at: profiles.location)
            }
        }
        description.facilities = reader.list(top["facilities"], what: "facilities").compactMap { facility($0) }
        if let demandValue = top["demand"] { description.demand = demand(demandValue) }
        if let calendarValue = top["calendar"] { description.calendar = calendar(calendarValue) }
        return description
    }

    private mutating func region(_ value: SourceValue) -> RegionDescription? {
        guard let f = reader.mapping(value, what: "region", allowed: NetworkDecoder.regionKeys, required: ["id", "name"]) else { return nil }
        let id = reader.id(f["id"], what: "region id")
        let name = reader.name(f["name"], what: "region")
        let code = f["code"].flatMap { reader.string($0, what: "region code") }
        let population = f["population"].flatMap { reader.integer($0, what: "region population", range: NetworkRanges.population, hint: NetworkDecoder.populationHint) }
        let chu = f["chu"].flatMap { reader.id($0, what: "region CHU") }
        guard let id, let name else { return nil }
        return RegionDescription(id: id, name: name, code: code, population: population, chu: chu).marked(f.marks)
    }

    private mutating func province(_ value: SourceValue) -> ProvinceDescription? {
        guard let f = reader.mapping(value, what: "province", allowed: NetworkDecoder.provinceKeys, required: ["id", "region", "name", "population"]) else { return nil }
        let id = reader.id(f["id"], what: "province id")
        let region = reader.id(f["region"], what: "region")
        let name = reader.name(f["name"], what: "province")
        let code = f["code"].flatMap { reader.string($0, what: "province code") }
        let population = reader.integer(f["population"], what: "province population", range: NetworkRanges.population, hint: NetworkDecoder.populationHint)
        let seat = f["seat"].flatMap { reader.point($0, what: "seat") }
        let regional = f["regional-hospital"].flatMap { reader.id($0, what: "province regional hospital") }
        let chu = f["chu"].flatMap { reader.id($0, what: "province CHU") }
        guard let id, let region, let name, let population else { return nil }
        return ProvinceDescription(id: id, region: region, name: name, code: code, population: population, seat: seat,
                                   regionalHospital: regional, chu: chu).marked(f.marks)
    }

    /// Decodes one `facilities:` entry (also used for a scenario's `open:` entries), or nil after a diagnostic.
    package mutating func facility(_ value: SourceValue) -> FacilityDescription? {
        guard let f = reader.mapping(value, what: "facility", allowed: NetworkDecoder.facilityKeys, required: ["id", "name", "tier", "location"]) else { return nil }
        let id = reader.id(f["id"], what: "facility id")
        let name = reader.name(f["name"], what: "facility")
        let tier = reader.choice(f["tier"], what: "tier", options: Tier.allCases.map { ($0.rawValue, $0) })
        let sector = f["sector"].map { reader.choice($0, what: "sector", options: Sector.allCases.map { ($0.rawValue, $0) }) } ?? .public
        var country = "MA"
        if let value = f["country"], let text = reader.string(value, what: "country") {
            if text.count == 2, text.allSatisfy({ $0.isASCII && $0.isUppercase }) {
                country = text
            } else {
                reader.error(.invalidValue, "country '\(text)' is not an ISO 3166 alpha-2 code", at: value.location, hint: "for example MA, FR or ES")
            }
        }
        let region = f["region"].flatMap { reader.id($0, what: "region") }
        let province = f["province"].flatMap { reader.id($0, what: "province") }
        let location = reader.point(f["location"], what: "location")
        let catchment = f["catchment"].flatMap { reader.integer($0, what: "catchment", range: NetworkRanges.catchment, hint: NetworkDecoder.catchmentHint) }
        let emergency = f["emergency"].flatMap { reader.bool($0, what: "emergency") } ?? false
        let profile = f["profile"].flatMap { reader.id($0, what: "profile") }
        let services = f["services"].map { offers($0, what: "services") } ?? []
        let refersTo = f["refers-to"].flatMap { reader.id($0, what: "refers-to") }
        let synthesised = f["synthesised"].flatMap { reader.bool($0, what: "synthesised") } ?? false
        let source = f["source"].flatMap { reader.string($0, what: "source") }
        let hours = f["hours"].flatMap { self.hours($0, what: "facility") }
        if country == "MA" {
            if f["region"] == nil, !f.misspelt.contains("region") { reader.error(.missingKey, "facility in Morocco has no 'region'", at: f.location) }
            if f["province"] == nil, !f.misspelt.contains("province") { reader.error(.missingKey, "facility in Morocco has no 'province'", at: f.location) }
        }
        if tier == .healthCentre, f["catchment"] == nil, !f.misspelt.contains("catchment"), sector == .public, country == "MA" {
            reader.error(.missingKey, "health centre has no 'catchment' (the population whose card names it)",
                         at: f.location, rule: .p1)
        }
        guard let id, let name, let tier, let sector, let location else { return nil }
        return FacilityDescription(
            id: id, name: name, tier: tier, sector: sector, country: country, region: region, province: province,
            location: location, catchment: catchment, emergency: emergency, profile: profile, services: services,
            refersTo: refersTo, synthesised: synthesised, source: source).with(hours: hours).marked(f.marks)
    }

    /// A `services:` mapping: service id → capacity.
    private mutating func offers(_ value: SourceValue, what: String) -> [ServiceOfferDescription] {
        guard case .mapping(let entries) = value.kind else {
            if case .null = value.kind { return [] }
            reader.error(.wrongType, "\(what) must be a mapping from service id to capacity, found \(value.kindName)", at: value.location)
            return []
        }
        return entries.compactMap { offer(service: $0.key, keyLocation: $0.keyLocation, value: $0.value) }
    }

    private mutating func offer(service: String, keyLocation: SourceLocation, value: SourceValue) -> ServiceOfferDescription? {
        guard let f = reader.mapping(value, what: "service '\(service)'", allowed: NetworkDecoder.offerKeys) else { return nil }
        let covered = f["covered"].flatMap { reader.bool($0, what: "covered") } ?? true
        let hours = f["hours"].flatMap { self.hours($0, what: "service '\(service)'") }
        let isStay = f["beds"] != nil || f["stay"] != nil
        let isVisit = f["servers"] != nil || f["time"] != nil
        if isStay && isVisit {
            reader.error(.serviceKind, "service '\(service)' mixes servers/time (a visit) with beds/stay (a stay)", at: f.location)
            return nil
        }
        let countKey = isStay ? "beds" : "servers", timeKey = isStay ? "stay" : "time"
        if f[countKey] == nil || f[timeKey] == nil {
            reader.error(.missingKey, "service '\(service)' needs '\(countKey)' and '\(timeKey)'", at: f.location,
                         hint: "a visit has servers and time (minutes); a stay has beds and stay (days)")
            return nil
        }
        let servers = reader.integer(f[countKey], what: countKey, range: isStay ? NetworkRanges.beds : NetworkRanges.servers,
                                     hint: isStay ? NetworkDecoder.bedsHint : NetworkDecoder.serversHint)
        let time = f[timeKey].flatMap { distribution($0, what: isStay ? "length of stay" : "service time", unit: isStay ? .days : .minutes) }
        guard let servers, let time else { return nil }
        var marks = f.marks
        marks.fields["service"] = keyLocation
        return ServiceOfferDescription(service: service, servers: servers, time: time, givenAsStay: isStay, covered: covered, hours: hours).marked(marks)
    }

    /// Decodes a `time:`/`stay:` distribution mapping, or nil after a diagnostic; its unit is taken
    /// from `what` ("length of stay": days, else minutes).
    package mutating func distribution(_ value: SourceValue, what: String) -> ServiceTimeDistribution? {
        distribution(value, what: what, unit: what == "length of stay" ? .days : .minutes)
    }

    /// Decodes a `time:`/`stay:` distribution mapping in `unit` (minutes for a visit's time, days for a
    /// stay), each parameter within ``NetworkRanges/serviceTime(in:)``, or nil after a diagnostic.
    package mutating func distribution(_ value: SourceValue, what: String, unit: TimeUnit) -> ServiceTimeDistribution? {
        guard let f = reader.mapping(value, what: what, allowed: ["distribution", "mean", "sd", "value", "min", "mode", "max"], required: ["distribution"]) else { return nil }
        let names = ["exponential", "lognormal", "fixed", "triangular"]
        guard let kind = reader.choice(f["distribution"], what: "distribution", options: names.map { ($0, $0) }) else { return nil }
        let needed: [String] = switch kind {
        case "exponential": ["mean"]
        case "lognormal": ["mean", "sd"]
        case "fixed": ["value"]
        default: ["min", "mode", "max"]
        }
        for key in ["mean", "sd", "value", "min", "mode", "max"] where f[key] != nil && !needed.contains(key) {
            reader.error(.unknownKey, "a \(kind) distribution has no '\(key)'", at: f.keyLocations[key] ?? f.location,
                         hint: "it takes \(needed.joined(separator: ", "))")
        }
        for key in needed where f[key] == nil {
            reader.error(.missingKey, "a \(kind) distribution needs '\(key)'", at: f.location)
        }
        let range = NetworkRanges.serviceTime(in: unit)
        let hint = unit == .minutes ? "a visit's time is in minutes" : "a stay is in days"
        func parameter(_ key: String) -> Double? {
            // A triangular distribution may start at 0; every other parameter is a duration.
            if key == "min", let given = f[key], case .scalar(let text, false) = given.kind, DocumentReader.number(text) == 0 { return 0 }
            return reader.double(f[key], what: "\(what) \(key)", range: range,
                                 rangeText: "\(key == "min" ? "0 or " : "")\(NetworkRanges.serviceTimeText(in: unit))", hint: hint)
        }
        switch kind {
        case "exponential":
            return parameter("mean").map { .exponential(mean: $0) }
        case "lognormal":
            guard let mean = parameter("mean"), let sd = parameter("sd") else { return nil }
            guard sd <= NetworkRanges.maximumCoefficientOfVariation * mean else {
                reader.error(.outOfRange, NetworkRanges.coefficientOfVariationMessage(what: what, sd: DocumentReader.shown(f["sd"]?.scalarText ?? "\(sd)"), mean: mean),
                             at: f["sd"]?.location ?? f.location, hint: "sd is the standard deviation of the time itself, not of its logarithm")
                return nil
            }
            return .lognormal(mean: mean, sd: sd)
        case "fixed":
            return parameter("value").map { .fixed($0) }
        default:
            guard let a = parameter("min"), let c = parameter("mode"), let b = parameter("max") else { return nil }
            guard a <= c, c <= b, a < b else {
                reader.error(.outOfRange, "a triangular distribution needs min <= mode <= max and min < max", at: f.location)
                return nil
            }
            return .triangular(min: a, mode: c, max: b)
        }
    }

    private mutating func demand(_ value: SourceValue) -> DemandDescription? {
        guard let f = reader.mapping(value, what: "demand", allowed: NetworkDecoder.demandKeys) else { return nil }
        var demand = DemandDescription().marked(f.marks)
        demand.emergencyShare = f["emergency-share"].flatMap { reader.double($0, what: "emergency-share", range: NetworkRanges.share) } ?? 0
        if let services = f["services"] {
            if case .mapping(let entries) = services.kind {
                for entry in entries {
                    guard let s = reader.mapping(entry.value, what: "demand for '\(entry.key)'", allowed: NetworkDecoder.serviceDemandKeys, required: ["visits-per-person"]) else { continue }
                    guard let visits = visitsPerPerson(s["visits-per-person"]) else { continue }
                    let share = s["emergency-share"].flatMap { reader.double($0, what: "emergency-share", range: NetworkRanges.share) }
                    let referredAs = s["referred-as"].flatMap { reader.id($0, what: "referred-as") }
                    var marks = s.marks
                    marks.fields["service"] = entry.keyLocation
                    var service = ServiceDemandDescription(service: entry.key, visitsPerPerson: visits, emergencyShare: share, referredAs: referredAs)
                    service.arrivalProfile = s["arrival-profile"].flatMap { reader.id($0, what: "arrival-profile") }
                    demand.services.append(service.marked(marks))
                }
            } else {
                reader.error(.wrongType, "demand services must be a mapping from service id to demand, found \(services.kindName)", at: services.location)
            }
        }
        if let profiles = f["arrival-profiles"] {
            if case .mapping(let entries) = profiles.kind {
                for entry in entries {
                    if !DocumentReader.isKebabCase(entry.key) {
                        reader.error(.invalidID, "arrival profile id '\(entry.key)' is not a lowercase kebab-case id", at: entry.keyLocation)
                    }
                    if entry.key == ArrivalProfile.flat {
                        reader.error(.invalidID, "'flat' is not an arrival profile id: it means a constant rate", at: entry.keyLocation)
                        continue
                    }
                    if let profile = arrivalProfile(entry.value, id: entry.key) {
                        demand.arrivalProfiles.append(profile)
                        demand.marks.fields["arrival-profiles.\(entry.key)"] = entry.keyLocation
                    } else {
                        demand.rejectedArrivalProfiles.insert(entry.key)
                    }
                }
            } else if case .null = profiles.kind {
            } else {
                reader.error(.wrongType, "arrival-profiles must be a mapping from profile id to profile, found \(profiles.kindName)", at: profiles.location)
            }
        }
        demand.arrivalProfile = f["arrival-profile"].flatMap { reader.id($0, what: "arrival-profile") }
        demand.emergencyArrivalProfile = f["emergency-arrival-profile"].flatMap { reader.id($0, what: "emergency-arrival-profile") }
        if let rates = f["referral-rates"], let r = reader.mapping(rates, what: "referral-rates", allowed: Tier.allCases.filter { $0 != .universityHospital }.map(\.rawValue)) {
            for tier in Tier.allCases {
                if let rate = r[tier.rawValue].flatMap({ reader.double($0, what: "referral rate of \(tier.rawValue)", range: NetworkRanges.share) }) {
                    demand.referralRates[tier] = rate
                    demand.marks.fields["referral-rates.\(tier.rawValue)"] = r[tier.rawValue]!.location
                }
            }
        }
        return demand
    }

    /// `visits-per-person`: 0, or within ``NetworkRanges/visitsPerPerson``.
    private mutating func visitsPerPerson(_ value: SourceValue?) -> Double? {
        if let value, case .scalar(let text, false) = value.kind, DocumentReader.number(text) == 0 { return 0 }
        return reader.double(value, what: "visits-per-person", range: NetworkRanges.visitsPerPerson,
                             rangeText: "0 or \(NetworkRanges.text(NetworkRanges.visitsPerPerson))",
                             hint: "annual visits per person of a health centre's catchment, for this service")
    }

    static let serversHint = "servers are the doctors, rooms or machines working in parallel at one facility"
    static let bedsHint = "the largest hospital in Morocco has under 2,000 beds"
    static let catchmentHint = "the people whose card names this health centre; Morocco has 37 million people"
    static let populationHint = "Morocco has 37 million people"
}
