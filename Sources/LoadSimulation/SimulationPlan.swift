/// A ``SimulationModel`` laid out for the engine, built once per run and shared read-only by every
/// replication (the station sweep lays it out again in referral order, ``StationSweepPlan``; the
/// test-support reference engine reads it as it is):
///
/// - one ``StationParameters`` per station: what an engine reads of a station, flattened;
/// - per source (health centre), a Walker alias table over its (service, emergency) entries, so that
///   the superposition of its Poisson streams is one stream whose marks cost one random number and
///   one table read (``ArrivalStreams``);
/// - route steps as (station, link) pairs in one array, escalation routes included.
package final class SimulationPlan: @unchecked Sendable {
    package let stationCount: Int
    package let parameters: UnsafeMutablePointer<StationParameters>
    package let sourceCount: Int
    /// Per source: its rate and its cells in `entries`.
    package let sources: UnsafeMutablePointer<SourcePlan>
    package let entryCount: Int
    package let entries: UnsafeMutablePointer<AliasEntry>
    package let routeCount: Int
    package let routeOffsets: UnsafeMutablePointer<Int32>
    package let routeOutcome: UnsafeMutablePointer<RouteOutcome>
    package let steps: UnsafeMutablePointer<RouteStep>
    package let stepCount: Int
    package let linkCount: Int

    package init(_ model: SimulationModel) {
        stationCount = model.stationCount
        // Route steps, then a one-step route per station escalating without a route of its own.
        var stepList = zip(model.routeStations, model.routeLinks).map { RouteStep(station: $0, link: $1) }
        var escalationStart = [Int32](repeating: -1, count: stationCount), escalationEnd = [Int32](repeating: -1, count: stationCount)
        for s in 0..<stationCount where model.escalation[s] >= 0 {
            let route = Int(model.escalationRoute[s])
            if route >= 0 {
                escalationStart[s] = model.routeOffsets[route]; escalationEnd[s] = model.routeOffsets[route + 1]
            } else {
                escalationStart[s] = Int32(stepList.count)
                stepList.append(RouteStep(station: model.escalation[s], link: model.escalationLink[s]))
                escalationEnd[s] = Int32(stepList.count)
            }
        }
        parameters = .allocate(capacity: max(stationCount, 1))
        for s in 0..<stationCount {
            let time = model.serviceTime[s]
            (parameters + s).initialize(to: StationParameters(
                servers: model.servers[s], queueCapacity: model.queueCapacity[s],
                serviceKind: Int32(time.kind.rawValue), escalationStart: escalationStart[s], escalationEnd: escalationEnd[s],
                a: time.a, b: time.b, c: time.c, referralRate: model.escalation[s] >= 0 ? model.referralRate[s] : 0))
        }

        // Each source's entries into an alias table of its own, the tables one after the other.
        sourceCount = model.sourceCount
        sources = .allocate(capacity: max(sourceCount, 1))
        var cells: [AliasEntry] = []
        for source in 0..<sourceCount {
            var weights: [Double] = [], routes: [Int32] = [], emergency: [Bool] = []
            var previous = 0.0
            for k in Int(model.sourceEntryOffsets[source])..<Int(model.sourceEntryOffsets[source + 1]) {
                let probability = model.entryCumulative[k] - previous
                previous = model.entryCumulative[k]
                guard probability > 0 else { continue }
                weights.append(probability)
                routes.append(model.entryRoute[k])
                emergency.append(model.entryEmergency[k])
            }
            let rate = weights.isEmpty ? 0 : max(model.sourceRate[source], 0)
            sources[source] = SourcePlan(rate: rate, cellStart: Int32(cells.count), cellCount: Int32(weights.count), key: model.sourceStreamKey[source],
                                         profile: model.sourceProfile[source])
            let table = AliasTable(weights: weights)
            for k in 0..<weights.count {
                let other = Int(table.alias[k])
                cells.append(AliasEntry(threshold: table.threshold[k], route: routes[k], aliasRoute: routes[other],
                                        flags: (emergency[k] ? 1 : 0) | (emergency[other] ? 2 : 0)))
            }
        }
        entryCount = cells.count
        entries = .allocate(capacity: max(entryCount, 1))
        for k in 0..<entryCount { entries[k] = cells[k] }

        routeCount = model.routeOutcome.count
        routeOffsets = .allocate(capacity: routeCount + 1)
        for r in 0...routeCount { routeOffsets[r] = model.routeOffsets[r] }
        routeOutcome = .allocate(capacity: max(routeCount, 1))
        for r in 0..<routeCount { routeOutcome[r] = model.routeOutcome[r] }
        stepCount = stepList.count
        steps = .allocate(capacity: max(stepCount, 1))
        for k in 0..<stepCount { steps[k] = stepList[k] }
        linkCount = model.links.count
    }

    deinit {
        parameters.deallocate(); entries.deallocate(); sources.deallocate(); routeOffsets.deallocate(); routeOutcome.deallocate(); steps.deallocate()
    }
}

