/// SplitMix64 (Steele, Lea and Flood, 2014): 8 bytes of state, a full period of 2^64, and every
/// output a bijective mix of the state. CarePath seeds xoshiro256** with it, draws each patient's
/// numbers from it, and tests drive their seeded mutations with it.
///
/// Public rather than `package`, unlike the module's other helpers: the simulation draws from it
/// about 110 million times in a national year, and Swift 6.3 inlines an `@inlinable` function into
/// another module only when it is public (a `package` one stays a call, even `@inline(__always)`,
/// `@_transparent` or `@_alwaysEmitIntoClient`, unless the module is built with library evolution
/// and package CMO). The module is no product of the package.
@frozen
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public var state: UInt64

    @inlinable
    public init(state: UInt64) { self.state = state }

    @inlinable @inline(__always)
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
