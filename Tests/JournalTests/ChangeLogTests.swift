import Foundation
import GRDB
import TestSupport
import Testing

@testable import Journal

/// The change log behind `journal undo`: each plan, exercise and setting change undone to the rows it
/// replaced, byte for byte; older changes reached past them; changes that kept nothing stopped at.
@Suite struct ChangeLogTests {
    let directory = TemporaryDirectory()
    let now: Int64 = 1_795_600_800

    func store() throws -> JournalStore { try JournalStore(path: directory.file("j.sqlite3")) }

    /// Every live row of `table`, rowid first, as SQLite holds it; a record table's (reviews) by its
    /// alias, with its uid, whatever rowid SQLite gave the row.
    ///
    /// A row taken away stays, flagged
    /// (docs/sync-ids.md, "Deletes and foreign keys"): a plan item `removed`, a setting's value
    /// NULL, an exercise removed (archived, no entry naming it); those are left out.
    func rows(_ table: String, _ store: JournalStore) throws -> [Row] {
        let live = [
            "plan": "removed = 0", "settings": "value IS NOT NULL",
            "exercises": "NOT (archived = 1 AND id NOT IN (SELECT exercise_id FROM entries))",
        ]
        return try store.queue.read {
            try Row.fetchAll(
                $0,
                sql: table == "reviews"
                    ? "SELECT a.id AS alias, r.* FROM reviews AS r JOIN review_ids AS a USING (uid) ORDER BY a.id"
                    : "SELECT rowid AS row_id, * FROM \(table) WHERE \(live[table] ?? "1") ORDER BY rowid")
        }
    }

    /// The plan, the exercises, the reviews and the settings: what plan, exercise and setting changes touch.
    func state(_ store: JournalStore) throws -> [[Row]] {
        try ["plan", "exercises", "reviews", "settings"].map { try rows($0, store) }
    }

    func plan(_ id: String, sets: Int = 3, reps: Int = 10, perWeek: Int = 5, since: String = "2026-11-01") throws
        -> PlanItem
    {
        try PlanItem(exerciseID: id, sets: sets, reps: reps, perWeek: perWeek, since: LocalDate(iso8601: since))
    }

    func ownExercise(_ id: String = "knee-to-chest", name: String = "Knee to chest") throws -> Exercise {
        try Exercise.custom(
            id: id, name: name, category: .stretch, perSide: true, measure: .hold, howTo: "Lie on your back.")
    }

