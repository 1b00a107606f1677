import CarePathSupport
import HeapModule
import LoadSimulation

/// The event-list engine, the reference the station sweep (LoadSimulation's one engine) is checked
/// against: one replication, every event of the network in one time order, in a design that shares
/// nothing with the sweep's but the model's layout (``SimulationPlan``), the arrival streams, the
/// samplers and the counters. The two follow the same sample path, so their counts agree to the bit
/// (`Tests/LoadSimulationTests/StationSweepTests.swift`). It needs no referral order, and would run
/// a model whose routes return to a station, but no such model can be built.
///
/// - Arrivals: every health centre's stream (``ArrivalStreams``), drawn a day at a time, merged in
///   time order and kept outside the event heap.
/// - Completions: an ``EventList``, a swift-collections `Heap` of 16-byte ``Event``s for the current
///   4-hour slot and slot buckets beyond.
/// - State: one ``StationRecord`` per station and one ``PatientRecord`` per patient in the system, in
///   flat buffers; patients are recycled through an intrusive free list, queues are intrusive FIFO
///   lists, and waits are counted into the flat ``WaitRecord`` buckets. Nothing is allocated per event
///   once the patient buffer and the heap have grown to the run's peak.
/// - Utilisation: each service adds, when it starts, its overlap with the measured window to the
///   station's busy time; that is the time integral of busy servers, without a clock per station.
package struct EventListRun: ~Copyable {
    let plan: SimulationPlan
    let horizon: Double
    let warmup: Double
    var measuredWindow: MeasuredWindow { MeasuredWindow(warmup: warmup, horizon: horizon) }
    let ziggurat = Ziggurat.shared
    /// Every health centre's arrivals, drawn a window at a time (see ``drawArrivals()``).
    var arrivals: ArrivalStreams

    let stations: UnsafeMutablePointer<StationRecord>
    var patients: UnsafeMutablePointer<PatientRecord>
    var patientCapacity: Int
    var freeHead: Int32 = -1
    var live = 0
    var events = EventList(capacity: 4096)
    var sequence: UInt32 = 0
    let waits: WaitCounter
    let flows: FlowCounters
    let census: DailyCensus
    /// The current window's arrivals, in time order (see ``drawArrivals()``): `pending[pendingNext...]`.
    var pending: [PendingArrival] = []
    var pendingNext = 0
    /// Scratch of ``drawArrivals()``: the window's arrivals before they are put in time order.
    var window: [ArrivalStreams.Arrival] = []
    /// The end of the last window drawn, and whether it was the last.
    var windowEnd = 0.0
    var arrivalsDrawn = false
    /// A sink for the prefetching read of the next completion's station record.
    var touched: Int32 = 0
    /// The most patients in the system at once before the run stops (``ReplicationResult/stoppedAt``).
    package var patientLimit = SimulationConfiguration.maximumPatientLimit
    var stoppedAt: Double?
    // Accounting over the whole horizon.
    var tally = PatientTally()

    package init(plan: SimulationPlan, horizonMinutes: Double, warmupMinutes: Double, seed: UInt64, replication: Int) {
        self.plan = plan
        self.horizon = horizonMinutes
        self.warmup = min(warmupMinutes, horizonMinutes)
        arrivals = ArrivalStreams(plan: plan, seed: seed, replication: replication)
        let n = max(plan.stationCount, 1)
        stations = UnsafeMutableRawPointer.allocate(byteCount: n * MemoryLayout<StationRecord>.stride, alignment: 64)
            .bindMemory(to: StationRecord.self, capacity: n)
        for s in 0..<plan.stationCount { (stations + s).initialize(to: StationRecord(parameters: plan.parameters[s])) }
        patientCapacity = 0
        patients = .allocate(capacity: 1)
        waits = WaitCounter(stationCount: plan.stationCount)
        flows = FlowCounters(linkCount: plan.linkCount, routeCount: plan.routeCount)
        census = DailyCensus(horizon: horizonMinutes)
        growPatients(to: 4096)
    }

    deinit {
        stations.deallocate(); patients.deallocate()
    }

    /// Doubles the patient buffer and threads the new records onto the free list.
    mutating func growPatients(to capacity: Int) {
        let grown = UnsafeMutablePointer<PatientRecord>.allocate(capacity: capacity)
        grown.moveInitialize(from: patients, count: patientCapacity)
        patients.deallocate()
        patients = grown
        for p in (patientCapacity..<capacity).reversed() {
            (patients + p).initialize(to: PatientRecord(station: -1, cursor: 0, routeEnd: 0, next: freeHead, queuedAt: 0, stream: SplitMix64(state: 0), emergency: false))
            freeHead = Int32(p)
        }
        patientCapacity = capacity
    }

    /// Runs the replication to the horizon and returns its counts.
    package mutating func run() -> ReplicationResult {
        while true {
            if pendingNext == pending.count, !arrivalsDrawn { drawArrivals(); continue }
            let nextArrival = pendingNext < pending.count ? pending[pendingNext].time : .infinity
            if let top = events.earliest(), top.time <= nextArrival {
                if top.time > horizon { break }
                events.removeEarliest()
                tally.events += 1
                // Start fetching the next completion's station record while this one is processed.
                if let following = events.heap.min { touched &+= stations[Int(patients[Int(following.patient)].station)].busy }
                completion(patient: Int(top.patient), now: top.time)
            } else {
                if nextArrival > horizon { break }
                tally.events += 1
                admit(pending[pendingNext])
                pendingNext += 1
                if stoppedAt != nil { break }
            }
        }
        return finish()
    }

    /// The length of the windows whose arrivals ``drawArrivals()`` draws at a time.
    static let windowMinutes = 1440.0

    /// Draws the next window's arrivals from every health centre's stream, puts them in time order
    /// and resolves each one's route and first station. Patients who are not covered or whose care is
    /// unavailable are counted here and never become events.
    mutating func drawArrivals() {
        let start = windowEnd
        windowEnd = min(start + EventListRun.windowMinutes, horizon)
        arrivalsDrawn = windowEnd >= horizon
        // Arrivals strictly before `bound`; the last window takes the horizon itself too.
        let bound = arrivalsDrawn ? horizon.nextUp : windowEnd
        window.removeAll(keepingCapacity: true)
        for i in 0..<plan.sourceCount {
            while arrivals.nextTime(i) < bound { window.append(arrivals.take(i)) }
        }
        window.sort { $0.time < $1.time }
        tally.arrived += window.count
        pending.removeAll(keepingCapacity: true)
        pendingNext = 0
        // The routes; refused patients stop here.
        for arrival in window {
            let route = Int(arrival.route), now = arrival.time
            if now >= warmup { flows.routeArrivals[route] += 1 }
            let outcome = plan.routeOutcome[route]
            if outcome != .treated {
                flows.routeRejected[route] += 1
                if outcome == .notCovered { tally.notCovered += 1 } else { tally.unavailable += 1 }
                continue
            }
            let start = plan.routeOffsets[route], end = plan.routeOffsets[route + 1]
            pending.append(PendingArrival(time: now, seed: arrival.seed, firstStep: start, routeEnd: end, emergency: arrival.emergency))
        }
        // The first station of each route (past facilities without one).
        for j in pending.indices {
            pending[j].firstStep = Int32(passThrough(from: Int(pending[j].firstStep), now: pending[j].time))
        }
    }

    /// Admits a drawn arrival: a patient record, then its first station.
    @inline(__always)
    mutating func admit(_ arrival: PendingArrival) {
        if freeHead < 0 {
            guard patientCapacity < patientLimit else {
                // Demand far beyond capacity: the queues would grow until memory runs out.
                stoppedAt = arrival.time
                return
            }
            growPatients(to: min(patientCapacity * 2, patientLimit))
        }
        let p = Int(freeHead)
        freeHead = patients[p].next
        live += 1
        census.entered(at: arrival.time)
        patients[p].routeEnd = arrival.routeEnd
        patients[p].emergency = arrival.emergency
        patients[p].stream = SplitMix64(state: arrival.seed)
        arrive(p, at: Int(arrival.firstStep), now: arrival.time)
    }

    /// The first route step from `step` that has a station (see ``RouteStep/firstStation(of:from:now:warmup:linkFlow:)``).
    @inline(__always)
    func passThrough(from step: Int, now: Double) -> Int {
        RouteStep.firstStation(of: plan.steps, from: step, now: now, warmup: warmup, linkFlow: flows.linkFlow)
    }

    /// A service completion: free the server, start the next in queue (emergencies first), then move
    /// the patient on along its route, up a level under the referral rate, or out.
    @inline(__always)
    mutating func completion(patient p: Int, now: Double) {
        let done = Int(patients[p].station)
        let station = stations + done
        station.pointee.busy -= 1
        if now >= warmup { station.pointee.counters.served &+= 1 }
        if station.pointee.queueLength > 0 {
            let next: Int32
            if station.pointee.emergencyHead >= 0 {
                next = station.pointee.emergencyHead
                station.pointee.emergencyHead = patients[Int(next)].next
                if station.pointee.emergencyHead < 0 { station.pointee.emergencyTail = -1 }
            } else {
                next = station.pointee.otherHead
                station.pointee.otherHead = patients[Int(next)].next
                if station.pointee.otherHead < 0 { station.pointee.otherTail = -1 }
            }
            station.pointee.queueLength -= 1
            startService(Int(next), at: done, now: now, waited: now - patients[Int(next)].queuedAt)
        }
        let cursor = Int(patients[p].cursor) + 1
        if cursor < Int(patients[p].routeEnd) {
            let link = plan.steps[cursor].link
            if link >= 0, now >= warmup { flows.linkFlow[Int(link)] += 1 }
            arrive(p, at: passThrough(from: cursor, now: now), now: now)
        } else if station.pointee.parameters.referralRate > 0, patients[p].stream.uniform() < station.pointee.parameters.referralRate {
            // The network's referral rate: this share of the served goes up the chain, one level at a
            // time (P5), along the station's escalation route.
            let start = Int(station.pointee.parameters.escalationStart)
            let link = plan.steps[start].link
            if link >= 0, now >= warmup { flows.linkFlow[Int(link)] += 1 }
            patients[p].routeEnd = station.pointee.parameters.escalationEnd
            arrive(p, at: passThrough(from: start, now: now), now: now)
        } else {
            tally.completed += 1
            release(p, at: now)
        }
    }

    @inline(__always)
    mutating func release(_ p: Int, at now: Double) {
        live -= 1
        census.left(at: now)
        patients[p].next = freeHead
        freeHead = Int32(p)
    }

    /// The patient arrives at route step `step` (its station).
    @inline(__always)
    mutating func arrive(_ p: Int, at step: Int, now: Double) {
        patients[p].cursor = Int32(step)
        arriveAtStation(p, Int(plan.steps[step].station), now: now)
    }

    /// The patient arrives at a station: served at once if a server is free, else queued in its lane
    /// (or turned away if a bounded queue is full).
    @inline(__always)
    mutating func arriveAtStation(_ p: Int, _ s: Int, now: Double) {
        let station = stations + s
        patients[p].station = Int32(s)
        let measured = now >= warmup
        if measured { station.pointee.counters.arrivals &+= 1 }
        if station.pointee.busy < station.pointee.parameters.servers {
            startService(p, at: s, now: now, waited: 0)
            return
        }
        if station.pointee.queueLength >= station.pointee.parameters.queueCapacity {
            if measured { station.pointee.counters.turnedAway &+= 1 }
            tally.turnedAway += 1
            release(p, at: now)
            return
        }
        patients[p].queuedAt = now
        patients[p].next = -1
        if patients[p].emergency {
            if station.pointee.emergencyTail >= 0 { patients[Int(station.pointee.emergencyTail)].next = Int32(p) } else { station.pointee.emergencyHead = Int32(p) }
            station.pointee.emergencyTail = Int32(p)
        } else {
            if station.pointee.otherTail >= 0 { patients[Int(station.pointee.otherTail)].next = Int32(p) } else { station.pointee.otherHead = Int32(p) }
            station.pointee.otherTail = Int32(p)
        }
        station.pointee.queueLength += 1
        if measured, station.pointee.queueLength > station.pointee.counters.maxQueue { station.pointee.counters.maxQueue = station.pointee.queueLength }
    }

    /// Starts the patient's service: samples its duration, adds the part of it inside the measured
    /// window to the station's busy time, records the wait and schedules the completion.
    @inline(__always)
    mutating func startService(_ p: Int, at s: Int, now: Double, waited: Double) {
        let station = stations + s
        station.pointee.busy += 1
        tally.stationVisits += 1
        let end = now + ziggurat.serviceTime(station.pointee.parameters, &patients[p].stream)
        station.pointee.counters.serviceStarted(at: s, now: now, end: end, waited: waited, window: measuredWindow, waits: waits)
        sequence &+= 1
        events.insert(Event(time: end, sequence: sequence, patient: Int32(p)))
    }

    /// Gathers the per-station counts into a ``ReplicationResult``.
    func finish() -> ReplicationResult {
        ReplicationResult(
            stations: (0..<plan.stationCount).map { (stations[$0].parameters.servers, stations[$0].counters) },
            window: measuredWindow, waits: waits,
            flows: flows, census: census, tally: tally, inSystem: live, stoppedAt: stoppedAt)
    }
}
