import Foundation
import Testing

/// Issue #26's slips a tester found in `plan set`, `undo` and PSFS: each run through the built
/// binary, its output, exit status and the journal after, with values worked out by hand.
@Suite struct PlanUndoSlipsCommandTests {
    let sandbox = Sandbox()

    /// The plan's rows as sqlite3 prints them: exercise, dose, sessions a week, start, place.
    func plan() throws -> String {
        try sandbox.sql(
            "SELECT exercise_id, sets, reps, per_week, since, position FROM plan ORDER BY position")
    }

    // MARK: Plan set again

    /// A plan typed again only to move it keeps its start, so the week's sessions still count.
    ///
    /// bird-dog planned 5 a week from Monday 16 Nov, logged 16–19 Nov; typed again on Thursday 19 Nov
    /// at 20:00 only to move it after glute-bridge: its start stays 16 Nov, so Friday asks for the
    /// fifth session of 5 (4 done), not "1 of 3" (5 × 4 days ÷ 7 = 2.9, rounded, from the 19th with
    /// one session). Undo puts the order back and nothing else; typed again as it stands, nothing changes.
    @Test func thePlanTypedAgainOnlyToMoveItKeepsItsStart() throws {
        sandbox.environment["JOURNAL_NOW"] = "2026-11-16T09:00:00Z"
        let set = try sandbox.run("plan", "set", "bird-dog", "--sets", "2", "--reps", "8", "--per-week", "5")
        #expect(set.stdout == "Planned bird-dog: 2 × 8 reps, 5 sessions a week, from 2026-11-16.\n", "\(set)")
        try sandbox.change("plan", "set", "glute-bridge", "--sets", "3", "--reps", "10", "--per-week", "3")
        sandbox.environment["JOURNAL_NOW"] = "2026-11-19T20:00:00Z"
        for day in 16...19 {
            try sandbox.log(
                "bird-dog", "--sets", "2", "--reps", "8", "--pain-before", "2", "--pain-after", "2", "--at",
                "2026-11-\(day) 10:00")
        }
        let before = try plan()
        #expect(before == "bird-dog|2|8|5|2026-11-16|1\nglute-bridge|3|10|3|2026-11-16|2\n")
        let moved = try sandbox.run(
            "plan", "set", "bird-dog", "--sets", "2", "--reps", "8", "--per-week", "5", "--order", "2")
        #expect(moved.status == 0)
        #expect(
            moved.stdout
                == "The plan for bird-dog stays 2 × 8 reps, 5 sessions a week, from 2026-11-16; order 2 (was 1).\n")
        #expect(moved.stderr == "")
        #expect(try plan() == "glute-bridge|3|10|3|2026-11-16|1\nbird-dog|2|8|5|2026-11-16|2\n")

