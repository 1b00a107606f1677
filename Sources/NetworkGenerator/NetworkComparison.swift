/// How a generated file differs from another, line by line: for the `--check` of the command and
/// the regeneration test.
public struct NetworkComparison: Sendable {
    /// (line number, expected, actual) of each differing line, compared position by position after
    /// the longest common prefix and suffix.
    public let differences: [(line: Int, expected: String?, actual: String?)]
    public let expectedLines: Int
    public let actualLines: Int

    public init(expected: String, actual: String) {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        expectedLines = a.count
        actualLines = b.count
        var out: [(Int, String?, String?)] = []
        let common = min(a.count, b.count)
        var prefix = 0
        while prefix < common, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < common - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let aMiddle = Array(a[prefix..<(a.count - suffix)])
        let bMiddle = Array(b[prefix..<(b.count - suffix)])
        // Within the middle, lines present on both sides (by content) are matched in order.
        let bSet = Set(bMiddle), aSet = Set(aMiddle)
        for (i, line) in aMiddle.enumerated() where !bSet.contains(line) { out.append((prefix + i + 1, line, nil)) }
        for (i, line) in bMiddle.enumerated() where !aSet.contains(line) { out.append((prefix + i + 1, nil, line)) }
        differences = out.sorted { $0.0 < $1.0 }
    }

    public var isIdentical: Bool { differences.isEmpty && expectedLines == actualLines }

    public var summary: String {
        let removed = differences.filter { $0.expected != nil }.count
        let added = differences.filter { $0.actual != nil }.count
        return "\(removed) line\(removed == 1 ? "" : "s") only in the file, \(added) only in the generated text (\(expectedLines) against \(actualLines) lines)"
    }

    /// The first differences, `-` for the file's line and `+` for the generated one, each cut to 200 characters.
    public func sample(limit: Int) -> [String] {
        differences.prefix(limit).map { d in
            let text = d.expected.map { "- " + $0 } ?? "+ " + (d.actual ?? "")
            return "\(d.line): " + String(text.prefix(200))
        }
    }
}
