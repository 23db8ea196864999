import Foundation
import Testing

/// What `journal undo` says it undid, naming the records (issue #26).
///
/// The entries, check-ins, review, PSFS activity or rating it removed or put back are named in the
/// words the other commands use. Every change is made at 18:00 and undone at 18:02: "2 minutes ago".
@Suite struct UndoNamesCommandTests {
    let sandbox = Sandbox()

    init() {
        sandbox.environment["JOURNAL_NOW"] = "2026-11-20T18:00:00Z"
    }

    /// Runs `journal undo` two minutes after the changes, and requires it to succeed and say nothing on
    /// stderr but what stands (UndoStandingCommandTests).
    func undo(_ arguments: String...) throws -> Run {
        sandbox.environment["JOURNAL_NOW"] = "2026-11-20T18:02:00Z"
        let undo = try sandbox.run(["undo"] + arguments)
        #expect(undo.status == 0, "\(undo)")
        #expect(undo.stderr == "" || undo.stderr.hasPrefix("\nStill "), "\(undo)")
        return undo
    }

    @Test func undoingADeleteNamesTheEntryPutBack() throws {
        try sandbox.change("log", "glute-bridge", "--pain-before", "2", "--pain-after", "3")
        try sandbox.change("delete", "1", "--yes")
        #expect(
            try undo().stdout == "Put back #1 glute-bridge at 2026-11-20 18:00 (deleted 2 minutes ago).\n")
        #expect(try sandbox.sql("SELECT id, exercise_id, pain_after FROM entries_with_ids") == "1|glute-bridge|3\n")
    }

    /// Six entries put back: the first four named, one a line, then how many more.
    @Test func undoingADeleteOfManyNamesTheFirstFew() throws {
        for hour in 10...15 {
            try sandbox.change(
                "log", "bird-dog", "--pain-before", "2", "--pain-after", "2", "--at", "2026-11-20 \(hour):00")
        }
        try sandbox.change("delete", "1", "2", "3", "4", "5", "6", "--yes")
        #expect(
            try undo().stdout == """
                Put back 6 entries (deleted 2 minutes ago):
                  #1 bird-dog at 2026-11-20 10:00
                  #2 bird-dog at 2026-11-20 11:00
                  #3 bird-dog at 2026-11-20 12:00
                  #4 bird-dog at 2026-11-20 13:00
                  and 2 more

                """)
        #expect(try sandbox.entryCount() == 6)
    }

    @Test func undoingAnEditNamesWhatItChangedBack() throws {
        try sandbox.change(
            "log", "glute-bridge", "--pain-before", "2", "--pain-after", "3", "--sets", "3", "--reps", "10", "--note",
            "fine")
        try sandbox.change("edit", "1", "--pain-after", "5", "--sets", "2", "--note", "", "--at", "2026-11-19 18:00")
        #expect(
            try undo().stdout
                == "#1 glute-bridge is as it was before you edited it 2 minutes ago: pain 2 → 3 (the edit had 2 → 5); "
                + "3 × 10 reps (the edit had 2 × 10 reps); at 2026-11-20 18:00 (the edit had 2026-11-19 18:00); "
                + "its note back (the edit had removed it).\n")
        #expect(try sandbox.sql("SELECT sets, pain_after, note FROM entries") == "3|3|fine\n")
    }

    /// Undoing `exercises edit` names each field it changed back, with the value put back and the
    /// edit's, as undoing `edit` does for an entry.
    @Test func undoingAnExerciseEditNamesWhatItChangedBack() throws {
        try sandbox.change(
            "exercises", "add", "knee-to-chest", "--name", "Knee to chest", "--category", "stretch", "--how-to",
            "Lie on your back.")
        try sandbox.change("exercises", "edit", "knee-to-chest", "--name", "Knee hug", "--how-to", "", "--sides")
        #expect(
            try undo().stdout
                == "Put back your exercise knee-to-chest, Knee to chest (undid exercises edit knee-to-chest, 2 minutes "
                + "ago): name Knee to chest (the edit had Knee hug); its how-to back (the edit had removed it); both "
                + "sides together (the edit had one side at a time).\n")
        #expect(
            try sandbox.sql("SELECT name, how_to, per_side FROM exercises WHERE id = 'knee-to-chest'")
                == "Knee to chest|Lie on your back.|0\n")
    }

    /// Undoing `exercises remove --force`, which archived an exercise entries use, says it can be logged again.
    @Test func undoingAnArchivingSaysTheExerciseCanBeLoggedAgain() throws {
        try sandbox.change("exercises", "add", "cat-cow", "--name", "Cat-cow", "--category", "stretch")
        try sandbox.change("log", "cat-cow", "--pain-before", "2", "--pain-after", "2", "--reps", "5")
        try sandbox.change("exercises", "remove", "cat-cow", "--force")
        #expect(
            try undo().stdout
                == "Put back your exercise cat-cow, Cat-cow (undid exercises remove cat-cow, 2 minutes ago): it can be "
                + "logged again (the removal had archived it).\n")
        #expect(try sandbox.sql("SELECT archived FROM exercises WHERE id = 'cat-cow'") == "0\n")
    }

    /// Undoing `exercises remove` puts back the physiotherapist's review the removal had taken with
    /// the exercise, and says so; `--json` names it in `review_ids`.
    @Test func undoingAnExerciseRemovalNamesTheReviewPutBack() throws {
        try sandbox.change("exercises", "add", "cat-cow", "--name", "Cat-cow", "--category", "stretch")
        try sandbox.change("log", "cat-cow", "--pain-before", "3", "--pain-after", "4", "--reps", "5")
        try sandbox.change("resume", "cat-cow")
        try sandbox.change("delete", "1", "--yes")
        try sandbox.change("exercises", "remove", "cat-cow")
        #expect(try sandbox.sql("SELECT count(*) FROM reviews") == "0\n")
        let undo = try #require(
            try JSONSerialization.jsonObject(with: Data(try undo("--json").stdout.utf8)) as? [String: Any])
        #expect(
            undo["message"] as? String
                == "Put back your exercise cat-cow, Cat-cow (undid exercises remove cat-cow, 2 minutes ago): with its "
                + "physiotherapist's review.")
        #expect(undo["review_ids"] as? [Int] == [1])
        #expect(undo["reviewed_exercises"] as? [String] == ["cat-cow"])
        #expect(try sandbox.sql("SELECT id, exercise_id FROM reviews_with_ids") == "1|cat-cow\n")
    }

    /// `undo --json` of an exercise edit carries the exercise put back and as the edit had left it,
    /// as `exercises show --json` writes them; of a plan change, the plan item put back.
    @Test func undoJSONCarriesTheExerciseAndThePlanItemPutBack() throws {
        try sandbox.change("exercises", "add", "cat-cow", "--name", "Cat-cow", "--category", "stretch")
        try sandbox.change("plan", "set", "cat-cow", "--sets", "1", "--reps", "5", "--per-week", "3")
        try sandbox.change("plan", "set", "cat-cow", "--sets", "2", "--reps", "8", "--per-week", "4")
        try sandbox.change("exercises", "edit", "cat-cow", "--name", "Cat and cow")
        let edit = try #require(
            try JSONSerialization.jsonObject(with: Data(try undo("--json").stdout.utf8)) as? [String: Any])
        let put = try #require((edit["exercises"] as? [[String: Any]])?.first)
        let replaced = try #require((edit["replaced_exercises"] as? [[String: Any]])?.first)
        #expect(put["name"] as? String == "Cat-cow")
        #expect(put["archived"] as? Bool == false)
        #expect(replaced["name"] as? String == "Cat and cow")
        #expect(edit["plan_items"] as? [Any] != nil && (edit["plan_items"] as? [Any])?.isEmpty == true)
        let plan = try #require(
            try JSONSerialization.jsonObject(with: Data(try undo("--json").stdout.utf8)) as? [String: Any])
        let items = try #require(plan["plan_items"] as? [[String: Any]])
        #expect(items.count == 1)
        #expect(items.first?["exercise"] as? String == "cat-cow")
        #expect(items.first?["sets"] as? Int == 1)
        #expect(items.first?["reps"] as? Int == 5)
        #expect(items.first?["per_week"] as? Int == 3)
        #expect(plan["exercises"] as? [Any] != nil && (plan["exercises"] as? [Any])?.isEmpty == true)
    }

    /// The hold the review had lifted stands again, and undo names it as `journal resume` did.
    @Test func undoingAResumeNamesTheExerciseAndItsHold() throws {
        try sandbox.change("log", "bird-dog", "--pain-before", "3", "--pain-after", "4", "--at", "2026-11-20 08:00")
        try sandbox.change("resume", "bird-dog")
        #expect(
            try undo().stdout
                == "Took back the physiotherapist's review of bird-dog, recorded 2 minutes ago: the hold since "
                + "2026-11-20 08:00 (more-pain) stands again.\n")
        #expect(try sandbox.run("check").status == 2)
    }

    @Test func undoingACheckInEditNamesItsTimeAndPain() throws {
        try sandbox.change("checkin", "--pain", "3", "--at", "2026-11-20 07:30")
        try sandbox.change("checkins", "edit", "1", "--pain", "5", "--red-flag", "fever")
        #expect(
            try undo().stdout
                == "Check-in #1 (pain 3, 2026-11-20 07:30) is as it was before you edited it 2 minutes ago: "
                + "pain 3 (the edit had 5); red flags: none (the edit had fever).\n"
                + "The red flag of check-in #1 at 2026-11-20 07:30 is lifted: the change undone had it. "
                + "You recorded a high temperature, or feeling hot and shivery.\n")
        // The flag's row stays, not present (docs/sync-ids.md, "Deletes and foreign keys").
        #expect(
            try sandbox.sql("SELECT pain FROM checkins; SELECT red_flag, present FROM checkin_red_flags")
                == "3\nfever|0\n")
    }

    @Test func undoingACheckInDeleteNamesTheCheckInPutBack() throws {
        try sandbox.change("checkin", "--pain", "4", "--at", "2026-11-20 07:30")
        try sandbox.change("checkins", "delete", "1", "--yes")
        #expect(
            try undo().stdout
                == "Put back check-in #1 (pain 4) at 2026-11-20 07:30 (deleted 2 minutes ago).\n")
        #expect(try sandbox.sql("SELECT id, pain FROM checkins_with_ids ORDER BY id") == "1|4\n")
    }

    @Test func undoingAPSFSAddNamesTheActivity() throws {
        try sandbox.change("psfs", "add", "putting on socks")
        #expect(try undo().stdout == "Removed PSFS activity #1: putting on socks (added 2 minutes ago).\n")
        #expect(try sandbox.sql("SELECT count(*) FROM psfs_activities") == "0\n")
    }

    @Test func undoingAPSFSRemoveNamesTheActivityRatedAgain() throws {
        try sandbox.change("psfs", "add", "putting on socks")
        try sandbox.change("psfs", "remove", "1")
        #expect(
            try undo().stdout
                == "Put back PSFS activity #1: putting on socks (retired 2 minutes ago); it is rated again.\n")
        #expect(try sandbox.sql("SELECT retired_at IS NULL FROM psfs_activities") == "1\n")
    }

    /// The rating removed and its activity, in `undo --json` too, beside every key it had.
    @Test func undoingAPSFSRatingNamesTheScoreAndTheActivity() throws {
        try sandbox.change("psfs", "add", "putting on socks")
        try sandbox.change("psfs", "rate", "1", "4", "--at", "2026-11-20 09:00")
        let undo = try undo("--json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(undo.stdout.utf8)) as? [String: Any])
        #expect(
            json["message"] as? String
                == "Removed the rating 4 at 2026-11-20 09:00 of PSFS activity #1: putting on socks "
                + "(recorded 2 minutes ago).")
        #expect(json["kind"] as? String == "psfs-rate")
        #expect(json["psfs_rating_ids"] as? [Int] == [1])
        let ratings = try #require(json["psfs_ratings"] as? [[String: Any]])
        #expect(ratings.count == 1)
        #expect(ratings.first?["activity"] as? String == "putting on socks")
        #expect(ratings.first?["score"] as? Int == 4)
        #expect(ratings.first?["rated_at"] as? String == "2026-11-20T09:00:00+00:00")
        #expect(json["psfs_activities"] as? [Any] == nil || (json["psfs_activities"] as? [Any])?.isEmpty == true)
        #expect(try sandbox.sql("SELECT count(*) FROM psfs_ratings") == "0\n")
    }

    /// A full import's PSFS activity and rating are counted apart.
    @Test func undoingAnImportCountsPSFSActivitiesAndRatingsApart() throws {
        try sandbox.change("psfs", "add", "putting on socks")
        try sandbox.change("psfs", "rate", "1", "4")
        let file = sandbox.directory + "/all.json"
        try sandbox.change("export", "--all", "--output", file)
        sandbox.environment["JOURNAL_DB"] = sandbox.directory + "/other.sqlite3"
        try sandbox.change("import", file)
        #expect(
            try undo().stdout
                == "Undid the import of 2026-11-20 18:00 (UTC+00:00): removed 1 imported PSFS activity and 1 rating.\n")
        #expect(try sandbox.sql("SELECT count(*) FROM psfs_activities; SELECT count(*) FROM psfs_ratings") == "0\n0\n")
    }

    /// `undo --json` of an edit: the entry put back and the entry as the edit had left it.
    @Test func undoJSONCarriesTheEntryPutBackAndAsEdited() throws {
        try sandbox.change("log", "glute-bridge", "--pain-before", "2", "--pain-after", "3")
        try sandbox.change("edit", "1", "--pain-after", "5")
        let undo = try undo("--json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(undo.stdout.utf8)) as? [String: Any])
        #expect(json["entry_ids"] as? [Int] == [1])
        #expect((json["entries"] as? [[String: Any]])?.first?["pain_after"] as? Int == 3)
        #expect((json["replaced_entries"] as? [[String: Any]])?.first?["pain_after"] as? Int == 5)
        #expect(json["undone"] as? Bool == true)
    }
}
