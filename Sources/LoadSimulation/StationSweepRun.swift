import CarePathSupport
import Foundation

/// One replication simulated by the station sweep: time windows (a week), and in each
/// window first the arrivals, then every station with something to do, in referral order
/// (``StationSweepPlan``).
///
/// A station works through its own events of the window in time order: arrivals from its two lanes
/// (emergencies and the others), and service completions from its heap of patients in service (a
/// ``ServiceHeap`` of at most `servers` travellers, keyed by the end of their service). A completion
/// frees a server, which takes the first waiting emergency, else the first other patient
/// (non-preemptive priority, first come first served in each lane), and hands the patient on to the
/// next station of its route, or up the chain under the referral rate, or out. Every patient handed
/// on arrives at a later station, before the window ends, so that station's arrivals of the window
/// are all in its lanes when its turn comes.
///
/// The sample path is that of a global event list (the test-support reference engine, `EventListRun`
/// in Tests/SimulationReference, which the differential tests run beside it): the same arrival
/// stream, each patient's draws from its own stream in the same order, each station's events in the
/// same time order, so the same counts, bit for bit (ties in time aside, which continuous
/// distributions do not produce). What changes is the memory traffic: a station's state, lanes and
/// heap are touched in one burst per window instead of once per event in a global order, patients
/// travel as 32-byte values through the lanes instead of living in a pool of records, and the only
/// event list is each station's small heap. Nothing is allocated per event: lanes and heaps grow by
/// doubling to the run's peak and are reused.
struct StationSweepRun: ~Copyable {
    let plan: StationSweepPlan
    let base: SimulationPlan
    let horizon: Double
    let warmup: Double
    var measuredWindow: MeasuredWindow { MeasuredWindow(warmup: warmup, horizon: horizon) }
    let ziggurat = Ziggurat.shared

    let stations: UnsafeMutablePointer<SweepStation>
    /// Two lanes per station, by sweep position: `2p` the emergencies, `2p + 1` the others.
    let lanes: UnsafeMutablePointer<Lane>
    /// Per station, by sweep position: the time of its earliest pending event (an arrival in a lane or
    /// the end of a service), infinity when it has none.
    let nextEvent: UnsafeMutablePointer<Double>
    let steps: UnsafeMutablePointer<RouteStep>
    let waits: WaitCounter
    let flows: FlowCounters
    let census: DailyCensus
    /// Every health centre's arrivals.
    var arrivals: ArrivalStreams
    /// Patients in the system (waiting or in service), as far as the sweep has gone: at a window's
    /// end, those in the system at that time.
    var live = 0
    /// The run stops at the end of the first window with more patients than this in the system (or as
    /// soon as a window's arrivals take it to twice as many).
    var patientLimit = SimulationConfiguration.maximumPatientLimit
    var stoppedAt: Double?
    /// Told the share of the horizon simulated after each window.
    var progress: ((Double) -> Void)?
    var tally = PatientTally()
    /// The buffer lanes are sorted through.
    var scratch = Scratch()
    /// The run's calendar, when the model has opening hours or arrival profiles.
    let clock: ClockPlan?
    /// With a clock: per station, the waits by the hour (slots 0-23) and weekday (24-30) of arrival
    /// (`station id × 31 + slot`), and the arrivals by hour (`station id × 24 + hour`).
    let hourly: SlotWaits?
    let arrivalsByHour: UnsafeMutablePointer<UInt32>?
    /// With a clock: the weekday (0 Monday) of every day of the horizon, and the number of days; for
    /// the hot path, without going through the clock's arrays.
    let weekdayOfDay: UnsafeMutablePointer<UInt8>?
    let lastDay: Int
    /// The plan's per-step treatment routes (``StationSweepPlan/treatRoute``).
    let treatRoute: UnsafeMutablePointer<Int32>
    /// Per route: the time from first contact to the start of treatment.
    let treatment: SlotWaits

