import CarePathSupport

/// Resolves a ``NetworkDescription``'s string ids into dense ids and checks the network's meaning:
/// duplicate ids, missing references, the referral rules P2-P4 and the exclusions X1-X3, every health
/// centre's chain, and the warnings a maintainer wants (locations, populations).
struct NetworkValidator: DiagnosticRecorder {
    let description: NetworkDescription
    let catalog: ServiceCatalog
    var diagnostics: [Diagnostic] = []

    init(description: NetworkDescription, catalog: ServiceCatalog) {
        self.description = description
        self.catalog = catalog
    }

    private func at(_ marks: SourceMarks, _ field: String) -> SourceLocation { marks.location(of: field, or: description.origin) }

    /// Unique ids of one kind: the first of each id wins, later ones are reported.
    private mutating func index<T>(_ items: [T], kind: String, id: (T) -> String, marks: (T) -> SourceMarks) -> (items: [T], byKey: [String: Int]) {
        var kept: [T] = []
        var byKey: [String: Int] = [:]
        for item in items {
            let key = id(item)
            if let first = byKey[key] {
                let firstLine = marks(kept[first]).fields["id"].map { " (first at line \($0.line))" } ?? ""
                error(.duplicateID, "duplicate \(kind) id '\(key)'\(firstLine)", at: at(marks(item), "id"))
                continue
            }
            byKey[key] = kept.count
            kept.append(item)
        }
        return (kept, byKey)
    }

