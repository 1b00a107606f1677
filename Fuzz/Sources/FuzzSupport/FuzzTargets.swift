import CareNetwork
import Diagrams
import Foundation
import LoadSimulation
import Referral
import SimulationResults

/// The fuzz targets: bytes in, every public stage of CarePath that those bytes reach. A crash, a
/// hang (libFuzzer's -timeout) or a ``finding(_:)`` is a finding; an input that CarePath rejects with
/// located diagnostics (or a ``ResultReadError``) is not.
public enum FuzzTargets {
    /// How many arrivals a day a network may have for its one-day simulation to run (the bundled
    /// national network has about 110,000: it is loaded, routed and drawn, not simulated).
    public static let maximumDailyArrivals = 20_000.0
    /// The patients in the system at once at which a fuzzed simulation stops early.
    public static let patientLimit = 50_000

    /// (a) A network file: check and load it; when it loads, route, tabulate, simulate a day, draw.
    public static func network(_ bytes: UnsafeBufferPointer<UInt8>) {
        let data = Data(buffer: bytes)
        let path = "fuzz-network.yaml"
        Stages.reached("network 1 input")
        let report = NetworkLoader.check(data: data, path: path)
        Checks.located(report.diagnostics, file: path, data: data, what: "network")
        if report.network == nil, !report.diagnostics.hasErrors {
            finding("network: no network and no error (\(report.diagnostics.count) diagnostics)")
        }
        guard let network = report.network else { return }
        Stages.reached("network 2 loaded")
        exercise(network, model: { SimulationModel(network: network, table: $0) }, what: "network")
    }

    /// (a') Edits of the training network: each 4 bytes of the input seed one ``TokenMutator``
    /// mutation (a number to a boundary value, a word to another, a line duplicated or removed) of
    /// Networks/training-small.yaml, applied in turn; the result goes through (a). Byte mutations of
    /// a network file seldom leave one that validates; these mostly do, so the stages after loading
    /// are reached.
    public static func edits(_ bytes: UnsafeBufferPointer<UInt8>) {
        var text = Training.text
        var chunk = 0
        while chunk + 4 <= min(bytes.count, 64) {
            let seed = UInt32(bytes[chunk]) | UInt32(bytes[chunk + 1]) << 8 | UInt32(bytes[chunk + 2]) << 16 | UInt32(bytes[chunk + 3]) << 24
            let capacity = text.count * 2 + 256
            let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            defer { buffer.deallocate() }
            buffer.initialize(from: text, count: text.count)
            if let size = TokenMutator.mutate(buffer, size: text.count, maxSize: capacity, seed: seed) {
                text = Array(UnsafeBufferPointer(start: buffer, count: size))
            }
            chunk += 4
        }
        if ProcessInfo.processInfo.environment["FUZZ_EDITS_OUT"].map({ !$0.isEmpty }) == true {
            FileManager.default.createFile(atPath: ProcessInfo.processInfo.environment["FUZZ_EDITS_OUT"]!, contents: Data(text))
        }
        text.withUnsafeBufferPointer { network($0) }
    }

    /// (b) A scenario file against the training network: check it; when it applies, simulate a day.
    public static func scenario(_ bytes: UnsafeBufferPointer<UInt8>) {
        let data = Data(buffer: bytes)
        let path = "fuzz-scenario.yaml"
        Stages.reached("scenario 1 input")
        let report = ScenarioLoader.check(scenario: data, path: path, description: Training.description, baseDiagnostics: Training.diagnostics)
        Checks.located(report.diagnostics, file: path, data: data, what: "scenario")
        if report.application == nil, !report.diagnostics.hasErrors {
            finding("scenario: no application and no error (\(report.diagnostics.count) diagnostics)")
        }
        guard let application = report.application else { return }
        Stages.reached("scenario 2 applied")
        exercise(application.network, model: { application.model(table: $0) }, what: "scenario", drawNetwork: false)
    }

    /// (c) A result.json or a load file: decode it; when it decodes, summarise, compare and draw its
    /// load on the training network.
    public static func result(_ bytes: UnsafeBufferPointer<UInt8>) {
        let data = Data(buffer: bytes)
        Stages.reached("result 1 input")
        if let document = try? ResultDocument.decode(data, path: "fuzz-result.json") {
            Stages.reached("result 2 result.json decoded")
            summarise(document)
            drawLoad(document.load, in: Training.network)
        }
        if let load = try? JSONDecoder().decode(LoadSummary.self, from: data) {
            Stages.reached("result 3 load file decoded")
            drawLoad(load, in: Training.network)
        }
    }

