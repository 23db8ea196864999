import Foundation
import Testing

/// A kept row renumbered to a record another change made in the same second: refused.
///
/// Issue #25, a tester: two `resume`s at one `JOURNAL_NOW`, and undo of the second removed the
/// first one's review, exit 0. Times of recording are whole seconds, so the guard is by id: a
/// record a change added has an id above every one an earlier change named, and an activity a
/// change retired was retired by no earlier one. Refused with exit 65, nothing changed; put
/// right, the undo goes ahead.
@Suite struct UndoSameSecondCommandTests {
    let sandbox = Sandbox(timeZone: "UTC")

    init() {
        sandbox.environment["JOURNAL_NOW"] = "2026-11-20T18:00:00Z"
    }

    /// Points the latest change's rows in `keptIn` (those with `action`) at `id`.
    func renumber(_ keptIn: String, to id: Int, action: String? = nil) throws {
        let only = action.map { " AND action = '\($0)'" } ?? ""
        try sandbox.damage(
            "UPDATE \(keptIn) SET id = \(id) WHERE change_id = (SELECT max(id) FROM changes)\(only);")
    }

    /// Runs `undo` on the renumbered row: refused naming it, every table in `unchanged` as it was.
    func expectRefused(_ reason: String, unchanged tables: [String]) throws {
        let tables = tables + ["changes"]
        let before = try tables.map { try sandbox.sql("SELECT * FROM \($0) ORDER BY 1") }
        let run = try sandbox.run("undo")
        #expect(run.status == 65, "\(run)")
        #expect(run.stdout.isEmpty, "\(run)")
        #expect(
            run.stderr
                == "journal: cannot undo the latest change: what it kept to undo it was changed from outside "
                + "(\(reason)), and journal never puts back what it did not keep; nothing was changed. "
                + "`journal check` shows the journal as it stands.\n", "\(run)")
        #expect(try tables.map { try sandbox.sql("SELECT * FROM \($0) ORDER BY 1") } == before)
    }

    func added(_ keptIn: String, _ record: String, id: Int, earlier: Int) -> String {
        "\(keptIn) names \(record) #\(id) as one the change added, and an earlier change named #\(earlier): journal "
            + "gives a new \(record) an id above every one before it, so #\(id) is another \(record), which undo "
            + "never removes or replaces"
    }

    @Test func twoLogsInOneSecond() throws {
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-20 08:00")
        try sandbox.log("glute-bridge", "--pain-before", "2", "--pain-after", "2", "--at", "2026-11-20 09:00")
        try renumber("change_entries", to: 1)
        try expectRefused(added("change_entries", "entry", id: 1, earlier: 1), unchanged: ["entries"])
        try renumber("change_entries", to: 2)
        try sandbox.change("undo")
        #expect(try sandbox.sql("SELECT id, exercise_id FROM entries_with_ids") == "1|bird-dog\n")
    }

    @Test func twoCheckInsInOneSecond() throws {
        try sandbox.change("checkin", "--pain", "3", "--red-flag", "fever", "--at", "2026-11-20 08:00")
        try sandbox.change("checkin", "--pain", "2", "--at", "2026-11-20 09:00")
        try renumber("change_checkins", to: 1)
        try expectRefused(
            added("change_checkins", "check-in", id: 1, earlier: 1), unchanged: ["checkins", "checkin_red_flags"])
        try renumber("change_checkins", to: 2)
        try sandbox.change("undo")
        #expect(try sandbox.sql("SELECT id, pain FROM checkins_with_ids ORDER BY id") == "1|3\n")
        #expect(try sandbox.sql("SELECT * FROM checkin_red_flags_with_ids") == "1|fever\n")
    }

    /// Two physiotherapist's reviews, and two doctor's visits, each made in one second.
    @Test func twoResumesInOneSecond() throws {
        for hour in ["08", "09"] {
            try sandbox.log("bird-dog", "--pain-before", "2", "--pain-after", "5", "--at", "2026-11-20 \(hour):00")
            try sandbox.change("resume", "bird-dog", "--note", "physio at \(hour)")
        }
        try renumber("change_reviews", to: 1)
        try expectRefused(
            added("change_reviews", "physiotherapist's review", id: 1, earlier: 1), unchanged: ["reviews"])
        try renumber("change_reviews", to: 2)
        try sandbox.change("undo")
        #expect(try sandbox.sql("SELECT id, note FROM reviews_with_ids") == "1|physio at 08\n")

        for hour in ["10", "11"] {
            try sandbox.change("checkin", "--pain", "2", "--red-flag", "fever", "--at", "2026-11-20 \(hour):00")
            try sandbox.change("resume", "--red-flags", "--note", "GP at \(hour)")
        }
        try renumber("change_red_flag_reviews", to: 1)
        try expectRefused(
            added("change_red_flag_reviews", "red-flag review", id: 1, earlier: 1), unchanged: ["red_flag_reviews"])
        try renumber("change_red_flag_reviews", to: 2)
        try sandbox.change("undo")
        #expect(try sandbox.sql("SELECT id, note FROM red_flag_reviews_with_ids") == "1|GP at 10\n")
    }

    /// PSFS activities added, rated and retired, two of each in one second.
    @Test func twoPSFSChangesOfEachKindInOneSecond() throws {
        try sandbox.change("psfs", "add", "putting on socks", "--at", "2026-11-20 08:00")
        try sandbox.change("psfs", "add", "lifting a child", "--at", "2026-11-20 08:00")
        try renumber("change_psfs", to: 1)
        try expectRefused(
            added("change_psfs", "PSFS activity", id: 1, earlier: 1), unchanged: ["psfs_activities"])
        try renumber("change_psfs", to: 2)

        try sandbox.change("psfs", "rate", "1", "4", "--at", "2026-11-20 09:00")
        try sandbox.change("psfs", "rate", "2", "6", "--at", "2026-11-20 09:00")
        try renumber("change_psfs", to: 1)
        try expectRefused(added("change_psfs", "PSFS rating", id: 1, earlier: 1), unchanged: ["psfs_ratings"])
        try renumber("change_psfs", to: 2)

        try sandbox.change("psfs", "remove", "1")
        try sandbox.change("psfs", "remove", "2")
        try renumber("change_psfs", to: 1)
        try expectRefused(
            "change_psfs names PSFS activity #1 as one the change retired, and an earlier change, not undone, "
                + "retired it: another PSFS activity, which undo never makes active again",
            unchanged: ["psfs_activities"])
        // An active activity named: the change retired none of it.
        try sandbox.damage(
            "UPDATE psfs_activities SET retired_at = NULL WHERE uid = (SELECT uid FROM psfs_activity_ids WHERE id = 1);"
        )
        try expectRefused(
            "change_psfs names PSFS activity #1 as one the change retired, and it is active: another PSFS "
                + "activity, which undo never makes active again",
            unchanged: ["psfs_activities"])
        try sandbox.damage(
            "UPDATE psfs_activities SET retired_at = 1795197600 "
                + "WHERE uid = (SELECT uid FROM psfs_activity_ids WHERE id = 1);"
        )
        try renumber("change_psfs", to: 2)

        // Put right, each undo takes back its own record, the one the other change made still there.
        try sandbox.change("undo")
        #expect(
            try sandbox.sql("SELECT id, retired_at IS NULL FROM psfs_activities_with_ids ORDER BY id") == "1|0\n2|1\n")
        try sandbox.change("undo")
        #expect(
            try sandbox.sql("SELECT id FROM psfs_activities_with_ids WHERE retired_at IS NULL ORDER BY id") == "1\n2\n")
        try sandbox.change("undo")
        #expect(try sandbox.sql("SELECT id, score FROM psfs_ratings_with_ids") == "1|4\n")
        try sandbox.change("undo")
        try sandbox.change("undo")
        #expect(try sandbox.sql("SELECT id, activity FROM psfs_activities_with_ids") == "1|putting on socks\n")
    }

    /// Two deletes, the second's copy renumbered to the entry the first deleted, and the same for check-ins.
    ///
    /// Put back as #1, it would lose the real #1 for good.
    @Test func twoDeletesOfEachKind() throws {
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-20 08:00")
        try sandbox.log("glute-bridge", "--pain-before", "2", "--pain-after", "2", "--at", "2026-11-20 09:00")
        try sandbox.change("delete", "1", "--yes")
        try sandbox.change("delete", "2", "--yes")
        try renumber("change_entries", to: 1)
        try expectRefused(
            "change #4, a delete, holds a copy of entry #1 in change_entries to put back, and change #3, a delete "
                + "made before it and not undone, had deleted #1 already: the copy is of another entry, which undo "
                + "never puts back as #1",
            unchanged: ["entries", "change_entries"])
        try renumber("change_entries", to: 2)
        try sandbox.change("undo")
        #expect(try sandbox.sql("SELECT id, exercise_id FROM entries_with_ids") == "2|glute-bridge\n")

        try sandbox.change("checkin", "--pain", "3", "--at", "2026-11-20 08:00")
        try sandbox.change("checkin", "--pain", "2", "--at", "2026-11-20 09:00")
        try sandbox.change("checkins", "delete", "1", "--yes")
        try sandbox.change("checkins", "delete", "2", "--yes")
        try renumber("change_checkins", to: 1)
        try expectRefused(
            "change #8, a check-in delete, holds a copy of check-in #1 in change_checkins to put back, and change "
                + "#7, a check-in delete made before it and not undone, had deleted #1 already: the copy is of "
                + "another check-in, which undo never puts back as #1",
            unchanged: ["checkins", "change_checkins"])
        try renumber("change_checkins", to: 2)
        try sandbox.change("undo")
        #expect(try sandbox.sql("SELECT id, pain FROM checkins_with_ids ORDER BY id") == "2|2\n")
    }

    /// An import's added row renumbered to the entry logged before it: undo would remove that one.
    @Test func anImportAfterALog() throws {
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-20 08:00")
        try sandbox.change(
            "import", "-",
            stdin: "id,performed_at,exercise,side,sets,reps,hold_seconds,pain_before,pain_after,pain_change,flagged,"
                + "note\r\n7,2026-11-19T09:00:00+00:00,glute-bridge,,3,10,,2,2,0,false,\r\n")
        let imported = try sandbox.sql("SELECT id FROM change_entries WHERE change_id = 2")
        try renumber("change_entries", to: 1)
        try expectRefused(
            "change #2, an import, names entry #1 in change_entries as one it added, and change #1, a log made "
                + "before it, named #1 while it was in the journal: another entry, which undo never removes",
            unchanged: ["entries", "change_entries"])
        try renumber("change_entries", to: Int(imported.dropLast())!)
        try sandbox.change("undo")
        #expect(try sandbox.sql("SELECT id, exercise_id FROM entries_with_ids") == "1|bird-dog\n")
    }
}
