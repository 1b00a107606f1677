import CarePathSupport
import CareNetwork

/// Applies a scenario's network-level operations (close, open, chu, servers) to a network's
/// ``NetworkDescription`` and checks every id the scenario names (demand and queue-limit included)
/// against it, reporting each problem at the scenario file. The description is then validated by the
/// network's own validator (``ScenarioLoader``).
struct ScenarioApplier: DiagnosticRecorder {
    let scenario: Scenario
    let catalog: ServiceCatalog
    var description: NetworkDescription
    var diagnostics: [Diagnostic] = []
    /// One line per operation, for reports.
    var changes: [String] = []
    /// The demand entries so far (region, service, scale), to hold their product within the range of one.
    var demandEntries: [(region: String?, service: String?, scale: Double)] = []
    /// Facilities closed, with the operation that closed them.
    var closed: [String: ScenarioOperation] = [:]
    /// The closed facilities as the network described them.
    var closedFacilities: [String: FacilityDescription] = [:]

    init(scenario: Scenario, description: NetworkDescription, catalog: ServiceCatalog) {
        self.scenario = scenario
        self.description = description
        self.catalog = catalog
    }

    private var facilityIDs: [String] { description.facilities.map(\.id) }
    private var regionIDs: [String] { description.regions.map(\.id) }

    func facilityIndex(_ id: String) -> Int? { description.facilities.firstIndex { $0.id == id } }

    /// The facility an operation names, or nil after a diagnostic (unknown, or closed by this scenario).
    mutating func facility(_ id: String, for operation: ScenarioOperation, field: String = "facility") -> Int? {
        if let index = facilityIndex(id) { return index }
        if let closer = closed[id] {
            error(.closedFacility, "'\(id)' is closed by this scenario (line \(closer.location.line))", at: operation.location(of: field),
                  hint: "remove this entry, or do not close '\(id)'")
        } else {
            error(.unknownReference, "the network has no facility '\(id)'", at: operation.location(of: field),
                  hint: Suggestion.hint(for: id, in: facilityIDs))
        }
        return nil
    }

    mutating func checkService(_ key: String, for operation: ScenarioOperation) -> ServiceDefinition? {
        if let service = catalog.service(forKey: key) { return service }
        error(.unknownReference, "the service catalogue has no service '\(key)'", at: operation.location(of: "service"),
              hint: Suggestion.hint(for: key, in: catalog.keys))
        return nil
    }

    mutating func checkRegion(_ key: String, for operation: ScenarioOperation) -> Bool {
        if regionIDs.contains(key) { return true }
        error(.unknownReference, "the network has no region '\(key)'", at: operation.location(of: "region"),
              hint: Suggestion.hint(for: key, in: regionIDs) ?? "its regions are \(regionIDs.joined(separator: ", "))")
        return false
    }

    /// The offer of `service` at a facility as the validator will see it: the facility's own
    /// `services:` entry, else its profile's.
    func offer(at index: Int, service: String) -> ServiceOfferDescription? {
        let facility = description.facilities[index]
        if let own = facility.services.last(where: { $0.service == service }) { return own }
        guard let profile = facility.profile.flatMap({ description.profiles[$0] }) else { return nil }
        return profile.services.first { $0.service == service }
    }

    func offeredServices(at index: Int) -> [String] {
        let facility = description.facilities[index]
        let profiled = facility.profile.flatMap { description.profiles[$0] }?.services.map(\.service) ?? []
        return Array(Set(profiled + facility.services.map(\.service))).sorted()
    }