    /// The length of a window: a week. Each window visits every station with something to do, and a
    /// visit starts with a few cache misses (the station's heap and lanes), so longer windows amortise
    /// them over more events, at the cost of a window's flow held in the lanes. National network, one
    /// year, one replication, runs interleaved (loop seconds; peak memory): 1 day 7.3-7.6 s, 120 MB;
    /// 3 days 6.1-6.8 s, 130 MB; 7 days 5.7-6.0 s, 159 MB; 14 days 5.5 s, 207 MB; 30 days 5.3-5.6 s,
    /// 310 MB.
    static let defaultWindowMinutes = 7 * 1440.0
    /// This run's window length (tests vary it: the results do not depend on it).
    let windowMinutes: Double

    init(plan: StationSweepPlan, horizonMinutes: Double, warmupMinutes: Double, seed: UInt64, replication: Int,
         windowMinutes: Double = StationSweepRun.defaultWindowMinutes, clock: ClockPlan? = nil) {
        self.plan = plan
        self.clock = clock
        hourly = clock.map { _ in SlotWaits(slotCount: plan.stationCount * 31) }
        arrivalsByHour = clock.map { _ in
            let n = max(plan.stationCount * 24, 1)
            return calloc(n, MemoryLayout<UInt32>.stride)!.bindMemory(to: UInt32.self, capacity: n)
        }
        treatment = SlotWaits(slotCount: plan.base.routeCount)
        treatRoute = plan.treatRoute
        lastDay = max((clock?.dayCount ?? 1) - 1, 0)
        weekdayOfDay = clock.map { clock in
            let days = UnsafeMutablePointer<UInt8>.allocate(capacity: clock.dayCount)
            for d in 0..<clock.dayCount { days[d] = clock.weekday[d] }
            return days
        }
        self.windowMinutes = windowMinutes
        self.base = plan.base
        self.horizon = horizonMinutes
        self.warmup = min(warmupMinutes, horizonMinutes)
        arrivals = ArrivalStreams(plan: plan.base, seed: seed, replication: replication, clock: clock)
        let n = max(plan.stationCount, 1)
        stations = .allocate(capacity: n)
        stations.initialize(from: plan.stations, count: plan.stationCount)
        lanes = .allocate(capacity: 2 * n)
        lanes.initialize(repeating: Lane(), count: 2 * n)
        nextEvent = .allocate(capacity: n)
        nextEvent.initialize(repeating: .infinity, count: n)
        steps = plan.steps
        waits = WaitCounter(stationCount: plan.stationCount)
        flows = FlowCounters(linkCount: base.linkCount, routeCount: base.routeCount)
        census = DailyCensus(horizon: horizonMinutes)
        if let clock {
            for p in 0..<plan.stationCount {
                let t = clock.stationTimetable[Int(plan.order[p])]
                guard t >= 0 else { continue }
                let station = stations + p
                let first = clock.segments(timetable: t, day: 0).lowerBound
                station.pointee.timetable = t
                station.pointee.changeDay = 0
                station.pointee.changeSegment = Int32(first)
                station.pointee.parameters.servers = clock.segmentServers[first]
                StationSweepRun.scheduleNextChange(station, clock: clock)
            }
        }
    }

    deinit {
        if let arrivalsByHour { free(arrivalsByHour) }
        weekdayOfDay?.deallocate()
        for k in 0..<(2 * plan.stationCount) { lanes[k].entries?.deallocate() }
        for p in 0..<plan.stationCount { stations[p].inService.deallocate() }
        stations.deinitialize(count: plan.stationCount); stations.deallocate(); lanes.deallocate(); nextEvent.deallocate()
    }

