import Foundation
import Testing

/// `journal undo` of a delete (issue #28, docs/sync-ids.md "`undo` under sync"): the record comes
/// back under a new uid, its alias and its `recorded` reading kept, synced or not.
@Suite struct UndoDeleteCommandTests {
    let sandbox = Sandbox()

    /// The uid and the reading of the record of `table` whose alias (in `aliases`) is `id`, as
    /// sqlite3 prints them (`uid|recorded`); empty when there is none.
    /// (`reading`: the column that holds it, `seen` for a review.)
    static func record(
        _ table: String, _ aliases: String, _ id: Int, in sandbox: Sandbox, reading: String = "recorded"
    ) throws -> String {
        try sandbox.sql(
            "SELECT t.uid || '|' || t.\(reading) FROM \(table) AS t JOIN \(aliases) AS a ON a.uid = t.uid "
                + "WHERE a.id = \(id)")
    }

    /// The uid in a line ``record(_:_:_:in:)`` printed.
    static func uid(_ line: String) -> String { String(line.prefix { $0 != "|" }) }

    /// The reading in a line ``record(_:_:_:in:)`` printed.
    static func recorded(_ line: String) -> String {
        String(line.drop { $0 != "|" }.dropFirst()).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// An alias table's rows and its counter, as sqlite3 prints them.
    func aliases(_ table: String) throws -> String {
        try sandbox.sql(
            "SELECT count(*) FROM \(table); SELECT seq FROM sqlite_sequence WHERE name = '\(table)';")
    }

    /// Delete then undo: entry #1 is back as #1 (no new alias, the counter where it was) under a
    /// new uid, with the reading that recorded it, so its hold stands again and `journal check`
    /// reads as before the delete; the old uid is named nowhere.
    @Test func undoingADeletePutsTheEntryBackUnderANewUIDWithItsAliasAndReading() throws {
        try sandbox.log("glute-bridge", "--pain-before", "3", "--pain-after", "6", "--sets", "3", "--reps", "10")
        try sandbox.log("bird-dog", "--pain-before", "2", "--pain-after", "2", "--sets", "2", "--reps", "8")
        let before = try Self.record("entries", "entry_ids", 1, in: sandbox)
        try #require(Self.uid(before).count == 36, "\(before)")
        let aliasesBefore = try aliases("entry_ids")
        let check = try sandbox.run("check")
        let list = try sandbox.run("list").stdout
        try sandbox.change("delete", "1", "--yes")
        #expect(try sandbox.run("check").stdout != check.stdout, "the hold the entry began is lifted")

        let undo = try sandbox.run("undo")
        #expect(undo.status == 0, "\(undo)")
        let after = try Self.record("entries", "entry_ids", 1, in: sandbox)
        #expect(Self.uid(after).count == 36, "\(after)")
        #expect(Self.uid(after) != Self.uid(before))
        #expect(Self.recorded(after) == Self.recorded(before))
        #expect(try aliases("entry_ids") == aliasesBefore)
        #expect(try sandbox.sql("SELECT count(*) FROM entry_ids WHERE uid = '\(Self.uid(before))'") == "0\n")
        #expect(try sandbox.sql("SELECT id FROM entries_with_ids ORDER BY id") == "1\n2\n")
        let checkAfter = try sandbox.run("check")
        #expect(checkAfter.stdout == check.stdout && checkAfter.status == check.status, "\(check)\n\(checkAfter)")
        #expect(try sandbox.run("list").stdout == list)
    }

    /// After the undo, the entry is edited by its alias (under its new uid), and that edit is
    /// undone in turn; then undo walks on back to the logs before the delete, newest first,
    /// removing the entry put back too.
    @Test func theEntryPutBackIsEditedByItsAliasAndUndoReachesTheOlderChanges() throws {
        try sandbox.log("glute-bridge", "--pain-before", "3", "--pain-after", "6", "--sets", "3", "--reps", "10")
        try sandbox.log("bird-dog", "--pain-before", "2", "--pain-after", "2", "--sets", "2", "--reps", "8")
        try sandbox.change("delete", "1", "--yes")
        try sandbox.change("undo")
        let putBack = try Self.record("entries", "entry_ids", 1, in: sandbox)

        let edit = try sandbox.run("edit", "1", "--pain-after", "5")
        #expect(edit.status == 0, "\(edit)")
        #expect(try sandbox.sql("SELECT pain_after FROM entries_with_ids WHERE id = 1") == "5\n")
        #expect(Self.uid(try Self.record("entries", "entry_ids", 1, in: sandbox)) == Self.uid(putBack))
        try sandbox.change("undo")
        #expect(try sandbox.sql("SELECT pain_after FROM entries_with_ids WHERE id = 1") == "6\n")
        #expect(try Self.record("entries", "entry_ids", 1, in: sandbox) == putBack)

        // The undone delete was forgotten by the edit; the two logs are still there to undo.
        try sandbox.change("undo")
        #expect(try sandbox.sql("SELECT id FROM entries_with_ids ORDER BY id") == "1\n")
        try sandbox.change("undo")
        #expect(try sandbox.sql("SELECT count(*) FROM entries") == "0\n")
    }

    /// A second undo right after the undone delete reaches the log before it.
    @Test func aSecondUndoReachesTheChangeBeforeTheDelete() throws {
        try sandbox.log("glute-bridge", "--pain-before", "3", "--pain-after", "6", "--sets", "3", "--reps", "10")
        try sandbox.log("bird-dog", "--pain-before", "2", "--pain-after", "2", "--sets", "2", "--reps", "8")
        try sandbox.change("delete", "1", "2", "--yes")
        try sandbox.change("undo")
        #expect(try sandbox.sql("SELECT id FROM entries_with_ids ORDER BY id") == "1\n2\n")
        let second = try sandbox.run("undo")
        #expect(second.status == 0, "\(second)")
        #expect(second.stdout.contains("Removed #2 bird-dog"), "\(second)")
        try sandbox.change("undo")
        #expect(try sandbox.sql("SELECT count(*) FROM entries; SELECT count(*) FROM entry_ids") == "0\n0\n")
    }

    /// `checkins delete` then undo: the check-in is back as #1 under a new uid with its reading,
    /// its red flag under that uid, and the red flag stands again as before.
    @Test func undoingACheckInDeletePutsItBackUnderANewUIDWithItsRedFlags() throws {
        try sandbox.change("checkin", "--pain", "4", "--red-flag", "chest-pain")
        let before = try Self.record("checkins", "checkin_ids", 1, in: sandbox)
        let aliasesBefore = try aliases("checkin_ids")
        let check = try sandbox.run("check")
        try sandbox.change("checkins", "delete", "1", "--yes")

        let undo = try sandbox.run("undo")
        #expect(undo.status == 0, "\(undo)")
        let after = try Self.record("checkins", "checkin_ids", 1, in: sandbox)
        #expect(Self.uid(after).count == 36, "\(after)")
        #expect(Self.uid(after) != Self.uid(before))
        #expect(Self.recorded(after) == Self.recorded(before))
        #expect(try aliases("checkin_ids") == aliasesBefore)
        #expect(
            try sandbox.sql("SELECT checkin_uid || '|' || red_flag FROM checkin_red_flags")
                == "\(Self.uid(after))|chest-pain\n")
        let checkAfter = try sandbox.run("check")
        #expect(checkAfter.stdout == check.stdout && checkAfter.status == check.status, "\(check)\n\(checkAfter)")
        let edit = try sandbox.run("checkins", "edit", "1", "--pain", "3")
        #expect(edit.status == 0, "\(edit)")
    }

