import LoadSimulation

/// Runs a ``SimulationModel`` on the reference engine (``EventListRun``), one replication after the
/// other, and gathers the result as ``Simulation/run(_:configuration:progress:)`` does: replication
/// `r` draws the same streams, and lands in slot `r`, on both engines. For the differential tests.
package enum ReferenceSimulation {
    package static func run(_ model: SimulationModel, configuration: SimulationConfiguration) -> SimulationResult {
        // The reference engine serves stations around the clock at constant rates: it has no clock.
        precondition(!model.hasTimeModel, "the reference engine does not simulate opening hours or arrival profiles")
        let plan = SimulationPlan(model)
        let replications = (0..<max(1, configuration.replications)).map { r in
            var run = EventListRun(plan: plan, horizonMinutes: configuration.days * 1440, warmupMinutes: configuration.warmupDays * 1440,
                                   seed: configuration.seed, replication: r)
            run.patientLimit = configuration.patientLimit(concurrentReplications: 1)
            return run.run()
        }
        return Simulation.aggregate(model: model, configuration: configuration, replications: replications)
    }
}
