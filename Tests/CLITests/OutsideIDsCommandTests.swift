import Foundation
import Testing

/// The id counters and times of recording put into the file from outside (issue #25, the last
/// tester's leftovers): named as values journal never writes, and a write that would act on them
/// refused with exit 65, nothing written.
@Suite struct OutsideIDsCommandTests {
    let sandbox = Sandbox(timeZone: "UTC")

    init() {
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T12:00:00+00:00"
    }

    /// What a counter of the alias table `table` (`entry_ids`, …: schema.sql `v26-record-ids`; of
    /// records of `record`) at `seq` is named with, where journal gave `given`.
    func counter(_ table: String, _ record: String, seq: String, given: Int, exhausted: Bool = false) -> String {
        let put =
            seq == "NULL"
            ? "INSERT INTO sqlite_sequence (name, seq) VALUES ('\(table)', \(given))"
            : "UPDATE sqlite_sequence SET seq = \(given) WHERE name = '\(table)'"
        return "sqlite_sequence row \(table), column seq: \(seq), where journal keeps the largest \(record) id it has "
            + "given, here \(given) (the largest in the journal or in what `journal undo` kept): "
            + (exhausted
                ? "at or beyond the largest id journal gives, 9007199254740991, no new \(record) can be given one"
                : "below it, a new \(record) would take an id journal gave before, and `journal undo` or an id "
                    + "typed from what a screen showed could reach another record")
            + " (writes that give an id are refused until it is corrected); `sqlite3 JOURNAL \"\(put)\"` puts it back."
    }

    func refused(_ table: String, _ problem: String) -> String {
        "journal: the id counter of \(table) was changed from outside, so journal cannot give a new row an id it "
            + "never gave; nothing was saved. \(problem)\n"
    }

