import GRDB

/// What `journal undo` reversed.
public struct UndoResult: Sendable, Hashable {
    /// `delete`, `edit` or `import`.
    public var kind: String
    /// When the change was made, Unix seconds.
    public var madeAt: Int64
    /// Entries put back as they were.
    public var restored: Int
    /// Entries removed (those an import had added).
    public var removed: Int
}

extension JournalStore {
    /// How many changes are kept for undo.
    public static let undoDepth = 10

    /// Deletes the entries with these ids, all or none; returns them.
    ///
    /// `journal undo` brings them back.
    public func delete(ids: [Int64], now: Int64) throws -> [Entry] {
        try writing { db in
            var deleted: [Entry] = []
            for id in Set(ids).sorted() {
                guard let entry = try Entry.fetchOne(db, key: id) else { throw JournalError.entryNotFound(id) }
                deleted.append(entry)
            }
            let change = try Self.beginChange("delete", db, now: now)
            for entry in deleted {
                try Self.keep(entry, for: change, db)
                try db.execute(sql: "DELETE FROM entries WHERE id = ?", arguments: [entry.id])
            }
            return deleted
        }
    }

    /// Replaces the entry with `edited.id` by `edited`; returns the entry as it was.
    ///
    /// `journal undo` reverses it.
    public func replace(_ edited: Entry, now: Int64) throws -> Entry {
        try writing { db in
            guard let id = edited.id, let before = try Entry.fetchOne(db, key: id) else {
                throw JournalError.entryNotFound(edited.id ?? 0)
            }
            let change = try Self.beginChange("edit", db, now: now)
            try Self.keep(before, for: change, db)
            try edited.update(db)
            return before
        }
    }

    /// Reverses the latest change not yet undone; `nil` when there is none.
    public func undo() throws -> UndoResult? {
        try writing { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT id, kind, made_at FROM changes WHERE undone = 0 ORDER BY id DESC LIMIT 1")
            else { return nil }
            let change: Int64 = try row.decode(forColumn: "id")
            var result = UndoResult(
                kind: try row.decode(forColumn: "kind"), madeAt: try row.decode(forColumn: "made_at"), restored: 0,
                removed: 0)
            try db.execute(
                sql:
                    "DELETE FROM entries WHERE id IN (SELECT id FROM change_entries WHERE change_id = ? AND action = 'remove')",
                arguments: [change])
            result.removed = db.changesCount
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO entries (id, exercise_id, performed_at, utc_offset, sets, reps, hold_seconds, side,
                                                    pain_before, pain_after, note, created_at)
                    SELECT id, exercise_id, performed_at, utc_offset, sets, reps, hold_seconds, side,
                           pain_before, pain_after, note, created_at
                    FROM change_entries WHERE change_id = ? AND action = 'restore'
                    """,
                arguments: [change])
            result.restored = db.changesCount
            try db.execute(sql: "UPDATE changes SET undone = 1 WHERE id = ?", arguments: [change])
            return result
        }
    }

    /// Records a new change, forgetting all but the latest ``undoDepth``; returns its id.
    static func beginChange(_ kind: String, _ db: Database, now: Int64) throws -> Int64 {
        try db.execute(sql: "INSERT INTO changes (kind, made_at) VALUES (?, ?)", arguments: [kind, now])
        let id = db.lastInsertedRowID
        try db.execute(sql: "DELETE FROM changes WHERE id <= ?", arguments: [id - Int64(undoDepth)])
        return id
    }

    /// Keeps a copy of `entry` so undoing `change` puts it back.
    static func keep(_ entry: Entry, for change: Int64, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO change_entries (change_id, action, id, exercise_id, performed_at, utc_offset, sets, reps,
                                            hold_seconds, side, pain_before, pain_after, note, created_at)
                VALUES (?, 'restore', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                change, entry.id, entry.exerciseID, entry.performedAt, entry.utcOffset, entry.sets, entry.reps,
                entry.holdSeconds, entry.side?.rawValue, entry.painBefore.value, entry.painAfter.value, entry.note,
                entry.createdAt,
            ])
    }

    /// Notes that undoing `change` removes the entry `id` (one an import added).
    static func noteAdded(_ id: Int64, for change: Int64, _ db: Database) throws {
        let statement = try db.cachedStatement(
            sql: "INSERT INTO change_entries (change_id, action, id) VALUES (?, 'remove', ?)")
        try statement.execute(arguments: [change, id])
    }
}
