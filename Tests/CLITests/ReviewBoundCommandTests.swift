import Foundation
import Testing

/// `journal check` reads what stands as the report ending today does: the reviews dated by the end
/// of today, each on its own clock (`AsOf`), one rule for both.
@Suite struct ReviewBoundCommandTests {
    /// Toronto, Saturday 7 Nov 2026 at 15:00, with bird-dog on hold since the day before (3 → 5).
    let sandbox: Sandbox = {
        let sandbox = Sandbox()
        sandbox.environment["TZ"] = "America/Toronto"
        sandbox.environment["JOURNAL_NOW"] = "2026-11-07T15:00:00-05:00"
        return sandbox
    }()

    func json(_ arguments: String...) throws -> [String: Any] {
        let run = try sandbox.run(arguments)
        try #require(run.status == 0 || run.status == 2, "\(arguments): \(run)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    func heldExercises(_ standing: [String: Any]) -> [String] {
        (standing["holds"] as? [[String: Any]] ?? []).compactMap { $0["exercise"] as? String }
    }

    /// Logs the session that begins the hold, entered when it was done.
    func logTheRise() throws {
        let now = sandbox.environment["JOURNAL_NOW"]
        sandbox.environment["JOURNAL_NOW"] = "2026-11-06T08:30:00-05:00"
        defer { sandbox.environment["JOURNAL_NOW"] = now }
        _ = try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "5", "--at", "2026-11-06 08:00")
    }

    @Test func aReviewGivenWithAFarZonesOffsetCountsFromItsOwnDateInCheckAndReportAlike() throws {
        try logTheRise()
        // The same instant as now, dated 8 Nov on its own clock: recorded, and it counts from 8 Nov.
        let resume = try sandbox.run("resume", "bird-dog", "--at", "2026-11-08T01:00+05:00")
        #expect(resume.status == 2, "\(resume)")
        #expect(
            resume.stdout
                == "Recorded the review of bird-dog, 2026-11-08 01:00 (UTC+05:00); bird-dog is still on hold.\n")
        #expect(
            resume.stderr.hasPrefix(
                """
                bird-dog is still on hold since 2026-11-06 08:00 (more-pain, #1): the review is
                dated 2026-11-08 on its own clock, after today, so it counts from that day, as a
                """), "\(resume.stderr)")

        var check = try json("check", "--json")
        check["exit_status"] = nil
        let report = try json("report", "--from", "2026-11-01", "--to", "2026-11-07", "--json")
        let standing = try #require(report["standing"] as? [String: Any])
        #expect(heldExercises(check) == ["bird-dog"])
        #expect(NSDictionary(dictionary: check).isEqual(to: standing), "check \(check)\nreport \(standing)")

        // On 8 Nov it answers the hold, in check and in the report ending that day.
        sandbox.environment["JOURNAL_NOW"] = "2026-11-08T09:00:00-05:00"
        #expect(heldExercises(try json("check", "--json")) == [])
        let eighth = try json("report", "--from", "2026-11-01", "--to", "2026-11-08", "--json")
        #expect(heldExercises(try #require(eighth["standing"] as? [String: Any])) == [])
    }

    /// `log` of the held exercise, and a second `resume`, read the hold as `check` does: the review
    /// dated 8 Nov lifts nothing on the 7th (both read every review before, and `log` said nothing).
    @Test func logAndResumeSeeTheHoldAReviewDatedTomorrowLeaves() throws {
        try logTheRise()
        #expect(try sandbox.run("resume", "bird-dog", "--at", "2026-11-08T01:00+05:00").status == 2)
        let logged = try sandbox.run("log", "bird-dog", "--pain-before", "2", "--pain-after", "2")
        #expect(logged.status == 0, "\(logged)")
        #expect(logged.stderr.hasPrefix("ON HOLD bird-dog is on hold since 2026-11-06 08:00"), "\(logged)")
        let logJSON = try json("log", "bird-dog", "--pain-before", "2", "--pain-after", "2", "--json")
        #expect((logJSON["hold"] as? [String: Any])?["exercise"] as? String == "bird-dog", "\(logJSON)")
        let again = try sandbox.run("resume", "bird-dog", "--at", "2026-11-07 14:00")
        #expect(again.status == 0, "\(again)")
        #expect(again.stdout.hasPrefix("Resumed bird-dog: reviewed 2026-11-07 14:00 (UTC-05:00); the hold"), "\(again)")
        #expect(try sandbox.sql("SELECT count(*) FROM reviews") == "2\n")
        #expect(heldExercises(try json("check", "--json")) == [])
    }

    @Test func aReviewDatedAfterNowDoesNotLiftAHoldToday() throws {
        try logTheRise()
        try sandbox.change("resume", "bird-dog", "--at", "2026-11-07 14:00")
        #expect(heldExercises(try json("check", "--json")) == [])
        // Moved to 8 Nov 14:00 from outside (a clock set ahead, say): not yet given today.
        _ = try sandbox.sql("UPDATE reviews SET reviewed_at = reviewed_at + 86400")
        #expect(heldExercises(try json("check", "--json")) == ["bird-dog"])
        // Dated ahead of now and after it was recorded, it is named as a value from outside (exit 65:
        // `today` has no status of its own for a hold).
        let today = try sandbox.run("today", "--json")
        #expect(today.status == 65, "\(today)")
        #expect(today.stderr.contains("- reviews row 1, column reviewed_at: 1794164400 (2026-11-08 14:00"), "\(today)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(today.stdout.utf8)) as? [String: Any])
        #expect(heldExercises(object["standing"] as? [String: Any] ?? [:]) == ["bird-dog"])
    }
}