    mutating func apply() {
        let operations = scenario.operations
        for operation in operations { if case .close(let id) = operation.change { close(id, operation) } }
        for operation in operations {
            if case .open(let facility) = operation.change {
                description.facilities.append(facility)
                let profile = facility.profile.map { ", profile \($0)" } ?? ""
                changes.append("opened \(facility.id) (\(facility.tier.rawValue)\(facility.region.map { " in \($0)" } ?? "")\(profile))")
            }
        }
        var reassigned: [String: ScenarioOperation] = [:]
        var provincesReassigned: [String: ScenarioOperation] = [:], provincesRegional: [String: ScenarioOperation] = [:]
        for operation in operations {
            switch operation.change {
            case .chu(let region, let chu): reassign(region, to: chu, operation, &reassigned)
            case .provinceCHU(let province, let chu): reassign(province: province, field: "chu", to: chu, operation, &provincesReassigned)
            case .provinceRegionalHospital(let province, let hospital):
                reassign(province: province, field: "regional-hospital", to: hospital, operation, &provincesRegional)
            default: break
            }
        }
        checkClosedCHUs(reassigned: reassigned)
        // The calendar and the profiles first: hours and arrival-profile entries may name them.
        for operation in operations {
            switch operation.change {
            case .calendar(let calendar): self.calendar(calendar, operation)
            case .arrivalProfiles(let profiles): arrivalProfiles(profiles)
            default: break
            }
        }
        for operation in operations {
            switch operation.change {
            case .hours(let change): hours(change, operation)
            case .arrivalProfile(let change): arrivalProfile(change, operation)
            case .capacity(let change): capacity(change, operation)
            case .demand(let region, let service, let scale): demand(region, service, scale, operation)
            case .queueLimit(let limit): queueLimit(limit, operation)
            default: break
            }
        }
    }

    // MARK: close, chu

    private mutating func close(_ id: String, _ operation: ScenarioOperation) {
        if let first = closed[id] {
            error(.conflict, "'\(id)' is closed twice (first at line \(first.location.line))", at: operation.location)
            return
        }
        guard let index = facility(id, for: operation) else { return }
        let facility = description.facilities.remove(at: index)
        closed[id] = operation
        closedFacilities[id] = facility
        // Facilities that referred to it explicitly follow the derived chain instead.
        var dropped: [String] = []
        for i in description.facilities.indices where description.facilities[i].refersTo == id {
            description.facilities[i].refersTo = nil
            dropped.append(description.facilities[i].id)
        }
        // Provinces that sent their patients to it under P3 or P4 follow their region's chain instead,
        // unless this scenario gives them another target of that level.
        let given = Set(scenario.operations.compactMap { operation -> String? in
            switch operation.change {
            case .provinceCHU(let province, _) where facility.tier == .universityHospital: return province
            case .provinceRegionalHospital(let province, _) where facility.tier == .regionalHospital: return province
            default: return nil
            }
        })
        var provinces: [String] = []
        for i in description.provinces.indices {
            var named = false
            if description.provinces[i].regionalHospital == id { description.provinces[i].regionalHospital = nil; named = true }
            if description.provinces[i].chu == id { description.provinces[i].chu = nil; named = true }
            if named, !given.contains(description.provinces[i].id) { provinces.append(description.provinces[i].id) }
        }
        if !provinces.isEmpty {
            let rule = facility.tier.arrivalRule
            warning(.refersToDropped,
                    "\(provinces.count == 1 ? "province" : "provinces") \(provinces.map { "'\($0)'" }.joined(separator: ", ")) \(provinces.count == 1 ? "sends its" : "send their") patients to '\(id)' under \(rule): \(provinces.count == 1 ? "its" : "their") target is dropped and \(provinces.count == 1 ? "its" : "their") patients follow the region's chain",
                    at: operation.location, rule: rule,
                    hint: facility.tier == .universityHospital
                        ? "to send them to another CHU, add chu: {province: \(provinces[0]), chu: ...}"
                        : "to send them to another regional hospital, add regional-hospital: {province: \(provinces[0]), regional-hospital: ...}")
        }
        var line = "closed \(id) (\(facility.tier.rawValue)\(facility.region.map { " in \($0)" } ?? ""))"
        if !provinces.isEmpty { line += "; province target dropped at \(provinces.joined(separator: ", "))" }
        if !dropped.isEmpty {
            let rule = facility.tier.arrivalRule
            let names = dropped.prefix(5).joined(separator: ", ") + (dropped.count > 5 ? " and \(dropped.count - 5) more" : "")
            warning(.refersToDropped,
                    "\(dropped.count) facilit\(dropped.count == 1 ? "y refers" : "ies refer") to '\(id)' with refers-to (\(names)): the refers-to is dropped and the chain derived again (nearest public facility one level up in the region)",
                    at: operation.location, rule: rule)
            line += "; refers-to dropped at \(dropped.count) facilit\(dropped.count == 1 ? "y" : "ies"), chain re-derived"
        }
        changes.append(line)
    }

