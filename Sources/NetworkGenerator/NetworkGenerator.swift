import CareNetwork
import Foundation

/// Builds `Networks/morocco.yaml` from the public tables of `Networks/source/`: regions, provinces,
/// the named hospitals, synthesised provincial hospitals and health centres, the explicit referrals
/// around specialised hospitals, and the capacity check that raises every station past the target
/// utilisation (with the real router and simulation model, ``CapacityCheck``).
public struct NetworkGenerator {
    public var tables: SourceTables
    public var parameters: SynthesisParameters

    /// Figures of one generation, for the header and for checks.
    public struct Report: Sendable {
        public var urbanCentres = 0
        public var ruralCentres = 0
        public var ruralPerCommune = 0
        public var urbanInhabitants = 0
        public var population = 0
        public var explicitReferrals = 0
        public var beds = 0
        public var highestUtilisation = 0.0
        /// The highest utilisation over open hours left in any station's busiest month.
        public var highestInBusiestMonth = 0.0
        public var raisedCapacities = 0
    }

    public init(tables: SourceTables, parameters: SynthesisParameters = SynthesisParameters()) {
        self.tables = tables
        self.parameters = parameters
    }

    /// Reads the tables of `directory` and generates.
    public static func generate(sourceDirectory: String) throws(GeneratorError) -> (yaml: String, report: Report) {
        try NetworkGenerator(tables: SourceTables(directory: sourceDirectory)).generate()
    }

    /// The network file and the figures of its generation.
    public func generate() throws(GeneratorError) -> (yaml: String, report: Report) {
        var report = Report()
        var plans = try Synthesis.plans(tables)
        for province in tables.provinceChains.keys.sorted() where !plans.contains(where: { $0.id == province }) {
            throw .source("province-chains.csv", "no province '\(province)' in provinces-population.csv")
        }
        report.ruralPerCommune = Synthesis.ruralPerCommune(plans, share: parameters.urbanShare, floor: parameters.urbanFloor)
        for i in plans.indices {
            plans[i].urban = Synthesis.urbanPart(plans[i], perCommune: report.ruralPerCommune, floor: parameters.urbanFloor)
            plans[i].rural = plans[i].row.population - plans[i].urban
            plans[i].urbanCentres = max(1, Text.roundEven(Double(plans[i].urban) / parameters.inhabitantsPerUrbanCentre))
        }
        report.population = plans.reduce(0) { $0 + $1.row.population }
        report.urbanInhabitants = plans.reduce(0) { $0 + $1.urban }

        var hospitals = try namedHospitals()
        let provincial = provincialHospitals(plans, named: hospitals)
        hospitals.removeAll { $0.tier == "provincial-hospital" }
        let firstLocal = hospitals.firstIndex { $0.tier == "local-hospital" || $0.tier == "specialised-hospital" } ?? hospitals.endIndex
        hospitals.insert(contentsOf: provincial, at: firstLocal)

        var (centres, sections) = healthCentres(plans, taken: Set(hospitals.map(\.id)))
        report.urbanCentres = centres.filter { $0.profile == "urban-health-centre" }.count
        report.ruralCentres = centres.count - report.urbanCentres
        Self.separateDuplicates(&centres, after: hospitals, amplitude: parameters.jitter)
        report.explicitReferrals = Self.assignReferrals(&centres, hospitals: hospitals)

        // Stay capacities scaled to the beds the facts give: a named hospital's own count, and for the
        // others of a region (or group of regions) the region's public beds of 2021 less the named
        // hospitals', shared in proportion to their profiles' beds.
        let profiles = try Profiles(template: tables.template)
        for i in hospitals.indices {
            guard let beds = hospitals[i].scaledBeds else { continue }
            hospitals[i].services = profiles.scaledStays(profile: hospitals[i].profile, toBeds: beds)
        }
        Self.scaleToRegionalBeds(&hospitals, groups: tables.bedGroups, profiles: profiles)

        // The capacity check runs on the network as it would be written without it.
        let draft = try render(hospitals: hospitals, centres: centres, sections: sections, profiles: profiles, report: report)
        let check = try CapacityCheck(yaml: draft, visitCeiling: parameters.visitCeiling, stayCeiling: parameters.stayCeiling,
                                      busiestMonthCeiling: parameters.busiestMonthCeiling,
                                      countsConsultationPassThrough: parameters.countsConsultationPassThrough)
        let raised = check.raise(hospitals + centres, profiles: profiles)
        hospitals = Array(raised.facilities.prefix(hospitals.count))
        centres = Array(raised.facilities.dropFirst(hospitals.count))
        report.raisedCapacities = raised.count
        report.highestUtilisation = raised.highestUtilisation
        report.highestInBusiestMonth = raised.highestInBusiestMonth
        report.beds = raised.beds
        let yaml = try render(hospitals: hospitals, centres: centres, sections: sections, profiles: profiles, report: report)
        return (yaml, report)
    }

