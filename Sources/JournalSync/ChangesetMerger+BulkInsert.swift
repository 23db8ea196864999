import CSQLiteSession
import Foundation
import GRDB

extension ChangesetMerger {
    /// The set-based path of a merge, for the common case of a first sync: new rows inserted and
    /// stamped straight from the changeset, with the result the field-by-field path gives them.
    ///
    /// An insert is new when its key was never deleted (`sync_tombstones`), no update of it is kept
    /// aside (`sync_early_fields`) and its row is not here. Such a row takes every field at the
    /// changeset's reading, so, as the merge walks the changeset in order:
    /// - the tables of deleted keys and early fields are looked at only when they may hold the key:
    ///   when they held rows as the merge began, or once a change has gone field by field (which
    ///   may add to them);
    /// - the row is written by one prepared statement per table reused for every row,
    ///   `INSERT … ON CONFLICT (key) DO NOTHING`, which also tells whether the row was here, each
    ///   field bound to SQLite's own value in the changeset (no Swift value is made of it);
    /// - its row clock (`sync_row_clocks`: all its fields at the reading) is written at once by a
    ///   second reused statement, so a later change of the same key in the changeset, which goes
    ///   field by field, finds the row as that path would have left it.
    ///
    /// A row that turns out to be here (a replay), whose insert breaks a constraint, whose parent is
    /// not here, or that holds text that is not UTF-8, goes the field-by-field way, which settles it
    /// or refuses the changeset as before.
    ///
    /// ```swift
    /// var bulk = try BulkInsert(at: reading, in: db)
    /// try bulk.insert(header, iterator, pass: &pass, in: db)  // true: written and stamped
    /// ```
    struct BulkInsert {
        /// The reading every new row is stamped with (its text form).
        private let reading: String
        /// Whether a key may be tombstoned: true when `sync_tombstones` held rows as the merge began,
        /// or once a change went field by field.
        var probeTombstones: Bool
        /// Per table, the insert reused for every new row and the number of its columns.
        private var inserts: [String: Statement] = [:]
        private let stamp: Statement
        private let tombstone: Statement
        private let early: Statement
        /// The table whose name is bound to the statements above.
        private var boundTable: String?
        private var values: [OpaquePointer?] = []
        private var key = SyncMetadata.KeyEncoder()

        init(at reading: String, in db: Database) throws {
            self.reading = reading
            probeTombstones = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM sync_tombstones)") ?? false
            stamp = try db.makeStatement(sql: "INSERT OR REPLACE INTO sync_row_clocks (tbl, pk, hlc) VALUES (?, ?, ?)")
            tombstone = try db.makeStatement(sql: "SELECT 1 FROM sync_tombstones WHERE tbl = ? AND pk = ?")
            early = try db.makeStatement(sql: "SELECT 1 FROM sync_early_fields WHERE tbl = ? AND pk = ?")
            try Self.bind(reading, at: 3, of: stamp)
        }

