import CareNetwork
import CareRules
import Testing
@testable import Referral

/// The outcome and reason of a pathway in French, Arabic and English, as route and the diagrams write them.
@Suite("Pathway explanations")
struct PathwayExplanationTests {
    typealias F = ReferralFixtures
    static func definition(_ key: String) -> ServiceDefinition { F.network.catalog.service(forKey: key)! }

    @Test("treated: the facility, its tier and the service by name, and the pathway, in each language")
    func treated() throws {
        let pathway = try F.route(from: "cs-one", "intensive-care")
        let explanation = pathway.explanation(in: F.network, service: Self.definition("intensive-care"))
        #expect(explanation.fr == "CHR Nord [chr-north] (centre hospitalier régional) fournit le service « Réanimation » (P5) ; parcours : P1 cs-one, P2 hp-a, P3 chr-north")
        #expect(explanation.ar == "م ج ش [chr-north] (المستشفى الجهوي) يقدم خدمة «الإنعاش» (P5)؛ المسار: P1 cs-one، P2 hp-a، P3 chr-north")
        // English names the facility (in French where it has no English name), the tier and the service as the
        // steps do; the pathway's `reason` keeps the ids for scripts.
        #expect(explanation.text(in: .en) == "CHR Nord [chr-north] (regional hospital) provides “Intensive care” (P5); pathway: P1 cs-one, P2 hp-a, P3 chr-north")
        #expect(pathway.reason == "chr-north (regional-hospital) provides intensive-care (P5); pathway: P1 cs-one, P2 hp-a, P3 chr-north")
        #expect(pathway.outcomeText(in: F.network).fr == "pris en charge à CHR Nord [chr-north] (P5)")
        #expect(pathway.outcomeText(in: F.network).ar == "تم العلاج في م ج ش [chr-north] (P5)")
        #expect(pathway.outcomeText(in: F.network).text(in: .en) == "treated at CHR Nord [chr-north] (P5)")
    }

    @Test("unavailable: every level tried, and where the chain ends, with the chain's Arabic name")
    func unavailable() throws {
        let pathway = try F.route(from: "cs-three", "dental-care")
        #expect(pathway.outcome == .unavailable)
        let explanation = pathway.explanation(in: F.network, service: Self.definition("dental-care"))
        #expect(explanation.fr.hasPrefix("aucun établissement de la chaîne ne fournit le service « Soins dentaires » : essayé P1 cs-three (centre de santé)"))
        #expect(explanation.ar.hasPrefix("لا تقدم أي مؤسسة في سلسلة العلاجات خدمة"))
        #expect(explanation.fr.hasSuffix("la chaîne s'arrête au CHU") && explanation.ar.hasSuffix("تنتهي السلسلة عند المستشفى الجامعي"))
        #expect(explanation.text(in: .en).hasPrefix("no facility on the chain provides “Dental care”: tried P1 cs-three (health centre)"))
        #expect(explanation.text(in: .en).hasSuffix("the chain ends at the CHU"))
    }

    @Test("not covered: the rule's words, the basket's Arabic name for X1")
    func notCovered() throws {
        let cosmetic = try F.route(from: "cs-one", "cosmetic-surgery")
        #expect(cosmetic.rule == .x1)
        let x1 = cosmetic.explanation(in: F.network, service: Self.definition("cosmetic-surgery"))
        #expect(x1.fr.contains("exclu du panier de soins (X1)") && x1.ar.contains("سلة العلاجات"))
        #expect(x1.text(in: .en) == "not covered: “Cosmetic surgery” is excluded from the basket of care (X1)")
        let privately = try F.route(from: "cs-private", "general-consultation")
        #expect(privately.rule == .x3 && privately.explanation(in: F.network, service: Self.definition("general-consultation")).fr.hasSuffix("établissements publics (X3)"))
        let abroad = try F.route(from: "cs-paris", "general-consultation")
        #expect(abroad.rule == .x2 && abroad.explanation(in: F.network, service: Self.definition("general-consultation")).ar.hasSuffix("(X2)"))
        #expect(cosmetic.outcomeText(in: F.network).fr == "non couvert (X1)")
    }
}
