import CarePathSupport
import Foundation

/// What `carepath simulate --partial FILE` prints once its share of the replications is written.
public struct ShardSummary: Sendable {
    /// The partial written.
    public var partial: PartialResult
    /// Where it was written.
    public var path: String
    /// How long the shard took, loading included.
    public var wallSeconds: Double

    /// The summary of a shard.
    public init(partial: PartialResult, path: String, wallSeconds: Double) {
        self.partial = partial
        self.path = path
        self.wallSeconds = wallSeconds
    }

    private var indices: Range<Int> { (partial.indices.first ?? 0)..<((partial.indices.last ?? -1) + 1) }

    /// For people: the run, the replications, their patients and where the partial went.
    public func text() -> String {
        let identity = partial.identity
        let arrived = partial.replications.reduce(0) { $0 + $1.arrived }
        let visits = partial.replications.reduce(0) { $0 + $1.stationVisits }
        return """
            CarePath shard of \(identity.network.path)\(identity.scenario.map { " with scenario \($0.path)" } ?? "")
            replications \(indices.counted) of \(identity.replications) (indices \(indices.lowerBound)..<\(indices.upperBound)), \
            \(NumberFormat.significant(identity.days)) days (\(NumberFormat.significant(identity.warmupDays)) of warm-up excluded), seed \(identity.seed)
            Patients (these replications, warm-up included): arrived \(NumberFormat.grouped(arrived)), station visits \(NumberFormat.grouped(visits)); \(NumberFormat.fixed(wallSeconds, digits: 2)) s wall
            Partial result written to \(path) (merge the shards with carepath merge)

            """
    }

    /// For scripts.
    public func json() -> String {
        let members: [String: JSONValue] = [
            "partial": .string(path), "indices": .array(partial.indices.map { .int($0) }),
            "replications": .int(partial.identity.replications), "seed": .string(partial.identity.seed),
            "arrived": .int(partial.replications.reduce(0) { $0 + $1.arrived }),
            "stationVisits": .int(partial.replications.reduce(0) { $0 + $1.stationVisits }),
            "wallSeconds": .double(wallSeconds),
        ]
        return JSONValue.object(members).rendered() + "\n"
    }
}

/// The threads a shard may use: `SLURM_CPUS_PER_TASK` when Slurm gave the task a number of CPUs
/// (with `TaskPlugin=task/none` nothing confines a task to them), else every core.
public enum ShardThreads {
    /// The threads `environment` asks for, nil for every core.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Int? {
        environment["SLURM_CPUS_PER_TASK"].flatMap { Int($0) }.flatMap { $0 >= 1 ? $0 : nil }
    }
}
