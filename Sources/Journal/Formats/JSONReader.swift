/// A JSON value as ``JSONReader`` reads it: numbers keep their text, objects their members by key.
public indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// The number exactly as written, such as `-1` or `2.5e3`.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// What the value is, for messages: "a string", "null" and so on.
    public var kind: String {
        switch self {
        case .null: "null"
        case .bool: "true or false"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// A strict RFC 8259 reader that streams a document's top-level object member by member and its
/// arrays element by element, with the line each one starts on.
///
/// Like ``CSVReader`` it refuses what it cannot read exactly: bytes that are not UTF-8, control
/// characters inside strings, an escape that is not JSON's (a lone surrogate among them), a member
/// named twice in one object, anything after the document. A UTF-8 byte-order mark at the start
/// is skipped. Memory stays bounded whatever the input: each value read whole (one element of an
/// array) may take at most ``Limits/valueBytes`` bytes, a string ``Limits/stringBytes``, an
/// object or array ``Limits/members`` members and values may nest ``Limits/depth`` deep.
///
/// ```swift
/// var reader = JSONReader(source: ByteSource(bytes: Array(#"{"a": [1, {"b": null}]}"#.utf8)))
/// try reader.beginObject()
/// try reader.nextMember(first: true)   // ("a", line: 1)
/// try reader.beginArray()
/// try reader.nextElement(first: true)  // 1 (the line)
/// try reader.value()                   // .number("1")
/// ```
public struct JSONReader {
    /// How large a value read whole may be: far above anything journal writes (a note of 4,000
    /// code points takes at most 24,000 bytes as JSON escapes), far below what would strain memory.
    public enum Limits {
        /// Bytes of one value read whole, as written in the file.
        public static let valueBytes = 1 << 18
        /// Bytes of one string, as written in the file.
        public static let stringBytes = 1 << 16
        /// Members of one object or elements of one array read whole.
        public static let members = 64
        /// How deep objects and arrays may nest within a value read whole.
        public static let depth = 8
    }

    private var source: ByteSource
    /// The line the reader has reached.
    public private(set) var line = 1
    /// Bytes the value being read whole may still take.
    private var budget = Int.max
    /// Whether the input starts with a byte-order mark's first byte but not the whole of it.
    private var startsBadly = false

    /// Reads from `source`, skipping a UTF-8 byte-order mark.
    public init(source: ByteSource) {
        self.source = source
        if self.source.peek() == 0xEF {
            startsBadly = [self.source.next(), self.source.next(), self.source.next()] != [0xEF, 0xBB, 0xBF]
        }
    }

    // MARK: Streaming

    /// Reads the `{` that opens an object.
    public mutating func beginObject() throws {
        if startsBadly { throw error("the file is not UTF-8 text") }
        try expect(0x7B, "an object ({)")
    }

    /// Reads the `[` that opens an array.
    public mutating func beginArray() throws { try expect(0x5B, "an array ([)") }

    /// The next member's key and its line, its colon read, or `nil` at the object's `}`.
    ///
    /// `first`: whether no member has been read yet.
    public mutating func nextMember(first: Bool) throws -> (key: String, line: Int)? {
        try skipSpace()
        if try peek() == 0x7D {
            _ = try take()
            return nil
        }
        if !first {
            try expect(0x2C, "a comma (,) or the end of the object (})")
            try skipSpace()
        }
        let line = line
        guard try peek() == 0x22 else { throw error("expected a member name in double quotes") }
        _ = try take()
        let key = try string()
        try expect(0x3A, "a colon (:) after the member name")
        return (key, line)
    }

    /// The line the next element starts on, or `nil` at the array's `]`.
    ///
    /// `first`: whether no element has been read yet.
    public mutating func nextElement(first: Bool) throws -> Int? {
        try skipSpace()
        if try peek() == 0x5D {
            _ = try take()
            return nil
        }
        if !first {
            try expect(0x2C, "a comma (,) or the end of the array (])")
            try skipSpace()
        }
        return line
    }

    /// Reads one whole value, within ``Limits``.
    public mutating func value() throws -> JSONValue {
        budget = Limits.valueBytes
        defer { budget = .max }
        return try value(depth: 0)
    }

    /// Reads to the end of the input, which may hold only whitespace after the document.
    public mutating func end() throws {
        try skipSpace()
        if source.peek() != nil { throw error("text after the end of the document") }
        if let failure = source.failure { throw failure }
    }

    // MARK: Values

    private mutating func value(depth: Int) throws -> JSONValue {
        try skipSpace()
        guard depth < Limits.depth else { throw error("values nested more than \(Limits.depth) deep") }
        switch try take() {
        case 0x22: return .string(try string())
        case 0x7B:
            var members: [String: JSONValue] = [:]
            while let (key, _) = try nextMember(first: members.isEmpty) {
                guard members.count < Limits.members else {
                    throw error("an object with more than \(Limits.members) members")
                }
                guard members[key] == nil else { throw error("the member \"\(key)\" appears twice") }
                members[key] = try value(depth: depth + 1)
            }
            return .object(members)
        case 0x5B:
            var elements: [JSONValue] = []
            while try nextElement(first: elements.isEmpty) != nil {
                guard elements.count < Limits.members else {
                    throw error("an array with more than \(Limits.members) elements")
                }
                elements.append(try value(depth: depth + 1))
            }
            return .array(elements)
        case 0x74:
            try literal("rue")
            return .bool(true)
        case 0x66:
            try literal("alse")
            return .bool(false)
        case 0x6E:
            try literal("ull")
            return .null
        case let byte where byte == 0x2D || (0x30...0x39).contains(byte):
            return .number(try number(first: byte))
        default:
            throw error("expected a value (a string, number, object, array, true, false or null)")
        }
    }

    /// The rest of a string after its opening quote, unescaped.
    private mutating func string() throws -> String {
        var bytes: [UInt8] = []
        var length = 0
        while true {
            let byte = try take()
            length += 1
            guard length <= Limits.stringBytes else {
                throw error("a string longer than \(Limits.stringBytes) bytes")
            }
            switch byte {
            case 0x22:
                guard let text = String(validating: bytes, as: UTF8.self) else {
                    throw error("a string that is not valid UTF-8 text")
                }
                return text
            case 0x5C:
                try escape(into: &bytes)
            case 0x00..<0x20:
                throw error("a control character inside a string (a line break is written \\n)")
            default:
                bytes.append(byte)
            }
        }
    }

    private mutating func escape(into bytes: inout [UInt8]) throws {
        let byte = try take()
        switch byte {
        case 0x22, 0x5C, 0x2F: bytes.append(byte)
        case 0x62: bytes.append(0x08)
        case 0x66: bytes.append(0x0C)
        case 0x6E: bytes.append(0x0A)
        case 0x72: bytes.append(0x0D)
        case 0x74: bytes.append(0x09)
        case 0x75:
            var value = try hex4()
            if (0xD800..<0xDC00).contains(value) {
                guard try take() == 0x5C, try take() == 0x75 else { throw error("a lone surrogate (\\u escape)") }
                let low = try hex4()
                guard (0xDC00..<0xE000).contains(low) else { throw error("a lone surrogate (\\u escape)") }
                value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00..<0xE000).contains(value) {
                throw error("a lone surrogate (\\u escape)")
            }
            guard let scalar = Unicode.Scalar(value) else { throw error("an invalid \\u escape") }
            bytes.append(contentsOf: String(Character(scalar)).utf8)
        default:
            throw error("an escape that JSON does not have (\\\(Character(Unicode.Scalar(byte))))")
        }
    }

    private mutating func hex4() throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = try take()
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x41...0x46: digit = byte - 0x41 + 10
            case 0x61...0x66: digit = byte - 0x61 + 10
            default: throw error("a \\u escape needs four hexadecimal digits")
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// A number after its first byte, checked against JSON's grammar and returned as written.
    private mutating func number(first: UInt8) throws -> String {
        var bytes = [first]
        func isDigit(_ byte: UInt8?) -> Bool { byte.map { (0x30...0x39).contains($0) } ?? false }
        func digits() throws {
            guard isDigit(source.peek()) else { throw error("a number with a digit missing") }
            while isDigit(source.peek()) { bytes.append(try take()) }
        }
        if first == 0x2D {
            guard isDigit(source.peek()) else { throw error("a number with a digit missing") }
            bytes.append(try take())
        }
        if bytes.last != 0x30 {
            while isDigit(source.peek()) { bytes.append(try take()) }
        } else if isDigit(source.peek()) {
            throw error("a number with a leading zero")
        }
        if source.peek() == 0x2E {
            bytes.append(try take())
            try digits()
        }
        if source.peek() == 0x65 || source.peek() == 0x45 {
            bytes.append(try take())
            if source.peek() == 0x2B || source.peek() == 0x2D { bytes.append(try take()) }
            try digits()
        }
        guard bytes.count <= 40 else { throw error("a number longer than 40 characters") }
        return String(decoding: bytes, as: UTF8.self)
    }

    private mutating func literal(_ rest: String) throws {
        for expected in rest.utf8 where try take() != expected {
            throw error("expected a value (a string, number, object, array, true, false or null)")
        }
    }

    // MARK: Bytes

    private mutating func skipSpace() throws {
        while let byte = source.peek() {
            switch byte {
            case 0x0A:
                line += 1
                fallthrough
            case 0x20, 0x09, 0x0D:
                _ = try take()
            default:
                return
            }
        }
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws {
        try skipSpace()
        guard try take() == byte else { throw error("expected \(what)") }
    }

    private mutating func peek() throws -> UInt8? {
        if let failure = source.failure { throw failure }
        return source.peek()
    }

    /// The next byte, counted against the value's budget; the end of the input is an error here.
    private mutating func take() throws -> UInt8 {
        budget -= 1
        guard budget >= 0 else { throw error("a value longer than \(Limits.valueBytes) bytes") }
        guard let byte = source.next() else {
            if let failure = source.failure { throw failure }
            throw error("the document ends too early")
        }
        return byte
    }

    private func error(_ problem: String) -> JSONReadError { JSONReadError(line: line, problem: problem) }
}

/// Why a JSON document could not be read, and on which line.
public struct JSONReadError: Error, Equatable {
    public let line: Int
    public let problem: String
}
