import GRDB

#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

/// The entry queries: reading entries (one, some, a period, every one row by row) and writing one.
///
/// Every read is of the entries with their aliases (``EntryColumns/withIDs``: `entries_with_ids` of
/// schema.sql with the reading `recorded`), ties broken by the reading that recorded them, then by
/// `uid`, the key every device holds (``EntryColumns/order(of:descending:)``, docs/sync-ids.md); it selects ``EntryColumns/selectList`` and decodes each row straight from the prepared
/// statement's columns, which costs about half of going through GRDB's `Row` (and far less than
/// looking columns up by name). Each runs inside a transaction the caller opened (``JournalStore``).
///
/// ```swift
/// let week = try store.reading { db in try EntryQueries.entries(db, performedIn: range, exerciseID: nil) }
/// ```
enum EntryQueries {
    /// Inserts `entry` keyed by `uid`, recorded by the write whose reading is `recorded` (a
    /// ``WriteStamp``'s), under its id as alias, or under the next alias when it has none; returns
    /// the alias.
    ///
    /// Plain SQL through cached statements: GRDB's record insert first reads the table's schema,
    /// which costs more than the insert itself on `journal log`'s path, and more per row on import.
    /// A new alias is given only by a counter journal kept (``StoredValues/refuseChangedIDCounter(_:_:)``).
    @discardableResult
    static func insert(_ entry: Entry, uid: String, recorded: String, _ db: Database) throws -> Int64 {
        if let id = entry.id {
            try db.cachedStatement(sql: EntryColumns.insertAlias).execute(arguments: [id, uid])
        } else {
            try StoredValues.refuseChangedIDCounter("entries", db)
        }
        try db.cachedStatement(sql: EntryColumns.insert).execute(
            arguments: StatementArguments(EntryColumns.values(of: entry, uid: uid, recorded: recorded)))
        return try alias(of: uid, db)
    }

    /// The alias of the entry keyed by `uid` (given by the trigger `entries_alias` when it was inserted).
    static func alias(of uid: String, _ db: Database) throws -> Int64 {
        let statement = try db.cachedStatement(sql: "SELECT id FROM entry_ids WHERE uid = ?")
        guard let id = try Int64.fetchOne(statement, arguments: [uid]) else {
            throw JournalError.corruptDatabase(path: db.configuration.label ?? "")
        }
        return id
    }

    /// The entry with this id, if any.
    static func entry(id: Int64, _ db: Database) throws -> Entry? {
        try fetch(
            db, sql: "SELECT \(EntryColumns.selectList) FROM \(EntryColumns.withIDs) WHERE id = ?", arguments: [id]
        )
        .first
    }

    /// The entries with these ids, in id order; throws ``JournalError/entryNotFound(_:)`` for the
    /// first that does not exist.
    static func entries(ids: [Int64], _ db: Database) throws -> [Entry] {
        try Set(ids).sorted().map { id in
            guard let entry = try entry(id: id, db) else { throw JournalError.entryNotFound(id) }
            return entry
        }
    }

    /// Entries newest first, optionally of one exercise and at most `limit` of them.
    static func latest(_ db: Database, exerciseID: String?, limit: Int?) throws -> [Entry] {
        try fetch(
            db,
            sql: """
                SELECT \(EntryColumns.selectList) FROM \(EntryColumns.withIDs) WHERE ?1 IS NULL OR exercise_id = ?1
                ORDER BY \(EntryColumns.order(descending: true)) LIMIT ?2
                """,
            arguments: [exerciseID, limit ?? -1])
    }

    /// Entries performed within `range` (Unix seconds), oldest first, optionally of one exercise.
    static func entries(_ db: Database, performedIn range: Range<Int64>, exerciseID: String?) throws -> [Entry] {
        let (sql, arguments) = periodQuery(range, exerciseID: exerciseID)
        return try fetch(db, sql: sql, arguments: arguments)
    }

