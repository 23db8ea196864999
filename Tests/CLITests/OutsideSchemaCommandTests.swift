import Foundation
import Testing

/// What a live journal file carries beyond its values (issue #25): schema objects added or swapped
/// from outside never act, a lost migration record is named, a first write raced by another
/// process goes on in that process's journal, and doctor says what every screen says.
@Suite struct OutsideSchemaCommandTests {
    let sandbox = Sandbox(timeZone: "UTC")

    init() {
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T12:00:00+00:00"
    }

    /// The notice and the refusal for what the schema holds that journal did not make.
    func named(_ objects: String, saving: Bool, unreadable: Bool = false) -> String {
        "journal: \(sandbox.database) holds what journal did not make, put in from outside, which could act on "
            + "what it stores: \(objects). journal changes nothing in it\(unreadable ? " and shows nothing from it" : "") "
            + "while this stands\(saving ? "; nothing was saved" : "").\n"
    }

    // MARK: Objects added or swapped

    @Test func aTriggerThatEatsRedFlagsNeverFiresAndTheAdviceStillPrints() throws {
        try sandbox.change("checkin", "--pain", "3", "--at", "2026-11-25 09:00")
        try sandbox.damage(
            "CREATE TRIGGER eat AFTER INSERT ON checkin_red_flags BEGIN "
                + "DELETE FROM checkin_red_flags WHERE checkin_uid = NEW.checkin_uid; END;")
        let eat =
            "trigger eat, which journal does not make (`sqlite3 \(sandbox.database) \"DROP TRIGGER eat\"` removes it)"
        let run = try sandbox.run("checkin", "--pain", "5", "--red-flag", "both-legs")
        #expect(run.status == 65, "\(run)")
        #expect(run.stdout == "", "\(run)")
        // The advice first, then the refusal, which names the trigger once.
        #expect(run.stderr.hasPrefix(String(repeating: "!", count: 78)), "\(run)")
        #expect(run.stderr.contains("!! URGENT: SEEK EMERGENCY CARE NOW\n"), "\(run)")
        #expect(run.stderr.hasSuffix(named(eat, saving: true)), "\(run)")
        #expect(run.stderr.components(separatedBy: "trigger eat,").count == 2, "\(run)")
        #expect(try sandbox.sql("SELECT count(*) FROM checkins") == "1\n")
        // Reads go on from journal's own tables, saying what stands in the file; as for a value from
        // outside, the journal is not taken for one in order (a tester: `check` exited 0 while every
        // write was refused), so `check` exits 65 unless a stop, a hold or a red flag stands.
        let check = try sandbox.run("check")
        #expect(check.status == 65, "\(check)")
        #expect(check.stdout == "No safety findings stand today.\n", "\(check)")
        #expect(check.stderr == named(eat, saving: false), "\(check)")
        _ = try sandbox.sql("DROP TRIGGER eat")
        let again = try sandbox.run("checkin", "--pain", "5", "--red-flag", "both-legs")
        #expect(again.stdout.hasPrefix("Checked in #2: pain 5, red flags: both-legs"), "\(again)")
        #expect(try sandbox.sql("SELECT checkin_id, red_flag FROM checkin_red_flags_with_ids") == "2|both-legs\n")
    }

    @Test(arguments: [
        ("CREATE UNIQUE INDEX one_per_ex ON entries (exercise_id);", "index one_per_ex", "DROP INDEX one_per_ex"),
        (
            "CREATE TRIGGER nope BEFORE INSERT ON entries BEGIN SELECT RAISE(ABORT, 'nope'); END;", "trigger nope",
            "DROP TRIGGER nope"
        ),
    ])
    func anIndexOrTriggerThatWouldRefuseALogIsNamedBeforeTheLogRuns(statement: String, object: String, drop: String)
        throws
    {
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-25 08:00")
        try sandbox.damage(statement)
        let run = try sandbox.run("log", "bird-dog", "--pain-before", "3", "--pain-after", "3")
        #expect(run.status == 65, "\(run)")
        #expect(run.stdout == "", "\(run)")
        let fix = "\(object), which journal does not make (`sqlite3 \(sandbox.database) \"\(drop)\"` removes it)"
        // Named once, as the log is refused, though reading the exercise and the region opened it first.
        #expect(run.stderr == named(fix, saving: true), "\(run)")
        // An exercise journal does not know is refused by the write too; refused for another reason
        // before it (a side for it), the log names the object once too, before that reason.
        let unknown = try sandbox.run("log", "bird-dgo", "--pain-before", "3", "--pain-after", "3")
        #expect(unknown.status == 65, "\(unknown)")
        #expect(unknown.stderr == named(fix, saving: true), "\(unknown)")
        let misspelt = try sandbox.run("log", "bird-dgo", "--side", "left", "--pain-before", "3", "--pain-after", "3")
        #expect(misspelt.status == 64, "\(misspelt)")
        #expect(misspelt.stderr.hasPrefix(named(fix, saving: false) + "journal: "), "\(misspelt)")
        #expect(misspelt.stderr.components(separatedBy: object + ",").count == 2, "\(misspelt)")
        #expect(try sandbox.entryCount() == 1)
    }