    // MARK: - Hospitals

    /// Scales the stays of the hospitals without a bed count of their own so that, with the named
    /// hospitals' beds, each group of regions holds its public beds of 2021: every stay of every such
    /// hospital of the group by one factor (at least one bed each).
    static func scaleToRegionalBeds(_ hospitals: inout [GeneratedFacility], groups: [(regions: [String], beds: Int)], profiles: Profiles) {
        func beds(_ h: GeneratedFacility) -> Int {
            (profiles.entries[h.profile] ?? []).filter(\.isStay).reduce(0) { $0 + (h.services[$1.service] ?? $1.capacity) }
        }
        for group in groups {
            let members = hospitals.indices.filter { group.regions.contains(hospitals[$0].region) }
            let named = members.filter { hospitals[$0].scaledBeds != nil }.reduce(0) { $0 + beds(hospitals[$1]) }
            let others = members.filter { hospitals[$0].scaledBeds == nil }
            let defaults = others.reduce(0) { $0 + beds(hospitals[$1]) }
            guard defaults > 0, group.beds > named else { continue }
            let factor = Double(group.beds - named) / Double(defaults)
            for i in others {
                for stay in (profiles.entries[hospitals[i].profile] ?? []).filter(\.isStay) {
                    let scaled = max(1, Text.roundEven(Double(hospitals[i].services[stay.service] ?? stay.capacity) * factor))
                    if scaled != stay.capacity { hospitals[i].services[stay.service] = scaled } else { hospitals[i].services[stay.service] = nil }
                }
            }
        }
    }

    func namedHospitals() throws(GeneratorError) -> [GeneratedFacility] {
        tables.hospitals.map { row in
            GeneratedFacility(id: row.id, nameFr: row.nameFr, nameAr: row.nameAr, tier: row.tier, region: row.region,
                              province: row.province, lat: row.lat, lon: row.lon, profile: row.profile,
                              emergency: row.emergency,
                              source: row.source + (row.beds.map { "; stay capacities scaled to its \($0) beds" } ?? ""),
                              scaledBeds: row.beds)
        }
    }

