/// An event of the list: a service completion of patient `patient` at `time`, with a sequence number
/// that orders simultaneous events (swift-collections' `Heap` promises no order among equals): first
/// scheduled, first out.
///
/// The three are packed into one 128-bit key, compared as one integer: the time's bits (a
/// non-negative double's bit pattern orders as the double does), then the sequence number, then the
/// patient. The heap's sift-down then compiles to integer compares and conditional moves instead of
/// the branches of a two-field comparison. 16 bytes.
struct Event: Comparable {
    var key: UInt128

    @inline(__always)
    init(time: Double, sequence: UInt32, patient: Int32) {
        key = UInt128(time.bitPattern) << 64 | UInt128(sequence) << 32 | UInt128(UInt32(bitPattern: patient))
    }

    @inline(__always) var time: Double { Double(bitPattern: UInt64(truncatingIfNeeded: key >> 64)) }
    @inline(__always) var sequence: UInt32 { UInt32(truncatingIfNeeded: key >> 32) }
    @inline(__always) var patient: Int32 { Int32(bitPattern: UInt32(truncatingIfNeeded: key)) }

    @inline(__always)
    static func < (a: Event, b: Event) -> Bool { a.key < b.key }

    @inline(__always)
    static func == (a: Event, b: Event) -> Bool { a.key == b.key }
}
