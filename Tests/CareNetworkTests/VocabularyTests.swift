import Foundation
import Testing
@testable import CareNetwork

/// The typed vocabularies: ``RuleID`` and ``DiagnosticCode``, the latter checked against the tables of
/// the docs that list the codes for maintainers.
@Suite("Vocabulary: rule ids and diagnostic codes")
struct VocabularyTests {
    /// One row of a docs table that starts with a code column: the codes of its first cell (one or
    /// several, each in backticks) and its other cells.
    struct Row {
        let codes: [String]
        let cells: [String]
    }

    /// The rows of the table whose header line is `header` in the docs page `page`.
    static func table(_ page: String, header: String) throws -> [Row] {
        let text = try String(contentsOfFile: Fixtures.path("Docs/" + page), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try #require(lines.firstIndex(of: header), "\(page) has no table '\(header)'")
        var rows: [Row] = []
        // The header, then the `| --- |` line, then rows until the first line that is not a row.
        for line in lines[(start + 2)...] {
            guard line.hasPrefix("|") else { break }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                .map { $0.trimmingCharacters(in: .whitespaces) }
            let codes = cells[0].split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
            rows.append(Row(codes: codes, cells: cells))
        }
        return rows
    }

    static func networkTable() throws -> [Row] { try table("network-format.md", header: "| code | severity | rule | meaning |") }
    static func scenarioTable() throws -> [Row] { try table("scenarios.md", header: "| code | severity | meaning | example |") }

    /// The scenario loader's own codes: in Docs/scenarios.md, never given by a network file.
    static let scenarioOnly: Set<DiagnosticCode> = [
        .conflict, .closedFacility, .closedCHUUnassigned, .serviceNotOffered, .refersToDropped, .noDemand, .noOperations,
        .networkMismatch, .networkNotFound,
    ]

    @Test("every code of Docs/network-format.md's Diagnostics table is a DiagnosticCode, and every DiagnosticCode but the scenario loader's own is in it")
    func networkFormatTable() throws {
        let documented = try Self.networkTable().flatMap(\.codes)
        #expect(documented.count == Set(documented).count, "a code is listed twice: \(documented)")
        #expect(documented.count >= 28)
        let unknown = documented.filter { DiagnosticCode(rawValue: $0) == nil }
        #expect(unknown.isEmpty, "documented but not a DiagnosticCode: \(unknown)")
        let undocumented = DiagnosticCode.allCases.filter { !documented.contains($0.rawValue) && !Self.scenarioOnly.contains($0) }
        #expect(undocumented.isEmpty, "a DiagnosticCode missing from Docs/network-format.md: \(undocumented)")
        let scenarioCodesInNetworkTable = Self.scenarioOnly.filter { documented.contains($0.rawValue) }
        #expect(scenarioCodesInNetworkTable.isEmpty, "\(scenarioCodesInNetworkTable) are network codes after all")
    }

    @Test("each code's meaning and default severity are those of its docs table (network-format.md, else scenarios.md): SARIF's rule descriptions")
    func meanings() throws {
        var documented: [String: (severity: String, meaning: String)] = [:]
        for row in try Self.networkTable() { for code in row.codes { documented[code] = (row.cells[1], row.cells[3]) } }
        for row in try Self.scenarioTable() { for code in row.codes where documented[code] == nil { documented[code] = (row.cells[1], row.cells[2]) } }
        for code in DiagnosticCode.allCases {
            let row = try #require(documented[code.rawValue], "\(code) is in no table")
            #expect(code.meaning == row.meaning, "\(code)")
            #expect(code.defaultSeverity.rawValue == row.severity, "\(code)")
        }
    }

    @Test("every code of Docs/scenarios.md's table is a DiagnosticCode, the scenario loader's own codes among them")
    func scenarioTable() throws {
        let documented = try Self.scenarioTable().flatMap(\.codes)
        let unknown = documented.filter { DiagnosticCode(rawValue: $0) == nil }
        #expect(unknown.isEmpty, "documented but not a DiagnosticCode: \(unknown)")
        let missing = Self.scenarioOnly.filter { !documented.contains($0.rawValue) }
        #expect(missing.isEmpty, "scenario codes missing from Docs/scenarios.md: \(missing)")
    }

    @Test("every diagnostic of the invalid examples has the severity its code has in Docs/network-format.md, and cites a rule of its row where the row names some")
    func examplesAgreeWithTheTable() throws {
        var severity: [String: String] = [:], rules: [String: Set<RuleID>] = [:]
        for row in try Self.networkTable() {
            for code in row.codes {
                severity[code] = row.cells[1]
                rules[code] = Self.rules(in: row.cells[2])
            }
        }
        let directory = Fixtures.path("Networks/examples/invalid")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files.count >= 12)
        for file in files {
            for diagnostic in NetworkLoader.check(path: directory + "/" + file).diagnostics {
                let code = diagnostic.code.rawValue
                #expect(severity[code] == diagnostic.severity.rawValue, "\(file): \(diagnostic)")
                if let cited = diagnostic.rule, let documented = rules[code], !documented.isEmpty {
                    #expect(documented.contains(cited), "\(file): \(diagnostic) cites \(cited), the table \(documented.sorted())")
                }
            }
        }
    }

