extension CareNetwork {
    /// The facility with this dense id.
    public subscript(id: FacilityID) -> Facility { facilities[id.index] }
    /// The region with this dense id.
    public subscript(id: RegionID) -> Region { regions[id.index] }
    /// The province with this dense id.
    public subscript(id: ProvinceID) -> Province { provinces[id.index] }

    /// The facility whose file id is `key`, or nil.
    public func facility(key: String) -> Facility? { facilityByKey[key].map { facilities[$0.index] } }
    /// The dense id of the facility whose file id is `key`, or nil.
    public func facilityID(key: String) -> FacilityID? { facilityByKey[key] }
    /// The region whose file id is `key`, or nil.
    public func region(key: String) -> Region? { regionByKey[key].map { regions[$0.index] } }
    /// The province whose file id is `key`, or nil.
    public func province(key: String) -> Province? { provinceByKey[key].map { provinces[$0.index] } }

    /// Every facility of a region, sorted by id.
    public func facilities(in region: RegionID) -> [FacilityID] { facilitiesByRegion[region.index] }

    /// Every file id of the facilities, sorted (for did-you-mean hints).
    public var facilityKeys: [String] { facilityByKey.keys.sorted() }

    /// The public health centres in Morocco: the entry points of the chain (P1), in id order.
    public var healthCentres: [FacilityID] {
        facilities.lazy.filter { $0.tier == .healthCentre && $0.isOnRAMEDPathway }.map(\.id)
    }

    /// The public hospitals in Morocco with an emergency service: the targets of P0, in id order.
    public var emergencyHospitals: [FacilityID] {
        facilities.lazy.filter { $0.tier.isHospital && $0.hasEmergency && $0.isOnRAMEDPathway }.map(\.id)
    }

    /// The public facilities in Morocco of a region at a given level, in id order.
    public func publicFacilities(in region: RegionID, level: Int) -> [FacilityID] {
        facilitiesByRegion[region.index].filter {
            let facility = facilities[$0.index]
            return facility.tier.level == level && facility.isOnRAMEDPathway
        }
    }

    /// The total population: the provinces' populations added up.
    public var population: Int { provinces.reduce(0) { $0 + $1.population } }

    /// A region's population: its own figure where the file gives one, else its provinces' sum.
    public func population(of region: RegionID) -> Int {
        regions[region.index].population
            ?? provinces.lazy.filter { $0.region == region }.reduce(0) { $0 + $1.population }
    }

    /// Great-circle distance between two facilities, in kilometres.
    public func distanceKm(_ a: FacilityID, _ b: FacilityID) -> Double {
        facilities[a.index].location.distanceKm(to: facilities[b.index].location)
    }
}
