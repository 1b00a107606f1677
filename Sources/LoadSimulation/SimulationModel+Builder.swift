import CareNetwork

extension SimulationModel {
    /// Collects a ``SimulationModel``'s arrays: stations, links, routes and sources, each added with
    /// what it needs, then ``build()``. ``SimulationModel/init(network:table:demandScale:)`` builds a
    /// network's model with one; tests build queueing models (M/M/1, M/M/c...) with one by hand.
    package struct Builder {
        private(set) var servers: [Int32] = []
        private(set) var serviceTime: [SamplingDistribution] = []
        private(set) var referralRate: [Double] = []
        private(set) var escalation: [Int32] = []
        private(set) var queueCapacity: [Int32] = []
        private(set) var escalationLink: [Int32] = []
        private(set) var escalationRoute: [Int32] = []
        private(set) var stationFacility: [Int32] = []
        private(set) var stationService: [Int32] = []
        private(set) var sourceRate: [Double] = []
        private(set) var sourceEntryOffsets: [Int32] = [0]
        private(set) var entryRoute: [Int32] = []
        private(set) var entryEmergency: [Bool] = []
        private(set) var entryCumulative: [Double] = []
        private(set) var routeOffsets: [Int32] = [0]
        private(set) var routeStations: [Int32] = []
        private(set) var routeLinks: [Int32] = []
        private(set) var routeOutcome: [RouteOutcome] = []
        private(set) var routeFacilities: [Int32] = []
        private(set) var routeOrigin: [Int32] = []
        private(set) var routeService: [Int32] = []
        private(set) var routeEmergency: [Bool] = []
        private(set) var links: [(from: Int32, to: Int32)] = []
        private(set) var sourceFacility: [Int32] = []
        private(set) var sourceStreamKey: [UInt64] = []
        private(set) var stationHours: [OpeningHours?] = []
        private(set) var sourceProfile: [Int32] = []
        /// The arrival profiles the sources follow (``SimulationModel/arrivalProfiles``).
        package var arrivalProfiles: [ArrivalProfile] = []
        /// Closed dates and overtime (``SimulationModel/calendar``).
        package var calendar = NetworkCalendar()

        /// An empty model.
        package init() {}

        /// The stations added so far.
        package var stationCount: Int { servers.count }

        /// Adds a station of `count` servers, service times from `time` (in minutes) and an unbounded
        /// queue, and returns its id. `facility` and `service` say what it is, for reports.
        @discardableResult
        package mutating func addStation(servers count: Int, serviceTime time: ServiceTimeDistribution, facility: Int = -1, service: Int = -1,
                                         hours: OpeningHours? = nil) -> Int {
            servers.append(Int32(count))
            stationHours.append(hours)
            serviceTime.append(SamplingDistribution(time))
            referralRate.append(0)
            escalation.append(-1)
            queueCapacity.append(Int32.max)
            escalationLink.append(-1)
            escalationRoute.append(-1)
            stationFacility.append(Int32(facility))
            stationService.append(Int32(service))
            return servers.count - 1
        }

        /// After treatment at `station`, the share `rate` of its patients is referred up to station
        /// `target`: along route `route` (which must end at `target`), else straight there crossing
        /// link `link` (-1: none).
        package mutating func refer(_ station: Int, rate: Double, to target: Int, link: Int = -1, route: Int = -1) {
            referralRate[station] = rate
            escalation[station] = Int32(target)
            escalationLink[station] = Int32(link)
            escalationRoute[station] = Int32(route)
        }

        /// Gives `station` opening hours (nil: around the clock).
        package mutating func setHours(_ hours: OpeningHours?, station: Int) {
            stationHours[station] = hours
        }

        /// Bounds the queue of `station` to `capacity` waiting patients (`Int32.max`: unbounded).
        package mutating func setQueueCapacity(_ capacity: Int32, station: Int) {
            queueCapacity[station] = capacity
        }

        /// Adds a referral link between two facilities (indices) and returns its id.
        @discardableResult
        package mutating func addLink(from: Int, to: Int) -> Int {
            links.append((Int32(from), Int32(to)))
            return links.count - 1
        }

        /// Adds a route through `stations` (in order) and returns its id. `links` names the link crossed
        /// to reach each step (-1: none), `facilities` each step's facility; `origin`, `service` and
        /// `emergency` say what the route is for (all for reporting). A treated route has a step.
        @discardableResult
        package mutating func addRoute(_ stations: [Int], links: [Int]? = nil, outcome: RouteOutcome = .treated,
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
        /// drawing from its own random stream keyed by `streamKey` (default: the source's index). With
        /// `profile` (an index in ``arrivalProfiles``), the rate is shaped by that profile over time (a
        /// non-homogeneous Poisson process of the same yearly mean).
        package mutating func addSource(ratePerMinute: Double, entries: [(route: Int, emergency: Bool, weight: Double)], facility: Int = -1,
                                        streamKey: UInt64? = nil, profile: Int? = nil) {
            sourceStreamKey.append(streamKey ?? UInt64(sourceRate.count))
            sourceProfile.append(Int32(profile ?? -1))
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

        /// What ``SimulationModel/invariantViolations()`` would find in the model built now.
        package func invariantViolations() -> [String] { SimulationModel(unchecked: self).invariantViolations() }

        /// The model (its invariants checked in debug builds).
        package func build() -> SimulationModel { SimulationModel(self) }
    }
}
