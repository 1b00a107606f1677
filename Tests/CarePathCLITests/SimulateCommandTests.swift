import CarePathSupport
import Foundation
import LoadSimulation
import Testing

@Suite("carepath simulate")
struct SimulateCommandTests {
    static let training = CLI.packageRoot.appendingPathComponent("Networks/training-small.yaml").path

    @Test("--out writes result.json and CSV tables; the same seed gives the same bytes")
    func outputs() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("carepath-sim-\(UUID().uuidString)").path
        let arguments = ["simulate", "--network", Self.training, "--days", "6", "--warmup", "1", "--replications", "3", "--seed", "5"]
        let first = try CLI.run(arguments + ["--out", directory + "/a"])
        #expect(first.status == 0, "\(first.stderr)")
        let second = try CLI.run(arguments + ["--out", directory + "/b"])
        #expect(second.status == 0)
        for file in ["result.json", "stations.csv", "facilities.csv", "links.csv", "pathways.csv", "daily.csv"] {
            let a = FileManager.default.contents(atPath: "\(directory)/a/\(file)")
            #expect(a != nil && a == FileManager.default.contents(atPath: "\(directory)/b/\(file)"), "\(file)")
        }
        let result = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: directory + "/a/result.json"))) as? [String: Any])
        let accounting = try #require(result["accounting"] as? [String: Any])
        let arrived = try #require(accounting["arrived"] as? Int)
        let parts = ["completed", "inSystem", "notCovered", "unavailable"].compactMap { accounting[$0] as? Int }
        #expect(parts.count == 4 && arrived == parts.reduce(0, +) && arrived > 0)
        #expect((result["network"] as? [String: Any])?["digest"] as? String != nil)
        // No temporary file is left behind.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory + "/a").filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
        // daily.csv: one row per day, the warm-up day unmeasured; its last count is result.json's in-system count per replication.
        let daily = try String(contentsOfFile: directory + "/a/daily.csv", encoding: .utf8).split(separator: "\n")
        #expect(daily.first == "day,in_system_at_end,in_system_ci95,measured" && daily.count == 7)
        #expect(daily[1].hasPrefix("1,") && daily[1].hasSuffix(",false") && daily[2].hasPrefix("2,") && daily[2].hasSuffix(",true"))
        let census = try #require((result["daily"] as? [String: Any])?["inSystemAtEndOfDay"] as? [[String: Any]])
        let inSystem = try #require(accounting["inSystem"] as? Int)
        #expect(census.count == 6 && abs(((census.last?["mean"] as? NSNumber)?.doubleValue ?? -1) - Double(inSystem) / 3) < 1e-3)
        #expect(((result["daily"] as? [String: Any])?["warmUpCheck"] as? [String: Any])?["verdict"] as? String == "too-small-to-judge")
        let stations = try String(contentsOfFile: directory + "/a/stations.csv", encoding: .utf8)
        #expect(stations.hasPrefix("facility,tier,service,servers,arrivals"))
        // The load diagram reads the result.
        let render = try CLI.run(["render", "load", "--network", Self.training, "--result", directory + "/a/result.json", "--format", "dot"])
        #expect(render.status == 0, "\(render.stderr)")
        #expect(render.stdout.contains("digraph"))
    }

    @Test("compare: a result against itself changes nothing; against another seed it lists changed stations")
    func compare() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("carepath-cmp-\(UUID().uuidString)").path
        for seed in ["1", "2"] {
            let run = try CLI.run(["simulate", "--network", Self.training, "--days", "4", "--warmup", "1", "--seed", seed, "--out", "\(directory)/\(seed)"])
            #expect(run.status == 0)
        }
        let same = try CLI.run(["compare", "\(directory)/1/result.json", "\(directory)/1/result.json"])
        #expect(same.status == 0)
        #expect(same.stdout.contains("\n0 of "))
        let other = try CLI.run(["compare", "\(directory)/1/result.json", "\(directory)/2/result.json", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(other.stdout.utf8)) as? [String: Any])
        #expect(((object["changes"] as? [Any])?.count ?? 0) > 0)
        #expect(try CLI.run(["compare", "\(directory)/1/result.json", "/nonexistent.json"]).status == 1)
        // Same seed, same replications: paired. A result of another CarePath version (another set of
        // random streams) is warned about and not paired.
        #expect(same.stdout.contains("replication by replication (same seed)"))
        let older = "\(directory)/older.json"
        let text = try String(contentsOfFile: "\(directory)/1/result.json", encoding: .utf8)
        let version = try #require(text.firstMatch(of: /"carepath": "([^"]+)"/)?.1)
        try text.replacingOccurrences(of: "\"carepath\": \"\(version)\"", with: "\"carepath\": \"0.0.1\"").write(toFile: older, atomically: true, encoding: .utf8)
        let versions = try CLI.run(["compare", older, "\(directory)/1/result.json"])
        #expect(versions.stdout.contains("warning: the runs differ") && versions.stdout.contains("carepath 0.0.1"), "\(versions.stdout)")
        #expect(versions.stdout.contains("so they are not paired"))
    }

    @Test("the text summary states the accounting, the busiest stations and the longest waits with p90 and p99")
    func summary() throws {
        let result = try CLI.run(["simulate", "--network", Self.training, "--days", "3", "--warmup", "1", "--replications", "1"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("[balanced]"))
        #expect(result.stdout.contains("Busiest stations"))
        #expect(result.stdout.contains("Referral flows between tiers"))
        // Each of the longest waits with its p90 and p99, unpadded: "(p90 2.1 h, p99 5.0 h)".
        let waits = result.stdout.components(separatedBy: "Longest waits (mean; p90, p99 of the waits):\n")
        let firstWait = try #require(waits.count == 2 ? waits[1].split(separator: "\n").first : nil)
        #expect(firstWait.contains(try Regex(#"\(p90 \d+\.\d (min|h|d), p99 \d+\.\d (min|h|d)\)"#)), "\(firstWait)")
        #expect(!result.stdout.contains("OVERLOADED"), "the teaching network has spare capacity")
        #expect(result.stderr.isEmpty, "no progress bar when stderr is not a terminal")
    }

    @Test("the summary's peak hours leave out a station whose peak hour brings fewer than one patient a day; its waits stay in the longest waits")
    func peakHoursNeedPatients() throws {
        // The CHU's dental care open one hour a week: its few patients wait for days, and its peak hour
        // (a tenth of a patient a day) would top a list ranked by the wait alone.
        let scenario = try CLI.temporaryFile("schema: carepath-scenario/1\nhours:\n  - {facility: chu-atlas, service: dental-care, hours: {mon: 08:00-09:00}}\n", name: "dental-weekly.yaml")
        let result = try CLI.run(["simulate", "--network", Self.training, "--scenario", scenario, "--days", "28", "--replications", "2"])
        #expect(result.status == 0)
        let sections = result.stdout.components(separatedBy: "Peak hours (")
        let peaks = try #require(sections.count == 2 ? sections[1].components(separatedBy: "\n\n")[0] : nil)
        let lines = peaks.split(separator: "\n").dropFirst()
        #expect(!lines.isEmpty)
        #expect(!peaks.contains("[chu-atlas] / dental-care"), "\(peaks)")
        for line in lines {
            let perDay = try #require(line.firstMatch(of: /, (\d+\.\d) a day\)$/)?.1)
            #expect(Double(perDay)! >= 1, "\(line)")
        }
        let waits = try #require(result.stdout.components(separatedBy: "Longest waits (mean; p90, p99 of the waits):\n").last?.split(separator: "\n").first)
        #expect(waits.contains("[chu-atlas] / dental-care"), "\(waits)")
    }

    @Test("--format json prints result.json's document with the run's wall time among its sorted keys")
    func jsonHasTheWallTime() throws {
        let directory = try CLI.temporaryDirectory()
        let result = try CLI.run(["simulate", "--network", Self.training, "--days", "3", "--warmup", "1", "--replications", "1", "--format", "json", "--out", directory + "/run"])
        #expect(result.status == 0)
        let printed = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let written = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: directory + "/run/result.json"))) as? [String: Any])
        #expect(Set(printed.keys) == Set(written.keys).union(["wallSeconds"]))
        #expect((printed["wallSeconds"] as? Double).map { $0 > 0 } == true)
        // The keys in order, wallSeconds between stations and the end, as every object CarePath writes.
        let keys = result.stdout.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.dropFirst(3).prefix { $0 != "\"" } }
        #expect(keys == keys.sorted() && keys.contains("wallSeconds"))
        // Without the wall time's line (the last key), the same bytes as result.json.
        var lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let wall = try #require(lines.firstIndex { $0.hasPrefix("  \"wallSeconds\": ") })
        #expect(lines[wall + 1] == "}" && lines[wall - 1].hasSuffix(","))
        lines.remove(at: wall)
        lines[wall - 1].removeLast()
        #expect(lines.joined(separator: "\n") == (try String(contentsOfFile: directory + "/run/result.json", encoding: .utf8)))
    }

    @Test("the warm-up defaults to 14 days, or a quarter of a shorter horizon")
    func defaultWarmup() throws {
        let short = try CLI.run(["simulate", "--network", Self.training, "--days", "4", "--replications", "1", "--format", "json"])
        #expect(short.status == 0)
        #expect(short.stdout.contains("\"warmupDays\": 1"), "a quarter of 4 days")
        let long = try CLI.run(["simulate", "--network", Self.training, "--days", "60", "--replications", "1"])
        #expect(long.status == 0)
        #expect(long.stdout.contains("60 days (14 of warm-up excluded), 1 replication"))
    }

    // The planner's question about one place: its section must hold what hourly.csv holds for that
    // station (the same run, the same seed), the hours of less than 1% of its arrivals left out, and the
    // patients still waiting at closing said for a station that closes.
    @Test("--facility ID/SERVICE shows that station hour by hour, as hourly.csv has it; the hours of under 1% of its arrivals are left out")
    func facilityHourByHour() throws {
        let morning = CLI.packageRoot.appendingPathComponent("Networks/scenarios/training-morning-peak.yaml").path
        let directory = try CLI.temporaryDirectory() + "/run"
        let result = try CLI.run(["simulate", "--network", Self.training, "--scenario", morning, "--days", "28", "--replications", "2",
                                  "--facility", "cs-haouz-1/general-consultation", "--facility", "chp-haouz-pedago", "--out", directory])
        #expect(result.status == 0, "\(result.stderr)")
        let sections = result.stdout.components(separatedBy: "\nCentre de santé urbain Haouz 1 [cs-haouz-1]:\n")
        let section = try #require(sections.count == 2 ? sections[1].components(separatedBy: "\n\n")[0] : nil)
        let lines = section.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("  general-consultation (10 servers) [mon-fri 08:30-16:30 (10); sat 08:30-12:00 (10)]: ") == true, "\(section)")
        #expect(lines.first?.contains(" busy over open hours; ") == true && lines.first?.contains(" a day still waiting at closing; overtime ") == true)
        // hourly.csv's rows of the station: facility,tier,service,slot,arrivals_per_day,started_per_day,mean_wait_min,...
        let csv = try String(contentsOfFile: directory + "/hourly.csv", encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = try #require(csv.first)
        let slot = try #require(header.firstIndex(of: "slot")), perDay = try #require(header.firstIndex(of: "arrivals_per_day"))
        let rows = csv.filter { $0.count == header.count && $0[0] == "cs-haouz-1" && $0[2] == "general-consultation" }
        let hours = rows.filter { Int($0[slot]) != nil }
        #expect(hours.count == 24)
        let total = hours.reduce(0) { $0 + Double($1[perDay])! }
        let shown = lines.compactMap { line in line.firstMatch(of: /^    (\d\d):00 +(\d+\.\d)\s/).map { (Int($0.1)!, Double($0.2)!) } }
        let expected = hours.filter { Double($0[perDay])! >= 0.01 * total }.map { (Int($0[slot])!, Double($0[perDay])!) }
        #expect(shown.map(\.0) == expected.map(\.0), "the hours with 1% of the arrivals or more")
        #expect(shown.count > 3 && shown.count < 24, "the consultation's night hours are left out")
        for (a, b) in zip(shown, expected) { #expect(abs(a.1 - b.1) <= 0.05, "\(a.0):00: \(a.1) against \(b.1)") }
        #expect(lines.last?.hasPrefix("    mean wait by weekday of arrival: mon ") == true)
        // The whole facility: every station of the provincial hospital, one line each.
        let hospital = try #require(result.stdout.components(separatedBy: "[chp-haouz-pedago], station by station:\n").last?.components(separatedBy: "\n\n").first)
        let stations = try String(contentsOfFile: directory + "/stations.csv", encoding: .utf8).split(separator: "\n").filter { $0.hasPrefix("chp-haouz-pedago,") }
        #expect(hospital.split(separator: "\n").filter { $0.hasPrefix("  ") && !$0.hasPrefix("    ") }.count == stations.count)
    }

    @Test("--facility: an unknown facility or station is an error before the run, with the nearest name; with --format json a usage error")
    func facilityErrors() throws {
        let directory = try CLI.temporaryDirectory() + "/never"
        let unknown = try CLI.run(["simulate", "--network", Self.training, "--days", "2", "--facility", "cs-haouz-9", "--out", directory])
        #expect(unknown.status == 1 && unknown.stderr.contains("unknown facility 'cs-haouz-9'") && unknown.stderr.contains("did you mean 'cs-haouz-1'?"), "\(unknown.stderr)")
        #expect(!unknown.stdout.contains("Engine:"), "no run")
        let station = try CLI.run(["simulate", "--network", Self.training, "--days", "2", "--facility", "cs-haouz-1/dental-cre"])
        #expect(station.status == 1 && station.stderr.contains("facility 'cs-haouz-1' has no station 'dental-cre'") && station.stderr.contains("did you mean 'dental-care'?"), "\(station.stderr)")
        let json = try CLI.run(["simulate", "--network", Self.training, "--days", "2", "--facility", "cs-haouz-1", "--format", "json"])
        #expect(json.status == 64 && json.stderr.contains("--facility adds to the text summary"), "\(json.stderr)")
    }

    @Test("bad options are usage errors (64); a bad network is a domain error (1)")
    func errors() throws {
        #expect(try CLI.run(["simulate", "--days", "0"]).status == 64)
        #expect(try CLI.run(["simulate", "--warmup", "40", "--days", "30"]).status == 64)
        // Negative numbers reach the checks, which say what is wrong (not "missing value").
        for (arguments, message) in [(["--days", "-3"], "--days must be more than 0 and at most 3660"),
                                     (["--warmup", "-1"], "--warmup must be at least 0 and less than --days"),
                                     (["--replications", "-2"], "--replications must be between 1 and 1000"),
                                     (["--seed", "-1"], "The value '-1' is invalid for '--seed <seed>'")] {
            let result = try CLI.run(["simulate"] + arguments)
            #expect(result.status == 64 && result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
        let bad = try CLI.temporaryFile("schema: carepath-network/1\nregions: []\n")
        let result = try CLI.run(["simulate", "--network", bad])
        #expect(result.status == 1)
        #expect(result.stderr.contains("error"))
    }

    @Test("--out that cannot be written is refused before simulating: a file, a directory that cannot be made")
    func unwritableOut() throws {
        let file = try CLI.temporaryFile("x", name: "results")
        // A national year would take minutes in a debug build: these must fail before it starts.
        let onFile = try CLI.run(["simulate", "--days", "365", "--out", file])
        #expect(onFile.status == 1)
        #expect(onFile.stderr.contains("cannot write results to '\(file)': it exists and is not a directory"))
        let under = try CLI.run(["simulate", "--days", "365", "--out", file + "/inside"])
        #expect(under.status == 1)
        #expect(under.stderr.contains("the directory cannot be created"))
        #expect(onFile.stdout.isEmpty && under.stdout.isEmpty)
    }

    @Test("--out is replaced as a set and locked: a second run into the same directory fails at once; foreign files are never deleted")
    func outReplacedAsASet() throws {
        let directory = try CLI.temporaryDirectory() + "/run"
        let args = ["simulate", "--network", "Networks/training-small.yaml", "--days", "3", "--replications", "1", "--out", directory]
        #expect(try CLI.run(args).status == 0)
        let first = try String(contentsOfFile: directory + "/result.json", encoding: .utf8)
        // Another run holding the directory's lock, as a run in progress does.
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY)
        #expect(flock(descriptor, LOCK_EX) == 0)
        let blocked = try CLI.run(args + ["--seed", "2"])
        close(descriptor)
        #expect(blocked.status == 1)
        #expect(blocked.stderr == "error: cannot write results to '\(directory)': another carepath run is writing its results there now; wait for it to finish or give another directory\n")
        #expect(try String(contentsOfFile: directory + "/result.json", encoding: .utf8) == first)
        try "keep".write(toFile: directory + "/notes.txt", atomically: false, encoding: .utf8)
        let foreign = try CLI.run(args)
        #expect(foreign.status == 1 && foreign.stderr.contains("it holds files that are not CarePath results (notes.txt)"))
        try FileManager.default.removeItem(atPath: directory + "/notes.txt")
        #expect(try CLI.run(args + ["--seed", "2"]).status == 0)
        #expect(try String(contentsOfFile: directory + "/result.json", encoding: .utf8) != first)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory + "/..") == ["run"])
    }

    @Test("emergencies sent to a station that closes are noted on stderr; a network whose emergency services never close has no such note")
    func emergenciesAtClosingStations() throws {
        let scenario = try CLI.temporaryFile("schema: carepath-scenario/1\nhours:\n  - {facility: chp-haouz-pedago, service: emergency-care, hours: {mon-fri: 08:00-18:00}}\n", name: "ed-hours.yaml")
        let closing = try CLI.run(["simulate", "--network", "Networks/training-small.yaml", "--scenario", scenario, "--days", "2", "--replications", "1"])
        #expect(closing.status == 0)
        #expect(closing.stderr.contains("note: emergencies (P0) are sent to 1 station that closes (chp-haouz-pedago/emergency-care)"), "\(closing.stderr)")
        let open = try CLI.run(["simulate", "--network", "Networks/training-small.yaml", "--scenario", "Networks/scenarios/training-morning-peak.yaml", "--days", "2", "--replications", "1"])
        #expect(open.status == 0 && !open.stderr.contains("note: emergencies"))
    }

    @Test("a run past its memory budget stops with the day, the limit, the memory and the stations whose queues grew, exit 1")
    func memoryBudget() throws {
        let scenario = try CLI.temporaryFile("schema: carepath-scenario/1\ndemand:\n  - {scale: 100}\n", name: "overload.yaml")
        let result = try CLI.run(["simulate", "--network", "Networks/training-small.yaml", "--scenario", scenario, "--days", "60",
                                  "--replications", "2", "--memory-limit", "0.002"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        // 0.002 GiB = 2,147,483 bytes, 88 a patient, shared by the 2 replications running at once (or 1 on one core).
        let bytes = 2_147_483 / SimulationConfiguration.bytesPerPatient
        let limit = NumberFormat.grouped(ProcessInfo.processInfo.activeProcessorCount >= 2 ? bytes / 2 : bytes)
        #expect(result.stderr.contains("stopped on day ") && result.stderr.contains("more than \(limit) patients were in the system at once"), "\(result.stderr)")
        #expect(result.stderr.contains("the stations holding the most patients: cs-"), "\(result.stderr)")
        #expect(result.stderr.contains("--memory-limit"))
        let bad = try CLI.run(["simulate", "--network", "Networks/training-small.yaml", "--memory-limit", "0", "--days", "1"])
        #expect(bad.status == 64 && bad.stderr.contains("--memory-limit must be between 0.001 and 1048576 GiB"))
    }
}
