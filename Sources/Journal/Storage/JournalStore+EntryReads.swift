import GRDB

#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

/// Reading entries in bulk: `list`, `report`, `check`, the rules after `log`, and `export`.
///
/// Every read here selects ``entryColumns`` and decodes each row straight from the prepared
/// statement's columns, which costs about half of going through GRDB's `Row` (and far less than
/// looking columns up by name). Single entries (`entry(id:)`, edits) use the record API.
extension JournalStore {
    /// The columns of a bulk read, in the order ``entry(at:)`` decodes them.
    static let entryColumns = """
        id, exercise_id, performed_at, utc_offset, sets, reps, hold_seconds, side, pain_before, pain_after, note, \
        created_at
        """

    /// Entries newest first, optionally of one exercise and at most `limit` of them.
    public func entries(exerciseID: String? = nil, limit: Int? = nil) throws -> [Entry] {
        try reading { db in
            var arguments: StatementArguments = exerciseID.map { [$0] } ?? []
            arguments += [limit ?? -1]
            return try Self.fetchEntries(
                db, sql: Self.latestQuery(ofOneExercise: exerciseID != nil), arguments: arguments)
        }
    }

    /// Newest first, at most `?` of them (-1: all), of the exercise given first when `ofOneExercise`.
    static func latestQuery(ofOneExercise: Bool) -> String {
        """
        SELECT \(entryColumns) FROM entries \(ofOneExercise ? "WHERE exercise_id = ?" : "")
        ORDER BY performed_at DESC, id DESC LIMIT ?
        """
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
        try reading { db in
            let earlier = try Self.fetchEntries(
                db,
                sql: """
                    SELECT \(Self.entryColumns) FROM entries WHERE id IN (
                        SELECT e.id FROM exercises AS x JOIN entries AS e ON e.id IN (
                            SELECT id FROM entries WHERE exercise_id = x.id AND performed_at < ?1
                            ORDER BY performed_at DESC, id DESC LIMIT ?2)
                        WHERE ?3 IS NULL OR x.id = ?3)
                    ORDER BY performed_at, id
                    """,
                arguments: [range.lowerBound, Thresholds.repeatedWindow, exerciseID])
            return try earlier + Self.entries(db, performedIn: range, exerciseID: exerciseID)
        }
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

    private static func entries(_ db: Database, performedIn range: Range<Int64>, exerciseID: String?) throws
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
        return ("SELECT \(entryColumns) FROM entries \(filter) ORDER BY performed_at, id", arguments)
    }

    /// The entries `sql` selects (it must select ``entryColumns``), through a cached statement.
    static func fetchEntries(_ db: Database, sql: String, arguments: StatementArguments) throws -> [Entry] {
        var entries: [Entry] = []
        try forEachEntry(db, statement: db.cachedStatement(sql: sql), arguments: arguments) { entries.append($0) }
        return entries
    }

    private static func forEachEntry(
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
            try body(entry(at: handle))
        }
    }

    /// The entry in the current row of a statement that selects ``entryColumns``.
    private static func entry(at handle: OpaquePointer?) throws -> Entry {
        func text(_ column: Int32) -> String? {
            guard sqlite3_column_type(handle, column) != SQLITE_NULL, let bytes = sqlite3_column_text(handle, column)
            else {
                return nil
            }
            let count = Int(sqlite3_column_bytes(handle, column))
            return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
        }
        func integer(_ column: Int32) -> Int? {
            sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : Int(sqlite3_column_int64(handle, column))
        }
        let before = Int(sqlite3_column_int64(handle, 8))
        let after = Int(sqlite3_column_int64(handle, 9))
        guard let painBefore = PainLevel(before), let painAfter = PainLevel(after) else {
            throw JournalError.invalidPain(field: "stored pain", text: "\(before) → \(after)")
        }
        return try Entry(
            id: sqlite3_column_int64(handle, 0),
            exerciseID: text(1) ?? "",
            performedAt: sqlite3_column_int64(handle, 2),
            utcOffset: Int(sqlite3_column_int64(handle, 3)),
            sets: Int(sqlite3_column_int64(handle, 4)),
            reps: integer(5),
            holdSeconds: integer(6),
            side: text(7).flatMap(Side.init(rawValue:)),
            painBefore: painBefore,
            painAfter: painAfter,
            note: text(10),
            createdAt: sqlite3_column_int64(handle, 11))
    }
}
