import CarePathSupport

extension NetworkValidator {
    /// `refers-to` must name a public facility in Morocco (X2, X3) exactly one level up (P2-P4), in the
    /// same region for P2 and P3.
    mutating func checkExplicitReferral(from source: Facility, to target: Facility, at location: SourceLocation) -> Bool {
        let rule = RuleID(arrivalAtLevel: min(4, source.tier.level + 1))!
        if target.sector == .private {
            error(.referralPrivate, "'\(source.key)' refers to private facility '\(target.key)': a private facility is never on a RAMED pathway", at: location, rule: .x3)
            return false
        }
        if !target.isInMorocco {
            error(.referralAbroad, "'\(source.key)' refers to '\(target.key)', a facility abroad (\(target.country)): care abroad is never covered", at: location, rule: .x2)
            return false
        }
        if target.tier.level != source.tier.level + 1 {
            let expected = Tier.tiers(atLevel: source.tier.level + 1).map(\.rawValue).joined(separator: " or ")
            error(.referralLevel,
                  "'\(source.key)' (\(source.tier.rawValue), level \(source.tier.level)) refers to '\(target.key)' (\(target.tier.rawValue), level \(target.tier.level)); a referral goes exactly one level up",
                  at: location, rule: rule, hint: expected.isEmpty ? "a CHU refers nowhere: remove refers-to" : "refer to a \(expected)")
            return false
        }
        if source.tier.level <= 2, source.region != target.region {
            error(.referralRegion, "'\(source.key)' refers to '\(target.key)' in another region; \(rule) stays within the region", at: location, rule: rule)
            return false
        }
        return true
    }

    /// Every region needs a public regional hospital (P3) and a CHU of its own or a `chu:` (P4).
    mutating func checkRegions(_ regions: [Region], regionItems: [RegionDescription], facilities: [Facility], nextLevel: [Int32]) {
        for region in regions {
            let members = facilities.filter { $0.region == region.id && $0.isOnRAMEDPathway }
            let location = regionItems[region.id.index].marks.location(of: "id", or: description.origin)
            if !members.contains(where: { $0.tier == .regionalHospital }) {
                error(.regionWithoutRegionalHospital,
                      "region '\(region.key)' has no public regional hospital for its level-2 hospitals to refer to", at: location, rule: .p3,
                      hint: "add a facility with tier: regional-hospital in this region")
            }
            if !members.contains(where: { $0.tier == .universityHospital }), region.chuReferral == nil,
               regionItems[region.id.index].chu == nil {
                error(.regionWithoutCHU,
                      "region '\(region.key)' has no public CHU and names none with chu:", at: location, rule: .p4,
                      hint: "add chu: <id of the CHU this region refers to>")
            }
        }
    }

    /// Every public health centre must reach a level-2 hospital, a regional hospital and a CHU. Each
    /// broken centre is named with the reason; past 10 centres with the same reason, one summary.
    mutating func checkChains(_ facilities: [Facility], facilityItems: [FacilityDescription], regions: [Region], provinces: [Province], nextLevel: [Int32]) {
        var countByReason: [String: Int] = [:]
        var firstByReason: [(reason: String, location: SourceLocation)] = []
        for centre in facilities where centre.tier == .healthCentre && centre.isOnRAMEDPathway {
            guard let regionID = centre.region else { continue }
            let regionKey = regions[regionID.index].key
            let chain = CareNetwork.chain(from: centre, facilities: facilities, provinces: provinces, nextLevel: nextLevel)
            // The first level the chain does not reach, the rule that should have reached it, and why.
            let broken: (rule: RuleID, missing: String, reason: String)
            if chain.p2 == nil {
                broken = (.p2, "hospital", "region '\(regionKey)' has no public local, provincial or specialised hospital")
            } else if chain.p3 == nil {
                broken = (.p3, "regional hospital", "its P2 hospital '\(facilities[chain.p2!.index].key)' has no regional hospital in region '\(regionKey)'")
            } else if chain.p4 == nil {
                broken = (.p4, "CHU", "its regional hospital '\(facilities[chain.p3!.index].key)' has no CHU (region '\(regionKey)' has none and no valid chu:)")
            } else {
                continue
            }
            let reason = broken.reason
            let location = facilityItems[centre.id.index].marks.location(of: "id", or: description.origin)
            countByReason[reason, default: 0] += 1
            if countByReason[reason]! == 1 { firstByReason.append((reason, location)) }
            if countByReason[reason]! <= 10 {
                error(.brokenChain, "health centre '\(centre.key)' reaches no \(broken.missing): \(reason)", at: location, rule: broken.rule)
            }
        }
        for (reason, location) in firstByReason where countByReason[reason]! > 10 {
            error(.brokenChain, "\(countByReason[reason]! - 10) more health centres are broken the same way: \(reason)", at: location)
        }
    }

