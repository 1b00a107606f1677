import CarePathSupport
import CareNetwork
import Foundation

/// The simulation's random generator: xoshiro256** (Blackman and Vigna, 2018), seeded by SplitMix64.
///
/// Replication `r` of a run with seed `s` starts from SplitMix64 seeded with `s ^ (r × golden ratio)`,
/// so replications draw independent streams and the same `(seed, replication)` gives the same stream
/// on every machine and core count.
public struct RandomSource: RandomNumberGenerator, Sendable {
    private var s0, s1, s2, s3: UInt64

    /// A generator for replication `replication` of a run seeded with `seed`.
    public init(seed: UInt64, replication: Int = 0) {
        var mixer = SplitMix64(state: seed ^ (UInt64(truncatingIfNeeded: replication) &* 0x9E37_79B9_7F4A_7C15))
        s0 = mixer.next(); s1 = mixer.next(); s2 = mixer.next(); s3 = mixer.next()
    }

    /// The generator of stream `stream` (a health centre's arrivals) in replication `replication` of a
    /// run seeded with `seed`: SplitMix64 seeded with the replication's first output XOR the stream key
    /// times an odd constant, so every (seed, replication, stream) has a stream of its own.
    public init(seed: UInt64, replication: Int, stream: UInt64) {
        var replicationSource = RandomSource(seed: seed, replication: replication)
        self.init(seed: replicationSource.next() ^ (stream &* 0xD1B5_4A32_D192_ED03))
    }

    @inline(__always)
    public mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = (s3 << 45) | (s3 >> 19)
        return result
    }
}

/// A stream of 64-bit random numbers, for the samplers (``Ziggurat``) to draw from: a health centre's
/// arrival stream (``RandomSource``), or a patient's own (CarePathSupport's `SplitMix64`).
///
/// A patient's stream is SplitMix64 (Steele, Lea and Flood, 2014), 8 bytes of state carried with the
/// patient and seeded from its health centre's stream when it arrives. Every draw about a patient
/// (its service times, whether it is referred up) comes from its own stream, so two runs with the
/// same seed that differ only downstream of the arrivals (a hospital closed, servers added, a CHU
/// reassigned) give each patient the same draws: the runs use **common random numbers**, and
/// `carepath compare` sees the scenario's effect rather than different luck.
package protocol RandomStream {
    mutating func next() -> UInt64
}

extension RandomStream {
    /// A uniform double in (0, 1): never 0, so logarithms are finite.
    @inline(__always)
    package mutating func uniform() -> Double { (Double(next() >> 11) + 0.5) * 0x1.0p-53 }
}

extension RandomSource: RandomStream {}

extension SplitMix64: RandomStream {}

/// A service-time distribution in minutes, flattened for the hot loop: a kind and three parameters,
/// with the lognormal's parameters of the logarithm precomputed.
public struct SamplingDistribution: Sendable, Hashable {
    public enum Kind: UInt8, Sendable { case exponential, lognormal, fixed, triangular }
    public let kind: Kind
    public let a: Double, b: Double, c: Double

    public init(_ distribution: ServiceTimeDistribution) {
        switch distribution {
        case .exponential(let mean):
            kind = .exponential; a = mean; b = 0; c = 0
        case .lognormal(let mean, let sd):
            // Parameters of the logarithm from the mean and sd of the time itself.
            let sigma2 = Foundation.log(1 + (sd * sd) / (mean * mean))
            kind = .lognormal; a = Foundation.log(mean) - sigma2 / 2; b = sigma2.squareRoot(); c = 0
        case .fixed(let value):
            kind = .fixed; a = value; b = 0; c = 0
        case .triangular(let low, let mode, let high):
            kind = .triangular; a = low; b = mode; c = high
        }
    }

    /// Inverse CDF of the triangular distribution on [low, high] with this mode, at `u` in (0, 1).
    @inline(__always)
    static func triangular(low a: Double, mode b: Double, high c: Double, u: Double) -> Double {
        let split = (b - a) / (c - a)
        return u < split ? a + ((c - a) * (b - a) * u).squareRoot() : c - ((c - a) * (c - b) * (1 - u)).squareRoot()
    }
}
