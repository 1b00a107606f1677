import Foundation
import Testing

// The documentation's examples, run. README.md and Docs/*.md show what `carepath` prints in
// ```console blocks; these tests run every one of them with the built binary and compare what it
// prints with what the page shows, so the docs cannot drift from the tool.
//
// The convention (README.md, "The documentation's examples are tests", says the same for writers):
//
// - In a ```console block, a line starting with `$ ` is a command; a command line ending with ` \`
//   continues on the next line. Every command is `carepath ...`, split as a shell would split it
//   (single quotes, double quotes, backslash escapes; no variables, globs or pipes).
// - The lines after a command, up to the next `$ ` line or the end of the block, are what it prints:
//   its standard error, then its standard output, then `(exit N)` when its exit status N is not 0.
//   (A test cannot capture the order in which a terminal interleaves the two streams, so one order
//   is fixed: carepath prints diagnostics on stderr before any result on stdout, as a scenario's
//   warnings before the simulation's summary, so stderr first is the order a terminal shows.)
// - Compared exactly, after masking in both the page's text and the actual output what legitimately
//   varies: wall-clock timings (`0.23 s wall`, `1.8 M visits/s`) become `<time>`; absolute temporary
//   paths become `<tmp>`; and, unless the command fixes the day with `--on`, every date (YYYY-MM-DD)
//   becomes `<date>` (`route` reads today's date when not given one).
// - A page's examples run in order, one after the other, in one fresh temporary directory of the
//   page's own that holds `Networks` (a link to the repository's Networks/) and a copy of
//   Docs/diagrams/, so a relative path reads as in the repository, what an example writes lands in
//   the temporary directory, and an example can read what an earlier one on its page wrote
//   (`compare` the `result.json` of a `simulate --out` above it). A file or directory that a
//   successful example names with `-o` or `--out` must be there after it ran (a file given to `-o`
//   is removed before the example runs).
//
// Complete files shown as ```yaml blocks are checked too: a block of Docs/scenarios.md or
// Docs/network-format.md whose first key is `schema:` is a complete scenario or network file, and
// `carepath validate` must accept it without an error or a warning (a scenario on the network its
// `network:` key names, as if it were a file of Networks/scenarios/, or its `# network: FILE` comment
// names, else on the bundled national network). A block meant as a
// sketch of the syntax says so in its info string: ```yaml sketch.

/// A fenced block of a Markdown page.
struct MarkdownBlock: Sendable {
    /// The info string after the opening fence (`console`, `yaml`, `yaml sketch`, empty).
    var info: String
    /// The 1-based line of the page where the block's content starts (after the opening fence).
    var firstLine: Int
    var lines: [String]

    var language: String { String(info.split(separator: " ").first ?? "") }

    /// The fenced blocks of a Markdown text (fences of three backquotes at the start of a line).
    static func blocks(in text: String) -> [MarkdownBlock] {
        var blocks: [MarkdownBlock] = [], current: MarkdownBlock?
        for (index, line) in text.components(separatedBy: "\n").enumerated() {
            if var block = current {
                if line.trimmingCharacters(in: .whitespaces) == "```" {
                    blocks.append(block)
                    current = nil
                } else {
                    block.lines.append(line)
                    current = block
                }
            } else if line.hasPrefix("```") {
                current = MarkdownBlock(info: String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces), firstLine: index + 2, lines: [])
            }
        }
        return blocks
    }
}

/// One command of a ```console block and the output the page shows for it.
struct DocExample: Sendable, CustomTestStringConvertible {
    /// The page, relative to the package root (`Docs/routing.md`).
    var page: String
    /// The 1-based line of the page where the command starts.
    var line: Int
    /// The example's position among its page's examples (they run in this order).
    var index: Int
    /// The command as written, continuation lines joined with a space.
    var command: String
    /// What the page shows, each line ending in a newline; `(exit N)` included.
    var expected: String

    var testDescription: String {
        let shown = command.count > 100 ? String(command.prefix(97)) + "..." : command
        return "\(page):\(line): \(shown)"
    }

