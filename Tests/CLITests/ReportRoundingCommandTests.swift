import Foundation
import Testing

/// Figures shown rounded subtract exactly, in every format: a change is worked out from the
/// rounded means beside it.
@Suite struct ReportRoundingCommandTests {
    let sandbox = Sandbox()

    /// bird-dog 0 → 1, 0 → 1, 1 → 0: mean before 1/3, after 2/3, exact change +1/3.
    ///
    /// Shown to one
    /// decimal, 0.3 → 0.7, so the change is +0.4 (not +0.3); to two, 0.33 → 0.67 and +0.34.
    /// In the previous week, 2 → 2 and three times 1 → 1: mean before 1.25, shown 1.3, so the
    /// comparison is 1.3 → 0.3, -1.0 (the exact -0.9167 rounds to -0.9) and -77% (-1.0 / 1.3; the
    /// exact -73% is not shown); in JSON 1.25 → 0.33, -0.92.
    func fill() throws {
        for (before, after, at) in [
            ("2", "2", "2026-11-15 08:00"), ("1", "1", "2026-11-16 08:00"), ("1", "1", "2026-11-17 08:00"),
            ("1", "1", "2026-11-18 08:00"),
            ("0", "1", "2026-11-22 08:00"), ("0", "1", "2026-11-23 08:00"), ("1", "0", "2026-11-24 08:00"),
        ] {
            _ = try sandbox.log("bird-dog", "--pain-before", before, "--pain-after", after, "--at", at)
        }
    }

    @Test func aChangeIsTheDifferenceOfTheRoundedMeans() throws {
        try fill()
        let text = try sandbox.run("report").stdout
        let unwrapped = text.replacingOccurrences(of: "\n", with: " ")
        #expect(unwrapped.contains("Mean pain before 0.3, after 0.7 (change +0.4)."), "\(text)")
        #expect(text.contains("0.3 → 0.7    +0.4"), "\(text)")
        #expect(unwrapped.contains("mean pain before 1.3 → 0.3 (-1.0, -77%)"), "\(text)")
        let markdown = try sandbox.run("report", "--markdown").stdout
        #expect(markdown.contains("| 0.3 | 0.7 | +0.4 |"), "\(markdown)")
        let html = try sandbox.run("report", "--format", "html").stdout
        let squeezed = html.components(separatedBy: .whitespacesAndNewlines).joined()
        #expect(squeezed.contains(#"<tdclass="number">0.3</td><tdclass="number">0.7</td><tdclass="number">+0.4</td>"#))
        #expect(html.contains("(change +0.4)"))
        #expect(html.contains("mean pain before 1.3 → 0.3 (-1.0, -77%)"))
        #expect(markdown.contains("mean pain before 1.3 → 0.3 (-1.0, -77%)"))
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(try sandbox.run("report", "--json").stdout.utf8))
                as? [String: Any])
        #expect(json["pain_before_mean"] as? Double == 0.33)
        #expect(json["pain_after_mean"] as? Double == 0.67)
        #expect(json["pain_change_mean"] as? Double == 0.34)
        let exercise = try #require((json["exercises"] as? [[String: Any]])?.first)
        #expect(exercise["pain_change_mean"] as? Double == 0.34)
        let previous = try #require(json["previous"] as? [String: Any])
        #expect(previous["pain_before_mean"] as? Double == 1.25)
        #expect(previous["change"] as? Double == -0.92)
    }

    /// The verdict is decided on the figures shown (issue #26).
    ///
    /// Previous week: three sessions (the fewest for a verdict), pain before 7. This week: one at 6 and 24 at 5, mean 126 / 25 = 5.04, shown 5.0: the change shown
    /// is -2.0, 2 points, a meaningful improvement (exactly -1.96, which was "no meaningful change").
    /// -2.0 / 7.0 is -28.57%, shown -29%.
    @Test func twoPointsShownAreAMeaningfulChange() throws {
        for day in 13...15 {
            _ = try sandbox.log(
                "glute-bridge", "--pain-before", "7", "--pain-after", "7", "--at", "2026-11-\(day) 08:00")
        }
        _ = try sandbox.log("glute-bridge", "--pain-before", "6", "--pain-after", "6", "--at", "2026-11-19 08:00")
        let status = try sandbox.shell(
            #"for i in $(seq 1 24); do "$JOURNAL" log glute-bridge --pain-before 5 --pain-after 5 "#
                + #"--at "2026-11-$((19 + i % 7)) $((9 + i / 7)):00" >/dev/null || exit 1; done"#)
        try #require(status == 0)
        let line = "mean pain before 7.0 → 5.0 (-2.0, -29%): a meaningful improvement (at least 2 points or 30% lower)."
        try expectComparison(line, verdict: "improvement", change: -1.96, percent: -28.0)
    }

    /// 30% shown is a meaningful change (issue #26).
    ///
    /// Previous week: three sessions (the fewest for a verdict), pain before 3. This week: 3 then 2 seven times, mean 17 / 8 =
    /// 2.125, shown 2.1: -0.9 / 3.0 is exactly -30%, a meaningful improvement (exactly -29.17%).
    @Test func thirtyPercentShownIsAMeaningfulChange() throws {
        for day in 13...15 {
            _ = try sandbox.log(
                "glute-bridge", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-\(day) 08:00")
        }
        _ = try sandbox.log("glute-bridge", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-19 08:00")
        let status = try sandbox.shell(
            #"for i in $(seq 1 7); do "$JOURNAL" log glute-bridge --pain-before 2 --pain-after 2 "#
                + #"--at "2026-11-$((18 + i)) 10:00" >/dev/null || exit 1; done"#)
        try #require(status == 0)
        let line = "mean pain before 3.0 → 2.1 (-0.9, -30%): a meaningful improvement (at least 2 points or 30% lower)."
        try expectComparison(line, verdict: "improvement", change: -0.87, percent: -29.17)
    }

    /// Text, Markdown and HTML carry `line`; JSON's verdict agrees, its `change` and
    /// `change_percent` are the two-decimal figures.
    func expectComparison(_ line: String, verdict: String, change: Double, percent: Double) throws {
        let text = try sandbox.run("report").stdout
        #expect(text.replacingOccurrences(of: "\n", with: " ").contains(line), "\(text)")
        let markdown = try sandbox.run("report", "--markdown").stdout
        #expect(markdown.replacingOccurrences(of: "\n", with: " ").contains(line), "\(markdown)")
        let html = try sandbox.run("report", "--format", "html").stdout
        #expect(html.contains(line), "\(html)")
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(try sandbox.run("report", "--json").stdout.utf8))
                as? [String: Any])
        let previous = try #require(json["previous"] as? [String: Any])
        #expect(previous["verdict"] as? String == verdict)
        #expect(previous["change"] as? Double == change)
        #expect(previous["change_percent"] as? Double == percent)
    }
}
