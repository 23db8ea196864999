import Foundation
import Testing

/// Values journal never writes, put into the file from outside, are read, never adopted (issue #25).
///
/// sqlite3 with its checks off puts them in; every screen still shows what stands, names the row, its column, its value
/// and the command that corrects it, and exits 65 unless a stop, a hold or a red flag stands;
/// a write is saved whatever the damage elsewhere; an export refuses them.
@Suite struct OutsideValuesCommandTests {
    let sandbox = Sandbox(timeZone: "UTC")

    init() {
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T12:00:00+00:00"
    }

    /// Two entries of bird-dog, 3 → 3 (#1) and 3 → 4 on 2026-11-21 … 22, then #2 put at pain after 11.
    func journalWithPainEleven() throws {
        try sandbox.change("log", "bird-dog", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-21 08:00")
        try sandbox.change("log", "glute-bridge", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-22 08:00")
        try sandbox.damage("UPDATE entries SET pain_after = 11 WHERE uid = (SELECT uid FROM entry_ids WHERE id = 2);")
    }

    /// What every screen says after its own output about #2's pain after of 11.
    static let painEleven = """

        The journal holds 1 value journal never writes, put in from outside; what is
        shown reads it as said:
        - entries row 2, column pain_after: 11, where journal writes a whole number from
        0 to 10 (screens read it as the nearest of those until it is corrected);
        `journal edit 2 --pain-after N` corrects it, `journal delete 2` removes it.

        """

    /// The number of rows of `table`.
    func count(_ table: String) throws -> String {
        try sandbox.sql("SELECT count(*) FROM \(table)").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    // MARK: Screens show what stands, then the damage

    @Test func checkShowsTheHoldAPainOfElevenBeganThenNamesTheRowAndKeepsTheHoldsStatus() throws {
        try journalWithPainEleven()
        let run = try sandbox.run("check")
        #expect(run.status == 2, "\(run)")
        #expect(
            run.stdout.hasPrefix("ON HOLD glute-bridge is on hold since 2026-11-22 08:00 (high-pain, #2)"), "\(run)")
        #expect(run.stderr == Self.painEleven, "\(run)")
        #expect(try sandbox.sql("SELECT id, pain_after FROM entries_with_ids ORDER BY id") == "1|3\n2|11\n")
    }

    @Test func everyScreenSaysTheDamageAfterItsOutputAndExits65() throws {
        try sandbox.change("log", "bird-dog", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-21 08:00")
        try sandbox.change("log", "bird-dog", "--pain-before", "3", "--pain-after", "2", "--at", "2026-11-22 08:00")
        try sandbox.damage("UPDATE entries SET sets = 0 WHERE uid = (SELECT uid FROM entry_ids WHERE id = 2);")
        let notice = """

            The journal holds 1 value journal never writes, put in from outside; what is
            shown reads it as said:
            - entries row 2, column sets: 0, where journal writes a whole number from 1 to
            50 (screens read it as the nearest of those until it is corrected);
            `journal edit 2 --sets N` corrects it, `journal delete 2` removes it.

            """
        for screen in [["check"], ["today"], ["list"], ["report"], ["checkins"], ["psfs"], ["check", "--json"]] {
            let run = try sandbox.run(screen)
            #expect(run.status == 65, "\(screen): \(run)")
            #expect(run.stderr.hasSuffix(notice), "\(screen): \(run)")
        }
        #expect(try sandbox.run("check").stdout == "No safety findings stand today.\n")
        #expect(try sandbox.run("list").stdout.contains("2   2026-11-22 08:00  bird-dog  1 set  3 → 2\n"))
        #expect(try sandbox.sql("SELECT id, sets FROM entries_with_ids ORDER BY id") == "1|1\n2|0\n")
    }

    // MARK: Writes are saved whatever the damage elsewhere

    @Test func aRedFlagCheckInOnADamagedJournalPrintsItsAdviceAndIsSaved() throws {
        try journalWithPainEleven()
        let run = try sandbox.run("checkin", "--pain", "6", "--red-flag", "saddle-numbness", "--at", "2026-11-23 07:00")
        #expect(run.status == 65, "\(run)")
        #expect(run.stdout == "Checked in #1: pain 6, red flags: saddle-numbness, at 2026-11-23 07:00 (UTC+00:00).\n")
        #expect(run.stderr.contains("URGENT: SEEK EMERGENCY CARE NOW"), "\(run)")
        #expect(
            run.stderr.hasSuffix(Self.painEleven + "The check-in was saved; `journal checkins` shows it.\n"), "\(run)")
        #expect(
            try sandbox.sql(
                "SELECT c.id, c.pain, f.red_flag FROM checkins_with_ids c "
                    + "JOIN checkin_red_flags_with_ids f ON f.checkin_id = c.id") == "1|6|saddle-numbness\n")
        #expect(try count("entries") == "2")
    }

    @Test func aRiseLoggedOnADamagedJournalIsSavedAndItsHoldShown() throws {
        try journalWithPainEleven()
        let run = try sandbox.run(
            "log", "bird-dog", "--pain-before", "3", "--pain-after", "4", "--at", "2026-11-23 08:00")
        #expect(run.status == 65, "\(run)")
        #expect(run.stdout == "Logged #3 bird-dog: 1 set, pain 3 → 4, at 2026-11-23 08:00 (UTC+00:00).\n")
        #expect(run.stderr.contains("bird-dog is now on hold"), "\(run)")
        #expect(run.stderr.hasSuffix(Self.painEleven + "The entry was saved; `journal list` shows it.\n"), "\(run)")
        #expect(try sandbox.sql("SELECT id, pain_after FROM entries_with_ids ORDER BY id") == "1|3\n2|11\n3|4\n")
    }

    @Test func undoOnADamagedJournalUndoesAndNamesTheRow() throws {
        try journalWithPainEleven()
        let logged = try sandbox.run(
            "log", "bird-dog", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-23 08:00")
        #expect(logged.status == 65, "\(logged)")
        let run = try sandbox.run("undo")
        #expect(run.status == 65, "\(run)")
        #expect(run.stdout.hasPrefix("Removed #3 bird-dog"), "\(run)")
        #expect(
            run.stderr.hasSuffix(
                Self.painEleven + "The undo was done; `journal list` shows the journal now. Run `journal undo`\n"
                    + "again only to undo one more change.\n"), "\(run)")
        #expect(try sandbox.sql("SELECT id FROM entries_with_ids ORDER BY id") == "1\n2\n")
    }

    /// The exact case of issue #25: a log saved on a journal holding a value from outside prints its
    /// line and exits 65 for the damage, and says, in the words of exit 74, that the entry was saved,
    /// so that a script retrying on failure does not log it twice.
    @Test func aLogSavedOnADamagedJournalSaysItWasSaved() throws {
        try journalWithPainEleven()
        let run = try sandbox.run("log", "bird-dog", "--pain-before", "2", "--pain-after", "2")
        #expect(run.status == 65, "\(run)")
        #expect(run.stdout == "Logged #3 bird-dog: 1 set, pain 2 → 2, at 2026-11-25 12:00 (UTC+00:00).\n", "\(run)")
        // The hold #2 began stands, then the damage, then that the entry was saved.
        #expect(
            run.stderr
                == "\nStill on hold since 2026-11-22: glute-bridge (high-pain, #2); see a\n"
                + "  physiotherapist, then `journal resume glute-bridge`.\n" + Self.painEleven
                + "The entry was saved; `journal list` shows it.\n", "\(run)")
        #expect(try count("entries") == "3")
    }

