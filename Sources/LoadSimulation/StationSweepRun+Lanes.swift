/// The station sweep's lanes, which grow and compact.
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
}