        sandbox.environment["JOURNAL_NOW"] = "2026-11-20T09:00:00Z"
        let today = try sandbox.run("today")
        #expect(today.status == 1)
        #expect(
            today.stdout == """
                Today, Friday 2026-11-20
                Due (`journal session` walks you through them):
                  glute-bridge  3 × 10 reps  0 of 3 this week
                  bird-dog      2 × 8 reps   4 of 5 this week

                """)
        let again = try sandbox.run("plan", "set", "bird-dog", "--sets", "2", "--reps", "8", "--per-week", "5")
        #expect(
            again.stdout
                == "The plan for bird-dog was already 2 × 8 reps, 5 sessions a week, from 2026-11-16; nothing changed.\n"
        )
        #expect(try sandbox.sql("SELECT count(*) FROM changes WHERE kind = 'plan'") == "3\n")

        sandbox.environment["JOURNAL_NOW"] = "2026-11-20T09:05:00Z"
        let undo = try sandbox.run("undo")
        #expect(undo.status == 0)
        #expect(
            undo.stdout
                == "Put back the plan for bird-dog: 2 × 8 reps, 5 sessions a week, from 2026-11-16 "
                + "(undid plan set bird-dog, 13 hours ago): order 1 (the change had 2).\n")
        #expect(try plan() == before)
    }

    /// A new dose, or a start typed with --since, starts that dose on its day and keeps the one before it, said so;
    /// the same dose typed on a later day changes nothing.
    @Test func aNewDoseOrAStartGivenStartsOnItsDayAndKeepsTheOneBefore() throws {
        sandbox.environment["JOURNAL_NOW"] = "2026-11-16T09:00:00Z"
        try sandbox.change("plan", "set", "bird-dog", "--sets", "2", "--reps", "8", "--per-week", "5")
        sandbox.environment["JOURNAL_NOW"] = "2026-11-20T09:00:00Z"
        let same = try sandbox.run("plan", "set", "bird-dog", "--sets", "2", "--reps", "8", "--per-week", "5")
        #expect(
            same.stdout
                == "The plan for bird-dog was already 2 × 8 reps, 5 sessions a week, from 2026-11-16; nothing changed.\n"
        )
        let fewer = try sandbox.run("plan", "set", "bird-dog", "--sets", "2", "--reps", "8", "--per-week", "4")
        #expect(
            fewer.stdout
                == "Planned bird-dog: 2 × 8 reps, 4 sessions a week, from 2026-11-20. Until then it was 2 × 8 reps, "
                + "5 sessions a week, from 2026-11-16: the sessions done before 2026-11-20 stay judged by that dose.\n")
        let given = try sandbox.run(
            "plan", "set", "bird-dog", "--sets", "2", "--reps", "8", "--per-week", "4", "--since", "2026-11-18")
        #expect(
            given.stdout
                == "Planned bird-dog: 2 × 8 reps, 4 sessions a week, from 2026-11-18. Until then it was 2 × 8 reps, "
                + "5 sessions a week, from 2026-11-16: the sessions done before 2026-11-18 stay judged by that dose.\n")
        #expect(try plan() == "bird-dog|2|8|4|2026-11-18|1\n")
        #expect(
            try sandbox.sql("SELECT exercise_id, since, sets, reps, per_week FROM plan_history")
                == "bird-dog|2026-11-16|2|8|5\n")
    }

    // MARK: Undo's depth

    /// Runs `journal log` `count` times, each a bird-dog session at a minute of its own.
    func log(_ count: Int, from first: Int) throws {
        for minute in first..<(first + count) {
            try sandbox.log(
                "bird-dog", "--pain-before", "2", "--pain-after", "2", "--at", "2026-11-25 10:\(minute + 10)")
        }
    }

    /// Undoes until undo says there is nothing more; returns how many it undid and what it said last.
    func undoAll() throws -> (undone: Int, last: String) {
        var undone = 0
        while true {
            let undo = try sandbox.run("undo")
            try #require(undo.status == 0, "\(undo)")
            if undo.stdout.isEmpty { return (undone, undo.stderr) }
            undone += 1
        }
    }

    static let beyondTheDepth =
        "Nothing more to undo: the last 10 changes were undone, and older changes cannot be "
        + "(undo goes back through the latest 10). To remove an entry, `journal delete ID` "
        + "(`journal list` shows the ids).\n"

    /// 11 logs (the first forgotten), one undone, one more logged: the 10 not undone are kept,
    /// and undo goes back through all of them (it went through 9).
    @Test func aChangeUndoneTakesNoPlaceInTheDepth() throws {
        try log(11, from: 0)
        #expect(try sandbox.run("undo").stdout.hasPrefix("Removed #11 bird-dog"))
        try log(1, from: 11)
        let (undone, last) = try undoAll()
        #expect(undone == 10)
        #expect(last == Self.beyondTheDepth)
        // Entry #1's change was forgotten; #2–#10 and #12 were undone, #11 before.
        #expect(try sandbox.sql("SELECT id FROM entries_with_ids ORDER BY id") == "1\n")
    }

    /// 12 logs, 3 undone, 3 more: undo goes back through 10 (it went through 7).
    @Test func threeUndoneThenThreeMoreKeepTheDepth() throws {
        try log(12, from: 0)
        for _ in 0..<3 { try sandbox.change("undo") }
        try log(3, from: 12)
        let (undone, last) = try undoAll()
        #expect(undone == 10)
        #expect(last == Self.beyondTheDepth)
        // #1 and #2 forgotten; #3–#9 and #13–#15 undone now, #10–#12 before.
        #expect(try sandbox.sql("SELECT id FROM entries_with_ids ORDER BY id") == "1\n2\n")
    }

    /// Nothing forgotten: a log undone, another logged and undone, leaves nothing to undo, not "older changes cannot be".
    @Test func nothingForgottenIsNothingToUndo() throws {
        try log(1, from: 0)
        try sandbox.change("undo")
        try log(1, from: 1)
        #expect(try undoAll() == (1, "Nothing to undo.\n"))
        #expect(try sandbox.entryCount() == 0)
    }

    // MARK: Undo names what it removed

    /// Undo of a log names the entry's dose, pain, time and note, so that it can be logged again as it was.
    @Test func undoOfALogSaysWhatToTypeAgain() throws {
        sandbox.environment["JOURNAL_NOW"] = "2026-11-20T12:00:00Z"
        let typed = [
            "glute-bridge", "--sets", "3", "--reps", "10", "--pain-before", "3", "--pain-after", "2", "--at",
            "2026-11-01 09:00", "--note", "felt fine",
        ]
        try sandbox.run(["log"] + typed)
        let row = try sandbox.sql(
            "SELECT exercise_id, sets, reps, pain_before, pain_after, performed_at, note FROM entries")
        let undo = try sandbox.run("undo")
        #expect(undo.status == 0)
        #expect(
            undo.stdout
                == "Removed #1 glute-bridge (3 × 10 reps, pain 3 → 2, at 2026-11-01 09:00, note: felt fine), logged just now.\n"
        )
        #expect(undo.stderr == "")
        #expect(try sandbox.entryCount() == 0)
        try sandbox.run(["log"] + typed)
        #expect(
            try sandbox.sql("SELECT exercise_id, sets, reps, pain_before, pain_after, performed_at, note FROM entries")
                == row)
    }

    @Test func undoOfACheckInNamesItsTimeAndNote() throws {
        sandbox.environment["JOURNAL_NOW"] = "2026-11-20T12:00:00Z"
        try sandbox.change(
            "checkin", "--pain", "4", "--red-flag", "fever", "--at", "2026-11-20 07:30", "--note", "stiff")
        sandbox.environment["JOURNAL_NOW"] = "2026-11-20T12:02:00Z"
        let undo = try sandbox.run("undo")
        #expect(undo.status == 0)
        #expect(
            undo.stdout
                == "Removed check-in #1 (pain 4, red flags: fever, at 2026-11-20 07:30, note: stiff), recorded 2 minutes ago.\n"
                + "The red flag of check-in #1 at 2026-11-20 07:30 is lifted: the change undone had it. "
                + "You recorded a high temperature, or feeling hot and shivery.\n"
        )
        #expect(try sandbox.sql("SELECT count(*) FROM checkins") == "0\n")
    }

    // MARK: PSFS

    @Test func ratingARetiredActivitySaysItIsRetired() throws {
        sandbox.environment["JOURNAL_NOW"] = "2026-11-20T09:00:00Z"
        try sandbox.change("psfs", "add", "putting on socks")
        sandbox.environment["JOURNAL_NOW"] = "2026-11-20T10:00:00Z"
        try sandbox.change("psfs", "remove", "1")
        sandbox.environment["JOURNAL_NOW"] = "2026-11-21T10:00:00Z"
        let rate = try sandbox.run("psfs", "rate", "1", "5")
        #expect(rate.status == 65)
        #expect(rate.stdout == "")
        #expect(
            rate.stderr
                == "journal: activity #1, \"putting on socks\", was retired on 2026-11-20 10:00 (UTC+00:00) and is "
                + "no longer rated; `journal undo` brings it back if retiring it was the latest change, or "
                + "`journal psfs add` adds it again to rate.\n")
        #expect(try sandbox.sql("SELECT count(*) FROM psfs_ratings") == "0\n")
    }

    @Test func anActivityAddedTwiceIsRefused() throws {
        try sandbox.change("psfs", "add", "putting on socks")
        for typed in [
            "putting on socks", "Putting  on Socks ", " PUTTING ON SOCKS", "putting on socks.", "Putting on socks! ",
        ] {
            let add = try sandbox.run("psfs", "add", typed)
            #expect(add.status == 64, "\(add)")
            #expect(add.stdout == "")
            #expect(
                add.stderr
                    == "journal: you already rate \"putting on socks\" as activity #1; rate it with "
                    + "`journal psfs rate 1 SCORE`, or add another activity.\n")
        }
        #expect(try sandbox.sql("SELECT id, activity FROM psfs_activities_with_ids") == "1|putting on socks\n")
        // Retired, it may be added again.
        try sandbox.change("psfs", "remove", "1")
        #expect(try sandbox.run("psfs", "add", "Putting on socks").stdout == "Added activity #2: Putting on socks.\n")
    }

    /// One activity rated 3, then 5 (+2): the average is that activity's score, and +2 is less than its 3 points.
    @Test func anAverageOfOneActivityTakesTheActivitysThreshold() throws {
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T12:00:00Z"
        try sandbox.change("psfs", "add", "putting on socks", "--at", "2026-11-18 09:00")
        try sandbox.change("psfs", "rate", "1", "3", "--at", "2026-11-18 09:00")
        try sandbox.change("psfs", "rate", "1", "5", "--at", "2026-11-24 09:00")
        let show = try sandbox.run("psfs")
        #expect(
            show.stdout.hasSuffix(
                """
                The activity rated at the baseline (2026-11-18) and since: 3.0 → 5.0 (+2.0),
                less than 3 points, within the measure's error.

                """), "\(show)")
        let json = try sandbox.run("psfs", "--json")
        #expect(
            json.stdout.hasSuffix(
                """
                  "average" : {
                    "activities" : 1,
                    "baseline" : 3,
                    "change" : 2,
                    "detectable" : false,
                    "latest" : 5
                  }
                }

                """), "\(json)")
        for format in ["text", "markdown", "html"] {
            let report = try sandbox.run("report", "--format", format)
            #expect(report.stdout.contains("less than 3 points, within the measure"), "\(format)")
            #expect(!report.stdout.contains("at least 2 points"), "\(format)")
        }
        let report = try sandbox.run("report", "--json")
        #expect(report.stdout.contains("\"detectable\" : false"))
        #expect(!report.stdout.contains("\"detectable\" : true"), "\(report)")
        // A second activity +2 as well: an average over two, and 2 points is its threshold.
        try sandbox.change("psfs", "add", "sitting through a film", "--at", "2026-11-18 09:00")
        try sandbox.change("psfs", "rate", "2", "4", "--at", "2026-11-18 09:05")
        try sandbox.change("psfs", "rate", "2", "6", "--at", "2026-11-24 09:05")
        let two = try sandbox.run("psfs", "--json").stdout
        #expect(
            two.contains(
                "\"activities\" : 2,\n    \"baseline\" : 3.5,\n    \"change\" : 2,\n    \"detectable\" : true"),
            "\(two)")
    }

    /// In HTML a PSFS rating with a note points to it in the Notes by its mark, as a session does.
    @Test func anHTMLReportMarksAPSFSRatingsNote() throws {
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T12:00:00Z"
        try sandbox.change("psfs", "add", "putting on socks", "--at", "2026-11-18 09:00")
        try sandbox.change("psfs", "rate", "1", "5", "--at", "2026-11-20 09:00")
        try sandbox.change("psfs", "rate", "1", "1", "--at", "2026-11-22 09:00", "--note", "flare")
        try sandbox.change("psfs", "rate", "1", "5", "--at", "2026-11-24 09:00")
        let html = try sandbox.run("report", "--format", "html").stdout
        #expect(html.contains("<td class=\"ratings\">5 → 1 [1] → 5 (0)</td>"), "\(html)")
        #expect(html.contains("<strong>[1] Sun 22 Nov 09:00, PSFS putting on socks: </strong>"), "\(html)")
        let text = try sandbox.run("report").stdout
        #expect(text.contains("5 → 1 → 5 (0)"), "\(text)")
    }
}
