import Foundation
import Histogram

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

/// The dense bucket counts of one replication while it runs: `stationCount × 640` counters, zeroed
/// by the kernel on first touch (calloc), so stations that never make a patient wait cost no memory.
///
/// A wait is first appended to a small log (its counter's index) and the log is added to the counters
/// 4,096 at a time: the counters are spread over megabytes, and adding them in a batch lets the
/// processor overlap the cache misses that one increment per event would each wait for.
package final class WaitCounter {
    let stationCount: Int
    let counts: UnsafeMutablePointer<UInt32>
    static let logCapacity = 4096
    let log: UnsafeMutablePointer<Int>
    var logged = 0

    package init(stationCount: Int) {
        self.stationCount = stationCount
        let bytes = max(stationCount, 1) * WaitBuckets.perStation
        counts = calloc(bytes, MemoryLayout<UInt32>.stride)!.bindMemory(to: UInt32.self, capacity: bytes)
        log = .allocate(capacity: WaitCounter.logCapacity)
    }

    deinit { free(counts); log.deallocate() }

    /// Counts a positive wait of `minutes` at station `station`.
    @inline(__always)
    func record(_ minutes: Double, station: Int) {
        let units = min(UInt64(minutes * WaitBuckets.unitsPerMinute + 0.5), WaitBuckets.highestUnits)
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

/// One replication's waits per station, compact: the count of patients served without waiting, and
/// the non-empty buckets of the others (see ``percentiles(station:in:)``).
public struct WaitRecord: Sendable {
    /// Per station: patients who started service at once, after warm-up.
    public var zeroWaits: [Int]
    var offsets: [Int32]
    var buckets: [UInt16]
    var counts: [UInt32]

    /// Patients whose wait was recorded at `station` (after warm-up), waiting or not.
    public func count(station: Int) -> Int {
        zeroWaits[station] + (Int(offsets[station])..<Int(offsets[station + 1])).reduce(0) { $0 + Int(counts[$1]) }
    }

    /// The wait percentiles `ps` (0-100), in minutes, at one station over several replications
    /// together, read from an HdrHistogram (2 significant digits) filled with the buckets' values.
    /// All zeros when no patient started service there.
    public static func percentiles(_ ps: [Double], station: Int, in records: [WaitRecord]) -> [Double] {
        // Only zero waits (or none): every percentile is 0, no histogram needed.
        if records.allSatisfy({ $0.offsets[station] == $0.offsets[station + 1] }) { return ps.map { _ in 0 } }
        var histogram = Histogram<UInt64>(lowestDiscernibleValue: 1, highestTrackableValue: WaitBuckets.highestUnits + 1,
                                          numberOfSignificantValueDigits: .two)
        for record in records {
            if record.zeroWaits[station] > 0 { _ = histogram.record(0, count: UInt64(record.zeroWaits[station])) }
            for k in Int(record.offsets[station])..<Int(record.offsets[station + 1]) {
                _ = histogram.record(WaitBuckets.representative(index: Int(record.buckets[k])), count: UInt64(record.counts[k]))
            }
        }
        guard histogram.totalCount > 0 else { return ps.map { _ in 0 } }
        return ps.map { Double(histogram.valueAtPercentile($0)) / WaitBuckets.unitsPerMinute }
    }
}
