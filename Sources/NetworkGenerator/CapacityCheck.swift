import CareNetwork
import Foundation
import LoadSimulation
import Referral

/// The offered load of every station (one service at one facility), with the real router and the
/// simulation's own model of the network: arrivals along each route, a consultation at each facility
/// passed through (emergency services always; referring consultations only with
/// `countsConsultationPassThrough`), and the referral rates' escalations up the chain, level by level.
/// The load of a station is its arrival rate (per minute) times its mean service time (minutes).
struct CapacityCheck {
    let network: CareNetwork
    /// Per facility id, per service id: the offered load in erlangs.
    private(set) var load: [String: [String: Double]] = [:]
    let target: Double

    init(yaml: String, target: Double, countsConsultationPassThrough: Bool) throws(GeneratorError) {
        do {
            network = try NetworkLoader.load(yaml: yaml, path: "<generated>")
        } catch {
            throw .network("does not load: \(error.description.split(separator: "\n").prefix(6).joined(separator: "; "))")
        }
        self.target = target
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
        for s in 0..<model.stationCount {
            let facility = network.facilities[Int(model.stationFacility[s])].key
            let service = network.catalog[ServiceID(Int(model.stationService[s]))].key
            load[facility, default: [:]][service] = visits[s] * model.serviceTime[s].mean
        }
    }

    /// Raises every capacity whose load exceeds `target` of it to load / target (rounded up), as a
    /// per-facility override; returns the facilities, how many capacities were raised, the highest
    /// utilisation left and the beds in all.
    func raise(_ facilities: [GeneratedFacility], profiles: Profiles) -> (facilities: [GeneratedFacility], count: Int, highestUtilisation: Double, beds: Int) {
        var out = facilities
        var count = 0
        var highest = 0.0
        var beds = 0
        for i in out.indices {
            for entry in profiles.entries[out[i].profile] ?? [] {
                let current = out[i].services[entry.service] ?? entry.capacity
                var capacity = current
                if let offered = load[out[i].id]?[entry.service], offered > target * Double(current) {
                    capacity = Int((offered / target).rounded(.up))
                    out[i].services[entry.service] = capacity
                    count += 1
                }
                if let offered = load[out[i].id]?[entry.service] { highest = max(highest, offered / Double(capacity)) }
                if entry.isStay { beds += capacity }
            }
        }
        return (out, count, highest, beds)
    }
}
