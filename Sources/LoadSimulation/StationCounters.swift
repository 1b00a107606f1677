/// What a station counts over the measured period (after warm-up), in the sweep and in the reference
/// engine. 40 bytes.
package struct StationCounters {
    package var arrivals: UInt32 = 0
    package var served: UInt32 = 0
    package var started: UInt32 = 0
    package var zeroWaits: UInt32 = 0
    package var turnedAway: UInt32 = 0
    package var maxQueue: Int32 = 0
    /// Busy server-minutes inside the measured window.
    package var busyTime: Double = 0
    package var waitSum: Double = 0

    package init() {}

    /// A service starts at `now` and ends at `end` after a wait of `waited` minutes: its overlap with
    /// the measured window goes to the busy time (the time integral of busy servers, without a clock
    /// per station), and a start after warm-up counts with its wait.
    @inline(__always)
    package mutating func serviceStarted(at station: Int, now: Double, end: Double, waited: Double, window: MeasuredWindow, waits: WaitCounter) {
        let overlap = min(end, window.horizon) - max(now, window.warmup)
        if overlap > 0 { busyTime += overlap }
        guard now >= window.warmup else { return }
        started &+= 1
        if waited > 0 {
            waitSum += waited
            waits.record(waited, station: station)
        } else {
            zeroWaits &+= 1
        }
    }
}
