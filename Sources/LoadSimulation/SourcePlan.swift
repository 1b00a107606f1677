/// A source's arrival rate (per minute; 0 when it has no entry), its alias cells
/// `entries[cellStart ..< cellStart + cellCount]`, and the key of its random stream.
package struct SourcePlan {
    package var rate: Double
    package var cellStart: Int32
    package var cellCount: Int32
    package var key: UInt64
}
