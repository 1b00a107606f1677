import CarePathSupport
import CareNetwork
import Foundation
import LoadSimulation
import Referral
import SimulationResults

/// What a run simulates, loaded: the network (with the scenario applied, if any), the model built
/// from it, and the run's identity as result.json records it (version, network and scenario files
/// with their digests). Shards, merges and sweeps load their inputs through here, as
/// `carepath simulate` loads its own, so that their result documents are the same.
public struct RunInputs: Sendable {
    /// The network as simulated (the scenario applied).
    public let network: CareNetwork
    /// The simulation model built from it.
    public let model: SimulationModel
    /// The run's identity as result.json records it.
    public let run: ResultDocument.Run
    /// A scenario's warnings (its errors stop the load).
    public let warnings: [Diagnostic]

    /// Loads `networkPath`, with `scenarioPath` applied when given; `version` is the CarePath
    /// version recorded. Throws ``SweepError`` with the files' diagnostics when one does not load.
    public init(networkPath: String, scenarioPath: String?, version: String) throws(SweepError) {
        let network: CareNetwork, application: ScenarioApplication?
        var warnings: [Diagnostic] = []
        if let scenarioPath {
            let report = ScenarioLoader.check(scenarioPath: scenarioPath, networkPath: networkPath)
            guard let loaded = report.application else { throw SweepError(nil, diagnostics: report.diagnostics) }
            warnings = report.diagnostics
            application = loaded
            network = loaded.network
        } else {
            do { network = try NetworkLoader.load(path: networkPath) } catch {
                throw SweepError("'\(networkPath)' is not a valid network (run carepath validate)", diagnostics: error.diagnostics)
            }
            application = nil
        }
        let table = RoutingTable(router: ReferralRouter(network: network))
        self.network = network
        self.model = application?.model(table: table) ?? SimulationModel(network: network, table: table)
        self.warnings = warnings
        self.run = ResultDocument.Run(
            version: version, network: .init(path: networkPath, digest: Self.digest(ofFile: networkPath)),
            scenario: scenarioPath.flatMap { path in
                application.map { .init(path: path, digest: Self.digest(ofFile: path), name: $0.scenario.name?.text, changes: $0.changes) }
            })
    }

    /// The digest of a file's bytes (``FNV1a64``), as `carepath simulate` records it.
    public static func digest(ofFile path: String) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { return "unreadable" }
        return FNV1a64.digest(of: data)
    }

    /// The result files of `replications` (all the run's, in order), aggregated as
    /// `carepath simulate` aggregates them.
    public func resultFiles(configuration: SimulationConfiguration, replications: [ReplicationResult]) -> ResultFiles {
        let result = Simulation.aggregate(model: model, configuration: configuration, replications: replications)
        return ResultFiles(network: network, model: model, result: result, run: run)
    }
}
