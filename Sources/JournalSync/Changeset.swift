import CSQLiteSession
import Foundation

/// The changes one write transaction made to the synced tables, in SQLite's changeset format
/// (the session extension's: <https://sqlite.org/sessionintro.html>).
///
/// A changeset is data from outside once it has travelled: ``changes()`` reads it change by change,
/// and refuses one that is cut short or malformed, before anything applies it.
///
/// ```swift
/// let changeset = try ChangesetRecorder(tables: ["entries"]).record(in: queue) { db in
///     try db.execute(sql: "INSERT INTO entries (id, pain) VALUES (1, 4)")
/// }
/// try changeset.changes()  // [Change(table: "entries", operation: .insert)]
/// ```
public struct Changeset: Equatable, Sendable {
    /// The changeset's bytes, as `sqlite3session_changeset` wrote them.
    public let bytes: [UInt8]

    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Whether the transaction changed nothing in the synced tables.
    public var isEmpty: Bool { bytes.isEmpty }

    /// What a change does to its row.
    public enum Operation: Equatable, Sendable {
        case insert, update, delete
    }

    /// One change of a changeset: a row of `table` inserted, updated or deleted.
    public struct Change: Equatable, Sendable {
        public let table: String
        public let operation: Operation
    }

    /// Every change, in order; throws ``ChangesetError/Kind/damaged`` for bytes that are not a
    /// well-formed changeset.
    public func changes() throws -> [Change] {
        try tables().changes
    }

    /// The shape of a table as the changeset records it: its column count and which columns are
    /// its primary key.
    struct TableShape: Equatable {
        let columnCount: Int
        let primaryKey: [Bool]
    }

    /// Reads the whole changeset: its changes and the shape of each table it names.
    func tables() throws -> (changes: [Change], shapes: [String: TableShape]) {
        guard !bytes.isEmpty else { return ([], [:]) }
        guard bytes.count <= Int(Int32.max) else {
            throw ChangesetError(.damaged, "The changeset is larger than SQLite can read (2 GiB).")
        }
        try ChangesetStructure.check(bytes)
        var changes: [Change] = []
        var shapes: [String: TableShape] = [:]
        try walk { header, _ in
            let shape = TableShape(columnCount: header.primaryKey.count, primaryKey: header.primaryKey)
            if let known = shapes[header.table], known != shape { return false }
            shapes[header.table] = shape
            changes.append(Change(table: header.table, operation: header.operation))
            return true
        }
        return (changes, shapes)
    }

    /// What every change of a changeset starts with: its table, operation and which of its
    /// columns are the primary key (one flag a column).
    struct ChangeHeader {
        let table: String
        var operation: Operation
        let primaryKey: [Bool]

        /// Whether a change SQLite's iterator describes is of this header's table, with its key.
        func matches(_ name: UnsafePointer<CChar>, _ flags: UnsafeMutablePointer<UInt8>, _ count: Int) -> Bool {
            guard count == primaryKey.count, table.withCString({ strcmp($0, name) }) == 0 else { return false }
            return (0..<count).allSatisfy { (flags[$0] != 0) == primaryKey[$0] }
        }
    }

    /// Walks the changeset's changes in order with SQLite's iterator.
    ///
    /// `body` gets each change's header and the iterator positioned on it, and returns `false` to
    /// stop, which, like a header SQLite cannot read, makes the changeset damaged. The one walk
    /// ``tables()`` and ``rowChanges()`` share.
    func walk(_ body: (ChangeHeader, OpaquePointer) throws -> Bool) throws {
        try bytes.withUnsafeBytes { buffer in
            var iterator: OpaquePointer?
            // SQLite only reads the bytes: it writes to them only to invert a changeset.
            guard
                sqlite3changeset_start(
                    &iterator, Int32(buffer.count), UnsafeMutableRawPointer(mutating: buffer.baseAddress))
                    == SQLITE_OK,
                let iterator
            else {
                sqlite3changeset_finalize(iterator)
                throw Self.damaged
            }
            var step = sqlite3changeset_next(iterator)
            // The table's name and key are made into Swift values once for a run of its changes.
            var header: ChangeHeader?
            do {
                while step == SQLITE_ROW {
                    var name: UnsafePointer<CChar>?
                    var columnCount: Int32 = 0
                    var code: Int32 = 0
                    var indirect: Int32 = 0
                    var flags: UnsafeMutablePointer<UInt8>?
                    var flagCount: Int32 = 0
                    guard sqlite3changeset_op(iterator, &name, &columnCount, &code, &indirect) == SQLITE_OK,
                        sqlite3changeset_pk(iterator, &flags, &flagCount) == SQLITE_OK,
                        let name, let flags, flagCount == columnCount,
                        let operation = Self.operation(code)
                    else { break }
                    if let known = header, known.matches(name, flags, Int(columnCount)) {
                        header?.operation = operation
                    } else {
                        header = ChangeHeader(
                            table: String(cString: name), operation: operation,
                            primaryKey: (0..<Int(columnCount)).map { flags[$0] != 0 })
                    }
                    guard let header, try body(header, iterator) else { break }
                    step = sqlite3changeset_next(iterator)
                }
            } catch {
                sqlite3changeset_finalize(iterator)
                throw error
            }
            let finalized = sqlite3changeset_finalize(iterator)
            guard step == SQLITE_DONE, finalized == SQLITE_OK else { throw Self.damaged }
        }
    }

    static let damaged = ChangesetError(
        .damaged, "The changeset is damaged: it is cut short or its bytes were changed, so none of it was applied.")

    static func operation(_ code: Int32) -> Operation? {
        switch code {
        case SQLITE_INSERT: .insert
        case SQLITE_UPDATE: .update
        case SQLITE_DELETE: .delete
        default: nil
        }
    }
}
