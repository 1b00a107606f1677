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

    @Test("C2-C4: eligibility --card gives the card years, the renewal windows and the new-file day, and what is due on --on")
    func cardCalendar() throws {
        let (status, card) = try Self.json(["eligibility", "--card", "vulnerable", "--card-issued", "2024-03-01", "--paid-years", "1", "--on", "2025-02-20"])
        #expect(status == 0)
        #expect(card["eligibilityEnds"] as? String == "2027-03-01" && card["newFileFrom"] as? String == "2026-12-01")
        let windows = try #require(card["renewalWindows"] as? [[String: Any]])
        #expect(windows.map { $0["opens"] as? String } == ["2025-02-15", "2026-02-15"])
        #expect(windows.map { $0["closes"] as? String } == ["2025-03-01", "2026-03-01"])
        let years = try #require(card["years"] as? [[String: Any]])
        #expect(years.map { $0["covered"] as? Bool } == [true, false, false])
        let on = try #require(card["on"] as? [String: Any])
        #expect(on["entitlement"] as? String == "whole-basket" && on["dueRule"] as? String == "C3")
        let (_, poor) = try Self.json(["eligibility", "--card", "poor", "--card-issued", "2024-03-01", "--on", "2026-12-15"])
        #expect((poor["renewalWindows"] as? [Any])?.isEmpty == true && poor["paidYears"] is NSNull)
        #expect((poor["on"] as? [String: Any])?["dueRule"] as? String == "C4")
        let (_, receipt) = try Self.json(["eligibility", "--receipt", "2026-01-10", "--on", "2026-02-01"])
        #expect((receipt["receipt"] as? [String: Any])?["status"] as? String == "pending-committee-decision")
        #expect((receipt["on"] as? [String: Any])?["entitlement"] as? String == "emergency-only")
        // A household and a card at once, a card without its date, a bad date: usage errors.
        #expect(try CLI.run(["eligibility", "--card", "poor", "--card-issued", "2024-03-01", "--area", "urban"]).status == 64)
        #expect(try CLI.run(["eligibility", "--card", "poor"]).status == 64)
        #expect(try CLI.run(["eligibility", "--receipt", "2026-13-01"]).status == 64)
        #expect(try CLI.run(["eligibility", "--on", "2026-01-01"]).status == 64)
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
