import Dispatch
import Foundation
import Histogram

/// How long and how often to simulate.
public struct SimulationConfiguration: Sendable, Hashable {
    /// Simulated days, warm-up included.
    public var days: Double
    /// Days at the start excluded from the statistics (queues fill up from empty).
    public var warmupDays: Double
    /// Independent replications, run in parallel.
    public var replications: Int
    /// The seed every replication's stream derives from (see ``RandomSource``).
    public var seed: UInt64
    /// Threads to use; nil for every core. The result does not depend on it.
    public var threads: Int?
    /// The most patients a replication may hold at once (waiting or in service) before it stops:
    /// a guard against demand so far beyond capacity that the queues would exhaust memory. The
    /// engine checks it at the end of each window (a week), and stops sooner if a window's arrivals
    /// would take the system past twice the limit. The national network holds about 70,000.
    public var patientLimit: Int = SimulationConfiguration.defaultPatientLimit
    /// 2^25 (33,554,432) patients: 0.8 GB of 24-byte travellers in the sweep's lanes, up to twice that
    /// within a window, per replication.
    public static let defaultPatientLimit = 1 << 25

    public init(days: Double = 90, warmupDays: Double = 14, replications: Int = 4, seed: UInt64 = 1, threads: Int? = nil) {
        self.days = days
        self.warmupDays = warmupDays
        self.replications = replications
        self.seed = seed
        self.threads = threads
    }
}

/// A mean over replications with its 95% confidence interval (Student's t).
public struct Estimate: Sendable, Hashable {
    public var mean: Double
    /// Half-width of the 95% confidence interval; 0 with a single replication.
    public var halfWidth: Double

    public init(_ samples: [Double]) {
        let n = Double(samples.count)
        let average = samples.reduce(0, +) / max(n, 1)
        mean = average
        guard samples.count > 1 else { halfWidth = 0; return }
        let variance = samples.reduce(0) { $0 + ($1 - average) * ($1 - average) } / (n - 1)
        halfWidth = Estimate.studentT975(degreesOfFreedom: samples.count - 1) * (variance / n).squareRoot()
    }

    /// Whether `value` lies inside the interval.
    public func contains(_ value: Double) -> Bool { abs(value - mean) <= halfWidth }

    /// The 97.5% quantile of Student's t distribution.
    static func studentT975(degreesOfFreedom df: Int) -> Double {
        let table: [Double] = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
                               2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
                               2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042]
        if df <= table.count { return table[df - 1] }
        return df <= 60 ? 2.000 : df <= 120 ? 1.980 : 1.960
    }
}

/// What the simulation measured at one station, over replications.
public struct StationStatistics: Sendable {
    public var station: Int
    public var arrivals: Estimate
    public var served: Estimate
    public var utilisation: Estimate
    /// Mean wait before service, in minutes.
    public var meanWait: Estimate
    /// Wait percentiles in minutes over every replication's patients together.
    public var waitP50: Double
    public var waitP90: Double
    public var waitP99: Double
    public var maxQueue: Int
    /// Patients turned away because the station's bounded queue was full.
    public var turnedAway: Estimate
}

/// The result of a simulation: per-station and per-link statistics and the patient accounting.
public struct SimulationResult: Sendable {
    public var configuration: SimulationConfiguration
    public var replications: [ReplicationResult]
    public var stations: [StationStatistics]
    /// Per link (``SimulationModel/links``): patients who crossed it after warm-up, over replications.
    public var linkFlow: [Estimate]
    /// Per route: patients who arrived on it after warm-up, mean per replication.
    public var routeArrivals: [Double]
    /// Patients in the system at the end of each day of the horizon, warm-up included, over
    /// replications: the run filling from empty, then (given enough warm-up) level.
    public var inSystemAtEndOfDay: [Estimate]
    /// Whether the measured days look like a steady state, from ``inSystemAtEndOfDay``.
    public var warmUpCheck: WarmUpCheck
    /// Accounting summed over replications: arrived = completed + in system + not covered + unavailable
    /// + turned away (0 unless a queue is bounded).
    public var arrived: Int
    public var completed: Int
    public var inSystem: Int
    public var notCovered: Int
    public var unavailable: Int
    public var turnedAway: Int
    /// Service starts over every replication.
    public var stationVisits: Int
    public var events: Int

    /// The earliest time (minutes) a replication stopped because too many patients were in the system
    /// (``SimulationConfiguration/patientLimit``), with that replication; nil when all ran to the end.
    /// The statistics of such a run are not valid.
    public var stoppedEarly: (replication: Int, minutes: Double)? {
        replications.enumerated().compactMap { r, result in result.stoppedAt.map { (r, $0) } }.min { $0.1 < $1.1 }
    }

    /// Whether every patient is accounted for.
    public var isBalanced: Bool { arrived == completed + inSystem + notCovered + unavailable + turnedAway }
}

