/// Did-you-mean suggestions for unknown keys and ids.
package enum Suggestion {
    /// The candidate nearest to `word` by edit distance, if it is near enough to be a plausible typo.
    package static func nearest(to word: String, in candidates: some Sequence<String>) -> String? {
        let source = Array(word.lowercased().unicodeScalars)
        guard !source.isEmpty else { return nil }
        var best: (distance: Int, candidate: String)?
        for candidate in candidates {
            let target = Array(candidate.lowercased().unicodeScalars)
            // Cheap rejection: lengths too far apart cannot be within the threshold.
            let limit = max(2, min(source.count, target.count) / 3)
            if abs(source.count - target.count) > limit { continue }
            let distance = editDistance(source, target)
            if distance <= limit, best == nil || distance < best!.distance
                || (distance == best!.distance && candidate < best!.candidate)
            {
                best = (distance, candidate)
            }
        }
        return best?.candidate
    }

    /// "did you mean 'x'?" or nil.
    package static func hint(for word: String, in candidates: some Sequence<String>) -> String? {
        nearest(to: word, in: candidates).map { "did you mean '\($0)'?" }
    }

    /// Damerau-Levenshtein distance (optimal string alignment): a swap of two letters costs 1.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = Swift.min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
