import ArgumentParser
import CarePathSupport
import CareNetwork
import Foundation
import LoadSimulation

/// Text for people, JSON for scripts.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case text, json
}

/// `--format text|json`, shared by every command that prints results.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: text (for people) or json (stable, for scripts).")
    var format: OutputFormat = .text
}

/// `--network FILE` and `--scenario FILE`, shared by every command that reads a network.
struct NetworkOptions: ParsableArguments {
    @Option(help: "Network file (YAML or JSON). Default: the bundled national network, Networks/morocco.yaml.")
    var network: String?

    @Option(help: "A scenario file (Docs/scenarios.md) applied to the network first: the command sees the network as the scenario changes it. Without --network, the network the scenario names (its network: file).")
    var scenario: String?
}

/// A network as a command loaded it: its file, the network, and the scenario applied to it if any.
struct LoadedNetwork {
    let path: String
    let network: CareNetwork
    let scenario: ScenarioApplication?
    /// The scenario file applied, if any.
    let scenarioPath: String?
}

extension NetworkOptions {
    /// Loads --network (else `defaultPath`, else the bundled network), with --scenario (else
    /// `defaultScenario`) applied when there is one. Problems are thrown as a ``CommandFailure`` with
    /// the diagnostics; a scenario's warnings are printed on stderr and the load goes on.
    func load(defaultPath: String? = nil, defaultScenario: String? = nil) throws -> LoadedNetwork {
        if let scenario = scenario ?? defaultScenario {
            // Without --network: the network the scenario names (its network: file), else the bundled one.
            let (path, report) = ScenarioLoader.check(scenarioPath: scenario, networkPath: network ?? defaultPath,
                                                      fallback: NetworkLoader.bundledNetworkPath)
            guard let application = report.application else { throw CommandFailure(nil, diagnostics: report.diagnostics) }
            if !report.diagnostics.isEmpty { StandardError.write(DiagnosticPrinter.text(report.diagnostics)) }
            return LoadedNetwork(path: path, network: application.network, scenario: application, scenarioPath: scenario)
        }
        let path = network ?? defaultPath ?? NetworkLoader.bundledNetworkPath
        do {
            return LoadedNetwork(path: path, network: try NetworkLoader.load(path: path), scenario: nil, scenarioPath: nil)
        } catch {
            throw CommandFailure("'\(path)' is not a valid network (run carepath validate)", diagnostics: error.diagnostics)
        }
    }
}
