/// The unit a service time is given in: minutes for visits, days for stays.
public enum TimeUnit: String, Sendable, Hashable, Codable {
    case minutes, days

    /// Minutes per unit.
    public var minutes: Double { self == .minutes ? 1 : 1440 }
}

/// A service-time (or length-of-stay) distribution, in its own unit (see ``ServiceCapacity/unit``).
public enum ServiceTimeDistribution: Hashable, Sendable, Codable {
    /// Exponential with this mean.
    case exponential(mean: Double)
    /// Lognormal with this mean and standard deviation *of the time itself* (not of its logarithm).
    case lognormal(mean: Double, sd: Double)
    /// Always this value.
    case fixed(Double)
    /// Triangular on [min, max] with this mode.
    case triangular(min: Double, mode: Double, max: Double)

    /// The mean.
    public var mean: Double {
        switch self {
        case .exponential(let mean), .lognormal(let mean, _): mean
        case .fixed(let value): value
        case .triangular(let a, let c, let b): (a + b + c) / 3
        }
    }

    /// The variance.
    public var variance: Double {
        switch self {
        case .exponential(let mean): mean * mean
        case .lognormal(_, let sd): sd * sd
        case .fixed: 0
        case .triangular(let a, let c, let b): (a * a + b * b + c * c - a * b - a * c - b * c) / 18
        }
    }

    /// The same distribution with every time multiplied by `factor` (for example days to minutes).
    public func scaled(by factor: Double) -> ServiceTimeDistribution {
        switch self {
        case .exponential(let mean): .exponential(mean: mean * factor)
        case .lognormal(let mean, let sd): .lognormal(mean: mean * factor, sd: sd * factor)
        case .fixed(let value): .fixed(value * factor)
        case .triangular(let a, let c, let b): .triangular(min: a * factor, mode: c * factor, max: b * factor)
        }
    }

    /// The name used in network files (`exponential`, `lognormal`, `fixed`, `triangular`).
    public var name: String {
        switch self {
        case .exponential: "exponential"
        case .lognormal: "lognormal"
        case .fixed: "fixed"
        case .triangular: "triangular"
        }
    }
}

/// What one facility offers of one service: how many servers (or beds) and how long each takes.
public struct ServiceCapacity: Hashable, Sendable {
    /// The service.
    public var service: ServiceID
    /// Servers working in parallel for a visit; beds for a stay. At least 1.
    public var servers: Int
    /// Service time (visit) or length of stay, in ``unit``.
    public var time: ServiceTimeDistribution
    /// Minutes for visits, days for stays.
    public var unit: TimeUnit
    /// False only for an excluded service listed as not covered (X1).
    public var covered: Bool
    /// When it is open and with how many servers; nil: around the clock with all ``servers``.
    public var hours: OpeningHours?

    /// An offer of `service` with `servers` servers (or beds), each taking `time` in `unit`, open
    /// `hours` (nil: around the clock).
    public init(service: ServiceID, servers: Int, time: ServiceTimeDistribution, unit: TimeUnit, covered: Bool = true, hours: OpeningHours? = nil) {
        self.hours = hours
        self.service = service
        self.servers = servers
        self.time = time
        self.unit = unit
        self.covered = covered
    }

    /// The service-time distribution in minutes, whatever the unit of the file.
    public var timeInMinutes: ServiceTimeDistribution { time.scaled(by: unit.minutes) }
}
