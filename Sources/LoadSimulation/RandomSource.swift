import CarePathSupport

/// The simulation's random generator: xoshiro256** (Blackman and Vigna, 2018), seeded by SplitMix64.
///
/// Replication `r` of a run with seed `s` starts from SplitMix64 seeded with `s ^ (r × golden ratio)`,
/// so replications draw independent streams and the same `(seed, replication)` gives the same stream
/// on every machine and core count.
struct RandomSource: RandomNumberGenerator, Sendable {
    private var s0, s1, s2, s3: UInt64

    /// A generator for replication `replication` of a run seeded with `seed`.
    init(seed: UInt64, replication: Int = 0) {
        var mixer = SplitMix64(state: seed ^ (UInt64(truncatingIfNeeded: replication) &* 0x9E37_79B9_7F4A_7C15))
        s0 = mixer.next(); s1 = mixer.next(); s2 = mixer.next(); s3 = mixer.next()
    }

    /// The generator of stream `stream` (a health centre's arrivals) in replication `replication` of a
    /// run seeded with `seed`: SplitMix64 seeded with the replication's first output XOR the stream key
    /// times an odd constant, so every (seed, replication, stream) has a stream of its own.
    init(seed: UInt64, replication: Int, stream: UInt64) {
        var replicationSource = RandomSource(seed: seed, replication: replication)
        self.init(seed: replicationSource.next() ^ (stream &* 0xD1B5_4A32_D192_ED03))
    }

    /// The next 64 random bits.
    @inline(__always)
    mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = (s3 << 45) | (s3 >> 19)
        return result
    }
}
