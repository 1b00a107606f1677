import CareNetwork

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

    /// A change of `service` at `facility`.
    public init(facility: String, service: String, count: Count? = nil, time: ServiceTimeDistribution? = nil, timeScale: Double? = nil, givenAsStay: Bool? = nil) {
        self.facility = facility
        self.service = service
        self.count = count
        self.time = time
        self.timeScale = timeScale
        self.givenAsStay = givenAsStay
    }
}
