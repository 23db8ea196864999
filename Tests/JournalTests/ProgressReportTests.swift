import Foundation
import Testing

@testable import Journal

/// A week in New York across the end of daylight-saving time (2026-11-01, 02:00 EDT → 01:00 EST).
@Suite struct ProgressReportTests {
    /// An entry; `nil` only if a value were out of range, which none here is (a test counts them).
    static func entry(
        _ id: Int64, _ exercise: String, at time: Int64, offset: Int, sets: Int = 1, reps: Int? = nil,
        hold: Int? = nil, before: Int, after: Int
    ) -> Entry? {
        guard let before = PainLevel(before), let after = PainLevel(after) else { return nil }
        return try? Entry(
            id: id, exerciseID: exercise, performedAt: time, utcOffset: offset, sets: sets, reps: reps,
            holdSeconds: hold, painBefore: before, painAfter: after, createdAt: time)
    }

    static let entries = [
        // 2026-10-26 10:00 EDT: previous period.
        entry(1, "glute-bridge", at: 1_793_023_200, offset: -14400, sets: 3, reps: 10, before: 8, after: 8),
        // 2026-10-31 23:30 EDT: the evening before the period (04:30 UTC on the first day): previous period.
        entry(2, "glute-bridge", at: 1_793_503_800, offset: -14400, sets: 3, reps: 10, before: 6, after: 5),
        // 2026-11-01 00:30 EDT: the first day.
        entry(3, "glute-bridge", at: 1_793_507_400, offset: -14400, sets: 3, reps: 10, before: 4, after: 4),
        // 2026-11-01 23:30 EST: still the first day locally (04:30 UTC on 11-02); pain rose.
        entry(4, "side-plank", at: 1_793_593_800, offset: -18000, sets: 2, hold: 30, before: 3, after: 5),
        // 2026-11-07 23:59 EST: the last day.
        entry(5, "bird-dog", at: 1_794_113_940, offset: -18000, sets: 2, reps: 8, before: 2, after: 1),
        // 2026-11-08 00:10 EST: after the period; pain rose, but its finding is not this period's.
        entry(6, "bird-dog", at: 1_794_114_600, offset: -18000, sets: 2, reps: 8, before: 1, after: 3),
    ].compactMap { $0 }

    /// 2026-11-01 to 2026-11-07: 2026-11-07 is 20764 days after 1970-01-01.
    static let period = Period.week(endingOn: LocalDate(daysSinceEpoch: 20_764))
    let report = ProgressReport.make(
        entries: entries, period: period, region: Fixture.britain,
        findings: Rules.evaluate(entries: entries, checkIns: []))

    @Test func theFixtureIsTheFirstWeekOfNovember() throws {
        #expect(Self.entries.count == 6)
        #expect((Self.period.from.iso8601, Self.period.to.iso8601) == ("2026-11-01", "2026-11-07"))
    }

    @Test func countsOnlyEntriesOnTheLocalDaysOfThePeriod() throws {
        #expect(report.entryCount == 3)
        #expect(report.daysActive == 2)
        #expect(report.pain.beforeSum == 9)
        #expect(report.pain.afterSum == 10)
        #expect(report.pain.beforeMean == 3.0)
        #expect(Figures.twoDecimals(report.pain.afterMean) == 3.33)
        #expect(Figures.twoDecimals(report.pain.changeMean) == 0.33)
    }

