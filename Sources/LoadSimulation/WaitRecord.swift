import Histogram

/// One replication's waits per station, compact: the count of patients served without waiting, and
/// the non-empty buckets of the others (see ``percentiles(station:in:)``).
public struct WaitRecord: Sendable, Codable {
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
    /// together, as an HdrHistogram (2 significant digits) filled with the buckets' values reads them.
    /// All zeros when no patient started service there.
    public static func percentiles(_ ps: [Double], station: Int, in records: [WaitRecord]) -> [Double] {
        var merged = [UInt64](repeating: 0, count: WaitBuckets.perStation)
        return percentiles(ps, station: station, in: records, merged: &merged)
    }

    /// The resolution the percentiles are read at: an HdrHistogram of 2 significant digits up to the
    /// highest wait (only its ``Histogram/highestEquivalentForValue(_:)`` is used).
    static let resolution = Histogram<UInt64>(lowestDiscernibleValue: 1, highestTrackableValue: WaitBuckets.highestUnits + 1,
                                              numberOfSignificantValueDigits: .two)

    /// The same, the buckets of every replication added into `merged` (``WaitBuckets/perStation``
    /// counters, zeroed on return), so that a caller reading every station allocates nothing per
    /// station. What `Histogram.valueAtPercentile` returns, without building a histogram: the rank
    /// is found among the buckets in order (their values increase with their index), and the value of
    /// that rank's bucket is read at the histogram's resolution, within the recorded minimum and
    /// maximum (`EngineComponentTests` checks it against a histogram).
    static func percentiles(_ ps: [Double], station: Int, in records: [WaitRecord], merged: inout [UInt64]) -> [Double] {
        // Only zero waits (or none): every percentile is 0.
        if records.allSatisfy({ $0.offsets[station] == $0.offsets[station + 1] }) { return ps.map { _ in 0 } }
        var zeros: UInt64 = 0, total: UInt64 = 0, lowest = Int.max, highest = 0
        for record in records {
            zeros += UInt64(record.zeroWaits[station])
            for k in Int(record.offsets[station])..<Int(record.offsets[station + 1]) {
                let b = Int(record.buckets[k])
                merged[b] += UInt64(record.counts[k])
                total += UInt64(record.counts[k])
                lowest = Swift.min(lowest, b)
                highest = Swift.max(highest, b)
            }
        }
        defer { for b in lowest...highest { merged[b] = 0 } }
        total += zeros
        let minimum: UInt64 = zeros > 0 ? 0 : WaitBuckets.representative(index: lowest)
        let maximum = WaitBuckets.representative(index: highest)
        return ps.map { p in
            let value: UInt64
            if p == 0 {
                value = minimum
            } else if p >= 100 {
                value = maximum
            } else {
                // As the histogram: 1 ulp off the percentile, the rank rounded up, at least 1.
                let requested = Swift.min(Swift.max(p.nextDown, 0), 100)
                let rank = Swift.max(1, UInt64((requested * Double(total) / 100).rounded(.up)))
                var found: UInt64 = 0
                if rank > zeros {
                    var cumulative = zeros
                    for b in lowest...highest {
                        cumulative += merged[b]
                        if cumulative >= rank { found = WaitBuckets.representative(index: b); break }
                    }
                }
                value = Swift.max(Swift.min(resolution.highestEquivalentForValue(found), maximum), minimum)
            }
            return Double(value) / WaitBuckets.unitsPerMinute
        }
    }
}
