import Foundation
import Testing

/// An id counter at journal's largest id, 2^53 − 1: refused at the limit, with a fix that works.
///
/// Issue #25, a tester: journal gave one id past it, then named a fix that changed nothing. Every
/// table journal gives ids in refuses a write at the limit (exit 65, nothing written), and the
/// fix it names, run as named, lets the write through.
@Suite struct IDLimitCommandTests {
    let sandbox = Sandbox(timeZone: "UTC")
    static let largest = "9007199254740991"

    init() {
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T12:00:00+00:00"
    }

    /// What the counter of `table` (an alias table, `entry_ids`, …: schema.sql `v26-record-ids`)
    /// at the largest id is named with, where journal gave `given` and the fix is `put`, saying `does`.
    func problem(_ table: String, _ record: String, given: String, put: String, does: String) -> String {
        "sqlite_sequence row \(table), column seq: \(Self.largest), where journal keeps the largest \(record) id it "
            + "has given, here \(given) (the largest in the journal or in what `journal undo` kept): at or beyond "
            + "the largest id journal gives, \(Self.largest), no new \(record) can be given one (writes that give an "
            + "id are refused until it is corrected); `sqlite3 JOURNAL \"\(put)\"` \(does)."
    }

    func refused(_ table: String, _ problem: String) -> String {
        "journal: the id counter of \(table) was changed from outside, so journal cannot give a new row an id it "
            + "never gave; nothing was saved. \(problem)\n"
    }

    /// Runs the sqlite3 command that `said` names on the journal, as a person would.
    func runFix(in said: String) throws {
        let start = try #require(said.range(of: "`sqlite3 JOURNAL "))
        let end = try #require(said[start.upperBound...].firstIndex(of: "`"))
        let command = said[start.upperBound..<end]
        #expect(try sandbox.shell("sqlite3 \(sandbox.database) \(command)") == 0, "\(command)")
    }

    /// Puts the id counter of the alias table `table` at `seq`, from outside, whether or not
    /// `sqlite_sequence` holds a row for it yet.
    func setCounter(_ table: String, _ seq: String) throws {
        try sandbox.damage(
            "INSERT OR REPLACE INTO sqlite_sequence (rowid, name, seq) VALUES ((SELECT rowid FROM sqlite_sequence "
                + "WHERE name = '\(table)'), '\(table)', \(seq));")
    }

