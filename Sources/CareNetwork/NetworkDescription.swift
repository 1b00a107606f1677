/// A network as its file describes it: string ids, not yet resolved or checked. The loader decodes a
/// file into one, a scenario may modify it, and ``CareNetwork/init(description:)`` validates it into a
/// ``CareNetwork``. Each element keeps the source position of its fields (`marks`), so a semantic
/// problem found later still points at the file; elements built in code have no marks.
public struct NetworkDescription: Sendable {
    /// The file's `schema:` (``NetworkLoader/schemaVersion``).
    public var schema: String
    /// The file's `name:`, where it has one.
    public var name: LocalizedName?
    /// The `regions:` list.
    public var regions: [RegionDescription]
    /// The `provinces:` list.
    public var provinces: [ProvinceDescription]
    /// Named service sets, by profile id.
    public var profiles: [String: ProfileDescription]
    /// The `facilities:` list.
    public var facilities: [FacilityDescription]
    /// The `demand:` section, where the file has one.
    public var demand: DemandDescription?
    /// The `calendar:` section (closed dates, overtime, named timetables), where the file has one.
    public var calendar: CalendarDescription?
    /// Where the document starts (for network-wide diagnostics).
    public var origin: SourceLocation

    /// A description from its parts; by default an empty network at `<memory>`.
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
package struct SourceMarks: Sendable, Hashable {
    package var element: SourceLocation?
    package var fields: [String: SourceLocation]

    package init(element: SourceLocation? = nil, fields: [String: SourceLocation] = [:]) {
        self.element = element
        self.fields = fields
    }

    /// The position of `field`, else of the element, else `fallback`.
    package func location(of field: String, or fallback: SourceLocation) -> SourceLocation {
        fields[field] ?? element ?? fallback
    }
}

/// A description element that keeps the source positions of its fields.
package protocol SourceMarked {
    var marks: SourceMarks { get set }
}

extension SourceMarked {
    /// The element with `marks` as the source positions of its fields.
    package func marked(_ marks: SourceMarks) -> Self {
        var marked = self
        marked.marks = marks
        return marked
    }
}

extension RegionDescription: SourceMarked {}
extension ProvinceDescription: SourceMarked {}
extension ServiceOfferDescription: SourceMarked {}
extension ProfileDescription: SourceMarked {}
extension FacilityDescription: SourceMarked {}
extension ServiceDemandDescription: SourceMarked {}
extension DemandDescription: SourceMarked {}

/// One `regions:` entry as written (Docs/network-format.md, `regions`).
public struct RegionDescription: Sendable, Hashable {
    /// The region's id.
    public var id: String
    /// Its `{fr, ar}` name.
    public var name: LocalizedName
    /// Its official code.
    public var code: String?
    /// Its legal population, where given.
    public var population: Int?
    /// The CHU (facility id) this region refers to under P4 when it has none.
    public var chu: String?
    /// Where each field is in the source file (nothing for an element built in code).
    package var marks = SourceMarks()

    /// A region entry, as a file would give it.
    public init(id: String, name: LocalizedName, code: String? = nil, population: Int? = nil, chu: String? = nil) {
        self.id = id
        self.name = name
        self.code = code
        self.population = population
        self.chu = chu
    }
}

/// One `provinces:` entry as written (Docs/network-format.md, `provinces`).
public struct ProvinceDescription: Sendable, Hashable {
    /// The province's id.
    public var id: String
    /// The id of its region.
    public var region: String
    /// Its `{fr, ar}` name.
    public var name: LocalizedName
    /// Its official code.
    public var code: String?
    /// Its population.
    public var population: Int
    /// Its seat town's location.
    public var seat: GeoPoint?
    /// The id of the regional hospital its patients go to under P3 (`regional-hospital:`), where it is
    /// not the one their level-2 hospital's chain gives.
    public var regionalHospital: String?
    /// The id of the CHU its patients go to under P4 (`chu:`), where it is not the one their regional
    /// hospital's chain gives.
    public var chu: String?
    /// Where each field is in the source file (nothing for an element built in code).
    package var marks = SourceMarks()

    /// A province entry, as a file would give it.
    public init(id: String, region: String, name: LocalizedName, code: String? = nil, population: Int, seat: GeoPoint? = nil,
                regionalHospital: String? = nil, chu: String? = nil) {
        self.id = id
        self.region = region
        self.name = name
        self.code = code
        self.population = population
        self.seat = seat
        self.regionalHospital = regionalHospital
        self.chu = chu
    }
}

/// One service offer as written: the service id and its capacity.
public struct ServiceOfferDescription: Sendable, Hashable {
    /// The service id.
    public var service: String
    /// `servers` for a visit, `beds` for a stay.
    public var servers: Int
    /// Service time (minutes) for a visit, length of stay (days) for a stay.
    public var time: ServiceTimeDistribution
    /// Whether the file gave `beds`/`stay` (a stay) rather than `servers`/`time` (a visit).
    public var givenAsStay: Bool
    /// Whether it is offered as covered (`covered:`, default true).
    public var covered: Bool
    /// Its `hours:`; nil when the entry gives none (the facility's, else always open).
    public var hours: HoursDescription?
    /// Where each field is in the source file (nothing for an element built in code).
    package var marks = SourceMarks()

