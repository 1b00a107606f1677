import CareNetwork
import Foundation

/// How long and how often to simulate.
public struct SimulationConfiguration: Sendable, Hashable {
    /// Simulated days, warm-up included.
    public var days: Double
    /// Days at the start excluded from the statistics (queues fill up from empty).
    public var warmupDays: Double
    /// Independent replications, run in parallel.
    public var replications: Int
    /// The seed every replication's streams derive from (Docs/simulation.md, "Randomness and
    /// reproducibility").
    public var seed: UInt64
    /// Threads to use; nil for every core. The result does not depend on it.
    public var threads: Int?
    /// The date of the run's first day (its minute 0 is that day's midnight): what weekdays, months
    /// and closed dates the opening hours and arrival profiles meet. Irrelevant to a network without
    /// them. Default ``defaultStart``.
    public var start: CalendarDate = SimulationConfiguration.defaultStart
    /// Monday 4 January 2027: a run starts on a Monday, after the New Year holiday.
    public static let defaultStart = CalendarDate(year: 2027, month: 1, day: 4)!
    /// The most patients a replication may hold at once (waiting or in service) before it stops:
    /// a guard against demand so far beyond capacity that the queues would exhaust memory. The
    /// engine checks it at the end of each window (a week), and stops sooner if a window's arrivals
    /// would take the system past twice the limit. The national network holds about 70,000. Nil
    /// (the default): each replication running at once gets its share of ``memoryBudget``
    /// (``patientLimit(concurrentReplications:)``).
    public var patientLimit: Int?
    /// Bytes the replications running at once may fill with patients, shared between them; nil for
    /// half of this machine's physical memory.
    public var memoryBudget: Int?
    /// What a patient in the system costs the sweep at most, in bytes: a 32-byte traveller in a lane,
    /// up to twice the limit within a window, and the lanes' growth (measured with the 24-byte
    /// travellers of CarePath 0.3: a replication stopped at a limit of 4,194,304 patients peaked at
    /// 272 MB above the model, 65 bytes a patient; scaled by 32/24 and rounded up).
    public static let bytesPerPatient = 88
    /// 2^25 (33,554,432) patients: the most one replication may hold, whatever the budget (its lanes
    /// count patients in 32 bits).
    public static let maximumPatientLimit = 1 << 25

    /// The patient limit of each of `concurrent` replications running at once: ``patientLimit`` if
    /// set, else an equal share of ``memoryBudget``, at most ``maximumPatientLimit``.
    public func patientLimit(concurrentReplications concurrent: Int) -> Int {
        if let patientLimit { return max(patientLimit, 1) }
        let budget = memoryBudget ?? Int(clamping: ProcessInfo.processInfo.physicalMemory / 2)
        return max(1, min(Self.maximumPatientLimit, budget / (Self.bytesPerPatient * max(concurrent, 1))))
    }

    /// A run of `days` (warm-up included) and `replications` seeded with `seed`, on `threads` (nil: every core).
    public init(days: Double = 90, warmupDays: Double = 14, replications: Int = 4, seed: UInt64 = 1, threads: Int? = nil) {
        self.days = days
        self.warmupDays = warmupDays
        self.replications = replications
        self.seed = seed
        self.threads = threads
    }
}
