import Foundation
import Testing

@Suite("carepath basket, eligibility, route")
struct RulesCommandTests {
    static let training = CLI.packageRoot.appendingPathComponent("Networks/training-small.yaml").path

    static func json(_ arguments: [String]) throws -> (Int32, [String: Any]) {
        let result = try CLI.run(arguments + ["--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
        return (result.status, object)
    }

    @Test("X1: basket --service cosmetic-surgery is not covered; B13 dental care is; a typo gets a hint and exit 1")
    func basket() throws {
        let (status, cosmetic) = try Self.json(["basket", "--service", "cosmetic-surgery"])
        #expect(status == 0)
        #expect(cosmetic["covered"] as? Bool == false && cosmetic["rule"] as? String == "X1")
        let (_, dental) = try Self.json(["basket", "--service", "dental-care"])
        #expect(dental["covered"] as? Bool == true && dental["rule"] as? String == "B13")
        let typo = try CLI.run(["basket", "--service", "dentl-care"])
        #expect(typo.status == 1)
        #expect(typo.stderr.contains("did you mean 'dental-care'?"))
        let list = try CLI.run(["basket"])
        #expect(list.status == 0 && list.stdout.contains("B16") && list.stdout.contains("X3"))
    }

    @Test("E2/E4: urban income 5,650 is not eligible; 5,649 is vulnerable with C1's capped contribution")
    func eligibility() throws {
        let (_, gate) = try Self.json(["eligibility", "--area", "urban", "--income-per-person", "5650", "--score", "10", "--household-size", "4"])
        #expect(gate["eligible"] as? Bool == false)
        let (_, vulnerable) = try Self.json(["eligibility", "--area", "urban", "--income-per-person", "5649", "--score", "10", "--household-size", "7"])
        #expect(vulnerable["eligible"] as? Bool == true && vulnerable["class"] as? String == "vulnerable")
        #expect(vulnerable["annualContribution"] as? Int == 600)
        let (_, amo) = try Self.json(["eligibility", "--area", "rural", "--patrimony-score", "10", "--score", "3", "--household-size", "2", "--amo"])
        #expect(amo["eligible"] as? Bool == false)
        #expect(try CLI.run(["eligibility", "--area", "urban", "--score", "3", "--household-size", "2"]).status == 64)
    }

    @Test("P1-P5: route prints the pathway up to the CHU for cardiac surgery; P0 starts at a hospital")
    func route() throws {
        let (status, pathway) = try Self.json(["route", "--network", Self.training, "--from", "cs-haouz-1", "--service", "cardiac-surgery"])
        #expect(status == 0)
        #expect(pathway["outcome"] as? String == "treated")
        let steps = try #require(pathway["steps"] as? [[String: Any]])
        #expect(steps.first?["rule"] as? String == "P1")
        #expect(steps.contains { $0["rule"] as? String == "P4" })
        let (_, emergency) = try Self.json(["route", "--network", Self.training, "--from", "cs-haouz-1", "--service", "maternity", "--emergency"])
        let first = try #require((emergency["steps"] as? [[String: Any]])?.first)
        #expect(first["rule"] as? String == "P0" && first["action"] as? String == "emergency")
        let text = try CLI.run(["route", "--network", Self.training, "--from", "cs-haouz-1", "--service", "cardiac-surgery", "--lang", "ar"])
        #expect(text.stdout.contains("المستشفى الجامعي"))
        let unknown = try CLI.run(["route", "--network", Self.training, "--from", "cs-haouz-9", "--service", "cardiac-surgery"])
        #expect(unknown.status == 1)
    }
}
