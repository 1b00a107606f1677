import CarePathSupport
import CareNetwork
import Foundation
import LoadSimulation
import SimulationResults

/// Some replications of a run, raw, as one shard (`carepath simulate --shard K/M --partial FILE`)
/// writes them: the run's identity (version, network, scenario, configuration) and each
/// replication's ``ReplicationResult`` with its index in the run.
///
/// The file is a header line of JSON (the format, the identity, the indices, and the length and
/// digest of what follows), then the replications in ``BinaryCoding``: stored whole (through their
/// synthesised `Codable`, so every field a replication has is kept, today's and those added later)
/// and exactly (a double is its 64 bits; the project's ``JSONValueEncoder`` writes `%.6g`, for
/// people). So merging the partials of a run (``PartialMerge``) and aggregating them gives the bytes
/// of the run done at once. `head -1 FILE` shows what a partial is.
public struct PartialResult: Sendable {
    /// The layout's name and version, first in the file.
    public static let currentFormat = "carepath-partial/1"

    /// The layout: ``currentFormat`` for a partial this CarePath wrote.
    public var format: String
    /// The run these replications are part of.
    public var identity: Identity
    /// `replications[i]`: the run's replication `indices[i]`, in increasing order.
    public var indices: [Int]
    /// Each replication's raw counts, in the order of ``indices``.
    public var replications: [ReplicationResult]

    /// The header line: what the file holds, and the length and digest of its binary part.
    struct Header: Codable {
        var format: String
        var identity: Identity
        var indices: [Int]
        var payloadBytes: Int
        var payloadDigest: String
    }

    /// What every partial of one run shares; partials of different identities cannot be merged.
    public struct Identity: Codable, Sendable, Hashable {
        /// The CarePath version: another version may draw other random numbers.
        public var carepath: String
        /// The network file as given to `simulate`, with the digest of its bytes.
        public var network: ResultDocument.FileReference
        /// The scenario applied, nil for the network as it is.
        public var scenario: ResultDocument.ScenarioReference?
        /// Simulated days, warm-up included.
        public var days: Double
        /// Days left out of the statistics.
        public var warmupDays: Double
        /// The run's replications, all shards together.
        public var replications: Int
        /// As a string: a 64-bit seed does not fit a JSON number exactly.
        public var seed: String
        /// The first simulated day (`YYYY-MM-DD`, ``SimulationConfiguration/start``): what weekdays,
        /// months and closed dates opening hours and arrival profiles meet.
        public var start: String

        /// The identity of a run of `configuration` on the inputs `run` names.
        public init(run: ResultDocument.Run, configuration: SimulationConfiguration) {
            carepath = run.version
            network = run.network
            scenario = run.scenario
            days = configuration.days
            warmupDays = configuration.warmupDays
            replications = configuration.replications
            seed = String(configuration.seed)
            start = configuration.start.description
        }

        /// The configuration the replications ran with (the seed checked when the partial is read).
        public var configuration: SimulationConfiguration {
            var configuration = SimulationConfiguration(days: days, warmupDays: warmupDays, replications: replications, seed: UInt64(seed) ?? 0)
            configuration.start = CalendarDate(start) ?? SimulationConfiguration.defaultStart
            return configuration
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
            check("start date", start, other.start)
            return found
        }
    }

    init(format: String, identity: Identity, indices: [Int], replications: [ReplicationResult]) {
        self.format = format
        self.identity = identity
        self.indices = indices
        self.replications = replications
    }

    /// The header of a partial's bytes and the binary part after it, checked against the header's
    /// length and digest: a truncated or damaged file is refused here.
    static func header(_ data: Data, path: String, hint: String) throws(SweepError) -> (Header, Data) {
        guard let newline = data.firstIndex(of: 0x0A) else { throw SweepError("'\(path)' is not a partial result (no header line: empty, truncated, or another file)", hint: hint) }
        let line = data[data.startIndex..<newline], payload = data[(newline + 1)...]
        struct Probe: Decodable { var format: String? }
        guard let probe = try? JSONDecoder().decode(Probe.self, from: line) else {
            throw SweepError("'\(path)' is not a partial result (its first line is not a partial's header)", hint: hint)
        }
        guard probe.format == currentFormat else {
            throw SweepError("'\(path)' is not a partial result of this CarePath (format \(probe.format.map { "'\($0)'" } ?? "missing"), expected '\(currentFormat)')", hint: hint)
        }
        let header: Header
        do { header = try JSONDecoder().decode(Header.self, from: line) } catch {
            throw SweepError("'\(path)' is not a valid partial result: its header's \(Self.describe(error))", hint: hint)
        }
        guard payload.count == header.payloadBytes else {
            throw SweepError("'\(path)' is truncated: \(payload.count) of its \(header.payloadBytes) bytes of replications are there", hint: hint)
        }
        guard FNV1a64.digest(of: payload) == header.payloadDigest else {
            throw SweepError("'\(path)' is damaged: its replications do not match the digest of its header", hint: hint)
        }
        return (header, Data(payload))
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
        let payload = BinaryCoding.bytes(of: try BinaryCoding.encode(replications))
        let header = Header(format: format, identity: identity, indices: indices, payloadBytes: payload.count, payloadDigest: FNV1a64.digest(of: payload))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // One line: JSONEncoder escapes the line breaks of strings.
        var data = try encoder.encode(header)
        data.append(0x0A)
        data.append(contentsOf: payload)
        return data
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
        let (header, payload) = try Self.header(data, path: path, hint: hint)
        let replications: [ReplicationResult]
        do {
            let node = try payload.withUnsafeBytes { bytes throws(BinaryCoding.Failure) in try BinaryCoding.node(from: bytes) }
            replications = try BinaryCoding.decode([ReplicationResult].self, from: node)
        } catch let failure as BinaryCoding.Failure {
            throw SweepError("'\(path)' is not a valid partial result: its replications are \(failure.description)", hint: hint)
        } catch {
            throw SweepError("'\(path)' is not a valid partial result: \(Self.describe(error))", hint: hint)
        }
        let partial = PartialResult(format: header.format, identity: header.identity, indices: header.indices, replications: replications)
        let identity = partial.identity
        guard CalendarDate(identity.start) != nil else { throw SweepError("'\(path)': start date '\(identity.start)' is not a date YYYY-MM-DD", hint: hint) }
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
