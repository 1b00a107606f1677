import CareNetwork
import Foundation
import Referral
import Testing
@testable import LoadSimulation

/// Common random numbers: every health centre draws its arrivals from a stream of its own and every
/// patient its service times and referrals from its own, so a scenario that changes nothing upstream
/// of a station leaves it exactly as it was, and `compare` sees the scenario's effect rather than
/// different luck.
@Suite("Common random numbers")
struct CommonRandomNumbersTests {
    @Test("more servers at one Atlas health centre: same arrivals everywhere, Oasis health centres bit for bit unchanged, shorter waits there")
    func serversAtOneCentre() throws {
        let base = try NetworkLoader.load(path: ScenarioTests.trainingPath)
        let baseModel = ScenarioTests.model(base)
        let application = try ScenarioTests.application("servers:\n  - {facility: cs-haouz-1, service: general-consultation, add: 3}\n")
        let variantModel = ScenarioTests.model(application)
        #expect(variantModel.stationCount == baseModel.stationCount)
        let configuration = SimulationConfiguration(days: 20, warmupDays: 2, replications: 2, seed: 21)
        let a = Simulation.run(baseModel, configuration: configuration)
        let b = Simulation.run(variantModel, configuration: configuration)
        // The same patients arrive on the same routes.
        #expect(a.arrived == b.arrived)
        #expect(a.routeArrivals == b.routeArrivals)
        let oasis = base.regions.first { $0.key == "oasis-pedago" }!.id
        var unchanged = 0
        for s in 0..<baseModel.stationCount {
            let facility = base.facilities[Int(baseModel.stationFacility[s])]
            guard facility.tier == .healthCentre, facility.region == oasis else { continue }
            // An Oasis health centre's queue depends only on its own patients and their own draws.
            #expect(a.stations[s].arrivals == b.stations[s].arrivals, "\(facility.key)")
            #expect(a.stations[s].utilisation == b.stations[s].utilisation, "\(facility.key)")
            #expect(a.stations[s].meanWait == b.stations[s].meanWait, "\(facility.key)")
            unchanged += 1
        }
        #expect(unchanged > 0)
        let centre = base.facilityID(key: "cs-haouz-1")!.index, consultation = base.catalog.id(forKey: "general-consultation")!.index
        let s = (0..<baseModel.stationCount).first { Int(baseModel.stationFacility[$0]) == centre && Int(baseModel.stationService[$0]) == consultation }!
        #expect(b.stations[s].meanWait.mean < a.stations[s].meanWait.mean)
        #expect(a.stations[s].arrivals == b.stations[s].arrivals)
    }

    @Test("demand ×1.5 in Atlas, and an Atlas health centre closed: every Oasis health centre keeps its patients, bit for bit")
    func demandInOneRegion() throws {
        let base = try NetworkLoader.load(path: ScenarioTests.trainingPath)
        let baseModel = ScenarioTests.model(base)
        let application = try ScenarioTests.application("demand:\n  - {region: atlas-pedago, scale: 1.5}\nclose: [cs-haouz-2]\n")
        let variant = application.network
        let variantModel = ScenarioTests.model(application)
        let configuration = SimulationConfiguration(days: 10, warmupDays: 1, replications: 2, seed: 8)
        let a = Simulation.run(baseModel, configuration: configuration)
        let b = Simulation.run(variantModel, configuration: configuration)
        #expect(b.arrived > a.arrived)
        let oasis = base.regions.first { $0.key == "oasis-pedago" }!.id
        // Routes and stations are matched by what they are (health centre, service, emergency; facility
        // and service): closing a facility renumbers them.
        func routes(_ model: SimulationModel, _ network: CareNetwork, _ result: SimulationResult) -> [String: Double] {
            var arrivals: [String: Double] = [:]
            for r in 0..<model.routeOutcome.count where model.routeOrigin[r] >= 0 {
                let centre = network.facilities[Int(model.routeOrigin[r])]
                guard centre.region == oasis else { continue }
                arrivals["\(centre.key) \(model.routeService[r]) \(model.routeEmergency[r])"] = result.routeArrivals[r]
            }
            return arrivals
        }
        let baseRoutes = routes(baseModel, base, a)
        #expect(baseRoutes.count > 10 && baseRoutes.values.reduce(0, +) > 1_000)
        #expect(routes(variantModel, variant, b) == baseRoutes)
        func centreStations(_ model: SimulationModel, _ network: CareNetwork, _ result: SimulationResult) -> [String: [Double]] {
            var figures: [String: [Double]] = [:]
            for s in 0..<model.stationCount {
                let facility = network.facilities[Int(model.stationFacility[s])]
                guard facility.tier == .healthCentre, facility.region == oasis else { continue }
                let station = result.stations[s]
                figures["\(facility.key) \(model.stationService[s])"] = [station.arrivals.mean, station.utilisation.mean, station.meanWait.mean, station.waitP90]
            }
            return figures
        }
        let baseStations = centreStations(baseModel, base, a)
        #expect(!baseStations.isEmpty)
        #expect(centreStations(variantModel, variant, b) == baseStations)
    }
}
