import Foundation

/// A large zeroed buffer for a replication's counters (the waits' buckets by station, hour and
/// weekday), on transparent huge pages where the kernel gives them.
///
/// A national replication's counters take some 110 MB, written at random (an increment per patient
/// here and there). On 4 KB pages their first touches cost a page fault each (a third of the default
/// run's 250,000 faults), and their random increments miss the processor's address cache (TLB), which
/// covers a few megabytes of 4 KB pages. A buffer of at least 4 MB is therefore mapped on its own,
/// aligned to 2 MB, and advised as huge-page memory (`madvise(MADV_HUGEPAGE)`, which Debian's kernels
/// honour by default); the kernel still zeroes it on first touch, 2 MB at a time, and falls back to
/// small pages when it has no huge page free. Smaller buffers (the teaching network's), and any the
/// kernel will not map, come from `calloc`.
struct ZeroedBuffer<Element> {
    static var hugePage: Int { 2 << 20 }
    static var threshold: Int { 4 << 20 }

    let pointer: UnsafeMutablePointer<Element>
    /// The bytes mapped for it, 0 when it came from `calloc`.
    private let mappedBytes: Int

    /// `count` zeroed elements (at least one); give them back with ``free()``.
    init(count: Int) {
        let n = max(count, 1), bytes = n * MemoryLayout<Element>.stride
        let rounded = (bytes + Self.hugePage - 1) & ~(Self.hugePage - 1)
        // One huge page more than needed, so that the buffer can start on a 2 MB boundary.
        if bytes >= Self.threshold, let raw = mmap(nil, rounded + Self.hugePage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), raw != MAP_FAILED {
            let address = UInt(bitPattern: raw)
            let aligned = (address + UInt(Self.hugePage) - 1) & ~UInt(Self.hugePage - 1)
            let lead = Int(aligned - address), tail = Self.hugePage - lead
            if lead > 0 { munmap(raw, lead) }
            if tail > 0 { munmap(UnsafeMutableRawPointer(bitPattern: aligned + UInt(rounded)), tail) }
            let buffer = UnsafeMutableRawPointer(bitPattern: aligned)!
            _ = madvise(buffer, rounded, MADV_HUGEPAGE)
            pointer = buffer.bindMemory(to: Element.self, capacity: n)
            mappedBytes = rounded
        } else {
            pointer = calloc(n, MemoryLayout<Element>.stride)!.bindMemory(to: Element.self, capacity: n)
            mappedBytes = 0
        }
    }

    /// Whether the buffer was mapped on its own (for tests).
    var isMapped: Bool { mappedBytes > 0 }

    /// Gives the buffer back.
    func free() {
        if mappedBytes > 0 { munmap(UnsafeMutableRawPointer(pointer), mappedBytes) } else { Foundation.free(pointer) }
    }
}
