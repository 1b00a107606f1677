/// The demand one service puts on the network (the file's `demand.services.<id>`).
public struct ServiceDemand: Hashable, Sendable {
    /// Annual visits per person of a health centre's catchment.
    public var visitsPerPerson: Double
    /// Share of the visits that arrive as emergencies (P0), 0...1.
    public var emergencyShare: Double
    /// The service a patient referred upward under a referral rate needs at the next level.
    public var referredAs: ServiceID
    /// The index in ``Demand/arrivalProfiles`` of the profile its non-emergency arrivals follow; nil
    /// for a constant rate.
    public var arrivalProfile: Int?
    /// The profile its emergencies follow; nil for a constant rate.
    public var emergencyArrivalProfile: Int?

    /// The demand of one service: visits per person, emergency share, and the service it is referred as.
    public init(visitsPerPerson: Double, emergencyShare: Double, referredAs: ServiceID) {
        self.visitsPerPerson = visitsPerPerson
        self.emergencyShare = emergencyShare
        self.referredAs = referredAs
    }
}

/// What patients ask of the network: the simulation's input (the file's `demand:`).
public struct Demand: Hashable, Sendable {
    /// The default emergency share for services that do not set their own.
    public var defaultEmergencyShare: Double
    /// Per service, indexed by ``ServiceID/index``; a service the file does not list has zero visits.
    public var services: [ServiceDemand]
    /// Per tier (indexed by `Tier.allCases` order): share of served patients referred one level up.
    public var referralRates: [Double]
    /// The arrival profiles the services refer to (``ServiceDemand/arrivalProfile``).
    public var arrivalProfiles: [ArrivalProfile] = []

    /// Demand from its parts; `referralRates` has one rate per tier, in `Tier.allCases` order.
    public init(defaultEmergencyShare: Double, services: [ServiceDemand], referralRates: [Double]) {
        precondition(referralRates.count == Tier.allCases.count)
        self.defaultEmergencyShare = defaultEmergencyShare
        self.services = services
        self.referralRates = referralRates
    }

    /// No demand at all, for a catalogue of `serviceCount` services.
    static func none(serviceCount: Int) -> Demand {
        Demand(
            defaultEmergencyShare: 0,
            services: (0..<serviceCount).map { ServiceDemand(visitsPerPerson: 0, emergencyShare: 0, referredAs: ServiceID($0)) },
            referralRates: Array(repeating: 0, count: Tier.allCases.count)
        )
    }

    /// The share of patients served at a facility of `tier` who are referred one level up.
    public func referralRate(at tier: Tier) -> Double {
        referralRates[Tier.allCases.firstIndex(of: tier)!]
    }

    /// The demand for `service`.
    public subscript(service: ServiceID) -> ServiceDemand { services[service.index] }
}
