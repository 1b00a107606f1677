import CarePathSupport
import Foundation

/// A result file that could not be read: the file, the field where it went wrong and why, as one
/// line a person can act on.
public struct ResultReadError: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    /// The field, as a path into the JSON (`stations[12].utilisation.mean`); nil for the file as a whole.
    public var field: String?
    public var reason: String

    public init(path: String, field: String? = nil, reason: String) {
        self.path = path
        self.field = field
        self.reason = reason
    }

    public var description: String {
        "'\(path)'" + (field.map { ", field '\($0)'" } ?? "") + ": " + reason
    }
}

extension ResultDocument {
    /// result.json's text: keys sorted, numbers with six significant digits, a newline at the end,
    /// so the same run gives the same bytes.
    public func jsonText() throws -> String { try JSONValueEncoder.render(self) + "\n" }

    /// Reads the result.json at `path`.
    public static func read(path: String) throws(ResultReadError) -> ResultDocument {
        try decode(ResultFileReader.contents(of: path, expecting: "result.json", hint: "carepath simulate --out DIR writes DIR/result.json"), path: path)
    }

    /// Decodes a result.json's bytes; `path` names the file in errors.
    public static func decode(_ data: Data, path: String) throws(ResultReadError) -> ResultDocument {
        let what = "a result.json written by carepath simulate --out"
        // One parse when the file is a result of this schema; otherwise its schema is looked at
        // first, so a file of another layout is named as such rather than by its first odd field.
        let decoded = Result { try JSONDecoder().decode(ResultDocument.self, from: data) }
        if case .success(let document) = decoded, document.schema == currentSchema {
            do { try document.validate() } catch { throw ResultReadError(path: path, field: error.field, reason: error.reason) }
            return document
        }
        let probe: Probe
        do { probe = try JSONDecoder().decode(Probe.self, from: data) } catch {
            throw ResultFileReader.error(error, path: path, what: what)
        }
        guard let schema = probe.schema else {
            let writer = probe.carepath.map { "CarePath \($0)" } ?? (probe.hasStations ? "a CarePath before 0.3.0" : nil)
            throw ResultReadError(path: path, field: "schema", reason: writer.map { "written by \($0), which did not record a schema version: run carepath simulate again to get a result this CarePath reads" }
                ?? "not a result.json written by carepath simulate --out (it has no schema version)")
        }
        guard schema == currentSchema, case .failure(let error) = decoded else {
            throw ResultReadError(path: path, field: "schema", reason: "schema \(schema)\(probe.carepath.map { " (written by CarePath \($0))" } ?? ""); this CarePath reads schema \(currentSchema)")
        }
        throw ResultFileReader.error(error, path: path, what: what)
    }

