import GRDB

#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

/// The `entries` table's columns (schema.sql), in one list: every statement that reads, writes
/// or copies whole entries is made from it, and the decoder reads the columns by their place in it.
///
/// ```swift
/// EntryColumns.selectList // "id, exercise_id, performed_at, …, created_at"
/// EntryColumns.insert     // "INSERT INTO entries (id, …) VALUES (?, …)"
/// ```
enum EntryColumns: Int32, CaseIterable {
    case id, exerciseID, performedAt, utcOffset, sets, reps, holdSeconds, side, painBefore, painAfter, note, createdAt

    /// The column's name in the table.
    var name: String {
        switch self {
        case .id: "id"
        case .exerciseID: "exercise_id"
        case .performedAt: "performed_at"
        case .utcOffset: "utc_offset"
        case .sets: "sets"
        case .reps: "reps"
        case .holdSeconds: "hold_seconds"
        case .side: "side"
        case .painBefore: "pain_before"
        case .painAfter: "pain_after"
        case .note: "note"
        case .createdAt: "created_at"
        }
    }

    /// Every column, comma-separated, in this order.
    static let selectList = allCases.map(\.name).joined(separator: ", ")

    /// Every column of the table named `table` in a statement (`e.id, e.exercise_id, …`), in this order.
    static func selectList(of table: String) -> String {
        allCases.map { "\(table).\($0.name)" }.joined(separator: ", ")
    }

    /// Inserts one entry: its values in column order (``values(of:)``); a `NULL` id takes the next free one.
    static let insert =
        "INSERT INTO entries (\(selectList)) VALUES (\(allCases.map { _ in "?" }.joined(separator: ", ")))"

    /// Inserts `rows` entries in one statement: each one's values in column order, one after another.
    static func insert(rows: Int) -> String {
        let row = "(" + allCases.map { _ in "?" }.joined(separator: ", ") + ")"
        return "INSERT INTO entries (\(selectList)) VALUES "
            + Array(repeating: row, count: rows).joined(separator: ", ")
    }

    /// Replaces an entry by the one with the same id: its values in column order.
    static let update =
        "UPDATE entries SET \(allCases.dropFirst().map { "\($0.name) = ?" }.joined(separator: ", ")) WHERE id = ?"

    /// Keeps a copy of the entry `?2` as screens read it, so that undoing change `?1` puts it back.
    ///
    /// A value written into the file from outside, out of what journal writes, is kept as screens
    /// read it (``StoredValues/asRead(_:of:)``), every other byte as the file holds it (a note
    /// with a NUL too): a copy holding a value journal never writes was changed from outside, and
    /// undo refuses it (``StoredValues/keptValueRefused(of:kind:subject:_:)``).
    static let keepCopy = """
        INSERT INTO change_entries (change_id, action, \(selectList))
        SELECT ?1, 'restore', \(asRead.joined(separator: ", ")) FROM entries WHERE id = ?2
        """

    /// Every column as screens read it (``StoredValues/asRead(_:of:)``), in this order: the copies
    /// undo keeps are made of it.
    private static let asRead = allCases.map { StoredValues.asRead($0.name, of: "entries") }

    /// The `edited_*` columns of `change_entries` (schema.sql, v25-edit-results), where an edit keeps
    /// the entry as it left it: every column but the id, in this order.
    static let editedList = allCases.dropFirst().map { "edited_\($0.name)" }.joined(separator: ", ")

    /// Keeps, on the copy the edit `?1` kept of the entry `?2` (``keepCopy``), the entry as the edit
    /// left it, as screens read it: undo puts the copy back only while the journal holds that.
    static let keepEdited = """
        UPDATE change_entries SET (\(editedList)) = (
            SELECT \(asRead.dropFirst().joined(separator: ", ")) FROM entries WHERE id = ?2)
        WHERE change_id = ?1 AND action = 'restore' AND id = ?2
        """

    /// Notes that undoing the log `?1` removes the entry `?2`, keeping in the `edited_*` columns
    /// of that `remove` row the entry as the log left it, as screens read it (as ``keepEdited``):
    /// undo removes it only while the journal holds that.
    static let keepLogged = """
        INSERT INTO change_entries (change_id, action, id, \(editedList))
        SELECT ?1, 'remove', id, \(asRead.dropFirst().joined(separator: ", ")) FROM entries WHERE id = ?2
        """

    /// Whether the entry `?2` is as the edit or log `?1` left it (``keepEdited``, ``keepLogged``).
    ///
    /// As screens read it, or as stored (an edit recorded before v25-edit-results kept it so).
    /// `NULL` when the change kept nothing of what it left (an import, a log recorded before).
    static let isAsLeft = """
        SELECT (SELECT \(asRead.dropFirst().joined(separator: ", ")) FROM entries_with_ids WHERE id = ?2) IS (\(editedList))
            OR (SELECT \(allCases.dropFirst().map(\.name).joined(separator: ", ")) FROM entries_with_ids WHERE id = ?2)
                IS (\(editedList))
        FROM change_entries WHERE change_id = ?1 AND id = ?2 AND edited_created_at IS NOT NULL
        """

    /// Puts back every entry that change `?` kept a copy of, as it kept it.
    static let restoreCopies = """
        INSERT OR REPLACE INTO entries (\(selectList))
        SELECT \(selectList) FROM change_entries WHERE change_id = ? AND action = 'restore'
        """

