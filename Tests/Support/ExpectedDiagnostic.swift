/// A diagnostic an example file says it must produce, in a comment line of the form
/// `# expect: LINE:COLUMN severity code` (the invalid network and scenario examples under
/// `Networks/`). Shared by the test targets that check those examples.
public struct ExpectedDiagnostic: Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var severity: String
    public var code: String

    public init(line: Int, column: Int, severity: String, code: String) {
        self.line = line; self.column = column; self.severity = severity; self.code = code
    }

    public var description: String { "\(line):\(column) \(severity) \(code)" }

    /// Every `# expect:` line of `text`, in order; malformed ones are skipped.
    public static func stated(in text: String) -> [ExpectedDiagnostic] {
        text.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("# expect: ") else { return nil }
            let parts = line.dropFirst("# expect: ".count).split(separator: " ")
            let position = parts.first?.split(separator: ":").compactMap { Int($0) } ?? []
            guard parts.count == 3, position.count == 2 else { return nil }
            return ExpectedDiagnostic(line: position[0], column: position[1], severity: String(parts[1]), code: String(parts[2]))
        }
    }
}
