import Foundation

/// A JSON value rendered deterministically: keys sorted, fixed number formatting, two-space indent.
package indirect enum JSONValue: Sendable {
    case object([String: JSONValue])
    case array([JSONValue])
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null

    package func rendered() -> String {
        var out = ""
        write(into: &out, indent: 0)
        return out
    }

    /// Indentation strings by depth, so that writing a value allocates none.
    private static let pads = (0...32).map { String(repeating: "  ", count: $0) }

    package static func pad(_ depth: Int) -> String { depth < pads.count ? pads[depth] : String(repeating: "  ", count: depth) }

    /// Appends the value's text at nesting depth `indent`.
    package func write(into out: inout String, indent: Int) {
        switch self {
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{\n"
            let pad = JSONValue.pad(indent + 1)
            for (position, key) in members.keys.sorted().enumerated() {
                out += pad
                JSONValue.quote(key, into: &out)
                out += ": "
                members[key]!.write(into: &out, indent: indent + 1)
                out += position == members.count - 1 ? "\n" : ",\n"
            }
            out += JSONValue.pad(indent) + "}"
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "[\n"
            let pad = JSONValue.pad(indent + 1)
            for (position, item) in items.enumerated() {
                out += pad
                item.write(into: &out, indent: indent + 1)
                out += position == items.count - 1 ? "\n" : ",\n"
            }
            out += JSONValue.pad(indent) + "]"
        case .string(let text): JSONValue.quote(text, into: &out)
        case .int(let value): out += String(value)
        case .double(let value): out += value.isFinite ? NumberFormat.significant(value) : "null"
        case .bool(let value): out += value ? "true" : "false"
        case .null: out += "null"
        }
    }

    package static func quoted(_ text: String) -> String {
        var out = ""
        quote(text, into: &out)
        return out
    }

    /// Appends `text` as a JSON string literal; text with nothing to escape is appended whole.
    package static func quote(_ text: String, into out: inout String) {
        out += "\""
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out += text
            out += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
