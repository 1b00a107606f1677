/// The invariants that tie a station's lanes and heap of patients in service to its record, as they
/// stand at the end of a window.
extension StationSweepRun {
    /// Checks every station's lanes and heap against its record; returns the violations found.
    /// Debug builds check them after every window (``_checkInvariants(atEndOfWindow:)``); tests call it.
    func invariantViolations() -> [String] {
        var problems: [String] = []
        for p in 0..<plan.stationCount {
            let station = stations[p]
            var waiting: Int32 = 0
            for lane in [lanes[2 * p], lanes[2 * p + 1]] {
                if !(0 <= lane.start && lane.start <= lane.admitted && lane.admitted <= lane.scan && lane.scan <= lane.count && lane.count <= lane.capacity) {
                    problems.append("station \(station.id): lane indices out of order (\(lane.start), \(lane.admitted), \(lane.scan), \(lane.count), \(lane.capacity))")
                }
                if lane.scan != lane.count { problems.append("station \(station.id): \(lane.count - lane.scan) arrivals left unswept after the window") }
                waiting += lane.waiting
                if let entries = lane.entries, lane.waiting > 1 {
                    for k in Int(lane.start)..<Int(lane.admitted - 1) where entries[k].time > entries[k + 1].time {
                        problems.append("station \(station.id): a lane's waiting patients are out of arrival order")
                    }
                }
            }
            if waiting != station.queueLength { problems.append("station \(station.id): \(waiting) waiting in the lanes, queue length \(station.queueLength)") }
            let busy = Int(station.inService.count), servers = Int(station.parameters.servers)
            // More in service than on duty only with a timetable: servers leaving at a closing or a
            // shift change finish their patient first.
            if busy > servers, station.timetable < 0 { problems.append("station \(station.id): \(busy) in service at \(servers) servers") }
            if waiting > 0, busy < servers { problems.append("station \(station.id): patients wait while a server is free") }
            let heap = station.inService.all
            for k in 1..<max(heap.count, 1) where heap[k].time < heap[(k - 1) / 2].time {
                problems.append("station \(station.id): a service ends before its parent's in the heap")
            }
            // The next event: the earliest end of service, or the next change of servers when patients wait for it.
            let expected = min(station.inService.nextEnd, waiting > 0 ? station.nextChange : .infinity)
            if nextEvent[p] != expected {
                problems.append("station \(station.id): next event \(nextEvent[p]), expected \(expected)")
            }
            // (Patients may wait at a closed station with no opening left: past the clock's last day,
            // at the end of the horizon.)
        }
        return problems
    }

    /// Asserts ``invariantViolations()`` is empty at the end of the window ending at `end` (minutes), in
    /// debug builds only (nothing in release).
    @inline(__always)
    func _checkInvariants(atEndOfWindow end: Double) {
        #if DEBUG
        let problems = invariantViolations()
        assert(problems.isEmpty, "station sweep, day \(end / 1440): " + problems.prefix(5).joined(separator: "; "))
        #endif
    }
}