    /// Runs the replication to the horizon and returns its counts.
    mutating func run() -> ReplicationResult {
        var windowStart = 0.0
        repeat {
            let windowEnd = min(windowStart + windowMinutes, horizon)
            // Events strictly before `bound`; the last window takes the horizon itself too.
            let bound = windowEnd >= horizon ? horizon.nextUp : windowEnd
            admitArrivals(before: bound)
            if stoppedAt != nil { break }
            for p in 0..<plan.stationCount where nextEvent[p] < bound { sweep(p, until: bound) }
            _checkInvariants(atEndOfWindow: windowEnd)
            // More patients in the system than the limit at the window's end: demand far beyond
            // capacity, and the queues would grow until memory runs out.
            if live > patientLimit { stoppedAt = windowEnd; break }
            progress?(windowEnd / max(horizon, .leastNonzeroMagnitude))
            windowStart = windowEnd
        } while windowStart < horizon
        return finish()
    }

    /// The arrivals before `bound`, source after source: refused patients (not covered, unavailable)
    /// are counted and go no further, the others join the lane of their route's first station (past
    /// facilities without one). A health centre's arrivals go to its own few lanes, in time order; the
    /// emergencies (P0) that several centres send to one hospital are put in order when it is swept.
    mutating func admitArrivals(before bound: Double) {
        for i in 0..<base.sourceCount where arrivals.nextTime(i) < bound {
            repeat {
                let arrival = arrivals.take(i)
                tally.arrived += 1
                let route = Int(arrival.route), now = arrival.time
                if now >= warmup { flows.routeArrivals[route] &+= 1 }
                let head = plan.heads[route]
                if head.outcome != .treated {
                    if head.outcome == .notCovered { tally.notCovered += 1 } else { tally.unavailable += 1 }
                    flows.routeRejected[route] &+= 1
                    continue
                }
                guard live < 2 &* patientLimit else {
                    // A window's arrivals alone would take the system past twice the limit: stop
                    // before they exhaust memory.
                    stoppedAt = now
                    return
                }
                live += 1
                census.entered(at: now)
                tally.events += 1
                let first = head.passes ? passThrough(from: Int(head.firstStep), now: now) : Int(head.firstStep)
                append(Traveller(time: now, stream: SplitMix64(state: arrival.seed), cursor: Int32(first), routeEnd: head.end, firstContact: now),
                       to: Int(head.station), emergency: arrival.emergency)
            } while arrivals.nextTime(i) < bound
        }
    }

    /// The first route step from `step` that has a station (see ``RouteStep/firstStation(of:from:now:warmup:linkFlow:)``).
    @inline(__always)
    func passThrough(from step: Int, now: Double) -> Int {
        RouteStep.firstStation(of: steps, from: step, now: now, warmup: warmup, linkFlow: flows.linkFlow)
    }

    /// Puts a patient in a lane of station `p` (by sweep position).
    @inline(__always)
    mutating func append(_ traveller: Traveller, to p: Int, emergency: Bool) {
        let lane = lanes + (2 &* p &+ (emergency ? 0 : 1))
        if lane.pointee.count == lane.pointee.capacity { StationSweepRun.makeRoom(lane) }
        let entries = lane.pointee.entries!, count = Int(lane.pointee.count)
        if count > Int(lane.pointee.scan), entries[count &- 1].time > traveller.time { lane.pointee.sorted = false }
        entries[count] = traveller
        lane.pointee.count &+= 1
        if traveller.time < nextEvent[p] { nextEvent[p] = traveller.time }
    }

