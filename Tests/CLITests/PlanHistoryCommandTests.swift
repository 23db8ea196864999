import Foundation
import Testing

/// Issue #26: a change of dose mid-programme keeps the plan's history.
///
/// Each run through the built binary, in two zones (one far east of UTC, one west of it), the
/// values worked out by hand.
@Suite struct PlanHistoryCommandTests {
    /// glute-bridge 3 × 10 reps, 3 a week, from Monday 2 November; logged Monday to Wednesday (the
    /// last at 23:30, Thursday in UTC west of it); on Thursday 5 November, 3 × 12 reps, 5 a week;
    /// then 3 × 12 on Thursday at 08:00 (Wednesday in UTC east of it) and 3 × 10 on Friday.
    ///
    /// Today on Thursday counts the week's 3 sessions whatever their dose: before the change 3 of 3;
    /// after it 3 of 4, the week planning 3 a week for Monday to Wednesday and 5 a week for Thursday
    /// to Sunday: (3 × 3 + 5 × 4) / 7 = 29 / 7 = 4.1, rounded 4. The week's report counts from
    /// Monday: 5 done of 4 planned, 125 %. Each session's reps against its own day's dose: Monday to
    /// Wednesday 10 of 10, Thursday 12 of 12, Friday 10 of 12: under in 1 of 5; sets as planned.
    @Test(arguments: [("America/Toronto", "-05:00"), ("Pacific/Auckland", "+13:00")])
    func aNewDoseMidWeekKeepsTheWeeksSessionsAndJudgesEachByItsDay(zone: String, offset: String) throws {
        let sandbox = Sandbox(timeZone: zone)
        sandbox.environment["JOURNAL_NOW"] = "2026-11-02T09:00:00\(offset)"
        try sandbox.change("plan", "set", "glute-bridge", "--sets", "3", "--reps", "10", "--per-week", "3")
        sandbox.environment["JOURNAL_NOW"] = "2026-11-05T07:00:00\(offset)"
        for at in ["2026-11-02 18:00", "2026-11-03 18:00", "2026-11-04 23:30"] {
            try sandbox.log(
                "glute-bridge", "--sets", "3", "--reps", "10", "--pain-before", "3", "--pain-after", "3", "--at", at)
        }
        let before = try sandbox.run("today")
        #expect(before.stdout.contains("  glute-bridge  3 × 10 reps  3 of 3 this week\n"), "\(before)")
        let set = try sandbox.run("plan", "set", "glute-bridge", "--sets", "3", "--reps", "12", "--per-week", "5")
        #expect(
            set.stdout
                == "Planned glute-bridge: 3 × 12 reps, 5 sessions a week, from 2026-11-05. Until then it was "
                + "3 × 10 reps, 3 sessions a week, from 2026-11-02: the sessions done before 2026-11-05 stay "
                + "judged by that dose.\n", "\(set)")
        let after = try sandbox.run("today")
        #expect(
            after.stdout
                == "Today, Thursday 2026-11-05\nDue (`journal session` walks you through them):\n"
                + "  glute-bridge  3 × 12 reps  3 of 4 this week\n", "\(after)")
        #expect(
            try sandbox.sql("SELECT exercise_id, since, sets, reps, per_week FROM plan_history")
                == "glute-bridge|2026-11-02|3|10|3\n")

        sandbox.environment["JOURNAL_NOW"] = "2026-11-09T09:00:00\(offset)"
        for (at, reps) in [("2026-11-05 08:00", "12"), ("2026-11-06 18:00", "10")] {
            try sandbox.log(
                "glute-bridge", "--sets", "3", "--reps", reps, "--pain-before", "3", "--pain-after", "3", "--at", at)
        }
        sandbox.environment["COLUMNS"] = "100"
        let report = try sandbox.run("report", "--from", "2026-11-02", "--to", "2026-11-08")
        #expect(
            report.stdout.contains("glute-bridge  2026-11-02  3; 5 from 2026-11-05     5        4       125%\n"),
            "\(report)")
        #expect(
            report.stdout.contains(
                "glute-bridge  3 × 10 reps; 3 × 12 reps from 2026-11-05  as planned  under in 1 of 5  -\n"),
            "\(report)")
        let json = try sandbox.run("report", "--from", "2026-11-02", "--to", "2026-11-08", "--json")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let adherence = try #require((object["adherence"] as? [[String: Any]])?.first)
        #expect(adherence["since"] as? String == "2026-11-02")
        #expect(adherence["counted_from"] as? String == "2026-11-02")
        #expect(adherence["done"] as? Int == 5)
        #expect(adherence["planned"] as? Int == 4)
        #expect(adherence["per_week"] as? Int == 5)
        let dose = try #require(adherence["dose"] as? [String: Any])
        let reps = try #require(dose["reps"] as? [String: Any])
        #expect(reps["planned"] as? Int == 12)
        #expect(reps["as_planned"] as? Int == 4)
        #expect(reps["under"] as? Int == 1)
        #expect(reps["verdict"] as? String == "under")
        #expect((dose["sets"] as? [String: Any])?["as_planned"] as? Int == 5)
    }

    /// Undo of a `plan set` puts back the plan row and its earlier doses exactly; `plan remove` forgets
    /// them, so that a plan set again starts afresh; undo puts them back too.
    @Test func undoPutsBackTheHistoryAndRemoveForgetsIt() throws {
        let sandbox = Sandbox(timeZone: "America/Toronto")
        // The rows on the plan: one taken off stays, `removed` (docs/sync-ids.md, "Deletes and foreign keys").
        let history =
            "SELECT exercise_id, since, sets, reps, per_week FROM plan_history WHERE removed = 0 ORDER BY since"
        let plan = "SELECT exercise_id, sets, reps, per_week, since, position FROM plan WHERE removed = 0"
        sandbox.environment["JOURNAL_NOW"] = "2026-11-02T09:00:00-05:00"
        try sandbox.change("plan", "set", "glute-bridge", "--sets", "3", "--reps", "10", "--per-week", "3")
        sandbox.environment["JOURNAL_NOW"] = "2026-11-05T09:00:00-05:00"
        try sandbox.change("plan", "set", "glute-bridge", "--sets", "3", "--reps", "12", "--per-week", "5")
        let planBefore = try sandbox.sql(plan)
        #expect(try sandbox.sql(history) == "glute-bridge|2026-11-02|3|10|3\n")

        sandbox.environment["JOURNAL_NOW"] = "2026-11-09T09:00:00-05:00"
        try sandbox.change("plan", "set", "glute-bridge", "--sets", "3", "--reps", "15", "--per-week", "4")
        #expect(
            try sandbox.sql(history) == "glute-bridge|2026-11-02|3|10|3\nglute-bridge|2026-11-05|3|12|5\n")
        let shown = try sandbox.run("plan")
        #expect(
            shown.stdout.hasSuffix(
                "\nEarlier doses (the sessions done under each are judged by it):\n"
                    + "  glute-bridge: 3 × 10 reps, 3 sessions a week, from 2026-11-02 until 2026-11-04\n"
                    + "  glute-bridge: 3 × 12 reps, 5 sessions a week, from 2026-11-05 until 2026-11-08\n"),
            "\(shown)")
        let undo = try sandbox.run("undo")
        #expect(undo.status == 0, "\(undo)")
        #expect(
            undo.stdout
                == "Put back the plan for glute-bridge: 3 × 12 reps, 5 sessions a week, from 2026-11-05 "
                + "(undid plan set glute-bridge, just now).\n")
        #expect(try sandbox.sql(plan) == planBefore)
        #expect(try sandbox.sql(history) == "glute-bridge|2026-11-02|3|10|3\n")

        // A new dose from a day before the last change's replaces it: Wednesday's 4 a week runs on.
        let back = try sandbox.run(
            "plan", "set", "glute-bridge", "--sets", "3", "--reps", "10", "--per-week", "4", "--since", "2026-11-04")
        #expect(
            back.stdout
                == "Planned glute-bridge: 3 × 10 reps, 4 sessions a week, from 2026-11-04. Until then it was "
                + "3 × 10 reps, 3 sessions a week, from 2026-11-02: the sessions done before 2026-11-04 stay "
                + "judged by that dose.\n")
        #expect(try sandbox.sql(history) == "glute-bridge|2026-11-02|3|10|3\n")

        let removed = try sandbox.run("plan", "remove", "glute-bridge")
        #expect(
            removed.stdout
                == "Took glute-bridge off the plan with its 2 doses (a plan set again starts afresh):\n"
                + "  the earlier dose: 3 × 10 reps, 3 sessions a week, from 2026-11-02\n"
                + "  the dose in force today: 3 × 10 reps, 4 sessions a week, from 2026-11-04\n")
        #expect(try sandbox.sql(history) == "")
        try sandbox.change("plan", "set", "glute-bridge", "--sets", "3", "--reps", "12", "--per-week", "5")
        #expect(try sandbox.sql(history) == "")
        let json = try sandbox.run("plan", "--json")
        #expect(json.stdout.contains("\"earlier\" : [\n\n    ],"), "\(json)")
        let undoRestart = try sandbox.run("undo")
        #expect(undoRestart.status == 0)
        #expect(try sandbox.sql(plan) == "")
        let undoRemove = try sandbox.run("undo")
        #expect(undoRemove.status == 0)
        #expect(try sandbox.sql(history) == "glute-bridge|2026-11-02|3|10|3\n")
    }
}
