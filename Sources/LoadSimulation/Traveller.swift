import CarePathSupport

/// A patient between two events of the station sweep, 32 bytes: all the state a patient has, carried
/// along instead of kept in a record of its own. In a lane, `time` is when it arrived at the station;
/// in a station's heap of patients in service, when its service ends.
struct Traveller: Comparable {
    var time: Double
    /// The patient's own random stream (its service times and referral draws).
    var stream: SplitMix64
    /// The index in the plan's steps of its current step.
    var cursor: Int32
    /// One past its route's last step; negative (`~end`) for an emergency, in a heap of patients in
    /// service (in a lane, the lane says it).
    var routeEnd: Int32
    /// When the patient arrived at its first station (its first contact with care): the time to
    /// treatment is measured from it.
    var firstContact: Double

    /// Travellers are ordered by time alone: the key of a station's heap of patients in service.
    static func < (a: Traveller, b: Traveller) -> Bool { a.time < b.time }
    static func == (a: Traveller, b: Traveller) -> Bool { a.time == b.time }
}
