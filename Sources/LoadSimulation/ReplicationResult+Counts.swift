/// A replication's patient accounting over the whole horizon, in either engine.
struct PatientTally {
    var arrived = 0, completed = 0, notCovered = 0, unavailable = 0, turnedAway = 0
    /// Service starts, and events (admitted arrivals and service completions).
    var stationVisits = 0, events = 0
}

/// A replication's per-link and per-route counts, in either engine.
struct FlowCounters: ~Copyable {
    let linkCount: Int, routeCount: Int
    /// Per referral link: patients who crossed it after warm-up.
    let linkFlow: UnsafeMutablePointer<Int>
    /// Per route: patients refused (not covered, unavailable) over the whole horizon.
    let routeRejected: UnsafeMutablePointer<Int>
    /// Per route: patients who arrived on it after warm-up.
    let routeArrivals: UnsafeMutablePointer<Int>

    init(linkCount: Int, routeCount: Int) {
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

extension ReplicationResult {
    /// A replication's counts from its stations' counters (by station id), its per-link and per-route
    /// counts and its accounting.
    init(stations: [(servers: Int32, counters: StationCounters)], window: MeasuredWindow, waits: WaitCounter,
         flows: borrowing FlowCounters, tally: PatientTally, inSystem: Int, stoppedAt: Double?) {
        let measured = max(window.horizon - window.warmup, .leastNonzeroMagnitude)
        self.init(
            arrivals: stations.map { Int($0.counters.arrivals) }, served: stations.map { Int($0.counters.served) },
            utilisation: stations.map { $0.counters.busyTime / (Double($0.servers) * measured) },
            meanWait: stations.map { $0.counters.started > 0 ? $0.counters.waitSum / Double($0.counters.started) : 0 },
            maxQueue: stations.map { Int($0.counters.maxQueue) }, turnedAwayAt: stations.map { Int($0.counters.turnedAway) },
            waits: waits.compacted(zeroWaits: stations.map { Int($0.counters.zeroWaits) }),
            linkFlow: Array(UnsafeBufferPointer(start: flows.linkFlow, count: flows.linkCount)),
            routeRejected: Array(UnsafeBufferPointer(start: flows.routeRejected, count: flows.routeCount)),
            routeArrivals: Array(UnsafeBufferPointer(start: flows.routeArrivals, count: flows.routeCount)))
        arrived = tally.arrived
        completed = tally.completed
        self.inSystem = inSystem
        notCovered = tally.notCovered
        unavailable = tally.unavailable
        turnedAway = tally.turnedAway
        stationVisits = tally.stationVisits
        events = tally.events
        self.stoppedAt = stoppedAt
    }
}
