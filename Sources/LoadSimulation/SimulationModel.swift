/// Everything the event loop needs, as flat arrays indexed by dense ids: stations, arrival sources
/// and precomputed routes. Build it from a network (``init(network:)``) or directly, for a queueing
/// model with no network (the M/M/c tests).
///
/// - A **station** is one service at one facility: `servers[s]` parallel servers, service times from
///   `serviceTime[s]` (minutes), a referral rate `referralRate[s]` sending that share of the patients it
///   serves one level up, to station `escalation[s]` (-1: nowhere), and at most `queueCapacity[s]`
///   patients waiting (`Int32.max`: unbounded, the default; a scenario may bound it). A patient who
///   finds the queue full is turned away and leaves the system.
/// - A **source** is a health centre: a Poisson stream of rate `sourceRate[i]` per minute, superposed
///   over its (service, emergency) entries; entry `k` of `sourceEntries[i]` is picked with probability
///   `entryWeight[k]`, cumulated in `entryCumulative`. Each source draws from its own random stream,
///   keyed by `sourceStreamKey[i]`.
/// - A **route** is the stations an entry's patient is served at, in order:
///   `routeStations[routeOffsets[r] ..< routeOffsets[r + 1]]` (-1 for a facility passed through
///   without a station; the last step always has one); `routeOutcome[r]` says whether its patients
///   are treated along it or refused (not covered, unavailable), and a treated route has a step. `routeLinks` gives, per route step after the first,
///   the referral link the patient crossed (-1 when it stayed in one facility).
public struct SimulationModel: Sendable {
    // Stations.
    public var servers: [Int32]
    public var serviceTime: [SamplingDistribution]
    public var referralRate: [Double]
    public var escalation: [Int32]
    /// Per station: the most patients that may wait (not counting those in service); `Int32.max` when unbounded.
    public var queueCapacity: [Int32]
    /// Per station: the link crossed when escalating (-1: none).
    public var escalationLink: [Int32]
    /// Per station: the route an escalated patient follows (-1: straight to `escalation`, crossing
    /// `escalationLink`). From a network, the route climbs one level at a time (P5: no level skipped):
    /// the referring consultation of each level in between, then the station at `escalation`.
    public var escalationRoute: [Int32]
    /// Per station: its facility and service, for reporting (-1 in a model without a network).
    public var stationFacility: [Int32]
    public var stationService: [Int32]
    // Sources.
    public var sourceRate: [Double]
    /// Per source: where its entries start in `entryRoute`/`entryCumulative`/`entryEmergency`; one extra element.
    public var sourceEntryOffsets: [Int32]
    public var entryRoute: [Int32]
    public var entryEmergency: [Bool]
    /// Per source, the cumulative probability of its entries (the last is 1).
    public var entryCumulative: [Double]
    // Routes.
    public var routeOffsets: [Int32]
    public var routeStations: [Int32]
    public var routeLinks: [Int32]
    public var routeOutcome: [RouteOutcome]
    /// Per route step (parallel to `routeStations`): the facility index of the step (-1 without a network).
    public var routeFacilities: [Int32]
    /// Per route, for reporting: the health centre it starts from, its service and whether it is an
    /// emergency (-1 and false in a model without a network).
    public var routeOrigin: [Int32]
    public var routeService: [Int32]
    public var routeEmergency: [Bool]
    /// Referral links between facilities: (from, to) facility indices.
    public var links: [(from: Int32, to: Int32)]
    /// Per source: the facility index of its health centre (-1 without a network).
    public var sourceFacility: [Int32]
    /// Per source: the key of its own random stream of arrivals (``RandomSource/init(seed:replication:stream:)``).
    /// From a network, a hash of the health centre's id, so that a source keeps its arrivals when a
    /// scenario adds or removes others; in a model built by hand, the source's index unless given.
    public var sourceStreamKey: [UInt64]

    public var stationCount: Int { servers.count }
    public var sourceCount: Int { sourceRate.count }

    /// An empty model, to be filled by ``addStation(servers:serviceTime:)`` and friends.
    public init() {
        servers = []; serviceTime = []; referralRate = []; escalation = []; queueCapacity = []; escalationLink = []; escalationRoute = []
        stationFacility = []; stationService = []
        sourceRate = []; sourceEntryOffsets = [0]; entryRoute = []; entryEmergency = []; entryCumulative = []
        routeOffsets = [0]; routeStations = []; routeLinks = []; routeOutcome = []
        routeFacilities = []; routeOrigin = []; routeService = []; routeEmergency = []
        links = []; sourceFacility = []; sourceStreamKey = []
    }

