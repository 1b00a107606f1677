import CarePathSupport
import Foundation

/// Reads typed fields out of ``SourceValue`` mappings and records a diagnostic for every problem
/// (unknown key, missing key, wrong type, invalid or out-of-range value) instead of stopping.
package struct DocumentReader: DiagnosticRecorder {
    /// Every problem found so far, in the order found.
    package var diagnostics: [Diagnostic] = []

    package init() {}

    /// The entries of a mapping, checking each key against `allowed` (unknown keys are reported with a
    /// did-you-mean hint) and that every key of `required` is present. Nil when `value` is no mapping.
    package mutating func mapping(
        _ value: SourceValue, what: String, allowed: [String], required: [String] = []
    ) -> Fields? {
        guard case .mapping(let entries) = value.kind else {
            error(.wrongType, "\(what) must be a mapping, found \(value.kindName)", at: value.location)
            return nil
        }
        var fields = Fields(location: value.location)
        for entry in entries {
            if allowed.contains(entry.key) {
                fields.values[entry.key] = entry.value
                fields.keyLocations[entry.key] = entry.keyLocation
            } else {
                let nearest = Suggestion.nearest(to: entry.key, in: allowed)
                if let nearest { fields.misspelt.insert(nearest) }
                error(.unknownKey, "unknown key '\(entry.key)' in \(what)", at: entry.keyLocation,
                      hint: nearest.map { "did you mean '\($0)'?" } ?? "allowed keys: \(allowed.joined(separator: ", "))")
            }
        }
        // A key reported as misspelt is not reported missing as well: one typo, one diagnostic.
        for key in required where fields.values[key] == nil && !fields.misspelt.contains(key) {
            error(.missingKey, "\(what) has no '\(key)'", at: value.location)
        }
        return fields
    }

    /// The items of a list; nil (with a diagnostic) when `value` is not a list. A missing list is empty.
    package mutating func list(_ value: SourceValue?, what: String) -> [SourceValue] {
        guard let value else { return [] }
        switch value.kind {
        case .sequence(let items): return items
        case .null: return []
        default:
            error(.wrongType, "\(what) must be a list, found \(value.kindName)", at: value.location)
            return []
        }
    }

    /// A scalar as text (nil when absent; a diagnostic when not a scalar).
    package mutating func string(_ value: SourceValue?, what: String) -> String? {
        guard let value else { return nil }
        guard case .scalar(let text, _) = value.kind else {
            error(.wrongType, "\(what) must be text, found \(value.kindName)", at: value.location)
            return nil
        }
        return text
    }

    /// An id: lowercase kebab-case.
    package mutating func id(_ value: SourceValue?, what: String) -> String? {
        guard let value, let text = string(value, what: what) else { return nil }
        if !DocumentReader.isKebabCase(text) {
            error(.invalidID, "\(what) '\(text)' is not a lowercase kebab-case id", at: value.location,
                  hint: "use a-z, 0-9 and single '-' between them, for example '\(DocumentReader.kebabCased(text))'")
        }
        return text
    }

    /// A number, optionally within `range` (`rangeText` says it in words, `hint` says what the value
    /// means). A literal too large for a `Double` (`1e400`) is out of range, not text.
    package mutating func double(
        _ value: SourceValue?, what: String, range: ClosedRange<Double>? = nil, rangeText: String? = nil, hint: String? = nil
    ) -> Double? {
        guard let value else { return nil }
        guard case .scalar(let text, let quoted) = value.kind, !quoted, let number = DocumentReader.number(text) else {
            if case .scalar(let text, false) = value.kind, DocumentReader.isOverflowingNumber(text) {
                error(.outOfRange, "\(what) is \(DocumentReader.shown(text)), too large for any number; it must be \(rangeText ?? range.map(NetworkRanges.text) ?? "a finite number")",
                      at: value.location, hint: hint)
                return nil
            }
            error(.wrongType, "\(what) must be a number, found \(value.kindName)", at: value.location)
            return nil
        }
        if let range, !range.contains(number) {
            error(.outOfRange, "\(what) is \(DocumentReader.shown(text)); it must be \(rangeText ?? NetworkRanges.text(range))", at: value.location, hint: hint)
            return nil
        }
        return number
    }

    /// A whole number of at least `minimum` and below 10^15 (the scenario loader's `add:`; network
    /// files use ``integer(_:what:range:hint:)``).
    package mutating func integer(_ value: SourceValue?, what: String, minimum: Int) -> Int? {
        guard let value else { return nil }
        guard case .scalar(let text, let quoted) = value.kind, !quoted, let number = DocumentReader.number(text) else {
            error(.wrongType, "\(what) must be a whole number, found \(value.kindName)", at: value.location)
            return nil
        }
        guard number.rounded() == number, abs(number) < 1e15 else {
            error(.wrongType, "\(what) must be a whole number, found \(DocumentReader.shown(text))", at: value.location)
            return nil
        }
        if Int(number) < minimum {
            error(.outOfRange, "\(what) is \(DocumentReader.shown(text)); it must be at least \(minimum)", at: value.location)
            return nil
        }
        return Int(number)
    }

    /// A whole number within `range` (an out-of-range diagnostic names it, `hint` says what it means).
    /// Compared as a `Double` before any conversion, so that no value of the file can trap.
    package mutating func integer(_ value: SourceValue?, what: String, range: ClosedRange<Int>, hint: String? = nil) -> Int? {
        guard let value else { return nil }
        let outOfRange = "\(what) is \(value.scalarText.map(DocumentReader.shown) ?? ""); it must be \(NetworkRanges.text(range))"
        guard case .scalar(let text, let quoted) = value.kind, !quoted, let number = DocumentReader.number(text) else {
            if case .scalar(let text, false) = value.kind, DocumentReader.isOverflowingNumber(text) {
                error(.outOfRange, outOfRange, at: value.location, hint: hint)
                return nil
            }
            error(.wrongType, "\(what) must be a whole number, found \(value.kindName)", at: value.location)
            return nil
        }
        guard number.rounded() == number else {
            error(.wrongType, "\(what) must be a whole number, found \(DocumentReader.shown(text))", at: value.location)
            return nil
        }
        guard number >= Double(range.lowerBound), number <= Double(range.upperBound) else {
            error(.outOfRange, outOfRange, at: value.location, hint: hint)
            return nil
        }
        return Int(number)
    }

    /// `true` or `false` only: YAML 1.1's `yes`/`no`/`on`/`off` are refused.
    package mutating func bool(_ value: SourceValue?, what: String) -> Bool? {
        guard let value else { return nil }
        if case .scalar(let text, false) = value.kind {
            if text == "true" { return true }
            if text == "false" { return false }
        }
        error(.wrongType, "\(what) must be true or false, found \(value.kindName)", at: value.location,
              hint: "only 'true' and 'false' are booleans in network files")
        return nil
    }

    /// One of a fixed set of words (tier, sector, distribution...), with a did-you-mean hint.
    package mutating func choice<T>(_ value: SourceValue?, what: String, options: [(String, T)]) -> T? {
        guard let value, let text = string(value, what: what) else { return nil }
        if let match = options.first(where: { $0.0 == text }) { return match.1 }
        let names = options.map(\.0)
        error(.invalidValue, "\(what) '\(text)' is not one of \(names.joined(separator: ", "))", at: value.location,
              hint: Suggestion.hint(for: text, in: names))
        return nil
    }

    /// A `{fr, ar}` name (`en` optional).
    package mutating func name(_ value: SourceValue?, what: String) -> LocalizedName? {
        guard let value, let fields = mapping(value, what: "\(what) name", allowed: ["fr", "ar", "en"], required: ["fr", "ar"]) else { return nil }
        guard let fr = string(fields["fr"], what: "French name"), let ar = string(fields["ar"], what: "Arabic name") else { return nil }
        return LocalizedName(fr: fr, ar: ar, en: string(fields["en"], what: "English name"))
    }

    /// A `{lat, lon}` location.
    package mutating func point(_ value: SourceValue?, what: String) -> GeoPoint? {
        guard let value, let fields = mapping(value, what: what, allowed: ["lat", "lon"], required: ["lat", "lon"]) else { return nil }
        let lat = double(fields["lat"], what: "latitude", range: NetworkRanges.latitude)
        let lon = double(fields["lon"], what: "longitude", range: NetworkRanges.longitude)
        guard let lat, let lon else { return nil }
        return GeoPoint(latitude: lat, longitude: lon)
    }

    /// A number as the formats read one: no `_`, infinity, NaN or hexadecimal.
    package static func number(_ text: String) -> Double? {
        guard !text.isEmpty, !text.contains("_"), let value = Double(text), value.isFinite else { return nil }
        let lower = text.lowercased()
        if lower.contains("inf") || lower.contains("nan") || lower.hasPrefix("0x") { return nil }
        return value
    }

    /// Whether `text` is a decimal literal too large for a `Double` (`1e400`, 400 digits): a number
    /// out of every range, not text.
    static func isOverflowingNumber(_ text: String) -> Bool {
        guard !text.contains("_"), let value = Double(text), value.isInfinite else { return false }
        let lower = text.lowercased()
        return !lower.contains("inf") && !lower.contains("nan") && !lower.hasPrefix("0x") && !lower.hasPrefix("-0x") && !lower.hasPrefix("+0x")
    }

    /// A value as a message shows it: at most 40 characters.
    static func shown(_ text: String) -> String {
        text.count <= 40 ? text : String(text.prefix(40)) + "..."
    }

    /// Whether `text` is a lowercase kebab-case id.
    package static func isKebabCase(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.count <= 128, !text.hasPrefix("-"), !text.hasSuffix("-"), !text.contains("--") else { return false }
        return text.utf8.allSatisfy { (97...122).contains($0) || (48...57).contains($0) || $0 == 45 }
    }

    /// `text` folded into a kebab-case id, for hints.
    package static func kebabCased(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        let pieces = folded.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        return pieces.joined(separator: "-")
    }
}

/// The fields of one mapping, with the position of each key.
package struct Fields {
    package var location: SourceLocation
    package var values: [String: SourceValue] = [:]
    package var keyLocations: [String: SourceLocation] = [:]
    /// Keys that an unknown key was taken to be a misspelling of.
    package var misspelt: Set<String> = []

    package subscript(key: String) -> SourceValue? { values[key] }

    /// Marks: the mapping's own position and each value's position.
    package var marks: SourceMarks {
        SourceMarks(element: location, fields: values.mapValues(\.location))
    }
}
