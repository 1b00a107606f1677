import Foundation

/// Durations as the time model counts them per slot (a station's hour of the day or weekday, a
/// route): whole minutes below 16, then 8 buckets per power of two, so a bucket is at most 1/8 of its
/// value wide and its midpoint within 6.25%; 160 buckets reach 2^21 minutes (four years).
enum CoarseBuckets {
    static let count = 160

    /// The bucket of `minutes` (at least 0). From 16 minutes on, read from the double's bits: its
    /// exponent is floor(log2) of its whole minutes and its top three mantissa bits are theirs (the
    /// fraction lies below them), so no conversion to an integer (and its range check) is needed.
    @inline(__always)
    static func index(minutes: Double) -> Int {
        if minutes < 16 { return Int(minutes) }
        let bits = minutes.bitPattern
        let e = Int(truncatingIfNeeded: (bits >> 52) & 0x7FF) &- 1023  // at least 4
        let i = 16 &+ (e &- 4) &* 8 &+ Int(truncatingIfNeeded: (bits >> 49) & 7)
        return min(i, count &- 1)
    }

    /// The value a bucket stands for, in minutes: its midpoint.
    static func representative(index: Int) -> Double {
        if index < 16 { return Double(index) + 0.5 }
        let e = (index - 16) / 8 + 4, sub = (index - 16) % 8
        let width = Double(UInt64(1) << UInt64(e - 3))
        return Double(8 + sub) * width + width / 2
    }
}

/// A replication's durations per slot while it runs: a count and a sum per slot, and positive
/// durations in ``CoarseBuckets``, logged and added 4,096 at a time as ``WaitCounter`` does.
///
/// The buckets are one byte each (`slots × 160` bytes, zeroed by the kernel on first touch), and a
/// byte that wraps round carries its 256 into a table of its own: a station's 31 slots (24 hours, 7
/// weekdays) fill 5 KB instead of 20, so a national replication's hourly buckets take 71 MB instead
/// of 284 and the sweep touches a quarter of the cache lines. A bucket wraps once per 256 durations
/// in it, so the table is looked up on fewer than 1 in 256 records (and holds few entries: the
/// busiest buckets of the busiest stations).
package final class SlotWaits {
    let slotCount: Int
    let counts: UnsafeMutablePointer<UInt32>
    let sums: UnsafeMutablePointer<Double>
    /// The low byte of every bucket's count, `slot × 160 + bucket`.
    let buckets: UnsafeMutablePointer<UInt8>
    /// The three buffers, to give back.
    private let memory: (counts: ZeroedBuffer<UInt32>, sums: ZeroedBuffer<Double>, buckets: ZeroedBuffer<UInt8>)
    /// For a bucket whose byte wrapped: how many times (its count is `256 × carries + byte`).
    var carries: [Int: UInt32] = [:]
    static let logCapacity = 4096
    let log: UnsafeMutablePointer<Int>
    var logged = 0

    package init(slotCount: Int) {
        self.slotCount = slotCount
        let n = max(slotCount, 1)
        memory = (ZeroedBuffer(count: n), ZeroedBuffer(count: n), ZeroedBuffer(count: n * CoarseBuckets.count))
        counts = memory.counts.pointer
        sums = memory.sums.pointer
        buckets = memory.buckets.pointer
        // One entry more than the capacity: a pair of records may start on the last one.
        log = .allocate(capacity: SlotWaits.logCapacity + 1)
        carries.reserveCapacity(1024)
    }

    deinit {
        memory.counts.free(); memory.sums.free(); memory.buckets.free()
        log.deallocate()
    }

    /// Counts a duration of `minutes` in `slot`.
    @inline(__always)
    package func record(_ minutes: Double, slot: Int) {
        counts[slot] &+= 1
        guard minutes > 0 else { return }
        sums[slot] += minutes
        log[logged] = slot &* CoarseBuckets.count &+ CoarseBuckets.index(minutes: minutes)
        logged &+= 1
        if logged >= SlotWaits.logCapacity { flush() }
    }

    /// Counts a duration of `minutes` in two slots (a station's hour of the day and its weekday):
    /// the same as two ``record(_:slot:)``, with the bucket found once.
    @inline(__always)
    package func record(_ minutes: Double, slot: Int, alsoIn other: Int) {
        counts[slot] &+= 1
        counts[other] &+= 1
        guard minutes > 0 else { return }
        sums[slot] += minutes
        sums[other] += minutes
        let bucket = CoarseBuckets.index(minutes: minutes)
        log[logged] = slot &* CoarseBuckets.count &+ bucket
        log[logged &+ 1] = other &* CoarseBuckets.count &+ bucket
        logged &+= 2
        if logged >= SlotWaits.logCapacity { flush() }
    }

    func flush() {
        for k in 0..<logged {
            let i = log[k]
            let byte = buckets[i] &+ 1
            buckets[i] = byte
            if byte == 0 { carries[i, default: 0] &+= 1 }
        }
        logged = 0
    }

    /// The counts, sums and non-empty buckets, slot by slot.
    func compacted() -> SlotRecord {
        flush()
        var offsets: [Int32] = [0], indices: [UInt8] = [], bucketCounts: [UInt32] = []
        offsets.reserveCapacity(slotCount + 1)
        // The wrapped buckets in index order, met as the slots are walked.
        let wrapped = carries.sorted { $0.key < $1.key }
        var w = 0
        for s in 0..<slotCount {
            if counts[s] > 0 {
                let first = s * CoarseBuckets.count, base = buckets + first
                // Eight buckets at a time: most are empty.
                for group in stride(from: 0, to: CoarseBuckets.count, by: 8) {
                    let bytes = UnsafeRawPointer(base + group).loadUnaligned(as: UInt64.self)
                    if bytes == 0, w >= wrapped.count || wrapped[w].key >= first + group + 8 { continue }
                    for b in group..<(group + 8) {
                        var count = UInt32(base[b])
                        if w < wrapped.count, wrapped[w].key == first + b { count &+= wrapped[w].value << 8; w += 1 }
                        guard count > 0 else { continue }
                        indices.append(UInt8(b))
                        bucketCounts.append(count)
                    }
                }
            }
            offsets.append(Int32(indices.count))
        }
        return SlotRecord(counts: Array(UnsafeBufferPointer(start: counts, count: slotCount)),
                          sums: Array(UnsafeBufferPointer(start: sums, count: slotCount)),
                          offsets: offsets, buckets: indices, bucketCounts: bucketCounts)
    }
}

