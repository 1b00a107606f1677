import CarePathSupport
import Dispatch
import Foundation
import LoadSimulation
import SimulationResults

/// Partials of one run put back together: every replication of the run exactly once, in order.
public struct PartialMerge: Sendable {
    /// The run's identity, the same in every partial.
    public let identity: PartialResult.Identity
    /// `replications[r]`: replication `r` of the run.
    public let replications: [ReplicationResult]
    /// Each replication's file, for messages.
    public let sources: [String]

    /// Checks that `partials` (each with the path it was read from) are of one run and hold each of
    /// its replications exactly once, and orders them. Throws ``SweepError`` naming the files.
    public init(_ partials: [(path: String, partial: PartialResult)]) throws(SweepError) {
        guard let first = partials.first else { throw SweepError("no partial results to merge") }
        let identity = first.partial.identity
        for (path, partial) in partials.dropFirst() where partial.identity != identity {
            let differences = identity.differences(from: partial.identity)
            throw SweepError("'\(path)' is not a shard of the same run as '\(first.path)': \(differences.isEmpty ? "their identities differ" : differences.joined(separator: "; "))",
                             hint: "merge the shards of one run only: one network, scenario, seed, horizon, number of replications and CarePath version")
        }
        var slots: [(path: String, result: ReplicationResult)?] = Array(repeating: nil, count: identity.replications)
        for (path, partial) in partials {
            for (index, result) in zip(partial.indices, partial.replications) {
                if let earlier = slots[index] {
                    throw SweepError(earlier.path == path ? "'\(path)' is given twice" : "replication \(index + 1) (index \(index)) is in both '\(earlier.path)' and '\(path)'",
                                     hint: "each replication must come from one shard: leave one of them out")
                }
                slots[index] = (path, result)
            }
        }
        let missing = slots.indices.filter { slots[$0] == nil }
        guard missing.isEmpty else {
            let ranges = Self.ranges(missing)
            throw SweepError("\(missing.count) of the run's \(identity.replications) replications \(missing.count == 1 ? "is" : "are") missing: \(ranges.map { "\($0.lowerBound)..<\($0.upperBound)" }.joined(separator: ", ")) (0-based indices); no partial holds \(missing.count == 1 ? "it" : "them")",
                             hint: "run the missing shards (carepath simulate ... --replication-range \(ranges[0].lowerBound)..<\(ranges[0].upperBound) --partial FILE) and merge again")
        }
        self.identity = identity
        replications = slots.map { $0!.result }
        sources = slots.map { $0!.path }
    }

    /// Consecutive runs of `indices` (sorted) as ranges.
    static func ranges(_ indices: [Int]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        for index in indices {
            if let last = ranges.last, last.upperBound == index { ranges[ranges.count - 1] = last.lowerBound..<(index + 1) } else { ranges.append(index..<(index + 1)) }
        }
        return ranges
    }

    /// Reads the files (several at once, over the cores: decoding them is most of a merge's time)
    /// and merges them. The first file that cannot be read, in the order given, is the error.
    public static func read(paths: [String]) throws(SweepError) -> PartialMerge {
        let slots = WorkSlots<Result<PartialResult, SweepError>>(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: max(1, min(paths.count, ProcessInfo.processInfo.activeProcessorCount))) { _ in
            while let i = slots.take() {
                do throws(SweepError) { slots.store(.success(try PartialResult.read(path: paths[i])), at: i) } catch { slots.store(.failure(error), at: i) }
            }
        }
        var partials: [(path: String, partial: PartialResult)] = []
        for (path, outcome) in zip(paths, slots.outcomes()) { partials.append((path, try outcome.get())) }
        return try PartialMerge(partials)
    }

    /// The result files of the merged run, as `carepath simulate` would have written them: loads
    /// the network and scenario the partials name (checking that they are the files the shards ran
    /// on, by digest, and that this CarePath, `version`, is the one that ran them), checks every
    /// replication against the model, and aggregates.
    public func resultFiles(version: String) throws(SweepError) -> ResultFiles {
        guard identity.carepath == version else {
            throw SweepError("the partials were written by CarePath \(identity.carepath); this is CarePath \(version)",
                             hint: "merge them with the carepath that ran the shards, or run the shards again with this one")
        }
        return try resultFiles(inputs: RunInputs(networkPath: identity.network.path, scenarioPath: identity.scenario?.path, version: version))
    }

    /// The result files of the merged run on `inputs`, loaded already: checks that they are the
    /// inputs the shards ran on and every replication against their model, and aggregates.
    public func resultFiles(inputs: RunInputs) throws(SweepError) -> ResultFiles {
        let now = inputs.run
        guard now.version == identity.carepath else {
            throw SweepError("the partials were written by CarePath \(identity.carepath); this is CarePath \(now.version)",
                             hint: "merge them with the carepath that ran the shards, or run the shards again with this one")
        }
        guard now.network.digest == identity.network.digest else {
            throw SweepError("the network '\(identity.network.path)' is not the file the shards ran on (digest \(identity.network.digest), now \(now.network.digest))",
                             hint: "merge in the directory the shards ran in, with the network file as it was then")
        }
        if let scenario = identity.scenario {
            guard now.scenario?.digest == scenario.digest else {
                throw SweepError("the scenario '\(scenario.path)' is not the file the shards ran on (digest \(scenario.digest), now \(now.scenario?.digest ?? "none"))",
                                 hint: "merge in the directory the shards ran in, with the scenario file as it was then")
            }
        }
        guard now == ResultDocument.Run(version: identity.carepath, network: identity.network, scenario: identity.scenario) else {
            throw SweepError("the network and scenario, applied again, do not give the run the shards recorded", hint: "run the shards again")
        }
        for (r, result) in replications.enumerated() {
            if let problem = result.shapeProblem(model: inputs.model) {
                throw SweepError("'\(sources[r])': replication \(r + 1) does not fit the network's model: \(problem)", hint: "the file was edited or truncated; run its shard again")
            }
            if result.stoppedAt != nil {
                throw SweepError("'\(sources[r])': replication \(r + 1) stopped at its patient limit; its counts are not results", hint: "run its shard again with more --memory-limit")
            }
        }
        return inputs.resultFiles(configuration: identity.configuration, replications: replications)
    }
}

