/// A loaded, validated facility network: immutable, indexed by dense integer ids, with each facility's
/// next level up the referral chain (P2-P4) and each health centre's whole chain precomputed.
///
/// Build one with ``NetworkLoader`` (from a file) or ``CareNetwork/init(description:)`` (from a
/// ``NetworkDescription`` built in code or modified by a scenario). Everything downstream (the router,
/// the simulation, the diagrams) reads this value and may assume it is valid.
public struct CareNetwork: Sendable {
    /// The network's name, where the file gives one.
    public let name: LocalizedName?
    /// The service catalogue the network's service ids come from.
    public let catalog: ServiceCatalog
    /// Regions, indexed by ``RegionID/index``.
    public let regions: [Region]
    /// Provinces, indexed by ``ProvinceID/index``.
    public let provinces: [Province]
    /// Facilities, indexed by ``FacilityID/index``.
    public let facilities: [Facility]
    /// The demand section (zero demand when the file has none).
    public let demand: Demand
    /// Closed dates and overtime (the file's `calendar:`; none when it has none).
    public let calendar: NetworkCalendar

    /// Per facility: the next facility up the chain (P2 from a health centre, P3 from level 2, P4 from a
    /// regional hospital), or -1 (CHUs, private and foreign facilities).
    let nextLevelIndex: [Int32]
    /// Per facility: the health centre's chain; nil for other tiers and for private or foreign centres.
    let chainsByFacility: [ReferralChain?]
    let facilityByKey: [String: FacilityID]
    let regionByKey: [String: RegionID]
    let provinceByKey: [String: ProvinceID]
    /// Per region: its facilities, sorted by id.
    let facilitiesByRegion: [[FacilityID]]

    init(
        name: LocalizedName?, catalog: ServiceCatalog, regions: [Region], provinces: [Province],
        facilities: [Facility], demand: Demand, nextLevel: [Int32], calendar: NetworkCalendar = NetworkCalendar()
    ) {
        self.calendar = calendar
        self.name = name
        self.catalog = catalog
        self.regions = regions
        self.provinces = provinces
        self.facilities = facilities
        self.demand = demand
        self.nextLevelIndex = nextLevel
        var facilityByKey: [String: FacilityID] = [:]
        var byRegion = Array(repeating: [FacilityID](), count: regions.count)
        for facility in facilities {
            facilityByKey[facility.key] = facility.id
            if let region = facility.region { byRegion[region.index].append(facility.id) }
        }
        self.facilityByKey = facilityByKey
        self.facilitiesByRegion = byRegion
        self.regionByKey = Dictionary(uniqueKeysWithValues: regions.map { ($0.key, $0.id) })
        self.provinceByKey = Dictionary(uniqueKeysWithValues: provinces.map { ($0.key, $0.id) })
        self.chainsByFacility = facilities.map { facility in
            guard facility.tier == .healthCentre, facility.isOnRAMEDPathway else { return nil }
            return CareNetwork.chain(from: facility, facilities: facilities, provinces: provinces, nextLevel: nextLevel)
        }
        checkInvariants()
    }

    /// A health centre's chain: its next level (P2), that hospital's regional hospital (P3) and its CHU
    /// (P4), where the centre's province names its own P3 or P4 target (`regional-hospital:`, `chu:`)
    /// that one instead.
    static func chain(from centre: Facility, facilities: [Facility], provinces: [Province], nextLevel: [Int32]) -> ReferralChain {
        func next(_ id: FacilityID?) -> FacilityID? {
            guard let id, nextLevel[id.index] >= 0 else { return nil }
            return FacilityID(Int(nextLevel[id.index]))
        }
        func km(_ a: FacilityID?, _ b: FacilityID?) -> Double {
            guard let a, let b else { return 0 }
            return facilities[a.index].location.distanceKm(to: facilities[b.index].location)
        }
        let province = centre.province.flatMap { provinces.indices.contains($0.index) ? provinces[$0.index] : nil }
        let p2 = next(centre.id)
        let p3 = p2 == nil ? nil : province?.regionalHospital ?? next(p2)
        let p4 = p3 == nil ? nil : province?.universityHospital ?? next(p3)
        return ReferralChain(
            healthCentre: centre.id, p2: p2, p3: p3, p4: p4,
            hopKm: (km(centre.id, p2), km(p2, p3), km(p3, p4))
        )
    }
}
