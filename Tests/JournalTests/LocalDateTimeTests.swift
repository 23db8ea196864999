import Testing

@testable import Journal

@Suite struct LocalDateTimeTests {
    @Test(arguments: [
        (LocalDate(year: 1970, month: 1, day: 1)!, Int64(0)),
        (LocalDate(year: 1969, month: 12, day: 31)!, Int64(-1)),
        (LocalDate(year: 2000, month: 2, day: 29)!, Int64(11016)),
        (LocalDate(year: 2026, month: 11, day: 25)!, Int64(20782)),
    ])
    func daysSinceEpochRoundTrips(date: LocalDate, days: Int64) throws {
        #expect(date.daysSinceEpoch == days)
        #expect(LocalDate(daysSinceEpoch: days) == date)
    }

    @Test func impossibleDaysAreRefused() throws {
        #expect(LocalDate(year: 2026, month: 2, day: 29) == nil)
        #expect(LocalDate(year: 2024, month: 2, day: 29) != nil)
        #expect(LocalDate(year: 1900, month: 2, day: 29) == nil)
        #expect(LocalDate(year: 2026, month: 4, day: 31) == nil)
        #expect(LocalDate(year: 2026, month: 13, day: 1) == nil)
        #expect(LocalDate(iso8601: "2026-02-30") == nil)
        #expect(LocalDate(iso8601: "2026-2-3") == nil)
    }

    @Test func addingDaysCrossesMonthsAndYears() throws {
        #expect(LocalDate(iso8601: "2026-12-30")?.adding(days: 3).iso8601 == "2027-01-02")
        #expect(LocalDate(iso8601: "2026-03-01")?.adding(days: -1).iso8601 == "2026-02-28")
    }

    @Test func theLocalClockUsesTheStoredOffset() throws {
        // 2026-11-25T10:00:00Z
        #expect(LocalDateTime(unixSeconds: 1_795_600_800, utcOffset: 0).iso8601 == "2026-11-25T10:00:00+00:00")
        #expect(LocalDateTime(unixSeconds: 1_795_600_800, utcOffset: 3600).iso8601 == "2026-11-25T11:00:00+01:00")
        // 10:00 UTC is still the day before at UTC−10:30.
        #expect(
            LocalDateTime(unixSeconds: 1_795_600_800 - 3600 * 10 - 1, utcOffset: -(10 * 3600 + 1800)).iso8601
                == "2026-11-24T13:29:59-10:30")
        #expect(LocalDateTime(unixSeconds: -1, utcOffset: 0).iso8601 == "1969-12-31T23:59:59+00:00")
    }
}
