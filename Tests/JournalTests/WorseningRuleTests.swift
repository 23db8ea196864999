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

    /// One session a day on days 0–27 (20 Nov – 17 Dec), pain before 3 but 5 on days 14–16.
    ///
    /// As of day 14 the last 7 days' mean is 23/7 = 3.3 against 3.0 (+10%), of day 15 25/7 = 3.6
    /// (+20%), of day 16 27/7 = 3.9 (+0.9, +30%: worse), and so to day 20, whose 7 days before
    /// (7–13) are all 3; on day 21 it is 3.6 against 3.3, and after that the 5s are the earlier week.
    func flare() -> [Entry] {
        (0...27).map { day in
            let pain = (14...16).contains(day) ? 5 : 3
            return Fixture.entry(Int64(day + 1), day: day, hour: 18, before: pain, after: pain)
        }
    }

    @Test func aStretchIsTheDaysItStoodEachAsOfItsEnd() throws {
        let period = try #require(Period(from: Fixture.date("2026-11-20"), to: Fixture.date("2026-12-17")))
        let stretches = WorseningRule.stretches(in: flare(), over: period)
        #expect(stretches.map(\.days) == [Fixture.date("2026-12-06")...Fixture.date("2026-12-10")])
        #expect(stretches.map(\.dayCount) == [5])
        // As of its last day, day 20's session.
        let finding = try #require(stretches.first?.finding)
        #expect(finding.performedAt == Fixture.time(day: 20, hour: 18))
        #expect(
            finding.message
                == "Mean pain before exercise over the last 7 days was 3.9, up from 3.0 in the 7 days before (+0.9, +30%)."
        )
    }

    @Test func stretchesAgreeWithTheRuleOnEveryDay() throws {
        let period = try #require(Period(from: Fixture.date("2026-11-20"), to: Fixture.date("2026-12-17")))
        let entries = flare()
        let stretches = WorseningRule.stretches(in: entries, over: period)
        for day in period.days {
            let stood = stretches.contains { $0.days.contains(day) }
            #expect(stood == (WorseningRule.finding(in: entries, today: day) != nil), "\(day)")
        }
    }

    @Test func twoStretchesAndOneEndingOnTheLastDay() throws {
        // A second flare on days 30–32 stands again from day 32; the period ends on day 33.
        let entries =
            flare()
            + (28...33).map { day in
                let pain = (30...32).contains(day) ? 5 : 3
                return Fixture.entry(Int64(day + 1), day: day, hour: 18, before: pain, after: pain)
            }
        let period = try #require(Period(from: Fixture.date("2026-11-27"), to: Fixture.date("2026-12-23")))
        #expect(
            WorseningRule.stretches(in: entries, over: period).map(\.days) == [
                Fixture.date("2026-12-06")...Fixture.date("2026-12-10"),
                Fixture.date("2026-12-22")...Fixture.date("2026-12-23"),
            ])
    }
}
