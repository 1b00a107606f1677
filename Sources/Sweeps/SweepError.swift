import CareNetwork

/// Why a shard, a merge or a sweep cannot go on: a message, a hint a person can act on, and the
/// located diagnostics of a file that did not load (a sweep file, a network, a scenario). The
/// command line prints the diagnostics, then `error: message` and the hint, and exits 1.
public struct SweepError: Error, CustomStringConvertible, Sendable {
    /// What went wrong, in one line; nil when the diagnostics say it all.
    public var message: String?
    /// What to do about it.
    public var hint: String?
    /// The located problems of the files that did not load, printed first.
    public var diagnostics: [Diagnostic]

    /// A failure with its message, hint and diagnostics.
    public init(_ message: String?, hint: String? = nil, diagnostics: [Diagnostic] = []) {
        self.message = message
        self.hint = hint
        self.diagnostics = diagnostics
    }

    /// The diagnostics, then `error: message` and `hint: ...`, one a line.
    public var description: String {
        var lines = diagnostics.map(\.description)
        if let message { lines.append("error: " + message) }
        if let hint { lines.append("  hint: " + hint) }
        return lines.joined(separator: "\n")
    }
}
