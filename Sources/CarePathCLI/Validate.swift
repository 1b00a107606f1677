import CarePathSupport
import ArgumentParser
import CareNetwork
import Foundation
import LoadSimulation

/// `carepath validate --format`: text, json, or sarif (SARIF 2.1.0, for code scanning).
enum ValidateFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case text, json, sarif
}

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check network files and report every problem, as a compiler does.",
        discussion: """
            Prints one line per problem, path:line:column: error|warning: message [code], with a hint
            where one helps, then a summary of what the networks hold. Exits 1 if any file has an error.
            --format sarif writes the diagnostics as a SARIF 2.1.0 log, for code-scanning CI.
            Without FILE, checks the bundled national network.

            With --scenario FILE, also checks a scenario overlay (Docs/scenarios.md) against the one
            network given (else the one the scenario's network: names, else the bundled one), without
            simulating; the summary is then the network's as the scenario leaves it.

            Examples:
              carepath validate Networks/training-small.yaml --format json
              carepath validate --scenario Networks/scenarios/chu-laayoune-opens.yaml
              carepath validate Networks/training-small.yaml --format sarif
            """.helpParagraphs
    )

    @Argument(help: "Network files (YAML or JSON). Default: the bundled national network.")
    var files: [String] = []

    @OptionGroup var networkOptions: NetworkOptions

    /// The network files: the arguments, and --network.
    var paths: [String] { files + (networkOptions.network.map { [$0] } ?? []) }
    var scenario: String? { networkOptions.scenario }

    @Option(help: "Output format: text (for people), json (stable, for scripts) or sarif (SARIF 2.1.0, for code-scanning CI).")
    var format: ValidateFormat = .text

    func validate() throws {
        if scenario != nil, paths.count > 1 {
            throw ValidationError("--scenario checks a scenario against one network: give at most one network file")
        }
    }

    func run() throws {
        var paths = self.paths.isEmpty ? [NetworkLoader.bundledNetworkPath] : self.paths
        var named: [Diagnostic] = []
        if let scenario, self.paths.isEmpty {
            // The network the scenario names (network: file, relative to the scenario), else the bundled one.
            let resolved = ScenarioNetwork.namedFile(scenarioPath: scenario)
            if let path = resolved.path { paths = [path] }
            named = resolved.diagnostics
        }
        if !named.isEmpty {
            try report(files: [scenario!], diagnostics: named, summary: NetworkSummary())
            return
        }
        let reports = paths.map { NetworkLoader.check(path: $0) }
        var summary = NetworkSummary()
        for report in reports { summary.add(report.summary) }
        var diagnostics = reports.flatMap(\.diagnostics)
        if let scenario, let network = paths.first, reports.allSatisfy({ $0.network != nil }) {
            let report = ScenarioLoader.check(scenarioPath: scenario, networkPath: network)
            diagnostics += report.diagnostics
            if let applied = report.application { summary = NetworkSummary(applied.network) }
        }
        try report(files: paths + (scenario.map { [$0] } ?? []), diagnostics: diagnostics, summary: summary)
    }

    /// Prints the diagnostics and the summary in the chosen format; exit 1 on an error.
    func report(files: [String], diagnostics: [Diagnostic], summary: NetworkSummary) throws {
        switch format {
        case .json:
            print(ValidationJSON.render(files: files, diagnostics: diagnostics, summary: summary))
        case .sarif:
            print(ValidationSARIF.render(diagnostics: diagnostics))
        case .text:
            let count = files.count
            var text = DiagnosticPrinter.lines(diagnostics)
            text += "\(count) file\(count == 1 ? "" : "s"): \(DiagnosticPrinter.count(diagnostics))\n"
            text += ValidationJSON.summaryText(summary)
            print(text, terminator: "")
        }
        if diagnostics.hasErrors { throw ExitCode(1) }
    }
}

/// Diagnostics as `carepath validate` prints them, then the count of errors and warnings.
enum DiagnosticPrinter {
    static func text(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.isEmpty ? "" : lines(diagnostics) + count(diagnostics) + "\n"
    }

    /// Each diagnostic on its line (and its hint's).
    static func lines(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { $0.description + "\n" }.joined()
    }

    /// `1 error, 2 warnings`.
    static func count(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count, warnings = diagnostics.count - errors
        return "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
    }
}

/// `carepath validate --format json` and the text summary.
enum ValidationJSON {
    static func render(files: [String], diagnostics: [Diagnostic], summary: NetworkSummary) -> String {
        let json: JSONValue = .object([
            "files": .array(files.map { .string($0) }),
            "diagnostics": .array(diagnostics.map { d in
                .object([
                    "file": .string(d.location.file), "line": .int(d.location.line), "column": .int(d.location.column),
                    "severity": .string(d.severity.rawValue), "code": .string(d.code.rawValue), "message": .string(d.message),
                    "rule": d.rule.map { .string($0.rawValue) } ?? .null, "hint": d.hint.map { .string($0) } ?? .null,
                ])
            }),
            "summary": .object([
                "regions": .int(summary.regions), "provinces": .int(summary.provinces),
                "facilities": .object(summary.facilities.mapValues { .int($0) }),
                "services": .int(summary.services), "population": .int(summary.population),
            ]),
        ])
        return json.rendered()
    }

    static func summaryText(_ s: NetworkSummary) -> String {
        var text = "summary: \(s.regions) regions, \(s.provinces) provinces, \(s.services) services offered, population \(s.population)\n"
        for tier in Tier.allCases {
            text += "  \(tier.rawValue.padding(toLength: 22, withPad: " ", startingAt: 0)) \(s.facilities[tier.rawValue] ?? 0)\n"
        }
        return text
    }
}
