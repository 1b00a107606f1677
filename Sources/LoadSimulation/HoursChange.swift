import CarePathSupport
import CareNetwork

/// An `hours:` entry of a scenario: the opening hours (and shifts) of the selected stations become
/// `hours`. The selectors combine: one facility, or facilities of a region, a province and/or a tier;
/// and optionally one service. Without a service, every visit service of the selected facilities
/// takes the timetable (their beds keep theirs); with one, only that service (a stay too).
public struct HoursChange: Sendable, Hashable {
    public var facility: String?
    public var region: String?
    public var province: String?
    public var tier: Tier?
    public var service: String?
    /// The new timetable (`always`, a name of the network's `calendar.hours`, or a timetable).
    public var hours: HoursDescription

    /// A change of hours at the stations the selectors choose.
    public init(facility: String? = nil, region: String? = nil, province: String? = nil, tier: Tier? = nil, service: String? = nil, hours: HoursDescription) {
        self.facility = facility
        self.region = region
        self.province = province
        self.tier = tier
        self.service = service
        self.hours = hours
    }
}

/// A scenario's `arrival-profile:` entry: the non-emergency arrivals of a service (nil: of every
/// service the network has demand for), or their emergencies, follow another arrival profile (`flat`:
/// a constant rate).
public struct ProfileChange: Sendable, Hashable {
    public var service: String?
    public var emergency: Bool
    public var profile: String
}

extension ScenarioDecoder {
    static let hoursKeys = ["facility", "region", "province", "tier", "service", "hours"]
    static let profileChangeKeys = ["service", "emergency", "profile"]

    mutating func hoursChange(_ item: SourceValue) -> ScenarioOperation? {
        guard let f = decoder.reader.mapping(item, what: "hours entry", allowed: Self.hoursKeys, required: ["hours"]) else { return nil }
        let facility = f["facility"].flatMap { decoder.reader.id($0, what: "facility") }
        let region = f["region"].flatMap { decoder.reader.id($0, what: "region") }
        let province = f["province"].flatMap { decoder.reader.id($0, what: "province") }
        let tier = f["tier"].flatMap { decoder.reader.choice($0, what: "tier", options: Tier.allCases.map { ($0.rawValue, $0) }) }
        let service = f["service"].flatMap { decoder.reader.id($0, what: "service") }
        let hours = f["hours"].flatMap { decoder.hours($0, what: "scenario") }
        if f["facility"] != nil, f["region"] != nil || f["province"] != nil || f["tier"] != nil {
            decoder.reader.error(.conflict, "an hours entry selects one facility, or facilities by region, province and tier, not both",
                                 at: f.keyLocations["facility"] ?? f.location, hint: "keep facility, or make two entries")
            return nil
        }
        if f["facility"] == nil, f["region"] == nil, f["province"] == nil, f["tier"] == nil, f["service"] == nil,
           !f.misspelt.contains(where: { Self.hoursKeys.contains($0) }) {
            decoder.reader.error(.missingKey, "an hours entry needs facility, region, province, tier or service (the stations whose hours change)", at: f.location)
            return nil
        }
        guard let hours, f["facility"] == nil || facility != nil, f["region"] == nil || region != nil, f["province"] == nil || province != nil,
              f["tier"] == nil || tier != nil, f["service"] == nil || service != nil else { return nil }
        return ScenarioOperation(.hours(HoursChange(facility: facility, region: region, province: province, tier: tier, service: service, hours: hours)),
                                 at: f.location, fields: f.marks.fields)
    }

    mutating func profileChange(_ item: SourceValue) -> ScenarioOperation? {
        guard let f = decoder.reader.mapping(item, what: "arrival-profile entry", allowed: Self.profileChangeKeys, required: ["profile"]) else { return nil }
        let service = f["service"].flatMap { decoder.reader.id($0, what: "service") }
        let emergency = f["emergency"].flatMap { decoder.reader.bool($0, what: "emergency") } ?? false
        let profile = f["profile"].flatMap { decoder.reader.id($0, what: "arrival profile") }
        guard let profile, f["service"] == nil || service != nil else { return nil }
        return ScenarioOperation(.arrivalProfile(ProfileChange(service: service, emergency: emergency, profile: profile)), at: f.location, fields: f.marks.fields)
    }
}

