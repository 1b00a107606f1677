import Foundation
import Histogram
import Testing
@testable import LoadSimulation

/// The engine's parts on their own: the ziggurat samplers, the alias table, the wait buckets and the
/// sizes of the sweep's records.
@Suite("Engine components")
struct EngineComponentTests {
    /// The Kolmogorov-Smirnov distance between `samples` and the distribution function `cdf`.
    static func ksDistance(_ samples: [Double], cdf: (Double) -> Double) -> Double {
        let sorted = samples.sorted()
        let n = Double(sorted.count)
        var distance = 0.0
        for (i, x) in sorted.enumerated() {
            let f = cdf(x)
            distance = max(distance, abs(f - Double(i) / n), abs(Double(i + 1) / n - f))
        }
        return distance
    }

    @Test("ziggurat exponential: mean 1, variance 1, and its distribution function (KS test at 1%)")
    func exponential() {
        var random = RandomSource(seed: 11)
        let samples = (0..<200_000).map { _ in Ziggurat.shared.exponential(&random) }
        let mean = samples.reduce(0, +) / Double(samples.count)
        let variance = samples.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(samples.count - 1)
        #expect(abs(mean - 1) < 0.01, "mean \(mean)")
        #expect(abs(variance - 1) < 0.03, "variance \(variance)")
        #expect(samples.allSatisfy { $0 >= 0 && $0.isFinite })
        // The 1% critical value of the KS statistic is 1.63 / sqrt(n).
        let ks = Self.ksDistance(samples) { 1 - exp(-$0) }
        #expect(ks < 1.63 / Double(samples.count).squareRoot(), "KS \(ks)")
        // The tail beyond r = 7.697 (probability e^-r ≈ 4.5e-4) is reached and sampled right.
        let tail = Double(samples.filter { $0 > Ziggurat.exponentialR }.count) / Double(samples.count)
        #expect(abs(tail - exp(-Ziggurat.exponentialR)) < 2e-4, "tail \(tail)")
    }

    @Test("ziggurat normal: mean 0, variance 1, symmetric, and its distribution function (KS test at 1%)")
    func normal() {
        var random = RandomSource(seed: 12)
        let samples = (0..<200_000).map { _ in Ziggurat.shared.normal(&random) }
        let mean = samples.reduce(0, +) / Double(samples.count)
        let variance = samples.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(samples.count - 1)
        #expect(abs(mean) < 0.01, "mean \(mean)")
        #expect(abs(variance - 1) < 0.02, "variance \(variance)")
        let ks = Self.ksDistance(samples) { 0.5 * erfc(-$0 / 2.0.squareRoot()) }
        #expect(ks < 1.63 / Double(samples.count).squareRoot(), "KS \(ks)")
        // Beyond 3 standard deviations on either side: 2 × 0.00135.
        let beyond3 = Double(samples.filter { abs($0) > 3 }.count) / Double(samples.count)
        #expect(abs(beyond3 - 0.0027) < 0.0006, "P(|z| > 3) \(beyond3)")
        #expect(samples.contains { $0 > Ziggurat.normalR } && samples.contains { $0 < -Ziggurat.normalR })
    }

    @Test("the ziggurat tables close: the last layer ends at x = 0 with density 1")
    func tables() {
        let z = Ziggurat.shared
        #expect(abs(Ziggurat.normalV / z.normalX[255] + z.normalF[255] - 1) < 1e-9)
        #expect(abs(Ziggurat.exponentialV / z.exponentialX[255] + z.exponentialF[255] - 1) < 1e-9)
        for i in 1..<256 {
            #expect(z.normalX[i] > z.normalX[i + 1] && z.exponentialX[i] > z.exponentialX[i + 1])
        }
    }

    @Test("the alias table draws each cell with its weight's probability (chi-square at 0.1%)")
    func aliasTable() {
        let weights = [5.0, 0.5, 1, 0, 3, 0.25, 10, 0.25]
        let table = AliasTable(weights: weights)
        var random = RandomSource(seed: 13)
        var counts = Array(repeating: 0, count: weights.count)
        let draws = 400_000
        for _ in 0..<draws {
            let bits = random.next()
            let cell = Int(((bits >> 32) &* UInt64(weights.count)) >> 32)
            counts[UInt32(truncatingIfNeeded: bits) < table.threshold[cell] ? cell : Int(table.alias[cell])] += 1
        }
        let total = weights.reduce(0, +)
        var chiSquare = 0.0
        for (i, w) in weights.enumerated() where w > 0 {
            let expected = Double(draws) * w / total
            chiSquare += (Double(counts[i]) - expected) * (Double(counts[i]) - expected) / expected
        }
        #expect(counts[3] == 0, "a zero weight is never drawn")
        // 6 degrees of freedom: the 0.1% critical value is 22.46.
        #expect(chiSquare < 22.46, "chi-square \(chiSquare), counts \(counts)")
    }

