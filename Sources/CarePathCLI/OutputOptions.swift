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

/// `--network FILE`, shared by every command that reads a network.
struct NetworkOptions: ParsableArguments {
    @Option(help: "Network file (YAML or JSON). Default: the bundled national network, Networks/morocco.yaml.")
    var network: String?
}

/// A network as a command loaded it: its file, the network, and the scenario applied to it if any.
struct LoadedNetwork {
    let path: String
    let network: CareNetwork
    let scenario: ScenarioApplication?
}

extension NetworkOptions {
    /// Loads --network (else `defaultPath`, else the bundled network), with `scenario` applied when one
    /// is given. On problems prints the diagnostics as `carepath validate` does and exits 1; a
    /// scenario's warnings are printed and the load goes on.
    func load(defaultPath: String? = nil, scenario: String? = nil) throws -> LoadedNetwork {
        let path = network ?? defaultPath ?? NetworkLoader.bundledNetworkPath
        if let scenario {
            let report = ScenarioLoader.check(scenarioPath: scenario, networkPath: path)
            DiagnosticPrinter.write(report.diagnostics, to: FileHandle.standardError)
            guard let application = report.application else { throw ExitCode(1) }
            return LoadedNetwork(path: path, network: application.network, scenario: application)
        }
        do {
            return LoadedNetwork(path: path, network: try NetworkLoader.load(path: path), scenario: nil)
        } catch {
            DiagnosticPrinter.write(error.diagnostics, to: FileHandle.standardError)
            StandardError.write("carepath: '\(path)' is not a valid network (run carepath validate)\n")
            throw ExitCode(1)
        }
    }
}
