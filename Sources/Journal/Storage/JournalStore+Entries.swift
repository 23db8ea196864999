import Foundation
import GRDB

/// A saved entry and what the safety rules found.
public struct LoggedEntry: Sendable, Hashable {
    public var entry: Entry
    /// Findings this entry raised, most severe first.
    public var findings: [Finding]
    /// The hold the exercise stands on with this entry saved, if any (``HoldRule``).
    public var hold: Hold?

    /// What `journal log` notes about the entry without refusing it: a dose in the other measure
    /// than the exercise's, a dose far above the plan's, or the same entry logged a moment ago (``LogNotice``).
    public var notices: [LogNotice] = []

    /// The hold that stood before this entry, which began on an earlier session: `journal log`
    /// names it, since the person is exercising against its advice.
    public var holdBefore: Hold? { hold.flatMap { $0.since.entryID == entry.id ? nil : $0 } }

    /// Whether this entry began the hold its exercise now stands on (a stop it raised).
    public var beganHold: Bool { hold.map { $0.since.entryID == entry.id } ?? false }

    /// The hold the exercise stood on before this entry was saved (`journal log` reads it; `nil`
    /// for none, or when not read).
    public var heldBefore: Hold?

    /// The hold that stood before this entry and now dates from it: the exercise was already on
    /// hold, and this entry, done before the session that began it, raised a stop of its own, so
    /// the hold now begins at this entry (a `log --at` an earlier time); `nil` otherwise.
    public var holdMovedEarlier: Hold? {
        guard beganHold, let heldBefore, heldBefore.since.entryID != entry.id else { return nil }
        return heldBefore
    }
}

/// Something `journal log` points out about a saved entry, likely a slip; the entry is kept.
public enum LogNotice: Sendable, Hashable {
    /// The dose, sets × reps (or × hold seconds, or sets alone), is more than
    /// ``LogNotice/doseFactor`` times the plan's for the exercise.
    case doseAbovePlan(logged: Int, planned: Int, plan: PlanItem)
    /// An entry with the same exercise, dose, side, pain and note, done within
    /// ``LogNotice/duplicateSeconds`` of this one, was logged in the last ``LogNotice/duplicateSeconds``.
    case duplicate(of: Int64, loggedAt: Int64)
    /// The dose is in another unit from the plan's (reps against a plan of seconds held, or the
    /// other way round), so the two cannot be compared.
    case doseUnitDiffers(plan: PlanItem)
    /// The dose is in the other measure than the exercise's (reps of one held for seconds, or the
    /// other way round): saved as given (``Wording/entryDoseInOtherMeasure(_:entry:)``).
    case doseInOtherMeasure(Exercise)

    /// How many times the plan's dose a logged dose may be before `journal log` notes it.
    public static let doseFactor = 3
    /// How close, in seconds, an identical entry must be to be noted as logged twice: 5 minutes.
    public static let duplicateSeconds: Int64 = 300

    /// Whether `entry`, in the other measure than `exercise`'s, follows `plan`, the dose in force on
    /// its day, planned in that same other measure (planned as held, logged as held, for an exercise
    /// measured in repetitions): the plan already says it, so `journal log` does not note it again.
    static func followsPlan(_ entry: Entry, _ plan: PlanItem?, of exercise: Exercise) -> Bool {
        guard let plan else { return false }
        return !exercise.measure.fits(reps: plan.reps, holdSeconds: plan.holdSeconds) && !unitDiffers(entry, plan)
    }

    /// Whether `entry` gives its dose in reps or seconds held and `plan` in the other only.
    static func unitDiffers(_ entry: Entry, _ plan: PlanItem) -> Bool {
        let entryReps = entry.reps != nil
        let entryHold = entry.holdSeconds != nil
        let planReps = plan.reps != nil
        let planHold = plan.holdSeconds != nil
        return (entryReps || entryHold) && (planReps || planHold) && !(entryReps && planReps)
            && !(entryHold && planHold)
    }

