import Foundation
import Testing

/// Issue #26, after the plan's history: a dose set ahead waits for its day on every screen, `plan
/// set` names the doses set ahead it replaces (and undo puts them back), `today --json` says why
/// each exercise in force is not due, and earlier doses from outside are named.
///
/// Each run through the built binary, in two zones (one far east of UTC, one west of it), the
/// values worked out by hand.
@Suite struct PlanAheadCommandTests {
    static let zones = [("America/Toronto", "-05:00"), ("Pacific/Auckland", "+13:00")]

    /// glute-bridge 3 × 10 reps, 5 a week, from Monday 23 November; on Wednesday 25 November,
    /// 4 × 10 reps from Monday 30 November.
    ///
    /// Wednesday's week plans 5 a week every day, Monday to Sunday: 5 × 7 / 7 = 5; nothing done, 5
    /// days left: ⌈5 ÷ 5⌉ = 1 today, at 3 × 10. `session` offers 3 × 10, and `log` notes 3 × 40 (120
    /// reps) as more than 3 times 3 × 10 (30), which it would not be of 4 × 10 (40). On Monday 30
    /// the new dose is in force: 4 × 10, the earlier one until Sunday 29.
    @Test(arguments: zones)
    func aDoseSetAheadWaitsForItsDayOnEveryScreen(zone: String, offset: String) throws {
        let sandbox = Sandbox(timeZone: zone)
        sandbox.environment["JOURNAL_NOW"] = "2026-11-23T09:00:00\(offset)"
        try sandbox.change("plan", "set", "glute-bridge", "--sets", "3", "--reps", "10", "--per-week", "5")
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T09:00:00\(offset)"
        let set = try sandbox.run(
            "plan", "set", "glute-bridge", "--sets", "4", "--reps", "10", "--per-week", "5", "--since", "2026-11-30")
        #expect(
            set.stdout
                == "Planned glute-bridge: 4 × 10 reps, 5 sessions a week, from 2026-11-30. Until then it stays "
                + "3 × 10 reps, 5 sessions a week, from 2026-11-23: the sessions done before 2026-11-30 stay "
                + "judged by that dose.\n", "\(set)")
        #expect(set.stderr == "", "\(set)")

