import Foundation
import Testing

@Suite("carepath simulate --scenario")
struct ScenarioCommandTests {
    static let training = CLI.packageRoot.appendingPathComponent("Networks/training-small.yaml").path
    static let scenario = CLI.packageRoot.appendingPathComponent("Networks/scenarios/training-small-what-if.yaml").path

    static func temporaryDirectory() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("carepath-scen-\(UUID().uuidString)").path
    }

    static func json(_ path: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
    }

    @Test("simulate --scenario writes the scenario in result.json, lists its changes, and writes pathways.csv; compare lists the closed facility apart")
    func endToEnd() throws {
        let directory = Self.temporaryDirectory()
        let common = ["simulate", "--network", Self.training, "--days", "4", "--warmup", "1", "--replications", "2", "--seed", "4"]
        let base = try CLI.run(common + ["--out", directory + "/base"])
        #expect(base.status == 0, "\(base.stderr)")
        let run = try CLI.run(common + ["--scenario", Self.scenario, "--out", directory + "/scen"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Scenario \(Self.scenario): Scénario pédagogique : et si ? (11 changes):"))
        #expect(run.stdout.contains("  - closed chp-haouz-pedago (provincial-hospital in atlas-pedago); refers-to dropped at 1 facility, chain re-derived"))
        #expect(run.stdout.contains("  - hl-tensift / maternity: 40 → 60 beds"))
        #expect(run.stdout.contains("[balanced]"))
        // The scenario's warning is printed as validate prints diagnostics.
        #expect(run.stderr.contains("training-small-what-if.yaml:12:5: warning:"))
        #expect(run.stderr.contains("[refers-to-dropped]"))

        let result = try Self.json(directory + "/scen/result.json")
        let scenario = try #require(result["scenario"] as? [String: Any])
        #expect(scenario["path"] as? String == Self.scenario)
        #expect((scenario["digest"] as? String)?.hasPrefix("fnv1a64:") == true)
        #expect(scenario["name"] as? String == "Scénario pédagogique : et si ?")
        #expect((scenario["changes"] as? [String])?.count == 11)
        #expect(try Self.json(directory + "/base/result.json")["scenario"] is NSNull)
        let stations = try #require(result["stations"] as? [[String: Any]])
        #expect(!stations.contains { $0["facility"] as? String == "chp-haouz-pedago" })
        #expect(stations.contains { $0["facility"] as? String == "hl-haouz-nord" })

        // pathways.csv: one row per route with patients; the closed hospital is on no pathway.
        let csv = try String(contentsOfFile: directory + "/scen/pathways.csv", encoding: .utf8)
        let rows = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.first == ["health_centre", "region", "service", "emergency", "outcome", "pathway", "treating_facility", "patients",
                               "to_treatment_mean_min", "to_treatment_p50_min", "to_treatment_p90_min"])
        // A treated route has its time to treatment (at least its service's waits, never negative); a refused one has none.
        let treated = rows.dropFirst().filter { $0.count == 11 && $0[4] == "treated" && Double($0[7]) ?? 0 > 10 }
        #expect(!treated.isEmpty && treated.allSatisfy { (Double($0[8]) ?? -1) >= 0 && (Double($0[10]) ?? -1) >= (Double($0[9]) ?? 0) })
        #expect(rows.dropFirst().filter { $0.count == 11 && $0[4] != "treated" }.allSatisfy { $0[8].isEmpty && $0[9].isEmpty && $0[10].isEmpty })
        #expect(rows.count - 1 == (result["pathways"] as? [String: Any])?["routes"] as? Int)
        #expect(!csv.contains("chp-haouz-pedago"))
        // cs-tensift-3's dental care: no level-2 hospital of the region offers it once chp-haouz-pedago is
        // closed, so the patients walk the derived chain up to the CHU (P2-P4).
        let dental = try #require(rows.first { $0[0] == "cs-tensift-3" && $0[2] == "dental-care" && $0[3] == "false" })
        #expect(dental[4] == "treated" && dental[5] == "cs-tensift-3 > hl-tensift > chr-atlas > chu-atlas" && dental[6] == "chu-atlas")
        #expect((Double(dental[7]) ?? 0) > 0)
        #expect(rows.contains { $0[2] == "child-orthodontics" && $0[4] == "unavailable" && $0[6].isEmpty })
        let baseCSV = try String(contentsOfFile: directory + "/base/pathways.csv", encoding: .utf8)
        #expect(baseCSV.contains("cs-tensift-3,atlas-pedago,dental-care,false,treated,cs-tensift-3 > chp-haouz-pedago,chp-haouz-pedago,"))

        let compare = try CLI.run(["compare", directory + "/base/result.json", directory + "/scen/result.json"])
        #expect(compare.status == 0, "\(compare.stderr)")
        #expect(compare.stdout.contains("Other:    \(directory)/scen/result.json (scenario: Scénario pédagogique : et si ?)"))
        #expect(compare.stdout.contains("Only in the baseline (closed or removed): 8 stations"))
        #expect(compare.stdout.contains("chp-haouz-pedago/emergency-care"))
        #expect(compare.stdout.contains("Only in the other (opened or added):"))
        #expect(compare.stdout.contains("hl-haouz-nord/specialist-consultation"))
        let compareJSON = try CLI.run(["compare", directory + "/base/result.json", directory + "/scen/result.json", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(compareJSON.stdout.utf8)) as? [String: Any])
        let closed = try #require(object["onlyInBaseline"] as? [String])
        #expect(closed.count == 8 && closed.allSatisfy { $0.hasPrefix("chp-haouz-pedago/") })
        let moved = try #require(object["facilityArrivals"] as? [[String: Any]])
        #expect(moved.contains { $0["facility"] as? String == "chp-haouz-pedago" && ($0["other"] as? Double) == 0 })
    }

    @Test("an invalid scenario prints its diagnostics as validate does and exits 1, simulating nothing")
    func invalid() throws {
        let bad = try CLI.temporaryFile("""
            schema: carepath-scenario/1
            close: [hl-tensfit]
            demand:
              - {region: oasis-pedago, scale: many}
            """, name: "bad.yaml")
        let directory = Self.temporaryDirectory()
        let run = try CLI.run(["simulate", "--network", Self.training, "--days", "2", "--warmup", "1", "--scenario", bad, "--out", directory])
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(bad):2:9: error: the network has no facility 'hl-tensfit' [unknown-reference]\n  hint: did you mean 'hl-tensift'?"))
        #expect(run.stderr.contains("\(bad):4:35: error: scale must be a number, found text 'many' [wrong-type]"))
        #expect(run.stderr.contains("2 errors, 0 warnings"))
        #expect(run.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: directory))
    }

    @Test("validate --scenario checks a scenario without simulating: 0 for a valid one, 1 with its diagnostics otherwise")
    func validate() throws {
        let good = try CLI.run(["validate", Self.training, "--scenario", Self.scenario])
        #expect(good.status == 0, "\(good.stdout)")
        #expect(good.stdout.contains("2 files: 0 errors, 1 warning"))
        #expect(good.stdout.contains("local-hospital         3"), "the summary is the network as the scenario leaves it")
        let invalid = CLI.packageRoot.appendingPathComponent("Networks/scenarios/invalid/closed-chu-unassigned.yaml").path
        let bad = try CLI.run(["validate", Self.training, "--scenario", invalid, "--format", "json"])
        #expect(bad.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(bad.stdout.utf8)) as? [String: Any])
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.contains { $0["code"] as? String == "closed-chu-unassigned" && $0["line"] as? Int == 8 && $0["rule"] as? String == "P4" })
        #expect(try CLI.run(["validate", Self.training, Self.training, "--scenario", Self.scenario]).status == 64)
    }

    @Test("render load --result draws a scenario's result on the network and scenario it records (an opened hospital included)")
    func renderScenarioLoad() throws {
        let directory = Self.temporaryDirectory()
        let run = try CLI.run(["simulate", "--network", Self.training, "--days", "3", "--warmup", "1", "--replications", "1",
                               "--scenario", Self.scenario, "--out", directory])
        #expect(run.status == 0, "\(run.stderr)")
        // The result records the network and the scenario: nothing more to say.
        let drawn = try CLI.run(["render", "load", "--result", directory + "/result.json", "--format", "dot"])
        #expect(drawn.status == 0, "\(drawn.stderr)")
        #expect(drawn.stdout.contains("\"f:hl-haouz-nord\""), "the hospital the scenario opens")
        #expect(!drawn.stdout.contains("\"f:chp-haouz-pedago\""), "the hospital the scenario closes")
        // The base network alone does not know the opened hospital: a clear error, exit 1.
        let plain = try CLI.run(["render", "load", "--result", directory + "/result.json", "--network", Self.training, "--format", "dot"])
        #expect(plain.status == 1)
        #expect(plain.stderr.contains("hl-haouz-nord"))
        // A recorded scenario that is not there any more is named, with what to do.
        let moved = try CLI.temporaryFile(String(decoding: try Data(contentsOf: URL(fileURLWithPath: directory + "/result.json")), as: UTF8.self)
            .replacingOccurrences(of: Self.scenario, with: "/nonexistent/what-if.yaml"))
        let missing = try CLI.run(["render", "load", "--result", moved, "--format", "dot"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("pass --scenario FILE"))
    }

    @Test("render pathway --scenario draws the pathway in the changed network (a closed hospital is routed around, P2)")
    func renderScenarioPathway() throws {
        let scenario = try CLI.temporaryFile("schema: carepath-scenario/1\nclose: [chp-haouz-pedago]\n")
        let arguments = ["render", "pathway", "--network", Self.training, "--from", "cs-tensift-3", "--service", "cardiac-surgery", "--format", "dot"]
        let base = try CLI.run(arguments)
        #expect(base.status == 0, "\(base.stderr)")
        #expect(base.stdout.contains("\"tooltip\"=\"chp-haouz-pedago\""))
        let changed = try CLI.run(arguments + ["--scenario", scenario])
        #expect(changed.status == 0, "\(changed.stderr)")
        #expect(!changed.stdout.contains("chp-haouz-pedago"))
        #expect(changed.stdout.contains("\"tooltip\"=\"hl-tensift\""))
        #expect(changed.stderr.contains("[refers-to-dropped]"), "the scenario's warning is shown")
    }

    @Test("route --scenario: the pathway in the changed network (a closed hospital routed around, P2); a bad scenario is exit 1 with its diagnostic")
    func routeWithScenario() throws {
        let arguments = ["route", "--network", Self.training, "--from", "cs-tensift-3", "--service", "cardiac-surgery", "--format", "json"]
        let base = try CLI.run(arguments)
        #expect(base.status == 0 && base.stdout.contains("chp-haouz-pedago"))
        let scenario = try CLI.temporaryFile("schema: carepath-scenario/1\nclose: [chp-haouz-pedago]\n")
        let run = try CLI.run(arguments + ["--scenario", scenario])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stdout.contains("chp-haouz-pedago"))
        #expect(run.stdout.contains("hl-tensift") && run.stdout.contains("chu-atlas"))
        let bad = try CLI.temporaryFile("schema: carepath-scenario/1\nclose: [chu-atlaz]\n")
        let failed = try CLI.run(["route", "--network", Self.training, "--from", "cs-tensift-3", "--service", "cardiac-surgery", "--scenario", bad])
        #expect(failed.status == 1)
        #expect(failed.stderr.contains(":2:9: error:") && failed.stderr.contains("[unknown-reference]") && failed.stderr.contains("chu-atlas"))
    }

    @Test("five times the demand overloads stations: the summary says so and names the longest queues")
    func overload() throws {
        let scenario = try CLI.temporaryFile("schema: carepath-scenario/1\ndemand:\n  - {scale: 5}\n")
        let run = try CLI.run(["simulate", "--network", Self.training, "--scenario", scenario, "--days", "8", "--warmup", "1", "--replications", "1"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("OVERLOADED:"))
        #expect(run.stdout.contains("longest queue"))
        #expect(run.stdout.contains("[balanced]"))
    }

    @Test("compare pairs the replications of two runs with one seed: a scenario's real change is flagged, stations it cannot reach do not change")
    func pairedCompare() throws {
        let directory = Self.temporaryDirectory()
        let scenario = try CLI.temporaryFile("schema: carepath-scenario/1\nservers:\n  - {facility: cs-haouz-1, service: general-consultation, add: 2}\n")
        let common = ["simulate", "--network", Self.training, "--days", "8", "--warmup", "1", "--replications", "3", "--seed", "9"]
        #expect(try CLI.run(common + ["--out", directory + "/base"]).status == 0)
        #expect(try CLI.run(common + ["--scenario", scenario, "--out", directory + "/more"]).status == 0)
        let compared = try CLI.run(["compare", directory + "/base/result.json", directory + "/more/result.json", "--limit", "100"])
        #expect(compared.status == 0, "\(compared.stderr)")
        #expect(compared.stdout.contains("replication by replication (same seed)"))
        let line = compared.stdout.split(separator: "\n").first { $0.hasSuffix("cs-haouz-1/general-consultation") }
        #expect(line?.hasPrefix("  *") == true, "\(compared.stdout)")
        // Common random numbers: the Oasis health centres' queues are exactly as in the baseline.
        #expect(!compared.stdout.contains("cs-ziz-"))
        let json = try CLI.run(["compare", directory + "/base/result.json", directory + "/more/result.json", "--format", "json"])
        #expect(json.stdout.contains("\"paired\": true"))
    }
}

