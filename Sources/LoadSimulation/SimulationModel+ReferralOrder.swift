extension SimulationModel {
    /// The stations in referral order: every station after every station that sends it patients (the
    /// consecutive stations of each treated route, and a station that refers patients up before the
    /// stations of its escalation route), or nil when no such order exists because a route returns to a
    /// station it left. The station sweep (``StationSweepPlan``) goes through the stations in this order.
    ///
    /// A model built from a network always has one: RAMED pathways only climb. A non-emergency goes
    /// from its health centre (level 1) to a level-2 hospital, then follows the network's next level,
    /// which the network validator holds to exactly one level up (`refers-to`, P2-P4; a region's `chu:`
    /// names a CHU); an emergency enters at a hospital (P0) and climbs the same way; a referral after
    /// treatment climbs the next levels too (P5). Every move goes to a facility of a higher level, and
    /// one route visits one station per facility.
    func referralOrder() -> [Int32]? {
        let n = stationCount
        var successors = [[Int32]](repeating: [], count: n)
        func chain(_ from: Int32, steps range: Range<Int>) {
            var previous = from
            for k in range {
                let station = routeStations[k]
                guard station >= 0 else { continue }
                if previous >= 0 { successors[Int(previous)].append(station) }
                previous = station
            }
        }
        for r in 0..<routeOutcome.count where routeOutcome[r] == .treated {
            chain(-1, steps: Int(routeOffsets[r])..<Int(routeOffsets[r + 1]))
        }
        for s in 0..<n where escalation[s] >= 0 && referralRate[s] > 0 {
            let route = Int(escalationRoute[s])
            if route >= 0 {
                chain(Int32(s), steps: Int(routeOffsets[route])..<Int(routeOffsets[route + 1]))
            } else {
                successors[s].append(escalation[s])
            }
        }
        // Kahn's algorithm: a station comes after every station that sends it patients.
        var incoming = [Int](repeating: 0, count: n)
        for list in successors { for t in list { incoming[Int(t)] += 1 } }
        var order: [Int32] = []
        order.reserveCapacity(n)
        for s in 0..<n where incoming[s] == 0 { order.append(Int32(s)) }
        var next = 0
        while next < order.count {
            for t in successors[Int(order[next])] {
                incoming[Int(t)] -= 1
                if incoming[Int(t)] == 0 { order.append(t) }
            }
            next += 1
        }
        return order.count == n ? order : nil
    }
}
