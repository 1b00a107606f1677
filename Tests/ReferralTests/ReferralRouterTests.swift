import CareNetwork
import CareRules
import Testing
@testable import Referral

@Suite("ReferralRouter: the chain P0-P5 and the coverage checks")
struct ReferralRouterTests {
    typealias F = ReferralFixtures

    @Test("the fixture network loads and its index invariants hold")
    func fixtureLoads() {
        #expect(F.network.invariantViolations().isEmpty)
    }

    @Test("P1: a health centre that provides the service treats the patient (P5)")
    func p1TreatsAtHealthCentre() throws {
        let pathway = try F.route(from: "cs-one", "general-consultation")
        #expect(F.trail(pathway) == ["P1 cs-one first-contact", "P5 cs-one treatment"])
        #expect(F.key(pathway.treatedAt) == "cs-one")
        #expect(pathway.rule == .p5)
    }

    @Test("P2: the nearest level-2 hospital of the region that offers the service, not the default P2")
    func p2PrefersHospitalOfferingService() throws {
        // cs-one's default P2 is hp-a (nearest), but only hp-b offers specialist consultations.
        #expect(F.key(F.network.nextLevel(from: F.id("cs-one"))) == "hp-a")
        let pathway = try F.route(from: "cs-one", "specialist-consultation")
        #expect(F.trail(pathway) == ["P1 cs-one first-contact", "P2 hp-b referral", "P5 hp-b treatment"])
        #expect(abs(pathway.steps[1].distanceKm - F.network.distanceKm(F.id("cs-one"), F.id("hp-b"))) < 1e-9)
    }

    @Test("P2: without a level-2 hospital offering the service, the default P2 (nearest)")
    func p2FallsBackToDefault() throws {
        let pathway = try F.route(from: "cs-one", "intensive-care")
        #expect(pathway.steps[1].rule == .p2)
        #expect(F.key(pathway.steps[1].facility) == "hp-a")
    }

    @Test("P3: a level-2 hospital refers to its regional hospital, which treats (P5 stops before the CHU)")
    func p3RegionalHospital() throws {
        let pathway = try F.route(from: "cs-one", "intensive-care")
        // chu-north also offers intensive care: P5 stops at the first facility that provides it.
        #expect(F.trail(pathway) == ["P1 cs-one first-contact", "P2 hp-a referral", "P3 chr-north referral", "P5 chr-north treatment"])
    }

    @Test("P4: the regional hospital refers to its CHU")
    func p4UniversityHospital() throws {
        let pathway = try F.route(from: "cs-one", "cardiac-surgery")
        #expect(F.trail(pathway) == ["P1 cs-one first-contact", "P2 hp-a referral", "P3 chr-north referral", "P4 chu-north referral", "P5 chu-north treatment"])
        #expect(F.key(pathway.treatedAt) == "chu-north")
    }

    @Test("P4: a region without a CHU refers to another region's CHU (its chu:)")
    func p4CrossRegion() throws {
        let pathway = try F.route(from: "cs-three", "cardiac-surgery")
        #expect(F.trail(pathway) == ["P1 cs-three first-contact", "P2 hl-south referral", "P3 chr-south referral", "P4 chu-north referral", "P5 chu-north treatment"])
        let regions = pathway.steps.map { F.network[F.network[$0.facility].region!].key }
        #expect(regions == ["south", "south", "south", "north", "north"])
    }

    @Test("P5: the pathway ends at the first facility that provides the service")
    func p5StopsAtFirstProvider() throws {
        let pathway = try F.route(from: "cs-three", "medical-hospitalisation")
        #expect(F.trail(pathway) == ["P1 cs-three first-contact", "P2 hl-south referral", "P5 hl-south treatment"])
    }

