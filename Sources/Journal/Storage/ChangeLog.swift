import Foundation
import GRDB

/// The journal's change log, which `journal undo` walks back through: each change recorded with
/// what undoing it needs, newest last, the latest ``depth`` kept.
///
/// ```swift
/// try queue.write { db in
///     let log = ChangeLog(db)
///     try log.recordPlanChange(of: "glute-bridge", detail: "plan set glute-bridge", now: now)
///     // … then change the plan, in the same transaction …
/// }
/// let undone = try queue.write { db in try ChangeLog(db).undoLatest(journalPath: path) }
/// ```
///
/// It works inside the caller's write transaction, so a change and its record commit together or
/// not at all. The store reaches the `changes` and `change_*` tables (schema.sql) only through it.
public struct ChangeLog {
    /// How many changes not undone are kept for undo.
    public static let depth = 10

    let db: Database

    init(_ db: Database) { self.db = db }

    // MARK: Recording

    /// Records a new change, forgetting the changes undone and all but the latest ``depth`` of the
    /// others; returns its id.
    ///
    /// A change undone can never be undone again (there is no redo), so it takes no place in the
    /// depth: after `undo`, the changes made next reach back through as many as before. Undone
    /// changes are always the newest until the next change forgets them (undo takes the latest
    /// change not undone). The first change kept has an id above 1 only when an older change was
    /// forgotten (``depthReached()``): when every change kept was undone and none was forgotten,
    /// the log starts again from 1.
    ///
    /// Cached statements: `journal log` records one change per entry, on its timed path.
    func begin(_ kind: ChangeKind, now: Int64) throws -> Int64 {
        let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT min(id) AS first, sum(undone = 0) AS open FROM changes"))
        try db.cachedStatement(sql: "DELETE FROM changes WHERE undone = 1").execute()
        if let row, (row["first"] as Int64?) == 1, (row["open"] as Int?) == 0 {
            try db.cachedStatement(sql: "UPDATE sqlite_sequence SET seq = 0 WHERE name = 'changes'").execute()
        }
        try db.cachedStatement(sql: "INSERT INTO changes (kind, made_at) VALUES (?, ?)").execute(
            arguments: [kind, now])
        let id = db.lastInsertedRowID
        try db.cachedStatement(
            sql: "DELETE FROM changes WHERE id < (SELECT id FROM changes ORDER BY id DESC LIMIT 1 OFFSET ?)"
        ).execute(arguments: [Self.depth - 1])
        return id
    }

    /// Keeps a copy of the stored entry `id`, every byte as the file holds it, so undoing `change` puts it back.
    func keepEntry(_ id: Int64?, for change: Int64) throws {
        try db.execute(sql: EntryColumns.keepCopy, arguments: [change, id])
    }

    /// Keeps, on the copy ``keepEntry(_:for:)`` kept for the edit `change`, the entry `id` as the
    /// edit left it (``EntryColumns/keepEdited``): call it once the edit is written.
    func keepEditedEntry(_ id: Int64?, for change: Int64) throws {
        try db.execute(sql: EntryColumns.keepEdited, arguments: [change, id])
    }

    /// Keeps a copy of the stored check-in `id` (its alias) and its red flags as screens read it,
    /// every other byte as the file holds it, and the reading that recorded it, so that undoing
    /// `change` puts it back (as ``EntryColumns/keepCopy``).
    func keepCheckIn(_ id: Int64?, for change: Int64) throws {
        try db.execute(
            sql: """
                INSERT INTO change_checkins (change_id, action, id, \(Self.checkInColumns.map(\.name).joined(separator: ", ")), recorded)
                SELECT ?1, 'restore', ?2, \(Self.checkInColumns.map(\.asRead).joined(separator: ", ")), recorded
                FROM checkins WHERE \(Self.checkInByAlias)
                """,
            arguments: [change, id])
    }

    /// The `checkins` row whose alias is `?2`, as a `WHERE` condition (schema.sql, v26-record-ids;
    /// as ``EntryColumns/byAlias(_:)`` names an entry).
    private static let checkInByAlias = "uid = (SELECT uid FROM checkin_ids WHERE id = ?2)"

    /// Keeps, on the copy ``keepCheckIn(_:for:)`` kept for the check-in edit `change`, the check-in
    /// `id` and its red flags as the edit left it: call it once the edit is written.
    ///
    /// Read as that copy is (schema.sql, v25-edit-results). Undo puts the copy back only while the
    /// journal holds that.
    func keepEditedCheckIn(_ id: Int64?, for change: Int64) throws {
        try db.execute(
            sql: """
                UPDATE change_checkins SET (\(Self.checkInColumns.map { "edited_" + $0.name }.joined(separator: ", "))) = (
                    SELECT \(Self.checkInColumns.map(\.asRead).joined(separator: ", ")) FROM checkins
                    WHERE \(Self.checkInByAlias))
                WHERE change_id = ?1 AND action = 'restore' AND id = ?2
                """,
            arguments: [change, id])
    }

    /// The columns of a check-in that undo's copies keep but its id, each with the SQL that reads it
    /// from the `checkins` row as screens read it (every other byte as the file holds it), and the
    /// one that reads it as stored: the red flags present as the comma-separated ids `red_flags`
    /// holds, in the order of their table's key (by the check-in's uid, which `checkins_with_ids` shows too).
    private static let checkInColumns: [(name: String, asRead: String, stored: String)] = {
        let redFlags = CheckIn.redFlagsSQL(ofUID: "checkins.uid")
        return ["performed_at", "utc_offset", "pain", "note"].map { ($0, StoredValues.asRead($0, of: "checkins"), $0) }
            + [("created_at", "created_at", "created_at"), ("red_flags", redFlags, redFlags)]
    }()

    /// Whether the check-in `?2` is as the check-in edit or check-in `?1` left it
    /// (``keepEditedCheckIn(_:for:)``, ``noteCheckedIn(_:for:)``), red flags and all.
    ///
    /// As screens read it, or as stored (an edit recorded before v25-edit-results kept it so).
    /// `NULL` when the change kept nothing of what it left (an import, a check-in recorded before).
    private static let isCheckInAsLeft: String = {
        let edited = checkInColumns.map { "edited_\($0.name)" }.joined(separator: ", ")
        let read = { (columns: [String]) in
            "(SELECT \(columns.joined(separator: ", ")) FROM checkins_with_ids AS checkins WHERE id = ?2)"
        }
        return """
            SELECT \(read(checkInColumns.map(\.asRead))) IS (\(edited)) OR \(read(checkInColumns.map(\.stored))) IS (\(edited))
            FROM change_checkins WHERE change_id = ?1 AND id = ?2 AND edited_created_at IS NOT NULL
            """
    }()

    /// Notes that undoing `change` removes the entry `id` (one a log or an import added).
    func noteAdded(_ id: Int64, for change: Int64) throws {
        try db.cachedStatement(sql: "INSERT INTO change_entries (change_id, action, id) VALUES (?, 'remove', ?)")
            .execute(arguments: [change, id])
    }

    /// Notes that undoing the log `change` removes the entry `id` it added, keeping the entry as
    /// the log left it (``EntryColumns/keepLogged``): undo removes it only while the journal holds that.
    ///
    /// Cached: `journal log`'s timed path.
    func noteLogged(_ id: Int64, for change: Int64) throws {
        try db.cachedStatement(sql: EntryColumns.keepLogged).execute(arguments: [change, id])
    }

    /// Notes that undoing the check-in `change` removes the check-in `id` it added.
    ///
    /// Keeps it as the check-in left it, red flags and all, read as ``keepEditedCheckIn(_:for:)``
    /// keeps one: undo removes it only while the journal holds that. Call it once the red flags are written.
    func noteCheckedIn(_ id: Int64, for change: Int64) throws {
        try db.execute(
            sql: """
                INSERT INTO change_checkins (change_id, action, id, \(Self.checkInColumns.map { "edited_" + $0.name }.joined(separator: ", ")))
                SELECT ?1, 'remove', ?2, \(Self.checkInColumns.map(\.asRead).joined(separator: ", "))
                FROM checkins WHERE \(Self.checkInByAlias)
                """,
            arguments: [change, id])
    }

    /// Notes that undoing `change` removes the check-in `id` (one a check-in or an import added).
    func noteAddedCheckIn(_ id: Int64, for change: Int64) throws {
        try db.cachedStatement(sql: "INSERT INTO change_checkins (change_id, action, id) VALUES (?, 'remove', ?)")
            .execute(arguments: [change, id])
    }

    /// Notes what undoing `change` does to the PSFS row `id` (`remove-activity`, `remove-rating` or `unretire`).
    func notePSFS(_ action: String, _ id: Int64?, for change: Int64) throws {
        try db.execute(
            sql: "INSERT INTO change_psfs (change_id, action, id) VALUES (?, ?, ?)", arguments: [change, action, id])
    }

    /// Notes that undoing `change` removes the review `id` (one `journal resume` or an import added).
    func noteAddedReview(_ id: Int64, for change: Int64) throws {
        try db.cachedStatement(sql: "INSERT INTO change_reviews (change_id, action, id) VALUES (?, 'remove', ?)")
            .execute(arguments: [change, id])
    }

