import Foundation
import Testing
@testable import CareNetwork

@Suite("Bundled networks")
struct BundledNetworkTests {
    @Test("Networks/morocco.yaml validates with no error and holds the national network")
    func national() throws {
        let report = NetworkLoader.check(path: Fixtures.path("Networks/morocco.yaml"))
        let errors = report.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.prefix(10).map(\.description))")
        let network = try #require(report.network)
        #expect(network.regions.count == 12)
        #expect(network.provinces.count == 75)
        #expect(network.population == 36_828_330)
        let centres = network.healthCentres
        #expect(centres.count >= 2_000)
        // Every public health centre has a complete chain (P2, P3, P4), and catchments cover the population.
        for centre in centres {
            let chain = try #require(network.chain(of: centre))
            #expect(chain.p2 != nil && chain.p3 != nil && chain.p4 != nil, "\(network[centre].key)")
        }
        let catchment = centres.reduce(0) { $0 + network[$1].catchment }
        #expect(abs(Double(catchment - network.population)) < 0.02 * Double(network.population))
        #expect(network.facilities.filter { $0.tier == .universityHospital && $0.isOnRAMEDPathway }.count >= 7)
        #expect(network.invariantViolations().isEmpty)
        #expect(NetworkLoader.bundledNetworkPath.hasSuffix("Networks/morocco.yaml"))
    }

    @Test("Networks/training-small.yaml validates and has every tier, a private and a foreign facility")
    func training() throws {
        let report = NetworkLoader.check(path: Fixtures.path("Networks/training-small.yaml"))
        #expect(!report.diagnostics.hasErrors, "\(report.diagnostics.map(\.description))")
        let network = try #require(report.network)
        for tier in Tier.allCases {
            #expect(network.facilities.contains { $0.tier == tier && $0.isOnRAMEDPathway }, "\(tier)")
        }
        #expect(network.facilities.contains { $0.sector == .private })
        #expect(network.facilities.contains { !$0.isInMorocco })
        #expect((10...25).contains(network.facilities.count))
    }
}
