import GRDB

#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

/// The `entries` table's columns (schema.sql, v26-record-ids), in one list.
///
/// Every statement that reads, writes or copies whole entries is made from it, and the decoder
/// reads the columns by their place in it. The table is keyed by `uid`; the number people type is
/// its alias in `entry_ids`, which every read selects first (``selectList``, from ``withIDs``).
///
/// ```swift
/// EntryColumns.columnList // "uid, exercise_id, performed_at, …, created_at, recorded"
/// EntryColumns.selectList // "id, uid, exercise_id, …, created_at, recorded"
/// EntryColumns.insert     // "INSERT INTO entries (uid, …, recorded) VALUES (?, …)"
/// ```
enum EntryColumns: Int32, CaseIterable {
    case uid, exerciseID, performedAt, utcOffset, sets, reps, holdSeconds, side, painBefore, painAfter, note, createdAt
    case recorded

    /// The column's name in the table.
    var name: String {
        switch self {
        case .uid: "uid"
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
        case .recorded: "recorded"
        }
    }

    /// The columns of what a session is, every one but its keys (`uid`) and its reading
    /// (`recorded`): the columns the undo copies keep beside the alias (`change_entries`), in this order.
    static let content = allCases.filter { $0 != .uid && $0 != .recorded }

    /// Every column of the table, comma-separated, in this order.
    static let columnList = allCases.map(\.name).joined(separator: ", ")

    /// How many parameters one entry's row takes in ``insert`` and ``insert(rows:)``.
    static let parameterCount = allCases.count

    /// The entries with their aliases, as a table to read from (`FROM \(withIDs) WHERE id = ?`).
    ///
    /// `id`, the alias people type, then every column: `entries_with_ids` (schema.sql) without
    /// `recorded`, which coverage needs; SQLite reads it as the join it is (flattened).
    static let withIDs =
        "(SELECT a.id AS id, \(allCases.map { "e.\($0.name) AS \($0.name)" }.joined(separator: ", "))"
        + " FROM entries AS e JOIN entry_ids AS a ON a.uid = e.uid)"

    /// The alias then every column, comma-separated, as read from ``withIDs``.
    static let selectList = "id, " + columnList

    /// ``selectList`` of the table named `table` in a statement (`e.id, e.uid, …`): a read of
    /// ``withIDs`` under that name.
    static func selectList(of table: String) -> String {
        (["id"] + allCases.map(\.name)).map { "\(table).\($0)" }.joined(separator: ", ")
    }

    /// The order the entry queries sort in, oldest first.
    ///
    /// By time, then by the reading that recorded them (the order they were written in, the same
    /// on every device), then by uid: a total order (``Entry/precedes(_:_:)`` in Swift). Columns
    /// of `table` when given.
    static func order(of table: String? = nil, descending: Bool = false) -> String {
        ["performed_at", "recorded", "uid"].map { (table.map { "\($0)." } ?? "") + $0 + (descending ? " DESC" : "") }
            .joined(separator: ", ")
    }

    /// Names the entry whose alias is `?N` in a write: `uid = (SELECT uid FROM entry_ids WHERE id = ?N)`.
    static func byAlias(_ parameter: String = "?") -> String {
        "uid = (SELECT uid FROM entry_ids WHERE id = \(parameter))"
    }

    /// Inserts one entry: its values in column order (``values(of:uid:recorded:)``).
    ///
    /// The trigger `entries_alias` gives its uid the next alias, unless ``insertAlias`` gave it one first.
    static let insert =
        "INSERT INTO entries (\(columnList)) VALUES (\(allCases.map { _ in "?" }.joined(separator: ", ")))"

    /// Gives the uid `?2` the alias `?1`, before the entry is inserted: an entry that must keep a
    /// given number (an import of a full export's ids).
    static let insertAlias = "INSERT INTO entry_ids (id, uid) VALUES (?1, ?2)"

