import Testing
@testable import LoadSimulation

/// The invariant checks report what they are for: each deliberately broken model or buffer is named.
/// (Debug builds assert the same checks when a model is built and after every window of the sweep.)
@Suite("Invariant checks")
struct InvariantTests {
    /// Two stations, a route through both, a source on it: a model without a problem.
    static func builder() -> SimulationModel.Builder {
        var model = SimulationModel.Builder()
        model.addStation(servers: 1, serviceTime: .exponential(mean: 1))
        model.addStation(servers: 2, serviceTime: .exponential(mean: 1))
        model.addSource(ratePerMinute: 0.5, entries: [(model.addRoute([0, 1]), false, 1)])
        return model
    }

    @Test("a model built right has no violation")
    func sound() {
        #expect(Self.builder().invariantViolations().isEmpty)
        #expect(Self.builder().build().invariantViolations().isEmpty)
    }

    @Test("a broken model is reported: a missing station, an escalation elsewhere than its route, a negative queue, a shared stream key, a revisited station")
    func brokenModels() {
        func violations(_ change: (inout SimulationModel.Builder) -> Void) -> [String] {
            var model = Self.builder()
            change(&model)
            return model.invariantViolations()
        }
        #expect(violations { $0.addRoute([7]) }.contains("a route names a missing station"))
        #expect(violations { $0.refer(0, rate: 0.1, to: 1, route: $0.addRoute([0])) }.contains("station 0's escalation route does not end at its escalation station"))
        #expect(violations { $0.setQueueCapacity(-1, station: 1) }.contains("a queue capacity is negative"))
        #expect(violations { $0.addSource(ratePerMinute: 1, entries: [(0, false, 1)], streamKey: 0) }.contains("two sources share a stream key"))
        #expect(violations { $0.refer(1, rate: 0.1, to: 0) }.contains { $0.contains("no referral order") })
    }

    /// A sweep of the stress model (an overloaded first station with patients waiting), run to its end.
    static func sweptRun() throws -> StationSweepRun {
        let plan = try #require(StationSweepPlan(StationSweepTests.stressModel(queueLimit: .max)))
        var run = StationSweepRun(plan: plan, horizonMinutes: 1440, warmupMinutes: 0, seed: 12, replication: 0)
        _ = run.run()
        return run
    }

    @Test("a corrupted sweep buffer is reported: lane indices out of order, a queue length that disagrees with the lanes, unswept arrivals, a wrong next event")
    func corruptedSweep() throws {
        let run = try Self.sweptRun()
        #expect(run.invariantViolations().isEmpty)
        // The first station (sweep position 0) has patients waiting in its lane of ordinary patients.
        let station = run.stations[0].id, lane = run.lanes + 1
        #expect(lane.pointee.waiting > 1 && run.stations[0].queueLength == lane.pointee.waiting)

        lane.pointee.admitted += 1
        #expect(run.invariantViolations().contains { $0.hasPrefix("station \(station): lane indices out of order") })
        lane.pointee.admitted -= 1

        run.stations[0].queueLength += 1
        #expect(run.invariantViolations().contains("station \(station): \(lane.pointee.waiting) waiting in the lanes, queue length \(lane.pointee.waiting + 1)"))
        run.stations[0].queueLength -= 1

        lane.pointee.scan -= 1
        #expect(run.invariantViolations().contains { $0.contains("arrivals left unswept after the window") })
        lane.pointee.scan += 1

        let next = run.nextEvent[0]
        run.nextEvent[0] = next + 1
        #expect(run.invariantViolations().contains { $0.hasPrefix("station \(station): next event") })
        run.nextEvent[0] = next
        #expect(run.invariantViolations().isEmpty)
    }

    #if DEBUG
    @Test("debug builds stop at building a broken model (the assertion fires)")
    func buildingABrokenModelAsserts() async {
        await #expect(processExitsWith: .failure) {
            var model = SimulationModel.Builder()
            model.addStation(servers: 1, serviceTime: .exponential(mean: 1))
            model.addRoute([3])
            _ = model.build()
        }
    }

    @Test("debug builds stop at a window whose buffers disagree (the assertion fires)")
    func aCorruptedWindowAsserts() async {
        await #expect(processExitsWith: .failure) {
            let run = try InvariantTests.sweptRun()
            run.stations[0].queueLength += 1
            run._checkInvariants(atEndOfWindow: 1440)
        }
    }
    #endif
}
