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

    /// A log's or check-in's kept row, and an edit's kept copy, renamed to a record recorded before
    /// the change (a tester: undo removed an urgent red flag of the day before, and overwrote a
    /// session that had begun a hold, exit 0): refused, nothing changed.
    @Test func aKeptRowRenamedToAnOlderRecordIsRefused() throws {
        sandbox.environment["JOURNAL_NOW"] = "2026-11-20T18:05:00Z"
        try sandbox.change("checkin", "--pain", "2", "--red-flag", "fever", "--at", "2026-11-20 18:00")
        try sandbox.damage("UPDATE change_checkins SET id = 1 WHERE change_id = (SELECT max(id) FROM changes);")
        try expectRefused(
            "change_checkins names check-in #1, which was recorded before the change was made and not as the change "
                + "kept it: another check-in, which undo never removes or replaces",
            unchanged: ["checkins", "checkin_red_flags", "changes"])
        try sandbox.damage("UPDATE change_checkins SET id = 2 WHERE change_id = (SELECT max(id) FROM changes);")
        sandbox.environment["JOURNAL_NOW"] = "2026-11-20T18:10:00Z"
        try sandbox.change("undo")
        try sandbox.change("log", "glute-bridge", "--pain-before", "2", "--pain-after", "2", "--at", "2026-11-20 18:00")
        sandbox.environment["JOURNAL_NOW"] = "2026-11-20T18:15:00Z"
        try sandbox.change("edit", "3", "--note", "fine")
        try sandbox.damage("UPDATE change_entries SET id = 1 WHERE change_id = (SELECT max(id) FROM changes);")
        try expectRefused(
            "change_entries names entry #1, which was recorded before the change was made and not as the change "
                + "kept it: another entry, which undo never removes or replaces",
            unchanged: ["entries", "changes"])
    }

    /// A deleted entry's copy renumbered beyond every id given, or dated or recorded after the
    /// delete (a tester: undo put it back before any screen named it): refused, nothing changed,
    /// and the change is still there to undo once the copy is as journal kept it.
    @Test func aDeletedCopyRenumberedBeyondTheCounterOrDatedAheadIsRefused() throws {
        try sandbox.change("delete", "2", "--yes")
        let latest = "WHERE change_id = (SELECT max(id) FROM changes)"
        try sandbox.damage("UPDATE change_entries SET id = 7 \(latest);")
        try expectRefused(
            "change_entries holds a copy of entry #7 to put back, beyond the largest entry id journal has given (2, "
                + "sqlite_sequence): its id, or that counter, was changed from outside, and undo never gives a "
                + "record an id journal did not give it",
            unchanged: ["entries", "changes", "change_entries"])
        // 2026-11-21 09:00, a day after the delete and after the entry was recorded.
        try sandbox.damage("UPDATE change_entries SET id = 2, performed_at = 1795251600 \(latest);")
        try expectRefused(
            "change_entries holds a copy of entry #2 to put back, dated 2026-11-21 09:00 (UTC+00:00), after the "
                + "change was made (2026-11-20 18:00 (UTC+00:00)): journal keeps a copy as the entry stood then, so "
                + "it was changed from outside",
            unchanged: ["entries", "changes", "change_entries"])
        // Recorded at 19:00, an hour after the delete.
        try sandbox.damage("UPDATE change_entries SET performed_at = 1795165200, created_at = 1795201200 \(latest);")
        try expectRefused(
            "change_entries holds a copy of entry #2 to put back, recorded 2026-11-20 19:00 (UTC+00:00), after the "
                + "change was made (2026-11-20 18:00 (UTC+00:00)): journal keeps a copy as the entry stood then, so "
                + "it was changed from outside",
            unchanged: ["entries", "changes", "change_entries"])
        try sandbox.damage("UPDATE change_entries SET created_at = 1795197600 \(latest);")
        try sandbox.change("undo")
        #expect(
            try sandbox.sql("SELECT id, performed_at FROM entries_with_ids ORDER BY id")
                == "1|1795078800\n2|1795165200\n")
    }

    @Test func aDeletedCheckInsCopyRenumberedBeyondTheCounterIsRefused() throws {
        try sandbox.change("checkins", "delete", "1", "--yes")
        try sandbox.damage("UPDATE change_checkins SET id = 5 WHERE change_id = (SELECT max(id) FROM changes);")
        try expectRefused(
            "change_checkins holds a copy of check-in #5 to put back, beyond the largest check-in id journal has "
                + "given (1, sqlite_sequence): its id, or that counter, was changed from outside, and undo never "
                + "gives a record an id journal did not give it",
            unchanged: ["checkins", "changes", "change_checkins"])
    }

    /// A resume's kept row renamed to an earlier doctor's visit or physiotherapist's review (a
    /// tester: undo took back the genuine record, kept the mistaken one, said "they stand again",
    /// exit 0, and every screen then said nothing stood), and a PSFS rating's: refused as a log's is.
    @Test func aResumesOrPSFSKeptRowRenamedToAnOlderRecordIsRefused() throws {
        sandbox.environment["JOURNAL_NOW"] = "2026-11-20T18:05:00Z"
        try sandbox.change("checkin", "--pain", "2", "--red-flag", "fever", "--at", "2026-11-20 18:00")
        try sandbox.change("resume", "--red-flags", "--note", "GP visit")
        sandbox.environment["JOURNAL_NOW"] = "2026-11-20T18:10:00Z"
        try sandbox.change("checkin", "--pain", "2", "--red-flag", "back-lump", "--at", "2026-11-20 18:08")
        try sandbox.change("resume", "--red-flags", "--note", "mistake")
        try sandbox.damage("UPDATE change_red_flag_reviews SET id = 1 WHERE change_id = (SELECT max(id) FROM changes);")
        try expectRefused(
            "change_red_flag_reviews names red-flag review #1, which was recorded before the change was made and "
                + "not as the change kept it: another red-flag review, which undo never removes or replaces",
            unchanged: ["red_flag_reviews", "changes"])
        try sandbox.damage("UPDATE change_red_flag_reviews SET id = 2 WHERE change_id = (SELECT max(id) FROM changes);")
        sandbox.environment["JOURNAL_NOW"] = "2026-11-20T18:15:00Z"
        try sandbox.change("undo")
        #expect(try sandbox.sql("SELECT id, note FROM red_flag_reviews_with_ids") == "1|GP visit\n")

        try sandbox.change(
            "log", "bird-dog", "--pain-before", "2", "--pain-after", "5", "--reps", "8", "--at", "2026-11-20 18:12")
        try sandbox.change("resume", "bird-dog", "--note", "physio 1")
        sandbox.environment["JOURNAL_NOW"] = "2026-11-20T18:20:00Z"
        try sandbox.change(
            "log", "bird-dog", "--pain-before", "2", "--pain-after", "5", "--reps", "8", "--at", "2026-11-20 18:18")
        try sandbox.change("resume", "bird-dog", "--note", "mistake")
        try sandbox.damage("UPDATE change_reviews SET id = 1 WHERE change_id = (SELECT max(id) FROM changes);")
        try expectRefused(
            "change_reviews names physiotherapist's review #1, which was recorded before the change was made and "
                + "not as the change kept it: another physiotherapist's review, which undo never removes or replaces",
            unchanged: ["reviews", "changes"])

        try sandbox.damage("UPDATE change_reviews SET id = 2 WHERE change_id = (SELECT max(id) FROM changes);")
        try sandbox.change("psfs", "add", "putting on socks", "--at", "2026-11-20 18:19")
        try sandbox.change("psfs", "rate", "1", "4", "--at", "2026-11-20 18:19")
        sandbox.environment["JOURNAL_NOW"] = "2026-11-20T18:25:00Z"
        try sandbox.change("psfs", "rate", "1", "6", "--at", "2026-11-20 18:24")
        try sandbox.damage("UPDATE change_psfs SET id = 1 WHERE change_id = (SELECT max(id) FROM changes);")
        try expectRefused(
            "change_psfs names PSFS rating #1, which was recorded before the change was made and not as the change "
                + "kept it: another PSFS rating, which undo never removes or replaces",
            unchanged: ["psfs_ratings", "changes"])
    }

    /// A kept row naming no record (a tester: undo said "nothing to change", exit 0, marked the
    /// change undone, and the record stayed): refused, naming the change, the table and the id.
    @Test func aKeptRowNamingNoRecordIsRefused() throws {
        sandbox.environment["JOURNAL_NOW"] = "2026-11-20T18:05:00Z"
        try sandbox.change("checkin", "--pain", "2", "--red-flag", "fever", "--at", "2026-11-20 18:00")
        try sandbox.change("resume", "--red-flags", "--note", "mistake")
        try sandbox.damage("UPDATE change_red_flag_reviews SET id = 99;")
        try expectRefused(
            "change #5, a resume, names red-flag review #99 in change_red_flag_reviews, and red_flag_reviews holds "
                + "no #99: its id was changed, or the record deleted, from outside, and undo would change nothing and "
                + "mark the change undone", unchanged: ["red_flag_reviews", "changes"])
        #expect(try sandbox.sql("SELECT id, undone FROM changes WHERE id = 5") == "5|0\n")
        try sandbox.damage(
            "UPDATE change_red_flag_reviews SET id = 1; UPDATE change_checkins SET id = 99 WHERE change_id = 4;")
        // The kept check-in's id 99, beyond the counter, is itself named (OutsideIDsCommandTests):
        // the resume's undo is made, and exits 65 as every write that meets such a value does.
        let undone = try sandbox.run("undo")
        #expect(undone.status == 65, "\(undone)")
        #expect(undone.stdout.hasPrefix("Took back the record that a doctor has seen the red flags"), "\(undone)")
        #expect(try sandbox.sql("SELECT undone FROM changes WHERE id = 5") == "1\n")
        try expectRefused(
            "change #4, a check-in, names check-in #99 in change_checkins, and checkins holds no #99: its id was "
                + "changed, or the record deleted, from outside, and undo would change nothing and mark the change "
                + "undone", unchanged: ["checkins", "changes"])
        try sandbox.damage("DELETE FROM changes WHERE id >= 3; UPDATE change_entries SET id = 99 WHERE change_id = 2;")
        try expectRefused(
            "change #2, a log, names entry #99 in change_entries, and entries holds no #99: its id was changed, or "
                + "the record deleted, from outside, and undo would change nothing and mark the change undone",
            unchanged: ["entries", "changes"])
    }

    /// The records a change names are gone only while a later change that removed them stands,
    /// and undo reverses that one first: a log then a delete of its entry, a check-in then its
    /// delete, a review then `exercises remove` that took it, a PSFS activity with a rating then
    /// a retire; each undone to the end.
    @Test func aRecordALaterChangeRemovedIsPutBackFirst() throws {
        sandbox.environment["JOURNAL_NOW"] = "2026-11-20T18:05:00Z"
        try sandbox.change("exercises", "add", "knee-hug", "--name", "Knee hug", "--category", "stretch")
        try sandbox.change("log", "knee-hug", "--pain-before", "2", "--pain-after", "5", "--at", "2026-11-20 18:00")
        try sandbox.change("resume", "knee-hug", "--note", "physio")
        try sandbox.change("delete", "3", "--yes")
        try sandbox.change("exercises", "remove", "knee-hug")
        try sandbox.change("checkins", "delete", "1", "--yes")
        try sandbox.change("psfs", "add", "putting on socks", "--at", "2026-11-20 18:00")
        try sandbox.change("psfs", "rate", "1", "4", "--at", "2026-11-20 18:01")
        try sandbox.change("psfs", "remove", "1")
        for _ in 0..<9 { try sandbox.change("undo") }
        #expect(try sandbox.sql("SELECT id FROM changes WHERE undone = 0") == "3\n")
        #expect(try sandbox.sql("SELECT id FROM entries_with_ids ORDER BY id") == "1\n2\n")
        #expect(try sandbox.sql("SELECT id FROM checkins_with_ids") == "1\n")
        #expect(
            try sandbox.sql(
                "SELECT (SELECT count(*) FROM reviews) + (SELECT count(*) FROM exercises WHERE builtin = 0 AND archived = 0) "
                    + "+ (SELECT count(*) FROM psfs_activities)") == "0\n")
    }

    /// A change's kind changed from outside (a delete recorded as a log): its kept rows are there,
    /// but not those a log keeps; the refusal says so rather than that the copy is missing.
    @Test func aChangesKindChangedIsNamedAsSuch() throws {
        try sandbox.change("delete", "2", "--yes")
        try sandbox.damage("UPDATE changes SET kind = 'log' WHERE id = (SELECT max(id) FROM changes);")
        try expectRefused(
            "change #4 is recorded as a log, and change_entries holds rows for it, but not the ones a log keeps: "
                + "its kind, or what its rows say to do, was changed",
            unchanged: ["entries", "changes"])
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
            "change_plan holds the plan row of glute-bridge whose sets is 0, where journal writes a whole number "
                + "from 1 to 50", unchanged: ["plan", "changes"])
    }

    /// A kept copy edited by hand to a value typed input refuses is refused, never put back read
    /// as the nearest value journal writes (a tester: pain 11 came back as 10, 0 sets as 1, an
    /// unknown side as none, while this page promised a refusal).
    @Test func aKeptCopyHoldingAValueTypedInputRefusesIsNotPutBack() throws {
        try sandbox.change("delete", "1", "--yes")
        for (damage, reason) in [
            ("pain_after = 11", "pain_after is 11, where journal writes a whole number from 0 to 10"),
            ("sets = 0", "sets is 0, where journal writes a whole number from 1 to 50"),
            ("side = 'middle'", "side is 'middle', where journal writes left, right, both or none"),
            ("note = ''", "note is '', where journal writes none, or 1 to 4000 characters, never a blank one"),
            ("utc_offset = 99999", "utc_offset is 99999, where journal writes a whole number from -64800 to 64800"),
        ] {
            try sandbox.damage("UPDATE change_entries SET \(damage) WHERE action = 'restore';")
            try expectRefused(
                "change_entries holds a copy of entry #1 whose \(reason)", unchanged: ["entries", "changes"])
            #expect(try sandbox.sql("SELECT undone FROM changes WHERE kind = 'delete'") == "0\n")
            try sandbox.damage(
                "UPDATE change_entries SET pain_after = 3, sets = 1, side = NULL, note = NULL, utc_offset = 0 "
                    + "WHERE action = 'restore';")
        }
        let undone = try sandbox.run("undo")
        #expect(undone.status == 0, "\(undone)")
        #expect(try sandbox.sql("SELECT id, sets, pain_after FROM entries_with_ids ORDER BY id") == "1|1|3\n2|1|2\n")
    }

    @Test func aCheckInsOrAnExercisesKeptCopyHoldingAValueTypedInputRefusesIsNotPutBack() throws {
        try sandbox.change("checkins", "edit", "1", "--pain", "5")
        try sandbox.damage("UPDATE change_checkins SET pain = 11 WHERE action = 'restore';")
        try expectRefused(
            "change_checkins holds a copy of check-in #1 whose pain is 11, where journal writes a whole number "
                + "from 0 to 10", unchanged: ["checkins", "changes"])
        try sandbox.damage("UPDATE change_checkins SET pain = 3;")
        try sandbox.change("undo")
        try sandbox.change("exercises", "add", "knee-hug", "--name", "Knee hug", "--category", "stretch")
        try sandbox.change("exercises", "edit", "knee-hug", "--name", "Knee to chest")
        try sandbox.damage("UPDATE change_exercises SET name = 'Knee' || char(27) || '[31mhug';")
        try expectRefused(
            "change_exercises holds the exercise knee-hug whose name is 'Knee[31mhug', which typed input refuses: "
                + "\"Knee[31mhug\" cannot be an exercise name: it holds the control character U+001B, which could "
                + "change a terminal when printed; use 1 to 60 characters on one line, with no control characters.",
            unchanged: ["exercises", "changes"])
        try sandbox.damage("UPDATE change_exercises SET name = 'Knee hug', archived = 7;")
        try expectRefused(
            "change_exercises holds the exercise knee-hug whose archived is 7, where journal writes 0 or 1",
            unchanged: ["exercises", "changes"])
    }

    /// A kept copy deleted by hand: undo found nothing to do, said so and marked the change undone.
    @Test func aChangeWhoseKeptCopyIsMissingIsNotUndone() throws {
        try sandbox.change("delete", "1", "--yes")
        try sandbox.damage("DELETE FROM change_entries WHERE change_id = 4;")
        try expectRefused(
            "change #4, a delete, kept what undoing it needs in change_entries, and none of it is there: its kept "
                + "copy is missing", unchanged: ["entries", "changes"])
        #expect(try sandbox.sql("SELECT id, undone FROM changes WHERE id = 4") == "4|0\n")
        try sandbox.damage("DELETE FROM changes WHERE id = 4; DELETE FROM change_checkins;")
        try expectRefused(
            "change #3, a check-in, kept what undoing it needs in change_checkins, and none of it is there: its "
                + "kept copy is missing", unchanged: ["checkins", "changes"])
    }

    /// `undo --json` refused prints its one object, nothing undone, `message` the error, as when a
    /// restore's kept copy is gone.
    @Test func aRefusedUndoWithJSONPrintsItsObject() throws {
        try sandbox.change("delete", "1", "--yes")
        try sandbox.damage("UPDATE change_entries SET pain_after = 11 WHERE action = 'restore';")
        let run = try sandbox.run("undo", "--json")
        #expect(run.status == 65, "\(run)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["undone"] as? Bool == false)
        #expect(object["stopped"] as? Bool == false)
        #expect(object["kind"] is NSNull)
        let message = try #require(object["message"] as? String)
        #expect(run.stderr == "journal: \(message)\n", "\(run)")
        #expect(
            message.hasPrefix(
                "cannot undo the latest change: what it kept to undo it was changed from outside "
                    + "(change_entries holds a copy of entry #1 whose pain_after is 11"))
        #expect(try sandbox.sql("SELECT undone FROM changes WHERE kind = 'delete'") == "0\n")
    }

    /// A plan change's kept rows renamed to another exercise: undo took the subject off the plan.
    @Test func aPlanChangesKeptRowRenamedIsNotPutBack() throws {
        try sandbox.change("plan", "set", "glute-bridge", "--sets", "2", "--reps", "5", "--per-week", "3")
        try sandbox.change("plan", "set", "bird-dog", "--sets", "2", "--reps", "5", "--per-week", "3")
        try sandbox.change("plan", "set", "glute-bridge", "--sets", "3", "--reps", "5", "--per-week", "3")
        try sandbox.damage(
            "UPDATE change_plan SET exercise_id = 'side-plank' WHERE exercise_id = 'glute-bridge' "
                + "AND change_id = (SELECT max(id) FROM changes);")
        try expectRefused(
            "change_plan holds a row of 'side-plank' for a change of glute-bridge, which is not how the plan stood: "
                + "another exercise is not on the plan now, or two rows name one", unchanged: ["plan", "changes"])
        try sandbox.damage(
            "UPDATE change_plan SET exercise_id = 'bird-dog' WHERE exercise_id = 'side-plank';")
        try expectRefused(
            "change_plan holds a row of 'bird-dog' for a change of glute-bridge, which is not how the plan stood: "
                + "another exercise is not on the plan now, or two rows name one", unchanged: ["plan", "changes"])
        #expect(
            try sandbox.sql("SELECT exercise_id, sets FROM plan ORDER BY exercise_id") == "bird-dog|2\nglute-bridge|3\n"
        )
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
