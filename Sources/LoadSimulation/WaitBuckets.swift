/// Wait times as the event loop counts them: in tenths of a minute, in HdrHistogram's log-linear
/// layout with 32 sub-buckets per power of two. Waits under 6.4 minutes are exact to the tenth of a
/// minute; above, a bucket is at most 1/32 of its value wide, and reading its midpoint is within 1.6%.
/// Waits beyond 2^24 tenths of a minute (about 3.2 years) count in the last bucket.
enum WaitBuckets {
    static let unitsPerMinute = 10.0
    static let highestUnits: UInt64 = (1 << 24) - 1
    static let perStation = 640

    /// The bucket of a wait of `units` tenths of a minute.
    @inline(__always)
    static func index(units: UInt64) -> Int {
        if units < 64 { return Int(units) }
        let shift = 58 - units.leadingZeroBitCount  // floor(log2(units)) - 5, at least 1
        return 64 + (shift - 1) * 32 + Int(units >> UInt64(shift)) - 32
    }

    /// The value a bucket stands for, in tenths of a minute: itself below 64, else its midpoint.
    static func representative(index: Int) -> UInt64 {
        if index < 64 { return UInt64(index) }
        let shift = (index - 64) / 32 + 1
        let lower = UInt64((index - 64) % 32 + 32) << UInt64(shift)
        return lower + (UInt64(1) << UInt64(shift)) / 2
    }
}
