import Foundation
import Testing

/// What a fresh-context tester found in edits and their undo (issue #26): edits that change
/// nothing, an ambiguous local time, a change of the plan's order.
@Suite struct UndoEditsCommandTests {
    let sandbox = Sandbox()

    init() {
        sandbox.environment["TZ"] = "Europe/London"
        sandbox.environment["JOURNAL_NOW"] = "2026-11-20T10:00:00Z"
    }

    /// Ten edits giving what the entry has record nothing: undo still reaches the delete before them.
    @Test func editsThatChangeNothingTakeNoUndoSlot() throws {
        try sandbox.change("log", "bird-dog", "--pain-before", "2", "--pain-after", "2", "--reps", "8", "--at", "9am")
        try sandbox.change("delete", "1", "--yes")
        try sandbox.change(
            "log", "glute-bridge", "--pain-before", "2", "--pain-after", "2", "--at", "9:30am")
        try sandbox.change("checkin", "--pain", "3", "--at", "8am")
        let changes = try sandbox.sql("SELECT count(*) FROM changes")
        for _ in 1...10 {
            let edit = try sandbox.run("edit", "2", "--pain-after", "2")
            #expect(edit.status == 0, "\(edit)")
            #expect(edit.stdout == "#2 already had what you gave; nothing changed.\n")
            #expect(edit.stderr == "")
            let checkIn = try sandbox.run("checkins", "edit", "1", "--pain", "3")
            #expect(checkIn.status == 0, "\(checkIn)")
            #expect(checkIn.stdout == "Check-in #1 already had what you gave; nothing changed.\n")
            #expect(checkIn.stderr == "")
        }
        let json = try sandbox.run("edit", "2", "--pain-before", "2", "--json")
        #expect(json.status == 0, "\(json)")
        #expect(json.stdout.contains("\"changed\" : false"))
        #expect(json.stderr == "#2 already had what you gave; nothing changed.\n")
        let checkInJSON = try sandbox.run("checkins", "edit", "1", "--pain", "3", "--json")
        #expect(checkInJSON.status == 0, "\(checkInJSON)")
        #expect(checkInJSON.stdout.contains("\"changed\" : false"))
        #expect(try sandbox.sql("SELECT count(*) FROM changes") == changes)
        #expect(
            try sandbox.run("undo").stdout == "Removed check-in #1 (pain 3, at 2026-11-20 08:00), recorded just now.\n")
        #expect(
            try sandbox.run("undo").stdout
                == "Removed #2 glute-bridge (1 set, pain 2 → 2, at 2026-11-20 09:30), logged just now.\n")
        #expect(try sandbox.run("undo").stdout == "Put back #1 bird-dog at 2026-11-20 09:00 (deleted just now).\n")
        #expect(try sandbox.sql("SELECT id, exercise_id FROM entries_with_ids") == "1|bird-dog\n")
    }

    /// 01:30 on 2026-11-01 happens twice in Toronto: undo names its offset; 00:30 happens once.
    @Test func undoShowsTheOffsetOfATimeThatOccursTwice() throws {
        sandbox.environment["TZ"] = "America/Toronto"
        try sandbox.change("checkin", "--pain", "3", "--at", "2026-11-01 00:30")
        try sandbox.change("checkins", "edit", "1", "--at", "2026-11-01T01:30-04:00")
        let undo = try sandbox.run("undo")
        #expect(undo.status == 0, "\(undo)")
        #expect(
            undo.stdout
                == "Check-in #1 (pain 3, 2026-11-01 00:30) is as it was before you edited it just now: "
                + "at 2026-11-01 00:30 (the edit had 2026-11-01 01:30 (UTC-04:00)).\n")
    }

    /// A plan set again only to move it in the order says so, and its undo names the order put back.
    @Test func aPlanMovedInTheOrderNamesTheOrder() throws {
        for id in ["glute-bridge", "bird-dog"] {
            try sandbox.change("plan", "set", id, "--sets", "3", "--reps", "10", "--per-week", "5")
        }
        try sandbox.change("plan", "set", "side-plank", "--sets", "2", "--hold", "30", "--per-week", "3")
        let set = try sandbox.run(
            "plan", "set", "side-plank", "--sets", "2", "--hold", "30", "--per-week", "3", "--order", "1")
        #expect(set.status == 0, "\(set)")
        #expect(
            set.stdout
                == "The plan for side-plank stays 2 × 30 s hold, 3 sessions a week, from 2026-11-20; order 1 (was 3).\n"
        )
        let undo = try sandbox.run("undo")
        #expect(undo.status == 0, "\(undo)")
        #expect(
            undo.stdout
                == "Put back the plan for side-plank: 2 × 30 s hold, 3 sessions a week, from 2026-11-20 "
                + "(undid plan set side-plank, just now): order 3 (the change had 1).\n")
        #expect(
            try sandbox.sql("SELECT exercise_id FROM plan ORDER BY position") == "glute-bridge\nbird-dog\nside-plank\n")
    }
}
