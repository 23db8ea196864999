import Foundation
import Journal
import Testing

/// A report tells the holds and red flags that stood during its period with their days (issue
/// #26): a six-week report of a person whose emergency red flag stood 17 of its days, in every
/// format, from the journal's records, in a zone with a change of clocks inside the period and in
/// one without.
@Suite struct ReportLiftedCommandTests {
    /// A journal in `zone`, the clock on Fri 20 Nov 2026.
    ///
    /// 18:00 UTC is the same local day in both zones, so `--last 6w` is 10 Oct – 20 Nov.
    /// Europe/London moves its clocks back on Sun 25 Oct; Asia/Kolkata never does.
    ///
    /// - bird-dog 3 → 6 on Thu 1 Oct 08:00, reviewed Tue 20 Oct 10:00: on hold from before the
    ///   period, 10–20 Oct of it (11 days).
    /// - saddle numbness (an emergency red flag) on Fri 2 Oct 08:00, seen by a doctor on Mon 26 Oct
    ///   10:00: 10–26 Oct of the period (17 days).
    /// - pelvic-tilt 2 → 5 on Mon 5 Oct 08:00, never reviewed: the whole period (42 days).
    /// - side-plank 2 → 4 on Sat 24 Oct 09:00, reviewed Tue 27 Oct 09:00: 24–27 Oct (4 days, across
    ///   the change of clocks); 2 → 5 on Sun 15 Nov 08:00, not reviewed: 15–20 Nov (6 days).
    func journal(_ zone: String) throws -> Sandbox {
        let sandbox = Sandbox(timeZone: zone)
        sandbox.environment["JOURNAL_NOW"] = "2026-11-20T18:00:00Z"
        try sandbox.change("log", "bird-dog", "--pain-before", "3", "--pain-after", "6", "--at", "2026-10-01 08:00")
        try sandbox.change("checkin", "--pain", "5", "--red-flag", "saddle-numbness", "--at", "2026-10-02 08:00")
        try sandbox.change("log", "pelvic-tilt", "--pain-before", "2", "--pain-after", "5", "--at", "2026-10-05 08:00")
        try sandbox.change("resume", "bird-dog", "--at", "2026-10-20 10:00", "--note", "ok")
        try sandbox.change("log", "side-plank", "--pain-before", "2", "--pain-after", "4", "--at", "2026-10-24 09:00")
        try sandbox.change("resume", "--red-flags", "--at", "2026-10-26 10:00", "--note", "gp")
        try sandbox.change("resume", "side-plank", "--at", "2026-10-27 09:00", "--note", "fine")
        try sandbox.change("log", "glute-bridge", "--pain-before", "2", "--pain-after", "2", "--at", "2026-11-10 08:00")
        try sandbox.change("log", "side-plank", "--pain-before", "2", "--pain-after", "5", "--at", "2026-11-15 08:00")
        return sandbox
    }

    static let zones = ["Europe/London", "Asia/Kolkata"]

