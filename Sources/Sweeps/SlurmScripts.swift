import CarePathSupport
import CareNetwork
import Foundation

/// The Slurm jobs of a sweep (`carepath sweep FILE --emit slurm DIR`), written to `DIR/slurm/`:
///
/// - `shards.sbatch`: a job array, one task per shard not yet done, each one
///   `carepath simulate --replication-range A..<B --partial FILE` process;
/// - `merge.sbatch`: `carepath merge` of each run's partials into `DIR/results/RUN`, then
///   `carepath compare` of the baseline with every other run into `DIR/comparisons/RUN.txt`;
/// - `submit.sh`: submits the array, then the merge with `--dependency=afterok` on it.
///
/// The jobs run in the directory the sweep was emitted from (`--chdir`), where the sweep's
/// relative paths hold, with the carepath binary at `carepath` (an absolute path, or a name the
/// jobs' PATH finds once the sweep's `slurm: setup:` lines ran).
public struct SlurmScripts: Sendable {
    /// The sweep, loaded, with the shards already done (they get no task).
    public let plan: SweepPlan
    /// The carepath the jobs run.
    public let carepath: String
    /// The directory the jobs run in (absolute).
    public let workingDirectory: String

    /// The jobs of `plan`, running `carepath` in `workingDirectory`.
    public init(plan: SweepPlan, carepath: String, workingDirectory: String) {
        self.plan = plan
        self.carepath = carepath
        self.workingDirectory = workingDirectory
    }

    /// `DIR/slurm`.
    public var directory: String { plan.directory + "/slurm" }

