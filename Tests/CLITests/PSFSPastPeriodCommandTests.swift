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
                The activity rated at the baseline (2026-11-02) and since: 3.0 → 2.0 (-1.0),
                less than 3 points, within the measure's error.
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
        #expect(html.contains("<td class=\"ratings\">3 → 2 (-1)</td>"))
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
                The activity rated at the baseline (2026-11-02) and since: 3.0 → 7.0 (+4.0), at
                least 3 points, more than the measure's error.
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

    /// Issue #26: an activity retired after a past period was still rated at its end.
    ///
    /// Socks 3 (1 Nov), 5 (4 Nov), 6 (10 Nov), never retired; film 4 (1 Nov), 6 (4 Nov),
    /// retired on 18 Nov; bending 2 (1 Nov), retired on 3 Nov; stairs 5 (2 Nov), retired on 12 Nov.
    func fillRetired() throws {
        for (arguments, now) in [
            (["psfs", "add", "socks", "--at", "2026-11-01 09:00"], "2026-11-01T09:00:00+00:00"),
            (["psfs", "add", "film", "--at", "2026-11-01 09:00"], "2026-11-01T09:00:00+00:00"),
            (["psfs", "add", "bending", "--at", "2026-11-01 09:00"], "2026-11-01T09:00:00+00:00"),
            (["psfs", "add", "stairs", "--at", "2026-11-01 09:00"], "2026-11-01T09:00:00+00:00"),
            (["psfs", "rate", "1", "3", "--at", "2026-11-01 09:05"], "2026-11-01T09:05:00+00:00"),
            (["psfs", "rate", "2", "4", "--at", "2026-11-01 09:05"], "2026-11-01T09:05:00+00:00"),
            (["psfs", "rate", "3", "2", "--at", "2026-11-01 09:05"], "2026-11-01T09:05:00+00:00"),
            (["psfs", "rate", "4", "5", "--at", "2026-11-02 09:00"], "2026-11-02T09:00:00+00:00"),
            (["psfs", "remove", "3"], "2026-11-03T12:00:00+00:00"),
            (["psfs", "rate", "1", "5", "--at", "2026-11-04 09:00"], "2026-11-04T09:00:00+00:00"),
            (["psfs", "rate", "2", "6", "--at", "2026-11-04 09:00"], "2026-11-04T09:00:00+00:00"),
            (["psfs", "rate", "1", "6", "--at", "2026-11-10 09:00"], "2026-11-10T09:00:00+00:00"),
            (["psfs", "remove", "4"], "2026-11-12T12:00:00+00:00"),
            (["psfs", "remove", "2"], "2026-11-18T12:00:00+00:00"),
        ] {
            sandbox.environment["JOURNAL_NOW"] = now
            let run = try sandbox.run(arguments)
            try #require(run.status == 0, "\(run)")
        }
        sandbox.environment["JOURNAL_NOW"] = Sandbox.noonToday(in: "Europe/London")
    }

    /// The activities, and their `retired`, of the report's `psfs` and `psfs_period` in JSON.
    func jsonActivities(_ period: [String]) throws -> [String: [[String: Any]]] {
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(try sandbox.run(["report", "--json"] + period).stdout.utf8))
                as? [String: Any])
        var found: [String: [[String: Any]]] = [:]
        for key in ["psfs", "psfs_period"] {
            let psfs = try #require(json[key] as? [String: Any], "\(key)")
            found[key] = try #require(psfs["activities"] as? [[String: Any]], "\(key)")
        }
        return found
    }

    /// An activity retired after the period shows in its report, in every format.
    ///
    /// 8 to 14 Nov: film, retired on 18 Nov and not rated within the period, was rated at its
    /// end, so it shows (marked retired, as it is now) and counts in the average: (4 + 3) / 2 = 3.5
    /// → (6 + 6) / 2 = 6.0. Stairs, retired on 12 Nov, shows too; bending, retired on 3 Nov, does not.
    @Test func anActivityRetiredAfterThePeriodShowsInEveryFormat() throws {
        try fillRetired()
        let period = ["--from", "2026-11-08", "--to", "2026-11-14"]
        let text = try sandbox.run(["report"] + period)
        #expect(text.status == 0, "\(text)")
        #expect(
            text.stdout.contains(
                """
                Function (Patient-Specific Functional Scale)
                ACTIVITY          BASELINE        LATEST          CHANGE  THIS PERIOD
                socks             3 (2026-11-01)  6 (2026-11-10)  +3 *    6 (2026-11-10)
                film (retired)    4 (2026-11-01)  6 (2026-11-04)  +2      -
                stairs (retired)  5 (2026-11-02)  5 (2026-11-02)  -       -
                Average of the 2 activities rated at the baseline (2026-11-01) and since: 3.5 →
                6.0 (+2.5), at least 2 points, more than the measure's error.
                """), "\(text)")
        #expect(!text.stdout.contains("bending"))

        let markdown = try sandbox.run(["report", "--markdown"] + period).stdout
        #expect(
            markdown.contains(
                "| film \\(retired\\) | 4 \\(2026-11-01\\) | 6 \\(2026-11-04\\) | \\+2 | - |"),
            "\(markdown)")
        #expect(markdown.contains("| stairs \\(retired\\) |"), "\(markdown)")
        #expect(markdown.contains("3.5 → 6.0 \\(\\+2.5\\), at least 2 points"), "\(markdown)")
        #expect(!markdown.contains("bending"))

        let html = try sandbox.run(["report", "--format", "html"] + period).stdout
        #expect(html.contains("<td>film (retired)</td>"), "\(html)")
        #expect(html.contains("<strong>film (retired)</strong>: 2 ratings, latest 6"))
        #expect(html.contains("<strong>stairs (retired)</strong>: 1 rating, latest 5"))
        #expect(html.components(separatedBy: #"class="chart psfs-chart""#).count == 4)
        #expect(html.contains("3.5 → 6.0 (+2.5), at least 2 points"))
        #expect(!html.contains("bending"))

        let json = try jsonActivities(period)
        for key in ["psfs", "psfs_period"] {
            let rows = try #require(json[key])
            #expect(
                rows.map { $0["activity"] as? String }
                    == ["socks", "film", "stairs"], "\(key)")
            #expect(rows.map { $0["retired"] as? Bool } == [false, true, true], "\(key)")
        }
        #expect(json["psfs"]?.map { ($0["ratings"] as? [Any])?.count } == [3, 2, 1])
        #expect(json["psfs_period"]?.map { ($0["ratings"] as? [Any])?.count } == [1, 0, 0])
    }

    /// One retired within the period shows, one retired before it does not.
    ///
    /// 1 to 7 Nov: bending, retired on 3 Nov, within the period, shows with its rating of 1 Nov,
    /// and film with its two; 15 to 21 Nov: film, retired on 18 Nov, shows, and stairs and
    /// bending, retired before the period began, do not.
    @Test func anActivityRetiredWithinThePeriodShowsAndOneRetiredBeforeItDoesNot() throws {
        try fillRetired()
        let first = try sandbox.run("report", "--from", "2026-11-01", "--to", "2026-11-07").stdout
        #expect(
            first.contains(
                """
                ACTIVITY           BASELINE        LATEST          CHANGE  THIS PERIOD
                socks              3 (2026-11-01)  5 (2026-11-04)  +2      3 → 5 (+2)
                film (retired)     4 (2026-11-01)  6 (2026-11-04)  +2      4 → 6 (+2)
                bending (retired)  2 (2026-11-01)  2 (2026-11-01)  -       2 (2026-11-01)
                stairs (retired)   5 (2026-11-02)  5 (2026-11-02)  -       5 (2026-11-02)
                Average of the 2 activities rated at the baseline (2026-11-01) and since: 3.5 →
                5.5 (+2.0), at least 2 points, more than the measure's error.
                """), "\(first)")

        let period = ["--from", "2026-11-15", "--to", "2026-11-21"]
        let last = try sandbox.run(["report"] + period).stdout
        #expect(
            last.contains(
                """
                ACTIVITY        BASELINE        LATEST          CHANGE  THIS PERIOD
                socks           3 (2026-11-01)  6 (2026-11-10)  +3 *    -
                film (retired)  4 (2026-11-01)  6 (2026-11-04)  +2      -
                The activity rated at the baseline (2026-11-01) and since: 3.0 → 6.0 (+3.0), at
                least 3 points, more than the measure's error.
                """), "\(last)")
        #expect(!last.contains("stairs") && !last.contains("bending"))
        let json = try jsonActivities(period)
        for key in ["psfs", "psfs_period"] {
            #expect(
                json[key]?.map { $0["activity"] as? String } == ["socks", "film"], "\(key)")
        }
        let html = try sandbox.run(["report", "--format", "html"] + period).stdout
        #expect(html.components(separatedBy: #"class="chart psfs-chart""#).count == 3)
        #expect(!html.contains("stairs") && !html.contains("bending"))
    }
}
