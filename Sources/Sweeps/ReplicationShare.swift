/// Which replications of a run one process simulates: `--shard K/M` (the K-th of M near-equal
/// contiguous shares, 1-based) or `--replication-range A..<B` (replication indices, 0-based as in
/// result.json's `perReplication` arrays, B excluded).
public enum ReplicationShare: Sendable, Hashable {
    case shard(Int, of: Int)
    case range(Range<Int>)

    /// Parses `K/M`.
    public static func shard(parsing text: String) -> ReplicationShare? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        return .shard(k, of: m)
    }

    /// Parses `A..<B` (also `A...B`, B included).
    public static func range(parsing text: String) -> ReplicationShare? {
        for (separator, closed) in [("..<", false), ("...", true)] {
            let parts = text.components(separatedBy: separator)
            guard parts.count == 2 else { continue }
            guard let a = Int(parts[0]), let b = Int(parts[1]) else { return nil }
            guard !(closed && b == Int.max) else { return nil }
            let upper = closed ? b + 1 : b
            guard a <= upper else { return nil }
            return .range(a..<upper)
        }
        return nil
    }

    /// The replication indices of this share in a run of `replications`, or why there are none.
    public func indices(of replications: Int) -> Result<Range<Int>, SweepError> {
        switch self {
        case .shard(let k, let m):
            guard m >= 1, k >= 1, k <= m else {
                return .failure(SweepError("--shard \(k)/\(m): K must be between 1 and M", hint: "--shard 1/4 is the first of 4 shards"))
            }
            guard m <= replications else {
                return .failure(SweepError("--shard \(k)/\(m): \(m) shards of \(replications) replication\(replications == 1 ? "" : "s") would leave some empty",
                                           hint: "give at most \(replications) shards, or more --replications"))
            }
            return .success(Self.shardRange(k - 1, of: m, replications: replications))
        case .range(let range):
            guard range.lowerBound >= 0, range.upperBound <= replications, !range.isEmpty else {
                return .failure(SweepError("--replication-range \(range.lowerBound)..<\(range.upperBound) is not a non-empty range within the run's \(replications) replications (0..<\(replications))",
                                           hint: "replications are numbered from 0: 0..<4 are the first four"))
            }
            return .success(range)
        }
    }

    /// The 0-based `k`-th of `m` contiguous shares of `replications`, the first ones a replication
    /// shorter when they do not divide evenly.
    static func shardRange(_ k: Int, of m: Int, replications: Int) -> Range<Int> {
        (k * replications / m)..<((k + 1) * replications / m)
    }
}

extension Range<Int> {
    /// `1-4` (1-based, as people count replications), `3` for one.
    var counted: String { count == 1 ? "\(lowerBound + 1)" : "\(lowerBound + 1)-\(upperBound)" }
}
