import Foundation
import Testing

@testable import Journal

/// The comparison with the previous period says how many sessions it holds, and gives no verdict
/// when it holds fewer than 3 (issue #26): a journal begun on the previous period's last day.
@Suite struct ComparisonTests {
    /// 21–27 Nov (days 1–7, London winter); the previous period is 14–20 Nov (days -6 to 0).
    let period = Period.week(endingOn: Fixture.date("2026-11-27"))

    /// One session a day on days 1–7 with pain before 4, and `previous` sessions with pain before 6
    /// on the last days of the previous period (the journal began on the first of them).
    func report(previous: Int) -> ProgressReport {
        let earlier = (0..<previous).map { Fixture.entry(Int64(100 + $0), day: -$0, before: 6, after: 6) }
        let current = (1...7).map { Fixture.entry(Int64($0), day: $0, before: 4, after: 4) }
        return ProgressReport.make(
            entries: earlier + current, period: period, region: Fixture.britain, findings: [],
            journalBegan: Fixture.date("2026-11-20").adding(days: -(previous - 1)))
    }

    func tally(_ count: Int, _ beforeSum: Int) -> ProgressReport.PainTally {
        var tally = ProgressReport.PainTally()
        tally.count = count
        tally.beforeSum = beforeSum
        return tally
    }

    @Test(arguments: [
        // (previous count, sum), (current count, sum), verdict
        ((1, 6), (7, 28), "too few previous sessions"),  // 6.0 → 4.0 would be an improvement
        ((2, 12), (7, 28), "too few previous sessions"),
        ((3, 18), (7, 28), "improvement"),  // 3 sessions: 6.0 → 4.0, -2.0
        ((3, 12), (1, 4), "no meaningful change"),  // the current period needs only one
        ((0, 0), (7, 28), "no previous data"),
        ((1, 6), (0, 0), "no current data"),
    ])
    func aVerdictNeedsThreePreviousSessions(previous: (Int, Int), current: (Int, Int), verdict: String) {
        #expect(
            ProgressReport.Comparison.verdict(
                previous: tally(previous.0, previous.1), current: tally(current.0, current.1)
            ).rawValue == verdict)
    }

    @Test func oneSessionOnTheJournalsFirstDayIsNotCompared() throws {
        let comparison = report(previous: 1).comparison
        #expect(comparison.verdict == .tooFewPrevious)
        #expect(comparison.journalBeganInside)
        #expect(
            ReportText.comparison(comparison)
                == "Not compared with the previous 7 days (2026-11-14 to 2026-11-20): the journal began on 20 Nov; "
                + "the previous period holds 1 session, too few to compare (at least 3 are needed).")
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(JSONText.pretty(ReportJSON(report(previous: 1))).utf8))
                as? [String: Any])
        let previous = try #require(json["previous"] as? [String: Any])
        #expect(previous["entries"] as? Int == 1)
        #expect(previous["verdict"] as? String == "too few previous sessions")
        #expect(previous["minimum_sessions"] as? Int == 3)
        #expect(previous["journal_began_inside"] as? Bool == true)
        // No verdict in the text, no change in JSON: 6.0 → 4.0 would be -2 (a tester found JSON's -2).
        #expect(previous["change"] is NSNull)
        #expect(previous["change_percent"] is NSNull)
        #expect(
            previous["change_withheld"] as? String
                == "the previous period holds 1 session, too few to compare (at least 3 are needed)")
        let compared = try #require(
            try JSONSerialization.jsonObject(with: Data(JSONText.pretty(ReportJSON(report(previous: 3))).utf8))
                as? [String: Any])
        let shown = try #require(compared["previous"] as? [String: Any])
        #expect(shown["change"] as? Double == -2)
        #expect(shown["change_withheld"] is NSNull)
    }

    /// A previous period that holds only check-ins says that the journal began inside it, as one
    /// holding sessions does: one rule for every verdict.
    @Test func checkInsOnlyNameTheDayTheJournalBegan() {
        var comparison = report(previous: 0).comparison
        comparison.journalBegan = Fixture.date("2026-11-18")
        #expect(comparison.verdict == .noPreviousData)
        #expect(
            ReportText.comparison(comparison)
                == "No entries in the previous 7 days (2026-11-14 to 2026-11-20) to compare with: the journal began "
                + "on 18 Nov.")
        comparison.journalBegan = Fixture.date("2026-11-14")
        #expect(
            ReportText.comparison(comparison)
                == "No entries in the previous 7 days (2026-11-14 to 2026-11-20) to compare with.")
    }

    @Test func threeSessionsAreComparedAndCounted() {
        let comparison = report(previous: 3).comparison
        #expect(comparison.verdict == .improvement)
        #expect(
            ReportText.comparison(comparison)
                == "Compared with the previous 7 days (2026-11-14 to 2026-11-20), 3 sessions since the journal "
                + "began on 18 Nov: mean pain before 6.0 → 4.0 (-2.0, -33%): a meaningful improvement (at least "
                + "2 points or 30% lower).")
    }

    @Test func aJournalBegunBeforeThePreviousPeriodIsNotNamed() {
        var comparison = report(previous: 3).comparison
        comparison.journalBegan = Fixture.date("2026-11-14")
        #expect(!comparison.journalBeganInside)
        #expect(
            ReportText.comparison(comparison)
                == "Compared with the previous 7 days (2026-11-14 to 2026-11-20), 3 sessions: mean pain before "
                + "6.0 → 4.0 (-2.0, -33%): a meaningful improvement (at least 2 points or 30% lower).")
        comparison.previous = tally(2, 12)
        comparison.verdict = .tooFewPrevious
        #expect(
            ReportText.comparison(comparison)
                == "Not compared with the previous 7 days (2026-11-14 to 2026-11-20): the previous period holds "
                + "2 sessions, too few to compare (at least 3 are needed).")
    }
}
