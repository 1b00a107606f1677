/// A station's arrivals of one kind (emergencies, or the others), in arrival order:
/// `entries[start..<admitted]` wait for a server (first in, first served), `entries[scan..<count]` have
/// not been reached by the sweep yet; the slots between `admitted` and `scan` are free (patients
/// served at once or turned away).
struct Lane {
    var entries: UnsafeMutablePointer<Traveller>?
    var capacity: Int32 = 0
    var start: Int32 = 0
    var admitted: Int32 = 0
    var scan: Int32 = 0
    var count: Int32 = 0
    /// Whether `entries[scan..<count]` is in time order (patients from several upstream stations
    /// arrive in one sorted run per station).
    var sorted = true

    var waiting: Int32 { admitted - start }
}
