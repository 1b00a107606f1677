import CarePathTestSupport
import Foundation
import Testing
@testable import CareNetwork
@testable import LoadSimulation

/// A YAML document as JSON Schema sees it: the value types a YAML language server infers (an
/// unquoted `12` is a number, `true` a boolean, a quoted `"12"` text).
indirect enum SchemaInstance: Sendable {
    case object([(String, SchemaInstance)]), array([SchemaInstance]), string(String), number(Double), bool(Bool), null

    init(_ value: SourceValue) {
        switch value.kind {
        case .null: self = .null
        case .sequence(let items): self = .array(items.map(SchemaInstance.init))
        case .mapping(let entries): self = .object(entries.map { ($0.key, SchemaInstance($0.value)) })
        case .scalar(let text, let quoted):
            if quoted { self = .string(text) } else if text == "true" { self = .bool(true) } else if text == "false" { self = .bool(false) }
            else if let number = DocumentReader.number(text) { self = .number(number) } else { self = .string(text) }
        }
    }

    var types: Set<String> {
        switch self {
        case .object: ["object"]
        case .array: ["array"]
        case .string: ["string"]
        case .number(let value): value.rounded() == value ? ["number", "integer"] : ["number"]
        case .bool: ["boolean"]
        case .null: ["null"]
        }
    }
}

/// The subset of JSON Schema 2020-12 that Docs/schema/*.schema.json use: `$ref` to `#/$defs/...`,
/// `type`, `const`, `enum`, `properties`, `required`, `additionalProperties`, `propertyNames`,
/// `minProperties`, `items`, `anyOf`, `pattern`, `minimum`, `maximum`. Any other keyword is an error
/// of the schema, so the schema cannot rely on one this checker ignores.
struct SchemaChecker: @unchecked Sendable {  // immutable once read: the parsed schema is never changed
    let root: [String: Any]
    static let annotations: Set = ["$schema", "$id", "title", "description", "$defs"]
    static let keywords: Set = ["$ref", "type", "const", "enum", "properties", "required", "additionalProperties", "propertyNames",
                                "minProperties", "items", "anyOf", "pattern", "minimum", "maximum"]

    init(path: String) throws {
        root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
    }

    /// Every violation of `schema` by `value`, as `path: what`.
    func errors(_ value: SchemaInstance, _ schema: [String: Any]? = nil, at path: String = "") -> [String] {
        let schema = schema ?? root
        var errors: [String] = []
        for key in schema.keys where !Self.annotations.contains(key) && !Self.keywords.contains(key) {
            errors.append("\(path): the checker does not know the keyword '\(key)'")
        }
        if let ref = schema["$ref"] as? String {
            guard ref.hasPrefix("#/$defs/"), let target = (root["$defs"] as? [String: Any])?[String(ref.dropFirst(8))] as? [String: Any] else {
                return errors + ["\(path): unresolved $ref \(ref)"]
            }
            errors += self.errors(value, target, at: path)
        }
        if let type = schema["type"] {
            let allowed = Set((type as? [String]) ?? [type as? String ?? ""])
            if allowed.isDisjoint(with: value.types) { return errors + ["\(path): \(value.types.sorted()) is not \(allowed.sorted())"] }
        }
        if let constant = schema["const"] as? String, case .string(let text) = value, text != constant { errors.append("\(path): not \(constant)") }
        if let options = schema["enum"] as? [String] {
            if case .string(let text) = value, options.contains(text) {} else { errors.append("\(path): not one of \(options)") }
        }
        if let pattern = schema["pattern"] as? String, case .string(let text) = value, text.range(of: pattern, options: .regularExpression) == nil {
            errors.append("\(path): '\(text)' does not match \(pattern)")
        }
        if case .number(let number) = value {
            if let minimum = schema["minimum"] as? Double, number < minimum { errors.append("\(path): below \(minimum)") }
            if let maximum = schema["maximum"] as? Double, number > maximum { errors.append("\(path): above \(maximum)") }
        }
        if let alternatives = schema["anyOf"] as? [[String: Any]] {
            if !alternatives.contains(where: { self.errors(value, $0, at: path).isEmpty }) { errors.append("\(path): matches no alternative") }
        }
        if case .object(let entries) = value {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            let keys = Set(entries.map(\.0))
            for key in schema["required"] as? [String] ?? [] where !keys.contains(key) { errors.append("\(path): no '\(key)'") }
            if let minimum = schema["minProperties"] as? Int, entries.count < minimum { errors.append("\(path): fewer than \(minimum) keys") }
            for (key, child) in entries {
                if let names = schema["propertyNames"] as? [String: Any] { errors += self.errors(.string(key), names, at: path + "/" + key + " (key)") }
                if let property = properties[key] as? [String: Any] {
                    errors += self.errors(child, property, at: path + "/" + key)
                } else if let additional = schema["additionalProperties"] as? [String: Any] {
                    errors += self.errors(child, additional, at: path + "/" + key)
                } else if schema["additionalProperties"] as? Bool == false {
                    errors.append("\(path): unknown key '\(key)'")
                }
            }
        }
        if case .array(let items) = value, let item = schema["items"] as? [String: Any] {
            for (index, child) in items.enumerated() { errors += self.errors(child, item, at: "\(path)/\(index)") }
        }
        return errors
    }
}

