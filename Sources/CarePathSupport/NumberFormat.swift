import CCarePathSystem
import Foundation

/// printf-style number formatting for the reports, through the C library's `snprintf`.
///
/// `String(format:)` goes through CoreFoundation's format parser and costs several microseconds a
/// call; result.json and the CSV tables of a national run hold millions of numbers, which made
/// writing them take longer than simulating. The C library gives the same bytes (CoreFoundation
/// hands floating-point conversions to it) in a fraction of the time. It is called through a C
/// function of one double (`csystem_format_double`), not Swift's `withVaList`, which boxes the
/// value as a `CVarArg` and casts it on every call: writing a national run's results (90 days, 4
/// replications) took 2.0-2.6 s that way. Formats are the C library's,
/// in the C locale (CarePath never calls `setlocale`), so the decimal separator is always `.`.
package enum NumberFormat {
    /// Six significant digits, `%.6g`: the reports' number format.
    package static func significant(_ value: Double) -> String {
        // Zero, the commonest number of the hourly tables (a closed hour's), without the C library:
        // 44% of a national hourly.csv's numbers. (-0 prints as "-0", as the C library prints it.)
        if value == 0, value.sign == .plus { return "0" }
        return format("%.6g", value)
    }

    /// `digits` digits after the decimal point, `%.Nf` (0 to 9 digits).
    package static func fixed(_ value: Double, digits: Int = 0) -> String {
        format(fixedFormats[max(0, min(digits, fixedFormats.count - 1))], value)
    }

    private static let fixedFormats = (0...9).map { "%.\($0)f" }

    /// `value` formatted by a C format that takes one double, such as `"%6.1f h"`.
    package static func format(_ format: String, _ value: Double) -> String {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 128) { buffer in
            let written = csystem_format_double(buffer.baseAddress, UInt(buffer.count), format, value)
            // %f of a huge double can exceed the buffer: fall back on the slow path for it.
            guard written >= 0, Int(written) < buffer.count else { return String(format: format, value) }
            return String(cString: buffer.baseAddress!)
        }
    }

    /// An integer with thousands separated by commas, locale-independent: `1,234,567`.
    package static func grouped(_ value: Int) -> String {
        (value < 0 ? "-" : "") + commas(String(value.magnitude))
    }

    /// `digits` with a comma before each group of three from the right: `1234567` → `1,234,567`.
    private static func commas(_ digits: some StringProtocol) -> String {
        var out = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { out += "," }
            out.append(character)
        }
        return out
    }

    /// `digits` digits after the decimal point (0 to 9) with thousands separated by commas:
    /// `31,705.1`. A value that is not finite prints as `%f` does.
    package static func grouped(_ value: Double, digits: Int) -> String {
        let text = fixed(value, digits: digits)
        guard value.isFinite else { return text }
        let negative = text.hasPrefix("-")
        let body = negative ? text.dropFirst() : Substring(text)
        let point = body.firstIndex(of: ".") ?? body.endIndex
        return (negative ? "-" : "") + commas(body[..<point]) + body[point...]
    }

    /// A share as a whole percentage: `0.873` → `87 %`; `?` for a value that is not finite.
    package static func percent(_ share: Double) -> String {
        guard share.isFinite, abs(share) < 1e15 else { return "?" }
        return "\(Int((share * 100).rounded())) %"
    }

    /// A number with at most one decimal and grouped thousands: `12.5`, `1,300`; `?` for a value that
    /// is not finite or too large to count in tenths.
    package static func oneDecimal(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e17 else { return "?" }
        let tenths = Int((value * 10).rounded())
        let whole = grouped(tenths / 10)
        let sign = tenths < 0 && tenths / 10 == 0 ? "-" : ""
        return tenths % 10 == 0 ? whole : "\(sign)\(whole).\(abs(tenths % 10))"
    }
}
