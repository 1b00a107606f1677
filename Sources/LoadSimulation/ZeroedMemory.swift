import Foundation

/// Large zeroed buffers for a replication's counters (the waits' buckets by station, hour and
/// weekday), on transparent huge pages where the kernel gives them.
///
/// A national replication's counters take some 110 MB, written at random (an increment per patient
/// here and there). On 4 KB pages their first touches cost a page fault each (a third of the default
/// run's 250,000 faults), and their random increments miss the processor's address cache (TLB), which
/// covers a few megabytes of 4 KB pages. A buffer of at least 4 MB is therefore mapped on its own,
/// aligned to 2 MB, and advised as huge-page memory (`madvise(MADV_HUGEPAGE)`, which Debian's kernels
/// honour by default); the kernel still zeroes it on first touch, 2 MB at a time, and falls back to
/// small pages when it has no huge page free. Smaller buffers (the teaching network's) come from
/// `calloc`.
enum ZeroedMemory {
    static let hugePage = 2 << 20
    static let threshold = 4 << 20

    /// `count` zeroed values of `T`; give it back with ``free(_:count:)``.
    static func allocate<T>(_ type: T.Type, count: Int) -> UnsafeMutablePointer<T> {
        let n = max(count, 1), bytes = n * MemoryLayout<T>.stride
        guard bytes >= threshold else { return calloc(n, MemoryLayout<T>.stride)!.bindMemory(to: T.self, capacity: n) }
        // One huge page more than asked, so that the buffer can start on a 2 MB boundary.
        let length = mappedLength(bytes)
        guard let raw = mmap(nil, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), raw != MAP_FAILED else {
            return calloc(n, MemoryLayout<T>.stride)!.bindMemory(to: T.self, capacity: n)
        }
        let address = UInt(bitPattern: raw)
        let aligned = (address + UInt(hugePage) - 1) & ~UInt(hugePage - 1)
        let lead = Int(aligned - address)
        if lead > 0 { munmap(raw, lead) }
        let tail = length - lead - bytes.roundedUp(to: hugePage)
        if tail > 0 { munmap(UnsafeMutableRawPointer(bitPattern: aligned + UInt(bytes.roundedUp(to: hugePage))), tail) }
        let buffer = UnsafeMutableRawPointer(bitPattern: aligned)!
        _ = madvise(buffer, bytes.roundedUp(to: hugePage), MADV_HUGEPAGE)
        return buffer.bindMemory(to: T.self, capacity: n)
    }

    /// Gives back a buffer of ``allocate(_:count:)``.
    static func free<T>(_ pointer: UnsafeMutablePointer<T>, count: Int) {
        let bytes = max(count, 1) * MemoryLayout<T>.stride
        if bytes >= threshold {
            munmap(UnsafeMutableRawPointer(pointer), bytes.roundedUp(to: hugePage))
        } else {
            Foundation.free(pointer)
        }
    }

    static func mappedLength(_ bytes: Int) -> Int { bytes.roundedUp(to: hugePage) + hugePage }
}

extension Int {
    /// The least multiple of `unit` (a power of two) at least this.
    fileprivate func roundedUp(to unit: Int) -> Int { (self + unit - 1) & ~(unit - 1) }
}