    /// Every other change that names such values after it says the same of its own change.
    ///
    /// In the words exit 74 uses for it; an undo, in those of what it put back. Each is saved; 65 stands.
    @Test func everyChangeOnADamagedJournalSaysItWasSaved() throws {
        try sandbox.change("checkin", "--pain", "2", "--at", "2026-11-23 07:00")
        try journalWithPainEleven()
        // `plan set` names no values from outside: undoing it does, in the words of what it put back.
        let planned: ([String], String?) = (
            ["plan", "set", "bird-dog", "--sets", "2", "--reps", "10", "--per-week", "3"], nil
        )
        let changes: [([String], String?)] = [
            (
                ["edit", "1", "--pain-after", "2"],
                "The correction was saved; `journal list` shows it, and `journal undo` reverses\nit.\n"
            ),
            (
                ["checkins", "edit", "1", "--pain", "3"],
                "The correction was saved; `journal checkins` shows it, and `journal undo`\nreverses it.\n"
            ),
            (
                ["resume", "glute-bridge"],
                "The review was saved; `journal check` shows the holds that still stand.\n"
            ),
            planned,
            (
                ["undo"],
                "The undo was done; `journal plan` shows the plan now. Run `journal undo` again\n"
                    + "only to undo one more change.\n"
            ),
            (["delete", "1", "--yes"], "The entries were deleted; `journal undo` brings them back.\n"),
            (["checkins", "delete", "1", "--yes"], "The check-ins were deleted; `journal undo` brings them back.\n"),
        ]
        for (change, saved) in changes {
            let run = try sandbox.run(change)
            guard let saved else {
                #expect(run.status == 0, "\(change): \(run)")
                #expect(!run.stderr.contains("was saved"), "\(change): \(run)")
                continue
            }
            #expect(run.status == 65, "\(change): \(run)")
            #expect(run.stderr.hasSuffix(Self.painEleven + saved), "\(change): \(run)")
        }
        // A session's entries: the sentence exit 74 says for it.
        let session = try sandbox.run(["session", "bird-dog"], stdin: "2\n1x10\nboth\n2\n")
        #expect(session.status == 65, "\(session)")
        #expect(session.stdout.hasPrefix("Logged #3 bird-dog: 1 × 10 reps, both sides, pain 2 → 2"), "\(session)")
        #expect(session.stderr.hasSuffix(Self.painEleven + "The change was saved.\n"), "\(session)")
        #expect(try sandbox.sql("SELECT id, pain_after FROM entries_with_ids ORDER BY id") == "2|11\n3|2\n")
        #expect(try count("checkins") == "0")
        #expect(try count("reviews") == "1")
        #expect(try count("plan WHERE removed = 0") == "0")
    }