    @Test func aSwappedRedFlagTableIsNamedAndNoScreenSaysNoFindings() throws {
        _ = try sandbox.run("checkin", "--pain", "5", "--red-flag", "both-legs", "--at", "2026-11-25 09:00")
        try #require(try sandbox.sql("SELECT count(*) FROM checkin_red_flags") == "1\n")
        try sandbox.damage(
            "ALTER TABLE checkin_red_flags RENAME TO crf_old; "
                + "CREATE TABLE checkin_red_flags (checkin_uid TEXT, red_flag TEXT, present INTEGER);")
        // Renaming the table rewrote journal's view of it (schema.sql `v26-record-ids`) to read crf_old.
        let swapped =
            "table crf_old, which journal does not make and which may hold what journal's held: keep it; "
            + "view checkin_red_flags_with_ids, not the one journal makes (`sqlite3 \(sandbox.database) \"DROP VIEW "
            + "checkin_red_flags_with_ids; CREATE VIEW checkin_red_flags_with_ids AS     SELECT a.id AS checkin_id, "
            + "f.red_flag AS red_flag     FROM checkin_red_flags AS f JOIN checkin_ids AS a ON a.uid = f.checkin_uid "
            + "WHERE f.present = 1\"` puts journal's back); "
            + "table checkin_red_flags, not the one journal makes "
            + "(move the file aside: `journal restore BACKUP` then makes a new journal from a backup made before)"
        for screen in ["check", "today"] {
            let run = try sandbox.run(screen)
            #expect(run.status == 65, "\(run)")
            #expect(run.stdout == "", "\(run)")
            #expect(run.stderr == named(swapped, saving: false, unreadable: true), "\(run)")
        }
        let log = try sandbox.run("log", "bird-dog", "--pain-before", "3", "--pain-after", "3")
        #expect(log.status == 65, "\(log)")
        #expect(log.stderr == named(swapped, saving: true, unreadable: true), "\(log)")
        #expect(try sandbox.entryCount() == 0)
        #expect(try sandbox.sql("SELECT count(*) FROM crf_old") == "1\n")
    }

    /// A comment or spacing in journal's own SQL is no object from outside; a check taken out is.
    ///
    /// SQLite keeps a `CREATE` as it was typed: a comment added to journal's table, index and
    /// trigger text changes nothing they do (a tester: every screen refused such a table as swapped).
    @Test func aCommentOrSpacingInJournalsOwnSQLIsNoObjectFromOutsideButACheckRemovedIs() throws {
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "6", "--at", "2026-11-25 08:00")
        let check = try sandbox.run("check")
        try #require(check.status == 2, "\(check)")
        func rewrite(_ name: String, _ sql: String) throws {
            try sandbox.damage(
                "PRAGMA writable_schema = ON; UPDATE sqlite_master SET sql = \(sql) WHERE name = '\(name)'; "
                    + "PRAGMA writable_schema = OFF;")
        }
        try rewrite(
            "entries",
            "replace(replace(sql, '\"entries\" (', '\"entries\" /* mine */ (  -- opens' || char(10)), "
                + "char(10) || '    ', char(10) || char(9)) || ' -- end'")
        try rewrite("entries_by_time", "replace(sql, ' ON ', char(10) || '  ON /* by time */ ')")
        try rewrite("change_entries_by_change", "sql || '  '")
        #expect(try sandbox.sql("SELECT sql LIKE '%-- opens%' FROM sqlite_master WHERE name = 'entries'") == "1\n")
        let after = try sandbox.run("check")
        #expect(after.status == check.status, "\(after)")
        #expect(after.stdout == check.stdout, "\(after)")
        #expect(after.stderr == check.stderr, "\(after)")
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3")
        #expect(try sandbox.entryCount() == 2)

