import CarePathSupport
import Foundation
import LoadSimulation
import SimulationResults

/// Some replications of a run, raw, as one shard (`carepath simulate --shard K/M --partial FILE`)
/// writes them: the run's identity (version, network, scenario, configuration) and each
/// replication's ``ReplicationResult`` with its index in the run.
///
/// The results are stored whole (synthesised `Codable`, so every field a replication has is kept)
/// and exactly: `JSONEncoder` writes each double in the shortest form that reads back to the same
/// bits, which the project's ``JSONValueEncoder`` (`%.6g`, for people) does not. So merging the
/// partials of a run (``PartialMerge``) and aggregating them gives the bytes of the run done at once.
public struct PartialResult: Codable, Sendable {
    /// The layout's name and version, first in the file.
    public static let currentFormat = "carepath-partial/1"

    public var format: String
    public var identity: Identity
    /// `replications[i]`: the run's replication `indices[i]`, in increasing order.
    public var indices: [Int]
    public var replications: [ReplicationResult]

    /// What every partial of one run shares; partials of different identities cannot be merged.
    public struct Identity: Codable, Sendable, Hashable {
        /// The CarePath version: another version may draw other random numbers.
        public var carepath: String
        public var network: ResultDocument.FileReference
        public var scenario: ResultDocument.ScenarioReference?
        public var days: Double
        public var warmupDays: Double
        /// The run's replications, all shards together.
        public var replications: Int
        /// As a string: a 64-bit seed does not fit a JSON number exactly.
        public var seed: String

        public init(run: ResultDocument.Run, configuration: SimulationConfiguration) {
            carepath = run.version
            network = run.network
            scenario = run.scenario
            days = configuration.days
            warmupDays = configuration.warmupDays
            replications = configuration.replications
            seed = String(configuration.seed)
        }

        /// The configuration the replications ran with (the seed checked when the partial is read).
        public var configuration: SimulationConfiguration {
            SimulationConfiguration(days: days, warmupDays: warmupDays, replications: replications, seed: UInt64(seed) ?? 0)
        }

        /// The fields where `other` differs, each as `name: this vs other`.
        public func differences(from other: Identity) -> [String] {
            var found: [String] = []
            func check(_ name: String, _ a: String, _ b: String) { if a != b { found.append("\(name) \(a) vs \(b)") } }
            check("CarePath version", carepath, other.carepath)
            check("network", "\(network.path) (\(network.digest))", "\(other.network.path) (\(other.network.digest))")
            check("scenario", scenario.map { "\($0.path) (\($0.digest))" } ?? "none", other.scenario.map { "\($0.path) (\($0.digest))" } ?? "none")
            if scenario != nil, other.scenario != nil, scenario != other.scenario, found.last?.hasPrefix("scenario") != true {
                found.append("scenario's changes as applied")
            }
            check("days", NumberFormat.significant(days), NumberFormat.significant(other.days))
            check("warm-up days", NumberFormat.significant(warmupDays), NumberFormat.significant(other.warmupDays))
            check("replications", String(replications), String(other.replications))
            check("seed", seed, other.seed)
            return found
        }
    }

    /// A partial of `batch`, simulated with `configuration` as part of `run`.
    public init(run: ResultDocument.Run, configuration: SimulationConfiguration, batch: ReplicationBatch) {
        format = Self.currentFormat
        identity = Identity(run: run, configuration: configuration)
        indices = Array(batch.indices)
        replications = batch.results
    }

    /// The file's bytes.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(self)
    }

    /// Writes the partial to `path`, whole or not at all (``AtomicFile``), creating its folder if needed.
    public func write(to path: String) throws(SweepError) {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
            do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
                throw SweepError("cannot write '\(path)': its folder '\(folder)' cannot be created: \((error as NSError).localizedDescription)")
            }
        }
        let data: Data
        do { data = try encoded() } catch { throw SweepError("cannot encode the partial result: \(error)") }
        do { try AtomicFile.write([UInt8](data), to: path) } catch let failure as AtomicFile.Failure {
            throw SweepError(failure.description)
        } catch { throw SweepError("cannot write '\(path)': \(error)") }
    }

    /// Reads and checks a partial: its format, its seed, its indices (increasing, within the run,
    /// one result each). Throws ``SweepError`` naming the file.
    public static func read(path: String) throws(SweepError) -> PartialResult {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            throw SweepError("cannot read '\(path)': \(exists ? (isDirectory.boolValue ? "it is a directory" : "permission denied") : "no such file")")
        }
        return try decode(data, path: path)
    }

    /// Decodes a partial's bytes, `path` naming it in errors.
    public static func decode(_ data: Data, path: String) throws(SweepError) -> PartialResult {
        let hint = "a partial is the file written by carepath simulate --shard K/M --partial FILE; run that shard again"
        struct Probe: Decodable { var format: String? }
        guard let probe = try? JSONDecoder().decode(Probe.self, from: data) else {
            throw SweepError("'\(path)' is not a partial result (not JSON, or truncated)", hint: hint)
        }
        guard probe.format == currentFormat else {
            throw SweepError("'\(path)' is not a partial result of this CarePath (format \(probe.format.map { "'\($0)'" } ?? "missing"), expected '\(currentFormat)')", hint: hint)
        }
        let partial: PartialResult
        do { partial = try JSONDecoder().decode(PartialResult.self, from: data) } catch {
            throw SweepError("'\(path)' is not a valid partial result: \(Self.describe(error))", hint: hint)
        }
        let identity = partial.identity
        guard UInt64(identity.seed) != nil else { throw SweepError("'\(path)': seed '\(identity.seed)' is not a 64-bit unsigned number", hint: hint) }
        guard identity.days > 0, identity.days <= 3660, identity.warmupDays >= 0, identity.warmupDays < identity.days,
              (1...1000).contains(identity.replications)
        else { throw SweepError("'\(path)': its days, warm-up or replications are out of range", hint: hint) }
        guard !partial.indices.isEmpty, partial.indices.count == partial.replications.count,
              zip(partial.indices, partial.indices.dropFirst()).allSatisfy({ $0 < $1 }),
              partial.indices.first! >= 0, partial.indices.last! < identity.replications
        else {
            throw SweepError("'\(path)': its replication indices are not increasing within 0..<\(identity.replications), one result each", hint: hint)
        }
        return partial
    }

    /// A decoding error in words: the field's path and what was wrong.
    static func describe(_ error: any Error) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().drop { $0 == "." }.description
        }
        switch error as? DecodingError {
        case .keyNotFound(let key, let context)?: return "'\(path(context.codingPath + [key]))' is missing"
        case .typeMismatch(_, let context)?, .valueNotFound(_, let context)?: return "'\(path(context.codingPath))' has the wrong type"
        case .dataCorrupted(let context)?: return context.codingPath.isEmpty ? "not valid JSON" : "'\(path(context.codingPath))': \(context.debugDescription)"
        default: return "\(error)"
        }
    }
}
