import Benchmark
import CareNetwork
import Diagrams
import Foundation

// Rendering benchmarks: building the graph (pure Swift) apart from laying it out and rendering it
// (libgvc), on the bundled national network. One renderer for all iterations, as a long-lived process
// should (libgvc grows about 20 KB per render even with everything freed).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident], maxDuration: .seconds(10), maxIterations: 50)

    Benchmark("Network diagram graph, national, collapsed (DOT text)") { benchmark in
        let network = try NetworkLoader.load(path: NetworkLoader.bundledNetworkPath)
        let options = NetworkDiagramOptions(collapseHealthCentres: true, language: .both)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try NetworkDiagram.graph(of: network, options: options).dotSource)
        }
    }

    Benchmark("Network diagram SVG, national, collapsed") { benchmark in
        let network = try NetworkLoader.load(path: NetworkLoader.bundledNetworkPath)
        let renderer = try GraphvizRenderer()
        let graph = try NetworkDiagram.graph(of: network, options: NetworkDiagramOptions(collapseHealthCentres: true, language: .both))
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try renderer.render(graph, format: .svg))
        }
    }

    Benchmark("Pathway diagram SVG, health centre to CHU") { benchmark in
        let network = try NetworkLoader.load(path: NetworkLoader.bundledNetworkPath)
        let renderer = try GraphvizRenderer()
        guard let centre = network.healthCentres.first, let chain = network.chain(of: centre) else { return }
        let steps = chain.facilities.enumerated().map { offset, id in
            PathwayDiagramInput.Step(facility: id, rule: network[id].tier.arrivalRule, action: offset == chain.facilities.count - 1 ? "treats" : "refers up")
        }
        let graph = PathwayDiagram.graph(of: PathwayDiagramInput(steps: steps, outcome: .treated, service: "cardiac-surgery", defaultChain: chain.facilities), in: network, language: .both)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try renderer.render(graph, format: .svg))
        }
    }
}
