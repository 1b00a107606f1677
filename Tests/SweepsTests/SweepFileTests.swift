import CareNetwork
import Foundation
import Testing
@testable import Sweeps

@Suite("Sweep files")
struct SweepFileTests {
    static let valid = """
        schema: carepath-sweep/1
        name: test
        network: \(Fixtures.network)
        days: 30
        replications: 5
        seeds: [3, 4]
        shard-size: 2
        scenarios:
          - id: base
          - id: what-if
            file: \(Fixtures.scenario)
          - \(Fixtures.scenario)
        baseline: base
        slurm: {partition: short, time: "00:30:00", cpus-per-task: 2, setup: "module load swift/6"}

        """

    @Test("a valid file: its runs (scenario × seed), its shards, its defaults")
    func valid() throws {
        let sweep = try SweepFile.decode(Data(Self.valid.utf8), path: "s.yaml")
        #expect(sweep.days == 30 && sweep.warmupDays == 7.5 && sweep.replications == 5 && sweep.shardSize == 2)
        #expect(sweep.shards == [0..<2, 2..<4, 4..<5])
        #expect(sweep.scenarios.map(\.id) == ["base", "what-if", "training-small-what-if"])
        #expect(sweep.scenarios[0].file == nil && sweep.scenarios[2].file == Fixtures.scenario)
        #expect(sweep.runs.map(\.id) == ["base-seed-3", "base-seed-4", "what-if-seed-3", "what-if-seed-4", "training-small-what-if-seed-3", "training-small-what-if-seed-4"])
        #expect(sweep.baseline == "base" && sweep.slurm.partition == "short" && sweep.slurm.cpusPerTask == 2 && sweep.slurm.setup == "module load swift/6")
        let one = try SweepFile.decode(Data("schema: carepath-sweep/1\nnetwork: \(Fixtures.network)\ndays: 60\nreplications: 3\nscenarios: [{id: base}]\n".utf8), path: "s.yaml")
        #expect(one.seeds == [1] && one.shardSize == 1 && one.warmupDays == 14 && one.runs.map(\.id) == ["base"] && one.baseline == nil)
    }

    /// The diagnostics of a sweep file, as `file:line:column: severity: message [code]` lines.
    static func diagnostics(_ text: String) -> [String] {
        do {
            _ = try SweepFile.decode(Data(text.utf8), path: "s.yaml")
            return []
        } catch { return error.diagnostics.map { String($0.description.split(separator: "\n")[0]) } }
    }

