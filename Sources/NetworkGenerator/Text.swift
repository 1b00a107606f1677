import Foundation

/// The text conventions of the generated file: ids, numbers, YAML scalars.
enum Text {
    /// ASCII kebab-case: accents transliterated (canonical decomposition, marks dropped), apostrophes
    /// dropped, every other run of non-alphanumerics a single `-`.
    static func slug(_ text: String) -> String {
        var out = ""
        var pendingDash = false
        for scalar in text.decomposedStringWithCompatibilityMapping.unicodeScalars {
            guard scalar.isASCII else { continue }
            if scalar == "'" { continue }
            let c = Character(scalar).lowercased()
            if let ch = c.first, ch.isLetter || ch.isNumber {
                if pendingDash && !out.isEmpty { out.append("-") }
                pendingDash = false
                out.append(ch)
            } else {
                pendingDash = true
            }
        }
        return out
    }

    /// An Arabic place name after a facility's name: the preposition ب joined to it, as the named
    /// hospitals write it (`فاس` -> `بفاس`, `الحسيمة` -> `بالحسيمة`), with runs of spaces made one and the
    /// ends trimmed (the tables have one name with a double space).
    static func arabicIn(_ place: String) -> String { "ب" + collapsed(place) }

    /// `text` with its ends trimmed and every run of spaces made one.
    static func collapsed(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }

    /// A coordinate with at most four decimals, trailing zeros dropped (`35.7`, `-8`).
    static func coordinate(_ value: Double) -> String {
        var text = String(format: "%.4f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        if text == "-0" { text = "0" }
        return text
    }

    /// A number as Python's repr would print it for the values of the tables (`0.6999`, `2148`).
    static func decimal(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }

    /// An integer with thousands separators: `36,828,330`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }

    /// A YAML flow scalar: plain unless it holds a character that flow YAML would read otherwise,
    /// then double-quoted with `"` and `\` escaped.
    static func scalar(_ text: String) -> String {
        let special: Set<Character> = ["'", "\"", ":", ",", "#", "[", "]", "{", "}"]
        guard text.contains(where: { special.contains($0) }) || text.isEmpty else { return text }
        return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// Round half to even, as the calibration of the original tables did (`28554.5` -> `28554`).
    static func roundEven(_ value: Double) -> Int { Int(value.rounded(.toNearestOrEven)) }
}
