import ArgumentParser
import CarePathSupport
import CareNetwork
import Diagrams
import Foundation
import SimulationResults

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
            result.json) are used unless --network or --scenario say otherwise (a --network drops
            the recorded scenario too), so a scenario's opened
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

    func validate() throws {
        if (result == nil) == (input == nil) {
            throw ValidationError("give either --result DIR/result.json (from carepath simulate --out DIR) or --input LOAD.json")
        }
    }

    func run() throws {
        // A result names the network and scenario it was simulated with: draw on the same.
        let recorded = try result.map(ResultDocument.read)
        let load = try recorded?.load ?? LoadSummary.read(path: input!)
        let recordedNetwork = recorded?.network.path
        if networkOptions.network == nil, let recordedNetwork, !FileManager.default.fileExists(atPath: recordedNetwork) {
            throw CommandFailure("the result was simulated on '\(recordedNetwork)', which is not here: pass --network FILE")
        }
        // The recorded scenario goes with the recorded network only.
        let recordedScenario = networkOptions.network == nil ? recorded?.scenario?.path : nil
        if networkOptions.scenario == nil, let recordedScenario, !FileManager.default.fileExists(atPath: recordedScenario) {
            throw CommandFailure("cannot read scenario '\(recordedScenario)' (recorded in the result): pass --scenario FILE")
        }
        let network = try networkOptions.load(defaultPath: recordedNetwork, defaultScenario: recordedScenario).network
        try output.write(LoadDiagram.graph(of: try Self.diagramInput(load, in: network), in: network, language: output.language))
    }

    /// The load with its facility keys resolved in `network`; an unknown key is an error with a did-you-mean hint.
    static func diagramInput(_ load: LoadSummary, in network: CareNetwork) throws -> LoadDiagramInput {
        func facility(_ key: String) throws -> FacilityID {
            guard let id = network.facilityID(key: key) else {
                throw DiagramsError.unknownReference(kind: "facility", key: key, hint: Suggestion.nearest(to: key, in: network.facilityKeys))
            }
            return id
        }
        var utilisation: [FacilityID: Double] = [:]
        for (key, share) in load.utilisation { utilisation[try facility(key)] = share }
        let flows = try load.flows.map { LoadDiagramInput.Flow(from: try facility($0.from), to: try facility($0.to), patients: $0.patients) }
        return LoadDiagramInput(utilisation: utilisation, flows: flows, flowUnit: load.unit)
    }
}