    /// The dose of `entry` and of `plan` in the same unit, the one furthest above the plan: reps
    /// (sets × reps) or seconds held (sets × reps × hold, a rep counting 1 when there are none, so
    /// 2 × 10 reps of a 30 s hold is 600 s against a plan of 2 × 30 s hold); sets when neither.
    static func doses(_ entry: Entry, _ plan: PlanItem) -> (logged: Int, planned: Int) {
        var doses: [(logged: Int, planned: Int)] = []
        if let reps = entry.reps, let planned = plan.reps { doses.append((entry.sets * reps, plan.sets * planned)) }
        if let hold = entry.holdSeconds, let planned = plan.holdSeconds {
            doses.append((entry.sets * (entry.reps ?? 1) * hold, plan.sets * (plan.reps ?? 1) * planned))
        }
        // The largest logged ÷ planned, compared without division.
        return doses.max { $0.logged * $1.planned < $1.logged * $0.planned } ?? (entry.sets, plan.sets)
    }

    /// Whether ``doses(_:_:)`` compared `entry` with `plan` in seconds held rather than reps.
    public static func comparesHold(_ entry: Entry, _ plan: PlanItem) -> Bool {
        guard let hold = entry.holdSeconds, plan.holdSeconds != nil else { return false }
        return doses(entry, plan).logged == entry.sets * (entry.reps ?? 1) * hold
            && (entry.reps == nil || plan.reps == nil || doses(entry, plan).logged != entry.sets * (entry.reps ?? 0))
    }
}

/// An edited entry: as it was, as it is now, and what the safety rules found in it now.
public struct EditedEntry: Sendable, Hashable {
    public var before: Entry
    /// The entry as saved, with the findings it raises (the same rules as ``JournalStore/log(_:now:timeZone:)``).
    public var after: LoggedEntry

    /// Whether the row held a value journal never writes (put in from outside), which the edit
    /// replaced by what screens showed or what was given (``StoredValues``).
    public var corrected = false

    /// The hold the exercise stood on before the edit, if any.
    public var heldBefore: Hold?

    /// Whether the edit changed anything; one that gave only the values the entry had writes
    /// nothing and records no change for undo.
    public var changed: Bool { after.entry != before || corrected }

    /// The hold that stood before the edit and no longer does: the session edited had begun it.
    public var holdLifted: Hold? { after.hold == nil ? heldBefore : nil }

    /// The hold the edit began: none stood before it, one stands after.
    public var holdBegun: Hold? { heldBefore == nil ? after.hold : nil }
}

/// What `delete` or `checkins delete` removed, and what stood on it that went with it.
public struct Deletion<Record: Sendable & Hashable>: Sendable, Hashable {
    /// The records deleted, in id order.
    public var records: [Record]
    /// The holds that stood before the deletion and no longer do: a session deleted had begun each.
    public var holdsLifted: [Hold] = []
    /// The red flags no doctor had seen that stood on a check-in deleted, most severe first.
    public var redFlagsLifted: [Finding] = []
}

/// The uses that add, change and remove entries: one operation each, every one through
/// ``EntryDraft`` and the same rules.
extension JournalStore {
    /// Checks `draft`, saves it as a new entry and runs the safety rules on it; the entry is
    /// kept whatever they find, and `journal undo` removes it.
    ///
    /// The exercise may be built in or one of the person's own (not archived). One write
    /// transaction reads the exercise's earlier sessions and adds the entry, so no other
    /// process's entry can slip in between.
    ///
    /// ```swift
    /// var draft = EntryDraft(exercise: "glute-bridge")
    /// draft.painBefore = PainLevel(2)
    /// draft.painAfter = PainLevel(4)
    /// try store.log(draft, now: now, timeZone: .current).findings.first?.rule // "more-pain"
    /// ```
    public func log(_ draft: EntryDraft, now: Int64, timeZone: TimeZone) throws -> LoggedEntry {
        try writing { db in
            let exercise = try ExerciseQueries.loggable(draft.exercise, db)
            try StoredValues.keepExerciseRow(exercise.id, db)
            var entry = try draft.entry(exercise: exercise, now: now, timeZone: timeZone)
            let heldBefore = try Self.hold(of: exercise.id, db, now: now, timeZone: timeZone)
            // One reading for the write: the entry's key and `recorded` (``WriteStamp``).
            var stamp = try clock.stamp(db, now: Date(timeIntervalSince1970: TimeInterval(now)))
            let uid = stamp.uid()
            entry.id = nil
            entry.id = try EntryQueries.insert(entry, uid: uid, recorded: stamp.recorded, db)
            entry.uid = uid
            entry.recorded = stamp.recorded
            if let id = entry.id {
                let log = ChangeLog(db)
                try log.noteLogged(id, for: try log.begin(.log, now: now))
            }
            var logged = try Self.assess(entry, db, now: now, timeZone: timeZone)
            logged.heldBefore = heldBefore
            logged.notices = try Self.notices(for: entry, of: exercise, now: now, db)
            return logged
        }
    }

