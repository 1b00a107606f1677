import CareNetwork
import CarePathSupport

/// Numbers as a reader of the report's language writes them, with thousands separated.
///
/// French groups thousands with a narrow no-break space and writes a decimal comma
/// (`1 234 567`, `12,5`); Arabic, as Moroccan administrations print figures, in Western digits
/// with a comma between thousands and a decimal point (`1,234,567`, `12.5`). A number that is not
/// finite, or too large to print, is `?`.
public struct ReportNumbers: Sendable {
    public let language: Language

    public init(_ language: Language) { self.language = language }

    /// The thousands separator: a narrow no-break space in French, a comma otherwise.
    var groupSeparator: String { language == .fr ? "\u{202F}" : "," }
    var decimalSeparator: String { language == .fr ? "," : "." }

    /// A whole number, thousands grouped: `50 419 160` (French), `50,419,160` (Arabic).
    public func integer(_ value: Int) -> String {
        NumberFormat.grouped(value).replacingOccurrences(of: ",", with: groupSeparator)
    }

    /// A number with `digits` decimals, thousands grouped: `12 345,7` (French), `12,345.7` (Arabic).
    public func decimal(_ value: Double, digits: Int = 1) -> String {
        guard value.isFinite, abs(value) < 1e15 else { return "?" }
        let text = NumberFormat.fixed(value, digits: digits)
        let negative = text.hasPrefix("-")
        let body = negative ? String(text.dropFirst()) : text
        let parts = body.split(separator: ".", maxSplits: 1).map(String.init)
        var out = group(parts[0])
        if parts.count > 1 { out += decimalSeparator + parts[1] }
        // "-0,0" reads as a sign with no number behind it.
        let isZero = !out.contains { ("1"..."9").contains($0) }
        return (negative && !isZero ? "-" : "") + out
    }

    /// A signed change: `+1 234`, `-0,5`, `0`.
    public func signed(_ value: Double, digits: Int = 1) -> String {
        let text = decimal(value, digits: digits)
        return text.hasPrefix("-") || text == "?" || !text.contains(where: { ("1"..."9").contains($0) }) ? text : "+" + text
    }

    /// A share as a percentage with `digits` decimals and a no-break space before the sign: `87,3 %`.
    public func percent(_ share: Double, digits: Int = 1) -> String {
        let text = decimal(share * 100, digits: digits)
        return text == "?" ? text : text + "\u{00A0}%"
    }

    /// A duration given in minutes, in the unit that reads best: minutes below an hour, hours below
    /// a day, days beyond: `15,1 min`, `2,0 h`, `3,4 j`. In Arabic the figure and its unit are one
    /// right-to-left run (between U+2067 and U+2069), so that `a → b` of two durations keeps each
    /// unit beside its figure.
    public func duration(minutes: Double) -> String {
        let (value, unit): (Double, LocalizedName) = minutes >= 1440 ? (minutes / 1440, Words.dayUnit)
            : minutes >= 60 ? (minutes / 60, Words.hourUnit) : (minutes, Words.minuteUnit)
        let text = decimal(value, digits: 1) + "\u{00A0}" + unit.text(in: language)
        return language.isRightToLeft ? "\u{2067}" + text + "\u{2069}" : text
    }

    /// A duration in the unit of `reference` (so that a mean and its interval share one unit): `15,1 ± 3,2 min`.
    public func duration(minutes: Double, plusMinus interval: Double) -> String {
        let (scale, unit): (Double, LocalizedName) = minutes >= 1440 ? (1440, Words.dayUnit)
            : minutes >= 60 ? (60, Words.hourUnit) : (1, Words.minuteUnit)
        return plusMinus(decimal(minutes / scale), decimal(interval / scale)) + "\u{00A0}" + unit.text(in: language)
    }

    /// `text` kept left to right inside Arabic text (between U+2066 and U+2069), so that `a ± b` or
    /// `a → b` is not reordered by the bidirectional algorithm; French text as it is.
    public func isolated(_ text: String) -> String {
        language.isRightToLeft ? "\u{2066}" + text + "\u{2069}" : text
    }

    /// `mean ± interval`, left to right in every language.
    public func plusMinus(_ mean: String, _ interval: String) -> String { isolated(mean + " ± " + interval) }

    /// `before → after`, left to right in every language.
    public func arrow(_ before: String, _ after: String) -> String { isolated(before + " → " + after) }

    private func group(_ digits: String) -> String {
        var out = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { out += groupSeparator }
            out.append(character)
        }
        return out
    }
}
