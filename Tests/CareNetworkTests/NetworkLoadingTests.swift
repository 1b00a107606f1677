import Foundation
import Testing
@testable import CareNetwork

@Suite("Loading a valid network")
struct NetworkLoadingTests {
    let network: CareNetwork

    init() throws {
        network = try NetworkLoader.load(yaml: Fixtures.twoRegions)
    }

    @Test("the loaded network indexes every element by dense id and keeps its invariants")
    func denseIndex() {
        #expect(network.regions.count == 2)
        #expect(network.provinces.count == 3)
        #expect(network.facilities.count == 11)
        #expect(network.invariantViolations().isEmpty)
        for (index, facility) in network.facilities.enumerated() {
            #expect(network.facilityID(key: facility.key) == FacilityID(index))
        }
        #expect(network.population == 350_000)
    }

    @Test("P2: a health centre's chain starts at the nearest level-2 hospital of its region")
    func nearestLevelTwo() throws {
        let one = try #require(network.facilityID(key: "cs-one"))
        let two = try #require(network.facilityID(key: "cs-two"))
        let chainOne = try #require(network.chain(of: one))
        let chainTwo = try #require(network.chain(of: two))
        #expect(chainOne.p2 == network.facilityID(key: "hp-a"))
        #expect(chainTwo.p2 == network.facilityID(key: "hp-b"))
        // The private clinic is nearer to cs-one than hp-a, yet never chosen (X3).
        let clinic = try #require(network.facilityID(key: "clinic"))
        #expect(network.distanceKm(one, clinic) < network.distanceKm(one, chainOne.p2!))
    }

    @Test("P3 and P4: the chain continues to the regional hospital and the CHU, with distances")
    func wholeChain() throws {
        let csOne = try #require(network.facilityID(key: "cs-one"))
        let chain = try #require(network.chain(of: csOne))
        #expect(chain.p3 == network.facilityID(key: "chr-north"))
        #expect(chain.p4 == network.facilityID(key: "chu-north"))
        let expected = network.facility(key: "cs-one")!.location.distanceKm(to: network.facility(key: "hp-a")!.location)
        #expect(abs(chain.hopKm.toP2 - expected) < 1e-9)
        #expect(chain.hopKm.toP2 > 5 && chain.hopKm.toP2 < 10)
        #expect(chain.facilities.count == 4)
    }

    @Test("P4: a region without a CHU refers to the CHU its chu: names; refers-to overrides the nearest rule")
    func crossRegionCHU() throws {
        let csThree = try #require(network.facilityID(key: "cs-three"))
        let chain = try #require(network.chain(of: csThree))
        #expect(chain.p2 == network.facilityID(key: "hl-south"))
        #expect(chain.p3 == network.facilityID(key: "chr-south"))
        #expect(chain.p4 == network.facilityID(key: "chu-north"))
        #expect(network.region(key: "south")?.chuReferral == network.facilityID(key: "chu-north"))
    }

    @Test("X2, X3: private and foreign facilities have no chain and are never a next level")
    func offPathway() throws {
        let clinic = try #require(network.facility(key: "clinic"))
        let abroad = try #require(network.facility(key: "abroad"))
        #expect(!clinic.isOnRAMEDPathway && !abroad.isOnRAMEDPathway)
        #expect(network.nextLevel(from: clinic.id) == nil)
        for facility in network.facilities {
            if let next = network.nextLevel(from: facility.id) { #expect(network[next].isOnRAMEDPathway) }
        }
        #expect(!network.emergencyHospitals.contains(clinic.id))
    }

    @Test("profiles give services; units follow the catalogue (visits in minutes, stays in days)")
    func services() throws {
        let catalog = network.catalog
        let centre = try #require(network.facility(key: "cs-one"))
        let consultation = try #require(catalog.id(forKey: "general-consultation"))
        #expect(centre.offers(consultation))
        let hospital = try #require(network.facility(key: "hp-a"))
        let maternityID = try #require(catalog.id(forKey: "maternity"))
        let maternity = try #require(hospital.capacity(for: maternityID))
        #expect(maternity.unit == .days)
        #expect(maternity.servers == 20)
        #expect(abs(maternity.timeInMinutes.mean - 2.5 * 1440) < 1e-9)
    }

    @Test("demand: rates, emergency shares (default and per service), referred-as and referral rates")
    func demand() throws {
        let catalog = network.catalog
        let consultation = try #require(catalog.id(forKey: "general-consultation"))
        let maternity = try #require(catalog.id(forKey: "maternity"))
        #expect(network.demand[consultation].visitsPerPerson == 1.2)
        #expect(network.demand[consultation].emergencyShare == 0.05)
        #expect(network.demand[consultation].referredAs == catalog.id(forKey: "specialist-consultation"))
        #expect(network.demand[maternity].emergencyShare == 0.3)
        #expect(network.demand.referralRate(at: .healthCentre) == 0.1)
        #expect(network.demand.referralRate(at: .regionalHospital) == 0)
    }

    @Test("a JSON file is read as the YAML subset it is")
    func json() throws {
        let json = """
            {"schema": "carepath-network/1",
             "regions": [{"id": "r", "name": {"fr": "R", "ar": "ر"}}],
             "provinces": [{"id": "p", "region": "r", "name": {"fr": "P", "ar": "ب"}, "population": 10}],
             "facilities": [
               {"id": "cs", "name": {"fr": "CS", "ar": "م"}, "tier": "health-centre", "region": "r", "province": "p", "location": {"lat": 33, "lon": -7}, "catchment": 10,
                "services": {"general-consultation": {"servers": 1, "time": {"distribution": "fixed", "value": 10}}}},
               {"id": "h", "name": {"fr": "H", "ar": "ح"}, "tier": "local-hospital", "region": "r", "province": "p", "location": {"lat": 33.1, "lon": -7}, "services": {}},
               {"id": "chr", "name": {"fr": "CHR", "ar": "ج"}, "tier": "regional-hospital", "region": "r", "province": "p", "location": {"lat": 33.2, "lon": -7}, "services": {}},
               {"id": "chu", "name": {"fr": "CHU", "ar": "ج"}, "tier": "university-hospital", "region": "r", "province": "p", "location": {"lat": 33.3, "lon": -7}, "services": {}}]}
            """
        let report = Fixtures.check(json, path: "net.json")
        #expect(Fixtures.codes(report).isEmpty)
        #expect(report.network?.facilities.count == 4)
        #expect(Fixtures.codes(report, .warning) == [.noServices, .noServices, .noServices])
    }

    @Test("CareNetwork(description:) validates a description built in code")
    func description() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("carepath-describe-\(UUID().uuidString).yaml")
        try Fixtures.twoRegions.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        var description = try NetworkLoader.describe(path: file.path)
        #expect(try CareNetwork(description: description).facilities.count == 11)
        description.facilities.removeAll { $0.id == "chr-south" }
        do {
            _ = try CareNetwork(description: description)
            Issue.record("a region without its regional hospital must not validate")
        } catch {
            let codes = Set(error.diagnostics.map(\.code))
            #expect(codes == [.regionWithoutRegionalHospital, .brokenChain])
            // Positions still point into the file the description came from.
            #expect(error.diagnostics.allSatisfy { $0.location.file == file.path && $0.location.line > 1 })
        }
    }
}
