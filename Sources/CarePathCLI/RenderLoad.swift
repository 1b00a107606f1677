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

            --region and --province draw part of the load (a flow leaving them ends at a faint copy of
            its target); --collapse folds each province's health centres into one node (its busiest
            centre's utilisation, its flows summed), as it is done anyway past 96 health centres (with
            a note). Several regions are laid out as a grid that fits a page.

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

    @Option(name: .customLong("region"), help: "Only this region (file id); repeat for several.")
    var regions: [String] = []

    @Option(name: .customLong("province"), help: "Only this province (file id); repeat for several.")
    var provinces: [String] = []

    @Flag(help: "Fold each province's health centres into one node: their busiest centre's utilisation, their flows summed.")
    var collapse = false

    func validate() throws {
        if (result == nil) == (input == nil) {
            throw ValidationError("give either --result DIR/result.json (from carepath simulate --out DIR) or --input LOAD.json")
        }
    }

    func run() throws {
        try output.checkDestination()
        // A result names the network and scenario it was simulated with: draw on the same. Both
        // readers refuse a number out of range, naming the file and the field.
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
        let source = result.map { (path: $0, field: "load.") } ?? (path: input!, field: "")
        let options = NetworkDiagramOptions(regions: regions, provinces: provinces, collapseHealthCentres: collapse, language: output.language)
        let input = try Self.diagramInput(load, in: network, path: source.path, field: source.field)
        let graph = try LoadDiagram.graph(of: input, in: network, options: options)
        if !regions.isEmpty || !provinces.isEmpty, !graph.clusters.contains(where: { $0.id != "legend" }) {
            throw CommandFailure("the load has no facility in the regions or provinces asked for (\((regions + provinces).joined(separator: ", ")))")
        }
        let fewer = (collapse ? "" : "--collapse folds each province's health centres into one node; ") + "--region ID or --province ID draws part of the load"
        try output.checkSize(graph, fewer: fewer)
        if !collapse, try LoadDiagram.foldsHealthCentres(of: network, options: options) {
            StandardError.write("note: \(try NetworkDiagram.healthCentres(of: network, options: options)) health centres: folded into one node per province "
                + "(more than \(LoadDiagram.maxHealthCentresDrawn) one by one would not be legible on a page); --province ID draws a province's centres one by one.\n")
        }
        try output.write(graph, fewer: fewer)
    }

    /// The load with its facility keys resolved in `network`. An unknown key (with a did-you-mean
    /// hint) and a flow between two facilities of one level (which the diagram cannot draw) are
    /// errors naming `path` and the field, `prefix` first (`load.` in a result).
    static func diagramInput(_ load: LoadSummary, in network: CareNetwork, path: String, field prefix: String = "") throws -> LoadDiagramInput {
        func facility(_ key: String, _ field: @autoclosure () -> String) throws -> FacilityID {
            guard let id = network.facilityID(key: key) else {
                let unknown = DiagramsError.unknownReference(kind: "facility", key: key, hint: Suggestion.nearest(to: key, in: network.facilityKeys))
                throw ResultReadError(path: path, field: prefix + field(), reason: unknown.description)
            }
            return id
        }
        var utilisation: [FacilityID: Double] = [:]
        for key in load.utilisation.keys.sorted() {
            utilisation[try facility(key, ValueRangeError.member("utilisation", key))] = load.utilisation[key]!
        }
        var flows: [LoadDiagramInput.Flow] = []
        for (index, flow) in load.flows.enumerated() {
            let drawn = LoadDiagramInput.Flow(from: try facility(flow.from, "flows[\(index)].from"), to: try facility(flow.to, "flows[\(index)].to"), patients: flow.patients)
            guard LoadDiagram.draws(drawn, in: network) else {
                let from = network[drawn.from], to = network[drawn.to]
                throw ResultReadError(path: path, field: prefix + "flows[\(index)]", reason: "'\(flow.from)' and '\(flow.to)' are both at level \(from.tier.level) "
                    + "(\(from.tier.rawValue) to \(to.tier.rawValue)): the load diagram draws flows from one level of the chain to another only")
            }
            flows.append(drawn)
        }
        return LoadDiagramInput(utilisation: utilisation, flows: flows, flowUnit: load.unit)
    }
}