    @Test(arguments: zones) func textTellsWhatWasLiftedWithItsDays(zone: String) throws {
        let run = try journal(zone).run("report", "--last", "6w")
        #expect(run.status == 0, "\(run)")
        let attention = try #require(
            run.stdout.components(separatedBy: "\nNeeds attention\n").dropFirst().first?
                .components(separatedBy: "\n\n").first, "\(run)")
        // Each item's heading, its wrapped lines joined: most severe first, holds standing at the end
        // before the stops lifted in the period.
        let flat = attention.replacingOccurrences(of: "\n +", with: " ", options: .regularExpression)
        let headings = [
            "URGENT: SEEK EMERGENCY CARE NOW check-in, Fri 2 Oct 08:00, stood 10–26 Oct in this period (17 days)",
            "ON HOLD pelvic-tilt, Mon 5 Oct 08:00, on hold 10 Oct – 20 Nov in this period (42 days)",
            "ON HOLD side-plank, Sun 15 Nov 08:00, on hold 15–20 Nov (6 days), pain 2 → 5",
            "STOP bird-dog, Thu 1 Oct 08:00, on hold 10–20 Oct in this period (11 days)",
            "STOP side-plank, Sat 24 Oct 09:00, on hold 24–27 Oct (4 days), pain 2 → 4",
        ]
        let found = headings.map { flat.range(of: $0)?.lowerBound }
        #expect(!found.contains(nil), "\(attention)")
        #expect(found.compactMap { $0 } == found.compactMap { $0 }.sorted(), "\(attention)")
        #expect(attention.contains("Seen by a doctor on Mon 26 Oct 10:00: gp."), "\(attention)")
        #expect(attention.contains("Reviewed by a physiotherapist on Tue 20 Oct 10:00: bird-dog resumed."))
        #expect(attention.contains("Reviewed by a physiotherapist on Tue 27 Oct 09:00: side-plank"))
        #expect(!run.stdout.contains("no holds or safety findings"), "\(run)")
    }

    @Test(arguments: zones) func markdownAndHTMLTellTheSameDays(zone: String) throws {
        let sandbox = try journal(zone)
        let markdown = try sandbox.run("report", "--last", "6w", "--format", "markdown")
        #expect(markdown.status == 0, "\(markdown)")
        #expect(
            markdown.stdout.contains("bird-dog, Thu 1 Oct 08:00, on hold 10–20 Oct in this period \\(11 days\\): "),
            "\(markdown)")
        #expect(markdown.stdout.contains("side-plank, Sat 24 Oct 09:00, on hold 24–27 Oct \\(4 days\\), pain 2 → 4: "))
        #expect(markdown.stdout.contains("check-in, Fri 2 Oct 08:00, stood 10–26 Oct in this period \\(17 days\\): "))
        let html = try sandbox.run("report", "--last", "6w", "--format", "html")
        #expect(html.status == 0, "\(html)")
        for when in [
            "Thu 1 Oct 08:00, on hold 10–20 Oct in this period (11 days)",
            "Sat 24 Oct 09:00, on hold 24–27 Oct (4 days)",
        ] {
            #expect(html.stdout.contains("<td>\(when)</td>"), "\(when)")
        }
        // The emergency red flag is the banner at the top, with its days.
        #expect(
            html.stdout.contains(
                "<strong>URGENT: SEEK EMERGENCY CARE NOW</strong> check-in, Fri 2 Oct 08:00, stood 10–26 Oct in this "
                    + "period (17 days)."))
        #expect(!html.stdout.contains("No holds or safety findings in this period."))
    }

    @Test(arguments: zones) func jsonListsEveryHoldAndRedFlagThatStood(zone: String) throws {
        let run = try journal(zone).run("report", "--last", "6w", "--json")
        #expect(run.status == 0, "\(run)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let holds = try #require(json["holds_stood"] as? [[String: Any]], "\(run)")
        // Oldest first by the session that began each; the lifted ones name the review.
        #expect(holds.map { $0["exercise"] as? String } == ["bird-dog", "pelvic-tilt", "side-plank", "side-plank"])
        #expect(holds.map { $0["from"] as? String } == ["2026-10-10", "2026-10-10", "2026-10-24", "2026-11-15"])
        #expect(holds.map { $0["to"] as? String } == ["2026-10-20", "2026-11-20", "2026-10-27", "2026-11-20"])
        #expect(holds.map { $0["days"] as? Int } == [11, 42, 4, 6])
        // The most pressing of each rising session's findings: bird-dog's 6 is above 5.
        #expect(
            holds.map { ($0["flag"] as? [String: Any])?["rule"] as? String }
                == ["high-pain", "more-pain", "more-pain", "repeated"])
        let london = zone == "Europe/London"
        #expect(
            holds.map { ($0["lifted"] as? [String: Any])?["time"] as? String }
                == [
                    london ? "2026-10-20T10:00:00+01:00" : "2026-10-20T10:00:00+05:30", nil,
                    london ? "2026-10-27T09:00:00+00:00" : "2026-10-27T09:00:00+05:30", nil,
                ])
        #expect(holds[0]["began"] as? String == (london ? "2026-10-01T08:00:00+01:00" : "2026-10-01T08:00:00+05:30"))
        let redFlags = try #require(json["red_flags_stood"] as? [[String: Any]], "\(run)")
        #expect(redFlags.count == 1)
        #expect(redFlags.first?["from"] as? String == "2026-10-10")
        #expect(redFlags.first?["to"] as? String == "2026-10-26")
        #expect(redFlags.first?["days"] as? Int == 17)
        #expect((redFlags.first?["flag"] as? [String: Any])?["severity"] as? String == "urgent")
        let seen = try #require(redFlags.first?["lifted"] as? [String: Any])
        #expect(seen["time"] as? String == (london ? "2026-10-26T10:00:00+00:00" : "2026-10-26T10:00:00+05:30"))
        #expect(seen["note"] as? String == "gp")
    }

    /// A report on one exercise lists that exercise's holds only, and no red flags.
    @Test func oneExerciseListsItsOwnHolds() throws {
        let run = try journal("Europe/London").run("report", "--last", "6w", "--exercise", "side-plank", "--json")
        #expect(run.status == 0, "\(run)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let holds = try #require(json["holds_stood"] as? [[String: Any]], "\(run)")
        #expect(holds.map { $0["days"] as? Int } == [4, 6])
        #expect((json["red_flags_stood"] as? [Any])?.isEmpty == true)
    }
}
