import ArgumentParser
import Foundation

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare two simulation results station by station.",
        discussion: """
            Reads two result.json files written by `carepath simulate --out DIR` and prints, station by
            station, how utilisation, mean wait and arrivals changed. A change is flagged (*) when the
            two 95% confidence intervals do not overlap. Stations present in only one result (a facility
            opened or closed) are listed apart.

            Example: carepath compare results/base/result.json results/agadir-chu/result.json
            """
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
    }

    static func read(_ path: String) throws -> (stations: [String: Station], arrived: Int) {
        guard let data = FileManager.default.contents(atPath: path),
              let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
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
            result[key] = Station(key: key, utilisation: estimate(station["utilisation"]), wait: estimate(station["meanWaitMinutes"]), arrivals: estimate(station["arrivals"]))
        }
        let arrived = ((root["accounting"] as? [String: Any])?["arrived"] as? Int) ?? 0
        return (result, arrived)
    }

    /// Whether two estimates' 95% intervals are disjoint.
    static func significant(_ a: (Double, Double), _ b: (Double, Double)) -> Bool { abs(a.0 - b.0) > a.1 + b.1 }

    static func changeJSON(_ pair: (Station, Station)) -> JSONValue {
        let utilisation: JSONValue = .object(["baseline": .double(pair.0.utilisation.0), "other": .double(pair.1.utilisation.0), "significant": .bool(significant(pair.0.utilisation, pair.1.utilisation))])
        let wait: JSONValue = .object(["baseline": .double(pair.0.wait.0), "other": .double(pair.1.wait.0), "significant": .bool(significant(pair.0.wait, pair.1.wait))])
        return .object(["station": .string(pair.0.key), "utilisation": utilisation, "meanWaitMinutes": wait])
    }

    func run() throws {
        let a: (stations: [String: Station], arrived: Int), b: (stations: [String: Station], arrived: Int)
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
        switch output.format {
        case .json:
            let json: JSONValue = .object([
                "baseline": .string(baseline), "other": .string(other),
                "arrived": .object(["baseline": .int(a.arrived), "other": .int(b.arrived)]),
                "changes": .array(changes.map(Self.changeJSON)),
                "onlyInBaseline": .array(onlyA.map { .string($0) }), "onlyInOther": .array(onlyB.map { .string($0) }),
            ])
            print(json.rendered())
        case .text:
            print("Patients arrived: \(a.arrived) → \(b.arrived)")
            print("\(changes.count) of \(common.count) common stations changed; * = 95% intervals do not overlap")
            for pair in changes.prefix(limit) {
                let u = String(format: "%5.1f%% → %5.1f%%", pair.0.utilisation.0 * 100, pair.1.utilisation.0 * 100)
                let w = String(format: "%8.1f → %8.1f min", pair.0.wait.0, pair.1.wait.0)
                let flag = (Self.significant(pair.0.utilisation, pair.1.utilisation) ? "*" : " ") + (Self.significant(pair.0.wait, pair.1.wait) ? "*" : " ")
                print("  \(flag) utilisation \(u)  wait \(w)  \(pair.0.key)")
            }
            if !onlyA.isEmpty { print("Only in the baseline (closed): \(onlyA.count) stations, e.g. \(onlyA.prefix(5).joined(separator: ", "))") }
            if !onlyB.isEmpty { print("Only in the other (opened): \(onlyB.count) stations, e.g. \(onlyB.prefix(5).joined(separator: ", "))") }
        }
    }
}

struct CompareError: Error { let message: String }