extension ScenarioApplier {
    /// `hours:`: sets the timetable of the selected stations.
    mutating func hours(_ change: HoursChange, _ operation: ScenarioOperation) {
        var selected: [Int] = []
        if let id = change.facility {
            guard let index = facility(id, for: operation) else { return }
            selected = [index]
        } else {
            if let region = change.region, !checkRegion(region, for: operation) { return }
            if let province = change.province, !description.provinces.contains(where: { $0.id == province }) {
                error(.unknownReference, "the network has no province '\(province)'", at: operation.location(of: "province"),
                      hint: Suggestion.hint(for: province, in: description.provinces.map(\.id)))
                return
            }
            selected = description.facilities.indices.filter { i in
                let f = description.facilities[i]
                return (change.region == nil || f.region == change.region) && (change.province == nil || f.province == change.province)
                    && (change.tier == nil || f.tier == change.tier) && f.sector == .public
            }
        }
        if case .named(let name) = change.hours, description.calendar?.hours[name] == nil {
            let names = (description.calendar?.hours.keys).map { Array($0).sorted() } ?? []
            error(.invalidHours, "the network has no timetable '\(name)'", at: operation.location(of: "hours"),
                  hint: Suggestion.hint(for: name, in: names + ["always"]) ?? (names.isEmpty ? "write the timetable in place, or 'always'" : "its timetables are \(names.joined(separator: ", "))"))
            return
        }
        var stations = 0
        if let key = change.service {
            guard checkService(key, for: operation) != nil else { return }
            for index in selected {
                guard var offer = self.offer(at: index, service: key) else {
                    if change.facility != nil {
                        let offered = offeredServices(at: index)
                        error(.serviceNotOffered, "'\(change.facility!)' does not offer '\(key)': it has no hours to change", at: operation.location(of: "service"),
                              hint: Suggestion.hint(for: key, in: offered) ?? "it offers \(offered.isEmpty ? "nothing" : offered.joined(separator: ", "))")
                        return
                    }
                    continue
                }
                offer.hours = change.hours
                description.facilities[index].services.removeAll { $0.service == key }
                description.facilities[index].services.append(offer)
                stations += 1
            }
        } else {
            for index in selected {
                // The facility's hours apply to its visits that give none of their own: clear theirs.
                description.facilities[index] = description.facilities[index].with(hours: change.hours)
                for k in description.facilities[index].services.indices where !description.facilities[index].services[k].givenAsStay {
                    description.facilities[index].services[k].hours = nil
                }
                stations += offeredServices(at: index).filter { catalog.service(forKey: $0)?.kind == .visit }.count
            }
        }
        if stations == 0 {
            warning(.serviceNotOffered, "this hours entry selects no station", at: operation.location, hint: "check its facility, region, province, tier and service")
            return
        }
        let what: String
        switch change.hours {
        case .always: what = "always open"
        case .named(let name): what = "timetable \(name)"
        case .table(let table): what = table.resolved(base: 1).summary.replacingOccurrences(of: " (1)", with: "")
        }
        let selector = change.facility ?? [change.tier?.rawValue, change.region.map { "in \($0)" }, change.province.map { "in \($0)" }].compactMap { $0 }.joined(separator: " ")
        changes.append("hours of \(change.service ?? "every visit service") at \(selector.isEmpty ? "every facility" : selector) (\(stations) station\(stations == 1 ? "" : "s")): \(what)")
    }

    /// `calendar:`: adds closed dates, sets the overtime limit, adds named timetables.
    mutating func calendar(_ added: CalendarDescription, _ operation: ScenarioOperation) {
        var calendar = description.calendar ?? CalendarDescription()
        var known = Set(calendar.closedDates)
        let new = added.closedDates.filter { known.insert($0).inserted }
        calendar.closedDates += new
        if operation.fields["overtime-minutes"] != nil { calendar.overtimeMinutes = added.overtimeMinutes }
        for (name, table) in added.hours { calendar.hours[name] = table }
        description.calendar = calendar
        var parts: [String] = []
        if !new.isEmpty { parts.append("closed dates added: \(new.map(\.text).joined(separator: ", "))") }
        if operation.fields["overtime-minutes"] != nil { parts.append("overtime limit \(added.overtimeMinutes) min") }
        if !added.hours.isEmpty { parts.append("timetables \(added.hours.keys.sorted().joined(separator: ", "))") }
        if !parts.isEmpty { changes.append("calendar: " + parts.joined(separator: "; ")) }
    }

    /// `arrival-profiles:`: adds (or replaces) arrival profiles.
    mutating func arrivalProfiles(_ profiles: [ArrivalProfile]) {
        var demand = description.demand ?? DemandDescription()
        for profile in profiles {
            demand.arrivalProfiles.removeAll { $0.id == profile.id }
            demand.arrivalProfiles.append(profile)
        }
        description.demand = demand
        changes.append("arrival profiles defined: \(profiles.map(\.id).joined(separator: ", "))")
    }

    /// `arrival-profile:`: a service's (or every service's) arrivals follow another profile.
    mutating func arrivalProfile(_ change: ProfileChange, _ operation: ScenarioOperation) {
        var demand = description.demand ?? DemandDescription()
        let flat = change.profile == "flat"
        if !flat, !demand.arrivalProfiles.contains(where: { $0.id == change.profile }) {
            let names = demand.arrivalProfiles.map(\.id)
            error(.unknownReference, "no arrival profile '\(change.profile)'", at: operation.location(of: "profile"),
                  hint: Suggestion.hint(for: change.profile, in: names + ["flat"]) ?? "define it under arrival-profiles:, or use 'flat'")
            return
        }
        if let key = change.service {
            guard checkService(key, for: operation) != nil else { return }
            guard let k = demand.services.firstIndex(where: { $0.service == key }) else {
                error(.noDemand, "the network has no demand for '\(key)': there are no arrivals to shape", at: operation.location(of: "service"))
                return
            }
            if change.emergency {
                error(.conflict, "emergencies follow one profile for every service: give emergency: true without a service", at: operation.location(of: "emergency"))
                return
            }
            demand.services[k].arrivalProfile = change.profile
        } else if change.emergency {
            demand.emergencyArrivalProfile = change.profile
        } else {
            demand.arrivalProfile = flat ? nil : change.profile
        }
        description.demand = demand
        changes.append("arrivals of \(change.emergency ? "every emergency" : change.service ?? "every service") follow \(flat ? "a constant rate" : "profile \(change.profile)")")
    }
}