    /// Inserts `rows` entries in one statement: each one's values in column order, one after another
    /// (``parameterCount`` each, ``bind(_:uid:recorded:to:from:)``).
    static func insert(rows: Int) -> String {
        let row = "(" + allCases.map { _ in "?" }.joined(separator: ", ") + ")"
        return "INSERT INTO entries (\(columnList)) VALUES "
            + Array(repeating: row, count: rows).joined(separator: ", ")
    }

    /// Replaces the values of the entry whose alias is the last parameter, its uid kept: every
    /// other column in column order (``updateValues(of:keepingNote:)``).
    static let update =
        "UPDATE entries SET \(allCases.dropFirst().map { "\($0.name) = ?" }.joined(separator: ", ")) WHERE \(byAlias())"

    /// Keeps a copy of the entry whose alias is `?2` as screens read it, with its reading
    /// (`recorded`), under that alias, so that undoing change `?1` puts it back.
    ///
    /// A value written into the file from outside, out of what journal writes, is kept as screens
    /// read it (``StoredValues/asRead(_:of:)``), every other byte as the file holds it (a note
    /// with a NUL too): a copy holding a value journal never writes was changed from outside, and
    /// undo refuses it (``StoredValues/keptValueRefused(of:kind:subject:_:)``).
    static let keepCopy = """
        INSERT INTO change_entries (change_id, action, id, \(contentList), recorded)
        SELECT ?1, 'restore', a.id, \(asRead.joined(separator: ", ")), e.recorded
        FROM entries AS e JOIN entry_ids AS a ON a.uid = e.uid WHERE a.id = ?2
        """

    /// ``content``, comma-separated.
    private static let contentList = content.map(\.name).joined(separator: ", ")

    /// Every column of ``content`` as screens read it (``StoredValues/asRead(_:of:)``), in this
    /// order: the copies undo keeps are made of it.
    private static let asRead = content.map { StoredValues.asRead($0.name, of: "entries") }

    /// The `edited_*` columns of `change_entries` (schema.sql, v25-edit-results), where an edit keeps
    /// the entry as it left it: every column of ``content``, in this order.
    static let editedList = content.map { "edited_\($0.name)" }.joined(separator: ", ")

    /// Keeps, on the copy the edit `?1` kept of the entry whose alias is `?2` (``keepCopy``), the
    /// entry as the edit left it, as screens read it: undo puts the copy back only while the
    /// journal holds that.
    static let keepEdited = """
        UPDATE change_entries SET (\(editedList)) = (
            SELECT \(asRead.joined(separator: ", ")) FROM entries WHERE \(byAlias("?2")))
        WHERE change_id = ?1 AND action = 'restore' AND id = ?2
        """

    /// Notes that undoing the log `?1` removes the entry whose alias is `?2`, keeping in the
    /// `edited_*` columns of that `remove` row the entry as the log left it, as screens read it
    /// (as ``keepEdited``): undo removes it only while the journal holds that.
    static let keepLogged = """
        INSERT INTO change_entries (change_id, action, id, \(editedList))
        SELECT ?1, 'remove', a.id, \(asRead.joined(separator: ", "))
        FROM entries AS e JOIN entry_ids AS a ON a.uid = e.uid WHERE a.id = ?2
        """

    /// Whether the entry whose alias is `?2` is as the edit or log `?1` left it (``keepEdited``,
    /// ``keepLogged``).
    ///
    /// As screens read it, or as stored (an edit recorded before v25-edit-results kept it so).
    /// `NULL` when the change kept nothing of what it left (an import, a log recorded before).
    static let isAsLeft = """
        SELECT (SELECT \(asRead.joined(separator: ", ")) FROM entries_with_ids WHERE id = ?2) IS (\(editedList))
            OR (SELECT \(contentList) FROM entries_with_ids WHERE id = ?2) IS (\(editedList))
        FROM change_entries WHERE change_id = ?1 AND id = ?2 AND edited_created_at IS NOT NULL
        """

