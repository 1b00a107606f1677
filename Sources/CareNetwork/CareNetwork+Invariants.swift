extension CareNetwork {
    /// Checks the index invariants (dense ids in place, the key index, every next level exactly one
    /// level up and on the RAMED pathway, a precomputed chain for exactly the public health centres in
    /// Morocco, capacities, times, catchments and the day's arrivals within ``NetworkRanges``) and returns the violations found; empty for every network the loader builds. Debug builds check it as each network is built (``checkInvariants()``).
    package func invariantViolations() -> [String] {
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
        if chainsByFacility.count != facilities.count { problems.append("\(chainsByFacility.count) chains for \(facilities.count) facilities") }
        for (facility, chain) in zip(facilities, chainsByFacility) {
            let isEntry = facility.tier == .healthCentre && facility.isOnRAMEDPathway
            if isEntry != (chain != nil) { problems.append("\(facility.key) \(isEntry ? "has no" : "has a") precomputed chain") }
            if let chain, chain.healthCentre != facility.id || chain.p2 != nextLevel(from: facility.id) {
                problems.append("the chain of \(facility.key) does not start with its next level")
            }
        }
        // Validation bounds what the engine runs (NetworkRanges): every network the validator builds is within them.
        for facility in facilities {
            for capacity in facility.services {
                let range = capacity.unit == .days ? NetworkRanges.beds : NetworkRanges.servers
                if !range.contains(capacity.servers) { problems.append("\(facility.key) has \(capacity.servers) servers or beds") }
                if !NetworkRanges.problems(capacity.time, unit: capacity.unit, what: "time").isEmpty {
                    problems.append("\(facility.key)'s service time \(capacity.time) is out of range")
                }
            }
            if facility.catchment != 0, !NetworkRanges.catchment.contains(facility.catchment) {
                problems.append("\(facility.key) has catchment \(facility.catchment)")
            }
        }
        if !NetworkRanges.dailyArrivals.contains(dailyArrivals()) { problems.append("the demand comes to \(dailyArrivals()) arrivals a day") }
        for (index, region) in regions.enumerated() where region.id.index != index {
            problems.append("region \(region.key) has index \(region.id.index) at \(index)")
        }
        for (index, province) in provinces.enumerated() where province.id.index != index {
            problems.append("province \(province.key) has index \(province.id.index) at \(index)")
        }
        return problems
    }

    #if DEBUG
    /// Stops a debug build when an index invariant is broken (``invariantViolations()``); a release
    /// build checks nothing.
    @inline(never)
    func checkInvariants() {
        let problems = invariantViolations()
        assert(problems.isEmpty, "CareNetwork invariants broken: " + problems.joined(separator: "; "))
    }
    #else
    @inline(__always)
    func checkInvariants() {}
    #endif
}
