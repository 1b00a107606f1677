import Foundation

/// The replications of a run, shared by the worker threads: hands out their indices in turn and
/// keeps each one's result in its own slot, so the result does not depend on the threads.
final class ReplicationSlots: @unchecked Sendable {
    private var storage: [ReplicationResult?]
    private var next = 0
    private let lock = NSLock()
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    /// The next replication to run, or nil when every one has been handed out.
    func take() -> Int? {
        lock.withLock {
            guard next < storage.count else { return nil }
            defer { next += 1 }
            return next
        }
    }
    func store(_ result: ReplicationResult, at index: Int) { lock.withLock { storage[index] = result } }
    func results() -> [ReplicationResult] { lock.withLock { storage.map { $0! } } }
}
