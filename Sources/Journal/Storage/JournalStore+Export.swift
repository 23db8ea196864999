import GRDB

#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

extension JournalStore {
    /// Calls `body` with each entry performed within `range` (all when `nil`), oldest first,
    /// optionally of one exercise, one row at a time: memory stays flat however many there are.
    ///
    /// The export path, so it reads columns straight from the prepared statement.
    public func forEachEntry(
        performedIn range: Range<Int64>? = nil, exerciseID: String? = nil, _ body: (Entry) throws -> Void
    ) throws {
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
        let sql = """
            SELECT id, exercise_id, performed_at, utc_offset, sets, reps, hold_seconds, side,
                   pain_before, pain_after, note, created_at
            FROM entries \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
            ORDER BY performed_at, id
            """
        try reading { db in
            let statement = try db.makeStatement(sql: sql)
            try statement.setArguments(arguments)
            let handle = statement.sqliteStatement
            while true {
                let step = sqlite3_step(handle)
                if step == SQLITE_DONE { break }
                guard step == SQLITE_ROW else {
                    throw DatabaseError(
                        resultCode: ResultCode(rawValue: step),
                        message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
                }
                try body(Self.entry(at: handle))
            }
            sqlite3_reset(handle)
        }
    }

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
