import CarePathSupport
import ArgumentParser
import Foundation
import SimulationResults

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

    func run() throws {
        let a: ResultDocument, b: ResultDocument
        do { a = try ResultDocument.read(path: baseline); b = try ResultDocument.read(path: other) } catch {
            StandardError.write("error: \(error)\n")
            throw ExitCode(1)
        }
        let comparison = ResultComparison(baseline: a, other: b)
        let paired = comparison.isPaired, intervals = comparison.hasIntervals
        let changes = comparison.changes, moved = comparison.movedArrivals
        switch output.format {
        case .json:
            func only(_ stations: [ResultDocument.Station]) -> JSONValue {
                .array(stations.map { .object(["station": .string($0.key), "utilisation": .double($0.utilisation.mean), "arrivals": .double($0.arrivals.mean)]) })
            }
            func change(_ c: ResultComparison.Change) -> JSONValue {
                .object(["station": .string(c.key),
                         "utilisation": .object(["baseline": .double(c.baseline.utilisation.mean), "other": .double(c.other.utilisation.mean), "significant": .bool(c.utilisationSignificant)]),
                         "meanWaitMinutes": .object(["baseline": .double(c.baseline.meanWaitMinutes.mean), "other": .double(c.other.meanWaitMinutes.mean), "significant": .bool(c.waitSignificant)])])
            }
            func optional(_ text: String?) -> JSONValue { text.map { .string($0) } ?? .null }
            let json: JSONValue = .object([
                "baseline": .string(baseline), "other": .string(other),
                "scenario": .object(["baseline": optional(a.scenario?.label), "other": optional(b.scenario?.label)]),
                "arrived": .object(["baseline": .int(a.accounting.arrived), "other": .int(b.accounting.arrived)]),
                "inSystemAtDayEnd": .object(["baseline": .double(a.daily.warmUpCheck.measuredMean), "other": .double(b.daily.warmUpCheck.measuredMean)]),
                "warmUpCheck": .object(["baseline": .string(a.daily.warmUpCheck.verdict.rawValue), "other": .string(b.daily.warmUpCheck.verdict.rawValue)]),
                "paired": .bool(paired),
                "changes": .array(changes.map(change)),
                "onlyInBaseline": .array(comparison.onlyInBaseline.map { .string($0.key) }), "onlyInOther": .array(comparison.onlyInOther.map { .string($0.key) }),
                "closedStations": only(comparison.onlyInBaseline), "openedStations": only(comparison.onlyInOther),
                "facilityArrivals": .array(moved.prefix(limit).map { .object(["facility": .string($0.facility), "baseline": .double($0.baseline), "other": .double($0.other)]) }),
            ])
            print(json.rendered())
        case .text:
            print("Baseline: \(baseline)\(a.scenario.map { " (scenario: \($0.label))" } ?? "")")
            print("Other:    \(other)\(b.scenario.map { " (scenario: \($0.label))" } ?? "")")
            let before = ResultComparison.settings(of: a), after = ResultComparison.settings(of: b)
            if before != after {
                print("warning: the runs differ in \(before.joined(separator: ", ")) → \(after.joined(separator: ", "))")
            }
            print("Patients arrived: \(a.accounting.arrived) → \(b.accounting.arrived)")
            print("In the system at day end (mean over the measured days): \(NumberFormat.fixed(a.daily.warmUpCheck.measuredMean)) → \(NumberFormat.fixed(b.daily.warmUpCheck.measuredMean))")
            // A run that never levelled off: its utilisation and waits depend on its length.
            for (name, run) in [("baseline", a), ("other run", b)] {
                switch run.daily.warmUpCheck.verdict {
                case .stillRising: print("warning: the \(name) has no steady state (the number in the system kept rising): its waits grow with --days")
                case .warmUpTooShort: print("warning: the \(name)'s warm-up looks too short: its statistics include the system filling up")
                default: break
                }
            }
            print("\(changes.count) of \(comparison.commonStations.count) common stations changed; " + (!intervals
                ? "one replication in a run: no confidence intervals, so no change is flagged (use --replications 2 or more)"
                : paired ? "* = the 95% interval of the change, replication by replication (same seed), excludes 0"
                : "* = 95% intervals do not overlap (the runs differ in seed, replications or version, so they are not paired)"))
            for c in changes.prefix(limit) {
                let u = NumberFormat.format("%5.1f%%", c.baseline.utilisation.mean * 100) + " → " + NumberFormat.format("%5.1f%%", c.other.utilisation.mean * 100)
                let w = NumberFormat.format("%8.1f", c.baseline.meanWaitMinutes.mean) + " → " + NumberFormat.format("%8.1f min", c.other.meanWaitMinutes.mean)
                let flag = intervals ? (c.utilisationSignificant ? "*" : " ") + (c.waitSignificant ? "*" : " ") : "  "
                print("  \(flag) utilisation \(u)  wait \(w)  \(c.key)")
            }
            if !moved.isEmpty {
                print("Facilities whose arrivals changed most (patients over the measured period, mean per replication):")
                for entry in moved.prefix(limit) {
                    print("  " + NumberFormat.format("%10.0f", entry.baseline) + " → " + NumberFormat.format("%10.0f", entry.other)
                        + "  (" + NumberFormat.format("%+.0f", entry.other - entry.baseline) + ")  " + entry.facility)
                }
            }
            for (title, stations) in [("Only in the baseline (closed or removed)", comparison.onlyInBaseline), ("Only in the other (opened or added)", comparison.onlyInOther)] where !stations.isEmpty {
                print("\(title): \(stations.count) station\(stations.count == 1 ? "" : "s")")
                for s in stations.prefix(limit) {
                    print("     utilisation " + NumberFormat.format("%5.1f%%", s.utilisation.mean * 100) + "  arrivals " + NumberFormat.format("%10.0f", s.arrivals.mean) + "  " + s.key)
                }
                if stations.count > limit { print("     ... and \(stations.count - limit) more (--limit)") }
            }
        }
    }
}

/// The refusal `compare` and `report --compare` share: results of two different networks (by the
/// digest of the network file) have few or no stations in common, so pairing them says nothing.
enum CompareNetworks {
    static func check(baseline: ResultDocument, baselinePath: String, other: ResultDocument, otherPath: String) throws {
        guard baseline.network.digest != other.network.digest else { return }
        let a = baseline.network, b = other.network
        let what = a.path == b.path
            ? "'\(a.path)' changed between them (\(a.digest), then \(b.digest))"
            : "'\(a.path)' (\(a.digest)) and '\(b.path)' (\(b.digest))"
        throw CommandFailure("'\(baselinePath)' and '\(otherPath)' were simulated on different networks: \(what)",
                             hint: "compare two runs of one network file (a run with --scenario records the network it changes, so it pairs with that network's run), or pass --allow-different-networks to pair their common stations anyway")
    }
}
