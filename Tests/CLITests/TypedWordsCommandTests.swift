import Foundation
import Testing

/// The words a third fresh-context tester typed from README and `--help` alone (#26): days with
/// their weekday, tomorrow's date without a year, options by the words people use for them,
/// `--week=6`, `--last "6 weeks."`, a part of today after midnight and numbers too large to hold.
///
/// Noon on Wednesday 2026-11-25 in London unless a test says otherwise; a refusal leaves the
/// journal as it was (no file, when nothing came before).
@Suite struct TypedWordsCommandTests {
    let sandbox = Sandbox()

    /// Refused with `message` (the whole of standard error, or its beginning when `prefix`), exit 64,
    /// nothing on standard output.
    func refused(_ arguments: [String], _ message: String, prefix: Bool = false) throws {
        let run = try sandbox.run(arguments)
        #expect(run.status == 64, "\(run)")
        #expect(run.stdout.isEmpty, "\(run)")
        #expect(prefix ? run.stderr.hasPrefix(message) : run.stderr == message, "\(run)")
    }

    /// The entries' times as stored: Unix seconds and the offset, one a line.
    func stored() throws -> String {
        try sandbox.sql("SELECT performed_at, utc_offset FROM entries_with_ids ORDER BY id")
    }

    // MARK: A day with its weekday

