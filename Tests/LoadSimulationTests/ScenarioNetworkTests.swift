import CareNetwork
import Foundation
import Testing
@testable import LoadSimulation

/// A scenario's `network:` key: the network it names, resolved relative to the scenario file, and
/// checked against the network it is applied to (`network-mismatch`).
@Suite("Scenario network key")
struct ScenarioNetworkTests {
    static let scenarios = ScenarioTests.root.appendingPathComponent("Networks/scenarios").path

    static func apply(_ body: String, networkPath: String? = "Networks/training-small.yaml", digest: String? = nil) -> ScenarioLoader.Report {
        ScenarioLoader.check(scenario: Data(("schema: carepath-scenario/1\n" + body).utf8), path: "scenario.yaml", description: ScenarioTests.training,
                             networkPath: networkPath, networkDigest: digest)
    }

    static func codes(_ report: ScenarioLoader.Report) -> [String] { report.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.code)" } }

    @Test("the name is matched in any of the network's languages; another name is a located error and the scenario is not applied")
    func name() throws {
        for name in ["Réseau de formation (petit)", "شبكة التكوين الصغيرة", "Small training network"] {
            let report = Self.apply("network: {name: \(name)}\nclose: [hl-tensift]\n")
            #expect(report.application != nil, "\(name): \(report.diagnostics.map(\.description))")
        }
        // The national network's name, and an id of the national network: only the mismatch, no did-you-mean noise.
        let report = Self.apply("network: {name: Réseau public de santé du Maroc (RAMED)}\nclose: [chu-mohammed-vi-agadir]\n")
        #expect(report.application == nil)
        #expect(Self.codes(report) == ["2:17 network-mismatch"])
        #expect(report.diagnostics[0].message == "this scenario is for the network 'Réseau public de santé du Maroc (RAMED)', not for 'Small training network' (Networks/training-small.yaml)")
    }

