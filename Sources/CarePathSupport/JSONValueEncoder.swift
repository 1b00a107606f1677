/// Encodes an `Encodable` value into a ``JSONValue``, which renders it deterministically (keys
/// sorted, numbers as `%.6g`), so one `Codable` definition gives both the bytes CarePath writes and
/// what `JSONDecoder` reads back.
///
/// Unlike `JSONEncoder`, an optional that is nil is written as `null` rather than left out, so a
/// document always has the same keys.
package enum JSONValueEncoder {
    package static func encode(_ value: some Encodable) throws -> JSONValue {
        try slot(of: value).resolved
    }

    /// The text ``JSONValue/rendered()`` gives for `value`, written without building the value first.
    package static func render(_ value: some Encodable) throws -> String {
        var out = ""
        try slot(of: value).write(into: &out, indent: 0)
        return out
    }

    private static func slot(of value: some Encodable) throws -> Slot {
        let root = Slot()
        try value.encode(to: ValueEncoder(slot: root, codingPath: []))
        return root
    }
}

/// Where an encoded value goes: filled once by a single-value encode or grown by a container.
private final class Slot {
    enum Content {
        case empty
        case value(JSONValue)
        /// Members in the order they were encoded; sorted by key when written.
        case object([(key: String, slot: Slot)])
        case array([Slot])
    }

    var content = Content.empty

    /// The members by key, the last of a key encoded twice winning.
    private static func sorted(_ members: [(key: String, slot: Slot)]) -> [(key: String, slot: Slot)] {
        var sorted = members.enumerated().sorted { ($0.element.key, $0.offset) < ($1.element.key, $1.offset) }.map(\.element)
        sorted.indices.dropLast().reversed().forEach { if sorted[$0].key == sorted[$0 + 1].key { sorted.remove(at: $0) } }
        return sorted
    }

    var resolved: JSONValue {
        switch content {
        case .empty: .object([:])
        case .value(let value): value
        case .object(let members): .object(Dictionary(members.map { ($0.key, $0.slot.resolved) }, uniquingKeysWith: { _, last in last }))
        case .array(let items): .array(items.map(\.resolved))
        }
    }

    /// Appends the text of the value, as ``JSONValue/write(into:indent:)`` would.
    func write(into out: inout String, indent: Int) {
        switch content {
        case .empty: out += "{}"
        case .value(let value): value.write(into: &out, indent: indent)
        case .object(let members):
            JSONValue.writeObject(Self.sorted(members).map { ($0.key, $0.slot) }, into: &out, indent: indent) { slot, out, depth in
                slot.write(into: &out, indent: depth)
            }
        case .array(let items):
            JSONValue.writeArray(items, into: &out, indent: indent) { slot, out, depth in slot.write(into: &out, indent: depth) }
        }
    }

    /// Adds a member. The content is emptied while the list grows, so it is mutated in place
    /// rather than copied for every key.
    func set(_ key: String, _ slot: Slot) {
        guard case .object(var members) = content else { content = .object([(key, slot)]); return }
        content = .empty
        members.append((key, slot))
        content = .object(members)
    }

    func append(_ slot: Slot) {
        guard case .array(var items) = content else { content = .array([slot]); return }
        content = .empty
        items.append(slot)
        content = .array(items)
    }

    var count: Int {
        if case .array(let items) = content { return items.count }
        return 0
    }
}

private struct IndexKey: CodingKey {
    var stringValue: String { String(intValue!) }
    var intValue: Int?
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

private struct ValueEncoder: Encoder, SingleValueEncodingContainer {
    let slot: Slot
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = slot.content {} else { slot.content = .object([]) }
        return KeyedEncodingContainer(KeyedContainer<Key>(slot: slot, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = slot.content {} else { slot.content = .array([]) }
        return UnkeyedContainer(slot: slot, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { self }

    mutating func encodeNil() throws { slot.content = .value(.null) }
    mutating func encode(_ value: Bool) throws { slot.content = .value(.bool(value)) }
    mutating func encode(_ value: String) throws { slot.content = .value(.string(value)) }
    mutating func encode(_ value: Double) throws { slot.content = .value(.double(value)) }
    mutating func encode(_ value: Float) throws { slot.content = .value(.double(Double(value))) }
    mutating func encode(_ value: Int) throws { slot.content = .value(.int(value)) }
    mutating func encode(_ value: Int8) throws { slot.content = .value(.int(Int(value))) }
    mutating func encode(_ value: Int16) throws { slot.content = .value(.int(Int(value))) }
    mutating func encode(_ value: Int32) throws { slot.content = .value(.int(Int(value))) }
    mutating func encode(_ value: Int64) throws { slot.content = .value(.int(Int(value))) }
    mutating func encode(_ value: UInt8) throws { slot.content = .value(.int(Int(value))) }
    mutating func encode(_ value: UInt16) throws { slot.content = .value(.int(Int(value))) }
    mutating func encode(_ value: UInt32) throws { slot.content = .value(.int(Int(value))) }
    mutating func encode(_ value: UInt) throws { try encodeUnsigned(UInt64(value)) }
    mutating func encode(_ value: UInt64) throws { try encodeUnsigned(value) }

    private func encodeUnsigned(_ value: UInt64) throws {
        guard let int = Int(exactly: value) else {
            throw EncodingError.invalidValue(value, .init(codingPath: codingPath, debugDescription: "\(value) does not fit a JSON integer; encode it as a string"))
        }
        slot.content = .value(.int(int))
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try value.encode(to: ValueEncoder(slot: slot, codingPath: codingPath))
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let slot: Slot
    var codingPath: [any CodingKey]

    private func child(_ key: Key) -> ValueEncoder {
        let child = Slot()
        slot.set(key.stringValue, child)
        return ValueEncoder(slot: child, codingPath: codingPath + [key])
    }

    mutating func encodeNil(forKey key: Key) throws { var c = child(key); try c.encodeNil() }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { var c = child(key); try c.encode(value) }
    /// nil is written as `null`: a document keeps all its keys. (The protocol's own default leaves the
    /// key out, so every overload the synthesised code may call is given here.)
    private mutating func orNull<T: Encodable>(_ value: T?, forKey key: Key) throws {
        var c = child(key)
        if let value { try c.encode(value) } else { try c.encodeNil() }
    }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws { try orNull(value, forKey: key) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try orNull(value, forKey: key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try orNull(value, forKey: key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try orNull(value, forKey: key) }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try orNull(value, forKey: key) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        child(key).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { child(key).unkeyedContainer() }
    mutating func superEncoder() -> any Encoder { child(Key(stringValue: "super")!) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { child(key) }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let slot: Slot
    var codingPath: [any CodingKey]
    var count: Int { slot.count }

    private func next() -> ValueEncoder {
        let child = Slot()
        let path = codingPath + [IndexKey(slot.count)]
        slot.append(child)
        return ValueEncoder(slot: child, codingPath: path)
    }

    mutating func encodeNil() throws { var c = next(); try c.encodeNil() }
    mutating func encode<T: Encodable>(_ value: T) throws { var c = next(); try c.encode(value) }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        next().container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { next().unkeyedContainer() }
    mutating func superEncoder() -> any Encoder { next() }
}