    private mutating func reassign(_ regionKey: String, to chu: String, _ operation: ScenarioOperation, _ reassigned: inout [String: ScenarioOperation]) {
        guard checkRegion(regionKey, for: operation) else { return }
        if let first = reassigned[regionKey] {
            error(.conflict, "region '\(regionKey)' is given a CHU twice (first at line \(first.location.line))", at: operation.location(of: "region"))
            return
        }
        guard facility(chu, for: operation, field: "chu") != nil else { return }
        reassigned[regionKey] = operation
        let r = description.regions.firstIndex { $0.id == regionKey }!
        let previous = description.regions[r].chu
        description.regions[r].chu = chu
        // The validator's P4 checks of this `chu:` (a CHU, public, in Morocco) point at the scenario.
        description.regions[r].marks.fields["chu"] = operation.location(of: "chu")
        changes.append("region \(regionKey) refers to \(chu) under P4 (\(previous == chu ? "unchanged" : "was \(previous ?? "its own CHU")"))")
    }

    /// Sets a province's own P3 (`field` "regional-hospital") or P4 (`field` "chu") target.
    private mutating func reassign(province key: String, field: String, to target: String, _ operation: ScenarioOperation,
                                   _ reassigned: inout [String: ScenarioOperation]) {
        guard let p = description.provinces.firstIndex(where: { $0.id == key }) else {
            error(.unknownReference, "the network has no province '\(key)'", at: operation.location(of: "province"),
                  hint: Suggestion.hint(for: key, in: description.provinces.map(\.id)))
            return
        }
        let what = field == "chu" ? "a CHU" : "a regional hospital", rule = field == "chu" ? "P4" : "P3"
        if let first = reassigned[key] {
            error(.conflict, "province '\(key)' is given \(what) twice (first at line \(first.location.line))", at: operation.location(of: "province"))
            return
        }
        guard facility(target, for: operation, field: field) != nil else { return }
        reassigned[key] = operation
        let previous: String?
        if field == "chu" {
            previous = description.provinces[p].chu
            description.provinces[p].chu = target
        } else {
            previous = description.provinces[p].regionalHospital
            description.provinces[p].regionalHospital = target
        }
        // The validator's checks of the province's target (its level, public, in Morocco) point at the scenario.
        description.provinces[p].marks.fields[field] = operation.location(of: field)
        changes.append("province \(key) refers to \(target) under \(rule) (\(previous == target ? "unchanged" : "was \(previous ?? "its region's chain")"))")
    }

    /// A closed CHU must not leave a region without one (P4): every region that named it with `chu:`,
    /// and its own region when that has no other CHU and no `chu:`, must be reassigned by the scenario.
    private mutating func checkClosedCHUs(reassigned: [String: ScenarioOperation]) {
        let remaining = description.facilities.filter { $0.tier == .universityHospital && $0.sector == .public && $0.country == "MA" }
        for (id, operation) in closed.sorted(by: { $0.value.location < $1.value.location }) {
            let original = scenarioClosedFacility(id)
            guard original?.tier == .universityHospital else { continue }
            var orphans = description.regions.filter { $0.chu == id && reassigned[$0.id] == nil }.map(\.id)
            if let home = original?.region, reassigned[home] == nil,
               let region = description.regions.first(where: { $0.id == home }), region.chu == nil,
               !remaining.contains(where: { $0.region == home }) {
                orphans.insert(home, at: 0)
            }
            guard !orphans.isEmpty else { continue }
            let nearest = original.flatMap { closedCHU in
                remaining.min { $0.location.distanceKm(to: closedCHU.location) < $1.location.distanceKm(to: closedCHU.location) }?.id
            }
            let hint = nearest.map { chu in
                "say where they go: chu: " + orphans.map { "{region: \($0), chu: \(chu)}" }.joined(separator: ", ") + " (\(chu) is the nearest remaining CHU)"
            } ?? "no public CHU remains: open one (open:) and name it under chu:"
            error(.closedCHUUnassigned,
                  "closing CHU '\(id)' leaves \(orphans.count == 1 ? "region" : "regions") \(orphans.map { "'\($0)'" }.joined(separator: ", ")) without a CHU to refer to",
                  at: operation.location, rule: .p4, hint: hint)
        }
    }

    /// The facility `id` as it was before the scenario closed it.
    private func scenarioClosedFacility(_ id: String) -> FacilityDescription? { closedFacilities[id] }
}
