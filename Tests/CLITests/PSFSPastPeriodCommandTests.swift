import Foundation
import Testing

/// A report of a past period shows the PSFS as it stood at the end of the period's last day: a
/// rating or an activity after it is not in it, in any format.
@Suite struct PSFSPastPeriodCommandTests {
    let sandbox = Sandbox()

    /// The tester's journal.
    ///
    /// Socks rated 3 (2 Nov) and 2 (4 Nov); on 18 Nov socks 7 and a new activity, lifting the
    /// shopping, 4. The report of 1 to 7 Nov has socks alone, 3 → 2.
    func fill() throws {
        for arguments in [
            ["psfs", "add", "putting on socks", "--at", "2026-11-02 09:00"],
            ["psfs", "rate", "1", "3", "--at", "2026-11-02 09:00"],
            ["psfs", "rate", "1", "2", "--at", "2026-11-04 09:00"],
            ["psfs", "add", "lifting the shopping", "--at", "2026-11-18 09:00"],
            ["psfs", "rate", "1", "7", "--at", "2026-11-18 09:00"],
            ["psfs", "rate", "2", "4", "--at", "2026-11-18 09:00"],
        ] {
            let run = try sandbox.run(arguments)
            try #require(run.status == 0, "\(run)")
        }
    }

    let period = ["--from", "2026-11-01", "--to", "2026-11-07"]

    @Test func aPastPeriodsReportStopsAtItsEndInEveryFormat() throws {
        try fill()
        // Socks as of 7 Nov: baseline 3 (2 Nov), latest 2 (4 Nov), change -1; the average of the
        // one activity rated on the baseline day and later: 3.0 → 2.0 (-1.0), within the error.
        let text = try sandbox.run(["report"] + period)
        #expect(text.status == 0, "\(text)")
        #expect(
            text.stdout.contains(
                """
                Function (Patient-Specific Functional Scale)
                ACTIVITY          BASELINE        LATEST          CHANGE  THIS PERIOD
                putting on socks  3 (2026-11-02)  2 (2026-11-04)  -1      3 → 2 (-1)
                Average of the 1 activity rated at the baseline (2026-11-02) and since: 3.0 →
                2.0 (-1.0), less than 3 points, within the measure's error.
                """), "\(text)")
        #expect(!text.stdout.contains("lifting the shopping"))
        #expect(!text.stdout.contains("2026-11-18"))

        let markdown = try sandbox.run(["report", "--markdown"] + period).stdout
        #expect(
            markdown.contains("| putting on socks | 3 \\(2026-11-02\\) | 2 \\(2026-11-04\\) | -1 | 3 → 2 \\(-1\\) |"),
            "\(markdown)")
        #expect(markdown.contains("3.0 → 2.0 \\(-1.0\\), less than 3 points"), "\(markdown)")
        #expect(!markdown.contains("lifting the shopping") && !markdown.contains("2026-11-18"))

        // One chart, socks': x from 40 (2 Nov) to 270 (4 Nov), y = 12 + (10 − score) × 6.
        let html = try sandbox.run(["report", "--format", "html"] + period).stdout
        #expect(html.contains(#"<path class="line psfs" d="M40.0 54.0 L270.0 60.0">"#), "\(html)")
        #expect(html.components(separatedBy: #"class="chart psfs-chart""#).count == 2)
        #expect(html.contains("<td>3 → 2 (-1)</td>"))
        #expect(html.contains("3.0 → 2.0 (-1.0), less than 3 points"))
        #expect(!html.contains("lifting the shopping") && !html.contains("2026-11-18"))

        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(try sandbox.run(["report", "--json"] + period).stdout.utf8))
                as? [String: Any])
        for key in ["psfs", "psfs_period"] {
            let psfs = try #require(json[key] as? [String: Any], "\(key)")
            let activities = try #require(psfs["activities"] as? [[String: Any]], "\(key)")
            #expect(activities.map { $0["activity"] as? String } == ["putting on socks"], "\(key)")
            #expect(activities[0]["baseline"] as? Int == 3 && activities[0]["latest"] as? Int == 2, "\(key)")
            #expect(activities[0]["latest_at"] as? String == "2026-11-04T09:00:00+00:00", "\(key)")
            #expect(activities[0]["change"] as? Int == -1, "\(key)")
            let ratings = try #require(activities[0]["ratings"] as? [[String: Any]], "\(key)")
            #expect(ratings.map { $0["score"] as? Int } == [3, 2], "\(key)")
            #expect(ratings.map { $0["change_from_previous"] as? Int } == [nil, -1], "\(key)")
            let average = try #require(psfs["average"] as? [String: Any], "\(key)")
            #expect(average["baseline"] as? Double == 3 && average["latest"] as? Double == 2, "\(key)")
            #expect(average["change"] as? Double == -1 && average["activities"] as? Int == 1, "\(key)")
            #expect(average["detectable"] as? Bool == false, "\(key)")
        }
    }

    /// The same journal's report ending today (25 Nov) still has everything: socks 3 → 7 (+4 *),
    /// the shopping 4 (18 Nov), and the average of socks alone, 3.0 → 7.0 (+4.0).
    @Test func aReportEndingTodayHasEveryRating() throws {
        try fill()
        let text = try sandbox.run("report", "--from", "2026-11-01").stdout
        #expect(
            text.contains(
                """
                ACTIVITY              BASELINE        LATEST          CHANGE  THIS PERIOD
                putting on socks      3 (2026-11-02)  7 (2026-11-18)  +4 *    3 → 2 → 7 (+4 *)
                lifting the shopping  4 (2026-11-18)  4 (2026-11-18)  -       4 (2026-11-18)
                Average of the 1 activity rated at the baseline (2026-11-02) and since: 3.0 →
                7.0 (+4.0), at least 3 points, more than the measure's error.
                """), "\(text)")
    }

    /// A period that ends before the first activity was added has no PSFS section at all.
    @Test func aPeriodBeforeAnyActivityHasNoSection() throws {
        try fill()
        let text = try sandbox.run("report", "--from", "2026-10-01", "--to", "2026-10-31").stdout
        #expect(!text.contains("Patient-Specific"), "\(text)")
        let json = try #require(
            try JSONSerialization.jsonObject(
                with: Data(
                    try sandbox.run("report", "--json", "--from", "2026-10-01", "--to", "2026-10-31").stdout.utf8)
            ) as? [String: Any])
        #expect(json["psfs"] is NSNull && json["psfs_period"] is NSNull)
    }
}
