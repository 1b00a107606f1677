import ArgumentParser
import CareNetwork
import Diagrams
import Foundation

/// `carepath render load`.
struct RenderLoad: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Draw referral load: facilities coloured by utilisation on a fixed scale, links by flow.",
        discussion: """
            Reads a simulation result (`carepath simulate --out DIR` writes DIR/result.json) with
            --result, or a hand-made load file with --input:
              {"utilisation": {"chu-atlas": 0.92, ...},
               "flows": [{"from": "cs-haouz-1", "to": "chp-haouz-pedago", "patients": 12.5}, ...],
               "unit": "patients/day"}

            With --result, the network and scenario the result was simulated with (recorded in
            result.json) are used unless --network or --scenario say otherwise, so a scenario's opened
            and closed facilities are drawn as they were simulated.

            Example:
              carepath simulate --network Networks/training-small.yaml --out run
              carepath render load --result run/result.json -o load.svg
            """.helpParagraphs
    )

    @OptionGroup var networkOptions: NetworkOptions
    @OptionGroup var output: RenderOutputOptions

    @Option(help: "A simulation result: the result.json that `carepath simulate --out DIR` writes.")
    var result: String?

    @Option(help: "A load file (JSON): utilisation per facility id, flows between facility ids.")
    var input: String?

    @Option(help: "The scenario to apply to the network (Docs/scenarios.md). Default with --result: the one the result records.")
    var scenario: String?

    func validate() throws {
        if (result == nil) == (input == nil) {
            throw ValidationError("give either --result DIR/result.json (from carepath simulate --out DIR) or --input LOAD.json")
        }
    }

    func run() throws {
        let input = result ?? self.input!
        // A result names the network and scenario it was simulated with: draw on the same.
        var recordedNetwork: String?, recordedScenario: String?
        if let result, let data = FileManager.default.contents(atPath: result),
           let file = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
            recordedNetwork = (file["network"] as? [String: Any])?["path"] as? String
            recordedScenario = (file["scenario"] as? [String: Any])?["path"] as? String
        }
        if networkOptions.network == nil, let recorded = recordedNetwork, !FileManager.default.fileExists(atPath: recorded) {
            FileHandle.standardError.write(Data("carepath: the result was simulated on '\(recorded)', which is not here: pass --network FILE\n".utf8))
            throw ExitCode(1)
        }
        let scenarioPath = scenario ?? (networkOptions.network == nil ? recordedScenario : nil)
        if let scenarioPath, !FileManager.default.fileExists(atPath: scenarioPath) {
            FileHandle.standardError.write(Data("carepath: cannot read scenario '\(scenarioPath)'\(scenario == nil ? " (recorded in the result): pass --scenario FILE" : "")\n".utf8))
            throw ExitCode(1)
        }
        let network = try networkOptions.load(defaultPath: recordedNetwork, scenario: scenarioPath).network
        try runReportingFailures {
            let load = try readLoadInput(path: input, network: network)
            try output.write(LoadDiagram.graph(of: load, in: network, language: output.language))
        }
    }
}

/// Reads the interim load JSON into a ``LoadDiagramInput``; every facility id must exist.
func readLoadInput(path: String, network: CareNetwork) throws -> LoadDiagramInput {
    guard let data = FileManager.default.contents(atPath: path),
          let file = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
        throw RenderFailure(message: "cannot read '\(path)' as a JSON object")
    }
    // A simulation result carries its load in "load"; a load file is that object itself.
    let root = file["load"] as? [String: Any] ?? file
    func facility(_ key: Any?) throws -> FacilityID {
        guard let key = key as? String, let id = network.facilityID(key: key) else {
            throw DiagramsError.unknownReference(kind: "facility", key: "\(key ?? "null")", hint: nil)
        }
        return id
    }
    var utilisation: [FacilityID: Double] = [:]
    for (key, value) in root["utilisation"] as? [String: Any] ?? [:] {
        guard let share = (value as? NSNumber)?.doubleValue else { throw RenderFailure(message: "\(path): utilisation of '\(key)' is not a number") }
        utilisation[try facility(key)] = share
    }
    var flows: [LoadDiagramInput.Flow] = []
    for entry in root["flows"] as? [[String: Any]] ?? [] {
        guard let patients = (entry["patients"] as? NSNumber)?.doubleValue else { throw RenderFailure(message: "\(path): a flow has no numeric 'patients'") }
        flows.append(.init(from: try facility(entry["from"]), to: try facility(entry["to"]), patients: patients))
    }
    return LoadDiagramInput(utilisation: utilisation, flows: flows, flowUnit: root["unit"] as? String ?? "patients/day")
}