    /// Applies `draft` to the entry `id` (what it leaves out stays) and runs the same rules as
    /// ``log(_:now:timeZone:)``; `journal undo` reverses it.
    ///
    /// An edit giving only the values the entry has writes nothing and records no change
    /// (``EditedEntry/changed`` is `false`).
    ///
    /// An edit that turns a session a physiotherapist's review covered into one that may start a
    /// hold (pain rose, or pain after above 5) makes it count as recorded at the edit (its
    /// `recorded` the edit's own reading, which no review has seen), so the exercise goes on hold
    /// again: what was reviewed has changed.
    public func edit(id: Int64, with draft: EntryDraft, now: Int64, timeZone: TimeZone) throws -> EditedEntry {
        try writing { db in
            guard let before = try EntryQueries.entry(id: id, db) else { throw JournalError.entryNotFound(id) }
            let exercise =
                try ExerciseQueries.catalog(db, includingArchived: true).exercise(id: before.exerciseID)
                ?? Catalog.builtIn.resolve(before.exerciseID)
            var after = try draft.entry(exercise: exercise, now: now, timeZone: timeZone, replacing: before)
            after.uid = before.uid
            after.recorded = before.recorded
            // The values the entry already had change nothing: nothing is written, nothing kept for undo.
            // A row read other than as stored (a pain of 11 read as 10, ``StoredValues``) is written
            // even so: the edit is its correction.
            let storedAsRead = try StoredValues.storedAsRead(before, db)
            let assessedBefore = try Self.assess(before, db, now: now, timeZone: timeZone)
            if after == before, storedAsRead {
                return EditedEntry(before: before, after: assessedBefore, heldBefore: assessedBefore.hold)
            }
            // A review answers the session it saw. Edited into one that may start a hold, the session is
            // no longer what was reviewed: it counts as recorded now, which no earlier review covers.
            // On a journal that syncs, always: a review recorded on another device, not merged here
            // yet, may have seen the session before the edit.
            let review = try HoldQueries.latestReviews(db, exerciseID: after.exerciseID)[after.exerciseID]
            if HoldRule.mayStartHold(after),
                (after.painBefore, after.painAfter, after.performedAt) != (
                    before.painBefore, before.painAfter, before.performedAt
                ),
                try review?.covers(performedAt: before.performedAt, recorded: before.recorded) ?? false
                    || SyncRecording.syncs(db)
            {
                after.createdAt = max(now, review.map { $0.recordedAt + 1 } ?? now)
                after.recorded = try clock.stamp(db, now: Date(timeIntervalSince1970: TimeInterval(now))).recorded
            }
            let log = ChangeLog(db)
            let change = try log.begin(.edit, now: now)
            try log.keepEntry(before.id, for: change)
            // A note left as it was keeps every byte the file holds, a NUL written from outside too.
            let keepingNote = after.note == before.note
            try db.execute(
                sql: keepingNote ? EntryColumns.updateKeepingNote : EntryColumns.update,
                arguments: EntryColumns.updateValues(of: after, keepingNote: keepingNote))
            try log.keepEditedEntry(before.id, for: change)
            return EditedEntry(
                before: before, after: try Self.assess(after, db, now: now, timeZone: timeZone),
                corrected: !storedAsRead, heldBefore: assessedBefore.hold)
        }
    }

    /// Deletes the entries with these ids, all or none; returns them and, with `today`, the holds
    /// the deletion lifted (``Deletion/holdsLifted``), read in the same transaction.
    ///
    /// `journal undo` brings them back.
    public func delete(ids: [Int64], now: Int64, today: LocalDate? = nil) throws -> Deletion<Entry> {
        try writing { db in
            let heldBefore = try today.map { try HoldQueries.holds(db, asOf: $0) } ?? []
            let deleted = try EntryQueries.entries(ids: ids, db)
            let log = ChangeLog(db)
            let change = try log.begin(.delete, now: now)
            for entry in deleted {
                try log.keepEntry(entry.id, for: change)
                try db.execute(sql: "DELETE FROM entries WHERE \(EntryColumns.byAlias())", arguments: [entry.id])
            }
            guard let today else { return Deletion(records: deleted) }
            let stillHeld = Set(try HoldQueries.holds(db, asOf: today).map(\.exerciseID))
            return Deletion(records: deleted, holdsLifted: heldBefore.filter { !stillHeld.contains($0.exerciseID) })
        }
    }

