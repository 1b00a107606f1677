import CareNetwork
import Foundation
import Referral
import SimulationReference
import Testing
@testable import LoadSimulation

/// The station sweep (LoadSimulation's engine) against the reference event list
/// (Tests/SimulationReference): the same sample path, count for count, on networks and on hand-built
/// models that stress its lanes and heaps; and its referral order.
@Suite("Station sweep")
struct StationSweepTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func networkModel(_ file: String) throws -> SimulationModel {
        let network = try NetworkLoader.load(path: root.appendingPathComponent(file).path)
        return SimulationModel(network: network, table: RoutingTable(router: ReferralRouter(network: network)))
    }

    /// The model of a network file with its time model taken out (every station open around the clock,
    /// constant arrival rates): the engines' stationary path, which a model without hours or profiles
    /// takes (the time model is tested against exact results in TimeModelTests, and on both engines below).
    static func aroundTheClockModel(_ file: String) throws -> SimulationModel {
        var description = try NetworkLoader.describe(path: root.appendingPathComponent(file).path)
        description.calendar = nil
        for key in description.profiles.keys {
            for k in description.profiles[key]!.services.indices { description.profiles[key]!.services[k].hours = nil }
        }
        for f in description.facilities.indices {
            description.facilities[f] = description.facilities[f].with(hours: nil)
            for k in description.facilities[f].services.indices { description.facilities[f].services[k].hours = nil }
        }
        if var demand = description.demand {
            demand.arrivalProfiles = []
            demand.arrivalProfile = nil
            demand.emergencyArrivalProfile = nil
            for k in demand.services.indices { demand.services[k].arrivalProfile = nil }
            description.demand = demand
        }
        let network = try CareNetwork(description: description)
        let model = SimulationModel(network: network, table: RoutingTable(router: ReferralRouter(network: network)))
        #expect(!model.hasTimeModel)
        return model
    }

    /// Runs `model` on the sweep and on the reference engine and expects the same counts from every
    /// replication.
    static func expectSamePath(_ model: SimulationModel, _ configuration: SimulationConfiguration,
                               sourceLocation: Testing.SourceLocation = #_sourceLocation) -> SimulationResult {
        let sweep = Simulation.run(model, configuration: configuration)
        let eventList = ReferenceSimulation.run(model, configuration: configuration)
        #expect(sweep.replications.count == max(1, configuration.replications) && eventList.replications.count == sweep.replications.count,
                sourceLocation: sourceLocation)
        for (a, b) in zip(sweep.replications, eventList.replications) {
            #expect(a.arrived == b.arrived && a.completed == b.completed && a.inSystem == b.inSystem, sourceLocation: sourceLocation)
            #expect(a.notCovered == b.notCovered && a.unavailable == b.unavailable && a.turnedAway == b.turnedAway, sourceLocation: sourceLocation)
            #expect(a.stationVisits == b.stationVisits && a.events == b.events, sourceLocation: sourceLocation)
            #expect(a.arrivals == b.arrivals && a.served == b.served && a.maxQueue == b.maxQueue, sourceLocation: sourceLocation)
            #expect(a.turnedAwayAt == b.turnedAwayAt, sourceLocation: sourceLocation)
            // Busy time and waits are summed in the same order at each station: equal to the bit.
            #expect(a.utilisation == b.utilisation && a.meanWait == b.meanWait, sourceLocation: sourceLocation)
            #expect(a.waits.zeroWaits == b.waits.zeroWaits && a.waits.offsets == b.waits.offsets, sourceLocation: sourceLocation)
            #expect(a.waits.buckets == b.waits.buckets && a.waits.counts == b.waits.counts, sourceLocation: sourceLocation)
            #expect(a.linkFlow == b.linkFlow && a.routeRejected == b.routeRejected && a.routeArrivals == b.routeArrivals, sourceLocation: sourceLocation)
            #expect(a.arrived == a.completed + a.inSystem + a.notCovered + a.unavailable + a.turnedAway, sourceLocation: sourceLocation)
            // The day-end census: the same on both engines, whatever order they count in; its last day is the end.
            #expect(a.inSystemAtEndOfDay == b.inSystemAtEndOfDay, sourceLocation: sourceLocation)
            #expect(a.inSystemAtEndOfDay.last == a.inSystem && a.inSystemAtEndOfDay.allSatisfy { $0 >= 0 }, sourceLocation: sourceLocation)
            #expect(a.inSystemAtEndOfHour == b.inSystemAtEndOfHour && a.busyMinutes == b.busyMinutes, sourceLocation: sourceLocation)
            // The time to treatment per route; with a clock, the waits by hour and weekday, the
            // arrivals by hour, the overtime and the patients carried over at closing.
            #expect(a.timeToTreatment == b.timeToTreatment, sourceLocation: sourceLocation)
            #expect(a.hourlyWaits == b.hourlyWaits && a.arrivalsByHour == b.arrivalsByHour, sourceLocation: sourceLocation)
            #expect(a.overtimeMinutes == b.overtimeMinutes && a.carriedOver == b.carriedOver, sourceLocation: sourceLocation)
        }
        return sweep
    }

    @Test("the teaching network: the sweep follows the event list's sample path (P0 emergencies, referral rates, warm-up)")
    func teachingNetwork() throws {
        let model = try Self.networkModel("Networks/training-small.yaml")
        let result = Self.expectSamePath(model, SimulationConfiguration(days: 20, warmupDays: 3, replications: 2, seed: 31))
        #expect(result.stationVisits > 50_000)
        #expect(result.linkFlow.contains { $0.mean > 0 } && result.inSystem > 0)
    }

    @Test("the national network: one day, the same sample path on both engines")
    func nationalNetwork() throws {
        let model = try Self.aroundTheClockModel("Networks/morocco.yaml")
        let result = Self.expectSamePath(model, SimulationConfiguration(days: 1, warmupDays: 0.25, replications: 1, seed: 5))
        #expect(result.stationVisits > 100_000)
    }

    // The time model on both engines: the sweep handles a change of servers as an event of its
    // station, processed when the station is swept, and keeps waiting patients in its lanes across
    // closings; the reference puts every change in its one event list and its queues in intrusive
    // lists. Starting on a Friday takes the first run through a weekend closing of the health
    // centres and consultations, their night closings, the emergency services' night shift, and
    // the arrival profiles' hours; the overloaded one below adds overtime after closing.
    //
    // One thing is changed: the fixed service times (vaccination, 5 minutes; rehabilitation, 45)
    // become triangular ones of the same mean. Patients who waited for an opening start together, so
    // with a fixed time they finish together and reach the next station at the same instant; the two
    // engines then queue them in different but equally valid orders (the sweep by its heap, the
    // reference by its event sequence), and their waits part. Continuous times never tie.
    @Test("the national network with its opening hours, shifts and arrival profiles: the same sample path on both engines, over a weekend")
    func nationalNetworkTimed() throws {
        var yaml = try String(contentsOf: Self.root.appendingPathComponent("Networks/morocco.yaml"), encoding: .utf8)
        for value in [5, 45] {
            let fixed = "{distribution: fixed, value: \(value)}"
            #expect(yaml.contains(fixed))
            yaml = yaml.replacingOccurrences(of: fixed, with: "{distribution: triangular, min: \(value - 1), mode: \(value), max: \(value + 1)}")
        }
        #expect(!yaml.contains("distribution: fixed"))
        let network = try NetworkLoader.load(yaml: yaml, path: "morocco.yaml")
        let model = SimulationModel(network: network, table: RoutingTable(router: ReferralRouter(network: network)))
        #expect(model.hasTimeModel)
        var configuration = SimulationConfiguration(days: 4, warmupDays: 0.5, replications: 1, seed: 5)
        configuration.start = try #require(CalendarDate("2027-01-08"))
        let result = Self.expectSamePath(model, configuration)
        #expect(result.stationVisits > 200_000)
        let replication = try #require(result.replications.first)
        // 63 with seed 5: the health centres' and consultations' queues at their closings, beyond
        // the 30 minutes of overtime (the emergency services stay open on the closed date of 11 January).
        #expect(replication.carriedOver.reduce(0, +) > 30, "patients waited over the night and the weekend")
        #expect(replication.overtimeMinutes.reduce(0, +) > 0)
    }

    @Test("an overloaded station open 08:00-16:00 with a night shift downstream: overtime, carry-over and shift changes on both engines",
          arguments: [0, 90])
    func overloadedTimed(overtime: Int) {
        var model = SimulationModel.Builder()
        // The first station opens 08:00-16:00 with 2 servers, 3 from 10:00 to 12:00; the second
        // works around the clock with 3 servers by day and 1 at night; arrivals peak in the morning.
        let day = [OpeningHours.Shift(start: 480, end: 600, servers: 2), OpeningHours.Shift(start: 600, end: 720, servers: 3),
                   OpeningHours.Shift(start: 720, end: 960, servers: 2)]
        model.addStation(servers: 3, serviceTime: .exponential(mean: 12), hours: OpeningHours(days: Array(repeating: day, count: 8)))
        let shifts = [OpeningHours.Shift(start: 0, end: 480, servers: 1), OpeningHours.Shift(start: 480, end: 1200, servers: 3),
                      OpeningHours.Shift(start: 1200, end: 1440, servers: 1)]
        model.addStation(servers: 3, serviceTime: .lognormal(mean: 20, sd: 10), hours: OpeningHours(days: Array(repeating: shifts, count: 8)))
        model.addLink(from: 0, to: 1)
        var weights = [Double](repeating: 0.1, count: 24)
        for h in 7..<17 { weights[h] = h < 11 ? 3 : 1 }
        model.arrivalProfiles = [ArrivalProfile(id: "morning", hourly: Array(repeating: weights, count: 8), monthly: Array(repeating: 1, count: 12))]
        model.calendar = NetworkCalendar(overtimeMinutes: overtime)
        let tandem = model.addRoute([0, 1], links: [-1, 0])
        let emergency = model.addRoute([1])
        model.addSource(ratePerMinute: 0.2, entries: [(tandem, false, 0.9), (emergency, true, 0.1)], profile: 0)
        let result = Self.expectSamePath(model.build(), SimulationConfiguration(days: 12, warmupDays: 2, replications: 2, seed: 17))
        #expect(result.stations[0].carriedOver.mean > 1 && result.stations[0].overtimeMinutes.mean > 0)
    }

    /// A tandem under stress: an overloaded first station (λ = 1.3 a minute, μ = 1) with a bounded queue,
    /// emergencies entering at the second station (3 servers) and jumping its queue, 20% of the second's
    /// patients referred to a third with many servers.
    static func stressModel(queueLimit: Int32) -> SimulationModel {
        var model = SimulationModel.Builder()
        model.addStation(servers: 1, serviceTime: .exponential(mean: 1))
        model.addStation(servers: 3, serviceTime: .lognormal(mean: 1.2, sd: 0.8))
        model.addStation(servers: 40, serviceTime: .triangular(min: 10, mode: 20, max: 60))
        model.addLink(from: 0, to: 1)
        model.refer(1, rate: 0.2, to: 2, link: model.addLink(from: 1, to: 2))
        model.setQueueCapacity(queueLimit, station: 0)
        let tandem = model.addRoute([0, 1], links: [-1, 0])
        let emergency = model.addRoute([1])
        model.addSource(ratePerMinute: 1.3, entries: [(tandem, false, 0.85), (emergency, true, 0.1), (tandem, true, 0.05)])
        return model.build()
    }

    @Test("an overloaded station: lanes grow to thousands and compact, emergencies jump the queue, the same sample path",
          arguments: [Int32.max, 400])
    func overloaded(queueLimit: Int32) {
        let model = Self.stressModel(queueLimit: queueLimit)
        #expect(model.invariantViolations().isEmpty)
        let result = Self.expectSamePath(model, SimulationConfiguration(days: 4, warmupDays: 1, replications: 2, seed: 9))
        if queueLimit == .max {
            // About 0.3 × 1.3 patients a minute more than the first station serves: the queue grows past 1,000.
            #expect(result.stations[0].maxQueue > 1_000 && result.turnedAway == 0)
        } else {
            #expect(result.stations[0].maxQueue == Int(queueLimit) && result.turnedAway > 0)
        }
        #expect(result.stations[2].served.mean > 0 && result.isBalanced)
    }

    /// Debug builds assert the sweep's invariants after every window: 97-minute windows check them
    /// about 45 times here, through lanes that grow, compact and are fed by two stations.
    @Test("after every window, each station's lanes and heap agree with its record (overloaded, bounded, many servers)",
          arguments: [Int32.max, 400])
    func invariants(queueLimit: Int32) throws {
        let model = Self.stressModel(queueLimit: queueLimit)
        let plan = try #require(StationSweepPlan(model))
        var run = StationSweepRun(plan: plan, horizonMinutes: 3 * 1440, warmupMinutes: 0, seed: 12, replication: 0, windowMinutes: 97)
        let result = run.run()
        #expect(run.invariantViolations().isEmpty)
        #expect(result.maxQueue[0] > 100 && result.inSystem > 0)
    }

    @Test("deterministic service times and a horizon that cuts services short: the same sample path")
    func fixedTimes() {
        var model = SimulationModel.Builder()
        model.addStation(servers: 2, serviceTime: .fixed(1.7))
        model.addStation(servers: 1, serviceTime: .fixed(0.9))
        model.addLink(from: 0, to: 1)
        model.addSource(ratePerMinute: 1, entries: [(model.addRoute([0, 1], links: [-1, 0]), false, 1)])
        _ = Self.expectSamePath(model.build(), SimulationConfiguration(days: 0.7, warmupDays: 0.1, replications: 2, seed: 4))
    }

    @Test("the window length changes nothing: 7 minutes, 4 hours, a day and the whole horizon give the same counts")
    func windowLength() throws {
        let model = try Self.networkModel("Networks/training-small.yaml")
        let plan = try #require(StationSweepPlan(model))
        let results = [7.0, 240, 1440, 1e9].map { window in
            var run = StationSweepRun(plan: plan, horizonMinutes: 6 * 1440, warmupMinutes: 1440,
                                      seed: 3, replication: 1, windowMinutes: window)
            return run.run()
        }
        for other in results.dropFirst() {
            #expect(other.arrived == results[0].arrived && other.completed == results[0].completed && other.inSystem == results[0].inSystem)
            #expect(other.events == results[0].events && other.stationVisits == results[0].stationVisits)
            #expect(other.served == results[0].served && other.maxQueue == results[0].maxQueue)
            #expect(other.utilisation == results[0].utilisation && other.meanWait == results[0].meanWait)
            #expect(other.linkFlow == results[0].linkFlow && other.waits.counts == results[0].waits.counts)
        }
        #expect(results[0].stationVisits > 10_000)
    }

    @Test("a model whose route returns to a station it left has no referral order: the builder reports it, and the sweep has no plan for it")
    func cyclicModel() {
        var model = SimulationModel.Builder()
        model.addStation(servers: 1, serviceTime: .exponential(mean: 0.4))
        model.addStation(servers: 1, serviceTime: .exponential(mean: 0.4))
        model.addSource(ratePerMinute: 0.5, entries: [(model.addRoute([0, 1, 0]), false, 1)])
        #expect(model.invariantViolations().contains { $0.contains("no referral order") })
        let unchecked = SimulationModel(unchecked: model)
        #expect(unchecked.referralOrder() == nil && StationSweepPlan(unchecked) == nil)
    }

    /// Every station-to-station move of `model`: consecutive stations of each treated route, and a
    /// station that refers patients up to the stations of its escalation route.
    static func moves(_ model: SimulationModel) -> [(from: Int, to: Int)] {
        var moves: [(from: Int, to: Int)] = []
        func chain(_ from: Int, _ steps: Range<Int>) {
            var previous = from
            for k in steps where model.routeStations[k] >= 0 {
                if previous >= 0 { moves.append((previous, Int(model.routeStations[k]))) }
                previous = Int(model.routeStations[k])
            }
        }
        for r in 0..<model.routeOutcome.count where model.routeOutcome[r] == .treated {
            chain(-1, Int(model.routeOffsets[r])..<Int(model.routeOffsets[r + 1]))
        }
        for s in 0..<model.stationCount where model.escalation[s] >= 0 && model.referralRate[s] > 0 {
            let route = Int(model.escalationRoute[s])
            chain(s, Int(model.routeOffsets[route])..<Int(model.routeOffsets[route + 1]))
        }
        return moves
    }

    /// Whether a model built from a network can revisit a station: the engine question. The sweep
    /// needs an order of the stations in which every patient moves forward; the argument that a
    /// validated network always has one (``SimulationModel/referralOrder()``) is that every move climbs
    /// a level. Checked here on every bundled network and every bundled scenario (which close and open
    /// hospitals, reassign CHUs across regions, change capacities and bound queues).
    @Test("every bundled network and scenario: each patient move climbs a facility level, so the model has a referral order",
          arguments: [("Networks/training-small.yaml", nil), ("Networks/morocco.yaml", nil),
                      ("Networks/training-small.yaml", "Networks/scenarios/training-small-what-if.yaml"),
                      ("Networks/training-small.yaml", "Networks/scenarios/training-morning-peak.yaml"),
                      ("Networks/morocco.yaml", "Networks/scenarios/chu-agadir-closed.yaml"),
                      ("Networks/morocco.yaml", "Networks/scenarios/chu-laayoune-opens.yaml"),
                      ("Networks/morocco.yaml", "Networks/scenarios/demand-growth-souss-massa.yaml")] as [(String, String?)])
    func everyMoveClimbs(file: String, scenario: String?) throws {
        let path = Self.root.appendingPathComponent(file).path
        let network: CareNetwork, model: SimulationModel
        if let scenario {
            let application = try ScenarioLoader.load(scenarioPath: Self.root.appendingPathComponent(scenario).path, networkPath: path)
            network = application.network
            model = application.model(table: RoutingTable(router: ReferralRouter(network: network)))
        } else {
            network = try NetworkLoader.load(path: path)
            model = SimulationModel(network: network, table: RoutingTable(router: ReferralRouter(network: network)))
        }
        func level(_ station: Int) -> Int { network.facilities[Int(model.stationFacility[station])].tier.level }
        let moves = Self.moves(model)
        #expect(moves.count > model.stationCount / 2)
        let down = moves.filter { level($0.to) <= level($0.from) }
        #expect(down.isEmpty, "\(down.prefix(5).map { "\(network.facilities[Int(model.stationFacility[$0.from])].key) -> \(network.facilities[Int(model.stationFacility[$0.to])].key)" })")
        #expect(model.referralOrder() != nil)
    }

    @Test("the sweep order puts every station after every station that sends it patients", arguments: ["Networks/training-small.yaml", "Networks/morocco.yaml"])
    func referralOrder(file: String) throws {
        let model = try Self.networkModel(file)
        let plan = try #require(StationSweepPlan(model))
        let base = plan.base
        #expect(plan.order.count == model.stationCount && Set(plan.order).count == model.stationCount)
        func ascending(_ range: Range<Int>, after first: Int32 = -1) -> Bool {
            var previous = first
            for k in range where plan.steps[k].station >= 0 {
                if plan.steps[k].station <= previous { return false }
                previous = plan.steps[k].station
            }
            return true
        }
        for r in 0..<base.routeCount where base.routeOutcome[r] == .treated {
            #expect(ascending(Int(base.routeOffsets[r])..<Int(base.routeOffsets[r + 1])), "route \(r)")
        }
        var escalating = 0
        for p in 0..<plan.stationCount where plan.stations[p].parameters.referralRate > 0 {
            escalating += 1
            #expect(ascending(Int(plan.stations[p].parameters.escalationStart)..<Int(plan.stations[p].parameters.escalationEnd), after: Int32(p)))
        }
        #expect(escalating > 0)
        // Route heads name each route's first station.
        for r in 0..<base.routeCount where plan.heads[r].outcome == .treated {
            let head = plan.heads[r]
            #expect(head.passes || plan.steps[Int(head.firstStep)].station == head.station)
        }
    }
}
