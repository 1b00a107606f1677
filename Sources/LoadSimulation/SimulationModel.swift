import CareNetwork

/// A network's stations, arrival sources and precomputed routes, as flat arrays indexed by dense ids:
/// what the engine simulates. Build it from a network (``init(network:table:demandScale:)``), or from
/// a scenario applied to one (``ScenarioApplication/model(table:)``); within the package, by hand with
/// a ``Builder`` (queueing models without a network, for the tests). It cannot be changed once built.
///
/// - A **station** is one service at one facility: `servers[s]` parallel servers, service times from
///   `serviceTime[s]` (minutes), a referral rate `referralRate[s]` sending that share of the patients it
///   serves one level up, to station `escalation[s]` (-1: nowhere), and at most `queueCapacity[s]`
///   patients waiting (`Int32.max`: unbounded, the default; a scenario may bound it). A patient who
///   finds the queue full is turned away and leaves the system.
/// - A **source** is a health centre: a Poisson stream of rate `sourceRate[i]` per minute, superposed
///   over its (service, emergency) entries `sourceEntryOffsets[i] ..< sourceEntryOffsets[i + 1]`, entry
///   `k` leading to route `entryRoute[k]` with the probability it adds to `entryCumulative`. Each source
///   draws from its own random stream, keyed by `sourceStreamKey[i]`.
/// - A **route** is the stations an entry's patient is served at, in order:
///   `routeStations[routeOffsets[r] ..< routeOffsets[r + 1]]` (-1 for a facility passed through
///   without a station; the last step always has one); ``routeOutcome`` says whether its patients are
///   treated along it or refused (not covered, unavailable), and a treated route has a step.
///   `routeLinks` gives, per route step after the first, the referral link the patient crossed (-1 when
///   it stayed in one facility).
///
/// What a report needs to read its results is public: each station's facility, service, servers and
/// queue capacity, the referral links, and each route's origin, service, emergency flag and outcome.
/// The engine's arrays are readable within the package (the network generator's capacity check walks
/// the routes with them). Debug builds check ``invariantViolations()`` when a model is built.
public struct SimulationModel: Sendable {
    // Stations.
    /// Per station: its parallel servers (beds for a stay).
    public let servers: [Int32]
    package let serviceTime: [SamplingDistribution]
    package let referralRate: [Double]
    package let escalation: [Int32]
    /// Per station: the most patients that may wait (not counting those in service); `Int32.max` when unbounded.
    public let queueCapacity: [Int32]
    /// Per station: the link crossed when escalating (-1: none).
    package let escalationLink: [Int32]
    /// Per station: the route an escalated patient follows (-1: straight to `escalation`, crossing
    /// `escalationLink`). From a network, the route climbs one level at a time (P5: no level skipped):
    /// the referring consultation of each level in between, then the station at `escalation`.
    package let escalationRoute: [Int32]
    /// Per station: its facility's index in the network (-1 in a model without a network).
    public let stationFacility: [Int32]
    /// Per station: its service's index in the catalogue (-1 in a model without a network).
    public let stationService: [Int32]
    // Sources.
    package let sourceRate: [Double]
    /// Per source: where its entries start in `entryRoute`/`entryCumulative`/`entryEmergency`; one extra element.
    package let sourceEntryOffsets: [Int32]
    package let entryRoute: [Int32]
    package let entryEmergency: [Bool]
    /// Per source, the cumulative probability of its entries (the last is 1).
    package let entryCumulative: [Double]
    // Routes.
    package let routeOffsets: [Int32]
    package let routeStations: [Int32]
    package let routeLinks: [Int32]
    /// Per route: whether its patients are treated along it, or refused where they present.
    public let routeOutcome: [RouteOutcome]
    /// Per route step (parallel to `routeStations`): the facility index of the step (-1 without a network).
    package let routeFacilities: [Int32]
    /// Per route, for reporting: the health centre it starts from (a facility index), its service and
    /// whether it is an emergency (-1 and false in a model without a network).
    public let routeOrigin: [Int32]
    /// Per route: its service's index in the catalogue (-1 in a model without a network).
    public let routeService: [Int32]
    /// Per route: whether it is an emergency's (P0).
    public let routeEmergency: [Bool]
    /// Referral links between facilities: (from, to) facility indices. ``SimulationResult/linkFlow`` counts
    /// the patients who crossed each.
    public let links: [(from: Int32, to: Int32)]
    /// Per source: the facility index of its health centre (-1 without a network).
    package let sourceFacility: [Int32]
    /// Per source: the key of its own random stream of arrivals (``RandomSource/init(seed:replication:stream:)``).
    /// From a network, a hash of the health centre's id, so that a source keeps its arrivals when a
    /// scenario adds or removes others; in a model built by hand, the source's index unless given.
    package let sourceStreamKey: [UInt64]
    // Time.
    /// Per station: when it is open and with how many servers; nil: around the clock with ``servers``.
    public let stationHours: [OpeningHours?]
    /// Per source: the index in ``arrivalProfiles`` of the profile shaping its rate (-1: constant).
    package let sourceProfile: [Int32]
    /// The arrival profiles of the sources.
    public let arrivalProfiles: [ArrivalProfile]
    /// The network's closed dates and overtime limit.
    public let calendar: NetworkCalendar

    /// Whether any station has opening hours or any source a profile: whether the run needs a clock
    /// (and a start date that matters).
    public var hasTimeModel: Bool { stationHours.contains { $0 != nil } || sourceProfile.contains { $0 >= 0 } }

    /// The number of stations (``StationStatistics/station`` indexes them).
    public var stationCount: Int { servers.count }
    /// The number of arrival sources (health centres).
    public var sourceCount: Int { sourceRate.count }
    /// The number of routes, escalation routes included (``SimulationResult/routeArrivals`` indexes them).
    public var routeCount: Int { routeOutcome.count }

    /// The model of a builder's arrays, checked in debug builds.
    init(_ builder: Builder) {
        self.init(unchecked: builder)
        _checkInvariants()
    }

    /// The model of a builder's arrays as they are, for ``Builder/invariantViolations()``.
    init(unchecked builder: Builder) {
        servers = builder.servers; serviceTime = builder.serviceTime; referralRate = builder.referralRate
        escalation = builder.escalation; queueCapacity = builder.queueCapacity; escalationLink = builder.escalationLink
        escalationRoute = builder.escalationRoute; stationFacility = builder.stationFacility; stationService = builder.stationService
        sourceRate = builder.sourceRate; sourceEntryOffsets = builder.sourceEntryOffsets; entryRoute = builder.entryRoute
        entryEmergency = builder.entryEmergency; entryCumulative = builder.entryCumulative
        routeOffsets = builder.routeOffsets; routeStations = builder.routeStations; routeLinks = builder.routeLinks
        routeOutcome = builder.routeOutcome; routeFacilities = builder.routeFacilities; routeOrigin = builder.routeOrigin
        routeService = builder.routeService; routeEmergency = builder.routeEmergency; links = builder.links
        sourceFacility = builder.sourceFacility; sourceStreamKey = builder.sourceStreamKey
        stationHours = builder.stationHours; sourceProfile = builder.sourceProfile
        arrivalProfiles = builder.arrivalProfiles; calendar = builder.calendar
    }
}
