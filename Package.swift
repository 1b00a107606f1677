// swift-tools-version: 6.1
import PackageDescription

// CarePath: Morocco's public health-facility network for RAMED patients.
// Each target depends on exactly what it imports; arrows point from a target to those above it:
//   CCarePathSystem   renameat2 (C), which Swift's Glibc module does not declare, and snprintf of one double
//   CarePathSupport   ← CCarePathSystem: one of each small helper (did-you-mean, atomic writes, numbers, hashes)
//   CareNetwork       ← CarePathSupport, Yams
//   CareRules         ← CareNetwork
//   Referral          ← CareNetwork, CareRules
//   LoadSimulation    ← CarePathSupport, CareNetwork, Referral, Histogram
//   SimulationResults ← CarePathSupport, CareNetwork, LoadSimulation: the typed result document
//   Diagrams          ← CarePathSupport, CareNetwork, Referral, CGraphviz
//   Sweeps            ← CarePathSupport, CareNetwork, Referral, LoadSimulation, SimulationResults: shards, exact merges, sweeps
//   ResultReport      ← CarePathSupport, CareNetwork, LoadSimulation, SimulationResults, Diagrams: the HTML report
//   carepath (CLI)    ← all of them, ArgumentParser
let package = Package(
    name: "CarePath",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "carepath", targets: ["CarePathCLI"]),
        .executable(name: "generate-network", targets: ["GenerateNetwork"]),
        .library(name: "CareNetwork", targets: ["CareNetwork"]),
        .library(name: "CareRules", targets: ["CareRules"]),
        .library(name: "Referral", targets: ["Referral"]),
        .library(name: "LoadSimulation", targets: ["LoadSimulation"]),
        .library(name: "SimulationResults", targets: ["SimulationResults"]),
        .library(name: "Diagrams", targets: ["Diagrams"]),
        .library(name: "ResultReport", targets: ["ResultReport"]),
        .library(name: "Sweeps", targets: ["Sweeps"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
    ],
    targets: [
        // The one system call Swift's Glibc module does not declare (renameat2, for swapping a directory in);
        // not named CSystem: swift-system, which the benchmarks depend on, has a target of that name.
        .target(name: "CCarePathSystem"),
        .target(name: "CarePathSupport", dependencies: ["CCarePathSystem"]),
        .target(
            name: "CareNetwork",
            dependencies: ["CarePathSupport", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "CareRules", dependencies: ["CareNetwork"]),
        .target(name: "Referral", dependencies: ["CareNetwork", "CareRules"]),
        .target(
            name: "LoadSimulation",
            dependencies: [
                "CarePathSupport", "CareNetwork", "Referral",
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ]
        ),
        .target(
            name: "SimulationResults",
            dependencies: ["CarePathSupport", "CareNetwork", "LoadSimulation"]
        ),
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        .target(
            name: "Diagrams",
            dependencies: ["CarePathSupport", "CareNetwork", "Referral", "CGraphviz"]
        ),
        .target(
            name: "ResultReport",
            dependencies: ["CarePathSupport", "CareNetwork", "LoadSimulation", "SimulationResults", "Diagrams"]
        ),
        .target(
            name: "Sweeps",
            dependencies: ["CarePathSupport", "CareNetwork", "Referral", "LoadSimulation", "SimulationResults"]
        ),
        .executableTarget(
            name: "CarePathCLI",
            dependencies: [
                "CarePathSupport", "CareNetwork", "CareRules", "Referral", "LoadSimulation", "SimulationResults", "Diagrams", "ResultReport", "Sweeps",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The national network built from the public tables of Networks/source/ (swift run generate-network).
        .target(name: "NetworkGenerator", dependencies: ["CareNetwork", "Referral", "LoadSimulation"]),
        .executableTarget(name: "GenerateNetwork", dependencies: ["CarePathSupport", "NetworkGenerator"]),
        // What several test targets share: the `# expect:` lines of the example files.
        .target(name: "CarePathTestSupport", path: "Tests/Support"),
        // The event-list engine, the reference the station sweep is checked against bit for bit; it
        // reads LoadSimulation's package-level engine parts (layout, arrival streams, samplers, counters).
        .target(
            name: "SimulationReference",
            dependencies: ["CarePathSupport", "LoadSimulation", .product(name: "HeapModule", package: "swift-collections")],
            path: "Tests/SimulationReference"
        ),
        .testTarget(name: "CarePathSupportTests", dependencies: ["CarePathSupport"]),
        .testTarget(name: "CareNetworkTests", dependencies: ["CareNetwork", "CarePathSupport", "CarePathTestSupport"]),
        .testTarget(name: "CareRulesTests", dependencies: ["CareRules", "CareNetwork"]),
        .testTarget(name: "ReferralTests", dependencies: ["Referral", "CareRules", "CareNetwork", "CarePathSupport"]),
        .testTarget(name: "LoadSimulationTests", dependencies: ["LoadSimulation", "SimulationReference", "Referral", "CareNetwork", "CarePathTestSupport",
                                                             .product(name: "Histogram", package: "hdrhistogram-swift")]),
        // The golden DOT files are read through #filePath, not bundled.
        .testTarget(name: "DiagramsTests", dependencies: ["Diagrams", "LoadSimulation", "Referral", "CareNetwork"], exclude: ["Golden/training-network.dot", "Golden/training-pathway.dot", "Golden/training-load.dot"]),
        .testTarget(name: "SimulationResultsTests", dependencies: ["SimulationResults", "LoadSimulation", "Referral", "CareNetwork"]),
        .testTarget(name: "CarePathCLITests", dependencies: ["CarePathCLI", "CarePathSupport", "LoadSimulation"]),
        .testTarget(name: "SweepsTests", dependencies: ["Sweeps", "SimulationResults", "LoadSimulation", "CareNetwork", "CarePathSupport"]),
        .testTarget(name: "ResultReportTests", dependencies: ["ResultReport", "SimulationResults", "LoadSimulation", "Referral", "CareNetwork"]),
        .testTarget(name: "NetworkGeneratorTests", dependencies: ["NetworkGenerator", "CareNetwork"]),
    ],
    swiftLanguageModes: [.v6]
)
