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
            JSONValue.writeObject(members.keys.sorted().map { ($0, members[$0]!) }, into: &out, indent: indent) { value, out, depth in
                value.write(into: &out, indent: depth)
            }
        case .array(let items):
            JSONValue.writeArray(items, into: &out, indent: indent) { item, out, depth in item.write(into: &out, indent: depth) }
        case .string(let text): JSONValue.quote(text, into: &out)
        case .int(let value): out += String(value)
        case .double(let value): out += value.isFinite ? NumberFormat.significant(value) : "null"
        case .bool(let value): out += value ? "true" : "false"
        case .null: out += "null"
        }
    }

    /// Writes `{ "key": value, ... }` with one member a line, in the order given, each value by `write`
    /// at the next depth: the layout of every object CarePath writes.
    package static func writeObject<Value>(_ members: [(String, Value)], into out: inout String, indent: Int,
                                           write: (Value, inout String, Int) -> Void) {
        if members.isEmpty { out += "{}"; return }
        out += "{\n"
        let pad = JSONValue.pad(indent + 1)
        for (position, member) in members.enumerated() {
            out += pad
            JSONValue.quote(member.0, into: &out)
            out += ": "
            write(member.1, &out, indent + 1)
            out += position == members.count - 1 ? "\n" : ",\n"
        }
        out += JSONValue.pad(indent) + "}"
    }

    /// Writes `[ item, ... ]` with one item a line, each by `write` at the next depth.
    package static func writeArray<Item>(_ items: [Item], into out: inout String, indent: Int, write: (Item, inout String, Int) -> Void) {
        if items.isEmpty { out += "[]"; return }
        out += "[\n"
        let pad = JSONValue.pad(indent + 1)
        for (position, item) in items.enumerated() {
            out += pad
            write(item, &out, indent + 1)
            out += position == items.count - 1 ? "\n" : ",\n"
        }
        out += JSONValue.pad(indent) + "]"
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
