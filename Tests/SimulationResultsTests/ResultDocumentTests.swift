import CareNetwork
import Foundation
import LoadSimulation
import Referral
import SimulationResults
import Testing

/// One short run of the training network, shared by the tests (seed 7: any seed serves; these
/// tests check the document's structure and its round trip, not the statistics).
enum TrainingRun {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let path = root.appendingPathComponent("Networks/training-small.yaml").path
    static let network = try! NetworkLoader.load(path: path)
    static let model = SimulationModel(network: network, table: RoutingTable(router: ReferralRouter(network: network)))
    static let result = Simulation.run(model, configuration: SimulationConfiguration(days: 12, warmupDays: 2, replications: 3, seed: 7))
    static let run = ResultDocument.Run(version: "test", network: .init(path: path, digest: "fnv1a64:0000000000000000"))
    static let document = ResultDocument(network: network, model: model, result: result, run: run)

    static func temporaryFile(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("carepath-result-\(UUID().uuidString).json").path
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }
}

@Suite("The result document")
struct ResultDocumentTests {
    @Test("built from a run: every station, the accounting balanced, facilities with their busiest station")
    func built() {
        let d = TrainingRun.document, r = TrainingRun.result
        #expect(d.schema == ResultDocument.currentSchema)
        #expect(d.stations.count == r.stations.count)
        #expect(d.accounting.arrived == r.arrived && d.accounting.balanced)
        #expect(d.daily.inSystemAtEndOfDay.count == 12)
        #expect(d.configuration.seed == "7" && d.configuration.replications == 3)
        for station in d.stations { #expect(station.perReplication.utilisation.count == 3) }
        // A facility's busiest utilisation is the largest of its stations'.
        for facility in d.facilities {
            let own = d.stations.filter { $0.facility == facility.facility }
            #expect(facility.busiestUtilisation == own.map(\.utilisation.mean).max())
            #expect(d.load.utilisation[facility.facility] == facility.busiestUtilisation)
        }
        #expect(d.links.count == TrainingRun.model.links.count)
    }

    @Test("written and read back, the document is the same value, and its bytes do not change")
    func roundTrip() throws {
        let text = try TrainingRun.document.jsonText()
        let path = try TrainingRun.temporaryFile(text)
        let read = try ResultDocument.read(path: path)
        // Numbers are written with six significant digits, so compare the document re-encoded.
        #expect(try read.jsonText() == text)
        #expect(read.stations.map(\.key) == TrainingRun.document.stations.map(\.key))
        #expect(read.scenario == nil)
        #expect(text.hasSuffix("}\n") && text.contains("\"scenario\": null"))
    }

    /// A reader of result.json gets one line that names the file, the field and what is wrong.
    @Test("a file of another schema, truncated or edited is refused with the file and the field", arguments: [
        ("schema", #""schema": 1,"#, #""schema": 2,"#, "field 'schema': schema 2 (written by CarePath test); this CarePath reads schema 1"),
        ("no schema", #""schema": 1,"#, "", "field 'schema': written by CarePath test, which did not record a schema version"),
        ("type", #""replications": 3,"#, #""replications": "three","#, "field 'configuration.replications': expected a number"),
        ("enum", #""tier": "university-hospital""#, #""tier": "clinic""#, "field 'facilities[0].tier': invalid value"),
    ])
    func refused(_ name: String, _ from: String, _ to: String, _ expected: String) throws {
        let text = try TrainingRun.document.jsonText()
        #expect(text.contains(from), "\(name)")
        let path = try TrainingRun.temporaryFile(text.replacingOccurrences(of: from, with: to))
        #expect(throws: ResultReadError.self) { try ResultDocument.read(path: path) }
        do { _ = try ResultDocument.read(path: path) } catch {
            #expect(error.description.hasPrefix("'\(path)', \(expected)"), "\(error)")
        }
    }

    @Test("a truncated file, a missing file, a directory and a JSON array each get their own message")
    func unreadable() throws {
        let text = try TrainingRun.document.jsonText()
        let truncated = try TrainingRun.temporaryFile(String(text.prefix(text.count / 2)))
        let cases: [(String, String)] = [
            (truncated, "'\(truncated)': not valid JSON (truncated or edited?)"),
            ("/nonexistent/result.json", "'/nonexistent/result.json': no such file"),
            (FileManager.default.temporaryDirectory.path, "'\(FileManager.default.temporaryDirectory.path)': it is a directory"),
            (try TrainingRun.temporaryFile("[1, 2]"), "': not a result.json written by carepath simulate --out"),
        ]
        for (path, message) in cases {
            do {
                _ = try ResultDocument.read(path: path)
                Issue.record("read \(path)")
            } catch {
                #expect(error.description.contains(message), "\(error)")
            }
        }
    }

    @Test("a load file: the `load` of a result, or a hand-made one without unit or flows")
    func loadFile() throws {
        let path = try TrainingRun.temporaryFile(#"{"utilisation": {"chu-atlas": 0.5}}"#)
        let load = try LoadSummary.read(path: path)
        #expect(load == LoadSummary(unit: "patients/day", utilisation: ["chu-atlas": 0.5], flows: []))
        let bad = try TrainingRun.temporaryFile(#"{"flows": [{"from": "a", "to": "b"}]}"#)
        do { _ = try LoadSummary.read(path: bad); Issue.record("read a flow without patients") } catch {
            #expect(error.description == "'\(bad)', field 'flows[0].patients': missing (the file is not a load file (utilisation per facility id, flows between facility ids), or was edited)")
        }
    }
}

@Suite("The CSV tables")
struct ResultFilesTests {
    static let files = ResultFiles(document: TrainingRun.document, pathways: PathwayTable(network: TrainingRun.network, model: TrainingRun.model, result: TrainingRun.result))

    @Test("the files, rendered on several threads, come in their fixed order with each one's own text")
    func contentsInOrder() throws {
        let files = try Self.files.contents()
        #expect(files.map(\.name) == [ResultFiles.result, ResultFiles.stations, ResultFiles.facilities, ResultFiles.links, ResultFiles.pathways, ResultFiles.daily])
        let expected = [try TrainingRun.document.jsonText(), Self.files.stationsCSV(), Self.files.facilitiesCSV(), Self.files.linksCSV(),
                        Self.files.pathwaysCSV(), Self.files.dailyCSV()]
        #expect(files.map(\.text) == expected)
    }

    @Test("a row per station, facility, link, route with patients and day, under the documented headers")
    func rows() {
        let d = TrainingRun.document
        func lines(_ text: String) -> [Substring] { text.split(separator: "\n") }
        #expect(lines(Self.files.stationsCSV()).count == d.stations.count + 1)
        #expect(lines(Self.files.facilitiesCSV()).count == d.facilities.count + 1)
        #expect(lines(Self.files.linksCSV()).count == d.links.count + 1)
        #expect(lines(Self.files.pathwaysCSV()).count == d.pathways.routes + 1)
        #expect(lines(Self.files.dailyCSV()).count == 13)
        #expect(lines(Self.files.dailyCSV())[1] == "1,\(lines(Self.files.dailyCSV())[1].split(separator: ",")[1]),\(lines(Self.files.dailyCSV())[1].split(separator: ",")[2]),false")
        #expect(lines(Self.files.dailyCSV())[3].hasSuffix(",true"))
        // A refused route lists its health centre alone; a treated one ends at its treating facility.
        for row in Self.files.pathways.rows {
            if row.outcome == "treated" { #expect(row.pathway.last == row.treatingFacility) } else { #expect(row.pathway == [row.healthCentre]) }
        }
        // Link tiers come from the facilities of the document.
        let tiers = Dictionary(uniqueKeysWithValues: TrainingRun.network.facilities.map { ($0.key, $0.tier.rawValue) })
        for (link, line) in zip(d.links, lines(Self.files.linksCSV()).dropFirst()) {
            #expect(line.hasPrefix("\(link.from),\(link.to),\(tiers[link.from]!),\(tiers[link.to]!),"))
        }
    }

    @Test("the files are written whole into the directory, and nothing else is left there")
    func written() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("carepath-files-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Self.files.write(to: directory)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == ["daily.csv", "facilities.csv", "links.csv", "pathways.csv", "result.json", "stations.csv"])
        #expect(try String(contentsOfFile: directory + "/result.json", encoding: .utf8) == TrainingRun.document.jsonText())
    }
}

@Suite("Comparing two results")
struct ResultComparisonTests {
    static func document(seed: UInt64, replications: Int = 3, scenario: String? = nil) throws -> ResultDocument {
        var network = TrainingRun.network, model = TrainingRun.model
        if let scenario {
            let description = try NetworkLoader.describe(path: TrainingRun.path)
            let report = ScenarioLoader.check(scenario: Data(("schema: carepath-scenario/1\n" + scenario).utf8), path: "s.yaml", description: description)
            let application = try #require(report.application)
            network = application.network
            model = application.model(table: RoutingTable(router: ReferralRouter(network: network)))
        }
        let result = Simulation.run(model, configuration: SimulationConfiguration(days: 12, warmupDays: 2, replications: replications, seed: seed))
        return ResultDocument(network: network, model: model, result: result, run: TrainingRun.run)
    }

    @Test("a run against itself: nothing changed, paired")
    func identical() throws {
        let comparison = ResultComparison(baseline: TrainingRun.document, other: TrainingRun.document)
        #expect(comparison.changes.isEmpty && comparison.isPaired && comparison.movedArrivals.isEmpty)
        #expect(comparison.commonStations.count == TrainingRun.document.stations.count)
    }

    @Test("a closed hospital: its stations only in the baseline, its patients moved, runs paired by seed")
    func closed() throws {
        let other = try Self.document(seed: 7, scenario: "close: [chp-haouz-pedago]\n")
        let comparison = ResultComparison(baseline: TrainingRun.document, other: other)
        #expect(comparison.isPaired)
        #expect(!comparison.onlyInBaseline.isEmpty && comparison.onlyInBaseline.allSatisfy { $0.facility == "chp-haouz-pedago" })
        #expect(comparison.onlyInOther.isEmpty)
        #expect(comparison.movedArrivals.first?.facility == "chp-haouz-pedago" && comparison.movedArrivals.first?.other == 0)
        // Changes come largest utilisation change first.
        let deltas = comparison.changes.map { abs($0.other.utilisation.mean - $0.baseline.utilisation.mean) }
        #expect(deltas == deltas.sorted(by: >))
    }

    @Test("different seeds are not paired; one replication flags nothing")
    func unpaired() throws {
        let comparison = ResultComparison(baseline: TrainingRun.document, other: try Self.document(seed: 8))
        #expect(comparison.hasIntervals && !comparison.isPaired)
        for change in comparison.changes {
            #expect(change.utilisationSignificant == change.baseline.utilisation.isDisjoint(from: change.other.utilisation))
        }
        let single = ResultComparison(baseline: try Self.document(seed: 7, replications: 1), other: try Self.document(seed: 8, replications: 1))
        #expect(!single.hasIntervals && !single.isPaired)
    }

    @Test("paired significance: a constant shift in every replication is significant however noisy the runs")
    func pairedSignificance() {
        let a = ResultDocument.Estimate(mean: 0.5, ci95: 0.3), b = ResultDocument.Estimate(mean: 0.51, ci95: 0.3)
        #expect(!ResultComparison.significant(a, b, [0.2, 0.5, 0.8], [0.21, 0.51, 0.81], paired: false))
        #expect(ResultComparison.significant(a, b, [0.2, 0.5, 0.8], [0.21, 0.51, 0.81], paired: true))
        #expect(!ResultComparison.significant(a, b, [0.2, 0.5, 0.8], [0.3, 0.4, 0.83], paired: true))
    }
}

/// Hostile numbers (D3): a value out of range is refused when the file is read, with the file, the
/// field and the range, whatever JSON can hold (it has no infinity or NaN, but ±1e308 are valid).
@Suite("Numbers out of range")
struct RangeTests {
    static let extremes: [Double] = [1e308, -1e308, -1, 1e17, 1e19, -0.5]
    /// How the messages write them (six significant digits).
    static let written: [Double: String] = [1e308: "1e+308", -1e308: "-1e+308", -1: "-1", 1e17: "1e+17", 1e19: "1e+19", -0.5: "-0.5"]

    static func readError(_ text: String, document: Bool = false) throws -> String {
        let path = try TrainingRun.temporaryFile(text)
        do {
            if document { _ = try ResultDocument.read(path: path) } else { _ = try LoadSummary.read(path: path) }
        } catch {
            #expect(error.description.hasPrefix("'\(path)', field '"), "\(error)")
            return String(error.description.dropFirst("'\(path)', ".count))
        }
        Issue.record("read \(text.prefix(200))")
        return ""
    }

    @Test("a load file's utilisation out of [0, 1e6] is refused with its field and the range", arguments: extremes)
    func utilisation(_ value: Double) throws {
        let text = #"{"utilisation": {"chu-atlas": 0.5, "chr-atlas": \#(value)}}"#
        let message = try Self.readError(text)
        #expect(message.hasPrefix("field 'utilisation.chr-atlas': \(Self.written[value]!) is out of range: a utilisation is from 0 to 1,000,000 (1 is saturated, above 1 overloaded)"), "\(message)")
    }

    @Test("a load file's flow out of [0, 1e9] is refused with its index and the range", arguments: extremes)
    func flow(_ value: Double) throws {
        let text = #"{"utilisation": {}, "flows": [{"from": "a", "to": "b", "patients": 2}, {"from": "b", "to": "c", "patients": \#(value)}], "unit": "patients/year"}"#
        let message = try Self.readError(text)
        #expect(message == "field 'flows[1].patients': \(Self.written[value]!) is out of range: a flow in patients/year is from 0 to 1,000,000,000", "\(message)")
    }

    @Test("the bounds themselves are accepted; the smallest step past them is not")
    func bounds() throws {
        let path = try TrainingRun.temporaryFile(#"{"utilisation": {"a": 0, "b": 1000000, "c": -0}, "flows": [{"from": "a", "to": "b", "patients": 1e9}, {"from": "a", "to": "b", "patients": 0}]}"#)
        #expect(try LoadSummary.read(path: path).utilisation["b"] == 1e6)
        #expect(throws: ValueRangeError.self) { try LoadSummary(utilisation: ["a": 1e6.nextUp], flows: []).validate() }
        #expect(throws: ValueRangeError.self) { try LoadSummary(utilisation: [:], flows: [.init(from: "a", to: "b", patients: 1e9.nextUp)]).validate() }
        #expect(throws: ValueRangeError.self) { try LoadSummary(utilisation: ["a": -Double.leastNonzeroMagnitude], flows: []).validate() }
    }

    @Test("infinity and NaN, which a LoadSummary built in code may hold, are refused too")
    func notFinite() {
        for value in [Double.infinity, -.infinity, .nan] {
            #expect(throws: ValueRangeError.self) { try LoadSummary(utilisation: ["a": value], flows: []).validate() }
            #expect(throws: ValueRangeError.self) { try LoadSummary(utilisation: [:], flows: [.init(from: "a", to: "b", patients: value)]).validate() }
        }
    }

    @Test("a key that is not a plain id is quoted in the field; the first key in order is named")
    func oddKey() throws {
        #expect(try Self.readError(#"{"utilisation": {"z": -1, "a b\n\"c": -2}}"#).hasPrefix(#"field 'utilisation["a b\n\"c"]': -2 is out of range"#))
        #expect(try Self.readError(#"{"utilisation": {"z": -1, "y": -2}}"#).hasPrefix("field 'utilisation.y': -2"))
        // A unit that is not one short line is not repeated in the message.
        #expect(try Self.readError(#"{"unit": "a\nb", "flows": [{"from": "a", "to": "b", "patients": -1}]}"#) == "field 'flows[0].patients': -1 is out of range: a flow is from 0 to 1,000,000,000")
    }

    /// A field of result.json, how to set it, and whether any finite value 0 or more is accepted
    /// there (waits, arrivals, days) or only a share (utilisation) or a flow of the load.
    struct Field: Sendable, CustomTestStringConvertible {
        var path: String
        var anyAmount: Bool
        var set: @Sendable (inout ResultDocument, Double) -> Void
        var testDescription: String { path }
    }

    static let fields: [Field] = [
        Field(path: "stations[2].utilisation.mean", anyAmount: false) { $0.stations[2].utilisation.mean = $1 },
        Field(path: "stations[4].perReplication.utilisation[1]", anyAmount: false) { $0.stations[4].perReplication.utilisation[1] = $1 },
        Field(path: "facilities[1].busiestUtilisation", anyAmount: false) { $0.facilities[1].busiestUtilisation = $1 },
        Field(path: "load.utilisation.chu-atlas", anyAmount: false) { $0.load.utilisation["chu-atlas"] = $1 },
        Field(path: "load.flows[0].patients", anyAmount: false) { $0.load.flows[0].patients = $1 },
        Field(path: "stations[3].meanWaitMinutes.mean", anyAmount: true) { $0.stations[3].meanWaitMinutes.mean = $1 },
        Field(path: "stations[1].waitMinutesP99", anyAmount: true) { $0.stations[1].waitMinutesP99 = $1 },
        Field(path: "stations[0].arrivals.mean", anyAmount: true) { $0.stations[0].arrivals.mean = $1 },
        Field(path: "stations[0].arrivals.ci95", anyAmount: true) { $0.stations[0].arrivals.ci95 = $1 },
        Field(path: "facilities[0].arrivals", anyAmount: true) { $0.facilities[0].arrivals = $1 },
        Field(path: "links[0].flow.mean", anyAmount: true) { $0.links[0].flow.mean = $1 },
        Field(path: "daily.warmUpCheck.measuredMean", anyAmount: true) { $0.daily.warmUpCheck.measuredMean = $1 },
        Field(path: "configuration.days", anyAmount: true) { $0.configuration.days = $1 },
    ]

    @Test("a result written by simulate passes; a number edited out of range is named by its field", arguments: fields)
    func document(_ field: Field) throws {
        try TrainingRun.document.validate()
        for value in Self.extremes {
            var d = TrainingRun.document
            field.set(&d, value)
            if field.anyAmount, value >= 0 {
                // A huge but finite wait or count is printable: read as it is.
                let path = try TrainingRun.temporaryFile(try d.jsonText())
                #expect(throws: Never.self) { try ResultDocument.read(path: path) }
                continue
            }
            let message = try Self.readError(try d.jsonText(), document: true)
            #expect(message.hasPrefix("field '\(field.path)': \(Self.written[value]!) is out of range: "), "\(field.path) = \(value): \(message)")
        }
    }

    @Test("compare and render read through the same check: an edited result is refused, not drawn or printed")
    func negativeWait() throws {
        var d = TrainingRun.document
        d.stations[0].meanWaitMinutes.mean = -3
        #expect(throws: ValueRangeError(field: "stations[0].meanWaitMinutes.mean", value: -3, range: ValueRangeError.nonNegative, meaning: "a wait in minutes")) {
            try d.validate()
        }
        #expect(ValueRangeError(field: "x", value: -3, range: ValueRangeError.nonNegative, meaning: "a wait in minutes").reason == "-3 is out of range: a wait in minutes is 0 or more")
    }
}
