import CareNetwork
@testable import Diagrams
import Foundation
import Referral
import Testing

/// An Arabic diagram's SVG as a browser shows it: Debian's Chromium, headless (`.ci/setup`
/// installs it), reads the positions of the characters of each step's first line.
@Suite("Arabic SVG in a browser")
struct BrowserSVGTests {
    /// The page's DOM after a script wrote, for the first `<text>` starting with `1. `, its computed
    /// direction and the x of its first and last characters.
    static func probe(_ svg: String) throws -> [String: String] {
        let html = """
            <!DOCTYPE html><html><body>\(svg)<script>
            const text = [...document.querySelectorAll('text')].find(t => t.textContent.startsWith('1. '));
            const n = text.getNumberOfChars();
            document.body.setAttribute('data-direction', getComputedStyle(text).direction);
            document.body.setAttribute('data-first', Math.round(text.getStartPositionOfChar(0).x));
            document.body.setAttribute('data-last', Math.round(text.getStartPositionOfChar(n - 1).x));
            </script></body></html>
            """
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("carepath-svg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = directory.appendingPathComponent("page.html")
        try html.write(to: page, atomically: true, encoding: .utf8)
        let process = Process()
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":").map { "\($0)/chromium" }
        guard let chromium = path.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "chromium is not installed (bash .ci/setup installs it)"])
        }
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=" + directory.appendingPathComponent("profile").path,
                             "--dump-dom", page.absoluteString]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let dom = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let start = try #require(dom.range(of: "<body"))
        let body = String(dom[start.lowerBound...].prefix { $0 != ">" })
        var attributes: [String: String] = [:]
        for part in body.components(separatedBy: " data-").dropFirst() {
            let pieces = part.split(separator: "=", maxSplits: 1)
            if pieces.count == 2 { attributes[String(pieces[0])] = pieces[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        }
        return attributes
    }

    @Test("the step number of an Arabic label is on its right, as pango draws it; without the mark it would be on its left")
    func stepNumber() throws {
        let network = LocalisedLabelsTests.training
        let input = try LocalisedLabelsTests.pathway("cs-tensift-1", "intensive-care")
        let data = try GraphvizRenderer().render(PathwayDiagram.graph(of: input, in: network, language: .ar), format: .svg)
        let svg = String(decoding: data, as: UTF8.self)
        #expect(svg.contains("<text direction=\"rtl\" unicode-bidi=\"embed\""))
        let marked = try Self.probe(svg)
        #expect(marked["direction"] == "rtl")
        let first = try #require(Int(marked["first"] ?? "")), last = try #require(Int(marked["last"] ?? ""))
        #expect(first > last, "'1' at x = \(first), the name's last letter at x = \(last): the number is on the right")
        // The same SVG without the marks: the browser puts the number on the left (what the issue saw).
        let unmarked = try Self.probe(svg.replacingOccurrences(of: " direction=\"rtl\" unicode-bidi=\"embed\"", with: ""))
        let plainFirst = try #require(Int(unmarked["first"] ?? "")), plainLast = try #require(Int(unmarked["last"] ?? ""))
        #expect(unmarked["direction"] == "ltr" && plainFirst < plainLast)
    }
}
