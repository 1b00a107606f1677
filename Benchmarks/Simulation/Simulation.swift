import Benchmark
import CareNetwork
import Foundation
import LoadSimulation
import Referral

// The simulation's hot loop on the teaching network (small, cache-resident: the engine's own speed)
// and on the national network (15,000 stations: memory-bound). One replication, one thread each.
let benchmarks: @Sendable () -> Void = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .cpuTotal, .peakMemoryResident, .throughput], maxDuration: .seconds(20), maxIterations: 5)

    func model(_ file: String) -> SimulationModel {
        let network = try! NetworkLoader.load(path: root.appendingPathComponent(file).path)
        return SimulationModel(network: network, table: RoutingTable(router: ReferralRouter(network: network)))
    }

    Benchmark("training-small: one simulated year, one replication") { benchmark in
        let small = model("Networks/training-small.yaml")
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(Simulation.run(small, configuration: SimulationConfiguration(days: 365, warmupDays: 0, replications: 1, seed: 1, threads: 1)).stationVisits)
        }
    }

    Benchmark("morocco: 30 simulated days, one replication") { benchmark in
        let national = model("Networks/morocco.yaml")
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(Simulation.run(national, configuration: SimulationConfiguration(days: 30, warmupDays: 0, replications: 1, seed: 1, threads: 1)).stationVisits)
        }
    }
}
