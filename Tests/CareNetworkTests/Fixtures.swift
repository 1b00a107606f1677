import Foundation
@testable import CareNetwork

/// Paths and small networks shared by the CareNetwork tests.
enum Fixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func path(_ relative: String) -> String { packageRoot.appendingPathComponent(relative).path }

    /// A complete two-region network: region `north` has every tier; region `south` has no CHU and
    /// refers to north's (P4).
    static let twoRegions = """
        schema: carepath-network/1
        regions:
          - {id: north, name: {fr: Nord, ar: الشمال}, population: 300000}
          - {id: south, name: {fr: Sud, ar: الجنوب}, chu: chu-north}
        provinces:
          - {id: north-a, region: north, name: {fr: A, ar: أ}, population: 200000}
          - {id: north-b, region: north, name: {fr: B, ar: ب}, population: 100000}
          - {id: south-a, region: south, name: {fr: C, ar: ج}, population: 50000}
        profiles:
          centre:
            general-consultation: {servers: 1, time: {distribution: exponential, mean: 15}}
        facilities:
          - {id: cs-one, name: {fr: CS Un, ar: م ص 1}, tier: health-centre, region: north, province: north-a, location: {lat: 34.00, lon: -6.00}, catchment: 20000, profile: centre}
          - {id: cs-two, name: {fr: CS Deux, ar: م ص 2}, tier: health-centre, region: north, province: north-b, location: {lat: 34.50, lon: -6.50}, catchment: 15000, profile: centre}
          - {id: cs-three, name: {fr: CS Trois, ar: م ص 3}, tier: health-centre, region: south, province: south-a, location: {lat: 31.00, lon: -8.00}, catchment: 9000, profile: centre, refers-to: hl-south}
          - {id: hp-a, name: {fr: CHP A, ar: م إ أ}, tier: provincial-hospital, region: north, province: north-a, location: {lat: 34.05, lon: -6.05}, emergency: true, services: {maternity: {beds: 20, stay: {distribution: lognormal, mean: 2.5, sd: 1}}}}
          - {id: hp-b, name: {fr: CHP B, ar: م إ ب}, tier: provincial-hospital, region: north, province: north-b, location: {lat: 34.45, lon: -6.45}, services: {specialist-consultation: {servers: 2, time: {distribution: triangular, min: 10, mode: 15, max: 30}}}}
          - {id: chr-north, name: {fr: CHR Nord, ar: م ج ش}, tier: regional-hospital, region: north, province: north-a, location: {lat: 34.20, lon: -6.20}, emergency: true, services: {intensive-care: {beds: 8, stay: {distribution: exponential, mean: 4}}}}
          - {id: chu-north, name: {fr: CHU Nord, ar: م ج}, tier: university-hospital, region: north, province: north-a, location: {lat: 34.02, lon: -6.83}, emergency: true, services: {cardiac-surgery: {beds: 10, stay: {distribution: fixed, value: 9}}}}
          - {id: hl-south, name: {fr: HL Sud, ar: م م ج}, tier: local-hospital, region: south, province: south-a, location: {lat: 31.20, lon: -8.10}, services: {general-consultation: {servers: 2, time: {distribution: exponential, mean: 12}}}}
          - {id: chr-south, name: {fr: CHR Sud, ar: م ج ج}, tier: regional-hospital, region: south, province: south-a, location: {lat: 31.60, lon: -8.00}, services: {medical-hospitalisation: {beds: 30, stay: {distribution: exponential, mean: 5}}}}
          - {id: clinic, name: {fr: Clinique, ar: مصحة}, tier: local-hospital, sector: private, region: north, province: north-a, location: {lat: 34.01, lon: -6.01}}
          - {id: abroad, name: {fr: Hôpital à Paris, ar: مستشفى باريس}, tier: university-hospital, country: FR, location: {lat: 48.85, lon: 2.35}}
        demand:
          emergency-share: 0.05
          services:
            general-consultation: {visits-per-person: 1.2, referred-as: specialist-consultation}
            maternity: {visits-per-person: 0.02, emergency-share: 0.3}
          referral-rates: {health-centre: 0.1, provincial-hospital: 0.05}
        """

    /// Checks YAML text and returns its report.
    static func check(_ yaml: String, path: String = "test.yaml") -> NetworkLoader.Report {
        NetworkLoader.check(data: Data(yaml.utf8), path: path)
    }

    /// The (line, code) pairs of a report's diagnostics of a severity.
    static func codes(_ report: NetworkLoader.Report, _ severity: Severity = .error) -> [DiagnosticCode] {
        report.diagnostics.filter { $0.severity == severity }.map(\.code)
    }
}
