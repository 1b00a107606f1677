/// A position in a source file: 1-based line and column (columns count Unicode scalars).
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The file's path, as it was given.
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column, in Unicode scalars.
    public var column: Int

    /// The position `line`:`column` in `file`.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// How bad a diagnostic is: errors make a network unusable, warnings do not.
public enum Severity: String, Sendable, Hashable, Codable, Comparable {
    case error, warning

    public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
}

/// One problem found in a network file, as a compiler reports it:
/// `path:line:column: error: message [code]`, the id of the rule it concerns where one applies
/// (`Docs/rules-reference.md`), and a hint.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    /// Where the problem is.
    public var location: SourceLocation
    /// Error or warning.
    public var severity: Severity
    /// A stable code (Docs/network-format.md, "Diagnostics"), for example ``DiagnosticCode/unknownKey``.
    public var code: DiagnosticCode
    /// What is wrong, in English.
    public var message: String
    /// The rule the problem concerns (``RuleID/p3``, ``RuleID/x1``), where one applies.
    public var rule: RuleID?
    /// What to do about it (for an unknown key or id: the nearest valid one).
    public var hint: String?

    /// A diagnostic of `severity` with a stable `code` and a `message`, at `location`.
    public init(
        _ severity: Severity, _ code: DiagnosticCode, _ message: String, at location: SourceLocation,
        rule: RuleID? = nil, hint: String? = nil
    ) {
        self.location = location
        self.severity = severity
        self.code = code
        self.message = message
        self.rule = rule
        self.hint = hint
    }

    /// `path:line:column: severity: message [code]` and, where there is one, an indented hint line.
    public var description: String {
        var text = "\(location): \(severity.rawValue): \(message) [\(code)]"
        if let rule { text = "\(location): \(severity.rawValue): \(message) (\(rule)) [\(code)]" }
        if let hint { text += "\n  hint: \(hint)" }
        return text
    }
}

extension [Diagnostic] {
    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by file, line, column, then code: the order CarePath prints them in.
    public func sortedForDisplay() -> [Diagnostic] {
        sorted { ($0.location, $0.code.rawValue, $0.message) < ($1.location, $1.code.rawValue, $1.message) }
    }
}

/// Loading a network failed: the diagnostics say why (at least one is an error).
public struct NetworkLoadError: Error, Sendable, CustomStringConvertible {
    /// Every diagnostic of the load, errors and warnings, in display order.
    public let diagnostics: [Diagnostic]

    package init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics.sortedForDisplay() }

    public var description: String {
        let errors = diagnostics.filter { $0.severity == .error }
        return (["invalid network (\(errors.count) error\(errors.count == 1 ? "" : "s")):"] + errors.map(\.description))
            .joined(separator: "\n")
    }
}

/// What collects diagnostics as it reads or checks a file: the parser's reader, the validator, the
/// scenario loader. Each records errors and warnings the same way.
package protocol DiagnosticRecorder {
    var diagnostics: [Diagnostic] { get set }
}

extension DiagnosticRecorder {
    /// Records an error.
    package mutating func error(_ code: DiagnosticCode, _ message: String, at location: SourceLocation, rule: RuleID? = nil, hint: String? = nil) {
        diagnostics.append(Diagnostic(.error, code, message, at: location, rule: rule, hint: hint))
    }

    /// Records a warning.
    package mutating func warning(_ code: DiagnosticCode, _ message: String, at location: SourceLocation, rule: RuleID? = nil, hint: String? = nil) {
        diagnostics.append(Diagnostic(.warning, code, message, at: location, rule: rule, hint: hint))
    }
}