    /// Works through station `p`'s events before `bound`, in time order; a completion goes before an
    /// arrival at the same time, and an emergency arrival before another.
    @inline(__always)
    mutating func sweep(_ p: Int, until bound: Double) {
        let station = stations + p
        let emergencies = lanes + 2 &* p, others = emergencies + 1
        if !emergencies.pointee.sorted { StationSweepRun.sortPending(emergencies, scratch: &scratch) }
        if !others.pointee.sorted { StationSweepRun.sortPending(others, scratch: &scratch) }
        // The next arrival of each lane, read again only when the sweep takes it: nothing else moves a
        // lane's unswept entries while its station is swept (completions and changes take waiting
        // patients, and patients handed on go to later stations).
        var emergency = StationSweepRun.nextArrival(emergencies), other = StationSweepRun.nextArrival(others)
        while true {
            let completion = station.pointee.inService.nextEnd
            let first = min(completion, min(emergency, other))
            // A change of servers (opening hours, shifts) goes before any event at the same time; then a
            // completion before an arrival, and an emergency before another arrival.
            let change = station.pointee.nextChange
            if change <= first {
                guard change < bound else { break }
                changeServers(at: station, emergencies: emergencies, others: others)
            } else {
                guard first < bound else { break }
                if completion == first {
                    complete(at: station, emergencies: emergencies, others: others)
                } else if emergency == first {
                    arrive(from: emergencies, at: station, emergency: true)
                    emergency = StationSweepRun.nextArrival(emergencies)
                } else {
                    arrive(from: others, at: station, emergency: false)
                    other = StationSweepRun.nextArrival(others)
                }
            }
        }
        // Patients waiting for the station to open make its next change an event of its own.
        let completion = station.pointee.inService.nextEnd
        nextEvent[p] = station.pointee.queueLength > 0 ? min(completion, station.pointee.nextChange) : completion
    }

    /// The time of the first entry of `lane` the sweep has not reached, infinity when none is left.
    @inline(__always)
    static func nextArrival(_ lane: UnsafeMutablePointer<Lane>) -> Double {
        lane.pointee.scan < lane.pointee.count ? lane.pointee.entries![Int(lane.pointee.scan)].time : .infinity
    }

    /// The station's servers change (it opens, closes, or a shift changes): at a closing its staff
    /// may start, for the network's overtime limit, the patients waiting then; at an opening or a larger
    /// shift, the new servers take the waiting patients; a smaller shift or a closing lets the servers
    /// who leave finish their patient first (non-preemptive), counted as overtime.
    @inline(never)
    mutating func changeServers(at station: UnsafeMutablePointer<SweepStation>, emergencies: UnsafeMutablePointer<Lane>, others: UnsafeMutablePointer<Lane>) {
        let clock = clock!
        let now = station.pointee.nextChange
        noteOvertime(station, now: now)
        let servers = station.pointee.nextServers
        station.pointee.parameters.servers = servers
        if servers == 0 {
            station.pointee.closedAt = now
            station.pointee.overtimeUntil = now + clock.overtimeMinutes
            if now >= warmup { station.pointee.carriedOver &+= UInt32(station.pointee.queueLength) }
        } else {
            station.pointee.overtimeUntil = -.infinity
        }
        while station.pointee.queueLength > 0, Int(station.pointee.inService.count) < Int(servers) {
            let lane = emergencies.pointee.waiting > 0 ? emergencies : others
            let next = lane.pointee.entries![Int(lane.pointee.start)]
            lane.pointee.start &+= 1
            station.pointee.queueLength &-= 1
            station.pointee.inService.insert(startService(next, at: station, now: now, waited: now - next.time, emergency: lane == emergencies))
        }
        StationSweepRun.scheduleNextChange(station, clock: clock)
    }

    /// Finds the station's next change of servers after the pending one (the first segment of its
    /// timetable with other servers), or none before the horizon's last day.
    static func scheduleNextChange(_ station: UnsafeMutablePointer<SweepStation>, clock: ClockPlan) {
        let t = station.pointee.timetable, current = station.pointee.parameters.servers
        var day = Int(station.pointee.changeDay), k = Int(station.pointee.changeSegment)
        var range = clock.segments(timetable: t, day: day)
        while true {
            k += 1
            if k >= range.upperBound {
                day += 1
                if day >= clock.dayCount { station.pointee.nextChange = .infinity; return }
                range = clock.segments(timetable: t, day: day)
                k = range.lowerBound
            }
            if clock.segmentServers[k] != current {
                station.pointee.changeDay = Int32(day)
                station.pointee.changeSegment = Int32(k)
                station.pointee.nextChange = Double(day) * 1440 + Double(clock.segmentStart[k])
                station.pointee.nextServers = clock.segmentServers[k]
                return
            }
        }
    }

