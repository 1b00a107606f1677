import CarePathSupport
import CareNetwork
import Foundation
import LoadSimulation
import SimulationResults

/// A sweep laid out in its directory (Docs/sweeps.md, "Layout"):
///
///     DIR/shards/RUN/shard-K-of-M.partial  the partial of each shard (carepath simulate --partial)
///     DIR/results/RUN/                    the run's result.json and CSV tables (carepath merge)
///     DIR/comparisons/RUN.txt             carepath compare of the baseline with the run
///     DIR/slurm/                          the Slurm scripts and their logs (--emit slurm)
///
/// and which of its shards are done: a shard is done when its partial reads back complete, of the
/// same inputs (network and scenario by digest), configuration and CarePath version, with the
/// shard's replications; such a shard is not run again.
public struct SweepPlan: Sendable {
    /// The sweep file the plan is of.
    public let sweep: SweepFile
    /// The sweep's directory (`DIR` in the paths of a plan made without one).
    public let directory: String
    /// Whether the plan looked for the shards done (it had a directory).
    public let looked: Bool
    /// The CarePath version its partials must be of.
    public let version: String
    /// Every run, scenario by scenario, seed by seed.
    public let runs: [RunPlan]

    /// One run of the sweep: its inputs, loaded, and its shards.
    public struct RunPlan: Sendable {
        /// The scenario and seed.
        public let run: SweepFile.Run
        /// Its network and scenario, loaded.
        public let inputs: RunInputs
        /// Its days, warm-up, replications and seed.
        public let configuration: SimulationConfiguration
        /// Its shards, in order.
        public let shards: [Shard]
        /// The run's identity, as its partials must record it.
        public var identity: PartialResult.Identity { PartialResult.Identity(run: inputs.run, configuration: configuration) }
    }

    /// One shard: its replications, its partial's path, whether that partial is there and valid.
    public struct Shard: Sendable {
        /// 1-based, as `shard-K-of-M` names it.
        public let number: Int
        /// The run's replications it runs.
        public let replications: Range<Int>
        /// The path of its partial.
        public let partial: String
        /// Whether its partial is there, complete and of this run (it is not run again).
        public let done: Bool
    }

    /// Loads every run's network and scenario (their problems thrown, located, as ``SweepError``;
    /// their warnings given to `warn`) and looks in `directory`, if given, for the shards already done.
    public init(sweep: SweepFile, directory: String?, version: String, warn: ([Diagnostic]) -> Void = { _ in }) throws(SweepError) {
        self.sweep = sweep
        self.directory = directory.map(Self.trimmed) ?? "DIR"
        looked = directory != nil
        self.version = version
        var runs: [RunPlan] = []
        var loaded: [String?: RunInputs] = [:]
        var diagnostics: [Diagnostic] = []
        for scenario in sweep.scenarios {
            do {
                let inputs = try RunInputs(networkPath: sweep.network, scenarioPath: scenario.file, version: version)
                if !inputs.warnings.isEmpty { warn(inputs.warnings) }
                loaded[scenario.file] = inputs
            } catch {
                // Every scenario's problems at once; the network's, shared by all, once.
                guard error.message == nil else { throw error }
                for diagnostic in error.diagnostics where !diagnostics.contains(diagnostic) { diagnostics.append(diagnostic) }
            }
        }
        guard diagnostics.isEmpty else { throw SweepError(nil, diagnostics: diagnostics) }
        let base = self.directory, looked = self.looked
        for run in sweep.runs {
            let inputs = loaded[run.scenario.file]!
            var configuration = SimulationConfiguration(days: sweep.days, warmupDays: sweep.warmupDays, replications: sweep.replications, seed: run.seed)
            configuration.start = sweep.start
            let identity = PartialResult.Identity(run: inputs.run, configuration: configuration)
            let ranges = sweep.shards
            let width = String(ranges.count).count
            let shards = ranges.enumerated().map { k, range in
                let number = String(k + 1), padded = String(repeating: "0", count: width - number.count) + number
                let path = Self.join(base, "shards", run.id, "shard-\(padded)-of-\(ranges.count).partial")
                return Shard(number: k + 1, replications: range, partial: path, done: looked && Self.isDone(path, identity: identity, replications: range))
            }
            runs.append(RunPlan(run: run, inputs: inputs, configuration: configuration, shards: shards))
        }
        self.runs = runs
    }

