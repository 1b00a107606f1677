import LoadSimulation

/// Runs a ``SimulationModel`` on the reference engine (``EventListRun``), one replication after the
/// other, and gathers the result as ``Simulation/run(_:configuration:progress:)`` does: replication
/// `r` draws the same streams, and lands in slot `r`, on both engines. For the differential tests.
package enum ReferenceSimulation {
    package static func run(_ model: SimulationModel, configuration: SimulationConfiguration) -> SimulationResult {
        Simulation.aggregate(model: model, configuration: configuration, replications: replications(model, configuration: configuration))
    }

    /// The replications' raw counts, for tests that compare them field by field.
    package static func replications(_ model: SimulationModel, configuration: SimulationConfiguration) -> [ReplicationResult] {
        let plan = SimulationPlan(model)
        let horizon = configuration.days * 1440
        let clock = model.hasTimeModel ? ClockPlan(model: model, start: configuration.start, horizonMinutes: horizon) : nil
        // The treatment of a health centre's route starts at its last step.
        var treatRoute = [Int32](repeating: -1, count: max(plan.stepCount, 1))
        for r in 0..<plan.routeCount where model.routeOrigin[r] >= 0 && plan.routeOutcome[r] == .treated {
            let end = Int(plan.routeOffsets[r + 1])
            if end > Int(plan.routeOffsets[r]) { treatRoute[end - 1] = Int32(r) }
        }
        return (0..<max(1, configuration.replications)).map { r in
            var run = EventListRun(plan: plan, horizonMinutes: horizon, warmupMinutes: configuration.warmupDays * 1440,
                                   seed: configuration.seed, replication: r, treatRoute: treatRoute, clock: clock)
            run.patientLimit = configuration.patientLimit(concurrentReplications: 1)
            return run.run()
        }
    }
}
