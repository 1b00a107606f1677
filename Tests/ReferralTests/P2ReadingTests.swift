import CareNetwork
import CareRules
import Testing
@testable import Referral

/// The project's P2 reading (Docs/routing.md), `refers-to`'s precedence and a province's own P3 and P4
/// targets, on a network built for them: along one meridian, 0.01 degree of latitude is 1.1 km.
@Suite("P2 reading and province targets")
struct P2ReadingTests {
    static let yaml = """
        schema: carepath-network/1
        regions:
          - {id: north, name: {fr: Nord, ar: الشمال}}
          - {id: east, name: {fr: Est, ar: الشرق}}
        provinces:
          - {id: north-a, region: north, name: {fr: A, ar: أ}, population: 100000}
          - {id: east-a, region: east, name: {fr: E, ar: ه}, population: 100000}
          - {id: east-b, region: east, name: {fr: F, ar: و}, population: 100000, regional-hospital: chr-north, chu: chu-north}
        profiles:
          centre:
            general-consultation: {servers: 1, time: {distribution: exponential, mean: 15}}
        facilities:
          # cs-near: the CHR 3 km up the chain offers oncology, the oncology centre is 111 km away.
          - {id: cs-near, name: {fr: CS Près, ar: م ص 1}, tier: health-centre, region: north, province: north-a, location: {lat: 34.00, lon: -6.00}, catchment: 30000, profile: centre}
          # cs-by-onco: refers to hp-near (110 km) although the oncology centre is 1 km away.
          - {id: cs-by-onco, name: {fr: CS Onco, ar: م ص 2}, tier: health-centre, region: north, province: north-a, location: {lat: 35.01, lon: -6.00}, catchment: 30000, profile: centre, refers-to: hp-near}
          # cs-ref: refers to hp-far (67 km) although hp-near (33 km) offers maternity too.
          - {id: cs-ref, name: {fr: CS Réf, ar: م ص 3}, tier: health-centre, region: north, province: north-a, location: {lat: 34.30, lon: -6.00}, catchment: 40000, profile: centre, refers-to: hp-far}
          - {id: hp-near, name: {fr: CHP Près, ar: م إ 1}, tier: provincial-hospital, region: north, province: north-a, location: {lat: 34.01, lon: -6.00}, emergency: true, services: {maternity: {beds: 10, stay: {distribution: fixed, value: 2}}}}
          - {id: hp-far, name: {fr: CHP Loin, ar: م إ 2}, tier: provincial-hospital, region: north, province: north-a, location: {lat: 34.90, lon: -6.00}, services: {maternity: {beds: 10, stay: {distribution: fixed, value: 2}}}}
          - {id: hs-onco, name: {fr: Centre d'oncologie, ar: مركز الأورام}, tier: specialised-hospital, region: north, province: north-a, location: {lat: 35.00, lon: -6.00}, services: {oncology: {beds: 10, stay: {distribution: fixed, value: 5}}}}
          - {id: chr-north, name: {fr: CHR Nord, ar: م ج ش}, tier: regional-hospital, region: north, province: north-a, location: {lat: 34.02, lon: -6.00}, emergency: true, services: {oncology: {beds: 10, stay: {distribution: fixed, value: 5}}}}
          - {id: chu-north, name: {fr: CHU Nord, ar: م ج}, tier: university-hospital, region: north, province: north-a, location: {lat: 34.03, lon: -6.00}, services: {cardiac-surgery: {beds: 5, stay: {distribution: fixed, value: 9}}}}
          - {id: cs-east-a, name: {fr: CS Est A, ar: م ص 4}, tier: health-centre, region: east, province: east-a, location: {lat: 34.00, lon: -3.00}, catchment: 20000, profile: centre}
          - {id: cs-east-b, name: {fr: CS Est B, ar: م ص 5}, tier: health-centre, region: east, province: east-b, location: {lat: 34.00, lon: -3.50}, catchment: 20000, profile: centre}
          - {id: hp-east, name: {fr: CHP Est, ar: م إ 3}, tier: provincial-hospital, region: east, province: east-a, location: {lat: 34.01, lon: -3.20}, emergency: true, services: {maternity: {beds: 10, stay: {distribution: fixed, value: 2}}}}
          - {id: chr-east, name: {fr: CHR Est, ar: م ج ه}, tier: regional-hospital, region: east, province: east-a, location: {lat: 34.02, lon: -3.00}, services: {medical-hospitalisation: {beds: 10, stay: {distribution: fixed, value: 3}}}}
          - {id: chu-east, name: {fr: CHU Est, ar: م ج ه 2}, tier: university-hospital, region: east, province: east-a, location: {lat: 34.03, lon: -3.00}, services: {cardiac-surgery: {beds: 5, stay: {distribution: fixed, value: 9}}}}
        """

