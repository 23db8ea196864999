import Foundation
import Testing

@Suite struct ReportCommandTests {
    let sandbox = Sandbox(timeZone: "America/New_York")

    func json(_ run: Run) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    /// `--to` a day still to come this week reports the days so far (a tester, issue #26).
    ///
    /// Said on standard error; further ahead, refused as still to come. Wednesday 2026-12-09, New York.
    @Test func aLastDayStillToComeReportsTheDaysSoFar() throws {
        sandbox.environment["JOURNAL_NOW"] = "2026-12-09T17:00:00Z"
        try sandbox.log("glute-bridge", "--pain-before", "4", "--pain-after", "3", "--at", "2026-12-08 10:00")
        let run = try sandbox.run("report", "--to", "13 dec", "--json")
        #expect(run.status == 0, "\(run)")
        let report = try json(run)
        #expect((report["from"] as? String, report["to"] as? String) == ("2026-12-07", "2026-12-09"))
        #expect(report["entries"] as? Int == 1)
        #expect(
            run.stderr
                == "Sun 13 Dec is still to come: the report covers the days so far, 2026-12-07 to 2026-12-09.\n")
        let far = try sandbox.run("report", "--to", "2026-12-16")
        #expect(far.status == 64)
        #expect(
            far.stderr
                == "journal: \"2026-12-16\" is Wed 16 Dec, still to come: a report's first day must have come "
                + "(a last day to come gives the days so far); for the 7 days ending today, leave --to out.\n")
        #expect(far.stdout == "")
    }

    /// `--to tomorrow` reports the days so far (a tester, issue #26: it was refused as not a day).
    ///
    /// As any last day still to come does; `--from tomorrow` is refused as still to come, as any
    /// first day still to come is. Wednesday 2026-12-09, New York: tomorrow is Thu 10 Dec, and the
    /// 7 days ending then began on Fri 4 Dec.
    @Test func tomorrowAsTheLastDayReportsTheDaysSoFar() throws {
        sandbox.environment["JOURNAL_NOW"] = "2026-12-09T17:00:00Z"
        try sandbox.log("glute-bridge", "--pain-before", "4", "--pain-after", "3", "--at", "2026-12-08 10:00")
        let run = try sandbox.run("report", "--to", "tomorrow", "--json")
        #expect(run.status == 0, "\(run)")
        let report = try json(run)
        #expect((report["from"] as? String, report["to"] as? String) == ("2026-12-04", "2026-12-09"))
        #expect(report["entries"] as? Int == 1)
        #expect(
            run.stderr
                == "Thu 10 Dec is still to come: the report covers the days so far, 2026-12-04 to 2026-12-09.\n")
        let weeks = try sandbox.run("report", "--from", "2 weeks ago", "--to", "tomorrow", "--json")
        #expect(weeks.status == 0, "\(weeks)")
        #expect(try json(weeks)["from"] as? String == "2026-11-25")
        #expect(weeks.stderr.hasPrefix("Thu 10 Dec is still to come: the report covers the days so far, 2026-11-25"))
        let from = try sandbox.run("report", "--from", "tomorrow")
        #expect(from.status == 64)
        #expect(
            from.stderr
                == "journal: \"tomorrow\" is Thu 10 Dec, still to come: a report's first day must have come "
                + "(a last day to come gives the days so far); for the 7 days ending today, leave --from out.\n")
        #expect(from.stdout == "")
    }

    @Test func reportsAPeriodAcrossTheDaylightSavingChange() throws {
        try sandbox.log(
            "glute-bridge", "--pain-before", "6", "--pain-after", "5", "--sets", "3", "--reps", "10", "--at",
            "2026-10-31 23:30")
        try sandbox.log(
            "glute-bridge", "--pain-before", "4", "--pain-after", "4", "--sets", "3", "--reps", "10", "--at",
            "2026-11-01 00:30")
        try sandbox.log(
            "side-plank", "--pain-before", "3", "--pain-after", "5", "--sets", "2", "--hold", "30", "--at",
            "2026-11-01 23:30")
        try sandbox.log(
            "bird-dog", "--pain-before", "2", "--pain-after", "1", "--sets", "2", "--reps", "8", "--at",
            "2026-11-07 23:59")
        let run = try sandbox.run("report", "--from", "2026-11-01", "--to", "2026-11-07", "--json")
        #expect(run.status == 0, "\(run)")
        let report = try json(run)
        #expect(report["entries"] as? Int == 3)
        #expect(report["days_active"] as? Int == 2)
        #expect(report["pain_after_mean"] as? Double == 3.33)
        #expect((report["flags"] as? [[String: Any]])?.map { $0["entry_id"] as? Int } == [3])
        let previous = try #require(report["previous"] as? [String: Any])
        #expect(previous["pain_before_mean"] as? Double == 6.0)
        // Too few sessions before for a verdict (fewer than 3).
        #expect(previous["verdict"] as? String == "too few previous sessions")

        let text = try sandbox.run("report", "--from", "2026-11-01", "--to", "2026-11-07")
        #expect(
            text.stdout.hasPrefix("Progress report, 2026-11-01 to 2026-11-07 (7 days)\nAdvice in this report is for"))
        // On hold from 1 Nov (local, whatever the clock change) to the period's last day, 7 Nov: 7 days.
        #expect(
            text.stdout.contains(
                "\n\nNeeds attention\nON HOLD side-plank, Sun 1 Nov 23:30, on hold 1–7 Nov (7 days), pain 3 → 5\n"),
            "\(text)")
        #expect(text.stdout.contains("\nPain\nActive on 2 of 7 days, 3 entries."))
        #expect(text.stdout.contains("side-plank           1     2     -      60  3.0 → 5.0    +2.0      5        1"))
        #expect(!text.stdout.contains("\u{1B}"))

        let markdown = try sandbox.run("report", "--from", "2026-11-01", "--to", "2026-11-07", "--markdown")
        #expect(markdown.stdout.hasPrefix("# Progress report: 2026-11-01 to 2026-11-07\n"))
        #expect(markdown.stdout.contains("| side-plank | 1 | 2 | - | 60 | 3.0 | 5.0 | +2.0 | 5 | 1 |"))
    }

    @Test func theDefaultIsTheWeekEndingToday() throws {
        // Today is JOURNAL_NOW's day in New York: 2026-11-25.
        try sandbox.log("pelvic-tilt", "--pain-before", "3", "--pain-after", "2", "--reps", "10")
        let report = try json(try sandbox.run("report", "--json"))
        #expect(report["from"] as? String == "2026-11-19")
        #expect(report["to"] as? String == "2026-11-25")
        let days = try #require(report["days"] as? [[String: Any]])
        #expect(days.compactMap { $0["date"] as? String }.first == "2026-11-19")
        #expect(days.compactMap { $0["date"] as? String }.last == "2026-11-25")
        #expect(days.count == 7)
        #expect(days.map { $0["entries"] as? Int } == [0, 0, 0, 0, 0, 0, 1])
        let month = try json(try sandbox.run("report", "--month", "--json"))
        #expect(month["from"] as? String == "2026-10-27")
        #expect(month["to"] as? String == "2026-11-25")
        #expect((month["days"] as? [Any])?.count == 30)
    }

    @Test func anEmptyPeriodIsAFriendlyLineNotAnError() throws {
        let run = try sandbox.run("report", "--from", "2026-01-01", "--to", "2026-01-07")
        #expect(run.status == 0)
        #expect(run.stdout.contains("No entries between 2026-01-01 and 2026-01-07. Record one with:"))
        #expect(!FileManager.default.fileExists(atPath: sandbox.database))
        let json = try json(try sandbox.run("report", "--from", "2026-01-01", "--to", "2026-01-07", "--json"))
        #expect(json["entries"] as? Int == 0)
        #expect(json["pain_before_mean"] is NSNull)
    }

    /// A period without entries still opens with what needs attention (issue #26): a red flag
    /// and a hold from before it stand, and come before the line that says the period is empty,
    /// in every format; HTML says so too.
    @Test func anEmptyPeriodSaysWhatNeedsAttentionFirst() throws {
        _ = try sandbox.log("glute-bridge", "--pain-before", "2", "--pain-after", "6", "--at", "2026-11-01 08:00")
        let checkIn = try sandbox.run(
            "checkin", "--pain", "7", "--red-flag", "saddle-numbness", "--at", "2026-11-02 08:00")
        try #require(checkIn.status == 0, "\(checkIn)")
        func order(_ output: String, _ first: String, _ then: String) -> Bool {
            guard let attention = output.range(of: first), let empty = output.range(of: then) else { return false }
            return attention.lowerBound < empty.lowerBound
        }
        let empty = "No entries between 2026-11-19 and 2026-11-25"
        let text = try sandbox.run("report").stdout
        #expect(order(text, "\nNeeds attention\n", empty + ". Record one with:"), "\(text)")
        #expect(order(text, "ON HOLD", empty), "\(text)")
        let markdown = try sandbox.run("report", "--markdown").stdout
        #expect(order(markdown, "## Needs attention", empty + " (7 days)."), "\(markdown)")
        let html = try sandbox.run("report", "--format", "html").stdout
        #expect(order(html, "Needs attention</h2>", empty + " (7 days)."), "\(html)")
    }

    @Test(arguments: [
        (["--from", "2026-11-08", "--to", "2026-11-01"], 64, "cannot report from 2026-11-08 to 2026-11-01"),
        (["--from", "2026-02-30"], 64, "that day does not exist"),
        (
            ["--week", "--month"], 64,
            "Choose one of --week, --month, --last (or --weeks, --months) or --from/--to; --week and --month were given."
        ),
        (
            ["--json", "--markdown"], 64,
            "Choose one of --json, --markdown or --format; --json and --markdown were given."
        ),
        (
            ["--format", "html", "--markdown"], 64,
            "Choose one of --json, --markdown or --format; --markdown and --format html were given."
        ),
        (["--exercise", "glute-brige"], 64, "did you mean \"glute-bridge\"?"),
    ])
    func badPeriodsAreUsageErrors(arguments: [String], status: Int32, message: String) throws {
        let run = try sandbox.run(["report"] + arguments)
        #expect(run.status == status, "\(run)")
        #expect(run.stderr.contains(message), "\(run)")
    }
}
