import CarePathSupport

/// A patient in the system, 40 bytes: where it is, how far along its route, and its link in a queue
/// or in the free list.
struct PatientRecord {
    var station: Int32
    /// The index of the current step in ``SimulationPlan/steps``.
    var cursor: Int32
    /// One past the route's last step.
    var routeEnd: Int32
    /// The next patient in the station's lane, or in the free list; -1 at the end.
    var next: Int32
    /// When it joined the queue (minutes).
    var queuedAt: Double
    /// The patient's own random stream: its service times and referral draws.
    var stream: SplitMix64
    var emergency: Bool
}