    /// The console examples of one page's text.
    static func examples(in text: String, page: String) -> (examples: [DocExample], problems: [String]) {
        var examples: [DocExample] = [], problems: [String] = []
        for block in MarkdownBlock.blocks(in: text) where block.language == "console" {
            var continuing = false
            for (offset, line) in block.lines.enumerated() {
                let lineNumber = block.firstLine + offset
                if continuing {
                    let text = line.trimmingCharacters(in: .whitespaces)
                    continuing = text.hasSuffix(" \\")
                    examples[examples.count - 1].command += " " + (continuing ? String(text.dropLast(2)) : text)
                } else if line.hasPrefix("$ ") {
                    let text = String(line.dropFirst(2))
                    continuing = text.hasSuffix(" \\")
                    examples.append(DocExample(page: page, line: lineNumber, index: examples.count,
                                               command: continuing ? String(text.dropLast(2)) : text, expected: ""))
                } else if examples.last.map({ $0.line >= block.firstLine }) == true {
                    examples[examples.count - 1].expected += line + "\n"
                } else {
                    problems.append("\(page):\(lineNumber): output before any `$ ` command in a console block")
                }
            }
            if continuing { problems.append("\(page):\(block.firstLine + block.lines.count - 1): the block ends on a ` \\` continuation") }
        }
        return (examples, problems)
    }

    /// A command line split into words as a shell splits it: blanks separate words; single quotes
    /// keep everything literally; double quotes keep everything but `\"` and `\\`; a backslash
    /// outside quotes escapes the next character.
    static func words(_ command: String) throws -> [String] {
        struct UnterminatedQuote: Error, CustomStringConvertible {
            var command: String
            var description: String { "unterminated quote in `\(command)`" }
        }
        var words: [String] = [], word = "", inWord = false
        var characters = Array(command)[...]
        while let character = characters.popFirst() {
            switch character {
            case " ", "\t":
                if inWord { words.append(word); word = ""; inWord = false }
            case "'":
                inWord = true
                guard let end = characters.firstIndex(of: "'") else { throw UnterminatedQuote(command: command) }
                word += String(characters[..<end])
                characters = characters[(end + 1)...]
            case "\"":
                inWord = true
                var closed = false
                while let next = characters.popFirst() {
                    if next == "\"" { closed = true; break }
                    if next == "\\", let escaped = characters.first, escaped == "\"" || escaped == "\\" {
                        word.append(escaped)
                        characters = characters.dropFirst()
                    } else {
                        word.append(next)
                    }
                }
                guard closed else { throw UnterminatedQuote(command: command) }
            case "\\":
                inWord = true
                if let escaped = characters.popFirst() { word.append(escaped) }
            default:
                inWord = true
                word.append(character)
            }
        }
        if inWord { words.append(word) }
        return words
    }

