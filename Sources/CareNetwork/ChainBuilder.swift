/// Derives each facility's next level up the chain (Docs/network-format.md, "The referral chain a
/// network implies"): `refers-to` where given, else the nearest public facility one level up in the
/// region (P2, P3), else for P4 the region's own CHU or its `chu:`.
struct ChainBuilder {
    let facilities: [Facility]
    let regions: [Region]

    func nextLevels() -> [Int32] {
        // Candidates per (region, level), public and in Morocco, in id order.
        var candidates = Array(repeating: Array(repeating: [Int](), count: 5), count: regions.count)
        for facility in facilities where facility.isOnRAMEDPathway {
            guard let region = facility.region else { continue }
            candidates[region.index][facility.tier.level].append(facility.id.index)
        }
        return facilities.map { facility -> Int32 in
            if let explicit = facility.explicitReferral { return Int32(explicit.index) }
            guard facility.isOnRAMEDPathway, let region = facility.region, facility.tier.level < 4 else { return -1 }
            let level = facility.tier.level + 1
            if let nearest = nearest(to: facility, among: candidates[region.index][level]) { return Int32(nearest) }
            // P4: a region without a CHU of its own refers to the CHU named by its `chu:`.
            if level == 4, let chu = regions[region.index].chuReferral { return Int32(chu.index) }
            return -1
        }
    }

    /// The nearest candidate by great-circle distance; ties go to the lowest id, so the result is stable.
    private func nearest(to facility: Facility, among candidates: [Int]) -> Int? {
        var best: (index: Int, km: Double)?
        for candidate in candidates {
            let km = facility.location.distanceKm(to: facilities[candidate].location)
            if best == nil || km < best!.km { best = (candidate, km) }
        }
        return best?.index
    }
}