    /// Adds to the station's overtime the server-minutes worked beyond its servers since the last
    /// mark, inside the measured window, and marks `now`.
    @inline(__always)
    func noteOvertime(_ station: UnsafeMutablePointer<SweepStation>, now: Double) {
        let excess = Int(station.pointee.inService.count) &- Int(station.pointee.parameters.servers)
        if excess > 0 {
            let span = min(now, horizon) - max(station.pointee.overtimeMark, warmup)
            if span > 0 { station.pointee.overtime += Double(excess) * span }
        }
        station.pointee.overtimeMark = now
    }

    /// The next patient of `lane` arrives: served at once if a server is free, else it waits in its
    /// lane (or is turned away if a bounded queue is full).
    @inline(__always)
    mutating func arrive(from lane: UnsafeMutablePointer<Lane>, at station: UnsafeMutablePointer<SweepStation>, emergency: Bool) {
        let k = Int(lane.pointee.scan)
        let traveller = lane.pointee.entries![k]
        let now = traveller.time
        lane.pointee.scan &+= 1
        let measured = now >= warmup
        if measured {
            station.pointee.counters.arrivals &+= 1
            if let arrivalsByHour { arrivalsByHour[Int(station.pointee.id) &* 24 &+ ClockPlan.hourOfDay(now)] &+= 1 }
        }
        if Int(station.pointee.inService.count) < Int(station.pointee.parameters.servers) {
            // A free server means nobody waits, in either lane.
            lane.pointee.start = lane.pointee.scan
            lane.pointee.admitted = lane.pointee.scan
            station.pointee.inService.insert(startService(traveller, at: station, now: now, waited: 0, emergency: emergency))
            return
        }
        if station.pointee.queueLength >= station.pointee.parameters.queueCapacity {
            if measured { station.pointee.counters.turnedAway &+= 1 }
            tally.turnedAway += 1
            live -= 1
            census.left(at: now)
            return
        }
        let admitted = Int(lane.pointee.admitted)
        if admitted != k { lane.pointee.entries![admitted] = traveller }
        lane.pointee.admitted &+= 1
        station.pointee.queueLength &+= 1
        if measured, station.pointee.queueLength > station.pointee.counters.maxQueue { station.pointee.counters.maxQueue = station.pointee.queueLength }
    }

    /// The earliest service at the station ends: the server takes the next waiting patient
    /// (emergencies first), and the patient who was served moves on.
    @inline(__always)
    mutating func complete(at station: UnsafeMutablePointer<SweepStation>, emergencies: UnsafeMutablePointer<Lane>, others: UnsafeMutablePointer<Lane>) {
        let done = station.pointee.inService.min!
        let now = done.time
        tally.events += 1
        if now >= warmup { station.pointee.counters.served &+= 1 }
        let busy = Int(station.pointee.inService.count), servers = Int(station.pointee.parameters.servers)
        if busy > servers { noteOvertime(station, now: now) }
        // The freed server takes the next patient while it is on duty; after a closing, for the
        // overtime limit, a patient who was waiting when it closed.
        if station.pointee.queueLength > 0, busy <= servers || (now < station.pointee.overtimeUntil
                && (emergencies.pointee.waiting > 0 ? emergencies : others).pointee.entries![Int((emergencies.pointee.waiting > 0 ? emergencies : others).pointee.start)].time < station.pointee.closedAt) {
            let lane = emergencies.pointee.waiting > 0 ? emergencies : others
            let next = lane.pointee.entries![Int(lane.pointee.start)]
            lane.pointee.start &+= 1
            station.pointee.queueLength &-= 1
            // The freed server's new service replaces the finished one at the top of the heap.
            station.pointee.inService.replaceMin(with: startService(next, at: station, now: now, waited: now - next.time, emergency: lane == emergencies))
        } else {
            station.pointee.inService.removeMin()
        }
        handOn(done, from: station, now: now)
    }

