import Foundation
import Testing

@Suite("carepath validate")
struct ValidateCommandTests {
    static let valid = """
        schema: carepath-network/1
        regions:
          - {id: r, name: {fr: R, ar: ر}}
        provinces:
          - {id: p, region: r, name: {fr: P, ar: ب}, population: 1000}
        facilities:
          - {id: cs, name: {fr: CS, ar: م}, tier: health-centre, region: r, province: p, location: {lat: 33.0, lon: -7.0}, catchment: 1000, services: {general-consultation: {servers: 1, time: {distribution: exponential, mean: 15}}}}
          - {id: hl, name: {fr: HL, ar: ح}, tier: local-hospital, region: r, province: p, location: {lat: 33.1, lon: -7.0}, services: {maternity: {beds: 4, stay: {distribution: fixed, value: 2}}}}
          - {id: chr, name: {fr: CHR, ar: ج}, tier: regional-hospital, region: r, province: p, location: {lat: 33.2, lon: -7.0}, emergency: true, services: {radiology: {servers: 1, time: {distribution: fixed, value: 20}}}}
          - {id: chu, name: {fr: CHU, ar: ج}, tier: university-hospital, region: r, province: p, location: {lat: 33.3, lon: -7.0}, emergency: true, services: {oncology: {beds: 9, stay: {distribution: exponential, mean: 6}}}}
        """

    @Test("a valid file: exit 0, no diagnostics, a summary")
    func valid() throws {
        let result = try CLI.run(["validate", try CLI.temporaryFile(Self.valid)])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("1 file: 0 errors, 0 warnings"))
        #expect(result.stdout.contains("summary: 1 regions, 1 provinces, 4 services offered, population 1000"))
    }

    @Test("errors: exit 1, each as path:line:column: error: message [code], with a hint line")
    func errors() throws {
        let path = try CLI.temporaryFile(Self.valid.replacingOccurrences(of: "catchment: 1000", with: "catchmnet: 1000"))
        let result = try CLI.run(["validate", path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("\(path):7:116: error: unknown key 'catchmnet' in facility [unknown-key]"))
        #expect(result.stdout.contains("\n  hint: did you mean 'catchment'?"))
        // One typo, one diagnostic: the misspelt key is not also reported missing.
        #expect(!result.stdout.contains("[missing-key]"))
        #expect(result.stdout.contains("1 file: 1 error, 0 warnings"))
    }

    @Test("several files are all checked in one run; one bad file fails the run")
    func severalFiles() throws {
        let good = try CLI.temporaryFile(Self.valid)
        let bad = try CLI.temporaryFile("schema: carepath-network/1\nregions: [", name: "bad.yaml")
        let result = try CLI.run(["validate", good, bad, "/nonexistent.yaml"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("\(bad):"))
        #expect(result.stdout.contains("/nonexistent.yaml:1:1: error: "))
        #expect(result.stdout.contains("3 files: 2 errors, 0 warnings"))
    }

    @Test("--format json: files, diagnostics with rule and hint (null where none), summary by tier")
    func json() throws {
        let path = try CLI.temporaryFile(Self.valid.replacingOccurrences(of: "emergency: true, services: {oncology", with: "emergency: true, refers-to: cs, services: {oncology"))
        let result = try CLI.run(["validate", "--format", "json", path])
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["files"] as? [String] == [path])
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        let first = try #require(diagnostics.first)
        #expect(first["code"] as? String == "referral-level")
        #expect(first["rule"] as? String == "P5" || first["rule"] as? String == "P4")
        #expect(first["line"] as? Int == 10)
        #expect(Set(first.keys) == ["file", "line", "column", "severity", "code", "message", "rule", "hint"])
        let summary = try #require(object["summary"] as? [String: Any])
        let facilities = try #require(summary["facilities"] as? [String: Int])
        #expect(facilities["health-centre"] == 1 && facilities["university-hospital"] == 1)
        #expect(summary["population"] as? Int == 1000)
    }

    @Test("a usage error exits 64")
    func usage() throws {
        #expect(try CLI.run(["validate", "--format", "xml"]).status == 64)
    }
}

@Suite("carepath validate --scenario: the network the scenario names")
struct ValidateScenarioNetworkTests {
    static let invalid = CLI.packageRoot.appendingPathComponent("Networks/scenarios/invalid").path

    @Test("without --network, the scenario is checked against the network it names; with another, a located mismatch")
    func namedNetwork() throws {
        let scenario = Self.invalid + "/service-kind.yaml"
        let named = try CLI.run(["validate", "--scenario", scenario])
        #expect(named.status == 1)
        #expect(named.stdout.contains("\(scenario):6:36: error: 'maternity' is a stay: give beds and stay (days), not servers and time [service-kind]"))
        #expect(!named.stdout.contains("csr-ahlaf"))
        #expect(named.stdout.contains("summary: 2 regions, 3 provinces"))
        let other = try CLI.run(["validate", "--scenario", scenario, "--network", CLI.packageRoot.appendingPathComponent("Networks/morocco.yaml").path])
        #expect(other.status == 1)
        #expect(other.stdout.contains("\(scenario):4:10: error: this scenario is for the network file 'training-small.yaml', not for "))
        #expect(other.stdout.contains("[network-mismatch]"))
        #expect(!other.stdout.contains("[service-kind]"))
    }
}
