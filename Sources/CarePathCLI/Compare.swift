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
            listed apart, with their figures, and facilities are ranked by how much their arrivals a
            day changed (where the patients of a closed facility went). Each run's scenario is named,
            and only the settings the runs differ in. Arrivals are compared per day, so runs of
            different lengths compare. Results of different networks (by the digest of the network
            file) are refused unless --allow-different-networks.

            Example (after the two runs in `carepath simulate --help`):
              carepath compare results/baseline/result.json results/agadir/result.json
            """.helpParagraphs
    )

    @Argument(help: "The baseline result.json.") var baseline: String
    @Argument(help: "The result.json to compare with it.") var other: String
    @Option(help: "Show at most this many changed stations (largest utilisation change first).") var limit: Int = 25
    @Flag(help: "Compare results of different networks (by digest) all the same: only their common stations are paired.")
    var allowDifferentNetworks = false
    @OptionGroup var output: OutputOptions

    func run() throws {
        let a: ResultDocument, b: ResultDocument
        do { a = try ResultDocument.read(path: baseline); b = try ResultDocument.read(path: other) } catch {
            StandardError.write("error: \(error)\n")
            throw ExitCode(1)
        }
        if !allowDifferentNetworks { try CompareNetworks.check(baseline: a, baselinePath: baseline, other: b, otherPath: other) }
        let comparison = ResultComparison(baseline: a, other: b)
        let paired = comparison.isPaired, intervals = comparison.hasIntervals
        let changes = comparison.changes
        // Arrivals per measured day, so that runs of different lengths compare.
        let moved = ResultComparison.perDayArrivals(baseline: a, other: b)
        let differences = ResultComparison.differingSettings(a, b)
        func arrivedPerDay(_ d: ResultDocument) -> Double { Double(d.accounting.arrived) / Double(max(d.configuration.replications, 1)) / max(d.configuration.days, 1e-9) }
        func perDay(_ s: ResultDocument.Station, _ d: ResultDocument) -> Double { s.arrivals.mean / max(d.configuration.measuredDays, 1e-9) }
        switch output.format {
        case .json:
            func only(_ stations: [ResultDocument.Station], _ d: ResultDocument) -> JSONValue {
                .array(stations.map { .object(["station": .string($0.key), "utilisation": .double($0.utilisation.mean), "arrivals": .double($0.arrivals.mean), "arrivalsPerDay": .double(perDay($0, d))]) })
            }
            func change(_ c: ResultComparison.Change) -> JSONValue {
                .object(["station": .string(c.key),
                         "utilisation": .object(["baseline": .double(c.baseline.utilisation.mean), "other": .double(c.other.utilisation.mean), "significant": .bool(c.utilisationSignificant)]),
                         "meanWaitMinutes": .object(["baseline": .double(c.baseline.meanWaitMinutes.mean), "other": .double(c.other.meanWaitMinutes.mean), "significant": .bool(c.waitSignificant)])])
            }
            func optional(_ text: String?) -> JSONValue { text.map { .string($0) } ?? .null }
            let json: JSONValue = .object([
                "baseline": .string(baseline), "other": .string(other),
                "sameNetwork": .bool(comparison.isSameNetwork),
                "scenario": .object(["baseline": optional(a.scenario?.label), "other": optional(b.scenario?.label)]),
                "differingSettings": .array(differences.map { .object(["setting": .string($0.name), "baseline": .string($0.baseline), "other": .string($0.other)]) }),
                "arrived": .object(["baseline": .int(a.accounting.arrived), "other": .int(b.accounting.arrived)]),
                "arrivedPerDay": .object(["baseline": .double(arrivedPerDay(a)), "other": .double(arrivedPerDay(b))]),
                "inSystemAtDayEnd": .object(["baseline": .double(a.daily.warmUpCheck.measuredMean), "other": .double(b.daily.warmUpCheck.measuredMean)]),
                "warmUpCheck": .object(["baseline": .string(a.daily.warmUpCheck.verdict.rawValue), "other": .string(b.daily.warmUpCheck.verdict.rawValue)]),
                "steadyState": .object(["baseline": .string(a.steadyState.rawValue), "other": .string(b.steadyState.rawValue)]),
                "paired": .bool(paired),
                "changes": .array(changes.map(change)),
                "onlyInBaseline": .array(comparison.onlyInBaseline.map { .string($0.key) }), "onlyInOther": .array(comparison.onlyInOther.map { .string($0.key) }),
                "closedStations": only(comparison.onlyInBaseline, a), "openedStations": only(comparison.onlyInOther, b),
                // Totals over the measured period, mean per replication, as before; per day beside them.
                "facilityArrivals": .array(comparison.movedArrivals.prefix(limit).map { .object(["facility": .string($0.facility), "baseline": .double($0.baseline), "other": .double($0.other)]) }),
                "facilityArrivalsPerDay": .array(moved.prefix(limit).map { .object(["facility": .string($0.facility), "baseline": .double($0.baseline), "other": .double($0.other)]) }),
            ])
            print(json.rendered())
        case .text:
            print("Baseline: \(baseline)\(a.scenario.map { " (scenario: \($0.label))" } ?? "")")
            print("Other:    \(other)\(b.scenario.map { " (scenario: \($0.label))" } ?? "")")
            if !comparison.isSameNetwork {
                print("warning: the runs were simulated on different networks ('\(a.network.path)' \(a.network.digest), '\(b.network.path)' \(b.network.digest)): only their common stations are paired")
            }
            if !differences.isEmpty {
                print("warning: the runs differ in " + differences.map { "\($0.name) \($0.baseline) → \($0.other)" }.joined(separator: ", ")
                    + (differences.contains { $0.name == "days" || $0.name == "warmupDays" } ? "; arrivals are compared per day" : ""))
            }
            print("Patients arrived a day (mean per replication): \(tenths(arrivedPerDay(a))) → \(tenths(arrivedPerDay(b)))")
            print("In the system at day end (mean over the measured days): \(NumberFormat.oneDecimal(a.daily.warmUpCheck.measuredMean.rounded())) → \(NumberFormat.oneDecimal(b.daily.warmUpCheck.measuredMean.rounded()))")
            // A run that never levelled off, or with overloaded stations: its waits depend on its length.
            for (name, run) in [("baseline", a), ("other run", b)] {
                let overloaded = run.overloadedStations.count
                switch run.steadyState {
                case .stillRising: print("warning: the \(name) has no steady state (the number in the system kept rising): its waits grow with --days")
                case .overloaded, .steadyExceptOverloaded:
                    print("warning: the \(name) has \(overloaded) overloaded station\(overloaded == 1 ? "" : "s") (busy 99% of the time or more): their queues grow for as long as the run lasts, so their waits grow with --days")
                case .warmUpTooShort: print("warning: the \(name)'s warm-up looks too short: its statistics include the system filling up")
                case .steady, .tooSmallToJudge: break
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
            if changes.count > limit { print("  ... and \(changes.count - limit) more (--limit)") }
            if !moved.isEmpty {
                print("Facilities whose arrivals changed most (patients a day over the measured period, mean per replication):")
                for entry in moved.prefix(limit) {
                    print("  " + pad(tenths(entry.baseline), 9) + " → " + pad(tenths(entry.other), 9)
                        + "  (" + (entry.other >= entry.baseline ? "+" : "") + tenths(entry.other - entry.baseline) + ")  " + entry.facility)
                }
            }
            for (title, stations, run) in [("Only in the baseline (closed or removed)", comparison.onlyInBaseline, a), ("Only in the other (opened or added)", comparison.onlyInOther, b)] where !stations.isEmpty {
                print("\(title): \(stations.count) station\(stations.count == 1 ? "" : "s")")
                for s in stations.prefix(limit) {
                    print("     utilisation " + NumberFormat.format("%5.1f%%", s.utilisation.mean * 100) + "  arrivals a day " + pad(tenths(perDay(s, run)), 9) + "  " + s.key)
                }
                if stations.count > limit { print("     ... and \(stations.count - limit) more (--limit)") }
            }
        }
    }

    /// A number with one decimal and grouped thousands, `3,581.0`; `?` when it is not finite.
    private func tenths(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e15 else { return "?" }
        let text = NumberFormat.fixed(value, digits: 1)
        let negative = text.hasPrefix("-"), parts = text.dropFirst(negative ? 1 : 0).split(separator: ".")
        guard parts.count == 2, let whole = Int(parts[0]) else { return text }
        return (negative ? "-" : "") + NumberFormat.grouped(whole) + "." + parts[1]
    }

    /// `text` right-aligned in `width` columns.
    private func pad(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - text.count)) + text }
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