        /// Inserts the change the iterator is on when its row is new, and stamps it; returns false,
        /// having written nothing, when the change is to be merged field by field.
        ///
        /// A row of a child table goes in only when its parents are here, or are new rows of this
        /// changeset with no parents of their own; otherwise the field-by-field path decides
        /// (``ParentCheck``).
        mutating func insert(
            _ header: Changeset.ChangeHeader, _ iterator: OpaquePointer, pass: inout Pass, in db: Database
        ) throws -> Bool {
            guard header.operation == .insert else { return false }
            let table = header.table
            let count = header.primaryKey.count
            values.removeAll(keepingCapacity: true)
            key.removeAll()
            for column in 0..<count {
                var value: OpaquePointer?
                guard sqlite3changeset_new(iterator, Int32(column), &value) == SQLITE_OK, Self.isUTF8(value) else {
                    return false
                }
                values.append(value)
                if header.primaryKey[column] { Changeset.append(value, to: &key) }
            }
            if boundTable != table {
                for statement in [stamp, tombstone, early] { try Self.bind(table, at: 1, of: statement) }
                boundTable = table
            }
            if probeTombstones, try Self.holds(tombstone, key.bytes) { return false }
            if pass.early, try Self.holds(early, key.bytes) { return false }
            let references = pass.parents.foreignKeys.parents[table.lowercased()] ?? []
            if !references.isEmpty {
                let values = values
                let state = try pass.parents.state(of: table, in: db) { reference in
                    let parent = reference.columns.map { Changeset.databaseValue(values[$0]) ?? .null }
                    return parent.contains(.null) ? nil : parent
                }
                switch state {
                case .here: break
                case .inserted:
                    guard references.allSatisfy({ pass.parents.foreignKeys.parents[$0.parent.lowercased()] == nil })
                    else { return false }
                default: return false
                }
            }
            let insert = try inserts[table] ?? Self.prepare(table, primaryKey: header.primaryKey, in: db)
            inserts[table] = insert
            let statement = insert.sqliteStatement
            for (index, value) in values.enumerated() { sqlite3_bind_value(statement, Int32(index + 1), value) }
            let code = sqlite3_step(statement)
            sqlite3_reset(statement)
            switch code {
            case SQLITE_DONE: break
            // SQLite undid the statement; the field-by-field path meets the same constraint.
            case _ where code & 0xFF == SQLITE_CONSTRAINT: return false
            default: throw Self.error(code, in: db, sql: insert.sql)
            }
            guard sqlite3_changes(db.sqliteConnection) == 1 else { return false }
            try Self.run(stamp, key.bytes, in: db)
            return true
        }

        /// Whether `query`, its table bound, finds the key.
        private static func holds(_ query: Statement, _ key: [UInt8]) throws -> Bool {
            let statement = query.sqliteStatement
            key.withUnsafeBytes { _ = sqlite3_bind_blob(statement, 2, $0.baseAddress, Int32($0.count), transient) }
            let code = sqlite3_step(statement)
            sqlite3_reset(statement)
            switch code {
            case SQLITE_ROW: return true
            case SQLITE_DONE: return false
            default: throw DatabaseError(resultCode: ResultCode(rawValue: code), sql: query.sql)
            }
        }

        /// Runs `write`, its other arguments bound, with the key.
        private static func run(_ write: Statement, _ key: [UInt8], in db: Database) throws {
            let statement = write.sqliteStatement
            key.withUnsafeBytes { _ = sqlite3_bind_blob(statement, 2, $0.baseAddress, Int32($0.count), transient) }
            let code = sqlite3_step(statement)
            sqlite3_reset(statement)
            guard code == SQLITE_DONE else { throw error(code, in: db, sql: write.sql) }
        }

        private static func bind(_ text: String, at index: Int32, of statement: Statement) throws {
            let code = sqlite3_bind_text(statement.sqliteStatement, index, text, -1, transient)
            guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code)) }
        }

        private static func error(_ code: Int32, in db: Database, sql: String) -> DatabaseError {
            DatabaseError(
                resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                sql: sql)
        }

        /// Whether a value SQLite holds is NULL, a number, a blob, or text that is UTF-8, as the
        /// field-by-field path reads it into a Swift string unchanged.
        private static func isUTF8(_ value: OpaquePointer?) -> Bool {
            guard let value, sqlite3_value_type(value) == SQLITE_TEXT, let text = sqlite3_value_text(value) else {
                return true
            }
            let bytes = UnsafeBufferPointer(start: text, count: Int(sqlite3_value_bytes(value)))
            return bytes.allSatisfy { $0 < 0x80 } || String(validating: bytes, as: UTF8.self) != nil
        }

        /// SQLite copies what is bound with it before the call returns.
        private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

        /// The insert of a new row of `table`, which does nothing when the row is here.
        private static func prepare(_ table: String, primaryKey: [Bool], in db: Database) throws -> Statement {
            let columns = try db.columns(in: table).map(\.name)
            let key = zip(columns, primaryKey).filter(\.1).map { ChangesetMerger.quoted($0.0) }
            return try db.makeStatement(
                sql:
                    "INSERT INTO \(ChangesetMerger.quoted(table)) (\(columns.map(ChangesetMerger.quoted).joined(separator: ", "))) "
                    + "VALUES (\(columns.map { _ in "?" }.joined(separator: ", "))) "
                    + "ON CONFLICT (\(key.joined(separator: ", "))) DO NOTHING")
        }
    }
}
