import Foundation

/// A strict RFC 4180 reader that streams records with the line each one starts on.
///
/// Unlike a lenient reader it refuses what it cannot read exactly: a quote inside an unquoted
/// field, text after a closing quote, a quoted field never closed, bytes that are not UTF-8.
/// CRLF, LF and lone CR all end a record; a UTF-8 byte-order mark at the start is skipped;
/// blank lines are skipped. Memory stays bounded whatever the input: a field longer than
/// ``Limits/fieldBytes``, a record with more than ``Limits/fields`` fields or longer than
/// ``Limits/recordBytes`` is refused with the line it starts on.
///
/// ```swift
/// var reader = CSVReader(source: ByteSource(bytes: Array("a,\"b,c\"\r\n".utf8)))
/// try reader.next() // (fields: ["a", "b,c"], line: 1)
/// ```
public struct CSVReader {
    /// How large a record may be: far above anything journal writes (a note of 4,000 code points
    /// takes at most 16,000 bytes; a row has 12 fields), far below what would strain memory.
    public enum Limits {
        /// Bytes in one field, after unquoting.
        public static let fieldBytes = 1 << 16
        /// Fields in one record.
        public static let fields = 64
        /// Bytes in one record, as written in the file.
        public static let recordBytes = 1 << 17
    }

    private var source: ByteSource
    private var line = 1
    private var atStart = true
    /// The line the record being read starts on, and the bytes read of it so far.
    private var recordLine = 1
    private var recordBytes = 0

    public init(source: ByteSource) {
        self.source = source
    }

    /// The next record and the line it starts on, or `nil` at the end.
    public mutating func next() throws -> (fields: [String], line: Int)? {
        if atStart {
            atStart = false
            if source.peek() == 0xEF {
                let bom = [source.next(), source.next(), source.next()].map { $0 ?? 0 }
                guard bom == [0xEF, 0xBB, 0xBF] else {
                    throw CSVReadError(line: 1, problem: "the file is not UTF-8 text")
                }
            }
        }
        while true {
            guard source.peek() != nil else {
                if let failure = source.failure { throw failure }
                return nil
            }
            let start = line
            let fields = try record()
            if fields == [""] { continue }  // a blank line
            return (fields, start)
        }
    }

    private mutating func record() throws -> [String] {
        var fields: [String] = []
        var field: [UInt8] = []
        recordLine = line
        recordBytes = 0
        while true {
            guard fields.count < Limits.fields else {
                throw CSVReadError(
                    line: recordLine, problem: "a record with more than \(Limits.fields) fields; a row has 12")
            }
            field.removeAll(keepingCapacity: true)
            let end: Bool
            if source.peek() == 0x22 {
                _ = source.next()
                end = try quoted(into: &field, openedOn: line)
            } else {
                end = try unquoted(into: &field)
            }
            guard let text = String(validating: field, as: UTF8.self) else {
                throw CSVReadError(line: recordLine, problem: "field \(fields.count + 1) is not valid UTF-8 text")
            }
            fields.append(text)
            if end { return fields }
        }
    }

    /// The next byte of the record, or `nil` at the end of the input; refuses a record or field too long.
    private mutating func nextByte(field: [UInt8]) throws -> UInt8? {
        recordBytes += 1
        guard recordBytes <= Limits.recordBytes else {
            throw CSVReadError(line: recordLine, problem: "a record longer than \(Limits.recordBytes) bytes")
        }
        guard field.count <= Limits.fieldBytes else {
            throw CSVReadError(line: recordLine, problem: "a field longer than \(Limits.fieldBytes) bytes")
        }
        return source.next()
    }

    /// Reads to the end of an unquoted field; returns whether the record ended.
    private mutating func unquoted(into field: inout [UInt8]) throws -> Bool {
        while let byte = try nextByte(field: field) {
            switch byte {
            case 0x2C: return false
            case 0x0A:
                line += 1
                return true
            case 0x0D:
                if source.peek() == 0x0A { _ = source.next() }
                line += 1
                return true
            case 0x22:
                throw CSVReadError(line: line, problem: "a quote (\") inside a field that does not start with one")
            default: field.append(byte)
            }
        }
        return true
    }

    /// Reads a quoted field after its opening quote; returns whether the record ended.
    private mutating func quoted(into field: inout [UInt8], openedOn opening: Int) throws -> Bool {
        while let byte = try nextByte(field: field) {
            if byte == 0x22 {
                switch source.peek() {
                case 0x22:
                    _ = source.next()
                    field.append(0x22)
                case 0x2C:
                    _ = source.next()
                    return false
                case 0x0A:
                    _ = source.next()
                    line += 1
                    return true
                case 0x0D:
                    _ = source.next()
                    if source.peek() == 0x0A { _ = source.next() }
                    line += 1
                    return true
                case nil:
                    return true
                default:
                    throw CSVReadError(
                        line: line,
                        problem: "text after a closing quote; a quote inside a quoted field is written twice (\"\")")
                }
            } else {
                if byte == 0x0A || (byte == 0x0D && source.peek() != 0x0A) { line += 1 }
                field.append(byte)
            }
        }
        throw CSVReadError(line: opening, problem: "a quoted field that starts here is never closed")
    }
}

/// Why a CSV file could not be read, and on which line.
public struct CSVReadError: Error, Equatable {
    public let line: Int
    public let problem: String
}

/// Bytes read in blocks from a file descriptor, or from memory.
public struct ByteSource {
    private var block: [UInt8]
    private var index = 0
    private let descriptor: Int32?
    private let name: String

    /// Reads `descriptor` (owned by the caller) to its end; `name` is used in messages.
    public init(descriptor: Int32, name: String) {
        self.descriptor = descriptor
        self.name = name
        block = []
    }

    /// Reads from memory.
    public init(bytes: [UInt8]) {
        descriptor = nil
        name = "memory"
        block = bytes
    }

    /// The error that stopped reading, if any.
    public private(set) var failure: JournalError?

    mutating func peek() -> UInt8? {
        if index == block.count, !refill() { return nil }
        return block[index]
    }

    mutating func next() -> UInt8? {
        if index == block.count, !refill() { return nil }
        defer { index += 1 }
        return block[index]
    }

    private mutating func refill() -> Bool {
        guard let descriptor, failure == nil else { return false }
        block = [UInt8](repeating: 0, count: OutputSink.blockSize)
        var count = 0
        repeat {
            count = block.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        } while count < 0 && errno == EINTR
        if count < 0 {
            failure = JournalError.io(path: name, reason: String(cString: strerror(errno)))
            count = 0
        }
        block.removeSubrange(count...)
        index = 0
        return count > 0
    }
}
