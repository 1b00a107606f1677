/// The result of a simulation: per-station and per-link statistics and the patient accounting.
public struct SimulationResult: Sendable {
    /// What was simulated.
    public var configuration: SimulationConfiguration
    /// Each replication's raw counts, replication `r` at index `r`.
    public var replications: [ReplicationResult]
    /// Per station (by id): what it measured, over the replications.
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
    /// + turned away (0 unless a queue is bounded). Patients who arrived.
    public var arrived: Int
    /// Patients whose pathway ended.
    public var completed: Int
    /// Patients waiting or in service at the horizon.
    public var inSystem: Int
    /// Patients whose care is not covered (X1-X3).
    public var notCovered: Int
    /// Patients whose service no facility on their chain provides.
    public var unavailable: Int
    /// Patients turned away by a full bounded queue.
    public var turnedAway: Int
    /// Service starts over every replication.
    public var stationVisits: Int
    /// Events processed over every replication (admitted arrivals and service completions).
    public var events: Int

    /// Whether the model had opening hours or arrival profiles (the hourly figures are filled).
    public var timed = false
    /// Per route: the time from first contact to treatment; nil for a route no patient was treated on.
    public var timeToTreatment: [RouteTime?] = []
    /// The mean number in the system at the end of each hour of the day (00:00-01:00 ends at 01:00,
    /// index 1; index 0 is midnight), over the measured period.
    public var inSystemByHourOfDay: [Estimate] = []
    /// The patient limit each replication ran with (``SimulationConfiguration/patientLimit(concurrentReplications:)``).
    public var patientLimit = SimulationConfiguration.maximumPatientLimit
    /// The replications that ran at once, sharing the memory budget.
    public var concurrentReplications = 1

    /// The earliest time (minutes) a replication stopped because too many patients were in the system
    /// (``SimulationConfiguration/patientLimit``), with that replication; nil when all ran to the end.
    /// The statistics of such a run are not valid.
    public var stoppedEarly: (replication: Int, minutes: Double)? {
        replications.enumerated().compactMap { r, result in result.stoppedAt.map { (r, $0) } }.min { $0.1 < $1.1 }
    }

    /// Whether every patient is accounted for.
    public var isBalanced: Bool { arrived == completed + inSystem + notCovered + unavailable + turnedAway }
}
