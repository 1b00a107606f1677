import ArgumentParser
import CarePathSupport
import Foundation
import LoadSimulation
import CareNetwork
import Sweeps

/// `carepath sweep FILE [DIR] [--local | --emit slurm]`: a sweep of scenarios, planned, run here or emitted for Slurm.
struct Sweep: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a sweep of scenarios × replications here, or emit it as Slurm jobs.",
        discussion: """
            A sweep file (Docs/sweeps.md) names a network, its scenarios (one of them the baseline),
            the days, warm-up, replications, seeds and the shard size: the replications one
            `carepath simulate` process runs. Without --local or --emit, the file is checked and the
            plan printed.

            --local runs the shards not yet done on this machine's cores, writes each one's partial
            to DIR/shards/RUN/, merges each run into DIR/results/RUN/ (the files `carepath simulate
            --out` would write, byte for byte) and compares the baseline with each other run into
            DIR/comparisons/RUN.txt. A sweep stopped halfway resumes: a shard whose partial is there,
            complete and of the same inputs, is not run again.

            --emit slurm writes DIR/slurm/shards.sbatch (a job array, one task per shard not yet
            done), DIR/slurm/merge.sbatch (the merges and comparisons) and DIR/slurm/submit.sh, which
            submits both, the merge after the array (--dependency=afterok): run `sh
            DIR/slurm/submit.sh` on the cluster's login node.

            Examples:
              carepath sweep Networks/sweeps/training-small.yaml
              carepath sweep Networks/sweeps/training-small.yaml sweeps/out --local
              carepath sweep Networks/sweeps/training-small.yaml --emit slurm sweeps/out
            """.helpParagraphs
    )

    enum Scheduler: String, ExpressibleByArgument, CaseIterable { case slurm }

    @Argument(help: "The sweep file (YAML).") var file: String
    @Argument(help: "The sweep's directory: partials, results, comparisons and Slurm scripts go there. Default with --local or --emit: sweeps/NAME, NAME the sweep file's name without its extension.") var directory: String?
    @Flag(help: "Run the sweep on this machine.") var local = false
    @Option(help: "Write the sweep's jobs for a scheduler: slurm.") var emit: Scheduler?
    @Option(help: "With --emit: the carepath the jobs run (default: this one, by its absolute path).") var carepath: String?
    @Option(parsing: .unconditional, help: "With --local: the cores to use (default: every one).") var cores: Int?

    func validate() throws {
        guard !(local && emit != nil) else { throw ValidationError("give --local or --emit slurm, not both") }
        if let cores, !(1...4096).contains(cores) { throw ValidationError("--cores must be between 1 and 4096") }
        if carepath != nil, emit == nil { throw ValidationError("--carepath goes with --emit slurm") }
    }

    func run() throws {
        let failure = { (error: SweepError) in CommandFailure(error.message, hint: error.hint, diagnostics: error.diagnostics) }
        let plan: SweepPlan
        do {
            let sweep = try SweepFile.read(path: file)
            plan = try SweepPlan(sweep: sweep, directory: directory ?? (local || emit != nil ? Self.defaultDirectory(for: file) : nil), version: CarePathVersion.string) { StandardError.write(DiagnosticPrinter.text($0)) }
        } catch { throw failure(error) }
        if emit == .slurm {
            let binary = carepath ?? Self.executablePath()
            let scripts = SlurmScripts(plan: plan, carepath: binary, workingDirectory: FileManager.default.currentDirectoryPath)
            do { try scripts.write() } catch { throw failure(error) }
            print(plan.text(), terminator: "")
            print("Slurm jobs written to \(scripts.directory): \(scripts.tasks.count) shard task\(scripts.tasks.count == 1 ? "" : "s") and a merge; submit them with: sh \(scripts.directory)/submit.sh")
            return
        }
        guard local else {
            print(plan.text(), terminator: "")
            return
        }
        StandardError.write(plan.text())
        let outcome: LocalSweep.Outcome
        do { outcome = try LocalSweep(plan: plan, cores: cores).run { StandardError.write($0 + "\n") } } catch { throw failure(error) }
        var comparisons: [String] = []
        for run in plan.runs {
            guard let baseline = plan.baselineRun(of: run), let file = plan.comparisonFile(run) else { continue }
            let text = try Self.compare(plan.resultDirectory(baseline) + "/result.json", plan.resultDirectory(run) + "/result.json")
            do {
                try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try AtomicFile.write(text, to: file)
            } catch { throw CommandFailure("cannot write '\(file)': \(error)") }
            comparisons.append(file)
        }
        print("Sweep done: \(outcome.ran) shard\(outcome.ran == 1 ? "" : "s") run, \(outcome.skipped) already done; results in \(plan.directory)/results/"
              + (comparisons.isEmpty ? "" : ", comparisons with the baseline in \(plan.directory)/comparisons/"))
    }

    /// `carepath compare A B`'s output, by this carepath in a process of its own, as the Slurm merge job runs it.
    static func compare(_ baseline: String, _ other: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executablePath())
        process.arguments = ["compare", baseline, other]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch { throw CommandFailure("cannot run carepath compare: \(error)") }
        let text = out.fileHandleForReading.readDataToEndOfFile(), problem = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CommandFailure("carepath compare \(baseline) \(other) failed: \(String(decoding: problem, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// `sweeps/NAME`: the sweep file's name without its extension.
    static func defaultDirectory(for file: String) -> String {
        "sweeps/" + ((file as NSString).lastPathComponent as NSString).deletingPathExtension
    }

    /// This carepath's absolute path.
    static func executablePath() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
    }
}

