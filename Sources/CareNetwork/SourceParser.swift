import CarePathSupport
import Dispatch
import Foundation
import Yams

/// Turns file bytes into a ``SourceValue`` tree, refusing hostile input with a diagnostic instead of
/// crashing, hanging or exhausting memory: files over ``maximumFileBytes``, non-UTF-8 bytes, more than
/// ``maximumEntries`` keys and values written, nesting deeper than ``maximumDepth``, and alias
/// expansion past ``maximumNodes``.
///
/// The nesting depth is measured on what the YAML parser builds, so no quoting can hide it: libyaml
/// stops by itself at 1,000 levels, Yams builds the tree recursively up to there on a thread of its
/// own with a large stack (``parserStackBytes``), and the conversion to ``SourceValue`` refuses the
/// 65th level, at its position. A lexical scan before the parser refuses most deep files sooner.
/// Every message is CarePath's own: the parser's are translated (SourceParser+Messages.swift).
package enum SourceParser {
    package static let maximumFileBytes = 32 << 20
    package static let maximumDepth = 64
    /// Values (scalars, lists and mappings) after alias expansion; the national network has 37,000.
    package static let maximumNodes = 1_000_000
    /// Keys and values as written, counted before the parser builds them (an upper bound: line breaks
    /// and the `,` `[` `{` `- ` `? ` `: ` indicators); the national network has 74,000. Twice
    /// ``maximumNodes``, since every value but a list item has a key.
    package static let maximumEntries = 2_000_000
    /// The stack of the thread the YAML parser builds its tree on: libyaml's 1,000 levels take under
    /// 4 MiB in a debug build.
    static let parserStackBytes = 64 << 20

    /// Parses file bytes named `file` in diagnostics; the first syntax error stops it.
    package static func parse(data: Data, file: String) -> Result<SourceValue, Diagnostic> {
        let start = SourceLocation(file: file, line: 1, column: 1)
        guard data.count <= maximumFileBytes else {
            return .failure(Diagnostic(.error, .fileUnreadable,
                "file is \(data.count / (1 << 20)) MiB; network files are limited to \(maximumFileBytes >> 20) MiB",
                at: start))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            let offset = firstInvalidUTF8Offset(data)
            return .failure(Diagnostic(.error, .fileUnreadable,
                "file is not UTF-8 text (invalid byte at offset \(offset))", at: location(ofByte: offset, in: data, file: file),
                hint: "network files are YAML or JSON text encoded as UTF-8"))
        }
        return parse(text: text, file: file)
    }

    /// Parses text named `file` in diagnostics; the first syntax error stops it.
    package static func parse(text: String, file: String) -> Result<SourceValue, Diagnostic> {
        if let tooMany = tooManyEntries(text, file: file) { return .failure(tooMany) }
        // Yams builds the tree recursively, a call per level: refuse what a scan finds too deep first.
        if let deep = flowNestingTooDeep(text, file: file) { return .failure(deep) }
        // What the scan misses, the parser measures: Yams builds up to libyaml's 1,000 levels
        // recursively, on a stack large enough for them whatever thread called.
        return onParserStack { compose(text: text, file: file) }
    }

    /// Parses and converts (on the parser's thread: the Yams tree is built and freed there).
    private static func compose(text: String, file: String) -> Result<SourceValue, Diagnostic> {
        let root: Node?
        do {
            let parser = try Parser(yaml: text, resolver: .basic, constructor: .default, encoding: .utf8)
            root = try parser.singleRoot()
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, text: text, file: file))
        } catch {
            return .failure(Diagnostic(.error, .yamlSyntax, "the YAML does not parse", at: SourceLocation(file: file, line: 1, column: 1),
                                       hint: SourceParser.syntaxHint))
        }
        guard let root else { return .success(SourceValue(kind: .null, location: SourceLocation(file: file, line: 1, column: 1))) }
        var walk = Walk()
        return convert(root, file: file, depth: 0, walk: &walk)
    }

    /// Runs `body` on a thread of its own with a ``parserStackBytes`` stack and waits for it.
    private static func onParserStack(_ body: @escaping @Sendable () -> Result<SourceValue, Diagnostic>) -> Result<SourceValue, Diagnostic> {
        final class Outcome: @unchecked Sendable {
            var value: Result<SourceValue, Diagnostic>?
        }
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            outcome.value = body()
            done.signal()
        }
        thread.stackSize = parserStackBytes
        thread.start()
        done.wait()
        return outcome.value!
    }

    /// The node budget and the last position seen while converting: an alias repeats the positions
    /// of its anchor, so a position that does not move forward means aliases are being expanded.
    private struct Walk {
        var budget = SourceParser.maximumNodes
        var last = (line: 0, column: 0)
        var expandsAliases = false
    }

    private static func convert(_ node: Node, file: String, depth: Int, walk: inout Walk) -> Result<SourceValue, Diagnostic> {
        let location = node.mark.map { SourceLocation(file: file, line: $0.line, column: $0.column) }
            ?? SourceLocation(file: file, line: 1, column: 1)
        if let mark = node.mark {
            if (mark.line, mark.column) <= walk.last { walk.expandsAliases = true } else { walk.last = (mark.line, mark.column) }
        }
        walk.budget -= 1
        guard walk.budget >= 0 else {
            let limit = NumberFormat.grouped(maximumNodes)
            if walk.expandsAliases {
                return .failure(Diagnostic(.error, .tooComplex,
                    "aliases expand the file past \(limit) values (scalars, lists and mappings); network files are limited to \(limit) once aliases are expanded",
                    at: location, hint: "remove the aliases that refer to other aliases"))
            }
            return .failure(Diagnostic(.error, .tooComplex,
                "the file holds more than \(limit) values (scalars, lists and mappings); network files are limited to \(limit)",
                at: location, hint: "the national network holds about 37,000; is this one network?"))
        }
        guard depth <= maximumDepth else { return .failure(tooDeep(at: location)) }
        switch node {
        case .scalar(let scalar):
            let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
            if !quoted, scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
                return .success(SourceValue(kind: .null, location: location))
            }
            return .success(SourceValue(kind: .scalar(scalar.string, quoted: quoted || scalar.style == .literal || scalar.style == .folded), location: location))
        case .sequence(let sequence):
            var items: [SourceValue] = []
            items.reserveCapacity(sequence.count)
            for item in sequence {
                switch convert(item, file: file, depth: depth + 1, walk: &walk) {
                case .success(let value): items.append(value)
                case .failure(let diagnostic): return .failure(diagnostic)
                }
            }
            return .success(SourceValue(kind: .sequence(items), location: location))
        case .mapping(let mapping):
            var entries: [(key: String, keyLocation: SourceLocation, value: SourceValue)] = []
            entries.reserveCapacity(mapping.count)
            for (key, value) in mapping {
                let keyLocation = key.mark.map { SourceLocation(file: file, line: $0.line, column: $0.column) } ?? location
                guard case .scalar(let keyScalar) = key else {
                    return .failure(Diagnostic(.error, .wrongType, "a mapping key must be plain text", at: keyLocation))
                }
                switch convert(value, file: file, depth: depth + 1, walk: &walk) {
                case .success(let converted): entries.append((keyScalar.string, keyLocation, converted))
                case .failure(let diagnostic): return .failure(diagnostic)
                }
            }
            return .success(SourceValue(kind: .mapping(entries), location: location))
        case .alias:
            // Yams resolves aliases while composing; an unresolved one is an undefined anchor.
            return .failure(Diagnostic(.error, .yamlSyntax, "an alias refers to an anchor that is not defined before it", at: location,
                                       hint: "define '&name' before using '*name', or write the value out"))
        }
    }

    /// The diagnostic of a parser error, in CarePath's words (``syntax(problem:context:)``): no
    /// message of libyaml's or Yams's is shown as it is.
    private static func diagnostic(for error: YamlError, text: String, file: String) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            if problem.hasPrefix("Maximum nesting level") { return tooDeep(at: at(mark)) }
            let said = syntax(problem: problem, context: context.map { ($0.text, $0.mark.line, $0.mark.column) })
            return Diagnostic(.error, .yamlSyntax, said.message, at: at(mark), hint: said.hint)
        case .reader(let problem, let offset, let value, _):
            let place = offset.map { location(ofCharacter: $0, in: text, file: file) } ?? SourceLocation(file: file, line: 1, column: 1)
            return Diagnostic(.error, .yamlSyntax, readerMessage(problem: problem, value: value), at: place,
                hint: "the file holds bytes that are not text (binary data or control characters)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? "?"
            let second = secondOccurrence(ofKey: key, after: context.mark, in: text)
            let place = second.map { SourceLocation(file: file, line: $0.line, column: $0.column) } ?? at(context.mark)
            return Diagnostic(.error, .duplicateKey,
                "key '\(DocumentReader.shown(key))' appears twice in one mapping (first at line \(context.mark.line), column \(context.mark.column))",
                at: place, hint: "remove one of them; checking of this file stopped here")
        case .memory:
            return Diagnostic(.error, .tooComplex, "the YAML parser ran out of memory", at: SourceLocation(file: file, line: 1, column: 1),
                              hint: "the file is too large or too deeply nested to be a network file")
        default:
            return Diagnostic(.error, .yamlSyntax, "the YAML does not parse", at: SourceLocation(file: file, line: 1, column: 1),
                              hint: syntaxHint)
        }
    }

    /// The `too-complex` diagnostic of nesting deeper than ``maximumDepth``.
    private static func tooDeep(at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, .tooComplex,
            "nesting is deeper than \(maximumDepth) levels (lists and mappings inside each other); network files are limited to \(maximumDepth)",
            at: location, hint: "a network file nests about 6 levels; look for a '[' or '{' that is never closed")
    }

    /// Finds the second occurrence of a mapping key after the first one, for a duplicate-key diagnostic
    /// that points at the line to delete. Checks the rest of the first line (flow mappings), then the
    /// later lines where the key starts at the same column (block mappings).
    static func secondOccurrence(ofKey key: String, after first: Mark, in text: String) -> (line: Int, column: Int)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard first.line >= 1, first.line <= lines.count else { return nil }
        let patterns = ["\(key):", "\"\(key)\":", "'\(key)':"]
        let firstLine = Array(lines[first.line - 1].unicodeScalars)
        var column = first.column + key.unicodeScalars.count
        while column < firstLine.count {
            let rest = String(String.UnicodeScalarView(firstLine[column...]))
            if patterns.contains(where: rest.hasPrefix), column > 0, [" ", "{", ","].contains(firstLine[column - 1]) {
                return (first.line, column + 1)
            }
            column += 1
        }
        for index in first.line..<lines.count {
            let line = Array(lines[index].unicodeScalars)
            guard line.count >= first.column else { continue }
            let indent = line.prefix { $0 == " " }.count
            if indent < first.column - 1, !line.allSatisfy({ $0 == " " }), !String(String.UnicodeScalarView(line)).trimmingCharacters(in: .whitespaces).hasPrefix("#") {
                // Left the mapping's indentation: a block mapping has ended (unless it is a list item).
                let trimmed = String(String.UnicodeScalarView(line[indent...]))
                if !trimmed.hasPrefix("-") { break }
            }
            let rest = String(String.UnicodeScalarView(line[(first.column - 1)...]))
            if patterns.contains(where: rest.hasPrefix) { return (index + 1, first.column) }
        }
        return nil
    }

    /// A `too-complex` diagnostic when the text writes more than ``maximumEntries`` keys and values:
    /// counted before the parser allocates a node for each (Yams takes about 140 bytes a node), as
    /// line breaks and indicators, a bound on them whatever the quoting.
    private static func tooManyEntries(_ text: String, file: String) -> Diagnostic? {
        var count = 1
        var previous: UInt8 = 0
        for byte in text.utf8 {
            switch byte {
            case 10, UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "{"): count += 1
            case 32, 9, 13, UInt8(ascii: "]"), UInt8(ascii: "}"):
                if previous == UInt8(ascii: ":") || previous == UInt8(ascii: "-") || previous == UInt8(ascii: "?") { count += 1 }
            default: break
            }
            if byte == 10, previous == UInt8(ascii: ":") || previous == UInt8(ascii: "-") || previous == UInt8(ascii: "?") { count += 1 }
            previous = byte
        }
        guard count > maximumEntries else { return nil }
        let limit = NumberFormat.grouped(maximumEntries)
        return Diagnostic(.error, .tooComplex,
            "the file writes more than \(limit) keys and values (lines, list items, mapping entries); network files are limited to \(limit)",
            at: SourceLocation(file: file, line: 1, column: 1), hint: "the national network writes about 74,000; is this one network?")
    }

    /// A `too-complex` diagnostic when nesting passes the limit, found by a lexical scan before the
    /// parser runs: `[`/`{` outside quoted and plain scalars and comments, and block indentation of more
    /// than 4 × the limit. It follows YAML's rules for where a quoted scalar starts (only where a value
    /// starts, not inside a plain one), its escapes (`\\` and `\"` in double quotes, `''` in single
    /// ones), and that brackets inside a block plain scalar are text; what it misses, the parser
    /// measures (``parse(text:file:)``).
    private static func flowNestingTooDeep(_ text: String, file: String) -> Diagnostic? {
        enum State { case valueStart, plain, afterValue, quoted(UInt8), escaped, comment, property }
        let bytes = Array(text.utf8)
        var state = State.valueStart
        var depth = 0, line = 1, column = 0
        var lineIndent = 0, indentDone = false
        /// The indentation of the line a block plain scalar started on, while it may go on below.
        var plainIndent: Int? = nil
        func isBlank(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 13 }
        func isFlowIndicator(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: ",") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}")
        }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let next: UInt8 = index + 1 < bytes.count ? bytes[index + 1] : 10
            let previous: UInt8 = index > 0 ? bytes[index - 1] : 10
            index += 1
            if byte & 0xC0 != 0x80 { column += 1 }
            if byte == 10 {
                line += 1; column = 0; lineIndent = 0; indentDone = false
                switch state {
                case .comment, .property: state = .valueStart
                case .plain where depth == 0: state = .valueStart
                case .afterValue: state = .valueStart
                case .escaped: state = .quoted(UInt8(ascii: "\""))
                default: break
                }
                continue
            }
            if !indentDone {
                if byte == 32 { lineIndent += 1 } else { indentDone = true }
            }
            switch state {
            case .comment:
                continue
            case .quoted(let quote):
                if quote == UInt8(ascii: "\""), byte == UInt8(ascii: "\\") { state = .escaped; continue }
                if byte == quote {
                    if quote == UInt8(ascii: "'"), next == quote { index += 1; column += 1; continue }
                    state = .afterValue
                }
                continue
            case .escaped:
                state = .quoted(UInt8(ascii: "\""))
                continue
            case .property:
                if isBlank(byte) { state = .valueStart; continue }
                if depth > 0, isFlowIndicator(byte) { state = .valueStart } else { continue }
            default:
                break
            }
            if isBlank(byte) { continue }
            if byte == UInt8(ascii: "#"), isBlank(previous) || previous == 10 {
                if case .plain = state { plainIndent = nil }
                state = .comment
                continue
            }
            // `---` and `...` at the start of a line mark documents, not values.
            if case .valueStart = state, column == 1, depth == 0, byte == UInt8(ascii: "-") || byte == UInt8(ascii: "."),
               index + 2 <= bytes.count, bytes[index] == byte, bytes[index + 1] == byte,
               index + 2 == bytes.count || isBlank(bytes[index + 2]) || bytes[index + 2] == 10 {
                index += 2; column += 2
                continue
            }
            // A line more indented than the one a block plain scalar started on continues it.
            if case .valueStart = state, depth == 0, let indent = plainIndent, column == lineIndent + 1 {
                if lineIndent > indent, byte != UInt8(ascii: "-") || !isBlank(next) { state = .plain }
                plainIndent = nil
            }
            switch state {
            case .plain:
                if byte == UInt8(ascii: ":"), isBlank(next) || next == 10 || (depth > 0 && isFlowIndicator(next)) {
                    state = .valueStart; plainIndent = nil
                    continue
                }
                // Brackets are text in a block plain scalar, and end a flow one.
                if depth == 0 { continue }
                if !isFlowIndicator(byte) { continue }
            case .afterValue:
                if byte == UInt8(ascii: ":") { state = .valueStart; continue }
            default:
                break
            }
            switch byte {
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                state = .valueStart
                if depth > maximumDepth { return tooDeep(at: SourceLocation(file: file, line: line, column: column)) }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth = max(0, depth - 1)
                state = .afterValue
            case UInt8(ascii: ","):
                state = .valueStart
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                if case .valueStart = state { state = .quoted(byte) } else { state = .plain }
            case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"):
                if case .valueStart = state, isBlank(next) || next == 10 { break }
                if byte == UInt8(ascii: ":"), depth > 0 { state = .valueStart; break }
                if case .valueStart = state { state = .plain; if depth == 0 { plainIndent = lineIndent } }
            case UInt8(ascii: "&"), UInt8(ascii: "!"), UInt8(ascii: "*"):
                if case .valueStart = state { state = .property } else if case .afterValue = state { state = .plain }
            default:
                if case .valueStart = state {
                    state = .plain
                    if depth == 0 { plainIndent = lineIndent }
                } else if case .afterValue = state {
                    state = .plain
                }
            }
        }
        // Block nesting: an indentation of more than 4 × the limit cannot be a network file.
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let indent = rawLine.utf8.prefix { $0 == 32 || $0 == UInt8(ascii: "-") }.count
            if indent > 4 * maximumDepth, rawLine.utf8.count > indent {
                return tooDeep(at: SourceLocation(file: file, line: lineNumber, column: 1))
            }
        }
        return nil
    }

    private static func firstInvalidUTF8Offset(_ data: Data) -> Int {
        let bytes = [UInt8](data)
        var offset = 0
        while offset < bytes.count {
            var iterator = bytes[offset...].makeIterator()
            var decoder = UTF8()
            guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return offset }
            offset += UTF8.width(scalar)
        }
        return offset
    }

    /// The position of the `offset`-th character (a Yams reader error's offset) of `text`.
    private static func location(ofCharacter offset: Int, in text: String, file: String) -> SourceLocation {
        var line = 1, column = 1
        for character in text.prefix(offset) {
            if character == "\n" || character == "\r\n" { line += 1; column = 1 } else { column += character.unicodeScalars.count }
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    private static func location(ofByte offset: Int, in data: Data, file: String) -> SourceLocation {
        var line = 1, column = 1
        for byte in data.prefix(offset) {
            if byte == 10 { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return SourceLocation(file: file, line: line, column: column)
    }
}
