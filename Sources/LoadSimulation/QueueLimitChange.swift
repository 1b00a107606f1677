import CareNetwork

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

    /// A bound of `limit` waiting patients at the stations the selectors choose.
    public init(facility: String? = nil, tier: Tier? = nil, service: String? = nil, limit: Int) {
        self.facility = facility
        self.tier = tier
        self.service = service
        self.limit = limit
    }
}
