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
/// - Opening hours and shifts (with a ``ClockPlan``): each station's next change of servers is an
///   event of the list (sequence 0, so that it goes before any completion at the same time, and
///   patient `-1 - station`); its closing and overtime rules are those of Docs/simulation.md, "Time in
///   the model", applied here to intrusive queues and one global order of events rather than to the
///   sweep's lanes and per-station bursts.
package struct EventListRun: ~Copyable {
    let plan: SimulationPlan
    let horizon: Double
    let warmup: Double
    var measuredWindow: MeasuredWindow { MeasuredWindow(warmup: warmup, horizon: horizon) }
    let ziggurat = Ziggurat.shared
    /// Every health centre's arrivals, drawn a window at a time (see ``drawArrivals()``).
    var arrivals: ArrivalStreams
    /// The run's calendar, when the model has opening hours or arrival profiles.
    let clock: ClockPlan?
    /// Per route step: the route whose treatment starts there (its last step), -1 for the others.
    let treatRoute: [Int32]
    /// Waits by the hour and weekday of arrival at each station (`station × 31 + slot`), arrivals by
    /// the hour (`station × 24 + hour`), with a clock; the time to treatment per route.
    let hourly: SlotWaits?
    let arrivalsByHour: UnsafeMutablePointer<UInt32>?
    let treatment: SlotWaits

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

    package init(plan: SimulationPlan, horizonMinutes: Double, warmupMinutes: Double, seed: UInt64, replication: Int,
                 treatRoute: [Int32], clock: ClockPlan? = nil) {
        self.plan = plan
        self.horizon = horizonMinutes
        self.warmup = min(warmupMinutes, horizonMinutes)
        self.clock = clock
        self.treatRoute = treatRoute
        hourly = clock.map { _ in SlotWaits(slotCount: plan.stationCount * 31) }
        arrivalsByHour = clock.map { _ in
            let n = max(plan.stationCount * 24, 1)
            let counts = UnsafeMutablePointer<UInt32>.allocate(capacity: n)
            counts.initialize(repeating: 0, count: n)
            return counts
        }
        treatment = SlotWaits(slotCount: plan.routeCount)
        arrivals = ArrivalStreams(plan: plan, seed: seed, replication: replication, clock: clock)
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
        if let clock {
            for s in 0..<plan.stationCount where clock.stationTimetable[s] >= 0 {
                let t = clock.stationTimetable[s], first = clock.segments(timetable: t, day: 0).lowerBound
                stations[s].timetable = t
                stations[s].changeSegment = Int32(first)
                stations[s].parameters.servers = clock.segmentServers[first]
                scheduleNextChange(s)
            }
        }
    }

    deinit {
        stations.deallocate(); patients.deallocate(); arrivalsByHour?.deallocate()
    }

    /// Doubles the patient buffer and threads the new records onto the free list.
    mutating func growPatients(to capacity: Int) {
        let grown = UnsafeMutablePointer<PatientRecord>.allocate(capacity: capacity)
        grown.moveInitialize(from: patients, count: patientCapacity)
        patients.deallocate()
        patients = grown
        for p in (patientCapacity..<capacity).reversed() {
            (patients + p).initialize(to: PatientRecord(station: -1, cursor: 0, routeEnd: 0, next: freeHead, arrivedAt: 0, firstContact: 0,
                                                        stream: SplitMix64(state: 0), emergency: false))
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
                if top.patient < 0 { changeServers(-1 - Int(top.patient), now: top.time); continue }
                tally.events += 1
                // Start fetching the next completion's station record while this one is processed.
                if let following = events.heap.min, following.patient >= 0 { touched &+= stations[Int(patients[Int(following.patient)].station)].busy }
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
        patients[p].firstContact = arrival.time
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
        let busy = station.pointee.busy, servers = station.pointee.parameters.servers
        if busy > servers { noteOvertime(done, now: now) }
        station.pointee.busy -= 1
        if now >= warmup { station.pointee.counters.served &+= 1 }
        // The freed server takes the next patient while on duty; after a closing, for the overtime
        // limit, a patient who was waiting when the station closed.
        if station.pointee.queueLength > 0, busy <= servers
            || (now < station.pointee.overtimeUntil && patients[Int(queueHead(done))].arrivedAt < station.pointee.closedAt) {
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
            startService(Int(next), at: done, now: now, waited: now - patients[Int(next)].arrivedAt)
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
        patients[p].arrivedAt = now
        let measured = now >= warmup
        if measured {
            station.pointee.counters.arrivals &+= 1
            if let arrivalsByHour { arrivalsByHour[s &* 24 &+ ClockPlan.hourOfDay(now)] &+= 1 }
        }
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
        if now >= warmup {
            let route = treatRoute[Int(patients[p].cursor)]
            if route >= 0 { treatment.record(now - patients[p].firstContact, slot: Int(route)) }
            if let clock, let hourly {
                // By the hour and weekday of the patient's arrival at the station.
                let arrived = patients[p].arrivedAt
                let hours = ClockPlan.hourOfRun(arrived), day = hours / 24
                hourly.record(waited, slot: s &* 31 &+ hours % 24)
                hourly.record(waited, slot: s &* 31 &+ 24 &+ Int(clock.weekday[min(day, clock.dayCount - 1)]))
            }
        }
        sequence &+= 1
        events.insert(Event(time: end, sequence: sequence, patient: Int32(p)))
    }

    /// The first waiting patient of station `s`: the first emergency, else the first other.
    @inline(__always)
    func queueHead(_ s: Int) -> Int32 { stations[s].emergencyHead >= 0 ? stations[s].emergencyHead : stations[s].otherHead }

    /// Station `s`'s servers change (it opens, closes, or a shift changes): at a closing, its waiting
    /// patients are counted as carried over and its staff may still start them for the overtime limit;
    /// new servers take waiting patients; servers who leave finish their patient (overtime).
    mutating func changeServers(_ s: Int, now: Double) {
        let clock = clock!
        let station = stations + s
        noteOvertime(s, now: now)
        let servers = station.pointee.nextServers
        station.pointee.parameters.servers = servers
        if servers == 0 {
            station.pointee.closedAt = now
            station.pointee.overtimeUntil = now + clock.overtimeMinutes
            if now >= warmup { station.pointee.carriedOver &+= UInt32(station.pointee.queueLength) }
        } else {
            station.pointee.overtimeUntil = -.infinity
        }
        while station.pointee.queueLength > 0, station.pointee.busy < servers {
            let next = queueHead(s)
            if station.pointee.emergencyHead >= 0 {
                station.pointee.emergencyHead = patients[Int(next)].next
                if station.pointee.emergencyHead < 0 { station.pointee.emergencyTail = -1 }
            } else {
                station.pointee.otherHead = patients[Int(next)].next
                if station.pointee.otherHead < 0 { station.pointee.otherTail = -1 }
            }
            station.pointee.queueLength -= 1
            startService(Int(next), at: s, now: now, waited: now - patients[Int(next)].arrivedAt)
        }
        scheduleNextChange(s)
    }

    /// Puts station `s`'s next change of servers in the event list: the first segment of its
    /// timetable after the current one with other servers (none past the calendar's last day).
    mutating func scheduleNextChange(_ s: Int) {
        let clock = clock!
        let t = stations[s].timetable, current = stations[s].parameters.servers
        var day = Int(stations[s].changeDay), k = Int(stations[s].changeSegment)
        var range = clock.segments(timetable: t, day: day)
        while true {
            k += 1
            if k >= range.upperBound {
                day += 1
                if day >= clock.dayCount { return }
                range = clock.segments(timetable: t, day: day)
                k = range.lowerBound
            }
            if clock.segmentServers[k] != current { break }
        }
        stations[s].changeDay = Int32(day)
        stations[s].changeSegment = Int32(k)
        stations[s].nextServers = clock.segmentServers[k]
        events.insert(Event(time: Double(day) * 1440 + Double(clock.segmentStart[k]), sequence: 0, patient: Int32(-1 - s)))
    }

    /// Adds the server-minutes station `s`'s servers worked beyond its timetable since the last mark,
    /// inside the measured window, and marks `now`.
    mutating func noteOvertime(_ s: Int, now: Double) {
        let excess = stations[s].busy - stations[s].parameters.servers
        if excess > 0 {
            let span = min(now, horizon) - max(stations[s].overtimeMark, warmup)
            if span > 0 { stations[s].overtime += Double(excess) * span }
        }
        stations[s].overtimeMark = now
    }

    /// Gathers the per-station counts into a ``ReplicationResult``.
    func finish() -> ReplicationResult {
        var result = ReplicationResult(
            stations: (0..<plan.stationCount).map { (plan.parameters[$0].servers, stations[$0].counters) },
            window: measuredWindow, waits: waits,
            flows: flows, census: census, tally: tally, inSystem: live, stoppedAt: stoppedAt,
            hourly: hourly, arrivalsByHour: arrivalsByHour, treatment: treatment)
        result.overtimeMinutes = (0..<plan.stationCount).map { stations[$0].overtime }
        result.carriedOver = (0..<plan.stationCount).map { Int(stations[$0].carriedOver) }
        return result
    }
}
