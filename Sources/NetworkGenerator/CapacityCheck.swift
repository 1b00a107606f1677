import CareNetwork
import Foundation
import LoadSimulation
import Referral

/// The offered load of every station (one service at one facility), with the real router and the
/// simulation's own model of the network: arrivals along each route, a consultation at each facility
/// passed through (emergency services always; referring consultations only with
/// `countsConsultationPassThrough`), and the referral rates' escalations up the chain, level by level.
/// The load of a station is its arrival rate (per minute, over the year) times its mean service time
/// (minutes); a station with opening hours does that work in its open hours, so its utilisation over
/// open hours is the load over the share of the year's server-time its timetable opens.
struct CapacityCheck {
    let network: CareNetwork
    /// Per facility id, per service id: the offered load in erlangs (over the whole year).
    private(set) var load: [String: [String: Double]] = [:]
    /// Per facility id, per service id: the share of the year's server-time its timetable opens
    /// (1 around the clock), over the 365 days from the simulation's default start date.
    private(set) var openShare: [String: [String: Double]] = [:]
    let visitCeiling: Double
    let stayCeiling: Double

    init(yaml: String, visitCeiling: Double, stayCeiling: Double, countsConsultationPassThrough: Bool) throws(GeneratorError) {
        do {
            network = try NetworkLoader.load(yaml: yaml, path: "<generated>")
        } catch {
            throw .network("does not load: \(error.description.split(separator: "\n").prefix(6).joined(separator: "; "))")
        }
        self.visitCeiling = visitCeiling
        self.stayCeiling = stayCeiling
        let table = RoutingTable(router: ReferralRouter(network: network))
        let model = SimulationModel(network: network, table: table)
        var visits = [Double](repeating: 0, count: model.stationCount)
        var treated = [Double](repeating: 0, count: model.stationCount)
        var routeRate = [Double](repeating: 0, count: model.routeOutcome.count)
        for source in 0..<model.sourceCount {
            var previous = 0.0
            for entry in Int(model.sourceEntryOffsets[source])..<Int(model.sourceEntryOffsets[source + 1]) {
                let share = model.entryCumulative[entry] - previous
                previous = model.entryCumulative[entry]
                routeRate[Int(model.entryRoute[entry])] += model.sourceRate[source] * share
            }
        }
        func walk(route: Int, rate: Double) {
            let steps = Int(model.routeOffsets[route])..<Int(model.routeOffsets[route + 1])
            // The stations passed through before the treating one: an emergency's emergency services
            // (P0), else the referring consultations, counted only when asked (see SynthesisParameters).
            let countsPasses = model.routeEmergency[route] || countsConsultationPassThrough
            for step in steps where model.routeStations[step] >= 0 && (countsPasses || step == steps.upperBound - 1) {
                visits[Int(model.routeStations[step])] += rate
            }
            if let last = steps.last, model.routeStations[last] >= 0 { treated[Int(model.routeStations[last])] += rate }
        }
        for route in 0..<model.routeOutcome.count where model.routeOutcome[route] == .treated && routeRate[route] > 0 {
            walk(route: route, rate: routeRate[route])
        }
        // Escalations go strictly up: settle the stations level by level.
        let level = (0..<model.stationCount).map { network.facilities[Int(model.stationFacility[$0])].tier.level }
        for current in 1...4 {
            for s in 0..<model.stationCount where level[s] == current && model.referralRate[s] > 0 && model.escalationRoute[s] >= 0 {
                walk(route: Int(model.escalationRoute[s]), rate: treated[s] * model.referralRate[s])
            }
        }
        // The day types of the 365 days from the simulation's default start, for every station's open share.
        let year = (0..<365).map { network.calendar.dayType(of: SimulationConfiguration.defaultStart.adding(days: $0)) }
        for s in 0..<model.stationCount {
            let facility = network.facilities[Int(model.stationFacility[s])].key
            let service = network.catalog[ServiceID(Int(model.stationService[s]))].key
            load[facility, default: [:]][service] = visits[s] * model.serviceTime[s].mean
            openShare[facility, default: [:]][service] = Self.openShare(model.stationHours[s], servers: Int(model.servers[s]), days: year)
        }
    }

    /// The share of the year's server-time `hours` opens for a station of `servers`, over `days` (the
    /// day types of the year's 365 days).
    static func openShare(_ hours: OpeningHours?, servers: Int, days: [DayType]) -> Double {
        guard let hours, servers > 0 else { return 1 }
        let perDayType = DayType.allCases.map { day in hours[day].reduce(0) { $0 + ($1.end - $1.start) * $1.servers } }
        let minutes = days.reduce(0) { $0 + perDayType[$1.rawValue] }
        return Double(minutes) / (Double(servers) * Double(days.count * 1440))
    }

    /// The utilisation over open hours of `capacity` servers (or beds) at a station of `load` that
    /// opens `share` of the year's server-time.
    static func utilisation(load: Double, capacity: Int, share: Double) -> Double { load / (Double(capacity) * max(share, 1e-9)) }

    /// Raises every capacity whose utilisation over open hours would exceed its ceiling
    /// (``visitCeiling``, ``stayCeiling``) to the least that keeps it below, as a per-facility
    /// override; returns the facilities, how many capacities were raised, the highest utilisation left
    /// and the beds in all.
    func raise(_ facilities: [GeneratedFacility], profiles: Profiles) -> (facilities: [GeneratedFacility], count: Int, highestUtilisation: Double, beds: Int) {
        var out = facilities
        var count = 0
        var highest = 0.0
        var beds = 0
        for i in out.indices {
            for entry in profiles.entries[out[i].profile] ?? [] {
                let current = out[i].services[entry.service] ?? entry.capacity
                var capacity = current
                let ceiling = entry.isStay ? stayCeiling : visitCeiling
                let share = openShare[out[i].id]?[entry.service] ?? 1
                if let offered = load[out[i].id]?[entry.service], Self.utilisation(load: offered, capacity: current, share: share) > ceiling {
                    capacity = Int((offered / (share * ceiling)).rounded(.up))
                    out[i].services[entry.service] = capacity
                    count += 1
                }
                if let offered = load[out[i].id]?[entry.service] { highest = max(highest, Self.utilisation(load: offered, capacity: capacity, share: share)) }
                if entry.isStay { beds += capacity }
            }
        }
        return (out, count, highest, beds)
    }
}