    /// An entry's values, in column order.
    static func values(of entry: Entry) -> [(any DatabaseValueConvertible)?] {
        [
            entry.id, entry.exerciseID, entry.performedAt, entry.utcOffset, entry.sets, entry.reps, entry.holdSeconds,
            entry.side?.rawValue, entry.painBefore.value, entry.painAfter.value, entry.note, entry.createdAt,
        ]
    }

    /// Binds `entry`'s values to the parameters of `handle`, in column order from parameter `first` on.
    ///
    /// Straight through SQLite's C API (1 is the first parameter): the import's hot path, with no
    /// boxed values. Returns `SQLITE_OK`, or the first code that is not.
    static func bind(_ entry: Entry, to handle: OpaquePointer?, from first: Int32) -> Int32 {
        var code = SQLITE_OK
        func integer(_ column: Self, _ value: Int64?) {
            let result =
                if let value {
                    sqlite3_bind_int64(handle, first + column.rawValue, value)
                } else {
                    sqlite3_bind_null(handle, first + column.rawValue)
                }
            if code == SQLITE_OK { code = result }
        }
        func text(_ column: Self, _ value: String?) {
            guard var value else {
                integer(column, nil)
                return
            }
            let result = value.withUTF8 { utf8 in
                utf8.withMemoryRebound(to: CChar.self) {
                    if let base = $0.baseAddress {
                        sqlite3_bind_text(handle, first + column.rawValue, base, Int32($0.count), transient)
                    } else {
                        sqlite3_bind_text(handle, first + column.rawValue, "", 0, transient)
                    }
                }
            }
            if code == SQLITE_OK { code = result }
        }
        integer(.id, entry.id)
        text(.exerciseID, entry.exerciseID)
        integer(.performedAt, entry.performedAt)
        integer(.utcOffset, Int64(entry.utcOffset))
        integer(.sets, Int64(entry.sets))
        integer(.reps, entry.reps.map(Int64.init))
        integer(.holdSeconds, entry.holdSeconds.map(Int64.init))
        text(.side, entry.side?.rawValue)
        integer(.painBefore, Int64(entry.painBefore.value))
        integer(.painAfter, Int64(entry.painAfter.value))
        text(.note, entry.note)
        integer(.createdAt, entry.createdAt)
        return code
    }

    /// SQLite's `SQLITE_TRANSIENT`: it copies the bytes before the call returns.
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    /// Replaces an entry's values but its note, which keeps every byte it has: the id last.
    static let updateKeepingNote =
        "UPDATE entries SET \(allCases.dropFirst().filter { $0 != .note }.map { "\($0.name) = ?" }.joined(separator: ", "))"
        + " WHERE id = ?"

    /// The values of `entry` for ``update``: every column but the id, then the id; without its
    /// note for ``updateKeepingNote``.
    static func updateValues(of entry: Entry, keepingNote: Bool = false) -> StatementArguments {
        let values = zip(allCases, values(of: entry)).dropFirst().filter { !keepingNote || $0.0 != .note }.map(\.1)
        return StatementArguments(values + [entry.id])
    }

    /// The entry in the current row of `handle`, a statement that selects ``selectList`` from its
    /// column `first` on (0: the first).
    static func entry(at handle: OpaquePointer?, from first: Int32 = 0) throws -> Entry {
        func text(_ column: Self) -> String? {
            guard sqlite3_column_type(handle, first + column.rawValue) != SQLITE_NULL,
                let bytes = sqlite3_column_text(handle, first + column.rawValue)
            else { return nil }
            let count = Int(sqlite3_column_bytes(handle, first + column.rawValue))
            return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
        }
        func integer(_ column: Self) -> Int64 { sqlite3_column_int64(handle, first + column.rawValue) }
        func optional(_ column: Self) -> Int? {
            sqlite3_column_type(handle, first + column.rawValue) == SQLITE_NULL ? nil : Int(integer(column))
        }
        // A value journal never writes, put in from outside, is read within its range, never refused:
        // a screen still shows what stands, and says what is wrong (``StoredValues``).
        func clamped(_ column: Self, _ range: ClosedRange<Int>) -> Int {
            StoredValues.clamped(Int(truncatingIfNeeded: integer(column)), to: range)
        }
        let pains = StoredValues.pains(
            before: Int(truncatingIfNeeded: integer(.painBefore)), after: Int(truncatingIfNeeded: integer(.painAfter)))
        var entry = try Entry(
            id: integer(.id), exerciseID: text(.exerciseID) ?? "", performedAt: integer(.performedAt),
            utcOffset: clamped(.utcOffset, LocalDateTime.utcOffsets), sets: clamped(.sets, Entry.Limits.sets),
            reps: optional(.reps).map { StoredValues.clamped($0, to: Entry.Limits.reps) },
            holdSeconds: optional(.holdSeconds).map { StoredValues.clamped($0, to: Entry.Limits.holdSeconds) },
            side: text(.side).flatMap(Side.init(rawValue:)),
            painBefore: pains.before, painAfter: pains.after, createdAt: integer(.createdAt)
        )
        // The note as stored, unchecked: one written from outside may break the note rule (``Note/stored(_:)``).
        entry.note = Note.stored(text(.note))
        return entry
    }
}
