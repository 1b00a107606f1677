import CareNetwork
import CareRules
import Testing
@testable import Referral

@Suite("RoutingTable: every health centre's pathways as flat arrays")
struct RoutingTableTests {
    typealias F = ReferralFixtures
    static let table = RoutingTable(router: F.router)

    @Test("the table's layout invariants hold")
    func invariants() {
        #expect(Self.table.invariantViolations().isEmpty)
        // Public Moroccan health centres only (X2, X3): cs-private and cs-paris are not routed.
        #expect(Self.table.healthCentres.map { F.network[$0].key } == ["cs-one", "cs-two", "cs-three"])
        #expect(Self.table.slot(of: F.id("cs-private")) == nil)
    }

    @Test("P0-P5: every entry of the table matches the router's pathway")
    func matchesRouter() throws {
        let table = Self.table
        for centre in table.healthCentres {
            for service in F.network.catalog.services {
                for emergency in [false, true] {
                    let pathway = try F.router.route(ReferralRequest(entry: .healthCentre(centre), service: service.id, emergency: emergency))
                    let entry = table.entry(slot: table.slot(of: centre)!, service: service.id, emergency: emergency)
                    #expect(Array(table.visited(entry: entry)) == pathway.visitedFacilities.map { Int32($0.index) })
                    let expected: Int32 = switch pathway.outcome {
                    case .treated(let at): Int32(at.index)
                    case .notCovered: RoutingTable.notCovered
                    case .unavailable: RoutingTable.unavailable
                    }
                    #expect(table.treatingFacility(entry: entry) == expected)
                }
            }
        }
    }

    @Test("X1 and unavailable codes: cosmetic surgery is not covered, oncology unavailable")
    func codes() {
        let table = Self.table, slot = table.slot(of: F.id("cs-one"))!
        #expect(table.treatingFacility(entry: table.entry(slot: slot, service: F.service("cosmetic-surgery"), emergency: false)) == RoutingTable.notCovered)
        #expect(table.treatingFacility(entry: table.entry(slot: slot, service: F.service("oncology"), emergency: true)) == RoutingTable.unavailable)
        let p4 = table.entry(slot: slot, service: F.service("cardiac-surgery"), emergency: false)
        #expect(Array(table.rules[Int(table.offsets[p4])..<Int(table.offsets[p4 + 1])]) == [1, 2, 3, 4])
    }
}
