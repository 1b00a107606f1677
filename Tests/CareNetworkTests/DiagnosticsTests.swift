import Foundation
import Testing
@testable import CareNetwork

/// Each check of the validator on a one-line change to the valid two-region fixture.
@Suite("Diagnostics")
struct DiagnosticsTests {
    /// The fixture with `old` replaced by `new` (which must occur exactly once).
    static func broken(_ old: String, _ new: String) -> String {
        precondition(Fixtures.twoRegions.components(separatedBy: old).count == 2, "fixture edit '\(old)' is not unique")
        return Fixtures.twoRegions.replacingOccurrences(of: old, with: new)
    }

    static let cases: [(name: String, old: String, new: String, code: DiagnosticCode, rule: RuleID?, line: Int)] = [
        ("misspelt key", "catchment: 20000", "catchmnet: 20000", .unknownKey, nil, 13),
        ("latitude 200", "lat: 34.50,", "lat: 200,", .outOfRange, nil, 14),
        ("zero catchment", "catchment: 15000", "catchment: 0", .outOfRange, nil, 14),
        ("negative servers", "servers: 2, time: {distribution: triangular", "servers: -2, time: {distribution: triangular", .outOfRange, nil, 17),
        ("tier no (YAML 1.1 boolean)", "tier: local-hospital, region: south", "tier: no, region: south", .invalidValue, nil, 20),
        ("text for a number", "population: 50000", "population: many", .wrongType, nil, 8),
        ("unknown service", "cardiac-surgery: {beds", "cardiac-surgry: {beds", .unknownReference, nil, 19),
        ("unknown region", "region: south, province: south-a, location: {lat: 31.60", "region: sud, province: south-a, location: {lat: 31.60", .unknownReference, nil, 21),
        ("duplicate id", "{id: cs-two,", "{id: cs-one,", .duplicateID, nil, 14),
        ("province in another region", "region: north, province: north-b, location: {lat: 34.45", "region: north, province: south-a, location: {lat: 34.45", .provinceRegionMismatch, nil, 17),
        ("refers-to a CHU from a health centre", "refers-to: hl-south", "refers-to: chu-north", .referralLevel, .p2, 15),
        ("refers-to another region", "refers-to: hl-south", "refers-to: hp-a", .referralRegion, .p2, 15),
        ("refers-to a private clinic", "refers-to: hl-south", "refers-to: clinic", .referralPrivate, .x3, 15),
        ("refers-to a facility abroad", "chu: chu-north}", "chu: abroad}", .referralAbroad, .x2, 4),
        ("cosmetic surgery offered as covered", "cardiac-surgery: {beds: 10", "cosmetic-surgery: {beds: 10", .excludedServiceCovered, .x1, 19),
        ("stay given as a visit", "maternity: {beds: 20, stay: {distribution: lognormal, mean: 2.5, sd: 1}}", "maternity: {servers: 20, time: {distribution: exponential, mean: 30}}", .serviceKind, nil, 16),
        ("region without a CHU", "  - {id: south, name: {fr: Sud, ar: الجنوب}, chu: chu-north}", "  - {id: south, name: {fr: Sud, ar: الجنوب}}", .regionWithoutCHU, .p4, 4),
        ("bad boolean", "emergency: true, services: {maternity", "emergency: yes, services: {maternity", .wrongType, nil, 16),
        ("unsupported schema", "schema: carepath-network/1", "schema: carepath-network/9", .schema, nil, 1),
        ("duplicate key", "location: {lat: 31.00, lon: -8.00}", "location: {lat: 31.00, lat: 31.5, lon: -8.00}", .duplicateKey, nil, 15),
        ("truncated", "demand:\n", "demand: {emergency-share: [\n", .yamlSyntax, nil, 26),
        // A province's P3 and P4 targets: a facility of the file, of that tier, public, in Morocco.
        ("province regional hospital unknown", "population: 50000}", "population: 50000, regional-hospital: chr-nord}", .unknownReference, .p3, 8),
        ("province regional hospital not a CHR", "population: 50000}", "population: 50000, regional-hospital: hp-a}", .referralLevel, .p3, 8),
        ("province CHU not a CHU", "population: 50000}", "population: 50000, chu: chr-north}", .referralLevel, .p4, 8),
        ("province CHU abroad", "population: 50000}", "population: 50000, chu: abroad}", .referralAbroad, .x2, 8),
    ]

    @Test("each broken line gives its diagnostic code, rule and line", arguments: cases.indices)
    func brokenLine(index: Int) {
        let c = Self.cases[index]
        let report = Fixtures.check(Self.broken(c.old, c.new))
        let match = report.diagnostics.first { $0.code == c.code && $0.severity == .error }
        #expect(match != nil, "\(c.name): expected [\(c.code)], got \(report.diagnostics.map(\.description))")
        #expect(match?.location.line == c.line, "\(c.name)")
        #expect(match?.rule == c.rule, "\(c.name)")
        #expect(report.network == nil)
    }