    @Test func summarisesEachExercise() throws {
        let byID = Dictionary(uniqueKeysWithValues: report.exercises.map { ($0.exerciseID, $0) })
        #expect(report.exercises.map(\.exerciseID) == ["bird-dog", "glute-bridge", "side-plank"])
        let birdDog = try #require(byID["bird-dog"])
        #expect(
            (birdDog.sessions, birdDog.sets, birdDog.reps, birdDog.holdSeconds, birdDog.flagged) == (1, 2, 16, nil, 0))
        #expect((birdDog.pain.beforeMean, birdDog.pain.afterMean, birdDog.pain.changeMean) == (2, 1, -1))
        let bridge = try #require(byID["glute-bridge"])
        #expect((bridge.sessions, bridge.sets, bridge.reps, bridge.holdSeconds, bridge.flagged) == (1, 3, 30, nil, 0))
        let plank = try #require(byID["side-plank"])
        #expect((plank.sessions, plank.sets, plank.reps, plank.holdSeconds, plank.flagged) == (1, 2, nil, 60, 1))
        #expect(plank.pain.changeMean == 2)
    }

    @Test func listsEveryDayWithGaps() throws {
        #expect(report.days.map(\.date.iso8601) == (1...7).map { "2026-11-0\($0)" })
        #expect(report.days.map(\.entries) == [2, 0, 0, 0, 0, 0, 1])
        #expect(report.days[0].pain.beforeMean == 3.5)
        #expect(report.days[0].pain.afterMean == 4.5)
        #expect(report.days[0].flagged == 1)
        #expect(report.days[6].pain.beforeMean == 2.0)
        #expect(report.days[1].pain.beforeMean == nil)
    }

    @Test func comparesWithThePreviousWeek() throws {
        #expect(
            report.comparison.period
                == Period(from: LocalDate(iso8601: "2026-10-25")!, to: LocalDate(iso8601: "2026-10-31")!))
        #expect(report.comparison.previous.count == 2)
        #expect(report.comparison.previous.beforeMean == 7.0)
        #expect(report.comparison.change == -4.0)
        #expect(Figures.twoDecimals(report.comparison.relativeChange) == -0.57)
        // 2 sessions: too few for a verdict (ComparisonTests).
        #expect(report.comparison.verdict == .tooFewPrevious)
    }

    @Test func keepsOnlyTheFindingsOfThePeriod() throws {
        #expect(report.findings.map(\.entryID) == [4])
        #expect(report.findings.first?.rule == "more-pain")
    }

    @Test func textMarkdownAndJSONAgreeOnEveryFigure() throws {
        let text = ReportText.render(report)
        #expect(text.contains("Active on 2 of 7 days, 3 entries. Mean pain before 3.0, after 3.3 (change +0.3)."))
        #expect(text.contains("bird-dog             1     2    16       -  2.0 → 1.0    -1.0      1        0"))
        #expect(text.contains("side-plank           1     2     -      60  3.0 → 5.0    +2.0      5        1"))
        #expect(text.contains("Sun 2026-11-01        2     3.5    4.5      5         1"))
        #expect(text.contains("Mon 2026-11-02        ·"))
        #expect(text.contains("Pain before  |▃     ▂|"))
        let unwrapped = text.replacingOccurrences(of: "\n", with: " ")
        #expect(
            unwrapped.contains(
                "Not compared with the previous 7 days (2026-10-25 to 2026-10-31): the previous period holds 2 "
                    + "sessions, too few to compare (at least 3 are needed)."))
        #expect(
            text.contains(
                "\nNeeds attention\nSTOP side-plank, Sun 1 Nov 23:30, pain 3 → 5\n"
                    + "     Pain went up during side-plank, from 3 before to 5 after.\n"))
        // What needs attention comes before the pain picture and the detail.
        #expect(
            try #require(text.range(of: "Needs attention")).lowerBound < #require(text.range(of: "\nPain\n")).lowerBound
        )
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 })

        let markdown = ReportMarkdown.render(report)
        #expect(
            markdown.contains("Active on 2 of 7 days, 3 entries. Mean pain before 3.0, after 3.3 (change +0.3)."))
        #expect(markdown.contains("| bird-dog | 1 | 2 | 16 | - | 2.0 | 1.0 | -1.0 | 1 | 0 |"))
        #expect(markdown.contains("| side-plank | 1 | 2 | - | 60 | 3.0 | 5.0 | +2.0 | 5 | 1 |"))
        #expect(markdown.contains("| Sun 2026-11-01 | 2 | 3.5 | 4.5 | 5 | 1 | - |"))
        #expect(markdown.contains("the previous period holds 2 sessions, too few to compare"))
        #expect(markdown.contains("- **STOP** side-plank, Sun 1 Nov 23:30, pain 3 → 5: Pain went up during side-plank"))

        let encoder = JSONEncoder()
        let json = try #require(
            try JSONSerialization.jsonObject(with: encoder.encode(ReportJSON(report))) as? [String: Any])
        #expect(json["from"] as? String == "2026-11-01")
        #expect(json["to"] as? String == "2026-11-07")
        #expect(json["days_active"] as? Int == 2)
        #expect(json["entries"] as? Int == 3)
        #expect(json["pain_before_mean"] as? Double == 3.0)
        #expect(json["pain_after_mean"] as? Double == 3.33)
        let exercises = try #require(json["exercises"] as? [[String: Any]])
        #expect(
            Set(exercises[0].keys) == [
                "exercise", "sessions", "sets", "reps", "hold_seconds", "pain_before_mean", "pain_after_mean",
                "pain_change_mean", "flagged", "pain_after_max",
            ])
        #expect(exercises[0]["reps"] as? Int == 16)
        #expect(exercises[2]["hold_seconds"] as? Int == 60)
        #expect(exercises[2]["reps"] is NSNull)
        #expect(exercises[2]["pain_change_mean"] as? Double == 2.0)
        let flags = try #require(json["flags"] as? [[String: Any]])
        #expect(flags.count == 1)
        #expect(flags[0]["entry_id"] as? Int == 4)
        #expect(flags[0]["exercise"] as? String == "side-plank")
        #expect(flags[0]["performed_at"] as? String == "2026-11-01T23:30:00-05:00")
        #expect(flags[0]["rule"] as? String == "more-pain")
        #expect((flags[0]["message"] as? String)?.hasPrefix("Pain went up") == true)
        let days = try #require(json["days"] as? [[String: Any]])
        #expect(days.count == 7)
        #expect(days[0]["pain_before_mean"] as? Double == 3.5)
        #expect(days[1]["pain_before_mean"] is NSNull)
        let previous = try #require(json["previous"] as? [String: Any])
        #expect(previous["pain_before_mean"] as? Double == 7.0)
        // Too few previous sessions for a verdict: no change either, and why (docs/report.md).
        #expect(previous["change"] is NSNull)
        #expect(previous["change_percent"] is NSNull)
        #expect(
            previous["change_withheld"] as? String
                == "the previous period holds 2 sessions, too few to compare (at least 3 are needed)")
        #expect(previous["verdict"] as? String == "too few previous sessions")
    }

    @Test func anEmptyPeriodSaysSoKindly() throws {
        let empty = ProgressReport.make(entries: [], period: Self.period, region: Fixture.britain, findings: [])
        #expect(empty.isEmpty)
        #expect(empty.days.count == 7)
        #expect(empty.comparison.verdict == .noPreviousData)
        let text = ReportText.render(empty)
        #expect(text.contains("No entries between 2026-11-01 and 2026-11-07. Record one with:"))
        #expect(text.contains("No entries in the previous 7 days (2026-10-25 to 2026-10-31) to compare with."))
    }

    @Test func periodsEndTodayAndReachBack() throws {
        let today = try #require(LocalDate(iso8601: "2026-03-02"))
        #expect(Period.week(endingOn: today).from.iso8601 == "2026-02-24")
        #expect(Period.month(endingOn: today).from.iso8601 == "2026-02-01")
        #expect(Period.month(endingOn: today).previous.to.iso8601 == "2026-01-31")
        #expect(Period.month(endingOn: today).previous.dayCount == 30)
        #expect(Period(from: today, to: today.adding(days: -1)) == nil)
    }

    @Test func weekdaysAreNamed() throws {
        #expect(Figures.day(LocalDate(iso8601: "2026-11-25")!) == "Wed 2026-11-25")
        #expect(Figures.day(LocalDate(iso8601: "1969-12-29")!) == "Mon 1969-12-29")
    }
}

