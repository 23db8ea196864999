import GRDB

/// What `journal undo` reversed.
public struct UndoResult: Sendable, Hashable {
    /// What the change was.
    public var kind: ChangeKind
    /// When the change was made, Unix seconds.
    public var madeAt: Int64
    /// Entries put back as they were.
    public var restored: Int
    /// Entries removed (those an import had added).
    public var removed: Int
    /// Check-ins put back as they were.
    public var checkInsRestored = 0
    /// Check-ins removed (those an import had added).
    public var checkInsRemoved = 0
    /// Reviews taken back (those `journal resume` or an import had recorded).
    public var reviewsRemoved = 0
    /// Of ``reviewsRemoved``, the records that a doctor has seen the red flags (`journal resume --red-flags`).
    public var redFlagReviewsRemoved = 0
    /// PSFS activities and ratings put back as they were.
    public var psfsChanged = 0
    /// The entry a `log` had added, as it was when removed.
    public var loggedEntry: Entry?
    /// The check-in a `checkin` had added, as it was when removed.
    public var loggedCheckIn: CheckIn?
    /// The change in the command's words ("plan set glute-bridge"), for the kinds that note it.
    public var detail: String?
    /// Whether undo stopped at a change it cannot reverse (``ChangeKind/isReversible``): nothing
    /// was undone, and the next `journal undo` stops there again.
    public var stopped = false
}

extension ChangeKind: DatabaseValueConvertible {}

extension JournalStore {
    /// How many changes are kept for undo.
    public static let undoDepth = 10

