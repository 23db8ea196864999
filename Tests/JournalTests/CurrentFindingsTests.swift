import Testing

@testable import Journal

@Suite struct CurrentFindingsTests {
    /// Day 0 is 2026-11-20; today is day 20 (2026-12-10): the current window is days 14–20.
    let today = Fixture.date("2026-12-10")

    @Test func anOldStopIsNotAFindingOfTheWindowItStandsAsAHold() throws {
        // Older than 7 days: `check` shows it through HoldRule, not as a finding of the window.
        let entries = [Fixture.entry(1, "bird-dog", day: 1, before: 2, after: 4)]
        #expect(Rules.current(entries: entries, checkIns: [], today: today).isEmpty)
        #expect(HoldRule.hold(sessions: entries, review: nil)?.since.entryID == 1)
    }

    @Test func aReviewAnswersTheStopsOfTheWindowButNotTheRedFlags() throws {
        let entries = [
            Fixture.entry(1, "bird-dog", day: 15, before: 2, after: 4),
            Fixture.entry(2, "bird-dog", day: 18, before: 2, after: 3),
        ]
        let checkIns = [Fixture.checkIn(7, day: 16, hour: 20, pain: 3, flags: [.fever])]
        let reviewed = [
            "bird-dog": Review.Mark(
                reviewedAt: entries[0].performedAt + 3600, seen: Review.Mark.readings(Fixture.seen(through: 1)),
                recordedAt: 0)
        ]
        let findings = Rules.current(entries: entries, checkIns: checkIns, reviews: reviewed, today: today)
        // Entry 1 is answered by the review; entry 2 came after it and stands (its rise is still the
        // second within three sessions: the review answers findings, it does not unmake the first rise).
        #expect(findings.map(\.rule) == ["red-flag", "repeated", "more-pain"])
        #expect(findings.compactMap(\.entryID) == [2, 2])
    }

    @Test func findingsOfTheLastSevenDaysStand() throws {
        let entries = [
            Fixture.entry(1, "bird-dog", day: 14, before: 2, after: 4),
            Fixture.entry(2, "bird-dog", day: 15, before: 2, after: 2),
        ]
        #expect(Rules.current(entries: entries, checkIns: [], today: today).map(\.entryID) == [1])
        let older = [
            Fixture.entry(1, "bird-dog", day: 13, before: 2, after: 4),
            Fixture.entry(2, "bird-dog", day: 15, before: 2, after: 2),
        ]
        #expect(Rules.current(entries: older, checkIns: [], today: today).isEmpty)
    }

    @Test func aRedFlagThisWeekStandsAndComesFirst() throws {
        let findings = Rules.current(
            entries: [Fixture.entry(1, day: 18, before: 3, after: 4)],
            checkIns: [Fixture.checkIn(7, day: 19, hour: 20, pain: 3, flags: [.bothLegs])], today: today)
        #expect(findings.map(\.rule) == ["red-flag", "more-pain"])
    }

    @Test func findingsOfOneSeverityComeNewestFirst() throws {
        let findings = Rules.current(
            entries: [
                Fixture.entry(1, "bird-dog", day: 15, before: 3, after: 4),
                Fixture.entry(2, day: 18, before: 3, after: 6),
            ], checkIns: [], today: today)
        // Entry 2 (newer) first, its rules in their order; then entry 1.
        #expect(findings.map(\.rule) == ["high-pain", "more-pain", "more-pain"])
        #expect(findings.map(\.entryID) == [2, 2, 1])
    }
}
