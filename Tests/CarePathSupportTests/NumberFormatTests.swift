import Foundation
import Testing
import CarePathSupport

@Suite("Report number formatting")
struct NumberFormatTests {
    /// Values of every kind the reports print: counts, shares, waits, tiny and huge, signs, ties.
    static let values: [Double] = [0, -0.0, 1, 0.5, 0.25, 1.0 / 3, 2.0 / 3, 0.000123456789, 1e-9, 123456.5, 1234567, 9999995, 0.9999995,
                                   -42.125, 3.14159265358979, 1e21, 6.02214076e23, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 86_400.0 * 365]

    @Test("the C library's formatting gives String(format:)'s bytes (result.json and the CSV files did not change)")
    func sameAsFoundation() {
        // Seeded, so a failure can be replayed: 2,000 bit patterns of every exponent and 2,000 everyday values.
        var generator = SplitMix64(state: 2024)
        let random = (0..<2_000).map { _ in Double(bitPattern: generator.next() & 0x7FEF_FFFF_FFFF_FFFF) } + (0..<2_000).map { _ in Double.random(in: -1e6...1e6, using: &generator) }
        for value in Self.values + random {
            #expect(NumberFormat.significant(value) == String(format: "%.6g", value))
            for digits in [0, 1, 2] {
                #expect(NumberFormat.fixed(value, digits: digits) == String(format: "%.\(digits)f", value))
            }
            #expect(NumberFormat.format("%6.1f h  ", value) == String(format: "%6.1f h  ", value))
        }
    }

    @Test("JSON strings: escapes where needed, whole text otherwise")
    func quoting() {
        #expect(JSONValue.quoted("Hôpital régional") == "\"Hôpital régional\"")
        #expect(JSONValue.quoted("المستشفى") == "\"المستشفى\"")
        #expect(JSONValue.quoted("a\"b\\c\nd\te\u{1}") == "\"a\\\"b\\\\c\\nd\\te\\u0001\"")
        #expect(JSONValue.object(["b": .double(0.5), "a": .array([.int(1), .null])]).rendered() == "{\n  \"a\": [\n    1,\n    null\n  ],\n  \"b\": 0.5\n}")
    }
}
