import CareNetwork

/// A scenario: a small overlay on a network file, applied before a simulation to answer "what if"
/// (a facility closes or opens, a service gets more servers or beds, demand grows, a region is
/// reassigned to another CHU, a queue is bounded). Docs/scenarios.md is the format reference.
///
/// A scenario is read from a file by ``ScenarioLoader``, which checks it against the network and
/// returns a ``ScenarioApplication`` (the modified network and how to build its simulation model).
/// The operations are kept in file order, each with its position, so that every problem points at
/// the scenario file.
public struct Scenario: Sendable {
    /// The `schema:` value this version reads.
    public static let schemaVersion = "carepath-scenario/1"

    /// The file the scenario was read from (as given).
    public var path: String
    /// `name:`, for reports.
    public var name: ScenarioText?
    /// `description:`, for reports.
    public var description: ScenarioText?
    /// Every operation, in the order of the file's sections (close, open, chu, servers, demand,
    /// queue-limit), each section in file order. That is also the order they are applied in.
    public var operations: [ScenarioOperation]

    public init(path: String, name: ScenarioText? = nil, description: ScenarioText? = nil, operations: [ScenarioOperation] = []) {
        self.path = path
        self.name = name
        self.description = description
        self.operations = operations
    }
}

/// A scenario's `name:` or `description:`: bilingual (`{fr, ar}`) or one plain string.
public enum ScenarioText: Sendable, Hashable {
    case plain(String)
    case localized(LocalizedName)

    /// The text to show: the plain string, or the French name.
    public var text: String {
        switch self {
        case .plain(let text): text
        case .localized(let name): name.fr
        }
    }
}

/// One change a scenario makes, with where the file says it.
public struct ScenarioOperation: Sendable {
    /// What the operation changes.
    public enum Change: Sendable {
        /// `close:` remove this facility (by id).
        case close(facility: String)
        /// `open:` add this facility, written as a network file's `facilities:` entry.
        case open(FacilityDescription)
        /// `chu:` the region refers to this CHU under P4.
        case chu(region: String, chu: String)
        /// `servers:` change the capacity or service time of one service at one facility.
        case capacity(CapacityChange)
        /// `demand:` multiply the demand of a region (nil: every region) for a service (nil: every service).
        case demand(region: String?, service: String?, scale: Double)
        /// `queue-limit:` bound the queues of the selected stations.
        case queueLimit(QueueLimitChange)
    }

    /// What the operation changes.
    public var change: Change
    /// The position of the entry in the scenario file.
    public var location: SourceLocation
    /// The positions of the entry's fields, by key (`facility`, `service`, `region`, `chu`...).
    public var fields: [String: SourceLocation]

    public init(_ change: Change, at location: SourceLocation, fields: [String: SourceLocation] = [:]) {
        self.change = change
        self.location = location
        self.fields = fields
    }

    /// The position of `field`, else of the entry.
    public func location(of field: String) -> SourceLocation { fields[field] ?? location }
}

/// A `servers:` entry: new servers (or beds) and/or a new service time for one service at one facility.
public struct CapacityChange: Sendable, Hashable {
    /// How the number of servers (beds for a stay) changes.
    public enum Count: Sendable, Hashable {
        /// `servers: n` (or `beds: n`): set it.
        case set(Int)
        /// `add: n`: add n (negative: remove).
        case add(Int)
    }

    /// The facility's id.
    public var facility: String
    /// The service's id (catalogue key).
    public var service: String
    /// The new number of servers (beds), if it changes.
    public var count: Count?
    /// `time:` (or `stay:`): a new distribution, in the service's unit (minutes for a visit, days for a stay).
    public var time: ServiceTimeDistribution?
    /// `time-scale:`: every service time multiplied by this factor.
    public var timeScale: Double?
    /// Whether the entry used the keys of a stay (`beds`, `stay`), of a visit (`servers`, `time`), or
    /// neither (nil: only `add` and `time-scale`).
    public var givenAsStay: Bool?

    public init(facility: String, service: String, count: Count? = nil, time: ServiceTimeDistribution? = nil, timeScale: Double? = nil, givenAsStay: Bool? = nil) {
        self.facility = facility
        self.service = service
        self.count = count
        self.time = time
        self.timeScale = timeScale
        self.givenAsStay = givenAsStay
    }
}

/// A `queue-limit:` entry: at most `limit` patients wait (not counting those in service) at each
/// selected station; a patient who finds the queue full is turned away. The selectors combine:
/// one facility or one tier, and optionally one service.
public struct QueueLimitChange: Sendable, Hashable {
    /// Only the stations of this facility.
    public var facility: String?
    /// Only the stations of facilities of this tier.
    public var tier: Tier?
    /// Only the stations of this service.
    public var service: String?
    /// The most patients that may wait at each selected station (0: none).
    public var limit: Int

    public init(facility: String? = nil, tier: Tier? = nil, service: String? = nil, limit: Int) {
        self.facility = facility
        self.tier = tier
        self.service = service
        self.limit = limit
    }
}
