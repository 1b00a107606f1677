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
    #endif
}