    /// `write` at a counter of the alias table `table` set to the largest id: refused, nothing
    /// written (the tables in `unchanged`); after the fix it names, `write` again goes ahead.
    func expectRefusedThenFixed(
        _ write: [String], _ table: String, _ record: String, given: Int = 0, unchanged: [String]
    ) throws {
        try setCounter(table, Self.largest)
        let tables = unchanged + [table, "changes"]
        let before = try tables.map { try sandbox.sql("SELECT * FROM \($0) ORDER BY 1") }
        let run = try sandbox.run(write)
        #expect(run.status == 65, "\(write) \(run)")
        #expect(run.stdout == "", "\(write) \(run)")
        let put = "UPDATE sqlite_sequence SET seq = \(given) WHERE name = '\(table)'"
        #expect(
            run.stderr == refused(table, problem(table, record, given: "\(given)", put: put, does: "puts it back")),
            "\(write) \(run)")
        #expect(try tables.map { try sandbox.sql("SELECT * FROM \($0) ORDER BY 1") } == before, "\(write)")
        try runFix(in: run.stderr)
        let again = try sandbox.run(write)
        #expect(again.status == 0, "\(write) \(again)")
        #expect(!again.stderr.contains("sqlite_sequence"), "\(write) \(again)")
        #expect(try sandbox.sql("SELECT seq FROM sqlite_sequence WHERE name = '\(table)'") == "\(given + 1)\n")
    }

    /// One below the limit, a log takes the largest id; the next is refused, and the fix gives
    /// that entry, and the log's record of it for undo, the next id below.
    @Test func aLogAtTheLargestEntryIDIsRefusedAndTheFixRenumbersIt() throws {
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-25 08:00")
        try setCounter("entry_ids", "9007199254740990")
        let put =
            "UPDATE change_entries SET id = 2 WHERE id = \(Self.largest); UPDATE entry_ids SET id = 2 WHERE id = "
            + "\(Self.largest); UPDATE sqlite_sequence SET seq = 2 WHERE name = 'entry_ids'"
        let said = problem(
            "entry_ids", "entry", given: Self.largest, put: put,
            does: "gives #\(Self.largest), at or beyond that largest id, the id 2, and puts the counter there")
        // The entry is made, and the counter, at the limit now, named at once.
        let last = try sandbox.run(
            "log", "glute-bridge", "--pain-before", "2", "--pain-after", "2", "--at", "2026-11-25 09:00")
        #expect(last.status == 65, "\(last)")
        #expect(last.stdout.hasPrefix("Logged #\(Self.largest) glute-bridge"), "\(last)")
        #expect(last.stderr.replacingOccurrences(of: "\n", with: " ").contains("- \(said) "), "\(last)")
        #expect(
            try sandbox.sql("SELECT group_concat(id) FROM (SELECT * FROM entries_with_ids ORDER BY id)")
                == "1,\(Self.largest)\n")
        let log = try sandbox.run("log", "bird-dog", "--pain-before", "3", "--pain-after", "3")
        #expect(log.status == 65, "\(log)")
        #expect(log.stdout == "", "\(log)")
        #expect(log.stderr == refused("entry_ids", said), "\(log)")
        #expect(try sandbox.sql("SELECT count(*) FROM entries; SELECT count(*) FROM changes") == "2\n2\n")
        let list = try sandbox.run("list")
        #expect(list.status == 65, "\(list)")
        #expect(list.stderr.replacingOccurrences(of: "\n", with: " ").contains("- \(said) "), "\(list)")
        try runFix(in: log.stderr)
        let again = try sandbox.run("log", "bird-dog", "--pain-before", "3", "--pain-after", "3")
        #expect(again.status == 0, "\(again)")
        #expect(again.stderr == "", "\(again)")
        #expect(
            try sandbox.sql("SELECT group_concat(id) FROM (SELECT * FROM entries_with_ids ORDER BY id)") == "1,2,3\n")
        // Undo reaches the renumbered entry by its new id.
        try sandbox.change("undo")
        try sandbox.change("undo")
        #expect(try sandbox.sql("SELECT group_concat(exercise_id) FROM entries") == "bird-dog\n")
    }

    /// A check-in at the largest id with a red flag: the fix moves its red flag with it.
    @Test func aCheckInAtTheLargestIDIsRenumberedWithItsRedFlags() throws {
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-25 07:00")
        try setCounter("checkin_ids", "9007199254740990")
        #expect(
            try sandbox.run("checkin", "--pain", "4", "--red-flag", "fever", "--at", "2026-11-25 08:00").status == 65)
        let checkin = try sandbox.run("checkin", "--pain", "3")
        #expect(checkin.status == 65, "\(checkin)")
        #expect(checkin.stdout == "", "\(checkin)")
        let put =
            "UPDATE change_checkins SET id = 1 WHERE id = \(Self.largest); UPDATE checkin_ids SET id = 1 WHERE id = "
            + "\(Self.largest); UPDATE sqlite_sequence SET seq = 1 WHERE name = 'checkin_ids'"
        #expect(
            checkin.stderr
                == refused(
                    "checkin_ids",
                    problem(
                        "checkin_ids", "check-in", given: Self.largest, put: put,
                        does: "gives #\(Self.largest), at or beyond that largest id, the id 1, and puts the counter "
                            + "there")), "\(checkin)")
        try runFix(in: checkin.stderr)
        try sandbox.change("checkin", "--pain", "3")
        #expect(try sandbox.sql("SELECT id, pain FROM checkins_with_ids ORDER BY id") == "1|4\n2|3\n")
        #expect(try sandbox.sql("SELECT * FROM checkin_red_flags_with_ids") == "1|fever\n")
        #expect(try !sandbox.run("check").stderr.contains("sqlite_sequence"))
    }

    /// Each table journal gives ids in, its counter put at the largest id: the write refused,
    /// then, after the fix, made.
    @Test func everyCounterAtTheLargestIDRefusesItsWrite() throws {
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-25 08:00")
        try expectRefusedThenFixed(
            ["log", "bird-dog", "--pain-before", "2", "--pain-after", "2"], "entry_ids", "entry", given: 1,
            unchanged: ["entries"])
        try expectRefusedThenFixed(
            ["checkin", "--pain", "3", "--at", "2026-11-25 09:00"], "checkin_ids", "check-in",
            unchanged: ["checkins", "checkin_red_flags"])
        try sandbox.change("checkin", "--pain", "3", "--red-flag", "fever", "--at", "2026-11-25 09:30")
        try sandbox.log("bird-dog", "--pain-before", "2", "--pain-after", "6", "--at", "2026-11-25 10:00")
        try expectRefusedThenFixed(
            ["resume", "bird-dog", "--note", "physio"], "review_ids", "physiotherapist's review",
            unchanged: ["reviews"])
        try expectRefusedThenFixed(
            ["resume", "--red-flags", "--note", "GP"], "red_flag_review_ids", "red-flag review",
            unchanged: ["red_flag_reviews"])
        try expectRefusedThenFixed(
            ["psfs", "add", "putting on socks"], "psfs_activity_ids", "PSFS activity", unchanged: ["psfs_activities"])
        try expectRefusedThenFixed(
            ["psfs", "rate", "1", "5"], "psfs_rating_ids", "PSFS rating", unchanged: ["psfs_ratings"])
    }

    /// A check-in renumbered past the limit from outside (`journal checkins delete` takes no such
    /// id): the fix named for its row gives it, and its red flag, the next id, and the counter
    /// with it; every screen is quiet again, and a check-in is given the id after it.
    @Test func aCheckInPastTheLimitIsGivenTheNextIDByTheFixNamed() throws {
        try sandbox.change("checkin", "--pain", "4", "--red-flag", "fever", "--at", "2026-11-25 08:00")
        try sandbox.damage(
            "UPDATE checkin_ids SET id = 9007199254740992; UPDATE change_checkins SET id = 9007199254740992; "
                + "UPDATE sqlite_sequence SET seq = 9007199254740992 WHERE name = 'checkin_ids';")
        let list = try sandbox.run("checkins")
        #expect(list.status == 65, "\(list)")
        let said = list.stderr.replacingOccurrences(of: "\n", with: " ")
        let put =
            "UPDATE change_checkins SET id = 1 WHERE id = 9007199254740992; UPDATE checkin_ids SET id = 1 WHERE id = "
            + "9007199254740992; UPDATE sqlite_sequence SET seq = 1 WHERE name = 'checkin_ids'"
        #expect(
            said.contains(
                "- checkins row 9007199254740992, column id: 9007199254740992, where journal gives whole numbers "
                    + "from 1 to 9007199254740991 (screens show the row as stored); `journal checkins delete` cannot "
                    + "reach it, which takes those only: `sqlite3 JOURNAL \"\(put)\"` gives it the id 1, the next "
                    + "after the largest journal gave, and puts the counter there."), "\(list)")
        try runFix(in: list.stderr)
        let again = try sandbox.run("checkins")
        #expect(again.status == 0, "\(again)")
        #expect(!again.stderr.contains("sqlite_sequence") && !again.stderr.contains("column id"), "\(again)")
        try sandbox.change("checkin", "--pain", "3")
        #expect(try sandbox.sql("SELECT id, pain FROM checkins_with_ids ORDER BY id") == "1|4\n2|3\n")
        #expect(try sandbox.sql("SELECT * FROM checkin_red_flags_with_ids") == "1|fever\n")
        try sandbox.change("undo")
        try sandbox.change("undo")
        #expect(try sandbox.sql("SELECT count(*) FROM checkins") == "0\n")
    }

    /// Issue #25: the fix renumbers an entry a review had seen, and the review still covers it.
    ///
    /// A fresh tester: an entry at the largest id, then `resume` of its hold, which had seen it as
    /// its newest. The fix, run as printed, gives the entry the next id, and the review's newest
    /// entry seen is that id (a review covers by the readings it had seen, schema.sql
    /// `v26-record-ids`, which renumbering leaves as they were): every screen reads without a
    /// note, and a rising log in the review's own second (recorded after it, so not seen) holds the
    /// exercise again, and `check` says so.
    @Test func theFixMovesTheReviewsNewestEntryWithTheEntry() throws {
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-25 08:00")
        try setCounter("entry_ids", "9007199254740990")
        let last = try sandbox.run(
            "log", "glute-bridge", "--pain-before", "2", "--pain-after", "6", "--at", "2026-11-25 09:00")
        #expect(last.status == 65, "\(last)")
        #expect(last.stderr.hasPrefix("STOP glute-bridge"), "\(last)")
        let resume = try sandbox.run("resume", "glute-bridge", "--note", "physio")
        #expect(
            try sandbox.sql("SELECT \(RecordSQL.throughEntryID) FROM reviews AS r") == "\(Self.largest)\n", "\(resume)")
        let check = try sandbox.run("check")
        #expect(check.status == 65, "\(check)")
        try runFix(in: check.stderr)
        #expect(
            try sandbox.sql(
                "SELECT group_concat(id) FROM (SELECT * FROM entries_with_ids ORDER BY id); "
                    + "SELECT \(RecordSQL.throughEntryID) FROM reviews AS r") == "1,2\n2\n")
        for screen in [["check"], ["today"], ["list"], ["report"], ["checkins"]] {
            let run = try sandbox.run(screen)
            // What a screen says of a journal in order (a hint, the stop), and no stored value named.
            #expect(!run.stderr.contains("column seen") && !run.stderr.contains("sqlite_sequence"), "\(screen)")
            #expect(run.status == 0, "\(screen) \(run)")
        }
        // In the second of the review (JOURNAL_NOW), a rising log: #3, recorded after the review.
        let rising = try sandbox.run("log", "glute-bridge", "--pain-before", "2", "--pain-after", "6")
        #expect(rising.status == 0, "\(rising)")
        #expect(rising.stderr.hasPrefix("STOP glute-bridge, 2026-11-25 12:00"), "\(rising)")
        let held = try sandbox.run("check")
        #expect(held.status == 2, "\(held)")
        #expect(held.stdout.contains("journal resume glute-bridge"), "\(held)")
        #expect(held.stderr == "", "\(held)")
    }

    /// The same for a check-in: the doctor's visit still covers the check-in renumbered, and an
    /// emergency red flag in the visit's own second is shown by `check`.
    @Test func theFixMovesTheRedFlagReviewsNewestCheckInWithTheCheckIn() throws {
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-25 08:00")
        try setCounter("checkin_ids", "9007199254740990")
        _ = try sandbox.run("checkin", "--pain", "6", "--red-flag", "saddle-numbness", "--at", "2026-11-25 09:00")
        _ = try sandbox.run("resume", "--red-flags", "--note", "GP")
        #expect(
            try sandbox.sql("SELECT \(RecordSQL.throughCheckInID) FROM red_flag_reviews AS r") == "\(Self.largest)\n")
        try runFix(in: try sandbox.run("check").stderr)
        #expect(
            try sandbox.sql(
                "SELECT id FROM checkins_with_ids ORDER BY id; "
                    + "SELECT \(RecordSQL.throughCheckInID) FROM red_flag_reviews AS r") == "1\n1\n")
        let quiet = try sandbox.run("check")
        #expect(quiet.status == 0 && quiet.stderr == "", "\(quiet)")
        try sandbox.change("checkin", "--pain", "6", "--red-flag", "saddle-numbness")
        let flagged = try sandbox.run("check")
        #expect(flagged.status == 3, "\(flagged)")
        #expect(!flagged.stdout.contains("No safety findings"), "\(flagged)")
    }

    /// A reading beyond any a clock gives (schema.sql `v26-record-ids`: wall and counter at their
    /// largest, of the journal's own replica), as an SQL string.
    static let beyondTheClock = "'999999999999999-ffffffff-\(RecordSQL.ownReplica)'"

    /// The reading the journal's clock last gave (`replica_clocks`, its own row).
    func latestReading() throws -> String {
        try sandbox.sql("SELECT last FROM replica_clocks WHERE self = 1").trimmingCharacters(in: .newlines)
    }

    /// The reading that recorded the record of `table` whose alias in `aliases` is `id`.
    func recorded(_ table: String, _ aliases: String, _ id: Int) throws -> String {
        try sandbox.sql("SELECT recorded FROM \(table) WHERE uid = (SELECT uid FROM \(aliases) WHERE id = \(id))")
            .trimmingCharacters(in: .newlines)
    }

    /// Issue #25: a review that says it had seen beyond the journal's clock is given the newest
    /// entry recorded before its second.
    ///
    /// Before v26-record-ids, the counter fix of journal before issue #25 left a review naming
    /// 2^53 − 1 as its newest entry seen; a review now holds the clock readings it had seen, and
    /// one beyond the journal's clock, put in from outside, does the same harm: a rise logged after
    /// the review in its second (#3) counts as seen. The fix printed, run as printed, makes the
    /// review cover #2, recorded in an earlier second, and not #3, so `check` shows the hold #3
    /// began, which the review hid.
    @Test func aReviewBeyondTheClockIsGivenTheNewestEntryRecordedBeforeItsSecond() throws {
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T11:00:00+00:00"
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-25 08:00")
        _ = try sandbox.run(
            "log", "glute-bridge", "--pain-before", "2", "--pain-after", "6", "--at", "2026-11-25 09:00")
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T12:00:00+00:00"
        _ = try sandbox.run("resume", "glute-bridge", "--note", "physio")
        try sandbox.damage("UPDATE reviews SET seen = json_object('\(RecordSQL.ownReplica)', \(Self.beyondTheClock));")
        let rising = try sandbox.run("log", "glute-bridge", "--pain-before", "2", "--pain-after", "6")
        #expect(rising.stdout.hasPrefix("Logged #3 glute-bridge"), "\(rising)")
        let hidden = try sandbox.run("check")
        #expect(hidden.status == 65, "\(hidden)")
        #expect(hidden.stdout.hasPrefix("No safety findings stand today."), "\(hidden)")
        let said = hidden.stderr.replacingOccurrences(of: "\n", with: " ")
        let seen = try recorded("entries", "entry_ids", 2)
        let named: String =
            "- reviews row 1, column seen: \(Self.beyondTheClock), where journal writes, of each replica, the latest reading of its clock "
            + "the journal had when the review was recorded, here at most \(try latestReading()) (such a review "
            + "would count a session recorded after it as seen, if dated no later than the review); "
            + "`sqlite3 JOURNAL \"UPDATE reviews SET seen = json_patch(seen, json_object('\(RecordSQL.ownReplica)', "
            + "'\(seen)')) WHERE uid = (SELECT uid FROM review_ids WHERE id = 1)\"` sets it to \(seen): every "
            + "session up to that reading was recorded before the review's second; one recorded in that second "
            + "counts as not seen, so what it shows stands again until `journal resume`."
        #expect(said.contains(named), "\(hidden)")
        try runFix(in: hidden.stderr)
        #expect(try sandbox.sql("SELECT \(RecordSQL.throughEntryID) FROM reviews AS r") == "2\n")
        let held = try sandbox.run("check")
        #expect(held.status == 2, "\(held)")
        #expect(
            held.stdout.hasPrefix("ON HOLD glute-bridge is on hold since 2026-11-25 12:00 (repeated, #3)"), "\(held)")
        #expect(!held.stdout.contains("#2)"), "\(held)")
        #expect(held.stderr == "", "\(held)")
    }

    /// The same for a doctor's visit: it saw the check-ins recorded before its second, #1, and not
    /// the emergency red flag recorded in its second after it, which `check` then shows.
    @Test func aRedFlagReviewBeyondTheClockCoversOnlyWhatWasRecordedBeforeItsSecond() throws {
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-25 07:00")
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T11:00:00+00:00"
        _ = try sandbox.run("checkin", "--pain", "6", "--red-flag", "saddle-numbness", "--at", "2026-11-25 10:00")
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T12:00:00+00:00"
        _ = try sandbox.run("resume", "--red-flags", "--note", "GP")
        try sandbox.damage(
            "UPDATE red_flag_reviews SET seen = json_object('\(RecordSQL.ownReplica)', \(Self.beyondTheClock));")
        for _ in 1...9 { _ = try sandbox.run("checkin", "--pain", "3") }
        _ = try sandbox.run("checkin", "--pain", "6", "--red-flag", "saddle-numbness")
        #expect(try sandbox.sql("SELECT count(*) FROM checkins") == "11\n")
        let hidden = try sandbox.run("check")
        #expect(hidden.status == 65, "\(hidden)")
        let said = hidden.stderr.replacingOccurrences(of: "\n", with: " ")
        let seen = try recorded("checkins", "checkin_ids", 1)
        let named: String =
            "- red_flag_reviews row 1, column seen: \(Self.beyondTheClock), where journal writes, of each replica, the latest reading of its clock "
            + "the journal had when the review was recorded, here at most \(try latestReading()) (such a review "
            + "would count a red flag recorded after it as seen, if dated no later than the review); "
            + "`sqlite3 JOURNAL \"UPDATE red_flag_reviews SET seen = json_patch(seen, json_object('"
            + "\(RecordSQL.ownReplica)', '\(seen)')) WHERE uid = (SELECT uid FROM red_flag_review_ids WHERE id = 1)"
            + "\"` sets it to \(seen): every check-in up to that reading was recorded before the review's second; "
            + "one recorded in that second counts as not seen, so what it shows stands again until `journal "
            + "resume --red-flags`."
        #expect(said.contains(named), "\(hidden)")
        try runFix(in: hidden.stderr)
        #expect(try sandbox.sql("SELECT \(RecordSQL.throughCheckInID) FROM red_flag_reviews AS r") == "1\n")
        let flagged = try sandbox.run("check")
        #expect(flagged.status == 3, "\(flagged)")
        // Check-in #11's red flag, of 12:00, stands; #1's, of 10:00, which the doctor saw, does not.
        #expect(flagged.stdout.contains("Recorded 2026-11-25 12:00, not yet seen by a doctor"), "\(flagged)")
        #expect(!flagged.stdout.contains("10:00"), "\(flagged)")
        #expect(flagged.stderr == "", "\(flagged)")
    }

    /// The copy `journal undo` keeps of a review, of an exercise `journal exercises remove` took
    /// away, is named and fixed the same way, so that undoing the removal puts back a review in order.
    @Test func aKeptCopyOfAReviewBeyondTheClockIsFixedToo() throws {
        try sandbox.change("exercises", "add", "my-hinge", "--name", "My hinge", "--category", "stability")
        try sandbox.log("my-hinge", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-25 08:00")
        _ = try sandbox.run("log", "my-hinge", "--pain-before", "2", "--pain-after", "6", "--at", "2026-11-25 09:00")
        _ = try sandbox.run("resume", "my-hinge", "--note", "physio")
        _ = try sandbox.run("delete", "1", "--yes")
        _ = try sandbox.run("delete", "2", "--yes")
        #expect(try sandbox.sql("SELECT count(*) FROM entries") == "0\n")
        let remove = try sandbox.run("exercises", "remove", "my-hinge")
        #expect(try sandbox.sql("SELECT count(*) FROM change_exercise_reviews") == "1\n", "\(remove)")
        try sandbox.damage(
            "UPDATE change_exercise_reviews SET seen = json_object('\(RecordSQL.ownReplica)', \(Self.beyondTheClock));")
        let check = try sandbox.run("check")
        let said = check.stderr.replacingOccurrences(of: "\n", with: " ")
        let named: String =
            "- change_exercise_reviews row 1, column seen: \(Self.beyondTheClock), where journal writes, of each replica, the latest reading of its clock "
            + "the journal had when the review was recorded, here at most \(try latestReading())"
        #expect(said.contains(named), "\(check)")
        try runFix(in: check.stderr)
        let fixed =
            "SELECT count(*) FROM %@ WHERE json_extract(seen, '$.\"\(RecordSQL.ownReplica)\"') <= "
            + "(SELECT last FROM replica_clocks WHERE self = 1)"
        #expect(try sandbox.sql(String(format: fixed, "change_exercise_reviews")) == "1\n")
        try sandbox.change("undo")
        #expect(try sandbox.sql(String(format: fixed, "reviews")) == "1\n")
        let quiet = try sandbox.run("check")
        #expect(!quiet.stderr.contains("column seen"), "\(quiet)")
    }
}
