import Foundation
import Testing

@Suite("carepath simulate --shard, merge and sweep")
struct SweepCommandTests {
    static let training = "Networks/training-small.yaml"
    static let whatIf = "Networks/scenarios/training-small-what-if.yaml"
    static let files = ["result.json", "stations.csv", "facilities.csv", "links.csv", "pathways.csv", "daily.csv"]

    static func same(_ a: String, _ b: String, files: [String] = files) -> [String] {
        files.filter { FileManager.default.contents(atPath: "\(a)/\($0)") == nil || FileManager.default.contents(atPath: "\(a)/\($0)") != FileManager.default.contents(atPath: "\(b)/\($0)") }
    }

    @Test("the shards of a run, merged, are byte for byte the run done at once (--shard and --replication-range, any order)")
    func shardsMerge() throws {
        let directory = try CLI.temporaryDirectory()
        let run = ["simulate", "--network", Self.training, "--days", "10", "--warmup", "2", "--replications", "5", "--seed", "9"]
        let whole = try CLI.run(run + ["--out", directory + "/whole"])
        #expect(whole.status == 0, "\(whole.stderr)")
        for (k, share) in [["--shard", "1/3"], ["--shard", "2/3"], ["--replication-range", "3..<5"]].enumerated() {
            let shard = try CLI.run(run + share + ["--partial", "\(directory)/part-\(k).partial"])
            #expect(shard.status == 0, "\(shard.stderr)")
            #expect(shard.stdout.contains("Partial result written to \(directory)/part-\(k).partial"))
        }
        let merge = try CLI.run(["merge", directory + "/part-2.partial", directory + "/part-0.partial", directory + "/part-1.partial", "--out", directory + "/merged"])
        #expect(merge.status == 0, "\(merge.stderr)")
        #expect(merge.stdout.hasPrefix("Merged 3 partials of Networks/training-small.yaml: 5 replications, 10 days (2 of warm-up excluded), seed 9\n"))
        #expect(Self.same(directory + "/whole", directory + "/merged").isEmpty)
        // --shard 2/3 of 5 is replications 2-3 (indices 1..<3): with 1/3 (0..<1) and 3..<5 they cover 0..<5 once.
        let json = try CLI.run(run + ["--shard", "2/3", "--partial", directory + "/p.partial", "--format", "json"])
        #expect(json.stdout.contains("\"indices\": [\n    1,\n    2\n  ]"), "\(json.stdout)")
    }