    @Test("a file alone is checked by its file name; a name given takes precedence over the file name")
    func file() throws {
        #expect(Self.apply("network: ../training-small.yaml\nclose: [hl-tensift]\n").application != nil)
        #expect(Self.codes(Self.apply("network: ../morocco.yaml\nclose: [hl-tensift]\n")) == ["2:10 network-mismatch"])
        #expect(Self.codes(Self.apply("network: {file: ../morocco.yaml}\nclose: [hl-tensift]\n")) == ["2:17 network-mismatch"])
        // A copy under another name still matches by name.
        #expect(Self.apply("network: {file: ../training-small.yaml, name: Small training network}\nclose: [hl-tensift]\n",
                           networkPath: "/tmp/copy.yaml").application != nil)
        // No network path known (a description built in code): the file name is not checked.
        #expect(Self.apply("network: ../morocco.yaml\nclose: [hl-tensift]\n", networkPath: nil).application != nil)
    }

    @Test("a digest pins the network file's bytes; a malformed digest is an invalid value")
    func digest() throws {
        let digest = "fnv1a64:0123456789abcdef"
        #expect(Self.apply("network: {digest: \(digest)}\nclose: [hl-tensift]\n", digest: digest).application != nil)
        let other = Self.apply("network: {digest: \(digest)}\nclose: [hl-tensift]\n", digest: "fnv1a64:fedcba9876543210")
        #expect(Self.codes(other) == ["2:19 network-mismatch"])
        #expect(Self.codes(Self.apply("network: {digest: 12345}\nclose: [hl-tensift]\n")) == ["2:19 invalid-value"])
        // The real file's digest, as result.json records it.
        let path = ScenarioTests.trainingPath
        let file = try Data(contentsOf: URL(fileURLWithPath: path))
        let scenario = "schema: carepath-scenario/1\nnetwork: {digest: \(ScenarioNetwork.digest(ofFile: path)!)}\nclose: [hl-tensift]\n"
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("digest-\(UUID().uuidString).yaml").path
        try Data(scenario.utf8).write(to: URL(fileURLWithPath: temporary))
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        #expect(ScenarioLoader.check(scenarioPath: temporary, networkPath: path).application != nil)
        try Data((String(decoding: file, as: UTF8.self) + "\n# edited\n").utf8).write(to: URL(fileURLWithPath: temporary + ".net.yaml"))
        defer { try? FileManager.default.removeItem(atPath: temporary + ".net.yaml") }
        #expect(ScenarioLoader.check(scenarioPath: temporary, networkPath: temporary + ".net.yaml").diagnostics.map(\.code) == [.networkMismatch])
    }

    @Test("the key's structure: unknown keys, wrong types, an empty mapping")
    func structure() throws {
        #expect(Self.codes(Self.apply("network: {fiel: x.yaml}\nclose: [hl-tensift]\n")) == ["2:11 unknown-key"])
        #expect(Self.codes(Self.apply("network: [x.yaml]\nclose: [hl-tensift]\n")) == ["2:10 wrong-type"])
        #expect(Self.codes(Self.apply("network: {}\nclose: [hl-tensift]\n")) == ["2:10 missing-key"])
        #expect(Self.codes(Self.apply("network: {name: [a]}\nclose: [hl-tensift]\n")) == ["2:17 wrong-type"])
    }

    @Test("the named file is resolved relative to the scenario file's directory, . and .. folded")
    func resolution() throws {
        let network = ScenarioNetwork(file: "../../training-small.yaml", location: SourceLocation(file: "s", line: 1, column: 1))
        #expect(network.resolvedFile(scenarioPath: "Networks/scenarios/invalid/x.yaml") == "Networks/training-small.yaml")
        #expect(network.resolvedFile(scenarioPath: "/r/Networks/scenarios/invalid/x.yaml") == "/r/Networks/training-small.yaml")
        #expect(network.resolvedFile(scenarioPath: "x.yaml") == "../../training-small.yaml")
        #expect(ScenarioNetwork(file: "/a/./b/../c.yaml", location: network.location).resolvedFile(scenarioPath: "q/x.yaml") == "/a/c.yaml")
        #expect(ScenarioNetwork.normalized("a/b/../../..") == "..")
    }

    @Test("every bundled scenario names its network, which exists and which it applies to without --network")
    func bundled() throws {
        let paths = try FileManager.default.contentsOfDirectory(atPath: Self.scenarios).filter { $0.hasSuffix(".yaml") }.map { Self.scenarios + "/" + $0 }
            + FileManager.default.contentsOfDirectory(atPath: Self.scenarios + "/invalid").filter { $0.hasSuffix(".yaml") }.map { Self.scenarios + "/invalid/" + $0 }
        #expect(paths.count >= 28)
        // yaml-syntax.yaml and duplicate-key.yaml cannot be parsed: their network is not read (the parser's
        // error, which the network does not change, is reported against the bundled one).
        for path in paths where !path.hasSuffix("/yaml-syntax.yaml") && !path.hasSuffix("/duplicate-key.yaml") {
            let named = ScenarioNetwork.namedFile(scenarioPath: path)
            let file = try #require(named.path, "\(path) names no network")
            #expect(named.diagnostics.isEmpty)
            #expect(FileManager.default.fileExists(atPath: file))
        }
        // The training scenarios resolve to the teaching network, the others to the national one.
        #expect(ScenarioNetwork.namedFile(scenarioPath: Self.scenarios + "/invalid/service-kind.yaml").path == ScenarioTests.trainingPath)
        #expect(ScenarioNetwork.namedFile(scenarioPath: Self.scenarios + "/chu-agadir-closed.yaml").path
                == ScenarioTests.root.appendingPathComponent("Networks/morocco.yaml").path)
        // Without a network: the one named; the wrong one given: the mismatch only.
        let (used, report) = ScenarioLoader.check(scenarioPath: Self.scenarios + "/invalid/service-kind.yaml", networkPath: nil, fallback: "none.yaml")
        #expect(used == ScenarioTests.trainingPath)
        #expect(report.diagnostics.map(\.code) == [.serviceKind])
    }

    @Test("a named file that does not exist is network-not-found at the file value")
    func notFound() throws {
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("nf-\(UUID().uuidString).yaml").path
        try Data("schema: carepath-scenario/1\nnetwork: {file: nowhere.yaml}\nclose: [hl-tensift]\n".utf8).write(to: URL(fileURLWithPath: temporary))
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        let (_, report) = ScenarioLoader.check(scenarioPath: temporary, networkPath: nil, fallback: ScenarioTests.trainingPath)
        #expect(report.application == nil)
        #expect(report.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.code)" } == ["2:17 network-not-found"])
        // With --network given, the file is not looked for: the training network's file name differs, a mismatch.
        #expect(ScenarioLoader.check(scenarioPath: temporary, networkPath: ScenarioTests.trainingPath).diagnostics.map(\.code) == [.networkMismatch])
    }
}
