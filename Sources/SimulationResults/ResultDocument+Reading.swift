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
        // The schema first, so a file of another layout is named as such rather than by its first odd field.
        let probe: Probe
        do { probe = try JSONDecoder().decode(Probe.self, from: data) } catch {
            throw ResultFileReader.error(error, path: path, what: "a result.json written by carepath simulate --out")
        }
        guard let schema = probe.schema else {
            let writer = probe.carepath.map { "CarePath \($0)" } ?? (probe.hasStations ? "a CarePath before 0.3.0" : nil)
            throw ResultReadError(path: path, field: "schema", reason: writer.map { "written by \($0), which did not record a schema version: run carepath simulate again to get a result this CarePath reads" }
                ?? "not a result.json written by carepath simulate --out (it has no schema version)")
        }
        guard schema == currentSchema else {
            throw ResultReadError(path: path, field: "schema", reason: "schema \(schema)\(probe.carepath.map { " (written by CarePath \($0))" } ?? ""); this CarePath reads schema \(currentSchema)")
        }
        do { return try JSONDecoder().decode(ResultDocument.self, from: data) } catch {
            throw ResultFileReader.error(error, path: path, what: "a result.json written by carepath simulate --out")
        }
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
        do { return try JSONDecoder().decode(LoadSummary.self, from: data) } catch {
            throw ResultFileReader.error(error, path: path, what: "a load file (utilisation per facility id, flows between facility ids)")
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
        default: String(describing: type).hasPrefix("Array") ? "an array" : (String(describing: type).hasPrefix("Dictionary") ? "an object" : "an object")
        }
    }
}