    /// A counter lowered below the id of a deleted entry, which `journal undo` kept: a log would
    /// give #3 again, and `undo` would then meet another entry #3 than the one deleted.
    @Test func aCounterLoweredBelowADeletedEntrysIdIsNamedAndALogIsRefused() throws {
        for hour in 1...3 {
            try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-25 0\(hour):00")
        }
        try sandbox.change("delete", "3", "--yes")
        try sandbox.damage("UPDATE sqlite_sequence SET seq = 2 WHERE name = 'entry_ids';")
        let problem = counter("entry_ids", "entry", seq: "2", given: 3)
        let list = try sandbox.run("list")
        #expect(list.status == 65, "\(list)")
        #expect(list.stdout.hasPrefix("ID  WHEN"), "\(list)")
        #expect(
            list.stderr.replacingOccurrences(of: "\n", with: " ")
                == " The journal holds 1 value journal never writes, put in from outside; what is shown reads it as "
                + "said: - \(problem) ", "\(list)")
        let log = try sandbox.run("log", "bird-dog", "--pain-before", "3", "--pain-after", "3")
        #expect(log.status == 65, "\(log)")
        #expect(log.stdout == "", "\(log)")
        #expect(log.stderr == refused("entry_ids", problem), "\(log)")
        #expect(
            try sandbox.sql(
                "SELECT group_concat(id) FROM (SELECT * FROM entries_with_ids ORDER BY id); "
                    + "SELECT seq FROM sqlite_sequence WHERE name = 'entry_ids'") == "1,2\n2\n")
        // The line it names puts it back: the next entry is #4, and undo puts #3 back.
        #expect(
            try sandbox.shell(
                "sqlite3 \(sandbox.database) \"UPDATE sqlite_sequence SET seq = 3 WHERE name = 'entry_ids'\"") == 0)
        let again = try sandbox.run("log", "bird-dog", "--pain-before", "3", "--pain-after", "3")
        #expect(again.status == 0, "\(again)")
        #expect(again.stderr == "", "\(again)")
        #expect(
            try sandbox.sql("SELECT group_concat(id) FROM (SELECT * FROM entries_with_ids ORDER BY id)") == "1,2,4\n")
    }

    /// SQLite gives no id after the largest (a tester: `log` failed with "the disk is full").
    @Test func aCounterAtTheLargestIdIsNamedNotADiskFull() throws {
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-25 08:00")
        try sandbox.damage("UPDATE sqlite_sequence SET seq = 9223372036854775807 WHERE name = 'entry_ids';")
        let problem = counter("entry_ids", "entry", seq: "9223372036854775807", given: 1, exhausted: true)
        let log = try sandbox.run("log", "bird-dog", "--pain-before", "3", "--pain-after", "3")
        #expect(log.status == 65, "\(log)")
        #expect(log.stdout == "", "\(log)")
        #expect(log.stderr == refused("entry_ids", problem), "\(log)")
        #expect(try sandbox.entryCount() == 1)
        let check = try sandbox.run("check")
        #expect(check.status == 65, "\(check)")
        #expect(check.stdout == "No safety findings stand today.\n", "\(check)")
        #expect(check.stderr.replacingOccurrences(of: "\n", with: " ").contains("- \(problem) "), "\(check)")
    }

    /// A check-in counter whose row is gone: SQLite would give the deleted check-in's id again.
    @Test func aCheckInCounterRemovedIsNamedAndACheckInIsRefused() throws {
        try sandbox.change("checkin", "--pain", "2", "--at", "2026-11-25 01:00")
        try sandbox.change("checkin", "--pain", "2", "--at", "2026-11-25 02:00")
        try sandbox.change("checkins", "delete", "2", "--yes")
        try sandbox.damage("DELETE FROM sqlite_sequence WHERE name = 'checkin_ids';")
        let checkin = try sandbox.run("checkin", "--pain", "3")
        #expect(checkin.status == 65, "\(checkin)")
        #expect(checkin.stdout == "", "\(checkin)")
        #expect(checkin.stderr == refused("checkin_ids", counter("checkin_ids", "check-in", seq: "NULL", given: 2)))
        #expect(try sandbox.sql("SELECT group_concat(id) FROM (SELECT * FROM checkins_with_ids ORDER BY id)") == "1\n")
    }

    // MARK: Times of recording and exercise texts

    /// A time of recording ahead of now (a tester: `export --all` wrote what `import` of it
    /// refused): `export --all` refuses it, naming it; screens show the row as journal's own, as
    /// after a clock set back.
    @Test func aTimeOfRecordingAheadOfNowIsRefusedByExportNamingIt() throws {
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-25 08:00")
        // 2026-11-26 12:00 UTC, a day ahead of JOURNAL_NOW.
        try sandbox.damage(
            "UPDATE entries SET created_at = 1795694400 WHERE uid = (SELECT uid FROM entry_ids WHERE id = 1);")
        let problem =
            "entries row 1, column created_at: 1795694400 (2026-11-26 12:00 (UTC+00:00)), recorded ahead of now, "
            + "2026-11-25 12:00 (UTC+00:00), where journal writes the time it records the row (screens show the row "
            + "as any other, as after a clock set back); journal cannot correct when "
            + "a row was recorded: `journal delete 1` removes it."
        let list = try sandbox.run("list")
        #expect(list.status == 0, "\(list)")
        #expect(list.stdout.contains("bird-dog"), "\(list)")
        #expect(list.stderr == "", "\(list)")
        let export = try sandbox.run("export", "--all")
        #expect(export.status == 65, "\(export)")
        #expect(export.stdout == "", "\(export)")
        #expect(export.stderr.contains("nothing was exported. \(problem)"), "\(export)")
    }

    /// A control character in an exercise's name or how-to, of one's own exercise or a built-in one
    /// (a tester: not named, and `export --all` wrote what `import` refused): named, printed safely
    /// by every screen, and `export --all` refuses it.
    @Test func aControlCharacterInAnExercisesNameOrHowToIsNamedAndNeverPrintedRaw() throws {
        try sandbox.change("exercises", "add", "my-hinge", "--name", "Hinge", "--category", "stability")
        try sandbox.log("my-hinge", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-25 08:00")
        try sandbox.change("plan", "set", "bird-dog", "--sets", "3", "--reps", "10", "--per-week", "5")
        try sandbox.damage(
            "UPDATE exercises SET name = 'Bridge' || char(27) || '[31m' WHERE id = 'my-hinge'; "
                + "UPDATE exercises SET how_to = 'Lift' || char(27) || '[2J' WHERE id = 'bird-dog';")
        for screen in [
            ["exercises"], ["exercises", "show", "my-hinge"], ["exercises", "show", "bird-dog"], ["list"], ["today"],
            ["plan"], ["check"],
        ] {
            let run = try sandbox.run(screen)
            #expect(run.status == 65, "\(screen) \(run)")
            #expect(!run.stdout.contains("\u{1B}") && !run.stderr.contains("\u{1B}"), "\(screen) \(run)")
            let said = run.stderr.replacingOccurrences(of: "\n", with: " ")
            #expect(said.contains("- exercises row bird-dog, column how_to: 'Lift"), "\(screen) \(run)")
            #expect(said.contains("- exercises row my-hinge, column name: 'Bridge"), "\(screen) \(run)")
            #expect(said.contains("`journal exercises edit my-hinge --name NAME` corrects it."), "\(screen) \(run)")
        }
        let export = try sandbox.run("export", "--all")
        #expect(export.status == 65, "\(export)")
        #expect(export.stdout == "", "\(export)")
        #expect(!export.stderr.contains("\u{1B}"), "\(export)")
        try sandbox.change("exercises", "edit", "my-hinge", "--name", "Hinge")
        #expect(try sandbox.sql("SELECT name FROM exercises WHERE id = 'my-hinge'") == "Hinge\n")
    }
}
