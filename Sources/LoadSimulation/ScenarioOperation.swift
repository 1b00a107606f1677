import CareNetwork

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
        /// `chu:` with `province`: the province's patients go to this CHU under P4 (its `chu:`).
        case provinceCHU(province: String, chu: String)
        /// `regional-hospital:` the province's patients go to this regional hospital under P3 (its
        /// `regional-hospital:`).
        case provinceRegionalHospital(province: String, hospital: String)
        /// `servers:` change the capacity or service time of one service at one facility.
        case capacity(CapacityChange)
        /// `demand:` multiply the demand of a region (nil: every region) for a service (nil: every service).
        case demand(region: String?, service: String?, scale: Double)
        /// `queue-limit:` bound the queues of the selected stations.
        case queueLimit(QueueLimitChange)
        /// `hours:` the opening hours (and shifts) of the selected stations.
        case hours(HoursChange)
        /// `calendar:` closed dates added, the overtime limit, named timetables.
        case calendar(CalendarDescription)
        /// `arrival-profiles:` arrival profiles defined (or redefined).
        case arrivalProfiles([ArrivalProfile])
        /// `arrival-profile:` a service's arrivals (or every service's, or the emergencies) follow a profile.
        case arrivalProfile(ProfileChange)
    }

    /// What the operation changes.
    public var change: Change
    /// The position of the entry in the scenario file.
    public var location: SourceLocation
    /// The positions of the entry's fields, by key (`facility`, `service`, `region`, `chu`...).
    public var fields: [String: SourceLocation]

    /// An operation written at `location`, its fields at `fields`.
    public init(_ change: Change, at location: SourceLocation, fields: [String: SourceLocation] = [:]) {
        self.change = change
        self.location = location
        self.fields = fields
    }

    /// The position of `field`, else of the entry.
    public func location(of field: String) -> SourceLocation { fields[field] ?? location }
}
