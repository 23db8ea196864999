import Foundation
import Testing

/// What a change kept to undo it (the `change_*` tables), changed from outside (issue #25).
///
/// Undo never puts a copy back over another record, never puts back a value the journal's tables
/// refuse, and never swaps in a journal that is not the copy a restore keeps beside this one. It
/// refuses, naming what it met (exit 65), and changes nothing.
@Suite struct UndoRecordCommandTests {
    let sandbox = Sandbox(timeZone: "UTC")

    init() throws {
        sandbox.environment["JOURNAL_NOW"] = "2026-11-20T18:00:00Z"
        try sandbox.change(
            "log", "glute-bridge", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-19 09:00")
        try sandbox.change(
            "log", "bird-dog", "--pain-before", "2", "--pain-after", "2", "--reps", "8", "--at", "2026-11-20 09:00")
        try sandbox.change("checkin", "--pain", "3", "--at", "2026-11-20 08:00")
    }

    /// The message, and the journal as it was before undo ran.
    func expectRefused(_ reason: String, unchanged tables: [String]) throws {
        let before = try tables.map { try sandbox.sql("SELECT * FROM \($0) ORDER BY 1") }
        let run = try sandbox.run("undo")
        #expect(run.status == 65, "\(run)")
        #expect(run.stdout.isEmpty)
        #expect(
            run.stderr
                == "journal: cannot undo the latest change: what it kept to undo it was changed from outside "
                + "(\(reason)), and journal never puts back what it did not keep; nothing was changed. "
                + "`journal check` shows the journal as it stands.\n", "\(run)")
        #expect(try tables.map { try sandbox.sql("SELECT * FROM \($0) ORDER BY 1") } == before)
    }

    /// A deleted check-in's copy pointed at a live check-in with an urgent red flag: undo put the
    /// copy over it and the red flag was gone, `check` saying nothing stands.
    @Test func aDeletedCheckInsCopyNamingALiveOneIsNotPutBackOverIt() throws {
        try sandbox.change("checkin", "--pain", "6", "--red-flag", "saddle-numbness", "--at", "2026-11-20 09:00")
        try sandbox.change("checkins", "delete", "1", "--yes")
        try sandbox.damage("UPDATE change_checkins SET id = 2 WHERE action = 'restore';")
        try expectRefused(
            "change_checkins holds a copy of check-in #2 to put back, and #2 is in the journal: another check-in, "
                + "which undo never replaces", unchanged: ["checkins", "checkin_red_flags", "changes"])
        #expect(try sandbox.run("check").status == 3)
    }

    @Test func aDeletedEntrysCopyNamingALiveOneIsNotPutBackOverIt() throws {
        try sandbox.change("delete", "1", "--yes")
        try sandbox.damage("UPDATE change_entries SET id = 2 WHERE action = 'restore';")
        try expectRefused(
            "change_entries holds a copy of entry #2 to put back, and #2 is in the journal: another entry, "
                + "which undo never replaces", unchanged: ["entries", "changes"])
    }

    /// A copy the journal's tables refuse: a constraint names itself, never exit 74.
    @Test func aCopyTheJournalsTablesRefuseIsNamed() throws {
        try sandbox.change("delete", "1", "--yes")
        try sandbox.damage("UPDATE change_entries SET exercise_id = 'nope';")
        try expectRefused(
            "putting it back broke a rule of the journal's tables: FOREIGN KEY constraint failed",
            unchanged: ["entries", "exercises", "changes"])
        try sandbox.damage("UPDATE change_entries SET exercise_id = NULL;")
        try expectRefused(
            "a value there is not of the kind journal writes, such as an empty one", unchanged: ["entries", "changes"])
        try sandbox.change("plan", "set", "glute-bridge", "--sets", "2", "--reps", "5", "--per-week", "3")
        try sandbox.change("plan", "set", "glute-bridge", "--sets", "3", "--reps", "5", "--per-week", "3")
        try sandbox.damage("UPDATE change_plan SET sets = 0;")
        try expectRefused(
            "putting it back broke a rule of the journal's tables: CHECK constraint failed: sets BETWEEN 1 AND 50",
            unchanged: ["plan", "changes"])
    }

