/// A PNG decoded to RGBA pixels, enough to look at a browser's screenshot: 8-bit RGB or RGBA,
/// not interlaced (what Chromium writes). The zlib stream is inflated here (RFC 1950/1951), so the
/// tests need no image library.
struct PNGImage {
    let width: Int
    let height: Int
    /// RGBA, row by row.
    let pixels: [UInt8]

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    init(_ data: [UInt8]) throws {
        guard data.count > 8, data.prefix(8).elementsEqual([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { throw Failure(description: "not a PNG") }
        var offset = 8, width = 0, height = 0, colourType = 0, idat: [UInt8] = []
        func u32(_ at: Int) -> Int { Int(data[at]) << 24 | Int(data[at + 1]) << 16 | Int(data[at + 2]) << 8 | Int(data[at + 3]) }
        while offset + 8 <= data.count {
            let length = u32(offset), type = String(decoding: data[offset + 4..<offset + 8], as: UTF8.self)
            let body = offset + 8
            guard body + length <= data.count else { throw Failure(description: "truncated chunk \(type)") }
            switch type {
            case "IHDR":
                width = u32(body); height = u32(body + 4); colourType = Int(data[body + 9])
                guard data[body + 8] == 8, data[body + 12] == 0, colourType == 2 || colourType == 6 else { throw Failure(description: "unsupported PNG layout") }
            case "IDAT": idat += data[body..<body + length]
            default: break
            }
            offset = body + length + 4
        }
        let channels = colourType == 6 ? 4 : 3, stride = width * channels
        let raw = try Inflate.zlib(idat)
        guard raw.count >= height * (stride + 1) else { throw Failure(description: "short image data") }
        var rgba = [UInt8](repeating: 255, count: width * height * 4)
        var previous = [UInt8](repeating: 0, count: stride), line = [UInt8](repeating: 0, count: stride)
        for y in 0..<height {
            let start = y * (stride + 1), filter = raw[start]
            for x in 0..<stride {
                let value = raw[start + 1 + x]
                let a = x >= channels ? Int(line[x - channels]) : 0, b = Int(previous[x]), c = x >= channels ? Int(previous[x - channels]) : 0
                let predictor: Int
                switch filter {
                case 1: predictor = a
                case 2: predictor = b
                case 3: predictor = (a + b) / 2
                case 4:
                    let p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
                    predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c
                default: predictor = 0
                }
                line[x] = UInt8((Int(value) + predictor) & 0xFF)
            }
            for x in 0..<width {
                for channel in 0..<channels { rgba[(y * width + x) * 4 + channel] = line[x * channels + channel] }
            }
            swap(&line, &previous)
        }
        self.width = width
        self.height = height
        pixels = rgba
    }

    /// The pixel at (x, y) as `0xRRGGBB`.
    func rgb(_ x: Int, _ y: Int) -> Int {
        let i = (y * width + x) * 4
        return Int(pixels[i]) << 16 | Int(pixels[i + 1]) << 8 | Int(pixels[i + 2])
    }
}

/// DEFLATE decoding after the reference decoder's design (Mark Adler's puff): canonical Huffman
/// codes decoded bit by bit, fast enough for a test's screenshots.
enum Inflate {
    struct Failure: Error {}

    static func zlib(_ data: [UInt8]) throws -> [UInt8] {
        guard data.count > 2 else { throw Failure() }
        var state = State(input: data, position: 2)
        return try state.inflate()
    }

    struct Huffman {
        var counts = [Int](repeating: 0, count: 16)
        var symbols: [Int] = []

        init(lengths: [Int]) {
            for length in lengths { counts[length] += 1 }
            counts[0] = 0
            var offsets = [Int](repeating: 0, count: 16)
            for length in 1..<15 { offsets[length + 1] = offsets[length] + counts[length] }
            symbols = [Int](repeating: 0, count: lengths.count)
            for (symbol, length) in lengths.enumerated() where length != 0 {
                symbols[offsets[length]] = symbol
                offsets[length] += 1
            }
        }
    }

    struct State {
        let input: [UInt8]
        var position: Int
        var bitBuffer = 0, bitCount = 0
        var output: [UInt8] = []

        init(input: [UInt8], position: Int) {
            self.input = input
            self.position = position
        }

        mutating func bits(_ need: Int) throws -> Int {
            var value = bitBuffer
            while bitCount < need {
                guard position < input.count else { throw Failure() }
                value |= Int(input[position]) << bitCount
                position += 1
                bitCount += 8
            }
            bitBuffer = value >> need
            bitCount -= need
            return value & ((1 << need) - 1)
        }

        mutating func decode(_ h: Huffman) throws -> Int {
            var code = 0, first = 0, index = 0
            for length in 1...15 {
                code |= try bits(1)
                let count = h.counts[length]
                if code - count < first { return h.symbols[index + (code - first)] }
                index += count
                first += count
                first <<= 1
                code <<= 1
            }
            throw Failure()
        }

        static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
        static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
        static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
        static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
        static let fixed: (Huffman, Huffman) = {
            var lengths = [Int](repeating: 8, count: 288)
            for i in 144..<256 { lengths[i] = 9 }
            for i in 256..<280 { lengths[i] = 7 }
            return (Huffman(lengths: lengths), Huffman(lengths: [Int](repeating: 5, count: 30)))
        }()

        mutating func codes(_ literal: Huffman, _ distance: Huffman) throws {
            while true {
                let symbol = try decode(literal)
                if symbol < 256 { output.append(UInt8(symbol)); continue }
                if symbol == 256 { return }
                let l = symbol - 257
                guard l < 29 else { throw Failure() }
                let length = Self.lengthBase[l] + (try bits(Self.lengthExtra[l]))
                let d = try decode(distance)
                guard d < 30 else { throw Failure() }
                let back = Self.distanceBase[d] + (try bits(Self.distanceExtra[d]))
                guard back <= output.count else { throw Failure() }
                let start = output.count - back
                for i in 0..<length { output.append(output[start + i]) }
            }
        }

        mutating func dynamic() throws {
            let nlen = try bits(5) + 257, ndist = try bits(5) + 1, ncode = try bits(4) + 4
            let order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
            var lengths = [Int](repeating: 0, count: 19)
            for i in 0..<ncode { lengths[order[i]] = try bits(3) }
            let lencode = Huffman(lengths: lengths)
            var all: [Int] = []
            while all.count < nlen + ndist {
                let symbol = try decode(lencode)
                if symbol < 16 { all.append(symbol); continue }
                var value = 0, repeatCount: Int
                switch symbol {
                case 16:
                    guard let last = all.last else { throw Failure() }
                    value = last; repeatCount = 3 + (try bits(2))
                case 17: repeatCount = 3 + (try bits(3))
                default: repeatCount = 11 + (try bits(7))
                }
                all += [Int](repeating: value, count: repeatCount)
            }
            try codes(Huffman(lengths: Array(all[0..<nlen])), Huffman(lengths: Array(all[nlen..<nlen + ndist])))
        }

        mutating func stored() throws {
            bitBuffer = 0; bitCount = 0
            guard position + 4 <= input.count else { throw Failure() }
            let length = Int(input[position]) | Int(input[position + 1]) << 8
            position += 4
            guard position + length <= input.count else { throw Failure() }
            output += input[position..<position + length]
            position += length
        }

        mutating func inflate() throws -> [UInt8] {
            var last = 0
            repeat {
                last = try bits(1)
                switch try bits(2) {
                case 0: try stored()
                case 1: try codes(Self.fixed.0, Self.fixed.1)
                case 2: try dynamic()
                default: throw Failure()
                }
            } while last == 0
            return output
        }
    }
}
