import CareNetwork
import CareRules
import Foundation
import Testing
@testable import Referral

/// The bundled national network, Networks/morocco.yaml, or nil when it is absent.
enum NationalNetwork {
    static let network: CareNetwork? = {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Networks/morocco.yaml").path
        return try? NetworkLoader.load(path: path)
    }()
}

/// The router over the bundled national network (skipped when it is absent).
@Suite("Routing the national network", .enabled(if: NationalNetwork.network != nil))
struct NationalNetworkTests {
    static var network: CareNetwork? { NationalNetwork.network }

    @Test("P0-P5: every health centre, every service, both ways: public Moroccan steps only, no skipped level without P0")
    func everyRoute() throws {
        let network = try #require(Self.network)
        let table = RoutingTable(router: ReferralRouter(network: network))
        #expect(table.invariantViolations().isEmpty)
        #expect(table.healthCentres.count == Array(network.healthCentres).count)
        for entry in 0..<table.entryCount {
            let visits = table.visited(entry: entry)
            for facility in visits { #expect(network[FacilityID(Int(facility))].isOnRAMEDPathway) }
            let levels = visits.map { network[FacilityID(Int($0))].tier.level }
            let emergency = entry % 2 == 1
            // After the first stop (the health centre, or the P0 hospital), each step goes one level up.
            for (a, b) in zip(levels, levels.dropFirst()) where b != a + 1 {
                Issue.record("entry \(entry) (emergency \(emergency)) skips from level \(a) to \(b)")
            }
            if !emergency, let first = levels.first { #expect(first == 1) }
        }
    }

    @Test("P4: Guelmim-Oued Noun has no CHU and refers to another region's CHU")
    func p4CrossRegion() throws {
        let network = try #require(Self.network)
        let region = try #require(network.region(key: "guelmim-oued-noun"))
        let chu = try #require(region.chuReferral)
        let centre = try #require(network.healthCentres.first { network[$0].region == region.id })
        let pathway = try ReferralRouter(network: network).route(ReferralRequest(entry: .healthCentre(centre), service: network.catalog.id(forKey: "neurosurgery")!))
        let p4 = try #require(pathway.steps.first { $0.rule == .p4 })
        #expect(p4.facility == chu)
        #expect(network[chu].region != region.id)
    }
}
