/// One replication's raw counts: per station, per link and per route, plus the patient accounting.
public struct ReplicationResult: Sendable, Codable {
    /// Patients who arrived, over the whole horizon.
    public var arrived = 0
    /// Patients whose pathway ended (treated, not referred further).
    public var completed = 0
    /// Patients still waiting or being served at the horizon.
    public var inSystem = 0
    /// Patients whose care is not covered (X1-X3).
    public var notCovered = 0
    /// Patients whose service no facility on their chain provides.
    public var unavailable = 0
    /// Patients turned away because a bounded queue was full (only with a scenario's `queue-limit`).
    public var turnedAway = 0
    /// Service starts over the whole horizon.
    public var stationVisits = 0
    /// Events processed: arrivals admitted to a station and service completions (patients refused at
    /// arrival, not covered or unavailable, never become events).
    public var events = 0
    /// Per station, over the measured period (after warm-up): patients who arrived.
    public var arrivals: [Int]
    /// Per station: patients whose service ended.
    public var served: [Int]
    /// Per station: busy server-time over servers × measured time.
    public var utilisation: [Double]
    /// Per station: the mean wait before service, in minutes.
    public var meanWait: [Double]
    /// Per station: the longest queue.
    public var maxQueue: [Int]
    /// Patients turned away because the queue was full.
    public var turnedAwayAt: [Int]
    /// Wait times of the patients who started service after warm-up, per station.
    public var waits: WaitRecord
    /// Per referral link, patients who crossed it after warm-up.
    public var linkFlow: [Int]
    /// Per route, patients refused (not covered or unavailable), over the whole horizon.
    public var routeRejected: [Int]
    /// Per route, patients who arrived on it after warm-up, whatever its outcome.
    public var routeArrivals: [Int]
    /// Patients in the system at the end of each day of the horizon, warm-up included (the last
    /// value, at the horizon, is ``inSystem``): how the system fills from empty, to judge the warm-up.
    public var inSystemAtEndOfDay: [Int]
    /// When the replication stopped before its horizon (minutes) because more patients were in the
    /// system at once than ``SimulationConfiguration/patientLimit``; nil when it ran to the end. A
    /// stopped replication's counts are not valid results.
    public var stoppedAt: Double?
    /// Per station, the patients waiting there or on their way in (its lanes) when the replication
    /// stopped at the patient limit: where the queues grew. Empty when it ran to the end.
    public var heldAtStop: [Int] = []

    // The time model (Docs/simulation.md, "Time in the model").
    /// Patients in the system at the end of each hour of the horizon, warm-up included.
    public var inSystemAtEndOfHour: [Int] = []
    /// Per station: server-minutes worked beyond its timetable (patients finished after a closing or
    /// a shift change, patients started in the overtime after closing), over the measured period.
    public var overtimeMinutes: [Double] = []
    /// Per station: patients waiting when it closed, summed over its closings after warm-up.
    public var carriedOver: [Int] = []
    /// Per station: busy server-time, in server-minutes, over the measured period (the numerator of
    /// ``utilisation`` and of the utilisation over open hours).
    public var busyMinutes: [Double] = []
    /// With opening hours or arrival profiles: per station, the arrivals after warm-up by hour of the
    /// day (`station × 24 + hour`); empty otherwise.
    public var arrivalsByHour: [UInt32] = []
    /// With opening hours or arrival profiles: per station, the waits of the patients who started
    /// service after warm-up by the hour of the day (slots `station × 31 + 0...23`) and the weekday
    /// (`station × 31 + 24...30`, Monday first) they arrived at the station; empty otherwise.
    public var hourlyWaits: SlotRecord = .empty
    /// Per route: the time from first contact (arrival at the route's first station) to the start of
    /// treatment (service at its last), of the patients whose treatment started after warm-up.
    public var timeToTreatment: SlotRecord = .empty
}
