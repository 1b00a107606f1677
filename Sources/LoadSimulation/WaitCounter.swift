import Foundation

/// The dense bucket counts of one replication while it runs: `stationCount × 640` counters, zeroed
/// by the kernel on first touch (calloc), so stations that never make a patient wait cost no memory.
///
/// A wait is first appended to a small log (its counter's index) and the log is added to the counters
/// 4,096 at a time: the counters are spread over megabytes, and adding them in a batch lets the
/// processor overlap the cache misses that one increment per event would each wait for.
package final class WaitCounter {
    let stationCount: Int
    let counts: UnsafeMutablePointer<UInt32>
    private let memory: ZeroedBuffer<UInt32>
    static let logCapacity = 4096
    let log: UnsafeMutablePointer<Int>
    var logged = 0

    package init(stationCount: Int) {
        self.stationCount = stationCount
        let bytes = max(stationCount, 1) * WaitBuckets.perStation
        memory = ZeroedBuffer(count: bytes)
        counts = memory.pointer
        log = .allocate(capacity: WaitCounter.logCapacity)
    }

    deinit { memory.free(); log.deallocate() }

    /// Counts a positive wait of `minutes` at station `station`.
    @inline(__always)
    func record(_ minutes: Double, station: Int) {
        // Through a signed integer: one instruction and its range check, where an unsigned conversion
        // takes a dozen (a wait is at most the horizon, far below 2^63 tenths of a minute).
        let units = UInt64(truncatingIfNeeded: min(Int(minutes * WaitBuckets.unitsPerMinute + 0.5), Int(WaitBuckets.highestUnits)))
        log[logged] = station &* WaitBuckets.perStation &+ WaitBuckets.index(units: units)
        logged &+= 1
        if logged == WaitCounter.logCapacity { flush() }
    }

    /// Adds the logged waits to the counters.
    func flush() {
        for k in 0..<logged { counts[log[k]] &+= 1 }
        logged = 0
    }

    /// The non-empty buckets, station by station, with each station's count of zero waits.
    func compacted(zeroWaits: [Int]) -> WaitRecord {
        flush()
        var offsets: [Int32] = [0], buckets: [UInt16] = [], bucketCounts: [UInt32] = []
        offsets.reserveCapacity(stationCount + 1)
        for s in 0..<stationCount {
            let base = counts + s * WaitBuckets.perStation
            for b in 0..<WaitBuckets.perStation where base[b] > 0 {
                buckets.append(UInt16(b))
                bucketCounts.append(base[b])
            }
            offsets.append(Int32(buckets.count))
        }
        return WaitRecord(zeroWaits: zeroWaits, offsets: offsets, buckets: buckets, counts: bucketCounts)
    }
}
