import CareNetwork
import Foundation
import Referral

/// `carepath route --measure-table --service ANY [--network FILE]` (hidden): times routing every public
/// health centre for every service, emergency or not, and prints routes per second. For the report and
/// quick checks; the benchmark of record is Benchmarks/Routing.
enum RulesTiming {
    static func measure(_ network: CareNetwork) -> String {
        let clock = ContinuousClock()
        let router = ReferralRouter(network: network)
        let centres = Array(network.healthCentres)
        let routes = centres.count * network.catalog.count * 2

        // The routing table (no reason text): repeat for at least a second.
        var tableRuns = 0, tableTime = Duration.zero, checksum = 0
        while tableTime < .seconds(1) {
            let start = clock.now
            let table = RoutingTable(router: router)
            tableTime += clock.now - start
            checksum &+= table.visits.count
            tableRuns += 1
        }
        // Full pathways with their reason text, one route() call each.
        var pathwayRuns = 0, pathwayTime = Duration.zero
        while pathwayTime < .seconds(1) {
            let start = clock.now
            for centre in centres {
                for service in network.catalog.services {
                    for emergency in [false, true] {
                        if let pathway = try? router.route(ReferralRequest(entry: .healthCentre(centre), service: service.id, emergency: emergency)) {
                            checksum &+= pathway.steps.count
                        }
                    }
                }
            }
            pathwayTime += clock.now - start
            pathwayRuns += 1
        }
        // A table lookup, as the simulation does it.
        let table = RoutingTable(router: router)
        let lookups = 10_000_000
        let start = clock.now
        var entry = 0
        for _ in 0..<lookups {
            checksum &+= Int(table.treatingFacility(entry: entry))
            entry = (entry + 7919) % table.entryCount
        }
        let lookupTime = clock.now - start

        func perSecond(_ count: Int, _ duration: Duration) -> String {
            let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
            return String(format: "%.3g", Double(count) / seconds)
        }
        return """
            \(centres.count) health centres x \(network.catalog.count) services x 2 = \(routes) routes
            routing table build: \(perSecond(routes * tableRuns, tableTime)) routes/s (\(tableRuns) builds)
            route() with reasons: \(perSecond(routes * pathwayRuns, pathwayTime)) routes/s (\(pathwayRuns) passes)
            table lookup:         \(perSecond(lookups, lookupTime)) lookups/s (checksum \(checksum & 0xff))
            """
    }
}
