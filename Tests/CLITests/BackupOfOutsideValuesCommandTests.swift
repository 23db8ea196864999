import Foundation
import Testing

/// A backup copies values another program wrote as they are, and says so; a restore of it names
/// each, with what corrects it in the backup file, instead of SQLite's words.
@Suite struct BackupOfOutsideValuesCommandTests {
    let sandbox = Sandbox()

    func file(_ name: String) -> String { sandbox.directory + "/" + name }

    /// The pain after of entry #1 made 11 from outside.
    let problem =
        "entries row 1, column pain_after: 11, where journal writes a whole number from 0 to 10 (screens read it "
        + "as the nearest of those until it is corrected); `journal edit 1 --pain-after N` corrects it, `journal "
        + "delete 1` removes it."

    func sqlite(_ path: String, _ query: String) throws -> String {
        try execute(try tool("sqlite3"), [path, query]).stdout
    }

    @Test func aBackupNamesTheValuesFromOutsideItCopiesAndStillKeepsThem() throws {
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3", "--reps", "8")
        try sandbox.damage("UPDATE entries SET pain_after = 11 WHERE uid = (SELECT uid FROM entry_ids WHERE id = 1)")
        let backup = file("b.sqlite3")

        let run = try sandbox.run("backup", backup)
        #expect(run.status == 65, "\(run)")
        #expect(run.stdout == backup + "\n")
        #expect(
            run.stderr == """
                Backed up the journal to \(backup).

                The journal holds 1 value journal never writes, put in from outside; what is
                shown reads it as said:
                - entries row 1, column pain_after: 11, where journal writes a whole number from
                0 to 10 (screens read it as the nearest of those until it is corrected);
                `journal edit 1 --pain-after N` corrects it, `journal delete 1` removes it.
                The backup holds them as the journal does, and `journal restore` refuses it
                until they are corrected in it: correct them in the journal with the commands
                above, then back up again.

                """)
        #expect(try sqlite(backup, "SELECT id, pain_after FROM entries_with_ids") == "1|11\n")

        let json = try sandbox.run("backup", "--json", file("c.sqlite3"))
        #expect(json.status == 65, "\(json)")
        #expect(json.stdout.contains("\"path\" : \"\(file("c.sqlite3"))\""), "\(json)")
        #expect(json.stderr.contains("- entries row 1, column pain_after: 11"), "\(json)")
    }

    @Test func aRestoreNamesEachValueFromOutsideAndWhatCorrectsItInTheBackup() throws {
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3", "--reps", "8")
        try sandbox.log("glute-bridge", "--pain-before", "2", "--pain-after", "2", "--reps", "8")
        try sandbox.damage(
            "UPDATE entries SET pain_after = 11 WHERE uid = (SELECT uid FROM entry_ids WHERE id = 1); "
                + "UPDATE entries SET sets = 0 WHERE uid = (SELECT uid FROM entry_ids WHERE id = 2)")
        let backup = file("b.sqlite3")
        #expect(try sandbox.run("backup", backup).status == 65)
        let restored = file("restored.sqlite3")
        let howTo =
            " Correct them in the backup itself, then restore it again: give each `journal` command above `--db "
            + "\(backup)`, and name the backup for JOURNAL in a `sqlite3` line (an encrypted backup: decrypt it first, "
            + "`age -d -o COPY \(backup)`, and correct and restore COPY); `journal doctor --db \(backup)` lists what "
            + "is left. Nothing was replaced.\n"

        let run = try sandbox.run("restore", backup, "--db", restored)
        #expect(run.status == 65, "\(run)")
        #expect(run.stdout == "")
        #expect(
            run.stderr
                == "journal: \(backup) cannot be restored: it holds 2 values journal never writes, put in from "
                + "outside, which a restore never adopts: (1) entries row 1, column pain_after: 11, where journal "
                + "writes a whole number from 0 to 10 (screens read it as the nearest of those until it is "
                + "corrected); `journal edit 1 --pain-after N` corrects it, `journal delete 1` removes it. (2) entries "
                + "row 2, column sets: 0, where journal writes a whole number from 1 to 50 (screens read it as the "
                + "nearest of those until it is corrected); `journal edit 2 --sets N` corrects it, `journal delete 2` "
                + "removes it." + howTo)
        #expect(!FileManager.default.fileExists(atPath: restored))

        // Over the journal, even with --force: nothing replaced, no copy kept.
        let forced = try sandbox.run("restore", backup, "--force")
        #expect(forced.status == 65, "\(forced)")
        #expect(forced.stderr == run.stderr)
        #expect(try sandbox.sql("SELECT id, sets, pain_after FROM entries_with_ids ORDER BY id") == "1|1|11\n2|0|2\n")
        let kept = try FileManager.default.contentsOfDirectory(atPath: sandbox.directory)
        #expect(!kept.contains { $0.contains("before-restore") }, "\(kept)")

        // From standard input there is no file to give `--db`: the same refusal asks to save it to one first.
        let said = file("piped.txt")
        let piped = try sandbox.shell("\"$JOURNAL\" restore - --db '\(restored)' < '\(backup)' 2> '\(said)'")
        #expect(piped == 65)
        let fromInput = try String(contentsOfFile: said, encoding: .utf8)
        let listed = try #require(run.stderr.range(of: "(1) entries row 1")?.lowerBound)
        let reasons = run.stderr[listed...].replacingOccurrences(of: howTo, with: "")
        #expect(
            fromInput
                == "journal: standard input cannot be restored: it holds 2 values journal never writes, put in from "
                + "outside, which a restore never adopts: " + reasons + " Correct them in the backup itself, then "
                + "restore it again: save what standard input gave to a file, BACKUP; then give each `journal` command "
                + "above `--db BACKUP`, and name the backup for JOURNAL in a `sqlite3` line (an encrypted backup: "
                + "decrypt it first, `age -d -o COPY BACKUP`, and correct and restore COPY); `journal doctor --db "
                + "BACKUP` lists what is left. Nothing was replaced.\n")
        #expect(!FileManager.default.fileExists(atPath: restored))

        // The fixes it names, run on the backup, make it one a restore takes.
        // (The first edit leaves the other value, which it names: exit 65, its change saved.)
        #expect(try sandbox.run("edit", "1", "--pain-after", "3", "--db", backup).status == 65)
        try sandbox.change("edit", "2", "--sets", "1", "--db", backup)
        let again = try sandbox.run("restore", backup, "--db", restored)
        #expect(again.status == 0, "\(again)")
        #expect(
            try sqlite(restored, "SELECT id, sets, pain_after FROM entries_with_ids ORDER BY id") == "1|1|3\n2|1|2\n")
    }

    @Test func aRestoreOfDamageThatIsNoValueStillSaysDamaged() throws {
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3", "--reps", "8")
        let backup = file("b.sqlite3")
        try sandbox.change("backup", backup)
        // An index that no longer matches its table: SQLite's integrity check names it, and no value does.
        _ = try sqlite(
            backup,
            "PRAGMA writable_schema = ON; UPDATE sqlite_master SET sql = replace(sql, 'performed_at', "
                + "'created_at') WHERE name = 'entries_by_time'; PRAGMA writable_schema = OFF")
        let run = try sandbox.run("restore", backup, "--db", file("r.sqlite3"))
        #expect(run.status == 65, "\(run)")
        #expect(run.stderr.hasPrefix("journal: \(backup) cannot be restored: "), "\(run)")
        #expect(!run.stderr.contains("journal never writes"), "\(run)")
    }
}