/// The shard side of `carepath simulate` (`--shard`, `--replication-range`, `--partial`), kept here
/// with the rest of the sweeps so that Simulate.swift only declares the options.
extension Simulate {
    func validateShard() throws {
        guard shard != nil || replicationRange != nil || partial != nil else { return }
        guard shard == nil || replicationRange == nil else { throw ValidationError("give --shard or --replication-range, not both") }
        guard partial != nil else { throw ValidationError("a shard writes a partial result: give --partial FILE (and merge the partials with carepath merge)") }
        guard out == nil else { throw ValidationError("--partial writes a shard's raw replications, --out a run's results: give one (carepath merge --out DIR makes the results of partials)") }
        if case .failure(let error) = try share().indices(of: replications) { throw ValidationError(error.message ?? "") }
    }

    /// The replications this process runs: --shard, --replication-range, else all of them.
    func share() throws -> ReplicationShare {
        if let shard {
            guard let share = ReplicationShare.shard(parsing: shard) else { throw ValidationError("--shard must be K/M, for example 2/4, not '\(shard)'") }
            return share
        }
        if let replicationRange {
            guard let share = ReplicationShare.range(parsing: replicationRange) else {
                throw ValidationError("--replication-range must be A..<B, for example 4..<8, not '\(replicationRange)'")
            }
            return share
        }
        return .range(0..<replications)
    }

    /// `--partial FILE`: runs this process's share of the replications and writes them raw.
    func runShard(writingTo path: String) throws {
        let indices = try share().indices(of: replications).get()
        let inputs: RunInputs
        do { inputs = try RunInputs(networkPath: networkOptions.network ?? NetworkLoader.bundledNetworkPath, scenarioPath: networkOptions.scenario,
                                    version: CarePathVersion.string) } catch { throw CommandFailure(error.message, hint: error.hint, diagnostics: error.diagnostics) }
        if !inputs.warnings.isEmpty { StandardError.write(DiagnosticPrinter.text(inputs.warnings)) }
        // Before simulating: a shard that cannot write its partial should not first take minutes.
        let folder = (path as NSString).deletingLastPathComponent
        if folder.isEmpty || FileManager.default.fileExists(atPath: folder) {
            do { try AtomicFile.checkReplaceable(path) } catch { throw CommandFailure(error.description) }
        }
        let started = Date()
        var configuration = SimulationConfiguration(days: days, warmupDays: effectiveWarmup, replications: replications, seed: seed,
                                                    threads: ShardThreads.fromEnvironment())
        configuration.memoryBudget = memoryLimit.map { Int($0 * 1_073_741_824) }
        if let start { configuration.start = CalendarDate(start)! }
        let progress = ProgressLine(total: indices.count)
        let batch = Simulation.run(inputs.model, configuration: configuration, replications: indices) { replication, fraction in
            progress.update(replication: replication - indices.lowerBound, fraction: fraction)
        }
        progress.finish()
        if let stopped = batch.stoppedEarly {
            throw Self.stopped(stopped.replication, at: stopped.minutes, run: batch.results[stopped.replication - indices.lowerBound], patientLimit: batch.patientLimit,
                               concurrentReplications: batch.concurrentReplications, days: days, model: inputs.model, network: inputs.network)
        }
        let partial = PartialResult(run: inputs.run, configuration: configuration, batch: batch)
        do { try partial.write(to: path) } catch { throw CommandFailure(error.message, hint: error.hint) }
        let summary = ShardSummary(partial: partial, path: path, wallSeconds: Date().timeIntervalSince(started))
        print(output.format == .json ? summary.json() : summary.text(), terminator: "")
    }
}
