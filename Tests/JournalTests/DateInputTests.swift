import Foundation
import Testing

@testable import Journal

@Suite struct DateInputTests {
    let london: TimeZone
    let newYork: TimeZone
    /// 2026-11-25T10:00:00Z, a Wednesday.
    let now: Int64 = 1_795_600_800

    init() throws {
        london = try #require(TimeZone(identifier: "Europe/London"))
        newYork = try #require(TimeZone(identifier: "America/New_York"))
    }

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
        "03/04/2026", "tomorrow", "last monday", "2026-11-20 7:30", "yesterday 6pm", "next friday", "2026-11-20T07",
        "2026-11-20T07:30+25:00",
        "2026-11-20T07:30 +01:00", "", "abc", "20261120",
    ])
    func otherFormsAreRefusedWithTheAcceptedOnes(text: String) throws {
        #expect(throws: JournalError.invalidDate(text: text, reason: DateInput.acceptedForms)) { try parse(text) }
    }

    @Test(arguments: ["2026-02-30", "2026-13-01", "2026-02-30 07:00"])
    func impossibleDaysAreRefused(text: String) throws {
        #expect(
            throws: JournalError.invalidDate(text: text, reason: "that day does not exist. " + DateInput.acceptedForms)
        ) {
            try parse(text)
        }
    }

    @Test func impossibleTimesAreRefused() throws {
        #expect(
            throws: JournalError.invalidDate(
                text: "2026-11-20 24:00", reason: "that time does not exist. " + DateInput.acceptedForms)
        ) {
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

    // Natural days. Today is Wednesday 2026-11-25, 10:00 in London (UTC+0).

    @Test(arguments: [
        ("yesterday", 1_795_521_600),  // 2026-11-24 12:00
        ("Yesterday 18:00", 1_795_543_200),
        ("2 days ago 07:30", 1_795_419_000),  // 2026-11-23 07:30
        ("1 day ago", 1_795_521_600),
        ("0 days ago", 1_795_600_800),  // today before noon: now
        ("today", 1_795_600_800),
        ("today 08:15", 1_795_594_500),
        ("monday", 1_795_435_200),  // 2026-11-23 12:00
        ("tue 19:00", 1_795_546_800),  // 2026-11-24 19:00
        ("wednesday 09:00", 1_795_597_200),  // today counts as the most recent Wednesday
        ("thursday", 1_795_089_600),  // 2026-11-19 12:00, never the coming one
    ])
    func naturalDaysCountBackFromToday(text: String, expected: Int64) throws {
        #expect(try parse(text).unixSeconds == expected)
    }

    @Test func aWeekdayLaterTodayIsTheFuture() throws {
        #expect(throws: JournalError.self) { try parse("wednesday 18:00") }
    }

    @Test func naturalDaysKnowDaylightSaving() throws {
        // In London, 2026-03-29 (a Sunday) lost 01:00–02:00; a week later the offset is +01:00.
        let now: Int64 = 1_775_469_600  // 2026-04-06T10:00:00Z, a Monday
        let lastSunday = try DateInput.parse("sunday 01:30", now: now, timeZone: london)
        #expect(lastSunday.local.iso8601 == "2026-04-05T01:30:00+01:00")
        #expect(throws: JournalError.self) { try DateInput.parse("8 days ago 01:30", now: now, timeZone: london) }
        #expect(
            try DateInput.parse("8 days ago 00:30", now: now, timeZone: london).local.iso8601
                == "2026-03-29T00:30:00+00:00")
    }

    @Test func naturalDaysCrossTheStartOfAYear() throws {
        let now: Int64 = 1_798_848_000 + 36_000  // 2027-01-02T10:00:00Z, a Saturday
        #expect(
            try DateInput.parse("yesterday", now: now, timeZone: london).local.iso8601 == "2027-01-01T12:00:00+00:00")
        #expect(
            try DateInput.parse("3 days ago 23:59", now: now, timeZone: london).local.iso8601
                == "2026-12-30T23:59:00+00:00")
        #expect(
            try DateInput.parse("thursday", now: now, timeZone: london).local.iso8601 == "2026-12-31T12:00:00+00:00")
        let today = try #require(LocalDate(iso8601: "2027-01-02"))
        #expect(try DateInput.parseDay("monday", today: today).iso8601 == "2026-12-28")
        #expect(try DateInput.parseDay("2 days ago", today: today).iso8601 == "2026-12-31")
        #expect(throws: JournalError.self) { try DateInput.parseDay("03/04/2026", today: today) }
    }
}

