/// A ``SimulationModel`` laid out for the station sweep (``StationSweepRun``): the stations renumbered
/// in referral order (``SimulationModel/referralOrder()``), so that every patient moves from a station
/// to a later one.
///
/// RAMED pathways only climb (P1-P5: health centre, then a hospital of level 2, its regional hospital,
/// its CHU; P0 enters at a hospital and climbs from there) and the referral rates send patients one
/// level up, so the graph of station-to-station moves is acyclic. A station's arrivals then depend only
/// on the stations before it in a topological order, and a replication can be simulated a time window
/// at a time, station after station in that order: each station works through its own events of the
/// window in time order, and hands the patients it releases to later stations' lanes before those are
/// swept.
final class StationSweepPlan: @unchecked Sendable {
    /// The model's layout, by station id.
    let base: SimulationPlan
    let stationCount: Int
    /// Sweep position → station id, and station id → sweep position.
    let order: [Int32]
    let position: [Int32]
    /// The plan's route steps with stations given by sweep position (-1: a facility passed through).
    let steps: UnsafeMutablePointer<RouteStep>
    /// One template per station, by sweep position.
    let stations: UnsafeMutablePointer<SweepStation>
    /// Per route, what an arrival needs to join its first station: one table read.
    let heads: UnsafeMutablePointer<RouteHead>
    /// Per route step: the route whose treatment it is (the last step of a health centre's route), -1
    /// for any other step. A service starting there ends the time from first contact to treatment.
    let treatRoute: UnsafeMutablePointer<Int32>

    /// The sweep plan of `model`, or nil when its station graph has a cycle (a route that revisits a
    /// station, or a referral back down), which no model of a network has and the builder rejects.
    init?(_ model: SimulationModel) {
        guard let order = model.referralOrder() else { return nil }
        let base = SimulationPlan(model)
        let n = base.stationCount
        var position = [Int32](repeating: 0, count: n)
        for (p, s) in order.enumerated() { position[Int(s)] = Int32(p) }

        self.base = base
        self.stationCount = n
        self.order = order
        self.position = position
        steps = .allocate(capacity: max(base.stepCount, 1))
        for k in 0..<base.stepCount {
            let step = base.steps[k]
            steps[k] = RouteStep(station: step.station >= 0 ? position[Int(step.station)] : -1, link: step.link)
        }
        heads = .allocate(capacity: max(base.routeCount, 1))
        for r in 0..<base.routeCount {
            let start = Int(base.routeOffsets[r]), end = Int(base.routeOffsets[r + 1])
            var head = RouteHead(firstStep: Int32(start), end: Int32(end), station: -1, outcome: base.routeOutcome[r], passes: false)
            if head.outcome == .treated {
                var first = start
                while steps[first].station < 0 { first += 1 }
                head.station = steps[first].station
                // Facilities passed through before the first station: their links are counted on arrival.
                head.passes = first != start
                if !head.passes { head.firstStep = Int32(first) }
            }
            heads[r] = head
        }
        treatRoute = .allocate(capacity: max(base.stepCount, 1))
        treatRoute.initialize(repeating: -1, count: max(base.stepCount, 1))
        for r in 0..<base.routeCount where model.routeOrigin[r] >= 0 && base.routeOutcome[r] == .treated {
            let end = Int(base.routeOffsets[r + 1])
            if end > Int(base.routeOffsets[r]) { treatRoute[end - 1] = Int32(r) }
        }
        stations = .allocate(capacity: max(n, 1))
        for p in 0..<n {
            let s = Int(order[p])
            (stations + p).initialize(to: SweepStation(id: Int32(s), parameters: base.parameters[s]))
        }
    }

    deinit { steps.deallocate(); stations.deinitialize(count: stationCount); stations.deallocate(); heads.deallocate(); treatRoute.deallocate() }
}
