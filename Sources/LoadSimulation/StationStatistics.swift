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
    /// Server-minutes its timetable opens over the measured period (servers × measured time around
    /// the clock).
    public var openServerMinutes: Double
    /// Busy server-time over ``openServerMinutes``: the utilisation over open hours (above 1 when
    /// overtime is worked). Equal to ``utilisation`` for a station open around the clock.
    public var utilisationOpenHours: Estimate
    /// Server-minutes worked beyond the timetable over the measured period.
    public var overtimeMinutes: Estimate
    /// Patients waiting when it closed, summed over the measured period's closings.
    public var carriedOver: Estimate
    /// With opening hours or arrival profiles: 31 entries, the hours of the day 00-23 (by the hour a
    /// patient arrived at the station), then the weekdays Monday to Sunday; empty otherwise.
    public var hourly: [HourlyStatistics]
}

/// A station's patients who arrived in one hour of the day (or on one weekday), over every
/// replication together.
public struct HourlyStatistics: Sendable, Hashable {
    /// Arrivals in that hour, per measured day (nil for a weekday).
    public var arrivalsPerDay: Double?
    /// Patients who arrived then and started service, per measured day (per measured such weekday).
    public var startedPerDay: Double
    /// Their mean wait, in minutes.
    public var meanWait: Double
    /// Their median wait, 90th and 99th percentiles, in minutes (within 6.25%).
    public var waitP50: Double
    public var waitP90: Double
    public var waitP99: Double
}

/// The time from first contact to the start of treatment on one route, over every replication's
/// patients together.
public struct RouteTime: Sendable, Hashable {
    /// Patients whose treatment started after warm-up.
    public var patients: Int
    /// Mean, median and 90th percentile, in minutes (the percentiles within 6.25%).
    public var mean: Double
    public var p50: Double
    public var p90: Double
}
