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
        "03/04/2026", "next friday", "7", "last", "this", "last morning", "2026-11-20T07",
        "2026-11-20T07:30+25:00",
        "2026-11-20T07:30 +01:00", "", "abc", "20261120",
    ])
    func otherFormsAreRefusedWithTheAcceptedOnes(text: String) throws {
        #expect(throws: JournalError.invalidDate(text: text, reason: DateInput.acceptedForms)) { try parse(text) }
    }

    /// `tomorrow` is a day, still to come: refused as such where a time is taken (it was refused as
    /// no day journal reads), a report's last day where a day is (``Period/asked(from:to:today:)``).
    @Test func tomorrowIsRefusedAsStillToCome() throws {
        // Wednesday 2026-11-25 10:00 in London (UTC+00:00): tomorrow is Thursday 26 November, at
        // noon for a day alone, 08:00 for its morning.
        for (text, resolved) in [
            ("tomorrow", "2026-11-26 12:00"), ("tomorrow 7pm", "2026-11-26 19:00"),
            ("tomorrow morning", "2026-11-26 08:00"),
        ] {
            #expect(throws: JournalError.futureDate(text: text, resolved: resolved + " (UTC+00:00)")) {
                try parse(text)
            }
        }
        let today = try #require(LocalDate(iso8601: "2026-11-25"))
        #expect(try DateInput.parseDay("Tomorrow", today: today).iso8601 == "2026-11-26")
    }

    @Test(arguments: ["2026-02-30", "2026-13-01", "2026-02-30 07:00"])
    func impossibleDaysAreRefused(text: String) throws {
        #expect(
            throws: JournalError.invalidDate(text: text, reason: "that day does not exist; " + DateInput.acceptedForms)
        ) {
            try parse(text)
        }
    }

    @Test func impossibleTimesAreRefused() throws {
        #expect(
            throws: JournalError.invalidDate(
                text: "2026-11-20 24:00", reason: "that time does not exist; " + DateInput.acceptedForms)
        ) {
            try parse("2026-11-20 24:00")
        }
    }

    @Test func theFutureIsRefused() throws {
        #expect(throws: JournalError.futureDate(text: "2026-11-25 11:01", resolved: "2026-11-25 11:01 (UTC+00:00)")) {
            try parse("2026-11-25 11:01")
        }
        #expect(throws: JournalError.futureDate(text: "2026-11-26", resolved: "2026-11-26 12:00 (UTC+00:00)")) {
            try parse("2026-11-26")
        }
    }

    /// A day and a time a few minutes ahead gets the same message as a time alone (a tester):
    /// the time it ended, or "now"; yesterday's is for a time alone.
    @Test func aDayAndTimeWithinTheHourAheadSaysHowToSayJustNow() throws {
        for text in ["2026-11-25 10:05", "today 10:05", "2026-11-25T10:05", "2026-11-25 11:00"] {
            #expect(
                throws: JournalError.timeToCome(
                    text: text, resolved: "2026-11-25 \(text.hasSuffix("11:00") ? "11:00" : "10:05") (UTC+00:00)",
                    instead: "for what you have just done, give the time it ended or \"now\".")
            ) { try parse(text) }
        }
        // 05:05 in New York, five minutes ahead of 05:00 EST.
        #expect(
            throws: JournalError.timeToCome(
                text: "2026-11-25 05:05", resolved: "2026-11-25 05:05 (UTC-05:00)",
                instead: "for what you have just done, give the time it ended or \"now\".")
        ) { try parse("2026-11-25 05:05", newYork) }
    }

    /// Hours and minutes ago, `a` and `an` for one, and days with ordinals (a tester).
    ///
    /// 10:00 UTC on Wednesday 2026-11-25, in London (UTC+00:00) and New York (UTC-05:00).
    @Test(arguments: [
        ("2 hours ago", 1_795_593_600),  // 08:00Z
        ("30 minutes ago", 1_795_599_000),  // 09:30Z
        ("an hour ago", 1_795_597_200),  // 09:00Z
        ("a minute ago", 1_795_600_740),
        ("90 mins ago", 1_795_595_400),  // 08:30Z
        ("1 hr ago", 1_795_597_200),
    ])
    func hoursAndMinutesAgoCountBackFromNow(text: String, expected: Int64) throws {
        #expect(try parse(text) == ResolvedTime(unixSeconds: expected, utcOffset: 0))
        #expect(try parse(text, newYork) == ResolvedTime(unixSeconds: expected, utcOffset: -18000))
    }

    @Test(arguments: [
        ("a week ago", "2026-11-18"),
        ("a day ago", "2026-11-24"),
        ("a month ago", "2026-10-25"),
        ("20th nov", "2026-11-20"),
        ("nov 20th", "2026-11-20"),
        ("1st nov", "2026-11-01"),
        ("22nd november 2025", "2025-11-22"),
        ("Fri 20th Nov", "2026-11-20"),
        ("3rd oct", "2026-10-03"),
        ("11th nov", "2026-11-11"),
    ])
    func aAnAndOrdinalsNameDays(text: String, day: String) throws {
        let date = try #require(LocalDate(iso8601: day))
        // Noon that day, in London (UTC+00:00 from November, +01:00 in October) and in New York.
        let london = try parse(text)
        #expect(london.local.date == date && london.local.hour == 12 && london.local.minute == 0)
        let newYork = try parse(text, newYork)
        #expect(newYork.local.date == date && newYork.local.hour == 12 && newYork.utcOffset < 0)
        #expect(try DateInput.parseDay(text, today: try #require(LocalDate(iso8601: "2026-11-25"))) == date)
    }

    /// An ordinal must have its own ending, and a day still to come is refused as before.
    @Test func ordinalsAreReadStrictly() throws {
        for text in ["20st nov", "1th dec", "nov 2st", "13rd oct"] {
            #expect(throws: JournalError.invalidDate(text: text, reason: DateInput.acceptedForms)) { try parse(text) }
        }
        #expect(throws: JournalError.self) { try parse("1st dec") }
        #expect(throws: JournalError.invalidDate(text: "2 hours ago", reason: DateInput.acceptedDayForms)) {
            try DateInput.parseDay("2 hours ago", today: try #require(LocalDate(iso8601: "2026-11-25")))
        }
    }

    /// Hours and minutes ago reach back as far as days do: 87,840 hours is 3,660 days.
    @Test func hoursAgoReachBackNoFurtherThanTheDays() throws {
        #expect(try parse("87840 hours ago").unixSeconds == now - 87_840 * 3600)
        let reason = "that is further back than journal goes: at most 3660 days, 522 weeks or 120 calendar months ago."
        for text in ["87841 hours ago", "5270401 minutes ago", "99999999999999999999 hours ago"] {
            #expect(throws: JournalError.invalidDate(text: text, reason: reason)) { try parse(text) }
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

    // Times people type (#26), hand-worked. London is UTC+00:00 on 2026-11-25 and it is 10:00 there;
    // Tokyo is UTC+09:00 all year (no daylight saving), where it is 19:00.

    @Test(arguments: [
        ("18:00", 1_795_543_200),  // 18:00 today is still to come: yesterday, 2026-11-24 18:00
        ("7am", 1_795_590_000),  // 2026-11-25 07:00
        ("7:30am", 1_795_591_800),  // 2026-11-25 07:30
        ("07:30", 1_795_591_800),
        ("7:30 AM", 1_795_591_800),
        ("7pm", 1_795_546_800),  // 2026-11-24 19:00
        ("12am", 1_795_564_800),  // midnight: 2026-11-25 00:00
        ("midnight", 1_795_564_800),  // as 12am: the day's start, 2026-11-25 00:00
        ("yesterday at midnight", 1_795_478_400),  // 2026-11-24 00:00: 1_795_564_800 − 86,400
        ("12pm", 1_795_521_600),  // noon today is still to come: 2026-11-24 12:00
        ("yesterday 7pm", 1_795_546_800),
        ("yesterday 7 pm", 1_795_546_800),
        ("monday 18:00", 1_795_456_800),  // 2026-11-23 18:00
        ("last monday", 1_795_435_200),  // 2026-11-23 12:00
        ("last wednesday", 1_795_003_200),  // the one before today: 2026-11-18 12:00
        ("last wed 6pm", 1_795_024_800),  // 2026-11-18 18:00
        ("this morning", 1_795_593_600),  // 2026-11-25 08:00
        ("last night", 1_795_554_000),  // 2026-11-24 21:00
        ("yesterday evening", 1_795_546_800),  // 2026-11-24 19:00
        ("2 weeks ago", 1_794_398_400),  // 2026-11-11 12:00
        ("1 week ago 7pm", 1_795_028_400),  // 2026-11-18 19:00
        ("1 month ago", 1_792_929_600),  // 2026-10-25 12:00, after the clocks went back at 01:00 UTC
        ("2026-11-20 7:30", 1_795_159_800),
        ("2026-11-20 7:30pm", 1_795_203_000),
        ("7.30pm", 1_795_548_600),  // a dot as in the UK: 2026-11-24 19:30
        ("yesterday at 7pm", 1_795_546_800),
        ("7pm yesterday", 1_795_546_800),
    ])
    func timesPeopleTypeInLondon(text: String, expected: Int64) throws {
        #expect(try parse(text) == ResolvedTime(unixSeconds: expected, utcOffset: 0))
    }

    @Test(arguments: [
        ("18:00", 1_795_597_200),  // 2026-11-25 18:00 +09:00, already past: today
        ("7pm", 1_795_600_800),  // 19:00 is now: today
        ("8:30pm", 1_795_519_800),  // 20:30 is still to come, over an hour ahead: 2026-11-24 20:30 +09:00
        ("this evening", 1_795_600_800),  // 19:00 today, now
        ("last wednesday", 1_794_970_800),  // 2026-11-18 12:00 +09:00
        ("1 month ago", 1_792_897_200),  // 2026-10-25 12:00 +09:00
    ])
    func timesPeopleTypeInTokyo(text: String, expected: Int64) throws {
        let tokyo = try #require(TimeZone(identifier: "Asia/Tokyo"))
        #expect(try parse(text, tokyo) == ResolvedTime(unixSeconds: expected, utcOffset: 9 * 3600))
    }

    /// A part of today still to come says the hour it stands for and what to type instead: the
    /// person did it this morning, at a time the word does not say.
    @Test func aPartOfTheDayStillToComeSaysWhatToTypeInstead() throws {
        let instead = "it stands for 14:00; give the time you did it (such as 7:30am) or \"now\"."
        #expect(
            throws: JournalError.timeToCome(
                text: "this afternoon", resolved: "2026-11-25 14:00 (UTC+00:00)", instead: instead)
        ) { try parse("this afternoon") }
        // 07:30 in London: `this morning` is 08:00, still to come.
        #expect(
            throws: JournalError.timeToCome(
                text: "this morning", resolved: "2026-11-25 08:00 (UTC+00:00)",
                instead: "it stands for 08:00; give the time you did it (such as 7:30am) or \"now\".")
        ) { try DateInput.parse("this morning", now: now - 9000, timeZone: london) }
        // 19:00 in Tokyo, and 00:15 there: after midnight, `last night` is yesterday evening.
        let tokyo = try #require(TimeZone(identifier: "Asia/Tokyo"))
        #expect(
            throws: JournalError.timeToCome(
                text: "tonight", resolved: "2026-11-25 21:00 (UTC+09:00)",
                instead: "it stands for 21:00; give the time you did it (such as 7:30am) or \"now\".")
        ) { try parse("tonight", tokyo) }
        let afterMidnight: Int64 = 1_795_533_300  // 2026-11-25T00:15+09:00 (2026-11-24T15:15Z)
        #expect(
            throws: JournalError.timeToCome(
                text: "tonight", resolved: "2026-11-25 21:00 (UTC+09:00)",
                instead: "it stands for 21:00; for yesterday evening say \"last night\", or give the time "
                    + "(such as 11pm) or \"now\".")
        ) { try DateInput.parse("tonight", now: afterMidnight, timeZone: tokyo) }
        #expect(
            try DateInput.parse("last night", now: afterMidnight, timeZone: tokyo)
                == ResolvedTime(unixSeconds: 1_795_521_600, utcOffset: 9 * 3600))  // 2026-11-24 21:00
    }

    /// Each part of today at 00:30, 06:00, 12:30, 18:30 and 23:30 in London (2026-11-25,
    /// 00:00 is 1_795_564_800): still to come, refused with words that are true then (a tester:
    /// `this evening` at 00:30 suggested 7:30am); past, its fixed hour.
    @Test(
        arguments: [
            (
                "this morning", 1800,
                "it stands for 08:00; for yesterday's say \"yesterday morning\", or give the time (such as 11pm) or \"now\"."
            ),
            ("this morning", 21_600, "it stands for 08:00; give the time you did it (such as 5am) or \"now\"."),
            ("this morning", 45_000, nil), ("this morning", 66_600, nil), ("this morning", 84_600, nil),
            (
                "this afternoon", 1800,
                "it stands for 14:00; for yesterday's say \"yesterday afternoon\", or give the time (such as 11pm) or \"now\"."
            ),
            ("this afternoon", 21_600, "it stands for 14:00; give the time you did it (such as 5am) or \"now\"."),
            ("this afternoon", 45_000, "it stands for 14:00; give the time you did it (such as 7:30am) or \"now\"."),
            ("this afternoon", 66_600, nil), ("this afternoon", 84_600, nil),
            (
                "this evening", 1800,
                "it stands for 19:00; for yesterday's say \"yesterday evening\" or \"last night\", or give the time (such as 11pm) or \"now\"."
            ),
            (
                "this evening", 21_600,
                "it stands for 19:00; for yesterday's say \"yesterday evening\" or \"last night\", or give the time (such as 5am) or \"now\"."
            ),
            ("this evening", 45_000, "it stands for 19:00; give the time you did it (such as 7:30am) or \"now\"."),
            ("this evening", 66_600, "it stands for 19:00; give the time you did it (such as 7:30am) or \"now\"."),
            ("this evening", 84_600, nil),
            (
                "tonight", 1800,
                "it stands for 21:00; for yesterday evening say \"last night\", or give the time (such as 11pm) or \"now\"."
            ),
            (
                "tonight", 21_600,
                "it stands for 21:00; for yesterday evening say \"last night\", or give the time (such as 5am) or \"now\"."
            ),
            ("tonight", 45_000, "it stands for 21:00; give the time you did it (such as 7:30am) or \"now\"."),
            ("tonight", 66_600, "it stands for 21:00; give the time you did it (such as 7:30am) or \"now\"."),
            ("tonight", 84_600, nil),
        ] as [(String, Int64, String?)])
    func eachPartOfTodayAtEachTimeOfDay(text: String, seconds: Int64, instead: String?) throws {
        let midnight: Int64 = 1_795_564_800
        let now = midnight + seconds
        let hour = ["this morning": 8, "this afternoon": 14, "this evening": 19, "tonight": 21][text] ?? 0
        let moment = midnight + Int64(hour * 3600)
        guard let instead else {
            #expect(
                try DateInput.parse(text, now: now, timeZone: london) == ResolvedTime(unixSeconds: moment, utcOffset: 0)
            )
            return
        }
        #expect(
            throws: JournalError.timeToCome(
                text: text, resolved: "2026-11-25 \(hour < 10 ? "0" : "")\(hour):00 (UTC+00:00)",
                instead: instead)
        ) { try DateInput.parse(text, now: now, timeZone: london) }
        // Every form the message offers reads, then, as a time already past.
        var offered = instead.split(separator: "\"").enumerated().filter { $0.offset % 2 == 1 }.map {
            String($0.element)
        }
        if let example = instead.split(separator: "such as ").last?.prefix(while: { $0 != ")" }) {
            offered.append(String(example))
        }
        for form in offered {
            #expect(try DateInput.parse(form, now: now, timeZone: london).unixSeconds <= now, "\(form)")
        }
    }

    /// The same after midnight in Tokyo (no daylight saving): `this evening` at 00:30 points at
    /// yesterday evening, which reads as 2026-11-24 19:00 +09:00 (10:00Z).
    @Test func aPartOfTodayAfterMidnightInTokyoPointsAtYesterdays() throws {
        let tokyo = try #require(TimeZone(identifier: "Asia/Tokyo"))
        let afterMidnight: Int64 = 1_795_534_200  // 2026-11-25T00:30+09:00 (2026-11-24T15:30Z)
        #expect(
            throws: JournalError.timeToCome(
                text: "this evening", resolved: "2026-11-25 19:00 (UTC+09:00)",
                instead: "it stands for 19:00; for yesterday's say \"yesterday evening\" or \"last night\", or give "
                    + "the time (such as 11pm) or \"now\".")
        ) { try DateInput.parse("this evening", now: afterMidnight, timeZone: tokyo) }
        #expect(
            try DateInput.parse("yesterday evening", now: afterMidnight, timeZone: tokyo)
                == ResolvedTime(unixSeconds: 1_795_514_400, utcOffset: 9 * 3600))
        // 11pm: 2026-11-24 23:00 +09:00, 14:00Z.
        #expect(
            try DateInput.parse("11pm", now: afterMidnight, timeZone: tokyo)
                == ResolvedTime(unixSeconds: 1_795_528_800, utcOffset: 9 * 3600))
    }

    /// The words typed are shown as journal reads them: a full stop ending them is dropped, `p.m.` kept.
    @Test func aFullStopEndingTheTextIsDroppedInWhatIsShown() throws {
        #expect(DateInput.cleaned(" yesterday 7pm. ") == "yesterday 7pm")
        #expect(DateInput.cleaned("7 p.m.") == "7 p.m.")
        #expect(DateInput.cleaned(".") == ".")
        #expect(
            throws: JournalError.timeToCome(
                text: "11am.", resolved: "2026-11-25 11:00 (UTC+00:00)",
                instead: "for what you have just done, give the time it ended or \"now\"; for yesterday's, "
                    + "\"yesterday 11am\".")
        ) { try parse("11am.") }
        #expect(Period.spanDays("6 weeks.") == 42)
    }

    /// A count too large for a number is refused as too far back, as any beyond the limit.
    @Test func aHugeCountIsTooFarBack() throws {
        let today = try #require(LocalDate(iso8601: "2026-11-25"))
        let reason = "that is further back than journal goes: at most 3660 days, 522 weeks or 120 calendar months ago."
        for text in ["99999999999 days ago", "99999999999999999999 days ago", "99999999999999999999 weeks ago"] {
            #expect(throws: JournalError.invalidDate(text: text, reason: reason)) { try parse(text) }
            #expect(throws: JournalError.invalidDate(text: text, reason: reason)) {
                try DateInput.parseDay(text, today: today)
            }
        }
        #expect(
            JournalError.invalidSpan("99999999999999999999w").description
                == "cannot report the last \"99999999999999999999w\": that is more than the 3660 days one report "
                + "covers; give at most 522w.")
    }

    /// A span that cannot be read shows a few examples, one a line, as a refused time does.
    @Test func aRefusedSpanShowsShortExamplesOnSeparateLines() throws {
        let lines = JournalError.invalidSpan("6 weaks").description.split(separator: "\n")
        #expect(lines.first == "cannot report the last \"6 weaks\": journal reads spans such as")
        #expect(lines.count == 6)
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("  ") && $0.count <= 72 })
        #expect(lines.last == "  up to 3660 days: 522w, 122m or 10y")
    }

    /// On the night the clocks go back, a time alone a few minutes ahead is refused as on any
    /// night, not read silently as yesterday's (a tester): 01:50 EDT in Toronto, 2026-11-01.
    @Test func aTimeAloneWithinTheHourOnTheNightTheClocksGoBackIsRefused() throws {
        let toronto = try #require(TimeZone(identifier: "America/Toronto"))
        #expect(
            throws: JournalError.timeToCome(
                text: "1:55am", resolved: "2026-11-01 01:55 (UTC-04:00)",
                instead: "for what you have just done, give the time it ended or \"now\"; "
                    + "for yesterday's, \"yesterday 1:55am\".")
        ) { try DateInput.parse("1:55am", now: 1_793_512_200, timeZone: toronto) }
    }

    /// Days as journal prints them and as people shorten them (a tester).
    ///
    /// A day and a month's name either way round, with a year or not (the most recent such day);
    /// `tues`, `thurs`, `weds`; a full stop ending the text. 10:00 on Wednesday 2026-11-25 in London.
    @Test(arguments: [
        ("20 Nov", 1_795_176_000),  // 2026-11-20 12:00
        ("nov 20", 1_795_176_000),
        ("20 November 2026", 1_795_176_000),
        ("29 feb", 1_709_208_000),  // 2024-02-29 12:00: the latest 29 February
        ("tues", 1_795_521_600),  // 2026-11-24 12:00
        ("thurs 7pm", 1_795_114_800),  // 2026-11-19 19:00
        ("weds", 1_795_600_800),  // today, before noon: now
        ("7pm.", 1_795_546_800),  // 2026-11-24 19:00, as 7pm
    ])
    func daysAsJournalPrintsThem(text: String, expected: Int64) throws {
        #expect(try parse(text) == ResolvedTime(unixSeconds: expected, utcOffset: 0))
    }

    /// A day written with its weekday, as calendars print it (a tester), is that day.
    ///
    /// 10:00 on Wednesday 2026-11-25; 2026-11-20 12:00 in London is 1_795_176_000.
    @Test(arguments: [
        ("Fri 20 Nov", 1_795_176_000),
        ("friday 20 nov", 1_795_176_000),
        ("Fri, 20 Nov 2026", 1_795_176_000),
        ("Tue 2026-11-17", 1_794_916_800),  // 2026-11-17 12:00: 3 × 86,400 earlier
        ("tuesday 17 nov", 1_794_916_800),
        ("Fri 20 Nov 7pm", 1_795_201_200),  // 2026-11-20 19:00: + 7 × 3,600
        ("7pm on Fri 20 Nov", 1_795_201_200),
    ])
    func aDayWithItsWeekdayIsThatDay(text: String, expected: Int64) throws {
        #expect(try parse(text) == ResolvedTime(unixSeconds: expected, utcOffset: 0))
    }

    /// Read on the local clock, summer time too; a weekday that is not the day's is refused naming the day's.
    @Test func aDayWithItsWeekdayIsReadOnTheLocalClockAndMustBeThatWeekday() throws {
        // New York: 2026-11-20 19:00 EST is 2026-11-21T00:00Z, 1_795_176_000 + 12 × 3,600.
        #expect(try parse("Fri 20 Nov 7pm", newYork) == ResolvedTime(unixSeconds: 1_795_219_200, utcOffset: -18000))
        // Summer time there: Monday 2026-07-20 07:30 EDT is 11:30Z; 07:30 BST (06:30Z) is 1_784_529_000.
        #expect(
            try parse("Mon 20 Jul 7:30am", newYork) == ResolvedTime(unixSeconds: 1_784_547_000, utcOffset: -14400))
        #expect(
            throws: JournalError.invalidDate(text: "Tue 20 Nov", reason: "20 Nov 2026 is a Friday, not a Tuesday.")
        ) { try parse("Tue 20 Nov") }
        #expect(
            throws: JournalError.invalidDate(
                text: "Tue 20 Nov 7pm", reason: "20 Nov 2026 is a Friday, not a Tuesday.")
        ) { try parse("Tue 20 Nov 7pm", newYork) }
        #expect(
            throws: JournalError.invalidDate(
                text: "monday 2026-11-17", reason: "17 Nov 2026 is a Tuesday, not a Monday.")
        ) { try parse("monday 2026-11-17") }
        let today = try #require(LocalDate(iso8601: "2026-11-25"))
        #expect(try DateInput.parseDay("Fri, 20 Nov.", today: today).iso8601 == "2026-11-20")
        #expect(throws: JournalError.self) { try DateInput.parseDay("sat 20 nov", today: today) }
    }

    /// A day without a year less than half a year ahead is a slip, not a day a year back: refused
    /// as still to come, with the year for the one before (a tester typed tomorrow's date).
    @Test func aDayWithoutAYearStillAheadIsRefusedWithTheYearForTheOneBefore() throws {
        // Friday 2026-11-20 18:30 UTC: 1_795_176_000 (12:00) + 6.5 × 3,600.
        let friday: Int64 = 1_795_199_400
        let tomorrow = JournalError.timeToCome(
            text: "21 nov", resolved: "Sat 21 Nov",
            instead: "for a day that has come, check the date (today is Fri 20 Nov); for last year's, \"21 Nov 2025\".")
        for zone in [london, newYork] {
            #expect(throws: tomorrow) { try DateInput.parse("21 nov", now: friday, timeZone: zone) }
        }
        #expect(
            throws: JournalError.timeToCome(
                text: "Sat 21 Nov 7pm", resolved: "Sat 21 Nov",
                instead: "for a day that has come, check the date (today is Fri 20 Nov); for last year's, "
                    + "\"21 Nov 2025\".")
        ) { try DateInput.parse("Sat 21 Nov 7pm", now: friday, timeZone: london) }
        // Today's is today's; one past this year the most recent.
        #expect(try DateInput.parse("20 nov", now: friday, timeZone: london).unixSeconds == 1_795_176_000)
        // 25 December is 30 days ahead on 25 November.
        #expect(
            throws: JournalError.timeToCome(
                text: "25 dec", resolved: "Fri 25 Dec",
                instead: "for a day that has come, check the date (today is Wed 25 Nov); for last year's, "
                    + "\"25 Dec 2025\".")
        ) { try parse("25 dec") }
        let today = try #require(LocalDate(iso8601: "2026-11-20"))
        #expect(throws: tomorrow) { try DateInput.parseDay("21 nov", today: today) }
        // Half a year and more ahead, it is the one before: 21 May 2027 is 182 days after 20 Nov 2026 (refused),
        // 22 May 183 (2026's).
        #expect(throws: JournalError.self) { try DateInput.parseDay("21 may", today: today) }
        #expect(try DateInput.parseDay("22 may", today: today).iso8601 == "2026-05-22")
        // A 29 February less than half a year ahead: the one before is 2024's.
        let newYear2028 = try #require(LocalDate(iso8601: "2028-01-01"))
        #expect(
            throws: JournalError.timeToCome(
                text: "29 feb", resolved: "Tue 29 Feb",
                instead: "for a day that has come, check the date (today is Sat 1 Jan); for 2024's, \"29 Feb 2024\".")
        ) { try DateInput.parseDay("29 feb", today: newYear2028) }
    }

    /// Across the year's end: `31 dec` on 2 January is last year's, `1 jan` on 31 December a slip.
    ///
    /// At 2027-01-01T04:30Z it is already 1 January in London but still 31 December in New York.
    @Test func aDayWithoutAYearAcrossTheYearsEnd() throws {
        let secondOfJanuary: Int64 = 1_798_848_000 + 36_000  // 2027-01-02T10:00:00Z
        // 2026-12-31 12:00 UTC: 1_798_848_000 − 86,400 − 43,200.
        #expect(
            try DateInput.parse("31 dec", now: secondOfJanuary, timeZone: london)
                == ResolvedTime(unixSeconds: 1_798_718_400, utcOffset: 0))
        let newYear: Int64 = 1_798_777_800  // 2027-01-01T04:30:00Z: 1_798_848_000 − 86,400 + 4.5 × 3,600
        // London: today, before noon: now.
        #expect(
            try DateInput.parse("1 jan", now: newYear, timeZone: london)
                == ResolvedTime(unixSeconds: newYear, utcOffset: 0))
        #expect(
            throws: JournalError.timeToCome(
                text: "1 jan", resolved: "Fri 1 Jan 2027",
                instead:
                    "for a day that has come, check the date (today is Thu 31 Dec); for this year's, \"1 Jan 2026\".")
        ) { try DateInput.parse("1 jan", now: newYear, timeZone: newYork) }
    }

    @Test func aDayAndMonthNameAreReadOnTheLocalClockAndMustExist() throws {
        #expect(try parse("20 Nov", newYork) == ResolvedTime(unixSeconds: 1_795_194_000, utcOffset: -18000))
        #expect(
            throws: JournalError.invalidDate(
                text: "31 nov", reason: "that day does not exist; " + DateInput.acceptedForms)
        ) { try parse("31 nov") }
    }

    /// A time alone up to an hour ahead is refused with both ways to say it.
    ///
    /// `7pm` at 18:58 is more likely "just now", rounded, than yesterday's. Further ahead, it is yesterday's.
    @Test func aTimeAloneWithinTheNextHourIsRefusedWithBothWaysToSayIt() throws {
        func refused(_ text: String, _ resolved: String, _ zone: TimeZone? = nil) {
            #expect(
                throws: JournalError.timeToCome(
                    text: text, resolved: resolved,
                    instead: "for what you have just done, give the time it ended or \"now\"; "
                        + "for yesterday's, \"yesterday \(text)\".")
            ) { try parse(text, zone) }
        }
        // 10:00 in London.
        refused("10:30", "2026-11-25 10:30 (UTC+00:00)")
        refused("11am", "2026-11-25 11:00 (UTC+00:00)")
        #expect(try parse("11:01") == ResolvedTime(unixSeconds: 1_795_518_060, utcOffset: 0))  // 2026-11-24 11:01
        // 05:00 in New York (UTC-05:00).
        refused("5:30am", "2026-11-25 05:30 (UTC-05:00)", newYork)
        #expect(try parse("6:01am", newYork) == ResolvedTime(unixSeconds: 1_795_518_060, utcOffset: -18000))
    }

    @Test(arguments: ["25:00", "13pm", "0am", "7:60", "yesterday 24:00"])
    func clockTimesThatDoNotExistAreRefused(text: String) throws {
        #expect(
            throws: JournalError.invalidDate(text: text, reason: "that time does not exist; " + DateInput.acceptedForms)
        ) { try parse(text) }
    }

    /// A time alone on the day the clocks go forward: 2026-03-29 in London, 10:00 BST (09:00 UTC).
    @Test func aTimeAloneOnTheDayTheClocksGoForward() throws {
        let now: Int64 = 1_774_774_800  // 2026-03-29T09:00:00Z, 10:00 BST
        func parse(_ text: String) throws -> ResolvedTime { try DateInput.parse(text, now: now, timeZone: london) }
        #expect(try parse("00:30") == ResolvedTime(unixSeconds: 1_774_744_200, utcOffset: 0))  // 00:30 GMT
        #expect(try parse("this morning") == ResolvedTime(unixSeconds: 1_774_767_600, utcOffset: 3600))  // 08:00 BST
        // 23:00 today is still to come: 2026-03-28 23:00 GMT.
        #expect(try parse("11pm") == ResolvedTime(unixSeconds: 1_774_738_800, utcOffset: 0))
        do {
            _ = try parse("1:30am")
            Issue.record("a skipped time was accepted")
        } catch let JournalError.invalidDate(_, reason) {
            #expect(reason.hasPrefix("the clocks in Europe/London skipped 2026-03-29 01:30 (a daylight-saving change)"))
            #expect(reason.hasSuffix("2026-03-29T01:30+00:00."))
        }
    }

    /// A time alone on the day the clocks go back: 2026-10-25 in London showed 01:00–01:59 twice.
    ///
    /// A time alone is the latest the clock showed it, 01:30 GMT; with the day given, both readings
    /// have come, and it asks which.
    @Test func aTimeAloneOnTheDayTheClocksGoBack() throws {
        let now: Int64 = 1_792_922_400  // 2026-10-25T10:00:00Z
        // 2026-10-25T01:30:00Z, 01:30 GMT.
        #expect(
            try DateInput.parse("01:30", now: now, timeZone: london)
                == ResolvedTime(unixSeconds: 1_792_891_800, utcOffset: 0))
        do {
            _ = try DateInput.parse("2026-10-25 01:30", now: now, timeZone: london)
            Issue.record("an ambiguous time was accepted")
        } catch let JournalError.invalidDate(_, reason) {
            #expect(reason.contains("2026-10-25T01:30+01:00 or 2026-10-25T01:30+00:00"))
        }
    }

    /// In the repeated hour itself, a time alone is the reading that has come (a tester): at 01:20
    /// GMT (01:20Z) `1:30am` is 01:30 BST (00:30Z), not refused as 01:30 GMT ten minutes ahead and
    /// pointed at yesterday; at 01:50 BST (00:50Z) it is 01:30 BST too; the day and time read alike.
    @Test func aTimeAloneInTheRepeatedHourIsTheReadingThatHasCome() throws {
        let bst = ResolvedTime(unixSeconds: 1_792_888_200, utcOffset: 3600)  // 2026-10-25T00:30:00Z
        for now: Int64 in [1_792_891_200, 1_792_889_400] {  // 01:20Z, 00:50Z
            #expect(try DateInput.parse("1:30am", now: now, timeZone: london) == bst)
            #expect(try DateInput.parse("2026-10-25 01:30", now: now, timeZone: london) == bst)
        }
        // At 01:20 GMT, 01:10 has come twice: the later, 01:10 GMT (01:10Z).
        #expect(
            try DateInput.parse("1:10am", now: 1_792_891_200, timeZone: london)
                == ResolvedTime(unixSeconds: 1_792_890_600, utcOffset: 0))
        // 01:40 has come once (01:40 BST, 00:40Z) and is to come once: the one that has come.
        #expect(
            try DateInput.parse("1:40am", now: 1_792_891_200, timeZone: london)
                == ResolvedTime(unixSeconds: 1_792_888_800, utcOffset: 3600))
        // Truly ahead, every reading, is refused as before: 01:55 at 01:50 BST.
        #expect(
            throws: JournalError.timeToCome(
                text: "1:55am", resolved: "2026-10-25 01:55 (UTC+01:00)",
                instead: "for what you have just done, give the time it ended or \"now\"; "
                    + "for yesterday's, \"yesterday 1:55am\".")
        ) { try DateInput.parse("1:55am", now: 1_792_889_400, timeZone: london) }
    }

    /// A time alone still to come, in a daylight-saving change, as any other time.
    ///
    /// Within the hour ahead it is refused. At 00:30 UTC on 2026-10-25 London shows 01:30 BST; 01:45 comes twice later.
    @Test func aTimeAloneStillToComeAcrossTheClocksGoingBackIsYesterdays() throws {
        let now: Int64 = 1_792_888_200  // 2026-10-25T00:30:00Z, 01:30 BST
        // 01:45, both readings within the hour ahead: refused as on any night (was yesterday's, silently).
        #expect(
            throws: JournalError.timeToCome(
                text: "1:45am", resolved: "2026-10-25 01:45 (UTC+01:00)",
                instead: "for what you have just done, give the time it ended or \"now\"; "
                    + "for yesterday's, \"yesterday 1:45am\".")
        ) { try DateInput.parse("1:45am", now: now, timeZone: london) }
        // 01:15 BST has passed and 01:15 GMT is to come: the one reading that has been, 00:15 UTC.
        #expect(
            try DateInput.parse("1:15am", now: now, timeZone: london)
                == ResolvedTime(unixSeconds: 1_792_887_300, utcOffset: 3600))
        #expect(
            try DateInput.parse("2026-10-25 01:15", now: now, timeZone: london)
                == ResolvedTime(unixSeconds: 1_792_887_300, utcOffset: 3600))
        // Both readings to come with the day given: a few minutes ahead, as any time, not a choice
        // of refused forms.
        #expect(
            throws: JournalError.timeToCome(
                text: "2026-10-25 01:45", resolved: "2026-10-25 01:45 (UTC+01:00)",
                instead: "for what you have just done, give the time it ended or \"now\".")
        ) { try DateInput.parse("2026-10-25 01:45", now: now, timeZone: london) }
    }

    /// The clocks going forward: at 00:30 UTC on 2026-03-29 the skipped 01:30 is still to come.
    @Test func aTimeAloneInAGapStillToComeIsYesterdays() throws {
        let now: Int64 = 1_774_744_200  // 2026-03-29T00:30:00Z, 00:30 GMT
        // 01:30, to be skipped: no clock shows it in the hour ahead, so it is yesterday's, as usage.md
        // says: 2026-03-28T01:30Z, 23 hours before now.
        #expect(
            try DateInput.parse("1:30am", now: now, timeZone: london)
                == ResolvedTime(unixSeconds: 1_774_661_400, utcOffset: 0))
        // With the day given, a time the clocks will skip is refused as skipped, not as 01:30 GMT
        // in the future (issue #26): a weekday and a date alike.
        for text in ["2026-03-29 01:30", "sunday 1:30", "today 1:30am"] {
            let skipped = JournalError.skippedToCome(text: text, zone: "Europe/London", skipped: "2026-03-29 01:30")
            #expect(throws: skipped) { try DateInput.parse(text, now: now, timeZone: london) }
            #expect(
                skipped.description(command: "checkin")
                    == "cannot use \"\(text)\" as a date: the clocks in Europe/London skipped 2026-03-29 01:30 "
                    + "(a daylight-saving change), and that change is still to come; journal checkin records only "
                    + "what has already happened.")
        }
    }

    /// A skipped time's change has come from the change's own moment (issue #26): London's 01:45 on
    /// 2026-03-29 (wall seconds 1774748700) is skipped by the change at 01:00Z, 1774746000, a
    /// second before which it is still to come, though 01:45 GMT is still 45 minutes off.
    @Test func aSkippedTimesChangeHasComeFromItsMoment() throws {
        let wall: Int64 = 1_774_748_700
        #expect(!DateInput.gapHasCome(wall: wall, now: 1_774_745_999, timeZone: london))
        #expect(DateInput.gapHasCome(wall: wall, now: 1_774_746_000, timeZone: london))
        #expect(throws: JournalError.self) { try DateInput.parse("1:45", now: 1_774_746_000, timeZone: london) }
        #expect(
            try DateInput.parse("1:45", now: 1_774_745_999, timeZone: london)
                == ResolvedTime(unixSeconds: 1_774_748_700 - 86_400, utcOffset: 0))
    }

    @Test func monthsAgoKeepTheDateOrTakeTheMonthsLastDay() throws {
        let today = try #require(LocalDate(iso8601: "2026-03-31"))
        #expect(try DateInput.parseDay("1 month ago", today: today).iso8601 == "2026-02-28")
        #expect(try DateInput.parseDay("13 months ago", today: today).iso8601 == "2025-02-28")
        #expect(try DateInput.parseDay("6 weeks ago", today: today).iso8601 == "2026-02-17")
        #expect(try DateInput.parseDay("last tuesday", today: today).iso8601 == "2026-03-24")
        #expect(try DateInput.parseDay("2 months ago", today: today).iso8601 == "2026-01-31")
    }

    /// `N months ago` reaches back 120 months (ten years: at most 3,653 days, within the 3,660 journal
    /// covers); 121 months can be 3,684 days, and is refused as too far, as 3,661 days is.
    @Test func monthsAgoReachBackNoFurtherThanTheDays() throws {
        let today = try #require(LocalDate(iso8601: "2026-12-06"))
        #expect(try DateInput.parseDay("120 months ago", today: today).iso8601 == "2016-12-06")
        let tooFar = JournalError.invalidDate(
            text: "121 months ago",
            reason: "that is further back than journal goes: at most 3660 days, 522 weeks or 120 calendar months ago.")
        #expect(throws: tooFar) { try DateInput.parseDay("121 months ago", today: today) }
        #expect(throws: JournalError.self) { try DateInput.parseDay("130 months ago", today: today) }
    }

    /// A period refused says the one reason that applies.
    @Test func aRefusedPeriodSaysTheReasonThatApplies() throws {
        let today = try #require(LocalDate(iso8601: "2026-12-06"))
        #expect(throws: JournalError.self) { try Period.parse(from: "today", to: "yesterday", today: today) }
        let backwards = JournalError.invalidPeriod(from: "2026-12-06", to: "2026-12-05", maximumDays: 3660)
        #expect(
            backwards.description
                == "cannot report from 2026-12-06 to 2026-12-05: the first day is after the last; give them the "
                + "other way round.")
        // 2016-11-28 is 3,660 days before 2026-12-06: the two days and those between are 3,661.
        let long = JournalError.invalidPeriod(from: "2016-11-28", to: "2026-12-06", maximumDays: 3660)
        #expect(
            long.description
                == "cannot report from 2016-11-28 to 2026-12-06: that is 3661 days, and a report covers at most "
                + "3660 days.")
        #expect(throws: JournalError.self) { try Period.parse(from: "3660 days ago", to: nil, today: today) }
    }

    /// A report's last day still to come (a tester): the days so far, or refused.
    ///
    /// The days so far when the period has begun, said so; refused as still to come when it has
    /// not. Today is Wednesday 2026-12-09.
    @Test func aLastDayStillToComeIsReadAsTheDaysSoFar() throws {
        let today = try #require(LocalDate(iso8601: "2026-12-09"))
        func asked(_ from: String?, _ to: String?) throws -> (String, String, String?) {
            let asked = try #require(try Period.asked(from: from, to: to, today: today))
            return (asked.period.from.iso8601, asked.period.to.iso8601, asked.soFar)
        }
        let sunday =
            "Sun 13 Dec is still to come: the report covers the days so far, 2026-12-07 to 2026-12-09."
        for to in ["13 dec", "sun 13th dec", "2026-12-13"] {
            #expect(try asked(nil, to) == ("2026-12-07", "2026-12-09", sunday))
        }
        // The 7 days ending six days ahead begin today.
        #expect(try asked(nil, "2026-12-15").0 == "2026-12-09")
        #expect(
            try asked("2 weeks ago", "2027-03-01")
                == (
                    "2026-11-25", "2026-12-09",
                    "Mon 1 Mar 2027 is still to come: the report covers the days so far, 2026-11-25 to 2026-12-09."
                ))
        #expect(try asked(nil, "today") == ("2026-12-03", "2026-12-09", nil))
        // A period that has not begun.
        #expect(
            throws: JournalError.timeToCome(
                text: "2026-12-16", resolved: "Wed 16 Dec",
                instead: "a report's first day must have come (a last day to come gives the days so far); "
                    + "for the 7 days ending today, leave --to out.")
        ) { try Period.asked(from: nil, to: "2026-12-16", today: today) }
        // A first day without a year still to come stays a slip.
        #expect(throws: JournalError.self) { try Period.asked(from: "13 dec", to: nil, today: today) }
        #expect(try Period.parse(from: nil, to: "13 dec", today: today)?.to.iso8601 == "2026-12-09")
    }

    /// A first day still to come is refused as still to come, not "the other way round".
    ///
    /// A tester gave `report --from` a day ahead with no `--to`. Refused in the same words as a `--to` whose 7 days have
    /// not begun; a day in another year than today's has its year. Wednesday 2026-12-09.
    @Test func aFirstDayStillToComeIsRefusedAsStillToCome() throws {
        let today = try #require(LocalDate(iso8601: "2026-12-09"))
        let instead = { (option: String) in
            "a report's first day must have come (a last day to come gives the days so far); "
                + "for the 7 days ending today, leave \(option) out."
        }
        #expect(
            throws: JournalError.timeToCome(text: "2026-12-20", resolved: "Sun 20 Dec", instead: instead("--from"))
        ) { try Period.asked(from: "2026-12-20", to: nil, today: today) }
        #expect(
            throws: JournalError.timeToCome(
                text: "2027-01-04", resolved: "Mon 4 Jan 2027", instead: instead("--from"))
        ) { try Period.asked(from: "2027-01-04", to: "2027-01-10", today: today) }
        #expect(
            throws: JournalError.timeToCome(text: "2026-12-20", resolved: "Sun 20 Dec", instead: instead("--from"))
        ) { try Period.asked(from: "2026-12-20", to: "2026-12-01", today: today) }
        #expect(
            throws: JournalError.timeToCome(
                text: "2027-11-30", resolved: "Tue 30 Nov 2027", instead: instead("--to"))
        ) { try Period.asked(from: nil, to: "2027-11-30", today: today) }
        // Across New Year: on Wednesday 30 December, Saturday 2 January is next year's.
        let newYearsEve = try #require(LocalDate(iso8601: "2026-12-30"))
        let asked = try #require(try Period.asked(from: nil, to: "2027-01-02", today: newYearsEve))
        #expect(
            asked.soFar
                == "Sat 2 Jan 2027 is still to come: the report covers the days so far, 2026-12-27 to 2026-12-30.")
        let saturday = try #require(LocalDate(iso8601: "2027-01-02"))
        #expect(Figures.dayWords(saturday, today: newYearsEve) == "Sat 2 Jan 2027")
        #expect(Figures.dayWords(saturday, today: saturday) == "Sat 2 Jan")
    }

    @Test func aRefusedTimeShowsShortExamplesOnSeparateLines() throws {
        let message = JournalError.invalidDate(text: "3/4", reason: DateInput.acceptedForms).description
        let lines = message.split(separator: "\n")
        #expect(lines.count == 6)
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("  ") && $0.count <= 72 })
        let days = JournalError.invalidDate(text: "3/4", reason: DateInput.acceptedDayForms).description
        #expect(days.split(separator: "\n").count == 4)
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
