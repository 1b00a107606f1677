/// A region (جهة) of the network.
public struct Region: Hashable, Sendable {
    /// Dense id in the network.
    public let id: RegionID
    /// The kebab-case id from the network file.
    public let key: String
    /// Its name in French and Arabic.
    public let name: LocalizedName
    /// Official code, where the file gives one.
    public let code: String?
    /// Legal population, where the file gives one (otherwise see ``CareNetwork/population(of:)``).
    public let population: Int?
    /// The CHU this region refers to under P4 when it has none of its own (the file's `chu:`).
    public let chuReferral: FacilityID?
}

/// A province or prefecture of a region.
public struct Province: Hashable, Sendable {
    /// Dense id in the network.
    public let id: ProvinceID
    /// The kebab-case id from the network file.
    public let key: String
    /// The region it belongs to.
    public let region: RegionID
    /// Its name in French and Arabic.
    public let name: LocalizedName
    /// Official code, where the file gives one.
    public let code: String?
    /// 2024 population.
    public let population: Int
    /// The seat town, where the file gives it.
    public let seat: GeoPoint?
    /// The regional hospital its patients go to under P3 whatever their level-2 hospital (the file's
    /// `regional-hospital:`); nil where the chain's own applies.
    public let regionalHospital: FacilityID?
    /// The CHU its patients go to under P4 whatever their regional hospital (the file's `chu:`); nil
    /// where the chain's own applies.
    public let universityHospital: FacilityID?

    /// A province; `regionalHospital` and `universityHospital` are its P3 and P4 overrides, if any.
    public init(id: ProvinceID, key: String, region: RegionID, name: LocalizedName, code: String?, population: Int,
                seat: GeoPoint?, regionalHospital: FacilityID? = nil, universityHospital: FacilityID? = nil) {
        self.id = id
        self.key = key
        self.region = region
        self.name = name
        self.code = code
        self.population = population
        self.seat = seat
        self.regionalHospital = regionalHospital
        self.universityHospital = universityHospital
    }

    /// The same province with its P3 and P4 overrides.
    func withOverrides(regionalHospital: FacilityID?, universityHospital: FacilityID?) -> Province {
        Province(id: id, key: key, region: region, name: name, code: code, population: population, seat: seat,
                 regionalHospital: regionalHospital, universityHospital: universityHospital)
    }
}