    /// One provincial hospital per province, in province order: the named one where hospitals.csv has
    /// one, none where province-chains.csv says `synthesised_hospital: no`, else synthesised at the seat point plus the first of `hospitalOffsets` no named hospital
    /// already occupies; then the extra prefectoral hospitals of the largest prefectures, chosen
    /// farthest-point first from the province's hospitals.
    func provincialHospitals(_ plans: [ProvincePlan], named: [GeneratedFacility]) -> [GeneratedFacility] {
        var out: [GeneratedFacility] = []
        var extras: [GeneratedFacility] = []
        func key(_ lat: Double, _ lon: Double) -> String { Text.coordinate(lat) + "," + Text.coordinate(lon) }
        let occupied = Set(named.map { key($0.lat, $0.lon) })
        for plan in plans {
            let hospital: GeneratedFacility
            if let existing = named.first(where: { $0.province == plan.id && $0.tier == "provincial-hospital" }) {
                hospital = existing
            } else if tables.provinceChains[plan.id]?.synthesisedHospital == false {
                continue   // province-chains.csv: the facts give its region fewer hospitals than provinces
            } else {
                let kind = plan.row.isPrefecture ? "préfectoral" : "provincial"
                let town = plan.seat.town
                let article = town.first.map { "AEIOUÉÈÊÂÎÔaeiou".contains($0) } == true ? "d'" : "de "
                let offset = parameters.hospitalOffsets.first { !occupied.contains(key(plan.seat.lat + $0.lat, plan.seat.lon + $0.lon)) }
                    ?? parameters.hospitalOffsets[0]
                hospital = GeneratedFacility(
                    id: "chp-" + Text.slug(town), nameFr: "Centre hospitalier \(kind) \(article)\(town)",
                    nameAr: "المستشفى الإقليمي " + Text.arabicIn(plan.seatCommune?.nameAr ?? plan.row.nameAr), tier: "provincial-hospital",
                    region: plan.regionID, province: plan.id,
                    lat: plan.seat.lat + offset.lat, lon: plan.seat.lon + offset.lon,
                    profile: "provincial-hospital", emergency: true, synthesised: true)
            }
            out.append(hospital)
            guard plan.row.isPrefecture, plan.row.population > parameters.extraHospitalThreshold else { continue }
            let count = Text.roundEven(Double(plan.row.population) / parameters.inhabitantsPerPrefecturalHospital) - 1
            guard count > 0 else { continue }
            let seat = GeoPoint(latitude: plan.seat.lat, longitude: plan.seat.lon)
            var candidates = plan.urbanCommunes.filter { !Synthesis.isCentreTown($0) }.map { commune in
                (commune, GeoPoint(latitude: commune.lat - parameters.latitudeCorrection, longitude: commune.lon))
            }.filter { $0.1.distanceKm(to: seat) <= parameters.extraHospitalRadiusKm }
            var chosen = named.filter { $0.province == plan.id && $0.tier != "provincial-hospital" }.map(\.point) + [hospital.point]
            var picked: [(SourceTables.CommuneRow, GeoPoint)] = []
            for _ in 0..<count where !candidates.isEmpty {
                var best = 0
                var bestDistance = -1.0
                for (i, candidate) in candidates.enumerated() {
                    let d = chosen.map { $0.distanceKm(to: candidate.1) }.min() ?? 0
                    if d > bestDistance { bestDistance = d; best = i }
                }
                picked.append(candidates[best])
                chosen.append(candidates[best].1)
                candidates.remove(at: best)
            }
            for (commune, point) in picked {
                extras.append(GeneratedFacility(
                    id: "chp-" + Text.slug(commune.nameFr),
                    nameFr: "Centre hospitalier préfectoral \(commune.nameFr) (\(plan.seat.town))",
                    nameAr: "المستشفى الإقليمي " + Text.arabicIn(commune.nameAr), tier: "provincial-hospital",
                    region: plan.regionID, province: plan.id,
                    lat: point.latitude + parameters.extraHospitalOffset.lat, lon: point.longitude + parameters.extraHospitalOffset.lon,
                    profile: "provincial-hospital", emergency: true, synthesised: true))
            }
        }
        return out + extras
    }

    // MARK: - Health centres