    @Test("simulate's shard options: wrong combinations and shares are usage errors (exit 64)")
    func shardUsage() throws {
        let run = ["simulate", "--network", Self.training, "--days", "3", "--replications", "4"]
        let cases: [([String], String)] = [
            (["--shard", "1/2"], "a shard writes a partial result: give --partial FILE"),
            (["--shard", "1/2", "--replication-range", "0..<2", "--partial", "p.json"], "give --shard or --replication-range, not both"),
            (["--shard", "3/2", "--partial", "p.json"], "--shard 3/2: K must be between 1 and M"),
            (["--shard", "1/5", "--partial", "p.json"], "--shard 1/5: 5 shards of 4 replications would leave some empty"),
            (["--shard", "half", "--partial", "p.json"], "--shard must be K/M, for example 2/4, not 'half'"),
            (["--replication-range", "2..<9", "--partial", "p.json"], "--replication-range 2..<9 is not a non-empty range within the run's 4 replications"),
            (["--partial", "p.json", "--out", "results"], "--partial writes a shard's raw replications, --out a run's results: give one"),
        ]
        for (arguments, message) in cases {
            let result = try CLI.run(run + arguments)
            #expect(result.status == 64, "\(arguments)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: CLI.packageRoot.appendingPathComponent("p.json").path))
    }

    @Test("merge refuses, exit 1 and nothing written: other runs' shards, missing or repeated replications, files that are not partials")
    func mergeRefuses() throws {
        let directory = try CLI.temporaryDirectory()
        let run = ["simulate", "--network", Self.training, "--days", "3", "--warmup", "1", "--replications", "4"]
        for (name, extra) in [("a", ["--seed", "1", "--shard", "1/2"]), ("b", ["--seed", "2", "--shard", "2/2"]), ("c", ["--seed", "1", "--shard", "2/2"]),
                              ("s", ["--seed", "1", "--shard", "2/2", "--scenario", Self.whatIf]), ("d", ["--seed", "1", "--days", "4", "--shard", "2/2"])] {
            #expect(try CLI.run(run + extra + ["--partial", "\(directory)/\(name).json"]).status == 0)
        }
        #expect(try CLI.run(run + ["--seed", "1", "--out", directory + "/result"]).status == 0)
        let cases: [([String], String)] = [
            (["a", "b"], "error: '\(directory)/b.json' is not a shard of the same run as '\(directory)/a.json': seed 1 vs 2\n"),
            (["a", "s"], "error: '\(directory)/s.json' is not a shard of the same run as '\(directory)/a.json': scenario none vs Networks/scenarios/training-small-what-if.yaml"),
            (["a", "d"], "days 3 vs 4"),
            (["a"], "error: 2 of the run's 4 replications are missing: 2..<4 (0-based indices); no partial holds them\n  hint: run the missing shards"),
            (["a", "c", "c"], "error: '\(directory)/c.json' is given twice\n"),
        ]
        for (names, message) in cases {
            let result = try CLI.run(["merge"] + names.map { "\(directory)/\($0).json" } + ["--out", directory + "/merged"])
            #expect(result.status == 1, "\(names)")
            #expect(result.stderr.contains(message), "\(names): \(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: directory + "/merged"))
        }
        let notPartial = try CLI.run(["merge", directory + "/result/result.json", "--out", directory + "/merged"])
        #expect(notPartial.status == 1 && notPartial.stderr.hasPrefix("error: '\(directory)/result/result.json' is not a partial result (its first line is not a partial's header)"))
        let none = try CLI.run(["merge", "--out", directory + "/merged"])
        #expect(none.status == 64)
    }

    static func sweepFile(in directory: String, extra: String = "") throws -> String {
        try CLI.temporaryFile("""
            schema: carepath-sweep/1
            network: \(training)
            days: 8
            warmup: 2
            replications: 4
            seed: 3
            shard-size: 2
            scenarios:
              - id: base
              - id: what-if
                file: \(whatIf)
            baseline: base
            \(extra)
            """, name: "sweep.yaml", in: directory)
    }

    @Test("sweep --local: each run's results are those of simulate --out, its comparison that of compare; run again, it runs nothing")
    func sweepLocal() throws {
        let directory = try CLI.temporaryDirectory()
        let file = try Self.sweepFile(in: directory)
        let sweep = try CLI.run(["sweep", file, directory + "/sweep", "--local"])
        #expect(sweep.status == 0, "\(sweep.stderr)")
        #expect(sweep.stderr.contains("[4/4] what-if shard 2/2 (replications 3-4): "))
        #expect(sweep.stdout == "Sweep done: 4 shards run, 0 already done; results in \(directory)/sweep/results/, comparisons with the baseline in \(directory)/sweep/comparisons/\n")
        let run = ["simulate", "--network", Self.training, "--days", "8", "--warmup", "2", "--replications", "4", "--seed", "3"]
        #expect(try CLI.run(run + ["--out", directory + "/base"]).status == 0)
        #expect(try CLI.run(run + ["--scenario", Self.whatIf, "--out", directory + "/what-if"]).status == 0)
        #expect(Self.same(directory + "/base", directory + "/sweep/results/base").isEmpty)
        #expect(Self.same(directory + "/what-if", directory + "/sweep/results/what-if").isEmpty)
        let compare = try CLI.run(["compare", directory + "/sweep/results/base/result.json", directory + "/sweep/results/what-if/result.json"])
        #expect(FileManager.default.contents(atPath: directory + "/sweep/comparisons/what-if.txt") == Data(compare.stdout.utf8))
        let again = try CLI.run(["sweep", file, directory + "/sweep", "--local"])
        #expect(again.status == 0 && again.stdout.hasPrefix("Sweep done: 0 shards run, 4 already done"))
    }

    @Test("sweep --emit slurm: its scripts, run task by task as Slurm runs them, then the merge, give the --local results byte for byte")
    func emittedScriptsRun() throws {
        let directory = try CLI.temporaryDirectory()
        let file = try Self.sweepFile(in: directory, extra: "slurm: {cpus-per-task: 1, setup: \"export CAREPATH_TEST_SETUP=1\"}")
        let emit = try CLI.run(["sweep", file, "--emit", "slurm", directory + "/slurm-sweep"])
        #expect(emit.status == 0, "\(emit.stderr)")
        #expect(emit.stdout.hasSuffix("Slurm jobs written to \(directory)/slurm-sweep/slurm: 4 shard tasks and a merge; submit them with: sh \(directory)/slurm-sweep/slurm/submit.sh\n"))
        let scripts = directory + "/slurm-sweep/slurm"
        let bash = URL(fileURLWithPath: "/bin/bash")
        for task in 1...4 {
            let result = try CLI.run([scripts + "/shards.sbatch"], environment: ["SLURM_ARRAY_TASK_ID": String(task)], executable: bash)
            #expect(result.status == 0, "task \(task): \(result.stderr)")
        }
        #expect(try CLI.run([scripts + "/shards.sbatch"], environment: ["SLURM_ARRAY_TASK_ID": "5"], executable: bash).status == 1)
        let merge = try CLI.run([scripts + "/merge.sbatch"], executable: bash)
        #expect(merge.status == 0, "\(merge.stderr)")
        #expect(try CLI.run(["sweep", file, directory + "/local-sweep", "--local"]).status == 0)
        for id in ["base", "what-if"] {
            #expect(Self.same(directory + "/local-sweep/results/" + id, directory + "/slurm-sweep/results/" + id).isEmpty, "\(id)")
            for shard in ["shard-1-of-2.partial", "shard-2-of-2.partial"] {
                #expect(Self.same(directory + "/local-sweep/shards/" + id, directory + "/slurm-sweep/shards/" + id, files: [shard]).isEmpty, "\(id)/\(shard)")
            }
        }
        let comparison = { (sweep: String) in
            (try? String(contentsOfFile: "\(directory)/\(sweep)/comparisons/what-if.txt", encoding: .utf8))?.replacingOccurrences(of: "\(directory)/\(sweep)", with: "DIR")
        }
        #expect(comparison("slurm-sweep") != nil && comparison("slurm-sweep") == comparison("local-sweep"))
        // Emitted again once every shard is done: the merge alone.
        #expect(try CLI.run(["sweep", file, "--emit", "slurm", directory + "/slurm-sweep"]).stdout.contains(": 0 shard tasks and a merge"))
        #expect(!FileManager.default.fileExists(atPath: scripts + "/shards.sbatch"))
    }

    @Test("a sweep file's problems are located diagnostics, exit 1; without a directory, sweeps/NAME")
    func sweepErrors() throws {
        let directory = try CLI.temporaryDirectory()
        let file = try CLI.temporaryFile("schema: carepath-sweep/1\nnetwork: \(Self.training)\ndays: 8\nreplications: 4\nshard_size: 2\nscenarios: [{id: base}]\nbaseline: bsae\n",
                                         name: "bad.yaml", in: directory)
        let result = try CLI.run(["sweep", file, directory + "/out", "--local"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(file):5:1: error: unknown key 'shard_size' in the sweep file [unknown-key]\n  hint: did you mean 'shard-size'?"), "\(result.stderr)")
        #expect(result.stderr.contains("\(file):7:11: error: baseline 'bsae' is not the id of one of the sweep's scenarios [unknown-reference]\n  hint: did you mean 'base'?"))
        #expect(!FileManager.default.fileExists(atPath: directory + "/out"))
        // Without a directory, --local writes to sweeps/NAME of the current directory.
        _ = try Self.sweepFile(in: directory)
        try FileManager.default.createSymbolicLink(atPath: directory + "/Networks", withDestinationPath: CLI.packageRoot.appendingPathComponent("Networks").path)
        let local = try CLI.run(["sweep", "sweep.yaml", "--local"], in: URL(fileURLWithPath: directory))
        #expect(local.status == 0 && local.stdout.hasPrefix("Sweep done: 4 shards run, 0 already done; results in sweeps/sweep/results/"), "\(local.stderr)")
        #expect(FileManager.default.fileExists(atPath: directory + "/sweeps/sweep/results/what-if/result.json"))
        let both = try CLI.run(["sweep", "sweep.yaml", "--local", "--emit", "slurm"], in: URL(fileURLWithPath: directory))
        #expect(both.status == 64 && both.stderr.contains("give --local or --emit slurm, not both"))
    }

    @Test("merge's and sweep's help: every example fits 80 columns and runs as written, in a directory that sees Networks/")
    func helpExamples() throws {
        let directory = try CLI.temporaryDirectory()
        try FileManager.default.createSymbolicLink(atPath: directory + "/Networks", withDestinationPath: CLI.packageRoot.appendingPathComponent("Networks").path)
        for command in ["merge", "sweep"] {
            let help = try CLI.run([command, "--help"], environment: ["COLUMNS": "80"])
            let (examples, problems) = HelpExampleTests.examples(in: help.stdout)
            #expect(help.status == 0 && problems.isEmpty, "\(command): \(problems)")
            #expect(examples.count == 3, "\(command): \(examples)")
            for example in examples {
                var arguments = example.split(separator: " ").dropFirst().map(String.init)
                // Shortened, as HelpTextTests shortens simulations: the last --days wins.
                if arguments.first == "simulate" { arguments += ["--days", "4"] }
                let result = try CLI.run(arguments, in: URL(fileURLWithPath: directory))
                #expect(result.status == 0, "\(example): \(result.stderr)")
            }
        }
        for output in ["results/merged/result.json", "sweeps/out/results/what-if/result.json", "sweeps/out/comparisons/what-if.txt", "sweeps/out/slurm/merge.sbatch"] {
            #expect(FileManager.default.fileExists(atPath: directory + "/" + output), "\(output) missing")
        }
    }
}
