import CarePathSupport
import Dispatch
import Foundation
import LoadSimulation
import SimulationResults

/// Runs a sweep on this machine: every shard not yet done, several at once over the cores, each
/// written as its partial; then each run's partials merged into its results, as the Slurm jobs do.
public struct LocalSweep: Sendable {
    /// The sweep, loaded, with the shards already done.
    public let plan: SweepPlan
    /// The cores to use; nil for every one.
    public var cores: Int?

    /// A local run of `plan` on `cores` cores (nil: every one).
    public init(plan: SweepPlan, cores: Int? = nil) {
        self.plan = plan
        self.cores = cores
    }

    /// What a finished local sweep did.
    public struct Outcome: Sendable {
        /// Shards run now (the others were done before).
        public var ran: Int
        /// Shards found done.
        public var skipped: Int
        /// Each run's result directory.
        public var results: [String]
    }

    /// Runs the shards not done, reporting one line each on `report` in plan order as they finish
    /// (`[3/8] what-if shard 2/4 (replications 3-4): 1.20 s wall`), then merges every run. A shard
    /// that fails leaves the others to finish (they are kept for a resume), then throws.
    public func run(report: @escaping @Sendable (String) -> Void) throws(SweepError) -> Outcome {
        try plan.makeDirectories()
        let jobs = plan.runs.flatMap { run in run.shards.filter { !$0.done }.map { (run: run, shard: $0) } }
        let cores = max(1, self.cores ?? ProcessInfo.processInfo.activeProcessorCount)
        let workers = max(1, min(cores, jobs.count))
        // Each worker a share of the cores and of the memory budget.
        let threads = max(1, cores / workers)
        let budget = Int(clamping: ProcessInfo.processInfo.physicalMemory / 2) / workers
        let board = JobBoard(count: jobs.count, report: report)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let j = board.take() {
                let (run, shard) = jobs[j]
                let started = Date()
                var configuration = run.configuration
                configuration.threads = threads
                configuration.memoryBudget = budget
                let batch = Simulation.run(run.inputs.model, configuration: configuration, replications: shard.replications)
                var line = "[\(j + 1)/\(jobs.count)] \(run.run.id) shard \(shard.number)/\(run.shards.count) (replications \(shard.replications.counted))"
                var failure: SweepError?
                if let stopped = batch.stoppedEarly {
                    failure = SweepError("\(run.run.id): replication \(stopped.replication + 1) stopped on day \(NumberFormat.fixed(stopped.minutes / 1440, digits: 1)) at its patient limit (\(NumberFormat.grouped(batch.patientLimit)) patients): demand is far beyond capacity",
                                         hint: "run that scenario with carepath simulate to see where the queues grow")
                } else {
                    do throws(SweepError) { try PartialResult(run: run.inputs.run, configuration: configuration, batch: batch).write(to: shard.partial) } catch { failure = error }
                }
                line += failure == nil ? ": \(NumberFormat.fixed(Date().timeIntervalSince(started), digits: 2)) s wall" : ": failed"
                board.finish(j, line: line, failure: failure)
            }
        }
        if let failure = board.failures.first {
            throw SweepError("\(board.failures.count) of \(jobs.count) shards failed; the others are kept, and running the sweep again runs only what is missing. First: \(failure.message ?? "")",
                             hint: failure.hint, diagnostics: failure.diagnostics)
        }
        var results: [String] = []
        for run in plan.runs {
            let merged = try PartialMerge.read(paths: run.shards.map(\.partial))
            let files = try merged.resultFiles(inputs: run.inputs)
            let destination = plan.resultDirectory(run)
            do {
                try FileManager.default.createDirectory(atPath: (destination as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try files.write(to: destination)
            } catch let failure as AtomicFile.Failure { throw SweepError(failure.description) } catch { throw SweepError("cannot write '\(destination)': \(error)") }
            report("merged \(run.shards.count) partial\(run.shards.count == 1 ? "" : "s") into \(destination)")
            results.append(destination)
        }
        return Outcome(ran: jobs.count, skipped: plan.shardCount - jobs.count, results: results)
    }
}

/// The shards of a local sweep, shared by its workers: hands them out in order, and reports each
/// finished one's line in plan order (a line waits for the shards before it).
final class JobBoard: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var lines: [String?]
    private var printed = 0
    private(set) var failures: [SweepError] = []
    private var failed: [(Int, SweepError)] = []
    private let report: @Sendable (String) -> Void

    init(count: Int, report: @escaping @Sendable (String) -> Void) {
        lines = Array(repeating: nil, count: count)
        self.report = report
    }

    func take() -> Int? {
        lock.withLock {
            guard next < lines.count else { return nil }
            defer { next += 1 }
            return next
        }
    }

    func finish(_ job: Int, line: String, failure: SweepError?) {
        lock.withLock {
            lines[job] = line
            if let failure {
                failed.append((job, failure))
                failures = failed.sorted { $0.0 < $1.0 }.map(\.1)
            }
            while printed < lines.count, let ready = lines[printed] {
                report(ready)
                printed += 1
            }
        }
    }
}