    /// The physiotherapist's review `exercises remove` took with the exercise comes back under a
    /// new uid with what it had seen, and the entry deleted before it under a new uid with its
    /// reading: the review covers the entry again, and no hold stands, as before.
    @Test func undoingAnExerciseRemovalPutsItsReviewBackUnderANewUIDWithWhatItHadSeen() throws {
        try sandbox.change("exercises", "add", "cat-cow", "--name", "Cat-cow", "--category", "stretch")
        try sandbox.change("log", "cat-cow", "--pain-before", "3", "--pain-after", "4", "--reps", "5")
        try sandbox.change("resume", "cat-cow")
        let review = try sandbox.sql("SELECT uid || '|' || seen FROM reviews")
        let check = try sandbox.run("check")
        try sandbox.change("delete", "1", "--yes")
        try sandbox.change("exercises", "remove", "cat-cow")
        #expect(try sandbox.sql("SELECT count(*) FROM reviews") == "0\n")

        try sandbox.change("undo")
        let back = try Self.record("reviews", "review_ids", 1, in: sandbox, reading: "seen")
        #expect(Self.uid(back) != Self.uid(review))
        #expect(Self.recorded(back) == Self.recorded(review))
        #expect(try sandbox.sql("SELECT count(*) FROM review_ids") == "1\n")
        try sandbox.change("undo")
        let checkAfter = try sandbox.run("check")
        #expect(checkAfter.stdout == check.stdout && checkAfter.status == check.status, "\(check)\n\(checkAfter)")
    }

