import Foundation
import LoadSimulation
import SimulationResults
import Testing
@testable import Sweeps

/// Collects a local sweep's progress lines.
final class Lines: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []
    func add(_ line: String) { lock.withLock { stored.append(line) } }
    var all: [String] { lock.withLock { stored } }
}

@Suite("Local sweeps and Slurm scripts")
struct LocalSweepTests {
    static func sweep(seed: Int = 5) throws -> SweepFile {
        try SweepFile.decode(Data("""
            schema: carepath-sweep/1
            network: \(Fixtures.network)
            days: 12
            warmup: 2
            replications: 4
            seed: \(seed)
            shard-size: 2
            scenarios:
              - id: base
              - id: what-if
                file: \(Fixtures.scenario)
            baseline: base

            """.utf8), path: "sweep.yaml")
    }

    static func contents(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    @Test("a local sweep writes each shard's partial and each run's results, equal to simulating the run at once")
    func runs() throws {
        let directory = try Fixtures.temporaryDirectory()
        let plan = try SweepPlan(sweep: try Self.sweep(), directory: directory, version: Fixtures.version)
        #expect(plan.shardCount == 4 && plan.doneCount == 0)
        let lines = Lines()
        let outcome = try LocalSweep(plan: plan, cores: 2).run { lines.add($0) }
        #expect(outcome.ran == 4 && outcome.skipped == 0)
        #expect(outcome.results == [directory + "/results/base", directory + "/results/what-if"])
        // In plan order, whatever order the shards finished in.
        #expect(lines.all.map { String($0.prefix(while: { $0 != ":" })) } == [
            "[1/4] base shard 1/2 (replications 1-2)", "[2/4] base shard 2/2 (replications 3-4)",
            "[3/4] what-if shard 1/2 (replications 1-2)", "[4/4] what-if shard 2/2 (replications 3-4)",
            "merged 2 partials into \(directory)/results/base", "merged 2 partials into \(directory)/results/what-if",
        ])
        let configuration = SimulationConfiguration(days: 12, warmupDays: 2, replications: 4, seed: 5)
        for (inputs, id) in [(Fixtures.base, "base"), (Fixtures.whatIf, "what-if")] {
            for (name, text) in try Fixtures.singleRun(inputs, configuration) {
                #expect(Self.contents("\(directory)/results/\(id)/\(name)") == Data(text.utf8), "\(id)/\(name)")
            }
        }
        #expect(plan.comparisonFile(plan.runs[1]) == directory + "/comparisons/what-if.txt" && plan.comparisonFile(plan.runs[0]) == nil)
    }

    @Test("a half-finished sweep resumes: the shards whose partial is complete and of the same run are not run again")
    func resumes() throws {
        let directory = try Fixtures.temporaryDirectory()
        let first = try SweepPlan(sweep: try Self.sweep(), directory: directory, version: Fixtures.version)
        _ = try LocalSweep(plan: first, cores: 2).run { _ in }
        let results = Self.contents(directory + "/results/what-if/result.json")
        let removed = first.runs[0].shards[1].partial, truncated = first.runs[1].shards[0].partial
        let kept = [first.runs[0].shards[0].partial, first.runs[1].shards[1].partial]
        try FileManager.default.removeItem(atPath: removed)
        let bytes = try #require(Self.contents(truncated))
        try bytes.prefix(bytes.count - 10).write(to: URL(fileURLWithPath: truncated))
        // Kept files are not rewritten: back-date them and look at the dates afterwards.
        let old = Date(timeIntervalSince1970: 1_000_000_000)
        for path in kept { try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: path) }

        let second = try SweepPlan(sweep: try Self.sweep(), directory: directory, version: Fixtures.version)
        #expect(second.doneCount == 2)
        #expect(second.runs.flatMap(\.shards).map(\.done) == [true, false, false, true])
        let lines = Lines()
        let outcome = try LocalSweep(plan: second, cores: 2).run { lines.add($0) }
        #expect(outcome.ran == 2 && outcome.skipped == 2)
        #expect(lines.all.prefix(2).map { String($0.prefix(while: { $0 != ":" })) } == ["[1/2] base shard 2/2 (replications 3-4)", "[2/2] what-if shard 1/2 (replications 1-2)"])
        for path in kept { #expect(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date == old) }
        #expect(Self.contents(directory + "/results/what-if/result.json") == results)

        // Another seed is another run: none of these partials is its.
        let reseeded = try SweepPlan(sweep: try Self.sweep(seed: 6), directory: directory, version: Fixtures.version)
        #expect(reseeded.doneCount == 0)
        // Nor is a partial of another CarePath version.
        #expect(try SweepPlan(sweep: try Self.sweep(), directory: directory, version: "test-2").doneCount == 0)
    }

    @Test("Slurm scripts: an array task per shard not done, each a carepath simulate of its replications; the merge after them")
    func slurmScripts() throws {
        let directory = try Fixtures.temporaryDirectory()
        var plan = try SweepPlan(sweep: try Self.sweep(), directory: directory, version: Fixtures.version)
        try plan.makeDirectories()
        try Fixtures.partial(Fixtures.base, plan.runs[0].configuration, 0..<2).write(to: plan.runs[0].shards[0].partial)
        plan = try SweepPlan(sweep: try Self.sweep(), directory: directory, version: Fixtures.version)
        let scripts = SlurmScripts(plan: plan, carepath: "/opt/carepath bin/carepath", workingDirectory: "/work/site")
        let shards = try #require(scripts.shardsScript())
        #expect(shards.contains("\n#SBATCH --array=1-3\n") && shards.contains("\n#SBATCH --chdir=/work/site\n"))
        #expect(shards.contains("\n#SBATCH --cpus-per-task=2\n") && shards.contains("\n#SBATCH --output=\(directory)/slurm/logs/shard-%a.out\n"))
        #expect(shards.contains("\ncarepath='/opt/carepath bin/carepath'\n"))
        let commands = shards.split(separator: "\n").filter { $0.hasPrefix("    exec ") }
        #expect(commands.count == 3)
        #expect(commands[0] == "    exec \"$carepath\" simulate --network \(Fixtures.network) --days 12 --warmup 2 --replications 4 --seed 5 --start 2027-01-04 --replication-range '2..<4' --partial \(directory)/shards/base/shard-2-of-2.partial ;;")
        #expect(commands[1].contains("--scenario \(Fixtures.scenario) ") && commands[1].contains("'0..<2'") && commands[2].contains("'2..<4'"))
        let merge = scripts.mergeScript()
        #expect(merge.contains("\"$carepath\" merge \(directory)/shards/base/shard-1-of-2.partial \(directory)/shards/base/shard-2-of-2.partial --out \(directory)/results/base\n"))
        #expect(merge.contains("\"$carepath\" compare \(directory)/results/base/result.json \(directory)/results/what-if/result.json > \(directory)/comparisons/what-if.txt.tmp\n"))
        let submit = scripts.submitScript()
        #expect(submit.contains("shards=$(sbatch --parsable shards.sbatch)") && submit.contains("--dependency=afterok:$shards") && submit.contains(" merge.sbatch)"))
        try scripts.write()
        for name in ["shards.sbatch", "merge.sbatch", "submit.sh"] { #expect(FileManager.default.fileExists(atPath: "\(directory)/slurm/\(name)")) }
        #expect(FileManager.default.fileExists(atPath: "\(directory)/slurm/logs"))

        // Every shard done: no array, the merge alone.
        for run in plan.runs { for shard in run.shards { try Fixtures.partial(run.inputs, run.configuration, shard.replications).write(to: shard.partial) } }
        let done = SlurmScripts(plan: try SweepPlan(sweep: try Self.sweep(), directory: directory, version: Fixtures.version), carepath: "carepath", workingDirectory: "/w")
        #expect(done.shardsScript() == nil && done.submitScript().contains("every shard is done") && !done.submitScript().contains("afterok"))
        try done.write()
        #expect(!FileManager.default.fileExists(atPath: "\(directory)/slurm/shards.sbatch"))
    }

    @Test("words for the shell: plain ones as they are, others single-quoted")
    func quoting() {
        #expect(SlurmScripts.quoted("Networks/morocco.yaml") == "Networks/morocco.yaml")
        #expect(SlurmScripts.quoted("0..<2") == "'0..<2'")
        #expect(SlurmScripts.quoted("it's here") == #"'it'\''s here'"#)
        #expect(SlurmScripts.quoted("$HOME") == "'$HOME'" && SlurmScripts.quoted("") == "''")
    }
}
