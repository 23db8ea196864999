import Foundation
import Testing

/// Issue #26, after the plan kept its doses: every command that names a plan's doses names each,
/// in the words `plan set` uses (the dose in force today, set ahead, earlier); every `--json` that
/// carries a plan item writes it as `plan --json` does; and a dose in the other measure than the
/// exercise's, built-in ones too, is noted by `plan set` and `log` and shown by `today`.
///
/// Each run through the built binary; the plan tests in two zones (one far east of UTC, one west of
/// it), the values worked out by hand.
@Suite struct PlanDosesToldCommandTests {
    static let zones = [("America/Toronto", "-05:00"), ("Pacific/Auckland", "+13:00")]

    /// Undo of a `plan set` that replaced two doses set ahead names both, and today's dose.
    ///
    /// glute-bridge 3 × 10, 5 a week, from Monday 23 November; on Wednesday 25, 4 × 10 from Monday
    /// 30 and 5 × 10 from Monday 7 December; then 3 × 12, 4 a week, from Friday 27 replaces both
    /// set ahead. Undo two minutes later puts them back: 3 × 10 is in force today, the other two
    /// set ahead.
    @Test(arguments: zones)
    func undoNamesEveryDoseSetAheadItPutsBack(zone: String, offset: String) throws {
        let sandbox = Sandbox(timeZone: zone)
        sandbox.environment["JOURNAL_NOW"] = "2026-11-23T09:00:00\(offset)"
        try sandbox.change("plan", "set", "glute-bridge", "--sets", "3", "--reps", "10", "--per-week", "5")
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T09:00:00\(offset)"
        try sandbox.change(
            "plan", "set", "glute-bridge", "--sets", "4", "--reps", "10", "--per-week", "5", "--since", "2026-11-30")
        try sandbox.change(
            "plan", "set", "glute-bridge", "--sets", "5", "--reps", "10", "--per-week", "5", "--since", "2026-12-07")
        try sandbox.change(
            "plan", "set", "glute-bridge", "--sets", "3", "--reps", "12", "--per-week", "4", "--since", "2026-11-27")
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T09:02:00\(offset)"
        let undo = try sandbox.run("undo")
        #expect(undo.status == 0, "\(undo)")
        #expect(
            undo.stdout == """
                Put back the plan for glute-bridge (undid plan set glute-bridge, 2 minutes ago):
                  the dose in force today: 3 × 10 reps, 5 sessions a week, from 2026-11-23
                  the dose set ahead: 4 × 10 reps, 5 sessions a week, from 2026-11-30
                  the dose set ahead: 5 × 10 reps, 5 sessions a week, from 2026-12-07

                """, "\(undo)")
    }

    /// Undo of a `plan set` that replaced the dose in force today and an earlier one names both as such.
    ///
    /// 3 × 10, 5 a week, from Monday 23 November; 4 × 10 from Tuesday 24; on Wednesday 25, 3 × 12,
    /// 4 a week, from Sunday 22 replaces both; undo puts back 3 × 10 (earlier) and 4 × 10 (in force).
    @Test(arguments: zones)
    func undoNamesTheDoseInForceTodayAndAnEarlierOne(zone: String, offset: String) throws {
        let sandbox = Sandbox(timeZone: zone)
        sandbox.environment["JOURNAL_NOW"] = "2026-11-23T09:00:00\(offset)"
        try sandbox.change("plan", "set", "glute-bridge", "--sets", "3", "--reps", "10", "--per-week", "5")
        sandbox.environment["JOURNAL_NOW"] = "2026-11-24T09:00:00\(offset)"
        try sandbox.change("plan", "set", "glute-bridge", "--sets", "4", "--reps", "10", "--per-week", "5")
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T09:00:00\(offset)"
        try sandbox.change(
            "plan", "set", "glute-bridge", "--sets", "3", "--reps", "12", "--per-week", "4", "--since", "2026-11-22")
        let undo = try sandbox.run("undo")
        #expect(undo.status == 0, "\(undo)")
        #expect(
            undo.stdout == """
                Put back the plan for glute-bridge (undid plan set glute-bridge, just now):
                  the earlier dose: 3 × 10 reps, 5 sessions a week, from 2026-11-23
                  the dose in force today: 4 × 10 reps, 5 sessions a week, from 2026-11-24

                """, "\(undo)")
    }

    /// `plan remove` names each dose it removed, one line each; undo puts back and names the same.
    ///
    /// Earlier, in force today, set ahead: three lines; one dose alone is not listed.
    ///
    /// glute-bridge 3 × 10 from Monday 23 November; on Wednesday 25, 4 × 10 from today and 5 × 10
    /// from Monday 30.
    @Test(arguments: zones)
    func planRemoveNamesEveryDoseItRemoved(zone: String, offset: String) throws {
        let sandbox = Sandbox(timeZone: zone)
        sandbox.environment["JOURNAL_NOW"] = "2026-11-23T09:00:00\(offset)"
        try sandbox.change("plan", "set", "glute-bridge", "--sets", "3", "--reps", "10", "--per-week", "5")
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T09:00:00\(offset)"
        try sandbox.change("plan", "set", "glute-bridge", "--sets", "4", "--reps", "10", "--per-week", "5")
        try sandbox.change(
            "plan", "set", "glute-bridge", "--sets", "5", "--reps", "10", "--per-week", "5", "--since", "2026-11-30")
        let doses = """
              the earlier dose: 3 × 10 reps, 5 sessions a week, from 2026-11-23
              the dose in force today: 4 × 10 reps, 5 sessions a week, from 2026-11-25
              the dose set ahead: 5 × 10 reps, 5 sessions a week, from 2026-11-30

            """
        let remove = try sandbox.run("plan", "remove", "glute-bridge")
        #expect(remove.status == 0, "\(remove)")
        #expect(
            remove.stdout
                == "Took glute-bridge off the plan with its 3 doses (a plan set again starts afresh):\n" + doses,
            "\(remove)")
        #expect(try sandbox.sql("SELECT count(*) FROM plan_history WHERE removed = 0") == "0\n")
        let undo = try sandbox.run("undo")
        #expect(undo.status == 0, "\(undo)")
        #expect(
            undo.stdout == "Put back the plan for glute-bridge (undid plan remove glute-bridge, just now):\n" + doses,
            "\(undo)")

        try sandbox.change("plan", "set", "bird-dog", "--sets", "2", "--reps", "8", "--per-week", "3")
        #expect(try sandbox.run("plan", "remove", "bird-dog").stdout == "Took bird-dog off the plan.\n")
    }

    /// Every `--json` that carries a plan item writes it as `plan --json` does: today's dose on top,
    /// the earlier ones under `earlier`, those set ahead under `coming`.
    ///
    /// knee-rock, one's own: 2 × 10, 3 a week, from Monday 23 November; on Wednesday 25, 2 × 12,
    /// 4 a week, from Monday 30 (`plan set --json`'s `plan_item`); then `plan remove --json`, `undo
    /// --json` of it, `exercises remove --json` and `undo --json` of that.
    @Test(arguments: zones)
    func everyPlanItemInJSONIsWrittenAsPlanJSONWritesIt(zone: String, offset: String) throws {
        let sandbox = Sandbox(timeZone: zone)
        sandbox.environment["JOURNAL_NOW"] = "2026-11-23T09:00:00\(offset)"
        try sandbox.change("exercises", "add", "knee-rock", "--name", "Knee rock", "--category", "stretch")
        try sandbox.change("plan", "set", "knee-rock", "--sets", "2", "--reps", "10", "--per-week", "3")
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T09:00:00\(offset)"
        func object(_ run: Run) throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run)")
        }
        let set = try object(
            try sandbox.run(
                "plan", "set", "knee-rock", "--sets", "2", "--reps", "12", "--per-week", "4", "--since", "2026-11-30",
                "--json"))
        let shown = try #require(
            try JSONSerialization.jsonObject(with: Data(try sandbox.run("plan", "--json").stdout.utf8))
                as? [[String: Any]])
        let item = try #require(shown.first)
        // Worked by hand: today's dose on top, the one from Monday 30 under coming.
        #expect(item["sets"] as? Int == 2)
        #expect(item["reps"] as? Int == 10)
        #expect(item["per_week"] as? Int == 3)
        #expect(item["since"] as? String == "2026-11-23")
        #expect((item["earlier"] as? [Any])?.isEmpty == true)
        #expect((item["coming"] as? [[String: Any]])?.map { $0["since"] as? String } == ["2026-11-30"])
        #expect((item["coming"] as? [[String: Any]])?.map { $0["reps"] as? Int } == [12])
        func same(_ value: Any?) -> Bool { (value as? NSDictionary)?.isEqual(to: item) == true }
        #expect(same(set["plan_item"]), "\(set)")

        let remove = try object(try sandbox.run("plan", "remove", "knee-rock", "--json"))
        #expect(same(remove["removed"]), "\(remove)")
        let undoRemove = try object(try sandbox.run("undo", "--json"))
        #expect((undoRemove["plan_items"] as? [Any])?.count == 1)
        #expect(same((undoRemove["plan_items"] as? [Any])?.first), "\(undoRemove)")

        let removal = try object(try sandbox.run("exercises", "remove", "knee-rock", "--json"))
        #expect(same((removal["plan_items"] as? [Any])?.first), "\(removal)")
        let undoRemoval = try object(try sandbox.run("undo", "--json"))
        #expect(same((undoRemoval["plan_items"] as? [Any])?.first), "\(undoRemoval)")
    }

    /// A built-in exercise's dose in the other measure than the catalogue's is taken as given and
    /// named, as one's own is: `plan set` and `log` note it on standard error, `plan`, `today` and
    /// `session` show it; a dose that fits says nothing.
    ///
    /// The guide holds core-activation a few seconds and repeats it (held: 3 × 10 reps give no
    /// seconds held, 3 × 10 reps of 5 s holds do); it counts glute-bridge's repetitions (a plan of
    /// 2 × 30 s holds gives none) and holds side-plank (2 × 10 reps give no seconds).
    @Test func aBuiltInDoseInTheOtherMeasureIsNotedNeverRefused() throws {
        let sandbox = Sandbox(timeZone: "UTC")
        let core = """
            core-activation is measured in seconds held, but its plan's dose, 3 × 10 reps,
            counts repetitions; set it again in seconds:
            journal plan set core-activation --sets 3 --hold SECONDS --per-week 5

            """
        let plan = try sandbox.run("plan", "set", "core-activation", "--sets", "3", "--reps", "10", "--per-week", "5")
        #expect(plan.status == 0, "\(plan)")
        #expect(plan.stdout == "Planned core-activation: 3 × 10 reps, 5 sessions a week, from 2026-11-25.\n", "\(plan)")
        #expect(plan.stderr == core, "\(plan)")
        #expect(try sandbox.sql("SELECT sets, reps, hold_seconds FROM plan") == "3|10|\n")
        #expect(try sandbox.run("plan").stdout.hasSuffix("\n\n" + core))

        let bridge = try sandbox.run("plan", "set", "glute-bridge", "--sets", "2", "--hold", "30", "--per-week", "3")
        #expect(bridge.status == 0, "\(bridge)")
        #expect(
            bridge.stderr == """
                glute-bridge is measured in repetitions, but its plan's dose, 2 × 30 s hold,
                counts seconds held; set it again in repetitions:
                journal plan set glute-bridge --sets 2 --reps N --per-week 3

                """, "\(bridge)")

        // Both from Wednesday: the week counts 5 days, 5 × 5 / 7 = 3.6, rounded 4, and 3 × 5 / 7 = 2.1, rounded 2.
        let today = try sandbox.run("today")
        #expect(today.status == 1, "\(today)")
        #expect(
            today.stdout == """
                Today, Wednesday 2026-11-25
                Due (`journal session` walks you through them):
                  core-activation  3 × 10 reps    0 of 4 this week
                  glute-bridge     2 × 30 s hold  0 of 2 this week


                """ + core + """
                    glute-bridge is measured in repetitions, but its plan's dose, 2 × 30 s hold,
                    counts seconds held; set it again in repetitions:
                    journal plan set glute-bridge --sets 2 --reps N --per-week 3

                    """, "\(today)")
        let session = try sandbox.run("session", "core-activation", stdin: "2\n\n2\n")
        #expect(session.status == 0, "\(session)")
        #expect(session.stderr.contains(core + "Pain before (0-10, s skips, q ends): "), "\(session)")

        let log = try sandbox.run(
            "log", "side-plank", "--sets", "2", "--reps", "10", "--pain-before", "2", "--pain-after", "2")
        #expect(log.status == 0, "\(log)")
        #expect(
            log.stderr
                == "Note: side-plank is measured in seconds held, but this dose, 2 × 10 reps, counts repetitions; "
                + "it is saved as given (--hold SECONDS gives seconds held); if that is a slip, `journal undo` "
                + "removes it.\n", "\(log)")
        #expect(
            try sandbox.sql("SELECT sets, reps, hold_seconds FROM entries WHERE exercise_id = 'side-plank'")
                == "2|10|\n")

        let fits = try sandbox.run(
            "plan", "set", "core-activation", "--sets", "3", "--reps", "10", "--hold", "5", "--per-week", "5")
        #expect(fits.status == 0, "\(fits)")
        // It replaces the dose set earlier today, and names it (issue #26); it fits, so nothing more.
        #expect(
            fits.stderr
                == "Replaced the dose in force today: 3 × 10 reps, 5 sessions a week, from 2026-11-25 (`journal undo` "
                + "puts it back).\n", "\(fits)")
        let held = try sandbox.run(
            "log", "side-plank", "--sets", "2", "--hold", "30", "--pain-before", "2", "--pain-after", "2")
        #expect(held.stderr == "", "\(held)")
    }
}
