/// journal's own JSON encoder: what `--json` prints, without Foundation's `JSONEncoder`.
///
/// It writes exactly what `JSONEncoder` writes with `[.prettyPrinted, .sortedKeys,
/// .withoutEscapingSlashes]` (two-space indents, `"key" : value`, keys in the order of `<` on
/// strings, an empty container as an opening bracket, a blank line and a closing one, a whole
/// `Double` without its `.0`), which `JSONWriterTests` checks against `JSONEncoder` itself on
/// seeded random values. It exists for speed: `JSONEncoder` asks the Swift runtime, for every type
/// it meets, whether it is a `Date`, `URL`, `Data`, `Decimal` or string-keyed dictionary, and each
/// first question scans every protocol conformance in the binary; it was a fifth of
/// `journal report --week --json`.
///
/// Values are built into a tree of ``JSONWriter/Node``s by an `Encoder`, then written out. A
/// number that is not finite is refused, as `JSONEncoder` refuses it.
///
/// ```swift
/// try JSONWriter.pretty(["added": 2, "skipped": 1])
/// // {
/// //   "added" : 2,
/// //   "skipped" : 1
/// // }
/// ```
enum JSONWriter {
    /// One JSON value.
    indirect enum Node {
        case null
        case bool(Bool)
        /// A number, as its JSON text.
        case number(String)
        case string(String)
        case array([Node])
        case object([String: Node])
    }

