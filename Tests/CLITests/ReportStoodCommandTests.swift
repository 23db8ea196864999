import Foundation
import Journal
import Testing

/// A report over a period tells what stood during it (issue #26): a six-week programme whose pain
/// trend stood for five days in its third week, reported the morning after it ended, in every format.
@Suite struct ReportStoodCommandTests {
    /// One glute-bridge session a day at 18:00 from 5 Oct to 15 Nov 2026 (42 days, Europe/London),
    /// pain before 3 but 5 on 21–23 Oct; the clock on 16 Nov 08:00.
    ///
    /// As of the end of 23 Oct the last 7 days' mean is 27/7 = 3.9 against 3.0 (+0.9, +30%): worse;
    /// so to 27 Oct, whose 7 days before (14–20 Oct) are all 3; on 28 Oct 3.6 against 3.3.
    func programme() throws -> Sandbox {
        let sandbox = Sandbox(timeZone: "Europe/London")
        sandbox.environment["JOURNAL_NOW"] = "2026-11-16T08:00:00+00:00"
        let first = try #require(LocalDate(iso8601: "2026-10-05"))
        let script = (0..<42).map { offset in
            let pain = (16...18).contains(offset) ? "5" : "3"
            let day = first.adding(days: offset).iso8601
            return "\"$JOURNAL\" log glute-bridge --pain-before \(pain) --pain-after \(pain) --at '\(day) 18:00' "
                + ">/dev/null 2>&1 || exit 1"
        }.joined(separator: "\n")
        try #require(try sandbox.shell(script) == 0)
        return sandbox
    }

    @Test func textTellsTheTrendWithItsDays() throws {
        let run = try programme().run("report", "--last", "6w")
        #expect(run.status == 0, "\(run)")
        #expect(
            run.stdout.contains(
                """

                Needs attention
                SEE A GP pain trend, stood 23–27 Oct (5 days)
                        Mean pain before exercise over the last 7 days was 3.9, up from 3.0 in
                        the 7 days before (+0.9, +30%).
                        Contact a physiotherapist about the rise in your pain. Book a GP
                        appointment. This is not an emergency, but a doctor should see it, not
                        only a physiotherapist.

                Pain

                """), "\(run)")
        #expect(!run.stdout.contains("nothing, no holds or safety findings"))
    }

    @Test func markdownTellsTheTrendWithItsDays() throws {
        let run = try programme().run("report", "--last", "6w", "--format", "markdown")
        #expect(run.status == 0, "\(run)")
        #expect(
            run.stdout.contains(
                """
                ## Needs attention

                - **SEE A GP** pain trend, stood 23–27 Oct \\(5 days\\): Mean pain before exercise over the last 7 \
                days was 3.9, up from 3.0 in the 7 days before \\(\\+0.9, \\+30%\\). Contact a physiotherapist about \
                the rise in your pain. Book a GP appointment. This is not an emergency, but a doctor should see it, \
                not only a physiotherapist.

                """), "\(run)")
    }

    @Test func htmlTellsTheTrendWithItsDays() throws {
        let run = try programme().run("report", "--last", "6w", "--format", "html")
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.contains("<td>stood 23–27 Oct (5 days)</td>"), "\(run)")
        #expect(run.stdout.contains("<td class=\"about\">pain trend</td>"))
        #expect(!run.stdout.contains("No holds or safety findings in this period."))
    }

    @Test func jsonListsTheStretch() throws {
        let run = try programme().run("report", "--last", "6w", "--json")
        #expect(run.status == 0, "\(run)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        // The flags hold the trend as of the last day only: it no longer stood on 15 Nov.
        #expect((json["flags"] as? [Any])?.isEmpty == true)
        let stretches = try #require(json["pain_trend_stood"] as? [[String: Any]], "\(run)")
        #expect(stretches.count == 1)
        #expect(stretches.first?["from"] as? String == "2026-10-23")
        #expect(stretches.first?["to"] as? String == "2026-10-27")
        #expect(stretches.first?["days"] as? Int == 5)
        let flag = try #require(stretches.first?["flag"] as? [String: Any])
        #expect(flag["rule"] as? String == "worsening")
        #expect(flag["severity"] as? String == "see-gp")
        #expect(flag["performed_at"] as? String == "2026-10-27T18:00:00+00:00")
        #expect(
            flag["message"] as? String
                == "Mean pain before exercise over the last 7 days was 3.9, up from 3.0 in the 7 days before (+0.9, +30%)."
        )
    }

    /// A hold and an emergency red flag that stood from before the period and were lifted inside
    /// it (a tester: "Needs attention: nothing, no holds or safety findings in this period" of ten
    /// days of both): nothing stands at the period's end, and what was lifted during it is said,
    /// in every format.
    @Test func whatWasLiftedDuringThePeriodIsSaid() throws {
        let sandbox = Sandbox(timeZone: "Europe/London")
        sandbox.environment["JOURNAL_NOW"] = "2026-11-20T18:00:00Z"
        try sandbox.change("log", "bird-dog", "--pain-before", "3", "--pain-after", "6", "--at", "2026-10-01 08:00")
        try sandbox.change("checkin", "--pain", "5", "--red-flag", "saddle-numbness", "--at", "2026-10-02 08:00")
        try sandbox.change("resume", "bird-dog", "--at", "2026-10-20 10:00", "--note", "ok")
        try sandbox.change("resume", "--red-flags", "--at", "2026-10-21 10:00", "--note", "gp")
        try sandbox.change("log", "glute-bridge", "--pain-before", "2", "--pain-after", "2", "--at", "2026-11-10 08:00")
        let sentence =
            "nothing stands at the period's end; during it, the hold on bird-dog was lifted by a "
            + "physiotherapist's review on Tue 20 Oct 10:00; red flags were seen by a doctor on Wed 21 Oct 10:00"
        let text = try sandbox.run("report", "--last", "6w")
        #expect(text.status == 0, "\(text)")
        #expect(
            text.stdout.contains(
                """
                Needs attention: nothing stands at the period's end; during it, the hold on
                bird-dog was lifted by a physiotherapist's review on Tue 20 Oct 10:00; red flags
                were seen by a doctor on Wed 21 Oct 10:00.
                """), "\(text)")
        #expect(!text.stdout.contains("no holds or safety findings"), "\(text)")
        let markdown = try sandbox.run("report", "--last", "6w", "--format", "markdown")
        #expect(markdown.stdout.contains("N" + sentence.dropFirst() + "."), "\(markdown)")
        let html = try sandbox.run("report", "--last", "6w", "--format", "html")
        #expect(html.stdout.contains("N" + sentence.dropFirst() + "."), "\(html)")
    }
}
