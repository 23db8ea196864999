import Testing

@testable import Journal

@Suite struct PSFSSummaryTests {
    /// 2026-11-01 00:00 UTC plus `day` days and `hour` hours.
    func time(day: Int, hour: Int = 9) -> Int64 { 1_793_491_200 + Int64(day * 86_400 + hour * 3600) }

    func activity(_ id: Int64, _ text: String, day: Int, retiredDay: Int? = nil) throws -> PSFSActivity {
        try PSFSActivity(
            id: id, activity: text, addedAt: time(day: day), utcOffset: 0, retiredAt: retiredDay.map { time(day: $0) },
            createdAt: 0)
    }

    func rating(_ id: Int64, of activity: Int64, _ score: Int, day: Int) throws -> PSFSRating {
        try PSFSRating(
            id: id, activityID: activity, ratedAt: time(day: day), utcOffset: 0, score: #require(PainLevel(score)),
            createdAt: 0)
    }

    /// Socks 3 → 6 and film 4 → 5 from the baseline day (2026-11-01); lifting added on day 9 (2 → 6);
    /// bending rated at the baseline, then retired.
    func fixture(filmLatest: Int = 5) throws -> PSFSSummary {
        let activities = [
            try activity(1, "putting on socks", day: 0), try activity(2, "sitting through a film", day: 0),
            try activity(3, "lifting a child", day: 9), try activity(4, "bending to the floor", day: 0, retiredDay: 5),
        ]
        let ratings = [
            try rating(1, of: 1, 3, day: 0), try rating(2, of: 2, 4, day: 0), try rating(3, of: 4, 5, day: 0),
            try rating(4, of: 4, 1, day: 4), try rating(5, of: 3, 2, day: 9), try rating(6, of: 1, 6, day: 19),
            try rating(7, of: 2, filmLatest, day: 19), try rating(8, of: 3, 6, day: 24),
        ]
        return PSFSSummary.make(activities: activities, ratings: ratings)
    }

    @Test func eachActivityHasItsBaselineLatestAndChange() throws {
        let summary = try fixture()
        #expect(summary.activities.map(\.activity.id) == [1, 2, 3, 4])  // active first, retired last
        #expect(summary.activities.map { $0.baseline?.score.value } == [3, 4, 2, 5])
        #expect(summary.activities.map { $0.latest?.score.value } == [6, 5, 6, 1])
        #expect(summary.activities.map(\.change) == [3, 1, 4, -4])
        // At least 3 points either way is larger than the measure's error for one activity.
        #expect(summary.activities.map(\.detectable) == [true, false, true, true])
        #expect(summary.baselineDay == LocalDate(iso8601: "2026-11-01"))
    }

    @Test func theAverageTakesOnlyActivitiesRatedAtTheBaselineAndSinceThatAreStillRated() throws {
        // Lifting was added after the baseline and bending is retired: socks and film only.
        let average = try #require(try fixture().average)
        #expect(average.activities == 2)
        #expect(average.baseline == 3.5)  // (3 + 4) / 2
        #expect(average.latest == 5.5)  // (6 + 5) / 2
        #expect(average.change == 2.0)
        #expect(average.detectable)  // exactly 2 points
    }

    @Test func justBelowTheAveragesThresholdIsNotDetectable() throws {
        // Film 4 → 4: (6 + 4) / 2 − (3 + 4) / 2 = 1.5.
        let average = try #require(try fixture(filmLatest: 4).average)
        #expect(average.change == 1.5)
        #expect(!average.detectable)
    }

    /// Over one activity the average is that activity's score: +2 is within its 3 points, +3 is not.
    @Test func anAverageOverOneActivityTakesTheSingleActivitysThreshold() throws {
        for (latest, detectable) in [(5, false), (6, true), (0, true), (1, false)] {
            let summary = PSFSSummary.make(
                activities: [try activity(1, "putting on socks", day: 0)],
                ratings: [try rating(1, of: 1, 3, day: 0), try rating(2, of: 1, latest, day: 7)])
            let average = try #require(summary.average)
            #expect(average.activities == 1)
            #expect(average.detectableChange == 3)
            #expect(average.detectable == detectable, "3 → \(latest)")
            #expect(average.detectable == summary.activities[0].detectable)
        }
    }

    @Test func aSingleRatingHasNoChangeAndNoAverage() throws {
        let summary = PSFSSummary.make(
            activities: [try activity(1, "putting on socks", day: 0)], ratings: [try rating(1, of: 1, 3, day: 0)])
        #expect(summary.activities.first?.change == nil)
        #expect(summary.activities.first?.detectable == false)
        #expect(summary.average == nil)
    }

    @Test func theReminderComesAfterSevenDaysWithoutARating() throws {
        let summary = try fixture()  // last rating on day 24, 2026-11-25
        #expect(summary.reminder(today: try #require(LocalDate(iso8601: "2026-12-02"))) == nil)  // 7 days
        #expect(
            summary.reminder(today: try #require(LocalDate(iso8601: "2026-12-03")))
                == "Your last PSFS rating was 8 days ago (2026-11-25): rate your activities again with `journal psfs rate`."
        )
        let unrated = PSFSSummary.make(activities: [try activity(1, "socks", day: 0)], ratings: [])
        #expect(unrated.reminder(today: try #require(LocalDate(iso8601: "2026-11-02"))) != nil)
        #expect(
            PSFSSummary.make(activities: [], ratings: []).reminder(
                today: try #require(LocalDate(iso8601: "2026-11-02"))) == nil)
    }

    @Test(arguments: ["", "   ", "socks\u{7}", "line\nbreak", String(repeating: "a", count: 81)])
    func anActivityMustBeOneShortLine(text: String) throws {
        #expect(throws: JournalError.invalidActivity(text)) {
            try PSFSActivity(activity: text, addedAt: 0, utcOffset: 0, createdAt: 0)
        }
    }

    @Test func eightyCharactersAreEnough() throws {
        #expect(throws: Never.self) {
            try PSFSActivity(activity: String(repeating: "é", count: 80), addedAt: 0, utcOffset: 0, createdAt: 0)
        }
    }
}