/// Offsets that are not whole minutes: Liberia kept −00:44:30 until 1972.
@Suite struct OffsetToTheSecondTests {
    let monrovia: TimeZone
    /// 1970-06-01T12:00:00-00:44:30.
    let noon: Int64 = 13_046_400 + 43_200 + 2670

    init() throws { monrovia = try #require(TimeZone(identifier: "Africa/Monrovia")) }

    @Test func offsetsAreWrittenToTheSecondWhenTheyHaveSeconds() throws {
        #expect(DateInput.at(noon, in: monrovia).utcOffset == -2670)
        #expect(LocalDateTime(unixSeconds: noon, utcOffset: -2670).iso8601 == "1970-06-01T12:00:00-00:44:30")
        #expect(LocalDateTime.offsetText(-2670) == "-00:44:30")
        #expect(LocalDateTime.offsetText(3600) == "+01:00")
        #expect(LocalDateTime.offsetText(-(5 * 3600 + 1800)) == "-05:30")
        #expect(LocalDateTime.offsetText(0) == "+00:00")
        #expect(LocalDateTime.offsetText(1) == "+00:00:01")
    }

    @Test func timestampsWithSecondsInTheOffsetReadExactly() throws {
        #expect(
            DateInput.parseTimestamp("1970-06-01T12:00:00-00:44:30")
                == ResolvedTime(unixSeconds: noon, utcOffset: -2670))
        #expect(
            DateInput.parseTimestamp("1970-06-01T12:00-004430") == ResolvedTime(unixSeconds: noon, utcOffset: -2670))
        let typed = try DateInput.parse("1970-06-01T10:00:00-00:44:30", now: 1_795_600_800, timeZone: .gmt)
        #expect(typed == ResolvedTime(unixSeconds: noon - 7200, utcOffset: -2670))
    }

    @Test(
        arguments: [
            ("+05:30:15", 19815), ("-00:44:30", -2670), ("+183000", nil), ("+18:00:00", 64800), ("+18:00:01", nil),
            ("+01:60:00", nil), ("+01:00:60", nil), ("+01:00:", nil), ("+01:0000", nil), ("+01:00:0", nil),
            ("+0100:00", nil),
        ] as [(String, Int?)])
    func offsetsAreReadStrictly(text: String, seconds: Int?) throws {
        #expect(DateInput.parseOffset(Array(text.utf8)[...]) == seconds)
    }

    @Test func anEntryKeepsItsOffsetThroughCSVAndJSON() throws {
        let entry = try Entry(
            id: 3, exerciseID: "bird-dog", performedAt: noon, utcOffset: -2670, painBefore: PainLevel(3)!,
            painAfter: PainLevel(2)!, createdAt: noon)
        let row = CSVFormat.row(entry)
        #expect(row == "3,1970-06-01T12:00:00-00:44:30,bird-dog,,1,,,3,2,-1,false,\r\n")
        let fields = row.dropLast().split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let read = try CSVFormat.draft(from: fields).entry(
            exercise: Catalog.builtIn.exercise(id: "bird-dog")!, now: noon, timeZone: .gmt)
        #expect(read.hasSameContent(as: entry))
        let json = String(decoding: try JSONEncoder().encode(EntryJSON(entry)), as: UTF8.self)
        #expect(json.contains(#""performed_at":"1970-06-01T12:00:00-00:44:30""#))
    }
}
