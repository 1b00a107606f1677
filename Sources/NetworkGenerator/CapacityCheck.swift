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
    /// Per facility id, per service id: in the busiest month of the year (by the arrival profiles'
    /// months and the open days the calendar leaves), the month's offered load over the month's share
    /// of server-time, for a capacity of one: its utilisation over open hours that month is this over
    /// the capacity.
    private(set) var busiestMonth: [String: [String: Double]] = [:]
    let visitCeiling: Double
    let stayCeiling: Double
    let busiestMonthCeiling: Double

    init(yaml: String, visitCeiling: Double, stayCeiling: Double, busiestMonthCeiling: Double,
         countsConsultationPassThrough: Bool) throws(GeneratorError) {
        do {
            network = try NetworkLoader.load(yaml: yaml, path: "<generated>")
        } catch {
            throw .network("does not load: \(error.description.split(separator: "\n").prefix(6).joined(separator: "; "))")
        }
        self.visitCeiling = visitCeiling
        self.stayCeiling = stayCeiling
        self.busiestMonthCeiling = busiestMonthCeiling
        let table = RoutingTable(router: ReferralRouter(network: network))
        let model = SimulationModel(network: network, table: table)
        // The 365 days from the simulation's default start: their day types (for every station's open
        // share) and months, and each arrival profile's mean multiplier by month (as the simulation
        // scales it: a mean of 1 over these days; a constant rate is 1 every month).
        let start = SimulationConfiguration.defaultStart
        let year = (0..<365).map { network.calendar.dayType(of: start.adding(days: $0)) }
        let monthOfDay = (0..<365).map { start.adding(days: $0).month - 1 }
        let months = 12
        let monthDays = (0..<months).map { m in (0..<365).filter { monthOfDay[$0] == m }.map { year[$0] } }
        let profileMonths: [[Double]] = model.arrivalProfiles.map { profile in
            let rates = ClockPlan.hourlyRates(profile, calendar: model.calendar, start: start, days: 365)
            var sum = [Double](repeating: 0, count: months), hours = [Double](repeating: 0, count: months)
            for d in 0..<365 {
                sum[monthOfDay[d]] += rates[(24 * d)..<(24 * d + 24)].reduce(0, +)
                hours[monthOfDay[d]] += 24
            }
            return (0..<months).map { hours[$0] > 0 ? sum[$0] / hours[$0] : 0 }
        }
        // Per station, the year's arrival rate and each month's (`station × 12 + month`).
        var visits = [Double](repeating: 0, count: model.stationCount)
        var treated = [Double](repeating: 0, count: model.stationCount)
        var visitsByMonth = [Double](repeating: 0, count: model.stationCount * months)
        var treatedByMonth = [Double](repeating: 0, count: model.stationCount * months)
        var routeRate = [Double](repeating: 0, count: model.routeOutcome.count)
        var routeRateByMonth = [Double](repeating: 0, count: model.routeOutcome.count * months)
        for source in 0..<model.sourceCount {
            var previous = 0.0
            let profile = Int(model.sourceProfile[source])
            for entry in Int(model.sourceEntryOffsets[source])..<Int(model.sourceEntryOffsets[source + 1]) {
                let share = model.entryCumulative[entry] - previous
                previous = model.entryCumulative[entry]
                let route = Int(model.entryRoute[entry]), rate = model.sourceRate[source] * share
                routeRate[route] += rate
                for m in 0..<months { routeRateByMonth[route * months + m] += rate * (profile >= 0 ? profileMonths[profile][m] : 1) }
            }
        }
        func walk(route: Int, rate: Double, byMonth: [Double]) {
            let steps = Int(model.routeOffsets[route])..<Int(model.routeOffsets[route + 1])
            // The stations passed through before the treating one: an emergency's emergency services
            // (P0), else the referring consultations, counted only when asked (see SynthesisParameters).
            let countsPasses = model.routeEmergency[route] || countsConsultationPassThrough
            for step in steps where model.routeStations[step] >= 0 && (countsPasses || step == steps.upperBound - 1) {
                let s = Int(model.routeStations[step])
                visits[s] += rate
                for m in 0..<months { visitsByMonth[s * months + m] += byMonth[m] }
            }
            if let last = steps.last, model.routeStations[last] >= 0 {
                let s = Int(model.routeStations[last])
                treated[s] += rate
                for m in 0..<months { treatedByMonth[s * months + m] += byMonth[m] }
            }
        }
        for route in 0..<model.routeOutcome.count where model.routeOutcome[route] == .treated && routeRate[route] > 0 {
            walk(route: route, rate: routeRate[route], byMonth: Array(routeRateByMonth[(route * months)..<(route * months + months)]))
        }
        // Escalations go strictly up: settle the stations level by level (a patient referred on is
        // counted in the month it was treated in).
        let level = (0..<model.stationCount).map { network.facilities[Int(model.stationFacility[$0])].tier.level }
        for current in 1...4 {
            for s in 0..<model.stationCount where level[s] == current && model.referralRate[s] > 0 && model.escalationRoute[s] >= 0 {
                let rate = model.referralRate[s]
                walk(route: Int(model.escalationRoute[s]), rate: treated[s] * rate,
                     byMonth: (0..<months).map { treatedByMonth[s * months + $0] * rate })
            }
        }
        for s in 0..<model.stationCount {
            let facility = network.facilities[Int(model.stationFacility[s])].key
            let service = network.catalog[ServiceID(Int(model.stationService[s]))].key
            let mean = model.serviceTime[s].mean, servers = Int(model.servers[s])
            load[facility, default: [:]][service] = visits[s] * mean
            openShare[facility, default: [:]][service] = Self.openShare(model.stationHours[s], servers: servers, days: year)
            var busiest = 0.0
            for m in 0..<months {
                let share = Self.openShare(model.stationHours[s], servers: servers, days: monthDays[m])
                busiest = max(busiest, visitsByMonth[s * months + m] * mean / max(share, 1e-9))
            }
            busiestMonth[facility, default: [:]][service] = busiest
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
    /// override, and any whose utilisation over open hours in its busiest month would exceed
    /// ``busiestMonthCeiling`` to the least that keeps that month below; returns the facilities, how
    /// many capacities were raised, the highest utilisations left (over the year, and in a busiest
    /// month) and the beds in all.
    func raise(_ facilities: [GeneratedFacility], profiles: Profiles)
        -> (facilities: [GeneratedFacility], count: Int, highestUtilisation: Double, highestInBusiestMonth: Double, beds: Int) {
        var out = facilities
        var count = 0
        var highest = 0.0, highestMonth = 0.0
        var beds = 0
        for i in out.indices {
            for entry in profiles.entries[out[i].profile] ?? [] {
                let current = out[i].services[entry.service] ?? entry.capacity
                var capacity = current
                let ceiling = entry.isStay ? stayCeiling : visitCeiling
                let share = openShare[out[i].id]?[entry.service] ?? 1
                let busiest = busiestMonth[out[i].id]?[entry.service] ?? 0
                if let offered = load[out[i].id]?[entry.service],
                   Self.utilisation(load: offered, capacity: current, share: share) > ceiling || busiest / Double(current) > busiestMonthCeiling {
                    capacity = max(current, Int((offered / (share * ceiling)).rounded(.up)), Int((busiest / busiestMonthCeiling).rounded(.up)))
                    out[i].services[entry.service] = capacity
                    count += 1
                }
                if let offered = load[out[i].id]?[entry.service] {
                    highest = max(highest, Self.utilisation(load: offered, capacity: capacity, share: share))
                    highestMonth = max(highestMonth, busiest / Double(capacity))
                }
                if entry.isStay { beds += capacity }
            }
        }
        return (out, count, highest, highestMonth, beds)
    }
}
