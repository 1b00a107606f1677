import Foundation
import Testing
@testable import LoadSimulation

@Suite("Zeroed memory for the counters")
struct ZeroedMemoryTests {
    @Test("a large buffer is zeroed, starts on a 2 MB boundary, holds every value written, and is given back")
    func large() {
        let count = 5_000_001  // 20 MB of UInt32, not a whole number of huge pages
        let buffer = ZeroedMemory.allocate(UInt32.self, count: count)
        #expect(UInt(bitPattern: buffer) % UInt(ZeroedMemory.hugePage) == 0)
        var nonZero = 0
        for k in stride(from: 0, to: count, by: 997) where buffer[k] != 0 { nonZero += 1 }
        #expect(nonZero == 0 && buffer[count - 1] == 0)
        for k in 0..<count { buffer[k] = UInt32(truncatingIfNeeded: k &* 2_654_435_761) }
        var mismatches = 0
        for k in 0..<count where buffer[k] != UInt32(truncatingIfNeeded: k &* 2_654_435_761) { mismatches += 1 }
        #expect(mismatches == 0)
        ZeroedMemory.free(buffer, count: count)
        // Given back and mapped again, a buffer is zeroed again.
        let again = ZeroedMemory.allocate(UInt32.self, count: count)
        #expect(again[count / 2] == 0 && again[count - 1] == 0)
        ZeroedMemory.free(again, count: count)
    }

    @Test("a small buffer (and an empty one) comes zeroed from calloc")
    func small() {
        for count in [0, 1, 1000] {
            let buffer = ZeroedMemory.allocate(Double.self, count: count)
            #expect((0..<max(count, 1)).allSatisfy { buffer[$0] == 0 })
            buffer[0] = 1
            ZeroedMemory.free(buffer, count: count)
        }
    }
}