    /// Entries performed within `range` (oldest first) and, for each exercise, the
    /// ``Thresholds/repeatedWindow`` sessions just before it (oldest first, ahead of the others),
    /// so that rules looking back over an exercise's recent sessions see them.
    ///
    /// Two queries: the period by the time index, and the sessions before it by the exercise
    /// index, a few rows per exercise however long the journal.
    static func entriesForRules(_ db: Database, performedIn range: Range<Int64>, exerciseID: String?) throws
        -> [Entry]
    {
        let earlier = try fetch(
            db,
            sql: """
                SELECT \(EntryColumns.selectList) FROM \(EntryColumns.withIDs) WHERE uid IN (
                    SELECT e.uid FROM exercises AS x JOIN entries AS e ON e.uid IN (
                        SELECT uid FROM entries WHERE exercise_id = x.id AND performed_at < ?1
                        ORDER BY \(EntryColumns.order(descending: true)) LIMIT ?2)
                    WHERE ?3 IS NULL OR x.id = ?3)
                ORDER BY \(EntryColumns.order())
                """,
            arguments: [range.lowerBound, Thresholds.repeatedWindow, exerciseID])
        return try earlier + entries(db, performedIn: range, exerciseID: exerciseID)
    }

    /// Calls `body` with each entry performed within `range` (all when `nil`), oldest first,
    /// optionally of one exercise, one row at a time: memory stays flat however many there are.
    static func forEach(
        _ db: Database, performedIn range: Range<Int64>?, exerciseID: String?, _ body: (Entry) throws -> Void
    ) throws {
        let (sql, arguments) = periodQuery(range, exerciseID: exerciseID)
        try forEach(db, statement: db.makeStatement(sql: sql), arguments: arguments, body)
    }

    /// The entries `sql` selects (it must select ``EntryColumns/selectList``), through a cached statement.
    static func fetch(_ db: Database, sql: String, arguments: StatementArguments) throws -> [Entry] {
        var entries: [Entry] = []
        try forEach(db, statement: db.cachedStatement(sql: sql), arguments: arguments) { entries.append($0) }
        return entries
    }

    /// Entries within `range` (all when `nil`), of one exercise or all, oldest first; the range
    /// is searched by the `entries_by_time` index.
    private static func periodQuery(_ range: Range<Int64>?, exerciseID: String?) -> (String, StatementArguments) {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let range {
            conditions.append("performed_at >= ? AND performed_at < ?")
            arguments += [range.lowerBound, range.upperBound]
        }
        if let exerciseID {
            conditions.append("exercise_id = ?")
            arguments += [exerciseID]
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return (
            "SELECT \(EntryColumns.selectList) FROM \(EntryColumns.withIDs) \(filter) ORDER BY \(EntryColumns.order())",
            arguments
        )
    }

    /// Calls `body` with each row of `sql`, through a cached statement, as SQLite's C API sees it:
    /// for a statement that selects ``EntryColumns/selectList(of:)`` after columns of its own
    /// (``EntryColumns/entry(at:from:)``).
    static func forEachRow(
        _ db: Database, sql: String, arguments: StatementArguments, _ body: (OpaquePointer?) throws -> Void
    ) throws {
        try forEachRow(db, statement: db.cachedStatement(sql: sql), arguments: arguments, body)
    }

    private static func forEach(
        _ db: Database, statement: Statement, arguments: StatementArguments, _ body: (Entry) throws -> Void
    ) throws {
        try forEachRow(db, statement: statement, arguments: arguments) { try body(EntryColumns.entry(at: $0)) }
    }

    private static func forEachRow(
        _ db: Database, statement: Statement, arguments: StatementArguments, _ body: (OpaquePointer?) throws -> Void
    ) throws {
        try statement.setArguments(arguments)
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        while true {
            let step = sqlite3_step(handle)
            if step == SQLITE_DONE { break }
            guard step == SQLITE_ROW else {
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: step),
                    message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            try body(handle)
        }
    }
}
