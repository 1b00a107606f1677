/// A ``SimulationModel`` laid out for the event loop, built once per run and shared read-only by every
/// replication:
///
/// - one 128-byte ``StationRecord`` template per station (two cache lines: what the loop reads and
///   writes at a station sits together, instead of in a dozen arrays);
/// - per source (health centre), a Walker alias table over its (service, emergency) entries, so that
///   the superposition of its Poisson streams is one stream whose marks cost one random number and
///   one table read (``ArrivalStreams``);
/// - route steps as (station, link) pairs in one array, escalation routes included.
final class EventLoopPlan: @unchecked Sendable {
    let stationCount: Int
    let stations: UnsafeMutablePointer<StationRecord>
    let sourceCount: Int
    /// Per source: its rate and its cells in `entries`.
    let sources: UnsafeMutablePointer<SourcePlan>
    let entryCount: Int
    let entries: UnsafeMutablePointer<AliasEntry>
    let routeCount: Int
    let routeOffsets: UnsafeMutablePointer<Int32>
    let routeOutcome: UnsafeMutablePointer<RouteOutcome>
    let steps: UnsafeMutablePointer<RouteStep>
    let stepCount: Int
    let linkCount: Int

    init(_ model: SimulationModel) {
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
        stations = UnsafeMutableRawPointer.allocate(byteCount: max(stationCount, 1) * MemoryLayout<StationRecord>.stride, alignment: 64)
            .bindMemory(to: StationRecord.self, capacity: max(stationCount, 1))
        for s in 0..<stationCount {
            let time = model.serviceTime[s]
            stations[s] = StationRecord(parameters: StationParameters(
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
            sources[source] = SourcePlan(rate: rate, cellStart: Int32(cells.count), cellCount: Int32(weights.count), key: model.sourceStreamKey[source])
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
        stations.deallocate(); entries.deallocate(); sources.deallocate(); routeOffsets.deallocate(); routeOutcome.deallocate(); steps.deallocate()
    }
}

/// One station's parameters and running state, 128 bytes. The counters cover the measured period
/// (after warm-up) except `busy` and the queue.
struct StationRecord {
    var parameters: StationParameters
    // State.
    var busy: Int32 = 0
    var queueLength: Int32 = 0
    /// Intrusive FIFO lanes through ``PatientRecord/next``: emergencies, then the others (-1: empty).
    var emergencyHead: Int32 = -1, emergencyTail: Int32 = -1
    var otherHead: Int32 = -1, otherTail: Int32 = -1
    var counters = StationCounters()
    /// Pads the record to 128 bytes, so that with 64-byte aligned storage it spans exactly two cache lines.
    var padding: Double = 0

    init(parameters: StationParameters) { self.parameters = parameters }
}

/// A source's arrival rate (per minute; 0 when it has no entry), its alias cells
/// `entries[cellStart ..< cellStart + cellCount]`, and the key of its random stream.
struct SourcePlan {
    var rate: Double
    var cellStart: Int32
    var cellCount: Int32
    var key: UInt64
}

/// One cell of the arrivals' alias table: keep `route` when the low 32 random bits fall below
/// `threshold`, else take `aliasRoute`. Bit 0 of `flags`: `route` is an emergency; bit 1: `aliasRoute` is.
struct AliasEntry {
    var threshold: UInt32
    var route: Int32
    var aliasRoute: Int32
    var flags: UInt32
}

/// A route step: the station (-1: a facility passed through) and the link crossed to reach it.
struct RouteStep {
    var station: Int32
    var link: Int32
}

/// Walker's alias method (Vose's construction): O(1) sampling from a discrete distribution.
struct AliasTable {
    /// Per cell, the probability (scaled to 2^32) of keeping the cell rather than its alias.
    var threshold: [UInt32]
    var alias: [Int32]

    init(weights: [Double]) {
        let n = weights.count
        threshold = Array(repeating: UInt32.max, count: n)
        alias = Array(0..<Int32(n))
        guard n > 0 else { return }
        let total = weights.reduce(0, +)
        var scaled = weights.map { $0 * Double(n) / total }
        var small: [Int] = [], large: [Int] = []
        for i in 0..<n { if scaled[i] < 1 { small.append(i) } else { large.append(i) } }
        while let s = small.popLast() {
            guard let l = large.last else { small.append(s); break }
            threshold[s] = UInt32(min(scaled[s] * 4_294_967_296.0, 4_294_967_295.0))
            alias[s] = Int32(l)
            scaled[l] -= 1 - scaled[s]
            if scaled[l] < 1 { large.removeLast(); small.append(l) }
        }
        // Whatever remains (1 up to rounding) keeps its own cell.
        for i in small + large { threshold[i] = UInt32.max; alias[i] = Int32(i) }
    }
}
