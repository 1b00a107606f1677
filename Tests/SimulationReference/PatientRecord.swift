import CarePathSupport

/// A patient in the system, 48 bytes: where it is, how far along its route, and its link in a queue
/// or in the free list.
struct PatientRecord {
    var station: Int32
    /// The index of the current step in ``SimulationPlan/steps``.
    var cursor: Int32
    /// One past the route's last step.
    var routeEnd: Int32
    /// The next patient in the station's lane, or in the free list; -1 at the end.
    var next: Int32
    /// When it arrived at its current station (minutes): its wait there runs from it.
    var arrivedAt: Double
    /// When it arrived at its first station: its time to treatment runs from it.
    var firstContact: Double
    /// The patient's own random stream: its service times and referral draws.
    var stream: SplitMix64
    var emergency: Bool
}
