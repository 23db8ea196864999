import Testing

@testable import Journal

@Suite struct WorseningRuleTests {
    /// Today is day 13 (2026-12-03); the last 7 days are days 7–13, the 7 before days 0–6.
    let today = Fixture.date("2026-12-03")

    func entries(earlier: [Int], recent: [Int]) -> [Entry] {
        let old = earlier.enumerated().map {
            Fixture.entry(Int64($0.offset + 1), day: $0.offset, before: $0.element, after: $0.element)
        }
        let new = recent.enumerated().map {
            Fixture.entry(Int64($0.offset + 100), day: 7 + $0.offset, before: $0.element, after: $0.element)
        }
        return old + new
    }

    @Test(arguments: [
        ([3, 3], [5, 5], true),  // +2 points exactly
        ([5, 5], [6, 7], true),  // +1.5 points, +30% exactly
        ([5, 5], [6, 6], false),  // +1 point, +20%
        ([5], [6, 7, 6], false),  // +1.33 points, +26.7%
        ([4, 4], [2, 2], false),  // better, not worse
    ])
    func atJustUnderAndOverTheThreshold(earlier: [Int], recent: [Int], fires: Bool) throws {
        let finding = WorseningRule.finding(in: entries(earlier: earlier, recent: recent), today: today)
        #expect((finding != nil) == fires)
        #expect(finding.map(\.severity) == (fires ? .seeGP : nil))
    }

    @Test func saysWhatChanged() throws {
        let finding = try #require(WorseningRule.finding(in: entries(earlier: [3, 3], recent: [5, 5]), today: today))
        #expect(
            finding.message
                == "Mean pain before exercise over the last 7 days was 5.0, up from 3.0 in the 7 days before (+2.0, +67%)."
        )
        #expect(
            finding.recommendation(Fixture.uk)
                == "Contact a physiotherapist about the rise in your pain. Book a GP appointment. This is not an "
                + "emergency, but a doctor should see it, not only a physiotherapist."
        )
    }

    @Test func needsBothWeeks() throws {
        #expect(WorseningRule.finding(in: entries(earlier: [], recent: [9, 9]), today: today) == nil)
        #expect(WorseningRule.finding(in: entries(earlier: [1, 1], recent: []), today: today) == nil)
    }
}
