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
    /// The bytes read of the record being read, as written in the file.
    private var recordBytes = 0
    /// The record ``next()`` reads into, kept so that its storage is reused.
    private var scratch = CSVRecord()

    public init(source: ByteSource) {
        self.source = source
    }

    /// The next record's fields and the line it starts on, or `nil` at the end.
    public mutating func next() throws -> (fields: [String], line: Int)? {
        var record = scratch
        defer { scratch = record }
        guard try next(into: &record) else { return nil }
        return (record.fields, record.line)
    }

    /// Reads the next record into `record`, reusing its storage; returns `false` at the end.
    ///
    /// The import's hot path: the fields stay bytes (every one checked to be UTF-8), so a row
    /// costs no `String` for the numbers and dates it holds.
    public mutating func next(into record: inout CSVRecord) throws -> Bool {
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
                return false
            }
            try read(into: &record)
            if record.count == 1, record.bytes.isEmpty { continue }  // a blank line
            return true
        }
    }

    private mutating func read(into record: inout CSVRecord) throws {
        record.bytes.removeAll(keepingCapacity: true)
        record.ends.removeAll(keepingCapacity: true)
        record.line = line
        recordBytes = 0
        while true {
            guard record.ends.count < Limits.fields else {
                throw CSVReadError(
                    line: record.line, problem: "a record with more than \(Limits.fields) fields; a row has 12")
            }
            let start = record.bytes.count
            let end: Bool
            if source.peek() == 0x22 {
                _ = source.next()
                end = try quoted(into: &record, from: start, openedOn: line)
            } else {
                end = try unquoted(into: &record, from: start)
            }
            if record.bytes[start...].contains(where: { $0 >= 0x80 }),
                String(validating: record.bytes[start...], as: UTF8.self) == nil
            {
                throw CSVReadError(
                    line: record.line, problem: "field \(record.ends.count + 1) is not valid UTF-8 text")
            }
            record.ends.append(record.bytes.count)
            if end { return }
        }
    }

    /// The next byte of the record, or `nil` at the end of the input; refuses a record or a field
    /// (the bytes of `record` from `start`) too long.
    @inline(__always)
    private mutating func nextByte(_ record: CSVRecord, from start: Int) throws -> UInt8? {
        recordBytes += 1
        guard recordBytes <= Limits.recordBytes else {
            throw CSVReadError(line: record.line, problem: "a record longer than \(Limits.recordBytes) bytes")
        }
        guard record.bytes.count - start <= Limits.fieldBytes else {
            throw CSVReadError(line: record.line, problem: "a field longer than \(Limits.fieldBytes) bytes")
        }
        return source.next()
    }

    /// Reads to the end of an unquoted field; returns whether the record ended.
    private mutating func unquoted(into record: inout CSVRecord, from start: Int) throws -> Bool {
        while true {
            // The plain bytes up to the next comma, quote or line end, in bulk: as many as the
            // byte-at-a-time path below would take without reaching a limit, which it then checks.
            let allowance = min(
                Limits.recordBytes - recordBytes, Limits.fieldBytes + 1 - (record.bytes.count - start))
            recordBytes += source.appendPlain(to: &record.bytes, atMost: allowance)
            guard let byte = try nextByte(record, from: start) else { return true }
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
            default: record.bytes.append(byte)
            }
        }
    }

    /// Reads a quoted field after its opening quote; returns whether the record ended.
    private mutating func quoted(into record: inout CSVRecord, from start: Int, openedOn opening: Int) throws -> Bool {
        while let byte = try nextByte(record, from: start) {
            if byte == 0x22 {
                switch source.peek() {
                case 0x22:
                    _ = source.next()
                    record.bytes.append(0x22)
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
                record.bytes.append(byte)
            }
        }
        throw CSVReadError(line: opening, problem: "a quoted field that starts here is never closed")
    }
}

/// One record as ``CSVReader/next(into:)`` reads it: its fields as UTF-8 bytes, unquoted, and
/// the line it starts on.
///
/// ```swift
/// var record = CSVRecord()
/// while try reader.next(into: &record) { print(record.line, record.string(0)) }
/// ```
public struct CSVRecord {
    /// Every field's bytes, one after another.
    var bytes: [UInt8] = []
    /// Where each field ends in ``bytes``.
    var ends: [Int] = []
    /// The line the record starts on.
    public internal(set) var line = 1

    public init() {}

    /// How many fields the record holds.
    public var count: Int { ends.count }

    /// Field `index`'s bytes.
    public func field(_ index: Int) -> ArraySlice<UInt8> {
        bytes[(index == 0 ? 0 : ends[index - 1])..<ends[index]]
    }

    /// Field `index` as text (the reader has checked that it is UTF-8).
    public func string(_ index: Int) -> String {
        String(decoding: field(index), as: UTF8.self)
    }

    /// Every field as text.
    public var fields: [String] { (0..<count).map(string) }
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

    /// Appends the bytes up to the next comma, quote, CR or LF (or the end of the block read so
    /// far), at most `limit` of them, to `bytes`, and moves past them; returns how many.
    mutating func appendPlain(to bytes: inout [UInt8], atMost limit: Int) -> Int {
        if index == block.count, !refill() { return 0 }
        let start = index
        let end = min(block.count, start + max(0, limit))
        let stop = block.withUnsafeBufferPointer { block in
            var stop = start
            while stop < end {
                let byte = block[stop]
                if byte == 0x2C || byte == 0x22 || byte == 0x0D || byte == 0x0A { break }
                stop += 1
            }
            return stop
        }
        bytes.append(contentsOf: block[start..<stop])
        index = stop
        return stop - start
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