    /// Reverses the latest change not yet undone; `nil` when there is none.
    public func undo() throws -> UndoResult? {
        try writing { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: "SELECT id, kind, made_at, detail FROM changes WHERE undone = 0 ORDER BY id DESC LIMIT 1")
            else { return nil }
            let change: Int64 = try row.decode(forColumn: "id")
            // A restore is undone by replacing the file (``undoRestore(_:at:busyTimeout:now:)``).
            if try row.decode(forColumn: "kind") as ChangeKind == .restore {
                throw JournalError.databaseLocked(path: path)
            }
            var result = UndoResult(
                kind: try row.decode(forColumn: "kind"), madeAt: try row.decode(forColumn: "made_at"), restored: 0,
                removed: 0)
            result.detail = try row.decode(forColumn: "detail")
            // Never reach past a change undo cannot reverse to an older one: stop, changing nothing.
            guard result.kind.isReversible else {
                result.stopped = true
                return result
            }
            if result.kind == .log, let id = try Self.addedID(by: change, in: "change_entries", db) {
                result.loggedEntry = try Self.entry(id: id, db)
            }
            if result.kind == .checkIn, let id = try Self.addedID(by: change, in: "change_checkins", db) {
                result.loggedCheckIn = try CheckIn.fetchAll(db, where: "id = ?", arguments: [id]).first
            }
            try db.execute(
                sql:
                    "DELETE FROM entries WHERE id IN (SELECT id FROM change_entries WHERE change_id = ? AND action = 'remove')",
                arguments: [change])
            result.removed = db.changesCount
            if result.kind == .import { try Self.reclaimIDs(after: change, db) }
            try db.execute(sql: EntryColumns.restoreCopies, arguments: [change])
            result.restored = db.changesCount
            try db.execute(
                sql: "DELETE FROM reviews WHERE id IN (SELECT id FROM change_reviews WHERE change_id = ?)",
                arguments: [change])
            let physiotherapistReviews = db.changesCount
            result.redFlagReviewsRemoved = try Self.undoRedFlagReviews(of: change, db)
            result.reviewsRemoved = physiotherapistReviews + result.redFlagReviewsRemoved
            try db.execute(
                sql: """
                    DELETE FROM checkins WHERE id IN (
                        SELECT id FROM change_checkins WHERE change_id = ? AND action = 'remove')
                    """,
                arguments: [change])
            result.checkInsRemoved = db.changesCount
            result.checkInsRestored = try Self.restoreCheckIns(of: change, db)
            result.psfsChanged = try Self.undoPSFS(of: change, db)
            try db.execute(sql: "UPDATE changes SET undone = 1 WHERE id = ?", arguments: [change])
            return result
        }
    }

    /// Records a new change, forgetting all but the latest ``undoDepth``; returns its id.
    ///
    /// Cached statements: `journal log` records one change per entry, on its timed path.
    static func beginChange(_ kind: ChangeKind, _ db: Database, now: Int64) throws -> Int64 {
        try db.cachedStatement(sql: "INSERT INTO changes (kind, made_at) VALUES (?, ?)").execute(
            arguments: [kind, now])
        let id = db.lastInsertedRowID
        try db.cachedStatement(sql: "DELETE FROM changes WHERE id <= ?").execute(arguments: [id - Int64(undoDepth)])
        return id
    }

    /// Records a change undo cannot reverse (a plan, an exercise, a setting), so undo stops at it.
    static func noteStop(_ kind: ChangeKind, _ detail: String, _ db: Database, now: Int64) throws {
        let change = try beginChange(kind, db, now: now)
        try db.execute(
            sql: "UPDATE changes SET detail = ? WHERE id = ?", arguments: [String(detail.prefix(200)), change])
    }

    /// How many changes `journal undo` has gone back through, when it has reached its depth and
    /// older changes were forgotten (the first change kept is not the journal's first); else `nil`.
    public func undoDepthReached() throws -> Int? {
        try reading { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT count(*) AS kept, min(id) AS first, sum(undone = 0) AS open FROM changes"),
                let first: Int64 = row["first"], first > 1, (row["open"] as Int?) == 0
            else { return nil }
            return row["kept"]
        }
    }

    /// The one row `change` added (a log's entry or a check-in's), noted in `table`.
    private static func addedID(by change: Int64, in table: String, _ db: Database) throws -> Int64? {
        try Int64.fetchOne(
            db, sql: "SELECT id FROM \(table) WHERE change_id = ? AND action = 'remove' LIMIT 1", arguments: [change])
    }

    /// Keeps a copy of `entry` so undoing `change` puts it back.
    static func keep(_ entry: Entry, for change: Int64, _ db: Database) throws {
        try db.execute(
            sql: EntryColumns.keepCopy, arguments: StatementArguments([change] + EntryColumns.values(of: entry)))
    }

    /// Brings the next entry id back within ``Entry/Limits/ids`` after undoing the import `change`.
    ///
    /// Before ids were bounded, an import could add an entry with id 2^63 − 1, after which SQLite
    /// had no id left for any new entry ("disk is full"). Undoing such an import lowers the
    /// counter to the highest id still in use, by an entry or by a copy that `journal undo` may put
    /// back; a counter within the bounds is never touched, so no id still named anywhere is given twice.
    static func reclaimIDs(after change: Int64, _ db: Database) throws {
        try db.execute(
            sql: """
                UPDATE sqlite_sequence SET seq = max(
                    (SELECT coalesce(max(id), 0) FROM entries),
                    (SELECT coalesce(max(id), 0) FROM change_entries WHERE change_id <> ?1))
                WHERE name = 'entries' AND seq > ?2
                """,
            arguments: [change, Entry.Limits.ids.upperBound])
    }

    /// Notes that undoing `change` removes the check-in `id` (one an import added).
    static func noteAddedCheckIn(_ id: Int64, for change: Int64, _ db: Database) throws {
        let statement = try db.cachedStatement(
            sql: "INSERT INTO change_checkins (change_id, action, id) VALUES (?, 'remove', ?)")
        try statement.execute(arguments: [change, id])
    }

    /// Notes that undoing `change` removes the review `id` (one `journal resume` or an import added).
    static func noteAddedReview(_ id: Int64, for change: Int64, _ db: Database) throws {
        let statement = try db.cachedStatement(
            sql: "INSERT INTO change_reviews (change_id, action, id) VALUES (?, 'remove', ?)")
        try statement.execute(arguments: [change, id])
    }

    /// Notes that undoing `change` removes the entry `id` (one an import added).
    static func noteAdded(_ id: Int64, for change: Int64, _ db: Database) throws {
        let statement = try db.cachedStatement(
            sql: "INSERT INTO change_entries (change_id, action, id) VALUES (?, 'remove', ?)")
        try statement.execute(arguments: [change, id])
    }
}
