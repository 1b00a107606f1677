import Foundation
import Testing

/// route, basket and render in French, Arabic and English: no English word left in the others.
@Suite("Labels in each language")
struct LanguageCommandTests {
    static let training = CLI.packageRoot.appendingPathComponent("Networks/training-small.yaml").path

    @Test("route writes its outcome and reason lines in --lang", arguments: [
        ("fr", "Résultat : pris en charge à Centre hospitalier régional Atlas [chr-atlas] (P5)", "Motif : Centre hospitalier régional Atlas [chr-atlas] (centre hospitalier régional) fournit le service « Réanimation »"),
        ("ar", "النتيجة: تم العلاج في المركز الاستشفائي الجهوي الأطلس [chr-atlas] (P5)", "السبب: المركز الاستشفائي الجهوي الأطلس [chr-atlas] (المستشفى الجهوي) يقدم خدمة «الإنعاش»"),
        // English: the facility's name (French where it has no English one), the tier's and the service's names, as the steps.
        ("en", "Outcome: treated at Centre hospitalier régional Atlas [chr-atlas] (P5)", "Reason: Centre hospitalier régional Atlas [chr-atlas] (regional hospital) provides “Intensive care” (P5)"),
    ])
    func route(_ language: String, _ outcome: String, _ reason: String) throws {
        let result = try CLI.run(["route", "--network", Self.training, "--from", "cs-tensift-1", "--service", "intensive-care", "--lang", language, "--on", "2026-01-01"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains(outcome) && lines.contains { $0.hasPrefix(reason) }, "\(lines)")
        if language != "en" {
            for word in ["Outcome", "Reason", "treated", "provides", "emergency"] { #expect(!result.stdout.contains(word), "\(word)") }
        } else {
            for id in ["regional-hospital", "intensive-care (P5)"] { #expect(!result.stdout.contains(id), "\(id)") }
        }
        let emergency = try CLI.run(["route", "--network", Self.training, "--from", "cs-tensift-1", "--service", "maternity", "--emergency", "--lang", language, "--on", "2026-01-01"])
        #expect(emergency.stdout.hasPrefix(["fr": "Maternité (accouchement) [maternity], urgence, 2026-01-01:", "ar": "الولادة [maternity]، حالة مستعجلة، 2026-01-01:",
                                            "en": "Maternity [maternity], emergency, 2026-01-01:"][language]!), "\(emergency.stdout)")
    }

    @Test("route JSON keeps its English reason and ids, with the labels in --lang")
    func routeJSON() throws {
        let result = try CLI.run(["route", "--network", Self.training, "--from", "cs-tensift-1", "--service", "intensive-care", "--lang", "ar", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((object["reason"] as? String)?.hasPrefix("chr-atlas (regional-hospital) provides intensive-care") == true)
        let labels = try #require(object["labels"] as? [String: Any])
        #expect(labels["service"] as? String == "الإنعاش" && labels["outcome"] as? String == "تم العلاج في المركز الاستشفائي الجهوي الأطلس [chr-atlas] (P5)")
        #expect(labels["steps"] as? [String] == ["الاتصال الأول", "إحالة", "إحالة", "العلاج"])
        #expect(object["language"] as? String == "ar")
    }

    @Test("basket --lang writes its headings, entries and services in the language, B8 and B16 in the source's Arabic")
    func basket() throws {
        let ar = try CLI.run(["basket", "--lang", "ar"])
        #expect(ar.status == 0 && ar.stdout.hasPrefix("سلة العلاجات (مشمولة، B1-B16):"))
        #expect(ar.stdout.contains("B8   العقاقير والمستحضرات الصيدلانية الموصوفة") && ar.stdout.contains("B16  الإجلاء الطبي"))
        #expect(!ar.stdout.contains("Basket") && !ar.stdout.contains("Exclusions"))
        let fr = try CLI.run(["basket", "--lang", "fr"])
        #expect(fr.stdout.hasPrefix("Panier de soins (couverts, B1-B16) :") && fr.stdout.contains("Soins dentaires"))
        let en = try CLI.run(["basket"])
        #expect(en.stdout.hasPrefix("Basket of care (covered, B1-B16):") && en.stdout.contains(" Dental care\n") && !en.stdout.contains("Soins dentaires"))
        let check = try CLI.run(["basket", "--service", "cosmetic-surgery", "--lang", "fr"])
        #expect(check.stdout == "cosmetic-surgery : non couvert (X1)\n  cosmetic-surgery est exclu du panier de soins (X1)\n")
        #expect(try CLI.run(["basket", "--lang", "de"]).status == 64)
    }

    @Test("render --lang en draws English labels; Arabic SVG lines carry their direction")
    func render() throws {
        let en = try CLI.run(["render", "pathway", "--network", Self.training, "--from", "cs-haouz-1", "--service", "cardiac-surgery", "--lang", "en", "--format", "dot"])
        #expect(en.status == 0 && en.stdout.contains("RAMED care pathway\\nCardiac surgery") && en.stdout.contains("\\nfirst contact\""))
        let ar = try CLI.run(["render", "pathway", "--network", Self.training, "--from", "cs-haouz-1", "--service", "cardiac-surgery", "--lang", "ar"])
        #expect(ar.status == 0 && ar.stdout.contains("<text direction=\"rtl\" unicode-bidi=\"embed\" text-anchor=\"middle\"") && ar.stdout.contains(">جراحة القلب</text>"))
    }
}
