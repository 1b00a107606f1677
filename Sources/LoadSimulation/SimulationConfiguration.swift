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
    /// The most patients a replication may hold at once (waiting or in service) before it stops:
    /// a guard against demand so far beyond capacity that the queues would exhaust memory. The
    /// engine checks it at the end of each window (a week), and stops sooner if a window's arrivals
    /// would take the system past twice the limit. The national network holds about 70,000.
    public var patientLimit: Int = SimulationConfiguration.defaultPatientLimit
    /// 2^25 (33,554,432) patients: 0.8 GB of 24-byte travellers in the sweep's lanes, up to twice that
    /// within a window, per replication.
    public static let defaultPatientLimit = 1 << 25

    /// A run of `days` (warm-up included) and `replications` seeded with `seed`, on `threads` (nil: every core).
    public init(days: Double = 90, warmupDays: Double = 14, replications: Int = 4, seed: UInt64 = 1, threads: Int? = nil) {
        self.days = days
        self.warmupDays = warmupDays
        self.replications = replications
        self.seed = seed
        self.threads = threads
    }
}