@Suite struct MinimalImportantChangeTests {
    func tally(_ count: Int, _ beforeSum: Int) -> ProgressReport.PainTally {
        var tally = ProgressReport.PainTally()
        tally.count = count
        tally.beforeSum = beforeSum
        return tally
    }

    @Test(arguments: [
        // (previous count, sum), (current count, sum), verdict
        ((1, 5), (1, 3), "improvement"),  // exactly 2 points (40%)
        ((2, 10), (2, 7), "improvement"),  // 5.0 → 3.5: exactly 30%
        ((3, 10), (3, 7), "improvement"),  // 3.33 → 2.33: exactly 30% of a repeating decimal
        ((1, 5), (10, 36), "no meaningful change"),  // 5.0 → 3.6: 1.4 points, 28%
        ((3, 10), (100, 234), "improvement"),  // 3.33 → 2.34 is shown 3.3 → 2.3: -1.0, -30%
        ((1, 7), (25, 126), "improvement"),  // 7 → 5.04 is shown 7.0 → 5.0: -2.0 (exactly -1.96)
        ((1, 3), (48, 101), "improvement"),  // 3 → 2.104 is shown 3.0 → 2.1: -30% (exactly -29.86%)
        ((1, 3), (8, 17), "improvement"),  // 3 → 2.125 is shown 3.0 → 2.1: -30% (exactly -29.2%)
        ((10, 31), (10, 22), "no meaningful change"),  // 3.1 → 2.2: -0.9, -29.03% shown -29%
        ((5, 22), (10, 31), "improvement"),  // 4.4 → 3.1: -1.3, -29.55% shown -30%
        ((1, 7), (10, 51), "no meaningful change"),  // 7.0 → 5.1: -1.9, -27%
        ((1, 10), (10, 81), "no meaningful change"),  // 10 → 8.1: 1.9 points, 19%
        ((1, 10), (1, 8), "improvement"),  // 10 → 8: 2 points, 20%
        ((1, 2), (1, 3), "worsening"),  // +1 point is +50%
        ((1, 5), (1, 7), "worsening"),  // +2 points
        ((10, 50), (10, 64), "no meaningful change"),  // 5.0 → 6.4: +1.4, +28%
        ((1, 0), (1, 1), "no meaningful change"),  // from 0 no percentage: +1 point only
        ((1, 0), (1, 2), "worsening"),
        ((0, 0), (1, 2), "no previous data"),
        ((1, 2), (0, 0), "no current data"),
    ])
    func atJustUnderAndOverTheThresholds(previous: (Int, Int), current: (Int, Int), verdict: String) throws {
        #expect(
            MinimalImportantChange.verdict(
                previous: tally(previous.0, previous.1), current: tally(current.0, current.1)
            )
            .rawValue == verdict)
    }
}
