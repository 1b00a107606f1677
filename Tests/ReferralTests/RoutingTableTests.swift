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

/// ``RoutingTable/invariantViolations()`` on tables built broken on purpose.
@Suite("RoutingTable invariants")
struct RoutingTableInvariantTests {
    typealias F = ReferralFixtures

    /// The fixture's table with its first visit's rule code made 7, which no rule has.
    static func badRuleCode() -> RoutingTable {
        let table = RoutingTable(router: F.router)
        var rules = table.rules
        rules[0] = 7
        return RoutingTable(serviceCount: table.serviceCount, healthCentres: table.healthCentres, slotByFacility: table.slotByFacility,
                            offsets: table.offsets, visits: table.visits, rules: rules, treatedAt: table.treatedAt)
    }

    @Test("rule codes decode to P0-P4 and back")
    func ruleCodes() {
        for rule in [RuleID.p0, .p1, .p2, .p3, .p4] { #expect(RoutingTable.rule(code: RoutingTable.ruleCode(rule)) == rule) }
        #expect(RoutingTable.rule(code: 5) == nil)
    }

    #if DEBUG
    @Test("a rule code that is no rule stops a debug build as the table is built")
    func brokenStopsDebugBuild() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = RoutingTableInvariantTests.badRuleCode()
        }
        let stderr = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(stderr.contains("RoutingTable invariants broken: rule code 7 is not P0-P4"), "\(stderr)")
    }
    #else
    @Test("a rule code that is no rule is reported (a release build does not check at construction)")
    func brokenIsReported() {
        #expect(Self.badRuleCode().invariantViolations() == ["rule code 7 is not P0-P4"])
    }
    #endif
}