/// Docs/schema/carepath-network.schema.json and carepath-scenario.schema.json, for editors with a YAML
/// language server: what they can express (keys, types, words, required keys) agrees with
/// `carepath validate` on every bundled network, scenario and invalid example.
@Suite("JSON Schemas of the formats")
struct SchemaTests {
    static let root = ScenarioTests.root
    static let network = try! SchemaChecker(path: root.appendingPathComponent("Docs/schema/carepath-network.schema.json").path)
    static let scenario = try! SchemaChecker(path: root.appendingPathComponent("Docs/schema/carepath-scenario.schema.json").path)
    /// The codes a schema can express.
    static let structural: Set = ["unknown-key", "missing-key", "wrong-type", "invalid-value"]

    static func yaml(in directory: String) -> [String] {
        let path = root.appendingPathComponent(directory).path
        return ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted().map { path + "/" + $0 }
    }

    static func instance(_ path: String) throws -> SchemaInstance? {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        guard case .success(let value) = SourceParser.parse(data: data, file: path) else { return nil }
        return SchemaInstance(value)
    }

    /// What the schema says of an example, against what `validate` says (its `# expect:` lines).
    static func agree(_ path: String, _ checker: SchemaChecker) throws {
        let expected = ExpectedDiagnostic.stated(in: try String(contentsOfFile: path, encoding: .utf8)).filter { $0.severity == "error" }
        guard let instance = try instance(path) else {
            #expect(expected.contains { $0.code == "yaml-syntax" || $0.code == "duplicate-key" }, "\(path) does not parse")
            return
        }
        let errors = checker.errors(instance)
        if expected.isEmpty {
            #expect(errors.isEmpty, "\(path) is valid but the schema says \(errors)")
        } else if expected.allSatisfy({ Self.structural.contains($0.code) }) {
            #expect(!errors.isEmpty, "\(path) gives \(expected.map(\.code)) but the schema accepts it")
        }
    }

