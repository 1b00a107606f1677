import HeapModule
import Histogram

/// One replication's raw counts: per station, per link and per route, plus the patient accounting.
public struct ReplicationResult: Sendable {
    /// Patients who arrived, over the whole horizon.
    public var arrived = 0
    /// Patients whose pathway ended (treated, not referred further).
    public var completed = 0
    /// Patients still waiting or being served at the horizon.
    public var inSystem = 0
    /// Patients whose care is not covered (X1-X3).
    public var notCovered = 0
    /// Patients whose service no facility on their chain provides.
    public var unavailable = 0
    /// Patients turned away because a bounded queue was full (only with a scenario's `queue-limit`).
    public var turnedAway = 0
    /// Service starts over the whole horizon.
    public var stationVisits = 0
    /// Events processed (arrivals and completions).
    public var events = 0
    /// Per station, over the measured period (after warm-up).
    public var arrivals: [Int]
    public var served: [Int]
    public var utilisation: [Double]
    public var meanWait: [Double]
    public var maxQueue: [Int]
    /// Patients turned away because the queue was full.
    public var turnedAwayAt: [Int]
    /// Wait times in tenths of a minute; nil where no patient started service.
    public var waits: [Histogram<UInt32>?]
    /// Per referral link, patients who crossed it after warm-up.
    public var linkFlow: [Int]
    /// Per route, patients refused (not covered or unavailable), over the whole horizon.
    public var routeRejected: [Int]
    /// Per route, patients who arrived on it after warm-up, whatever its outcome.
    public var routeArrivals: [Int]
}

/// The event loop of one replication. All state lives in flat arrays indexed by station and patient
/// ids; patient ids are recycled through a free list and queues are intrusive linked lists through
/// `nextInQueue`, so the loop allocates nothing per event once the patient pool has grown.
struct ReplicationRun {
    let model: SimulationModel
    let horizon: Double
    let warmup: Double
    var random: RandomSource
    var result: ReplicationResult

    /// Wait times are recorded in tenths of a minute, up to about 19 years.
    static let waitUnitsPerMinute = 10.0
    static let highestWaitUnits: UInt64 = 100_000_000

    // Station state.
    var busy: [Int32]
    var queueHead: [Int32]  // [2s]: emergencies, [2s + 1]: the others
    var queueTail: [Int32]
    var queueLength: [Int32]
    var busyIntegral: [Double]
    var lastChange: [Double]
    var waitSum: [Double]
    var waitCount: [Int]
    // Patient state.
    var patientStation: [Int32] = []
    var patientCursor: [Int32] = []
    var patientRouteEnd: [Int32] = []
    var patientEmergency: [Bool] = []
    var patientQueuedAt: [Double] = []
    var nextInQueue: [Int32] = []
    var free: [Int32] = []
    var live = 0
    var events = Heap<Event>()
    var sequence: UInt64 = 0

    init(model: SimulationModel, horizonMinutes: Double, warmupMinutes: Double, random: RandomSource) {
        self.model = model
        self.horizon = horizonMinutes
        self.warmup = min(warmupMinutes, horizonMinutes)
        self.random = random
        let n = model.stationCount
        result = ReplicationResult(
            arrivals: Array(repeating: 0, count: n), served: Array(repeating: 0, count: n),
            utilisation: Array(repeating: 0, count: n), meanWait: Array(repeating: 0, count: n),
            maxQueue: Array(repeating: 0, count: n), turnedAwayAt: Array(repeating: 0, count: n), waits: Array(repeating: nil, count: n),
            linkFlow: Array(repeating: 0, count: model.links.count), routeRejected: Array(repeating: 0, count: model.routeOutcome.count),
            routeArrivals: Array(repeating: 0, count: model.routeOutcome.count))
        busy = Array(repeating: 0, count: n)
        queueHead = Array(repeating: -1, count: 2 * n)
        queueTail = Array(repeating: -1, count: 2 * n)
        queueLength = Array(repeating: 0, count: n)
        busyIntegral = Array(repeating: 0, count: n)
        lastChange = Array(repeating: self.warmup, count: n)
        waitSum = Array(repeating: 0, count: n)
        waitCount = Array(repeating: 0, count: n)
        growPatients(to: 4096)
        events.reserveCapacity(model.sourceCount + 4096)
    }

