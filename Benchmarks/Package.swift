// swift-tools-version: 6.1
import Foundation
import PackageDescription

// SwiftPM names a path dependency after its folder: whatever the clone is called.
let carePath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent.lowercased()

// CarePath's benchmarks (package-benchmark), kept in their own package so that building and testing
// CarePath does not build the benchmark harness. Run from this folder:
//   swift package benchmark                      # all
//   swift package benchmark --target NetworkLoading
let package = Package(
    name: "CarePathBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        benchmark("NetworkLoading", uses: ["CareNetwork"]),
        benchmark("Routing", uses: ["CareNetwork", "Referral"]),
        benchmark("Simulation", uses: ["CareNetwork", "Referral", "LoadSimulation"]),
        benchmark("Rendering", uses: ["CareNetwork", "Referral", "LoadSimulation", "Diagrams"]),
    ]
)

func benchmark(_ name: String, uses modules: [String]) -> Target {
    .executableTarget(
        name: name,
        dependencies: [.product(name: "Benchmark", package: "benchmark")]
            + modules.map { .product(name: $0, package: carePath) },
        path: name,
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
}
