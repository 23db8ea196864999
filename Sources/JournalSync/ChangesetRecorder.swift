import CSQLiteSession
import GRDB

/// Records what one write transaction changes in the synced tables, as a ``Changeset``.
///
/// A SQLite session (<https://sqlite.org/session/sqlite3session_create.html>) is attached to the
/// writer's own connection for the length of one transaction. The changeset is taken inside the
/// transaction and handed to `keep`, which can store it in the same transaction (an outbox table
/// that is not recorded), so a change and its changeset commit together or not at all. A row
/// inserted and deleted in the same transaction, or updated back to its old values, leaves no change.
///
/// ```swift
/// let recorder = ChangesetRecorder(tables: ["entries"])
/// let changeset = try recorder.record(in: queue) { db in
///     try db.execute(sql: "UPDATE entries SET pain = 3 WHERE id = 1")
/// }
/// ```
public struct ChangesetRecorder: Sendable {
    /// The tables whose changes are recorded; each must declare a primary key.
    public let tables: [String]

    public init(tables: [String]) {
        self.tables = tables
    }

    /// Runs `changes` in one write transaction of `writer`, then `keep` with what they changed in
    /// ``tables``, commits, and returns the changeset.
    ///
    /// When `changes` or `keep` throws, the transaction is rolled back, nothing is recorded and the
    /// error is rethrown. Throws ``ChangesetError`` for a table that is missing or has no primary key.
    public func record(
        in writer: some DatabaseWriter, _ changes: (Database) throws -> Void,
        keep: (Database, Changeset) throws -> Void = { _, _ in }
    ) throws -> Changeset {
        try writer.writeWithoutTransaction { db in
            for table in tables { _ = try SyncedTable.shape(of: table, in: db) }
            var session: OpaquePointer?
            try Self.check(sqlite3session_create(db.sqliteConnection, "main", &session))
            defer { sqlite3session_delete(session) }
            for table in tables { try Self.check(sqlite3session_attach(session, table)) }
            var changeset = Changeset(bytes: [])
            try db.inTransaction(.immediate) {
                try changes(db)
                changeset = try Self.changeset(of: session)
                try keep(db, changeset)
                return .commit
            }
            return changeset
        }
    }

    private static func changeset(of session: OpaquePointer?) throws -> Changeset {
        var size: Int32 = 0
        var buffer: UnsafeMutableRawPointer?
        try check(sqlite3session_changeset(session, &size, &buffer))
        defer { sqlite3_free(buffer) }
        guard let buffer, size > 0 else { return Changeset(bytes: []) }
        return Changeset(bytes: Array(UnsafeRawBufferPointer(start: buffer, count: Int(size))))
    }

    private static func check(_ code: Int32) throws {
        guard code == SQLITE_OK else {
            throw ChangesetError(
                .sqlite(code), "SQLite could not record the changes: \(String(cString: sqlite3_errstr(code))).")
        }
    }
}
