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

    static func visits(_ network: CareNetwork, _ centre: String, _ service: String, reading: ReferralRouter.P2Reading = .chain) throws -> [String] {
        let pathway = try ReferralRouter(network: network, p2Reading: reading).route(ReferralRequest(
            entry: .healthCentre(try #require(network.facilityID(key: centre))), service: try #require(network.catalog.id(forKey: service)),
            emergency: false, status: .assumedCardholder))
        return pathway.visitedFacilities.map { network[$0].key }
    }

    @Test("P2 reading: Tanger's oncology goes up its chain to the CHU of Tanger, not 173 km to Al Hoceima")
    func oncologyInTanger() throws {
        let network = try #require(Self.network)
        let chain = try Self.visits(network, "csu-sebt-azzinate-2", "oncology")
        #expect(chain.last == "chu-mohammed-vi-tanger", "\(chain)")
        #expect(try Self.visits(network, "csu-sebt-azzinate-2", "oncology", reading: .offering) == ["csu-sebt-azzinate-2", "hs-oncologie-al-hoceima"])
        // Where the oncology centre is nearer than the chain's way, it is still the P2 (Oujda's centre from Tendrara).
        #expect(try Self.visits(network, "csr-tendrara", "oncology") == ["csr-tendrara", "hs-oncologie-oujda"])
    }

    @Test("psychiatric hospitals take psychiatry only: no specialist consultation goes to one")
    func psychiatry() throws {
        let network = try #require(Self.network)
        let psychiatric = Set(network.facilities.filter { $0.tier == .specialisedHospital && $0.offers(network.catalog.id(forKey: "psychiatry")!) }.map(\.key))
        #expect(psychiatric.count == 8)
        let table = RoutingTable(router: ReferralRouter(network: network))
        let consultation = try #require(network.catalog.id(forKey: "specialist-consultation"))
        for centre in network.healthCentres {
            let entry = table.entry(slot: table.slot(of: centre)!, service: consultation, emergency: false)
            for facility in table.visited(entry: entry) { #expect(!psychiatric.contains(network[FacilityID(Int(facility))].key)) }
        }
        #expect(try Self.visits(network, "csu-hssaine-1", "psychiatry").last.map { psychiatric.contains($0) } == true)
    }

    @Test("province targets: Ouarzazate and Zagora go P3 and P4 to Marrakech, Errachidia to Errachidia and Fès")
    func draaTafilalet() throws {
        let network = try #require(Self.network)
        #expect(try Self.visits(network, "csu-ouarzazate-1", "neurosurgery") == ["csu-ouarzazate-1", "chp-bougafer-ouarzazate", "chr-ibn-zohr-marrakech", "chu-mohammed-vi-marrakech"])
        let errachidia = try Self.visits(network, "csu-errachidia-1", "neurosurgery")
        #expect(errachidia.suffix(2) == ["chr-moulay-ali-cherif-errachidia", "chu-hassan-ii-fes"], "\(errachidia)")
    }

}
