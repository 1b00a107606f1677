import CareNetwork
import Foundation
import Testing
@testable import LoadSimulation

/// A scenario is held to the ranges a network is (Docs/network-format.md, "Ranges"): no scenario
/// that validates can crash or overflow the simulation.
@Suite("Scenario ranges")
struct ScenarioRangeTests {
    static func diagnostics(_ body: String, network: String = ScenarioTests.trainingPath) throws -> [Diagnostic] {
        let description = try NetworkLoader.describe(path: network)
        return ScenarioLoader.check(scenario: Data(("schema: carepath-scenario/1\n" + body).utf8), path: "s.yaml", description: description).diagnostics
    }

    @Test("servers, beds, add, times and queue limits past their range are out-of-range at the value", arguments: [
        ("servers:\n  - {facility: chu-atlas, service: cardiac-surgery, servers: 2147483648}\n", 3, 62),
        ("servers:\n  - {facility: chu-atlas, service: cardiac-surgery, add: 9223372036854775807}\n", 3, 58),
        ("servers:\n  - {facility: chu-atlas, service: maternity, beds: 100001}\n", 3, 53),
        ("servers:\n  - {facility: chu-atlas, service: cardiac-surgery, time: {distribution: triangular, min: 1, mode: 2, max: 1.3e154}}\n", 3, 108),
        ("queue-limit:\n  - {tier: university-hospital, limit: 3000000000}\n", 3, 40),
    ])
    func outOfRange(_ body: String, _ line: Int, _ column: Int) throws {
        let found = try Self.diagnostics(body)
        #expect(found.contains { $0.code == .outOfRange && $0.location.line == line && $0.location.column == column }, "\(found.map(\.description))")
        #expect(found.hasErrors)
    }

    @Test("a scenario's demand that takes the network past a million arrivals a day is demand-too-large; within it, it applies")
    func demandTooLarge() throws {
        let national = ScenarioTests.root.appendingPathComponent("Networks/morocco.yaml").path
        let found = try Self.diagnostics("demand:\n  - {scale: 50}\n", network: national)
        #expect(found.map(\.code) == [.demandTooLarge], "\(found.map(\.description))")
        #expect(found.first?.location.line == 3)
        #expect(try Self.diagnostics("demand:\n  - {scale: 2}\n", network: national).isEmpty)
    }
}
