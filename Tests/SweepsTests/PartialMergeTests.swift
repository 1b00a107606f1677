import CareNetwork
import CarePathSupport
import Foundation
import LoadSimulation
import SimulationResults
import Testing
@testable import Sweeps

@Suite("Partials and their merge")
struct PartialMergeTests {
    /// Merges the partials of `ranges` (written to files and read back, in the order given) and
    /// returns the merged result files, name by name.
    static func merged(_ inputs: RunInputs, _ configuration: SimulationConfiguration, _ ranges: [Range<Int>]) throws -> [String: String] {
        let directory = try Fixtures.temporaryDirectory()
        var paths: [String] = []
        for (i, range) in ranges.enumerated() {
            let path = "\(directory)/part-\(i).json"
            try Fixtures.partial(inputs, configuration, range).write(to: path)
            paths.append(path)
        }
        let files = try PartialMerge.read(paths: paths).resultFiles(inputs: inputs)
        return Dictionary(uniqueKeysWithValues: try files.contents().map { ($0.name, $0.text) })
    }

    @Test("merged shards give the single run's result.json and CSV tables byte for byte, whatever the split and the order",
          arguments: [[0..<5], [0..<2, 2..<5], [0..<1, 1..<2, 2..<3, 3..<4, 4..<5], [3..<5, 0..<1, 1..<3], [4..<5, 0..<4]])
    func byteIdentical(ranges: [Range<Int>]) throws {
        let configuration = Fixtures.configuration()
        let single = try Fixtures.singleRun(Fixtures.base, configuration)
        let merged = try Self.merged(Fixtures.base, configuration, ranges)
        // The files simulate writes (hourly.csv only with a time model, which this network has not).
        #expect(Set(merged.keys) == Set(single.keys) && Set(single.keys).isSubset(of: ResultFiles.names) && single.count == 6)
        for (name, text) in single { #expect(merged[name] == text, "\(name) differs for shards \(ranges)") }
    }

    @Test("the same on a scenario (closures, new facility, bounded queues), split by --shard K/M")
    func byteIdenticalWithScenario() throws {
        let configuration = Fixtures.configuration(replications: 4, seed: 3)
        let ranges = (1...3).map { k in try! ReplicationShare.shard(k, of: 3).indices(of: 4).get() }
        #expect(ranges == [0..<1, 1..<2, 2..<4])
        let single = try Fixtures.singleRun(Fixtures.whatIf, configuration)
        let merged = try Self.merged(Fixtures.whatIf, configuration, ranges)
        for (name, text) in single { #expect(merged[name] == text, "\(name)") }
        #expect(single["result.json"]?.contains(#""queueLimits": true"#) == true)
    }

    @Test("the same with opening hours and arrival profiles: hourly.csv too, and a start date of its own; partials of another start date are refused")
    func byteIdenticalWithTimeModel() throws {
        var configuration = Fixtures.configuration(replications: 3, seed: 4, days: 15)
        configuration.start = try #require(CalendarDate("2027-03-01"))
        let single = try Fixtures.singleRun(Fixtures.morningPeak, configuration)
        let merged = try Self.merged(Fixtures.morningPeak, configuration, [0..<1, 1..<3])
        #expect(single["hourly.csv"] != nil && Set(merged.keys) == Set(single.keys))
        for (name, text) in single { #expect(merged[name] == text, "\(name)") }
        #expect(single["result.json"]?.contains(#""start": "2027-03-01""#) == true)
        // A shard of the same run started on another day is not the same run.
        let directory = try Fixtures.temporaryDirectory()
        var other = configuration
        other.start = try #require(CalendarDate("2027-03-08"))
        try Fixtures.partial(Fixtures.morningPeak, configuration, 0..<1).write(to: directory + "/a.partial")
        try Fixtures.partial(Fixtures.morningPeak, other, 1..<3).write(to: directory + "/b.partial")
        #expect {
            _ = try PartialMerge.read(paths: [directory + "/a.partial", directory + "/b.partial"])
        } throws: { error in String(describing: error).contains("start date") }
    }

    @Test("a partial keeps every double to the bit: random bit patterns read back equal")
    func exactDoubles() throws {
        var partial = Fixtures.partial(Fixtures.base, Fixtures.configuration(replications: 2), 0..<2)
        var generator = SplitMix64(state: 42)
        var values: [Double] = [0.1 + 0.2, 1.0 / 3, -0.0, .leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude, .ulpOfOne]
        while values.count < partial.replications[0].utilisation.count {
            let value = Double(bitPattern: generator.next())
            if value.isFinite { values.append(value) }
        }
        partial.replications[0].utilisation = Array(values.prefix(partial.replications[0].utilisation.count))
        partial.replications[1].meanWait = partial.replications[0].utilisation.map { $0 / 7 }
        partial.replications[1].stoppedAt = 1234.5678901234567
        let back = try PartialResult.decode(try partial.encoded(), path: "x.json")
        #expect(back.replications[0].utilisation.map(\.bitPattern) == partial.replications[0].utilisation.map(\.bitPattern))
        #expect(back.replications[1].meanWait.map(\.bitPattern) == partial.replications[1].meanWait.map(\.bitPattern))
        #expect(back.replications[1].stoppedAt == 1234.5678901234567)
        #expect(back.indices == [0, 1] && back.identity == partial.identity)
    }

    /// Two partials of runs that differ only by `change`.
    static func refusal(_ change: (inout PartialResult) -> Void) throws -> SweepError? {
        let configuration = Fixtures.configuration(replications: 2)
        let a = Fixtures.partial(Fixtures.base, configuration, 0..<1)
        var b = Fixtures.partial(Fixtures.base, configuration, 1..<2)
        change(&b)
        do {
            _ = try PartialMerge([("a.json", a), ("b.json", b)])
            return nil
        } catch { return error }
    }

    @Test("partials of different runs are refused, naming the file and what differs")
    func differentRuns() throws {
        let cases: [(String, (inout PartialResult) -> Void)] = [
            ("seed 7 vs 8", { $0.identity.seed = "8" }),
            ("days 12 vs 30", { $0.identity.days = 30 }),
            ("warm-up days 2 vs 3", { $0.identity.warmupDays = 3 }),
            ("CarePath version test-1 vs 0.9", { $0.identity.carepath = "0.9" }),
            ("network", { $0.identity.network.digest = "fnv1a64:0123456789abcdef" }),
            ("scenario none vs", { $0.identity.scenario = Fixtures.whatIf.run.scenario }),
            ("replications 2 vs 3", { $0.identity.replications = 3 }),
        ]
        for (expected, change) in cases {
            let error = try #require(try Self.refusal(change), "\(expected)")
            #expect(error.message?.contains("'b.json' is not a shard of the same run as 'a.json'") == true)
            #expect(error.message?.contains(expected) == true, "\(error.message ?? "")")
        }
    }

    @Test("missing and duplicated replications are refused, with the indices to run again")
    func coverage() throws {
        let configuration = Fixtures.configuration(replications: 6)
        let a = Fixtures.partial(Fixtures.base, configuration, 0..<2), c = Fixtures.partial(Fixtures.base, configuration, 3..<4)
        #expect(throws: SweepError.self) { try PartialMerge([("a", a), ("c", c)]) }
        do { _ = try PartialMerge([("a", a), ("c", c)]) } catch {
            #expect(error.message == "3 of the run's 6 replications are missing: 2..<3, 4..<6 (0-based indices); no partial holds them")
            #expect(error.hint?.contains("--replication-range 2..<3") == true)
        }
        let overlap = Fixtures.partial(Fixtures.base, configuration, 1..<3)
        do { _ = try PartialMerge([("a", a), ("overlap", overlap)]); Issue.record("an overlap was merged") } catch {
            #expect(error.message == "replication 2 (index 1) is in both 'a' and 'overlap'")
        }
        do { _ = try PartialMerge([]); Issue.record("nothing was merged") } catch { #expect(error.message == "no partial results to merge") }
    }

    @Test("a partial whose arrays do not fit the model, or of a changed network, or of another version is refused, not aggregated")
    func unfit() throws {
        let configuration = Fixtures.configuration(replications: 1)
        var partial = Fixtures.partial(Fixtures.base, configuration, 0..<1)
        partial.replications[0].arrivals.removeLast()
        do { _ = try PartialMerge([("p.json", partial)]).resultFiles(inputs: Fixtures.base); Issue.record("merged") } catch {
            #expect(error.message?.hasPrefix("'p.json': replication 1 does not fit the network's model: arrivals has") == true, "\(error)")
        }
        var routes = Fixtures.partial(Fixtures.base, configuration, 0..<1)
        routes.replications[0].routeRejected.append(1)
        do { _ = try PartialMerge([("p.json", routes)]).resultFiles(inputs: Fixtures.base); Issue.record("merged") } catch {
            #expect(error.message?.contains("routeRejected has") == true)
        }
        let good = Fixtures.partial(Fixtures.base, configuration, 0..<1)
        do { _ = try PartialMerge([("p.json", good)]).resultFiles(inputs: Fixtures.whatIf); Issue.record("merged") } catch {
            #expect(error.message?.contains("is not the file the shards ran on") == true || error.message?.contains("scenario") == true, "\(error)")
        }
        do { _ = try PartialMerge([("p.json", good)]).resultFiles(version: "0.0.1"); Issue.record("merged") } catch {
            #expect(error.message == "the partials were written by CarePath test-1; this is CarePath 0.0.1")
        }
    }

    @Test("a file that is not a complete partial is refused with its name: truncated, damaged, of another format, with bad indices")
    func badFiles() throws {
        let data = try Fixtures.partial(Fixtures.base, Fixtures.configuration(replications: 2), 0..<2).encoded()
        func message(_ bytes: Data) -> String? {
            do { _ = try PartialResult.decode(bytes, path: "p.partial"); return nil } catch { return error.message }
        }
        #expect(message(data) == nil)
        let header = try #require(data.firstIndex(of: 0x0A))
        #expect(String(decoding: data[..<header], as: UTF8.self).hasPrefix(#"{"format":"carepath-partial/1","identity":"#))
        let payload = data.count - header - 1
        #expect(message(data.prefix(data.count - 10)) == "'p.partial' is truncated: \(payload - 10) of its \(payload) bytes of replications are there")
        #expect(message(data.prefix(header - 3)) == "'p.partial' is not a partial result (no header line: empty, truncated, or another file)")
        #expect(message(Data()) == "'p.partial' is not a partial result (no header line: empty, truncated, or another file)")
        var damaged = data
        damaged[data.count - 100] ^= 0xFF
        #expect(message(damaged) == "'p.partial' is damaged: its replications do not match the digest of its header")
        #expect(message(Data("{\"format\": \"carepath-partial/9\"}\n".utf8)) == "'p.partial' is not a partial result of this CarePath (format 'carepath-partial/9', expected 'carepath-partial/1')")
        #expect(message(Data("{\n  \"schema\": 1\n}\n".utf8)) == "'p.partial' is not a partial result (its first line is not a partial's header)")
        var text = String(decoding: data[..<header], as: UTF8.self)
        text = text.replacingOccurrences(of: #""indices":[0,1]"#, with: #""indices":[1,0]"#)
        #expect(message(Data(text.utf8) + data[header...])?.contains("replication indices are not increasing") == true)
        do { _ = try PartialResult.read(path: "/nonexistent/p.partial") } catch {
            #expect(error.message == "cannot read '/nonexistent/p.partial': no such file")
        }
    }

    @Test("the binary coding: any Codable value back as it was, exact; a hostile or truncated one refused, never a crash")
    func binaryCoding() throws {
        struct Inner: Codable, Equatable { var name: String?; var values: [UInt32]; var nested: [[Int]]; var flag: Bool }
        struct Outer: Codable, Equatable { var a: Int; var b: Double?; var c: Double?; var inner: [Inner]; var small: [Int32]; var u: [UInt16]; var text: [String]; var big: UInt64 }
        let value = Outer(a: -5, b: nil, c: -0.0, inner: [Inner(name: "é\n\"x\"", values: [0, .max], nested: [[1, -2], []], flag: true), Inner(name: nil, values: [], nested: [], flag: false)],
                          small: [.min, .max], u: [0, 639], text: ["", "a b"], big: .max)
        let bytes = BinaryCoding.bytes(of: try BinaryCoding.encode(value))
        let back = try bytes.withUnsafeBytes { try BinaryCoding.decode(Outer.self, from: try BinaryCoding.node(from: $0)) }
        #expect(back == value && back.c?.sign == .minus)
        // Every prefix is refused (each length is checked against what is left).
        for cut in stride(from: 0, to: bytes.count, by: 7) {
            #expect(throws: (any Error).self) { try Array(bytes.prefix(cut)).withUnsafeBytes { try BinaryCoding.node(from: $0) } }
        }
        // A length of 2^60 items, a tag unknown, nesting past the limit.
        let huge: [UInt8] = [7] + withUnsafeBytes(of: UInt64(1 << 60).littleEndian, Array.init)
        #expect(throws: BinaryCoding.Failure.self) { try huge.withUnsafeBytes { try BinaryCoding.node(from: $0) } }
        #expect(throws: BinaryCoding.Failure.self) { try [UInt8(99)].withUnsafeBytes { try BinaryCoding.node(from: $0) } }
        // Arrays of one item, nested: 64 levels read, 100 refused.
        let level: [UInt8] = [7] + withUnsafeBytes(of: UInt64(1).littleEndian) { Array($0) }
        func nested(_ depth: Int) -> [UInt8] { Array(repeatElement(level, count: depth).joined()) + [0] }
        #expect(throws: Never.self) { try nested(64).withUnsafeBytes { try BinaryCoding.node(from: $0) } }
        do { _ = try nested(100).withUnsafeBytes { try BinaryCoding.node(from: $0) }; Issue.record("read") } catch {
            #expect("\(error)" == "nested too deep")
        }
        // A value that does not fit its type is a decoding error.
        let wide = BinaryCoding.bytes(of: try BinaryCoding.encode([Int(UInt32.max) + 1]))
        #expect(throws: DecodingError.self) { try wide.withUnsafeBytes { try BinaryCoding.decode([UInt32].self, from: try BinaryCoding.node(from: $0)) } }
    }

    @Test("--shard K/M and --replication-range: shares that cover every replication once; bad ones refused")
    func shares() throws {
        for replications in 1...9 {
            for m in 1...replications {
                let ranges = (1...m).map { try! ReplicationShare.shard($0, of: m).indices(of: replications).get() }
                #expect(ranges.flatMap { Array($0) } == Array(0..<replications))
                #expect(ranges.allSatisfy { !$0.isEmpty })
            }
        }
        #expect(ReplicationShare.shard(parsing: "2/4") == .shard(2, of: 4))
        #expect(ReplicationShare.shard(parsing: "2-4") == nil && ReplicationShare.shard(parsing: "x/4") == nil)
        #expect(ReplicationShare.range(parsing: "4..<8") == .range(4..<8))
        #expect(ReplicationShare.range(parsing: "4...7") == .range(4..<8))
        #expect(ReplicationShare.range(parsing: "8..<4") == nil && ReplicationShare.range(parsing: "4..8") == nil)
        #expect(ReplicationShare.range(parsing: "0...\(Int.max)") == nil)
        if case .failure(let error) = ReplicationShare.shard(5, of: 4).indices(of: 8) { #expect(error.message == "--shard 5/4: K must be between 1 and M") } else { Issue.record("5/4") }
        if case .failure(let error) = ReplicationShare.shard(1, of: 9).indices(of: 8) { #expect(error.message?.contains("would leave some empty") == true) } else { Issue.record("1/9") }
        if case .failure(let error) = ReplicationShare.range(6..<10).indices(of: 8) { #expect(error.message?.contains("not a non-empty range within the run's 8 replications") == true) } else { Issue.record("6..<10") }
    }

    @Test("a shard draws what the whole run draws for its replications")
    func shardDrawsTheSame() {
        let configuration = Fixtures.configuration(replications: 4)
        let whole = Simulation.run(Fixtures.base.model, configuration: configuration)
        let shard = Simulation.run(Fixtures.base.model, configuration: configuration, replications: 2..<4)
        #expect(shard.indices == 2..<4 && shard.results.count == 2)
        for (i, r) in shard.indices.enumerated() {
            #expect(shard.results[i].arrivals == whole.replications[r].arrivals)
            #expect(shard.results[i].utilisation == whole.replications[r].utilisation)
            #expect(shard.results[i].inSystemAtEndOfDay == whole.replications[r].inSystemAtEndOfDay)
        }
        #expect(shard.results[0].arrivals != whole.replications[0].arrivals)
    }
}