        try rewrite("entries", "replace(sql, 'CHECK (pain_after BETWEEN 0 AND 10)', '')")
        let changed =
            "table entries, not the one journal makes "
            + "(move the file aside: `journal restore BACKUP` then makes a new journal from a backup made before)"
        let refused = try sandbox.run("check")
        #expect(refused.status == 65, "\(refused)")
        #expect(refused.stdout == "", "\(refused)")
        #expect(refused.stderr == named(changed, saving: false, unreadable: true), "\(refused)")
        let log = try sandbox.run("log", "bird-dog", "--pain-before", "3", "--pain-after", "3")
        #expect(log.status == 65, "\(log)")
        #expect(try sandbox.entryCount() == 2)
    }

    /// `restore --force` writes a backup's rows into the journal's own tables, where a trigger would
    /// fire: it refuses, and a journal moved aside is restored whole into a new file.
    @Test func restoreForceRefusesAJournalHoldingATriggerAndAMovedAsideOneIsRestoredWhole() throws {
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-25 08:00")
        let backup = sandbox.directory + "/b.sqlite3"
        try sandbox.change("backup", backup)
        try sandbox.damage(
            "CREATE TABLE seen (uid TEXT); "
                + "CREATE TRIGGER tell AFTER INSERT ON entries BEGIN INSERT INTO seen VALUES (NEW.uid); END;")
        let restore = try sandbox.run("restore", backup, "--force")
        #expect(restore.status == 65, "\(restore)")
        #expect(restore.stderr.contains("trigger tell, which journal does not make"), "\(restore)")
        #expect(try sandbox.sql("SELECT count(*) FROM seen") == "0\n")
        #expect(rename(sandbox.database, sandbox.database + ".outside") == 0)
        let fresh = try sandbox.run("restore", backup)
        #expect(fresh.status == 0, "\(fresh)")
        // The triggers journal makes (v26-record-ids: each record table's `*_alias`), and no other.
        #expect(
            try sandbox.sql(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name NOT LIKE '%\\_alias' ESCAPE '\\'")
                == "")
        #expect(try sandbox.entryCount() == 1)
    }

    // MARK: The record of migrations

    @Test func aLostMigrationRowIsNamedWithTheLineThatPutsItBackAndScreensStillShowWhatStands() throws {
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "6", "--at", "2026-11-25 08:00")
        _ = try sandbox.run("checkin", "--pain", "4", "--red-flag", "fever", "--at", "2026-11-25 09:00")
        let check = try sandbox.run("check")
        let today = try sandbox.run("today")
        try sandbox.damage("DELETE FROM grdb_migrations WHERE identifier = 'v21-outside-times';")
        let insert = "sqlite3 \(sandbox.database) \"INSERT INTO grdb_migrations VALUES ('v21-outside-times')\""
        let lost = { (saving: Bool) in
            "journal: \(sandbox.database)'s record of its migrations (grdb_migrations) lacks v21-outside-times, "
                + "removed from outside, though the journal holds what it makes\(saving ? "; nothing was saved" : ""). "
                + "`\(insert)` puts it back.\n"
        }
        let log = try sandbox.run("log", "bird-dog", "--pain-before", "3", "--pain-after", "3")
        #expect(log.status == 65, "\(log)")
        #expect(log.stdout == "", "\(log)")
        #expect(log.stderr == lost(false) + lost(true), "\(log)")
        #expect(try sandbox.entryCount() == 1)
        let checkAfter = try sandbox.run("check")
        #expect(checkAfter.status == check.status, "\(checkAfter)")
        #expect(checkAfter.stdout == check.stdout && !check.stdout.isEmpty, "\(checkAfter)")
        #expect(checkAfter.stderr == lost(false) + check.stderr, "\(checkAfter)")
        let todayAfter = try sandbox.run("today")
        #expect(todayAfter.stdout == today.stdout, "\(todayAfter)")
        #expect(try sandbox.shell(insert) == 0)
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3")
        #expect(try sandbox.entryCount() == 2)
    }

    /// An early migration's row lost (a tester: `check` ran v11 again and failed with SQLite's CHECK
    /// words, exit 74, leaving a backup each run; v5 rebuilt the red-flag table): a gap in the record
    /// is named, no migration runs, no backup is made, and `check` shows what stands.
    @Test(arguments: ["v1-catalogue", "v5-red-flag-tiers", "v11-undo-log-checkin"])
    func anEarlyMigrationRowLostRunsNothingAgain(identifier: String) throws {
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "6", "--at", "2026-11-25 08:00")
        _ = try sandbox.run("checkin", "--pain", "4", "--red-flag", "fever", "--at", "2026-11-25 09:00")
        let check = try sandbox.run("check")
        let files = try FileManager.default.contentsOfDirectory(atPath: sandbox.directory).sorted()
        try sandbox.damage("DELETE FROM grdb_migrations WHERE identifier = '\(identifier)';")
        let after = try sandbox.run("check")
        #expect(after.status == check.status, "\(after)")
        #expect(after.stdout == check.stdout && !check.stdout.isEmpty, "\(after)")
        #expect(
            after.stderr.hasPrefix(
                "journal: \(sandbox.database)'s record of its migrations (grdb_migrations) lacks \(identifier), "),
            "\(after)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.directory).sorted() == files)
    }

    /// SQLite's own statistics (`ANALYZE` makes `sqlite_stat1`) change which index a statement
    /// reads, never what it reads: no screen names them, and writes go on (a tester: `check` named
    /// the table and exited 0 while every write was refused).
    @Test func statisticsFromAnalyzeAreNoObjectFromOutside() throws {
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-25 08:00")
        try sandbox.damage("ANALYZE;")
        #expect(try sandbox.sql("SELECT count(*) > 0 FROM sqlite_master WHERE name = 'sqlite_stat1'") == "1\n")
        let check = try sandbox.run("check")
        #expect(check.status == 0, "\(check)")
        #expect(check.stderr == "", "\(check)")
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3")
        #expect(try sandbox.entryCount() == 2)
    }

    // MARK: First use by two processes

    /// The check-in stops just after it created its hidden file, before it locked it: another
    /// process's first `log` meanwhile removes that file as a leftover and makes the journal.
    @Test func aFirstCheckInWhoseFileAnotherProcessRemovedGoesOnInThatProcesssJournal() throws {
        let folder = sandbox.directory + "/new"
        sandbox.environment["JOURNAL_DB"] = folder + "/journal.sqlite3"
        let child = try Child(
            sandbox, ["checkin", "--pain", "4", "--red-flag", "fever"], stopAt: "hidden-file-created")
        try #require(child.waitForStop(), "the check-in ended (\(child.wait())) before its stop point: \(child.stderr)")
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3")
        child.resume()
        #expect(child.wait() == 0, "\(child.stderr)")
        #expect(child.stdout.hasPrefix("Checked in #1: pain 4, red flags: fever"), "\(child.stdout)")
        #expect(try sandbox.sql("SELECT checkin_id, red_flag FROM checkin_red_flags_with_ids") == "1|fever\n")
        #expect(try sandbox.entryCount() == 1)
    }

    // MARK: Doctor

    @Test func doctorNamesAValueFromOutsideAsEveryScreenDoesAndKeepsRecoverForDamage() throws {
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-25 08:00")
        try sandbox.damage("UPDATE entries SET pain_after = 11 WHERE uid = (SELECT uid FROM entry_ids WHERE id = 1);")
        let list = try sandbox.run("list")
        let doctor = try sandbox.run("doctor")
        #expect(doctor.status == 65, "\(doctor)")
        #expect(doctor.stdout.contains("Integrity    ok (quick_check)\n"), "\(doctor)")
        #expect(!doctor.stderr.contains(".recover"), "\(doctor)")
        #expect(
            !doctor.stderr.isEmpty && list.stderr.hasSuffix(doctor.stderr)
                && doctor.stderr.contains("`journal edit 1 --pain-after N`"), "\(doctor)\n\(list)")
    }

    @Test func doctorNamesAPlanRowWhoseExerciseIsGone() throws {
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-25 08:00")
        try sandbox.damage("INSERT INTO plan (exercise_id, sets, reps, per_week) VALUES ('gone-away', 3, 10, 5);")
        let plan = try sandbox.run("plan")
        let doctor = try sandbox.run("doctor")
        #expect(doctor.status == 65, "\(doctor)")
        #expect(doctor.stderr == plan.stderr && doctor.stderr.contains("plan row gone-away"), "\(doctor)")
    }
}
