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

    /// A report on the one exercise done tells the same stretch as the whole report (a tester: it
    /// said "nothing … in this period"); JSON lists it too.
    @Test func oneExerciseTellsTheTrendItWasPartOf() throws {
        let sandbox = try programme()
        let run = try sandbox.run("report", "--last", "6w", "--exercise", "glute-bridge")
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.contains("SEE A GP pain trend, stood 23–27 Oct (5 days)"), "\(run)")
        #expect(!run.stdout.contains("nothing, no holds or safety findings"), "\(run)")
        let json = try sandbox.run("report", "--last", "6w", "--exercise", "glute-bridge", "--json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let stretches = try #require(object["pain_trend_stood"] as? [[String: Any]], "\(json)")
        #expect(stretches.map { $0["days"] as? Int } == [5])
    }
}