    @Test("demand for B8 or B10, which come with the treating facility's care, is a warning at the service, citing the rule")
    func demandWithCare() throws {
        let yaml = Self.broken("    maternity: {visits-per-person: 0.02, emergency-share: 0.3}\n",
                               "    maternity: {visits-per-person: 0.02, emergency-share: 0.3}\n    prescribed-drugs: {visits-per-person: 2}\n")
        let report = Fixtures.check(yaml)
        #expect(report.network != nil)
        let warning = try #require(report.diagnostics.first { $0.code == .demandWithCare })
        #expect(warning.severity == .warning && warning.rule == .b8 && warning.location.line == 29)
        #expect(warning.message.contains("'prescribed-drugs'"))
        // Demand of zero says nothing.
        let zero = Self.broken("    maternity: {visits-per-person: 0.02, emergency-share: 0.3}\n",
                               "    maternity: {visits-per-person: 0.02, emergency-share: 0.3}\n    medical-devices: {visits-per-person: 0}\n")
        #expect(!Fixtures.check(zero).diagnostics.contains { $0.code == .demandWithCare })
    }

    @Test("the fixture itself is valid: no error, no warning")
    func fixtureIsValid() {
        let report = Fixtures.check(Fixtures.twoRegions)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
    }

    @Test("did-you-mean hints name the nearest key, service and facility")
    func hints() {
        let key = Fixtures.check(Self.broken("catchment: 20000", "catchmnet: 20000")).diagnostics.first { $0.code == .unknownKey }
        #expect(key?.hint == "did you mean 'catchment'?")
        #expect(key?.location.column == 139)
        let service = Fixtures.check(Self.broken("cardiac-surgery: {beds", "cardiac-surgry: {beds")).diagnostics.first { $0.code == .unknownReference }
        #expect(service?.hint == "did you mean 'cardiac-surgery'?")
        let facility = Fixtures.check(Self.broken("refers-to: hl-south", "refers-to: hl-sout")).diagnostics.first { $0.code == .unknownReference }
        #expect(facility?.hint == "did you mean 'hl-south'?")
    }

    @Test("every problem of a file is reported in one run")
    func allProblemsAtOnce() {
        let text = Self.broken("catchment: 20000", "catchmnet: 20000")
            .replacingOccurrences(of: "lat: 34.50,", with: "lat: 200,")
            .replacingOccurrences(of: "refers-to: hl-south", with: "refers-to: clinic")
        let codes = Set(Fixtures.codes(Fixtures.check(text)))
        #expect(codes.isSuperset(of: [.unknownKey, .outOfRange, .referralPrivate]))
    }

    @Test("warnings: a location outside Morocco, two facilities at one place, populations that do not add up")
    func warnings() {
        let outside = Fixtures.check(Self.broken("lat: 34.50, lon: -6.50", "lat: 40.50, lon: -6.50"))
        #expect(Fixtures.codes(outside, .warning).contains(.locationOutsideMorocco))
        #expect(Fixtures.codes(outside).isEmpty && outside.network != nil)
        let same = Fixtures.check(Self.broken("lat: 34.50, lon: -6.50", "lat: 34.00, lon: -6.00"))
        #expect(Fixtures.codes(same, .warning) == [.sameLocation])
        let population = Fixtures.check(Self.broken("population: 300000}", "population: 900000}"))
        #expect(Fixtures.codes(population, .warning) == [.populationMismatch])
    }

    @Test("P2, P3: a health centre whose region lacks a regional hospital is named, with the reason")
    func brokenChain() {
        let text = Self.broken(
            "  - {id: chr-south, name: {fr: CHR Sud, ar: م ج ج}, tier: regional-hospital, region: south, province: south-a, location: {lat: 31.60, lon: -8.00}, services: {medical-hospitalisation: {beds: 30, stay: {distribution: exponential, mean: 5}}}}\n", "")
        let report = Fixtures.check(text)
        let broken = report.diagnostics.first { $0.code == .brokenChain }
        #expect(broken?.message.contains("cs-three") == true)
        #expect(broken?.message.contains("hl-south") == true)
        #expect(broken?.rule == .p3)
        #expect(broken?.location.line == 15)
        #expect(Fixtures.codes(report).contains(.regionWithoutRegionalHospital))
    }

    @Test("text form: path:line:column: severity: message (rule) [code] and a hint line")
    func textForm() throws {
        let diagnostic = try #require(Fixtures.check(Self.broken("refers-to: hl-south", "refers-to: clinic")).diagnostics.first)
        #expect(diagnostic.description.hasPrefix("test.yaml:15:"))
        #expect(diagnostic.description.contains(": error: "))
        #expect(diagnostic.description.contains("(X3) [referral-private]"))
    }
}
