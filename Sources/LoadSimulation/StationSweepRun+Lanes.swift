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

    /// Puts a lane's unswept entries in time order: a stable merge of the sorted runs that the
    /// upstream stations appended, one after the other (natural merge sort), through the run's
    /// scratch buffer, so that no sort allocates.
    @inline(never)
    static func sortPending(_ lane: UnsafeMutablePointer<Lane>, scratch: inout Scratch) {
        let scan = Int(lane.pointee.scan), n = Int(lane.pointee.count) - scan
        lane.pointee.sorted = true
        guard n > 1 else { return }
        let base = lane.pointee.entries! + scan
        // The boundaries of the runs already in order.
        scratch.runs.removeAll(keepingCapacity: true)
        scratch.runs.append(0)
        for k in 1..<n where base[k].time < base[k - 1].time { scratch.runs.append(k) }
        guard scratch.runs.count > 1 else { return }
        scratch.runs.append(n)
        scratch.reserve(n)
        var source = base, target = scratch.buffer!
        // Merge adjacent runs pairwise until one is left, ping-ponging between the lane and the scratch buffer.
        while scratch.runs.count > 2 {
            scratch.merged.removeAll(keepingCapacity: true)
            var r = 0
            while r + 1 < scratch.runs.count {
                let low = scratch.runs[r], mid = scratch.runs[r + 1]
                let high = r + 2 < scratch.runs.count ? scratch.runs[r + 2] : mid
                var i = low, j = mid, o = low
                while i < mid && j < high {
                    // Stable: on a tie the earlier run goes first.
                    if source[j].time < source[i].time { target[o] = source[j]; j += 1 } else { target[o] = source[i]; i += 1 }
                    o += 1
                }
                while i < mid { target[o] = source[i]; i += 1; o += 1 }
                while j < high { target[o] = source[j]; j += 1; o += 1 }
                scratch.merged.append(low)
                r += 2
            }
            scratch.merged.append(n)
            swap(&scratch.runs, &scratch.merged)
            swap(&source, &target)
        }
        if source != base { base.update(from: source, count: n) }
    }

    /// A reusable buffer for ``sortPending(_:scratch:)``: grown by doubling to the largest lane sorted.
    struct Scratch: ~Copyable {
        var buffer: UnsafeMutablePointer<Traveller>?
        var capacity = 0
        var runs: [Int] = []
        var merged: [Int] = []

        mutating func reserve(_ n: Int) {
            guard n > capacity else { return }
            buffer?.deallocate()
            capacity = max(n, 2 * capacity, 256)
            buffer = .allocate(capacity: capacity)
        }

        deinit { buffer?.deallocate() }
    }
}