    /// `text` with what legitimately varies from run to run replaced by a placeholder: wall-clock
    /// timings, absolute temporary paths and, unless `datesFixed`, dates.
    static func masked(_ text: String, datesFixed: Bool) -> String {
        var text = text
        let temporary = FileManager.default.temporaryDirectory.standardizedFileURL.path
        // Longest first, so that `/private/tmp/x` is masked whole.
        for prefix in Set([temporary, "/private" + temporary, "/tmp", "/private/tmp"]).sorted(by: { $0.count > $1.count }) where prefix.count > 1 {
            text = text.replacingOccurrences(of: #"(?<![\w./-])"# + NSRegularExpression.escapedPattern(for: prefix) + #"(/[^\s"',:;)\]]*)?"#,
                                             with: "<tmp>", options: .regularExpression)
        }
        // `0.23 s wall`; `(1.8 M visits/s)`, `12 K routes/s`.
        text = text.replacingOccurrences(of: #"\b[0-9]+(\.[0-9]+)? s wall\b"#, with: "<time> s wall", options: .regularExpression)
        text = text.replacingOccurrences(of: #"\b[0-9]+(\.[0-9]+)?( ?[kKMG])? ([a-z]+)/s\b"#, with: "<time> $3/s", options: .regularExpression)
        if !datesFixed {
            text = text.replacingOccurrences(of: #"\b[0-9]{4}-[0-9]{2}-[0-9]{2}\b"#, with: "<date>", options: .regularExpression)
        }
        return text
    }

    /// Where `actual` first differs from `expected`, line by line, as a short diff; nil when equal.
    static func firstDifference(expected: String, actual: String) -> String? {
        guard expected != actual else { return nil }
        let expectedLines = expected.components(separatedBy: "\n"), actualLines = actual.components(separatedBy: "\n")
        var index = 0
        while index < expectedLines.count, index < actualLines.count, expectedLines[index] == actualLines[index] { index += 1 }
        func shown(_ lines: [String], _ index: Int) -> String {
            guard index < lines.count else { return "(end of output)" }
            // The last element after a final newline is empty: that is the end of the output.
            return index == lines.count - 1 && lines[index].isEmpty ? "(end of output)" : lines[index]
        }
        var diff = "first difference at output line \(index + 1):\n"
        if index > 0 { diff += "  \(expectedLines[index - 1])\n" }
        diff += "- \(shown(expectedLines, index))\n+ \(shown(actualLines, index))"
        return diff
    }
}

/// What one example printed when it ran.
struct ExampleOutcome: Sendable {
    /// stderr, then stdout, then `(exit N)` when N is not 0: the form the pages show.
    var transcript: String
    /// Files the example names with `-o` or `--out` that are not there after it ran, and other problems.
    var problems: [String]
}

/// One page's examples, run in order in one temporary directory of the page's own, each once.
actor DocPage {
    let examples: [DocExample]
    private var directory: URL?
    private var outcomes: [ExampleOutcome] = []

    init(examples: [DocExample]) { self.examples = examples }

    /// The outcome of example `index`, running it (and every example before it on the page, in order)
    /// if it has not run yet.
    func outcome(of index: Int) throws -> ExampleOutcome {
        while outcomes.count <= index {
            let directory = try self.directory ?? Self.makeDirectory()
            self.directory = directory
            outcomes.append(Self.run(examples[outcomes.count], in: directory))
            if outcomes.count == examples.count {
                try? FileManager.default.removeItem(at: directory)
                self.directory = nil
            }
        }
        return outcomes[index]
    }

    /// A new temporary directory with `Networks` linked to the repository's and a copy of Docs/diagrams.
    static func makeDirectory() throws -> URL {
        let manager = FileManager.default
        let directory = manager.temporaryDirectory.appendingPathComponent("carepath-docs-\(UUID().uuidString)")
        try manager.createDirectory(at: directory.appendingPathComponent("Docs"), withIntermediateDirectories: true)
        try manager.createSymbolicLink(at: directory.appendingPathComponent("Networks"),
                                       withDestinationURL: CLI.packageRoot.appendingPathComponent("Networks"))
        try manager.copyItem(at: CLI.packageRoot.appendingPathComponent("Docs/diagrams"),
                             to: directory.appendingPathComponent("Docs/diagrams"))
        return directory
    }

    static func run(_ example: DocExample, in directory: URL) -> ExampleOutcome {
        do {
            let words = try DocExample.words(example.command)
            guard words.first == "carepath" else {
                return ExampleOutcome(transcript: "", problems: ["only `carepath` commands can be examples, not `\(words.first ?? "")`"])
            }
            let arguments = Array(words.dropFirst())
            let outputs = zip(arguments, arguments.dropFirst()).filter { $0.0 == "-o" || $0.0 == "--out" }
            // A file the example writes is removed first (the copy of Docs/diagrams holds the pictures
            // the examples make), so that finding it afterwards shows the example wrote it.
            func place(_ path: String) -> URL { path.hasPrefix("/") ? URL(fileURLWithPath: path) : directory.appendingPathComponent(path) }
            for (option, value) in outputs where option == "-o" && !value.hasPrefix("/") {
                try? FileManager.default.removeItem(at: place(value))
            }
            let result = try CLI.run(arguments, environment: ["COLUMNS": "80"], in: directory)
            var transcript = result.stderr + result.stdout
            if result.status != 0 { transcript += "(exit \(result.status))\n" }
            var problems: [String] = []
            for (option, value) in outputs where result.status == 0 {
                let path = place(value).path
                var isDirectory: ObjCBool = false
                if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
                    problems.append("\(option) \(value): nothing was written there")
                } else if !isDirectory.boolValue, (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) == 0 {
                    problems.append("\(option) \(value): the file written is empty")
                }
            }
            return ExampleOutcome(transcript: transcript, problems: problems)
        } catch {
            return ExampleOutcome(transcript: "", problems: ["\(error)"])
        }
    }
}

/// The pages whose console examples are run, and their examples.
enum DocPages {
    /// README.md and every Docs/*.md, relative to the package root, sorted.
    static let pages: [String] = {
        let docs = (try? FileManager.default.contentsOfDirectory(atPath: CLI.packageRoot.appendingPathComponent("Docs").path)) ?? []
        return ["README.md"] + docs.filter { $0.hasSuffix(".md") }.sorted().map { "Docs/" + $0 }
    }()

    static func text(of page: String) -> String {
        (try? String(contentsOf: CLI.packageRoot.appendingPathComponent(page), encoding: .utf8)) ?? ""
    }

    static let parsed: (examples: [DocExample], problems: [String]) = {
        var examples: [DocExample] = [], problems: [String] = []
        for page in pages {
            let found = DocExample.examples(in: text(of: page), page: page)
            examples += found.examples
            problems += found.problems
        }
        return (examples, problems)
    }()

    static let runners: [String: DocPage] = Dictionary(grouping: parsed.examples, by: \.page).mapValues { DocPage(examples: $0) }
}

/// A complete scenario or network file shown as a ```yaml block.
struct DocFile: Sendable, CustomTestStringConvertible {
    var page: String
    var line: Int
    var text: String
    var isScenario: Bool
    /// The network a scenario is meant for (its `network:` file or `# network: FILE` comment), nil for the bundled one.
    var network: String?

    var testDescription: String { "\(page):\(line) (\(isScenario ? "scenario" : "network"))" }

    static let pages = ["Docs/scenarios.md", "Docs/network-format.md"]

    static func files(in text: String, page: String) -> [DocFile] {
        MarkdownBlock.blocks(in: text).compactMap { block in
            guard block.language == "yaml", !block.info.split(separator: " ").contains("sketch") else { return nil }
            let first = block.lines.first { line in
                let text = line.trimmingCharacters(in: .whitespaces)
                return !text.isEmpty && !text.hasPrefix("#")
            }
            guard let first, first.hasPrefix("schema:") else { return nil }
            let network = block.lines.lazy.compactMap { line -> String? in
                if line.hasPrefix("# network: ") { return String(line.dropFirst("# network: ".count)).trimmingCharacters(in: .whitespaces) }
                return scenarioNetworkFile(line)
            }.first
            return DocFile(page: page, line: block.firstLine, text: block.lines.joined(separator: "\n") + "\n",
                           isScenario: first.contains("carepath-scenario/"), network: network)
        }
    }

    /// The file a scenario's `network:` line names (`network: FILE` or `network: {file: FILE, ...}`),
    /// resolved as if the scenario were a file of Networks/scenarios/ (the shown block is checked from a
    /// temporary directory, where the relative file is not).
    static func scenarioNetworkFile(_ line: String) -> String? {
        guard line.hasPrefix("network: ") else { return nil }
        var value = String(line.dropFirst("network: ".count))
        if let comment = value.range(of: "   #") { value = String(value[..<comment.lowerBound]) }
        value = value.trimmingCharacters(in: .whitespaces)
        if value.hasPrefix("{") {
            guard let start = value.range(of: "file:") else { return nil }
            value = String(value[start.upperBound...].prefix { $0 != "," && $0 != "}" }).trimmingCharacters(in: .whitespaces)
        }
        return CLI.packageRoot.appendingPathComponent("Networks/scenarios").appendingPathComponent(value).standardizedFileURL.path
    }

    static let all: [DocFile] = pages.flatMap { files(in: DocPages.text(of: $0), page: $0) }
}

@Suite("Documentation examples")
struct DocExamplesTests {
    @Test("every console example of README.md and Docs/*.md prints what the page shows", arguments: DocPages.parsed.examples)
    func example(_ example: DocExample) async throws {
        let runner = try #require(DocPages.runners[example.page])
        let outcome = try await runner.outcome(of: example.index)
        let datesFixed = (try? DocExample.words(example.command))?.contains("--on") == true
        let expected = DocExample.masked(example.expected, datesFixed: datesFixed)
        let actual = DocExample.masked(outcome.transcript, datesFixed: datesFixed)
        let location = SourceLocation(fileID: "CarePath/\(example.page)", filePath: CLI.packageRoot.appendingPathComponent(example.page).path,
                                      line: example.line, column: 1)
        if let difference = DocExample.firstDifference(expected: expected, actual: actual) {
            Issue.record("""
                \(example.page):\(example.line): `\(example.command)` prints something else than the page shows
                \(difference)
                --- what it printed (stderr, stdout, exit status) ---
                \(outcome.transcript)
                """, sourceLocation: location)
        }
        for problem in outcome.problems {
            Issue.record("\(example.page):\(example.line): `\(example.command)`: \(problem)", sourceLocation: location)
        }
    }

    @Test("the console blocks parse: every output line follows a command, no block ends mid-command")
    func blocksParse() {
        #expect(DocPages.parsed.problems.isEmpty, "\(DocPages.parsed.problems)")
    }

    @Test("every page that shows carepath's output has console examples, and only console blocks have `$ ` prompts")
    func examplesFound() {
        let examples = DocPages.parsed.examples
        #expect(examples.count >= 30, "only \(examples.count) console examples found")
        for page in ["Docs/diagrams.md", "Docs/network-format.md", "Docs/routing.md", "Docs/rules.md", "Docs/scenarios.md", "Docs/simulation.md"] {
            #expect(examples.contains { $0.page == page }, "\(page) has no console example")
        }
        // A command with its output in a ```sh or plain block would not be run: it belongs in a console block.
        for page in DocPages.pages {
            for block in MarkdownBlock.blocks(in: DocPages.text(of: page)) where block.language != "console" {
                for (offset, line) in block.lines.enumerated() where line.hasPrefix("$ ") {
                    Issue.record("\(page):\(block.firstLine + offset): a `$ ` command outside a console block is not tested")
                }
            }
        }
    }

    @Test("every complete scenario and network shown in Docs/scenarios.md and Docs/network-format.md validates without a problem",
          arguments: DocFile.all)
    func completeFile(_ file: DocFile) throws {
        let path = try CLI.temporaryFile(file.text, name: file.isScenario ? "scenario.yaml" : "network.yaml")
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path) }
        let arguments = file.isScenario ? ["validate"] + (file.network.map { [$0] } ?? []) + ["--scenario", path] : ["validate", path]
        let result = try CLI.run(arguments)
        let location = SourceLocation(fileID: "CarePath/\(file.page)", filePath: CLI.packageRoot.appendingPathComponent(file.page).path,
                                      line: file.line, column: 1)
        let problems = (result.stdout + result.stderr).components(separatedBy: "\n").filter { $0.contains(": error: ") || $0.contains(": warning: ") }
        if result.status != 0 || !problems.isEmpty {
            Issue.record("""
                \(file.testDescription): `carepath \(arguments.dropLast().joined(separator: " ")) FILE` exited \(result.status):
                \(result.stdout)\(result.stderr)
                """, sourceLocation: location)
        }
    }