@Suite("carepath compare: inputs it cannot read")
struct CompareInputTests {
    @Test("a missing file, a directory, a file that is not JSON and JSON that is not a result each say what they are, exit 1")
    func badInputs() throws {
        let directory = try CLI.temporaryDirectory()
        let notJSON = try CLI.temporaryFile("not: json\n", name: "result.json", in: directory)
        let notResult = try CLI.temporaryFile(#"{"stations": 3}"#, name: "other.json", in: directory)
        let cases: [(String, String)] = [
            (directory + "/missing/result.json", "no such file (carepath simulate --out DIR writes DIR/result.json)"),
            (directory, "it is a directory: give its result.json ('\(directory)/result.json')"),
            (notJSON, "not valid JSON (truncated or edited?): not a result.json written by carepath simulate --out"),
            (notResult, "not a result.json written by carepath simulate --out (it has no schema version)"),
        ]
        for (path, message) in cases {
            let result = try CLI.run(["compare", path, path])
            #expect(result.status == 1, "\(path)")
            #expect(result.stderr.contains("'\(path)'") && result.stderr.contains(message), "\(result.stderr)")
        }
    }
}

@Suite("carepath compare: steady state")
struct CompareSteadyStateTests {
    @Test("compare gives each run's day-end census and warns when the other run never levels off (demand × 1.6 on the teaching network)")
    func censusAndWarning() throws {
        let directory = try CLI.temporaryDirectory()
        let overload = try CLI.temporaryFile("schema: carepath-scenario/1\ndemand:\n  - {scale: 1.6}\n", name: "overload.yaml", in: directory)
        let arguments = ["simulate", "--network", ScenarioCommandTests.training, "--days", "60", "--replications", "4"]
        #expect(try CLI.run(arguments + ["--out", directory + "/base"]).status == 0)
        let over = try CLI.run(arguments + ["--scenario", overload, "--out", directory + "/over"])
        #expect(over.status == 0)
        #expect(over.stdout.contains("WARNING: no steady state"), "\(over.stdout)")
        let compared = try CLI.run(["compare", directory + "/base/result.json", directory + "/over/result.json"])
        #expect(compared.status == 0)
        #expect(compared.stdout.contains(try Regex(#"In the system at day end \(mean over the measured days\): \d+ → \d+"#)))
        #expect(compared.stdout.contains("warning: the other run has no steady state"))
        #expect(!compared.stdout.contains("warning: the baseline"))
        let json = try CLI.run(["compare", directory + "/base/result.json", directory + "/over/result.json", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["warmUpCheck"] as? [String: Any])?["other"] as? String == "still-rising")
        #expect((object["warmUpCheck"] as? [String: Any])?["baseline"] as? String == "steady")
    }
}
