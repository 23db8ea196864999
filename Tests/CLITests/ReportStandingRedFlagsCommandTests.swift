import Foundation
import Journal
import Testing

/// A red flag still standing at the end of a report's period is told with its days, as a hold
/// standing then is (issue #26: a tester found its days in JSON's `red_flags_stood` only): from
/// which day, still standing at the end of the period, with its tier's advice, in text, Markdown
/// and HTML, in a zone with a change of clocks inside the period and in one without.
@Suite struct ReportStandingRedFlagsCommandTests {
    /// A journal in `zone`, the clock on Fri 20 Nov 2026 (18:00 UTC is that local day in both
    /// zones, so `--last 6w` is 10 Oct – 20 Nov), no record that a doctor has seen any red flag.
    ///
    /// - saddle numbness (emergency) on Fri 2 Oct 08:00: before the period, so 10 Oct – 20 Nov of
    ///   it (42 days; Europe/London moves its clocks back on 25 Oct, Asia/Kolkata never does).
    /// - fever (same day) on Mon 16 Nov 07:30: 16–20 Nov (5 days).
    /// - pain down one leg (GP) on Wed 18 and Thu 19 Nov 07:30: told once, by the newest, from the
    ///   oldest, 18–20 Nov (3 days).
    func journal(_ zone: String) throws -> Sandbox {
        let sandbox = Sandbox(timeZone: zone)
        sandbox.environment["JOURNAL_NOW"] = "2026-11-20T18:00:00Z"
        for (flag, at) in [
            ("saddle-numbness", "2026-10-02 08:00"), ("fever", "2026-11-16 07:30"), ("one-leg", "2026-11-18 07:30"),
            ("one-leg", "2026-11-19 07:30"),
        ] {
            let run = try sandbox.run("checkin", "--pain", "4", "--red-flag", flag, "--at", at)
            // Saved, with the status that says a red flag stands.
            try #require([0, 1, 2, 3].contains(run.status), "\(run)")
        }
        return sandbox
    }

    static let zones = ["Europe/London", "Asia/Kolkata"]

    /// The headings in Needs attention, each item's wrapped lines joined.
    static let headings = [
        "check-in, Fri 2 Oct 08:00, stood 10 Oct – 20 Nov in this period (42 days)",
        "check-in, Mon 16 Nov 07:30, stood 16–20 Nov (5 days)",
        "check-in, Thu 19 Nov 07:30, stood 18–20 Nov (3 days)",
    ]

    static let standing =
        "Still standing at the end of the period, not yet seen by a doctor: once one has, record it with: "
        + "journal resume --red-flags"

