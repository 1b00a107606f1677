/// A replication's per-link and per-route counts, in the sweep and in the reference engine.
package struct FlowCounters: ~Copyable {
    let linkCount: Int, routeCount: Int
    /// Per referral link: patients who crossed it after warm-up.
    package let linkFlow: UnsafeMutablePointer<Int>
    /// Per route: patients refused (not covered, unavailable) over the whole horizon.
    package let routeRejected: UnsafeMutablePointer<Int>
    /// Per route: patients who arrived on it after warm-up.
    package let routeArrivals: UnsafeMutablePointer<Int>

    package init(linkCount: Int, routeCount: Int) {
        self.linkCount = linkCount
        self.routeCount = routeCount
        linkFlow = .allocate(capacity: max(linkCount, 1))
        linkFlow.initialize(repeating: 0, count: max(linkCount, 1))
        routeRejected = .allocate(capacity: max(routeCount, 1))
        routeRejected.initialize(repeating: 0, count: max(routeCount, 1))
        routeArrivals = .allocate(capacity: max(routeCount, 1))
        routeArrivals.initialize(repeating: 0, count: max(routeCount, 1))
    }

    deinit { linkFlow.deallocate(); routeRejected.deallocate(); routeArrivals.deallocate() }
}
