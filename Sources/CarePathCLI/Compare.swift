import CarePathSupport
import ArgumentParser
import Foundation
import LoadSimulation

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare two simulation results station by station.",
        discussion: """
            Reads two result.json files written by `carepath simulate --out DIR` and prints, station by
            station, how utilisation, mean wait and arrivals changed. A change is flagged (*) when the
            95% confidence interval of the change excludes zero: paired replication by replication when
            both runs used the same seed, number of replications and CarePath version (replication r of each shares its
            random numbers, so the pairs cancel most of the noise), else when the two runs' intervals
            do not overlap. It needs 2 replications or more in both runs.
            Stations present in only one result (a facility opened or closed, a service added) are
            listed apart, with their figures, and facilities are ranked by how much their arrivals
            changed (where the patients of a closed facility went). Each run's scenario is named.

            Example (after the two runs in `carepath simulate --help`):
              carepath compare results/baseline/result.json results/agadir/result.json
            """.helpParagraphs
    )

    @Argument(help: "The baseline result.json.") var baseline: String
    @Argument(help: "The result.json to compare with it.") var other: String
    @Option(help: "Show at most this many changed stations (largest utilisation change first).") var limit: Int = 25
    @OptionGroup var output: OutputOptions

    struct Station {
        var key: String
        var utilisation: (Double, Double)
        var wait: (Double, Double)
        var arrivals: (Double, Double)
        /// Replication by replication (empty in results written before CarePath recorded them).
        var utilisationByReplication: [Double] = []
        var waitByReplication: [Double] = []
    }

    /// What compare reads of one result.json.
    struct Run {
        var stations: [String: Station]
        var arrived: Int
        var replications: Int
        var seed: String
        /// The CarePath version that wrote it: runs share their random numbers only within a version.
        var version: String
        /// `days`, `warmupDays` and `seed` of the configuration and the version, to warn when the runs differ.
        var configuration: [String]
        /// The scenario's name (or path), nil for a run of the network as it is.
        var scenario: String?
        /// Patients in the system at day end, mean over the measured days, and the warm-up check's
        /// verdict (nil in results written before CarePath recorded them).
        var census: Double?
        var verdict: WarmUpCheck.Verdict?

        /// Arrivals per facility (the sum over its stations).
        var facilityArrivals: [String: Double] {
            var sums: [String: Double] = [:]
            // In key order: the same figures add up to the same sum in both runs.
            for key in stations.keys.sorted() {
                let station = stations[key]!
                sums[String(station.key.split(separator: "/")[0]), default: 0] += station.arrivals.0
            }
            return sums
        }
    }

    static func read(_ path: String) throws -> Run {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CompareError(message: "'\(path)': no such file (carepath simulate --out DIR writes DIR/result.json)")
        }
        guard !isDirectory.boolValue else {
            throw CompareError(message: "'\(path)' is a directory: give its result.json ('\(path)/result.json')")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CompareError(message: "'\(path)' cannot be read")
        }
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let stations = root["stations"] as? [[String: Any]] else {
            throw CompareError(message: "'\(path)' is not a result.json written by carepath simulate --out")
        }
        func estimate(_ value: Any?) -> (Double, Double) {
            let object = value as? [String: Any]
            return ((object?["mean"] as? NSNumber)?.doubleValue ?? 0, (object?["ci95"] as? NSNumber)?.doubleValue ?? 0)
        }
        var result: [String: Station] = [:]
        for station in stations {
            let key = "\(station["facility"] as? String ?? "?")/\(station["service"] as? String ?? "?")"
            let perReplication = station["perReplication"] as? [String: Any]
            func values(_ name: String) -> [Double] { (perReplication?[name] as? [Any] ?? []).compactMap { ($0 as? NSNumber)?.doubleValue } }
            result[key] = Station(key: key, utilisation: estimate(station["utilisation"]), wait: estimate(station["meanWaitMinutes"]), arrivals: estimate(station["arrivals"]),
                                  utilisationByReplication: values("utilisation"), waitByReplication: values("meanWaitMinutes"))
        }
        let arrived = ((root["accounting"] as? [String: Any])?["arrived"] as? Int) ?? 0
        let configuration = root["configuration"] as? [String: Any] ?? [:]
        let replications = (configuration["replications"] as? Int) ?? 0
        let version = root["carepath"] as? String ?? "?"
        let settings = ["days", "warmupDays", "seed"].map { "\($0) \(configuration[$0].map { "\($0)" } ?? "?")" } + ["carepath \(version)"]
        let scenario = (root["scenario"] as? [String: Any]).map { ($0["name"] as? String) ?? ($0["path"] as? String) ?? "?" }
        let check = (root["daily"] as? [String: Any])?["warmUpCheck"] as? [String: Any]
        return Run(stations: result, arrived: arrived, replications: replications, seed: "\(configuration["seed"] ?? "?")", version: version,
                   configuration: settings, scenario: scenario,
                   census: (check?["measuredMean"] as? NSNumber)?.doubleValue, verdict: (check?["verdict"] as? String).flatMap(WarmUpCheck.Verdict.init(rawValue:)))
    }

    /// Whether two estimates' 95% intervals are disjoint.
    static func significant(_ a: (Double, Double), _ b: (Double, Double)) -> Bool { abs(a.0 - b.0) > a.1 + b.1 }

    /// Whether a change is significant: with `paired`, when the 95% interval of the replication-by-
    /// replication differences excludes zero; else when the two intervals are disjoint.
    static func significant(_ a: (Double, Double), _ b: (Double, Double), _ before: [Double], _ after: [Double], paired: Bool) -> Bool {
        guard paired, before.count == after.count, before.count >= 2 else { return significant(a, b) }
        let difference = Estimate(zip(after, before).map { $0 - $1 })
        return abs(difference.mean) > difference.halfWidth
    }

    static func changeJSON(_ pair: (Station, Station), paired: Bool) -> JSONValue {
        let utilisation: JSONValue = .object(["baseline": .double(pair.0.utilisation.0), "other": .double(pair.1.utilisation.0),
                                              "significant": .bool(significant(pair.0.utilisation, pair.1.utilisation, pair.0.utilisationByReplication, pair.1.utilisationByReplication, paired: paired))])
        let wait: JSONValue = .object(["baseline": .double(pair.0.wait.0), "other": .double(pair.1.wait.0),
                                       "significant": .bool(significant(pair.0.wait, pair.1.wait, pair.0.waitByReplication, pair.1.waitByReplication, paired: paired))])
        return .object(["station": .string(pair.0.key), "utilisation": utilisation, "meanWaitMinutes": wait])
    }

    func run() throws {
        let a: Run, b: Run
        do { a = try Self.read(baseline); b = try Self.read(other) } catch let error as CompareError {
            FileHandle.standardError.write(Data("error: \(error.message)\n".utf8))
            throw ExitCode(1)
        }
        let common = Set(a.stations.keys).intersection(b.stations.keys).sorted()
        var changes: [(Station, Station)] = []
        for key in common {
            let before = a.stations[key]!, after = b.stations[key]!
            if before.utilisation.0 != after.utilisation.0 || before.wait.0 != after.wait.0 { changes.append((before, after)) }
        }
        changes.sort { left, right in
            let l = abs(left.1.utilisation.0 - left.0.utilisation.0), r = abs(right.1.utilisation.0 - right.0.utilisation.0)
            return l != r ? l > r : left.0.key < right.0.key
        }
        let onlyA = Set(a.stations.keys).subtracting(b.stations.keys).sorted()
        let onlyB = Set(b.stations.keys).subtracting(a.stations.keys).sorted()
        // Facilities by change in arrivals (largest first): where a closed facility's patients went.
        let before = a.facilityArrivals, after = b.facilityArrivals
        typealias Moved = (facility: String, before: Double, after: Double)
        let facilities: [String] = Set(before.keys).union(after.keys).sorted()
        var moved: [Moved] = facilities.map { key -> Moved in (key, before[key] ?? 0, after[key] ?? 0) }
        moved.removeAll { $0.before == $0.after }
        moved.sort { (x: Moved, y: Moved) -> Bool in
            let dx = abs(x.after - x.before), dy = abs(y.after - y.before)
            return dx != dy ? dx > dy : x.facility < y.facility
        }
        let intervals = a.replications >= 2 && b.replications >= 2
        // Same seed and replications: replication r of each run shares its random numbers, so the
        // changes are compared pair by pair.
        let paired = intervals && a.replications == b.replications && a.seed == b.seed && a.version == b.version
        switch output.format {
        case .json:
            func only(_ keys: [String], _ run: Run) -> JSONValue {
                .array(keys.map { key in
                    let s = run.stations[key]!
                    return .object(["station": .string(key), "utilisation": .double(s.utilisation.0), "arrivals": .double(s.arrivals.0)])
                })
            }
            let scenarios: JSONValue = .object(["baseline": a.scenario.map { JSONValue.string($0) } ?? .null, "other": b.scenario.map { JSONValue.string($0) } ?? .null])
            let facilityArrivals: [JSONValue] = moved.prefix(limit).map { entry -> JSONValue in
                .object(["facility": .string(entry.facility), "baseline": .double(entry.before), "other": .double(entry.after)])
            }
            let json: JSONValue = .object([
                "baseline": .string(baseline), "other": .string(other),
                "scenario": scenarios,
                "arrived": .object(["baseline": .int(a.arrived), "other": .int(b.arrived)]),
                "inSystemAtDayEnd": .object(["baseline": a.census.map { .double($0) } ?? .null, "other": b.census.map { .double($0) } ?? .null]),
                "warmUpCheck": .object(["baseline": a.verdict.map { .string($0.rawValue) } ?? .null, "other": b.verdict.map { .string($0.rawValue) } ?? .null]),
                "paired": .bool(paired),
                "changes": .array(changes.map { Self.changeJSON($0, paired: paired) }),
                "onlyInBaseline": .array(onlyA.map { .string($0) }), "onlyInOther": .array(onlyB.map { .string($0) }),
                "closedStations": only(onlyA, a), "openedStations": only(onlyB, b),
                "facilityArrivals": .array(facilityArrivals),
            ])
            print(json.rendered())
        case .text:
            print("Baseline: \(baseline)\(a.scenario.map { " (scenario: \($0))" } ?? "")")
            print("Other:    \(other)\(b.scenario.map { " (scenario: \($0))" } ?? "")")
            if a.configuration != b.configuration {
                print("warning: the runs differ in \(a.configuration.joined(separator: ", ")) → \(b.configuration.joined(separator: ", "))")
            }
            print("Patients arrived: \(a.arrived) → \(b.arrived)")
            if let before = a.census, let after = b.census {
                print("In the system at day end (mean over the measured days): \(NumberFormat.fixed(before)) → \(NumberFormat.fixed(after))")
            }
            // A run that never levelled off: its utilisation and waits depend on its length.
            for (name, run) in [("baseline", a), ("other run", b)] {
                switch run.verdict {
                case .stillRising: print("warning: the \(name) has no steady state (the number in the system kept rising): its waits grow with --days")
                case .warmUpTooShort: print("warning: the \(name)'s warm-up looks too short: its statistics include the system filling up")
                default: break
                }
            }
            print("\(changes.count) of \(common.count) common stations changed; " + (!intervals
                ? "one replication in a run: no confidence intervals, so no change is flagged (use --replications 2 or more)"
                : paired ? "* = the 95% interval of the change, replication by replication (same seed), excludes 0"
                : "* = 95% intervals do not overlap (the runs differ in seed, replications or version, so they are not paired)"))
            for pair in changes.prefix(limit) {
                let u = String(format: "%5.1f%% → %5.1f%%", pair.0.utilisation.0 * 100, pair.1.utilisation.0 * 100)
                let w = String(format: "%8.1f → %8.1f min", pair.0.wait.0, pair.1.wait.0)
                let flag = intervals
                    ? (Self.significant(pair.0.utilisation, pair.1.utilisation, pair.0.utilisationByReplication, pair.1.utilisationByReplication, paired: paired) ? "*" : " ")
                        + (Self.significant(pair.0.wait, pair.1.wait, pair.0.waitByReplication, pair.1.waitByReplication, paired: paired) ? "*" : " ")
                    : "  "
                print("  \(flag) utilisation \(u)  wait \(w)  \(pair.0.key)")
            }
            if !moved.isEmpty {
                print("Facilities whose arrivals changed most (patients over the measured period, mean per replication):")
                for entry in moved.prefix(limit) {
                    print(String(format: "  %10.0f → %10.0f  (%+.0f)  ", entry.before, entry.after, entry.after - entry.before) + entry.facility)
                }
            }
            for (title, keys, run) in [("Only in the baseline (closed or removed)", onlyA, a), ("Only in the other (opened or added)", onlyB, b)] where !keys.isEmpty {
                print("\(title): \(keys.count) station\(keys.count == 1 ? "" : "s")")
                for key in keys.prefix(limit) {
                    let s = run.stations[key]!
                    print(String(format: "     utilisation %5.1f%%  arrivals %10.0f  ", s.utilisation.0 * 100, s.arrivals.0) + key)
                }
                if keys.count > limit { print("     ... and \(keys.count - limit) more (--limit)") }
            }
        }
    }
}

struct CompareError: Error { let message: String }
