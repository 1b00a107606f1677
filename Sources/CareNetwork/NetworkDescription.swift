/// A network as its file describes it: string ids, not yet resolved or checked. The loader decodes a
/// file into one, a scenario may modify it, and ``CareNetwork/init(description:)`` validates it into a
/// ``CareNetwork``. Each element keeps the source position of its fields (`marks`), so a semantic
/// problem found later still points at the file; elements built in code have no marks.
public struct NetworkDescription: Sendable {
    public var schema: String
    public var name: LocalizedName?
    public var regions: [RegionDescription]
    public var provinces: [ProvinceDescription]
    /// Named service sets, by profile id.
    public var profiles: [String: ProfileDescription]
    public var facilities: [FacilityDescription]
    public var demand: DemandDescription?
    /// Where the document starts (for network-wide diagnostics).
    public var origin: SourceLocation

    public init(
        schema: String = NetworkLoader.schemaVersion, name: LocalizedName? = nil, regions: [RegionDescription] = [],
        provinces: [ProvinceDescription] = [], profiles: [String: ProfileDescription] = [:],
        facilities: [FacilityDescription] = [], demand: DemandDescription? = nil,
        origin: SourceLocation = SourceLocation(file: "<memory>", line: 1, column: 1)
    ) {
        self.schema = schema
        self.name = name
        self.regions = regions
        self.provinces = provinces
        self.profiles = profiles
        self.facilities = facilities
        self.demand = demand
        self.origin = origin
    }
}

/// Source positions of an element's fields, by key (`id`, `region`, `services.maternity`...), and of
/// the element itself (``SourceMarks/element``).
public struct SourceMarks: Sendable, Hashable {
    public var element: SourceLocation?
    public var fields: [String: SourceLocation]

    public init(element: SourceLocation? = nil, fields: [String: SourceLocation] = [:]) {
        self.element = element
        self.fields = fields
    }

    /// The position of `field`, else of the element, else `fallback`.
    public func location(of field: String, or fallback: SourceLocation) -> SourceLocation {
        fields[field] ?? element ?? fallback
    }
}

public struct RegionDescription: Sendable, Hashable {
    public var id: String
    public var name: LocalizedName
    public var code: String?
    public var population: Int?
    /// The CHU (facility id) this region refers to under P4 when it has none.
    public var chu: String?
    public var marks: SourceMarks

    public init(id: String, name: LocalizedName, code: String? = nil, population: Int? = nil, chu: String? = nil, marks: SourceMarks = SourceMarks()) {
        self.id = id
        self.name = name
        self.code = code
        self.population = population
        self.chu = chu
        self.marks = marks
    }
}

public struct ProvinceDescription: Sendable, Hashable {
    public var id: String
    public var region: String
    public var name: LocalizedName
    public var code: String?
    public var population: Int
    public var seat: GeoPoint?
    public var marks: SourceMarks

    public init(id: String, region: String, name: LocalizedName, code: String? = nil, population: Int, seat: GeoPoint? = nil, marks: SourceMarks = SourceMarks()) {
        self.id = id
        self.region = region
        self.name = name
        self.code = code
        self.population = population
        self.seat = seat
        self.marks = marks
    }
}

/// One service offer as written: the service id and its capacity.
public struct ServiceOfferDescription: Sendable, Hashable {
    public var service: String
    /// `servers` for a visit, `beds` for a stay.
    public var servers: Int
    public var time: ServiceTimeDistribution
    /// Whether the file gave `beds`/`stay` (a stay) rather than `servers`/`time` (a visit).
    public var givenAsStay: Bool
    public var covered: Bool
    public var marks: SourceMarks

    public init(service: String, servers: Int, time: ServiceTimeDistribution, givenAsStay: Bool, covered: Bool = true, marks: SourceMarks = SourceMarks()) {
        self.service = service
        self.servers = servers
        self.time = time
        self.givenAsStay = givenAsStay
        self.covered = covered
        self.marks = marks
    }
}

public struct ProfileDescription: Sendable, Hashable {
    public var id: String
    public var services: [ServiceOfferDescription]
    public var marks: SourceMarks

    public init(id: String, services: [ServiceOfferDescription], marks: SourceMarks = SourceMarks()) {
        self.id = id
        self.services = services
        self.marks = marks
    }
}

public struct FacilityDescription: Sendable, Hashable {
    public var id: String
    public var name: LocalizedName
    public var tier: Tier
    public var sector: Sector
    public var country: String
    public var region: String?
    public var province: String?
    public var location: GeoPoint
    public var catchment: Int?
    public var emergency: Bool
    public var profile: String?
    public var services: [ServiceOfferDescription]
    public var refersTo: String?
    public var synthesised: Bool
    public var source: String?
    public var marks: SourceMarks

    public init(
        id: String, name: LocalizedName, tier: Tier, sector: Sector = .public, country: String = "MA",
        region: String?, province: String?, location: GeoPoint, catchment: Int? = nil, emergency: Bool = false,
        profile: String? = nil, services: [ServiceOfferDescription] = [], refersTo: String? = nil,
        synthesised: Bool = false, source: String? = nil, marks: SourceMarks = SourceMarks()
    ) {
        self.id = id
        self.name = name
        self.tier = tier
        self.sector = sector
        self.country = country
        self.region = region
        self.province = province
        self.location = location
        self.catchment = catchment
        self.emergency = emergency
        self.profile = profile
        self.services = services
        self.refersTo = refersTo
        self.synthesised = synthesised
        self.source = source
        self.marks = marks
    }
}

public struct ServiceDemandDescription: Sendable, Hashable {
    public var service: String
    public var visitsPerPerson: Double
    public var emergencyShare: Double?
    public var referredAs: String?
    public var marks: SourceMarks

    public init(service: String, visitsPerPerson: Double, emergencyShare: Double? = nil, referredAs: String? = nil, marks: SourceMarks = SourceMarks()) {
        self.service = service
        self.visitsPerPerson = visitsPerPerson
        self.emergencyShare = emergencyShare
        self.referredAs = referredAs
        self.marks = marks
    }
}

public struct DemandDescription: Sendable, Hashable {
    public var emergencyShare: Double
    public var services: [ServiceDemandDescription]
    public var referralRates: [Tier: Double]
    public var marks: SourceMarks

    public init(emergencyShare: Double = 0, services: [ServiceDemandDescription] = [], referralRates: [Tier: Double] = [:], marks: SourceMarks = SourceMarks()) {
        self.emergencyShare = emergencyShare
        self.services = services
        self.referralRates = referralRates
        self.marks = marks
    }
}