    /// The entry with this id, if any.
    public func entry(id: Int64) throws -> Entry? {
        try reading { db in try EntryQueries.entry(id: id, db) }
    }

    /// The entries with these ids, in id order; throws ``JournalError/entryNotFound(_:)`` for the
    /// first that does not exist.
    public func entries(ids: [Int64]) throws -> [Entry] {
        try reading { db in try EntryQueries.entries(ids: ids, db) }
    }

    /// How many entries the journal holds.
    public func entryCount() throws -> Int {
        try reading { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM entries") ?? 0 }
    }

    // MARK: Building blocks

    /// What `journal log` notes about `entry`, just saved.
    ///
    /// Its dose in the other measure than `exercise`'s (read as given, never refused), its dose
    /// against the plan's, and an identical entry logged in the last five minutes: two index look-ups.
    /// The entry is read through `entries_with_ids` (schema.sql v24-record-views); the latest recorded
    /// is the largest `id`, the number this journal gave last, then as now.
    private static func notices(for entry: Entry, of exercise: Exercise, now: Int64, _ db: Database) throws
        -> [LogNotice]
    {
        var notices: [LogNotice] = []
        // Against the dose in force on the entry's day; none before the plan began (a plan set
        // ahead, a back-dated entry), so no note.
        let plan = try ExerciseQueries.plan(db).first(where: { $0.exerciseID == entry.exerciseID })?
            .dose(on: entry.localTime.date)
        if !exercise.measure.fits(reps: entry.reps, holdSeconds: entry.holdSeconds),
            !LogNotice.followsPlan(entry, plan, of: exercise)
        {
            notices.append(.doseInOtherMeasure(exercise))
        }
        if let plan {
            let (logged, planned) = LogNotice.doses(entry, plan)
            if LogNotice.unitDiffers(entry, plan) {
                notices.append(.doseUnitDiffers(plan: plan))
            } else if logged > LogNotice.doseFactor * planned {
                notices.append(.doseAbovePlan(logged: logged, planned: planned, plan: plan))
            }
        }
        let window = LogNotice.duplicateSeconds
        let same = try Row.fetchOne(
            db,
            sql: """
                SELECT id, created_at FROM entries_with_ids
                WHERE exercise_id = ? AND performed_at BETWEEN ? AND ? AND id <> ? AND created_at >= ?
                  AND sets = ? AND reps IS ? AND hold_seconds IS ? AND side IS ? AND pain_before = ?
                  AND pain_after = ? AND note IS ?
                ORDER BY id DESC LIMIT 1
                """,
            arguments: [
                entry.exerciseID, entry.performedAt - window, entry.performedAt + window, entry.id, now - window,
                entry.sets, entry.reps, entry.holdSeconds, entry.side?.rawValue, entry.painBefore.value,
                entry.painAfter.value, entry.note,
            ])
        if let same { notices.append(.duplicate(of: same["id"], loggedAt: same["created_at"])) }
        return notices
    }

    /// What the rules find in `saved`, an entry just written: its own findings, a `repeated`
    /// finding over it and the exercise's sessions before it, and the hold its exercise stands on.
    ///
    /// The hold is read as `check` reads what stands today (``AsOf``): a review dated after today
    /// on its own clock lifts nothing yet, here as on every screen.
    private static func assess(_ saved: Entry, _ db: Database, now: Int64, timeZone: TimeZone) throws -> LoggedEntry {
        let earlier = try HoldQueries.sessions(before: saved, db)
        let repeated = RepeatedRule.findings(in: earlier + [saved]).filter { $0.entryID == saved.id }
        return LoggedEntry(
            entry: saved, findings: Rules.sorted(Rules.evaluate(saved) + repeated),
            hold: try hold(of: saved.exerciseID, db, now: now, timeZone: timeZone))
    }

    /// The hold `exerciseID` stands on, read as `check` reads what stands today (``AsOf``).
    private static func hold(of exerciseID: String, _ db: Database, now: Int64, timeZone: TimeZone) throws -> Hold? {
        let today = DateInput.at(now, in: timeZone).local.date
        let review = try HoldQueries.latestReviews(db, exerciseID: exerciseID, asOf: today)[exerciseID]
        return try HoldQueries.hold(exerciseID: exerciseID, review: review, db)
    }
}