    @Test("P5: a non-emergency pathway never skips a level")
    func neverSkipsLevel() throws {
        for centre in ["cs-one", "cs-two", "cs-three"] {
            for service in F.network.catalog.services where !service.isExcluded {
                let pathway = try F.route(from: centre, service.key)
                let levels = pathway.steps.filter { $0.action != .treatment }.map { F.network[$0.facility].tier.level }
                #expect(levels == Array(1...levels.count).map { $0 }, "\(centre) \(service.key): \(levels)")
                for step in pathway.steps { #expect(F.network[step.facility].isOnRAMEDPathway) }
            }
        }
    }

    @Test("P0: an emergency goes to the nearest hospital with an emergency service")
    func p0NearestEmergency() throws {
        let pathway = try F.route(from: "cs-one", "maternity", emergency: true)
        // hp-a is the nearest public emergency hospital; the private clinic is nearer but never used (X3).
        #expect(F.trail(pathway) == ["P0 hp-a emergency", "P0 hp-a treatment"])
        #expect(pathway.rule == .p0)
    }

    @Test("P0: from the emergency hospital the chain continues upward when it cannot provide the care")
    func p0ThenChain() throws {
        let pathway = try F.route(from: "cs-one", "cardiac-surgery", emergency: true)
        #expect(F.trail(pathway) == ["P0 hp-a emergency", "P3 chr-north referral", "P4 chu-north referral", "P5 chu-north treatment"])
    }

    @Test("P0: an emergency may skip levels: straight to a regional hospital")
    func p0SkipsLevels() throws {
        // cs-two is nearer to chr-north (emergency) than to hp-a.
        let pathway = try F.route(from: "cs-two", "intensive-care", emergency: true)
        #expect(F.trail(pathway) == ["P0 chr-north emergency", "P0 chr-north treatment"])
    }

    @Test("P0 by location: the nearest public emergency hospital to the patient")
    func p0ByLocation() throws {
        let request = ReferralRequest(entry: .location(GeoPoint(latitude: 31.55, longitude: -8.0)), service: F.service("medical-hospitalisation"), emergency: true)
        let pathway = try F.router.route(request)
        #expect(F.key(pathway.treatedAt) == "chr-south")
        #expect(pathway.steps[0].distanceKm > 0)
    }

    @Test("P1 by location: the nearest public health centre is the first contact")
    func p1ByLocation() throws {
        // cs-private is nearer, but private (X3): cs-one is the first contact.
        let request = ReferralRequest(entry: .location(GeoPoint(latitude: 34.011, longitude: -6.021)), service: F.service("vaccination"))
        let pathway = try F.router.route(request)
        #expect(F.trail(pathway) == ["P1 cs-one first-contact", "P5 cs-one treatment"])
        #expect(pathway.steps[0].distanceKm > 1)
    }

    @Test("unavailable: a service no facility offers, with every level tried")
    func unavailableService() throws {
        let pathway = try F.route(from: "cs-three", "oncology")
        #expect(pathway.outcome == .unavailable)
        #expect(pathway.rule == nil)
        #expect(F.trail(pathway) == ["P1 cs-three first-contact", "P2 hl-south referral", "P3 chr-south referral", "P4 chu-north referral"])
        #expect(pathway.reason.contains("P4 chu-north"))
    }

    @Test("X1: cosmetic surgery is not covered, whatever the network offers")
    func x1Cosmetic() throws {
        let pathway = try F.route(from: "cs-one", "cosmetic-surgery")
        #expect(pathway.outcome == .notCovered)
        #expect(pathway.rule == .x1)
        #expect(pathway.steps.isEmpty)
    }

    @Test("X2: a health centre abroad is never covered")
    func x2Abroad() throws {
        let pathway = try F.route(from: "cs-paris", "general-consultation")
        #expect(pathway.outcome == .notCovered)
        #expect(pathway.rule == .x2)
    }

    @Test("X3: a private health centre is never covered, and no pathway passes through a private facility")
    func x3Private() throws {
        let pathway = try F.route(from: "cs-private", "general-consultation")
        #expect(pathway.outcome == .notCovered)
        #expect(pathway.rule == .x3)
        let emergency = try F.route(from: "cs-one", "cardiac-surgery", emergency: true)
        #expect(!emergency.steps.contains { F.key($0.facility) == "clinic" })
    }

    @Test("C2: an expired card is not covered; a valid one is")
    func c2Card() throws {
        let card = Card(beneficiaryClass: .poor, issued: CalendarDate("2023-05-10")!)
        let expired = try F.route(from: "cs-one", "vaccination", status: card.status(on: CalendarDate("2026-05-10")!))
        #expect(expired.outcome == .notCovered)
        #expect(expired.rule == .c2)
        let valid = try F.route(from: "cs-one", "vaccination", status: card.status(on: CalendarDate("2026-05-09")!))
        #expect(valid.outcome == .treated(at: F.id("cs-one")))
    }

    @Test("C5: a deposit receipt allows emergency care only, for 3 months")
    func c5Receipt() throws {
        let receipt = DepositReceipt(filed: CalendarDate("2026-01-15")!)
        let day = CalendarDate("2026-03-01")!
        let routine = try F.route(from: "cs-one", "maternity", status: receipt.status(on: day))
        #expect(routine.outcome == .notCovered)
        #expect(routine.rule == .c5)
        let emergency = try F.route(from: "cs-one", "maternity", emergency: true, status: receipt.status(on: day))
        #expect(emergency.outcome == .treated(at: F.id("hp-a")))
        let old = try F.route(from: "cs-one", "maternity", emergency: true, status: receipt.status(on: CalendarDate("2026-04-15")!))
        #expect(old.outcome == .notCovered)
        #expect(old.rule == .c5)
    }

    @Test("C6: a newborn of a covered household is routed like a beneficiary")
    func c6Newborn() throws {
        let card = Card(beneficiaryClass: .vulnerable, issued: CalendarDate("2025-06-01")!, paidYears: 1)
        let status = card.newbornStatus(born: CalendarDate("2025-09-01")!, on: CalendarDate("2025-10-01")!)
        let pathway = try F.route(from: "cs-one", "vaccination", status: status)
        #expect(pathway.outcome == .treated(at: F.id("cs-one")))
    }

    @Test("a hospital is not a first contact (P1): the request is refused")
    func hospitalEntryThrows() {
        #expect(throws: ReferralError.notAHealthCentre(key: "hp-a", tier: .provincialHospital)) {
            try F.router.route(ReferralRequest(entry: .healthCentre(F.id("hp-a")), service: F.service("maternity")))
        }
    }
}
