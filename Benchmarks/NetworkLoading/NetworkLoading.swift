import Benchmark
import CareNetwork
import Foundation

// Loading and validating the bundled national network: read, parse, decode, validate, index and
// precompute every chain. Target (issue 2): well under a second.
let benchmarks: @Sendable () -> Void = {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Networks/morocco.yaml").path
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident], maxDuration: .seconds(10), maxIterations: 20)

    Benchmark("load and validate Networks/morocco.yaml") { benchmark in
        for _ in benchmark.scaledIterations {
            let report = NetworkLoader.check(path: path)
            precondition(report.network != nil, "the national network must validate")
            blackHole(report)
        }
    }

    Benchmark("parse and decode only (no semantic checks, no chains)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try NetworkLoader.describe(path: path).facilities.count)
        }
    }
}