    mutating func checkSameLocations(_ items: [FacilityDescription]) {
        var seen: [GeoPoint: String] = [:]
        for item in items {
            if let other = seen[item.location], other != item.id {
                warning(.sameLocation, "'\(item.id)' is at the same location as '\(other)'",
                        at: item.marks.location(of: "location", or: description.origin),
                        hint: "two ids for one facility? if they are distinct, give each its own coordinates")
            } else {
                seen[item.location] = item.id
            }
        }
    }

    mutating func checkPopulations(_ items: [RegionDescription], provinces: [Province]) {
        for (index, item) in items.enumerated() {
            guard let population = item.population else { continue }
            let members = provinces.filter { $0.region.index == index }
            guard !members.isEmpty else { continue }
            let sum = members.reduce(0) { $0 + $1.population }
            if abs(Double(sum - population)) > 0.01 * Double(population) {
                warning(.populationMismatch,
                        "region '\(item.id)' has population \(population) but its provinces add up to \(sum)",
                        at: item.marks.location(of: "population", or: description.origin))
            }
        }
    }

    mutating func resolveDemand() -> Demand {
        var demand = Demand.none(serviceCount: catalog.count)
        guard let d = description.demand else { return demand }
        if !NetworkRanges.share.contains(d.emergencyShare) {
            error(.outOfRange, "emergency-share is \(d.emergencyShare); it must be \(NetworkRanges.text(NetworkRanges.share))",
                  at: d.marks.location(of: "emergency-share", or: description.origin))
        }
        demand.defaultEmergencyShare = d.emergencyShare
        // Arrival profiles: ids unique, references resolved.
        var profileIndex: [String: Int] = [:]
        for profile in d.arrivalProfiles where profileIndex[profile.id] == nil {
            profileIndex[profile.id] = demand.arrivalProfiles.count
            demand.arrivalProfiles.append(profile)
        }
        // `flat`: a constant rate, whatever the default.
        func profile(_ name: String?, field: String, marks: SourceMarks) -> Int? {
            guard let name, name != ArrivalProfile.flat else { return nil }
            if let index = profileIndex[name] { return index }
            if d.rejectedArrivalProfiles.contains(name) { return nil }
            let names = d.arrivalProfiles.map(\.id)
            error(.unknownReference, "\(field) names unknown arrival profile '\(name)'", at: marks.location(of: field, or: description.origin),
                  hint: Suggestion.hint(for: name, in: names) ?? (names.isEmpty ? "the demand section has no arrival-profiles" : "arrival profiles: \(names.joined(separator: ", "))"))
            return nil
        }
        let defaultProfile = profile(d.arrivalProfile, field: "arrival-profile", marks: d.marks)
        let emergencyProfile = profile(d.emergencyArrivalProfile, field: "emergency-arrival-profile", marks: d.marks)
        let emergencyFlat = d.emergencyArrivalProfile == ArrivalProfile.flat
        var listed = Set<Int>()
        for entry in d.services {
            guard let service = catalog.id(forKey: entry.service) else {
                error(.unknownReference, "demand names unknown service '\(entry.service)'",
                      at: entry.marks.location(of: "service", or: description.origin), hint: Suggestion.hint(for: entry.service, in: catalog.keys))
                continue
            }
            var referredAs = service
            if let key = entry.referredAs {
                if let target = catalog.id(forKey: key) { referredAs = target } else {
                    error(.unknownReference, "referred-as names unknown service '\(key)'",
                          at: entry.marks.location(of: "referred-as", or: description.origin), hint: Suggestion.hint(for: key, in: catalog.keys))
                }
            }
            if catalog[service].isExcluded, entry.visitsPerPerson > 0 {
                // Demand for an excluded service is allowed: the simulation counts it as not covered (X1).
            }
            if catalog[service].isGivenWithCare, entry.visitsPerPerson > 0 {
                warning(.demandWithCare, "demand for '\(entry.service)', which comes with the care of the facility that treats (\(catalog[service].rule)): no pathway leads to it, so its patients are counted unavailable",
                        at: entry.marks.location(of: "service", or: description.origin), rule: catalog[service].rule,
                        hint: "give the demand to the care itself (the service that treats), or remove this line")
            }
            let visitsOK = entry.visitsPerPerson == 0 || NetworkRanges.visitsPerPerson.contains(entry.visitsPerPerson)
            if !visitsOK {
                error(.outOfRange, "visits-per-person of '\(entry.service)' is \(entry.visitsPerPerson); it must be 0 or \(NetworkRanges.text(NetworkRanges.visitsPerPerson))",
                      at: entry.marks.location(of: "visits-per-person", or: description.origin))
            }
            if let share = entry.emergencyShare, !NetworkRanges.share.contains(share) {
                error(.outOfRange, "emergency-share of '\(entry.service)' is \(share); it must be \(NetworkRanges.text(NetworkRanges.share))",
                      at: entry.marks.location(of: "emergency-share", or: description.origin))
            }
            guard visitsOK else { continue }
            listed.insert(service.index)
            demand.services[service.index] = ServiceDemand(
                visitsPerPerson: entry.visitsPerPerson, emergencyShare: entry.emergencyShare ?? d.emergencyShare, referredAs: referredAs)
            let own = entry.arrivalProfile == nil ? defaultProfile : profile(entry.arrivalProfile, field: "arrival-profile", marks: entry.marks)
            demand.services[service.index].arrivalProfile = own
            demand.services[service.index].emergencyArrivalProfile = emergencyFlat ? nil : emergencyProfile ?? own
        }
        for index in 0..<catalog.count where !listed.contains(index) {
            demand.services[index].emergencyShare = d.emergencyShare
        }
        for (position, tier) in Tier.allCases.enumerated() {
            let rate = d.referralRates[tier] ?? 0
            if !NetworkRanges.share.contains(rate) {
                error(.outOfRange, "referral rate of \(tier.rawValue) is \(rate); it must be \(NetworkRanges.text(NetworkRanges.share))",
                      at: d.marks.location(of: "referral-rates.\(tier.rawValue)", or: description.origin))
            }
            demand.referralRates[position] = rate
        }
        return demand
    }

}

