import CarePathSupport
import CareNetwork
import Foundation

/// `carepath validate --format sarif`: the diagnostics as a SARIF 2.1.0 log (OASIS Static Analysis
/// Results Interchange Format), for code-scanning CI. One run of the tool `carepath`; its rules are
/// every ``DiagnosticCode`` (id the code, description its meaning in the docs' tables, default level
/// its usual severity); one result per diagnostic, at its file, line and column. Columns count Unicode
/// scalars, as CarePath's do (`columnKind: unicodeCodePoints`). Relative paths stay relative to the
/// directory `carepath` was run in (`uriBaseId: %SRCROOT%`, the repository root in CI).
enum ValidationSARIF {
    static let schema = "https://json.schemastore.org/sarif-2.1.0.json"

    static func render(diagnostics: [Diagnostic]) -> String {
        let codes = DiagnosticCode.allCases
        let index = Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($0.element, $0.offset) })
        let rules: [JSONValue] = codes.map { code in
            .object([
                "id": .string(code.rawValue),
                "name": .string(ruleName(code)),
                "shortDescription": .object(["text": .string(plain(code.meaning))]),
                "fullDescription": .object(["text": .string(plain(code.meaning)), "markdown": .string(code.meaning)]),
                "defaultConfiguration": .object(["level": .string(level(code.defaultSeverity))]),
                "help": .object(["text": .string("\(plain(code.meaning)) (\(helpPage(code)))")]),
            ])
        }
        let results: [JSONValue] = diagnostics.map { d in
            var message = d.message + (d.rule.map { " (\($0))" } ?? "")
            if let hint = d.hint { message += "\nhint: \(hint)" }
            var result: [String: JSONValue] = [
                "ruleId": .string(d.code.rawValue),
                "ruleIndex": .int(index[d.code] ?? 0),
                "level": .string(level(d.severity)),
                "message": .object(["text": .string(message)]),
                "locations": .array([.object(["physicalLocation": physicalLocation(d.location)])]),
            ]
            if let rule = d.rule { result["properties"] = .object(["ramedRule": .string(rule.rawValue)]) }
            return .object(result)
        }
        let log: JSONValue = .object([
            "$schema": .string(schema),
            "version": .string("2.1.0"),
            "runs": .array([.object([
                "tool": .object(["driver": .object([
                    "name": .string("carepath"),
                    "version": .string(CarePathVersion.string),
                    "rules": .array(rules),
                ])]),
                "columnKind": .string("unicodeCodePoints"),
                "results": .array(results),
            ])]),
        ])
        return log.rendered()
    }

    static func level(_ severity: Severity) -> String { severity == .error ? "error" : "warning" }

    /// `unknown-key` → `UnknownKey`: SARIF's optional rule name, an identifier.
    static func ruleName(_ code: DiagnosticCode) -> String {
        code.rawValue.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// The docs table that describes the code, in the repository.
    static func helpPage(_ code: DiagnosticCode) -> String {
        scenarioOnly.contains(code) ? "Docs/scenarios.md, Diagnostic codes" : "Docs/network-format.md, Diagnostics"
    }

    /// The scenario loader's own codes, described in Docs/scenarios.md.
    static let scenarioOnly: Set<DiagnosticCode> = [
        .conflict, .closedFacility, .closedCHUUnassigned, .serviceNotOffered, .refersToDropped, .noDemand, .noOperations,
        .networkMismatch, .networkNotFound,
    ]

    /// A diagnostic's position: a relative path against `%SRCROOT%`, an absolute one as a `file:` URI.
    static func physicalLocation(_ location: SourceLocation) -> JSONValue {
        let encoded = location.file.addingPercentEncoding(withAllowedCharacters: pathCharacters) ?? location.file
        let artifact: JSONValue = location.file.hasPrefix("/")
            ? .object(["uri": .string("file://" + encoded)])
            : .object(["uri": .string(encoded), "uriBaseId": .string("%SRCROOT%")])
        return .object([
            "artifactLocation": artifact,
            "region": .object(["startLine": .int(location.line), "startColumn": .int(location.column)]),
        ])
    }

    /// The characters a URI path keeps as they are (RFC 3986 unreserved, sub-delims but `;`, `:`, `@`, `/`).
    static let pathCharacters = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,=:@/")

    /// Markdown meaning as plain text: backquotes and bold marks dropped, links reduced to their text.
    static func plain(_ markdown: String) -> String {
        var text = markdown.replacingOccurrences(of: "`", with: "").replacingOccurrences(of: "**", with: "")
        while let open = text.range(of: "]("), let start = text[..<open.lowerBound].lastIndex(of: "["),
              let close = text[open.upperBound...].firstIndex(of: ")") {
            text.replaceSubrange(start...close, with: text[text.index(after: start)..<open.lowerBound])
        }
        return text
    }
}