    /// Checks that every number a reader draws or prints is in range: utilisation in
    /// ``LoadSummary/utilisationRange``, flows in ``LoadSummary/flowRange``, and waits, arrivals,
    /// patients, days and counts finite and not negative. A document `carepath simulate` wrote always
    /// passes; an edited one may not.
    /// - Throws: ``ValueRangeError`` naming the first field out of range (`stations[3].utilisation.mean`).
    public func validate() throws(ValueRangeError) {
        let share = LoadSummary.utilisationRange, amount = ValueRangeError.nonNegative
        func check(_ estimate: Estimate, _ range: ClosedRange<Double>, _ field: @autoclosure () -> String, _ what: String) throws(ValueRangeError) {
            try ValueRangeError.check(estimate.mean, range, field() + ".mean", what)
            try ValueRangeError.check(estimate.ci95, amount, field() + ".ci95", "the half-width of an interval")
        }
        func check(_ values: [Double], _ range: ClosedRange<Double>, _ field: @autoclosure () -> String, _ what: String) throws(ValueRangeError) {
            for (index, value) in values.enumerated() { try ValueRangeError.check(value, range, field() + "[\(index)]", what) }
        }
        func count(_ value: Int, _ field: @autoclosure () -> String) throws(ValueRangeError) {
            guard value < 0 else { return }
            throw ValueRangeError(field: field(), value: Double(value), range: amount, meaning: "a count")
        }
        try ValueRangeError.check(configuration.days, amount, "configuration.days", "a number of days")
        try ValueRangeError.check(configuration.warmupDays, amount, "configuration.warmupDays", "a number of days")
        try count(configuration.replications, "configuration.replications")
        for (name, value) in [("arrived", accounting.arrived), ("completed", accounting.completed), ("inSystem", accounting.inSystem),
                              ("notCovered", accounting.notCovered), ("unavailable", accounting.unavailable), ("turnedAway", accounting.turnedAway)] {
            try count(value, "accounting." + name)
        }
        try count(stationVisits, "stationVisits")
        try count(events, "events")
        for (index, day) in daily.inSystemAtEndOfDay.enumerated() {
            try check(day, amount, "daily.inSystemAtEndOfDay[\(index)]", "a number of patients")
        }
        let warmUp = daily.warmUpCheck
        try ValueRangeError.check(warmUp.atEndOfWarmUp, amount, "daily.warmUpCheck.atEndOfWarmUp", "a number of patients")
        try ValueRangeError.check(warmUp.measuredMean, amount, "daily.warmUpCheck.measuredMean", "a number of patients")
        try check(warmUp.quarterMeans, amount, "daily.warmUpCheck.quarterMeans", "a number of patients")
        for (index, facility) in facilities.enumerated() {
            try ValueRangeError.check(facility.busiestUtilisation, share, "facilities[\(index)].busiestUtilisation", "a utilisation")
            try ValueRangeError.check(facility.arrivals, amount, "facilities[\(index)].arrivals", "a number of patients")
        }
        for (index, station) in stations.enumerated() {
            let field = "stations[\(index)]"
            try count(station.servers, field + ".servers")
            try count(station.maxQueue, field + ".maxQueue")
            try check(station.arrivals, amount, field + ".arrivals", "a number of patients")
            try check(station.served, amount, field + ".served", "a number of patients")
            try check(station.turnedAway, amount, field + ".turnedAway", "a number of patients")
            try check(station.utilisation, share, field + ".utilisation", "a utilisation")
            try check(station.meanWaitMinutes, amount, field + ".meanWaitMinutes", "a wait in minutes")
            try ValueRangeError.check(station.waitMinutesP50, amount, field + ".waitMinutesP50", "a wait in minutes")
            try ValueRangeError.check(station.waitMinutesP90, amount, field + ".waitMinutesP90", "a wait in minutes")
            try ValueRangeError.check(station.waitMinutesP99, amount, field + ".waitMinutesP99", "a wait in minutes")
            try check(station.perReplication.utilisation, share, field + ".perReplication.utilisation", "a utilisation")
            try check(station.perReplication.meanWaitMinutes, amount, field + ".perReplication.meanWaitMinutes", "a wait in minutes")
        }
        for (index, link) in links.enumerated() {
            try check(link.flow, amount, "links[\(index)].flow", "a number of patients")
        }
        for (index, rejection) in rejected.enumerated() {
            try ValueRangeError.check(rejection.patients, amount, "rejected[\(index)].patients", "a number of patients")
        }
        try count(pathways.routes, "pathways.routes")
        do { try load.validate() } catch {
            throw ValueRangeError(field: "load." + error.field, value: error.value, range: error.range, meaning: error.meaning)
        }
    }
}

/// A number outside the range its reader accepts: the field it is in, its value, the range, and
/// what the number is. Every number JSON can hold is either in range or named by one of these, so
/// no reader draws or prints a value it cannot handle.
public struct ValueRangeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The field, as a path into the JSON: `utilisation.chu-atlas`, `flows[3].patients`.
    public var field: String
    /// The value found.
    public var value: Double
    /// The values accepted.
    public var range: ClosedRange<Double>
    /// What the number is, in words (`a utilisation`, `a flow in patients/day`).
    public var meaning: String

    public init(field: String, value: Double, range: ClosedRange<Double>, meaning: String) {
        self.field = field
        self.value = value
        self.range = range
        self.meaning = meaning
    }

    /// Any finite number that is not negative.
    public static let nonNegative: ClosedRange<Double> = 0...Double.greatestFiniteMagnitude

    /// Why the value is refused, in words: `-5 is out of range: a flow in patients/day is from 0 to 1,000,000,000`.
    public var reason: String {
        let bounds = range.upperBound == .greatestFiniteMagnitude
            ? "is 0 or more" : "is from \(Self.bound(range.lowerBound)) to \(Self.bound(range.upperBound))"
        let overloaded = range == LoadSummary.utilisationRange ? " (1 is saturated, above 1 overloaded)" : ""
        return "\(NumberFormat.significant(value)) is out of range: \(meaning) \(bounds)\(overloaded)"
    }

    public var description: String { "field '\(field)': \(reason)" }

    private static func bound(_ value: Double) -> String {
        value.magnitude < 1e15 && value == value.rounded() ? NumberFormat.grouped(Int(value)) : NumberFormat.significant(value)
    }

    /// Throws unless `value` is in `range` (a range of finite numbers: infinity and NaN are never in it).
    static func check(_ value: Double, _ range: ClosedRange<Double>, _ field: @autoclosure () -> String, _ meaning: @autoclosure () -> String) throws(ValueRangeError) {
        guard !range.contains(value) else { return }
        throw ValueRangeError(field: field(), value: value, range: range, meaning: meaning())
    }

    /// `prefix.key`, or `prefix["key"]` when the key is not a plain id (empty, or with spaces, quotes,
    /// control characters...), so that the field stays one readable line.
    public static func member(_ prefix: String, _ key: String) -> String {
        let plain = !key.isEmpty && key.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)) }
        return plain ? prefix + "." + key : prefix + "[" + JSONValue.quoted(key) + "]"
    }
}

