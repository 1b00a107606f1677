import Foundation
@testable import LoadSimulation
@testable import SimulationReference
import Testing

/// The reference engine's own parts (Tests/SimulationReference): the two-level event list and the
/// sizes of its records. The engine itself is checked against the station sweep in StationSweepTests.
@Suite("Reference engine")
struct ReferenceEngineTests {
    @Test("the event list pops events in (time, sequence) order across slots and turns of its ring")
    func eventList() {
        var list = EventList(capacity: 16)
        var random = RandomSource(seed: 14)
        var expected: [Event] = []
        var sequence: UInt32 = 0
        var clock = 0.0
        var popped: [Event] = []
        // Interleave inserts (some far beyond one turn of the ring) and pops, like the event loop.
        for round in 0..<20_000 {
            let ahead = round % 97 == 0 ? 600 * 1440.0 : round % 5 == 0 ? 1440 * 9 * random.uniform() : 30 * random.uniform()
            sequence += 1
            let event = Event(time: clock + (round % 50 == 0 ? 0 : ahead), sequence: sequence, patient: Int32(round))
            list.insert(event)
            expected.append(event)
            if round % 2 == 1, let next = list.earliest() {
                list.removeEarliest()
                #expect(next.time >= clock)
                clock = next.time
                popped.append(next)
            }
        }
        #expect(list.invariantViolations().isEmpty)
        while let next = list.earliest() { list.removeEarliest(); popped.append(next) }
        #expect(list.count == 0)
        #expect(popped.count == expected.count)
        // Popped in order: every event after the previous one.
        #expect(zip(popped, popped.dropFirst()).allSatisfy { !($1 < $0) })
        #expect(Set(popped.map(\.patient)) == Set(expected.map(\.patient)))
    }

    @Test("a station record spans exactly three cache lines (its clock included), a patient record 48 bytes")
    func stationLayout() {
        #expect(MemoryLayout<StationRecord>.stride == 192)
        #expect(MemoryLayout<PatientRecord>.stride == 48)
        #expect(MemoryLayout<Event>.stride == 16)
    }
}
