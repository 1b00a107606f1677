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