    mutating func validate() -> CareNetwork? {
        let (regionItems, regionIndex) = index(description.regions, kind: "region", id: \.id, marks: \.marks)
        let (provinceItems, provinceIndex) = index(description.provinces, kind: "province", id: \.id, marks: \.marks)
        let (facilityItems, facilityIndex) = index(description.facilities, kind: "facility", id: \.id, marks: \.marks)
        if regionItems.isEmpty {
            error(.missingKey, "the network has no region", at: description.origin)
        }
        let regionKeys = regionItems.map(\.id), provinceKeys = provinceItems.map(\.id), facilityKeys = facilityItems.map(\.id)

        // Provinces.
        var provinces: [Province] = []
        for (index, p) in provinceItems.enumerated() {
            let region = regionIndex[p.region]
            if region == nil {
                error(.unknownReference, "province '\(p.id)' names unknown region '\(p.region)'", at: at(p.marks, "region"),
                      hint: Suggestion.hint(for: p.region, in: regionKeys))
            }
            checkRange(p.population, NetworkRanges.population, "province population", at: at(p.marks, "population"))
            if let seat = p.seat { checkLocation(seat, at: at(p.marks, "seat")) }
            provinces.append(Province(id: ProvinceID(index), key: p.id, region: RegionID(region ?? 0), name: p.name, code: p.code, population: p.population, seat: p.seat))
        }

        // Profiles: resolved once, then merged into facilities.
        var profileServices: [String: [ServiceCapacity]] = [:]
        var profileHours: [String: [String: (HoursDescription, SourceLocation)]] = [:]
        for key in description.profiles.keys.sorted() {
            profileServices[key] = capacities(description.profiles[key]!.services, owner: "profile '\(key)'")
            profileHours[key] = Self.hoursByService(description.profiles[key]!.services, origin: description.origin)
        }

        // Facilities.
        var facilities: [Facility] = []
        var hoursLocations: [Int: SourceLocation] = [:]
        for (index, f) in facilityItems.enumerated() {
            var region: RegionID?
            var province: ProvinceID?
            if let key = f.region {
                if let r = regionIndex[key] { region = RegionID(r) } else {
                    error(.unknownReference, "facility '\(f.id)' names unknown region '\(key)'", at: at(f.marks, "region"),
                          hint: Suggestion.hint(for: key, in: regionKeys))
                }
            }
            if let key = f.province {
                if let p = provinceIndex[key] {
                    province = ProvinceID(p)
                    if let region, provinces[p].region != region, regionIndex[provinceItems[p].region] != nil {
                        error(.provinceRegionMismatch,
                              "province '\(key)' of facility '\(f.id)' is in region '\(provinceItems[p].region)', not '\(f.region ?? "")'",
                              at: at(f.marks, "province"), hint: "set region: \(provinceItems[p].region), or pick a province of '\(f.region ?? "")'")
                    }
                } else {
                    error(.unknownReference, "facility '\(f.id)' names unknown province '\(key)'", at: at(f.marks, "province"),
                          hint: Suggestion.hint(for: key, in: provinceKeys))
                }
            }
            var services: [ServiceCapacity] = []
            if let profile = f.profile {
                if let shared = profileServices[profile] { services = shared } else {
                    error(.unknownReference, "facility '\(f.id)' names unknown profile '\(profile)'", at: at(f.marks, "profile"),
                          hint: Suggestion.hint(for: profile, in: description.profiles.keys.sorted()))
                }
            }
            for own in capacities(f.services, owner: "facility '\(f.id)'") {
                services.removeAll { $0.service == own.service }
                services.append(own)
            }
            services.sort { $0.service < $1.service }
            // Opening hours: the facility's own entry for the service, else the facility's `hours:`
            // (visits only: beds keep theirs), else the profile's entry, else around the clock.
            let ownHours = Self.hoursByService(f.services, origin: description.origin)
            let inherited = f.profile.flatMap { profileHours[$0] } ?? [:]
            let facilityHours = f.hours.map { ($0, at(f.marks, "hours")) }
            services = services.map { capacity in
                var capacity = capacity
                let key = catalog[capacity.service].key
                let spec = ownHours[key] ?? (capacity.unit == .minutes ? facilityHours : nil) ?? inherited[key]
                if let spec {
                    capacity.hours = resolveHours(spec.0, base: capacity.servers, at: spec.1, owner: "'\(key)' at '\(f.id)'")
                    hoursLocations[index * catalog.count + capacity.service.index] = spec.1
                }
                return capacity
            }
            if let catchment = f.catchment { checkRange(catchment, NetworkRanges.catchment, "catchment of '\(f.id)'", at: at(f.marks, "catchment")) }
            checkLocation(f.location, at: at(f.marks, "location"))
            if f.catchment != nil, f.tier != .healthCentre {
                warning(.catchmentNotApplicable, "catchment on '\(f.id)', a \(f.tier.rawValue): only health centres have one",
                        at: at(f.marks, "catchment"), rule: .p1)
            }
            if f.country == "MA", !f.location.isInsideMorocco {
                warning(.locationOutsideMorocco,
                        "'\(f.id)' is at \(f.location.latitude), \(f.location.longitude), outside Morocco's extent",
                        at: at(f.marks, "location"), hint: "check the order and sign of lat and lon, or set country:")
            }
            if services.isEmpty, f.sector == .public, f.country == "MA" {
                warning(.noServices, "public facility '\(f.id)' offers no service", at: at(f.marks, "id"),
                        hint: "add services: or profile:")
            }
            facilities.append(Facility(
                id: FacilityID(index), key: f.id, name: f.name, tier: f.tier, sector: f.sector, country: f.country,
                region: region, province: province, location: f.location, catchment: f.catchment ?? 0,
                hasEmergency: f.emergency, services: services, explicitReferral: nil, synthesised: f.synthesised, source: f.source))
        }
        checkSameLocations(facilityItems)

        // Regions and their CHU (P4).
        var regions: [Region] = []
        for (index, r) in regionItems.enumerated() {
            var chu: FacilityID?
            if let key = r.chu {
                if let target = facilityIndex[key] {
                    let facility = facilities[target]
                    if facility.tier != .universityHospital {
                        error(.referralLevel, "region '\(r.id)' refers to '\(key)' under P4, which is a \(facility.tier.rawValue), not a CHU",
                              at: at(r.marks, "chu"), rule: .p4)
                    } else if facility.sector == .private {
                        error(.referralPrivate, "region '\(r.id)' refers to private facility '\(key)'", at: at(r.marks, "chu"), rule: .x3)
                    } else if !facility.isInMorocco {
                        error(.referralAbroad, "region '\(r.id)' refers to '\(key)', a facility abroad", at: at(r.marks, "chu"), rule: .x2)
                    } else {
                        chu = FacilityID(target)
                    }
                } else {
                    error(.unknownReference, "region '\(r.id)' names unknown CHU '\(key)'", at: at(r.marks, "chu"), rule: .p4,
                          hint: Suggestion.hint(for: key, in: facilityKeys))
                }
            }
            if let population = r.population { checkRange(population, NetworkRanges.population, "region population", at: at(r.marks, "population")) }
            regions.append(Region(id: RegionID(index), key: r.id, name: r.name, code: r.code, population: r.population, chuReferral: chu))
        }
        checkPopulations(regionItems, provinces: provinces)

        // Explicit referral targets, then the derived chain.
        var explicit = [FacilityID?](repeating: nil, count: facilities.count)
        for (index, f) in facilityItems.enumerated() {
            guard let key = f.refersTo else { continue }
            guard let target = facilityIndex[key] else {
                error(.unknownReference, "'\(f.id)' refers to unknown facility '\(key)'", at: at(f.marks, "refers-to"),
                      hint: Suggestion.hint(for: key, in: facilityKeys))
                continue
            }
            if checkExplicitReferral(from: facilities[index], to: facilities[target], at: at(f.marks, "refers-to")) {
                explicit[index] = FacilityID(target)
            }
        }
        facilities = facilities.enumerated().map { index, f in f.withExplicitReferral(explicit[index]) }
        let nextLevel = ChainBuilder(facilities: facilities, regions: regions).nextLevels()
        checkRegions(regions, regionItems: regionItems, facilities: facilities, nextLevel: nextLevel)
        provinces = resolveProvinceTargets(provinces, items: provinceItems, facilities: facilities, facilityIndex: facilityIndex, facilityKeys: facilityKeys)
        checkChains(facilities, facilityItems: facilityItems, regions: regions, provinces: provinces, nextLevel: nextLevel)

        let demand = resolveDemand()
        checkDailyArrivals(facilities: facilities, demand: demand)
        checkNeverOpen(facilities, hoursLocations: hoursLocations, demand: demand)
        let calendar = NetworkCalendar(closedDates: description.calendar?.closedDates ?? [], overtimeMinutes: description.calendar?.overtimeMinutes ?? 0)
        guard !diagnostics.hasErrors else { return nil }
        return CareNetwork(
            name: description.name, catalog: catalog, regions: regions, provinces: provinces,
            facilities: facilities, demand: demand, nextLevel: nextLevel, calendar: calendar)
    }

