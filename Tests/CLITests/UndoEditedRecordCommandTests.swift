import Foundation
import Testing

/// Undo of an edit puts the record back only while it is as the edit left it.
///
/// Issue #25, a tester: the edited record deleted from outside and another, logged in the same
/// second at the same time, given its id; undo of the edit overwrote that other record with the
/// edited one's old values, exit 0 (the change log kept only the copy before the edit, and every
/// check compares what that copy says with times of recording, whole seconds). The edit now keeps
/// what it left too (schema.sql, v25-edit-results): anything else there is refused with exit 65,
/// nothing changed; what the edit left, and every later change undone first, undo goes ahead.
@Suite struct UndoEditedRecordCommandTests {
    let sandbox = Sandbox(timeZone: "UTC")

    init() {
        sandbox.environment["JOURNAL_NOW"] = "2026-11-20T18:00:00Z"
    }

    /// Runs `undo`: refused for `record` #1, every table in `unchanged` (and the change log) as it was.
    func expectRefused(_ record: String, edit: String, list: String, unchanged tables: [String]) throws {
        let tables = tables + ["changes", "change_entries", "change_checkins"]
        let before = try tables.map { try sandbox.sql("SELECT * FROM \($0) ORDER BY 1") }
        let run = try sandbox.run("undo")
        #expect(run.status == 65, "\(run)")
        #expect(run.stdout.isEmpty, "\(run)")
        #expect(
            run.stderr
                == "journal: cannot undo the latest change, the edit of \(record) #1: #1 is no longer as the edit "
                + "left it (changed from outside since, or its id given to another \(record)), and undo never "
                + "overwrites what the edit did not write; nothing was changed. To change #1 back by hand, "
                + "`\(edit) 1` with the values it should have (`\(list)` shows it as it stands).\n", "\(run)")
        #expect(try tables.map { try sandbox.sql("SELECT * FROM \($0) ORDER BY 1") } == before)
    }

    @Test func anEntryWhoseIDAnotherEntryTookIsNotOverwritten() throws {
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-20 08:00")
        try sandbox.log("glute-bridge", "--pain-before", "2", "--pain-after", "2", "--at", "2026-11-20 08:00")
        try sandbox.change("edit", "1", "--pain-after", "2")
        // From outside: #1 deleted, and #2, recorded in the same second at the same time, given its number.
        try sandbox.damage(
            "DELETE FROM entries WHERE uid = (SELECT uid FROM entry_ids WHERE id = 1); "
                + "DELETE FROM entry_ids WHERE id = 1; UPDATE entry_ids SET id = 1 WHERE id = 2;")
        try expectRefused("entry", edit: "journal edit", list: "journal list", unchanged: ["entries"])
        #expect(
            try sandbox.sql("SELECT id, exercise_id, pain_before, pain_after FROM entries_with_ids")
                == "1|glute-bridge|2|2\n")
        // With --json, its one object, nothing undone, and the same refusal; nothing changed.
        let json = try sandbox.run("undo", "--json")
        #expect(json.status == 65, "\(json)")
        #expect(json.stdout.contains("\"undone\" : false"), "\(json)")
        #expect(
            json.stdout.contains("\"message\" : \"cannot undo the latest change, the edit of entry #1: "), "\(json)")
        #expect(
            try sandbox.sql("SELECT id, exercise_id, pain_before, pain_after FROM entries_with_ids")
                == "1|glute-bridge|2|2\n")

        // The edited entry changed from outside in one value alone: refused too.
        try sandbox.damage(
            "DELETE FROM entries; INSERT INTO entries (uid, exercise_id, performed_at, utc_offset, sets, reps, "
                + "hold_seconds, side, pain_before, pain_after, note, created_at, recorded) "
                + "SELECT (SELECT uid FROM entry_ids WHERE id = 1), exercise_id, performed_at, utc_offset, sets, reps, "
                + "hold_seconds, side, pain_before, 5, note, created_at, "
                + "coalesce(recorded, \(RecordSQL.latestReading)) "
                + "FROM change_entries WHERE change_id = 3;")
        try expectRefused("entry", edit: "journal edit", list: "journal list", unchanged: ["entries"])

        // Put back as the edit left it, the undo goes ahead.
        try sandbox.damage("UPDATE entries SET pain_after = 2 WHERE uid = (SELECT uid FROM entry_ids WHERE id = 1);")
        let undo = try sandbox.run("undo")
        #expect(undo.status == 0, "\(undo)")
        #expect(
            undo.stdout == "#1 bird-dog is as it was before you edited it just now: pain 3 → 3 (the edit had 3 → 2).\n")
        #expect(
            try sandbox.sql("SELECT id, exercise_id, pain_before, pain_after FROM entries_with_ids")
                == "1|bird-dog|3|3\n")
    }

    @Test func aCheckInWhoseIDAnotherCheckInTookIsNotOverwritten() throws {
        try sandbox.change("checkin", "--pain", "3", "--red-flag", "fever", "--at", "2026-11-20 08:00")
        try sandbox.change("checkin", "--pain", "3", "--at", "2026-11-20 08:00")
        try sandbox.change("checkins", "edit", "1", "--pain", "5")
        try sandbox.damage(
            "DELETE FROM checkin_red_flags WHERE checkin_uid = (SELECT uid FROM checkin_ids WHERE id = 1); "
                + "DELETE FROM checkins WHERE uid = (SELECT uid FROM checkin_ids WHERE id = 1); "
                + "DELETE FROM checkin_ids WHERE id = 1; UPDATE checkin_ids SET id = 1 WHERE id = 2; "
                + "UPDATE checkins SET pain = 5 WHERE uid = (SELECT uid FROM checkin_ids WHERE id = 1);")
        // The same check-in values, but not its red flags: another check-in.
        try expectRefused(
            "check-in", edit: "journal checkins edit", list: "journal checkins",
            unchanged: ["checkins", "checkin_red_flags"])
        #expect(
            try sandbox.sql(
                "SELECT id, pain FROM checkins_with_ids ORDER BY id; SELECT count(*) FROM checkin_red_flags")
                == "1|5\n0\n")

        // The edited check-in as the edit left it, but with a red flag more from outside: refused.
        try sandbox.damage(
            "DELETE FROM checkins; INSERT INTO checkins (uid, performed_at, utc_offset, pain, note, created_at, "
                + "recorded) SELECT (SELECT uid FROM checkin_ids WHERE id = 1), performed_at, utc_offset, 5, note, "
                + "created_at, coalesce(recorded, \(RecordSQL.latestReading)) "
                + "FROM change_checkins WHERE change_id = 3; "
                + "INSERT INTO checkin_red_flags (checkin_uid, red_flag) SELECT uid, column1 FROM checkin_ids, "
                + "(VALUES ('fever'), ('night-pain')) WHERE id = 1;")
        try expectRefused(
            "check-in", edit: "journal checkins edit", list: "journal checkins",
            unchanged: ["checkins", "checkin_red_flags"])

        try sandbox.damage("DELETE FROM checkin_red_flags WHERE red_flag = 'night-pain';")
        let undo = try sandbox.run("undo")
        #expect(undo.status == 0, "\(undo)")
        #expect(
            undo.stdout
                == "Check-in #1 (pain 3, 2026-11-20 08:00) is as it was before you edited it just now: pain 3 "
                + "(the edit had 5).\n")
        #expect(
            try sandbox.sql(
                "SELECT id, pain FROM checkins_with_ids ORDER BY id; SELECT * FROM checkin_red_flags_with_ids")
                == "1|3\n1|fever\n")
    }

    /// An entry edited twice, then deleted: each undo finds what the change after it left, and goes ahead.
    @Test func anEntryEditedAgainAndDeletedIsUndoneChangeByChange() throws {
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-20 08:00")
        try sandbox.change("edit", "1", "--pain-after", "2")
        try sandbox.change("edit", "1", "--note", "felt a twinge")
        try sandbox.change("delete", "1", "--yes")
        let undone = try (1...3).map { _ in try sandbox.run("undo") }
        #expect(undone.map(\.status) == [0, 0, 0], "\(undone)")
        #expect(
            undone.map(\.stdout) == [
                "Put back #1 bird-dog at 2026-11-20 08:00 (deleted just now).\n",
                "#1 bird-dog is as it was before you edited it just now: no note (the edit had added one).\n",
                "#1 bird-dog is as it was before you edited it just now: pain 3 → 3 (the edit had 3 → 2).\n",
            ])
        #expect(try sandbox.sql("SELECT id, pain_after, note IS NULL FROM entries_with_ids") == "1|3|1\n")
    }

    /// A check-in edited twice, the red flags by the second, then deleted: undone change by change.
    @Test func aCheckInEditedAgainAndDeletedIsUndoneChangeByChange() throws {
        try sandbox.change("checkin", "--pain", "3", "--at", "2026-11-20 08:00")
        try sandbox.change("checkins", "edit", "1", "--pain", "4")
        try sandbox.change("checkins", "edit", "1", "--red-flag", "fever", "--red-flag", "night-pain")
        try sandbox.change("checkins", "delete", "1", "--yes")
        let undone = try (1...3).map { _ in try sandbox.run("undo") }
        #expect(undone.map(\.status) == [0, 0, 0], "\(undone)")
        #expect(
            undone.map(\.stdout) == [
                "Put back check-in #1 (pain 4) at 2026-11-20 08:00 with red flags fever, night-pain (deleted just now).\n"
                    + "The red flag of check-in #1 at 2026-11-20 08:00 begins now: the undo began it; it stands until a "
                    + "doctor has seen you, then record that with: journal resume --red-flags\n",
                "Check-in #1 (pain 4, 2026-11-20 08:00) is as it was before you edited it just now: red flags: none "
                    + "(the edit had fever, night-pain).\n"
                    + "The red flag of check-in #1 at 2026-11-20 08:00 is lifted: the change undone had it. "
                    + "You recorded a high temperature, or feeling hot and shivery; pain that does not improve after "
                    + "resting, or is much worse at night.\n",
                "Check-in #1 (pain 3, 2026-11-20 08:00) is as it was before you edited it just now: pain 3 "
                    + "(the edit had 4).\n",
            ])
        #expect(
            try sandbox.sql(
                "SELECT id, pain FROM checkins_with_ids ORDER BY id; SELECT count(*) FROM checkin_red_flags_with_ids")
                == "1|3\n0\n")
    }
}
