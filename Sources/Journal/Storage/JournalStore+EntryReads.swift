import GRDB

#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

/// Reading entries in bulk: `list`, `report`, `check`, the rules after `log`, and `export`.
///
/// Every read here selects ``EntryColumns/selectList`` and decodes each row straight from the prepared
/// statement's columns, which costs about half of going through GRDB's `Row` (and far less than
/// looking columns up by name).
extension JournalStore {
    /// Entries newest first, optionally of one exercise and at most `limit` of them.
    public func entries(exerciseID: String? = nil, limit: Int? = nil) throws -> [Entry] {
        try reading { db in
            try Self.fetchEntries(
                db,
                sql: """
                    SELECT \(EntryColumns.selectList) FROM entries WHERE ?1 IS NULL OR exercise_id = ?1
                    ORDER BY performed_at DESC, id DESC LIMIT ?2
                    """,
                arguments: [exerciseID, limit ?? -1])
        }
    }

    /// Entries performed within `range` (Unix seconds), oldest first, optionally of one exercise.
    public func entries(performedIn range: Range<Int64>, exerciseID: String? = nil) throws -> [Entry] {
        try reading { db in try Self.entries(db, performedIn: range, exerciseID: exerciseID) }
    }

    /// Entries performed within `range` (oldest first) and, for each exercise, the
    /// ``Thresholds/repeatedWindow`` sessions just before it (oldest first, ahead of the others),
    /// so that rules looking back over an exercise's recent sessions see them.
    ///
    /// Two queries in one read transaction: the period by the time index, and the sessions before
    /// it by the exercise index, a few rows per exercise however long the journal.
    public func entriesForRules(performedIn range: Range<Int64>, exerciseID: String? = nil) throws -> [Entry] {
        try reading { db in try Self.entriesForRules(db, performedIn: range, exerciseID: exerciseID) }
    }

    /// ``entriesForRules(performedIn:exerciseID:)`` within a transaction.
    static func entriesForRules(_ db: Database, performedIn range: Range<Int64>, exerciseID: String?) throws
        -> [Entry]
    {
        let earlier = try Self.fetchEntries(
            db,
            sql: """
                SELECT \(EntryColumns.selectList) FROM entries WHERE id IN (
                    SELECT e.id FROM exercises AS x JOIN entries AS e ON e.id IN (
                        SELECT id FROM entries WHERE exercise_id = x.id AND performed_at < ?1
                        ORDER BY performed_at DESC, id DESC LIMIT ?2)
                    WHERE ?3 IS NULL OR x.id = ?3)
                ORDER BY performed_at, id
                """,
            arguments: [range.lowerBound, Thresholds.repeatedWindow, exerciseID])
        return try earlier + Self.entries(db, performedIn: range, exerciseID: exerciseID)
    }

    /// Calls `body` with each entry performed within `range` (all when `nil`), oldest first,
    /// optionally of one exercise, one row at a time: memory stays flat however many there are.
    public func forEachEntry(
        performedIn range: Range<Int64>? = nil, exerciseID: String? = nil, _ body: (Entry) throws -> Void
    ) throws {
        try reading { db in
            let (sql, arguments) = Self.periodQuery(range, exerciseID: exerciseID)
            try Self.forEachEntry(db, statement: db.makeStatement(sql: sql), arguments: arguments, body)
        }
    }

    // MARK: Building blocks

    static func entries(_ db: Database, performedIn range: Range<Int64>, exerciseID: String?) throws
        -> [Entry]
    {
        let (sql, arguments) = periodQuery(range, exerciseID: exerciseID)
        return try fetchEntries(db, sql: sql, arguments: arguments)
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
        return ("SELECT \(EntryColumns.selectList) FROM entries \(filter) ORDER BY performed_at, id", arguments)
    }

    /// The entries `sql` selects (it must select ``EntryColumns/selectList``), through a cached statement.
    static func fetchEntries(_ db: Database, sql: String, arguments: StatementArguments) throws -> [Entry] {
        var entries: [Entry] = []
        try forEachEntry(db, statement: db.cachedStatement(sql: sql), arguments: arguments) { entries.append($0) }
        return entries
    }

    static func forEachEntry(
        _ db: Database, statement: Statement, arguments: StatementArguments, _ body: (Entry) throws -> Void
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
            try body(EntryColumns.entry(at: handle))
        }
    }
}