    // MARK: - Stages

    /// Routes a few requests, builds the routing table and the model, simulates one day with one
    /// replication (when the network's demand is small enough) and builds the DOT of the diagrams.
    static func exercise(_ network: CareNetwork, model makeModel: (RoutingTable) -> SimulationModel, what: String, drawNetwork: Bool = true) {
        if skipKnown, let known = knownDefect(in: network) {
            Stages.reached("\(what) skipped: \(known)")
            return
        }
        let router = ReferralRouter(network: network)
        let services = network.catalog.services
        let picked = services.isEmpty ? [] : [services[0], services[services.count / 2], services[services.count - 1]]
        var pathways: [(Pathway, String)] = []
        for centre in network.healthCentres.prefix(3) {
            for service in picked {
                for emergency in [false, true] {
                    if let pathway = try? router.route(ReferralRequest(entry: .healthCentre(centre), service: service.id, emergency: emergency)) {
                        pathways.append((pathway, service.key))
                    }
                }
            }
        }
        if let first = network.facilities.first, let service = picked.first {
            _ = try? router.route(ReferralRequest(entry: .location(first.location), service: service.id, emergency: true))
        }
        let table = RoutingTable(router: router)
        let model = makeModel(table)
        // The model's own invariants are asserted where it is built, in debug builds (the tests); here,
        // from the public API, the demand it will draw must be finite and not negative.
        let visits = network.demand.services.reduce(0.0) { $0 + $1.visitsPerPerson }
        let dailyArrivals = network.facilities.reduce(0.0) { total, facility in
            facility.tier == .healthCentre && facility.isOnRAMEDPathway ? total + Double(facility.catchment) * visits / 365 : total
        }
        if !dailyArrivals.isFinite || dailyArrivals < 0 { finding("\(what): the network's demand comes to \(dailyArrivals) arrivals a day") }
        if dailyArrivals <= maximumDailyArrivals {
            Stages.reached("\(what) 3 simulated")
            simulateOneDay(network, model, what: what)
        }
        for (pathway, service) in pathways.prefix(4) {
            _ = PathwayDiagram.graph(of: PathwayDiagramInput(pathway: pathway, in: network, service: service), in: network, language: .both).dotSource
        }
        if drawNetwork {
            for collapse in [false, true] {
                let options = NetworkDiagramOptions(collapseHealthCentres: collapse, language: .both)
                if let graph = try? NetworkDiagram.graph(of: network, options: options) { _ = graph.dotSource }
            }
        }
    }

    /// With FUZZ_SKIP_KNOWN=1, inputs that reach a defect known and being fixed are not run past
    /// loading, so that a campaign looks for others: servers or beds beyond Int32 (the model's
    /// Int32 conversion) and time parameters beyond 10^12 minutes (Double to Int conversions in the
    /// simulation). Remove an entry once its fix has landed.
    public static let skipKnown = ProcessInfo.processInfo.environment["FUZZ_SKIP_KNOWN"] == "1"

    static func knownDefect(in network: CareNetwork) -> String? {
        for facility in network.facilities {
            for capacity in facility.services {
                if capacity.servers > Int(Int32.max) { return "servers beyond Int32" }
                let time = capacity.timeInMinutes
                let parameters: [Double] = switch time {
                case .exponential(let mean): [mean]
                case .lognormal(let mean, let sd): [mean, sd]
                case .fixed(let value): [value]
                case .triangular(let low, let mode, let high): [low, mode, high]
                }
                if parameters.contains(where: { !($0.magnitude <= 1e12) }) { return "time parameter beyond 1e12 minutes" }
            }
        }
        return nil
    }

