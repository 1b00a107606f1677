import Foundation
import CarePathTestSupport
import Testing
@testable import CareNetwork

/// `Networks/examples/invalid/*.yaml`: each file is broken in one documented way and states the
/// diagnostics it must produce in comment lines `# expect: LINE:COLUMN error|warning CODE`.
@Suite("Invalid examples")
struct InvalidExampleTests {
    static let directory = Fixtures.path("Networks/examples/invalid")

    static var files: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }

    typealias Expectation = ExpectedDiagnostic

    static func expectations(in text: String) -> [Expectation] { ExpectedDiagnostic.stated(in: text) }

    @Test("there are invalid examples, each stating what it must produce")
    func examplesExist() throws {
        #expect(Self.files.count >= 12)
        for file in Self.files {
            let text = try String(contentsOfFile: Self.directory + "/" + file, encoding: .utf8)
            #expect(!Self.expectations(in: text).isEmpty, "\(file) has no '# expect:' line")
        }
    }

    @Test("each invalid example gives exactly the errors it states, at their line and column", arguments: files)
    func example(file: String) throws {
        let path = Self.directory + "/" + file
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let expected = Set(Self.expectations(in: text))
        let report = NetworkLoader.check(path: path)
        let actual = Set(report.diagnostics.map {
            Expectation(line: $0.location.line, column: $0.location.column, severity: $0.severity.rawValue, code: $0.code.rawValue)
        })
        // Every stated diagnostic appears; no unstated error appears (unstated warnings may).
        #expect(expected.subtracting(actual).isEmpty, "\(file): missing \(expected.subtracting(actual)); got \(report.diagnostics.map(\.description))")
        let unstatedErrors = actual.subtracting(expected).filter { $0.severity == "error" }
        #expect(unstatedErrors.isEmpty, "\(file): unexpected \(unstatedErrors)")
        if expected.contains(where: { $0.severity == "error" }) { #expect(report.network == nil) }
    }
}
