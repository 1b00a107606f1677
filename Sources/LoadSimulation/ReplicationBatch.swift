/// Some replications of a run, as ``Simulation/run(_:configuration:replications:progress:)`` simulated
/// them: their raw results in replication order, and the memory budget they ran with.
public struct ReplicationBatch: Sendable {
    /// The replications' indices in the run.
    public var indices: Range<Int>
    /// `results[i]`: replication `indices.lowerBound + i`.
    public var results: [ReplicationResult]
    /// The patient limit each replication ran with (``SimulationConfiguration/patientLimit(concurrentReplications:)``).
    public var patientLimit: Int
    /// The replications that ran at once, sharing the memory budget.
    public var concurrentReplications: Int

    /// The earliest time (minutes) a replication stopped at the patient limit, with that replication's
    /// index in the run; nil when all ran to the end.
    public var stoppedEarly: (replication: Int, minutes: Double)? {
        zip(indices, results).compactMap { r, result in result.stoppedAt.map { (r, $0) } }.min { $0.1 < $1.1 }
    }
}