    /// The provinces with their P3 and P4 overrides (`regional-hospital:`, `chu:`) resolved: each must
    /// name a facility of the network, of the level it replaces (a regional hospital, a CHU), public
    /// (X3) and in Morocco (X2); it may be in another region. A bad target is reported at its key and
    /// left out.
    private mutating func resolveProvinceTargets(_ provinces: [Province], items: [ProvinceDescription], facilities: [Facility],
                                                 facilityIndex: [String: Int], facilityKeys: [String]) -> [Province] {
        var resolved = provinces
        for (index, p) in items.enumerated() {
            func target(_ key: String?, field: String, tier: Tier, rule: RuleID) -> FacilityID? {
                guard let key else { return nil }
                let location = at(p.marks, field)
                guard let found = facilityIndex[key] else {
                    error(.unknownReference, "province '\(p.id)' names unknown facility '\(key)' as its \(field)", at: location, rule: rule,
                          hint: Suggestion.hint(for: key, in: facilityKeys))
                    return nil
                }
                let facility = facilities[found]
                if facility.tier != tier {
                    error(.referralLevel, "province '\(p.id)' sends its patients to '\(key)' under \(rule), which is a \(facility.tier.rawValue), not a \(tier.rawValue)",
                          at: location, rule: rule, hint: "\(field): takes the id of a \(tier.rawValue)")
                } else if facility.sector == .private {
                    error(.referralPrivate, "province '\(p.id)' sends its patients to private facility '\(key)' under \(rule)", at: location, rule: .x3)
                } else if !facility.isInMorocco {
                    error(.referralAbroad, "province '\(p.id)' sends its patients to '\(key)', a facility abroad, under \(rule)", at: location, rule: .x2)
                } else {
                    return FacilityID(found)
                }
                return nil
            }
            let regional = target(p.regionalHospital, field: "regional-hospital", tier: .regionalHospital, rule: .p3)
            let chu = target(p.chu, field: "chu", tier: .universityHospital, rule: .p4)
            resolved[index] = provinces[index].withOverrides(regionalHospital: regional, universityHospital: chu)
        }
        return resolved
    }

    /// The `hours:` of each offer that gives one, by service key, with its position.
    static func hoursByService(_ offers: [ServiceOfferDescription], origin: SourceLocation) -> [String: (HoursDescription, SourceLocation)] {
        var result: [String: (HoursDescription, SourceLocation)] = [:]
        for offer in offers { if let hours = offer.hours { result[offer.service] = (hours, offer.marks.location(of: "hours", or: origin)) } }
        return result
    }