    @Test func aDayWithItsWeekdayIsThatDayOrRefusedNamingItsWeekday() throws {
        // 2026-11-20 19:00 GMT: 2026-11-20T12:00Z is 1_795_176_000, + 7 × 3,600.
        let run = try sandbox.run(
            "log", "glute-bridge", "--pain-before", "3", "--pain-after", "2", "--at", "Fri 20 Nov 7pm")
        #expect(run.stdout == "Logged #1 glute-bridge: 1 set, pain 3 → 2, at 2026-11-20 19:00 (UTC+00:00).\n", "\(run)")
        // Tuesday 2026-11-17 12:00 GMT: 1_795_176_000 − 3 × 86,400.
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "2", "--at", "Tue 2026-11-17")
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "2", "--at", "tuesday 17 nov")
        #expect(try stored() == "1795201200|0\n1794916800|0\n1794916800|0\n")
        try refused(
            ["log", "glute-bridge", "--pain-before", "3", "--pain-after", "2", "--at", "Tue 20 Nov"],
            "journal: cannot use \"Tue 20 Nov\" as a date: 20 Nov 2026 is a Friday, not a Tuesday.\n")
        try refused(
            ["report", "--from", "Mon 2026-11-17"],
            "journal: cannot use \"Mon 2026-11-17\" as a date: 17 Nov 2026 is a Tuesday, not a Monday.\n")
        #expect(try stored() == "1795201200|0\n1794916800|0\n1794916800|0\n")
    }

    /// In New York (daylight saving, standard time in November): 2026-11-20 19:00 EST is
    /// 2026-11-21T00:00Z, 1_795_176_000 + 12 × 3,600.
    @Test func aDayWithItsWeekdayIsReadOnTheLocalClock() throws {
        let newYork = Sandbox(timeZone: "America/New_York")
        try newYork.log("glute-bridge", "--pain-before", "3", "--pain-after", "2", "--at", "Fri, 20 Nov 7pm")
        #expect(try newYork.sql("SELECT performed_at, utc_offset FROM entries") == "1795219200|-18000\n")
    }

    // MARK: A day without a year, still ahead

    @Test func tomorrowsDateWithoutAYearIsRefusedWithTheYearForLastYears() throws {
        let message =
            "journal: \"26 nov\" is Thu 26 Nov, still to come: for a day that has come, check the date "
            + "(today is Wed 25 Nov); for last year's, \"26 Nov 2025\""
        // What the command records, or for a report's first day the option to leave out.
        try refused(
            ["log", "glute-bridge", "--pain-before", "3", "--pain-after", "2", "--at", "26 nov"],
            message + ". journal log records only what has already happened.\n")
        try refused(["report", "--from", "26 nov"], message + "; for the 7 days ending today, leave --from out.\n")
        #expect(!FileManager.default.fileExists(atPath: sandbox.database))
        // The way it names: 2025-11-26 12:00 GMT, 365 days before 2026-11-26T12:00Z (1_795_694_400).
        try sandbox.log("glute-bridge", "--pain-before", "3", "--pain-after", "2", "--at", "26 Nov 2025")
        // A day already past this year is the most recent: 2026-11-20 12:00.
        try sandbox.log("glute-bridge", "--pain-before", "3", "--pain-after", "2", "--at", "20 nov")
        #expect(try stored() == "1764158400|0\n1795176000|0\n")
    }

    // MARK: Options by the words people use

    @Test func anOptionByAWordPeopleUseForItPointsAtIt() throws {
        let log = ["log", "glute-bridge", "--pain-before", "3", "--pain-after", "2"]
        for word in ["--time", "--when", "--date", "--on", "--day"] {
            try refused(
                log + [word, "7pm"], "Error: Unknown option '\(word)'. The nearest: --at.\nUsage: journal log",
                prefix: true)
            try refused(
                ["checkin", "--pain", "3", "\(word)=7am"], "Error: Unknown option '\(word)'. The nearest: --at.\n",
                prefix: true)
        }
        for word in ["--last-weeks", "--weeks-back"] {
            try refused(
                ["report", word, "6"], "Error: Unknown option '\(word)'. The nearest: --weeks, --last.\n", prefix: true)
        }
        try refused(
            ["report", "--since", "monday"], "Error: Unknown option '--since'. The nearest: --from.\n", prefix: true)
        try refused(
            ["report", "--date", "monday"], "Error: Unknown option '--date'. The nearest: --from.\n", prefix: true)
        try refused(
            ["plan", "set", "glute-bridge", "--sets", "3", "--per-week", "5", "--from", "monday"],
            "Error: Unknown option '--from'. The nearest: --since.\n", prefix: true)
        #expect(!FileManager.default.fileExists(atPath: sandbox.database))
    }

    /// An edit-distance guess is offered only when it is near: within two edits and fewer than half
    /// the letters (`--time` on a command without `--at` is not `--side`; `--rap` is not `--reps`).
    @Test func aFarOffOptionGetsNoGuess() throws {
        try refused(["report", "--time", "7pm"], "Error: Unknown option '--time'\nUsage: journal report", prefix: true)
        try refused(["report", "--on", "monday"], "Error: Unknown option '--on'\nUsage: journal report", prefix: true)
        try refused(
            ["log", "glute-bridge", "--pain-before", "3", "--pain-after", "2", "--rap", "10"],
            "Error: Unknown option '--rap'\nUsage: journal log", prefix: true)
        try refused(
            ["log", "glute-bridge", "--pain-before", "3", "--pain-after", "2", "--sied", "left"],
            "Error: Unknown option '--sied'. The nearest: --side.\n", prefix: true)
        #expect(!FileManager.default.fileExists(atPath: sandbox.database))
    }

    // MARK: --week=6, --last "6 weeks.", the quoting hint

    @Test func weekWithANumberAttachedGetsTheSameHint() throws {
        try refused(
            ["report", "--week=6"],
            "Error: --week takes no number: it is the 7 days ending today. For 6 weeks: --weeks 6 (or --last 6w).\n"
                + "Usage: journal report", prefix: true)
        try refused(
            ["report", "--month=3"],
            "Error: --month takes no number: it is the 30 days ending today. For 3 months: --months 3 (or --last 3m).\n",
            prefix: true)
    }

    @Test func aSpanEndingInAFullStopIsReadAndARefusedOneShowsExamples() throws {
        let run = try sandbox.run("report", "--last", "6 weeks.")
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.hasPrefix("Progress report, 2026-10-15 to 2026-11-25 (42 days)\n"), "\(run)")
        try refused(
            ["report", "--last", "6 weaks"],
            """
            journal: cannot report the last "6 weaks": journal reads spans such as
              10d or 10 days
              6w or 6 weeks
              3m or 3 months (months of 30 days)
              1y or 1 year (12 such months: 360 days)
              up to 3660 days: 522w, 122m or 10y

            """)
    }

    @Test func theQuotingHintShowsTheValueAsRead() throws {
        try refused(
            ["log", "glute-bridge", "--pain-before", "3", "--pain-after", "2", "--at", "yesterday", "7pm."],
            "Error: Unexpected argument '7pm.'. A value of more than one word goes in quotes: --at \"yesterday 7pm\".\n",
            prefix: true)
        #expect(!FileManager.default.fileExists(atPath: sandbox.database))
    }

    // MARK: A part of today after midnight

    /// At 00:30, `this evening` is 19:00 today, still to come: it points at yesterday evening, and
    /// that is what it reads as (2026-11-24 19:00 GMT: 2026-11-25T00:00Z is 1_795_564_800, − 5 × 3,600).
    @Test func thisEveningAfterMidnightPointsAtYesterdayEvening() throws {
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T00:30:00+00:00"
        try refused(
            ["checkin", "--pain", "3", "--at", "this evening"],
            "journal: \"this evening\" is 2026-11-25 19:00 (UTC+00:00), still to come: it stands for 19:00; "
                + "for yesterday's say \"yesterday evening\" or \"last night\", or give the time (such as 11pm) "
                + "or \"now\". journal checkin records only what has already happened.\n")
        #expect(!FileManager.default.fileExists(atPath: sandbox.database))
        try sandbox.change("checkin", "--pain", "3", "--at", "yesterday evening")
        try sandbox.change("checkin", "--pain", "3", "--at", "11pm")
        #expect(
            try sandbox.sql("SELECT performed_at, utc_offset FROM checkins_with_ids ORDER BY id")
                == "1795546800|0\n1795561200|0\n")
    }

    // MARK: Numbers too large to hold

    @Test func aHugeNumberGetsTheRangeMessage() throws {
        let tooFar =
            "that is further back than journal goes: at most 3660 days, 522 weeks or 120 calendar months ago.\n"
        for text in ["99999999999 days ago", "99999999999999999999 days ago"] {
            try refused(
                ["log", "glute-bridge", "--pain-before", "3", "--pain-after", "2", "--at", text],
                "journal: cannot use \"\(text)\" as a date: " + tooFar)
            try refused(["report", "--from", text], "journal: cannot use \"\(text)\" as a date: " + tooFar)
        }
        try refused(
            ["report", "--weeks", "99999999999999999999"],
            "Error: --weeks 99999999999999999999: give a number of weeks from 1 to 522.\nUsage: journal report",
            prefix: true)
        try refused(
            ["report", "--months=99999999999999999999"],
            "Error: --months 99999999999999999999: give a number of months (of 30 days) from 1 to 122.\n",
            prefix: true)
        try refused(
            ["report", "--last", "99999999999999999999w"],
            "journal: cannot report the last \"99999999999999999999w\": that is more than the 3660 days one report "
                + "covers; give at most 522w.\n")
        #expect(!FileManager.default.fileExists(atPath: sandbox.database))
    }
}
