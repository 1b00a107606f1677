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
        #expect(named.stdout.contains("\(scenario):7:36: error: 'maternity' is a stay: give beds and stay (days), not servers and time [service-kind]"))
        #expect(!named.stdout.contains("csr-ahlaf"))
        #expect(named.stdout.contains("summary: 2 regions, 3 provinces"))
        let other = try CLI.run(["validate", "--scenario", scenario, "--network", CLI.packageRoot.appendingPathComponent("Networks/morocco.yaml").path])
        #expect(other.status == 1)
        #expect(other.stdout.contains("\(scenario):5:10: error: this scenario is for the network file 'training-small.yaml', not for "))
        #expect(other.stdout.contains("[network-mismatch]"))
        #expect(!other.stdout.contains("[service-kind]"))
    }
}

@Suite("carepath validate --format sarif")
struct ValidateSARIFTests {
    static func log(_ arguments: [String]) throws -> (status: Int32, log: [String: Any]) {
        let result = try CLI.run(["validate"] + arguments + ["--format", "sarif"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stdout)\(result.stderr)")
        return (result.status, object)
    }

    @Test("a SARIF 2.1.0 log: one run of carepath, every diagnostic code a rule with its docs meaning and level")
    func structure() throws {
        let (status, log) = try Self.log(["Networks/training-small.yaml"])
        #expect(status == 0)
        #expect(log["version"] as? String == "2.1.0")
        #expect(log["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "carepath")
        #expect(runs[0]["columnKind"] as? String == "unicodeCodePoints")
        #expect((runs[0]["results"] as? [Any])?.isEmpty == true, "a valid file has no result")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let ids = rules.compactMap { $0["id"] as? String }
        #expect(ids.count == rules.count && Set(ids).count == ids.count)
        #expect(ids.contains("unknown-key") && ids.contains("network-mismatch") && ids.contains("no-services"))
        let unknownKey = try #require(rules.first { $0["id"] as? String == "unknown-key" })
        #expect((unknownKey["shortDescription"] as? [String: Any])?["text"] as? String == "a key this format does not have (hint: the nearest one)")
        #expect((unknownKey["defaultConfiguration"] as? [String: Any])?["level"] as? String == "error")
        #expect(unknownKey["name"] as? String == "UnknownKey")
        let noServices = try #require(rules.first { $0["id"] as? String == "no-services" })
        #expect((noServices["defaultConfiguration"] as? [String: Any])?["level"] as? String == "warning")
        // Markdown kept in fullDescription.markdown, dropped from the texts.
        let serviceKind = try #require(rules.first { $0["id"] as? String == "service-kind" })
        let full = try #require(serviceKind["fullDescription"] as? [String: Any])
        #expect(full["markdown"] as? String == "`servers`/`time` on a stay service, or `beds`/`stay` on a visit")
        #expect(full["text"] as? String == "servers/time on a stay service, or beds/stay on a visit")
    }

    @Test("each diagnostic a result at its file, line and column, with its level, rule index and message; exit 1 on an error")
    func results() throws {
        let scenario = "Networks/scenarios/invalid/warnings.yaml"
        let text = try CLI.run(["validate", "Networks/training-small.yaml", "--scenario", scenario])
        let (status, log) = try Self.log(["Networks/training-small.yaml", "--scenario", scenario])
        #expect(status == text.status)
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        let results = try #require(run["results"] as? [[String: Any]])
        // The same diagnostics as the text output, in the same order.
        let printed = text.stdout.split(separator: "\n").filter { $0.contains(": warning: ") || $0.contains(": error: ") }
        #expect(results.count == printed.count && results.count == 2)
        for (result, line) in zip(results, printed) {
            let ruleId = try #require(result["ruleId"] as? String)
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == ruleId)
            let location = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            let artifact = try #require(location["artifactLocation"] as? [String: Any])
            let region = try #require(location["region"] as? [String: Any])
            #expect(artifact["uri"] as? String == scenario && artifact["uriBaseId"] as? String == "%SRCROOT%")
            let start = "\(scenario):\(region["startLine"] as? Int ?? 0):\(region["startColumn"] as? Int ?? 0): \(result["level"] as? String ?? ""): "
            #expect(line.hasPrefix(start), "\(line) vs \(start)")
            #expect(line.hasSuffix("[\(ruleId)]"))
            let message = try #require((result["message"] as? [String: Any])?["text"] as? String)
            #expect(line.contains(message.split(separator: "\n")[0]))
        }
        #expect(results.map { $0["ruleId"] as? String } == ["refers-to-dropped", "no-demand"])
        #expect((results[0]["properties"] as? [String: Any])?["ramedRule"] as? String == "P2")
        #expect((results[1]["message"] as? [String: Any])?["text"] as? String
                == "the network has no demand for 'eyeglasses': scaling it changes nothing\nhint: the network's demand: section lists the services patients ask for")

        // An error: level error, exit 1; an absolute path is a file:// URI, its characters escaped.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sarif \(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("bad.yaml").path
        try Data(ValidateCommandTests.valid.replacingOccurrences(of: "catchment: 1000", with: "catchmnet: 1000").utf8).write(to: URL(fileURLWithPath: path))
        let (badStatus, bad) = try Self.log([path])
        #expect(badStatus == 1)
        let result = try #require(((bad["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])?.first)
        #expect(result["level"] as? String == "error" && result["ruleId"] as? String == "unknown-key")
        let location = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == "file://" + path.replacingOccurrences(of: " ", with: "%20"))
        #expect((location["region"] as? [String: Any])?["startLine"] as? Int == 7)
        #expect((location["region"] as? [String: Any])?["startColumn"] as? Int == 116)
    }
}
