import Foundation
import Testing

/// More kinds of values journal never writes, put into the file from outside (issue #25): each is
/// read as typed input would be, never hides a hold or a red flag, is named with its table, row,
/// column, value and fix, and exits 65 unless a stop, a hold or a red flag stands.
@Suite struct OutsideKindsCommandTests {
    let sandbox = Sandbox(timeZone: "UTC")

    init() {
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T12:00:00+00:00"
    }

    // MARK: The plan

    @Test func planNamesTheValuesItShowsClampedAndASinceThatIsNotADate() throws {
        try sandbox.change("plan", "set", "bird-dog", "--sets", "3", "--reps", "10", "--per-week", "5")
        try sandbox.damage(
            "UPDATE plan SET per_week = 0, since = '2026-02-30' WHERE exercise_id = 'bird-dog';")
        let notice = """

            The journal holds 2 values journal never writes, put in from outside; what is
            shown reads them as said:
            - plan row bird-dog, column per_week: 0, where journal writes a whole number
            from 1 to 21 (screens read it as the nearest of those until it is corrected);
            `journal plan set bird-dog …` replaces it, `journal plan remove bird-dog` takes
            it off the plan.
            - plan row bird-dog, column since: '2026-02-30', where journal writes a date,
            YYYY-MM-DD, or none (screens read it as none, the plan in force since the
            journal began, until it is corrected); `journal plan set bird-dog …` replaces
            it, `journal plan remove bird-dog` takes it off the plan.

            """
        let run = try sandbox.run("plan")
        #expect(run.status == 65, "\(run)")
        #expect(
            run.stdout
                == """
                EXERCISE  SETS  REPS  HOLD S  PER WEEK  SINCE
                bird-dog     3    10       -         1  -

                """, "\(run)")
        #expect(run.stderr == notice, "\(run)")
        let json = try sandbox.run("plan", "--json")
        #expect(json.status == 65, "\(json)")
        #expect(json.stdout.contains(#""per_week" : 1"#), "\(json)")
        #expect(json.stderr == notice, "\(json)")
        #expect(try sandbox.run("today").stderr.hasSuffix(notice))
        try sandbox.change(
            "plan", "set", "bird-dog", "--sets", "3", "--reps", "10", "--per-week", "5", "--since", "2026-11-20")
        let corrected = try sandbox.run("plan")
        #expect(corrected.status == 0, "\(corrected)")
        #expect(corrected.stderr == "", "\(corrected)")
        #expect(try sandbox.sql("SELECT per_week, since FROM plan") == "5|2026-11-20\n")
    }

    // MARK: Pains below 0

    @Test func aRiseBelowZeroReadsAsZeroToOneAndItsHoldStands() throws {
        try sandbox.change("log", "bird-dog", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-22 08:00")
        try sandbox.damage("UPDATE entries SET pain_before = -3, pain_after = -1 WHERE id = 1;")
        let notice = """

            The journal holds 2 values journal never writes, put in from outside; what is
            shown reads them as said:
            - entries row 1, column pain_before: -3, where journal writes a whole number
            from 0 to 10 (screens read it as the nearest of those until it is corrected, and
            a pain after above it of 0 or below as 1, so that the rise stands); `journal
            edit 1 --pain-before N` corrects it, `journal delete 1` removes it.
            - entries row 1, column pain_after: -1, where journal writes a whole number from
            0 to 10 (screens read it as the nearest of those until it is corrected);
            `journal edit 1 --pain-after N` corrects it, `journal delete 1` removes it.

            """
        let check = try sandbox.run("check")
        #expect(check.status == 2, "\(check)")
        #expect(
            check.stdout.hasPrefix("ON HOLD bird-dog is on hold since 2026-11-22 08:00 (more-pain, #1)"), "\(check)")
        #expect(check.stderr == notice, "\(check)")
        let list = try sandbox.run("list")
        #expect(list.status == 65, "\(list)")
        #expect(list.stdout.contains("1   2026-11-22 08:00  bird-dog  1 set  0 → 1 !\n"), "\(list)")
        let edit = try sandbox.run("edit", "1", "--pain-before", "2", "--pain-after", "2")
        #expect(edit.status == 0, "\(edit)")
        #expect(try sandbox.sql("SELECT pain_before, pain_after FROM entries") == "2|2\n")
        #expect(try sandbox.run("check").status == 0)
    }

    // MARK: Red flags

    /// Every change (edit, delete, checkins edit and delete, resume) says the values from outside
    /// after it, as log, checkin and undo do, and exits 65; the change is saved all the same.
    @Test func everyChangeSaysTheValuesFromOutsideAfterIt() throws {
        try sandbox.change("log", "bird-dog", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-24 08:00")
        try sandbox.change("log", "glute-bridge", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-24 09:00")
        try sandbox.change("log", "superman", "--pain-before", "2", "--pain-after", "5", "--at", "2026-11-24 10:00")
        try sandbox.change("checkin", "--pain", "3", "--at", "2026-11-24 07:00")
        try sandbox.change("checkin", "--pain", "3", "--at", "2026-11-24 07:30")
        try sandbox.damage("UPDATE entries SET sets = 0 WHERE id = 1;")
        let named = "- entries row 1, column sets: 0, where journal writes a whole number from 1 to"
        for change in [
            ["edit", "2", "--note", "easier"], ["edit", "2", "--note", "easier"],
            ["checkins", "edit", "1", "--pain", "4"],
            ["checkins", "delete", "2", "--yes"], ["resume", "superman", "--note", "physio: fine"],
            ["delete", "2", "--yes"],
        ] {
            let run = try sandbox.run(change)
            #expect(run.status == 65, "\(change): \(run)")
            #expect(run.stderr.contains(named), "\(change): \(run)")
        }
        #expect(try sandbox.sql("SELECT id FROM entries ORDER BY id") == "1\n3\n")
        #expect(try sandbox.sql("SELECT id, pain FROM checkins") == "1|4\n")
        #expect(try sandbox.sql("SELECT exercise_id FROM reviews") == "superman\n")
    }

    /// A red-flag row put in for the id the next check-in will take is never given to it: the new
    /// check-in holds only what was typed, and no red flag stands that the person never recorded.
    @Test func aRedFlagRowOfNoCheckInIsNotAdoptedByTheNextCheckIn() throws {
        #expect(try sandbox.run("checkin", "--pain", "3", "--at", "2026-11-25 07:00").status == 0)
        try sandbox.damage("INSERT INTO checkin_red_flags (checkin_id, red_flag) VALUES (2, 'saddle-numbness');")
        #expect(try sandbox.run("check").status == 65)
        let next = try sandbox.run("checkin", "--pain", "2")
        #expect(next.status == 0, "\(next)")
        #expect(next.stdout.hasPrefix("Checked in #2: pain 2, at "), "\(next)")
        #expect(try sandbox.sql("SELECT checkin_id, red_flag FROM checkin_red_flags") == "")
        let check = try sandbox.run("check")
        #expect(check.status == 0, "\(check)")
        #expect(!check.stdout.contains("URGENT"), "\(check)")
    }

    @Test func anUnknownRedFlagIsShownByItsIdBesideAKnownOneAndAnOrphanIsNamed() throws {
        let logged = try sandbox.run(
            "checkin", "--pain", "6", "--red-flag", "saddle-numbness", "--at", "2026-11-23 07:00")
        #expect(logged.stdout.hasPrefix("Checked in #1"), "\(logged)")
        try sandbox.damage(
            "INSERT INTO checkin_red_flags (checkin_id, red_flag) VALUES (1, 'bo' || char(27) || '[31mgus'), (9, 'fever');"
        )
        let notice = """

            The journal holds 2 values journal never writes, put in from outside; what is
            shown reads them as said:
            - checkin_red_flags row 1, column red_flag: 'bo[31mgus', a red flag journal does
            not know: the check-in of 2026-11-23 07:00 (#1) carries a red flag no advice is
            given for; read the check-in (`journal checkins`) and what `journal safety
            --red-flags` says of each red flag; `journal checkins edit 1 --red-flag ID` (or
            `--no-red-flags`) corrects it.
            - checkin_red_flags row 9, column checkin_id: 9, a red flag ('fever') of
            check-in #9, which is not in the journal (deleted from outside with foreign keys
            off): no screen shows it, and its time is gone with its check-in; if you had
            that red flag, record it again (`journal checkin --pain N --red-flag ID --at
            WHEN`); no journal command reaches the row: `sqlite3 JOURNAL "DELETE FROM
            checkin_red_flags WHERE checkin_id = 9"` removes it.

            """
        let list = try sandbox.run("checkins")
        #expect(list.status == 65, "\(list)")
        #expect(
            list.stdout
                == """
                ID  WHEN              PAIN  RED FLAGS                             NOTE
                1   2026-11-23 07:00  6     saddle-numbness, bo[31mgus (unknown)

                """, "\(list)")
        #expect(list.stderr == notice, "\(list)")
        let check = try sandbox.run("check")
        #expect(check.status == 3, "\(check)")
        #expect(check.stdout.contains("URGENT: SEEK EMERGENCY CARE NOW"), "\(check)")
        #expect(!check.stdout.contains("gus"), "\(check)")
        #expect(check.stderr == notice, "\(check)")
        let edited = try sandbox.run("checkins", "edit", "1", "--red-flag", "saddle-numbness")
        // Saved, and the red flag of no check-in (row 9) still named after it.
        #expect(edited.status == 65, "\(edited)")
        #expect(edited.stderr.contains("- checkin_red_flags row 9, column checkin_id: 9"), "\(edited)")
        #expect(
            edited.stdout
                == "Before #1: pain 6, red flags: saddle-numbness, bo[31mgus (unknown), 2026-11-23 07:00 (UTC+00:00)\n"
                + "After  #1: pain 6, red flags: saddle-numbness, 2026-11-23 07:00 (UTC+00:00)\n", "\(edited)")
        #expect(edited.stderr.hasPrefix("Check-in #1 held a value journal never writes"), "\(edited)")
        #expect(
            try sandbox.sql("SELECT checkin_id, red_flag FROM checkin_red_flags ORDER BY 1")
                == "1|saddle-numbness\n9|fever\n")
    }

    // MARK: Offsets and sides

    @Test func anOffsetBeyondEighteenHoursIsNamedAndAnEditCorrectsIt() throws {
        try sandbox.change("log", "glute-bridge", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-22 08:00")
        try sandbox.change("log", "glute-bridge", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-22 09:00")
        try sandbox.damage("UPDATE entries SET utc_offset = 99999 WHERE id = 1;")
        let notice = """

            The journal holds 1 value journal never writes, put in from outside; what is
            shown reads it as said:
            - entries row 1, column utc_offset: 99999, where journal writes a whole number
            from -64800 to 64800 (screens read it as the nearest of those until it is
            corrected); `journal edit 1 --at WHEN` corrects it, `journal delete 1` removes
            it.

            """
        let list = try sandbox.run("list")
        #expect(list.status == 65, "\(list)")
        #expect(
            list.stdout
                == """
                ID  WHEN              EXERCISE      DONE   PAIN   NOTE
                2   2026-11-22 09:00  glute-bridge  1 set  3 → 3
                1   2026-11-23 02:00  glute-bridge  1 set  3 → 3

                """, "\(list)")
        #expect(list.stderr == notice, "\(list)")
        let output = sandbox.directory + "/out.csv"
        let export = try sandbox.run("export", "--output", output)
        #expect(export.status == 65, "\(export)")
        #expect(export.stderr.contains("entries row 1, column utc_offset: 99999"), "\(export)")
        #expect(!FileManager.default.fileExists(atPath: output))
        for id in ["1"] {
            let edit = try sandbox.run("edit", id, "--pain-after", "2")
            #expect(edit.status == 0, "\(edit)")
            #expect(edit.stderr.hasPrefix("#\(id) held a value journal never writes"), "\(edit)")
        }
        #expect(
            try sandbox.sql("SELECT id, utc_offset, side IS NULL, pain_after FROM entries ORDER BY id")
                == "1|64800|1|2\n2|0|1|3\n")
        let clean = try sandbox.run("list")
        #expect(clean.status == 0, "\(clean)")
        #expect(clean.stderr == "", "\(clean)")
    }

    // MARK: Exercises

    @Test func anExerciseRowGoneOrChangedFromOutsideIsNamedWithItsFix() throws {
        try sandbox.change("exercises", "add", "knee-hug", "--name", "Knee hug", "--category", "stretch")
        try sandbox.change("log", "knee-hug", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-22 08:00")
        try sandbox.change("log", "glute-bridge", "--pain-before", "3", "--pain-after", "5", "--at", "2026-11-22 09:00")
        try sandbox.damage(
            "DELETE FROM exercises WHERE id = 'knee-hug'; "
                + "UPDATE exercises SET id = 'Glute-Bridge' WHERE id = 'glute-bridge'; "
                + "UPDATE exercises SET category = 'bogus' WHERE id = 'bird-dog';")
        let notice = """

            The journal holds 4 values journal never writes, put in from outside; what is
            shown reads them as said:
            - exercises row Glute-Bridge, column id: 'Glute-Bridge', where journal writes
            lower-case letters, digits and hyphens (entries that name the exercise as
            journal wrote it find no exercise until it is corrected); journal cannot correct
            an exercise's row: restore a backup made before it was changed (`journal
            restore`).
            - exercises row bird-dog, column category: 'bogus', where journal writes
            stability, stretch or self-treatment; journal cannot correct an exercise's row:
            restore a backup made before it was changed (`journal restore`).
            - exercises row glute-bridge, column id: NULL, where journal keeps a row for
            every exercise entries name (here 1 entry): there is no such row (removed from
            outside with foreign keys off, or its id changed); screens name the exercise by
            its id, and a rise on it is a hold as any other; it is one of journal's built-in
            exercises, whose row journal cannot put back: restore a backup made before it
            was removed (`journal restore`).
            - exercises row knee-hug, column id: NULL, where journal keeps a row for every
            exercise entries name (here 1 entry): there is no such row (removed from outside
            with foreign keys off, or its id changed); screens name the exercise by its id,
            and a rise on it is a hold as any other; `journal exercises add knee-hug --name
            NAME --category CATEGORY` puts it back.

            """
        let check = try sandbox.run("check")
        #expect(check.status == 2, "\(check)")
        #expect(check.stdout.hasPrefix("ON HOLD glute-bridge is on hold since 2026-11-22 09:00"), "\(check)")
        #expect(check.stderr == notice, "\(check)")
        let export = try sandbox.run("export", "--all", "--output", sandbox.directory + "/all.json")
        #expect(export.status == 65, "\(export)")
        #expect(export.stderr.contains("exercises row Glute-Bridge, column id"), "\(export)")
        try sandbox.change("exercises", "add", "knee-hug", "--name", "Knee hug", "--category", "stretch")
        #expect(!(try sandbox.run("check").stderr.contains("knee-hug")))
    }
}