    mutating func growPatients(to capacity: Int) {
        let old = patientStation.count
        let extra = capacity - old
        patientStation += repeatElement(0, count: extra)
        patientCursor += repeatElement(0, count: extra)
        patientRouteEnd += repeatElement(0, count: extra)
        patientEmergency += repeatElement(false, count: extra)
        patientQueuedAt += repeatElement(0, count: extra)
        nextInQueue += repeatElement(-1, count: extra)
        free.reserveCapacity(capacity)
        free.append(contentsOf: (Int32(old)..<Int32(capacity)).reversed())
    }

    @inline(__always)
    mutating func schedule(_ time: Double, _ payload: Int32) {
        sequence &+= 1
        events.insert(Event(time: time, sequence: sequence, payload: payload))
    }

    /// Runs the replication to the horizon and returns its counts.
    mutating func run() -> ReplicationResult {
        for source in 0..<model.sourceCount where model.sourceRate[source] > 0 {
            schedule(random.exponential(mean: 1 / model.sourceRate[source]), -Int32(source + 1))
        }
        while let event = events.popMin() {
            if event.time > horizon { break }
            result.events += 1
            if event.payload < 0 {
                arrival(source: Int(-event.payload - 1), now: event.time)
            } else {
                completion(patient: Int(event.payload), now: event.time)
            }
        }
        let measured = max(horizon - warmup, .leastNonzeroMagnitude)
        for s in 0..<model.stationCount {
            accumulate(s, horizon)
            result.utilisation[s] = busyIntegral[s] / (Double(model.servers[s]) * measured)
            result.meanWait[s] = waitCount[s] > 0 ? waitSum[s] / Double(waitCount[s]) : 0
        }
        result.inSystem = live
        return result
    }

    /// An arrival on a health centre's superposed stream: schedule the next, pick the (service,
    /// emergency) entry from the cumulative table, then start the patient on its route.
    @inline(__always)
    mutating func arrival(source: Int, now: Double) {
        schedule(now + random.exponential(mean: 1 / model.sourceRate[source]), -Int32(source + 1))
        var low = Int(model.sourceEntryOffsets[source]), high = Int(model.sourceEntryOffsets[source + 1]) - 1
        let u = random.uniform()
        while low < high {
            let middle = (low + high) >> 1
            if model.entryCumulative[middle] < u { low = middle + 1 } else { high = middle }
        }
        let route = Int(model.entryRoute[low])
        result.arrived += 1
        if now >= warmup { result.routeArrivals[route] += 1 }
        let outcome = model.routeOutcome[route]
        if outcome != 0 {
            result.routeRejected[route] += 1
            if outcome == 1 { result.notCovered += 1 } else { result.unavailable += 1 }
            return
        }
        let start = model.routeOffsets[route], end = model.routeOffsets[route + 1]
        if start == end { result.completed += 1; return }
        if free.isEmpty { growPatients(to: patientStation.count * 2) }
        let p = Int(free.removeLast())
        live += 1
        patientRouteEnd[p] = end
        patientEmergency[p] = model.entryEmergency[low]
        arrive(p, at: passThrough(from: start, now: now), now: now)
    }

    /// The first route step from `cursor` that has a station, counting the links of the facilities
    /// passed through on the way (steps with station -1). A route's last step always has a station.
    @inline(__always)
    mutating func passThrough(from cursor: Int32, now: Double) -> Int {
        var c = Int(cursor)
        while model.routeStations[c] < 0 {
            c += 1
            let link = model.routeLinks[c]
            if link >= 0, now >= warmup { result.linkFlow[Int(link)] += 1 }
        }
        return c
    }

