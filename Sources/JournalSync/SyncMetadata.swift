import Foundation
import GRDB

/// The sync module's own tables, all of their SQL in one place.
///
/// They hold the hybrid-logical-clock reading of every field of every synced row, the deleted
/// keys, and the field writes that arrived before their row.
///
/// - `sync_row_clocks(tbl, pk, hlc)`: the reading of the insert that wrote the row, which is the
///   reading of every field no later write has set; one row of clocks for a new row, however many
///   fields it has.
/// - `sync_field_clocks(tbl, pk, col, hlc)`: the reading of a later write that set the field's
///   value (always later than the row's); a field with no row here has no reading and loses to
///   any write.
/// - `sync_tombstones(tbl, pk, hlc)`: a deleted key and the latest reading of a change of it (a
///   delete, or a write the delete beat: ``bury(_:key:at:in:)``); a tombstoned key is never
///   inserted or updated again.
/// - `sync_early_fields(tbl, pk, col, hlc, value)`: an update that arrived before the insert of
///   its row (another replica's changes can arrive in any order); the insert takes each such field
///   whose reading is later than its own.
///
/// `tbl` is the table's name as the changeset spells it, `pk` the row's primary key encoded by
/// ``encode(key:)``, `hlc` the reading's ``HybridTimestamp/text`` (which sorts as the readings do).
/// The tables are never attached to a session, so they are never recorded into a changeset.
///
/// ```swift
/// try SyncMetadata.create(in: db)
/// try SyncMetadata.clocks(of: "entries", key: ["0193…"], in: db)  // ["pain": "001764…-00000000-…", …]
/// ```
enum SyncMetadata {
    static let schema = """
        CREATE TABLE IF NOT EXISTS sync_row_clocks (
            tbl TEXT NOT NULL,
            pk BLOB NOT NULL,
            hlc TEXT NOT NULL,
            PRIMARY KEY (tbl, pk)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS sync_field_clocks (
            tbl TEXT NOT NULL,
            pk BLOB NOT NULL,
            col TEXT NOT NULL,
            hlc TEXT NOT NULL,
            PRIMARY KEY (tbl, pk, col)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS sync_tombstones (
            tbl TEXT NOT NULL,
            pk BLOB NOT NULL,
            hlc TEXT NOT NULL,
            PRIMARY KEY (tbl, pk)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS sync_early_fields (
            tbl TEXT NOT NULL,
            pk BLOB NOT NULL,
            col TEXT NOT NULL,
            hlc TEXT NOT NULL,
            value,
            PRIMARY KEY (tbl, pk, col)
        ) WITHOUT ROWID;
        """

    /// Creates the tables when they are not there yet.
    static func create(in db: Database) throws {
        try db.execute(sql: schema)
    }

    /// The readings of a row's fields: a field's own, else the row's.
    struct Clocks {
        var row: String?
        var fields: [String: String] = [:]

        /// The reading of the write that set `column`'s value, if the row has one.
        subscript(column: String) -> String? { fields[column] ?? row }
    }

