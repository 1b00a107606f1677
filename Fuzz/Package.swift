// swift-tools-version: 6.1
import Foundation
import PackageDescription

// SwiftPM names a path dependency after its folder: whatever the clone is called.
let carePath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent.lowercased()

// CarePath's fuzz harness (libFuzzer), a package of its own like Benchmarks/, so that building and
// testing CarePath does not build it. It reaches only the public API of CarePath's libraries.
// Build and run through the script beside this file, which passes the sanitizer flags:
//   Fuzz/run 60            # every target, 60 s each
//   Fuzz/run 300 network   # one target
// Each target is an executable whose entry point hands over to libFuzzer's driver with its
// LLVMFuzzerTestOneInput (Sources/Fuzz*/main.swift); it only links with `-sanitize=fuzzer` and
// `-parse-as-library`.
let package = Package(
    name: "CarePathFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: ".."),
    ],
    targets: [
        .target(
            name: "FuzzSupport",
            dependencies: ["CFuzzerDriver"] + ["CareNetwork", "Referral", "LoadSimulation", "SimulationResults", "Diagrams"].map {
                .product(name: $0, package: carePath)
            }
        ),
        // LLVMFuzzerRunDriver's declaration (libFuzzer's, linked by -sanitize=fuzzer).
        .target(name: "CFuzzerDriver"),
        .executableTarget(name: "FuzzNetwork", dependencies: ["FuzzSupport", "CFuzzerDriver"]),
        .executableTarget(name: "FuzzScenario", dependencies: ["FuzzSupport", "CFuzzerDriver"]),
        .executableTarget(name: "FuzzResult", dependencies: ["FuzzSupport", "CFuzzerDriver"]),
        .executableTarget(name: "FuzzEdits", dependencies: ["FuzzSupport", "CFuzzerDriver"]),
    ],
    swiftLanguageModes: [.v6]
)
