import Foundation
import Testing

/// A weekday typed on that weekday, and days still to come, as a fresh-context tester met them
/// (issue #26): `monday evening` and `monday 7pm` at 10:00 on Monday 2026-12-07 point at the
/// Monday before, in the words of the command run; a report's first day or last day still to come
/// says so, with its year when that is not this year's.
///
/// In London (GMT in December) and Tokyo (UTC+09:00); a refusal writes nothing.
@Suite struct TodaysWeekdayCommandTests {
    /// A sandbox at 10:00 on Monday 2026-12-07 on `zone`'s clock.
    func mondayMorning(_ zone: String, offset: String) -> Sandbox {
        let sandbox = Sandbox(timeZone: zone)
        sandbox.environment["JOURNAL_NOW"] = "2026-12-07T10:00:00" + offset
        return sandbox
    }

    /// Refused with exactly `message` on standard error, exit 64, nothing on standard output, no
    /// journal made (unless one was, `journal`).
    func refused(_ sandbox: Sandbox, _ arguments: [String], _ message: String, journal: Bool = false) throws {
        let run = try sandbox.run(arguments)
        #expect(run.status == 64, "\(run)")
        #expect(run.stdout.isEmpty, "\(run)")
        #expect(run.stderr == message, "\(run)")
        #expect(FileManager.default.fileExists(atPath: sandbox.database) == journal, "\(run)")
    }

    @Test(arguments: [("Europe/London", "+00:00"), ("Asia/Tokyo", "+09:00")])
    func aTimeOnTodaysWeekdayStillToComeNamesTheMondayBeforeAndTheCommand(zone: String, offset: String) throws {
        let sandbox = mondayMorning(zone, offset: offset)
        try refused(
            sandbox, ["checkin", "--pain", "3", "--at", "monday 7pm"],
            "journal: \"monday 7pm\" is 2026-12-07 19:00 (UTC\(offset)), which is in the future; for last Monday's "
                + "say \"last monday 7pm\"; journal checkin records only what has already happened.\n")
        try refused(
            sandbox, ["log", "bird-dog", "--pain-before", "3", "--pain-after", "2", "--at", "monday 7pm"],
            "journal: \"monday 7pm\" is 2026-12-07 19:00 (UTC\(offset)), which is in the future; for last Monday's "
                + "say \"last monday 7pm\"; journal log records only what has already happened.\n")
        try refused(
            sandbox, ["psfs", "add", "walking", "--at", "2026-12-08"],
            "journal: \"2026-12-08\" is 2026-12-08 12:00 (UTC\(offset)), which is in the future; journal psfs add "
                + "records only what has already happened.\n")
        try refused(
            sandbox, ["checkin", "--pain", "3", "--at", "monday evening"],
            "journal: \"monday evening\" is 2026-12-07 19:00 (UTC\(offset)), still to come: it stands for 19:00; "
                + "for last Monday's say \"last monday evening\", or give the time (such as 7:30am) or \"now\". "
                + "journal checkin records only what has already happened.\n")
        // What it points at: Monday 2026-11-30 19:00.
        let run = try sandbox.run("checkin", "--pain", "3", "--at", "last monday evening")
        #expect(run.stdout == "Checked in #1: pain 3, at 2026-11-30 19:00 (UTC\(offset)).\n", "\(run)")
        // `monday` alone is today, now, as before.
        let today = try sandbox.run("checkin", "--pain", "3", "--at", "monday")
        #expect(today.stdout == "Checked in #2: pain 3, at 2026-12-07 10:00 (UTC\(offset)).\n", "\(today)")
    }

