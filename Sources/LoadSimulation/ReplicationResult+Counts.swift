extension ReplicationResult {
    /// A replication's counts from its stations' counters (by station id), its per-link and per-route
    /// counts and its accounting.
    package init(stations: [(servers: Int32, counters: StationCounters)], window: MeasuredWindow, waits: WaitCounter,
         flows: borrowing FlowCounters, census: borrowing DailyCensus, tally: PatientTally, inSystem: Int, stoppedAt: Double?,
         hourly: SlotWaits? = nil, arrivalsByHour: UnsafeMutablePointer<UInt32>? = nil, treatment: SlotWaits? = nil) {
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
        inSystemAtEndOfHour = census.endOfHour()
        overtimeMinutes = Array(repeating: 0, count: stations.count)
        carriedOver = Array(repeating: 0, count: stations.count)
        busyMinutes = stations.map(\.counters.busyTime)
        if let hourly, let arrivalsByHour {
            hourlyWaits = hourly.compacted()
            self.arrivalsByHour = Array(UnsafeBufferPointer(start: arrivalsByHour, count: stations.count * 24))
        }
        if let treatment { timeToTreatment = treatment.compacted() }
    }
}
