/// What the simulation measured at one station, over replications.
public struct StationStatistics: Sendable {
    /// The station's id in the model (``SimulationModel/stationFacility`` and friends).
    public var station: Int
    /// Patients who arrived at the station (the turned away included).
    public var arrivals: Estimate
    /// Patients whose service there ended.
    public var served: Estimate
    /// Busy server-time over servers × measured time.
    public var utilisation: Estimate
    /// Mean wait before service, in minutes.
    public var meanWait: Estimate
    /// The median wait in minutes, over every replication's patients together.
    public var waitP50: Double
    /// The 90th percentile of the waits, in minutes, over every replication's patients together.
    public var waitP90: Double
    /// The 99th percentile of the waits, in minutes, over every replication's patients together.
    public var waitP99: Double
    /// The longest queue (patients waiting) in any replication.
    public var maxQueue: Int
    /// Patients turned away because the station's bounded queue was full.
    public var turnedAway: Estimate
}
