import Foundation
import LoadSimulation
import SimulationResults
@testable import Sweeps

/// The teaching network and its what-if scenario, short runs of them, and scratch directories.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let network = root + "/Networks/training-small.yaml"
    static let scenario = root + "/Networks/scenarios/training-small-what-if.yaml"
    static let version = "test-1"

    static let base = try! RunInputs(networkPath: network, scenarioPath: nil, version: version)
    static let whatIf = try! RunInputs(networkPath: network, scenarioPath: scenario, version: version)
    /// The teaching case of the time model: opening hours and a morning profile.
    static let morningPeak = try! RunInputs(networkPath: network, scenarioPath: root + "/Networks/scenarios/training-morning-peak.yaml", version: version)

    /// 12 days, 2 of warm-up: enough for every array of a replication to hold something.
    static func configuration(replications: Int = 5, seed: UInt64 = 7, days: Double = 12) -> SimulationConfiguration {
        SimulationConfiguration(days: days, warmupDays: 2, replications: replications, seed: seed)
    }

    /// What `carepath simulate --out` writes for the whole run, file by file.
    static func singleRun(_ inputs: RunInputs, _ configuration: SimulationConfiguration) throws -> [String: String] {
        let result = Simulation.run(inputs.model, configuration: configuration)
        let files = ResultFiles(network: inputs.network, model: inputs.model, result: result, run: inputs.run)
        return Dictionary(uniqueKeysWithValues: try files.contents().map { ($0.name, $0.text) })
    }

    /// The partial of replications `range` of a run.
    static func partial(_ inputs: RunInputs, _ configuration: SimulationConfiguration, _ range: Range<Int>) -> PartialResult {
        PartialResult(run: inputs.run, configuration: configuration, batch: Simulation.run(inputs.model, configuration: configuration, replications: range))
    }

    /// A new empty directory.
    static func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("carepath-sweeps-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Writes `text` to `name` in a new directory and returns its path.
    static func file(_ text: String, name: String = "sweep.yaml") throws -> String {
        let path = try temporaryDirectory() + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