    /// A service completion: free the server, start the next in queue (emergencies first), then move
    /// the patient on along its route, up a level under the referral rate, or out.
    @inline(__always)
    mutating func completion(patient p: Int, now: Double) {
        let done = Int(patientStation[p])
        accumulate(done, now)
        busy[done] -= 1
        if now >= warmup { result.served[done] += 1 }
        if queueLength[done] > 0 {
            let lane = queueHead[2 * done] >= 0 ? 2 * done : 2 * done + 1
            let next = Int(queueHead[lane])
            queueHead[lane] = nextInQueue[next]
            if queueHead[lane] < 0 { queueTail[lane] = -1 }
            queueLength[done] -= 1
            startService(next, at: done, now: now, waited: now - patientQueuedAt[next])
        }
        let cursor = patientCursor[p] + 1
        if cursor < patientRouteEnd[p] {
            let link = model.routeLinks[Int(cursor)]
            if link >= 0, now >= warmup { result.linkFlow[Int(link)] += 1 }
            let step = passThrough(from: cursor, now: now)
            arrive(p, at: step, now: now)
        } else if model.escalation[done] >= 0, model.referralRate[done] > 0, random.uniform() < model.referralRate[done] {
            // The network's referral rate: this share of the served goes one level up.
            let link = model.escalationLink[done]
            if link >= 0, now >= warmup { result.linkFlow[Int(link)] += 1 }
            patientCursor[p] = patientRouteEnd[p]
            arriveAtStation(p, Int(model.escalation[done]), now: now)
        } else {
            result.completed += 1
            live -= 1
            free.append(Int32(p))
        }
    }

    /// The patient arrives at route step `step` (its station).
    @inline(__always)
    mutating func arrive(_ p: Int, at step: Int, now: Double) {
        patientCursor[p] = Int32(step)
        arriveAtStation(p, Int(model.routeStations[step]), now: now)
    }

    /// The patient arrives at a station: served at once if a server is free, else queued in its lane.
    @inline(__always)
    mutating func arriveAtStation(_ p: Int, _ station: Int, now: Double) {
        patientStation[p] = Int32(station)
        if now >= warmup { result.arrivals[station] += 1 }
        if busy[station] < model.servers[station] {
            startService(p, at: station, now: now, waited: 0)
            return
        }
        if queueLength[station] >= model.queueCapacity[station] {
            // A bounded queue is full: the patient is turned away and leaves the system.
            if now >= warmup { result.turnedAwayAt[station] += 1 }
            result.turnedAway += 1
            live -= 1
            free.append(Int32(p))
            return
        }
        let lane = patientEmergency[p] ? 2 * station : 2 * station + 1
        patientQueuedAt[p] = now
        nextInQueue[p] = -1
        if queueTail[lane] >= 0 { nextInQueue[Int(queueTail[lane])] = Int32(p) } else { queueHead[lane] = Int32(p) }
        queueTail[lane] = Int32(p)
        queueLength[station] += 1
        if now >= warmup, Int(queueLength[station]) > result.maxQueue[station] { result.maxQueue[station] = Int(queueLength[station]) }
    }

    @inline(__always)
    mutating func startService(_ p: Int, at station: Int, now: Double, waited: Double) {
        accumulate(station, now)
        busy[station] += 1
        result.stationVisits += 1
        if now >= warmup { record(waited, station: station) }
        schedule(now + model.serviceTime[station].sample(&random), Int32(p))
    }

    /// Adds the busy server-time since the last change (only after warm-up).
    @inline(__always)
    mutating func accumulate(_ s: Int, _ now: Double) {
        guard now > warmup else { return }
        busyIntegral[s] += Double(busy[s]) * (now - lastChange[s])
        lastChange[s] = now
    }

    @inline(__always)
    mutating func record(_ waited: Double, station s: Int) {
        waitSum[s] += waited
        waitCount[s] += 1
        if result.waits[s] == nil {
            result.waits[s] = Histogram<UInt32>(lowestDiscernibleValue: 1, highestTrackableValue: ReplicationRun.highestWaitUnits, numberOfSignificantValueDigits: .two)
        }
        let units = min(UInt64((waited * ReplicationRun.waitUnitsPerMinute).rounded()), ReplicationRun.highestWaitUnits)
        _ = result.waits[s]!.record(units)
    }
}