    /// Adds a station and returns its id.
    @discardableResult
    public mutating func addStation(servers count: Int, serviceTime time: ServiceTimeSampling, referralRate rate: Double = 0, escalation target: Int = -1, facility: Int = -1, service: Int = -1) -> Int {
        servers.append(Int32(count))
        serviceTime.append(time.distribution)
        referralRate.append(rate)
        escalation.append(Int32(target))
        queueCapacity.append(Int32.max)
        escalationLink.append(-1)
        escalationRoute.append(-1)
        stationFacility.append(Int32(facility))
        stationService.append(Int32(service))
        return servers.count - 1
    }

    /// Adds a route through `stations` (in order) and returns its id. `facilities` names each step's
    /// facility; `origin`, `service` and `emergency` say what the route is for (all for reporting).
    @discardableResult
    public mutating func addRoute(_ stations: [Int], links: [Int]? = nil, outcome: RouteOutcome = .treated,
                                  facilities: [Int]? = nil, origin: Int = -1, service: Int = -1, emergency: Bool = false) -> Int {
        precondition(outcome != .treated || !stations.isEmpty, "a treated route has at least one step")
        routeStations.append(contentsOf: stations.map(Int32.init))
        routeLinks.append(contentsOf: (links ?? Array(repeating: -1, count: stations.count)).map(Int32.init))
        routeFacilities.append(contentsOf: (facilities ?? Array(repeating: -1, count: stations.count)).map(Int32.init))
        routeOrigin.append(Int32(origin))
        routeService.append(Int32(service))
        routeEmergency.append(emergency)
        routeOffsets.append(Int32(routeStations.count))
        routeOutcome.append(outcome)
        return routeOutcome.count - 1
    }

    /// Adds a Poisson source of `ratePerMinute` choosing among `entries` (route, emergency, weight),
    /// drawing from its own random stream keyed by `streamKey` (default: the source's index).
    public mutating func addSource(ratePerMinute: Double, entries: [(route: Int, emergency: Bool, weight: Double)], facility: Int = -1,
                                   streamKey: UInt64? = nil) {
        sourceStreamKey.append(streamKey ?? UInt64(sourceRate.count))
        let total = entries.reduce(0) { $0 + $1.weight }
        var cumulative = 0.0
        for entry in entries {
            cumulative += entry.weight / total
            entryRoute.append(Int32(entry.route))
            entryEmergency.append(entry.emergency)
            entryCumulative.append(cumulative)
        }
        if !entries.isEmpty { entryCumulative[entryCumulative.count - 1] = 1 }
        sourceEntryOffsets.append(Int32(entryRoute.count))
        sourceRate.append(ratePerMinute)
        sourceFacility.append(Int32(facility))
    }

    /// Checks the flat arrays' invariants; returns the violations found (run by tests).
    public func invariantViolations() -> [String] {
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
        if sourceEntryOffsets.count != sourceRate.count + 1 { problems.append("source offsets and rates disagree") }
        if sourceStreamKey.count != sourceRate.count || sourceFacility.count != sourceRate.count { problems.append("a source array disagrees with the rates") }
        if Set(sourceStreamKey).count != sourceStreamKey.count { problems.append("two sources share a stream key") }
        for source in 0..<sourceCount {
            let range = Int(sourceEntryOffsets[source])..<Int(sourceEntryOffsets[source + 1])
            if !range.isEmpty, entryCumulative[range.upperBound - 1] != 1 { problems.append("source \(source)'s probabilities do not end at 1") }
        }
        return problems
    }
}

/// A service-time distribution for ``SimulationModel/addStation(servers:serviceTime:referralRate:escalation:facility:service:)``.
public struct ServiceTimeSampling: Sendable {
    let distribution: SamplingDistribution
    /// Exponential service with this mean, in minutes.
    public static func exponential(mean: Double) -> ServiceTimeSampling { ServiceTimeSampling(distribution: SamplingDistribution(.exponential(mean: mean))) }
    /// Any distribution of the network format, in minutes.
    public static func distribution(_ d: ServiceTimeDistributionInMinutes) -> ServiceTimeSampling { ServiceTimeSampling(distribution: SamplingDistribution(d)) }
}

import CareNetwork
/// A ``ServiceTimeDistribution`` whose times are minutes.
public typealias ServiceTimeDistributionInMinutes = ServiceTimeDistribution
