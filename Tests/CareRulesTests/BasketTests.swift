import CareNetwork
import CareRules
import Testing

@Suite("Basket: B1-B16 and the exclusions X1-X3")
struct BasketTests {
    static let coveredRules: [RuleID] = [.b1, .b2, .b3, .b4, .b5, .b6, .b7, .b8, .b9, .b10, .b11, .b12, .b13, .b14, .b15, .b16]

    /// A tiny network with one public, one private and one foreign facility, for X2 and X3.
    static let network: CareNetwork = {
        let yaml = """
            schema: carepath-network/1
            regions:
              - {id: north, name: {fr: Nord, ar: الشمال}}
            provinces:
              - {id: north-a, region: north, name: {fr: A, ar: أ}, population: 1000}
            facilities:
              - {id: cs-one, name: {fr: CS, ar: م}, tier: health-centre, region: north, province: north-a, location: {lat: 34.0, lon: -6.0}, catchment: 1000, services: {dental-care: {servers: 1, time: {distribution: fixed, value: 20}}}}
              - {id: chr, name: {fr: CHR, ar: م ج}, tier: regional-hospital, region: north, province: north-a, location: {lat: 34.1, lon: -6.1}}
              - {id: chu, name: {fr: CHU, ar: م ج ج}, tier: university-hospital, region: north, province: north-a, location: {lat: 34.2, lon: -6.2}}
              - {id: hp, name: {fr: CHP, ar: م إ}, tier: provincial-hospital, region: north, province: north-a, location: {lat: 34.05, lon: -6.05}}
              - {id: clinic, name: {fr: Clinique, ar: مصحة}, tier: local-hospital, sector: private, region: north, province: north-a, location: {lat: 34.01, lon: -6.01}}
              - {id: abroad, name: {fr: Paris, ar: باريس}, tier: university-hospital, country: FR, location: {lat: 48.85, lon: 2.35}}
            """
        do { return try NetworkLoader.load(yaml: yaml) } catch { fatalError("\(error)") }
    }()

    @Test("B1-B16: every covered entry is in the basket with at least one service, named in fr, ar and en", arguments: coveredRules)
    func coveredEntry(_ rule: RuleID) throws {
        let entry = try #require(Basket.standard.entry(rule: rule))
        #expect(entry.kind == .covered)
        #expect(!entry.services.isEmpty)
        #expect(!entry.name.fr.isEmpty && !entry.name.ar.isEmpty && entry.name.en != nil)
        for service in entry.services {
            let coverage = Basket.standard.coverage(service: service)
            #expect(coverage.covered)
            #expect(coverage.rule == rule)
        }
    }

    @Test("X1-X3: the exclusions are in the basket, X1 holding cosmetic surgery")
    func exclusionEntries() throws {
        #expect(Basket.standard.entries.map(\.rule) == Self.coveredRules + [.x1, .x2, .x3])
        #expect(try #require(Basket.standard.entry(rule: .x1)).services.map(\.key) == ["cosmetic-surgery"])
        #expect(Basket.standard.entry(rule: .x2)?.kind == .exclusion)
        #expect(Basket.standard.entry(rule: .x3)?.services.isEmpty == true)
    }

    @Test("every catalogue service falls under exactly one basket entry")
    func everyServiceOnce() {
        let listed = Basket.standard.entries.flatMap(\.services).map(\.key)
        #expect(listed.sorted() == ServiceCatalog.standard.keys.sorted())
    }

    @Test("X1: cosmetic surgery is never covered, even at a public facility")
    func x1() throws {
        let cosmetic = try #require(ServiceCatalog.standard.service(forKey: "cosmetic-surgery"))
        let coverage = Basket.standard.coverage(service: cosmetic, facility: Self.network.facility(key: "chu"))
        #expect(!coverage.covered)
        #expect(coverage.rule == .x1)
    }

    @Test("X2: care at a facility abroad is never covered, whatever the service")
    func x2() throws {
        let abroad = try #require(Self.network.facility(key: "abroad"))
        for service in ServiceCatalog.standard.services where !service.isExcluded {
            let coverage = Basket.standard.coverage(service: service, facility: abroad)
            #expect(!coverage.covered)
            #expect(coverage.rule == .x2)
        }
    }

    @Test("X3: care at a private facility is never covered, whatever the service")
    func x3() throws {
        let clinic = try #require(Self.network.facility(key: "clinic"))
        for service in ServiceCatalog.standard.services where !service.isExcluded {
            let coverage = Basket.standard.coverage(service: service, facility: clinic)
            #expect(!coverage.covered)
            #expect(coverage.rule == .x3)
            #expect(coverage.reason.contains("X3"))
        }
    }

    @Test("B13: dental care at a public health centre is covered")
    func b13AtPublicCentre() throws {
        let dental = try #require(ServiceCatalog.standard.service(forKey: "dental-care"))
        let coverage = Basket.standard.coverage(service: dental, facility: Self.network.facility(key: "cs-one"))
        #expect(coverage.covered)
        #expect(coverage.rule == .b13)
    }
}