    /// Notes that undoing `change` removes the red-flag review `id` (one `journal resume --red-flags`
    /// or an import added).
    func noteAddedRedFlagReview(_ id: Int64, for change: Int64) throws {
        try db.cachedStatement(sql: "INSERT INTO change_red_flag_reviews (change_id, id) VALUES (?, ?)")
            .execute(arguments: [change, id])
    }

    /// Notes that undoing `change` removes every entry after `id`: the ones an import just added
    /// (read through `entries_with_ids`, whose `id` is the number people type, then as now).
    func noteAddedEntries(after id: Int64, for change: Int64) throws {
        try db.execute(
            sql:
                "INSERT INTO change_entries (change_id, action, id) SELECT ?, 'remove', id FROM entries_with_ids WHERE id > ?",
            arguments: [change, id])
    }

    /// The red-flag reviews `change` added, as SQL for an `IN (…)` taking the change's id as `?2`.
    static let redFlagReviewsAddedBy = "SELECT id FROM change_red_flag_reviews WHERE change_id = ?2"

    /// Whether `table` is one of the change log's: `changes` and the `change_*` tables that hold
    /// what undoing each change needs.
    static func isLogTable(_ table: String) -> Bool { table == "changes" || table.hasPrefix("change_") }

    /// Forgets every change: a journal rebuilt from a restore starts with no undo history.
    func forgetAll() throws {
        try db.execute(sql: "DELETE FROM changes")
    }

    /// Records a change to the plan of `exerciseID` (`plan set`, `plan remove`), keeping the plan as
    /// it is now: call it before changing the plan.
    func recordPlanChange(of exerciseID: String, detail: String, now: Int64) throws {
        let change = try begin(.plan, subject: exerciseID, detail: detail, now: now)
        try keepPlan(for: change)
    }

    /// Records a change to the person's own exercise `id` (`exercises add`, `edit`, `remove`),
    /// keeping the exercise, the plan and the exercise's reviews as they are now: call it before
    /// changing them.
    ///
    /// A review's copy is named by its alias and keeps what it had `seen` (schema.sql, v26-record-ids);
    /// its `through_entry_id` (v15, `NOT NULL`), which undo no longer reads, is 0.
    func recordExerciseChange(of id: String, detail: String, now: Int64) throws {
        let change = try begin(.exercise, subject: id, detail: detail, now: now)
        try db.execute(
            sql: """
                INSERT INTO change_exercises
                    (change_id, row_id, id, name, category, per_side, measure, builtin, archived, how_to)
                SELECT ?1, rowid, id, name, category, per_side, measure, builtin, archived, how_to
                FROM exercises WHERE id = ?2
                """,
            arguments: [change, id])
        try db.execute(
            sql: """
                INSERT INTO change_exercise_reviews
                    (change_id, id, exercise_id, reviewed_at, utc_offset, note, created_at, through_entry_id, seen)
                SELECT ?1, a.id, r.exercise_id, r.reviewed_at, r.utc_offset, r.note, r.created_at, 0, r.seen
                FROM reviews AS r JOIN review_ids AS a ON a.uid = r.uid WHERE r.exercise_id = ?2
                """,
            arguments: [change, id])
        try keepPlan(for: change)
    }

    /// Records a change to the setting `name` (`config set`, `config unset`), keeping its value as it
    /// is now: call it before changing the setting.
    func recordSettingChange(of name: String, detail: String, now: Int64) throws {
        let change = try begin(.config, subject: name, detail: detail, now: now)
        try db.execute(
            sql: """
                INSERT INTO change_settings (change_id, row_id, name, value)
                SELECT ?, rowid, name, value FROM settings WHERE name = ? AND value IS NOT NULL
                """,
            arguments: [change, name])
    }

    /// Records a full import, keeping the plan, exercises and settings as they are now; returns its id.
    ///
    /// A full import is `journal import` of `journal export --all --format json`. Call it before
    /// the import adds any of the person's own exercises, plan items or settings.
    ///
    /// Its subject is ``fullImport`` (schema.sql, v16): undoing it removes what the import added
    /// and puts those back row for row.
    func recordFullImport(now: Int64) throws -> Int64 {
        let change = try begin(.import, now: now)
        try db.execute(sql: "UPDATE changes SET subject = ? WHERE id = ?", arguments: [Self.fullImport, change])
        try keepPlan(for: change)
        try db.execute(
            sql: """
                INSERT INTO change_exercises
                    (change_id, row_id, id, name, category, per_side, measure, builtin, archived, how_to)
                SELECT ?, rowid, id, name, category, per_side, measure, builtin, archived, how_to
                FROM exercises WHERE builtin = 0
                """,
            arguments: [change])
        try db.execute(
            sql:
                """
                INSERT INTO change_settings (change_id, row_id, name, value)
                SELECT ?, rowid, name, value FROM settings WHERE value IS NOT NULL
                """,
            arguments: [change])
        return change
    }

    /// The detail of a change that leaves the setting `name` holding `value` (`nil`: unset), as
    /// `config set` and `config unset` record it: undo reads back from it what the change left
    /// (``settingLeft(_:detail:)``).
    static func settingDetail(_ name: String, leaving value: String?) -> String {
        value.map { "config set \(name) \($0)" } ?? "config unset \(name)"
    }

    /// What the setting change with `detail` (``settingDetail(_:leaving:)``) left the setting `name`
    /// holding: `.some(nil)` when it unset it, `nil` when the detail says neither.
    static func settingLeft(_ name: String, detail: String?) -> String?? {
        guard let detail else { return nil }
        if detail == settingDetail(name, leaving: nil) { return .some(nil) }
        let set = settingDetail(name, leaving: "")
        guard detail.hasPrefix(set), detail.count > set.count else { return nil }
        return .some(String(detail.dropFirst(set.count)))
    }

    /// The subject of a full import that kept the plan, exercises and settings before it (schema.sql, v16).
    static let fullImport = "all"

    private func begin(_ kind: ChangeKind, subject: String, detail: String, now: Int64) throws -> Int64 {
        let change = try begin(kind, now: now)
        try db.execute(
            sql: "UPDATE changes SET subject = ?, detail = ? WHERE id = ?",
            arguments: [subject, String(detail.prefix(200)), change])
        return change
    }

    private func keepPlan(for change: Int64) throws {
        try db.execute(
            sql: """
                INSERT INTO change_plan
                    (change_id, row_id, exercise_id, sets, reps, hold_seconds, per_week, since, position)
                SELECT ?, rowid, exercise_id, sets, reps, hold_seconds, per_week, since, position FROM plan
                WHERE removed = 0
                """,
            arguments: [change])
        try db.execute(
            sql: """
                INSERT INTO change_plan_history (change_id, exercise_id, since, sets, reps, hold_seconds, per_week)
                SELECT ?, exercise_id, since, sets, reps, hold_seconds, per_week FROM plan_history
                WHERE removed = 0
                """,
            arguments: [change])
    }

    /// Puts back the plan's earlier doses as `change` kept them: of `exerciseID` alone, or (`nil`) all.
    ///
    /// Rows are never deleted (docs/sync-ids.md, "`undo` under sync"): the others are `removed`,
    /// the kept ones upserted with `removed` 0.
    private func putBackEarlierDoses(of exerciseID: String?, from change: Int64) throws {
        try db.execute(
            sql: "UPDATE plan_history SET removed = 1 WHERE (?1 IS NULL OR exercise_id = ?1) AND removed = 0",
            arguments: [exerciseID])
        try db.execute(
            sql: """
                INSERT INTO plan_history (exercise_id, since, sets, reps, hold_seconds, per_week)
                SELECT exercise_id, since, sets, reps, hold_seconds, per_week FROM change_plan_history
                WHERE change_id = ?1 AND (?2 IS NULL OR exercise_id = ?2)
                    AND exercise_id IN (SELECT exercise_id FROM plan WHERE removed = 0)
                ON CONFLICT (exercise_id, since) DO UPDATE SET sets = excluded.sets, reps = excluded.reps,
                    hold_seconds = excluded.hold_seconds, per_week = excluded.per_week, removed = 0
                """,
            arguments: [change, exerciseID])
    }

    // MARK: Undoing