        let today = try sandbox.run("today")
        #expect(today.status == 1, "\(today)")
        #expect(
            today.stdout
                == "Today, Wednesday 2026-11-25\nDue (`journal session` walks you through them):\n"
                + "  glute-bridge  3 × 10 reps  0 of 5 this week\n", "\(today)")
        let json = try sandbox.run("today", "--json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let due = try #require((object["due"] as? [[String: Any]])?.first)
        #expect(due["sets"] as? Int == 3)
        #expect(due["reps"] as? Int == 10)

        let plan = try sandbox.run("plan")
        #expect(
            plan.stdout
                == "EXERCISE      SETS  REPS  HOLD S  PER WEEK  SINCE\n"
                + "glute-bridge     3    10       -         5  2026-11-23\n"
                + "\nComing doses (each takes over on its day):\n"
                + "  glute-bridge: 4 × 10 reps, 5 sessions a week, from 2026-11-30\n", "\(plan)")

        let session = try sandbox.run("session", stdin: "3\n\n2\n")
        #expect(session.status == 0, "\(session)")
        #expect(session.stderr.contains("Dose in repetitions [3 × 10 reps]"), "\(session)")
        #expect(session.stdout.hasPrefix("Logged #1 glute-bridge: 3 × 10 reps, pain 3 → 2,"), "\(session)")
        #expect(try sandbox.sql("SELECT sets, reps FROM entries") == "3|10\n")

        let log = try sandbox.log(
            "glute-bridge", "--sets", "3", "--reps", "40", "--pain-before", "3", "--pain-after", "3")
        #expect(
            log.stderr.contains("Note: 3 × 40 reps is 120 reps in all, more than 3 times the plan's 30 (3 × 10 reps)"),
            "\(log)")

        sandbox.environment["JOURNAL_NOW"] = "2026-11-30T09:00:00\(offset)"
        let monday = try sandbox.run("today")
        #expect(
            monday.stdout
                == "Today, Monday 2026-11-30\nDue (`journal session` walks you through them):\n"
                + "  glute-bridge  4 × 10 reps  0 of 5 this week\n", "\(monday)")
        let planMonday = try sandbox.run("plan")
        #expect(
            planMonday.stdout
                == "EXERCISE      SETS  REPS  HOLD S  PER WEEK  SINCE\n"
                + "glute-bridge     4    10       -         5  2026-11-30\n"
                + "\nEarlier doses (the sessions done under each are judged by it):\n"
                + "  glute-bridge: 3 × 10 reps, 5 sessions a week, from 2026-11-23 until 2026-11-29\n", "\(planMonday)")
    }

    /// A new dose from an earlier day names the doses set ahead it replaces.
    ///
    /// Doses set for 30 November and 7 December, then a new one from 27 November: `plan set` names
    /// both it replaces on standard error (and in `replaced` with `--json`); undo puts them back
    /// exactly. A dose set for the start day of one names only those after it.
    @Test(arguments: zones)
    func aDoseFromAnEarlierDayNamesTheDosesSetAheadItReplaces(zone: String, offset: String) throws {
        let sandbox = Sandbox(timeZone: zone)
        let history =
            "SELECT exercise_id, since, sets, reps, per_week FROM plan_history WHERE removed = 0 ORDER BY since"
        let planRow = "SELECT exercise_id, sets, reps, per_week, since, position FROM plan"
        sandbox.environment["JOURNAL_NOW"] = "2026-11-23T09:00:00\(offset)"
        try sandbox.change("plan", "set", "glute-bridge", "--sets", "3", "--reps", "10", "--per-week", "5")
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T09:00:00\(offset)"
        try sandbox.change(
            "plan", "set", "glute-bridge", "--sets", "4", "--reps", "10", "--per-week", "5", "--since", "2026-11-30")
        try sandbox.change(
            "plan", "set", "glute-bridge", "--sets", "5", "--reps", "10", "--per-week", "5", "--since", "2026-12-07")
        let historyBefore = try sandbox.sql(history)
        #expect(historyBefore == "glute-bridge|2026-11-23|3|10|5\nglute-bridge|2026-11-30|4|10|5\n")
        let planBefore = try sandbox.sql(planRow)
        #expect(planBefore == "glute-bridge|5|10|5|2026-12-07|1\n")

        let replaced =
            "Replaced the dose set ahead: 4 × 10 reps, 5 sessions a week, from 2026-11-30 (`journal undo` puts it "
            + "back).\nReplaced the dose set ahead: 5 × 10 reps, 5 sessions a week, from 2026-12-07 (`journal undo` "
            + "puts it back).\n"
        let set = try sandbox.run(
            "plan", "set", "glute-bridge", "--sets", "3", "--reps", "12", "--per-week", "4", "--since", "2026-11-27")
        #expect(set.status == 0, "\(set)")
        #expect(set.stderr == replaced, "\(set)")
        #expect(
            set.stdout
                == "Planned glute-bridge: 3 × 12 reps, 4 sessions a week, from 2026-11-27. Until then it stays "
                + "3 × 10 reps, 5 sessions a week, from 2026-11-23: the sessions done before 2026-11-27 stay "
                + "judged by that dose.\n", "\(set)")
        #expect(try sandbox.sql(history) == "glute-bridge|2026-11-23|3|10|5\n")
        #expect(try sandbox.sql(planRow) == "glute-bridge|3|12|4|2026-11-27|1\n")

        let undo = try sandbox.run("undo")
        #expect(undo.status == 0, "\(undo)")
        #expect(try sandbox.sql(history) == historyBefore)
        #expect(try sandbox.sql(planRow) == planBefore)

        let json = try sandbox.run(
            "plan", "set", "glute-bridge", "--sets", "3", "--reps", "12", "--per-week", "4", "--since", "2026-11-27",
            "--json")
        #expect(json.status == 0, "\(json)")
        #expect(json.stderr == replaced, "\(json)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let doses = try #require(object["replaced"] as? [[String: Any]])
        #expect(doses.map { $0["since"] as? String } == ["2026-11-30", "2026-12-07"])
        #expect(doses.map { $0["sets"] as? Int } == [4, 5])
        #expect(doses.map { $0["reps"] as? Int } == [10, 10])
        #expect(doses.map { $0["per_week"] as? Int } == [5, 5])
        #expect(doses.allSatisfy { $0["hold_seconds"] is NSNull })
        #expect(object["changed"] as? Bool == true)
        try sandbox.change("undo")
        #expect(try sandbox.sql(history) == historyBefore)
        #expect(try sandbox.sql(planRow) == planBefore)

        // The dose set for 30 November corrected for its own day: it is replaced and named too, with
        // the one after it (issue #26).
        let same = try sandbox.run(
            "plan", "set", "glute-bridge", "--sets", "4", "--reps", "12", "--per-week", "5", "--since", "2026-11-30",
            "--json")
        #expect(
            same.stderr
                == "Replaced the dose set ahead: 4 × 10 reps, 5 sessions a week, from 2026-11-30 (`journal undo` "
                + "puts it back).\nReplaced the dose set ahead: 5 × 10 reps, 5 sessions a week, from 2026-12-07 "
                + "(`journal undo` puts it back).\n", "\(same)")
        let sameObject = try #require(
            try JSONSerialization.jsonObject(with: Data(same.stdout.utf8)) as? [String: Any])
        let sameDoses = try #require(sameObject["replaced"] as? [[String: Any]])
        #expect(sameDoses.map { $0["since"] as? String } == ["2026-11-30", "2026-12-07"])
        #expect(sameDoses.map { $0["sets"] as? Int } == [4, 5])
        try sandbox.change("undo")
        #expect(try sandbox.sql(history) == historyBefore)
        #expect(try sandbox.sql(planRow) == planBefore)
    }

    /// A dose replaced by another set for the same day is named (issue #26).
    ///
    /// A dose set today for today, then another typed for today: `plan set` names the one it
    /// replaces, in force today, on standard error and in `replaced`; undo puts it back. The same
    /// dose typed again for the same day replaces nothing and says nothing of it.
    @Test(arguments: zones)
    func aDoseSetEarlierTheSameDayIsNamedWhenReplaced(zone: String, offset: String) throws {
        let sandbox = Sandbox(timeZone: zone)
        let planRow = "SELECT exercise_id, sets, reps, per_week, since FROM plan"
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T09:00:00\(offset)"
        try sandbox.change("plan", "set", "glute-bridge", "--sets", "3", "--reps", "10", "--per-week", "5")
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T09:05:00\(offset)"
        let set = try sandbox.run("plan", "set", "glute-bridge", "--sets", "3", "--reps", "12", "--per-week", "5")
        #expect(set.status == 0, "\(set)")
        #expect(
            set.stderr
                == "Replaced the dose in force today: 3 × 10 reps, 5 sessions a week, from 2026-11-25 (`journal "
                + "undo` puts it back).\n", "\(set)")
        #expect(set.stdout == "Planned glute-bridge: 3 × 12 reps, 5 sessions a week, from 2026-11-25.\n", "\(set)")
        #expect(try sandbox.sql(planRow) == "glute-bridge|3|12|5|2026-11-25\n")
        #expect(try sandbox.sql("SELECT count(*) FROM plan_history") == "0\n")
        try sandbox.change("undo")
        #expect(try sandbox.sql(planRow) == "glute-bridge|3|10|5|2026-11-25\n")

        let json = try sandbox.run(
            "plan", "set", "glute-bridge", "--sets", "3", "--reps", "12", "--per-week", "5", "--since", "today",
            "--json")
        #expect(json.status == 0, "\(json)")
        #expect(json.stderr == set.stderr, "\(json)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let doses = try #require(object["replaced"] as? [[String: Any]])
        #expect(doses.map { $0["since"] as? String } == ["2026-11-25"])
        #expect(doses.map { $0["sets"] as? Int } == [3])
        #expect(doses.map { $0["reps"] as? Int } == [10])
        #expect(doses.map { $0["per_week"] as? Int } == [5])

        // The same dose again, for the same day: nothing replaced.
        let again = try sandbox.run(
            "plan", "set", "glute-bridge", "--sets", "3", "--reps", "12", "--per-week", "5", "--since", "today",
            "--json")
        #expect(again.status == 0, "\(again)")
        let againObject = try #require(
            try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any])
        #expect((againObject["replaced"] as? [[String: Any]])?.isEmpty == true, "\(again)")
        #expect(!again.stderr.contains("Replaced"), "\(again)")
    }

    /// `today --json` says why each exercise in force is not due.
    ///
    /// Wednesday 25 November: glute-bridge 3 × 10, 5 a week, and bird-dog 2 × 8, once a week, both
    /// from today; bird-dog done today. The week from Wednesday plans glute-bridge 5 × 5 / 7 = 3.6,
    /// rounded 4, ⌈4 ÷ 5 days⌉ = 1 today: due; bird-dog 1 × 5 / 7 = 0.7, rounded 1, 1 still to do
    /// at the start of today, ⌈1 ÷ 5⌉ = 1 today, done: on pace.
    /// Under a fever (a red flag that stops every session) nothing is due, and `not_due` lists both,
    /// glute-bridge for the red flag.
    @Test(arguments: zones)
    func todayJSONUnderARedFlagListsThePlanNotDueWithItsReason(zone: String, offset: String) throws {
        let sandbox = Sandbox(timeZone: zone)
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T12:00:00\(offset)"
        try sandbox.change("plan", "set", "glute-bridge", "--sets", "3", "--reps", "10", "--per-week", "5")
        try sandbox.change("plan", "set", "bird-dog", "--sets", "2", "--reps", "8", "--per-week", "1")
        try sandbox.log(
            "bird-dog", "--sets", "2", "--reps", "8", "--pain-before", "3", "--pain-after", "3", "--at", "09:00")

        func today() throws -> (status: Int32, object: [String: Any]) {
            let run = try sandbox.run("today", "--json")
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run)")
            #expect(
                Set(object.keys) == ["date", "due", "not_due", "done_today", "held", "upcoming", "standing"], "\(run)")
            return (run.status, object)
        }
        func exercises(_ list: Any?) -> [String] {
            (list as? [[String: Any]])?.compactMap { $0["exercise"] as? String } ?? []
        }
        let before = try today()
        #expect(before.status == 1)
        #expect(exercises(before.object["due"]) == ["glute-bridge"])
        #expect(exercises(before.object["not_due"]) == ["bird-dog"])
        #expect((before.object["not_due"] as? [[String: Any]])?.first?["reason"] as? String == "on_pace")
        #expect((before.object["due"] as? [[String: Any]])?.first?["reason"] == nil)

        try sandbox.change("checkin", "--pain", "5", "--red-flag", "fever")
        let after = try today()
        #expect(after.status == 3)
        #expect(exercises(after.object["due"]) == [])
        let notDue = try #require(after.object["not_due"] as? [[String: Any]])
        #expect(notDue.count == 2)
        let bridge = notDue[0]
        #expect(bridge["exercise"] as? String == "glute-bridge")
        #expect(bridge["reason"] as? String == "red_flag")
        #expect(bridge["sets"] as? Int == 3)
        #expect(bridge["reps"] as? Int == 10)
        #expect(bridge["hold_seconds"] is NSNull)
        #expect(bridge["done_this_week"] as? Int == 0)
        #expect(bridge["planned_this_week"] as? Int == 4)
        #expect(bridge["sessions_today"] as? Int == 1)
        let dog = notDue[1]
        #expect(dog["exercise"] as? String == "bird-dog")
        #expect(dog["reason"] as? String == "on_pace")
        #expect(dog["done_this_week"] as? Int == 1)
        #expect(dog["planned_this_week"] as? Int == 1)
        #expect(dog["sessions_today"] as? Int == 1)
        #expect(after.object["done_today"] as? [Int] == [1])
    }

    /// Earlier doses put in from outside are named.
    ///
    /// 99 sets, a start that is not a day, one starting after the plan's dose (25 November), one of
    /// an exercise with no row, one of an exercise not on the plan. `plan` and `today` show what they show, then name each, and exit 65.
    @Test(arguments: zones)
    func earlierDosesFromOutsideAreNamedOnTheScreensThatShowThePlan(zone: String, offset: String) throws {
        let sandbox = Sandbox(timeZone: zone)
        sandbox.environment["JOURNAL_NOW"] = "2026-11-23T09:00:00\(offset)"
        try sandbox.change("plan", "set", "glute-bridge", "--sets", "3", "--reps", "10", "--per-week", "5")
        try sandbox.change("plan", "set", "side-plank", "--sets", "2", "--hold", "30", "--per-week", "3")
        try sandbox.change("plan", "remove", "side-plank")
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T09:00:00\(offset)"
        try sandbox.change("plan", "set", "glute-bridge", "--sets", "3", "--reps", "12", "--per-week", "5")
        try sandbox.damage(
            "UPDATE plan_history SET sets = 99 WHERE exercise_id = 'glute-bridge'; "
                + "INSERT INTO plan_history (exercise_id, since, sets, reps, per_week) VALUES "
                + "('glute-bridge', 'soon', 3, 10, 5), ('glute-bridge', '2026-12-01', 3, 10, 5), "
                + "('side-plank', '2026-11-20', 2, NULL, 3), ('no-such', '2026-11-20', 2, 10, 3);")

        let fix =
            "`journal plan set glute-bridge … --since DAY`, on this dose's day or before, replaces it; "
            + "`journal plan remove glute-bridge` forgets the plan's earlier doses."
        let named = [
            "The journal holds 5 values journal never writes, put in from outside; what is shown reads them as said:",
            "- plan_history row glute-bridge from 2026-11-23, column sets: 99, where journal writes a whole number "
                + "from 1 to 50 (screens read it as the nearest of those until it is corrected); " + fix,
            "- plan_history row glute-bridge from soon, column since: 'soon', where journal writes a date, "
                + "YYYY-MM-DD, or none (screens read it as none, the plan in force since the journal began, until "
                + "it is corrected); " + fix,
            "- plan_history row glute-bridge from 2026-12-01, column since: '2026-12-01', where journal keeps a "
                + "dose that starts before the plan row's, here 2026-11-25 (screens read the doses in the order of "
                + "their days, this one no earlier than the plan's); " + fix,
            "- plan_history row no-such from 2026-11-20, column exercise_id: 'no-such', where journal keeps "
                + "earlier doses only of an exercise it has: there is no such row (removed from outside with "
                + "foreign keys off, or its id changed); `sqlite3 JOURNAL \"DELETE FROM plan_history WHERE "
                + "exercise_id = 'no-such'\"` removes the exercise's earlier doses.",
            "- plan_history row side-plank from 2026-11-20, column exercise_id: 'side-plank', where journal keeps "
                + "earlier doses only of an exercise on the plan, by the plan row's id (screens show it nowhere); "
                + "`sqlite3 JOURNAL \"DELETE FROM plan_history WHERE exercise_id = 'side-plank'\"` removes the "
                + "exercise's earlier doses.",
        ]
        for screen in [["plan"], ["today"], ["plan", "--json"]] {
            let run = try sandbox.run(screen)
            #expect(run.status == 65, "\(screen): \(run)")
            // Each line as wrapped at 80 columns, read back whole.
            let said = run.stderr.replacingOccurrences(of: "\n- ", with: "\n\n- ")
                .components(separatedBy: "\n\n")
                .map { $0.replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
            #expect(said == named, "\(screen): \(run)")
        }
        let plan = try sandbox.run("plan")
        #expect(
            plan.stdout.hasPrefix(
                "EXERCISE      SETS  REPS  HOLD S  PER WEEK  SINCE\n"
                    + "glute-bridge     3    12       -         5  2026-11-25\n"), "\(plan)")
    }

    /// An earlier dose a plan change kept for undo, changed from outside to 99 sets, is refused as
    /// the plan row's copy is: undo changes nothing and names it.
    @Test(arguments: zones)
    func undoRefusesAnEarlierDoseItKeptChangedFromOutside(zone: String, offset: String) throws {
        let sandbox = Sandbox(timeZone: zone)
        sandbox.environment["JOURNAL_NOW"] = "2026-11-23T09:00:00\(offset)"
        try sandbox.change("plan", "set", "glute-bridge", "--sets", "3", "--reps", "10", "--per-week", "5")
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T09:00:00\(offset)"
        try sandbox.change("plan", "set", "glute-bridge", "--sets", "3", "--reps", "12", "--per-week", "5")
        sandbox.environment["JOURNAL_NOW"] = "2026-11-26T09:00:00\(offset)"
        try sandbox.change("plan", "set", "glute-bridge", "--sets", "4", "--reps", "12", "--per-week", "5")
        try sandbox.damage("UPDATE change_plan_history SET sets = 99 WHERE since = '2026-11-23';")
        let tables = ["plan", "plan_history", "changes"]
        let before = try tables.map { try sandbox.sql("SELECT * FROM \($0) ORDER BY 1, 2") }
        let undo = try sandbox.run("undo")
        #expect(undo.status == 65, "\(undo)")
        #expect(undo.stdout == "")
        #expect(
            undo.stderr
                == "journal: cannot undo the latest change: what it kept to undo it was changed from outside "
                + "(change_plan_history holds the plan's earlier dose of glute-bridge from 2026-11-23 whose sets "
                + "is 99, where journal writes a whole number from 1 to 50), and journal never puts back what it "
                + "did not keep; nothing was changed. `journal check` shows the journal as it stands.\n", "\(undo)")
        #expect(try tables.map { try sandbox.sql("SELECT * FROM \($0) ORDER BY 1, 2") } == before)
    }

    /// A plan that starts later, with a second dose set after it, is listed by its first day.
    @Test(arguments: zones)
    func aPlanStartingLaterIsListedByItsFirstDoseDay(zone: String, offset: String) throws {
        let sandbox = Sandbox(timeZone: zone)
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T09:00:00\(offset)"
        try sandbox.change(
            "plan", "set", "side-plank", "--sets", "2", "--hold", "20", "--per-week", "3", "--since", "2026-11-30")
        try sandbox.change(
            "plan", "set", "side-plank", "--sets", "2", "--hold", "30", "--per-week", "3", "--since", "2026-12-07")
        let today = try sandbox.run("today")
        #expect(
            today.stdout
                == "Today, Wednesday 2026-11-25\nNothing is due.\nStarts later: side-plank on Monday 2026-11-30.\n",
            "\(today)")
        let json = try sandbox.run("today", "--json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["upcoming"] as? [[String: Any]])?.first?["since"] as? String == "2026-11-30")
        let session = try sandbox.run("session")
        #expect(session.stderr.contains("Nothing is due today: your plan starts on 2026-11-30."), "\(session)")
        let plan = try sandbox.run("plan")
        #expect(
            plan.stdout
                == "EXERCISE    SETS  REPS  HOLD S  PER WEEK  SINCE\n"
                + "side-plank     2     -      20         3  2026-11-30\n"
                + "\nComing doses (each takes over on its day):\n"
                + "  side-plank: 2 × 30 s hold, 3 sessions a week, from 2026-12-07\n", "\(plan)")
    }

    /// The report's PER WEEK is the dose in force over the period, never one set ahead.
    ///
    /// glute-bridge 3 × 10, 5 a week, from Monday 23 November; on Wednesday 25, 3 × 10, 6 a week,
    /// from Monday 30; one session on 25 November, the journal's first. The week of 23 to 29
    /// November, reported on Sunday 29, counted from the day the journal began (25): 5 a week for
    /// 5 days, 5 × 5 / 7 = 3.6, 4 planned, 1 done (25%), PER WEEK 5 (not 6).
    @Test(arguments: zones)
    func theReportCountsTheDoseInForceOverThePeriodNotOneSetAhead(zone: String, offset: String) throws {
        let sandbox = Sandbox(timeZone: zone)
        sandbox.environment["JOURNAL_NOW"] = "2026-11-23T09:00:00\(offset)"
        try sandbox.change("plan", "set", "glute-bridge", "--sets", "3", "--reps", "10", "--per-week", "5")
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T09:00:00\(offset)"
        try sandbox.change(
            "plan", "set", "glute-bridge", "--sets", "3", "--reps", "10", "--per-week", "6", "--since", "2026-11-30")
        try sandbox.log("glute-bridge", "--sets", "3", "--reps", "10", "--pain-before", "3", "--pain-after", "3")
        sandbox.environment["JOURNAL_NOW"] = "2026-11-29T09:00:00\(offset)"
        let period = ["report", "--from", "2026-11-23", "--to", "2026-11-29", "--format"]
        let json = try sandbox.run(period + ["json"])
        #expect(json.status == 0, "\(json)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let adherence = try #require((object["adherence"] as? [[String: Any]])?.first)
        #expect(adherence["per_week"] as? Int == 5)
        #expect(adherence["planned"] as? Int == 4)
        #expect(adherence["done"] as? Int == 1)
        let markdown = try sandbox.run(period + ["markdown"])
        #expect(markdown.stdout.contains("| glute-bridge | 2026-11-25 | 5 | 1 | 4 | 25% |"), "\(markdown)")
    }

    /// `plan set` without `--since`, the same as a dose set ahead but not as today's, sets it from
    /// today and replaces the one set ahead.
    ///
    /// 3 × 10, 5 a week, from Monday 23 November; on Wednesday 25, 4 × 12 from Monday 30; then,
    /// the same day, 4 × 12 typed again without `--since`: from 25 November, 3 × 10 until 24.
    @Test(arguments: zones)
    func aDoseTypedAgainWithoutASinceIsComparedWithTodaysDose(zone: String, offset: String) throws {
        let sandbox = Sandbox(timeZone: zone)
        sandbox.environment["JOURNAL_NOW"] = "2026-11-23T09:00:00\(offset)"
        try sandbox.change("plan", "set", "glute-bridge", "--sets", "3", "--reps", "10", "--per-week", "5")
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T09:00:00\(offset)"
        try sandbox.change(
            "plan", "set", "glute-bridge", "--sets", "4", "--reps", "12", "--per-week", "5", "--since", "2026-11-30")
        let set = try sandbox.run("plan", "set", "glute-bridge", "--sets", "4", "--reps", "12", "--per-week", "5")
        #expect(set.status == 0, "\(set)")
        #expect(
            set.stdout
                == "Planned glute-bridge: 4 × 12 reps, 5 sessions a week, from 2026-11-25. Until then it was "
                + "3 × 10 reps, 5 sessions a week, from 2026-11-23: the sessions done before 2026-11-25 stay "
                + "judged by that dose.\n", "\(set)")
        #expect(
            set.stderr
                == "Replaced the dose set ahead: 4 × 12 reps, 5 sessions a week, from 2026-11-30 (`journal undo` "
                + "puts it back).\n", "\(set)")
        #expect(try sandbox.sql("SELECT sets, reps, per_week, since FROM plan") == "4|12|5|2026-11-25\n")
        #expect(try sandbox.sql("SELECT sets, reps, per_week, since FROM plan_history") == "3|10|5|2026-11-23\n")
        let again = try sandbox.run("plan", "set", "glute-bridge", "--sets", "4", "--reps", "12", "--per-week", "5")
        #expect(
            again.stdout
                == "The plan for glute-bridge was already 4 × 12 reps, 5 sessions a week, from 2026-11-25; "
                + "nothing changed.\n", "\(again)")
    }

    /// `plan --json` puts today's dose at the top, the earlier ones under `earlier` and those set
    /// ahead under `coming`, as the table shows them.
    @Test(arguments: zones)
    func planJSONPutsTodaysDoseAtTheTopAndTheOnesSetAheadUnderComing(zone: String, offset: String) throws {
        let sandbox = Sandbox(timeZone: zone)
        sandbox.environment["JOURNAL_NOW"] = "2026-11-23T09:00:00\(offset)"
        try sandbox.change("plan", "set", "glute-bridge", "--sets", "3", "--reps", "10", "--per-week", "5")
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T09:00:00\(offset)"
        try sandbox.change(
            "plan", "set", "glute-bridge", "--sets", "4", "--reps", "10", "--per-week", "5", "--since", "2026-11-30")
        let json = try sandbox.run("plan", "--json")
        let item = try #require(
            (try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])?.first, "\(json)")
        #expect(item["sets"] as? Int == 3)
        #expect(item["reps"] as? Int == 10)
        #expect(item["since"] as? String == "2026-11-23")
        #expect((item["earlier"] as? [Any])?.isEmpty == true)
        let coming = try #require(item["coming"] as? [[String: Any]])
        #expect(coming.map { $0["sets"] as? Int } == [4])
        #expect(coming.map { $0["since"] as? String } == ["2026-11-30"])
        sandbox.environment["JOURNAL_NOW"] = "2026-11-30T09:00:00\(offset)"
        let monday = try #require(
            (try JSONSerialization.jsonObject(with: Data(try sandbox.run("plan", "--json").stdout.utf8))
                as? [[String: Any]])?.first)
        #expect(monday["sets"] as? Int == 4)
        #expect((monday["earlier"] as? [[String: Any]])?.map { $0["since"] as? String } == ["2026-11-23"])
        #expect((monday["coming"] as? [Any])?.isEmpty == true)
    }

    /// `exercises edit --hold`'s suggestion names today's dose, not the one set ahead; `exercises
    /// remove` and the undo of it and of `plan remove` name both, each as what it is today.
    ///
    /// knee-rock, one's own in repetitions: 2 × 10, 3 a week, from Monday 23 November; on
    /// Wednesday 25, 2 × 10, 4 a week, from Monday 30.
    @Test(arguments: zones)
    func removalsAndTheirUndoNameTodaysDose(zone: String, offset: String) throws {
        let sandbox = Sandbox(timeZone: zone)
        sandbox.environment["JOURNAL_NOW"] = "2026-11-23T09:00:00\(offset)"
        try sandbox.change("exercises", "add", "knee-rock", "--name", "Knee rock", "--category", "stretch")
        try sandbox.change("plan", "set", "knee-rock", "--sets", "2", "--reps", "10", "--per-week", "3")
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T09:00:00\(offset)"
        try sandbox.change(
            "plan", "set", "knee-rock", "--sets", "2", "--reps", "10", "--per-week", "4", "--since", "2026-11-30")
        let today = "2 × 10 reps, 3 sessions a week, from 2026-11-23"

        // Each dose named as what it is today.
        let doses =
            "  the dose in force today: \(today)\n  the dose set ahead: 2 × 10 reps, 4 sessions a week, from 2026-11-30\n"
        let remove = try sandbox.run("exercises", "remove", "knee-rock")
        #expect(remove.status == 0, "\(remove)")
        #expect(
            remove.stdout
                == "Removed knee-rock, and with it its plan with its 2 doses; `journal undo` puts it back.\n" + doses,
            "\(remove)")
        let undo = try sandbox.run("undo")
        #expect(
            undo.stdout.hasSuffix("and its plan (undid exercises remove knee-rock, just now):\n" + doses), "\(undo)")

        try sandbox.change("plan", "remove", "knee-rock")
        let undoPlan = try sandbox.run("undo")
        #expect(
            undoPlan.stdout == "Put back the plan for knee-rock (undid plan remove knee-rock, just now):\n" + doses,
            "\(undoPlan)")

        let edit = try sandbox.run("exercises", "edit", "knee-rock", "--hold")
        #expect(edit.status == 0, "\(edit)")
        #expect(
            edit.stdout.replacingOccurrences(of: "\n", with: " ").contains(
                "set it again in seconds: journal plan set knee-rock --sets 2 --hold SECONDS --per-week 3"),
            "\(edit)")
    }

    /// `log` notes a dose above the plan's only against a plan in force on the entry's day.
    ///
    /// glute-bridge 3 × 10, 5 a week, set on Wednesday 25 November from Friday 27: 3 × 40 logged
    /// on 25 November, and one back-dated to 20 November, get no note; on 27 November one does.
    @Test(arguments: zones)
    func logComparesOnlyWithAPlanInForceOnTheEntrysDay(zone: String, offset: String) throws {
        let sandbox = Sandbox(timeZone: zone)
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T09:00:00\(offset)"
        try sandbox.change(
            "plan", "set", "glute-bridge", "--sets", "3", "--reps", "10", "--per-week", "5", "--since", "2026-11-27")
        let dose = ["glute-bridge", "--sets", "3", "--reps", "40", "--pain-before", "3", "--pain-after", "3"]
        let ahead = try sandbox.run(["log"] + dose)
        #expect(ahead.status == 0, "\(ahead)")
        #expect(ahead.stderr == "", "\(ahead)")
        let backDated = try sandbox.run(["log"] + dose + ["--at", "2026-11-20 09:00"])
        #expect(backDated.status == 0, "\(backDated)")
        #expect(!backDated.stderr.contains("times the plan's"), "\(backDated)")
        sandbox.environment["JOURNAL_NOW"] = "2026-11-27T09:00:00\(offset)"
        let inForce = try sandbox.run(["log"] + dose)
        #expect(
            inForce.stderr.contains(
                "Note: 3 × 40 reps is 120 reps in all, more than 3 times the plan's 30 (3 × 10 reps)"),
            "\(inForce)")
    }

    /// Only a dose starting after today is "set ahead": a new dose from an earlier day names the
    /// dose in force today and an earlier one as such.
    ///
    /// 3 × 10, 5 a week, from Monday 23 November; 4 × 10 from Tuesday 24; on Wednesday 25, 3 × 12,
    /// 4 a week, from Sunday 22: it replaces both.
    @Test(arguments: zones)
    func aReplacedDoseInForceTodayIsNotCalledSetAhead(zone: String, offset: String) throws {
        let sandbox = Sandbox(timeZone: zone)
        sandbox.environment["JOURNAL_NOW"] = "2026-11-23T09:00:00\(offset)"
        try sandbox.change("plan", "set", "glute-bridge", "--sets", "3", "--reps", "10", "--per-week", "5")
        sandbox.environment["JOURNAL_NOW"] = "2026-11-24T09:00:00\(offset)"
        try sandbox.change("plan", "set", "glute-bridge", "--sets", "4", "--reps", "10", "--per-week", "5")
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T09:00:00\(offset)"
        let set = try sandbox.run(
            "plan", "set", "glute-bridge", "--sets", "3", "--reps", "12", "--per-week", "4", "--since", "2026-11-22")
        #expect(set.status == 0, "\(set)")
        #expect(
            set.stderr
                == "Replaced the earlier dose: 3 × 10 reps, 5 sessions a week, from 2026-11-23 (`journal undo` puts "
                + "it back).\nReplaced the dose in force today: 4 × 10 reps, 5 sessions a week, from 2026-11-24 "
                + "(`journal undo` puts it back).\n", "\(set)")
        #expect(set.stdout == "Planned glute-bridge: 3 × 12 reps, 4 sessions a week, from 2026-11-22.\n", "\(set)")
    }
}
