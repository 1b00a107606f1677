import Benchmark
import CareNetwork
import Foundation
import Referral

// Routing every public health centre of the national network for every service, emergency or not:
// once through `ReferralRouter.route` (full pathways with their reason text), once by building the
// flat `RoutingTable` the simulation reads, and the table lookup itself. Compare ratios between runs,
// not single times: the machines are shared.
let benchmarks: @Sendable () -> Void = {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Networks/morocco.yaml").path
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .throughput, .mallocCountTotal],
        maxDuration: .seconds(10), maxIterations: 50
    )
    let network: CareNetwork
    do { network = try NetworkLoader.load(path: path) } catch { fatalError("\(error)") }
    let router = ReferralRouter(network: network)
    let centres = Array(network.healthCentres)
    let services = network.catalog.services.map(\.id)

    Benchmark("route every health centre for every service") { benchmark in
        for _ in benchmark.scaledIterations {
            var steps = 0
            for centre in centres {
                for service in services {
                    for emergency in [false, true] {
                        let request = ReferralRequest(entry: .healthCentre(centre), service: service, emergency: emergency)
                        steps &+= (try? router.route(request))?.steps.count ?? 0
                    }
                }
            }
            blackHole(steps)
        }
    }

    Benchmark("build the routing table (every health centre, service, emergency flag)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(RoutingTable(router: router))
        }
    }

    let table = RoutingTable(router: router)
    Benchmark("routing table lookup", configuration: .init(scalingFactor: .mega)) { benchmark in
        var entry = 0, sum: Int32 = 0
        for _ in benchmark.scaledIterations {
            sum &+= table.treatingFacility(entry: entry)
            entry = (entry + 7919) % table.entryCount
        }
        blackHole(sum)
    }
}
