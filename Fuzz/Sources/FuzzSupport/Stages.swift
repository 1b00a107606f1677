import Foundation

/// How many inputs reached each stage of a target, printed on stderr at exit when FUZZ_STATS=1
/// (one process's count: in libFuzzer's fork mode, each worker prints its own).
public enum Stages {
    nonisolated(unsafe) static var counts: [String: Int] = [:]
    nonisolated(unsafe) static var registered = false

    static func reached(_ stage: String) {
        if !registered {
            registered = true
            if ProcessInfo.processInfo.environment["FUZZ_STATS"] == "1" { atexit { Stages.print() } }
        }
        counts[stage, default: 0] += 1
    }

    static func print() {
        let lines = counts.keys.sorted().map { "FUZZ STAGE \($0): \(counts[$0]!)" }
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}
