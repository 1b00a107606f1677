import HeapModule

/// The pending service completions, in two levels: a swift-collections `Heap` holds the events of the
/// time slots (4 hours each) up to the current one, and a ring of slot buckets holds the later ones,
/// unordered.
///
/// Hospital stays last days, so most pending completions lie far ahead: on the national network
/// about 17,000 events are pending, of which a few thousand fall in the current slot. Keeping the
/// later ones out of the heap keeps it small and in cache. A bucket is emptied into the heap when the
/// clock reaches its slot; an event more than ``ringSlots`` slots (341 days) ahead waits in its bucket
/// through the earlier turns of the ring. (Measured on the national network, 30 days, runs interleaved:
/// 1.35-1.51 s wall, median 1.36, against 1.40-1.55 s, median 1.48, with one heap of every pending
/// event. Slot widths from 15 minutes to a day were within the shared machine's noise of each other.)
///
/// Every event in the heap is in a slot before ``boundarySlot`` and every bucketed event in that slot
/// or later; slots are monotone in time, so the heap's minimum is the earliest event whenever the heap
/// is not empty.
struct EventList {
    static let slotMinutes = 240.0
    static let ringSlots = 2048
    private static let inverseSlotMinutes = 1 / slotMinutes

    private(set) var heap = Heap<Event>()
    private var ring: [[Event]] = Array(repeating: [], count: EventList.ringSlots)
    /// Events of slots before this one are in the heap.
    private(set) var boundarySlot = 1
    /// Events waiting in the ring.
    private(set) var bucketed = 0

    init(capacity: Int) { heap.reserveCapacity(capacity) }

    /// The slot an event belongs to (monotone in time, so slots order events as times do).
    @inline(__always)
    static func slot(_ time: Double) -> Int { Int(time * inverseSlotMinutes) }

    @inline(__always)
    mutating func insert(_ event: Event) {
        let slot = EventList.slot(event.time)
        if slot < boundarySlot {
            heap.insert(event)
        } else {
            ring[slot & (EventList.ringSlots - 1)].append(event)
            bucketed += 1
        }
    }

    /// The earliest pending event, moving slots from the ring into the heap as the clock needs them;
    /// nil when nothing is pending.
    @inline(__always)
    mutating func earliest() -> Event? {
        if let top = heap.min { return top }
        while bucketed > 0 {
            loadNextSlot()
            if let top = heap.min { return top }
        }
        return nil
    }

    /// Removes the event ``earliest()`` returned.
    @inline(__always)
    mutating func removeEarliest() { _ = heap.removeMin() }

    /// Moves the bucket of ``boundarySlot`` into the heap (events of later turns of the ring stay).
    private mutating func loadNextSlot() {
        let current = boundarySlot
        let slot = current & (EventList.ringSlots - 1)
        var kept = 0
        ring[slot].withUnsafeMutableBufferPointer { bucket in
            for k in bucket.indices {
                let event = bucket[k]
                if EventList.slot(event.time) <= current { heap.insert(event) } else { bucket[kept] = event; kept += 1 }
            }
        }
        bucketed -= ring[slot].count - kept
        ring[slot].removeLast(ring[slot].count - kept)
        boundarySlot = current + 1
        _checkInvariants()
    }

    /// Pending events, in the heap and in the ring.
    var count: Int { heap.count + bucketed }

    /// Checks the two levels' invariant; returns the violations found. Debug builds check it each time
    /// a slot moves into the heap (``_checkInvariants()``); tests call it.
    func invariantViolations() -> [String] {
        var problems: [String] = []
        if let late = heap.unordered.first(where: { EventList.slot($0.time) >= boundarySlot }) {
            problems.append("the heap holds an event of slot \(EventList.slot(late.time)), not before slot \(boundarySlot)")
        }
        var inRing = 0
        for (slot, bucket) in ring.enumerated() {
            inRing += bucket.count
            for event in bucket where EventList.slot(event.time) < boundarySlot || EventList.slot(event.time) & (EventList.ringSlots - 1) != slot {
                problems.append("ring slot \(slot) holds an event of slot \(EventList.slot(event.time)) (boundary slot \(boundarySlot))")
            }
        }
        if inRing != bucketed { problems.append("the ring holds \(inRing) events, counted \(bucketed)") }
        return problems
    }

    /// Asserts ``invariantViolations()`` is empty, in debug builds only (nothing in release).
    @inline(__always)
    func _checkInvariants() {
        #if DEBUG
        let problems = invariantViolations()
        assert(problems.isEmpty, "event list: " + problems.prefix(5).joined(separator: "; "))
        #endif
    }
}