    /// The rules a table cell names: `X1`, `P2, P3`, `P2-P4` (a range of one family).
    static func rules(in cell: String) -> Set<RuleID> {
        var result = Set<RuleID>()
        for part in cell.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
            let bounds = part.split(separator: "-").compactMap { RuleID(rawValue: String($0)) }
            guard let low = bounds.first else { continue }
            let high = bounds.last ?? low
            result.formUnion(RuleID.allCases.filter { low <= $0 && $0 <= high })
        }
        return result
    }

    @Test("the diagnostic code prints as the docs write it, in brackets, and the rule in parentheses")
    func printed() {
        let diagnostic = Diagnostic(.error, .regionWithoutCHU, "region 'south' has no public CHU", at: SourceLocation(file: "a.yaml", line: 3, column: 5), rule: .p4)
        #expect(diagnostic.description == "a.yaml:3:5: error: region 'south' has no public CHU (P4) [region-without-chu]")
        #expect(DiagnosticCode.closedCHUUnassigned.rawValue == "closed-chu-unassigned")
        #expect(DiagnosticCode.invalidID.description == "invalid-id")
    }

    @Test("RuleID: the 43 ids of the rules reference, E1-E4, C1-C9, A1-A5, B1-B16, X1-X3, P0-P5, in that order")
    func ruleIDs() {
        let expected = (1...4).map { "E\($0)" } + (1...9).map { "C\($0)" } + (1...5).map { "A\($0)" }
            + (1...16).map { "B\($0)" } + (1...3).map { "X\($0)" } + (0...5).map { "P\($0)" }
        #expect(RuleID.allCases.map(\.rawValue) == expected)
        #expect(RuleID.allCases.sorted() == RuleID.allCases)
        #expect(RuleID.b2 < RuleID.b10)
        #expect(RuleID.p3.description == "P3")
        #expect(RuleID.allCases.filter(\.isExclusion) == [.x1, .x2, .x3])
    }

    @Test("P1-P4 bring a patient to chain levels 1-4, and back; no other rule brings one to a level")
    func arrivalLevels() {
        for level in 1...4 {
            let rule = RuleID(arrivalAtLevel: level)
            #expect(rule?.arrivalLevel == level)
        }
        #expect(RuleID(arrivalAtLevel: 0) == nil && RuleID(arrivalAtLevel: 5) == nil)
        #expect(RuleID.allCases.filter { $0.arrivalLevel != nil } == [.p1, .p2, .p3, .p4])
        #expect(Tier.allCases.map(\.arrivalRule) == [.p1, .p2, .p2, .p2, .p3, .p4])
    }
}