extension NetworkValidator {
    /// Whether `value` is within `range`; an out-of-range error otherwise. The decoder has held a
    /// file's values to the ranges already: this is for descriptions built in code or changed by a scenario.
    @discardableResult
    mutating func checkRange(_ value: Int, _ range: ClosedRange<Int>, _ what: String, at location: SourceLocation) -> Bool {
        if range.contains(value) { return true }
        error(.outOfRange, "\(what) is \(value); it must be \(NetworkRanges.text(range))", at: location)
        return false
    }

    /// A location's latitude and longitude within their ranges (NaN is in none).
    mutating func checkLocation(_ point: GeoPoint, at location: SourceLocation) {
        if !NetworkRanges.latitude.contains(point.latitude) {
            error(.outOfRange, "latitude is \(point.latitude); it must be \(NetworkRanges.text(NetworkRanges.latitude))", at: location)
        }
        if !NetworkRanges.longitude.contains(point.longitude) {
            error(.outOfRange, "longitude is \(point.longitude); it must be \(NetworkRanges.text(NetworkRanges.longitude))", at: location)
        }
    }

    /// The whole network's arrivals a day within ``NetworkRanges/dailyArrivals``: each catchment and
    /// each visits-per-person may be within its range while their products add up past what the
    /// simulation holds in memory. Reported at the visits-per-person of the service with the most
    /// visits per person, the largest catchment in the hint.
    mutating func checkDailyArrivals(facilities: [Facility], demand: Demand) {
        let total = CareNetwork.dailyArrivals(facilities: facilities, demand: demand)
        guard !NetworkRanges.dailyArrivals.contains(total) else { return }
        let visits = demand.services.reduce(0) { $0 + $1.visitsPerPerson }
        let centres = facilities.filter { $0.tier == .healthCentre && $0.isOnRAMEDPathway }
        let catchments = centres.reduce(0) { $0 + $1.catchment }
        let largest = centres.max { $0.catchment < $1.catchment }
        let busiest = demand.services.indices.max { demand.services[$0].visitsPerPerson < demand.services[$1].visitsPerPerson }
        let busiestKey = busiest.map { catalog[ServiceID($0)].key }
        let location = description.demand.flatMap { d in
            d.services.first { $0.service == busiestKey }.map { $0.marks.location(of: "visits-per-person", or: description.origin) }
                ?? d.marks.element
        } ?? description.origin
        let per = { (value: Double) in NumberFormat.grouped(Int(min(value, 1e15).rounded())) }
        var hint = "the health centres' catchments add up to \(NumberFormat.grouped(catchments)) people at \(NetworkRanges.number((visits * 1000).rounded() / 1000)) visits a year each"
        if let largest { hint += "; the largest catchment is \(largest.key)'s, \(NumberFormat.grouped(largest.catchment))" }
        if let busiestKey { hint += "; the most visits per person are \(busiestKey)'s" }
        error(.demandTooLarge,
              "the network's demand comes to \(per(total)) arrivals a day; the simulation runs at most \(per(NetworkRanges.dailyArrivals.upperBound)) (Morocco's 37 million people at 10 visits a year each)",
              at: location, hint: hint)
    }
}

extension Facility {
    func withExplicitReferral(_ target: FacilityID?) -> Facility {
        Facility(id: id, key: key, name: name, tier: tier, sector: sector, country: country, region: region,
                 province: province, location: location, catchment: catchment, hasEmergency: hasEmergency,
                 services: services, explicitReferral: target, synthesised: synthesised, source: source)
    }
}
