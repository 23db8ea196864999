import Foundation
import Testing

@testable import Journal

/// A weekday typed on that weekday (a tester, issue #26): `monday`, `monday 18:00` and
/// `monday evening` on a Monday all name today, the most recent Monday; a time or part of it still
/// to come is refused pointing at the Monday before (`last monday evening`), never read as a week
/// back nor as yesterday's.
///
/// Monday 2026-12-07 at 10:00 on the clock, in London (GMT in December, BST in summer) and in Tokyo
/// (UTC+09:00 all year); the daylight-saving Sundays of London and Toronto at 10:00.
@Suite struct DateInputTodaysWeekdayTests {
    let london: TimeZone
    let tokyo: TimeZone
    let toronto: TimeZone

    init() throws {
        london = try #require(TimeZone(identifier: "Europe/London"))
        tokyo = try #require(TimeZone(identifier: "Asia/Tokyo"))
        toronto = try #require(TimeZone(identifier: "America/Toronto"))
    }

    /// Monday 2026-12-07 10:00 in each zone: 2026-12-07T10:00Z, and 01:00Z in Tokyo.
    var mondayMorning: [(zone: TimeZone, now: Int64, offset: String)] {
        [(london, 1_796_637_600, "+00:00"), (tokyo, 1_796_605_200, "+09:00")]
    }

    @Test func aWeekdayAloneOnThatDayIsToday() throws {
        for (zone, now, _) in mondayMorning {
            // Noon is still to come: now.
            #expect(try DateInput.parse("monday", now: now, timeZone: zone).unixSeconds == now)
            // 08:00 today, two hours before now.
            #expect(try DateInput.parse("mon morning", now: now, timeZone: zone).unixSeconds == now - 7200)
            #expect(try DateInput.parse("Monday 8am", now: now, timeZone: zone).unixSeconds == now - 7200)
        }
    }

