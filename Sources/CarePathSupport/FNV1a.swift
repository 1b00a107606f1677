/// FNV-1a, 64-bit (Fowler, Noll and Vo): the digest that ties a result to the exact bytes of the
/// network and scenario it ran on. Not cryptographic: it detects a changed file, not a forged one.
package struct FNV1a64: Sendable {
    package private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    package init() {}

    package mutating func combine(_ bytes: some Sequence<UInt8>) {
        for byte in bytes { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }
    }

    /// The digest of `bytes` as result.json records it: `fnv1a64:` and 16 hexadecimal digits.
    package static func digest(of bytes: some Sequence<UInt8>) -> String {
        var hash = FNV1a64()
        hash.combine(bytes)
        let hex = String(hash.value, radix: 16)
        return "fnv1a64:" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