    /// A kept copy with an id journal never gives, or a kept row of another setting, plan or
    /// exercise than the change's, is not put back.
    @Test func aCopyOfAnotherSubjectOrAnIDBelowOneIsNotPutBack() throws {
        try sandbox.change("delete", "1", "--yes")
        try sandbox.damage("UPDATE change_entries SET id = -1 WHERE action = 'restore';")
        try expectRefused(
            "change_entries holds a copy with id -1, where journal gives whole numbers from 1",
            unchanged: ["entries", "changes"])
        try sandbox.damage("UPDATE change_entries SET id = 1 WHERE action = 'restore';")
        #expect(try sandbox.run("undo").status == 0)
        try sandbox.change("config", "set", "region", "GB")
        try sandbox.change("config", "set", "region", "CA")
        try sandbox.damage("UPDATE change_settings SET name = 'colour', value = 'x';")
        try expectRefused(
            "change_settings holds a row of 'colour' for a change of region", unchanged: ["settings", "changes"])
    }

    /// An undo of a restore puts back only the copy the restore kept beside this journal.
    @Test func aRestoresKeptCopyElsewhereIsNotSwappedIn() throws {
        let other = sandbox.database + ".other"
        #expect(FileManager.default.createFile(atPath: other, contents: Data("not a journal".utf8)))
        try sandbox.damage(
            "INSERT INTO changes (kind, made_at) VALUES ('restore', 1795197000); "
                + "INSERT INTO change_restores VALUES (last_insert_rowid(), '\(other)');")
        let name = URL(fileURLWithPath: sandbox.database).lastPathComponent
        try expectRefused(
            "change_restores names \(other) as the journal the restore replaced, which is not the copy a restore "
                + "keeps beside this journal (\(name).before-restore-DATE-TIME.backup beside it)",
            unchanged: ["entries", "checkins", "changes"])
    }
}

/// An exercise row's `builtin`, changed from outside, never decides what the exercise is: built in
/// exactly when journal's catalogue holds the id (a tester: `builtin = 1` on one's own exercise
/// left a hold no `resume` could lift, `exercises add` ended in exit 74, and the full export
/// dropped the exercise, so it did not import again).
@Suite struct ExerciseBuiltInCommandTests {
    let sandbox = Sandbox(timeZone: "UTC")

    init() {
        sandbox.environment["JOURNAL_NOW"] = "2026-11-20T18:00:00Z"
    }

    @Test func anOwnExerciseMarkedBuiltInIsStillOnesOwn() throws {
        try sandbox.change("exercises", "add", "knee-hug", "--name", "Knee hug", "--category", "stretch")
        try sandbox.change("log", "knee-hug", "--pain-before", "2", "--pain-after", "7", "--at", "2026-11-20 10:00")
        try sandbox.damage("UPDATE exercises SET builtin = 1 WHERE id = 'knee-hug';")
        #expect(try sandbox.run("check").status == 2)
        let taken = try sandbox.run("exercises", "add", "knee-hug", "--name", "Knee hug", "--category", "stretch")
        #expect(taken.status == 64, "\(taken)")
        let export = try sandbox.run("export", "--all")
        #expect(export.status == 0 && export.stdout.contains(#""id":"knee-hug""#), "\(export)")
        let file = sandbox.database + ".json"
        #expect(FileManager.default.createFile(atPath: file, contents: Data(export.stdout.utf8)))
        let imported = try sandbox.run("import", file, "--db", sandbox.database + ".new")
        #expect(imported.status == 0, "\(imported)")
        let resumed = try sandbox.run("resume", "knee-hug", "--note", "physio ok")
        #expect(resumed.status == 0, "\(resumed)")
        #expect(try sandbox.run("check").status == 0)
    }

    /// A built-in exercise marked as one's own is still built in: it cannot be removed or archived.
    @Test func aBuiltInMarkedAsOnesOwnIsStillBuiltIn() throws {
        try sandbox.change("log", "bird-dog", "--pain-before", "2", "--pain-after", "2")
        try sandbox.damage("UPDATE exercises SET builtin = 0 WHERE id = 'bird-dog';")
        let removed = try sandbox.run("exercises", "remove", "bird-dog", "--force")
        #expect(removed.status == 64, "\(removed)")
        #expect(removed.stderr.contains("bird-dog is part of the built-in catalogue"), "\(removed)")
        #expect(try sandbox.sql("SELECT archived FROM exercises WHERE id = 'bird-dog'") == "0\n")
    }
}
