import CareNetwork
import CareRules
@testable import Referral

/// A small two-region network for the router tests. Region `north` has every tier; region `south` has
/// no CHU and refers to north's (P4). Nobody offers oncology.
enum ReferralFixtures {
    static let yaml = """
        schema: carepath-network/1
        regions:
          - {id: north, name: {fr: Nord, ar: الشمال}}
          - {id: south, name: {fr: Sud, ar: الجنوب}, chu: chu-north}
        provinces:
          - {id: north-a, region: north, name: {fr: A, ar: أ}, population: 200000}
          - {id: north-b, region: north, name: {fr: B, ar: ب}, population: 100000}
          - {id: south-a, region: south, name: {fr: C, ar: ج}, population: 50000}
        profiles:
          centre:
            general-consultation: {servers: 1, time: {distribution: exponential, mean: 15}}
            vaccination: {servers: 1, time: {distribution: fixed, value: 5}}
        facilities:
          - {id: cs-one, name: {fr: CS Un, ar: م ص 1}, tier: health-centre, region: north, province: north-a, location: {lat: 34.00, lon: -6.00}, catchment: 20000, profile: centre}
          - {id: cs-two, name: {fr: CS Deux, ar: م ص 2}, tier: health-centre, region: north, province: north-b, location: {lat: 34.50, lon: -6.50}, catchment: 15000, profile: centre}
          - {id: cs-three, name: {fr: CS Trois, ar: م ص 3}, tier: health-centre, region: south, province: south-a, location: {lat: 31.00, lon: -8.00}, catchment: 9000, profile: centre}
          - {id: cs-private, name: {fr: Cabinet, ar: عيادة}, tier: health-centre, sector: private, region: north, province: north-a, location: {lat: 34.01, lon: -6.02}, catchment: 1000, profile: centre}
          - {id: cs-paris, name: {fr: Centre à Paris, ar: مركز باريس}, tier: health-centre, country: FR, location: {lat: 48.85, lon: 2.35}, catchment: 1000, profile: centre}
          - {id: hp-a, name: {fr: CHP A, ar: م إ أ}, tier: provincial-hospital, region: north, province: north-a, location: {lat: 34.05, lon: -6.05}, emergency: true, services: {maternity: {beds: 20, stay: {distribution: lognormal, mean: 2.5, sd: 1}}}}
          - {id: hp-b, name: {fr: CHP B, ar: م إ ب}, tier: provincial-hospital, region: north, province: north-b, location: {lat: 34.45, lon: -6.45}, services: {specialist-consultation: {servers: 2, time: {distribution: triangular, min: 10, mode: 15, max: 30}}}}
          - {id: chr-north, name: {fr: CHR Nord, ar: م ج ش}, tier: regional-hospital, region: north, province: north-a, location: {lat: 34.20, lon: -6.20}, emergency: true, services: {intensive-care: {beds: 8, stay: {distribution: exponential, mean: 4}}}}
          - {id: chu-north, name: {fr: CHU Nord, ar: م ج}, tier: university-hospital, region: north, province: north-a, location: {lat: 34.02, lon: -6.83}, emergency: true, services: {cardiac-surgery: {beds: 10, stay: {distribution: fixed, value: 9}}, intensive-care: {beds: 20, stay: {distribution: exponential, mean: 4}}}}
          - {id: hl-south, name: {fr: HL Sud, ar: م م ج}, tier: local-hospital, region: south, province: south-a, location: {lat: 31.20, lon: -8.10}, services: {medical-hospitalisation: {beds: 10, stay: {distribution: exponential, mean: 3}}}}
          - {id: chr-south, name: {fr: CHR Sud, ar: م ج ج}, tier: regional-hospital, region: south, province: south-a, location: {lat: 31.60, lon: -8.00}, emergency: true, services: {medical-hospitalisation: {beds: 30, stay: {distribution: exponential, mean: 5}}}}
          - {id: clinic, name: {fr: Clinique, ar: مصحة}, tier: local-hospital, sector: private, region: north, province: north-a, location: {lat: 34.001, lon: -6.001}, emergency: true, services: {cardiac-surgery: {beds: 5, stay: {distribution: fixed, value: 7}}}}
        """

    static let network: CareNetwork = {
        do { return try NetworkLoader.load(yaml: yaml, path: "referral-fixture.yaml") } catch { fatalError("fixture does not load: \(error)") }
    }()

    static let router = ReferralRouter(network: network)

    static func id(_ key: String) -> FacilityID { network.facilityID(key: key)! }
    static func service(_ key: String) -> ServiceID { network.catalog.id(forKey: key)! }
    static func key(_ id: FacilityID?) -> String? { id.map { network[$0].key } }

    /// Routes from a health centre by key.
    static func route(from centre: String, _ service: String, emergency: Bool = false,
                      status: BeneficiaryStatus = .assumedCardholder) throws -> Pathway {
        try router.route(ReferralRequest(entry: .healthCentre(id(centre)), service: self.service(service), emergency: emergency, status: status))
    }

    /// "rule facility" for every step, for compact expectations.
    static func trail(_ pathway: Pathway) -> [String] {
        pathway.steps.map { "\($0.rule) \(network[$0.facility].key) \($0.action.rawValue)" }
    }
}
