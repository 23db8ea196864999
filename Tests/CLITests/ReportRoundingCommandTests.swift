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
    /// comparison is 1.3 → 0.3, -1.0 (the exact -0.9167 rounds to -0.9); in JSON 1.25 → 0.33, -0.92.
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
        #expect(unwrapped.contains("mean pain before 1.3 → 0.3 (-1.0, -73%)"), "\(text)")
        let markdown = try sandbox.run("report", "--markdown").stdout
        #expect(markdown.contains("| 0.3 | 0.7 | +0.4 |"), "\(markdown)")
        let html = try sandbox.run("report", "--format", "html").stdout
        let squeezed = html.components(separatedBy: .whitespacesAndNewlines).joined()
        #expect(squeezed.contains(#"<tdclass="number">0.3</td><tdclass="number">0.7</td><tdclass="number">+0.4</td>"#))
        #expect(html.contains("(change +0.4)"))
        #expect(html.contains("mean pain before 1.3 → 0.3 (-1.0, -73%)"))
        #expect(markdown.contains("mean pain before 1.3 → 0.3 (-1.0, -73%)"))
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
}
