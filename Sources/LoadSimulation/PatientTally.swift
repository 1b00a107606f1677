/// A replication's patient accounting over the whole horizon, in the sweep and in the reference engine.
package struct PatientTally {
    package var arrived = 0, completed = 0, notCovered = 0, unavailable = 0, turnedAway = 0
    /// Service starts, and events (admitted arrivals and service completions).
    package var stationVisits = 0, events = 0

    package init() {}
}
