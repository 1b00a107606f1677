import Foundation
import Yams

/// Turns file bytes into a ``SourceValue`` tree, refusing hostile input with a diagnostic instead of
/// crashing, hanging or exhausting memory: files over ``maximumFileBytes``, non-UTF-8 bytes, nesting
/// deeper than ``maximumDepth``, and alias expansion past ``maximumNodes``.
package enum SourceParser {
    package static let maximumFileBytes = 32 << 20
    package static let maximumDepth = 64
    package static let maximumNodes = 1_000_000

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
        // libyaml recurses once per nesting level: refuse deep nesting before it sees the text.
        if let deep = flowNestingTooDeep(text, file: file) { return .failure(deep) }
        let root: Node?
        do {
            let parser = try Parser(yaml: text, resolver: .basic, constructor: .default, encoding: .utf8)
            root = try parser.singleRoot()
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, text: text, file: file))
        } catch {
            return .failure(Diagnostic(.error, .yamlSyntax, "\(error)", at: SourceLocation(file: file, line: 1, column: 1)))
        }
        guard let root else { return .success(SourceValue(kind: .null, location: SourceLocation(file: file, line: 1, column: 1))) }
        var budget = maximumNodes
        return convert(root, file: file, depth: 0, budget: &budget)
    }

    private static func convert(_ node: Node, file: String, depth: Int, budget: inout Int) -> Result<SourceValue, Diagnostic> {
        let location = node.mark.map { SourceLocation(file: file, line: $0.line, column: $0.column) }
            ?? SourceLocation(file: file, line: 1, column: 1)
        budget -= 1
        guard budget >= 0 else {
            return .failure(Diagnostic(.error, .tooComplex,
                "the document expands to more than \(maximumNodes) nodes (aliases multiply it)", at: location,
                hint: "remove the aliases that refer to other aliases"))
        }
        guard depth <= maximumDepth else {
            return .failure(Diagnostic(.error, .tooComplex, "nesting is deeper than \(maximumDepth) levels", at: location))
        }
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
                switch convert(item, file: file, depth: depth + 1, budget: &budget) {
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
                switch convert(value, file: file, depth: depth + 1, budget: &budget) {
                case .success(let converted): entries.append((keyScalar.string, keyLocation, converted))
                case .failure(let diagnostic): return .failure(diagnostic)
                }
            }
            return .success(SourceValue(kind: .mapping(entries), location: location))
        case .alias:
            // Yams resolves aliases while composing; an unresolved one is an undefined anchor.
            return .failure(Diagnostic(.error, .yamlSyntax, "alias to an undefined anchor", at: location))
        }
    }

    private static func diagnostic(for error: YamlError, text: String, file: String) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var message = problem
            if let context { message += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))" }
            return Diagnostic(.error, .yamlSyntax, message, at: at(mark))
        case .reader(let problem, let offset, _, _):
            let place = offset.map { location(ofByte: $0, in: Data(text.utf8), file: file) } ?? SourceLocation(file: file, line: 1, column: 1)
            return Diagnostic(.error, .yamlSyntax, problem, at: place,
                hint: "the file holds bytes that are not text (binary data or control characters)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? "?"
            let second = secondOccurrence(ofKey: key, after: context.mark, in: text)
            let place = second.map { SourceLocation(file: file, line: $0.line, column: $0.column) } ?? at(context.mark)
            return Diagnostic(.error, .duplicateKey,
                "key '\(key)' appears twice in one mapping (first at line \(context.mark.line), column \(context.mark.column))",
                at: place, hint: "remove one of them; checking of this file stopped here")
        case .memory:
            return Diagnostic(.error, .tooComplex, "the YAML parser ran out of memory", at: SourceLocation(file: file, line: 1, column: 1))
        default:
            return Diagnostic(.error, .yamlSyntax, "\(error)".prefix(200).description, at: SourceLocation(file: file, line: 1, column: 1))
        }
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

    /// A `too-complex` diagnostic when `[`/`{` nesting (outside quotes and comments) passes the limit.
    private static func flowNestingTooDeep(_ text: String, file: String) -> Diagnostic? {
        var depth = 0, line = 1, column = 0
        var quote: UInt8? = nil
        var comment = false
        var previous: UInt8 = 10
        for byte in text.utf8 {
            column += 1
            if byte == 10 { line += 1; column = 0; comment = false; previous = byte; continue }
            if comment { continue }
            if let open = quote {
                if byte == open && !(open == UInt8(ascii: "\"") && previous == UInt8(ascii: "\\")) { quote = nil }
            } else {
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    if previous == 32 || previous == 10 || previous == UInt8(ascii: "[") || previous == UInt8(ascii: "{")
                        || previous == UInt8(ascii: ",") || previous == UInt8(ascii: ":") { quote = byte }
                case UInt8(ascii: "#") where previous == 32 || previous == 10 || previous == 9: comment = true
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    depth += 1
                    if depth > maximumDepth {
                        return Diagnostic(.error, .tooComplex, "nesting is deeper than \(maximumDepth) levels",
                            at: SourceLocation(file: file, line: line, column: column))
                    }
                case UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
                default: break
                }
            }
            previous = byte
        }
        // Block nesting: an indentation of more than 2 × the limit cannot be a network file.
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let indent = rawLine.utf8.prefix { $0 == 32 || $0 == UInt8(ascii: "-") }.count
            if indent > 4 * maximumDepth, rawLine.utf8.count > indent {
                return Diagnostic(.error, .tooComplex, "nesting is deeper than \(maximumDepth) levels",
                    at: SourceLocation(file: file, line: lineNumber, column: 1))
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

    private static func location(ofByte offset: Int, in data: Data, file: String) -> SourceLocation {
        var line = 1, column = 1
        for byte in data.prefix(offset) {
            if byte == 10 { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return SourceLocation(file: file, line: line, column: column)
    }
}
