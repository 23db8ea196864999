import Testing

@testable import Journal

@Suite struct CurrentFindingsTests {
    /// Day 0 is 2026-11-20; today is day 20 (2026-12-10): the current window is days 14–20.
    let today = Fixture.date("2026-12-10")

    @Test func aStopOnAnExercisesLatestSessionStandsHoweverOld() throws {
        let entries = [Fixture.entry(1, "bird-dog", day: 1, before: 2, after: 4)]
        #expect(Rules.current(entries: entries, checkIns: [], today: today).map(\.rule) == ["more-pain"])
    }

    @Test func aLaterCleanSessionClearsAnOldStop() throws {
        let entries = [
            Fixture.entry(1, "bird-dog", day: 1, before: 2, after: 4),
            Fixture.entry(2, "bird-dog", day: 2, before: 2, after: 2),
        ]
        #expect(Rules.current(entries: entries, checkIns: [], today: today).isEmpty)
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
            checkIns: [Fixture.checkIn(7, day: 19, hour: 20, pain: 3, flags: [.legWeakness])], today: today)
        #expect(findings.map(\.rule) == ["red-flag", "more-pain"])
    }

    @Test func noDuplicates() throws {
        // The latest session's stop is also a finding of the window: it is listed once.
        let findings = Rules.current(
            entries: [Fixture.entry(1, day: 18, before: 3, after: 6)], checkIns: [], today: today)
        #expect(findings.map(\.rule) == ["high-pain", "more-pain"])
    }
}
