import Foundation
import Testing

@Suite("Help text")
struct HelpTextTests {
    @Test("every command's discussion wraps as whole paragraphs: no line breaks before a word that would fit on it",
          arguments: [["simulate"], ["compare"], ["validate"], ["route"], ["basket"], ["eligibility"], ["render"],
                      ["render", "network"], ["render", "pathway"], ["render", "load"], []])
    func paragraphs(command: [String]) throws {
        let result = try CLI.run(command + ["--help"], environment: ["COLUMNS": "80"])
        #expect(result.status == 0)
        // The discussion: between the overview and the usage line.
        let lines = result.stdout.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex { $0.hasPrefix("OVERVIEW:") }), end = try #require(lines.firstIndex { $0.hasPrefix("USAGE:") })
        var checked = 0
        for (line, next) in zip(lines[start..<end], lines[start..<end].dropFirst())
        where !line.isEmpty && !next.isEmpty && !line.hasPrefix(" ") && !next.hasPrefix(" ") && !line.hasPrefix("OVERVIEW:") {
            let word = next.prefix { $0 != " " }
            // The parser keeps lines under 80 columns.
            #expect(line.count + 1 + word.count >= 80, "'\(line)' could have taken '\(word)'")
            checked += 1
        }
        #expect(checked > 0 || command.isEmpty)
    }
}
