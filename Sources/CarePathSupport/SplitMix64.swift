/// SplitMix64 (Steele, Lea and Flood, 2014): 8 bytes of state, a full period of 2^64, and every
/// output a bijective mix of the state. CarePath seeds xoshiro256** with it, draws each patient's
/// numbers from it, and tests drive their seeded mutations with it.
@frozen
package struct SplitMix64: RandomNumberGenerator, Sendable {
    package var state: UInt64

    @inlinable
    package init(state: UInt64) { self.state = state }

    @inlinable @inline(__always)
    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
