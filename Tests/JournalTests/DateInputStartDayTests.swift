import Foundation
import Testing

@testable import Journal

/// The day a dose starts, typed after `plan set --since` (issue #26): it may be ahead, so `23 nov`
/// on 20 November is this year's, three days ahead, not refused with last year's, and `next
/// monday` and `next week` are read; every other option that takes a day keeps refusing a day to
/// come as before.
///
/// Days worked by hand from a calendar: Friday 2026-11-20 (weekday index 4, Monday 0), Sunday
/// 2026-11-22, Monday 2026-11-23, Wednesday 2026-12-30.
@Suite struct DateInputStartDayTests {
    func day(_ text: String) throws -> LocalDate { try #require(LocalDate(iso8601: text)) }

    func start(_ text: String, on today: String) throws -> String {
        try DateInput.parseStartDay(text, today: day(today)).iso8601
    }

    @Test func aDayAndMonthWithoutAYearIsTheNearestOneAheadOrBehind() throws {
        // Three days ahead, today, yesterday (next year's is 364 days ahead), New Year's Day 42 days ahead.
        #expect(try start("23 nov", on: "2026-11-20") == "2026-11-23")
        #expect(try start("23rd Nov.", on: "2026-11-20") == "2026-11-23")
        #expect(try start("nov 20", on: "2026-11-20") == "2026-11-20")
        #expect(try start("19 nov", on: "2026-11-20") == "2026-11-19")
        #expect(try start("1 jan", on: "2026-11-20") == "2027-01-01")
        // 21 May 2027 is 182 days ahead (10 + 31 + 31 + 28 + 31 + 30 + 21): ahead; 22 May 183: 2026's, 182 days back.
        #expect(try start("21 may", on: "2026-11-20") == "2027-05-21")
        #expect(try start("22 may", on: "2026-11-20") == "2026-05-22")
        // On 7 December, 23 November is this year's, 14 days back (next year's is 351 days ahead).
        #expect(try start("23 nov", on: "2026-12-07") == "2026-11-23")
        // Across the year's end, on Wednesday 30 December: 2 January is 2027's.
        #expect(try start("2 jan", on: "2026-12-30") == "2027-01-02")
        // With its weekday, which must be the day's: 27 November 2026 is a Friday.
        #expect(try start("fri 27 nov", on: "2026-11-20") == "2026-11-27")
        #expect(
            throws: JournalError.invalidDate(text: "sat 27 nov", reason: "27 Nov 2026 is a Friday, not a Saturday.")
        ) { try DateInput.parseStartDay("sat 27 nov", today: day("2026-11-20")) }
    }

    @Test func nextWeekdayIsTheFirstOneAfterToday() throws {
        // From Friday 20 November: Monday 23, Saturday 21, Friday 27 (a week on, never today).
        #expect(try start("next monday", on: "2026-11-20") == "2026-11-23")
        #expect(try start("Next Mon", on: "2026-11-20") == "2026-11-23")
        #expect(try start("next sat", on: "2026-11-20") == "2026-11-21")
        #expect(try start("next friday", on: "2026-11-20") == "2026-11-27")
        // From Sunday 22 November, the next day; from Monday 23, the Monday after.
        #expect(try start("next monday", on: "2026-11-22") == "2026-11-23")
        #expect(try start("next monday", on: "2026-11-23") == "2026-11-30")
        // Across the year's end: Wednesday 30 December to Tuesday 5 January.
        #expect(try start("next tues", on: "2026-12-30") == "2027-01-05")
    }

    @Test func nextWeekIsNextWeeksMonday() throws {
        #expect(try start("next week", on: "2026-11-20") == "2026-11-23")
        #expect(try start("next week", on: "2026-11-22") == "2026-11-23")
        #expect(try start("next week", on: "2026-11-23") == "2026-11-30")
        #expect(try start("next week.", on: "2026-12-30") == "2027-01-04")
    }

    @Test func theDaysEveryOtherOptionReadsAreReadAsThere() throws {
        // A weekday alone is the most recent one, today included: Monday 16 November from Friday 20.
        #expect(try start("monday", on: "2026-11-20") == "2026-11-16")
        #expect(try start("last monday", on: "2026-11-23") == "2026-11-16")
        #expect(try start("today", on: "2026-11-20") == "2026-11-20")
        #expect(try start("tomorrow", on: "2026-11-20") == "2026-11-21")
        #expect(try start("3 days ago", on: "2026-11-20") == "2026-11-17")
        #expect(try start("2026-12-14", on: "2026-11-20") == "2026-12-14")
    }

    @Test func anythingElseIsRefusedWithTheFormsOfAStartDay() throws {
        let today = try day("2026-11-20")
        for text in ["next", "next month", "next blursday", "soon"] {
            #expect(throws: JournalError.invalidDate(text: text, reason: DateInput.acceptedStartDayForms)) {
                try DateInput.parseStartDay(text, today: today)
            }
        }
        #expect(
            throws: JournalError.invalidDate(
                text: "2026-02-30", reason: "that day does not exist; " + DateInput.acceptedStartDayForms)
        ) { try DateInput.parseStartDay("2026-02-30", today: today) }
    }

    /// Only a start day may be ahead: the days `report --from` and the times `--at` read still
    /// refuse `23 nov` on 20 November, and read no `next monday`.
    @Test func otherOptionsStillRefuseADayToCome() throws {
        let today = try day("2026-11-20")
        let refused = JournalError.timeToCome(
            text: "23 nov", resolved: "Mon 23 Nov",
            instead: "for a day that has come, check the date (today is Fri 20 Nov); for last year's, \"23 Nov 2025\".")
        #expect(throws: refused) { try DateInput.parseDay("23 nov", today: today) }
        #expect(throws: JournalError.invalidDate(text: "next monday", reason: DateInput.acceptedDayForms)) {
            try DateInput.parseDay("next monday", today: today)
        }
        // Friday 2026-11-20 10:00 in London (GMT) and Toronto (UTC-05:00): 10:00Z and 15:00Z.
        for (zone, now) in [("Europe/London", 1_795_168_800), ("America/Toronto", 1_795_186_800)] as [(String, Int64)] {
            let zone = try #require(TimeZone(identifier: zone))
            #expect(throws: refused) { try DateInput.parse("23 nov", now: now, timeZone: zone) }
            #expect(throws: JournalError.invalidDate(text: "next monday", reason: DateInput.acceptedForms)) {
                try DateInput.parse("next monday", now: now, timeZone: zone)
            }
        }
    }
}