    func entry(_ exercise: String, at offset: Int64 = 300) throws -> Entry {
        try Entry(
            exerciseID: exercise, performedAt: now - offset, utcOffset: 0, sets: 1, holdSeconds: 20, side: .left,
            painBefore: #require(PainLevel(3)), painAfter: #require(PainLevel(3)), createdAt: now - offset)
    }

    // MARK: Plan

    /// Replacing a dose and moving it first renumbers the plan; undo puts back every row, rowid,
    /// dose, start day and place.
    @Test func undoingPlanSetPutsBackThePlanExactly() throws {
        let store = try store()
        for id in ["glute-bridge", "bird-dog", "pelvic-tilt"] { try store.setPlan(try plan(id), now: now - 100) }
        let before = try state(store)
        try store.setPlan(try plan("bird-dog", sets: 2, reps: 8, perWeek: 3, since: "2026-11-20"), order: 1, now: now)
        #expect(try store.plan().map(\.exerciseID) == ["bird-dog", "glute-bridge", "pelvic-tilt"])
        let undone = try #require(try store.undo())
        #expect(undone.kind == .plan && undone.madeAt == now && undone.detail == "plan set bird-dog")
        #expect(undone.putBack == .plan(exerciseID: "bird-dog", try plan("bird-dog")))
        #expect(try state(store) == before)
    }

    @Test func undoingPlanSetOfANewExerciseTakesItOffAgain() throws {
        let store = try store()
        try store.setPlan(try plan("glute-bridge"), now: now - 100)
        let before = try state(store)
        try store.setPlan(try plan("bird-dog"), order: 1, now: now)
        #expect(try store.undo()?.putBack == .plan(exerciseID: "bird-dog", nil))
        #expect(try state(store) == before)
    }

    @Test func undoingPlanRemovePutsTheRowBackInItsPlace() throws {
        let store = try store()
        for id in ["glute-bridge", "bird-dog", "pelvic-tilt"] { try store.setPlan(try plan(id), now: now - 100) }
        let before = try state(store)
        #expect(try store.removePlan(exerciseID: "bird-dog", now: now) != nil)
        let undone = try #require(try store.undo())
        #expect(undone.detail == "plan remove bird-dog")
        #expect(undone.putBack == .plan(exerciseID: "bird-dog", try plan("bird-dog")))
        #expect(try state(store) == before)
        #expect(try store.plan().map(\.exerciseID) == ["glute-bridge", "bird-dog", "pelvic-tilt"])
    }

    /// A row written behind the log's back after the change is left alone; the kept row comes back
    /// in its own row, which `plan remove` flagged rather than deleted (docs/sync-ids.md).
    @Test func undoLeavesRowsTheChangeDidNotTouch() throws {
        let store = try store()
        for id in ["glute-bridge", "bird-dog"] { try store.setPlan(try plan(id), now: now - 100) }
        #expect(try store.removePlan(exerciseID: "bird-dog", now: now) != nil)
        try store.queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO plan (exercise_id, sets, reps, per_week, since, position)
                    VALUES ('pelvic-tilt', 1, 5, 2, NULL, 3)
                    """)
        }
        _ = try #require(try store.undo())
        let plan = try store.queue.read {
            try Row.fetchAll($0, sql: "SELECT rowid, exercise_id, position FROM plan ORDER BY rowid")
        }
        #expect(plan.map { $0["exercise_id"] as String } == ["glute-bridge", "bird-dog", "pelvic-tilt"])
        #expect(plan.map { $0["rowid"] as Int64 } == [1, 2, 3])
        #expect(plan.map { $0["position"] as Int } == [1, 2, 3])
    }

    @Test func removingWhatIsNotPlannedIsNoChange() throws {
        let store = try store()
        #expect(try store.removePlan(exerciseID: "bird-dog", now: now) == nil)
        #expect(try store.undo() == nil)
    }

    // MARK: Exercises

    @Test func undoingExercisesAddRemovesItAgain() throws {
        let store = try store()
        let before = try state(store)
        try store.addExercise(try ownExercise(), now: now)
        let undone = try #require(try store.undo())
        #expect(undone.kind == .exercise && undone.detail == "exercises add knee-to-chest")
        #expect(undone.putBack == .exercise(id: "knee-to-chest", nil, plan: nil))
        #expect(try state(store) == before)
        #expect(throws: JournalError.self) { try store.catalog().resolve("knee-to-chest") }
    }

    @Test func undoingExercisesEditPutsBackNameSidesAndHowTo() throws {
        let store = try store()
        let original = try ownExercise()
        try store.addExercise(original, now: now - 100)
        try store.setPlan(try plan("knee-to-chest"), now: now - 50)
        let before = try state(store)
        let edited = try #require(
            try store.editExercise(id: "knee-to-chest", name: "Knee hug", howTo: "", perSide: false, now: now)?.after)
        #expect(edited.name == "Knee hug" && !edited.perSide && edited.givenHowTo == nil)
        let undone = try #require(try store.undo())
        #expect(undone.putBack == .exercise(id: "knee-to-chest", original, plan: nil))
        #expect(try state(store) == before)
    }

    /// A removed exercise comes back with its rowid, its plan and a review that went with it.
    @Test func undoingExercisesRemovePutsBackTheExerciseItsPlanAndReviews() throws {
        let store = try store()
        try store.addExercise(try ownExercise(), now: now - 300)
        try store.setPlan(try plan("glute-bridge"), now: now - 200)
        try store.setPlan(try plan("knee-to-chest"), now: now - 100)
        try store.queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO reviews (uid, exercise_id, reviewed_at, utc_offset, note, created_at, seen)
                    VALUES (?, 'knee-to-chest', ?, 0, 'fine to go on', ?, ?)
                    """,
                arguments: [OutsideRecord.uid(1), now - 90, now - 90, OutsideRecord.seenNothing])
        }
        let before = try state(store)
        // It names what went with it: the plan item and the review.
        #expect(
            try store.removeExercise(id: "knee-to-chest", force: false, now: now)
                == ExerciseRemoval(entries: 0, planItem: try plan("knee-to-chest"), reviewIDs: [1]))
        #expect(try rows("reviews", store).isEmpty && store.plan().map(\.exerciseID) == ["glute-bridge"])
        let reviewBefore = try #require(before[2].first)
        let undone = try #require(try store.undo())
        #expect(undone.putBack == .exercise(id: "knee-to-chest", try ownExercise(), plan: try plan("knee-to-chest")))
        // The review is back as #1 under a new uid (it was deleted: issue #28), with what it had seen.
        let after = try state(store)
        #expect([after[0], after[1], after[3]] == [before[0], before[1], before[3]])
        let review = try #require(after[2].first)
        #expect(after[2].count == 1 && (review["uid"] as String) != (reviewBefore["uid"] as String))
        for column in reviewBefore.columnNames where column != "uid" {
            #expect(review[column] as DatabaseValue == reviewBefore[column] as DatabaseValue, "\(column)")
        }
    }

    @Test func undoingAnArchiveBringsTheExerciseAndItsPlanBack() throws {
        let store = try store()
        try store.addExercise(try ownExercise(), now: now - 300)
        try store.setPlan(try plan("knee-to-chest"), now: now - 200)
        _ = try store.add(try entry("knee-to-chest"))
        let before = try state(store)
        #expect(
            try store.removeExercise(id: "knee-to-chest", force: true, now: now)
                == ExerciseRemoval(entries: 1, planItem: try plan("knee-to-chest")))
        _ = try #require(try store.undo())
        #expect(try state(store) == before)
        #expect(try store.catalog().resolve("knee-to-chest").id == "knee-to-chest")
    }

    /// An entry written behind the change log's back (as by an older journal) uses the exercise:
    /// undo refuses to remove it, changes nothing, and refuses again next time.
    @Test func undoingAnAddRefusesWhileEntriesUseTheExercise() throws {
        let store = try store()
        try store.addExercise(try ownExercise(), now: now)
        try store.queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO entries (uid, exercise_id, performed_at, utc_offset, sets, hold_seconds, pain_before,
                                         pain_after, created_at, recorded)
                    VALUES (?, 'knee-to-chest', ?, 0, 1, 20, 3, 3, ?, ?)
                    """,
                arguments: [OutsideRecord.uid(1), now, now, OutsideRecord.reading(unixSeconds: now)])
        }
        let before = try state(store)
        for _ in 0..<2 {
            #expect(throws: JournalError.addedExerciseInUse("knee-to-chest", entries: 1)) { try store.undo() }
            #expect(try state(store) == before)
            #expect(try store.entryCount() == 1)
        }
    }

    // MARK: Settings

    @Test func undoingConfigSetPutsBackTheValueBefore() throws {
        let store = try store()
        try store.setRegion(.unitedKingdom, now: now - 100)
        let before = try state(store)
        try store.setRegion(.ireland, now: now)
        let undone = try #require(try store.undo())
        #expect(undone.kind == .config && undone.detail == "config set region IE")
        #expect(undone.putBack == .setting(name: "region", value: "GB"))
        #expect(try state(store) == before)
        #expect(try store.undo()?.putBack == .setting(name: "region", value: nil))
        #expect(try rows("settings", store).isEmpty)
    }

    @Test func undoingConfigUnsetPutsTheValueBack() throws {
        let store = try store()
        try store.setRegion(.canada, now: now - 100)
        let before = try state(store)
        #expect(try store.unsetRegion(now: now) == "CA")
        #expect(try store.undo()?.putBack == .setting(name: "region", value: "CA"))
        #expect(try state(store) == before)
    }

    // MARK: Walking back

    /// A log, then one change of each new kind: four undos reverse them newest first, to the start.
    @Test func undoGoesPastPlanExerciseAndSettingChangesToOlderOnes() throws {
        let store = try store()
        let empty = try state(store)
        var draft = EntryDraft(exercise: "glute-bridge")
        draft.painBefore = PainLevel(4)
        draft.painAfter = PainLevel(3)
        _ = try store.log(draft, now: now - 400, timeZone: .gmt)
        try store.setPlan(try plan("glute-bridge"), now: now - 300)
        try store.addExercise(try ownExercise(), now: now - 200)
        try store.setRegion(.unitedKingdom, now: now - 100)
        #expect(try store.undo()?.kind == .config)
        #expect(try store.undo()?.kind == .exercise)
        #expect(try store.undo()?.kind == .plan)
        #expect(try store.undo()?.kind == .log)
        #expect(try store.undo() == nil)
        #expect(try state(store) == empty && store.entryCount() == 0)
    }

    /// Twelve plan changes: undo reaches back through the latest ten, and stops there.
    @Test func planChangesKeepTheSameDepth() throws {
        let store = try store()
        for sets in 1...12 { try store.setPlan(try plan("glute-bridge", sets: sets), now: now + Int64(sets)) }
        var undone = 0
        while try store.undo() != nil { undone += 1 }
        #expect(undone == ChangeLog.depth)
        #expect(try store.plan() == [try plan("glute-bridge", sets: 2)])
        #expect(try store.undoDepthReached() == 10)
        #expect(try store.queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM change_plan") } == 10)
    }

    // MARK: Changes that kept nothing

    /// A change recorded as journal did before it kept what plan, exercise and setting changes
    /// replace: undo stops at it, changing nothing, every time, and never reaches the log before it.
    @Test(arguments: [
        (ChangeKind.plan, "plan set glute-bridge"), (.exercise, "exercises add knee-to-chest"),
        (.config, "config set region GB"),
    ])
    func aChangeThatKeptNothingStopsUndo(kind: ChangeKind, detail: String) throws {
        let store = try store()
        var draft = EntryDraft(exercise: "glute-bridge")
        draft.painBefore = PainLevel(4)
        draft.painAfter = PainLevel(3)
        _ = try store.log(draft, now: now - 400, timeZone: .gmt)
        try store.queue.write { db in
            try db.execute(
                sql: "INSERT INTO changes (kind, made_at, detail) VALUES (?, ?, ?)",
                arguments: [kind, now, detail])
        }
        let before = try state(store)
        for _ in 0..<2 {
            var stop = UndoResult(kind: kind, madeAt: now, restored: 0, removed: 0)
            stop.detail = detail
            stop.stopped = true
            #expect(try store.undo() == stop)
            #expect(try state(store) == before && store.entryCount() == 1)
        }
    }

    // MARK: The log itself

    @Test func beginForgetsAllButTheLatestDepth() throws {
        let store = try store()
        let ids = try store.queue.write { db in
            try (0..<13).map { try ChangeLog(db).begin(.delete, now: now + Int64($0)) }
        }
        #expect(ids == Array(1...13))
        #expect(
            try store.queue.read { try Int64.fetchAll($0, sql: "SELECT id FROM changes ORDER BY id") } == Array(4...13))
        #expect(try store.queue.read { try ChangeLog($0).depthReached() } == nil)
    }

    /// Changes undone take no place in the depth.
    ///
    /// The next change forgets them, then keeps the latest ``ChangeLog/depth`` of the others; a log
    /// every change of which was undone, none forgotten, starts again from 1. Imports that added
    /// nothing: a kind that may keep no row, so undoing one needs none.
    @Test func beginForgetsTheChangesUndone() throws {
        let store = try store()
        let undoLatest = { try store.queue.write { try ChangeLog($0).undoLatest(journalPath: store.path) } }
        let kept = { try store.queue.read { try Int64.fetchAll($0, sql: "SELECT id FROM changes ORDER BY id") } }
        let begin = { (count: Int) in
            try store.queue.write { db in try (0..<count).map { _ in try ChangeLog(db).begin(.import, now: self.now) } }
        }
        #expect(try begin(12) == Array(1...12))
        for _ in 0..<3 { _ = try undoLatest() }
        #expect(try kept() == Array(3...12))
        #expect(try begin(1) == [13])
        #expect(try kept() == Array(3...9) + [13])
        #expect(try begin(2) == [14, 15])
        #expect(try kept() == Array(3...9) + [13, 14, 15])
        while try undoLatest() != nil {}
        #expect(try store.queue.read { try ChangeLog($0).depthReached() } == 10)

        let fresh = try JournalStore(path: directory.file("fresh.sqlite3"))
        _ = try fresh.queue.write { try ChangeLog($0).begin(.import, now: now) }
        _ = try fresh.queue.write { try ChangeLog($0).undoLatest(journalPath: fresh.path) }
        #expect(try fresh.queue.write { try ChangeLog($0).begin(.import, now: now) } == 1)
        _ = try fresh.queue.write { try ChangeLog($0).undoLatest(journalPath: fresh.path) }
        #expect(try fresh.queue.read { try ChangeLog($0).depthReached() } == nil)
    }

    @Test func aCheckInKeptIsPutBackWholeRedFlagsAndAll() throws {
        let store = try store()
        let checkIn = try CheckIn(
            id: 7, performedAt: now - 600, utcOffset: 3600, pain: #require(PainLevel(6)), note: "stiff",
            redFlags: [.saddleNumbness, .bothLegs], createdAt: now - 500)
        // As saved: with its reading, which the copy keeps.
        let kept = try store.writing { db in
            var stamp = try store.clock.stamp(db, now: Date(timeIntervalSince1970: TimeInterval(now - 500)))
            var row = checkIn
            try row.insert(db, stamp: &stamp)
            let log = ChangeLog(db)
            try log.keepCheckIn(7, for: log.begin(.checkInDelete, now: now))
            try db.execute(sql: "DELETE FROM checkins WHERE uid = \(OutsideRecord.uid(of: 7, in: "checkin_ids"))")
            return row
        }
        #expect(kept.id == 7 && kept.recorded != nil)
        #expect(try store.reading { try Int.fetchOne($0, sql: "SELECT count(*) FROM checkins") } == 0)
        let undone = try #require(try store.writing { try ChangeLog($0).undoLatest(journalPath: store.path) })
        #expect(undone.kind == .checkInDelete)
        #expect(undone.checkInsRestored == 1)
        #expect(try store.checkIns(ids: [7]) == [kept])
    }

    @Test func anEmptyLogHasNothingToUndo() throws {
        let store = try store()
        #expect(try store.queue.write { try ChangeLog($0).undoLatest(journalPath: store.path) } == nil)
        #expect(try store.queue.read { try ChangeLog($0).depthReached() } == nil)
    }
}
