import Dispatch
import Foundation
import Testing
@testable import CareNetwork

/// Hostile files get a diagnostic, never a crash, a hang or unbounded memory.
@Suite("Hostile input")
struct HostileInputTests {
    @Test("a YAML alias bomb stops at the node budget")
    func aliasBomb() {
        var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
        for level in 1..<10 {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]")
        }
        let report = Fixtures.check(lines.joined(separator: "\n"))
        #expect(Fixtures.codes(report) == [.tooComplex])
    }

    @Test("deep flow nesting is refused before the parser recurses")
    func deepFlow() {
        let report = Fixtures.check(String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000))
        #expect(Fixtures.codes(report) == [.tooComplex])
        #expect(report.diagnostics.first?.location.column == 65)
        #expect(report.diagnostics.first?.message == "nesting is deeper than 64 levels (lists and mappings inside each other); network files are limited to 64")
    }

    @Test("deep block nesting is refused")
    func deepBlock() {
        let text = (0..<1500).map { String(repeating: " ", count: $0 * 2) + "a:" }.joined(separator: "\n")
        #expect(Fixtures.codes(Fixtures.check(text)) == [.tooComplex])
    }

    @Test("binary junk is not text")
    func binary() {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) } + [0xFF, 0xFE]
        let report = NetworkLoader.check(data: Data(bytes), path: "junk.bin")
        #expect(report.diagnostics.hasErrors)
        #expect(report.network == nil)
    }

    @Test("control characters in valid UTF-8 are a syntax error")
    func controlCharacters() {
        let report = Fixtures.check("schema: carepath-network/1\nregions: [\u{01}\u{02}]\n")
        #expect(Fixtures.codes(report) == [.yamlSyntax])
    }

    @Test("a 50 MB file is refused without reading it whole")
    func hugeFile() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("carepath-huge-\(UUID().uuidString).yaml")
        #expect(FileManager.default.createFile(atPath: file.path, contents: nil))
        let handle = try FileHandle(forWritingTo: file)
        let chunk = Data(String(repeating: "# padding line\n", count: 70_000).utf8)
        for _ in 0..<50 { handle.write(chunk) }
        try handle.close()
        defer { try? FileManager.default.removeItem(at: file) }
        let report = NetworkLoader.check(path: file.path)
        #expect(Fixtures.codes(report) == [.fileUnreadable])
        #expect(report.diagnostics.first?.message.contains("MiB") == true)
    }

    @Test("an empty file, a directory and a missing file are reported, not crashed on")
    func emptyAndMissing() {
        #expect(Fixtures.codes(Fixtures.check("")) == [.wrongType])
        #expect(Fixtures.codes(NetworkLoader.check(path: NSTemporaryDirectory())) == [.fileUnreadable])
        #expect(Fixtures.codes(NetworkLoader.check(path: "/nonexistent/carepath.yaml")) == [.fileUnreadable])
    }

    @Test("a top-level list or scalar is the wrong type")
    func wrongTop() {
        #expect(Fixtures.codes(Fixtures.check("- a\n- b\n")) == [.wrongType])
        #expect(Fixtures.codes(Fixtures.check("hello")) == [.wrongType])
    }

    // MARK: - Hostile values (D1, D2, D5): validation bounds what the engine runs

    /// The fixture with `old` replaced by `new` (exactly once).
    static func broken(_ old: String, _ new: String) -> String { DiagnosticsTests.broken(old, new) }

    /// The 1-based line and column (in Unicode scalars) where `value` starts on the first line of
    /// `text` where it follows `context`.
    static func position(of value: String, after context: String, in text: String) -> (line: Int, column: Int)? {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let found = line.range(of: context + value) else { continue }
            let start = line.index(found.lowerBound, offsetBy: context.count)
            return (index + 1, line.unicodeScalars.distance(from: line.startIndex, to: start) + 1)
        }
        return nil
    }

    /// The one out-of-range error of `text`, checked to be at `value` (after `context`), to name
    /// `field` and `value`, and to say `range`; the file gives no network.
    @discardableResult
    static func expectOutOfRange(_ text: String, field: String, value: String, context: String, range: String,
                                 code: DiagnosticCode = .outOfRange, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Diagnostic? {
        let report = Fixtures.check(text)
        let errors = report.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.code) == [code], "\(errors.map(\.description))", sourceLocation: sourceLocation)
        #expect(report.network == nil, sourceLocation: sourceLocation)
        guard let diagnostic = errors.first else { return nil }
        let expected = position(of: value, after: context, in: text)
        #expect(expected?.line == diagnostic.location.line && expected?.column == diagnostic.location.column,
                "\(diagnostic), expected \(String(describing: expected))", sourceLocation: sourceLocation)
        #expect(diagnostic.message.contains(field), "\(diagnostic.message)", sourceLocation: sourceLocation)
        #expect(diagnostic.message.contains(value), "\(diagnostic.message)", sourceLocation: sourceLocation)
        #expect(diagnostic.message.contains(range), "\(diagnostic.message)", sourceLocation: sourceLocation)
        return diagnostic
    }

    @Test("D1: servers of 2^31 or more (or any count past 100,000) are out of range at the value, compared before any conversion",
          arguments: ["2147483648", "4294967296", "9223372036854775807", "9223372036854775808", "1e20", "1e400", "-2147483649", "100001", "0"])
    func hugeServers(value: String) throws {
        let text = Self.broken("servers: 2, time: {distribution: triangular", "servers: \(value), time: {distribution: triangular")
        let diagnostic = Self.expectOutOfRange(text, field: "servers", value: value, context: "servers: ", range: "between 1 and 100,000")
        #expect(diagnostic?.hint != nil)
    }

    @Test("D1: beds of 2^31 are out of range too; 100,000 servers and beds are the largest accepted")
    func hugeBeds() throws {
        Self.expectOutOfRange(Self.broken("beds: 20, stay", "beds: 2147483648, stay"), field: "beds", value: "2147483648", context: "beds: ",
                              range: "between 1 and 100,000")
        let largest = Self.broken("beds: 20, stay", "beds: 100000, stay").replacingOccurrences(of: "servers: 2, time", with: "servers: 100000, time")
        let network = try #require(Fixtures.check(largest).network)
        #expect(network.facilities.flatMap(\.services).map(\.servers).max() == 100_000)
    }

    /// The fixture's description, decoded (marks included) but not validated.
    static func fixtureDescription() throws -> NetworkDescription {
        let root = try SourceParser.parse(text: Fixtures.twoRegions, file: "fixture.yaml").get()
        var decoder = NetworkDecoder()
        let decoded = decoder.decode(root)
        let description = try #require(decoded)
        #expect(decoder.reader.diagnostics.isEmpty)
        return description
    }

    /// The errors of validating `description` (what a scenario's change goes through).
    static func validationErrors(_ description: NetworkDescription) -> [Diagnostic] {
        NetworkLoader.check(description: description).diagnostics.filter { $0.severity == .error }
    }

    @Test("D1: a description built in code or changed by a scenario is held to the same ranges as a file")
    func hugeServersInADescription() throws {
        var description = try Self.fixtureDescription()
        let hp = try #require(description.facilities.firstIndex { $0.id == "hp-b" })
        description.facilities[hp].services[0].servers = 1 << 31
        let errors = Self.validationErrors(description)
        #expect(errors.map(\.code) == [.outOfRange])
        #expect(errors.first?.message.contains("2147483648") == true)
        #expect(errors.first?.message.contains("between 1 and 100,000") == true)
        // A scenario's offer points at the scenario entry (its element mark); a file's still at the file.
        #expect(errors.first?.location.file == "fixture.yaml")
        #expect(throws: NetworkLoadError.self) { try CareNetwork(description: description) }
    }

    @Test("D2: a triangular max of 1.3e154 minutes (its width squared overflows) is out of range at the value")
    func hugeTriangularMax() {
        let text = Self.broken("min: 10, mode: 15, max: 30}", "min: 10, mode: 15, max: 1.3e154}")
        Self.expectOutOfRange(text, field: "service time max", value: "1.3e154", context: "max: ",
                              range: "between 0.01 and 5,256,000 minutes (10 years)")
    }

    /// Huge, tiny, denormal and unreadable values of every distribution parameter, in minutes (visits)
    /// and days (stays): (old, new with the value, field, value, range).
    static let distributionCases: [(old: String, new: String, field: String, value: String, range: String)] = {
        let minutes = "between 0.01 and 5,256,000 minutes (10 years)", days = "between 0.001 and 3,650 days (10 years)"
        var cases: [(String, String, String, String, String)] = []
        for value in ["1e300", "1.7976931348623157e308", "1e400", "1e-300", "5e-324", "0.001", "5256001", "-15", "0"] {
            cases.append(("general-consultation: {servers: 1, time: {distribution: exponential, mean: 15}}",
                          "general-consultation: {servers: 1, time: {distribution: exponential, mean: \(value)}}", "service time mean", value, minutes))
        }
        for value in ["1e300", "1e-300", "5e-324", "3651", "0.0009"] {
            cases.append(("intensive-care: {beds: 8, stay: {distribution: exponential, mean: 4}}",
                          "intensive-care: {beds: 8, stay: {distribution: exponential, mean: \(value)}}", "length of stay mean", value, days))
            cases.append(("stay: {distribution: fixed, value: 9}", "stay: {distribution: fixed, value: \(value)}", "length of stay value", value, days))
            cases.append(("stay: {distribution: lognormal, mean: 2.5, sd: 1}", "stay: {distribution: lognormal, mean: \(value), sd: 1}", "length of stay mean", value, days))
            cases.append(("stay: {distribution: lognormal, mean: 2.5, sd: 1}", "stay: {distribution: lognormal, mean: 2.5, sd: \(value)}", "length of stay sd", value, days))
        }
        for (key, value) in [("min", "5e-324"), ("min", "1e-300"), ("mode", "1e200"), ("max", "1e-320"), ("max", "5256001")] {
            let triangle = ["min": "10", "mode": "15", "max": "30"].merging([key: value]) { $1 }
            cases.append(("min: 10, mode: 15, max: 30}", "min: \(triangle["min"]!), mode: \(triangle["mode"]!), max: \(triangle["max"]!)}",
                          "service time \(key)", value, key == "min" ? "0 or " + minutes : minutes))
        }
        return cases
    }()

    @Test("D2: every distribution parameter, huge, tiny or denormal, is out of range at the value", arguments: distributionCases.indices)
    func distributionParameters(index: Int) {
        let c = Self.distributionCases[index]
        Self.expectOutOfRange(Self.broken(c.old, c.new), field: c.field, value: c.value, context: c.new.components(separatedBy: c.value)[0].suffix(12).description,
                              range: c.range)
    }

    @Test("D2: a lognormal's sd at most 10 × its mean; a triangle may start at 0; the bounds themselves are accepted")
    func distributionRelations() throws {
        let spread = Self.broken("mean: 2.5, sd: 1}", "mean: 2.5, sd: 25.5}")
        let diagnostic = Self.expectOutOfRange(spread, field: "length of stay sd", value: "25.5", context: "sd: ", range: "at most 10 × its mean")
        #expect(diagnostic?.hint?.contains("not of its logarithm") == true)
        let accepted = Self.broken("mean: 2.5, sd: 1}", "mean: 2.5, sd: 25}")
            .replacingOccurrences(of: "min: 10, mode: 15, max: 30}", with: "min: 0, mode: 0.01, max: 5256000}")
            .replacingOccurrences(of: "stay: {distribution: exponential, mean: 4}", with: "stay: {distribution: exponential, mean: 3650}")
            .replacingOccurrences(of: "stay: {distribution: exponential, mean: 5}", with: "stay: {distribution: exponential, mean: 0.001}")
        let report = Fixtures.check(accepted)
        #expect(!report.diagnostics.hasErrors, "\(report.diagnostics.map(\.description))")
        let network = try #require(report.network)
        let times = network.facilities.flatMap(\.services).map(\.timeInMinutes)
        #expect(times.contains(.triangular(min: 0, mode: 0.01, max: 5_256_000)))
        #expect(times.contains(.exponential(mean: 5_256_000)))
    }

    @Test("D2: a distribution built in code is held to the ranges too, in its unit")
    func distributionInADescription() throws {
        var description = try Self.fixtureDescription()
        let hp = try #require(description.facilities.firstIndex { $0.id == "hp-b" })
        description.facilities[hp].services[0].time = .triangular(min: 10, mode: 15, max: 1.3e154)
        let chu = try #require(description.facilities.firstIndex { $0.id == "chu-north" })
        description.facilities[chu].services[0].time = .fixed(3651)   // days
        let errors = Self.validationErrors(description)
        #expect(errors.map(\.code) == [.outOfRange, .outOfRange], "\(errors.map(\.description))")
        #expect(errors.contains { $0.message.contains("max is 1.3e+154") && $0.message.contains("5,256,000 minutes") })
        #expect(errors.contains { $0.message.contains("value is 3651.0") && $0.message.contains("3,650 days") })
    }

    @Test("D5: a catchment of 999999999999999 is out of range at the value; 50,000,000 is the largest accepted")
    func hugeCatchment() throws {
        Self.expectOutOfRange(Self.broken("catchment: 20000", "catchment: 999999999999999"), field: "catchment", value: "999999999999999",
                              context: "catchment: ", range: "between 1 and 50,000,000")
        Self.expectOutOfRange(Self.broken("catchment: 20000", "catchment: 50000001"), field: "catchment", value: "50000001",
                              context: "catchment: ", range: "between 1 and 50,000,000")
        Self.expectOutOfRange(Self.broken("population: 300000}", "population: 1e16}"), field: "region population", value: "1e16",
                              context: "population: ", range: "between 1 and 50,000,000")
        let network = try #require(Fixtures.check(Self.broken("catchment: 20000", "catchment: 50000000")).network)
        #expect(network.facilities.map(\.catchment).max() == 50_000_000)
    }

    @Test("D5: values each in range whose products pass 1,000,000 arrivals a day are demand-too-large, at the visits-per-person")
    func tooMuchDemand() throws {
        let text = Self.broken("catchment: 20000", "catchment: 45000000")
            .replacingOccurrences(of: "general-consultation: {visits-per-person: 1.2,", with: "general-consultation: {visits-per-person: 10,")
        let diagnostic = try #require(Self.expectOutOfRange(text, field: "arrivals a day", value: "10", context: "visits-per-person: ",
                                                            range: "at most 1,000,000", code: .demandTooLarge))
        #expect(diagnostic.message.contains("1,236,"))
        #expect(diagnostic.hint?.contains("cs-one's, 45,000,000") == true)
        // The same demand, a little smaller, is accepted; so is the bound on visits-per-person itself.
        #expect(Fixtures.check(Self.broken("catchment: 20000", "catchment: 45000000")).network != nil)
        Self.expectOutOfRange(Self.broken("visits-per-person: 1.2,", "visits-per-person: 366,"), field: "visits-per-person", value: "366",
                              context: "visits-per-person: ", range: "0 or between 0.000001 and 365")
        Self.expectOutOfRange(Self.broken("visits-per-person: 1.2,", "visits-per-person: 5e-324,"), field: "visits-per-person", value: "5e-324",
                              context: "visits-per-person: ", range: "0 or between 0.000001 and 365")
    }

    @Test("D5: the day's arrivals of a description built in code are held to 1,000,000 too")
    func tooMuchDemandInADescription() throws {
        var description = try Self.fixtureDescription()
        for index in description.facilities.indices where description.facilities[index].tier == .healthCentre {
            description.facilities[index].catchment = 49_000_000
        }
        description.demand?.services[0].visitsPerPerson = 3
        #expect(Self.validationErrors(description).map(\.code) == [.demandTooLarge])
        description.facilities[0].catchment = 999_999_999_999_999
        #expect(Self.validationErrors(description).map(\.code).contains(.outOfRange))
    }

    @Test("the national network's demand is far below the bound: about 140,000 arrivals a day")
    func nationalDemand() throws {
        let network = try NetworkLoader.load(path: Fixtures.path("Networks/morocco.yaml"))
        let arrivals = network.dailyArrivals()
        #expect((100_000...200_000).contains(arrivals))
        #expect(arrivals * 5 < NetworkRanges.dailyArrivals.upperBound)
        // A scenario's factor multiplies it.
        #expect(abs(network.dailyArrivals { _, _ in 2 } - 2 * arrivals) < 1e-6 * arrivals)
    }

    @Test("text that reads as an infinite number is text, and a number too large for a Double is out of range, not 'a number'")
    func unreadableNumbers() throws {
        let infinity = Fixtures.check(Self.broken("population: 50000", "population: inf"))
        let diagnostic = try #require(infinity.diagnostics.first { $0.code == .wrongType })
        #expect(diagnostic.message == "province population must be a whole number, found text 'inf'")
        let huge = Fixtures.check(Self.broken("lat: 34.50,", "lat: 1e999,"))
        #expect(huge.diagnostics.first?.code == .outOfRange)
        #expect(huge.diagnostics.first?.message == "latitude is 1e999, too large for any number; it must be between -90 and 90")
    }

    // MARK: - Parser limits (D11)

    /// libyaml's own messages, none of which a diagnostic may show.
    static let libyamlPhrases = [
        "did not find expected", "could not find expected", "while parsing", "while scanning", "not allowed in this context",
        "found character that cannot", "found unexpected", "found undefined", "yaml_set_max_nest_level", "Maximum nesting level",
        "found unknown", "found a tab", "found an indentation", "found incompatible", "found duplicate", "found extremely",
        "found invalid", "found an incorrect", "control characters are not allowed", "invalid leading UTF-8",
        "but found another document",
    ]

    @Test("D11: 100,000 facilities without aliases are refused for the keys and values they write, with the limit, not for aliases")
    func manyFacilities() throws {
        var lines = ["schema: carepath-network/1", "regions:", "  - {id: r, name: {fr: R, ar: ر}}", "provinces: []", "facilities:"]
        for index in 0..<100_000 {
            lines += ["  - id: cs-\(index)", "    name: {fr: CS \(index), ar: م}", "    tier: health-centre", "    region: r",
                      "    province: p", "    location: {lat: 31.5, lon: -7.0}", "    catchment: 1000"]
        }
        let start = Date()
        let report = Fixtures.check(lines.joined(separator: "\n"))
        #expect(Date().timeIntervalSince(start) < 10)
        let diagnostic = try #require(report.diagnostics.first)
        #expect(report.diagnostics.count == 1 && diagnostic.code == .tooComplex)
        #expect(diagnostic.message.contains("more than 2,000,000 keys and values"), "\(diagnostic.message)")
        #expect(diagnostic.message.contains("limited to 2,000,000"))
        #expect(!diagnostic.message.contains("alias"))
    }

    @Test("D11: past 1,000,000 values written out, the message says values, not aliases; past them through aliases, it says aliases")
    func tooManyValues() throws {
        let flat = Fixtures.check("list: [" + Array(repeating: "1", count: 1_000_001).joined(separator: ",") + "]\n")
        let values = try #require(flat.diagnostics.first)
        #expect(values.code == .tooComplex)
        #expect(values.message == "the file holds more than 1,000,000 values (scalars, lists and mappings); network files are limited to 1,000,000")
        var bomb = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
        for level in 1..<10 {
            bomb.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]")
        }
        let aliases = try #require(Fixtures.check(bomb.joined(separator: "\n")).diagnostics.first)
        #expect(aliases.message.hasPrefix("aliases expand the file past 1,000,000 values"), "\(aliases.message)")
        #expect(aliases.hint == "remove the aliases that refer to other aliases")
    }

    @Test("D11: a 30 MB list is refused before the parser builds it: in seconds, not 30 s and 2 GB")
    func wideList() throws {
        let start = Date()
        let report = Fixtures.check("a: [" + String(repeating: "1,", count: 15 << 20) + "1]\n")
        #expect(Fixtures.codes(report) == [.tooComplex])
        #expect(report.diagnostics.first?.message.contains("keys and values") == true)
        #expect(Date().timeIntervalSince(start) < 10)
    }

    /// Text before a deep flow list that fooled the lexical scan into a quote that never ends.
    static let quoteTricks = ["a: x 'y\n", "a: \"a\\\\\"\n", "a: 'it''s [ok'\n", "a: it's\n", "a: \"\\\"[\"\n", "a: l'Oriental\n",
                              "a: foo\n  'bar\n", "a: |\n  'x\n", "- x 'y\n- \"a\\\\\"\n"]

    @Test("D11: no quote hides deep nesting: after any of them, the 65th level is too-complex at its position", arguments: quoteTricks)
    func quotesDoNotHideNesting(prefix: String) throws {
        let line = prefix.split(separator: "\n", omittingEmptySubsequences: false).count
        let key = prefix.hasPrefix("-") ? "- " : "b: "
        for depth in [70, 999, 1000, 5000] {
            let report = Fixtures.check(prefix + key + String(repeating: "[", count: depth) + "1" + String(repeating: "]", count: depth) + "\n")
            let diagnostic = try #require(report.diagnostics.first, "\(depth) after \(prefix.debugDescription)")
            #expect(report.diagnostics.count == 1)
            #expect(diagnostic.code == .tooComplex, "\(depth) after \(prefix.debugDescription): \(diagnostic)")
            #expect(diagnostic.message.hasPrefix("nesting is deeper than 64 levels"))
            #expect(diagnostic.location.line == line, "\(depth) after \(prefix.debugDescription): \(diagnostic)")
            if depth < 1000 { #expect(diagnostic.location.column == key.count + 65, "\(depth) after \(prefix.debugDescription): \(diagnostic)") }
        }
    }

    @Test("D11: nesting the lexical scan does not see is measured on what the parser builds, at the 65th level")
    func nestingThePreScanMisses() throws {
        // Block mappings one space deeper each: 200 levels, under the scan's indentation bound.
        let block = (0..<200).map { String(repeating: " ", count: $0) + "a:" }.joined(separator: "\n") + " 1\n"
        let diagnostic = try #require(Fixtures.check(block).diagnostics.first)
        #expect(diagnostic.code == .tooComplex)
        #expect(diagnostic.location.line == 66 && diagnostic.location.column == 66)
        // Flow mappings 1,000 deep, past libyaml's own limit: still too-complex, in CarePath's words.
        let flow = Fixtures.check("a: \"a\\\\\"\nb: " + String(repeating: "{a: ", count: 1000) + "1" + String(repeating: "}", count: 1000) + "\n")
        #expect(Fixtures.codes(flow) == [.tooComplex])
        #expect(flow.diagnostics.first?.message.hasPrefix("nesting is deeper than 64 levels") == true)
    }

    @Test("D11: the parser builds deep trees on its own large stack: parsing from a thread with a 256 KiB stack does not crash")
    func smallStack() {
        let inputs = [
            String(repeating: "? ", count: 990) + "x\n",
            "a: \"a\\\\\"\nb: " + String(repeating: "{a: ", count: 999) + "1" + String(repeating: "}", count: 999) + "\n",
            (0..<900).map { String(repeating: " ", count: $0 / 4) + (($0 % 2 == 0) ? "- " : "") + "a:" }.joined(separator: "\n"),
        ]
        final class Codes: @unchecked Sendable { var value: [[DiagnosticCode]] = [] }
        let codes = Codes()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            codes.value = inputs.map { text in
                switch SourceParser.parse(text: text, file: "deep.yaml") {
                case .success: []
                case .failure(let diagnostic): [diagnostic.code]
                }
            }
            done.signal()
        }
        thread.stackSize = 256 << 10
        thread.start()
        done.wait()
        #expect(codes.value.count == inputs.count)
        #expect(codes.value.dropFirst().allSatisfy { $0 == [.tooComplex] || $0 == [.yamlSyntax] }, "\(codes.value)")
    }

    @Test("D11: a syntax error never shows libyaml's words, and says what to do", arguments: [
        "a: [1, 2", "a: {b: 1", "a: b: c", "a:\n\t- x", "a: \"x", "a: 'x", "- a\nb: c", "a: @x", "a: `x", "a: *nope",
        "%YAML 1.1\n%YAML 1.1\n---\na: 1", "a: !<tag x", "a: |0\n x", "a: \"\\q\"", "--- a\n--- b", "a: &\n", "a:\n  b: 1\n c: 2",
        "{a: 1}}", "a: [1]]", "? a\n? b\n: c\n  : d", "a: \"\\x4\"", "a: 'x'y", "a: !!int x\n", "%FOO bar\n---\na: 1", "a: |x\n y",
        "a: 1\n...\nb: 2", "a: \"x\n---\ny\"", "[a, b\n", "a: -\tb\n  c: d",
    ])
    func syntaxMessages(text: String) throws {
        let report = Fixtures.check(text)
        #expect(report.diagnostics.hasErrors)
        for diagnostic in report.diagnostics where diagnostic.code == .yamlSyntax || diagnostic.code == .tooComplex {
            for phrase in Self.libyamlPhrases {
                #expect(!diagnostic.message.contains(phrase), "\(text.debugDescription): \(diagnostic)")
            }
            #expect(diagnostic.hint != nil, "\(text.debugDescription): \(diagnostic)")
        }
    }

    @Test("every problem libyaml can report is translated: the message never repeats it")
    func everyLibyamlProblemTranslated() {
        let problems = [
            "mapping values are not allowed in this context", "block sequence entries are not allowed in this context",
            "mapping keys are not allowed in this context", "did not find expected key", "did not find expected '-' indicator",
            "did not find expected ',' or ']'", "did not find expected ',' or '}'", "did not find expected node content",
            "could not find expected ':'", "found unexpected ':'", "found character that cannot start any token",
            "found a tab character that violates indentation", "found a tab character where an indentation space is expected",
            "found unexpected end of stream", "found unexpected document indicator", "found unknown escape character",
            "found invalid Unicode character escape code", "did not find expected hexdecimal number",
            "did not find expected comment or line break", "did not find expected <document start>", "but found another document",
            "found undefined alias", "did not find expected alphabetic or numeric character", "found an indentation indicator equal to 0",
            "did not find expected whitespace or line break", "found undefined tag handle", "found duplicate %YAML directive",
            "found incompatible YAML document", "found duplicate %TAG directive", "did not find expected <stream-start>",
            "found extremely long version number", "did not find expected digit or '.' character", "did not find expected version number",
            "found unknown directive name", "could not find expected directive name", "did not find expected whitespace",
            "did not find expected '!'", "did not find the expected '>'", "did not find expected tag URI", "did not find URI escaped octet",
            "found an incorrect leading UTF-8 octet", "found an incorrect trailing UTF-8 octet", "found unexpected non-alphabetical character",
            "a problem libyaml may add one day",
        ]
        for problem in problems {
            for context in [nil, ("while parsing a flow mapping", 3, 7), ("while scanning a tag", 1, 1), ("while parsing a block node", 2, 2)] {
                let said = SourceParser.syntax(problem: problem, context: context)
                #expect(!said.message.isEmpty && said.hint != nil)
                for phrase in Self.libyamlPhrases + [problem] { #expect(!said.message.contains(phrase), "\(problem): \(said.message)") }
            }
        }
        for problem in ["control characters are not allowed", "invalid leading UTF-8 octet", "input is too long", "input error"] {
            let message = SourceParser.readerMessage(problem: problem, value: 1)
            #expect(!message.contains(problem), "\(message)")
        }
        #expect(SourceParser.readerMessage(problem: "control characters are not allowed", value: 1).contains("U+0001"))
    }

    @Test("a control character after Arabic text is reported at its column, counted in characters")
    func controlCharacterPosition() throws {
        let report = Fixtures.check("name: {fr: Nord, ar: الشمال}\nx: ab\u{01}\n")
        let diagnostic = try #require(report.diagnostics.first)
        #expect(diagnostic.code == .yamlSyntax)
        #expect(diagnostic.location.line == 2 && diagnostic.location.column == 6)
        #expect(diagnostic.message.contains("U+0001"))
    }
}
