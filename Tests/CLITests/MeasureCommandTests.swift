import Foundation
import Testing

/// How an exercise is measured (issue #26): `exercises edit --hold` / `--reps` changes it and undo
/// puts it back; `exercises show`, `plan` and `session` say it in the same words, and a plan's
/// dose in the other measure is named with what sets it again, never read as this one's.
@Suite struct MeasureCommandTests {
    /// A sandbox on UTC's clock at noon on the test day.
    func sandbox() -> Sandbox {
        let sandbox = Sandbox(timeZone: "UTC")
        sandbox.environment["LANG"] = "C.UTF-8"
        return sandbox
    }

    /// What `plan` and `session` say of cat-cow's plan of 3 × 10 reps once it is held for seconds.
    static let catCowOtherMeasure = """
        cat-cow is measured in seconds held, but its plan's dose, 3 × 10 reps, counts
        repetitions; set it again in seconds:
        journal plan set cat-cow --sets 3 --hold SECONDS --per-week 5

        """

    @Test func editChangesTheMeasureAndUndoPutsItBack() throws {
        let sandbox = sandbox()
        try sandbox.change("exercises", "add", "cat-cow", "--name", "Cat-cow", "--category", "stretch")
        try sandbox.change("plan", "set", "cat-cow", "--sets", "3", "--reps", "10", "--per-week", "5")
        _ = try sandbox.log("cat-cow", "--pain-before", "2", "--pain-after", "2", "--sets", "3", "--reps", "10")

        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T12:05:00+00:00"
        let edit = try sandbox.run("exercises", "edit", "cat-cow", "--hold")
        #expect(edit.status == 0, "\(edit)")
        #expect(
            edit.stdout == """
                Changed cat-cow (Cat-cow): measured in seconds held (was in repetitions).
                `journal exercises show cat-cow` shows it. The entries logged before keep the
                doses they recorded.

                """ + Self.catCowOtherMeasure, "\(edit)")
        #expect(try sandbox.sql("SELECT measure FROM exercises WHERE id = 'cat-cow'") == "hold\n")
        // The entry keeps its repetitions and the plan its dose: nothing is read as seconds.
        #expect(try sandbox.sql("SELECT sets, reps, hold_seconds FROM entries") == "3|10|\n")
        #expect(try sandbox.sql("SELECT sets, reps, hold_seconds FROM plan") == "3|10|\n")
        #expect(try sandbox.run("exercises", "show", "cat-cow").stdout.contains("\nMeasured: in seconds held\n"))
        let plan = try sandbox.run("plan")
        #expect(
            plan.stdout == """
                EXERCISE  SETS  REPS  HOLD S  PER WEEK  SINCE
                cat-cow      3    10       -         5  2026-11-25


                """ + Self.catCowOtherMeasure, "\(plan)")
        // The same measure again changes nothing; both at once is a usage error.
        let again = try sandbox.run("exercises", "edit", "cat-cow", "--hold")
        #expect(again.stdout == "cat-cow already had what you gave; nothing changed.\n", "\(again)")
        let both = try sandbox.run("exercises", "edit", "cat-cow", "--hold", "--reps")
        #expect(both.status == 64, "\(both)")
        #expect(both.stderr.hasPrefix("Error: Give --hold or --reps, not both.\n"), "\(both)")

        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T12:07:00+00:00"
        let undo = try sandbox.run("undo")
        #expect(undo.status == 0, "\(undo)")
        #expect(
            undo.stdout
                == "Put back your exercise cat-cow, Cat-cow (undid exercises edit cat-cow, 2 minutes ago): "
                + "measured in repetitions (the edit had in seconds held).\n", "\(undo)")
        #expect(try sandbox.sql("SELECT measure FROM exercises WHERE id = 'cat-cow'") == "reps\n")
        #expect(try sandbox.run("plan").stdout.hasSuffix("cat-cow      3    10       -         5  2026-11-25\n"))

        // --reps measures it in repetitions again; a built-in exercise's measure is not changed.
        try sandbox.change("exercises", "edit", "cat-cow", "--hold")
        let reps = try sandbox.run("exercises", "edit", "cat-cow", "--reps")
        #expect(reps.stdout.hasPrefix("Changed cat-cow (Cat-cow): measured in repetitions (was in seconds held)."))
        #expect(!reps.stdout.contains("plan set"), "\(reps)")
        let builtIn = try sandbox.run("exercises", "edit", "side-plank", "--reps")
        #expect(builtIn.status == 64, "\(builtIn)")
        #expect(try sandbox.sql("SELECT measure FROM exercises WHERE id = 'side-plank'") == "hold\n")
    }

    /// A built-in exercise (side-plank, held), one's own (knee-hug, added with --hold) and an edited
    /// one (cat-cow, added in repetitions, then held): `exercises show`, `plan` and `session` agree;
    /// a plan's dose in the other measure is named, and taken as it is given.
    @Test func showPlanAndSessionAgreeOnTheMeasure() throws {
        let sandbox = sandbox()
        try sandbox.change("exercises", "add", "knee-hug", "--name", "Knee hug", "--category", "stretch", "--hold")
        try sandbox.change("exercises", "add", "cat-cow", "--name", "Cat-cow", "--category", "stretch")
        try sandbox.change("plan", "set", "side-plank", "--sets", "2", "--hold", "30", "--per-week", "5")
        try sandbox.change("plan", "set", "knee-hug", "--sets", "2", "--hold", "20", "--per-week", "5")
        try sandbox.change("plan", "set", "cat-cow", "--sets", "3", "--reps", "10", "--per-week", "5")
        try sandbox.change("exercises", "edit", "cat-cow", "--hold")
        for id in ["side-plank", "knee-hug", "cat-cow"] {
            let show = try sandbox.run("exercises", "show", id)
            #expect(show.stdout.contains("\nMeasured: in seconds held"), "\(show)")
        }
        #expect(try sandbox.run("exercises", "show", "glute-bridge").stdout.contains("\nMeasured: in repetitions\n"))
        // The plan names only cat-cow's dose, in repetitions.
        let plan = try sandbox.run("plan")
        #expect(plan.stdout.hasSuffix("5  2026-11-25\n\n" + Self.catCowOtherMeasure), "\(plan)")
        #expect(plan.stdout.components(separatedBy: "is measured").count == 2, "\(plan)")

        // side-plank: pain 2, the plan's dose, the left side, pain 2; knee-hug: 2, the plan's, 2;
        // cat-cow: 2, a dose in seconds typed rather than the plan's in repetitions, 2.
        let session = try sandbox.run(
            "session", "side-plank", "knee-hug", "cat-cow", stdin: "2\n\nleft\n2\n2\n\n2\n2\n2x30s\n2\n")
        #expect(session.status == 0, "\(session)")
        #expect(
            session.stderr.contains(
                "Dose in seconds held [2 × 30 s hold] (Enter accepts, or 2x30s; s skips, q ends): "), "\(session)")
        #expect(
            session.stderr.contains(
                "Dose in seconds held [2 × 20 s hold] (Enter accepts, or 2x30s; s skips, q ends): "), "\(session)")
        #expect(
            session.stderr.contains(
                "Cat-cow (cat-cow)\n  Added by you; your physiotherapist's instructions apply.\n"
                    + Self.catCowOtherMeasure + "Pain before (0-10, s skips, q ends): "
                    + "Dose in repetitions, as the plan gives it [3 × 10 reps] (Enter accepts, or in seconds held: 2x30s; "
                    + "s skips, q ends): "),
            "\(session)")
        #expect(
            try sandbox.sql("SELECT exercise_id, sets, reps, hold_seconds, side FROM entries_with_ids ORDER BY id")
                == "side-plank|2||30|left\nknee-hug|2||20|\ncat-cow|2||30|\n")
        // Enter takes the plan's dose as the plan gives it, 3 × 10 reps: never read as seconds.
        let enter = try sandbox.run("session", "cat-cow", stdin: "2\n\n2\n")
        #expect(enter.status == 0, "\(enter)")
        #expect(
            enter.stderr.contains(
                "Dose in repetitions, as the plan gives it [3 × 10 reps] (Enter accepts, or in seconds held: 2x30s"),
            "\(enter)")
        #expect(try sandbox.sql("SELECT sets, reps, hold_seconds FROM entries_with_ids WHERE id = 4") == "3|10|\n")

        // Without a plan the dose asked is in the exercise's measure: glute-bridge counts repetitions.
        let unplanned = try sandbox.run("session", "glute-bridge", stdin: "2\n")
        #expect(unplanned.stderr.contains("Dose in repetitions (3x10, 3x10x5s; s skips, q ends): "), "\(unplanned)")
        // A built-in exercise takes a dose in either measure too, named as one's own is.
        try sandbox.change("plan", "set", "glute-bridge", "--sets", "3", "--hold", "30", "--per-week", "5")
        #expect(try sandbox.run("plan").stdout.contains("glute-bridge is measured in repetitions, but its plan's dose"))
    }

    /// `log` does not note the measure of an entry that follows its plan (issue #26).
    ///
    /// An entry that follows its plan's dose in force that day, planned in the other measure than
    /// the exercise's, is not noted: the plan names it already. One in the other measure from a
    /// plan in the exercise's, or logged before any plan began, still is.
    @Test func logDoesNotNoteTheMeasureOfAnEntryThatFollowsItsPlan() throws {
        let sandbox = sandbox()
        try sandbox.change("exercises", "add", "knee-hug", "--name", "Knee hug", "--category", "stretch", "--hold")
        try sandbox.change(
            "plan", "set", "knee-hug", "--sets", "3", "--reps", "10", "--per-week", "5", "--since", "2026-11-24")
        try sandbox.change("plan", "set", "glute-bridge", "--sets", "2", "--hold", "30", "--per-week", "5")
        let held = try sandbox.log("knee-hug", "--pain-before", "2", "--pain-after", "2", "--sets", "3", "--reps", "10")
        #expect(held.stderr == "", "\(held)")
        let counted = try sandbox.log(
            "glute-bridge", "--pain-before", "2", "--pain-after", "2", "--sets", "2", "--hold", "30")
        #expect(counted.stderr == "", "\(counted)")
        // Before the plan began, nothing planned says it: noted as before.
        let before = try sandbox.log(
            "knee-hug", "--pain-before", "2", "--pain-after", "2", "--sets", "3", "--reps", "10", "--at",
            "2026-11-23 09:00")
        #expect(
            before.stderr
                == "Note: knee-hug is measured in seconds held, but this dose, 3 × 10 reps, counts repetitions; "
                + "it is saved as given (--hold SECONDS gives seconds held); if that is a slip, `journal undo` "
                + "removes it.\n", "\(before)")
        // The plan in the exercise's measure, the entry in the other: noted, with the unit apart.
        try sandbox.change("plan", "set", "knee-hug", "--sets", "2", "--hold", "20", "--per-week", "5")
        let other = try sandbox.log(
            "knee-hug", "--pain-before", "3", "--pain-after", "2", "--sets", "3", "--reps", "10")
        #expect(
            other.stderr
                == "Note: knee-hug is measured in seconds held, but this dose, 3 × 10 reps, counts repetitions; "
                + "it is saved as given (--hold SECONDS gives seconds held); if that is a slip, `journal undo` "
                + "removes it.\n"
                + "Note: 3 × 10 reps is in another unit from the plan's 2 × 20 s hold, so it was not compared "
                + "with it; if that is a slip, `journal undo` removes it.\n", "\(other)")
        #expect(
            try sandbox.sql("SELECT exercise_id, sets, reps, hold_seconds FROM entries_with_ids ORDER BY id")
                == "knee-hug|3|10|\nglute-bridge|2||30\nknee-hug|3|10|\nknee-hug|3|10|\n")
    }

    /// `today --json` carries, as `measure_note`, the sentence `today` shows under its list for a
    /// dose in force in the other measure than the exercise's, on one line; `null` for one that fits.
    @Test func todayJSONCarriesTheMeasureNoteTodayShows() throws {
        let sandbox = sandbox()
        try sandbox.change("exercises", "add", "cat-cow", "--name", "Cat-cow", "--category", "stretch")
        try sandbox.change("plan", "set", "cat-cow", "--sets", "3", "--reps", "10", "--per-week", "5")
        try sandbox.change("plan", "set", "glute-bridge", "--sets", "3", "--reps", "10", "--per-week", "1")
        try sandbox.change("exercises", "edit", "cat-cow", "--hold")
        _ = try sandbox.log("glute-bridge", "--pain-before", "2", "--pain-after", "2", "--sets", "3", "--reps", "10")
        let text = try sandbox.run("today")
        #expect(text.stdout.hasSuffix("\n\n" + Self.catCowOtherMeasure), "\(text)")
        let run = try sandbox.run("today", "--json")
        #expect(run.status == 1, "\(run)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let due = try #require(object["due"] as? [[String: Any]])
        let notDue = try #require(object["not_due"] as? [[String: Any]])
        #expect(due.map { $0["exercise"] as? String } == ["cat-cow"])
        #expect(
            due.first?["measure_note"] as? String
                == "cat-cow is measured in seconds held, but its plan's dose, 3 × 10 reps, counts repetitions; "
                + "set it again in seconds: journal plan set cat-cow --sets 3 --hold SECONDS --per-week 5")
        #expect(notDue.map { $0["exercise"] as? String } == ["glute-bridge"])
        #expect(notDue.first?["measure_note"] is NSNull, "\(run)")
        #expect(notDue.first?["reason"] as? String == "on_pace")
    }

    /// The standing lines keep within 80 columns, each after the first indented, with the longest
    /// id (40 characters) and name (60) an exercise may have and a red flag's long advice.
    @Test func standingLinesFitEightyColumns() throws {
        let sandbox = sandbox()
        let id = "a-very-long-exercise-id-of-forty-letters"
        #expect(id.count == 40)
        try sandbox.change(
            "exercises", "add", id, "--name", String(repeating: "N", count: 60), "--category", "stretch")
        _ = try sandbox.log(id, "--pain-before", "3", "--pain-after", "8", "--at", "2026-11-24 18:00")
        _ = try sandbox.run("checkin", "--pain", "5", "--red-flag", "fever")
        let log = try sandbox.run("log", "glute-bridge", "--pain-before", "2", "--pain-after", "2")
        #expect(log.status == 0, "\(log)")
        #expect(
            log.stderr.hasSuffix(
                """
                Still on hold since 2026-11-24: a-very-long-exercise-id-of-forty-letters
                  (high-pain, #1); see a physiotherapist, then
                  `journal resume a-very-long-exercise-id-of-forty-letters`.

                """), "\(log)")
        for run in [log, try sandbox.run("today"), try sandbox.run("check")] {
            for line in (run.stdout + run.stderr).split(separator: "\n") {
                #expect(line.count <= 80, "\(line.count) columns: \(line)")
            }
        }
        #expect(log.stderr.contains("Still standing, recorded 2026-11-25, not yet seen by a doctor:"), "\(log)")
    }
}