    @Test(arguments: [("Europe/London", "+00:00"), ("Asia/Tokyo", "+09:00")])
    func aReportsDayStillToComeSaysSoWithItsYearInAnotherYear(zone: String, offset: String) throws {
        let sandbox = mondayMorning(zone, offset: offset)
        try refused(
            sandbox, ["report", "--from", "2026-12-20"],
            "journal: \"2026-12-20\" is Sun 20 Dec, still to come: a report's first day must have come (a last day "
                + "to come gives the days so far); for the 7 days ending today, leave --from out.\n")
        try refused(
            sandbox, ["report", "--to", "2027-11-30"],
            "journal: \"2027-11-30\" is Tue 30 Nov 2027, still to come: a report's first day must have come (a last "
                + "day to come gives the days so far); for the 7 days ending today, leave --to out.\n")
        // Across New Year: Wednesday 2026-12-30, a report to Saturday 2 January.
        sandbox.environment["JOURNAL_NOW"] = "2026-12-30T10:00:00" + offset
        let run = try sandbox.run("report", "--to", "2027-01-02")
        #expect(run.status == 0, "\(run)")
        #expect(
            run.stderr
                == "Sat 2 Jan 2027 is still to come: the report covers the days so far, 2026-12-27 to 2026-12-30.\n",
            "\(run)")
    }

    /// Every time still to come ends by saying what the command run records, a part of the day
    /// and a time within the hour too (issue #26); a report's first day without a year names the
    /// option to leave out, as one with its year does.
    @Test(arguments: [("Europe/London", "+00:00"), ("Asia/Tokyo", "+09:00")])
    func everyTimeStillToComeSaysWhatTheCommandRecords(zone: String, offset: String) throws {
        let sandbox = mondayMorning(zone, offset: offset)
        func ends(_ arguments: [String], _ command: String) throws {
            let run = try sandbox.run(arguments)
            #expect(run.status == 64, "\(run)")
            #expect(run.stdout.isEmpty, "\(run)")
            #expect(run.stderr.hasPrefix("journal: \""), "\(run)")
            #expect(
                run.stderr.hasSuffix(" or \"now\". journal \(command) records only what has already happened.\n"),
                "\(run)")
        }
        try ends(["checkin", "--pain", "3", "--at", "tonight"], "checkin")
        try ends(["log", "bird-dog", "--pain-before", "3", "--pain-after", "2", "--at", "monday evening"], "log")
        try ends(["resume", "--red-flags", "--at", "this evening"], "resume")
        #expect(!FileManager.default.fileExists(atPath: sandbox.database))
        try sandbox.change("psfs", "add", "walking", "--at", "2026-12-06")
        let ratings = try sandbox.sql("SELECT count(*) FROM psfs_ratings")
        try ends(["psfs", "rate", "1", "4", "--at", "monday evening"], "psfs rate")
        #expect(try sandbox.sql("SELECT count(*) FROM psfs_ratings") == ratings)

        // Within the hour at 18:30 on Friday 2026-11-20: a rounded "just now", and what checkin records.
        sandbox.environment["JOURNAL_NOW"] = "2026-11-20T18:30:00" + offset
        let justDone = "still to come: for what you have just done, give the time it ended or \"now\""
        let records = "journal checkin records only what has already happened.\n"
        for text in ["friday 19:00", "2026-11-20 19:00"] {
            try refused(
                sandbox, ["checkin", "--pain", "3", "--at", text],
                "journal: \"\(text)\" is 2026-11-20 19:00 (UTC\(offset)), \(justDone). \(records)", journal: true)
        }
        try refused(
            sandbox, ["checkin", "--pain", "3", "--at", "7:15pm"],
            "journal: \"7:15pm\" is 2026-11-20 19:15 (UTC\(offset)), \(justDone); for yesterday's, "
                + "\"yesterday 7:15pm\". \(records)", journal: true)

        // On Wednesday 2026-12-30, `--from "2 jan"` is Saturday's, to come.
        sandbox.environment["JOURNAL_NOW"] = "2026-12-30T10:00:00" + offset
        try refused(
            sandbox, ["report", "--from", "2 jan"],
            "journal: \"2 jan\" is Sat 2 Jan 2027, still to come: for a day that has come, check the date (today is "
                + "Wed 30 Dec); for this year's, \"2 Jan 2026\"; for the 7 days ending today, leave --from out.\n",
            journal: true)
    }
}