    /// One day, one replication, one thread; then the result document, its JSON, read back, and the
    /// load diagram of it.
    static func simulateOneDay(_ network: CareNetwork, _ model: SimulationModel, what: String) {
        var configuration = SimulationConfiguration(days: 1, warmupDays: 0, replications: 1, seed: 1, threads: 1)
        configuration.patientLimit = patientLimit
        let result = Simulation.run(model, configuration: configuration)
        if result.stoppedEarly == nil, !result.isBalanced {
            finding("\(what): unbalanced accounting: arrived \(result.arrived), completed \(result.completed), in system \(result.inSystem), not covered \(result.notCovered), unavailable \(result.unavailable), turned away \(result.turnedAway)")
        }
        let run = ResultDocument.Run(version: "fuzz", network: .init(path: "fuzz-network.yaml", digest: "0"))
        let document = ResultDocument(network: network, model: model, result: result, run: run)
        let text: String
        do { text = try document.jsonText() } catch { finding("\(what): the result document does not encode: \(error)") }
        do { _ = try ResultDocument.decode(Data(text.utf8), path: "fuzz-result.json") } catch {
            finding("\(what): the result document written does not read back: \(error)")
        }
        summarise(document)
        drawLoad(document.load, in: network)
    }

    /// What `carepath simulate` and `carepath compare` print from a document.
    static func summarise(_ document: ResultDocument) {
        _ = document.activeStations.count + document.overloadedStations.count + document.busiestStations.count + document.longestWaits.count
        _ = document.facilitiesByKey.count + document.tierFlows.count + document.facilityArrivals.count
        _ = try? document.jsonText()
        _ = ResultComparison(baseline: document, other: document).changes.count
        if let baseline = Training.result {
            _ = ResultComparison(baseline: baseline, other: document).changes.count
            _ = ResultComparison(baseline: document, other: baseline).changes.count
        }
    }

    /// The load diagram's DOT, when every key of the load names a facility of `network` (as
    /// `carepath render load` requires).
    static func drawLoad(_ load: LoadSummary, in network: CareNetwork) {
        var utilisation: [FacilityID: Double] = [:]
        for (key, share) in load.utilisation {
            guard let id = network.facilityID(key: key) else { return }
            utilisation[id] = share
        }
        var flows: [LoadDiagramInput.Flow] = []
        for flow in load.flows {
            guard let from = network.facilityID(key: flow.from), let to = network.facilityID(key: flow.to) else { return }
            flows.append(LoadDiagramInput.Flow(from: from, to: to, patients: flow.patients))
        }
        Stages.reached("load diagram drawn")
        let input = LoadDiagramInput(utilisation: utilisation, flows: flows, flowUnit: load.unit)
        _ = LoadDiagram.graph(of: input, in: network, language: .both).dotSource
    }
}

/// The training network (Networks/training-small.yaml), read once: scenarios apply to it and loads
/// are drawn on it. `CAREPATH_FUZZ_NETWORK` names another file.
enum Training {
    static let path: String = {
        if let path = ProcessInfo.processInfo.environment["CAREPATH_FUZZ_NETWORK"], !path.isEmpty { return path }
        // Fuzz/Sources/FuzzSupport/FuzzTargets.swift → the repository.
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { root.deleteLastPathComponent() }
        return root.appendingPathComponent("Networks/training-small.yaml").path
    }()

    static let report: NetworkLoader.Report = NetworkLoader.check(path: path)

    static let text: [UInt8] = {
        guard let data = FileManager.default.contents(atPath: path) else { fatalError("cannot read the training network '\(path)'") }
        return [UInt8](data)
    }()

    static let network: CareNetwork = {
        guard let network = report.network else { fatalError("the training network '\(path)' does not load:\n\(report.diagnostics.map(\.description).joined(separator: "\n"))") }
        return network
    }()

    static let description: NetworkDescription = {
        do { return try NetworkLoader.describe(path: path) } catch { fatalError("the training network '\(path)' does not load: \(error)") }
    }()

    static var diagnostics: [Diagnostic] { report.diagnostics }

    /// A two-day result on the training network, to compare fuzzed results with
    /// (`CAREPATH_FUZZ_RESULT`, else Fuzz/Corpus/result/training-2d-seed1.json when it is there).
    static let result: ResultDocument? = {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root.deleteLastPathComponent() }
        let path = ProcessInfo.processInfo.environment["CAREPATH_FUZZ_RESULT"] ?? root.appendingPathComponent("Corpus/result/training-2d-seed1.json").path
        return try? ResultDocument.read(path: path)
    }()
}
