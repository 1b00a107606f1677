import CarePathSupport
import CareNetwork
import Foundation

extension ScenarioApplier {
    /// `servers:`: the facility gets its own `services:` entry for the service, copied from its
    /// current offer (its own, else its profile's) with the new count and time.
    mutating func capacity(_ change: CapacityChange, _ operation: ScenarioOperation) {
        let index = facility(change.facility, for: operation)
        let service = checkService(change.service, for: operation)
        guard let index, let service else { return }
        let isStay = service.kind == .stay
        if let given = change.givenAsStay, given != isStay {
            error(.serviceKind, isStay ? "'\(change.service)' is a stay: give beds and stay (days), not servers and time"
                                         : "'\(change.service)' is a visit: give servers and time (minutes), not beds and stay",
                  at: operation.location(of: "service"))
            return
        }
        let unit = isStay ? (beds: "beds", time: "stay", timeUnit: "d") : (beds: "servers", time: "time", timeUnit: "min")
        var offer: ServiceOfferDescription
        let before: (servers: Int, time: ServiceTimeDistribution)?
        if let current = self.offer(at: index, service: change.service) {
            offer = current
            before = (current.servers, current.time)
        } else if case .set(let n) = change.count, let time = change.time {
            // Not offered yet: servers and time make a new offer.
            offer = ServiceOfferDescription(service: change.service, servers: n, time: time, givenAsStay: isStay)
            before = nil
        } else {
            let offered = offeredServices(at: index)
            error(.serviceNotOffered, "'\(change.facility)' does not offer '\(change.service)'", at: operation.location(of: "service"),
                  hint: Suggestion.hint(for: change.service, in: offered)
                    ?? "to add it, give both \(unit.beds) and \(unit.time); it offers \(offered.isEmpty ? "nothing" : offered.joined(separator: ", "))")
            return
        }
        switch change.count {
        case .set(let n): offer.servers = n
        case .add(let n):
            guard offer.servers + n >= 1 else {
                error(.outOfRange, "add: \(n) would leave \(offer.servers + n) \(unit.beds) for '\(change.service)' at '\(change.facility)'; at least 1 must remain",
                      at: operation.location(of: "add"), hint: "to remove the facility, close it")
                return
            }
            offer.servers += n
        case nil: break
        }
        if let time = change.time { offer.time = time }
        if let factor = change.timeScale { offer.time = offer.time.scaled(by: factor) }
        // Problems the validator finds in this offer point at the scenario entry.
        offer.marks = SourceMarks(element: operation.location, fields: ["service": operation.location(of: "service")])
        var facility = description.facilities[index]
        facility.services.removeAll { $0.service == change.service }
        facility.services.append(offer)
        description.facilities[index] = facility

        var parts: [String] = []
        if let before {
            if before.servers != offer.servers { parts.append("\(before.servers) → \(offer.servers) \(unit.beds)") }
            if before.time != offer.time {
                parts.append("mean \(unit.time) \(Self.number(before.time.mean)) → \(Self.number(offer.time.mean)) \(unit.timeUnit)")
            }
            if parts.isEmpty { parts.append("unchanged") }
        } else {
            parts.append("new service, \(offer.servers) \(unit.beds), mean \(unit.time) \(Self.number(offer.time.mean)) \(unit.timeUnit)")
        }
        changes.append("\(change.facility) / \(change.service): " + parts.joined(separator: ", "))
    }

    /// `demand:`: checks the ids; the factors are applied when the model is built.
    mutating func demand(_ region: String?, _ service: String?, _ scale: Double, _ operation: ScenarioOperation) {
        if let region, !checkRegion(region, for: operation) { return }
        if let service {
            guard checkService(service, for: operation) != nil else { return }
            let visits = description.demand?.services.first { $0.service == service }?.visitsPerPerson ?? 0
            if visits == 0 {
                warning(.noDemand, "the network has no demand for '\(service)': scaling it changes nothing", at: operation.location(of: "service"),
                        hint: "the network's demand: section lists the services patients ask for")
            }
        }
        changes.append("demand ×\(Self.number(scale)) for \(service ?? "every service") in \(region.map { "region \($0)" } ?? "every region")")
        // Entries multiply where they overlap; their product is held to the range of one entry, so
        // that no set of entries, each within range, scales a demand beyond what the engine runs.
        demandEntries.append((region, service, scale))
        var worst: (factor: Double, region: String, service: String)?
        for r in description.regions.map(\.id) {
            for s in catalog.keys {
                let factor = demandEntries.reduce(1.0) { product, entry in
                    (entry.region ?? r) == r && (entry.service ?? s) == s ? product * entry.scale : product
                }
                if factor > Self.maximumDemandScale, worst == nil || factor > worst!.factor { worst = (factor, r, s) }
            }
        }
        if let worst {
            error(.outOfRange, "the demand entries so far multiply to ×\(Self.number(worst.factor)) for \(worst.service) in region \(worst.region); the product must be at most \(Self.number(Self.maximumDemandScale))",
                  at: operation.location(of: "scale"), hint: "entries that overlap multiply: lower one of them")
            demandEntries.removeLast()
        }
    }

    /// The largest factor one `demand:` entry may give, and the largest product of entries.
    static let maximumDemandScale = 100.0

    /// `queue-limit:`: checks the ids; the limits are applied when the model is built.
    mutating func queueLimit(_ limit: QueueLimitChange, _ operation: ScenarioOperation) {
        var index: Int?
        if let id = limit.facility {
            index = facility(id, for: operation)
            if index == nil { return }
        }
        if let key = limit.service {
            guard checkService(key, for: operation) != nil else { return }
            if let index, self.offer(at: index, service: key) == nil {
                let offered = offeredServices(at: index)
                error(.serviceNotOffered, "'\(limit.facility!)' does not offer '\(key)': there is no queue to bound", at: operation.location(of: "service"),
                      hint: Suggestion.hint(for: key, in: offered) ?? "it offers \(offered.isEmpty ? "nothing" : offered.joined(separator: ", "))")
                return
            }
        }
        let stations = [limit.facility ?? limit.tier.map { "every \($0.rawValue)" }, limit.service].compactMap { $0 }.joined(separator: " / ")
        changes.append("queue limit \(limit.limit) at \(stations)\(limit.service == nil ? " (every service)" : "")")
    }

    /// A number as a planner writes it: no trailing zeros.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e9 ? String(Int(value)) : String(format: "%.4g", value)
    }
}
