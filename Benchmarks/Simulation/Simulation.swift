import Benchmark
import CareNetwork
import Foundation
import LoadSimulation
import Referral

// The simulation's hot loop, one replication on one thread (`threads: 1`), timed without loading the
// network or building its routes:
// - the fixed synthetic tiered network (SyntheticNetwork.swift: 500 health centres, 20 provincial and
//   4 regional hospitals, one CHU; cache-resident): the engine's own speed, one simulated year;
// - the bundled national network (2,224 health centres, about 15,000 stations: memory-bound), with its
//   opening hours, shifts, closed dates and arrival profiles, one simulated year (the issue "Time in
//   the model" asks for at most 3 s on one core);
// - the teaching network, one simulated year.
// (The event-list engine they were once compared with is a test-support target now, Tests/SimulationReference,
// out of reach of this package: the tests check it against the sweep, bit for bit.)
// Custom metrics report each run's station visits (service starts) and its station visits and events
// per second of wall time, in thousands (package-benchmark metrics are integers).
let benchmarks: @Sendable () -> Void = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let visits = BenchmarkMetric.custom("station visits (k)", polarity: .prefersLarger, useScalingFactor: false)
    let visitsPerSecond = BenchmarkMetric.custom("station visits/s (k)", polarity: .prefersLarger, useScalingFactor: false)
    let eventsPerSecond = BenchmarkMetric.custom("events/s (k)", polarity: .prefersLarger, useScalingFactor: false)
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .peakMemoryResident, visits, visitsPerSecond, eventsPerSecond],
        maxDuration: .seconds(60), maxIterations: 5)

    @Sendable func model(yaml: String? = nil, file: String) -> SimulationModel {
        let network = yaml.map { try! NetworkLoader.load(yaml: $0, path: file) } ?? (try! NetworkLoader.load(path: root.appendingPathComponent(file).path))
        return SimulationModel(network: network, table: RoutingTable(router: ReferralRouter(network: network)))
    }

    func year(_ name: String, _ build: @escaping @Sendable () -> SimulationModel) {
        Benchmark(name) { benchmark in
            let simulated = build()
            let configuration = SimulationConfiguration(days: 365, warmupDays: 0, replications: 1, seed: 1, threads: 1)
            for _ in benchmark.scaledIterations {
                let started = ContinuousClock.now
                benchmark.startMeasurement()
                let result = Simulation.run(simulated, configuration: configuration)
                benchmark.stopMeasurement()
                let seconds = (ContinuousClock.now - started) / .seconds(1)
                benchmark.measurement(visits, result.stationVisits / 1_000)
                benchmark.measurement(visitsPerSecond, Int(Double(result.stationVisits) / seconds / 1e3))
                benchmark.measurement(eventsPerSecond, Int(Double(result.events) / seconds / 1e3))
                blackHole(result.stationVisits)
            }
        }
    }

    @Sendable func synthetic() -> SimulationModel {
        let training = try! String(contentsOf: root.appendingPathComponent("Networks/training-small.yaml"), encoding: .utf8)
        return model(yaml: SyntheticNetwork.yaml(training: training), file: "synthetic.yaml")
    }
    year("synthetic tiered network: one simulated year", synthetic)
    year("morocco: one simulated year") { model(file: "Networks/morocco.yaml") }
    year("training-small: one simulated year") { model(file: "Networks/training-small.yaml") }
}