    /// A station's timetable for `base` servers; nil for `always` (and after a diagnostic).
    private mutating func resolveHours(_ hours: HoursDescription, base: Int, at location: SourceLocation, owner: String) -> OpeningHours? {
        switch hours {
        case .always:
            return nil
        case .table(let table):
            return table.resolved(base: base)
        case .named(let name):
            guard let table = description.calendar?.hours[name] else {
                let names = (description.calendar?.hours.keys).map { Array($0).sorted() } ?? []
                error(.invalidHours, "\(owner) names unknown timetable '\(name)'", at: location,
                      hint: Suggestion.hint(for: name, in: names + ["always"]) ?? (names.isEmpty ? "the network has no calendar.hours; write the timetable in place or 'always'" : "timetables: \(names.joined(separator: ", "))"))
                return nil
            }
            return table.resolved(base: base)
        }
    }

    /// A service with demand offered at a station whose timetable opens it on no weekday: its
    /// patients would wait forever.
    private mutating func checkNeverOpen(_ facilities: [Facility], hoursLocations: [Int: SourceLocation], demand: Demand) {
        // One diagnostic per timetable written, naming the stations it leaves closed.
        var closed: [SourceLocation: [String]] = [:], order: [SourceLocation] = []
        for (index, facility) in facilities.enumerated() where facility.isOnRAMEDPathway {
            for capacity in facility.services where capacity.covered {
                guard let hours = capacity.hours, !hours.opensInTheWeek, demand[capacity.service].visitsPerPerson > 0 || facility.tier != .healthCentre,
                      let location = hoursLocations[index * catalog.count + capacity.service.index] else { continue }
                if closed[location] == nil { order.append(location) }
                closed[location, default: []].append("'\(catalog[capacity.service].key)' at '\(facility.key)'")
            }
        }
        for location in order {
            let stations = closed[location]!
            let named = stations.prefix(3).joined(separator: ", ") + (stations.count > 3 ? " and \(stations.count - 3) more" : "")
            error(.neverOpen, "these hours never open on a weekday, so the patients sent to \(named) would wait forever", at: location,
                  hint: "open it on some day of the week, or give it 'hours: always'")
        }
    }

    private mutating func capacities(_ offers: [ServiceOfferDescription], owner: String) -> [ServiceCapacity] {
        var result: [ServiceCapacity] = []
        for offer in offers {
            guard let service = catalog.service(forKey: offer.service) else {
                error(.unknownReference, "\(owner) offers unknown service '\(offer.service)'", at: at(offer.marks, "service"),
                      hint: Suggestion.hint(for: offer.service, in: catalog.keys))
                continue
            }
            if service.kind == .stay && !offer.givenAsStay {
                error(.serviceKind, "'\(offer.service)' is a stay: give beds and stay (days), not servers and time",
                      at: at(offer.marks, "service"))
                continue
            }
            if service.kind == .visit && offer.givenAsStay {
                error(.serviceKind, "'\(offer.service)' is a visit: give servers and time (minutes), not beds and stay",
                      at: at(offer.marks, "service"))
                continue
            }
            // A file's offers were held to the ranges as they were read; these checks are for offers
            // built in code or changed by a scenario (their marks point at the scenario's entry).
            let unit: TimeUnit = service.kind == .stay ? .days : .minutes
            let countKey = service.kind == .stay ? "beds" : "servers"
            guard checkRange(offer.servers, service.kind == .stay ? NetworkRanges.beds : NetworkRanges.servers,
                             "\(countKey) of '\(offer.service)' (\(owner))", at: at(offer.marks, countKey)) else { continue }
            let timeProblems = NetworkRanges.problems(offer.time, unit: unit, what: "\(service.kind == .stay ? "length of stay" : "service time") of '\(offer.service)' (\(owner))")
            for problem in timeProblems {
                error(.outOfRange, problem.message, at: at(offer.marks, service.kind == .stay ? "stay" : "time"))
            }
            if !timeProblems.isEmpty { continue }
            if service.isExcluded && offer.covered {
                error(.excludedServiceCovered, "\(owner) offers '\(offer.service)' as covered, but it is excluded from the basket",
                      at: at(offer.marks, "service"), rule: service.rule, hint: "add covered: false")
            }
            result.append(ServiceCapacity(service: service.id, servers: offer.servers, time: offer.time,
                                          unit: service.kind == .stay ? .days : .minutes, covered: offer.covered && !service.isExcluded))
        }
        return result
    }
}
