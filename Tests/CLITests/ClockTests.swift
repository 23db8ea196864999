import Foundation
import Testing

/// `$JOURNAL_NOW` sets the moment every command takes for now; `$TZ` sets the clock it is read on.
@Suite struct ClockTests {
    let sandbox = Sandbox()

    @Test func yesterdayIsTheDayBeforeJournalNowsDay() throws {
        // The sandbox's now: 2026-11-25 12:00 in London.
        let winter = try sandbox.log("bird-dog", "--pain-before", "2", "--pain-after", "2", "--at", "yesterday")
        #expect(winter.stdout == "Logged #1 bird-dog: 1 set, pain 2 → 2, at 2026-11-24 12:00 (UTC+00:00).\n")
        // Unix seconds for 2026-07-01 16:05 UTC: 17:05 in London, on summer time.
        sandbox.environment["JOURNAL_NOW"] = "1782921900"
        let summer = try sandbox.log("bird-dog", "--pain-before", "2", "--pain-after", "2", "--at", "yesterday")
        #expect(summer.stdout == "Logged #2 bird-dog: 1 set, pain 2 → 2, at 2026-06-30 12:00 (UTC+01:00).\n")
        // 2026-11-24T12:00:00Z and 2026-06-30T11:00:00Z.
        #expect(
            try sandbox.sql("SELECT performed_at, utc_offset FROM entries_with_ids ORDER BY id")
                == "1795521600|0\n1782817200|3600\n")
    }

    /// At 00:30 GMT on 2026-03-29 London's 01:30 that day is skipped (issue #26): the refusal
    /// says so, not that 01:30 GMT is in the future, and nothing is written.
    @Test func aSkippedTimeStillToComeIsRefusedAsSkipped() throws {
        sandbox.environment["JOURNAL_NOW"] = "2026-03-29T00:30:00Z"
        let run = try sandbox.run("log", "bird-dog", "--pain-before", "2", "--pain-after", "2", "--at", "sunday 1:30")
        #expect(run.status == 64, "\(run)")
        #expect(run.stdout == "")
        #expect(
            run.stderr.contains(
                "cannot use \"sunday 1:30\" as a date: the clocks in Europe/London skipped 2026-03-29 01:30 "
                    + "(a daylight-saving change), and that change is still to come"), "\(run)")
        #expect(!run.stderr.contains("future"), "\(run)")
        let entries = FileManager.default.fileExists(atPath: sandbox.database) ? try sandbox.entryCount() : 0
        #expect(entries == 0)
    }

    @Test func aLogWithoutAtIsAtJournalNow() throws {
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T07:30:00-05:00"
        let run = try sandbox.log("bird-dog", "--pain-before", "2", "--pain-after", "2")
        #expect(run.stdout == "Logged #1 bird-dog: 1 set, pain 2 → 2, at 2026-11-25 12:30 (UTC+00:00).\n")
        #expect(try sandbox.sql("SELECT performed_at FROM entries") == "1795609800\n")
    }

    @Test(arguments: [
        "tomorrow", "2026-11-25", "2026-11-25T12:00:00", "12.5", " ", "-1", "9223372036854775807", "253402300800",
    ])
    func aMalformedJournalNowIsAUsageErrorAndSavesNothing(value: String) throws {
        sandbox.environment["JOURNAL_NOW"] = value
        let run = try sandbox.run("log", "bird-dog", "--pain-before", "2", "--pain-after", "2")
        #expect(run.status == 64, "\(run)")
        #expect(run.stdout == "")
        #expect(
            run.stderr
                == "journal: cannot use \"\(value)\" as a date: JOURNAL_NOW must be Unix seconds or a timestamp such as 2026-11-20T07:30:00+01:00, between 1970 and 9999.\n"
        )
        #expect(!FileManager.default.fileExists(atPath: sandbox.database))
    }
}
