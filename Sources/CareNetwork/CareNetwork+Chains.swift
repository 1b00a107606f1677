extension CareNetwork {
    /// The next facility up the chain from `facility`: P2 from a health centre, P3 from a level-2
    /// hospital, P4 from a regional hospital; nil from a CHU or off the RAMED pathway.
    /// It is the file's `refers-to` where given, else the nearest rule (Docs/network-format.md).
    public func nextLevel(from facility: FacilityID) -> FacilityID? {
        let next = nextLevelIndex[facility.index]
        return next >= 0 ? FacilityID(Int(next)) : nil
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

    /// Checks the index invariants; run by tests and debug builds. Returns the violations found.
    public func invariantViolations() -> [String] {
        var problems: [String] = []
        for (index, facility) in facilities.enumerated() {
            if facility.id.index != index { problems.append("facility \(facility.key) has index \(facility.id.index) at \(index)") }
            if facilityByKey[facility.key] != facility.id { problems.append("key index of \(facility.key) is wrong") }
            if let next = nextLevel(from: facility.id) {
                let target = self[next]
                if target.tier.level != facility.tier.level + 1 {
                    problems.append("\(facility.key) refers to \(target.key), not one level up")
                }
                if !target.isOnRAMEDPathway { problems.append("\(facility.key) refers off the RAMED pathway to \(target.key)") }
            }
        }
        for (index, region) in regions.enumerated() where region.id.index != index {
            problems.append("region \(region.key) has index \(region.id.index) at \(index)")
        }
        for (index, province) in provinces.enumerated() where province.id.index != index {
            problems.append("province \(province.key) has index \(province.id.index) at \(index)")
        }
        return problems
    }
}
