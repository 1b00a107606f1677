import CarePathSupport
import LoadSimulation

/// What changed between two simulation results, station by station: the basis of `carepath compare`.
///
/// A change is significant when the 95% confidence interval of the change excludes zero: paired
/// replication by replication when both runs used the same seed, number of replications and
/// CarePath version (replication r of each shares its random numbers, so the pairs cancel most of
/// the noise), else when the two runs' intervals do not overlap. It needs 2 replications or more in
/// both runs.
public struct ResultComparison: Sendable {
    public let baseline: ResultDocument
    public let other: ResultDocument

    /// A station of both runs whose mean utilisation or mean wait differs.
    public struct Change: Sendable, Hashable {
        public var baseline: ResultDocument.Station
        public var other: ResultDocument.Station
        public var utilisationSignificant: Bool
        public var waitSignificant: Bool
        public var key: String { baseline.key }
    }

    /// A facility whose arrivals changed (where a closed facility's patients went).
    public struct MovedArrivals: Sendable, Hashable {
        public var facility: String
        public var baseline: Double
        public var other: Double
    }

    /// Whether both runs have 2 replications or more, so that changes can be judged.
    public let hasIntervals: Bool
    /// Whether the runs are paired replication by replication (same seed, replications and version).
    public let isPaired: Bool
    /// Stations of both runs.
    public let commonStations: [String]
    /// Stations of both runs that changed, largest utilisation change first (ties by key).
    public let changes: [Change]
    /// Stations of the baseline only (closed or removed), by key.
    public let onlyInBaseline: [ResultDocument.Station]
    /// Stations of the other run only (opened or added), by key.
    public let onlyInOther: [ResultDocument.Station]
    /// Facilities whose arrivals changed, largest change first.
    public let movedArrivals: [MovedArrivals]

    public init(baseline: ResultDocument, other: ResultDocument) {
        self.baseline = baseline
        self.other = other
        let a = Dictionary(baseline.stations.map { ($0.key, $0) }, uniquingKeysWith: { _, last in last })
        let b = Dictionary(other.stations.map { ($0.key, $0) }, uniquingKeysWith: { _, last in last })
        hasIntervals = baseline.configuration.replications >= 2 && other.configuration.replications >= 2
        isPaired = hasIntervals && baseline.configuration.replications == other.configuration.replications
            && baseline.configuration.seed == other.configuration.seed && baseline.carepath == other.carepath
        commonStations = Set(a.keys).intersection(b.keys).sorted()
        let paired = isPaired
        changes = commonStations.compactMap { key -> Change? in
            let before = a[key]!, after = b[key]!
            guard before.utilisation.mean != after.utilisation.mean || before.meanWaitMinutes.mean != after.meanWaitMinutes.mean else { return nil }
            return Change(baseline: before, other: after,
                          utilisationSignificant: Self.significant(before.utilisation, after.utilisation, before.perReplication.utilisation, after.perReplication.utilisation, paired: paired),
                          waitSignificant: Self.significant(before.meanWaitMinutes, after.meanWaitMinutes, before.perReplication.meanWaitMinutes, after.perReplication.meanWaitMinutes, paired: paired))
        }.sorted { left, right in
            let l = abs(left.other.utilisation.mean - left.baseline.utilisation.mean), r = abs(right.other.utilisation.mean - right.baseline.utilisation.mean)
            return l != r ? l > r : left.key < right.key
        }
        onlyInBaseline = Set(a.keys).subtracting(b.keys).sorted().map { a[$0]! }
        onlyInOther = Set(b.keys).subtracting(a.keys).sorted().map { b[$0]! }
        let before = baseline.facilityArrivals, after = other.facilityArrivals
        movedArrivals = Set(before.keys).union(after.keys).sorted()
            .map { MovedArrivals(facility: $0, baseline: before[$0] ?? 0, other: after[$0] ?? 0) }
            .filter { $0.baseline != $0.other }
            .sorted { x, y in
                let dx = abs(x.other - x.baseline), dy = abs(y.other - y.baseline)
                return dx != dy ? dx > dy : x.facility < y.facility
            }
    }

