extension CareNetwork {
    /// The next facility up the chain from `facility`: P2 from a health centre, P3 from a level-2
    /// hospital, P4 from a regional hospital; nil from a CHU or off the RAMED pathway.
    /// It is the file's `refers-to` where given, else the nearest rule (Docs/network-format.md).
    public func nextLevel(from facility: FacilityID) -> FacilityID? {
        let next = nextLevelIndex[facility.index]
        return next >= 0 ? FacilityID(Int(next)) : nil
    }

    /// The next facility up the chain from `facility` for a patient of `healthCentre`: P3 is the
    /// regional hospital and P4 the CHU the centre's province names (`regional-hospital:`, `chu:`)
    /// where it names one, else ``nextLevel(from:)``.
    public func nextLevel(from facility: FacilityID, forPatientOf healthCentre: FacilityID) -> FacilityID? {
        nextLevel(from: facility, forPatientsOf: self[healthCentre].province)
    }

    /// The next facility up the chain from `facility` for the patients of `province` (its
    /// `regional-hospital:` at P3 and `chu:` at P4 where it names them); ``nextLevel(from:)`` for nil.
    public func nextLevel(from facility: FacilityID, forPatientsOf province: ProvinceID?) -> FacilityID? {
        if let province = province.map({ provinces[$0.index] }), self[facility].isOnRAMEDPathway {
            switch self[facility].tier.level {
            case 2: if let regional = province.regionalHospital { return regional }
            case 3: if let chu = province.universityHospital { return chu }
            default: break
            }
        }
        return nextLevel(from: facility)
    }

    /// A public health centre's precomputed chain (P2, P3, P4 with distances); nil for any other facility.
    public func chain(of healthCentre: FacilityID) -> ReferralChain? { chainsByFacility[healthCentre.index] }

    /// The regional hospital's (or any facility's) CHU, following the chain up to level 4.
    public func universityHospital(above facility: FacilityID) -> FacilityID? {
        var current = facility
        while self[current].tier != .universityHospital {
            guard let next = nextLevel(from: current) else { return nil }
            current = next
        }
        return current
    }
}
