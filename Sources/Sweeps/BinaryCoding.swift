import Foundation

/// A compact binary form for `Codable` values, exact and fast for what a replication holds: arrays
/// of numbers.
///
/// `JSONDecoder` reads a national partial at about 15 MB/s, a call through the generic `Codable`
/// machinery per number, which made merging 100 partials slower than simulating them. This coder
/// takes any `Codable` value (keyed containers, optionals, nested types: whatever fields a type
/// gains, its synthesised conformance brings them), and writes an array of `Int`, `Int32`, `Int64`,
/// `UInt16`, `UInt32`, `UInt64` or `Double` packed: integers as LEB128 varints (zigzag for the
/// signed), mostly a byte or two; doubles as their 64 bits, copied in one go, so that they read back
/// exactly. Reading checks every length against the bytes left and
/// the nesting depth, so a truncated or hostile file is an error, never a crash.
enum BinaryCoding {
    /// A value as encoded: the tree the bytes stand for.
    indirect enum Node {
        case null
        case bool(Bool)
        case int(Int64)
        case uint(UInt64)
        case double(Double)
        case string(String)
        case array([Node])
        case object([(key: String, value: Node)])
        case ints([Int64])
        case uints([UInt64])
        case doubles([Double])
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static let maximumDepth = 64

    // MARK: Bytes

    static func bytes(of node: Node) -> [UInt8] {
        var out: [UInt8] = []
        write(node, into: &out)
        return out
    }

    private static func append(_ value: UInt64, to out: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
    }

    private static func appendVarint(_ value: UInt64, to out: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        out.append(UInt8(value))
    }

    private static func appendPacked<T>(_ values: [T], tag: UInt8, into out: inout [UInt8]) {
        out.append(tag)
        append(UInt64(values.count), to: &out)
        // Little-endian machines only (x86-64, arm64): the values' bytes as they are in memory.
        values.withUnsafeBytes { out.append(contentsOf: $0) }
    }

    private static func write(_ node: Node, into out: inout [UInt8]) {
        switch node {
        case .null: out.append(0)
        case .bool(let value): out.append(value ? 2 : 1)
        case .int(let value): out.append(3); append(UInt64(bitPattern: value), to: &out)
        case .uint(let value): out.append(4); append(value, to: &out)
        case .double(let value): out.append(5); append(value.bitPattern, to: &out)
        case .string(let text):
            out.append(6)
            let utf8 = Array(text.utf8)
            append(UInt64(utf8.count), to: &out)
            out.append(contentsOf: utf8)
        case .array(let items):
            out.append(7)
            append(UInt64(items.count), to: &out)
            for item in items { write(item, into: &out) }
        case .object(let members):
            out.append(8)
            append(UInt64(members.count), to: &out)
            for (key, value) in members {
                write(.string(key), into: &out)
                write(value, into: &out)
            }
        case .ints(let values):
            // Zigzag, then LEB128: counts are mostly small, 1 or 2 bytes instead of 8.
            out.append(9)
            append(UInt64(values.count), to: &out)
            for value in values { appendVarint(UInt64(bitPattern: (value << 1) ^ (value >> 63)), to: &out) }
        case .uints(let values):
            out.append(10)
            append(UInt64(values.count), to: &out)
            for value in values { appendVarint(value, to: &out) }
        case .doubles(let values): appendPacked(values, tag: 11, into: &out)
        }
    }

    /// The tree of `bytes`, or why they are not one.
    static func node(from bytes: UnsafeRawBufferPointer) throws(Failure) -> Node {
        var reader = Reader(bytes: bytes)
        let node = try reader.node(depth: 0)
        guard reader.offset == bytes.count else { throw Failure(description: "\(bytes.count - reader.offset) bytes after the end") }
        return node
    }

    private struct Reader {
        let bytes: UnsafeRawBufferPointer
        var offset = 0

        mutating func byte() throws(Failure) -> UInt8 {
            guard offset < bytes.count else { throw Failure(description: "truncated") }
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func word() throws(Failure) -> UInt64 {
            guard bytes.count - offset >= 8 else { throw Failure(description: "truncated") }
            var value: UInt64 = 0
            withUnsafeMutableBytes(of: &value) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + 8)])) }
            offset += 8
            return UInt64(littleEndian: value)
        }

        /// A count of items of at least `size` bytes each that the bytes left can hold.
        mutating func count(size: Int) throws(Failure) -> Int {
            let count = try word()
            guard count <= UInt64((bytes.count - offset) / size) else { throw Failure(description: "a length beyond the end (truncated?)") }
            return Int(count)
        }

        mutating func packed<T>(_ type: T.Type) throws(Failure) -> [T] {
            let count = try count(size: 8)
            let start = offset
            offset += count * 8
            return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[start..<(start + count * 8)]))
                initialized = count
            }
        }

        /// `count` LEB128 numbers (each at least a byte).
        mutating func varints() throws(Failure) -> [UInt64] {
            let count = try count(size: 1)
            var values = [UInt64]()
            values.reserveCapacity(count)
            for _ in 0..<count {
                var value: UInt64 = 0, shift: UInt64 = 0
                while true {
                    guard offset < bytes.count else { throw Failure(description: "truncated") }
                    let byte = bytes[offset]
                    offset += 1
                    guard shift < 64, shift < 63 || byte <= 1 else { throw Failure(description: "a number of more than 64 bits") }
                    value |= UInt64(byte & 0x7F) << shift
                    if byte < 0x80 { break }
                    shift += 7
                }
                values.append(value)
            }
            return values
        }

        mutating func string() throws(Failure) -> String {
            let count = try count(size: 1)
            defer { offset += count }
            return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)]), as: UTF8.self)
        }

        mutating func node(depth: Int) throws(Failure) -> Node {
            guard depth <= BinaryCoding.maximumDepth else { throw Failure(description: "nested too deep") }
            switch try byte() {
            case 0: return .null
            case 1: return .bool(false)
            case 2: return .bool(true)
            case 3: return .int(Int64(bitPattern: try word()))
            case 4: return .uint(try word())
            case 5: return .double(Double(bitPattern: try word()))
            case 6: return .string(try string())
            case 7:
                let count = try count(size: 1)
                var items: [Node] = []
                items.reserveCapacity(count)
                for _ in 0..<count { items.append(try node(depth: depth + 1)) }
                return .array(items)
            case 8:
                let count = try count(size: 2)
                var members: [(key: String, value: Node)] = []
                members.reserveCapacity(count)
                for _ in 0..<count {
                    guard try byte() == 6 else { throw Failure(description: "a key that is not text") }
                    let key = try string()
                    members.append((key, try node(depth: depth + 1)))
                }
                return .object(members)
            case 9: return .ints(try varints().map { Int64(bitPattern: ($0 >> 1) ^ (0 &- ($0 & 1))) })
            case 10: return .uints(try varints())
            case 11: return .doubles(try packed(Double.self))
            case let tag: throw Failure(description: "unknown tag \(tag) at byte \(offset - 1)")
            }
        }
    }

    // MARK: Encoding

    static func encode(_ value: some Encodable) throws -> Node {
        if let packed = packed(value) { return packed }
        let slot = Slot()
        try value.encode(to: NodeEncoder(slot: slot, codingPath: []))
        return slot.node
    }

    /// An array of numbers, packed; nil for anything else. By the static type, not a cast: casting
    /// an array to an array of another element type tries every element.
    static func packed<T>(_ value: T) -> Node? {
        if T.self == [Int].self { return .ints((value as! [Int]).map(Int64.init)) }
        if T.self == [Int64].self { return .ints(value as! [Int64]) }
        if T.self == [Int32].self { return .ints((value as! [Int32]).map(Int64.init)) }
        if T.self == [UInt64].self { return .uints(value as! [UInt64]) }
        if T.self == [UInt32].self { return .uints((value as! [UInt32]).map(UInt64.init)) }
        if T.self == [UInt16].self { return .uints((value as! [UInt16]).map(UInt64.init)) }
        if T.self == [Double].self { return .doubles(value as! [Double]) }
        return nil
    }

    final class Slot {
        enum Content {
            case node(Node)
            case object(Box)
            case array(ArrayBox)
        }
        var content = Content.node(.null)
        var node: Node {
            switch content {
            case .node(let node): node
            case .object(let box): .object(box.members.map { ($0.key, $0.slot.node) })
            case .array(let box): .array(box.items.map(\.node))
            }
        }
    }

    final class Box { var members: [(key: String, slot: Slot)] = [] }
    final class ArrayBox { var items: [Slot] = [] }

    struct NodeEncoder: Encoder {
        let slot: Slot
        var codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            if case .object(let box) = slot.content { return KeyedEncodingContainer(Keyed(box: box, codingPath: codingPath)) }
            let box = Box()
            slot.content = .object(box)
            return KeyedEncodingContainer(Keyed(box: box, codingPath: codingPath))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            if case .array(let box) = slot.content { return Unkeyed(box: box, codingPath: codingPath) }
            let box = ArrayBox()
            slot.content = .array(box)
            return Unkeyed(box: box, codingPath: codingPath)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer { Single(slot: slot, codingPath: codingPath) }
    }

    /// The node of one value, written into `slot`.
    static func fill<T: Encodable>(_ slot: Slot, with value: T, codingPath: [any CodingKey]) throws {
        if let packed = packed(value) { slot.content = .node(packed); return }
        if let node = primitive(value) { slot.content = .node(node); return }
        try value.encode(to: NodeEncoder(slot: slot, codingPath: codingPath))
    }

    static func primitive<T>(_ value: T) -> Node? {
        switch value {
        case let v as Bool: .bool(v)
        case let v as String: .string(v)
        case let v as Double: .double(v)
        case let v as Float: .double(Double(v))
        case let v as Int: .int(Int64(v))
        case let v as Int8: .int(Int64(v))
        case let v as Int16: .int(Int64(v))
        case let v as Int32: .int(Int64(v))
        case let v as Int64: .int(v)
        case let v as UInt: .uint(UInt64(v))
        case let v as UInt8: .uint(UInt64(v))
        case let v as UInt16: .uint(UInt64(v))
        case let v as UInt32: .uint(UInt64(v))
        case let v as UInt64: .uint(v)
        default: nil
        }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let box: Box
        var codingPath: [any CodingKey]

        func slot(for key: Key) -> Slot {
            let slot = Slot()
            box.members.append((key.stringValue, slot))
            return slot
        }
        mutating func encodeNil(forKey key: Key) throws { slot(for: key).content = .node(.null) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try fill(slot(for: key), with: value, codingPath: codingPath + [key]) }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            NodeEncoder(slot: slot(for: key), codingPath: codingPath + [key]).container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            NodeEncoder(slot: slot(for: key), codingPath: codingPath + [key]).unkeyedContainer()
        }
        mutating func superEncoder() -> any Encoder { NodeEncoder(slot: slot(for: Key(stringValue: "super")!), codingPath: codingPath) }
        mutating func superEncoder(forKey key: Key) -> any Encoder { NodeEncoder(slot: slot(for: key), codingPath: codingPath + [key]) }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let box: ArrayBox
        var codingPath: [any CodingKey]
        var count: Int { box.items.count }

        func next() -> Slot {
            let slot = Slot()
            box.items.append(slot)
            return slot
        }
        mutating func encodeNil() throws { next().content = .node(.null) }
        mutating func encode<T: Encodable>(_ value: T) throws { try fill(next(), with: value, codingPath: codingPath) }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            NodeEncoder(slot: next(), codingPath: codingPath).container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { NodeEncoder(slot: next(), codingPath: codingPath).unkeyedContainer() }
        mutating func superEncoder() -> any Encoder { NodeEncoder(slot: next(), codingPath: codingPath) }
    }

    struct Single: SingleValueEncodingContainer {
        let slot: Slot
        var codingPath: [any CodingKey]
        mutating func encodeNil() throws { slot.content = .node(.null) }
        mutating func encode<T: Encodable>(_ value: T) throws { try fill(slot, with: value, codingPath: codingPath) }
    }

    // MARK: Decoding

    static func decode<T: Decodable>(_ type: T.Type, from node: Node) throws -> T {
        try NodeDecoder(node: node, codingPath: []).decodeValue(type)
    }

    static func mismatch(_ what: String, _ codingPath: [any CodingKey]) -> DecodingError {
        DecodingError.typeMismatch(Any.self, .init(codingPath: codingPath, debugDescription: "expected \(what)"))
    }

    struct NodeDecoder: Decoder {
        let node: Node
        var codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
            guard case .object(let members) = node else { throw mismatch("an object", codingPath) }
            return KeyedDecodingContainer(KeyedReader(members: Dictionary(members, uniquingKeysWith: { first, _ in first }), codingPath: codingPath))
        }

        func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
            switch node {
            case .array(let items): return UnkeyedReader(items: items, codingPath: codingPath)
            case .ints(let values): return UnkeyedReader(items: values.map { .int($0) }, codingPath: codingPath)
            case .uints(let values): return UnkeyedReader(items: values.map { .uint($0) }, codingPath: codingPath)
            case .doubles(let values): return UnkeyedReader(items: values.map { .double($0) }, codingPath: codingPath)
            default: throw mismatch("an array", codingPath)
            }
        }

        func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleReader(node: node, codingPath: codingPath) }

        /// `type` from the node: packed arrays and numbers directly, anything else through its `init(from:)`.
        func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
            if let value = try unpacked(type) { return value }
            if let value = try primitive(type) { return value }
            return try T(from: self)
        }

        private func narrowed<N: FixedWidthInteger>(_ values: [Int64], _ type: N.Type) throws -> [N] {
            try values.map { guard let n = N(exactly: $0) else { throw mismatch("\(N.self) values", codingPath) }; return n }
        }

        private func narrowed<N: FixedWidthInteger>(_ values: [UInt64], _ type: N.Type) throws -> [N] {
            try values.map { guard let n = N(exactly: $0) else { throw mismatch("\(N.self) values", codingPath) }; return n }
        }

        private func unpacked<T>(_ type: T.Type) throws -> T? {
            switch node {
            case .ints(let values):
                if T.self == [Int].self { return try narrowed(values, Int.self) as? T }
                if T.self == [Int64].self { return values as? T }
                if T.self == [Int32].self { return try narrowed(values, Int32.self) as? T }
            case .uints(let values):
                if T.self == [UInt64].self { return values as? T }
                if T.self == [UInt32].self { return try narrowed(values, UInt32.self) as? T }
                if T.self == [UInt16].self { return try narrowed(values, UInt16.self) as? T }
            case .doubles(let values):
                if T.self == [Double].self { return values as? T }
            default: break
            }
            return nil
        }

        private func integer<N: FixedWidthInteger>(_ type: N.Type) throws -> N {
            switch node {
            case .int(let value): if let n = N(exactly: value) { return n }
            case .uint(let value): if let n = N(exactly: value) { return n }
            default: break
            }
            throw mismatch("a whole number that fits \(N.self)", codingPath)
        }

        func primitive<T>(_ type: T.Type) throws -> T? {
            switch type {
            case is Bool.Type: guard case .bool(let v) = node else { throw mismatch("true or false", codingPath) }; return v as? T
            case is String.Type: guard case .string(let v) = node else { throw mismatch("text", codingPath) }; return v as? T
            case is Double.Type: guard case .double(let v) = node else { throw mismatch("a number", codingPath) }; return v as? T
            case is Float.Type: guard case .double(let v) = node else { throw mismatch("a number", codingPath) }; return Float(v) as? T
            case is Int.Type: return try integer(Int.self) as? T
            case is Int8.Type: return try integer(Int8.self) as? T
            case is Int16.Type: return try integer(Int16.self) as? T
            case is Int32.Type: return try integer(Int32.self) as? T
            case is Int64.Type: return try integer(Int64.self) as? T
            case is UInt.Type: return try integer(UInt.self) as? T
            case is UInt8.Type: return try integer(UInt8.self) as? T
            case is UInt16.Type: return try integer(UInt16.self) as? T
            case is UInt32.Type: return try integer(UInt32.self) as? T
            case is UInt64.Type: return try integer(UInt64.self) as? T
            default: return nil
            }
        }
    }

    struct KeyedReader<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let members: [String: Node]
        var codingPath: [any CodingKey]
        var allKeys: [Key] { members.keys.compactMap { Key(stringValue: $0) } }

        func contains(_ key: Key) -> Bool { members[key.stringValue] != nil }
        func node(_ key: Key) throws -> Node {
            guard let node = members[key.stringValue] else {
                throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "no value for '\(key.stringValue)'"))
            }
            return node
        }
        func decodeNil(forKey key: Key) throws -> Bool {
            if case .null = try node(key) { return true }
            return false
        }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            try NodeDecoder(node: try node(key), codingPath: codingPath + [key]).decodeValue(type)
        }
        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            try NodeDecoder(node: try node(key), codingPath: codingPath + [key]).container(keyedBy: type)
        }
        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            try NodeDecoder(node: try node(key), codingPath: codingPath + [key]).unkeyedContainer()
        }
        func superDecoder() throws -> any Decoder { NodeDecoder(node: members["super"] ?? .null, codingPath: codingPath) }
        func superDecoder(forKey key: Key) throws -> any Decoder { NodeDecoder(node: try node(key), codingPath: codingPath + [key]) }
    }

    struct UnkeyedReader: UnkeyedDecodingContainer {
        let items: [Node]
        var codingPath: [any CodingKey]
        var currentIndex = 0
        var count: Int? { items.count }
        var isAtEnd: Bool { currentIndex >= items.count }

        init(items: [Node], codingPath: [any CodingKey]) {
            self.items = items
            self.codingPath = codingPath
        }

        mutating func next() throws -> Node {
            guard !isAtEnd else { throw DecodingError.valueNotFound(Any.self, .init(codingPath: codingPath, debugDescription: "the array ends")) }
            defer { currentIndex += 1 }
            return items[currentIndex]
        }
        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd, case .null = items[currentIndex] else { return false }
            currentIndex += 1
            return true
        }
        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try NodeDecoder(node: try next(), codingPath: codingPath).decodeValue(type) }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            try NodeDecoder(node: try next(), codingPath: codingPath).container(keyedBy: type)
        }
        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try NodeDecoder(node: try next(), codingPath: codingPath).unkeyedContainer() }
        mutating func superDecoder() throws -> any Decoder { NodeDecoder(node: try next(), codingPath: codingPath) }
    }

    struct SingleReader: SingleValueDecodingContainer {
        let node: Node
        var codingPath: [any CodingKey]
        func decodeNil() -> Bool {
            if case .null = node { return true }
            return false
        }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try NodeDecoder(node: node, codingPath: codingPath).decodeValue(type) }
    }
}