    /// `value` as pretty JSON with sorted keys, without a final line break.
    static func pretty(_ value: some Encodable) throws -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(4096)
        write(try node(value), indent: 0, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The tree `value` encodes to.
    static func node(_ value: some Encodable) throws -> Node {
        let encoder = TreeEncoder(codingPath: [])
        try value.encode(to: encoder)
        guard let node = encoder.slot.node else {
            throw EncodingError.invalidValue(
                value,
                EncodingError.Context(codingPath: [], debugDescription: "Top-level value did not encode any values."))
        }
        return node
    }

    // MARK: Writing

    private static func write(_ node: Node, indent: Int, into bytes: inout [UInt8]) {
        switch node {
        case .null: bytes.append(contentsOf: "null".utf8)
        case .bool(let value): bytes.append(contentsOf: (value ? "true" : "false").utf8)
        case .number(let text): bytes.append(contentsOf: text.utf8)
        case .string(let text): writeString(text, into: &bytes)
        case .array(let items):
            bytes.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                newline(indent: indent + 2, into: &bytes)
                write(item, indent: indent + 2, into: &bytes)
            }
            closing(UInt8(ascii: "]"), empty: items.isEmpty, indent: indent, into: &bytes)
        case .object(let members):
            bytes.append(UInt8(ascii: "{"))
            for (index, key) in members.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                newline(indent: indent + 2, into: &bytes)
                writeString(key, into: &bytes)
                bytes.append(contentsOf: " : ".utf8)
                if let member = members[key] { write(member, indent: indent + 2, into: &bytes) }
            }
            closing(UInt8(ascii: "}"), empty: members.isEmpty, indent: indent, into: &bytes)
        }
    }

    /// A line break and the next line's indent.
    private static func newline(indent: Int, into bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
    }

    /// The closing bracket on its own line; an empty container has a blank line inside, as
    /// JSONEncoder writes it.
    private static func closing(_ bracket: UInt8, empty: Bool, indent: Int, into bytes: inout [UInt8]) {
        if empty { bytes.append(UInt8(ascii: "\n")) }
        newline(indent: indent, into: &bytes)
        bytes.append(bracket)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// `text` in quotes: `"` and `\` escaped, the control characters as `\b`, `\t`, `\n`, `\f`, `\r`
    /// or `\u00xx`, everything else (slashes, DEL, non-ASCII) as it is.
    private static func writeString(_ text: String, into bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x08: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x00..<0x20:
                bytes.append(contentsOf: "\\u00".utf8)
                bytes.append(hexDigits[Int(byte >> 4)])
                bytes.append(hexDigits[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    // MARK: Numbers

    static func number(_ value: some BinaryInteger) -> Node { .number(String(value)) }

    /// A whole number without `.0`, as JSONEncoder writes it; not-finite values refused.
    static func number(_ value: some BinaryFloatingPoint & LosslessStringConvertible, codingPath: [any CodingKey])
        throws -> Node
    {
        guard value.isFinite else {
            throw EncodingError.invalidValue(
                value,
                EncodingError.Context(codingPath: codingPath, debugDescription: "\(value) is not valid in JSON."))
        }
        let text = value.description
        return .number(text.hasSuffix(".0") ? String(text.dropLast(2)) : text)
    }
}

// MARK: - The Encoder

/// Where an encoder or a container puts what it encodes: a value, or an array or object still
/// being filled (shared by reference with the containers that fill it).
private final class Slot {
    enum Content {
        case empty
        case value(JSONWriter.Node)
        case array(ArrayBox)
        case object(ObjectBox)
    }
    var content: Content = .empty

    var node: JSONWriter.Node? {
        switch content {
        case .empty: nil
        case .value(let node): node
        case .array(let box): .array(box.items.map { $0.node ?? .object([:]) })
        case .object(let box): .object(box.members.mapValues { $0.node ?? .object([:]) })
        }
    }

    func object() -> ObjectBox {
        if case .object(let box) = content { return box }
        let box = ObjectBox()
        content = .object(box)
        return box
    }

    func array() -> ArrayBox {
        if case .array(let box) = content { return box }
        let box = ArrayBox()
        content = .array(box)
        return box
    }
}

private final class ObjectBox {
    var members: [String: Slot] = [:]

    func slot(_ key: String) -> Slot {
        let slot = Slot()
        members[key] = slot
        return slot
    }

    /// The slot already at `key` (a nested container asked for twice fills the same one), or a new one.
    func existing(_ key: String) -> Slot {
        if let slot = members[key] { return slot }
        return self.slot(key)
    }
}

private final class ArrayBox {
    var items: [Slot] = []

    func append() -> Slot {
        let slot = Slot()
        items.append(slot)
        return slot
    }
}

/// A key made from an index, as JSONEncoder names the elements of an unkeyed container in a coding path.
private struct IndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }
    init(_ index: Int) { intValue = index }
    init?(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
}

/// The key of a `super` encoder.
private struct SuperKey: CodingKey {
    var stringValue: String { "super" }
    var intValue: Int? { nil }
    init() {}
    init?(intValue: Int) { nil }
    init?(stringValue: String) { nil }
}

private final class TreeEncoder: Encoder {
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    let slot: Slot

    init(codingPath: [any CodingKey], slot: Slot = Slot()) {
        self.codingPath = codingPath
        self.slot = slot
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedContainer<Key>(box: slot.object(), codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedContainer(box: slot.array(), codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueContainer(slot: slot, codingPath: codingPath)
    }
}

/// Encodes `value` into `slot`: the standard library's scalars directly, anything else by its own
/// `encode(to:)`.
private func encodeValue(_ value: some Encodable, into slot: Slot, codingPath: [any CodingKey]) throws {
    let encoder = TreeEncoder(codingPath: codingPath, slot: slot)
    try value.encode(to: encoder)
    // A value that encoded nothing is an empty object, as in JSONEncoder.
    if case .empty = slot.content { slot.content = .value(.object([:])) }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: ObjectBox
    let codingPath: [any CodingKey]

    private func put(_ node: JSONWriter.Node, _ key: Key) { box.slot(key.stringValue).content = .value(node) }

    mutating func encodeNil(forKey key: Key) throws { put(.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { put(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { put(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        put(try JSONWriter.number(value, codingPath: codingPath + [key]), key)
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        put(try JSONWriter.number(value, codingPath: codingPath + [key]), key)
    }
    mutating func encode(_ value: Int, forKey key: Key) throws { put(JSONWriter.number(value), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { put(JSONWriter.number(value), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { put(JSONWriter.number(value), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { put(JSONWriter.number(value), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { put(JSONWriter.number(value), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { put(JSONWriter.number(value), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { put(JSONWriter.number(value), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { put(JSONWriter.number(value), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { put(JSONWriter.number(value), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { put(JSONWriter.number(value), key) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try encodeValue(value, into: box.slot(key.stringValue), codingPath: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        KeyedEncodingContainer(
            KeyedContainer<NestedKey>(box: box.existing(key.stringValue).object(), codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        UnkeyedContainer(box: box.existing(key.stringValue).array(), codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder {
        TreeEncoder(codingPath: codingPath + [SuperKey()], slot: box.slot("super"))
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        TreeEncoder(codingPath: codingPath + [key], slot: box.slot(key.stringValue))
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let box: ArrayBox
    let codingPath: [any CodingKey]
    var count: Int { box.items.count }

    private func put(_ node: JSONWriter.Node) { box.append().content = .value(node) }
    private var nextKey: IndexKey { IndexKey(box.items.count) }

    mutating func encodeNil() throws { put(.null) }
    mutating func encode(_ value: Bool) throws { put(.bool(value)) }
    mutating func encode(_ value: String) throws { put(.string(value)) }
    mutating func encode(_ value: Double) throws {
        put(try JSONWriter.number(value, codingPath: codingPath + [nextKey]))
    }
    mutating func encode(_ value: Float) throws {
        put(try JSONWriter.number(value, codingPath: codingPath + [nextKey]))
    }
    mutating func encode(_ value: Int) throws { put(JSONWriter.number(value)) }
    mutating func encode(_ value: Int8) throws { put(JSONWriter.number(value)) }
    mutating func encode(_ value: Int16) throws { put(JSONWriter.number(value)) }
    mutating func encode(_ value: Int32) throws { put(JSONWriter.number(value)) }
    mutating func encode(_ value: Int64) throws { put(JSONWriter.number(value)) }
    mutating func encode(_ value: UInt) throws { put(JSONWriter.number(value)) }
    mutating func encode(_ value: UInt8) throws { put(JSONWriter.number(value)) }
    mutating func encode(_ value: UInt16) throws { put(JSONWriter.number(value)) }
    mutating func encode(_ value: UInt32) throws { put(JSONWriter.number(value)) }
    mutating func encode(_ value: UInt64) throws { put(JSONWriter.number(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let key = nextKey
        try encodeValue(value, into: box.append(), codingPath: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        let key = nextKey
        return KeyedEncodingContainer(
            KeyedContainer<NestedKey>(box: box.append().object(), codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let key = nextKey
        return UnkeyedContainer(box: box.append().array(), codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder {
        let key = nextKey
        return TreeEncoder(codingPath: codingPath + [key], slot: box.append())
    }
}

private struct SingleValueContainer: SingleValueEncodingContainer {
    let slot: Slot
    let codingPath: [any CodingKey]

    private func put(_ node: JSONWriter.Node) { slot.content = .value(node) }

    mutating func encodeNil() throws { put(.null) }
    mutating func encode(_ value: Bool) throws { put(.bool(value)) }
    mutating func encode(_ value: String) throws { put(.string(value)) }
    mutating func encode(_ value: Double) throws { put(try JSONWriter.number(value, codingPath: codingPath)) }
    mutating func encode(_ value: Float) throws { put(try JSONWriter.number(value, codingPath: codingPath)) }
    mutating func encode(_ value: Int) throws { put(JSONWriter.number(value)) }
    mutating func encode(_ value: Int8) throws { put(JSONWriter.number(value)) }
    mutating func encode(_ value: Int16) throws { put(JSONWriter.number(value)) }
    mutating func encode(_ value: Int32) throws { put(JSONWriter.number(value)) }
    mutating func encode(_ value: Int64) throws { put(JSONWriter.number(value)) }
    mutating func encode(_ value: UInt) throws { put(JSONWriter.number(value)) }
    mutating func encode(_ value: UInt8) throws { put(JSONWriter.number(value)) }
    mutating func encode(_ value: UInt16) throws { put(JSONWriter.number(value)) }
    mutating func encode(_ value: UInt32) throws { put(JSONWriter.number(value)) }
    mutating func encode(_ value: UInt64) throws { put(JSONWriter.number(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try encodeValue(value, into: slot, codingPath: codingPath)
    }
}