/// Runs replications of a ``SimulationModel`` in parallel and gathers their statistics.
public enum Simulation {
    /// Simulates `model` on the station sweep (``StationSweepRun``): time windows of a week, the
    /// stations swept in referral order, each working through its own events. `progress`, if given,
    /// hears from each replication with the share of its horizon simulated (after each simulated
    /// week), and once with 1 when it ends. Replication `r` draws each source's arrivals from ``RandomSource`` seeded with
    /// `(seed, r, source key)` and its result lands in slot `r`, so the result is the same whatever
    /// the number of threads.
    public static func run(_ model: SimulationModel, configuration: SimulationConfiguration,
                           progress: (@Sendable (_ replication: Int, _ fraction: Double) -> Void)? = nil) -> SimulationResult {
        let count = max(1, configuration.replications)
        let slots = ReplicationSlots(count: count)
        let threads = max(1, min(configuration.threads ?? ProcessInfo.processInfo.activeProcessorCount, count))
        // The station sweep needs pathways that never return to a station: every model built from a
        // network (RAMED pathways only climb), and every model the builder accepts.
        guard let sweep = StationSweepPlan(model) else { preconditionFailure("a model whose routes revisit a station cannot be simulated") }
        let horizon = configuration.days * 1440, warmup = configuration.warmupDays * 1440
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            while let r = slots.take() {
                let report: ((Double) -> Void)? = progress.map { progress in { progress(r, $0) } }
                var run = StationSweepRun(plan: sweep, horizonMinutes: horizon, warmupMinutes: warmup, seed: configuration.seed, replication: r)
                run.progress = report
                run.patientLimit = max(configuration.patientLimit, 1)
                slots.store(run.run(), at: r)
                progress?(r, 1)
            }
        }
        return aggregate(model: model, configuration: configuration, replications: slots.results())
    }

    /// The statistics of a run's replications (`replications[r]`: replication `r`), whichever engine
    /// ran them (the test-support reference engine gathers its own through here).
    package static func aggregate(model: SimulationModel, configuration: SimulationConfiguration,
                                  replications: [ReplicationResult]) -> SimulationResult {
        var stations: [StationStatistics] = []
        stations.reserveCapacity(model.stationCount)
        let waitRecords = replications.map(\.waits)
        for s in 0..<model.stationCount {
            let percentiles = WaitRecord.percentiles([50, 90, 99], station: s, in: waitRecords)
            stations.append(StationStatistics(
                station: s,
                arrivals: Estimate(replications.map { Double($0.arrivals[s]) }),
                served: Estimate(replications.map { Double($0.served[s]) }),
                utilisation: Estimate(replications.map { $0.utilisation[s] }),
                meanWait: Estimate(replications.map { $0.meanWait[s] }),
                waitP50: percentiles[0], waitP90: percentiles[1], waitP99: percentiles[2],
                maxQueue: replications.map { $0.maxQueue[s] }.max() ?? 0,
                turnedAway: Estimate(replications.map { Double($0.turnedAwayAt[s]) })))
        }
        let links = (0..<model.links.count).map { l in Estimate(replications.map { Double($0.linkFlow[l]) }) }
        let routes = (0..<model.routeOutcome.count).map { r in replications.reduce(0.0) { $0 + Double($1.routeArrivals[r]) } / Double(max(replications.count, 1)) }
        func sum(_ key: KeyPath<ReplicationResult, Int>) -> Int { replications.reduce(0) { $0 + $1[keyPath: key] } }
        let days = replications.map(\.inSystemAtEndOfDay.count).min() ?? 0
        let census = (0..<days).map { d in Estimate(replications.map { Double($0.inSystemAtEndOfDay[d]) }) }
        return SimulationResult(
            configuration: configuration, replications: replications, stations: stations, linkFlow: links, routeArrivals: routes,
            inSystemAtEndOfDay: census,
            warmUpCheck: WarmUpCheck(census: replications.map { $0.inSystemAtEndOfDay.map(Double.init) }, warmupDays: configuration.warmupDays),
            arrived: sum(\.arrived), completed: sum(\.completed), inSystem: sum(\.inSystem),
            notCovered: sum(\.notCovered), unavailable: sum(\.unavailable), turnedAway: sum(\.turnedAway),
            stationVisits: sum(\.stationVisits), events: sum(\.events))
    }
}

/// The replications of a run, shared by the worker threads: hands out their indices in turn and
/// keeps each one's result in its own slot, so the result does not depend on the threads.
private final class ReplicationSlots: @unchecked Sendable {
    private var storage: [ReplicationResult?]
    private var next = 0
    private let lock = NSLock()
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    /// The next replication to run, or nil when every one has been handed out.
    func take() -> Int? {
        lock.withLock {
            guard next < storage.count else { return nil }
            defer { next += 1 }
            return next
        }
    }
    func store(_ result: ReplicationResult, at index: Int) { lock.withLock { storage[index] = result } }
    func results() -> [ReplicationResult] { lock.withLock { storage.map { $0! } } }
}
