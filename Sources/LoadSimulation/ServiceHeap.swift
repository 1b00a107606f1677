/// A station's patients in service, earliest end of service first: a binary min-heap of
/// ``Traveller``s (keyed by ``Traveller/time``) in a buffer of its own, which grows by doubling to
/// the station's peak (at most its servers, plus those finishing after a closing) and is then reused,
/// so that no event allocates.
///
/// It replaces swift-collections' `Heap` on the sweep's hot path: that is a min-max heap in a Swift
/// array, whose every change checks the array's uniqueness and walks grandchildren; only the
/// minimum is needed here. Replacing it took some 75 instructions off a station visit (callgrind,
/// national network, 28 days, one replication: 1,110 to 1,023 with the arrivals' change of the same
/// sitting) and a national year from 6.28-6.54 to 6.01-6.45 s (interleaved runs).
///
/// Patients ending at the same time (fixed service times started together at an opening) leave in
/// an order fixed by the sequence of inserts and removals: the same in every run.
struct ServiceHeap {
    private(set) var entries: UnsafeMutablePointer<Traveller>?
    private(set) var count: Int32 = 0
    private var capacity: Int32 = 0

    init() {}

    /// The patient whose service ends first; nil when nobody is in service.
    @inline(__always)
    var min: Traveller? { count > 0 ? entries.unsafelyUnwrapped[0] : nil }

    /// The end of the first service to end; infinity when nobody is in service.
    @inline(__always)
    var nextEnd: Double { count > 0 ? entries.unsafelyUnwrapped[0].time : .infinity }

    /// Adds a patient.
    @inline(__always)
    mutating func insert(_ traveller: Traveller) {
        if count == capacity { grow() }
        let heap = entries.unsafelyUnwrapped
        var hole = Int(count)
        count &+= 1
        // Sift up: parents later than the new patient move down into the hole.
        while hole > 0 {
            let parent = (hole &- 1) >> 1
            guard traveller.time < heap[parent].time else { break }
            heap[hole] = heap[parent]
            hole = parent
        }
        heap[hole] = traveller
    }

    /// Removes the first patient (there is one).
    @inline(__always)
    mutating func removeMin() {
        count &-= 1
        guard count > 0 else { return }
        let heap = entries.unsafelyUnwrapped
        siftDown(heap[Int(count)], heap: heap)
    }

    /// Replaces the first patient (there is one) with `traveller`: a removal and an insert in one pass.
    @inline(__always)
    mutating func replaceMin(with traveller: Traveller) {
        siftDown(traveller, heap: entries.unsafelyUnwrapped)
    }

    /// Puts `traveller` in the root's place and moves it down past earlier children.
    @inline(__always)
    private func siftDown(_ traveller: Traveller, heap: UnsafeMutablePointer<Traveller>) {
        let n = Int(count)
        var hole = 0
        while true {
            var child = 2 &* hole &+ 1
            guard child < n else { break }
            if child &+ 1 < n, heap[child &+ 1].time < heap[child].time { child &+= 1 }
            guard heap[child].time < traveller.time else { break }
            heap[hole] = heap[child]
            hole = child
        }
        heap[hole] = traveller
    }

    @inline(never)
    private mutating func grow() {
        let grown = Swift.max(4, 2 &* Int(capacity))
        precondition(grown <= Int(Int32.max), "a station had 2^31 patients in service")
        let buffer = UnsafeMutablePointer<Traveller>.allocate(capacity: grown)
        if let entries {
            buffer.moveInitialize(from: entries, count: Int(count))
            entries.deallocate()
        }
        entries = buffer
        capacity = Int32(grown)
    }

    /// Frees the buffer (the run's end).
    mutating func deallocate() {
        entries?.deallocate()
        entries = nil
        count = 0
        capacity = 0
    }

    /// The patients in service, in heap order (for invariant checks).
    var all: UnsafeBufferPointer<Traveller> { UnsafeBufferPointer(start: entries, count: Int(count)) }
}