    @Test func aPartOfTodaysWeekdayStillToComePointsAtTheOneBefore() throws {
        for (zone, now, offset) in mondayMorning {
            #expect(
                throws: JournalError.timeToCome(
                    text: "monday evening", resolved: "2026-12-07 19:00 (UTC\(offset))",
                    instead: "it stands for 19:00; for last Monday's say \"last monday evening\", or give the "
                        + "time (such as 7:30am) or \"now\".")
            ) { try DateInput.parse("monday evening", now: now, timeZone: zone) }
            // Before 06:00 too, when `this morning` would point at yesterday's: the day was named.
            #expect(
                throws: JournalError.timeToCome(
                    text: "Mon night", resolved: "2026-12-07 21:00 (UTC\(offset))",
                    instead: "it stands for 21:00; for last Monday's say \"last Mon night\", or give the "
                        + "time (such as 4am) or \"now\".")
            ) { try DateInput.parse("Mon night", now: now - 5 * 3600, timeZone: zone) }
            // What it points at: Monday 2026-11-30 19:00, 7 days and 9 hours before now.
            #expect(
                try DateInput.parse("last monday evening", now: now, timeZone: zone).unixSeconds
                    == now - 7 * 86_400 + 9 * 3600)
            // Come by 20:00: today's.
            #expect(
                try DateInput.parse("monday evening", now: now + 10 * 3600, timeZone: zone).unixSeconds
                    == now + 9 * 3600)
        }
    }

    @Test func aTimeOnTodaysWeekdayStillToComePointsAtTheOneBefore() throws {
        for (zone, now, offset) in mondayMorning {
            for (text, earlier) in [
                ("monday 7pm", "for last Monday's say \"last monday 7pm\""),
                ("Monday at 19:00", "for last Monday's say \"last Monday at 19:00\""),
                ("7pm on monday", "for last Monday's say \"7pm on last monday\""),
                ("today 7pm", "for yesterday's say \"yesterday 7pm\""),
            ] {
                #expect(
                    throws: JournalError.futureDate(
                        text: text, resolved: "2026-12-07 19:00 (UTC\(offset))", earlier: earlier)
                ) { try DateInput.parse(text, now: now, timeZone: zone) }
            }
            // What each points at, 2026-11-30 19:00 and 2026-12-06 19:00.
            for (text, seconds) in [
                ("last monday 7pm", now - 7 * 86_400 + 9 * 3600), ("last Monday at 19:00", now - 7 * 86_400 + 9 * 3600),
                ("7pm on last monday", now - 7 * 86_400 + 9 * 3600), ("yesterday 7pm", now - 86_400 + 9 * 3600),
            ] {
                #expect(try DateInput.parse(text, now: now, timeZone: zone).unixSeconds == seconds)
            }
            // Within the hour, a rounded "just now", as before.
            #expect(
                throws: JournalError.timeToCome(
                    text: "monday 10:30", resolved: "2026-12-07 10:30 (UTC\(offset))",
                    instead: "for what you have just done, give the time it ended or \"now\".")
            ) { try DateInput.parse("monday 10:30", now: now, timeZone: zone) }
            // A day named by its date has no day before to offer.
            #expect(
                throws: JournalError.futureDate(text: "2026-12-07 19:00", resolved: "2026-12-07 19:00 (UTC\(offset))")
            ) { try DateInput.parse("2026-12-07 19:00", now: now, timeZone: zone) }
        }
    }

    /// The message names the command run, or the journal when none is known.
    @Test func aTimeStillToComeNamesTheCommandRun() {
        let error = JournalError.futureDate(
            text: "monday 7pm", resolved: "2026-12-07 19:00 (UTC+00:00)",
            earlier: "for last Monday's say \"last monday 7pm\"")
        #expect(
            error.description(command: "checkin")
                == "\"monday 7pm\" is 2026-12-07 19:00 (UTC+00:00), which is in the future; for last Monday's say "
                + "\"last monday 7pm\"; journal checkin records only what has already happened.")
        #expect(
            error.description
                == "\"monday 7pm\" is 2026-12-07 19:00 (UTC+00:00), which is in the future; for last Monday's say "
                + "\"last monday 7pm\"; journal records only what has already happened.")
        #expect(error.description(command: "") == error.description)
    }

    /// On the Sundays the clocks go forward, at 10:00: London's 19:00 is BST, last Sunday's GMT;
    /// Toronto's EDT (2026-03-08T10:00-04:00 is 1_772_978_400), last Sunday's EST.
    @Test func onTheDaylightSavingSundays() throws {
        let londonNow: Int64 = 1_774_774_800  // 2026-03-29T10:00+01:00
        #expect(
            throws: JournalError.timeToCome(
                text: "sunday evening", resolved: "2026-03-29 19:00 (UTC+01:00)",
                instead: "it stands for 19:00; for last Sunday's say \"last sunday evening\", or give the "
                    + "time (such as 7:30am) or \"now\".")
        ) { try DateInput.parse("sunday evening", now: londonNow, timeZone: london) }
        // 2026-03-22 19:00 GMT.
        #expect(
            try DateInput.parse("last sunday evening", now: londonNow, timeZone: london)
                == ResolvedTime(unixSeconds: 1_774_206_000, utcOffset: 0))
        // This morning's 08:00 BST, 07:00Z.
        #expect(
            try DateInput.parse("sunday morning", now: londonNow, timeZone: london)
                == ResolvedTime(unixSeconds: londonNow - 7200, utcOffset: 3600))
        let torontoNow: Int64 = 1_772_978_400
        #expect(
            throws: JournalError.futureDate(
                text: "sunday 7pm", resolved: "2026-03-08 19:00 (UTC-04:00)",
                earlier: "for last Sunday's say \"last sunday 7pm\"")
        ) { try DateInput.parse("sunday 7pm", now: torontoNow, timeZone: toronto) }
        // 2026-03-01 19:00 EST is 2026-03-02T00:00Z.
        #expect(
            try DateInput.parse("last sunday 7pm", now: torontoNow, timeZone: toronto)
                == ResolvedTime(unixSeconds: 1_772_409_600, utcOffset: -5 * 3600))
    }
}
