/// The station sweep's lanes, which grow and compact, and the invariants that tie lanes and heaps of
/// patients in service to the station records.
extension StationSweepRun {
    /// Makes room for one more entry in a full lane: moves the waiting and the unswept entries to the
    /// front, into a buffer twice as large when they fill more than half of it.
    @inline(never)
    static func makeRoom(_ lane: UnsafeMutablePointer<Lane>) {
        let waiting = Int(lane.pointee.admitted - lane.pointee.start), pending = Int(lane.pointee.count - lane.pointee.scan)
        let capacity = Int(lane.pointee.capacity)
        let old = lane.pointee.entries
        var target = old
        if capacity == 0 || 2 * (waiting + pending + 1) > capacity {
            let grown = max(16, 2 * capacity)
            precondition(grown <= Int(Int32.max), "a lane outgrew 2^31 patients; the patient limit should have stopped the run")
            target = .allocate(capacity: grown)
            lane.pointee.capacity = Int32(grown)
        }
        if let old, let target {
            // Forward copies: the target range never starts after the source range.
            for k in 0..<waiting { target[k] = old[Int(lane.pointee.start) + k] }
            for k in 0..<pending { target[waiting + k] = old[Int(lane.pointee.scan) + k] }
            if target != old { old.deallocate() }
        }
        lane.pointee.entries = target
        lane.pointee.start = 0
        lane.pointee.admitted = Int32(waiting)
        lane.pointee.scan = Int32(waiting)
        lane.pointee.count = Int32(waiting + pending)
    }

    /// Puts a lane's unswept entries in time order (a stable merge of the sorted runs that the
    /// upstream stations appended, one after the other).
    @inline(never)
    static func sortPending(_ lane: UnsafeMutablePointer<Lane>) {
        let scan = Int(lane.pointee.scan)
        var pending = UnsafeMutableBufferPointer(start: lane.pointee.entries! + scan, count: Int(lane.pointee.count) - scan)
        pending.sort { $0.time < $1.time }
        lane.pointee.sorted = true
    }

    /// Checks every station's lanes and heap against its record; returns the violations found (run by
    /// tests after each window, see ``checksInvariants``).
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
            let busy = station.inService.count, servers = Int(station.parameters.servers)
            if busy > servers { problems.append("station \(station.id): \(busy) in service at \(servers) servers") }
            if waiting > 0, busy < servers { problems.append("station \(station.id): patients wait while a server is free") }
            if let earliest = station.inService.min, nextEvent[p] != earliest.time {
                problems.append("station \(station.id): next event \(nextEvent[p]), earliest end \(earliest.time)")
            }
            if busy == 0, nextEvent[p] != .infinity { problems.append("station \(station.id): a next event with nobody in service") }
        }
        return problems
    }
}
