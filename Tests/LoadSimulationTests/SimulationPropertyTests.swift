import CareNetwork
import Foundation
import Referral
import SimulationReference
import Testing
@testable import LoadSimulation

@Suite("Simulation properties")
struct SimulationPropertyTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func model(_ file: String) throws -> (CareNetwork, SimulationModel) {
        let network = try NetworkLoader.load(path: root.appendingPathComponent(file).path)
        let table = RoutingTable(router: ReferralRouter(network: network))
        return (network, SimulationModel(network: network, table: table))
    }

    @Test("every patient is accounted for: arrived = completed + in system + not covered + unavailable")
    func conservation() throws {
        let (_, model) = try Self.model("Networks/training-small.yaml")
        #expect(model.invariantViolations().isEmpty)
        let result = Simulation.run(model, configuration: SimulationConfiguration(days: 20, warmupDays: 2, replications: 3, seed: 7))
        #expect(result.arrived > 1000)
        #expect(result.isBalanced)
        for replication in result.replications {
            #expect(replication.arrived == replication.completed + replication.inSystem + replication.notCovered + replication.unavailable)
        }
        // training-small has a service no facility offers: some patients are unavailable.
        #expect(result.unavailable > 0)
    }

    @Test("the same seed gives identical results on 1 and on several threads; another seed differs")
    func determinism() throws {
        let (_, model) = try Self.model("Networks/training-small.yaml")
        let base = SimulationConfiguration(days: 5, warmupDays: 1, replications: 4, seed: 11)
        var single = base; single.threads = 1
        var many = base; many.threads = 4
        let a = Simulation.run(model, configuration: single), b = Simulation.run(model, configuration: many)
        #expect(a.arrived == b.arrived && a.events == b.events)
        #expect(a.stations.map(\.utilisation.mean) == b.stations.map(\.utilisation.mean))
        #expect(a.stations.map(\.waitP90) == b.stations.map(\.waitP90))
        #expect(a.linkFlow.map(\.mean) == b.linkFlow.map(\.mean))
        var other = base; other.seed = 12
        #expect(Simulation.run(model, configuration: other).arrived != a.arrived)
    }

    @Test("route outcomes: the names result.json and pathways.csv use, one byte each in the model's arrays")
    func routeOutcomes() {
        #expect(RouteOutcome.allCases.map(\.name) == ["treated", "not-covered", "unavailable"])
        #expect(MemoryLayout<RouteOutcome>.size == 1 && MemoryLayout<RouteOutcome>.stride == 1)
    }

    @Test("zero demand gives zero load")
    func zeroDemand() throws {
        let network = try NetworkLoader.load(path: Self.root.appendingPathComponent("Networks/training-small.yaml").path)
        var none = DemandScale(network: network)
        none.multiply(region: nil, service: nil, by: 0)
        let model = SimulationModel(network: network, table: RoutingTable(router: ReferralRouter(network: network)), demandScale: none)
        #expect(model.sourceCount > 0 && (0..<model.sourceCount).allSatisfy { model.sourceRate[$0] == 0 })
        let result = Simulation.run(model, configuration: SimulationConfiguration(days: 5, warmupDays: 0, replications: 2, seed: 1))
        #expect(result.arrived == 0 && result.stationVisits == 0)
        #expect(result.stations.allSatisfy { $0.utilisation.mean == 0 && $0.arrivals.mean == 0 })
    }

    @Test("the national network: one simulated day is balanced, loads every tier, and routes emergencies to hospitals (P0)")
    func national() throws {
        let (network, model) = try Self.model("Networks/morocco.yaml")
        #expect(model.invariantViolations().isEmpty)
        let result = Simulation.run(model, configuration: SimulationConfiguration(days: 1, warmupDays: 0, replications: 1, seed: 3))
        #expect(result.isBalanced)
        #expect(result.arrived > 100_000)
        var busyTiers = Set<Tier>()
        for station in result.stations where station.served.mean > 0 {
            busyTiers.insert(network.facilities[Int(model.stationFacility[station.station])].tier)
        }
        #expect(busyTiers.isSuperset(of: [.healthCentre, .provincialHospital, .regionalHospital, .universityHospital]))
        // Emergency entries start at a hospital (P0), never at a health centre.
        for entry in model.entryRoute.indices where model.entryEmergency[entry] {
            let route = Int(model.entryRoute[entry])
            guard model.routeOutcome[route] == .treated else { continue }
            let first = Int(model.routeStations[Int(model.routeOffsets[route])])
            #expect(network.facilities[Int(model.stationFacility[first])].tier.isHospital)
        }
    }

    @Test("P5: a patient referred up after treatment climbs one level at a time, seen at each level's consultation")
    func escalationClimbsLevelByLevel() throws {
        for file in ["Networks/training-small.yaml", "Networks/morocco.yaml"] {
            let (network, model) = try Self.model(file)
            #expect(model.invariantViolations().isEmpty)
            let specialist = network.catalog.id(forKey: "specialist-consultation")!.index
            var climbing = 0
            for s in 0..<model.stationCount where model.escalation[s] >= 0 {
                let route = Int(model.escalationRoute[s])
                #expect(route >= 0)
                let steps = Int(model.routeOffsets[route])..<Int(model.routeOffsets[route + 1])
                var from = FacilityID(Int(model.stationFacility[s]))
                let province = network[from].province
                for k in steps {
                    let to = FacilityID(Int(model.routeFacilities[k]))
                    // No level skipped: each step goes to the facility's next level, on the chain of the
                    // referring facility's province.
                    #expect(network.nextLevel(from: from, forPatientsOf: province) == to, "\(network[from].key) → \(network[to].key)")
                    #expect(network[to].tier.level == network[from].tier.level + 1)
                    // Every link is a real referral link between the two facilities.
                    let link = model.links[Int(model.routeLinks[k])]
                    #expect(Int(link.from) == from.index && Int(link.to) == to.index)
                    let station = Int(model.routeStations[k])
                    if k < steps.upperBound - 1, station >= 0 { #expect(Int(model.stationService[station]) == specialist) }
                    from = to
                }
                #expect(model.routeStations[steps.upperBound - 1] == model.escalation[s])
                if steps.count > 1 { climbing += 1 }
            }
            // The teaching network has escalations that climb past a level (a local hospital without
            // the service, then the regional hospital, to the CHU).
            if file.contains("training") { #expect(climbing > 0) }
        }
    }

    @Test("demand twice the capacity: the run stops at the patient limit instead of exhausting memory, and says when")
    func patientLimit() {
        // λ = 2, μ = 1: the queue grows by about one patient a minute.
        var builder = SimulationModel.Builder()
        builder.addStation(servers: 1, serviceTime: .exponential(mean: 1))
        builder.addSource(ratePerMinute: 2, entries: [(builder.addRoute([0]), false, 1)])
        let model = builder.build()
        var configuration = SimulationConfiguration(days: 30, warmupDays: 0, replications: 2, seed: 5)
        configuration.patientLimit = 10_000
        let result = Simulation.run(model, configuration: configuration)
        let stopped = result.stoppedEarly
        #expect(stopped != nil)
        // About 10,000 minutes (7 days) in, far before the 30-day horizon: at the end of the sweep's
        // first one-week window (10,080 minutes), with a little over 10,000 patients in the system.
        #expect((stopped?.minutes ?? 0) > 5_000 && (stopped?.minutes ?? .infinity) < 15_000, "\(String(describing: stopped))")
        #expect(result.replications.allSatisfy { $0.stoppedAt != nil && $0.inSystem > 9_000 && $0.inSystem <= 20_000 })
        // The reference engine stops at the arrival that finds 10,000 in the system.
        let eventList = ReferenceSimulation.run(model, configuration: configuration)
        #expect(eventList.replications.allSatisfy { $0.stoppedAt != nil && $0.inSystem <= 10_000 })
        #expect((eventList.stoppedEarly?.minutes ?? 0) > 5_000 && (eventList.stoppedEarly?.minutes ?? .infinity) < 15_000)
        // Within the limit the same model runs to the end.
        configuration.days = 2
        #expect(Simulation.run(model, configuration: configuration).stoppedEarly == nil)
    }
}

/// The patient limit is one memory budget shared by the replications running at once.
@Suite("Memory budget")
struct MemoryBudgetTests {
    @Test("each replication running at once gets an equal share of the budget, at most 2^25 patients; an explicit limit wins")
    func shares() {
        var configuration = SimulationConfiguration(days: 1, warmupDays: 0, replications: 4, seed: 1)
        let bytes = SimulationConfiguration.bytesPerPatient
        configuration.memoryBudget = bytes * 1_000_000
        #expect(configuration.patientLimit(concurrentReplications: 1) == 1_000_000)
        #expect(configuration.patientLimit(concurrentReplications: 2) == 500_000)
        configuration.memoryBudget = Int.max / 2
        #expect(configuration.patientLimit(concurrentReplications: 2) == SimulationConfiguration.maximumPatientLimit)
        configuration.memoryBudget = 1
        #expect(configuration.patientLimit(concurrentReplications: 8) == 1)
        configuration.patientLimit = 10
        #expect(configuration.patientLimit(concurrentReplications: 8) == 10)
        configuration.patientLimit = nil
        configuration.memoryBudget = nil
        // Half of this machine's memory, bytesPerPatient a patient.
        let expected = Int(ProcessInfo.processInfo.physicalMemory / 2) / (bytes * 2)
        #expect(configuration.patientLimit(concurrentReplications: 2) == min(expected, SimulationConfiguration.maximumPatientLimit))
    }

    @Test("an overloaded run stops at its share of the budget, reports the limit and the replications sharing it, whatever the thread count")
    func stopsAtShare() {
        // λ = 2, μ = 1: the queue grows by about one patient a minute.
        var builder = SimulationModel.Builder()
        builder.addStation(servers: 1, serviceTime: .exponential(mean: 1))
        builder.addSource(ratePerMinute: 2, entries: [(builder.addRoute([0]), false, 1)])
        let model = builder.build()
        var configuration = SimulationConfiguration(days: 30, warmupDays: 0, replications: 2, seed: 5, threads: 2)
        configuration.memoryBudget = SimulationConfiguration.bytesPerPatient * 20_000
        let shared = Simulation.run(model, configuration: configuration)
        #expect(shared.patientLimit == 10_000 && shared.concurrentReplications == 2)
        #expect(shared.stoppedEarly != nil)
        #expect(shared.replications.allSatisfy { $0.inSystem <= 2 * 10_000 })
        configuration.threads = 1
        let alone = Simulation.run(model, configuration: configuration)
        #expect(alone.patientLimit == 20_000 && alone.concurrentReplications == 1)
        #expect(alone.replications.allSatisfy { $0.stoppedAt != nil && $0.inSystem > 10_000 })
    }
}
