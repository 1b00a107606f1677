import Foundation

/// Work shared by threads: hands out the indices `0..<count` in turn and keeps each one's outcome
/// in a slot of its own, so that the outcomes come back in index order whatever thread did each (a
/// run's replications, a merge's partials, a run's result files).
package final class WorkSlots<Outcome>: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var slots: [Outcome?]

    package init(count: Int) { slots = Array(repeating: nil, count: count) }

    /// The next index to work on, or nil when every one has been handed out.
    package func take() -> Int? {
        lock.withLock {
            guard next < slots.count else { return nil }
            defer { next += 1 }
            return next
        }
    }

    package func store(_ outcome: Outcome, at index: Int) { lock.withLock { slots[index] = outcome } }

    /// Every index's outcome, in index order (each one stored).
    package func outcomes() -> [Outcome] { lock.withLock { slots.map { $0! } } }
}
