import CareNetwork
import Foundation
import Referral
import Testing
@testable import LoadSimulation

/// The referral rates move patients up the chain of the station's own province: the national
/// network sends Ouarzazate's patients to the CHR and CHU of Marrakech (its province-chains table), so
/// a patient referred on from the CHP of Ouarzazate climbs there, while Errachidia's go to their own
/// region's CHR.
@Suite("Province chains in the simulation")
struct ProvinceChainTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("a referral from the CHP of Ouarzazate climbs to Marrakech; one from the CHP of Errachidia to the CHR of Errachidia")
    func referralsFollowTheProvince() throws {
        let network = try NetworkLoader.load(path: Self.root.appendingPathComponent("Networks/morocco.yaml").path)
        let model = SimulationModel(network: network, table: RoutingTable(router: ReferralRouter(network: network)))
        func firstFacilitiesUp(from key: String) throws -> Set<String> {
            let facility = try #require(network.facilityID(key: key))
            var reached = Set<String>()
            for s in 0..<model.stationCount where Int(model.stationFacility[s]) == facility.index && model.escalation[s] >= 0 {
                let route = Int(model.escalationRoute[s])
                // The first facility the escalated patient reaches: its route's first, or the target's.
                let first = route >= 0 ? Int(model.routeFacilities[Int(model.routeOffsets[route])]) : Int(model.stationFacility[Int(model.escalation[s])])
                reached.insert(network.facilities[first].key)
            }
            return reached
        }
        let ouarzazate = try firstFacilitiesUp(from: "chp-bougafer-ouarzazate")
        #expect(!ouarzazate.isEmpty)
        #expect(ouarzazate == ["chr-ibn-zohr-marrakech"], "\(ouarzazate)")
        let errachidia = try firstFacilitiesUp(from: "chp-errachidia")
        #expect(errachidia == ["chr-moulay-ali-cherif-errachidia"], "\(errachidia)")
    }
}