    /// The same while the journal syncs: the undo puts the entry and the check-in back under new
    /// uids (the old ones stay tombstoned), `journal sync` sends it, and a device that joins
    /// afterwards holds each once, under its new uid, with its red flag.
    @Test func undoingADeleteWhileTheJournalSyncsSendsTheRecordUnderItsNewUID() throws {
        let devices = try SyncCommandTests.Devices()
        let first = devices[0]
        try first.log("glute-bridge", "--pain-before", "3", "--pain-after", "6", "--sets", "3", "--reps", "10")
        try first.change("checkin", "--pain", "4", "--red-flag", "chest-pain")
        try devices.join(0)
        let entry = try Self.record("entries", "entry_ids", 1, in: first)
        let checkIn = try Self.record("checkins", "checkin_ids", 1, in: first)
        try first.change("delete", "1", "--yes")
        try first.change("checkins", "delete", "1", "--yes")

        for _ in 0..<2 {
            let undo = try first.run("undo")
            #expect(undo.status == 0, "\(undo)")
        }
        let entryBack = try Self.record("entries", "entry_ids", 1, in: first)
        let checkInBack = try Self.record("checkins", "checkin_ids", 1, in: first)
        #expect(Self.uid(entryBack) != Self.uid(entry) && Self.recorded(entryBack) == Self.recorded(entry))
        #expect(Self.uid(checkInBack) != Self.uid(checkIn) && Self.recorded(checkInBack) == Self.recorded(checkIn))
        try devices.sync(0)

        let second = devices[1]
        try devices.join(1)
        #expect(try second.sql("SELECT uid || '|' || recorded FROM entries") == entryBack)
        #expect(try second.sql("SELECT uid || '|' || recorded FROM checkins") == checkInBack)
        #expect(
            try second.sql("SELECT checkin_uid || '|' || red_flag FROM checkin_red_flags")
                == "\(Self.uid(checkInBack))|chest-pain\n")
        // The same hold and red flag stand on both; the numbers people type are each device's own
        // (the second gave #1 to the deleted uid it merged first, and #2 to the new one).
        #expect(try second.sql("SELECT id FROM entries_with_ids; SELECT id FROM checkins_with_ids") == "2\n2\n")
        let (checkFirst, checkSecond) = (try first.run("check"), try second.run("check"))
        #expect(checkSecond.status == checkFirst.status)
        #expect(checkSecond.stdout == checkFirst.stdout.replacingOccurrences(of: "#1", with: "#2"), "\(checkSecond)")
        let status = try first.run("sync", "status", "--json")
        #expect(status.stdout.contains("\"unsent_changes\" : 0"), "\(status)")
    }
}
