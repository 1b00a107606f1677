import Foundation
import Synchronization
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

@Suite("Help examples")
struct HelpExampleTests {
    /// The commands whose help shows examples, in an order where each example's inputs exist:
    /// `compare` reads what the `simulate` examples wrote.
    static let commands: [[String]] = [["validate"], ["route"], ["basket"], ["eligibility"], ["simulate"], ["compare"],
                                       ["render"], ["render", "network"], ["render", "pathway"], ["render", "load"]]

    /// The example command lines of a help text as printed at 80 columns: the indented lines after
    /// `Example:` or `Examples:`, with ` \` continuations joined.
    static func examples(in help: String) -> (commands: [String], problems: [String]) {
        var commands: [String] = [], problems: [String] = []
        var inExamples = false, continuing = false
        for line in help.components(separatedBy: "\n") {
            if line.hasPrefix("Example") && line.hasSuffix(":") { inExamples = true; continue }
            guard inExamples else { continue }
            if line.isEmpty { inExamples = false; continuing = false; continue }
            guard line.hasPrefix(" ") else {
                problems.append("'\(line)' is not indented: a line wrapped at 80 columns?")
                continue
            }
            let text = line.trimmingCharacters(in: .whitespaces)
            let body = text.hasSuffix(" \\") ? String(text.dropLast(2)) : text
            if continuing {
                commands[commands.count - 1] += " " + body
            } else if text.hasPrefix("carepath ") {
                commands.append(body)
            } else {
                problems.append("'\(line)' is neither a command nor a continuation: a line wrapped at 80 columns?")
            }
            continuing = text.hasSuffix(" \\")
        }
        return (commands, problems)
    }

    @Test("every example in every command's help fits 80 columns and runs as written (simulations shortened to 1 day)")
    func examplesRun() throws {
        // A scratch directory that sees the repository's Networks/, so examples run as a user in the
        // repository would run them and write their outputs away from it.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("carepath-examples-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createSymbolicLink(at: directory.appendingPathComponent("Networks"),
                                                   withDestinationURL: CLI.packageRoot.appendingPathComponent("Networks"))
        // The commands' examples run side by side, each command's in order; `compare` reads what the
        // `simulate` examples wrote, so it runs after them.
        let groups = [Self.commands.filter { $0 != ["compare"] }, [["compare"]]]
        let collected = Mutex<(outcomes: [(example: String, status: Int32, stderr: String)], problems: [String])>(([], []))
        for group in groups {
            DispatchQueue.concurrentPerform(iterations: group.count) { index in
                let command = group[index]
                var ran: [(String, Int32, String)] = [], problems: [String] = []
                do {
                    let help = try CLI.run(command + ["--help"], environment: ["COLUMNS": "80"])
                    let (examples, found) = Self.examples(in: help.stdout)
                    problems = (help.status == 0 ? [] : ["--help exited \(help.status)"]) + found
                    for example in examples {
                        var arguments = example.split(separator: " ").dropFirst().map(String.init)
                        // The last --days wins: the example's own options are all still parsed and used.
                        if arguments.first == "simulate" { arguments += ["--days", "1"] }
                        let result = try CLI.run(arguments, in: directory)
                        ran.append((example, result.status, result.stderr))
                    }
                } catch {
                    problems.append("\(error)")
                }
                collected.withLock {
                    $0.outcomes += ran
                    $0.problems += problems.map { "\(command.joined(separator: " ")): \($0)" }
                }
            }
        }
        let (outcomes, helpProblems) = collected.withLock { $0 }
        #expect(helpProblems.isEmpty, "\(helpProblems)")
        for outcome in outcomes {
            #expect(outcome.status == 0, "\(outcome.example) exited \(outcome.status): \(outcome.stderr)")
        }
        let ran = outcomes.count
        #expect(ran >= 15)
        // What the examples say they write, they wrote.
        for output in ["results/baseline/result.json", "results/agadir/result.json", "run/result.json", "load.svg", "network.svg",
                       "souss-massa.png", "atlas.svg", "pathway.svg"] {
            #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent(output).path), "\(output) missing")
        }
    }

    @Test("a wrapped example line is caught")
    func wrappedLineCaught() {
        let help = "Examples:\n  carepath route --from x --service y --card vulnerable\n\\\n      --card-issued 2024-03-01\n\nUSAGE: x"
        let (commands, problems) = Self.examples(in: help)
        #expect(commands == ["carepath route --from x --service y --card vulnerable"])
        // The orphaned backslash, then the continuation it left without a command.
        #expect(problems.count == 2)
        #expect(problems.first?.hasPrefix("'\\'") == true)
    }
}
