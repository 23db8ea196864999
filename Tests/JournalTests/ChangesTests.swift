import Foundation
import GRDB
import TestSupport
import Testing

@testable import Journal

@Suite struct ChangesTests {
    let directory = TemporaryDirectory()
    let now: Int64 = 1_795_600_800

    func entry(
        _ exercise: String = "glute-bridge", at offset: Int64, note: String? = nil, before: Int = 4, after: Int = 3
    ) throws -> Entry {
        try Entry(
            exerciseID: exercise, performedAt: now - offset, utcOffset: 0, sets: 3, reps: 10,
            painBefore: #require(PainLevel(before)), painAfter: #require(PainLevel(after)), note: note,
            createdAt: now - offset)
    }

    @Test func deleteThenUndoRestoresEntriesExactly() throws {
        let store = try JournalStore(path: directory.file("j.sqlite3"))
        let first = try store.add(try entry(at: 300, note: "one"))
        let second = try store.add(try entry("bird-dog", at: 200, note: "two"))
        #expect(try store.delete(ids: [first.id!, second.id!], now: now).records.count == 2)
        #expect(try store.entryCount() == 0)
        let undone = try store.undo()
        // Back under their ids with new uids (issue #28), every other value, `recorded` too, as it was.
        let back = try store.entries().sorted { $0.id! < $1.id! }
        #expect(
            undone
                == UndoResult(
                    kind: .delete, madeAt: now, restored: 2, removed: 0, entryIDs: [first.id!, second.id!],
                    putBackEntries: back))
        #expect(Self.newUIDs(back, [first, second]))
        #expect(Self.withoutUIDs(back) == Self.withoutUIDs([first, second]))
        #expect(try store.undo() == nil)
    }

    /// `entries` without their uids: what undo of a delete puts back as it was.
    static func withoutUIDs(_ entries: [Entry]) -> [Entry] {
        entries.map {
            var entry = $0
            entry.uid = nil
            return entry
        }
    }

    /// Whether each of `back` has a uid, and another than the one of `before` in its place has.
    static func newUIDs(_ back: [Entry], _ before: [Entry]) -> Bool {
        back.count == before.count
            && zip(back, before).allSatisfy { $0.uid?.count == 36 && $1.uid?.count == 36 && $0.uid != $1.uid }
    }

    @Test func deletingAMissingIdDeletesNothing() throws {
        let store = try JournalStore(path: directory.file("j.sqlite3"))
        let kept = try store.add(try entry(at: 300))
        #expect(throws: JournalError.entryNotFound(99)) { try store.delete(ids: [kept.id!, 99], now: now) }
        #expect(try store.entryCount() == 1)
    }

    @Test func editThenUndoPutsTheOldValuesBack() throws {
        let store = try JournalStore(path: directory.file("j.sqlite3"))
        let original = try store.add(try entry(at: 300, note: "as logged"))
        var draft = EntryDraft(exercise: "")
        draft.painAfter = try #require(PainLevel(7))
        draft.note = ""
        let edited = try store.edit(id: original.id!, with: draft, now: now, timeZone: .gmt)
        #expect(edited.before == original)
        #expect(edited.after.entry.painAfter.value == 7 && edited.after.entry.note == nil)
        #expect(try store.entry(id: original.id!) == edited.after.entry)
        let undone = try #require(try store.undo())
        #expect(undone.kind == .edit)
        // What undo put back, and the entry as the edit had left it, for `journal undo` to name.
        #expect(undone.putBackEntries == [original])
        #expect(undone.replacedEntries == [edited.after.entry])
        #expect(try store.entry(id: original.id!) == original)
    }

    @Test func undoWalksBackThroughSeveralChanges() throws {
        let store = try JournalStore(path: directory.file("j.sqlite3"))
        let a = try store.add(try entry(at: 300))
        var draft = EntryDraft(exercise: "")
        draft.sets = 1
        let edited = try store.edit(id: a.id!, with: draft, now: now, timeZone: .gmt).after.entry
        _ = try store.delete(ids: [a.id!], now: now + 1)
        #expect(try store.undo()?.kind == .delete)
        let back = try #require(try store.entry(id: a.id!))
        #expect(Self.newUIDs([back], [edited]) && Self.withoutUIDs([back]) == Self.withoutUIDs([edited]))
        #expect(try store.undo()?.kind == .edit)
        #expect(try store.entry(id: a.id!).map { Self.withoutUIDs([$0]) } == Self.withoutUIDs([a]))
        #expect(try store.entry(id: a.id!)?.uid == back.uid)
    }

    @Test func undoingAnImportRemovesWhatItAdded() throws {
        let store = try JournalStore(path: directory.file("j.sqlite3"))
        let mine = try store.add(try entry(at: 999, note: "mine"))
        let csv =
            CSVFormat.header
            + ",2026-11-20T07:30:00Z,bird-dog,,1,10,,3,2,,,\r\n,2026-11-21T07:30:00Z,bird-dog,,1,10,,3,2,,,\r\n"
        #expect(try store.importCSV(from: ByteSource(bytes: Array(csv.utf8)), now: now).added == 2)
        #expect(try store.undo() == UndoResult(kind: .import, madeAt: now, restored: 0, removed: 2, entryIDs: [2, 3]))
        #expect(try store.entries() == [mine])
    }

    @Test func anImportThatAddsNothingIsNoChange() throws {
        let store = try JournalStore(path: directory.file("j.sqlite3"))
        _ = try store.importCSV(from: ByteSource(bytes: Array(CSVFormat.header.utf8)), now: now)
        #expect(try store.undo() == nil)
    }

    @Test func onlyTheLatestTenChangesAreKept() throws {
        let store = try JournalStore(path: directory.file("j.sqlite3"))
        var ids: [Int64] = []
        for index in 0..<12 { ids.append(try store.add(try entry(at: Int64(index) * 60)).id!) }
        for id in ids { _ = try store.delete(ids: [id], now: now) }
        var undone = 0
        while try store.undo() != nil { undone += 1 }
        #expect(undone == 10)
        #expect(try store.entryCount() == 10)
    }

    func logged(_ exercise: String = "glute-bridge", after: Int = 3, at: Int64) throws -> Entry {
        var draft = EntryDraft(exercise: exercise)
        draft.painBefore = PainLevel(4)
        draft.painAfter = PainLevel(after)
        return try JournalStore(path: directory.file("j.sqlite3")).log(draft, now: at, timeZone: .gmt).entry
    }

    @Test func undoRemovesTheLatestLoggedEntry() throws {
        let store = try JournalStore(path: directory.file("j.sqlite3"))
        let first = try logged(at: now - 120)
        let second = try logged("bird-dog", after: 2, at: now - 60)
        let undone = try #require(try store.undo())
        #expect(undone.kind == .log && undone.madeAt == now - 60 && undone.removed == 1)
        #expect(undone.loggedEntry == second)
        #expect(try store.entries() == [first])
        #expect(try store.undo()?.loggedEntry == first)
        #expect(try store.entryCount() == 0)
        #expect(try store.undo() == nil)
    }

    @Test func undoRemovesTheLatestCheckIn() throws {
        let store = try JournalStore(path: directory.file("j.sqlite3"))
        let checkIn = try CheckIn(
            performedAt: now - 600, utcOffset: 0, pain: #require(PainLevel(5)), redFlags: [.fever], createdAt: now)
        let saved = try store.checkIn(checkIn).checkIn
        let undone = try #require(try store.undo())
        #expect(undone.kind == .checkIn && undone.madeAt == now && undone.checkInsRemoved == 1)
        #expect(undone.loggedCheckIn == saved)
        #expect(try store.checkIns(limit: nil).isEmpty)
        #expect(try store.undo() == nil)
    }

    /// Log, edit, delete, then undo three times: the delete, the edit and the log, newest first.
    @Test func undoWalksBackThroughLogEditAndDelete() throws {
        let store = try JournalStore(path: directory.file("j.sqlite3"))
        let original = try logged(at: now - 300)
        var draft = EntryDraft(exercise: "")
        draft.painAfter = PainLevel(6)
        let edited = try store.edit(id: try #require(original.id), with: draft, now: now - 200, timeZone: .gmt)
        _ = try store.delete(ids: [try #require(original.id)], now: now - 100)
        #expect(try store.undo()?.kind == .delete)
        let back = try store.entries()
        #expect(Self.newUIDs(back, [edited.after.entry]))
        #expect(Self.withoutUIDs(back) == Self.withoutUIDs([edited.after.entry]))
        #expect(try store.undo()?.kind == .edit)
        #expect(try Self.withoutUIDs(store.entries()) == Self.withoutUIDs([original]))
        #expect(try store.undo()?.kind == .log)
        #expect(try store.entryCount() == 0)
        #expect(try store.undo() == nil)
    }

    /// Twelve logs: undo reaches back through the latest ten, and the first two stay.
    @Test func undoOfLogsStopsAtTheDepth() throws {
        let store = try JournalStore(path: directory.file("j.sqlite3"))
        let entries = try (0..<12).map { try logged(at: now - 1000 + Int64($0)) }
        var undone: [Entry] = []
        while let result = try store.undo() { undone.append(try #require(result.loggedEntry)) }
        #expect(undone == Array(entries.suffix(10).reversed()))
        #expect(Set(try store.entries()) == Set(entries.prefix(2)))
    }

    /// The kinds the schema allows are exactly ``ChangeKind``'s.
    @Test func theSchemaAllowsEveryChangeKindAndNoOther() throws {
        let store = try JournalStore(path: directory.file("j.sqlite3"))
        _ = try store.entryCount()
        let db = try DatabaseQueue(path: directory.file("j.sqlite3"))
        try db.write { db in
            for kind in ChangeKind.allCases {
                try db.execute(sql: "INSERT INTO changes (kind, made_at) VALUES (?, 0)", arguments: [kind.rawValue])
            }
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: "INSERT INTO changes (kind, made_at) VALUES ('rename', 0)")
            }
        }
    }

    @Test func customExercisesLiveAndRetire() throws {
        let store = try JournalStore(path: directory.file("j.sqlite3"))
        let squat = try Exercise.custom(
            id: "wall-squat", name: "Wall squat", category: .stability, perSide: false, measure: .reps)
        try store.addExercise(squat)
        #expect(try store.catalog().resolve("Wall Squat").id == "wall-squat")
        #expect(try store.catalog().resolve("wall-squat").isCustom)
        #expect(throws: JournalError.exerciseExists("wall-squat")) { try store.addExercise(squat) }
        #expect(throws: JournalError.exerciseNameTaken("Glute Bridge", by: "glute-bridge")) {
            try store.addExercise(
                try Exercise.custom(
                    id: "bridge-2", name: "Glute Bridge", category: .stability, perSide: false, measure: .reps))
        }
        #expect(throws: JournalError.cannotRemoveBuiltIn("glute-bridge")) {
            try store.removeExercise(id: "glute-bridge", force: true)
        }
        _ = try store.add(try entry("wall-squat", at: 60))
        #expect(throws: JournalError.exerciseInUse("wall-squat", entries: 1)) {
            try store.removeExercise(id: "wall-squat", force: false)
        }
        #expect(try store.removeExercise(id: "wall-squat", force: true) == .archived(entries: 1))
        #expect(throws: JournalError.self) { try store.catalog().resolve("wall-squat") }
        #expect(try store.entries().map(\.exerciseID) == ["wall-squat"])
        let unused = try Exercise.custom(
            id: "cat-cow", name: "Cat-cow", category: .stretch, perSide: false, measure: .hold)
        try store.addExercise(unused)
        #expect(try store.removeExercise(id: "cat-cow", force: false) == .removed)
    }

    @Test(arguments: [
        "A", "x", "Wall-Squat", "wall_squat", "-wall", "wall-", "9lives", String(repeating: "a", count: 41),
    ])
    func customIdsAreChecked(id: String) throws {
        #expect(throws: JournalError.invalidExerciseID(id)) {
            try Exercise.custom(id: id, name: "Name", category: .stretch, perSide: false, measure: .reps)
        }
    }

    @Test func planAndAdherence() throws {
        let store = try JournalStore(path: directory.file("j.sqlite3"))
        try store.setPlan(try PlanItem(exerciseID: "glute-bridge", sets: 3, reps: 10, perWeek: 5))
        try store.setPlan(try PlanItem(exerciseID: "side-plank", sets: 2, holdSeconds: 30, perWeek: 3))
        // Reps and a hold together are a dose too (hold a few seconds, repeat).
        try store.setPlan(try PlanItem(exerciseID: "bird-dog", sets: 1, reps: 5, holdSeconds: 5, perWeek: 2))
        #expect(try store.plan().first { $0.exerciseID == "bird-dog" }.map { ($0.reps, $0.holdSeconds) }! == (5, 5))
        #expect(try store.removePlan(exerciseID: "bird-dog") != nil)
        // Four glute bridges in the week ending 2026-11-25, in a journal begun 60 days before (plans
        // without a start day count from then, so from the first day of each period here).
        for day in 0..<4 { _ = try store.add(try entry(at: Int64(day) * 86_400)) }
        _ = try store.add(try entry("pelvic-tilt", at: 60 * 86_400))
        let today = try #require(LocalDate(iso8601: "2026-11-25"))
        let week = try store.progressReport(
            for: .week(endingOn: today), today: today, environment: ["JOURNAL_REGION": "GB"])
        #expect(week.adherence.map(\.exerciseID) == ["glute-bridge", "side-plank"])
        #expect(week.adherence.map(\.done) == [4, 0])
        #expect(week.adherence.map(\.planned) == [5, 3])
        #expect(week.adherence.first?.fraction == 0.8)
        let month = try store.progressReport(
            for: .month(endingOn: today), today: today, environment: ["JOURNAL_REGION": "GB"])
        // 5 a week over 30 days: 21.43, so 21; 3 a week: 12.86, so 13.
        #expect(month.adherence.map(\.planned) == [21, 13])
        #expect(ReportText.render(week).contains("glute-bridge  2026-11-19         5     4        5        80%"))
        #expect(try store.removePlan(exerciseID: "side-plank") != nil)
        #expect(try store.plan().map(\.exerciseID) == ["glute-bridge"])
    }
}