    @Test("each problem located at its line and column, with a did-you-mean where a name is near")
    func located() {
        let text = """
            schema: carepath-sweep/1
            network: \(Fixtures.network)
            days: 30
            warmup: 30
            replications: 4
            shard-sise: 2
            seed: -1
            scenarios:
              - id: base
              - id: base
              - id: Bad_Id
              - {id: x, file: nowhere.yaml, extra: 1}
            baseline: bsae
            slurm: {partition: "a b", cpus: 2}

            """
        let found = Self.diagnostics(text)
        let expected = [
            "s.yaml:4:9: error: warmup is 30 days; it must be less than days (30) [out-of-range]",
            "s.yaml:6:1: error: unknown key 'shard-sise' in the sweep file [unknown-key]",
            "s.yaml:7:7: error: a seed must be a whole number from 0 to 18446744073709551615, found a number [wrong-type]",
            "s.yaml:10:9: error: scenario id 'base' is used twice (first at line 9) [duplicate-id]",
            "s.yaml:11:9: error: scenario id 'Bad_Id' is not a lowercase kebab-case id [invalid-id]",
            "s.yaml:12:19: error: scenario file 'nowhere.yaml' cannot be read [file-unreadable]",
            "s.yaml:12:33: error: unknown key 'extra' in scenario entry [unknown-key]",
            "s.yaml:13:11: error: baseline 'bsae' is not the id of one of the sweep's scenarios [unknown-reference]",
            "s.yaml:14:20: error: slurm partition 'a b' must be one word (no spaces or quotes) [invalid-value]",
            "s.yaml:14:27: error: unknown key 'cpus' in slurm [unknown-key]",
        ]
        for line in expected { #expect(found.contains { $0.hasPrefix(line) }, "missing: \(line)\nfound:\n\(found.joined(separator: "\n"))") }
        #expect(found.count == expected.count, "\(found.joined(separator: "\n"))")
        // The hints: did you mean, and where relative paths are read from.
        do { _ = try SweepFile.decode(Data(text.utf8), path: "s.yaml") } catch {
            let hints = error.diagnostics.compactMap(\.hint)
            #expect(hints.contains("did you mean 'shard-size'?"))
            #expect(hints.contains("did you mean 'base'?"))
            #expect(hints.contains { $0.hasPrefix("paths in a sweep file are read from the directory carepath runs in") })
        }
    }

    @Test("the wrong schema, a missing key, ranges, no scenarios, seed and seeds together")
    func refused() {
        #expect(Self.diagnostics("schema: carepath-network/1\nregions: []\n") == ["s.yaml:1:9: error: unsupported sweep schema 'carepath-network/1' [schema]"])
        let missing = Self.diagnostics("schema: carepath-sweep/1\nnetwork: \(Fixtures.network)\ndays: 30\nscenarios: [{id: a}]\n")
        #expect(missing == ["s.yaml:1:1: error: the sweep file has no 'replications' [missing-key]"])
        let ranges = Self.diagnostics("schema: carepath-sweep/1\nnetwork: \(Fixtures.network)\ndays: 0\nreplications: 1001\nshard-size: 0\nscenarios: []\n")
        #expect(ranges.contains { $0.hasPrefix("s.yaml:3:7: error: days is 0; it must be more than 0 and at most 3660 (ten years)") })
        #expect(ranges.contains { $0.hasPrefix("s.yaml:4:15: error: replications is 1001; it must be between 1 and 1,000") })
        #expect(ranges.contains { $0.hasPrefix("s.yaml:5:13: error: shard-size is 0; it must be between 1 and 1,000") })
        #expect(ranges.contains { $0.hasPrefix("s.yaml:6:12: error: the sweep lists no scenarios") })
        let shard = Self.diagnostics("schema: carepath-sweep/1\nnetwork: \(Fixtures.network)\ndays: 3\nreplications: 2\nshard-size: 3\nscenarios: [{id: a}]\n")
        #expect(shard == ["s.yaml:5:13: error: shard-size is 3; it must be at most replications (2) [out-of-range]"])
        let seeds = Self.diagnostics("schema: carepath-sweep/1\nnetwork: \(Fixtures.network)\ndays: 3\nreplications: 2\nseed: 1\nseeds: [1, 1]\nscenarios: [{id: a}]\n")
        #expect(seeds == ["s.yaml:6:1: error: give seed or seeds, not both [conflict]"])
        let twice = Self.diagnostics("schema: carepath-sweep/1\nnetwork: \(Fixtures.network)\ndays: 3\nreplications: 2\nseeds: [1, 1]\nscenarios: [{id: a}]\n")
        #expect(twice == ["s.yaml:5:12: error: seed 1 is listed twice [duplicate-id]"])
        #expect(Self.diagnostics("schema: carepath-sweep/1\nnetwork: [\n").first?.hasPrefix("s.yaml:") == true)
        #expect(Self.diagnostics("schema: carepath-sweep/1\nnetwork: nowhere.yaml\ndays: 3\nreplications: 2\nscenarios: [{id: a}]\n")
            .first?.hasPrefix("s.yaml:2:10: error: network file 'nowhere.yaml' cannot be read [file-unreadable]") == true)
    }

    @Test("a scenario's own problems stop the plan, located in the scenario file")
    func scenarioProblems() throws {
        let scenario = try Fixtures.file("schema: carepath-scenario/1\nclose: [no-such-facility]\n", name: "bad.yaml")
        let sweep = try SweepFile.decode(Data("schema: carepath-sweep/1\nnetwork: \(Fixtures.network)\ndays: 3\nreplications: 2\nscenarios: [{id: a}, {id: b, file: \(scenario)}]\n".utf8), path: "s.yaml")
        do { _ = try SweepPlan(sweep: sweep, directory: nil, version: Fixtures.version); Issue.record("planned") } catch {
            #expect(error.diagnostics.contains { $0.location.file == scenario && $0.location.line == 2 && $0.code == .unknownReference }, "\(error)")
        }
    }
}

@Suite("The sweep files shipped and documented")
struct ShippedSweepFileTests {
    /// A sweep file's text with its relative paths made absolute (they are read from the directory carepath runs in).
    static func anchored(_ text: String) -> String { text.replacingOccurrences(of: " Networks/", with: " \(Fixtures.root)/Networks/") }

    @Test("every sweep file under Networks/sweeps/ is valid, its scenarios included", arguments: ["training-small.yaml", "morocco-scenarios.yaml"])
    func shipped(name: String) throws {
        let text = try String(contentsOfFile: Fixtures.root + "/Networks/sweeps/" + name, encoding: .utf8)
        let sweep = try SweepFile.decode(Data(Self.anchored(text).utf8), path: name)
        #expect(sweep.baseline == "base" && sweep.scenarios.count >= 2)
    }

    @Test("Docs/sweeps.md's sweep file is Networks/sweeps/training-small.yaml without its comments")
    func documented() throws {
        let page = try String(contentsOfFile: Fixtures.root + "/Docs/sweeps.md", encoding: .utf8)
        let blocks = page.components(separatedBy: "```yaml\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        let sweeps = blocks.filter { $0.hasPrefix("schema: carepath-sweep/") }
        #expect(sweeps.count == 1)
        let file = try String(contentsOfFile: Fixtures.root + "/Networks/sweeps/training-small.yaml", encoding: .utf8)
        #expect(sweeps.first == file.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("#") }.joined(separator: "\n"))
    }
}