    /// An offer, as a file would give it.
    public init(service: String, servers: Int, time: ServiceTimeDistribution, givenAsStay: Bool, covered: Bool = true, hours: HoursDescription? = nil) {
        self.hours = hours
        self.service = service
        self.servers = servers
        self.time = time
        self.givenAsStay = givenAsStay
        self.covered = covered
    }
}

/// One `profiles:` entry: a named set of service offers.
public struct ProfileDescription: Sendable, Hashable {
    /// The profile's id.
    public var id: String
    /// Its offers.
    public var services: [ServiceOfferDescription]
    /// Where each field is in the source file (nothing for an element built in code).
    package var marks = SourceMarks()

    /// A profile with its offers.
    public init(id: String, services: [ServiceOfferDescription]) {
        self.id = id
        self.services = services
    }
}

/// One `facilities:` entry as written (Docs/network-format.md, `facilities`); a scenario's `open:` entries too.
public struct FacilityDescription: Sendable, Hashable {
    /// The facility's id.
    public var id: String
    /// Its `{fr, ar}` name.
    public var name: LocalizedName
    /// Its tier.
    public var tier: Tier
    /// Public (the default) or private.
    public var sector: Sector
    /// ISO 3166 alpha-2 code, `MA` by default.
    public var country: String
    /// The id of its region (none abroad).
    public var region: String?
    /// The id of its province (none abroad).
    public var province: String?
    /// Where it is.
    public var location: GeoPoint
    /// The population whose card names it (health centres).
    public var catchment: Int?
    /// Whether it has an emergency service (P0).
    public var emergency: Bool
    /// The id of the profile whose services it offers.
    public var profile: String?
    /// Its own offers, added to or replacing the profile's.
    public var services: [ServiceOfferDescription]
    /// Its explicit referral target (`refers-to:`).
    public var refersTo: String?
    /// Its `hours:`: the timetable of its services that give none of their own.
    public var hours: HoursDescription?
    /// Whether it was generated rather than taken from a public list.
    public var synthesised: Bool
    /// Where its facts come from.
    public var source: String?
    /// Where each field is in the source file (nothing for an element built in code).
    package var marks = SourceMarks()

    /// A facility entry, as a file would give it.
    public init(
        id: String, name: LocalizedName, tier: Tier, sector: Sector = .public, country: String = "MA",
        region: String?, province: String?, location: GeoPoint, catchment: Int? = nil, emergency: Bool = false,
        profile: String? = nil, services: [ServiceOfferDescription] = [], refersTo: String? = nil,
        synthesised: Bool = false, source: String? = nil
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
    }
}

extension FacilityDescription {
    /// The entry with `hours` as its `hours:`.
    package func with(hours: HoursDescription?) -> FacilityDescription {
        var copy = self
        copy.hours = hours
        return copy
    }
}

/// One `demand.services` entry as written.
public struct ServiceDemandDescription: Sendable, Hashable {
    /// The service id.
    public var service: String
    /// Annual visits per person of a catchment.
    public var visitsPerPerson: Double
    /// Its own emergency share, overriding the default.
    public var emergencyShare: Double?
    /// The service a patient referred upward needs at the next level.
    public var referredAs: String?
    /// Its `arrival-profile:`, overriding the section's default.
    public var arrivalProfile: String?
    /// Where each field is in the source file (nothing for an element built in code).
    package var marks = SourceMarks()

    /// A service's demand, as a file would give it.
    public init(service: String, visitsPerPerson: Double, emergencyShare: Double? = nil, referredAs: String? = nil) {
        self.service = service
        self.visitsPerPerson = visitsPerPerson
        self.emergencyShare = emergencyShare
        self.referredAs = referredAs
    }
}

/// The `demand:` section as written (Docs/network-format.md, `demand`).
public struct DemandDescription: Sendable, Hashable {
    /// The default emergency share.
    public var emergencyShare: Double
    /// Per-service demand.
    public var services: [ServiceDemandDescription]
    /// Per tier: the share of patients served there who are referred one level up.
    public var referralRates: [Tier: Double]
    /// The `arrival-profiles:`, in file order.
    public var arrivalProfiles: [ArrivalProfile] = []
    /// The default `arrival-profile:` of services that give none (nil: constant rates).
    public var arrivalProfile: String?
    /// The `emergency-arrival-profile:` of every service's emergencies (nil: the service's own).
    public var emergencyArrivalProfile: String?
    /// Profiles the file defines but that could not be read (already reported): naming one is not
    /// reported again.
    package var rejectedArrivalProfiles: Set<String> = []
    /// Where each field is in the source file (nothing for an element built in code).
    package var marks = SourceMarks()

    /// A demand section, as a file would give it.
    public init(emergencyShare: Double = 0, services: [ServiceDemandDescription] = [], referralRates: [Tier: Double] = [:]) {
        self.emergencyShare = emergencyShare
        self.services = services
        self.referralRates = referralRates
    }
}