    /// A word for the shell, single-quoted unless it is plain.
    static func quoted(_ word: String) -> String {
        if !word.isEmpty, word.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.contains($0) && $0.isASCII || "/._-+=:,%".unicodeScalars.contains($0) }) {
            return word
        }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// The shards not yet done, over every run, in plan order: the array's tasks 1, 2, ...
    public var tasks: [(run: SweepPlan.RunPlan, shard: SweepPlan.Shard)] {
        plan.runs.flatMap { run in run.shards.filter { !$0.done }.map { (run, $0) } }
    }

    private var name: String { "carepath-" + (plan.sweep.name.map(DocumentReader.kebabCased) ?? "sweep") }

    private func header(job: String, output: String, cpus: Int) -> [String] {
        let slurm = plan.sweep.slurm
        var lines = ["#!/bin/bash", "# Written by carepath sweep \(plan.sweep.path) --emit slurm \(plan.directory) (Docs/sweeps.md).",
                     "#SBATCH --job-name=\(job)", "#SBATCH --chdir=\(Self.quoted(workingDirectory))", "#SBATCH --output=\(Self.quoted(output))",
                     "#SBATCH --ntasks=1", "#SBATCH --cpus-per-task=\(cpus)"]
        if let partition = slurm.partition { lines.append("#SBATCH --partition=\(partition)") }
        if let account = slurm.account { lines.append("#SBATCH --account=\(account)") }
        if let time = slurm.time { lines.append("#SBATCH --time=\(time)") }
        if let memory = slurm.memory { lines.append("#SBATCH --mem=\(memory)") }
        return lines
    }

    private var setup: [String] {
        ["set -euo pipefail"] + (plan.sweep.slurm.setup.map { ["# The sweep file's slurm setup:", $0] } ?? []) + ["carepath=\(Self.quoted(carepath))"]
    }

    /// `shards.sbatch`, nil when every shard is done.
    public func shardsScript() -> String? {
        let tasks = self.tasks
        guard !tasks.isEmpty else { return nil }
        let sweep = plan.sweep
        var lines = header(job: name + "-shards", output: directory + "/logs/shard-%a.out", cpus: sweep.slurm.cpusPerTask ?? sweep.shardSize)
        lines.insert("#SBATCH --array=1-\(tasks.count)", at: 3)
        lines += setup
        lines.append("case \"$SLURM_ARRAY_TASK_ID\" in")
        for (t, (run, shard)) in tasks.enumerated() {
            var words = ["\"$carepath\"", "simulate", "--network", Self.quoted(sweep.network)]
            if let file = run.run.scenario.file { words += ["--scenario", Self.quoted(file)] }
            words += ["--days", NumberFormat.exact(sweep.days), "--warmup", NumberFormat.exact(sweep.warmupDays),
                      "--replications", String(sweep.replications), "--seed", String(run.run.seed), "--start", sweep.start.description,
                      "--replication-range", Self.quoted("\(shard.replications.lowerBound)..<\(shard.replications.upperBound)"),
                      "--partial", Self.quoted(shard.partial)]
            lines.append("  \(t + 1)) # \(run.run.id), shard \(shard.number) of \(run.shards.count)")
            lines.append("    exec " + words.joined(separator: " ") + " ;;")
        }
        lines.append("  *) echo \"no shard for array task $SLURM_ARRAY_TASK_ID\" >&2; exit 1 ;;")
        lines.append("esac")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `merge.sbatch`: the merges, then the comparisons.
    public func mergeScript() -> String {
        var lines = header(job: name + "-merge", output: directory + "/logs/merge.out", cpus: 1) + setup
        for run in plan.runs {
            lines.append("\"$carepath\" merge " + run.shards.map { Self.quoted($0.partial) }.joined(separator: " ") + " --out " + Self.quoted(plan.resultDirectory(run)))
        }
        let compared = plan.runs.compactMap { run in plan.baselineRun(of: run).map { (run, $0) } }
        if !compared.isEmpty {
            lines.append("mkdir -p " + Self.quoted(plan.directory + "/comparisons"))
            for (run, baseline) in compared {
                let file = plan.comparisonFile(run)!
                // Written beside, then renamed: a comparison is there whole or not at all.
                lines.append("\"$carepath\" compare " + Self.quoted(plan.resultDirectory(baseline) + "/result.json") + " "
                             + Self.quoted(plan.resultDirectory(run) + "/result.json") + " > " + Self.quoted(file + ".tmp"))
                lines.append("mv " + Self.quoted(file + ".tmp") + " " + Self.quoted(file))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `submit.sh`: the array, then the merge once every task of it succeeded.
    public func submitScript() -> String {
        var lines = ["#!/bin/sh", "# Submits the sweep's jobs: sh \(directory)/submit.sh (from any directory).", "set -eu", "cd \"$(dirname \"$0\")\""]
        if shardsScript() != nil {
            lines += ["shards=$(sbatch --parsable shards.sbatch)", "shards=${shards%%;*}",
                      "merge=$(sbatch --parsable --dependency=afterok:$shards --kill-on-invalid-dep=yes merge.sbatch)",
                      "echo \"shards: job $shards (\(tasks.count) tasks); merge: job ${merge%%;*}, after them\""]
        } else {
            lines += ["merge=$(sbatch --parsable merge.sbatch)", "echo \"every shard is done; merge: job ${merge%%;*}\""]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes the scripts (each whole or not at all) and the directories the jobs write into.
    public func write() throws(SweepError) {
        try plan.makeDirectories()
        do { try FileManager.default.createDirectory(atPath: directory + "/logs", withIntermediateDirectories: true) } catch {
            throw SweepError("cannot create '\(directory)/logs': \((error as NSError).localizedDescription)")
        }
        var files = [("merge.sbatch", mergeScript()), ("submit.sh", submitScript())]
        if let shards = shardsScript() { files.insert(("shards.sbatch", shards), at: 0) } else { try? FileManager.default.removeItem(atPath: directory + "/shards.sbatch") }
        for (name, text) in files {
            let path = directory + "/" + name
            do { try AtomicFile.write(text, to: path) } catch let failure as AtomicFile.Failure { throw SweepError(failure.description) } catch {
                throw SweepError("cannot write '\(path)': \(error)")
            }
            _ = try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        }
    }
}

extension NumberFormat {
    /// A double as the shortest text that reads back to it (`60`, `14.5`, `0.1`): days on a command line.
    static func exact(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
    }
}
