import CareNetwork
import Foundation
import Testing
@testable import NetworkGenerator

/// The package root, from this file's path (Tests/NetworkGeneratorTests/...).
private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
private let sourceDirectory = root + "/Networks/source"
private let committedPath = root + "/Networks/morocco.yaml"

/// One generation shared by the tests (about a second in debug).
private let generated: Result<(yaml: String, report: NetworkGenerator.Report), any Error> = {
    do { return .success(try NetworkGenerator.generate(sourceDirectory: sourceDirectory)) } catch { return .failure(error) }
}()

private func output() throws -> (yaml: String, report: NetworkGenerator.Report) { try generated.get() }

@Suite struct NetworkGeneratorTests {
    @Test func sha256MatchesKnownDigests() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(String(repeating: "a", count: 1000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test func idsAndNumbersFollowTheFileConventions() {
        #expect(Text.slug("Tanger-Médina") == "tanger-medina")
        #expect(Text.slug("Souk L'Qolla") == "souk-lqolla")
        #expect(Text.slug("Aîn-Sebaâ") == "ain-sebaa")
        #expect(Text.coordinate(-8.0) == "-8")
        #expect(Text.coordinate(35.77004) == "35.77")
        #expect(Text.scalar("CSU M'Diq") == "\"CSU M'Diq\"")
        #expect(Text.scalar("CSU Bzou") == "CSU Bzou")
        #expect(Synthesis.townName("Tiztoutine  (Centre)") == "Tiztoutine")
    }

    @Test("synthesised hospitals' Arabic names join the place with the preposition ب, single-spaced")
    func arabicNamesOfSynthesisedHospitals() throws {
        #expect(Text.arabicIn("فاس") == "بفاس")
        #expect(Text.arabicIn(" الشرف  مغوغة ") == "بالشرف مغوغة")
        let network = try NetworkLoader.load(yaml: output().yaml, path: "generated.yaml")
        let synthesised = network.facilities.filter { $0.synthesised && $0.tier == .provincialHospital }
        #expect(synthesised.count == 57)
        for hospital in synthesised {
            #expect(hospital.name.ar.hasPrefix("المستشفى الإقليمي ب"), "\(hospital.key): \(hospital.name.ar)")
            #expect(!hospital.name.ar.contains("  "), "\(hospital.key): \(hospital.name.ar)")
        }
        #expect(network.facility(key: "chp-fes")?.name.ar == "المستشفى الإقليمي بفاس")
        #expect(!network.facilities.contains { $0.name.ar.contains("  ") })
    }

    @Test("province-chains.csv: Ouarzazate and Zagora go to Marrakech at P3 and P4; Aousserd gets no synthesised hospital")
    func provinceChains() throws {
        let network = try NetworkLoader.load(yaml: output().yaml, path: "generated.yaml")
        for key in ["ouarzazate", "zagora"] {
            let province = try #require(network.provinces.first { $0.key == key })
            #expect(province.regionalHospital.map { network[$0].key } == "chr-ibn-zohr-marrakech")
            #expect(province.universityHospital.map { network[$0].key } == "chu-mohammed-vi-marrakech")
        }
        let errachidia = try #require(network.provinces.first { $0.key == "errachidia" })
        #expect(errachidia.regionalHospital == nil && errachidia.universityHospital == nil)
        let aousserd = try #require(network.provinces.first { $0.key == "aousserd" })
        #expect(!network.facilities.contains { $0.province == aousserd.id && $0.tier.level == 2 })
        let dakhla = try #require(network.regions.first { $0.key == "dakhla-oued-ed-dahab" })
        #expect(network.facilities.filter { $0.region == dakhla.id && $0.tier != .healthCentre }.count == 2)
    }

    @Test("a province-chains.csv row naming no province of the tables is an error of the tables")
    func unknownProvinceInChains() throws {
        var tables = try SourceTables(directory: sourceDirectory)
        tables.provinceChains["atlantis"] = SourceTables.ProvinceChain(province: "atlantis", regionalHospital: "", chu: "", note: "", synthesisedHospital: true)
        #expect(throws: GeneratorError.self) { try NetworkGenerator(tables: tables).generate() }
    }

    @Test func outputValidates() throws {
        let network = try NetworkLoader.load(yaml: output().yaml, path: "generated.yaml")
        #expect(network.regions.count == 12)
        #expect(network.provinces.count == 75)
        let centres = network.facilities.filter { $0.tier == .healthCentre }
        #expect(centres.count == 2224)
        #expect(centres.allSatisfy { $0.synthesised })
    }

    @Test func catchmentsAddUpToEachProvincePopulation() throws {
        let network = try NetworkLoader.load(yaml: output().yaml, path: "generated.yaml")
        var catchment: [ProvinceID: Int] = [:]
        for facility in network.facilities where facility.tier == .healthCentre {
            if let province = facility.province { catchment[province, default: 0] += facility.catchment }
        }
        for province in network.provinces {
            #expect(catchment[province.id] == province.population, "\(province.key)")
        }
        #expect(network.provinces.reduce(0) { $0 + $1.population } == 36_828_330)
        #expect(try output().report.population == 36_828_330)
    }

    @Test func idsAreUnique() throws {
        let ids = try output().yaml.split(separator: "\n").compactMap { line -> Substring? in
            guard line.hasPrefix("  - {id: ") else { return nil }
            return line.dropFirst(9).prefix { $0 != "," }
        }
        // 122 hospitals less Aousserd's, which province-chains.csv does not synthesise.
        #expect(ids.count == 12 + 75 + 2224 + 121)
        #expect(Set(ids).count == ids.count)
    }

    /// (That no file under Networks/, this one included, points outside the repository is
    /// SourcesTests' check.)
    @Test func headerCitesTheRepositoryOnly() throws {
        let yaml = try output().yaml
        #expect(!yaml.contains("gen_morocco"))
        #expect(yaml.contains("Networks/source/"))
    }

    /// The committed national network is exactly what the sources generate.
    @Test func regeneratesTheCommittedNetwork() throws {
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("morocco-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: temporary) }
        try Data(output().yaml.utf8).write(to: temporary)
        let regenerated = try String(contentsOf: temporary, encoding: .utf8)
        let committed = try String(contentsOfFile: committedPath, encoding: .utf8)
        let comparison = NetworkComparison(expected: committed, actual: regenerated)
        #expect(comparison.isIdentical && regenerated == committed,
                "Networks/morocco.yaml differs from what Networks/source generates (run `swift run generate-network`): \(comparison.summary)\n\(comparison.sample(limit: 12).joined(separator: "\n"))")
    }
}

/// The capacity check's busiest month, on a network of one health centre whose consultation opens
/// on weekdays 08:00-16:00 and whose demand doubles in January, with a closed date in it.
@Suite struct CapacityCheckTests {
    static let yaml = """
        schema: carepath-network/1
        name: {fr: Vallée, ar: الوادي}
        calendar:
          holidays: [01-11]
        regions:
          - {id: vallee, name: {fr: Vallée, ar: الوادي}, population: 50000}
        provinces:
          - {id: vallee-haute, region: vallee, name: {fr: Haute vallée, ar: الوادي الأعلى}, population: 50000, seat: {lat: 31.2, lon: -7.9}}
        profiles:
          centre:
            general-consultation: {servers: 2, time: {distribution: exponential, mean: 15}, hours: {mon-fri: 08:00-16:00}}
        facilities:
          - {id: cs-a, name: {fr: Centre A, ar: المركز أ}, tier: health-centre, region: vallee, province: vallee-haute, location: {lat: 31.25, lon: -7.95}, catchment: 50000, profile: centre}
          - {id: chp-v, name: {fr: CHP, ar: م}, tier: provincial-hospital, region: vallee, province: vallee-haute, location: {lat: 31.2, lon: -7.9}, emergency: true, services: {specialist-consultation: {servers: 2, time: {distribution: exponential, mean: 20}}}}
          - {id: chr-v, name: {fr: CHR, ar: ج}, tier: regional-hospital, region: vallee, province: vallee-haute, location: {lat: 31.6, lon: -8.0}, emergency: true, services: {specialist-consultation: {servers: 2, time: {distribution: exponential, mean: 20}}}}
          - {id: chu-v, name: {fr: CHU, ar: ج}, tier: university-hospital, region: vallee, province: vallee-haute, location: {lat: 31.7, lon: -8.0}, emergency: true, services: {cardiac-surgery: {beds: 2, stay: {distribution: fixed, value: 9}}}}
        demand:
          arrival-profiles:
            winter: {hours: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], months: [2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]}
          arrival-profile: winter
          services:
            general-consultation: {visits-per-person: 0.2}

        """

    @Test("the busiest month's load over open hours: January's doubled demand over January's open weekdays")
    func busiestMonth() throws {
        let check = try CapacityCheck(yaml: Self.yaml, visitCeiling: 0.85, stayCeiling: 0.85, busiestMonthCeiling: 0.95,
                                      countsConsultationPassThrough: true)
        // The 365 days from 2027-01-04: January is 4-31 January 2027 and 1-3 January 2028, 31 days;
        // open on their weekdays but 11 January.
        let start = try #require(CalendarDate(year: 2027, month: 1, day: 4))
        let days = (0..<365).map { start.adding(days: $0) }
        func open(_ date: CalendarDate) -> Bool { date.weekday.rawValue < 5 && !(date.month == 1 && date.day == 11) }
        let january = days.filter { $0.month == 1 }
        #expect(january.count == 31)
        let load = 50_000 * 0.2 / 525_600 * 15  // erlangs over the year
        let yearShare = Double(days.filter(open).count) * 480 / (365 * 1440)
        let januaryShare = Double(january.filter(open).count) * 480 / (31 * 1440)
        // The profile keeps the year's total: January's rate is 2 × 365 / (2 × 31 + 334) of the mean.
        let januaryLoad = load * 2 * 365 / Double(2 * 31 + 334)
        let offered = try #require(check.load["cs-a"]?["general-consultation"])
        #expect(abs(offered - load) < 1e-9 * load)
        #expect(abs(try #require(check.openShare["cs-a"]?["general-consultation"]) - yearShare) < 1e-12)
        let busiest = try #require(check.busiestMonth["cs-a"]?["general-consultation"])
        #expect(abs(busiest - januaryLoad / januaryShare) < 1e-9 * busiest)
        // Two doctors: 0.60 of their open time over the year, under 0.85, but 1.22 in January.
        #expect(load / (2 * yearShare) < 0.85 && busiest / 2 > 1)
    }

    @Test("a capacity under the year's ceiling but over the busiest month's is raised to the least that keeps that month under it")
    func raisedForTheBusiestMonth() throws {
        let check = try CapacityCheck(yaml: Self.yaml, visitCeiling: 0.85, stayCeiling: 0.85, busiestMonthCeiling: 0.95,
                                      countsConsultationPassThrough: true)
        let profiles = try Profiles(template: "profiles:\n  centre:\n    general-consultation: {servers: 2, time: {distribution: exponential, mean: 15}}\nfacilities:\n")
        let centre = GeneratedFacility(id: "cs-a", nameFr: "Centre A", nameAr: "المركز أ", tier: "health-centre", region: "vallee",
                                       province: "vallee-haute", lat: 31.25, lon: -7.95, profile: "centre")
        let raised = check.raise([centre], profiles: profiles)
        let busiest = try #require(check.busiestMonth["cs-a"]?["general-consultation"])
        let servers = try #require(raised.facilities[0].services["general-consultation"])
        #expect(servers == Int((busiest / 0.95).rounded(.up)))
        #expect(busiest / Double(servers) <= 0.95 && busiest / Double(servers - 1) > 0.95)
        #expect(raised.count == 1)
        #expect(abs(raised.highestInBusiestMonth - busiest / Double(servers)) < 1e-12)
        // Without the busiest month's ceiling, the year's alone keeps the two doctors.
        let yearOnly = try CapacityCheck(yaml: Self.yaml, visitCeiling: 0.85, stayCeiling: 0.85, busiestMonthCeiling: .infinity,
                                         countsConsultationPassThrough: true).raise([centre], profiles: profiles)
        #expect(yearOnly.count == 0 && yearOnly.facilities[0].services["general-consultation"] == nil)
    }
}
