import CareNetwork
import Foundation
import LoadSimulation
import Referral
import ResultReport
import SimulationResults

/// Two short runs of the training network: as it is, and with its what-if scenario (facilities
/// opened and closed, servers changed), same seed, so that a comparison is paired.
enum TrainingRuns {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let networkPath = root.appendingPathComponent("Networks/training-small.yaml").path
    static let scenarioPath = root.appendingPathComponent("Networks/scenarios/training-small-what-if.yaml").path
    static let network = try! NetworkLoader.load(path: networkPath)
    static let configuration = SimulationConfiguration(days: 20, warmupDays: 5, replications: 3, seed: 7)
    static let networkReference = ResultDocument.FileReference(path: "Networks/training-small.yaml", digest: "fnv1a64:00000000000000aa")

    static let baseline: ResultDocument = document(of: network, scenario: nil)
    static let variant: ResultDocument = {
        let application = ScenarioLoader.check(scenarioPath: scenarioPath, networkPath: networkPath).application!
        let scenario = ResultDocument.ScenarioReference(path: "Networks/scenarios/training-small-what-if.yaml", digest: "fnv1a64:00000000000000bb",
                                                        name: application.scenario.name?.text, changes: application.changes)
        return document(of: application.network, scenario: scenario)
    }()

    static func document(of network: CareNetwork, scenario: ResultDocument.ScenarioReference?) -> ResultDocument {
        let model = SimulationModel(network: network, table: RoutingTable(router: ReferralRouter(network: network)))
        let result = Simulation.run(model, configuration: configuration)
        return ResultDocument(network: network, model: model, result: result, run: .init(version: "test", network: networkReference, scenario: scenario))
    }

    /// The teaching case of the time model (opening hours, a morning profile): the report's waits by hour.
    static let morningPeak: ResultDocument = {
        let path = root.appendingPathComponent("Networks/scenarios/training-morning-peak.yaml").path
        let application = ScenarioLoader.check(scenarioPath: path, networkPath: networkPath).application!
        let scenario = ResultDocument.ScenarioReference(path: "Networks/scenarios/training-morning-peak.yaml", digest: "fnv1a64:00000000000000cc",
                                                        name: application.scenario.name?.text, changes: application.changes)
        return document(of: application.network, scenario: scenario)
    }()

    static let names = ReportNames(network)

    static func report(_ languages: ReportLanguages, comparing: Bool = false) -> ResultReport {
        ResultReport(baseline: .init(document: baseline, path: "base/result.json"),
                     variant: comparing ? .init(document: variant, path: "variant/result.json") : nil,
                     languages: languages, names: names)
    }
}
