import Foundation
import Testing

/// A past period's report reads its standing with only the reviews and the records that a doctor
/// has seen the red flags dated by its last day (issue #25): what was answered after the period
/// stands in its report as it stood then, in every format and every zone.
@Suite struct PastReportReviewsCommandTests {
    /// The UK, 14 hours ahead of UTC and 11 behind it: none changes its clock in November.
    static let zones = ["Europe/London", "Pacific/Kiritimati", "Pacific/Pago_Pago"]

    func json(_ run: Run) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run)")
    }

    /// The exercises of a JSON list of holds.
    func exercises(_ holds: Any?) -> [String]? { (holds as? [[String: Any]])?.compactMap { $0["exercise"] as? String } }

    /// Sets `sandbox`'s clock to `local` (`2026-11-10T18:00:00`) on its zone's clock.
    func setClock(_ sandbox: Sandbox, _ local: String) throws {
        let zone = try #require(TimeZone(identifier: sandbox.environment["TZ"] ?? ""))
        let seconds = zone.secondsFromGMT(for: Date(timeIntervalSince1970: 1_794_960_000))
        let minutes = abs(seconds) / 60
        sandbox.environment["JOURNAL_NOW"] =
            local + (seconds < 0 ? "-" : "+") + String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }

    /// The docs' example (docs/report.md): a fever and a bird-dog rise (3 → 5) on 3 Nov, both
    /// answered on 10 Nov by a physiotherapist's review and a doctor's visit; the clock on 25 Nov.
    func docsExample(zone: String = "Europe/London") throws -> Sandbox {
        let sandbox = Sandbox(timeZone: zone)
        try setClock(sandbox, "2026-11-03T18:00:00")
        try sandbox.change("checkin", "--pain", "4", "--red-flag", "fever", "--at", "2026-11-03 08:00")
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "5", "--at", "2026-11-03 09:00")
        try setClock(sandbox, "2026-11-10T18:00:00")
        try sandbox.change("resume", "bird-dog", "--at", "2026-11-10 10:00")
        try sandbox.change("resume", "--red-flags", "--at", "2026-11-10 10:00")
        sandbox.environment["JOURNAL_NOW"] = Sandbox.noonToday(in: zone)
        return sandbox
    }

    /// Needs attention in the text report of 1–7 Nov: the fever and the hold as they stood on 7 Nov.
    static let standingOnTheSeventh = """
        Needs attention
        SEE A DOCTOR check-in, Tue 3 Nov 08:00, stood 3–7 Nov (5 days)
                You recorded a high temperature, or feeling hot and shivery.
                Ask for an urgent GP appointment today or call 111. These symptoms need
                a doctor today, not a physiotherapy appointment. Still standing at the
                end of the period, not yet seen by a doctor: once one has, record it
                with: journal resume --red-flags
        ON HOLD bird-dog, Tue 3 Nov 09:00, on hold 3–7 Nov (5 days), pain 3 → 5
                Pain went up during bird-dog, from 3 before to 5 after.
                On hold until a physiotherapist has reviewed it: do not do bird-dog
                until then, and record the review with: journal resume bird-dog

        Pain
        """

    /// Needs attention in the text report of 1–10 Nov: both answered that day, each with the 8
    /// days it stood (3–10 Nov).
    static let answeredOnTheTenth = """
        Needs attention
        SEE A DOCTOR check-in, Tue 3 Nov 08:00, stood 3–10 Nov (8 days)
                You recorded a high temperature, or feeling hot and shivery.
                Seen by a doctor on Tue 10 Nov 10:00.
        STOP bird-dog, Tue 3 Nov 09:00, on hold 3–10 Nov (8 days), pain 3 → 5
             Pain went up during bird-dog, from 3 before to 5 after.
             Reviewed by a physiotherapist on Tue 10 Nov 10:00: bird-dog resumed.

        Pain
        """

    @Test(arguments: zones) func theDocsExampleStandsAsOfTheSeventhAndIsAnsweredByTheTenth(zone: String) throws {
        let sandbox = try docsExample(zone: zone)
        let week = ["report", "--from", "2026-11-01", "--to", "2026-11-07"]
        let text = try sandbox.run(week)
        #expect(text.status == 0, "\(text)")
        #expect(text.stdout.contains(Self.standingOnTheSeventh), "\(text)")
        let report = try json(try sandbox.run(week + ["--json"]))
        #expect(report["standing_as_of"] as? String == "2026-11-07")
        #expect(exercises(report["holds"]) == ["bird-dog"])
        let standing = try #require(report["standing"] as? [String: Any])
        #expect(exercises(standing["holds"]) == ["bird-dog"])
        #expect(standing["red_flags_seen"] is NSNull, "\(standing)")
        let findings = try #require(standing["findings"] as? [[String: Any]])
        #expect(findings.map { $0["rule"] as? String } == ["red-flag", "more-pain"], "\(findings)")
        for format in ["markdown", "html"] {
            let run = try sandbox.run(week + ["--format", format])
            let words = run.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(words.contains("check-in, Tue 3 Nov 08:00, stood 3–7 Nov"), "\(format): \(run)")
            #expect(
                words.contains("Still standing at the end of the period, not yet seen by a doctor"),
                "\(format): \(run)")
            #expect(words.contains("On hold until a physiotherapist has reviewed it: do not do bird-dog"), "\(format)")
            #expect(!words.contains("Seen by a doctor"), "\(format): \(run)")
            #expect(!words.contains("Reviewed by a physiotherapist"), "\(format): \(run)")
        }
        // By the 10th both were answered.
        let tenth = ["report", "--from", "2026-11-01", "--to", "2026-11-10"]
        let answered = try sandbox.run(tenth)
        #expect(answered.stdout.contains(Self.answeredOnTheTenth), "\(answered)")
        let answeredJSON = try json(try sandbox.run(tenth + ["--json"]))
        #expect(exercises(answeredJSON["holds"]) == [])
        let standingThen = try #require(answeredJSON["standing"] as? [String: Any])
        #expect(exercises(standingThen["holds"]) == [])
        #expect((standingThen["red_flags_seen"] as? [String: Any])?["id"] as? Int == 1, "\(standingThen)")
        #expect((standingThen["findings"] as? [Any])?.isEmpty == true, "\(standingThen)")
    }

    @Test func aPastReportShowsWhatCheckShowedOnItsLastDay() throws {
        // The docs' journal up to the 7th, what check said that evening, then the answers on the 10th.
        let sandbox = Sandbox()
        try setClock(sandbox, "2026-11-03T18:00:00")
        try sandbox.change("checkin", "--pain", "4", "--red-flag", "fever", "--at", "2026-11-03 08:00")
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "5", "--at", "2026-11-03 09:00")
        try setClock(sandbox, "2026-11-07T18:00:00")
        let check = try json(try sandbox.run("check", "--json"))
        try setClock(sandbox, "2026-11-10T18:00:00")
        try sandbox.change("resume", "bird-dog", "--at", "2026-11-10 10:00")
        try sandbox.change("resume", "--red-flags", "--at", "2026-11-10 10:00")
        sandbox.environment["JOURNAL_NOW"] = Sandbox.noonToday(in: "Europe/London")
        let report = try json(try sandbox.run("report", "--from", "2026-11-01", "--to", "2026-11-07", "--json"))
        let standing = try #require(report["standing"] as? [String: Any])
        for key in ["findings", "holds", "reminders", "red_flags_seen"] {
            let expected = try #require(check[key], "check --json has no \(key)")
            #expect(
                NSArray(array: [expected]) == NSArray(array: [standing[key] ?? "missing"]),
                "\(key): \(check) \(standing)")
        }
        #expect(exercises(check["holds"]) == ["bird-dog"])
    }

    @Test func aReviewDatedInThePeriodAndEnteredAfterItCounts() throws {
        // Stops and fevers on the 3rd and the 7th. On the 10th the person enters the review and the
        // doctor's visit of the 6th, then those of the 9th. As of the 7th, the 6th's answered the
        // 3rd's and the 7th's stood: the review's own date decides, not the day it was entered.
        let sandbox = Sandbox()
        try setClock(sandbox, "2026-11-03T18:00:00")
        try sandbox.change("checkin", "--pain", "4", "--red-flag", "fever", "--at", "2026-11-03 08:00")
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "5", "--at", "2026-11-03 09:00")
        try setClock(sandbox, "2026-11-07T18:00:00")
        try sandbox.change("checkin", "--pain", "4", "--red-flag", "fever", "--at", "2026-11-07 08:00")
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "6", "--at", "2026-11-07 09:00")
        try setClock(sandbox, "2026-11-10T18:00:00")
        for at in ["2026-11-06 10:00", "2026-11-09 10:00"] {
            // Exit status 3 after the 6th's: the 7th's fever still stands.
            #expect([0, 3].contains(try sandbox.run("resume", "bird-dog", "--at", at).status))
            #expect([0, 3].contains(try sandbox.run("resume", "--red-flags", "--at", at).status))
        }
        #expect(try sandbox.sql("SELECT count(*) FROM reviews") == "2\n")
        #expect(try sandbox.sql("SELECT count(*) FROM red_flag_reviews") == "2\n")
        sandbox.environment["JOURNAL_NOW"] = Sandbox.noonToday(in: "Europe/London")
        let week = ["report", "--from", "2026-11-01", "--to", "2026-11-07"]
        let text = try sandbox.run(week)
        #expect(
            text.stdout.contains(
                """
                Needs attention
                SEE A DOCTOR TODAY check-in, Sat 7 Nov 08:00
                        You recorded a high temperature, or feeling hot and shivery.
                        Ask for an urgent GP appointment today or call 111. These symptoms need
                        a doctor today, not a physiotherapy appointment. Still standing at the
                        end of the period, not yet seen by a doctor: once one has, record it
                        with: journal resume --red-flags
                SEE A DOCTOR check-in, Tue 3 Nov 08:00, stood 3–6 Nov (4 days)
                        You recorded a high temperature, or feeling hot and shivery.
                        Seen by a doctor on Fri 6 Nov 10:00.
                ON HOLD bird-dog, Sat 7 Nov 09:00, pain 3 → 6
                        - Pain rose in 2 of the last 3 sessions of bird-dog.
                        - Pain after bird-dog was 6 out of 10: above 5 is more than exercise
                          should cause.
                        - Pain went up during bird-dog, from 3 before to 6 after.
                        On hold until a physiotherapist has reviewed it: do not do bird-dog
                        until then, and record the review with: journal resume bird-dog
                STOP bird-dog, Tue 3 Nov 09:00, on hold 3–6 Nov (4 days), pain 3 → 5
                     Pain went up during bird-dog, from 3 before to 5 after.
                     Reviewed by a physiotherapist on Fri 6 Nov 10:00: bird-dog resumed.

                Pain
                """), "\(text)")
        let report = try json(try sandbox.run(week + ["--json"]))
        let standing = try #require(report["standing"] as? [String: Any])
        let holds = try #require(standing["holds"] as? [[String: Any]])
        #expect(holds.map { $0["since"] as? String } == ["2026-11-07T09:00:00+00:00"])
        #expect(exercises(report["holds"]) == ["bird-dog"])
        let seen = try #require(standing["red_flags_seen"] as? [String: Any])
        #expect(seen["id"] as? Int == 1)
        #expect(seen["reviewed_at"] as? String == "2026-11-06T10:00:00+00:00")
        #expect(
            (standing["findings"] as? [[String: Any]])?.filter { $0["rule"] as? String == "red-flag" }
                .map { $0["performed_at"] as? String } == ["2026-11-07T08:00:00+00:00"])
    }

    @Test func undoingAReviewAfterThePeriodChangesNothingInItsReport() throws {
        let sandbox = try docsExample()
        let week = ["report", "--from", "2026-11-01", "--to", "2026-11-07"]
        let before = try ["text", "json"].map { try sandbox.run(week + ["--format", $0]) }
        #expect(before[0].stdout.contains(Self.standingOnTheSeventh), "\(before[0])")
        let undoVisit = try sandbox.run("undo")
        #expect(undoVisit.status == 0, "\(undoVisit)")
        #expect(undoVisit.stdout.contains("Took back the record that a doctor has seen the red flags"), "\(undoVisit)")
        let undoReview = try sandbox.run("undo")
        #expect(undoReview.status == 0, "\(undoReview)")
        #expect(undoReview.stdout.contains("Took back the physiotherapist's review of bird-dog"), "\(undoReview)")
        #expect(try sandbox.sql("SELECT count(*) FROM reviews") == "0\n")
        #expect(try sandbox.sql("SELECT count(*) FROM red_flag_reviews") == "0\n")
        let after = try ["text", "json"].map { try sandbox.run(week + ["--format", $0]) }
        #expect(after.map(\.stdout) == before.map(\.stdout))
        #expect(after.map(\.status) == [0, 0])
    }

    /// The whole text report of 1–10 Nov made on the 10th, as journal printed it before issue #25's
    /// cut-off: a report that ends today reads every review, as check does.
    static let reportEndingOnTheTenth = """
        Progress report, 2026-11-01 to 2026-11-10 (10 days)
        Advice in this report is for United Kingdom (GB), the region in force when it
        was made.
        The journal began on 2026-11-03, 2 days into this period: days active and the
        plan are counted from then (8 of 10 days).

        Needs attention
        SEE A DOCTOR check-in, Tue 3 Nov 08:00, stood 3–10 Nov (8 days)
                You recorded a high temperature, or feeling hot and shivery.
                Seen by a doctor on Tue 10 Nov 10:00.
        STOP bird-dog, Tue 3 Nov 09:00, on hold 3–10 Nov (8 days), pain 3 → 5
             Pain went up during bird-dog, from 3 before to 5 after.
             Reviewed by a physiotherapist on Tue 10 Nov 10:00: bird-dog resumed.

        Pain
        Active on 1 of 8 days since the journal began, 1 entry. Mean pain before 3.0,
        after 5.0 (change +2.0). Highest pain after: 5 (bird-dog, 3 Nov).
        1 check-in, mean pain 4.0, highest 4 (3 Nov).
        No entries in the previous 10 days (2026-10-22 to 2026-10-31) to compare with.

        Pain before  |  ▃       |
        Pain after   |  ▅       |
        Worst after  |  ▅       |
        Check-in     |  ▄       |
        Findings     |  ◆       |
                     one mark a day, ▁ 0 to █ 10, blank: none; ▲ a safety finding, ◆ a
                     red flag (see a doctor)

        Exercises
        EXERCISE  SESSIONS  SETS  REPS  HOLD S       PAIN  CHANGE  WORST  FLAGGED
        bird-dog         1     1     -       -  3.0 → 5.0    +2.0      5        1
        PAIN: mean before → after; WORST: highest pain after.

        Day by day: mean pain before and after, worst after, findings, check-in pain
        From 2026-11-03, when the journal began.
        DAY             ENTRIES  BEFORE  AFTER  WORST  FINDINGS  CHECK-IN
        Tue 2026-11-03        1     3.0    5.0      5         2       4.0
        Wed 2026-11-04        ·
        Thu 2026-11-05        ·
        Fri 2026-11-06        ·
        Sat 2026-11-07        ·
        Sun 2026-11-08        ·
        Mon 2026-11-09        ·
        Tue 2026-11-10        ·

        Sessions: pain before → after (! a safety finding)
        bird-dog
          3 Nov 3→5!

        Check-ins: pain (◆ red flags recorded)
          3 Nov 4◆
          2026-11-03 08:00 red flags: fever

        Reviewed by a physiotherapist
        2026-11-10 10:00  bird-dog: hold lifted

        """

    @Test func aReportEndingTodayReadsEveryReviewAsCheckDoes() throws {
        let sandbox = try docsExample()
        try setClock(sandbox, "2026-11-10T18:00:00")
        let check = try json(try sandbox.run("check", "--json"))
        #expect(exercises(check["holds"]) == [])
        for period in [["--week"], ["--from", "2026-11-01", "--to", "2026-11-10"]] {
            let standing = try #require(
                try json(try sandbox.run(["report"] + period + ["--json"]))["standing"] as? [String: Any])
            for key in ["findings", "holds", "reminders", "red_flags_seen"] {
                #expect(
                    NSArray(array: [check[key] ?? "missing"]) == NSArray(array: [standing[key] ?? "missing"]),
                    "\(period) \(key)")
            }
        }
        let text = try sandbox.run("report", "--from", "2026-11-01", "--to", "2026-11-10")
        #expect(text.stdout == Self.reportEndingOnTheTenth, "\(text)")
        // The day before, both stood.
        let ninth = try json(try sandbox.run("report", "--from", "2026-11-01", "--to", "2026-11-09", "--json"))
        #expect(exercises((ninth["standing"] as? [String: Any])?["holds"]) == ["bird-dog"])
        #expect((ninth["standing"] as? [String: Any])?["red_flags_seen"] is NSNull)
    }
}
