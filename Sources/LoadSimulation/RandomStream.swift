import CarePathSupport

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
