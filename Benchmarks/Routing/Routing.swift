import Benchmark
import CareNetwork
import Foundation
import Referral

// Routing every public health centre of a network for every service, emergency or not:
// - building the flat `RoutingTable` the simulation reads (no reason text);
// - the same routes through `ReferralRouter.route`, full pathways with their reason text;
// - a table lookup, as the simulation does it.
// The network is the bundled national one, `Networks/morocco.yaml`, or the file `$CAREPATH_NETWORK`
// names (`CAREPATH_NETWORK=../Networks/training-small.yaml swift package benchmark --target Routing`).
// Besides times and mallocs, each routing benchmark reports routes per second of wall time, in
// thousands (package-benchmark metrics are integers). Compare ratios between runs, not single
// times: the machines are shared.
let benchmarks: @Sendable () -> Void = {
    let path = NetworkLoader.bundledNetworkPath
    let network: CareNetwork
    do { network = try NetworkLoader.load(path: path) } catch { fatalError("\(path): \(error)") }
    let router = ReferralRouter(network: network)
    let centres = Array(network.healthCentres)
    let services = network.catalog.services.map(\.id)
    // Every health centre × every service × emergency or not.
    let routes = centres.count * services.count * 2

    let routesPerSecond = BenchmarkMetric.custom("routes/s (k)", polarity: .prefersLarger, useScalingFactor: false)
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .throughput, .mallocCountTotal, routesPerSecond],
        maxDuration: .seconds(10), maxIterations: 50
    )

    /// Times `body` (one pass over every route) on each iteration and reports its routes per second.
    func routing(_ name: String, _ body: @escaping @Sendable () -> Int) {
        Benchmark(name) { benchmark in
            for _ in benchmark.scaledIterations {
                let started = ContinuousClock.now
                benchmark.startMeasurement()
                let checksum = body()
                benchmark.stopMeasurement()
                let seconds = (ContinuousClock.now - started) / .seconds(1)
                benchmark.measurement(routesPerSecond, Int(Double(routes) / seconds / 1e3))
                blackHole(checksum)
            }
        }
    }

    routing("build the routing table (every health centre, service, emergency flag)") {
        RoutingTable(router: router).visits.count
    }

    routing("route every health centre for every service") {
        var steps = 0
        for centre in centres {
            for service in services {
                for emergency in [false, true] {
                    let request = ReferralRequest(entry: .healthCentre(centre), service: service, emergency: emergency)
                    steps &+= (try? router.route(request))?.steps.count ?? 0
                }
            }
        }
        return steps
    }

    let table = RoutingTable(router: router)
    Benchmark("routing table lookup", configuration: .init(metrics: [.wallClock, .throughput, .mallocCountTotal], scalingFactor: .mega)) { benchmark in
        var entry = 0, sum: Int32 = 0
        for _ in benchmark.scaledIterations {
            sum &+= table.treatingFacility(entry: entry)
            entry = (entry + 7919) % table.entryCount
        }
        blackHole(sum)
    }
}
