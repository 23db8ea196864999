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
    ///
    /// With a `reading` (the replica's ``HybridLogicalClock/send(now:)`` for this transaction),
    /// every field the changes wrote is stamped with it in ``SyncMetadata``, and every row they
    /// deleted leaves a tombstone, in the same transaction, so ``ChangesetMerger`` weighs local
    /// writes against incoming ones. Throws ``ChangesetError/Kind/deletedRow(_:)`` for a write to
    /// a key deleted before (on any replica), and ``ChangesetError/Kind/staleReading`` when a field
    /// already holds a reading as late as `reading`.
    public func record(
        in writer: some DatabaseWriter, at reading: HybridTimestamp? = nil, _ changes: (Database) throws -> Void,
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
                if let reading { try Self.stamp(changeset, at: reading.text, in: db) }
                try keep(db, changeset)
                return .commit
            }
            return changeset
        }
    }

    /// Runs `changes` inside the caller's write transaction on `db` with a session attached to
    /// ``tables``, and returns what they returned and what they changed, the changeset stamped at
    /// `reading()` as ``record(in:at:_:keep:)`` stamps it (the reading is asked for only when the
    /// changes changed something; the caller's transaction rolls everything back if this throws).
    ///
    /// For a store whose writes already run in their own transactions: the caller keeps the
    /// changeset (an outbox) in the same transaction.
    public func record<T>(
        inTransactionOf db: Database, at reading: () throws -> HybridTimestamp, _ changes: (Database) throws -> T
    ) throws -> (result: T, changeset: Changeset, reading: HybridTimestamp?) {
        for table in tables { _ = try SyncedTable.shape(of: table, in: db) }
        var session: OpaquePointer?
        try Self.check(sqlite3session_create(db.sqliteConnection, "main", &session))
        defer { sqlite3session_delete(session) }
        for table in tables { try Self.check(sqlite3session_attach(session, table)) }
        let result = try changes(db)
        let changeset = try Self.changeset(of: session)
        guard !changeset.isEmpty else { return (result, changeset, nil) }
        let stamp = try reading()
        try Self.stamp(changeset, at: stamp.text, in: db)
        return (result, changeset, stamp)
    }

    /// A changeset of every row of ``tables``, as inserts, handed to `keep`.
    ///
    /// What turns empty tables of the same shape into these (`sqlite3session_diff` against an empty
    /// copy attached for it), stamped at the reading `prepare` returns as a local write is, all in
    /// one immediate transaction. `db` must not be in a transaction (SQLite attaches only outside one).
    ///
    /// `journal sync init` sends it first, so a replica that joins later gets every record made
    /// before; `prepare` runs first in the transaction (it gives the journal its replica id).
    /// `baseline` may fill the empty tables (attached as the schema it is given) with rows every
    /// replica holds alike (a new journal's built-in rows): those are left out, or sent as updates
    /// where this journal changed them.
    public func snapshot(
        of db: Database, baseline: (Database, _ schema: String) throws -> Void = { _, _ in },
        prepare: (Database) throws -> HybridTimestamp, keep: (Database, Changeset) throws -> Void
    ) throws {
        try db.execute(sql: "ATTACH DATABASE ':memory:' AS snapshot_empty")
        defer { try? db.execute(sql: "DETACH DATABASE snapshot_empty") }
        for table in tables {
            _ = try SyncedTable.shape(of: table, in: db)
            // The same columns and primary key, empty: all a diff compares.
            let columns = try db.columns(in: table)
            let key = columns.filter { $0.primaryKeyIndex > 0 }.sorted { $0.primaryKeyIndex < $1.primaryKeyIndex }
            let list = columns.map { ChangesetMerger.quoted($0.name) }.joined(separator: ", ")
            let primaryKey = key.map { ChangesetMerger.quoted($0.name) }.joined(separator: ", ")
            try db.execute(
                sql:
                    "CREATE TABLE snapshot_empty.\(ChangesetMerger.quoted(table)) (\(list), PRIMARY KEY (\(primaryKey)))"
            )
        }
        try baseline(db, "snapshot_empty")
        try db.inTransaction(.immediate) {
            let reading = try prepare(db)
            var session: OpaquePointer?
            try Self.check(sqlite3session_create(db.sqliteConnection, "main", &session))
            defer { sqlite3session_delete(session) }
            for table in tables {
                try Self.check(sqlite3session_attach(session, table))
                var message: UnsafeMutablePointer<CChar>?
                let code = sqlite3session_diff(session, "snapshot_empty", table, &message)
                sqlite3_free(message)
                try Self.check(code)
            }
            let changeset = try Self.changeset(of: session)
            if !changeset.isEmpty { try Self.stamp(changeset, at: reading.text, in: db) }
            try keep(db, changeset)
            return .commit
        }
    }

    /// Stamps each field `changeset` wrote with `reading`, and buries each row it deleted.
    private static func stamp(_ changeset: Changeset, at reading: String, in db: Database) throws {
        try SyncMetadata.create(in: db)
        var columns: [String: [String]] = [:]
        for change in try changeset.rowChanges() {
            let key = change.key
            if change.operation == .delete {
                try SyncMetadata.bury(change.table, key: key, at: reading, in: db)
                continue
            }
            guard try SyncMetadata.tombstone(of: change.table, key: key, in: db) == nil else {
                throw ChangesetError(
                    .deletedRow(change.table),
                    "A row of \(change.table) that was deleted (here or on another replica) cannot be written "
                        + "again: give it a new id.")
            }
            if change.operation == .insert {
                // A new row: every field at the reading, in one row clock.
                try SyncMetadata.setRowClock(of: change.table, key: key, reading, in: db)
                continue
            }
            let names = try columns[change.table] ?? db.columns(in: change.table).map(\.name)
            columns[change.table] = names
            let stamped = try SyncMetadata.clocks(of: change.table, key: key, in: db)
            var clocks: [(column: String, reading: String)] = []
            for (index, name) in names.enumerated() where !change.primaryKey[index] && change.new[index] != nil {
                if let stored = stamped[name], stored >= reading {
                    throw ChangesetError(
                        .staleReading,
                        "The clock reading \(reading) is not later than the field \(change.table).\(name)'s "
                            + "(\(stored)): move the clock past every reading merged before recording.")
                }
                clocks.append((name, reading))
            }
            try SyncMetadata.setClocks(of: change.table, key: key, clocks, in: db)
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
