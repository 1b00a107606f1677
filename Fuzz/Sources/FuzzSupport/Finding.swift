import CareNetwork
import Foundation

/// A finding: what an input did that it must not. It prints one line starting `FUZZ FINDING:` on
/// stderr and traps, so libFuzzer saves the input as a crash (crashes and hangs are findings of
/// their own, caught by libFuzzer itself).
public func finding(_ what: String) -> Never {
    FileHandle.standardError.write(Data("FUZZ FINDING: \(what)\n".utf8))
    fatalError("FUZZ FINDING: \(what)")
}

enum Checks {
    /// Every error diagnostic of a network or scenario file has a location in that file: line and
    /// column at least 1, and the line at most one past the file's last line.
    static func located(_ diagnostics: [Diagnostic], file: String, data: Data, what: String) {
        let lines = data.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
        for diagnostic in diagnostics where diagnostic.severity == .error {
            let location = diagnostic.location
            if location.line < 1 || location.column < 1 {
                finding("\(what): error without a location (line \(location.line), column \(location.column)): \(diagnostic)")
            }
            if location.file == file, location.line > lines + 1 {
                finding("\(what): error located past the end of the file (line \(location.line) of \(lines)): \(diagnostic)")
            }
        }
    }
}