    static let network: CareNetwork = {
        do { return try NetworkLoader.load(yaml: yaml, path: "p2-fixture.yaml") } catch { fatalError("fixture does not load: \(error)") }
    }()

    static func visits(_ centre: String, _ service: String, reading: ReferralRouter.P2Reading = .chain, emergency: Bool = false) throws -> [String] {
        let router = ReferralRouter(network: network, p2Reading: reading)
        let pathway = try router.route(ReferralRequest(entry: .healthCentre(network.facilityID(key: centre)!),
                                                       service: network.catalog.id(forKey: service)!, emergency: emergency,
                                                       status: .assumedCardholder))
        return pathway.visitedFacilities.map { network[$0].key }
    }

    @Test("a farther specialised hospital is not taken when the default chain treats nearer")
    func chainTreatsNearer() throws {
        #expect(try Self.visits("cs-near", "oncology") == ["cs-near", "hp-near", "chr-north"])
        // The earlier reading sent the patient 111 km to the oncology centre.
        #expect(try Self.visits("cs-near", "oncology", reading: .offering) == ["cs-near", "hs-onco"])
    }

    @Test("the specialised hospital is taken when it is nearer than the chain's way to the facility that treats")
    func specialisedNearer() throws {
        #expect(try Self.visits("cs-by-onco", "oncology") == ["cs-by-onco", "hs-onco"])
    }

    @Test("refers-to takes precedence when the hospital it names offers the service")
    func refersToFirst() throws {
        #expect(try Self.visits("cs-ref", "maternity") == ["cs-ref", "hp-far"])
        #expect(try Self.visits("cs-ref", "maternity", reading: .offering) == ["cs-ref", "hp-near"])
        // Without refers-to, the nearest hospital offering the service.
        #expect(try Self.visits("cs-near", "maternity") == ["cs-near", "hp-near"])
    }

    @Test("a province's regional-hospital and chu replace P3 and P4 for its patients only")
    func provinceTargets() throws {
        #expect(try Self.visits("cs-east-b", "cardiac-surgery") == ["cs-east-b", "hp-east", "chr-north", "chu-north"])
        #expect(try Self.visits("cs-east-a", "cardiac-surgery") == ["cs-east-a", "hp-east", "chr-east", "chu-east"])
        // Under P0 the chain continues from the emergency hospital with the patient's province's targets.
        #expect(try Self.visits("cs-east-b", "cardiac-surgery", emergency: true) == ["hp-east", "chr-north", "chu-north"])
        let chain = try #require(Self.network.chain(of: Self.network.facilityID(key: "cs-east-b")!))
        #expect(chain.p3.map { Self.network[$0].key } == "chr-north" && chain.p4.map { Self.network[$0].key } == "chu-north")
        #expect(chain.hopKm.toP3 == Self.network.distanceKm(Self.network.facilityID(key: "hp-east")!, Self.network.facilityID(key: "chr-north")!))
    }

    @Test("the routing table follows the same reading")
    func table() throws {
        let table = RoutingTable(router: ReferralRouter(network: Self.network))
        let centre = Self.network.facilityID(key: "cs-near")!
        let entry = table.entry(slot: table.slot(of: centre)!, service: Self.network.catalog.id(forKey: "oncology")!, emergency: false)
        #expect(table.visited(entry: entry).map { Self.network[FacilityID(Int($0))].key } == ["cs-near", "hp-near", "chr-north"])
    }
}