    // MARK: Correcting the row

    @Test func anEditToTheValueTheRowWasReadAsCorrectsIt() throws {
        try journalWithPainEleven()
        let run = try sandbox.run("edit", "2", "--pain-after", "10")
        #expect(run.status == 0, "\(run)")
        #expect(
            run.stdout
                == "Before #2: glute-bridge, 1 set, pain 3 → 10, 2026-11-22 08:00 (UTC+00:00)\n"
                + "After  #2: glute-bridge, 1 set, pain 3 → 10, 2026-11-22 08:00 (UTC+00:00)\n", "\(run)")
        #expect(
            run.stderr.hasSuffix(
                "#2 held a value journal never writes, put in from outside (\"Before\" shows it as screens read it); "
                    + "it now holds what \"After\" shows, and `journal undo` puts back that reading.\n"), "\(run)")
        #expect(!run.stderr.contains("already had"), "\(run)")
        #expect(try sandbox.sql("SELECT pain_after FROM entries_with_ids WHERE id = 2") == "10\n")
        #expect(try sandbox.run("check").status == 2)
        // Undo puts back the entry as screens read it: the schema refuses the 11 it held, and journal
        // never writes a value out of range.
        let undo = try sandbox.run("undo")
        #expect(undo.status == 0, "\(undo)")
        #expect(
            try sandbox.sql("SELECT id, pain_before, pain_after FROM entries_with_ids ORDER BY id") == "1|3|3\n2|3|10\n"
        )
    }

    /// A deleted entry or check-in that held values out of range comes back, on undo, as screens read it.
    @Test func undoOfADeleteOfADamagedRowPutsItBackAsScreensReadIt() throws {
        try sandbox.change("checkin", "--pain", "2", "--at", "2026-11-23 07:00")
        try journalWithPainEleven()
        try sandbox.damage(
            "UPDATE entries SET sets = 0, side = 'up', reps = 999 "
                + "WHERE uid = (SELECT uid FROM entry_ids WHERE id = 2); "
                + "UPDATE checkins SET pain = -4;")
        for delete in [["delete", "2", "--yes"], ["checkins", "delete", "1", "--yes"]] {
            let deleted = try sandbox.run(delete)
            #expect(deleted.status == 0 || deleted.status == 65, "\(deleted)")
        }
        #expect(try sandbox.run("undo").status == 0)
        #expect(try sandbox.sql("SELECT id, pain, note FROM checkins_with_ids") == "1|0|\n")
        let undo = try sandbox.run("undo")
        #expect(undo.status == 0, "\(undo)")
        #expect(undo.stdout.hasPrefix("Put back #2 glute-bridge"), "\(undo)")
        // sets 0 → 1, reps 999 → 500 (Entry.Limits.reps), side 'up' → none, pain after 11 → 10.
        #expect(
            try sandbox.sql(
                "SELECT id, sets, reps, side IS NULL, pain_before, pain_after FROM entries_with_ids ORDER BY id")
                == "1|1||1|3|3\n2|1|500|1|3|10\n")
    }

    /// A read names at most 20 rows of a table: with more, the count says "at least".
    @Test func manyDamagedRowsAreCountedAsAtLeastWhatOneReadNames() throws {
        try journalWithPainEleven()
        try sandbox.damage(
            """
            WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 30)
            INSERT INTO entries (uid, exercise_id, performed_at, utc_offset, sets, pain_before, pain_after,
                                 created_at, recorded)
            SELECT \(RecordSQL.uid(sql: "i")), 'bird-dog', 1795000000 - i * 600, 0, 1, 2, 11,
                   1795000000, \(RecordSQL.latestReading) FROM c;
            """)
        let run = try sandbox.run("list")
        #expect(run.status == 65, "\(run)")
        #expect(run.stderr.contains("The journal holds at least 20 values journal never writes"), "\(run)")
        #expect(run.stderr.contains("- and 10 more.\n"), "\(run)")
        #expect(try count("entries") == "32")
    }

    // MARK: Export refuses

    @Test func exportRefusesNamingTheRowAndWritesNothing() throws {
        try journalWithPainEleven()
        let output = sandbox.directory + "/out.csv"
        for arguments in [["export", "--output", output], ["export", "--all", "--output", output]] {
            let run = try sandbox.run(arguments)
            #expect(run.status == 65, "\(run)")
            #expect(run.stdout == "")
            #expect(
                run.stderr
                    == "journal: the journal holds a value journal never writes, put in from outside, so an export "
                    + "of it would not import again; nothing was exported. entries row 2, column pain_after: 11, "
                    + "where journal writes a whole number from 0 to 10 (screens read it as the nearest of those "
                    + "until it is corrected); `journal edit 2 --pain-after N` corrects it, `journal delete 2` "
                    + "removes it.\n", "\(run)")
            #expect(!FileManager.default.fileExists(atPath: output))
        }
    }

    // MARK: Red flags journal does not know, and exercises gone

    @Test func aRedFlagJournalDoesNotKnowIsNamedWithItsCheckInAndGetsNoAdvice() throws {
        try sandbox.change("checkin", "--pain", "2", "--at", "2026-11-23 07:00")
        try sandbox.damage(
            "INSERT INTO checkin_red_flags (checkin_uid, red_flag) "
                + "VALUES ((SELECT uid FROM checkin_ids WHERE id = 1), 'bogus');")
        for screen in [["check"], ["checkins"], ["today"]] {
            let run = try sandbox.run(screen)
            #expect(run.status == 65, "\(screen): \(run)")
            #expect(
                run.stderr.hasSuffix(
                    """

                    The journal holds 1 value journal never writes, put in from outside; what is
                    shown reads it as said:
                    - checkin_red_flags row 1, column red_flag: 'bogus', a red flag journal does not
                    know: the check-in of 2026-11-23 07:00 (#1) carries a red flag no advice is
                    given for; read the check-in (`journal checkins`) and what
                    `journal safety --red-flags` says of each red flag;
                    `journal checkins edit 1 --red-flag ID` (or `--no-red-flags`) corrects it.

                    """), "\(screen): \(run)")
            #expect(!run.stderr.contains("URGENT"), "\(run)")
        }
        let edited = try sandbox.run("checkins", "edit", "1", "--no-red-flags")
        #expect(edited.status == 0, "\(edited)")
        #expect(try count("checkin_red_flags WHERE present = 1") == "0")
        #expect(try sandbox.run("check").status == 0)
    }

    @Test func aRiseOnAnExerciseGoneFromExercisesIsAHoldNamedByItsID() throws {
        try sandbox.change("log", "glute-bridge", "--pain-before", "3", "--pain-after", "5", "--at", "2026-11-22 08:00")
        try sandbox.damage("PRAGMA foreign_keys = OFF; DELETE FROM exercises WHERE id = 'glute-bridge';")
        let run = try sandbox.run("check")
        #expect(run.status == 2, "\(run)")
        #expect(
            run.stdout.hasPrefix("ON HOLD glute-bridge is on hold since 2026-11-22 08:00 (more-pain, #1)"), "\(run)")
        #expect(!run.stdout.contains("\nSTOP") || run.stdout.contains("ON HOLD"), "\(run)")
        let json = try sandbox.run("check", "--json")
        #expect(json.stdout.contains(#""exercise" : "glute-bridge""#), "\(json)")
    }

    // MARK: Plan rows and PSFS activities

    @Test func aPlanRowAndAPSFSActivityFromOutsideAreNamed() throws {
        try sandbox.change("plan", "set", "bird-dog", "--sets", "3", "--reps", "10", "--per-week", "5")
        try sandbox.change("psfs", "add", "putting on socks")
        try sandbox.damage(
            "UPDATE plan SET per_week = 0 WHERE exercise_id = 'bird-dog'; "
                + "UPDATE psfs_activities SET activity = 'socks' || char(10) || 'shoes' "
                + "WHERE uid = (SELECT uid FROM psfs_activity_ids WHERE id = 1);"
        )
        let run = try sandbox.run("today")
        #expect(run.status == 65, "\(run)")
        #expect(
            run.stderr.hasSuffix(
                """

                The journal holds 2 values journal never writes, put in from outside; what is
                shown reads them as said:
                - psfs_activities row 1, column activity: 'socks shoes', where journal writes 1
                to 80 characters on one line; `journal psfs remove 1` retires it, and
                `journal psfs add` adds it in other words.
                - plan row bird-dog, column per_week: 0, where journal writes a whole number
                from 1 to 21 (screens read it as the nearest of those until it is corrected);
                `journal plan set bird-dog …` replaces it, `journal plan remove bird-dog` takes
                it off the plan.

                """), "\(run)")
        #expect(try count("plan") == "1")
        #expect(try count("psfs_activities") == "1")
    }
}
