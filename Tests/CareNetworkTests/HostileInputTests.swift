import Foundation
import Testing
@testable import CareNetwork

/// Hostile files get a diagnostic, never a crash, a hang or unbounded memory.
@Suite("Hostile input")
struct HostileInputTests {
    @Test("a YAML alias bomb stops at the node budget")
    func aliasBomb() {
        var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
        for level in 1..<10 {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]")
        }
        let report = Fixtures.check(lines.joined(separator: "\n"))
        #expect(Fixtures.codes(report) == [.tooComplex])
    }

    @Test("deep flow nesting is refused before the parser recurses")
    func deepFlow() {
        let report = Fixtures.check(String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000))
        #expect(Fixtures.codes(report) == [.tooComplex])
        #expect(report.diagnostics.first?.location.column == 65)
    }

    @Test("deep block nesting is refused")
    func deepBlock() {
        let text = (0..<1500).map { String(repeating: " ", count: $0 * 2) + "a:" }.joined(separator: "\n")
        #expect(Fixtures.codes(Fixtures.check(text)) == [.tooComplex])
    }

    @Test("binary junk is not text")
    func binary() {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) } + [0xFF, 0xFE]
        let report = NetworkLoader.check(data: Data(bytes), path: "junk.bin")
        #expect(report.diagnostics.hasErrors)
        #expect(report.network == nil)
    }

    @Test("control characters in valid UTF-8 are a syntax error")
    func controlCharacters() {
        let report = Fixtures.check("schema: carepath-network/1\nregions: [\u{01}\u{02}]\n")
        #expect(Fixtures.codes(report) == [.yamlSyntax])
    }

    @Test("a 50 MB file is refused without reading it whole")
    func hugeFile() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("carepath-huge-\(UUID().uuidString).yaml")
        #expect(FileManager.default.createFile(atPath: file.path, contents: nil))
        let handle = try FileHandle(forWritingTo: file)
        let chunk = Data(String(repeating: "# padding line\n", count: 70_000).utf8)
        for _ in 0..<50 { handle.write(chunk) }
        try handle.close()
        defer { try? FileManager.default.removeItem(at: file) }
        let report = NetworkLoader.check(path: file.path)
        #expect(Fixtures.codes(report) == [.fileUnreadable])
        #expect(report.diagnostics.first?.message.contains("MiB") == true)
    }

    @Test("an empty file, a directory and a missing file are reported, not crashed on")
    func emptyAndMissing() {
        #expect(Fixtures.codes(Fixtures.check("")) == [.wrongType])
        #expect(Fixtures.codes(NetworkLoader.check(path: NSTemporaryDirectory())) == [.fileUnreadable])
        #expect(Fixtures.codes(NetworkLoader.check(path: "/nonexistent/carepath.yaml")) == [.fileUnreadable])
    }

    @Test("a top-level list or scalar is the wrong type")
    func wrongTop() {
        #expect(Fixtures.codes(Fixtures.check("- a\n- b\n")) == [.wrongType])
        #expect(Fixtures.codes(Fixtures.check("hello")) == [.wrongType])
    }
}