    /// Whether a change is significant: with `paired`, when the 95% interval of the replication-by-
    /// replication differences excludes zero; else when the two intervals are disjoint.
    public static func significant(_ a: ResultDocument.Estimate, _ b: ResultDocument.Estimate, _ before: [Double], _ after: [Double], paired: Bool) -> Bool {
        guard paired, before.count == after.count, before.count >= 2 else { return a.isDisjoint(from: b) }
        let difference = LoadSimulation.Estimate(zip(after, before).map { $0 - $1 })
        return abs(difference.mean) > difference.halfWidth
    }
}

extension ResultComparison {
    /// A setting in which two runs differ: its name (`days`, `warmupDays`, `replications`, `seed`,
    /// `carepath`, `scenario`) and its value in each.
    public struct Setting: Sendable, Hashable {
        public var name: String
        public var baseline: String
        public var other: String
    }

    /// The settings in which `baseline` and `other` differ, and only those, in a fixed order.
    public static func differingSettings(_ baseline: ResultDocument, _ other: ResultDocument) -> [Setting] {
        func values(_ d: ResultDocument) -> [(String, String)] {
            let c = d.configuration
            return [("days", NumberFormat.significant(c.days)), ("warmupDays", NumberFormat.significant(c.warmupDays)),
                    ("replications", String(c.replications)), ("seed", c.seed), ("carepath", d.carepath)]
        }
        return zip(values(baseline), values(other)).compactMap { a, b in a.1 == b.1 ? nil : Setting(name: a.0, baseline: a.1, other: b.1) }
    }

    /// Whether the two runs were simulated on the same network file (by its digest).
    public var isSameNetwork: Bool { baseline.network.digest == other.network.digest }

    /// Facilities whose arrivals per measured day changed, largest change first (ties by key): the
    /// figures of ``movedArrivals`` divided by each run's measured days, so that runs of different
    /// lengths compare.
    public static func perDayArrivals(baseline: ResultDocument, other: ResultDocument) -> [MovedArrivals] {
        let a = max(baseline.configuration.measuredDays, 1e-9), b = max(other.configuration.measuredDays, 1e-9)
        let before = baseline.facilityArrivals, after = other.facilityArrivals
        return Set(before.keys).union(after.keys).sorted()
            .map { MovedArrivals(facility: $0, baseline: (before[$0] ?? 0) / a, other: (after[$0] ?? 0) / b) }
            .filter { $0.baseline != $0.other }
            .sorted { x, y in
                let dx = abs(x.other - x.baseline), dy = abs(y.other - y.baseline)
                return dx != dy ? dx > dy : x.facility < y.facility
            }
    }
}

extension ResultDocument {
    /// What the census's warm-up check and the overloaded stations say together, so that no reader
    /// gives advice the other contradicts: a census that looks like a short warm-up while stations are
    /// overloaded is not a warm-up to lengthen (those stations' queues grow whatever the warm-up).
    public enum SteadyState: String, Sendable, Hashable, CaseIterable {
        /// The census is level and no station is overloaded.
        case steady
        /// The census is level, but some stations are overloaded: their queues grow.
        case steadyExceptOverloaded = "steady-except-overloaded"
        /// The census was still filling when measuring began and has levelled off; no station is overloaded.
        case warmUpTooShort = "warm-up-too-short"
        /// The census looks like a short warm-up, but some stations are overloaded: no steady state there.
        case overloaded
        /// The census kept rising: demand exceeds capacity somewhere.
        case stillRising = "still-rising"
        /// Too few patients or days to judge.
        case tooSmallToJudge = "too-small-to-judge"
    }

    /// The census's warm-up verdict read with the overloaded stations (``overloadedStations``).
    public var steadyState: SteadyState {
        let overloaded = !overloadedStations.isEmpty
        switch daily.warmUpCheck.verdict {
        case .steady: return overloaded ? .steadyExceptOverloaded : .steady
        case .warmUpTooShort: return overloaded ? .overloaded : .warmUpTooShort
        case .stillRising: return .stillRising
        case .tooSmallToJudge: return .tooSmallToJudge
        }
    }
}
