import Foundation
import Testing

/// Issue #26: a left and a right of one exercise on one day are one session for the plan's count,
/// and the report names each sessions a week in force when it changed.
@Suite struct SidesCountCommandTests {
    func json(_ run: Run) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    /// The exercises, each with what adds it (none for a built-in one), its dose, the dose's words
    /// and a zone.
    static let exercises: [(String, [String], [String], String, String)] = [
        ("side-plank", [], ["--hold", "20"], "2 × 20 s hold", "Pacific/Auckland"),
        (
            "clamshell", ["--name", "Clamshell", "--category", "stability", "--sides"], ["--reps", "10"],
            "2 × 10 reps", "America/Toronto"
        ),
    ]

    /// Logs 2 sets of `dose` on `side` at `at`, pain 2 before and after.
    func log(_ sandbox: Sandbox, _ exercise: String, _ dose: [String], side: String, at: String) throws {
        let run = try sandbox.run(
            ["log", exercise, "--sets", "2"] + dose + [
                "--side", side, "--pain-before", "2", "--pain-after", "2", "--at", at,
            ])
        try #require(run.status == 0, "\(run)")
    }

    /// A built-in exercise done a side at a time (side-plank, held) and one's own added with
    /// `--sides` (clamshell, repeated), each planned 3 a week from Monday 23 November.
    ///
    /// Logged left at 09:00 and right at 09:02 on Monday: one session. On Wednesday 25 `today` says
    /// 1 of 3 (was 2 of 3); the report of Monday to Wednesday plans 3 × 3 / 7 = 1.3, 1, and counts
    /// 1 done, 100% (was 2, 200%), while the Exercises table still lists 2 sessions (entries). A
    /// second left on Monday at 19:00 waits for its right: 2 of 3, and the report 2 done, 200%.
    @Test(arguments: Self.exercises)
    func aLeftAndARightOnOneDayAreOneSession(
        exercise: String, own: [String], dose: [String], wording: String, zone: String
    ) throws {
        let sandbox = Sandbox(timeZone: zone)
        if !own.isEmpty { try #require(try sandbox.run(["exercises", "add", exercise] + own).status == 0) }
        let plan = try sandbox.run(
            ["plan", "set", exercise, "--sets", "2"] + dose + ["--per-week", "3", "--since", "2026-11-23"])
        try #require(plan.status == 0, "\(plan)")
        for (side, at) in [("left", "2026-11-23 09:00"), ("right", "2026-11-23 09:02")] {
            try log(sandbox, exercise, dose, side: side, at: at)
        }
        let today = try sandbox.run("today")
        #expect(
            today.stdout
                == "Today, Wednesday 2026-11-25\nDue (`journal session` walks you through them):\n"
                + "  \(exercise)  \(wording)  1 of 3 this week\n", "\(today)")
        let todayJSON = try json(try sandbox.run("today", "--json"))
        let item = try #require((todayJSON["due"] as? [[String: Any]])?.first, "\(todayJSON)")
        #expect(item["done_this_week"] as? Int == 1)
        #expect(item["planned_this_week"] as? Int == 3)

        sandbox.environment["COLUMNS"] = "100"
        let period = ["report", "--from", "2026-11-23", "--to", "2026-11-25"]
        let report = try sandbox.run(period + ["--format", "markdown"])
        #expect(report.status == 0, "\(report)")
        #expect(report.stdout.contains("| \(exercise) | 2026-11-23 | 3 | 1 | 1 | 100% |"), "\(report)")
        var adherence = try #require(
            (try json(try sandbox.run(period + ["--json"]))["adherence"] as? [[String: Any]])?.first)
        #expect((adherence["done"] as? Int, adherence["planned"] as? Int) == (1, 1))
        #expect(adherence["percent"] as? Double == 100)

        try log(sandbox, exercise, dose, side: "left", at: "2026-11-23 19:00")
        #expect(try sandbox.run("today").stdout.contains("  \(exercise)  \(wording)  2 of 3 this week\n"))
        adherence = try #require(
            (try json(try sandbox.run(period + ["--json"]))["adherence"] as? [[String: Any]])?.first)
        #expect((adherence["done"] as? Int, adherence["planned"] as? Int) == (2, 1))
    }

    /// glute-bridge 3 × 10, 5 a week, from Monday 2 November; 3 × 12, 5 a week, from the 9th; 3 × 12,
    /// 3 a week, from the 16th; a session on the 2nd (the journal begins) and one on the 17th.
    ///
    /// The report of 2 to 22 November plans (5 × 14 + 3 × 7) / 7 = 13 and names both sessions a
    /// week, the 9th's change of reps alone not one: "5; 3 from 2026-11-16" in text, Markdown and
    /// HTML; JSON keeps `per_week` 3 and adds each under `per_week_changes`.
    @Test func aChangeOfSessionsAWeekIsShownWithItsStart() throws {
        let sandbox = Sandbox(timeZone: "Europe/London")
        for (reps, perWeek, since) in [("10", "5", "2026-11-02"), ("12", "5", "2026-11-09"), ("12", "3", "2026-11-16")]
        {
            try sandbox.change(
                "plan", "set", "glute-bridge", "--sets", "3", "--reps", reps, "--per-week", perWeek, "--since", since)
        }
        for (reps, at) in [("10", "2026-11-02 09:00"), ("12", "2026-11-17 09:00")] {
            try sandbox.log(
                "glute-bridge", "--sets", "3", "--reps", reps, "--pain-before", "2", "--pain-after", "2", "--at", at)
        }
        sandbox.environment["COLUMNS"] = "120"
        let period = ["report", "--from", "2026-11-02", "--to", "2026-11-22", "--format"]
        let text = try sandbox.run(period + ["text"])
        #expect(
            text.stdout.contains("glute-bridge  2026-11-02  5; 3 from 2026-11-16     2       13        15%\n"),
            "\(text)")
        let markdown = try sandbox.run(period + ["markdown"])
        #expect(
            markdown.stdout.contains("| glute-bridge | 2026-11-02 | 5; 3 from 2026-11-16 | 2 | 13 | 15% |"),
            "\(markdown)")
        let html = try sandbox.run(period + ["html"])
        #expect(html.stdout.contains("<td class=\"number\">5; 3 from 2026-11-16</td>"), "\(html)")
        let object = try json(try sandbox.run(period + ["json"]))
        let adherence = try #require((object["adherence"] as? [[String: Any]])?.first)
        #expect((adherence["per_week"] as? Int, adherence["planned"] as? Int) == (3, 13))
        let changes = try #require(adherence["per_week_changes"] as? [[String: Any]])
        #expect(changes.map { $0["per_week"] as? Int } == [5, 3])
        #expect(changes.map { $0["since"] as? String } == ["2026-11-02", "2026-11-16"])
    }
}