    /// The readings of the row's fields, in one query.
    static func clocks(of table: String, key: [DatabaseValue], in db: Database) throws -> Clocks {
        let rows = try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT col, hlc FROM sync_field_clocks WHERE tbl = ?1 AND pk = ?2
                    UNION ALL SELECT NULL, hlc FROM sync_row_clocks WHERE tbl = ?1 AND pk = ?2
                    """),
            arguments: [table, encode(key: key)])
        var clocks = Clocks()
        for row in rows {
            if let column = row[0] as String? { clocks.fields[column] = row[1] } else { clocks.row = row[1] }
        }
        return clocks
    }

    /// Stamps every field of a row just inserted with `reading`, as one row clock.
    static func setRowClock(of table: String, key: [DatabaseValue], _ reading: String, in db: Database) throws {
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO sync_row_clocks (tbl, pk, hlc) VALUES (?, ?, ?)")
            .execute(arguments: [table, encode(key: key), reading])
    }

    /// Stamps each of `clocks`' columns of the row with its reading, in one statement.
    static func setClocks(
        of table: String, key: [DatabaseValue], _ clocks: [(column: String, reading: String)], in db: Database
    ) throws {
        guard !clocks.isEmpty else { return }
        let pk = encode(key: key)
        let rows = Array(repeating: "(?, ?, ?, ?)", count: clocks.count).joined(separator: ", ")
        var arguments: [(any DatabaseValueConvertible)?] = []
        for clock in clocks { arguments += [table, pk, clock.column, clock.reading] }
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO sync_field_clocks (tbl, pk, col, hlc) VALUES \(rows)")
            .execute(arguments: StatementArguments(arguments))
    }

    /// Whether any update waits for its row.
    static func hasEarlyFields(in db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM sync_early_fields)") ?? false
    }

    /// The latest reading that deleted the row, if it was deleted.
    static func tombstone(of table: String, key: [DatabaseValue], in db: Database) throws -> String? {
        try String.fetchOne(
            db.cachedStatement(sql: "SELECT hlc FROM sync_tombstones WHERE tbl = ? AND pk = ?"),
            arguments: [table, encode(key: key)])
    }

    /// Marks the row deleted, and forgets its field clocks and early fields.
    ///
    /// The tombstone keeps the latest reading of any change of the key that reached this replica:
    /// `reading` (the delete's, or a write ignored because of it; nil for a row removed with its
    /// parent), its row and field clocks and early fields, and the tombstone's own reading if it was
    /// already deleted. Every replica sees the same changes in the end, in whatever order, so the
    /// same reading.
    static func bury(_ table: String, key: [DatabaseValue], at reading: String?, in db: Database) throws {
        let pk = encode(key: key)
        try db.cachedStatement(
            sql: """
                INSERT INTO sync_tombstones (tbl, pk, hlc) VALUES (?1, ?2, max(coalesce(?3, ''),
                    coalesce((SELECT hlc FROM sync_row_clocks WHERE tbl = ?1 AND pk = ?2), ''),
                    coalesce((SELECT max(hlc) FROM sync_field_clocks WHERE tbl = ?1 AND pk = ?2), ''),
                    coalesce((SELECT max(hlc) FROM sync_early_fields WHERE tbl = ?1 AND pk = ?2), '')))
                ON CONFLICT (tbl, pk) DO UPDATE SET hlc = max(hlc, excluded.hlc)
                """
        ).execute(arguments: [table, pk, reading])
        try db.cachedStatement(sql: "DELETE FROM sync_row_clocks WHERE tbl = ? AND pk = ?").execute(arguments: [
            table, pk,
        ])
        try db.cachedStatement(sql: "DELETE FROM sync_field_clocks WHERE tbl = ? AND pk = ?").execute(arguments: [
            table, pk,
        ])
        try db.cachedStatement(sql: "DELETE FROM sync_early_fields WHERE tbl = ? AND pk = ?").execute(arguments: [
            table, pk,
        ])
    }

    /// The field writes that arrived before the row, by column: each one's reading and value.
    static func earlyFields(
        of table: String, key: [DatabaseValue], in db: Database
    ) throws -> [String: (reading: String, value: DatabaseValue)] {
        let rows = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT col, hlc, value FROM sync_early_fields WHERE tbl = ? AND pk = ?"),
            arguments: [table, encode(key: key)])
        var fields: [String: (reading: String, value: DatabaseValue)] = [:]
        for row in rows {
            let column: String = row["col"]
            let reading: String = row["hlc"]
            fields[column] = (reading, row["value"] as DatabaseValue)
        }
        return fields
    }

    /// Keeps an update of a field of a row that is not here yet, unless a later one is kept.
    static func keepEarlyField(
        of table: String, key: [DatabaseValue], column: String, reading: String, value: DatabaseValue,
        in db: Database
    ) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO sync_early_fields (tbl, pk, col, hlc, value) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (tbl, pk, col) DO UPDATE SET hlc = excluded.hlc, value = excluded.value
                WHERE excluded.hlc > hlc
                """
        ).execute(arguments: [table, encode(key: key), column, reading, value])
    }

    static func forgetEarlyFields(of table: String, key: [DatabaseValue], in db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM sync_early_fields WHERE tbl = ? AND pk = ?").execute(arguments: [
            table, encode(key: key),
        ])
    }

    /// A primary key's values as one blob, the same on every replica: per value, a type byte
    /// (as in a changeset: 1 integer, 2 real, 3 text, 4 blob, 5 NULL) then an integer or a real's
    /// bits in 8 bytes big-endian, or a text's or blob's length in 8 bytes big-endian and its bytes.
    static func encode(key: [DatabaseValue]) -> Data {
        var encoder = KeyEncoder()
        for value in key {
            switch value.storage {
            case .null: encoder.appendNull()
            case .int64(let number): encoder.append(number)
            case .double(let number): encoder.append(number)
            case .string(let text):
                var text = text
                text.withUTF8 { encoder.append(text: UnsafeRawBufferPointer($0)) }
            case .blob(let data): data.withUnsafeBytes { encoder.append(blob: $0) }
            }
        }
        return Data(encoder.bytes)
    }

    /// Builds the blob of ``encode(key:)`` value by value, from whatever holds the values (GRDB's
    /// values, or SQLite's straight from a changeset); reused, it keeps its storage.
    struct KeyEncoder {
        private(set) var bytes: [UInt8] = []

        mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }
        mutating func appendNull() { bytes.append(5) }

        mutating func append(_ number: Int64) {
            bytes.append(1)
            append(UInt64(bitPattern: number))
        }

        mutating func append(_ number: Double) {
            bytes.append(2)
            append(number.bitPattern)
        }

        mutating func append(text: UnsafeRawBufferPointer) {
            bytes.append(3)
            append(UInt64(text.count))
            bytes.append(contentsOf: text)
        }

        mutating func append(blob: UnsafeRawBufferPointer) {
            bytes.append(4)
            append(UInt64(blob.count))
            bytes.append(contentsOf: blob)
        }

        private mutating func append(_ number: UInt64) {
            for shift in stride(from: 56, through: 0, by: -8) {
                bytes.append(UInt8(truncatingIfNeeded: number >> shift))
            }
        }
    }
}
