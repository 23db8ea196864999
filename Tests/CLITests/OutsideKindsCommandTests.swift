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

    /// A plan row of an exercise with no row, or of an archived one, and a review of an exercise
    /// with no row (a tester: `today` listed them as due while `log` refused them, no screen named
    /// them, and an export wrote what its import refused): named on every screen, export refuses,
    /// and `plan remove` takes each plan row off, by the id the plan holds.
    @Test func planRowsAndReviewsOfExercisesThatCannotBeLoggedAreNamed() throws {
        try sandbox.change("exercises", "add", "my-hinge", "--name", "My hinge", "--category", "stability")
        try sandbox.change("plan", "set", "my-hinge", "--sets", "2", "--reps", "5", "--per-week", "3")
        try sandbox.damage(
            """
            UPDATE exercises SET archived = 1 WHERE id = 'my-hinge';
            PRAGMA foreign_keys = 0;
            INSERT INTO plan (exercise_id, sets, reps, per_week, since, position)
                VALUES ('ghost-ex', 2, 10, 3, '2026-11-01', 2);
            INSERT INTO reviews (uid, exercise_id, reviewed_at, utc_offset, created_at, seen)
                VALUES ('\(RecordSQL.uid(1))', 'ghost', 1795000000, 0, 1795000000,
                        (SELECT json_group_object(replica, last) FROM replica_clocks));
            """)
        let notice = """

            The journal holds 3 values journal never writes, put in from outside; what is
            shown reads them as said:
            - plan row ghost-ex, column exercise_id: 'ghost-ex', where journal plans only an
            exercise that can be logged: there is no such row (removed from outside with
            foreign keys off, or its id changed) (screens show it on the plan, but it cannot
            be logged); `journal plan remove ghost-ex` takes it off the plan.
            - plan row my-hinge, column exercise_id: 'my-hinge', where journal plans only an
            exercise that can be logged: it is archived, and journal takes an archived
            exercise off the plan (screens show it on the plan, but it cannot be logged);
            `journal plan remove my-hinge` takes it off the plan.
            - reviews row 1, column exercise_id: 'ghost', where journal keeps a row for
            every exercise a review names: there is no such row (removed from outside with
            foreign keys off, or its id changed);
            `journal exercises add ghost --name NAME --category CATEGORY` puts it back.

            """
        for screen in [["today"], ["plan"], ["check"], ["list"]] {
            let run = try sandbox.run(screen)
            #expect(run.status == 65, "\(screen): \(run)")
            #expect(run.stderr.hasSuffix(notice), "\(screen): \(run)")
        }
        let export = try sandbox.run("export", "--all")
        #expect(export.status == 65, "\(export)")
        #expect(export.stdout == "", "\(export)")
        #expect(export.stderr.contains("plan row ghost-ex, column exercise_id"), "\(export)")
        #expect(try sandbox.run("plan", "remove", "ghost-ex").status == 0)
        #expect(try sandbox.run("plan", "remove", "my-hinge").status == 0)
        #expect(try sandbox.sql("SELECT count(*) FROM plan WHERE removed = 0") == "0\n")
        #expect(try sandbox.run("plan", "remove", "nowhere").status == 64)
        try sandbox.change("exercises", "add", "ghost", "--name", "Ghost", "--category", "stability")
        let clean = try sandbox.run("check")
        #expect(clean.status == 0, "\(clean)")
        #expect(clean.stderr == "", "\(clean)")
    }

    /// A review that says it had seen a reading beyond the journal's clock (schema.sql
    /// `v26-record-ids`; before it, an id beyond the newest journal had given: a tester, with
    /// 2^53 − 1, had a red flag recorded in the review's second taken as seen, and nothing said so)
    /// is named on every screen and refused by export; a review of what the clock had given is not.
    @Test func aReviewThroughAnIDBeyondTheNewestGivenIsNamed() throws {
        try sandbox.change("checkin", "--pain", "4", "--red-flag", "saddle-numbness", "--at", "2026-11-25 07:00")
        try sandbox.change("resume", "--red-flags", "--at", "2026-11-25 08:00")
        try sandbox.change("log", "bird-dog", "--pain-before", "2", "--pain-after", "5", "--at", "2026-11-25 09:00")
        try sandbox.change("resume", "bird-dog", "--at", "2026-11-25 10:00")
        let before = try sandbox.run("check")
        #expect(before.status == 0, "\(before)")
        #expect(before.stderr == "", "\(before)")
        // The doctor's visit at the largest reading; the physiotherapist's a millisecond past the clock.
        try sandbox.damage(
            """
            UPDATE red_flag_reviews SET seen = json_object('\(RecordSQL.ownReplica)',
                '999999999999999-ffffffff-\(RecordSQL.ownReplica)');
            UPDATE reviews SET seen = (SELECT json_object(replica, printf('%015d', substr(last, 1, 15) + 1)
                || substr(last, 16)) FROM replica_clocks WHERE self = 1);
            """)
        let latest = try sandbox.sql("SELECT last FROM replica_clocks WHERE self = 1").trimmingCharacters(in: .newlines)
        let run = try sandbox.run("check")
        #expect(run.status == 65, "\(run)")
        let said = run.stderr.replacingOccurrences(of: "\n", with: " ")
        for table in ["reviews", "red_flag_reviews"] {
            let seen = try sandbox.sql(
                "SELECT quote(json_extract(seen, '$.\"\(RecordSQL.ownReplica)\"')) FROM \(table)"
            )
            .trimmingCharacters(in: .newlines)
            #expect(
                said.contains(
                    "- \(table) row 1, column seen: \(seen), where journal writes, of each replica, the latest "
                        + "reading of its clock the journal had when the review was recorded, here at most \(latest) "),
                "\(run)")
        }
        let today = try sandbox.run("today")
        #expect(today.stderr.hasSuffix(run.stderr), "\(today)")
        #expect(try sandbox.run("export", "--all").status == 65)
    }

    // MARK: Pains below 0

    @Test func aRiseBelowZeroReadsAsZeroToOneAndItsHoldStands() throws {
        try sandbox.change("log", "bird-dog", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-22 08:00")
        try sandbox.damage(
            "UPDATE entries SET pain_before = -3, pain_after = -1 WHERE uid = (SELECT uid FROM entry_ids WHERE id = 1);"
        )
        let notice = """

            The journal holds 2 values journal never writes, put in from outside; what is
            shown reads them as said:
            - entries row 1, column pain_before: -3, where journal writes a whole number
            from 0 to 10 (screens read it as the nearest of those until it is corrected, and
            a pain after above it of 0 or below as 1, so that the rise stands);
            `journal edit 1 --pain-before N` corrects it, `journal delete 1` removes it.
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
        try sandbox.damage("UPDATE entries SET sets = 0 WHERE uid = (SELECT uid FROM entry_ids WHERE id = 1);")
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
        #expect(try sandbox.sql("SELECT id FROM entries_with_ids ORDER BY id") == "1\n3\n")
        #expect(try sandbox.sql("SELECT id, pain FROM checkins_with_ids ORDER BY id") == "1|4\n")
        #expect(try sandbox.sql("SELECT exercise_id FROM reviews") == "superman\n")
    }

    /// A red-flag row put in for a check-in that is not there is never given to the next check-in:
    /// the new check-in holds only what was typed, and no red flag stands that the person never
    /// recorded. (Before v26-record-ids the row named the id the next check-in would take, and the
    /// check-in cleared it; a row keyed by a check-in's uid cannot name a check-in still to come, so
    /// the row stays, named as a red flag of no check-in, and the check-in is saved with exit 65.)
    @Test func aRedFlagRowOfNoCheckInIsNotAdoptedByTheNextCheckIn() throws {
        #expect(try sandbox.run("checkin", "--pain", "3", "--at", "2026-11-25 07:00").status == 0)
        try sandbox.damage(
            "INSERT INTO checkin_red_flags (checkin_uid, red_flag) "
                + "VALUES ('\(RecordSQL.uid(2))', 'saddle-numbness');")
        #expect(try sandbox.run("check").status == 65)
        let next = try sandbox.run("checkin", "--pain", "2")
        #expect(next.status == 65, "\(next)")
        #expect(next.stdout.hasPrefix("Checked in #2: pain 2, at "), "\(next)")
        #expect(try sandbox.sql("SELECT checkin_id, red_flag FROM checkin_red_flags_with_ids") == "")
        let check = try sandbox.run("check")
        #expect(check.status == 65, "\(check)")
        #expect(!check.stdout.contains("URGENT"), "\(check)")
    }

    @Test func anUnknownRedFlagIsShownByItsIdBesideAKnownOneAndAnOrphanIsNamed() throws {
        let logged = try sandbox.run(
            "checkin", "--pain", "6", "--red-flag", "saddle-numbness", "--at", "2026-11-23 07:00")
        #expect(logged.stdout.hasPrefix("Checked in #1"), "\(logged)")
        try sandbox.damage(
            "INSERT INTO checkin_ids (id, uid) VALUES (9, '\(RecordSQL.uid(9))'); "
                + "INSERT INTO checkin_red_flags (checkin_uid, red_flag) VALUES "
                + "((SELECT uid FROM checkin_ids WHERE id = 1), 'bo' || char(27) || '[31mgus'), "
                + "('\(RecordSQL.uid(9))', 'fever');")
        let notice = """

            The journal holds 2 values journal never writes, put in from outside; what is
            shown reads them as said:
            - checkin_red_flags row 1, column red_flag: 'bo[31mgus', a red flag journal does
            not know: the check-in of 2026-11-23 07:00 (#1) carries a red flag no advice is
            given for; read the check-in (`journal checkins`) and what
            `journal safety --red-flags` says of each red flag;
            `journal checkins edit 1 --red-flag ID` (or `--no-red-flags`) corrects it.
            - checkin_red_flags row 9, column checkin_id: 9, a red flag ('fever') of
            check-in #9, which is not in the journal (deleted from outside with foreign keys
            off): no screen shows it, and its time is gone with its check-in; if you had
            that red flag, record it again
            (`journal checkin --pain N --red-flag ID --at WHEN`); no journal command reaches
            the row:
            `sqlite3 JOURNAL "DELETE FROM checkin_red_flags WHERE checkin_uid = (SELECT uid FROM checkin_ids WHERE id = 9)"`
            removes it.

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
            try sandbox.sql("SELECT checkin_id, red_flag FROM checkin_red_flags_with_ids ORDER BY 1")
                == "1|saddle-numbness\n9|fever\n")
    }

    // MARK: Offsets and sides

    @Test func anOffsetBeyondEighteenHoursIsNamedAndAnEditCorrectsIt() throws {
        try sandbox.change("log", "glute-bridge", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-22 08:00")
        try sandbox.change("log", "glute-bridge", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-22 09:00")
        try sandbox.damage(
            "UPDATE entries SET utc_offset = 99999 WHERE uid = (SELECT uid FROM entry_ids WHERE id = 1);")
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
            try sandbox.sql("SELECT id, utc_offset, side IS NULL, pain_after FROM entries_with_ids ORDER BY id")
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
            an exercise's row: restore a backup made before it was changed
            (`journal restore`).
            - exercises row bird-dog, column category: 'bogus', where journal writes
            stability, stretch or self-treatment; journal cannot correct an exercise's row:
            restore a backup made before it was changed (`journal restore`).
            - exercises row glute-bridge, column id: NULL, where journal keeps a row for
            every exercise entries name (here 1 entry): there is no such row (removed from
            outside with foreign keys off, or its id changed); screens name the exercise by
            its id, and a rise on it is a hold as any other; it is one of journal's built-in
            exercises: the next change that names it (`journal log glute-bridge …`,
            `journal resume glute-bridge`, `journal undo`) puts its row back from journal's
            catalogue.
            - exercises row knee-hug, column id: NULL, where journal keeps a row for every
            exercise entries name (here 1 entry): there is no such row (removed from outside
            with foreign keys off, or its id changed); screens name the exercise by its id,
            and a rise on it is a hold as any other;
            `journal exercises add knee-hug --name NAME --category CATEGORY` puts it back.

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

    /// A write that names an exercise whose row is gone from the file (removed from outside with
    /// foreign keys off, or its id's case changed) never fails on SQLite's foreign key: a built-in
    /// exercise's row is written again from journal's catalogue in that write; one of the person's
    /// own is refused with 65, naming it and what puts it back, and nothing is saved.
    @Test func aWriteNamingAnExerciseWhoseRowIsGonePutsABuiltInBackAndRefusesAnOwnOne() throws {
        try sandbox.change("exercises", "add", "knee-hug", "--name", "Knee hug", "--category", "stretch")
        try sandbox.change("log", "knee-hug", "--pain-before", "3", "--pain-after", "5", "--at", "2026-11-22 08:00")
        try sandbox.change("log", "knee-hug", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-22 08:30")
        try sandbox.change("log", "glute-bridge", "--pain-before", "3", "--pain-after", "5", "--at", "2026-11-22 09:00")
        try sandbox.change("log", "bird-dog", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-22 10:00")
        try sandbox.change("delete", "4", "--yes")
        let rows =
            "SELECT id, name, category, per_side, measure, builtin, archived FROM exercises "
            + "WHERE id IN ('bird-dog', 'glute-bridge', 'side-plank', 'superman') ORDER BY id"
        let builtIn = try sandbox.sql(rows)
        try sandbox.damage(
            "DELETE FROM exercises WHERE id IN ('knee-hug', 'bird-dog', 'side-plank', 'superman'); "
                + "UPDATE exercises SET id = 'Glute-Bridge' WHERE id = 'glute-bridge';")
        let undone = try sandbox.run("undo")
        #expect(undone.status == 65, "\(undone)")
        #expect(!undone.stderr.contains("FOREIGN KEY"), "\(undone)")
        #expect(try sandbox.sql("SELECT id, exercise_id FROM entries_with_ids WHERE id = 4") == "4|bird-dog\n")
        let refused =
            "journal: knee-hug has no row in the journal's exercises, so nothing that names it can be "
            + "saved; nothing was saved. exercises row knee-hug, column id: NULL, where journal keeps a row for "
            + "every exercise entries name (here 2 entries): there is no such row (removed from outside with "
            + "foreign keys off, or its id changed); screens name the exercise by its id, and a rise on it is a "
            + "hold as any other; `journal exercises add knee-hug --name NAME --category CATEGORY` puts it back.\n"
        for write in [
            ["log", "knee-hug", "--pain-before", "2", "--pain-after", "2"], ["resume", "knee-hug"],
        ] {
            let run = try sandbox.run(write)
            #expect(run.status == 65, "\(write): \(run)")
            #expect(run.stdout == "", "\(write): \(run)")
            #expect(run.stderr == refused, "\(write): \(run)")
        }
        #expect(try sandbox.run("delete", "2", "--yes").status == 65)
        let undoOwn = try sandbox.run("undo")
        #expect(undoOwn.status == 65, "\(undoOwn)")
        #expect(undoOwn.stderr == refused.replacingOccurrences(of: "2 entries", with: "1 entry"), "\(undoOwn)")
        #expect(try sandbox.sql("SELECT id FROM entries_with_ids ORDER BY id") == "1\n3\n4\n")
        #expect(try sandbox.sql("SELECT count(*) FROM reviews") == "0\n")
        let resumed = try sandbox.run("resume", "glute-bridge", "--note", "physio: fine")
        #expect(resumed.status == 65, "\(resumed)")
        #expect(try sandbox.sql("SELECT exercise_id FROM reviews") == "glute-bridge\n")
        let logged = try sandbox.run("log", "superman", "--pain-before", "2", "--pain-after", "2")
        #expect(logged.status == 65, "\(logged)")
        #expect(try sandbox.sql("SELECT exercise_id FROM entries_with_ids WHERE id = 5") == "superman\n")
        let planned = try sandbox.run("plan", "set", "side-plank", "--sets", "2", "--hold", "20", "--per-week", "3")
        #expect(planned.status == 0, "\(planned)")
        #expect(!planned.stderr.contains("FOREIGN KEY"), "\(planned)")
        #expect(try sandbox.sql("SELECT exercise_id FROM plan") == "side-plank\n")
        #expect(try sandbox.sql(rows) == builtIn)
        try sandbox.run("exercises", "add", "knee-hug", "--name", "Knee hug", "--category", "stretch")
        let check = try sandbox.run("check")
        #expect(check.stderr.contains("- exercises row Glute-Bridge, column id"), "\(check)")
        #expect(!check.stderr.contains("column id: NULL"), "\(check)")
    }

    /// An entry whose exercise id is an exercise's in other letters counts as its exercise's.
    ///
    /// `Glute-Bridge`, written from outside with foreign keys off; a tester: `check` put the hold
    /// on a phantom `Glute-Bridge` and advised a resume that was refused, `today` and `session`
    /// offered glute-bridge without a word of the hold, and the named fix, `exercises add
    /// Glute-Bridge`, was refused. One rule: such an id counts as its exercise's on every screen,
    /// and is named with the `UPDATE` that puts it back; `resume glute-bridge` answers its hold,
    /// and the `UPDATE`, run, leaves nothing named.
    @Test func anEntryWhoseExerciseIDIsAnExercisesInOtherLettersCountsAsItsExercise() throws {
        try sandbox.change("plan", "set", "glute-bridge", "--sets", "3", "--reps", "10", "--per-week", "7")
        try sandbox.change("plan", "set", "bird-dog", "--sets", "3", "--reps", "10", "--per-week", "7")
        try sandbox.change(
            "log", "glute-bridge", "--pain-before", "2", "--pain-after", "8", "--reps", "10", "--at", "2026-11-24 09:00"
        )
        try sandbox.damage(
            "UPDATE entries SET exercise_id = 'Glute-Bridge' WHERE uid = (SELECT uid FROM entry_ids WHERE id = 1);")
        let notice = """

            The journal holds 1 value journal never writes, put in from outside; what is
            shown reads it as said:
            - entries row 1, column exercise_id: 'Glute-Bridge', where journal writes an
            exercise's id: this is glute-bridge's in other letters, written from outside (1
            entry, from #1); screens count it as glute-bridge's: a rise on it puts
            glute-bridge on hold, which `journal resume glute-bridge` answers;
            `sqlite3 JOURNAL "UPDATE entries SET exercise_id = 'glute-bridge' WHERE exercise_id = 'Glute-Bridge'"`
            puts it back.

            """
        let check = try sandbox.run("check")
        #expect(check.status == 2, "\(check)")
        #expect(
            check.stdout.hasPrefix(
                """
                ON HOLD glute-bridge is on hold since 2026-11-24 09:00 (high-pain, #1): see a
                        physiotherapist, then run `journal resume glute-bridge`.
                STOP glute-bridge, 2026-11-24 09:00 (UTC+00:00), pain 2 → 8 (#1)

                """), "\(check)")
        #expect(check.stderr == notice, "\(check)")
        let today = try sandbox.run("today")
        #expect(today.status == 65, "\(today)")
        #expect(
            today.stdout
                == """
                Today, Wednesday 2026-11-25
                Due (`journal session` walks you through them):
                  bird-dog  3 × 10 reps  0 of 5 this week
                On hold: glute-bridge since 2026-11-24 09:00 (high-pain); see a physiotherapist,
                then `journal resume glute-bridge`.

                """, "\(today)")
        let session = try sandbox.run("session", "glute-bridge", stdin: "q\n")
        #expect(
            session.stderr.hasPrefix(
                """

                Glute bridge (glute-bridge)
                glute-bridge is on hold since 2026-11-24 09:00 (high-pain): see a physiotherapist before doing it \
                again, then `journal resume glute-bridge`.
                Skipped glute-bridge: it is on hold, and off a terminal nobody can be asked to do it anyway.

                Done 0, skipped 1: glute-bridge.
                This week: bird-dog 0 of 5, glute-bridge on hold.

                """), "\(session)")
        let due = try sandbox.run("session", stdin: "q\n")
        #expect(due.stderr.contains("Bird dog (bird-dog)"), "\(due)")
        #expect(!due.stderr.contains("Glute bridge (glute-bridge)"), "\(due)")
        #expect(try sandbox.sql("SELECT count(*) FROM entries") == "1\n")

        let resumed = try sandbox.run("resume", "Glute-Bridge", "--note", "physio ok")
        #expect(resumed.status == 65, "\(resumed)")
        #expect(
            resumed.stdout.hasPrefix(
                "Resumed glute-bridge: reviewed 2026-11-25 12:00 (UTC+00:00); the hold since "
                    + "2026-11-24 09:00 (high-pain) is lifted."), "\(resumed)")
        let answered = try sandbox.run("check")
        #expect(answered.status == 65, "\(answered)")
        #expect(answered.stdout == "No safety findings stand today.\n", "\(answered)")
        #expect(try sandbox.run("today").stdout.contains("  glute-bridge  3 × 10 reps"))

        #expect(
            try sandbox.shell(
                "sqlite3 \"$JOURNAL_DB\" \"UPDATE entries SET exercise_id = 'glute-bridge' WHERE exercise_id = "
                    + "'Glute-Bridge'\"") == 0)
        let fixed = try sandbox.run("check")
        #expect(fixed.status == 0, "\(fixed)")
        #expect(fixed.stderr == "", "\(fixed)")
    }

    /// A plan row whose id is an exercise's in other letters (`Bird-Dog`) is that exercise's plan:
    /// held while it is (a tester: `today` listed "Due: Bird-Dog" while bird-dog was on hold),
    /// named with the `UPDATE` that puts it back, or, when the exercise is planned too, the `DELETE`.
    @Test func aPlanRowWhoseIDIsAnExercisesInOtherLettersIsHeldWithIt() throws {
        try sandbox.change("plan", "set", "bird-dog", "--sets", "3", "--reps", "10", "--per-week", "7")
        try sandbox.change(
            "log", "bird-dog", "--pain-before", "2", "--pain-after", "8", "--reps", "10", "--at", "2026-11-24 09:00")
        try sandbox.damage("UPDATE plan SET exercise_id = 'Bird-Dog';")
        let today = try sandbox.run("today")
        #expect(today.status == 65, "\(today)")
        #expect(
            today.stdout
                == """
                Today, Wednesday 2026-11-25
                Nothing is due.
                On hold: bird-dog since 2026-11-24 09:00 (high-pain); see a physiotherapist,
                then `journal resume bird-dog`.

                """, "\(today)")
        #expect(
            today.stderr
                == """

                The journal holds 1 value journal never writes, put in from outside; what is
                shown reads it as said:
                - plan row Bird-Dog, column exercise_id: 'Bird-Dog', where journal writes an
                exercise's id: this is bird-dog's in other letters, written from outside;
                screens read it as bird-dog's plan, held while bird-dog is;
                `sqlite3 JOURNAL "UPDATE plan SET exercise_id = 'bird-dog' WHERE exercise_id = 'Bird-Dog'"`
                puts it back.

                """, "\(today)")
        try sandbox.damage(
            "INSERT INTO plan (exercise_id, sets, reps, per_week, position) VALUES ('bird-dog', 2, 8, 3, 2);")
        let both = try sandbox.run("plan")
        #expect(
            both.stderr
                == """

                The journal holds 1 value journal never writes, put in from outside; what is
                shown reads it as said:
                - plan row Bird-Dog, column exercise_id: 'Bird-Dog', where journal writes an
                exercise's id: this is bird-dog's in other letters, written from outside;
                screens read it as bird-dog's plan, held while bird-dog is; bird-dog is planned
                too: `sqlite3 JOURNAL "DELETE FROM plan WHERE exercise_id = 'Bird-Dog'"` removes
                this row.

                """, "\(both)")
        try sandbox.damage("DELETE FROM plan WHERE exercise_id = 'Bird-Dog';")
        #expect(try sandbox.run("plan").stderr == "")
    }

    /// An exercise of the person's own whose id's case was changed from outside is no exercise
    /// until it is corrected: a log of it is refused (65), never saved under a second id.
    @Test func anOwnExerciseWhoseIdsCaseChangedIsRefusedNotSplit() throws {
        try sandbox.change("exercises", "add", "my-hinge", "--name", "My hinge", "--category", "stability")
        try sandbox.change("log", "my-hinge", "--pain-before", "2", "--pain-after", "2", "--at", "2026-11-22 08:00")
        try sandbox.damage("UPDATE exercises SET id = 'My-Hinge' WHERE id = 'my-hinge';")
        let run = try sandbox.run("log", "my-hinge", "--pain-before", "2", "--pain-after", "2")
        #expect(run.status == 65, "\(run)")
        #expect(run.stderr.hasPrefix("journal: my-hinge has no row in the journal's exercises"), "\(run)")
        #expect(try sandbox.sql("SELECT id, exercise_id FROM entries_with_ids") == "1|my-hinge\n")
    }

    // MARK: Times, notes and rows of exercises

    /// An entry's time outside the years 1 to 9999, a time of recording before 1970, a note longer
    /// than 4,000 characters or empty, a check-in's offset beyond ±18 hours: each named with its
    /// fix and read as said, export refuses them (an import would), and an edit corrects them.
    @Test func timesNotesAndOffsetsJournalNeverWritesAreNamedAndRefusedByExport() throws {
        try sandbox.change("log", "bird-dog", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-22 08:00")
        try sandbox.change("log", "bird-dog", "--pain-before", "2", "--pain-after", "2", "--at", "2026-11-22 09:00")
        try sandbox.change("checkin", "--pain", "6", "--at", "2026-11-23 07:00")
        try sandbox.change("checkin", "--pain", "3", "--note", "ok", "--at", "2026-11-23 08:00")
        try sandbox.damage(
            "UPDATE entries SET performed_at = 253402300800 WHERE uid = (SELECT uid FROM entry_ids WHERE id = 1); "
                + "UPDATE entries SET note = replace(hex(zeroblob(4001)), '00', 'x'), created_at = -1 "
                + "WHERE uid = (SELECT uid FROM entry_ids WHERE id = 2); "
                + "UPDATE checkins SET utc_offset = 99999 WHERE uid = (SELECT uid FROM checkin_ids WHERE id = 1); "
                + "UPDATE checkins SET note = '' WHERE uid = (SELECT uid FROM checkin_ids WHERE id = 2);")
        let notice = """

            The journal holds 5 values journal never writes, put in from outside; what is
            shown reads them as said:
            - entries row 1, column performed_at: 253402300800, where journal writes a time
            within the years 1 to 9999 (screens read it as the nearest such time until it is
            corrected); `journal edit 1 --at WHEN` corrects it, `journal delete 1` removes
            it.
            - entries row 2, column created_at: -1, where journal writes when the row was
            recorded, 1970 or later (screens show it as stored); journal cannot correct when
            a row was recorded: `journal delete 2` removes it.
            - entries row 2, column note: a note of 4001 bytes, where journal writes none,
            or 1 to 4000 characters, never a blank one (screens show it as stored, a blank
            one as none, until it is corrected); `journal edit 2 --note TEXT` corrects it,
            `journal delete 2` removes it.
            - checkins row 1, column utc_offset: 99999, where journal writes a whole number
            from -64800 to 64800 (screens read it as the nearest of those until it is
            corrected); `journal checkins edit 1 --at WHEN` corrects it,
            `journal checkins delete 1` removes it.
            - checkins row 2, column note: '', where journal writes none, or 1 to 4000
            characters, never a blank one (screens show it as stored, a blank one as none,
            until it is corrected); `journal checkins edit 2 --note TEXT` corrects it,
            `journal checkins delete 2` removes it.

            """
        let list = try sandbox.run("list")
        #expect(list.status == 65, "\(list)")
        #expect(
            list.stdout.hasPrefix("ID  WHEN              EXERCISE  DONE   PAIN   NOTE\n1   9999-12-31 05:59  bird-dog"),
            "\(list)")
        #expect(list.stderr == notice, "\(list)")
        let checkIns = try sandbox.run("checkins", "--json")
        #expect(checkIns.status == 65, "\(checkIns)")
        #expect(checkIns.stdout.contains(#""performed_at" : "2026-11-24T01:00:00+18:00""#), "\(checkIns)")
        #expect(checkIns.stdout.contains(#""note" : null"#), "\(checkIns)")
        #expect(checkIns.stderr == notice, "\(checkIns)")
        let output = sandbox.directory + "/all.json"
        let export = try sandbox.run("export", "--all", "--output", output)
        #expect(export.status == 65, "\(export)")
        #expect(export.stderr.contains("entries row 1, column performed_at: 253402300800"), "\(export)")
        #expect(!FileManager.default.fileExists(atPath: output))
        #expect(try sandbox.run("edit", "1", "--at", "2026-11-22 08:00").status == 65)
        #expect(try sandbox.run("delete", "2", "--yes").status == 65)
        #expect(try sandbox.run("checkins", "edit", "1", "--at", "2026-11-23 07:00").status == 65)
        let last = try sandbox.run("checkins", "edit", "2", "--note", "fine")
        #expect(last.status == 0, "\(last)")
        #expect(try sandbox.sql("SELECT id, performed_at FROM entries_with_ids") == "1|1795334400\n")
        #expect(try sandbox.sql("SELECT id, utc_offset, note FROM checkins_with_ids ORDER BY id") == "1|0|\n2|0|fine\n")
        let clean = try sandbox.run("list")
        #expect(clean.status == 0 && clean.stderr == "", "\(clean)")
        // Undo puts the blank note back as none, as screens read it (the schema refuses '').
        let undone = try sandbox.run("undo")
        #expect(undone.status == 0, "\(undone)")
        #expect(try sandbox.sql("SELECT id, note IS NULL FROM checkins_with_ids ORDER BY id") == "1|1\n2|1\n")
    }

    /// An exercise of the person's own archived = 7 from outside reads as not archived (log
    /// saves it rather than blaming a removal), builtin = 5 as its own, an empty name as its id;
    /// a NUL in a name is named by its bytes; `exercises edit` corrects the name.
    @Test func anExerciseRowsFlagsAndNameJournalNeverWritesAreReadAsTypedInputWould() throws {
        try sandbox.change("exercises", "add", "knee-hug", "--name", "Knee hug", "--category", "stretch")
        try sandbox.damage(
            "UPDATE exercises SET archived = 7, builtin = 5, name = '' WHERE id = 'knee-hug'; "
                + "UPDATE exercises SET name = 'Bird' || char(0) || 'dog' WHERE id = 'bird-dog';")
        let logged = try sandbox.run("log", "knee-hug", "--pain-before", "2", "--pain-after", "2")
        #expect(logged.status == 65, "\(logged)")
        #expect(logged.stdout.hasPrefix("Logged #1 knee-hug: 1 set, pain 2 → 2"), "\(logged)")
        for named in [
            "- exercises row bird-dog, column name: X'4269726400646F67', where journal writes",
            "- exercises row knee-hug, column archived: 7, where journal writes 0 or 1",
            "- exercises row knee-hug, column builtin: 5, where journal writes 0 or 1",
            "- exercises row knee-hug, column name: '', where journal writes a name, not",
        ] {
            #expect(logged.stderr.contains(named), "\(named): \(logged)")
        }
        #expect(logged.stderr.contains("`journal exercises edit knee-hug --name NAME`\ncorrects it."), "\(logged)")
        let export = try sandbox.run("export", "--all", "--output", sandbox.directory + "/all.json")
        #expect(export.status == 65, "\(export)")
        try sandbox.change("exercises", "edit", "knee-hug", "--name", "Knee hug")
        #expect(try sandbox.sql("SELECT name FROM exercises WHERE id = 'knee-hug'") == "Knee hug\n")
        #expect(!(try sandbox.run("check").stderr.contains("knee-hug, column name")))
    }

    /// Undoing a `checkins edit` that removed a red flag journal does not know puts back what it
    /// knows and says that the unknown one was not put back (journal never adopts it).
    @Test func undoOfACheckInEditSaysAnUnknownRedFlagWasNotPutBack() throws {
        try sandbox.change("checkin", "--pain", "6", "--red-flag", "saddle-numbness", "--at", "2026-11-23 07:00")
        try sandbox.damage(
            "INSERT INTO checkin_red_flags (checkin_uid, red_flag) "
                + "VALUES ((SELECT uid FROM checkin_ids WHERE id = 1), 'bogus');")
        #expect(try sandbox.run("checkins", "edit", "1", "--red-flag", "saddle-numbness").status == 0)
        #expect(try sandbox.sql("SELECT red_flag FROM checkin_red_flags_with_ids") == "saddle-numbness\n")
        let undone = try sandbox.run("undo")
        #expect(undone.status == 0, "\(undone)")
        #expect(
            undone.stdout.hasPrefix(
                "Check-in #1 (pain 6, 2026-11-23 07:00) is back as before you edited it just now, with red flags: "
                    + "saddle-numbness. 1 red flag journal does not know (bogus, put in from outside) of check-in #1 "
                    + "was not put back: journal never adopts it.\n"), "\(undone)")
        #expect(!undone.stdout.contains("as it was"), "\(undone)")
        #expect(try sandbox.sql("SELECT red_flag FROM checkin_red_flags_with_ids") == "saddle-numbness\n")
    }

    /// `resume --red-flags` when the only red flag standing is one journal does not know records
    /// nothing: that red flag stands for no finding (no advice is given for it), so a visit would
    /// cover nothing journal knows; it says so, names the red flag, and exits 65.
    @Test func resumeRedFlagsRecordsNothingWhenOnlyAnUnknownRedFlagStands() throws {
        try sandbox.change("checkin", "--pain", "3", "--at", "2026-11-23 07:00")
        try sandbox.damage(
            "INSERT INTO checkin_red_flags (checkin_uid, red_flag) "
                + "VALUES ((SELECT uid FROM checkin_ids WHERE id = 1), 'bogus');")
        let run = try sandbox.run("resume", "--red-flags")
        #expect(run.status == 65, "\(run)")
        #expect(run.stdout == "", "\(run)")
        #expect(
            run.stderr.hasPrefix("No red flag stands; nothing was recorded.\n\nThe journal holds 1 value"), "\(run)")
        #expect(run.stderr.contains("- checkin_red_flags row 1, column red_flag: 'bogus'"), "\(run)")
        #expect(try sandbox.sql("SELECT count(*) FROM red_flag_reviews") == "0\n")
        #expect(try sandbox.sql("SELECT count(*) FROM changes WHERE kind = 'resume'") == "0\n")
    }

    /// A PSFS rating whose activity is gone is named, and never given to an activity added later
    /// under its number; a rating's offset beyond ±18 hours is named and read as ±18 hours.
    @Test func aPSFSRatingOfNoActivityIsNamedAndNotAdoptedByTheNextActivity() throws {
        try sandbox.change("psfs", "add", "walking 1 km", "--at", "2026-11-24 12:00")
        try sandbox.change("psfs", "rate", "1", "5", "--at", "2026-11-24 12:00")
        try sandbox.damage(
            "INSERT INTO psfs_ratings (uid, activity_uid, rated_at, utc_offset, score, created_at) "
                + "VALUES ('\(RecordSQL.uid(3))', '\(RecordSQL.uid(2))', "
                + "1795000000, 0, 3, 1795000000); "
                + "UPDATE psfs_ratings SET utc_offset = -99999 "
                + "WHERE uid = (SELECT uid FROM psfs_rating_ids WHERE id = 1);"
        )
        let psfs = try sandbox.run("psfs")
        #expect(psfs.status == 65, "\(psfs)")
        #expect(psfs.stdout.contains("5 (2026-11-23)"), "\(psfs)")
        #expect(
            psfs.stderr.contains("- psfs_ratings row 1, column utc_offset: -99999, where journal writes a whole"),
            "\(psfs)")
        let orphan = "'\(RecordSQL.uid(2))'"
        let named: String =
            "- psfs_ratings row 2, column activity_id: \(orphan), a rating of a PSFS activity journal gave no id "
            + "(uid \(orphan)), which is not in the journal (deleted from outside with foreign keys off): no "
            + "screen shows it, and no activity added later takes it; no journal command reaches the row: "
            + "`sqlite3 JOURNAL \"DELETE FROM psfs_ratings WHERE uid = (SELECT uid FROM psfs_rating_ids WHERE "
            + "id = 2)\"` removes it."
        #expect(psfs.stderr.replacingOccurrences(of: "\n", with: " ").contains(named), "\(psfs)")
        let added = try sandbox.run("psfs", "add", "stairs")
        #expect(added.status == 0 && added.stdout == "Added activity #2: stairs.\n", "\(added)")
        #expect(try sandbox.sql("SELECT id, activity_id FROM psfs_ratings_with_ids") == "1|1\n")
        // Not taken by #2: still a rating of no activity (before v26-record-ids, the activity given
        // its id cleared it; a rating keyed by its activity's uid cannot name one still to come).
        #expect(try sandbox.run("psfs").stderr.replacingOccurrences(of: "\n", with: " ").contains(named))
    }

    // MARK: One safety picture

    /// An entry dated ahead of now (a clock ahead on the device that wrote it, or a value from
    /// outside) whose pain rose holds in `check`, and so in the report that ends today, as in
    /// every screen; a report of a period that ended before it does not show it.
    @Test func aHoldDatedAheadStandsInTodaysReportAsInCheck() throws {
        try sandbox.change("log", "bird-dog", "--pain-before", "2", "--pain-after", "2", "--at", "2026-11-25 09:00")
        // 2026-11-26 22:26:40 UTC, pain 2 -> 8.
        try sandbox.damage(
            "UPDATE entries SET performed_at = 1795300000 + 432000, pain_after = 8 "
                + "WHERE uid = (SELECT uid FROM entry_ids WHERE id = 1);")
        func holds(_ arguments: String...) throws -> [String] {
            let run = try sandbox.run(arguments)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            let holds =
                (json["holds"] as? [[String: Any]] ?? [])
                + ((json["standing"] as? [String: Any])?["holds"] as? [[String: Any]] ?? [])
            return holds.map { "\($0["exercise"] ?? "") \($0["rule"] ?? "") \($0["since"] ?? "")" }
        }
        let held = "bird-dog high-pain 2026-11-26T22:26:40+00:00"
        #expect(try holds("check", "--json") == [held])
        #expect(try holds("report", "--json") == [held, held])
        let report = try sandbox.run("report")
        #expect(report.stdout.contains("Needs attention\nON HOLD bird-dog, Thu 26 Nov 22:26\n"), "\(report)")
        let past = try sandbox.run("report", "--from", "2026-11-18", "--to", "2026-11-24")
        #expect(!past.stdout.contains("ON HOLD"), "\(past)")
        // Dated ahead of now and after it was recorded: named as a value from outside (exit 65).
        #expect(past.status == 65, "\(past)")
        #expect(past.stderr.contains("- entries row 1, column performed_at: 1795732000 (2026-11-26 22:26"), "\(past)")
    }
}
