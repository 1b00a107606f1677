import CareNetwork
import Foundation
import Testing

/// The rule ids the code can cite (``RuleID``) are exactly those Docs/rules-reference.md defines, and
/// every id the sources, the docs and the bundled networks write in text (messages, help, comments)
/// is one of them.
@Suite("Rule ids against the rules reference")
struct RuleReferenceTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The ids of the reference's tables: rows that start `| ID |`.
    static func referenceIDs() throws -> [String] {
        let text = try String(contentsOf: root.appendingPathComponent("Docs/rules-reference.md"), encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            guard let match = line.firstMatch(of: /^\| ([A-Z][0-9]+) \|/) else { return nil }
            return String(match.1)
        }
    }

    @Test("RuleID's cases are the reference's ids, each defined once")
    func sameIDs() throws {
        let ids = try Self.referenceIDs()
        #expect(ids.count == Set(ids).count, "an id defined twice")
        #expect(Set(ids) == Set(RuleID.allCases.map(\.rawValue)))
    }

    /// Files under `folder` (relative to the package root) whose names end in one of `extensions`.
    static func files(under folder: String, extensions: Set<String>) -> [URL] {
        let base = root.appendingPathComponent(folder)
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }.filter { extensions.contains($0.pathExtension) }
    }

    @Test("every rule id written in the sources, docs and networks is defined (P90-style percentiles aside)")
    func citedIDsDefined() throws {
        let defined = Set(RuleID.allCases.map(\.rawValue))
        let files = Self.files(under: "Sources", extensions: ["swift"]) + Self.files(under: "Docs", extensions: ["md"])
            + Self.files(under: "Networks", extensions: ["yaml", "md"]) + [Self.root.appendingPathComponent("README.md")]
        #expect(files.count > 50)
        var undefined: [String] = []
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: /\b([ECABX][0-9]{1,2}|P[0-9])\b/) where !defined.contains(String(match.1)) {
                undefined.append("\(file.lastPathComponent): \(match.1)")
            }
        }
        #expect(undefined.isEmpty, "\(undefined)")
    }
}