/// What a reader looks at first in a JSON file: its schema, the version that wrote it, and whether
/// it has stations (a result of a CarePath that did not record its schema).
private struct Probe: Decodable {
    var schema: Int?
    var carepath: String?
    var hasStations: Bool

    enum CodingKeys: String, CodingKey { case schema, carepath, stations }

    /// Any JSON value, read and dropped.
    struct Anything: Decodable { init(from decoder: any Decoder) throws {} }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        schema = try? container.decodeIfPresent(Int.self, forKey: .schema)
        carepath = try? container.decodeIfPresent(String.self, forKey: .carepath)
        hasStations = (try? container.decode([Anything].self, forKey: .stations)) != nil
        if schema == nil, container.contains(.schema) {
            throw DecodingError.typeMismatch(Int.self, .init(codingPath: [CodingKeys.schema], debugDescription: "schema"))
        }
    }
}

extension LoadSummary {
    /// Reads a load file (`carepath render load --input`): the `load` object of a result, or a hand-made one.
    public static func read(path: String) throws(ResultReadError) -> LoadSummary {
        let data = try ResultFileReader.contents(of: path, expecting: "load file", hint: nil)
        let load: LoadSummary
        do { load = try JSONDecoder().decode(LoadSummary.self, from: data) } catch {
            throw ResultFileReader.error(error, path: path, what: "a load file (utilisation per facility id, flows between facility ids)")
        }
        do { try load.validate() } catch { throw ResultReadError(path: path, field: error.field, reason: error.reason) }
        return load
    }

    /// Checks that every utilisation is in ``utilisationRange`` and every flow in ``flowRange``,
    /// facilities in the order of their keys, then flows in order.
    /// - Throws: ``ValueRangeError`` naming the first field out of range (`utilisation.chu-atlas`,
    ///   `flows[3].patients`).
    public func validate() throws(ValueRangeError) {
        for key in utilisation.keys.sorted() {
            try ValueRangeError.check(utilisation[key]!, Self.utilisationRange, ValueRangeError.member("utilisation", key), "a utilisation")
        }
        // The unit is the file's own text: named when it is a short plain line.
        let plainUnit = !unit.isEmpty && unit.count <= 40 && !unit.unicodeScalars.contains { $0.properties.generalCategory == .control }
        let meaning = plainUnit ? "a flow in \(unit)" : "a flow"
        for (index, flow) in flows.enumerated() {
            try ValueRangeError.check(flow.patients, Self.flowRange, "flows[\(index)].patients", meaning)
        }
    }
}

/// Reading a JSON file of CarePath's, with errors that name the file and the field.
enum ResultFileReader {
    static func contents(of path: String, expecting what: String, hint: String?) throws(ResultReadError) -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ResultReadError(path: path, reason: "no such file" + (hint.map { " (\($0))" } ?? ""))
        }
        guard !isDirectory.boolValue else {
            throw ResultReadError(path: path, reason: "it is a directory" + (what == "result.json" ? ": give its result.json ('\(path)/result.json')" : ""))
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw ResultReadError(path: path, reason: "it cannot be read") }
        return data
    }

    /// A decoding error as the field it concerns and a reason in words.
    static func error(_ error: any Error, path: String, what: String) -> ResultReadError {
        guard let error = error as? DecodingError else { return ResultReadError(path: path, reason: "not \(what)") }
        func field(_ codingPath: [any CodingKey], _ last: (any CodingKey)? = nil) -> String? {
            var text = ""
            for key in codingPath + (last.map { [$0] } ?? []) {
                if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
            }
            return text.isEmpty ? nil : text
        }
        switch error {
        case .typeMismatch(let type, let context):
            guard let field = field(context.codingPath) else { return ResultReadError(path: path, reason: "not \(what)") }
            return ResultReadError(path: path, field: field, reason: "expected \(describe(type))")
        case .valueNotFound(let type, let context):
            return ResultReadError(path: path, field: field(context.codingPath), reason: "expected \(describe(type)), found null")
        case .keyNotFound(let key, let context):
            return ResultReadError(path: path, field: field(context.codingPath, key), reason: "missing (the file is not \(what), or was edited)")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                return ResultReadError(path: path, reason: "not valid JSON (truncated or edited?): not \(what)")
            }
            return ResultReadError(path: path, field: field(context.codingPath), reason: "invalid value (\(context.debugDescription))")
        @unknown default:
            return ResultReadError(path: path, reason: "not \(what)")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Double.Type, is Int.Type: "a number"
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is [Any].Type: "an array"
        default: String(describing: type).hasPrefix("Array") ? "an array" : "an object"
        }
    }
}