    @Test("each of the two pages shows at least one complete file that is checked")
    func completeFilesFound() {
        #expect(DocFile.all.contains { $0.page == "Docs/scenarios.md" && $0.isScenario })
        #expect(DocFile.all.contains { $0.page == "Docs/network-format.md" && !$0.isScenario })
    }

    /// Every rule id of the source documents: E1-E4, C1-C9, A1-A5, B1-B16, X1-X3, P0-P5.
    static let ruleIDs: [String] = (1...4).map { "E\($0)" } + (1...9).map { "C\($0)" } + (1...5).map { "A\($0)" }
        + (1...16).map { "B\($0)" } + (1...3).map { "X\($0)" } + (0...5).map { "P\($0)" }

    /// The pages a reader of the project gets: README.md, Docs/*.md and the modules' .docc pages.
    static var shippedPages: [String] {
        let sources = CLI.packageRoot.appendingPathComponent("Sources")
        let docc = (FileManager.default.enumerator(atPath: sources.path)?.allObjects as? [String] ?? [])
            .filter { $0.contains(".docc/") && $0.hasSuffix(".md") }.sorted().map { "Sources/" + $0 }
        return DocPages.pages + docc
    }

    @Test("Docs/rules-reference.md has one table row for each rule id, and every rule id the docs cite is one of them")
    func rulesReference() throws {
        let text = DocPages.text(of: "Docs/rules-reference.md")
        let rows = try Regex(#"^\| ([A-Z][0-9]+) \|"#).anchorsMatchLineEndings()
        let listed = text.matches(of: rows).map { String($0.output[1].substring ?? "") }
        #expect(listed == Self.ruleIDs, "rows: \(listed)")
        // A cited id is a capital A, B, C, E, P or X and a number, standing alone (`P3`, `B1-B16`),
        // not part of a name (`waitMinutesP50/P90`).
        let cited = try Regex(#"(?:^|[^\w/])([ABCEPX][0-9]{1,2})\b"#).anchorsMatchLineEndings()
        for page in Self.shippedPages {
            let unknown = Set(DocPages.text(of: page).matches(of: cited).map { String($0.output[1].substring ?? "") }).subtracting(Self.ruleIDs)
            #expect(unknown.isEmpty, "\(page) cites \(unknown.sorted()), not in Docs/rules-reference.md")
        }
    }

    @Test("README.md, Docs/*.md and the .docc pages point at nothing outside the repository, and their links resolve")
    func pointers() throws {
        let link = try Regex(#"\]\(([^)\s]+)\)"#)
        for page in Self.shippedPages {
            // What carepath prints (a console block's output) is the tool's, not the page's: left out.
            var prose = "", inConsole = false
            for line in DocPages.text(of: page).components(separatedBy: "\n") {
                if line.hasPrefix("```") { inConsole = !inConsole && line == "```console" }
                if !inConsole || line.hasPrefix("$ ") { prose += line + "\n" }
            }
            // The sibling folder of the sources is spelled in parts, so that this guard is no pointer itself.
            for outside in [["..", "shared"].joined(separator: "/"), "shared/", "RULES.md"] {
                #expect(!prose.contains(outside), "\(page) mentions \(outside)")
            }
            let directory = page.split(separator: "/").dropLast().joined(separator: "/")
            for match in prose.matches(of: link) {
                let target = String(match.output[1].substring ?? "").components(separatedBy: "#")[0]
                guard !target.isEmpty, !target.contains("://") else { continue }
                let resolved = CLI.packageRoot.appendingPathComponent(directory).appendingPathComponent(target).standardizedFileURL.path
                #expect(resolved.hasPrefix(CLI.packageRoot.standardizedFileURL.path + "/") && FileManager.default.fileExists(atPath: resolved),
                        "\(page): the link \(target) points at nothing in the repository")
            }
        }
    }

    @Test("the parser: commands, ` \\` continuations, output up to the next command, `(exit N)`")
    func parser() throws {
        let page = """
            Text.

            ```console
            $ carepath route --from cs-a \\
                --service 'dental care' --lang "a\\"r"
            line one

            line three
            $ carepath basket --service x
            error: unknown service 'x'
            (exit 1)
            ```

            ```sh
            carepath simulate
            ```
            """
        let (examples, problems) = DocExample.examples(in: page, page: "P.md")
        #expect(problems.isEmpty)
        #expect(examples.map(\.line) == [4, 9])
        #expect(examples.map(\.index) == [0, 1])
        #expect(examples.first?.command == #"carepath route --from cs-a --service 'dental care' --lang "a\"r""#)
        #expect(examples.first?.expected == "line one\n\nline three\n")
        #expect(examples.last?.expected == "error: unknown service 'x'\n(exit 1)\n")
        #expect(try DocExample.words(examples[0].command) == ["carepath", "route", "--from", "cs-a", "--service", "dental care", "--lang", #"a"r"#])
        #expect(throws: (any Error).self) { try DocExample.words("carepath route --from 'cs-a") }
        #expect(DocExample.examples(in: "```console\norphan\n```", page: "P.md").problems.count == 1)
    }

    @Test("masks: timings, temporary paths and (without --on) dates; nothing else")
    func masks() {
        let text = "Station visits 409937, 0.23 s wall (1.8 M visits/s) on 2026-11-23 in \(FileManager.default.temporaryDirectory.path)/x/result.json; 16.8 min\n"
        #expect(DocExample.masked(text, datesFixed: false) == "Station visits 409937, <time> s wall (<time> visits/s) on <date> in <tmp>; 16.8 min\n")
        #expect(DocExample.masked(text, datesFixed: true).contains("2026-11-23"))
        #expect(DocExample.masked("2.4 km, 164.7 km, p99 2.3 h", datesFixed: false) == "2.4 km, 164.7 km, p99 2.3 h")
    }

    @Test("a difference is shown as the first differing line, with the line before it")
    func difference() {
        #expect(DocExample.firstDifference(expected: "a\nb\n", actual: "a\nb\n") == nil)
        #expect(DocExample.firstDifference(expected: "a\n2.6 km\n", actual: "a\n2.4 km\n") == "first difference at output line 2:\n  a\n- 2.6 km\n+ 2.4 km")
        #expect(DocExample.firstDifference(expected: "a\n", actual: "a\nmore\n") == "first difference at output line 2:\n  a\n- (end of output)\n+ more")
    }
}
