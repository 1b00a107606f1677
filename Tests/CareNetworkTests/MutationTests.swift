import CarePathSupport
import Foundation
import Testing
@testable import CareNetwork

/// Mutations of the valid bundled files: deleted, duplicated and truncated lines, and random bytes.
/// Every mutant is checked without a crash or a hang; the report is consistent (a network exactly when
/// there is no error, every position inside the file); and mutants that must be invalid are.
@Suite("Mutations of valid files")
struct MutationTests {
    static let files = ["Networks/training-small.yaml", "Networks/morocco.yaml"]

    /// Mutants per kind: many of the small file, a few of the national one (each check parses 1 MB).
    static func rounds(_ file: String) -> Int { file.contains("morocco") ? 4 : 40 }

    static func contentLines(_ lines: [Substring]) -> [Int] {
        lines.indices.filter {
            let trimmed = lines[$0].trimmingCharacters(in: .whitespaces)
            return !trimmed.isEmpty && !trimmed.hasPrefix("#")
        }
    }

    static func checkConsistent(_ text: String, lineCount: Int, _ what: String) -> NetworkLoader.Report {
        let report = NetworkLoader.check(data: Data(text.utf8), path: "mutant.yaml")
        #expect((report.network == nil) == report.diagnostics.hasErrors, "\(what)")
        for diagnostic in report.diagnostics {
            #expect(diagnostic.location.line >= 1 && diagnostic.location.line <= lineCount + 1, "\(what): \(diagnostic)")
            #expect(!diagnostic.message.isEmpty)
            for phrase in HostileInputTests.libyamlPhrases { #expect(!diagnostic.message.contains(phrase), "\(what): \(diagnostic)") }
        }
        return report
    }

    @Test("deleting any one line never crashes; the report stays consistent", arguments: files)
    func deletions(file: String) throws {
        let text = try String(contentsOfFile: Fixtures.path(file), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var generator = SplitMix64(state: 1)
        let candidates = Self.contentLines(lines)
        for index in (0..<Self.rounds(file)).map({ _ in candidates.randomElement(using: &generator)! }) {
            var mutant = lines
            mutant.remove(at: index)
            let report = Self.checkConsistent(mutant.joined(separator: "\n"), lineCount: lines.count, "\(file) without line \(index + 1)")
            if lines[index].contains("schema:") { #expect(report.diagnostics.hasErrors) }
        }
    }

    @Test("duplicating a line that holds a key or an id is always reported", arguments: files)
    func duplications(file: String) throws {
        let text = try String(contentsOfFile: Fixtures.path(file), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var generator = SplitMix64(state: 2)
        let candidates = Self.contentLines(lines).filter { lines[$0].contains(":") }
        for index in (0..<Self.rounds(file)).map({ _ in candidates.randomElement(using: &generator)! }) {
            var mutant = lines
            mutant.insert(lines[index], at: index)
            let report = Self.checkConsistent(mutant.joined(separator: "\n"), lineCount: lines.count + 1, "\(file) with line \(index + 1) twice")
            #expect(report.diagnostics.hasErrors, "\(file): duplicating line \(index + 1) '\(lines[index])' went unnoticed")
        }
    }

    @Test("truncating the file inside a flow mapping is a syntax error", arguments: files)
    func truncations(file: String) throws {
        let text = try String(contentsOfFile: Fixtures.path(file), encoding: .utf8)
        let scalars = Array(text.unicodeScalars)
        // Flow-mapping openings outside comments: cutting just after one leaves the mapping unclosed.
        var openings: [Int] = []
        var inComment = false
        for index in scalars.indices {
            switch scalars[index] {
            case "\n": inComment = false
            case "#": inComment = true
            case "{" where !inComment: openings.append(index)
            default: break
            }
        }
        var generator = SplitMix64(state: 3)
        for _ in 0..<Self.rounds(file) {
            let cut = openings.randomElement(using: &generator)! + 1
            let mutant = String(String.UnicodeScalarView(scalars[..<cut]))
            let report = Self.checkConsistent(mutant, lineCount: text.split(separator: "\n").count, "\(file) cut at \(cut)")
            #expect(report.diagnostics.contains { $0.code == .yamlSyntax }, "\(file) cut at scalar \(cut)")
        }
        // Cuts anywhere else never crash either.
        for _ in 0..<Self.rounds(file) {
            let cut = Int.random(in: 0..<scalars.count, using: &generator)
            _ = Self.checkConsistent(String(String.UnicodeScalarView(scalars[..<cut])), lineCount: text.split(separator: "\n").count, "\(file) cut at \(cut)")
        }
    }

    @Test("random bytes, alone or spliced into a valid file, are reported", arguments: files)
    func randomBytes(file: String) throws {
        let original = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path(file)))
        var generator = SplitMix64(state: 4)
        for round in 0..<Self.rounds(file) {
            let junk = Data((0..<Int.random(in: 64...2048, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) })
            let spliceAt = Int.random(in: 0..<original.count, using: &generator)
            for mutant in [junk, original.prefix(spliceAt) + junk + original.dropFirst(spliceAt)] {
                let report = NetworkLoader.check(data: mutant, path: "junk.yaml")
                #expect(report.diagnostics.hasErrors, "\(file) round \(round)")
                #expect(report.network == nil)
                for diagnostic in report.diagnostics {
                    for phrase in HostileInputTests.libyamlPhrases { #expect(!diagnostic.message.contains(phrase), "\(file) round \(round): \(diagnostic)") }
                }
            }
        }
    }
}