    /// Reverses the latest change not yet undone; `nil` when there is none.
    ///
    /// A plan, exercise or setting change recorded before the journal kept what such a change
    /// replaced (schema.sql, v15) is not reversed: the result is ``UndoResult/stopped``, and
    /// nothing changes. A restore is undone by replacing the file, so it throws
    /// ``JournalError/databaseLocked(path:)`` for `journalPath` here.
    ///
    /// A record the change deleted goes back under a new uid (``giveNewUIDs(to:now:clock:)``),
    /// made at `now`, the undo's time (the command's clock).
    func undoLatest(journalPath: String, now: Date = SyncRecording.now()) throws -> UndoResult? {
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT id, kind, made_at, detail, subject FROM changes WHERE undone = 0 ORDER BY id DESC LIMIT 1
                    """)
        else { return nil }
        let change: Int64 = try row.decode(forColumn: "id")
        let kind: ChangeKind = try row.decode(forColumn: "kind")
        try refuseMissingCopy(of: change, kind: kind)
        try refuseRetargetedCopies(of: change, kind: kind, madeAt: try row.decode(forColumn: "made_at"))
        try refuseCopiesOutOfReach(of: change, madeAt: try row.decode(forColumn: "made_at"))
        try refuseMissingRecords(of: change, kind: kind)
        try refuseRecordsOfEarlierChanges(of: change, kind: kind)
        try refuseRecordsNotThere(of: change, kind: kind)
        try refuseRecordsChangedSinceLeft(of: change, kind: kind)
        try refuseSettingChangedSince(
            change: kind, subject: try row.decode(forColumn: "subject"), detail: try row.decode(forColumn: "detail"))
        try refuseUncomparedAfterMerges(of: kind, madeAt: try row.decode(forColumn: "made_at"))
        if kind == .restore { throw JournalError.databaseLocked(path: journalPath) }
        let subject: String? = try row.decode(forColumn: "subject")
        if let reason = try StoredValues.keptValueRefused(of: change, kind: kind, subject: subject, db) {
            throw JournalError.undoRecordDamaged(reason: reason)
        }
        if kind == .plan, let subject { try refuseRenamedPlanRows(of: change, subject: subject) }
        var result = UndoResult(kind: kind, madeAt: try row.decode(forColumn: "made_at"), restored: 0, removed: 0)
        result.detail = try row.decode(forColumn: "detail")
        if kind.keepsStateBefore {
            // Never reach past a change that kept nothing to an older one: stop, changing nothing.
            guard let subject else {
                result.stopped = true
                return result
            }
            try giveNewUIDs(to: change, now: now, clock: StoreClock(path: journalPath))
            let regionBefore = try SettingsQueries.region(db)
            let reviewsBefore = kind == .exercise ? try reviewIDs(of: subject) : []
            if kind == .exercise { result.replacedExercise = try ownExercise(subject) }
            let placeBefore = kind == .plan ? try planPlace(of: subject) : nil
            if kind == .plan || kind == .exercise {
                result.replacedPlanItem = try ExerciseQueries.plan(db).first { $0.exerciseID == subject }
            }
            result.putBack = try putBack(kind, subject: subject, of: change)
            if let placeBefore, let place = try planPlace(of: subject), place != placeBefore {
                result.planOrder = PlanOrderChange(place: place, replacedPlace: placeBefore)
            }
            if kind == .exercise {
                result.putBackExercise = try ownExercise(subject)
                // The reviews `exercises remove` had taken with the exercise (ON DELETE CASCADE).
                result.reviewIDs = try reviewIDs(of: subject).filter { !reviewsBefore.contains($0) }
                result.reviewedExerciseIDs = result.reviewIDs.isEmpty ? [] : [subject]
            }
            result.region = try regionChange(from: regionBefore)
            switch result.putBack {
            case .plan(let id, _)?: result.planExerciseIDs = [id]
            case .exercise(let id, _, let plan)?:
                result.exerciseIDs = [id]
                result.planExerciseIDs = plan == nil ? [] : [id]
            case .setting(let name, _)?: result.settingNames = [name]
            case nil: break
            }
        } else {
            try giveNewUIDs(to: change, now: now, clock: StoreClock(path: journalPath))
            try undoRows(of: change, into: &result)
            if kind == .import, subject == Self.fullImport { try putBackBeforeFullImport(change, into: &result) }
        }
        try db.execute(sql: "UPDATE changes SET undone = 1 WHERE id = ?", arguments: [change])
        return result
    }

    /// How many changes undo has gone back through, when it has reached its depth and older
    /// changes were forgotten (the first change kept is not the journal's first); else `nil`.
    func depthReached() throws -> Int? {
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT count(*) AS kept, min(id) AS first, sum(undone = 0) AS open FROM changes"),
            let first: Int64 = row["first"], first > 1, (row["open"] as Int?) == 0
        else { return nil }
        return row["kept"]
    }

    /// The kind of the oldest change kept: once undo has reached its depth, the last one it
    /// undid, the nearest to those it cannot reach.
    func oldestKind() throws -> ChangeKind? {
        try ChangeKind.fetchOne(db, sql: "SELECT kind FROM changes ORDER BY id LIMIT 1")
    }

    /// Reverses a change of entries, check-ins, reviews or PSFS ratings: the kinds that note rows.
    private func undoRows(of change: Int64, into result: inout UndoResult) throws {
        if result.kind == .log, let id = try addedID(by: change, in: "change_entries") {
            result.loggedEntry = try EntryQueries.entry(id: id, db)
        }
        if result.kind == .checkIn, let id = try addedID(by: change, in: "change_checkins") {
            result.loggedCheckIn = try CheckIn.fetchAll(db, where: "id = ?", arguments: [id]).first
        }
        result.entryIDs = try touchedIDs(in: "entries", of: change)
        let keptEntries = try keptIDs(in: "entries", of: change)
        try refuseLiveCopies(keptEntries, in: "entries", of: change, kind: result.kind)
        try refuseIDsBelowOne(keptEntries, in: "entries")
        let entriesBefore = try entries(keptEntries)
        result.removed = try removeRecords(
            in: "entries", named: "SELECT id FROM change_entries WHERE change_id = ?1 AND action = 'remove'", of: change
        )
        if result.kind == .import { try reclaimIDs(after: change) }
        for exerciseID in try String.fetchAll(
            db, sql: "SELECT DISTINCT exercise_id FROM change_entries WHERE change_id = ? AND action = 'restore'",
            arguments: [change])
        {
            try StoredValues.keepExerciseRow(exerciseID, db)
        }
        try db.execute(sql: EntryColumns.restoreCopies, arguments: [change])
        result.restored = db.changesCount
        result.putBackEntries = try entries(keptEntries)
        result.replacedEntries = entriesBefore
        let reviewsAdded = "SELECT id FROM change_reviews WHERE change_id = ?1"
        let reviews = try Row.fetchAll(
            db, sql: "SELECT id, exercise_id FROM reviews_with_ids WHERE id IN (\(reviewsAdded)) ORDER BY id",
            arguments: [change]
        ).map { (id: $0["id"] as Int64, exerciseID: $0["exercise_id"] as String) }
        try removeRecords(in: "reviews", named: reviewsAdded, of: change)
        result.reviewIDs = reviews.map(\.id)
        result.reviewedExerciseIDs = Set(reviews.map(\.exerciseID)).sorted()
        if result.kind == .resume, !reviews.isEmpty {
            let latest = try HoldQueries.latestReviews(db)
            result.holdsAgain = try result.reviewedExerciseIDs.compactMap {
                try HoldQueries.hold(exerciseID: $0, review: latest[$0], db)
            }
        }
        result.redFlagReviewIDs = try undoRedFlagReviews(of: change)
        result.redFlagReviewsRemoved = result.redFlagReviewIDs.count
        result.reviewsRemoved = result.reviewIDs.count + result.redFlagReviewsRemoved
        result.checkInIDs = try touchedIDs(in: "checkins", of: change)
        let keptCheckIns = try keptIDs(in: "checkins", of: change)
        try refuseLiveCopies(keptCheckIns, in: "checkins", of: change, kind: result.kind)
        try refuseIDsBelowOne(keptCheckIns, in: "checkins")
        let checkInsBefore = try checkIns(keptCheckIns)
        result.checkInsRemoved = try removeRecords(
            in: "checkins", named: "SELECT id FROM change_checkins WHERE change_id = ?1 AND action = 'remove'",
            of: change)
        result.checkInsRestored = try restoreCheckIns(of: change, into: &result)
        result.putBackCheckIns = try checkIns(keptCheckIns)
        result.replacedCheckIns = checkInsBefore
        try undoPSFS(of: change, into: &result)
    }

    /// The rows of `table` (`entries` or `checkins`) undoing `change` removes or puts back,
    /// smallest id first, read from `change_<table>` before the undo runs.
    private func touchedIDs(in table: String, of change: Int64) throws -> [Int64] {
        try Int64.fetchAll(
            db,
            sql: """
                SELECT id FROM \(table)_with_ids WHERE id IN (
                    SELECT id FROM change_\(table) WHERE change_id = ?1 AND action = 'remove')
                UNION SELECT id FROM change_\(table) WHERE change_id = ?1 AND action = 'restore' ORDER BY id
                """,
            arguments: [change])
    }

    /// The alias table of each record table (schema.sql, v26-record-ids): the numbers people type,
    /// which the change tables keep.
    private static let aliasTables = [
        "entries": "entry_ids", "checkins": "checkin_ids", "reviews": "review_ids",
        "red_flag_reviews": "red_flag_review_ids", "psfs_activities": "psfs_activity_ids",
        "psfs_ratings": "psfs_rating_ids",
    ]

    /// The copies each change table keeps of records that undo puts back, by the table the records
    /// go back to, with the action of the rows that are copies (`nil`: every row).
    private static let copiesPutBack: [(table: String, keptIn: String, action: String?)] = [
        ("entries", "change_entries", "restore"), ("checkins", "change_checkins", "restore"),
        ("reviews", "change_exercise_reviews", nil),
    ]

    /// Gives each record that undoing `change` puts back and that the journal does not hold (one
    /// the change deleted: `delete`, `checkins delete`, the reviews `exercises remove` took with
    /// the exercise) a new uid, by re-pointing its alias to it: call it before the copies go back.
    ///
    /// Once a journal syncs, a deleted uid is tombstoned for ever (docs/sync-ids.md, "`undo` under
    /// sync"), so a record comes back as a new one, synced or not (one code path): its alias is the
    /// same (`journal list` shows #41 back as 41; the alias trigger sees the uid and gives no new
    /// one), and its copy keeps `recorded` (or `seen`), so it is covered, and covers, as before.
    /// The uids are the undo's own stamp's (``WriteStamp``), taken with the first one only.
    private func giveNewUIDs(to change: Int64, now: Date, clock: StoreClock) throws {
        var stamp: WriteStamp?
        for copies in Self.copiesPutBack {
            guard let aliases = Self.aliasTables[copies.table] else { continue }
            let deleted = try Int64.fetchAll(
                db,
                sql: """
                    SELECT a.id FROM \(aliases) AS a
                    WHERE a.id IN (SELECT id FROM \(copies.keptIn) WHERE change_id = ?\(
                        copies.action.map { " AND action = '\($0)'" } ?? ""))
                      AND NOT EXISTS (SELECT 1 FROM \(copies.table) AS t WHERE t.uid = a.uid)
                    ORDER BY a.id
                    """,
                arguments: [change])
            for id in deleted {
                var uids = try stamp ?? clock.stamp(db, now: now)
                try db.execute(sql: "UPDATE \(aliases) SET uid = ? WHERE id = ?", arguments: [uids.uid(), id])
                stamp = uids
            }
        }
    }

    /// Removes the records of `table` whose aliases `named` lists (SQL taking the change as `?1`),
    /// records that `change` added; returns how many it removed.
    ///
    /// Each is removed by the uid its alias names. Its alias goes too, unless a change not undone
    /// but `change` names it: nothing can put the record back (undo has no redo), and the journal is
    /// left as it was before the change. The counter stays where the change took it (``begin(_:now:)``
    /// forgets changes, never counters), so the number is never given again.
    @discardableResult
    private func removeRecords(in table: String, named: String, of change: Int64) throws -> Int {
        guard let aliases = Self.aliasTables[table] else { return 0 }
        try db.execute(
            sql: "DELETE FROM \(table) WHERE uid IN (SELECT uid FROM \(aliases) WHERE id IN (\(named)))",
            arguments: [change])
        let removed = db.changesCount
        let stillNamed =
            (Self.recordsByID.filter { $0.table == table }.map { ($0.keptIn, $0.action) }
            + (table == "reviews" ? [("change_exercise_reviews", nil)] : []))
            .map { keptIn, action in
                "SELECT k.id FROM \(keptIn) AS k JOIN changes AS c ON c.id = k.change_id WHERE c.undone = 0 "
                    + "AND k.change_id <> ?1\(action.map { " AND k.action = '\($0)'" } ?? "")"
            }
        try db.execute(
            sql: """
                DELETE FROM \(aliases) WHERE id IN (\(named))
                    AND NOT EXISTS (SELECT 1 FROM \(table) AS t WHERE t.uid = \(aliases).uid)
                    AND id NOT IN (\(stillNamed.joined(separator: " UNION ALL ")))
                """,
            arguments: [change])
        return removed
    }

    /// Refuses to undo a delete whose kept copy names a record the journal holds.
    ///
    /// A delete kept copies of records it removed, so none of their ids is in the journal when it
    /// is undone (later changes were undone first, ids are never given again): one that is was
    /// changed from outside, and putting the copy back would replace another record.
    private func refuseLiveCopies(_ kept: [Int64], in table: String, of change: Int64, kind: ChangeKind) throws {
        guard kind == .delete || kind == .checkInDelete else { return }
        let live = try Int64.fetchAll(
            db,
            sql:
                "SELECT id FROM \(table)_with_ids WHERE id IN (SELECT id FROM change_\(table) WHERE change_id = ? AND action = 'restore')",
            arguments: [change])
        guard let id = live.first else { return }
        let record = table == "entries" ? "entry" : "check-in"
        throw JournalError.undoRecordDamaged(
            reason: "change_\(table) holds a copy of \(record) #\(id) to put back, and #\(id) is in the journal: "
                + "another \(record), which undo never replaces")
    }

    /// The records undo removes, puts back or makes active again by the id a change kept: the
    /// table, the record in words, the change table and action naming it (`nil`: every row), the
    /// column that says when the change's record was recorded (retired, for `unretire`), and the
    /// kept copy's own (`NULL` where the change table keeps none).
    ///
    /// The checks read each table through its `<table>_with_ids` view (schema.sql v24-record-views),
    /// whose `id` is the number the change tables keep, before sync keys the tables by a UUIDv7 and after.
    private static let recordsByID:
        [(table: String, record: String, keptIn: String, action: String?, time: String, verb: String, kept: String)] =
            [
                ("entries", "entry", "change_entries", "remove", "created_at", "recorded", "k.created_at"),
                ("entries", "entry", "change_entries", "restore", "created_at", "recorded", "k.created_at"),
                ("checkins", "check-in", "change_checkins", "remove", "created_at", "recorded", "k.created_at"),
                ("checkins", "check-in", "change_checkins", "restore", "created_at", "recorded", "k.created_at"),
                ("reviews", "physiotherapist's review", "change_reviews", nil, "created_at", "recorded", "NULL"),
                (
                    "red_flag_reviews", "red-flag review", "change_red_flag_reviews", nil, "created_at", "recorded",
                    "NULL"
                ),
                (
                    "psfs_activities", "PSFS activity", "change_psfs", "remove-activity", "created_at", "recorded",
                    "NULL"
                ),
                ("psfs_ratings", "PSFS rating", "change_psfs", "remove-rating", "created_at", "recorded", "NULL"),
                ("psfs_activities", "PSFS activity", "change_psfs", "unretire", "retired_at", "retired", "NULL"),
            ]

    /// Refuses to undo a change whose kept row names a record of another change.
    ///
    /// The record a `log`, `checkin`, `resume` or PSFS change added (or retired) was recorded (or
    /// retired) when the change was made, and an edit keeps the record's time of recording or
    /// moves it to its own time or later; so a live record the change names that was recorded
    /// before the change, at another time than the copy says, is another record (its id changed
    /// from outside, a tester: undo then removed an urgent red flag recorded the day before,
    /// overwrote a session that had begun a hold, or took back an earlier doctor's visit and kept
    /// the mistaken one). An import's records keep the file's times, and a delete's are gone
    /// (``refuseLiveCopies(_:in:of:kind:)``), so neither is asked.
    private func refuseRetargetedCopies(of change: Int64, kind: ChangeKind, madeAt: Int64) throws {
        guard ![.import, .delete, .checkInDelete].contains(kind) else { return }
        for named in Self.recordsByID {
            guard
                let id = try Int64.fetchOne(
                    db,
                    sql: """
                        SELECT k.id FROM \(named.keptIn) AS k JOIN \(named.table)_with_ids AS t ON t.id = k.id
                        WHERE k.change_id = ?1\(named.action.map { " AND k.action = '\($0)'" } ?? "")
                          AND t.\(named.time) < ?2 AND t.\(named.time) IS NOT \(named.kept)
                        ORDER BY k.id LIMIT 1
                        """,
                    arguments: [change, madeAt])
            else { continue }
            throw JournalError.undoRecordDamaged(
                reason: "\(named.keptIn) names \(named.record) #\(id), which was \(named.verb) before the change was "
                    + "made and not as the change kept it: another \(named.record), which undo never removes or replaces"
            )
        }
    }

    /// Refuses to undo a change whose kept row names a record the journal does not hold.
    ///
    /// Undo walks back newest first, so every later change that removed the record (a delete of a
    /// logged entry, an `exercises remove` that took a review with it) was undone first, and put it
    /// back: a record still missing had its id changed, or was deleted, from outside, and undo
    /// would find nothing to do and mark the change undone. A delete's records are missing by design.
    private func refuseMissingRecords(of change: Int64, kind: ChangeKind) throws {
        let deletes = kind == .delete || kind == .checkInDelete
        for named in Self.recordsByID where !(deletes && named.action == "restore") {
            guard
                let id = try Int64.fetchOne(
                    db,
                    sql: """
                        SELECT k.id FROM \(named.keptIn) AS k
                        WHERE k.change_id = ?\(named.action.map { " AND k.action = '\($0)'" } ?? "")
                          AND NOT EXISTS (SELECT 1 FROM \(named.table)_with_ids AS t WHERE t.id = k.id)
                        ORDER BY k.id LIMIT 1
                        """,
                    arguments: [change])
            else { continue }
            // A journal that merges other devices' changes loses a record to a delete made there.
            if try Self.mergedFromOtherDevices(db) {
                throw JournalError.recordDeletedSince(kind, record: named.record, id: id)
            }
            throw JournalError.undoRecordDamaged(
                reason: "change #\(change), \(kind.withArticle), names \(named.record) #\(id) in \(named.keptIn), and "
                    + "\(named.table) holds no #\(id): its id was changed, or the record deleted, from outside, and undo "
                    + "would change nothing and mark the change undone")
        }
    }

    /// Refuses to undo a change whose kept row names, as a record the change added or retired, a
    /// record an earlier change named: another record, whatever second each was recorded in.
    ///
    /// SQLite gives a new record an id above every one its table has given (AUTOINCREMENT; journal
    /// keeps the counter, ``StoredValues/idCounters(_:table:)``), so a record a `log`, `checkin`,
    /// `resume` or PSFS change added has an id above every id an earlier change of this journal
    /// (``StoredValues/changesOfThisJournal``) named in that table. An activity `psfs remove`
    /// retired was active until then, so no earlier change not undone retired it, and it stays
    /// retired until the change is undone. ``refuseRetargetedCopies(of:kind:madeAt:)`` compares
    /// times of recording, whole seconds: two records made in one second passed it (a tester: undo
    /// of the second `resume` removed the first one's review). An import's records keep the file's
    /// ids, so it is not asked.
    private func refuseRecordsOfEarlierChanges(of change: Int64, kind: ChangeKind) throws {
        guard kind != .import else { return }
        // The ids `source` names in the earlier changes of this journal, as SQL taking the change as `?1`.
        func earlier(_ source: (keptIn: String, action: String?)) -> String {
            "SELECT o.id FROM \(source.keptIn) AS o WHERE o.change_id < ?1"
                + "\(source.action.map { " AND o.action = '\($0)'" } ?? "")"
                + " AND o.change_id IN (\(StoredValues.changesOfThisJournal))"
        }
        for named in Self.recordsByID where named.action != "restore" {
            let retires = named.action == "unretire"
            let sameTable = Self.recordsByID.filter { $0.table == named.table }.map { earlier(($0.keptIn, $0.action)) }
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT id, active, earlier FROM (
                            SELECT k.id, \(retires ? "t.retired_at IS NULL" : "0") AS active,
                                   k.id IN (\(earlier((named.keptIn, named.action)))) AS again,
                                   (SELECT max(id) FROM (\(sameTable.joined(separator: " UNION ALL ")))) AS earlier
                            FROM \(named.keptIn) AS k JOIN \(named.table)_with_ids AS t ON t.id = k.id
                            WHERE k.change_id = ?1\(named.action.map { " AND k.action = '\($0)'" } ?? ""))
                        WHERE \(retires ? "active OR again" : "id <= earlier")
                        ORDER BY id LIMIT 1
                        """,
                    arguments: [change])
            else { continue }
            let id: Int64 = row["id"]
            let reason: String
            if retires {
                reason =
                    "\(named.keptIn) names \(named.record) #\(id) as one the change retired, and "
                    + ((row["active"] as Bool? ?? false)
                        ? "it is active" : "an earlier change, not undone, retired it")
                    + ": another \(named.record), which undo never makes active again"
            } else {
                let earlierID: Int64 = row["earlier"]
                reason =
                    "\(named.keptIn) names \(named.record) #\(id) as one the change added, and an earlier change "
                    + "named #\(earlierID): journal gives a new \(named.record) an id above every one before it, so "
                    + "#\(id) is another \(named.record), which undo never removes or replaces"
            }
            throw JournalError.undoRecordDamaged(reason: reason)
        }
    }

    /// Refuses to undo a delete whose kept copy, or an import whose added row, names an entry or
    /// check-in that was not in the journal as the change needs, by the latest earlier change of
    /// this journal (``StoredValues/changesOfThisJournal``) that named its id.
    ///
    /// A record a delete removed was in the journal until then, so the latest earlier change that
    /// named its id was no delete (a delete not undone had removed it already); a record an import
    /// added was not, so that change was a delete or there is none. Undo walks back newest first,
    /// so every later change was undone first. ``refuseLiveCopies(_:in:of:kind:)`` and
    /// ``refuseRetargetedCopies(of:kind:madeAt:)`` look at the record as it stands: a copy
    /// renumbered to a record deleted earlier, or an added row to a record logged in the same
    /// second, passed them (a tester: undo put back the second deleted entry as #1, for good, or
    /// removed the logged #1 instead of the imported row).
    private func refuseRecordsNotThere(of change: Int64, kind: ChangeKind) throws {
        let deletes: [ChangeKind] = [.delete, .checkInDelete]
        guard deletes.contains(kind) || kind == .import else { return }
        let action = kind == .import ? "remove" : "restore"
        for (table, record) in [("entries", "entry"), ("checkins", "check-in")] {
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT k.id, o.change_id AS earlier, c.kind
                    FROM change_\(table) AS k
                    JOIN change_\(table) AS o ON o.id = k.id AND o.change_id = (
                        SELECT max(p.change_id) FROM change_\(table) AS p
                        WHERE p.id = k.id AND p.change_id < ?1 AND p.change_id IN (\(StoredValues.changesOfThisJournal)))
                    JOIN changes AS c ON c.id = o.change_id
                    WHERE k.change_id = ?1 AND k.action = ?2
                    ORDER BY k.id
                    """,
                arguments: [change, action])
            for row in rows {
                let earlierKind: ChangeKind? = row["kind"]
                let deleted = earlierKind.map(deletes.contains) ?? false
                guard deleted == (kind != .import) else { continue }
                let id: Int64 = row["id"]
                let earlier: Int64 = row["earlier"]
                let words = earlierKind?.withArticle ?? "a change"
                throw JournalError.undoRecordDamaged(
                    reason: kind == .import
                        ? "change #\(change), an import, names \(record) #\(id) in change_\(table) as one it added, and "
                            + "change #\(earlier), \(words) made before it, named #\(id) while it was in the journal: "
                            + "another \(record), which undo never removes"
                        : "change #\(change), \(kind.withArticle), holds a copy of \(record) #\(id) in change_\(table) to "
                            + "put back, and change #\(earlier), \(words) made before it and not undone, had deleted "
                            + "#\(id) already: the copy is of another \(record), which undo never puts back as #\(id)")
            }
        }
    }

    /// Refuses to undo an edit whose record is not as the edit left it (schema.sql, v25-edit-results),
    /// or a log or check-in whose record is not as it was added (kept on its `remove` row, issue #25).
    ///
    /// Undo walks back newest first, so every later change to the record was undone first and the
    /// journal holds what the edit left again: a record that differs was changed from outside, or
    /// its id given to another record. One recorded in the same second with the same times passed
    /// every other check (a tester: undo then overwrote it with the edited record's old values).
    /// Read as screens read it, as the copy is kept, or as stored; an edit that kept nothing of
    /// what it left (recorded before v25, its record not found then) is undone as before.
    private func refuseRecordsChangedSinceLeft(of change: Int64, kind: ChangeKind) throws {
        let kinds: [ChangeKind] = [.edit, .checkInEdit, .log, .checkIn]
        guard kinds.contains(kind) else { return }
        let (table, asEdited) =
            kind == .edit || kind == .log
            ? ("entries", EntryColumns.isAsLeft) : ("checkins", Self.isCheckInAsLeft)
        let ids =
            kind == .log || kind == .checkIn
            ? try Int64.fetchAll(
                db,
                sql: """
                    SELECT id FROM change_\(table) WHERE change_id = ? AND action = 'remove'
                        AND id IN (SELECT id FROM \(table)_with_ids) ORDER BY id
                    """,
                arguments: [change])
            : try keptIDs(in: table, of: change)
        for id in ids {
            if try Bool.fetchOne(db, sql: asEdited, arguments: [change, id]) == false {
                throw JournalError.editedRecordChanged(kind, id: id, merged: try Self.mergedFromOtherDevices(db))
            }
        }
    }

    /// Refuses to undo `config set` or `unset` whose setting is not as the change left it.
    ///
    /// Its detail says what it left (``settingLeft(_:detail:)``): undo walks back newest first, so a later change
    /// of the setting was undone first, and one that differs was changed from outside since.
    /// Putting back what the change replaced would overwrite it (issue #25). The stored value is
    /// compared byte for byte; a change whose detail says nothing of what it left is undone as before.
    private func refuseSettingChangedSince(change kind: ChangeKind, subject: String?, detail: String?) throws {
        guard kind == .config, let subject, let detail, let left = Self.settingLeft(subject, detail: detail),
            try Bool.fetchOne(
                db, sql: "SELECT (SELECT value FROM settings WHERE name = ?1) IS ?2", arguments: [subject, left])
                != true
        else { return }
        let now = try String.fetchOne(
            db, sql: "SELECT CAST(value AS TEXT) FROM settings WHERE name = ?", arguments: [subject])
        throw JournalError.changedSettingChanged(
            detail: detail, name: subject, left: left, now: now, merged: try Self.mergedFromOtherDevices(db))
    }

    /// Refuses to undo a change that keeps nothing to compare what it left with (an import, a plan
    /// change, a change of an exercise of your own) once another device's changes were merged after
    /// it (`sync_files.seen_at`, when a file was merged whole): putting back what it replaced, or
    /// removing what it added, could overwrite or remove what the other device changed since.
    private func refuseUncomparedAfterMerges(of kind: ChangeKind, madeAt: Int64) throws {
        guard [.import, .plan, .exercise].contains(kind),
            try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM sync_files WHERE changes > 0 AND seen_at >= ?)",
                arguments: [madeAt]) == true
        else { return }
        throw JournalError.mergedSince(kind)
    }

    /// Whether `journal sync` has merged changes from another device into this journal
    /// (`sync_files.changes` counts them; this journal's own row counts none).
    static func mergedFromOtherDevices(_ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM sync_files WHERE changes > 0)") ?? false
    }

    /// Refuses to undo a change whose kept copy of an entry or check-in journal could not have kept.
    ///
    /// Its id beyond the table's alias counter (`sqlite_sequence` of `entry_ids`, `checkin_ids`):
    /// journal keeps a copy of a record it gave an id, so one beyond every id given was renumbered
    /// from outside, and putting it back would take an id a new record is yet to be given.
    /// Recorded after the change was made, or dated after it and after it was recorded (as
    /// ``StoredValues``' search of times ahead of now): journal copies a record as it stood when
    /// the change was made, and `--at` takes no time to come. One seek of the change's copies (`change_entries_by_change`, `change_checkins_by_change`).
    private func refuseCopiesOutOfReach(of change: Int64, madeAt: Int64) throws {
        for (table, record, aliases) in [("entries", "entry", "entry_ids"), ("checkins", "check-in", "checkin_ids")] {
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT k.id, k.performed_at, k.created_at, k.utc_offset,
                               coalesce((SELECT seq FROM sqlite_sequence WHERE name = '\(aliases)'), 0) AS given
                        FROM change_\(table) AS k WHERE k.change_id = ?1 AND k.action = 'restore'
                          AND (k.id > given OR k.created_at > ?2 OR (k.performed_at > ?2 AND k.performed_at > k.created_at))
                        ORDER BY k.id LIMIT 1
                        """,
                    arguments: [change, madeAt])
            else { continue }
            let id: Int64 = row["id"]
            let given: Int64 = row["given"]
            let copy = "change_\(table) holds a copy of \(record) #\(id) to put back"
            if id > given {
                throw JournalError.undoRecordDamaged(
                    reason: "\(copy), beyond the largest \(record) id journal has given (\(given), sqlite_sequence): "
                        + "its id, or that counter, was changed from outside, and undo never gives a record an id "
                        + "journal did not give it")
            }
            let offset = StoredValues.clamped(row["utc_offset"] ?? 0, to: LocalDateTime.utcOffsets)
            let when = { (seconds: Int64) in Wording.time(LocalDateTime(unixSeconds: seconds, utcOffset: offset)) }
            let createdAt: Int64 = row["created_at"]
            let (column, time): (String, Int64) =
                createdAt > madeAt ? ("recorded", createdAt) : ("dated", row["performed_at"])
            throw JournalError.undoRecordDamaged(
                reason: "\(copy), \(column) \(when(time)), after the change was made (\(when(madeAt))): journal "
                    + "keeps a copy as the \(record) stood then, so it was changed from outside")
        }
    }

    /// Refuses to undo `change` when what it always keeps (``ChangeKind/alwaysKeeps``) is gone:
    /// deleted from outside, undo would find nothing to do and mark the change undone.
    private func refuseMissingCopy(of change: Int64, kind: ChangeKind) throws {
        let kept = kind.alwaysKeeps
        guard !kept.isEmpty else { return }
        // Whether `table` holds a row of the change, with `action` when one is given.
        func holds(_ table: String, action: String?) throws -> Bool {
            let condition = action.map { " AND action = '\($0)'" } ?? ""
            return try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM \(table) WHERE change_id = ?\(condition))", arguments: [change])
                ?? false
        }
        for (table, action) in kept where try holds(table, action: action) { return }
        // Rows of the change there, but not those its kind keeps: its kind or their action was changed.
        for (table, _) in kept where try holds(table, action: nil) {
            throw JournalError.undoRecordDamaged(
                reason: "change #\(change) is recorded as \(kind.withArticle), and \(table) holds rows for it, but not "
                    + "the ones \(kind.withArticle) keeps: its kind, or what its rows say to do, was changed")
        }
        throw JournalError.undoRecordDamaged(
            reason: "change #\(change), \(kind.withArticle), kept what undoing it needs in "
                + kept.map(\.table).joined(separator: " or ") + ", and none of it is there: its kept copy is missing")
    }

    /// Refuses to undo the plan change `change` of `subject` when a row of another exercise it kept
    /// names one that is not on the plan now, or two name the same: a row renamed from outside.
    ///
    /// A plan change keeps the whole plan; every change made since was undone first, so the plan
    /// holds every other exercise the change kept, and undo puts back only the subject's row (and
    /// the others' order). A kept row renamed to another exercise would take the subject off the plan.
    private func refuseRenamedPlanRows(of change: Int64, subject: String) throws {
        guard
            let renamed = try String.fetchOne(
                db,
                sql: """
                    SELECT quote(exercise_id) FROM change_plan AS kept WHERE change_id = ?1 AND (
                        (exercise_id IS NOT ?2 AND exercise_id NOT IN (SELECT exercise_id FROM plan WHERE removed = 0))
                        OR (SELECT count(*) FROM change_plan WHERE change_id = ?1 AND exercise_id = kept.exercise_id) > 1)
                    ORDER BY rowid LIMIT 1
                    """,
                arguments: [change, subject])
        else { return }
        throw JournalError.undoRecordDamaged(
            reason: "change_plan holds a row of \(renamed.terminalSafe) for a change of \(subject.terminalSafe), "
                + "which is not how the plan stood: another exercise is not on the plan now, or two rows name one")
    }

    /// Refuses a kept copy whose id journal never gives (ids are whole numbers from 1): put back,
    /// it could be neither edited nor deleted.
    private func refuseIDsBelowOne(_ kept: [Int64], in table: String) throws {
        guard let id = kept.first(where: { $0 < 1 }) else { return }
        throw JournalError.undoRecordDamaged(
            reason: "change_\(table) holds a copy with id \(id), where journal gives whole numbers from 1")
    }

    /// The rows of `table` (`entries` or `checkins`) of which `change` kept a copy to put back, smallest id first.
    private func keptIDs(in table: String, of change: Int64) throws -> [Int64] {
        try Int64.fetchAll(
            db, sql: "SELECT id FROM change_\(table) WHERE change_id = ? AND action = 'restore' ORDER BY id",
            arguments: [change])
    }

    /// The entries with these ids that exist, smallest id first.
    private func entries(_ ids: [Int64]) throws -> [Entry] {
        try ids.compactMap { try EntryQueries.entry(id: $0, db) }
    }

    /// The check-ins with these ids that exist, smallest id first.
    private func checkIns(_ ids: [Int64]) throws -> [CheckIn] {
        try ids.compactMap { try CheckIn.fetchAll(db, where: "id = ?", arguments: [$0]).first }
    }

    /// Takes back the red-flag reviews `change` recorded; returns their ids, smallest first.
    private func undoRedFlagReviews(of change: Int64) throws -> [Int64] {
        let added = "SELECT id FROM change_red_flag_reviews WHERE change_id = ?1"
        let ids = try Int64.fetchAll(
            db, sql: "SELECT id FROM red_flag_reviews_with_ids WHERE id IN (\(added)) ORDER BY id",
            arguments: [change])
        try removeRecords(in: "red_flag_reviews", named: added, of: change)
        return ids
    }

    /// Puts back the check-ins `change` kept, with the red flags journal knows; returns how many.
    ///
    /// Each under the uid its alias names: the one it had, or a new one for a check-in the change
    /// deleted (``giveNewUIDs(to:now:clock:)``), its red flags too; with the reading that recorded
    /// it, so it is as covered as it was. A red flag it does not know (put in
    /// from outside) is never put back: it goes in ``UndoResult/redFlagsNotPutBack``, so that undo says so.
    private func restoreCheckIns(of change: Int64, into result: inout UndoResult) throws -> Int {
        // Copied in SQL, so the note comes back with every byte it had (``keepCheckIn(_:for:)``).
        let rows = try Row.fetchAll(
            db, sql: "SELECT id, red_flags FROM change_checkins WHERE change_id = ? AND action = 'restore'",
            arguments: [change])
        for row in rows {
            let id: Int64 = row["id"]
            let flagsBefore = try redFlagRows(ofCheckIn: id)
            try db.execute(
                sql: "DELETE FROM checkins WHERE uid = (SELECT uid FROM checkin_ids WHERE id = ?)", arguments: [id])
            try db.execute(
                sql: """
                    INSERT INTO checkins (uid, performed_at, utc_offset, pain, note, created_at, recorded)
                    SELECT (SELECT uid FROM checkin_ids WHERE id = k.id), performed_at, utc_offset, pain, note,
                           created_at, recorded
                    FROM change_checkins AS k
                    WHERE change_id = ? AND action = 'restore' AND id = ?
                    """,
                arguments: [change, id])
            let flags = (row["red_flags"] as String? ?? "").split(separator: ",").map(String.init)
            let unknown = flags.filter { RedFlag(rawValue: $0) == nil }
            if !unknown.isEmpty { result.redFlagsNotPutBack[id] = unknown }
            for flag in flags.compactMap(RedFlag.init(rawValue:)) {
                try db.execute(
                    sql: """
                        INSERT INTO checkin_red_flags (checkin_uid, red_flag)
                        VALUES ((SELECT uid FROM checkin_ids WHERE id = ?), ?)
                        """,
                    arguments: [id, flag.rawValue])
            }
            try keepRedFlagsTakenOff(flagsBefore, checkIn: id)
        }
        return rows.count
    }

    /// The red flags `checkin_red_flags` holds for the check-in `id` (its alias), present or not.
    private func redFlagRows(ofCheckIn id: Int64) throws -> [String] {
        try String.fetchAll(
            db,
            sql:
                "SELECT red_flag FROM checkin_red_flags WHERE checkin_uid = (SELECT uid FROM checkin_ids WHERE id = ?)",
            arguments: [id])
    }

    /// Writes back, `present = 0`, each of `flags` that the kept copy lacks.
    ///
    /// `flags` are the check-in `id`'s rows before undo put it back: in the same transaction as the
    /// delete, the row records as an update, never as a deleted key that could not be written again
    /// (docs/sync-ids.md).
    /// A flag journal does not know (put in from outside) is left out, as undo never puts one back.
    private func keepRedFlagsTakenOff(_ flags: [String], checkIn id: Int64) throws {
        for flag in flags where RedFlag(rawValue: flag) != nil {
            try db.execute(
                sql: """
                    INSERT INTO checkin_red_flags (checkin_uid, red_flag, present)
                    SELECT uid, ?, 0 FROM checkin_ids WHERE id = ? AND uid IN (SELECT uid FROM checkins)
                    ON CONFLICT (checkin_uid, red_flag) DO NOTHING
                    """,
                arguments: [flag, id])
        }
    }

    /// Reverses what `change` did to PSFS activities and ratings: notes the activities it removed
    /// or made active again, and the ratings it removed with their activities' words, each smallest id first.
    private func undoPSFS(of change: Int64, into result: inout UndoResult) throws {
        let ratingsAdded = "SELECT id FROM change_psfs WHERE change_id = ?1 AND action = 'remove-rating'"
        let activitiesAdded = "SELECT id FROM change_psfs WHERE change_id = ?1 AND action = 'remove-activity'"
        // An activity this change added that holds ratings it did not add (those added here since
        // were undone first): another device's, merged, or put in from outside. Removing the
        // activity would remove them with it.
        if let rated = try Row.fetchOne(
            db,
            sql: """
                SELECT a.id, a.activity, count(*) AS ratings FROM psfs_activities_with_ids AS a
                JOIN psfs_ratings AS r ON r.activity_uid = a.uid
                WHERE a.id IN (\(activitiesAdded))
                  AND r.uid NOT IN (SELECT uid FROM psfs_rating_ids WHERE id IN (\(ratingsAdded)))
                GROUP BY a.id ORDER BY a.id LIMIT 1
                """,
            arguments: [change])
        {
            throw JournalError.activityRatedSince(
                id: rated["id"], activity: rated["activity"], ratings: rated["ratings"],
                merged: try Self.mergedFromOtherDevices(db))
        }
        let ratings = try Row.fetchAll(
            db, sql: "SELECT \(PSFSQueries.ratingColumns) FROM psfs_ratings_with_ids WHERE id IN (\(ratingsAdded))",
            arguments: [change]
        ).map(PSFSQueries.rating).sorted { ($0.id ?? 0) < ($1.id ?? 0) }
        for rating in ratings {
            result.psfsRatedActivities[rating.activityID] = try String.fetchOne(
                db, sql: "SELECT activity FROM psfs_activities_with_ids WHERE id = ?", arguments: [rating.activityID])
        }
        try removeRecords(in: "psfs_ratings", named: ratingsAdded, of: change)
        let removed = try Row.fetchAll(
            db,
            sql: "SELECT \(PSFSQueries.activityColumns) FROM psfs_activities_with_ids WHERE id IN (\(activitiesAdded))",
            arguments: [change])
        try removeRecords(in: "psfs_activities", named: activitiesAdded, of: change)
        let retired = "SELECT id FROM change_psfs WHERE change_id = ?1 AND action = 'unretire'"
        try db.execute(
            sql: """
                UPDATE psfs_activities SET retired_at = NULL
                WHERE uid IN (SELECT uid FROM psfs_activity_ids WHERE id IN (\(retired)))
                """,
            arguments: [change])
        let active = try Row.fetchAll(
            db,
            sql: "SELECT \(PSFSQueries.activityColumns) FROM psfs_activities_with_ids WHERE id IN (\(retired))",
            arguments: [change])
        result.psfsActivities = try (removed + active).map(PSFSQueries.activity).sorted { ($0.id ?? 0) < ($1.id ?? 0) }
        result.psfsRatings = ratings
        result.psfsActivityIDs = result.psfsActivities.compactMap(\.id)
        result.psfsRatingIDs = ratings.compactMap(\.id)
        result.psfsChanged = result.psfsActivityIDs.count + result.psfsRatingIDs.count
    }

    /// Puts back the plan, the person's own exercises and the settings as the full import `change`
    /// kept them, every row with its rowid, once ``undoRows(of:into:)`` has removed the rows it noted.
    ///
    /// A full import never replaces an exercise, a plan item or a setting (it refuses a different
    /// one), so the exercises to remove are those it added; the plan and the settings are put back whole.
    private func putBackBeforeFullImport(_ change: Int64, into result: inout UndoResult) throws {
        // Counted first: removing an exercise takes its plan item with it.
        result.planExerciseIDs = try keys(
            "plan", notIn: "SELECT exercise_id FROM change_plan WHERE change_id = ?", by: "exercise_id",
            live: "removed = 0", of: change)
        result.planItemsRemoved = result.planExerciseIDs.count
        result.settingNames = try keys(
            "settings", notIn: "SELECT name FROM change_settings WHERE change_id = ?", by: "name",
            live: "value IS NOT NULL", of: change)
        result.settingsRemoved = result.settingNames.count
        // Added: a row the import wrote, or one it brought back that had been removed
        // (``ExerciseQueries/removedExercise(_:)``: its kept copy archived, no entry naming it).
        let added = try String.fetchAll(
            db,
            sql: """
                SELECT x.id FROM exercises AS x LEFT JOIN change_exercises AS k ON k.change_id = ?1 AND k.id = x.id
                WHERE x.builtin = 0 AND (k.id IS NULL OR (\(ExerciseQueries.removedExercise("k"))
                    AND (x.name, x.category, x.per_side, x.measure, x.archived, x.how_to)
                        IS NOT (k.name, k.category, k.per_side, k.measure, k.archived, k.how_to)))
                ORDER BY x.id
                """,
            arguments: [change])
        for id in added {
            let uses =
                try Int.fetchOne(db, sql: "SELECT count(*) FROM entries WHERE exercise_id = ?", arguments: [id]) ?? 0
            if uses > 0 { throw JournalError.addedExerciseInUse(id, entries: uses) }
            try removeAddedExercise(id)
            // One brought back goes back as it was kept.
            try db.execute(
                sql: """
                    UPDATE exercises SET (name, category, per_side, measure, builtin, archived, how_to) = (
                        SELECT name, category, per_side, measure, builtin, archived, how_to
                        FROM change_exercises WHERE change_id = ?1 AND id = ?2)
                    WHERE id = ?2 AND EXISTS (SELECT 1 FROM change_exercises WHERE change_id = ?1 AND id = ?2)
                    """,
                arguments: [change, id])
        }
        result.exerciseIDs = added
        result.exercisesRemoved = added.count
        // Rows flagged off rather than deleted (docs/sync-ids.md, "`undo` under sync").
        try db.execute(sql: "UPDATE plan SET removed = 1 WHERE removed = 0")
        try db.execute(
            sql: """
                INSERT INTO plan (rowid, exercise_id, sets, reps, hold_seconds, per_week, since, position)
                SELECT \(Self.freeRowID("plan")), exercise_id, sets, reps, hold_seconds, per_week, since, position
                FROM change_plan AS kept WHERE change_id = ?
                ON CONFLICT (exercise_id) DO UPDATE SET \(Self.planColumnsBack)
                """,
            arguments: [change])
        try putBackEarlierDoses(of: nil, from: change)
        let regionBefore = try SettingsQueries.region(db)
        try db.execute(sql: "UPDATE settings SET value = NULL WHERE value IS NOT NULL")
        try db.execute(
            sql: """
                INSERT INTO settings (rowid, name, value)
                SELECT \(Self.freeRowID("settings")), name, value FROM change_settings AS kept WHERE change_id = ?
                ON CONFLICT (name) DO UPDATE SET value = excluded.value
                """,
            arguments: [change])
        result.region = try regionChange(from: regionBefore)
    }

    /// The ids of the physiotherapist's reviews of `exerciseID`, smallest first.
    private func reviewIDs(of exerciseID: String) throws -> [Int64] {
        try Int64.fetchAll(
            db, sql: "SELECT id FROM reviews_with_ids WHERE exercise_id = ? ORDER BY id", arguments: [exerciseID])
    }

    /// The person's own exercise `id` as it stands, archived or not; `nil` when there is none.
    private func ownExercise(_ id: String) throws -> ExerciseState? {
        guard
            let exercise = try ExerciseQueries.customExercises(db, includingArchived: true).first(where: { $0.id == id }
            )
        else { return nil }
        return ExerciseState(exercise, archived: try ExerciseQueries.isArchived(id, db))
    }

    /// The region the journal stores now, beside `before`, the one it stored before the undo;
    /// `nil` when they are the same.
    private func regionChange(from before: String?) throws -> RegionChange? {
        let after = try SettingsQueries.region(db)
        return after == before ? nil : RegionChange(replaced: before, stored: after)
    }

    /// The place of `exerciseID` in the plan's order (1 first), as `journal plan` lists it; `nil` when not planned.
    private func planPlace(of exerciseID: String) throws -> Int? {
        try ExerciseQueries.plan(db).firstIndex { $0.exerciseID == exerciseID }.map { $0 + 1 }
    }

    /// The `key` of each `live` row of `table` that `kept` (a query of `change`) does not list, in order.
    private func keys(_ table: String, notIn kept: String, by key: String, live: String, of change: Int64) throws
        -> [String]
    {
        try String.fetchAll(
            db, sql: "SELECT \(key) FROM \(table) WHERE \(live) AND \(key) NOT IN (\(kept)) ORDER BY \(key)",
            arguments: [change])
    }

    /// Puts back what a plan, exercise or setting change replaced, as `change` kept it.
    private func putBack(_ kind: ChangeKind, subject: String, of change: Int64) throws -> PutBack {
        // A setting or exercise change kept its subject's row alone: a row of another, changed
        // from outside, would put back a setting or an exercise the change never touched. (A plan
        // change keeps the whole plan, for its order.)
        let kept =
            kind == .config ? [("change_settings", "name")] : kind == .exercise ? [("change_exercises", "id")] : []
        for (table, key) in kept {
            if let other = try String.fetchOne(
                db, sql: "SELECT quote(\(key)) FROM \(table) WHERE change_id = ? AND \(key) IS NOT ? LIMIT 1",
                arguments: [change, subject])
            {
                throw JournalError.undoRecordDamaged(
                    reason: "\(table) holds a row of \(other.terminalSafe) for a change of "
                        + "\(subject.terminalSafe)")
            }
        }
        switch kind {
        case .config:
            // Unset, then the kept value (if any) upserted: the row is never deleted (docs/sync-ids.md).
            try SettingsQueries.remove(subject, db)
            try db.execute(
                sql: """
                    INSERT INTO settings (rowid, name, value)
                    SELECT \(Self.freeRowID("settings")), name, value FROM change_settings AS kept WHERE change_id = ?
                    ON CONFLICT (name) DO UPDATE SET value = excluded.value
                    """,
                arguments: [change])
            let value = try SettingsQueries.value(named: subject, db)
            return .setting(name: subject, value: value)
        case .exercise:
            let exists = try putBackExercise(subject, of: change)
            let planned = try putBackPlan(of: subject, from: change, withOrder: false)
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO reviews (uid, exercise_id, reviewed_at, utc_offset, note, created_at, seen)
                    SELECT (SELECT uid FROM review_ids WHERE id = k.id), exercise_id, reviewed_at, utc_offset, note,
                           created_at, seen
                    FROM change_exercise_reviews AS k WHERE change_id = ?
                    """,
                arguments: [change])
            let exercise =
                exists
                ? try ExerciseQueries.customExercises(db, includingArchived: true).first { $0.id == subject } : nil
            return .exercise(id: subject, exercise, plan: planned.changed ? planned.item : nil)
        default:
            return .plan(exerciseID: subject, try putBackPlan(of: subject, from: change, withOrder: true).item)
        }
    }

    /// Puts back the exercise `id` as `change` kept it; returns whether it exists afterwards.
    ///
    /// One the change added is removed again, unless entries use it (``JournalError/addedExerciseInUse(_:entries:)``).
    private func putBackExercise(_ id: String, of change: Int64) throws -> Bool {
        let kept =
            try Int.fetchOne(db, sql: "SELECT count(*) FROM change_exercises WHERE change_id = ?", arguments: [change])
            ?? 0
        guard kept > 0 else {
            let uses =
                try Int.fetchOne(db, sql: "SELECT count(*) FROM entries WHERE exercise_id = ?", arguments: [id]) ?? 0
            if uses > 0 { throw JournalError.addedExerciseInUse(id, entries: uses) }
            try removeAddedExercise(id)
            return false
        }
        try db.execute(
            sql: """
                UPDATE exercises SET (name, category, per_side, measure, builtin, archived, how_to) = (
                    SELECT name, category, per_side, measure, builtin, archived, how_to
                    FROM change_exercises WHERE change_id = ?1)
                WHERE id = ?2
                """,
            arguments: [change, id])
        try db.execute(
            sql: """
                INSERT INTO exercises (rowid, id, name, category, per_side, measure, builtin, archived, how_to)
                SELECT \(Self.freeRowID("exercises")), id, name, category, per_side, measure, builtin, archived, how_to
                FROM change_exercises AS kept WHERE change_id = ?1 AND NOT EXISTS (
                    SELECT 1 FROM exercises WHERE exercises.id = ?2)
                """,
            arguments: [change, id])
        return true
    }

    /// Takes away the exercise `id` a change added, which no entry uses: archived, off the plan,
    /// reading as gone (``ExerciseQueries/removedExercise(_:)``), never deleted (docs/sync-ids.md).
    private func removeAddedExercise(_ id: String) throws {
        try db.execute(sql: "UPDATE exercises SET archived = 1 WHERE id = ?", arguments: [id])
        try ExerciseQueries.removeFromPlan(id, db)
        try db.execute(sql: "DELETE FROM reviews WHERE exercise_id = ?", arguments: [id])
    }

    /// Puts back the plan row of `exerciseID` as `change` kept it (none: off the plan), and `withOrder`
    /// the other rows' order (`plan set` renumbers them); returns the row put back and whether it
    /// differs from the one it replaced.
    private func putBackPlan(of exerciseID: String, from change: Int64, withOrder: Bool) throws -> (
        item: PlanItem?, changed: Bool
    ) {
        let columns = "rowid, exercise_id, sets, reps, hold_seconds, per_week, since, position"
        let before = try Row.fetchOne(
            db, sql: "SELECT \(columns) FROM plan WHERE exercise_id = ? AND removed = 0", arguments: [exerciseID])
        let earlierBefore = try ExerciseQueries.plan(db).first { $0.exerciseID == exerciseID }?.earlier ?? []
        // Off the plan by the flag, then the kept row (if any) upserted: never a delete (docs/sync-ids.md).
        try ExerciseQueries.removeFromPlan(exerciseID, db)
        try db.execute(
            sql: """
                INSERT INTO plan (rowid, exercise_id, sets, reps, hold_seconds, per_week, since, position)
                SELECT \(Self.freeRowID("plan")), exercise_id, sets, reps, hold_seconds, per_week, since, position
                FROM change_plan AS kept WHERE change_id = ?1 AND exercise_id = ?2
                ON CONFLICT (exercise_id) DO UPDATE SET \(Self.planColumnsBack)
                """,
            arguments: [change, exerciseID])
        if withOrder {
            try db.execute(
                sql: """
                    UPDATE plan SET position = (
                        SELECT position FROM change_plan WHERE change_id = ?1 AND exercise_id = plan.exercise_id)
                    WHERE exercise_id IN (SELECT exercise_id FROM change_plan WHERE change_id = ?1)
                    """,
                arguments: [change])
        }
        try putBackEarlierDoses(of: exerciseID, from: change)
        let after = try Row.fetchOne(
            db, sql: "SELECT \(columns) FROM plan WHERE exercise_id = ? AND removed = 0", arguments: [exerciseID])
        let item = try ExerciseQueries.plan(db).first { $0.exerciseID == exerciseID }
        return (item, before != after || earlierBefore != item?.earlier ?? [])
    }

    /// A kept plan row's columns written over the row of its exercise, which is back on the plan.
    private static let planColumnsBack = """
        sets = excluded.sets, reps = excluded.reps, hold_seconds = excluded.hold_seconds, per_week = excluded.per_week,
        since = excluded.since, position = excluded.position, removed = 0
        """

    /// The kept row's own rowid (`kept.row_id`) when `table` has no row with it now, else a new one.
    private static func freeRowID(_ table: String) -> String {
        "CASE WHEN EXISTS (SELECT 1 FROM \(table) WHERE rowid = kept.row_id) THEN NULL ELSE kept.row_id END"
    }

    /// The one row `change` added (a log's entry or a check-in's), noted in `table`.
    private func addedID(by change: Int64, in table: String) throws -> Int64? {
        try Int64.fetchOne(
            db, sql: "SELECT id FROM \(table) WHERE change_id = ? AND action = 'remove' LIMIT 1", arguments: [change])
    }

    /// Brings the next entry id back within ``Entry/Limits/ids`` after undoing the import `change`.
    ///
    /// Before ids were bounded, an import could add an entry with id 2^63 − 1, after which SQLite
    /// had no id left for any new entry ("disk is full"). Undoing such an import lowers the
    /// counter (`entry_ids`', schema.sql v26-record-ids) to the highest alias still given, to an
    /// entry or to one deleted, or named by a copy that `journal undo` may put back (the aliases of
    /// the entries the import added are gone by then, ``removeRecords(in:named:of:)``); a counter
    /// within the bounds is never touched, so no id still named anywhere is given twice.
    private func reclaimIDs(after change: Int64) throws {
        try db.execute(
            sql: """
                UPDATE sqlite_sequence SET seq = max(
                    (SELECT coalesce(max(id), 0) FROM entry_ids),
                    (SELECT coalesce(max(id), 0) FROM change_entries WHERE change_id <> ?1))
                WHERE name = 'entry_ids' AND seq > ?2
                """,
            arguments: [change, Entry.Limits.ids.upperBound])
    }
}
