/// A source's arrival rate (per minute; 0 when it has no entry), its alias cells
/// `entries[cellStart ..< cellStart + cellCount]`, the key of its random stream, and its arrival profile.
package struct SourcePlan {
    package var rate: Double
    package var cellStart: Int32
    package var cellCount: Int32
    package var key: UInt64
    /// The arrival profile shaping its rate (an index of ``ClockPlan``'s profiles), -1 for a constant rate.
    package var profile: Int32 = -1
}