    @Test("wait buckets: exact below 6.4 minutes, within 1.6% above, and every bucket index in range")
    func waitBuckets() {
        for units in UInt64(0)..<64 { #expect(WaitBuckets.representative(index: WaitBuckets.index(units: units)) == units) }
        var previous = -1
        for exponent in 6..<24 {
            for step in 0..<97 {
                let units = (UInt64(1) << UInt64(exponent)) + UInt64(step) * (UInt64(1) << UInt64(exponent)) / 97
                let index = WaitBuckets.index(units: units)
                #expect(index >= previous && index < WaitBuckets.perStation)
                previous = index
                let value = Double(WaitBuckets.representative(index: index))
                #expect(abs(value - Double(units)) / Double(units) <= 1.0 / 32, "\(units) → bucket \(index) → \(value)")
            }
        }
        #expect(WaitBuckets.index(units: WaitBuckets.highestUnits) == WaitBuckets.perStation - 1)
    }

    @Test("a wait record gives the percentiles of the waits it counted, zeros included, over replications")
    func waitPercentiles() {
        let first = WaitCounter(stationCount: 2), second = WaitCounter(stationCount: 2)
        // Station 1: 50 patients served at once, then waits of 1..50 minutes, split over two replications.
        for minute in 1...50 { (minute % 2 == 0 ? first : second).record(Double(minute), station: 1) }
        let records = [first.compacted(zeroWaits: [0, 25]), second.compacted(zeroWaits: [0, 25])]
        #expect(records[0].count(station: 1) + records[1].count(station: 1) == 100)
        let p = WaitRecord.percentiles([50, 90, 99], station: 1, in: records)
        #expect(p[0] == 0, "the median patient did not wait")
        #expect(abs(p[1] - 40) / 40 < 0.02, "p90 \(p[1])")
        #expect(abs(p[2] - 49) / 49 < 0.02, "p99 \(p[2])")
        #expect(WaitRecord.percentiles([50], station: 0, in: records) == [0])
    }

    @Test("the wait percentiles are what an HdrHistogram filled with the buckets' values reads, for any mix of waits, zeros and replications")
    func waitPercentilesAgainstHistogram() {
        var random = RandomSource(seed: 7)
        for trial in 0..<300 {
            let replications = 1 + trial % 3
            let counters = (0..<replications).map { _ in WaitCounter(stationCount: 1) }
            var zeros = [Int](repeating: 0, count: replications)
            // Waits from a few seconds to months, on a log scale, some stations with few patients.
            let n = 1 + Int(random.next() % 400)
            for k in 0..<n {
                let r = k % replications
                if random.next() % 4 == 0 { zeros[r] += 1; continue }
                let minutes = exp(Double(random.next() % 10_000) / 10_000 * 16) / 100
                counters[r].record(minutes, station: 0)
            }
            let records = (0..<replications).map { counters[$0].compacted(zeroWaits: [zeros[$0]]) }
            var histogram = Histogram<UInt64>(lowestDiscernibleValue: 1, highestTrackableValue: WaitBuckets.highestUnits + 1,
                                              numberOfSignificantValueDigits: .two)
            for record in records {
                if record.zeroWaits[0] > 0 { _ = histogram.record(0, count: UInt64(record.zeroWaits[0])) }
                for k in Int(record.offsets[0])..<Int(record.offsets[1]) {
                    _ = histogram.record(WaitBuckets.representative(index: Int(record.buckets[k])), count: UInt64(record.counts[k]))
                }
            }
            let ps: [Double] = [0, 1, 50, 90, 99, 99.9, 100]
            let expected = histogram.totalCount == 0 || records.allSatisfy({ $0.offsets[0] == $0.offsets[1] })
                ? ps.map { _ in 0.0 } : ps.map { Double(histogram.valueAtPercentile($0)) / WaitBuckets.unitsPerMinute }
            #expect(WaitRecord.percentiles(ps, station: 0, in: records) == expected, "trial \(trial)")
        }
    }

    // The slot buckets are one byte each, carrying into a table when a byte wraps: counts across 256,
    // 512 and 65,536 must come out whole, in the right slot and bucket, and a wrapped bucket whose byte
    // is back to 0 must not be lost.
    @Test("slot waits count past a byte's 255 in a bucket: 256, 300, 512 and 70,000 durations come out whole")
    func slotWaitsCarry() {
        let slots = SlotWaits(slotCount: 3)
        let cases: [(slot: Int, minutes: Double, times: Int)] = [(0, 5, 256), (0, 200, 300), (1, 5, 512), (2, 1000, 70_000), (2, 3, 7)]
        for c in cases { for _ in 0..<c.times { slots.record(c.minutes, slot: c.slot) } }
        for _ in 0..<3 { slots.record(0, slot: 1) }
        let record = slots.compacted()
        #expect(record.counts == [556, 515, 70_007])
        for c in cases {
            let k = (Int(record.offsets[c.slot])..<Int(record.offsets[c.slot + 1])).first { Int(record.buckets[$0]) == CoarseBuckets.index(minutes: c.minutes) }
            #expect(k.map { Int(record.bucketCounts[$0]) } == c.times, "slot \(c.slot), \(c.minutes) min")
        }
        #expect(record.offsets == [0, 2, 3, 5], "one bucket per value recorded, none empty")
        #expect(SlotRecord.percentiles([50], slot: 1, in: [record]) == [CoarseBuckets.representative(index: CoarseBuckets.index(minutes: 5))])
        #expect(abs(record.sums[2] - (70_000 * 1000 + 21)) < 1e-6)
    }

    // The sweep counts a wait in its station's hour and weekday at once: the pair must leave exactly
    // what two single records leave, across a flush of the log (which a pair may straddle) and a
    // byte's carry.
    @Test("slot waits: a wait counted in two slots at once leaves what two single records leave")
    func slotWaitsPair() {
        let paired = SlotWaits(slotCount: 31), single = SlotWaits(slotCount: 31)
        var random = RandomSource(seed: 31)
        for k in 0..<20_000 {
            let hour = Int(random.next() % 24), weekday = 24 + Int(random.next() % 7)
            let minutes = k % 5 == 0 ? 0 : Double(random.next() >> 11) * 0x1.0p-53 * 600
            // A single record now and then, so that pairs start on every position of the log.
            if k % 7 == 3 {
                paired.record(minutes, slot: hour)
                single.record(minutes, slot: hour)
            }
            paired.record(minutes, slot: hour, alsoIn: weekday)
            single.record(minutes, slot: hour)
            single.record(minutes, slot: weekday)
        }
        #expect(paired.compacted() == single.compacted())
    }

    /// A patient's hour of the run is read from its whole minutes: every minute of a year falls in
    /// the hour that holds it, a time on an hour's boundary in the hour it starts, and just below it
    /// in the hour before.
    @Test("the hour of the run of a time: floor(minutes / 60), on and beside every hour's boundary of a year")
    func hourOfRun() {
        for minute in 0..<(366 * 1440) {
            let m = Double(minute)
            #expect(ClockPlan.hourOfRun(m) == minute / 60)
            #expect(ClockPlan.hourOfRun(m + 0.999_999) == minute / 60)
            if minute % 60 == 0, minute > 0 { #expect(ClockPlan.hourOfRun(m.nextDown) == minute / 60 - 1) }
        }
    }

    /// The slot buckets' index read from a double's bits against the same by its whole minutes (the
    /// first way it was written): every whole minute to 20,000, every power of two to 2^40 and its
    /// neighbours, 200,000 seeded values spread over 0-10^9 minutes by their logarithm, and infinity.
    @Test("coarse buckets: the index read from the bits is the index of the whole minutes, for every value tried")
    func coarseBucketIndex() {
        func byWholeMinutes(_ minutes: Double) -> Int {
            let m = UInt64(min(minutes, 4_000_000))
            if m < 16 { return Int(m) }
            let e = 63 - m.leadingZeroBitCount
            return min(16 + (e - 4) * 8 + Int((m >> UInt64(e - 3)) & 7), CoarseBuckets.count - 1)
        }
        var values: [Double] = [0, 0.25, 15.999, 16, 3_999_999.5, 4_000_000, 4_000_001, 1e12, .infinity]
        for whole in 0...20_000 {
            let m = Double(whole)
            values += [m, m + 0.5]
            if whole > 0 { values.append(m.nextDown) }
        }
        for e in 0...40 {
            let p = Double(UInt64(1) << UInt64(e))
            values += [p.nextDown, p, p.nextUp, p * 1.125, (p * 1.125).nextDown]
        }
        var random = RandomSource(seed: 20_261_201)
        for _ in 0..<200_000 { values.append(pow(10, 9 * Double(random.next() >> 11) * 0x1.0p-53)) }
        var mismatches: [Double] = []
        for v in values where CoarseBuckets.index(minutes: v) != byWholeMinutes(v) { mismatches.append(v) }
        #expect(mismatches.count == 0, "first mismatches: \(mismatches.prefix(5))")
        #expect(values.allSatisfy { (0..<CoarseBuckets.count).contains(CoarseBuckets.index(minutes: $0)) })
    }

    // A traveller carries its first contact (the time to treatment is measured from it): 32 bytes,
    // two to a cache line.
    @Test("the station sweep's records keep their sizes: travellers 32 bytes, route heads 16, station parameters 56, counters 40")
    func sweepLayout() {
        #expect(MemoryLayout<Traveller>.stride == 32)
        #expect(MemoryLayout<RouteHead>.stride == 16)
        #expect(MemoryLayout<StationParameters>.stride == 56)
        #expect(MemoryLayout<StationCounters>.stride == 40)
    }
}
