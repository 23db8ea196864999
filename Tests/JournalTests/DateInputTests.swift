import Foundation
import Testing

@testable import Journal

@Suite struct DateInputTests {
    let london = TimeZone(identifier: "Europe/London")!
    let newYork = TimeZone(identifier: "America/New_York")!
    /// 2026-11-25T10:00:00Z, a Wednesday.
    let now: Int64 = 1_795_600_800

    func parse(_ text: String, _ zone: TimeZone? = nil) throws -> ResolvedTime {
        try DateInput.parse(text, now: now, timeZone: zone ?? london)
    }

    @Test func nowIsNow() throws {
        #expect(try parse("now") == ResolvedTime(unixSeconds: now, utcOffset: 0))
        #expect(try parse("NOW", newYork) == ResolvedTime(unixSeconds: now, utcOffset: -5 * 3600))
    }

    @Test func aDateAloneMeansNoonOnTheLocalClock() throws {
        // 2026-11-20T12:00 in New York is 17:00 UTC.
        #expect(try parse("2026-11-20", newYork) == ResolvedTime(unixSeconds: 1_795_194_000, utcOffset: -18000))
    }

    @Test func todayBeforeNoonMeansNow() throws {
        #expect(try parse("2026-11-25") == ResolvedTime(unixSeconds: now, utcOffset: 0))
    }

    @Test(arguments: ["2026-11-20 07:30", "2026-11-20T07:30", "2026-11-20t07:30:00", " 2026-11-20 07:30 "])
    func aDateAndTimeIsReadOnTheLocalClock(text: String) throws {
        #expect(try parse(text) == ResolvedTime(unixSeconds: 1_795_159_800, utcOffset: 0))
    }

    @Test func summerTimeGetsItsOwnOffset() throws {
        #expect(try parse("2026-07-20 07:30") == ResolvedTime(unixSeconds: 1_784_529_000, utcOffset: 3600))
    }

    @Test(arguments: [
        ("2026-11-20T07:30Z", 1_795_159_800, 0),
        ("2026-11-20T08:30+01:00", 1_795_159_800, 3600),
        ("2026-11-20T08:30+0100", 1_795_159_800, 3600),
        ("2026-11-20T02:30-05", 1_795_159_800, -18000),
        ("2026-11-20T13:00:30+05:30", 1_795_159_830, 19800),
    ])
    func anExplicitOffsetWins(text: String, seconds: Int64, offset: Int) throws {
        #expect(try parse(text, newYork) == ResolvedTime(unixSeconds: seconds, utcOffset: offset))
    }

    @Test(arguments: [
        "03/04/2026", "yesterday 18:00", "2026-11-20 7:30", "2026-11-20T07", "2026-11-20T07:30+25:00",
        "2026-11-20T07:30 +01:00", "", "abc", "20261120",
    ])
    func otherFormsAreRefusedWithTheAcceptedOnes(text: String) throws {
        #expect(throws: JournalError.invalidDate(text: text, reason: DateInput.acceptedForms)) { try parse(text) }
    }

    @Test(arguments: ["2026-02-30", "2026-13-01", "2026-02-30 07:00"])
    func impossibleDaysAreRefused(text: String) throws {
        #expect(throws: JournalError.invalidDate(text: text, reason: "that day does not exist. " + DateInput.acceptedForms)) {
            try parse(text)
        }
    }

    @Test func impossibleTimesAreRefused() throws {
        #expect(throws: JournalError.invalidDate(text: "2026-11-20 24:00", reason: "that time does not exist. " + DateInput.acceptedForms)) {
            try parse("2026-11-20 24:00")
        }
    }

    @Test func theFutureIsRefused() throws {
        #expect(throws: JournalError.futureDate(text: "2026-11-25 10:01", resolved: "2026-11-25 10:01 (UTC+00:00)")) {
            try parse("2026-11-25 10:01")
        }
        #expect(throws: JournalError.futureDate(text: "2026-11-26", resolved: "2026-11-26 12:00 (UTC+00:00)")) {
            try parse("2026-11-26")
        }
    }

    @Test func aTimeTheClocksSkippedIsRefused() throws {
        // On 2026-03-29 London's clocks went from 01:00 straight to 02:00.
        #expect(throws: JournalError.self) { try parse("2026-03-29 01:30") }
        #expect(try parse("2026-03-29 00:59") == ResolvedTime(unixSeconds: 1_774_745_940, utcOffset: 0))
        #expect(try parse("2026-03-29 03:00") == ResolvedTime(unixSeconds: 1_774_749_600, utcOffset: 3600))
    }

    @Test func aTimeTheClocksShowedTwiceAsksForTheOffset() throws {
        // On 2026-10-25 London showed 01:00–01:59 twice.
        do {
            _ = try parse("2026-10-25 01:30")
            Issue.record("an ambiguous time was accepted")
        } catch let JournalError.invalidDate(_, reason) {
            #expect(reason.contains("2026-10-25T01:30+01:00 or 2026-10-25T01:30+00:00"))
        }
        #expect(try parse("2026-10-25T01:30+01:00") == ResolvedTime(unixSeconds: 1_792_888_200, utcOffset: 3600))
        #expect(try parse("2026-10-25 00:30") == ResolvedTime(unixSeconds: 1_792_884_600, utcOffset: 3600))
    }
}