/// One replication's durations per slot: how many, their sum, and the positive ones in
/// ``CoarseBuckets`` (the others were 0).
public struct SlotRecord: Sendable, Hashable, Codable {
    /// Per slot: the durations counted (zero ones included).
    public var counts: [UInt32]
    /// Per slot: their sum, in minutes.
    public var sums: [Double]
    var offsets: [Int32]
    var buckets: [UInt8]
    var bucketCounts: [UInt32]

    /// No slots.
    public static let empty = SlotRecord(counts: [], sums: [], offsets: [0], buckets: [], bucketCounts: [])

    /// The number of slots.
    public var slotCount: Int { counts.count }

    /// The mean over `records` together of slot `slot` (0 when none was counted), and the count.
    public static func mean(slot: Int, in records: [SlotRecord]) -> (mean: Double, count: Int) { mean(slots: [slot], in: records) }

    /// The mean over `records` and `slots` together (0 when none was counted), and the count.
    public static func mean(slots: [Int], in records: [SlotRecord]) -> (mean: Double, count: Int) {
        var n = 0, sum = 0.0
        for record in records {
            for slot in slots where slot < record.slotCount {
                n += Int(record.counts[slot])
                sum += record.sums[slot]
            }
        }
        return (n > 0 ? sum / Double(n) : 0, n)
    }

    /// The percentiles `ps` (0-100), in minutes, of slot `slot` over `records` together, read from the
    /// buckets' midpoints (within 6.25% above 16 minutes, to the minute below). Zeros when none was counted.
    public static func percentiles(_ ps: [Double], slot: Int, in records: [SlotRecord]) -> [Double] {
        percentiles(ps, slots: [slot], in: records)
    }

    /// The percentiles `ps` of `slots` over `records`, all together.
    public static func percentiles(_ ps: [Double], slots: [Int], in records: [SlotRecord]) -> [Double] {
        var histogram = [UInt64](repeating: 0, count: CoarseBuckets.count)
        return percentiles(ps, slots: slots, in: records, histogram: &histogram)
    }

    /// The same, counting into `histogram` (160 counters, zeroed on return) so that a caller reading
    /// many slots allocates nothing per slot.
    static func percentiles(_ ps: [Double], slots: some Sequence<Int>, in records: [SlotRecord], histogram: inout [UInt64]) -> [Double] {
        defer { for b in 0..<CoarseBuckets.count { histogram[b] = 0 } }
        var total: UInt64 = 0, positive: UInt64 = 0
        for record in records {
            for slot in slots where slot < record.slotCount {
                total += UInt64(record.counts[slot])
                for k in Int(record.offsets[slot])..<Int(record.offsets[slot + 1]) {
                    histogram[Int(record.buckets[k])] += UInt64(record.bucketCounts[k])
                    positive += UInt64(record.bucketCounts[k])
                }
            }
        }
        guard total > 0 else { return ps.map { _ in 0 } }
        let zeros = total - positive
        return ps.map { p in
            // The smallest value with at least p% of the durations at or below it.
            let rank = max(1, UInt64((p / 100 * Double(total)).rounded(.up)))
            if rank <= zeros { return 0 }
            var cumulative = zeros
            for b in 0..<CoarseBuckets.count {
                cumulative += histogram[b]
                if cumulative >= rank { return CoarseBuckets.representative(index: b) }
            }
            return CoarseBuckets.representative(index: CoarseBuckets.count - 1)
        }
    }
}
