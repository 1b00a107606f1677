/// A mutation that keeps a YAML or JSON file well formed: libFuzzer's byte mutations almost never
/// leave a network file that still validates (on a one-minute run, 19 of 36,869 inputs loaded), so
/// the stages after loading (routing, the model, the simulation, the diagrams) would hardly be
/// reached. This mutator changes one token instead:
///
/// - a number becomes a boundary value (0, -1, 2^31, 2^63, 1e308, 5e-324, .nan, .inf...) or is
///   scaled by 10^k;
/// - a word value (an id, a tier, a service, a distribution) becomes another word of the same file;
/// - a line is duplicated or removed.
///
/// Deterministic for a given seed (libFuzzer's), so a run with `-seed=N` is reproducible.
public enum TokenMutator {
    static let boundaryNumbers = [
        "0", "-1", "1", "-0", "0.5", "2", "255", "65536", "2147483647", "2147483648", "-2147483649", "4294967296",
        "9007199254740993", "9223372036854775807", "9223372036854775808", "-9223372036854775809", "1e15", "1e18",
        "1e19", "1e300", "1e308", "-1e308", "1e309", "5e-324", "1e-300", ".nan", ".inf", "-.inf", "NaN", "1e999",
    ]

    /// Mutates `data[0..<size]` in place (at most `maxSize` bytes); returns the new size, or nil when
    /// the input has no token to change (the caller then uses libFuzzer's own mutation).
    public static func mutate(_ data: UnsafeMutablePointer<UInt8>, size: Int, maxSize: Int, seed: UInt32) -> Int? {
        var random = SplitMix(state: UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(size))
        var bytes = Array(UnsafeBufferPointer(start: data, count: size))
        let numbers = tokens(in: bytes, where: isNumberStart, continuing: isNumberByte)
        let words = tokens(in: bytes, where: isWordStart, continuing: isWordByte).filter { $0.count >= 3 }
        switch random.next(below: 10) {
        case 0..<5 where !numbers.isEmpty:
            let range = numbers[random.next(below: numbers.count)]
            let replacement: [UInt8]
            if random.next(below: 4) == 0, let value = Double(String(decoding: bytes[range], as: UTF8.self)) {
                let scaled = value * [1e3, 1e6, 1e9, 1e-3, -1][random.next(below: 5)]
                replacement = Array((scaled == scaled.rounded() && abs(scaled) < 1e18 ? String(Int64(scaled)) : String(scaled)).utf8)
            } else {
                replacement = Array(boundaryNumbers[random.next(below: boundaryNumbers.count)].utf8)
            }
            bytes.replaceSubrange(range, with: replacement)
        case 5..<8 where words.count >= 2:
            let target = words[random.next(below: words.count)]
            let source = words[random.next(below: words.count)]
            bytes.replaceSubrange(target, with: Array(bytes[source]))
        case 8, 9:
            let lines = lineRanges(bytes)
            guard lines.count >= 2 else { return nil }
            let line = lines[random.next(below: lines.count)]
            if random.next(below: 2) == 0 {
                bytes.insert(contentsOf: Array(bytes[line]), at: line.upperBound)
            } else {
                bytes.removeSubrange(line)
            }
        default:
            return nil
        }
        guard bytes.count <= maxSize else { return nil }
        bytes.withUnsafeBufferPointer { data.update(from: $0.baseAddress!, count: $0.count) }
        return bytes.count
    }

    static func isNumberStart(_ byte: UInt8, previous: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39 || byte == 0x2D) && !isWordByte(previous) && previous != 0x2E
    }
    static func isNumberByte(_ byte: UInt8) -> Bool {
        byte >= 0x30 && byte <= 0x39 || byte == 0x2E || byte == 0x65 || byte == 0x45 || byte == 0x2B || byte == 0x2D
    }
    static func isWordStart(_ byte: UInt8, previous: UInt8) -> Bool {
        byte >= 0x61 && byte <= 0x7A && !isWordByte(previous)
    }
    static func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x61 && byte <= 0x7A || byte >= 0x41 && byte <= 0x5A || byte >= 0x30 && byte <= 0x39 || byte == 0x2D || byte == 0x5F
    }

    /// The ranges of the tokens that start where `start` says and go on while `continuing` says.
    static func tokens(in bytes: [UInt8], where start: (UInt8, UInt8) -> Bool, continuing: (UInt8) -> Bool) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var index = 0
        var previous: UInt8 = 0x20
        while index < bytes.count {
            if start(bytes[index], previous) {
                var end = index + 1
                while end < bytes.count, continuing(bytes[end]) { end += 1 }
                // A number must hold a digit ("-" alone is a list item).
                if bytes[index..<end].contains(where: { $0 >= 0x30 && $0 <= 0x39 }) || continuing(0x61) { ranges.append(index..<end) }
                previous = bytes[end - 1]
                index = end
            } else {
                previous = bytes[index]
                index += 1
            }
        }
        return ranges
    }

    /// Each line with its line feed.
    static func lineRanges(_ bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            ranges.append(start..<(index + 1))
            start = index + 1
        }
        if start < bytes.count { ranges.append(start..<bytes.count) }
        return ranges
    }
}

/// SplitMix64: a small deterministic generator.
struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