    /// Puts back every entry that change `?` kept a copy of, as it kept it: under the uid its alias
    /// names (an edited entry's own, a deleted one's new uid, ``ChangeLog``'s `giveNewUIDs`), with
    /// the reading it kept (so a review covers it as before).
    static let restoreCopies = """
        INSERT OR REPLACE INTO entries (\(columnList))
        SELECT (SELECT a.uid FROM entry_ids AS a WHERE a.id = c.id), \(content.map { "c.\($0.name)" }.joined(separator: ", ")),
               c.recorded
        FROM change_entries AS c WHERE c.change_id = ? AND c.action = 'restore'
        """

    /// An entry's values, in column order, with its `uid` and its reading `recorded`.
    static func values(of entry: Entry, uid: String, recorded: String) -> [(any DatabaseValueConvertible)?] {
        [
            uid, entry.exerciseID, entry.performedAt, entry.utcOffset, entry.sets, entry.reps, entry.holdSeconds,
            entry.side?.rawValue, entry.painBefore.value, entry.painAfter.value, entry.note, entry.createdAt, recorded,
        ]
    }

    /// Binds `entry`'s values, with its `uid` and reading `recorded`, to the parameters of `handle`,
    /// in column order from parameter `first` on (``parameterCount`` of them).
    ///
    /// Straight through SQLite's C API (1 is the first parameter): the import's hot path, with no
    /// boxed values. Returns `SQLITE_OK`, or the first code that is not.
    static func bind(
        _ entry: Entry, uid: String, recorded: String, to handle: OpaquePointer?, from first: Int32
    ) -> Int32 {
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
        text(.uid, uid)
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
        text(.recorded, recorded)
        return code
    }

    /// SQLite's `SQLITE_TRANSIENT`: it copies the bytes before the call returns.
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    /// ``update`` but for the note, which keeps every byte it has: the alias last.
    static let updateKeepingNote =
        "UPDATE entries SET \(allCases.dropFirst().filter { $0 != .note }.map { "\($0.name) = ?" }.joined(separator: ", "))"
        + " WHERE \(byAlias())"

    /// The values of `entry` for ``update``: every column but the uid (its reading ``Entry/recorded``
    /// included, which it must have: it was read from the journal), then its alias; without its
    /// note for ``updateKeepingNote``.
    static func updateValues(of entry: Entry, keepingNote: Bool = false) -> StatementArguments {
        let values = zip(allCases, values(of: entry, uid: entry.uid ?? "", recorded: entry.recorded ?? ""))
            .dropFirst().filter { !keepingNote || $0.0 != .note }.map(\.1)
        return StatementArguments(values + [entry.id])
    }

    /// The entry in the current row of `handle`, a statement that selects ``selectList`` from its
    /// column `first` on (0: the first): the alias, then the columns in order.
    static func entry(at handle: OpaquePointer?, from first: Int32 = 0) throws -> Entry {
        // Column `first` is the alias; the table's columns follow it.
        let first = first + 1
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
            id: sqlite3_column_int64(handle, first - 1), exerciseID: text(.exerciseID) ?? "",
            performedAt: integer(.performedAt),
            utcOffset: clamped(.utcOffset, LocalDateTime.utcOffsets), sets: clamped(.sets, Entry.Limits.sets),
            reps: optional(.reps).map { StoredValues.clamped($0, to: Entry.Limits.reps) },
            holdSeconds: optional(.holdSeconds).map { StoredValues.clamped($0, to: Entry.Limits.holdSeconds) },
            side: text(.side).flatMap(Side.init(rawValue:)),
            painBefore: pains.before, painAfter: pains.after, createdAt: integer(.createdAt)
        )
        // The note as stored, unchecked: one written from outside may break the note rule (``Note/stored(_:)``).
        entry.note = Note.stored(text(.note))
        entry.uid = text(.uid)
        entry.recorded = text(.recorded)
        return entry
    }
}
