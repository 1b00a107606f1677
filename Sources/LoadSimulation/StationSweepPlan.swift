import CarePathSupport
import HeapModule

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
        stations = .allocate(capacity: max(n, 1))
        for p in 0..<n {
            let s = Int(order[p])
            (stations + p).initialize(to: SweepStation(id: Int32(s), parameters: base.parameters[s]))
        }
    }

    deinit { steps.deallocate(); stations.deinitialize(count: stationCount); stations.deallocate(); heads.deallocate() }
}

/// A route's start, for arrivals: its outcome, its first step and one past its last, and the sweep
/// position of its first station (a treated route has at least one step). When `passes`, the route
/// starts with facilities passed through and `firstStep` is the route's first step (their links are
/// counted on the way); else it is the step of `station`. 16 bytes.
struct RouteHead {
    var firstStep: Int32
    var end: Int32
    var station: Int32
    var outcome: RouteOutcome
    var passes: Bool
}

/// A patient between two events of the station sweep, 24 bytes: all the state a patient has, carried
/// along instead of kept in a record of its own. In a lane, `time` is when it arrived at the station;
/// in a station's heap of patients in service, when its service ends.
struct Traveller: Comparable {
    var time: Double
    /// The patient's own random stream (its service times and referral draws).
    var stream: SplitMix64
    /// The index in the plan's steps of its current step.
    var cursor: Int32
    /// One past its route's last step; negative (`~end`) for an emergency, in a heap of patients in
    /// service (in a lane, the lane says it).
    var routeEnd: Int32

    /// Travellers are ordered by time alone: the key of a station's heap of patients in service.
    static func < (a: Traveller, b: Traveller) -> Bool { a.time < b.time }
    static func == (a: Traveller, b: Traveller) -> Bool { a.time == b.time }
}

/// A station's arrivals of one kind (emergencies, or the others), in arrival order:
/// `entries[start..<admitted]` wait for a server (first in, first served), `entries[scan..<count]` have
/// not been reached by the sweep yet; the slots between `admitted` and `scan` are free (patients
/// served at once or turned away).
struct Lane {
    var entries: UnsafeMutablePointer<Traveller>?
    var capacity: Int32 = 0
    var start: Int32 = 0
    var admitted: Int32 = 0
    var scan: Int32 = 0
    var count: Int32 = 0
    /// Whether `entries[scan..<count]` is in time order (patients from several upstream stations
    /// arrive in one sorted run per station).
    var sorted = true

    var waiting: Int32 { admitted - start }
}

/// One station's parameters and running state in the sweep.
struct SweepStation {
    var parameters: StationParameters
    /// The station's id in the model (stations are kept by sweep position).
    var id: Int32
    var queueLength: Int32 = 0
    var counters = StationCounters()
    /// The patients in service (its busy servers), earliest end first: the station's own event list
    /// (at most `servers`).
    var inService = Heap<Traveller>()

    init(id: Int32, parameters: StationParameters) { self.id = id; self.parameters = parameters }
}
