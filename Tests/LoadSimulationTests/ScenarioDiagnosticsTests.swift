import CareNetwork
import Foundation
import CarePathTestSupport
import Testing
@testable import LoadSimulation

/// `Networks/scenarios/invalid/*.yaml` against the training network, each stating the diagnostics it
/// must produce as `# expect: LINE:COLUMN error|warning CODE` lines (as `Networks/examples/invalid/`),
/// and the example scenarios of `Networks/scenarios/`, which must apply without error.
@Suite("Scenario diagnostics")
struct ScenarioDiagnosticsTests {
    static let root = ScenarioTests.root
    static let directory = root.appendingPathComponent("Networks/scenarios/invalid").path

    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
    }

    typealias Expectation = ExpectedDiagnostic

    static func expectations(in text: String) -> [Expectation] { ExpectedDiagnostic.stated(in: text) }

    @Test("every scenario diagnostic code has an example stating it")
    func everyCodeHasAnExample() throws {
        var stated = Set<String>()
        for file in Self.files {
            let expectations = Self.expectations(in: try String(contentsOfFile: Self.directory + "/" + file, encoding: .utf8))
            #expect(!expectations.isEmpty, "\(file) has no '# expect:' line")
            stated.formUnion(expectations.map(\.code))
        }
        let codes: Set = [
            "yaml-syntax", "duplicate-key", "schema", "unknown-key", "missing-key", "wrong-type", "invalid-value", "out-of-range",
            "unknown-reference", "conflict", "closed-facility", "closed-chu-unassigned", "service-not-offered", "service-kind",
            "refers-to-dropped", "no-demand", "no-operations", "duplicate-id", "referral-level", "broken-chain",
            "region-without-regional-hospital", "network-mismatch",
        ]
        #expect(codes.subtracting(stated).isEmpty, "no example for \(codes.subtracting(stated))")
    }

    @Test("each invalid scenario gives exactly the diagnostics it states, at their line and column", arguments: files)
    func example(file: String) throws {
        let path = Self.directory + "/" + file
        let expected = Set(Self.expectations(in: try String(contentsOfFile: path, encoding: .utf8)))
        let report = ScenarioLoader.check(scenarioPath: path, networkPath: ScenarioTests.trainingPath)
        #expect(report.diagnostics.allSatisfy { $0.location.file == path }, "every diagnostic points at the scenario file")
        let actual = Set(report.diagnostics.map {
            Expectation(line: $0.location.line, column: $0.location.column, severity: $0.severity.rawValue, code: $0.code.rawValue)
        })
        #expect(expected.subtracting(actual).isEmpty, "\(file): missing \(expected.subtracting(actual)); got \(report.diagnostics.map(\.description))")
        let unstatedErrors = actual.subtracting(expected).filter { $0.severity == "error" }
        #expect(unstatedErrors.isEmpty, "\(file): unexpected \(unstatedErrors)")
        #expect((report.application == nil) == expected.contains { $0.severity == "error" })
    }

    @Test("every problem of a scenario is reported in one run, unknown ids with a did-you-mean hint")
    func allProblemsInOneRun() throws {
        let report = ScenarioTests.apply("""
            close: [chp-haouz-pedag]
            chu:
              - {region: oasis-pedag, chu: chu-atlas}
            servers:
              - {facility: chr-atlas, service: maternty, beds: 3}
              - {facilty: chr-atlas, service: maternity, add: 1}
            demand:
              - {region: atlas-pedago, service: vaccinaton, scale: 2}
            queue-limit:
              - {facility: hl-tensif, limit: 2}
            """)
        #expect(report.application == nil)
        let errors = report.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.location.line) == [2, 4, 6, 7, 9, 11])
        #expect(errors.map(\.hint) == [
            "did you mean 'chp-haouz-pedago'?", "did you mean 'oasis-pedago'?", "did you mean 'maternity'?",
            "did you mean 'facility'?", "did you mean 'vaccination'?", "did you mean 'hl-tensift'?",
        ])
    }

    @Test("a closed CHU's regions: the hint names the nearest remaining CHU; reassigning them makes the scenario valid")
    func closedCHU() throws {
        let opened = """
            open:
              - {id: chu-oasis, name: {fr: CHU Oasis, ar: م ج و}, tier: university-hospital, region: oasis-pedago, province: ziz-pedago, location: {lat: 31.9, lon: -4.4}, profile: university-hospital}

            """
        let unassigned = ScenarioTests.apply(opened + "close: [chu-atlas]\n")
        let diagnostic = try #require(unassigned.diagnostics.first { $0.code == .closedCHUUnassigned })
        #expect(diagnostic.rule == .p4)
        // atlas-pedago loses its own CHU; oasis-pedago's chu: names it (its new CHU would take precedence, but
        // the scenario must still say so: a chu: naming a closed facility is never left behind).
        #expect(diagnostic.message.contains("'atlas-pedago', 'oasis-pedago'"))
        #expect(diagnostic.hint?.contains("{region: atlas-pedago, chu: chu-oasis}, {region: oasis-pedago, chu: chu-oasis}") == true)
        let assigned = ScenarioTests.apply(opened + "close: [chu-atlas]\nchu:\n  - {region: atlas-pedago, chu: chu-oasis}\n  - {region: oasis-pedago, chu: chu-oasis}\n")
        #expect(assigned.application != nil, "\(assigned.diagnostics)")
    }

    @Test("a network file is not a scenario; a missing file is reported")
    func wrongFiles() {
        let network = ScenarioLoader.check(scenarioPath: ScenarioTests.trainingPath, networkPath: ScenarioTests.trainingPath)
        #expect(network.diagnostics.map(\.code) == [.schema])
        let missing = ScenarioLoader.check(scenarioPath: "/nonexistent/scenario.yaml", networkPath: ScenarioTests.trainingPath)
        #expect(missing.diagnostics.map(\.code) == [.fileUnreadable])
    }

    @Test("the example scenarios apply without error to their networks", arguments: [
        ("training-small-what-if.yaml", "training-small.yaml"),
        ("chu-agadir-closed.yaml", "morocco.yaml"),
        ("chu-laayoune-opens.yaml", "morocco.yaml"),
        ("demand-growth-souss-massa.yaml", "morocco.yaml"),
    ])
    func examples(scenario: String, network: String) throws {
        let report = ScenarioLoader.check(scenarioPath: Self.root.appendingPathComponent("Networks/scenarios/" + scenario).path,
                                          networkPath: Self.root.appendingPathComponent("Networks/" + network).path)
        #expect(!report.diagnostics.hasErrors, "\(report.diagnostics)")
        let application = try #require(report.application)
        #expect(application.changes.count == application.scenario.operations.count)
        if scenario == "chu-agadir-closed.yaml" {
            let n = application.network
            #expect(n.facility(key: "chu-mohammed-vi-agadir") == nil)
            for centre in n.healthCentres where ["souss-massa", "guelmim-oued-noun", "laayoune-sakia-el-hamra", "dakhla-oued-ed-dahab"].contains(n.facilities[centre.index].region.map { n.regions[$0.index].key }) {
                #expect(n.chain(of: centre)?.p4.map { n.facilities[$0.index].key } == "chu-mohammed-vi-marrakech")
            }
        }
        if scenario == "chu-laayoune-opens.yaml" {
            let n = application.network
            let dakhla = n.healthCentres.filter { n.facilities[$0.index].region == n.region(key: "dakhla-oued-ed-dahab")?.id }
            #expect(!dakhla.isEmpty && dakhla.allSatisfy { n.chain(of: $0)?.p4.map { n.facilities[$0.index].key } == "chu-laayoune" })
        }
    }
}
