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
    /// The file's lines as a YAML reader counts them, at most: a line break is LF, CR, CR LF, and
    /// (YAML 1.1, libyaml) NEL, LS and PS.
    static func lineCount(_ data: Data) -> Int {
        var count = 1
        var previous: UInt8 = 0
        let bytes = [UInt8](data)
        for (index, byte) in bytes.enumerated() {
            switch byte {
            case 0x0A where previous != 0x0D: count += 1
            case 0x0D: count += 1
            case 0x85 where previous == 0xC2: count += 1
            case 0xA8, 0xA9: if index >= 2, bytes[index - 2] == 0xE2, previous == 0x80 { count += 1 }
            default: break
            }
            previous = byte
        }
        return count
    }

    /// Every error diagnostic of a network or scenario file has a location in that file: line and
    /// column at least 1, and the line at most one past the file's last line.
    static func located(_ diagnostics: [Diagnostic], file: String, data: Data, what: String) {
        let lines = lineCount(data)
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