    /// The synthesised health centres, province by province, and each province's comment line.
    func healthCentres(_ plans: [ProvincePlan], taken: Set<String>) -> ([GeneratedFacility], [(index: Int, comment: String)]) {
        var centres: [GeneratedFacility] = []
        var sections: [(Int, String)] = []
        var used = taken
        func uniqueID(_ base: String, province: String) -> String {
            var id = base
            if used.contains(id) { id = base + "-" + province }
            used.insert(id)
            return id
        }
        let corr = parameters.latitudeCorrection
        for plan in plans {
            sections.append((centres.count, "  # \(plan.regionNameFr) / \(plan.row.nameFr): \(plan.row.population) inhabitants = \(plan.urban) urban (\(plan.urbanCentres) CSU) + \(plan.rural) rural (\(plan.ruralCommunes.count) CSR)"))
            // Towns of the urban centres: (name fr, name ar, point, count).
            var towns: [(String, String, Double, Double, Int)] = []
            let n = plan.urbanCentres
            if plan.row.isPrefecture {
                let k = plan.urbanCommunes.count
                for (j, commune) in plan.urbanCommunes.enumerated() {
                    let count = n / k + (j < n % k ? 1 : 0)
                    if count > 0 { towns.append((Synthesis.townName(commune.nameFr), commune.nameAr, commune.lat - corr, commune.lon, count)) }
                }
            } else {
                // One at each '(Centre)' town while there are fewer of them than centres, else half of
                // the centres at the first towns; the rest in the seat town.
                let atTowns = plan.centreTowns.count < n ? plan.centreTowns.count : n / 2
                towns.append((plan.seat.town, plan.seatCommune?.nameAr ?? plan.row.nameAr, plan.seat.lat, plan.seat.lon, n - atTowns))
                for commune in plan.centreTowns.prefix(atTowns) {
                    towns.append((Synthesis.townName(commune.nameFr), commune.nameAr, commune.lat - corr, commune.lon, 1))
                }
            }
            var index = 0
            for (fr, ar, lat, lon, count) in towns {
                for k in 0..<count {
                    let number = count > 1 ? " \(k + 1)" : ""
                    let id = uniqueID("csu-" + Text.slug(fr) + (count > 1 ? "-\(k + 1)" : ""), province: plan.id)
                    let r = parameters.spiralRadius * Double(k).squareRoot()
                    let angle = Double(k) * parameters.spiralAngle
                    let j = Synthesis.jitter(id, amplitude: parameters.jitter)
                    centres.append(GeneratedFacility(
                        id: id, nameFr: "CSU \(fr)\(number)", nameAr: "المركز الصحي الحضري \(Text.collapsed(ar))\(number)", tier: "health-centre",
                        region: plan.regionID, province: plan.id,
                        lat: lat + r * sin(angle) + j.lat, lon: lon + r * cos(angle) + j.lon,
                        catchment: plan.urban / n + (index < plan.urban % n ? 1 : 0), profile: "urban-health-centre", synthesised: true))
                    index += 1
                }
            }
            let nr = plan.ruralCommunes.count
            for (j, commune) in plan.ruralCommunes.enumerated() {
                let id = uniqueID("csr-" + Text.slug(commune.nameFr), province: plan.id)
                let jit = Synthesis.jitter(id, amplitude: parameters.jitter)
                centres.append(GeneratedFacility(
                    id: id, nameFr: "CSR \(commune.nameFr)", nameAr: "المركز الصحي القروي \(Text.collapsed(commune.nameAr))", tier: "health-centre",
                    region: plan.regionID, province: plan.id, lat: commune.lat - corr + jit.lat, lon: commune.lon + jit.lon,
                    catchment: plan.rural / nr + (j < plan.rural % nr ? 1 : 0), profile: "rural-health-centre", synthesised: true))
            }
        }
        return (centres, sections)
    }

    /// Jitters again any centre whose written location equals that of a facility before it.
    static func separateDuplicates(_ centres: inout [GeneratedFacility], after hospitals: [GeneratedFacility], amplitude: Double) {
        func key(_ f: GeneratedFacility) -> String { Text.coordinate(f.lat) + "," + Text.coordinate(f.lon) }
        var seen = Set(hospitals.map(key))
        for i in centres.indices {
            var attempts = 0
            while seen.contains(key(centres[i])), attempts < 16 {
                let j = Synthesis.jitter(centres[i].id, amplitude: amplitude)
                centres[i].lat += j.lat; centres[i].lon += j.lon
                attempts += 1
            }
            seen.insert(key(centres[i]))
        }
    }

    /// `refers-to` for the centres whose nearest level-2 hospital of the region is specialised: the
    /// nearest general one (local or provincial) of the region. Returns how many.
    static func assignReferrals(_ centres: inout [GeneratedFacility], hospitals: [GeneratedFacility]) -> Int {
        let level2: Set<String> = ["local-hospital", "provincial-hospital", "specialised-hospital"]
        var byRegion: [String: [GeneratedFacility]] = [:]
        for h in hospitals where level2.contains(h.tier) { byRegion[h.region, default: []].append(h) }
        var count = 0
        for i in centres.indices {
            let candidates = byRegion[centres[i].region] ?? []
            let point = centres[i].point
            func nearest(_ list: [GeneratedFacility]) -> GeneratedFacility? {
                var best: GeneratedFacility?
                var bestDistance = Double.infinity
                for h in list {
                    let d = point.distanceKm(to: h.point)
                    if d < bestDistance { bestDistance = d; best = h }
                }
                return best
            }
            guard let first = nearest(candidates), first.tier == "specialised-hospital",
                  let general = nearest(candidates.filter { $0.tier != "specialised-hospital" }) else { continue }
            centres[i].refersTo = general.id
            count += 1
        }
        return count
    }
}