    /// Starts a patient's service: samples its duration from the patient's stream, adds the part of
    /// it inside the measured window to the station's busy time, records the wait, and returns the
    /// patient as it goes into the heap (time: the end of service).
    @inline(__always)
    mutating func startService(_ traveller: Traveller, at station: UnsafeMutablePointer<SweepStation>, now: Double, waited: Double, emergency: Bool) -> Traveller {
        var patient = traveller
        tally.stationVisits += 1
        let end = now + ziggurat.serviceTime(station.pointee.parameters, &patient.stream)
        station.pointee.counters.serviceStarted(at: Int(station.pointee.id), now: now, end: end, waited: waited, window: measuredWindow, waits: waits)
        if now >= warmup {
            let route = treatRoute[Int(patient.cursor)]
            if route >= 0 { treatment.record(now - patient.firstContact, slot: Int(route)) }
            if let weekdayOfDay {
                // By the hour and weekday the patient arrived at the station.
                let slot = Int(station.pointee.id) &* 31, hour = ClockPlan.hourOfRun(traveller.time), day = hour / 24
                hourly.unsafelyUnwrapped.record(waited, slot: slot &+ (hour &- day &* 24), alsoIn: slot &+ 24 &+ Int(weekdayOfDay[min(day, lastDay)]))
            }
        }
        patient.time = end
        if emergency { patient.routeEnd = ~patient.routeEnd }
        return patient
    }

    /// A patient's service has ended at `now`: on to the next station of its route, or up the chain
    /// under the station's referral rate (one level at a time, P5), or out.
    @inline(__always)
    mutating func handOn(_ patient: Traveller, from station: UnsafeMutablePointer<SweepStation>, now: Double) {
        let emergency = patient.routeEnd < 0
        var routeEnd = emergency ? ~patient.routeEnd : patient.routeEnd
        var stream = patient.stream
        let cursor = Int(patient.cursor) &+ 1
        let next: Int
        if cursor < Int(routeEnd) {
            let link = steps[cursor].link
            if link >= 0, now >= warmup { flows.linkFlow[Int(link)] += 1 }
            next = passThrough(from: cursor, now: now)
        } else if station.pointee.parameters.referralRate > 0, stream.uniform() < station.pointee.parameters.referralRate {
            let start = Int(station.pointee.parameters.escalationStart)
            let link = steps[start].link
            if link >= 0, now >= warmup { flows.linkFlow[Int(link)] += 1 }
            routeEnd = station.pointee.parameters.escalationEnd
            next = passThrough(from: start, now: now)
        } else {
            tally.completed += 1
            live -= 1
            census.left(at: now)
            return
        }
        append(Traveller(time: now, stream: stream, cursor: Int32(next), routeEnd: routeEnd, firstContact: patient.firstContact),
               to: Int(steps[next].station), emergency: emergency)
    }

    /// Gathers the per-station counts, by station id, into a ``ReplicationResult``.
    func finish() -> ReplicationResult {
        var result = ReplicationResult(
            stations: plan.position.map { p in (plan.stations[Int(p)].parameters.servers, stations[Int(p)].counters) },
            window: measuredWindow, waits: waits,
            flows: flows, census: census, tally: tally, inSystem: live, stoppedAt: stoppedAt,
            hourly: hourly, arrivalsByHour: arrivalsByHour, treatment: treatment)
        result.overtimeMinutes = plan.position.map { stations[Int($0)].overtime }
        result.carriedOver = plan.position.map { Int(stations[Int($0)].carriedOver) }
        if stoppedAt != nil {
            result.heldAtStop = plan.position.map { p in
                let emergencies = lanes[2 * Int(p)], others = lanes[2 * Int(p) + 1]
                return Int(emergencies.count - emergencies.start) + Int(others.count - others.start)
            }
        }
        return result
    }
}
