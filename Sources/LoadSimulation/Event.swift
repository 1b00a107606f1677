/// An entry of the event list: a time and a sequence number (so that simultaneous events pop in one
/// deterministic order: swift-collections' `Heap` promises no order among equals), and a payload:
/// a patient id (>= 0) for a service completion, or `-(source + 1)` for a source's next arrival.
struct Event: Comparable, Sendable {
    var time: Double
    var sequence: UInt64
    var payload: Int32

    @inline(__always)
    static func < (a: Event, b: Event) -> Bool {
        a.time < b.time || (a.time == b.time && a.sequence < b.sequence)
    }

    @inline(__always)
    static func == (a: Event, b: Event) -> Bool { a.time == b.time && a.sequence == b.sequence }
}