    /// Needs attention of the text report, each item's wrapped lines joined into one.
    func attention(_ run: Run) throws -> String {
        let attention = try #require(
            run.stdout.components(separatedBy: "\nNeeds attention\n").dropFirst().first?
                .components(separatedBy: "\n\n").first, "\(run)")
        return attention.replacingOccurrences(of: "\n +", with: " ", options: .regularExpression)
    }

    @Test(arguments: zones) func textTellsEachWithItsDaysAndThatItStillStands(zone: String) throws {
        let run = try journal(zone).run("report", "--last", "6w")
        #expect(run.status == 0, "\(run)")
        let flat = try attention(run)
        let lines = flat.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(flat)")
        // Most pressing first, each under its tier's label, with its tier's advice whole.
        // The sandbox's region, the UK (from its locale).
        let advice = RegionalAdvice(region: Region.known.first { $0.code == "GB" })
        for (line, (label, heading, tier)) in zip(
            lines,
            [
                ("URGENT: SEEK EMERGENCY CARE NOW", Self.headings[0], AdviceTier.emergency),
                ("SEE A DOCTOR", Self.headings[1], .sameDay),
                ("SEE A GP", Self.headings[2], .gp),
            ])
        {
            #expect(line.hasPrefix(label + " " + heading + " "), "\(line)")
            #expect(line.contains(advice.recommendation(tier) + " " + Self.standing), "\(line)")
        }
        #expect(lines[2].contains("Also on 1 earlier occasion: Wed 18 Nov 07:30."), "\(lines[2])")
        #expect(!flat.contains("recorded 2026-"), "\(flat)")
    }

    @Test(arguments: zones) func markdownAndHTMLTellTheSameDays(zone: String) throws {
        let sandbox = try journal(zone)
        let markdown = try sandbox.run("report", "--last", "6w", "--format", "markdown")
        #expect(markdown.status == 0, "\(markdown)")
        for heading in Self.headings {
            let escaped = heading.replacingOccurrences(of: "(", with: "\\(").replacingOccurrences(of: ")", with: "\\)")
            #expect(markdown.stdout.contains(escaped + ": "), "\(heading): \(markdown)")
        }
        #expect(markdown.stdout.components(separatedBy: Self.standing).count - 1 == 3, "\(markdown)")
        let html = try sandbox.run("report", "--last", "6w", "--format", "html")
        #expect(html.status == 0, "\(html)")
        // The emergency and same-day flags are told in full at the top, the GP's in the findings
        // table, its days in the When column and the advice in what to do.
        #expect(html.stdout.contains("</strong> " + Self.headings[0] + ". "), "\(html)")
        #expect(html.stdout.contains("</strong> " + Self.headings[1] + ". "), "\(html)")
        #expect(html.stdout.contains("<td>Thu 19 Nov 07:30, stood 18–20 Nov (3 days)</td>"), "\(html)")
        #expect(html.stdout.components(separatedBy: Self.standing).count - 1 == 3, "\(html)")
    }

    /// The days the text tells are those JSON lists in `red_flags_stood`, one a tier.
    @Test(arguments: zones) func jsonListsTheSameDays(zone: String) throws {
        let run = try journal(zone).run("report", "--last", "6w", "--json")
        #expect(run.status == 0, "\(run)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let stood = try #require(json["red_flags_stood"] as? [[String: Any]], "\(run)")
        #expect(
            stood.map { ($0["flag"] as? [String: Any])?["severity"] as? String } == ["urgent", "see-doctor", "see-gp"])
        #expect(stood.map { $0["from"] as? String } == ["2026-10-10", "2026-11-16", "2026-11-18"])
        #expect(stood.map { $0["to"] as? String } == ["2026-11-20", "2026-11-20", "2026-11-20"])
        #expect(stood.map { $0["days"] as? Int } == [42, 5, 3])
        #expect(stood.allSatisfy { $0["lifted"] is NSNull }, "\(stood)")
    }

    /// A past period's report tells each to its own last day: on 17 Nov the fever had stood two
    /// days, the pain down one leg not yet at all.
    @Test func aPastPeriodTellsTheDaysToItsLastDay() throws {
        let run = try journal("Europe/London").run("report", "--from", "2026-11-01", "--to", "2026-11-17")
        #expect(run.status == 0, "\(run)")
        let lines = try attention(run).split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "\(lines)")
        #expect(lines[0].contains("check-in, Fri 2 Oct 08:00, stood 1–17 Nov in this period (17 days) "), "\(lines)")
        #expect(lines[1].contains("check-in, Mon 16 Nov 07:30, stood 16–17 Nov (2 days) "), "\(lines)")
        #expect(lines.allSatisfy { $0.hasSuffix(Self.standing) }, "\(lines)")
    }

    /// One recorded on the period's last day stood only that day: its time alone, as a hold's.
    @Test func oneRecordedOnTheLastDayIsToldByItsTime() throws {
        let run = try journal("Europe/London").run("report", "--from", "2026-11-10", "--to", "2026-11-16")
        #expect(run.status == 0, "\(run)")
        let lines = try attention(run).split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("SEE A DOCTOR TODAY check-in, Mon 16 Nov 07:30 ") }, "\(lines)")
        #expect(lines.allSatisfy { $0.hasSuffix(Self.standing) }, "\(lines)")
    }
}