    @Test("every bundled network and every network shown in the docs validates against the network schema")
    func networks() throws {
        for path in Self.yaml(in: "Networks") {
            let errors = Self.network.errors(try #require(try Self.instance(path)))
            #expect(errors.isEmpty, "\(path): \(errors.prefix(5))")
        }
    }

    @Test("every bundled scenario validates against the scenario schema")
    func scenarios() throws {
        for path in Self.yaml(in: "Networks/scenarios") {
            let errors = Self.scenario.errors(try #require(try Self.instance(path)))
            #expect(errors.isEmpty, "\(path): \(errors.prefix(5))")
        }
    }

    @Test("an invalid example whose errors are all structural (unknown-key, missing-key, wrong-type, invalid-value) fails its schema; a valid one passes",
          arguments: yaml(in: "Networks/examples/invalid").map { ($0, false) } + yaml(in: "Networks/scenarios/invalid").map { ($0, true) })
    func examples(path: String, isScenario: Bool) throws {
        try Self.agree(path, isScenario ? Self.scenario : Self.network)
    }

    @Test("the structural examples are there, and each fails its schema at the key its diagnostic points at")
    func structuralExamples() throws {
        var count = 0
        for (directory, checker) in [("Networks/examples/invalid", Self.network), ("Networks/scenarios/invalid", Self.scenario)] {
            for path in Self.yaml(in: directory) {
                let expected = ExpectedDiagnostic.stated(in: try String(contentsOfFile: path, encoding: .utf8)).filter { $0.severity == "error" }
                guard !expected.isEmpty, expected.allSatisfy({ Self.structural.contains($0.code) }), let instance = try Self.instance(path) else { continue }
                count += 1
                #expect(!checker.errors(instance).isEmpty, "\(path)")
            }
        }
        #expect(count >= 6, "unknown-key, wrong-type and invalid-value of both kinds, missing-key of a scenario")
    }

    @Test("the schemas have the formats' keys: the top level, facilities, services, demand, calendar, a scenario's entries")
    func keys() throws {
        func properties(_ schema: [String: Any]?) -> Set<String> { Set((schema?["properties"] as? [String: Any] ?? [:]).keys) }
        let network = Self.network.root, defs = network["$defs"] as? [String: Any]
        #expect(properties(network) == Set(NetworkDecoder.topKeys))
        #expect(properties(defs?["facility"] as? [String: Any]) == Set(NetworkDecoder.facilityKeys))
        #expect(properties(defs?["offer"] as? [String: Any]) == Set(NetworkDecoder.offerKeys))
        #expect(properties(defs?["demand"] as? [String: Any]) == Set(NetworkDecoder.demandKeys))
        #expect(properties(defs?["calendar"] as? [String: Any]) == Set(NetworkDecoder.calendarKeys))
        #expect(properties(defs?["arrivalProfile"] as? [String: Any]) == Set(NetworkDecoder.profileKeys))
        let scenario = Self.scenario.root, top = scenario["properties"] as? [String: Any]
        #expect(properties(scenario) == Set(ScenarioDecoder.topKeys))
        func entry(_ key: String) -> [String: Any]? { (top?[key] as? [String: Any])?["items"] as? [String: Any] }
        #expect(properties(entry("chu")) == Set(ScenarioDecoder.chuKeys))
        #expect(properties(entry("servers")) == Set(ScenarioDecoder.capacityKeys))
        #expect(properties(entry("demand")) == Set(ScenarioDecoder.demandKeys))
        #expect(properties(entry("queue-limit")) == Set(ScenarioDecoder.queueLimitKeys))
        #expect(properties(entry("hours")) == Set(ScenarioDecoder.hoursKeys))
        #expect(properties(entry("arrival-profile")) == Set(ScenarioDecoder.profileChangeKeys))
    }

    @Test("the checker rejects what the schema forbids: an unknown key, a missing key, a wrong type, a word not allowed")
    func checker() throws {
        func errors(_ yaml: String) throws -> [String] {
            guard case .success(let value) = SourceParser.parse(data: Data(yaml.utf8), file: "t.yaml") else { Issue.record("no parse"); return [] }
            return Self.scenario.errors(SchemaInstance(value))
        }
        #expect(try errors("schema: carepath-scenario/1\nclose: [a]\n").isEmpty)
        #expect(try errors("schema: carepath-scenario/1\nclos: [a]\n") == [": unknown key 'clos'"])
        #expect(try errors("close: [a]\n") == [": no 'schema'"])
        #expect(try errors("schema: carepath-scenario/1\nqueue-limit: [{tier: no, limit: 5}]\n") == ["/queue-limit/0/tier: not one of [\"health-centre\", \"local-hospital\", \"provincial-hospital\", \"specialised-hospital\", \"regional-hospital\", \"university-hospital\"]"])
        #expect(try errors("schema: carepath-scenario/1\nqueue-limit: [{tier: no, limit: \"5\"}]\n").count == 2)
        #expect(try errors("schema: carepath-network/1\n") == ["/schema: not carepath-scenario/1"])
    }
}
