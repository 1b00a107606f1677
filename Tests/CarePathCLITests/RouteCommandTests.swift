import Foundation
import Testing

/// `carepath route` for the services no pathway leads to (B8, B10), and `--every-centre`.
@Suite("route: services given with care, every centre")
struct RouteCommandTests {
    static let training = CLI.packageRoot.appendingPathComponent("Networks/training-small.yaml").path

    @Test("B8 and B10 come with the treating facility's care: no pathway, the rule cited, exit 0", arguments: [
        ("prescribed-drugs", "B8"), ("medical-devices", "B10"),
    ])
    func givenWithCare(_ service: String, _ rule: String) throws {
        let text = try CLI.run(["route", "--network", Self.training, "--from", "cs-haouz-1", "--service", service, "--on", "2026-01-01"])
        #expect(text.status == 0)
        let lines = text.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(lines)")
        #expect(lines.contains("Résultat : fourni avec les soins (\(rule))"), "\(lines)")
        #expect(!text.stdout.contains("indisponible") && !text.stdout.contains("premier contact"))
        let json = try CLI.run(["route", "--network", Self.training, "--from", "cs-haouz-1", "--service", service, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["outcome"] as? String == "with-care" && object["rule"] as? String == rule)
        #expect((object["steps"] as? [Any])?.isEmpty == true && object["treatedAt"] is NSNull)
    }

    @Test("a card that does not hold still makes B8 not covered (C2), before anything else")
    func givenWithCareNotCovered() throws {
        let result = try CLI.run(["route", "--network", Self.training, "--from", "cs-haouz-1", "--service", "prescribed-drugs",
                                  "--card", "vulnerable", "--card-issued", "2024-03-01", "--paid-years", "2", "--on", "2026-03-01"])
        #expect(result.status == 0 && result.stdout.contains("Résultat : non couvert (C2)"), "\(result.stdout)")
    }

    @Test("--every-centre: one line per public health centre, the same pathway as route --from")
    func everyCentre() throws {
        let result = try CLI.run(["route", "--network", Self.training, "--every-centre", "--service", "intensive-care"])
        #expect(result.status == 0)
        let rows = result.stdout.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        #expect(rows.count == 8 && rows.allSatisfy { $0.count == 6 }, "\(rows)")
        let tensift = try #require(rows.first { $0[0] == "cs-tensift-1" })
        #expect(tensift[1] == "intensive-care" && tensift[2] == "treated" && tensift[3] == "cs-tensift-1>hl-tensift>chr-atlas")
        #expect(tensift[4] == "63.2" && tensift[5] == "2.9")
        let all = try CLI.run(["route", "--network", Self.training, "--every-centre", "--service", "all"])
        let allRows = all.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        #expect(allRows.count == 8 * 30)
        #expect(allRows.filter { $0[1] == "prescribed-drugs" }.allSatisfy { $0[2] == "with-care" && $0[3].isEmpty })
        #expect(try CLI.run(["route", "--network", Self.training, "--every-centre", "--from", "cs-haouz-1", "--service", "all"]).status == 64)
        #expect(try CLI.run(["route", "--network", Self.training, "--every-centre", "--service", "all", "--format", "json"]).status == 64)
        #expect(try CLI.run(["route", "--network", Self.training, "--every-centre", "--service", "dentl-care"]).status == 1)
    }
}
