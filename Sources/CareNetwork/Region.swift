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
}