    /// Whether the partial at `path` is complete (its length and digest those its header states),
    /// and of `identity` with exactly `replications`.
    static func isDone(_ path: String, identity: PartialResult.Identity, replications: Range<Int>) -> Bool {
        guard let data = FileManager.default.contents(atPath: path), let (header, _) = try? PartialResult.header(data, path: path, hint: "") else { return false }
        return header.identity == identity && header.indices == Array(replications)
    }

    /// The directory of a run's partials.
    public func shardDirectory(_ run: RunPlan) -> String { Self.join(directory, "shards", run.run.id) }
    /// The directory of a run's results.
    public func resultDirectory(_ run: RunPlan) -> String { Self.join(directory, "results", run.run.id) }
    /// The comparison of the baseline with `run`, nil for the baseline itself or without one.
    public func comparisonFile(_ run: RunPlan) -> String? {
        baselineRun(of: run).map { _ in Self.join(directory, "comparisons", run.run.id + ".txt") }
    }

    /// The baseline run `run` is compared with: the baseline scenario's run of the same seed; nil
    /// for the baseline itself or a sweep without one.
    public func baselineRun(of run: RunPlan) -> RunPlan? {
        guard let baseline = sweep.baseline, run.run.scenario.id != baseline else { return nil }
        return runs.first { $0.run.scenario.id == baseline && $0.run.seed == run.run.seed }
    }

    /// Shards, over every run.
    public var shardCount: Int { runs.reduce(0) { $0 + $1.shards.count } }
    /// Shards whose partial is there and valid.
    public var doneCount: Int { runs.reduce(0) { $0 + $1.shards.filter(\.done).count } }

    /// Creates the directories the shards write into (a partial is written into an existing folder).
    public func makeDirectories() throws(SweepError) {
        for run in runs {
            do { try FileManager.default.createDirectory(atPath: shardDirectory(run), withIntermediateDirectories: true) } catch {
                throw SweepError("cannot create '\(shardDirectory(run))': \((error as NSError).localizedDescription)")
            }
        }
    }

    /// The plan in a few lines: the runs, their shards, what is done.
    public func text() -> String {
        let sweep = self.sweep
        var lines = ["Sweep \(sweep.name.map { "'\($0)' " } ?? "")\(sweep.path): \(runs.count) run\(runs.count == 1 ? "" : "s") of \(sweep.network), "
            + "\(NumberFormat.significant(sweep.days)) days (\(NumberFormat.significant(sweep.warmupDays)) of warm-up excluded), \(sweep.replications) replication\(sweep.replications == 1 ? "" : "s") each, "
            + "\(sweep.shards.count) shard\(sweep.shards.count == 1 ? "" : "s") of \(sweep.shardSize)"]
        let years = Double(runs.count * sweep.replications) * sweep.days / 365
        lines.append("\(NumberFormat.format("%.3g", years)) replication-years in \(shardCount) shards" + (looked ? ", \(doneCount) done in \(directory)" : ""))
        for run in runs {
            let done = run.shards.filter(\.done).count
            let against = baselineRun(of: run).map { ", compared with \($0.run.id)" } ?? (sweep.baseline == run.run.scenario.id ? ", the baseline" : "")
            lines.append("  \(run.run.id): \(run.run.scenario.file ?? "the network as it is"), seed \(run.run.seed)" + (looked ? ", \(done)/\(run.shards.count) shards done" : "") + against)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func trimmed(_ path: String) -> String {
        var path = path
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        return path
    }

    static func join(_ parts: String...) -> String { parts.joined(separator: "/") }
}
