/// A replication's patient accounting over the whole horizon, in the sweep and in the reference engine.
package struct PatientTally {
    package var arrived = 0, completed = 0, notCovered = 0, unavailable = 0, turnedAway = 0
    /// Service starts, and events (admitted arrivals and service completions).
    package var stationVisits = 0, events = 0

    package init() {}
}

/// Patients entering and leaving the system, day by day, in the sweep and in the reference engine: the
/// number in the system at the end of each day is their running sum, whatever order an engine
/// processes its events in (the station sweep goes station by station through a week). A warm-up diagnostic: the census climbs
/// from empty and levels off once the warm-up has done its work.
package struct DailyCensus: ~Copyable {
    /// Days of the horizon, the last one partial when the horizon is not a whole number of days.
    let days: Int
    /// Per day: patients who entered minus patients who left. One slot more than ``days``, for
    /// events at the horizon itself (counted with the last day), so that no event needs a bounds
    /// check; a type of its own, so that the compiler knows these writes touch no other counter and
    /// keeps those in registers.
    let net: UnsafeMutablePointer<DayNet>

    struct DayNet { var value = 0 }

    package init(horizon: Double) {
        days = max(1, Int((horizon / 1440).rounded(.up)))
        net = .allocate(capacity: days + 1)
        net.initialize(repeating: DayNet(), count: days + 1)
    }

    deinit { net.deallocate() }

    /// A patient entered the system (was admitted to its first station) at `now` (at most the horizon).
    @inline(__always) package func entered(at now: Double) { net[Int(now * (1.0 / 1440))].value &+= 1 }
    /// A patient left the system (completed its pathway, or was turned away by a full queue) at `now`.
    @inline(__always) package func left(at now: Double) { net[Int(now * (1.0 / 1440))].value &-= 1 }

    /// The patients in the system at the end of each day (the last: at the horizon).
    func endOfDay() -> [Int] {
        var total = 0
        return (0..<days).map { day in
            total += net[day].value
            // Events at the horizon of a whole number of days fall one slot past the last day.
            if day == days - 1 { total += net[days].value }
            return total
        }
    }
}

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

extension ReplicationResult {
    /// A replication's counts from its stations' counters (by station id), its per-link and per-route
    /// counts and its accounting.
    package init(stations: [(servers: Int32, counters: StationCounters)], window: MeasuredWindow, waits: WaitCounter,
         flows: borrowing FlowCounters, census: borrowing DailyCensus, tally: PatientTally, inSystem: Int, stoppedAt: Double?) {
        let measured = max(window.horizon - window.warmup, .leastNonzeroMagnitude)
        self.init(
            arrivals: stations.map { Int($0.counters.arrivals) }, served: stations.map { Int($0.counters.served) },
            utilisation: stations.map { $0.counters.busyTime / (Double($0.servers) * measured) },
            meanWait: stations.map { $0.counters.started > 0 ? $0.counters.waitSum / Double($0.counters.started) : 0 },
            maxQueue: stations.map { Int($0.counters.maxQueue) }, turnedAwayAt: stations.map { Int($0.counters.turnedAway) },
            waits: waits.compacted(zeroWaits: stations.map { Int($0.counters.zeroWaits) }),
            linkFlow: Array(UnsafeBufferPointer(start: flows.linkFlow, count: flows.linkCount)),
            routeRejected: Array(UnsafeBufferPointer(start: flows.routeRejected, count: flows.routeCount)),
            routeArrivals: Array(UnsafeBufferPointer(start: flows.routeArrivals, count: flows.routeCount)),
            inSystemAtEndOfDay: census.endOfDay())
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
