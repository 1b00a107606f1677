import Foundation
import Testing
@testable import LoadSimulation

@Suite("Zeroed memory for the counters")
struct ZeroedMemoryTests {
    @Test("a large buffer is mapped on its own, zeroed, starts on a 2 MB boundary, holds every value written, and is given back")
    func large() {
        let count = 5_000_001  // 20 MB of UInt32, not a whole number of huge pages
        let buffer = ZeroedBuffer<UInt32>(count: count)
        #expect(buffer.isMapped)
        #expect(UInt(bitPattern: buffer.pointer) % UInt(ZeroedBuffer<UInt32>.hugePage) == 0)
        var nonZero = 0
        for k in stride(from: 0, to: count, by: 997) where buffer.pointer[k] != 0 { nonZero += 1 }
        #expect(nonZero == 0 && buffer.pointer[count - 1] == 0)
        for k in 0..<count { buffer.pointer[k] = UInt32(truncatingIfNeeded: k &* 2_654_435_761) }
        var mismatches = 0
        for k in 0..<count where buffer.pointer[k] != UInt32(truncatingIfNeeded: k &* 2_654_435_761) { mismatches += 1 }
        #expect(mismatches == 0)
        buffer.free()
        // Given back and mapped again, a buffer is zeroed again.
        let again = ZeroedBuffer<UInt32>(count: count)
        #expect(again.pointer[count / 2] == 0 && again.pointer[count - 1] == 0)
        again.free()
    }

    @Test("a small buffer (and an empty one) comes zeroed from calloc")
    func small() {
        for count in [0, 1, 1000] {
            let buffer = ZeroedBuffer<Double>(count: count)
            #expect(!buffer.isMapped)
            #expect((0..<max(count, 1)).allSatisfy { buffer.pointer[$0] == 0 })
            buffer.pointer[0] = 1
            buffer.free()
        }
    }
}
