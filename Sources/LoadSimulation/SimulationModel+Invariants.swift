extension SimulationModel {
    /// Checks the flat arrays' invariants, the referral order included (``referralOrder()``); returns
    /// the violations found. Debug builds check them when a model is built; tests call it.
    package func invariantViolations() -> [String] {
        var problems: [String] = []
        let n = stationCount
        for array in [serviceTime.count, referralRate.count, escalation.count, queueCapacity.count, escalationLink.count, escalationRoute.count, stationFacility.count, stationService.count] where array != n {
            problems.append("a station array has \(array) elements for \(n) stations")
        }
        if routeOffsets.count != routeOutcome.count + 1 { problems.append("route offsets and outcomes disagree") }
        if routeLinks.count != routeStations.count { problems.append("route links and stations disagree") }
        if routeFacilities.count != routeStations.count { problems.append("route facilities and stations disagree") }
        for array in [routeOrigin.count, routeService.count, routeEmergency.count] where array != routeOutcome.count {
            problems.append("a route array has \(array) elements for \(routeOutcome.count) routes")
        }
        if sourceEntryOffsets.count != sourceRate.count + 1 { problems.append("source offsets and rates disagree") }
        if sourceStreamKey.count != sourceRate.count || sourceFacility.count != sourceRate.count { problems.append("a source array disagrees with the rates") }
        // The checks below index the arrays by each other.
        guard problems.isEmpty else { return problems }
        if routeStations.contains(where: { Int($0) >= n }) { problems.append("a route names a missing station") }
        for route in 0..<routeOutcome.count where routeOffsets[route + 1] > routeOffsets[route] {
            if routeStations[Int(routeOffsets[route + 1]) - 1] < 0 { problems.append("route \(route) does not end at a station") }
        }
        for route in 0..<routeOutcome.count where routeOutcome[route] == .treated && routeOffsets[route + 1] == routeOffsets[route] {
            problems.append("treated route \(route) has no step")
        }
        for s in 0..<n where escalationRoute[s] >= 0 {
            let route = Int(escalationRoute[s])
            if route >= routeOutcome.count || routeOffsets[route] == routeOffsets[route + 1] || routeStations[Int(routeOffsets[route + 1]) - 1] != escalation[s] {
                problems.append("station \(s)'s escalation route does not end at its escalation station")
            }
        }
        if queueCapacity.contains(where: { $0 < 0 }) { problems.append("a queue capacity is negative") }
        if escalation.contains(where: { Int($0) >= n }) { problems.append("an escalation names a missing station") }
        if Set(sourceStreamKey).count != sourceStreamKey.count { problems.append("two sources share a stream key") }
        for source in 0..<sourceCount {
            let range = Int(sourceEntryOffsets[source])..<Int(sourceEntryOffsets[source + 1])
            if !range.isEmpty, entryCumulative[range.upperBound - 1] != 1 { problems.append("source \(source)'s probabilities do not end at 1") }
        }
        if problems.isEmpty, referralOrder() == nil {
            problems.append("a route returns to a station it left: the stations have no referral order, and the station sweep cannot run the model")
        }
        return problems
    }

    /// Asserts ``invariantViolations()`` is empty, in debug builds only (nothing in release).
    @inline(__always)
    func _checkInvariants() {
        #if DEBUG
        let problems = invariantViolations()
        assert(problems.isEmpty, "SimulationModel: " + problems.prefix(5).joined(separator: "; "))
        #endif
    }
}
