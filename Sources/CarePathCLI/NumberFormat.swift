import Foundation

/// printf-style number formatting for the reports, through the C library's `vsnprintf`.
///
/// `String(format:)` goes through CoreFoundation's format parser and costs several microseconds a
/// call; result.json and the CSV tables of a national run hold about 1.5 million numbers, which made
/// writing them take longer than simulating. The C library gives the same bytes (CoreFoundation
/// hands floating-point conversions to it) in a fraction of the time. Formats are the C library's,
/// in the C locale (CarePath never calls `setlocale`), so the decimal separator is always `.`.
enum NumberFormat {
    /// Six significant digits, `%.6g`: the reports' number format.
    static func significant(_ value: Double) -> String { format("%.6g", value) }

    /// `digits` digits after the decimal point, `%.Nf` (0 to 9 digits).
    static func fixed(_ value: Double, digits: Int = 0) -> String {
        format(fixedFormats[max(0, min(digits, fixedFormats.count - 1))], value)
    }

    private static let fixedFormats = (0...9).map { "%.\($0)f" }

    /// `value` formatted by a C format that takes one double, such as `"%6.1f h"`.
    static func format(_ format: String, _ value: Double) -> String {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 128) { buffer in
            let written = withVaList([value]) { vsnprintf(buffer.baseAddress, buffer.count, format, $0) }
            // %f of a huge double can exceed the buffer: fall back on the slow path for it.
            guard written >= 0, Int(written) < buffer.count else { return String(format: format, value) }
            return String(cString: buffer.baseAddress!)
        }
    }
}
