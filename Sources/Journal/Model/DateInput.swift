import Foundation

/// A moment read from what a person typed: Unix seconds and the clock's UTC offset then.
public struct ResolvedTime: Sendable, Hashable {
    public var unixSeconds: Int64
    public var utcOffset: Int

    public init(unixSeconds: Int64, utcOffset: Int) {
        self.unixSeconds = unixSeconds
        self.utcOffset = utcOffset
    }

    /// The same moment on the person's clock.
    public var local: LocalDateTime { LocalDateTime(unixSeconds: unixSeconds, utcOffset: utcOffset) }
}

/// Reads the times people type after `--at`: the one parser for every command that takes a time.
///
/// Accepted, all on the local clock of `timeZone` unless an offset is given:
/// - `now`;
/// - a time alone, `18:00`, `7pm`, `7 pm`, `7:30am`, `7.30 p.m.`, `noon`, `at 7pm`: the latest time
///   today's clock showed it, or yesterday when that is still to come;
/// - `2 hours ago`, `30 minutes ago`, `an hour ago`: that moment;
/// - a day, meaning noon that day (or now, for today before noon): `today`, `yesterday`, a weekday
///   (`monday`, the most recent one, today included), `last monday` (the one before today),
///   `3 days ago`, `a week ago`, `1 month ago` (the same date, or the month's last day), `20th nov`, or
///   `2026-11-20`;
/// - a day and a time, either way round, with `at` (or `@`, or a comma) between them or not: `yesterday 7pm`,
///   `yesterday at 7pm`, `7pm yesterday`, `today at 07:30`, `monday at 8am`, `8am on monday`,
///   `2026-11-20 07:30`, `2026-11-20T07:30:15`;
/// - a part of a day, each a fixed hour (``dayParts``): `this morning` (08:00), `this afternoon`
///   (14:00), `this evening` (19:00), `tonight` (21:00), or after a day: `yesterday morning`, `last night`;
/// - a date and time with an offset, `2026-11-20T07:30+01:00` or `Z`.
///
/// A local time that the clock skipped or showed twice (daylight-saving changes) is refused with a
/// way to say it exactly (a time alone takes the latest reading that has come, and one the clocks
/// skip later today is yesterday's); so is anything later than now.
///
/// ```swift
/// let t = try DateInput.parse("2026-11-20 07:30", now: now, timeZone: TimeZone(identifier: "Europe/London")!)
/// t.local.iso8601 // "2026-11-20T07:30:00+00:00"
/// ```
public enum DateInput {
    /// The forms, for messages: a few short examples, one a line.
    public static let acceptedForms = """
        journal reads times such as
          18:00, 7pm or 7:30am (today, or yesterday if that is still to come)
          yesterday at 7pm, monday 18:00, last monday
          this morning, this afternoon, this evening, tonight
          2 hours ago; 3 days, 2 weeks or 1 month ago (noon that day)
          20 Nov, Fri 20 Nov 7pm, 2026-11-20 or 2026-11-20 07:30
        """

    /// The parts of a day and the fixed hour each stands for: `this morning` is 08:00.
    ///
    /// `yesterdayUntil` is the hour until which today's part, still to come, is more likely
    /// yesterday's (`this evening` at 09:00 is last evening's; `this afternoon` at 00:30 yesterday
    /// afternoon's), and `yesterday` what to say for that.
    public static let dayParts: [(word: String, hour: Int, yesterdayUntil: Int, yesterday: String)] = [
        ("morning", 8, 6, "for yesterday's say \"yesterday morning\""),
        ("afternoon", 14, 6, "for yesterday's say \"yesterday afternoon\""),
        ("evening", 19, 12, "for yesterday's say \"yesterday evening\" or \"last night\""),
        ("night", 21, 12, "for yesterday evening say \"last night\""),
    ]

    /// What to type instead of a part of today still to come (`this evening` at 00:30), true at
    /// the local time `now`: the hour it stands for, yesterday's part while that is the likelier
    /// (``dayParts``), and a time already past as an example (7:30am, or before then the hour
    /// before now).
    ///
    /// A part of a day named by a word that also names an earlier day (`monday evening` on a
    /// Monday, ``earlierDay(_:day:)``) points at that one instead, whatever the hour.
    static func partToCome(_ word: String, now: LocalDateTime, earlier: String? = nil) -> String {
        guard let part = dayParts.first(where: { $0.word == word }) else { return "" }
        let example: String
        if now.hour * 60 + now.minute >= 7 * 60 + 30 {
            example = "7:30am"
        } else {
            let hour = (now.hour + 23) % 24
            example = "\(hour % 12 == 0 ? 12 : hour % 12)\(hour < 12 ? "am" : "pm")"
        }
        let stands = "it stands for \(pad(part.hour, 2)):00; "
        if let earlier { return stands + "\(earlier), or give the time (such as \(example)) or \"now\"." }
        guard now.hour < part.yesterdayUntil else {
            return stands + "give the time you did it (such as \(example)) or \"now\"."
        }
        return stands + "\(part.yesterday), or give the time (such as \(example)) or \"now\"."
    }

    /// `text` without its surrounding spaces and a full stop that ends it (`yesterday 7pm.`), as
    /// the readers of times and spans take it; `a.m.` and `p.m.` keep theirs.
    public static func cleaned(_ text: String) -> String {
        let trimmed = String(text.trimmingWhitespace())
        let lower = trimmed.lowercased()
        guard trimmed.count > 1, trimmed.hasSuffix("."), !lower.hasSuffix("a.m."), !lower.hasSuffix("p.m.") else {
            return trimmed
        }
        return String(trimmed.dropLast())
    }

    /// Reads `text` as a moment no later than `now`, on the clock of `timeZone`.
    public static func parse(_ text: String, now: Int64, timeZone: TimeZone) throws -> ResolvedTime {
        let trimmed = String(text.trimmingWhitespace())
        let resolved = try resolve(trimmed, original: text, now: now, timeZone: timeZone)
        if resolved.unixSeconds > now {
            // A few minutes ahead (`2026-11-20 18:05` at 18:00) is a rounded "just now", as a time alone is.
            if resolved.unixSeconds - now <= justDoneLimit {
                throw justDone(text, resolved: resolved, timeAlone: false)
            }
            throw JournalError.futureDate(text: text, resolved: Wording.time(resolved.local))
        }
        return resolved
    }

    /// The refusal of a time at most ``justDoneLimit`` ahead, more likely a rounded "just now" than
    /// a slip: the one message for a time alone (`18:05` at 18:00, which adds yesterday's) and a
    /// day with a time (`2026-11-20 18:05`).
    static func justDone(_ original: String, resolved: ResolvedTime, timeAlone: Bool) -> JournalError {
        JournalError.timeToCome(
            text: original, resolved: Wording.time(resolved.local),
            instead: "for what you have just done, give the time it ended or \"now\""
                + (timeAlone ? "; for yesterday's, \"yesterday \(cleaned(original))\"." : "."))
    }

    /// The moment `N hours ago` or `N minutes ago` names (`an hour ago`, `90 mins ago`).
    ///
    /// `nil` for anything else; further back than ``Period/maximumDays`` is refused as such.
    static func agoWithinTheDay(_ words: [String], now: Int64, original: String) throws -> Int64? {
        guard words.count == 3, words[2] == "ago", let count = agoCount(words[0]) else { return nil }
        let seconds: Int
        switch words[1] {
        case "hour", "hours", "hr", "hrs": seconds = 3600
        case "minute", "minutes", "min", "mins": seconds = 60
        default: return nil
        }
        guard count <= Period.maximumDays * 86_400 / seconds else { throw tooFarBack(original) }
        return now - Int64(count * seconds)
    }

    /// The count before `ago`: digits, or `a` and `an` for one; a number too large to hold is
    /// `Int.max`, as far back as any other beyond the limit; `nil` for anything else.
    static func agoCount(_ word: String) -> Int? {
        if word == "a" || word == "an" { return 1 }
        guard !word.isEmpty, word.allSatisfy(\.isDigitASCII) else { return nil }
        return Int(word) ?? Int.max
    }

    /// The refusal of a count further back than journal goes.
    ///
    /// Its two limits differ in kind:
    /// days and weeks within ``Period/maximumDays``, and calendar months (``maximumMonthsAgo``),
    /// not the months of 30 days `report --months` counts.
    static func tooFarBack(_ original: String) -> JournalError {
        JournalError.invalidDate(
            text: original,
            reason: "that is further back than journal goes: at most \(Period.maximumDays) days, "
                + "\(Period.maximumDays / 7) weeks or \(maximumMonthsAgo) calendar months ago.")
    }

    /// The moment `unixSeconds` with the offset `timeZone` had then.
    public static func at(_ unixSeconds: Int64, in timeZone: TimeZone) -> ResolvedTime {
        ResolvedTime(unixSeconds: unixSeconds, utcOffset: offset(of: timeZone, at: unixSeconds))
    }

    private static func resolve(_ text: String, original: String, now: Int64, timeZone: TimeZone) throws -> ResolvedTime
    {
        if text.lowercased() == "now" { return at(now, in: timeZone) }
        if let moment = try agoWithinTheDay(naturalWords(text), now: now, original: original) {
            return at(moment, in: timeZone)
        }
        let today = at(now, in: timeZone).local.date
        if let natural = try natural(text, today: today, original: original) {
            guard let (hour, minute) = natural.time else {
                return try noonOrNow(natural.date, now: now, timeZone: timeZone, original: original)
            }
            guard natural.timeAlone else {
                let moment = try localMoment(
                    date: natural.date, hour: hour, minute: minute, second: 0, original: original,
                    timeZone: timeZone, now: now)
                // `this morning` at 07:30: the person did it this morning, at a time the word does not say.
                if moment.unixSeconds > now, natural.date == today, let part = natural.part {
                    throw JournalError.timeToCome(
                        text: original, resolved: Wording.time(moment.local),
                        instead: partToCome(part, now: at(now, in: timeZone).local, earlier: natural.earlier))
                }
                // `monday 7pm` on a Monday at 10:00 is today's, still to come: say how to name the Monday before.
                if moment.unixSeconds - now > justDoneLimit, let earlier = natural.earlier {
                    throw JournalError.futureDate(
                        text: original, resolved: Wording.time(moment.local), earlier: earlier)
                }
                return moment
            }
            // A time alone is the latest reading of it today that has come: on the night the clocks
            // go back, `1:30am` at 01:20 GMT is 01:30 BST, and at 10:00 the later of the two, 01:30 GMT.
            let readings = readings(date: today, hour: hour, minute: minute, second: 0, timeZone: timeZone)
            if let latest = readings.last(where: { $0 <= now }) { return at(latest, in: timeZone) }
            // A time today's clock skips (issue #26): once the change has come, refused as skipped, every
            // time (`1:45` at 02:30 BST on 2026-03-29), never yesterday's in silence; while it is still to
            // come, yesterday's (`1:30` at 00:30 GMT), since no clock will show it in the hour ahead.
            if readings.isEmpty {
                let wall = today.daysSinceEpoch * 86_400 + Int64(hour * 3600 + minute * 60)
                guard !gapHasCome(wall: wall, now: now, timeZone: timeZone) else {
                    throw skipped(date: today, hour: hour, minute: minute, original: original, timeZone: timeZone)
                }
                return try localMoment(
                    date: today.adding(days: -1), hour: hour, minute: minute, second: 0, original: original,
                    timeZone: timeZone, now: now)
            }
            // Every reading today is still to come: yesterday's; but one within the next hour (`7pm` at
            // 18:58) is more likely a rounded "just now" than yesterday's, so it is refused with both
            // ways to say it. Read on the clock's offset now, so that a reading a daylight-saving
            // change repeats or skips tonight (`1:55am` at 01:50 on the night the clocks go back) is
            // judged the same way.
            let offsetNow = offset(of: timeZone, at: now)
            let ahead = today.daysSinceEpoch * 86_400 + Int64(hour * 3600 + minute * 60 - offsetNow) - now
            if ahead > 0, ahead <= justDoneLimit {
                throw justDone(
                    original, resolved: ResolvedTime(unixSeconds: now + ahead, utcOffset: offsetNow), timeAlone: true)
            }
            return try localMoment(
                date: today.adding(days: -1), hour: hour, minute: minute, second: 0, original: original,
                timeZone: timeZone, now: now)
        }
        let bytes = Array(text.utf8)
        guard bytes.count >= 10, let date = LocalDate(iso8601: text.prefix(10)) else {
            if bytes.count >= 10, LocalDate.looksLikeISODate(bytes) {
                throw JournalError.invalidDate(text: original, reason: "that day does not exist; " + acceptedForms)
            }
            throw JournalError.invalidDate(text: original, reason: acceptedForms)
        }
        if bytes.count == 10 { return try noonOrNow(date, now: now, timeZone: timeZone, original: original) }
        let separator = bytes[10]
        guard separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") || separator == UInt8(ascii: " "),
            bytes.count >= 16, bytes[13] == UInt8(ascii: ":"),
            let hour = digits(bytes, 11, 2), let minute = digits(bytes, 14, 2)
        else { throw JournalError.invalidDate(text: original, reason: acceptedForms) }
        var index = 16
        var second = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
            guard let s = digits(bytes, 17, 2) else {
                throw JournalError.invalidDate(text: original, reason: acceptedForms)
            }
            second = s
            index = 19
        }
        guard hour < 24, minute < 60, second < 60 else {
            throw JournalError.invalidDate(text: original, reason: "that time does not exist; " + acceptedForms)
        }
        if index == bytes.count {
            return try localMoment(
                date: date, hour: hour, minute: minute, second: second, original: original, timeZone: timeZone,
                now: now)
        }
        guard let offset = parseOffset(bytes[index...]) else {
            throw JournalError.invalidDate(text: original, reason: acceptedForms)
        }
        let wall = date.daysSinceEpoch * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        guard LocalDateTime.representableSeconds.contains(wall - Int64(offset)) else {
            throw JournalError.invalidDate(text: original, reason: acceptedForms)
        }
        return ResolvedTime(unixSeconds: wall - Int64(offset), utcOffset: offset)
    }

    /// Noon on `date`, or now when that is later than now and `date` is today.
    private static func noonOrNow(_ date: LocalDate, now: Int64, timeZone: TimeZone, original: String) throws
        -> ResolvedTime
    {
        let noon = try localMoment(date: date, hour: 12, minute: 0, second: 0, original: original, timeZone: timeZone)
        return date == at(now, in: timeZone).local.date && noon.unixSeconds > now ? at(now, in: timeZone) : noon
    }

    /// How far ahead a time may be and be refused as a rounded "just now": an hour.
    ///
    /// The refusal says the ways to say it (``justDone(_:resolved:timeAlone:)``); a time alone further ahead is yesterday's
    /// (`7pm` at 18:00 is refused; at 17:59 it is yesterday's 19:00).
    static let justDoneLimit: Int64 = 3600

    static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// What ``natural(_:today:original:)`` read: a day, perhaps a time, and whether the time came alone.
    struct Natural {
        var date: LocalDate
        var time: (hour: Int, minute: Int)?
        /// A time with no day (`18:00`): today, or yesterday when today's is still to come.
        var timeAlone = false
        /// The part of the day named (``dayParts``: `morning` for `this morning`), at its fixed hour.
        var part: String?
        /// When the day is today, named by a word that also names an earlier day (`monday` on a
        /// Monday, `today`): what to type for that one (``earlierDay(_:day:)``).
        var earlier: String?
    }

    /// What to type for the day before the one `day` names in `text`, when that day is today.
    ///
    /// The Monday before for `monday` (`for last Monday's say "last monday 7pm"`), yesterday for
    /// `today`; `nil` for any other day. A weekday names the most recent one, today included, so
    /// a time or part of today's still to come (`monday evening` on a Monday at 10:00) is refused
    /// with this rather than read as a week back.
    static func earlierDay(_ text: String, day: [String]) -> String? {
        guard day.count == 1 else { return nil }
        let word = day[0]
        let named = weekdays.first { word.count >= 3 && $0.hasPrefix(word == "weds" ? "wed" : word) }
        guard word == "today" || named != nil else { return nil }
        var tokens = cleaned(text).split(separator: " ").map(String.init)
        guard let index = tokens.firstIndex(where: { naturalWords($0) == [word] }) else { return nil }
        tokens[index] = named == nil ? "yesterday" : "last " + tokens[index]
        let label = named.map { "last \($0.capitalized)'s" } ?? "yesterday's"
        return "for \(label) say \"\(tokens.joined(separator: " "))\""
    }

    /// A natural day (``naturalDay(_:today:)``) with an optional time (`18:00`, `7pm`, `7:30 am`) or
    /// part of the day (`morning`), a time alone, `this morning` or `tonight`; `nil` when `text` is
    /// none of these.
    static func natural(_ text: String, today: LocalDate, original: String) throws -> Natural? {
        var words = naturalWords(text)
        if words == ["tonight"] { return Natural(date: today, time: (21, 0), part: "night") }
        if words.count >= 2, let part = dayParts.first(where: { $0.word == words.last }) {
            let day = Array(words.dropLast())
            let date: LocalDate?
            switch day {
            case ["this"]: date = today
            case ["last"]: date = part.word == "night" ? today.adding(days: -1) : nil
            default: date = try naturalDay(day, today: today, original: original)
            }
            guard let date else { return nil }
            return Natural(
                date: date, time: (part.hour, 0), part: part.word,
                earlier: date == today ? earlierDay(original, day: day) : nil)
        }
        var time: (hour: Int, minute: Int)?
        // A time after the day (`yesterday 7pm`, `yesterday at 7pm`, `at 7pm`) or before it (`7pm yesterday`).
        for count in [2, 1] where time == nil && words.count >= count {
            if let clock = try clockTime(words.suffix(count).joined(), original: original) {
                time = clock
                words.removeLast(count)
                if words.last == "at" { words.removeLast() }
            }
        }
        if time == nil, words.count >= 2 {
            let rest = words.first == "at" ? Array(words.dropFirst()) : words
            for count in [2, 1] where time == nil && rest.count > count {
                if let clock = try clockTime(rest.prefix(count).joined(), original: original) {
                    time = clock
                    words = Array(rest.dropFirst(count))
                }
            }
        }
        if words.isEmpty, let time { return Natural(date: today, time: time, timeAlone: true) }
        if words.count >= 2, words.first == "on" { words.removeFirst() }
        guard let day = try naturalDay(words, today: today, original: original) else { return nil }
        return Natural(date: day, time: time, earlier: day == today ? earlierDay(original, day: words) : nil)
    }

    /// The words of `text` as ``natural(_:today:original:)`` reads them: lower-case, split at spaces
    /// and commas, `a.m.` and `p.m.` as `am` and `pm`, `@` as `at`.
    static func naturalWords(_ text: String) -> [String] {
        var text = text.lowercased()
        for (spelled, word) in [("a.m.", "am"), ("p.m.", "pm"), ("a.m", "am"), ("p.m", "pm")] {
            text = text.replacingOccurrences(of: spelled, with: word)
        }
        // A full stop ending a word is punctuation (`7pm.`, `tues.`); one inside is not (`7.30`).
        return text.split(whereSeparator: { $0 == " " || $0 == "," }).map { word in
            word == "@" ? "at" : String(word.count > 1 && word.hasSuffix(".") ? word.dropLast() : word)
        }
    }

    /// A time of day: `18:00`, `7:30`, `7.30`, `7pm`, `7:30am`, `12am` or `midnight` (00:00, the day's
    /// start, as `12am`), `noon`; `nil` when
    /// `text` is not in one of these shapes, and refused when it is but names no time (`25:00`, `13pm`).
    static func clockTime(_ text: String, original: String) throws -> (Int, Int)? {
        if text == "noon" || text == "midday" { return (12, 0) }
        if text == "midnight" { return (0, 0) }
        var body = Substring(text)
        var meridiem: String?
        for suffix in ["am", "pm"] where body.hasSuffix(suffix) {
            meridiem = suffix
            body = body.dropLast(2)
        }
        let parts = body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == ":" || $0 == "." })
        guard (1...2).contains(parts.count), (1...2).contains(parts[0].count), parts[0].allSatisfy(\.isDigitASCII),
            parts.count == 2 || meridiem != nil,
            parts.count == 1 || (parts[1].count == 2 && parts[1].allSatisfy(\.isDigitASCII)),
            var hour = Int(parts[0])
        else { return nil }
        let minute = parts.count == 2 ? Int(parts[1]) ?? 60 : 0
        let hours = meridiem == nil ? 0...23 : 1...12
        guard hours.contains(hour), minute < 60 else {
            throw JournalError.invalidDate(text: original, reason: "that time does not exist; " + acceptedForms)
        }
        if let meridiem { hour = hour % 12 + (meridiem == "pm" ? 12 : 0) }
        return (hour, minute)
    }

    /// A whole local day: `today`, `yesterday`, `tomorrow`, a weekday (the most recent one, today included),
    /// `last` and a weekday (the most recent before today), `N days ago`, `N weeks ago`,
    /// `N months ago` (the same date, or the month's last day), or `YYYY-MM-DD`.
    ///
    /// A count further back than ``Period/maximumDays`` is refused as such, with `original`, the text typed.
    /// `daysToCome`: a day and month without a year may be one still to come (``dayOfMonth(_:today:original:daysToCome:)``).
    static func naturalDay(_ words: [String], today: LocalDate, original: String, daysToCome: Bool = false) throws
        -> LocalDate?
    {
        if let date = try dayOfMonth(words, today: today, original: original, daysToCome: daysToCome) { return date }
        // A day with its weekday, as calendars print it (`Fri 20 Nov`, `tue 2026-11-17`): the weekday must be the day's.
        if words.count >= 2, let named = weekday(words[0]),
            let date = try dayOfMonth(
                Array(words.dropFirst()), today: today, original: original, daysToCome: daysToCome)
                ?? (words.count == 2 ? LocalDate(iso8601: words[1]) : nil)
        {
            guard date.weekdayIndex == named else {
                throw JournalError.invalidDate(
                    text: original,
                    reason: "\(Figures.dayMonth(date)) \(date.year) is a \(weekdays[date.weekdayIndex].capitalized), "
                        + "not a \(weekdays[named].capitalized).")
            }
            return date
        }
        switch words.count {
        case 1:
            if words[0] == "today" { return today }
            if words[0] == "yesterday" { return today.adding(days: -1) }
            // Still to come: a report's last day (the days so far), refused as such everywhere else.
            if words[0] == "tomorrow" { return today.adding(days: 1) }
            if let target = weekday(words[0]) { return today.adding(days: -((today.weekdayIndex - target + 7) % 7)) }
            return LocalDate(iso8601: words[0])
        case 2:
            guard words[0] == "last", let target = weekday(words[1]) else { return nil }
            let back = (today.weekdayIndex - target + 7) % 7
            return today.adding(days: -(back == 0 ? 7 : back))
        case 3:
            guard let count = agoCount(words[0]), words[2] == "ago" else { return nil }
            let tooFar = tooFarBack(original)
            switch words[1] {
            case "day", "days":
                guard count <= Period.maximumDays else { throw tooFar }
                return today.adding(days: -count)
            case "week", "weeks":
                guard count <= Period.maximumDays / 7 else { throw tooFar }
                return today.adding(days: -7 * count)
            case "month", "months":
                guard count <= maximumMonthsAgo else { throw tooFar }
                return today.adding(months: -count)
            default:
                return nil
            }
        default:
            return nil
        }
    }

    /// A weekday as people shorten it (`mon`, `tues`, `thurs`, `weds`): its index, Monday 0; `nil`
    /// for any other word.
    static func weekday(_ word: String) -> Int? {
        let word = word == "weds" ? "wed" : word
        return weekdays.firstIndex { word.count >= 3 && $0.hasPrefix(word) }
    }

    static let months = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december",
    ]

    /// A day and a month's name, either way round, with a year or not, as journal prints days
    /// (`20 Nov`, `nov 20`, `20 November 2026`) or people write them (`20th nov`, `nov 20th`):
    /// without a year, the most recent such day, today included; `nil` when `words` are not that
    /// shape, refused when the day does not exist.
    ///
    /// Without a year, a day less than half a year ahead (``dayAheadLimit``: `21 nov` on 20 Nov,
    /// `1 jan` on 31 Dec) is a slip, not a day a year back, and is refused as still to come, with
    /// the year to add for the one before; further ahead it is the one before (`31 dec` on 2 Jan).
    /// Where a day to come may be named (`daysToCome`, the last day of a report), it is that day.
    static func dayOfMonth(_ words: [String], today: LocalDate, original: String, daysToCome: Bool = false) throws
        -> LocalDate?
    {
        guard (2...3).contains(words.count) else { return nil }
        func month(_ word: String) -> Int? {
            months.firstIndex { word.count >= 3 && $0.hasPrefix(word) }.map { $0 + 1 }
        }
        let (dayWord, monthWord) =
            month(words[1]) != nil && ordinal(words[0]) != nil ? (words[0], words[1]) : (words[1], words[0])
        guard let day = ordinal(dayWord), let month = month(monthWord), (1...31).contains(day) else { return nil }
        // With a year, that day; without, the most recent one (29 Feb: the latest leap year's).
        let years =
            words.count == 3 ? [Int(words[2])].compactMap { $0 } : Array((today.year - 8...today.year).reversed())
        guard words.count == 2 || words[2].count == 4, !years.isEmpty else { return nil }
        let ahead = [today.year, today.year + 1].lazy.compactMap { LocalDate(year: $0, month: month, day: day) }
            .first { $0 > today }
        for year in years {
            if let date = LocalDate(year: year, month: month, day: day), words.count == 3 || date <= today {
                if words.count == 2, let ahead, ahead.daysSinceEpoch - today.daysSinceEpoch <= dayAheadLimit {
                    if daysToCome { return ahead }
                    let before =
                        date.year == today.year
                        ? "this year's" : date.year == today.year - 1 ? "last year's" : "\(date.year)'s"
                    throw JournalError.timeToCome(
                        text: original,
                        resolved: Figures.dayWords(ahead, today: today),
                        instead:
                            "for a day that has come, check the date (today is \(Figures.dayWords(today, today: today))); "
                            + "for \(before), \"\(Figures.dayMonth(date)) \(date.year)\".")
                }
                return date
            }
        }
        throw JournalError.invalidDate(text: original, reason: "that day does not exist; " + acceptedForms)
    }

    /// A day's number, bare or as an ordinal with its own ending (`20`, `20th`, `1st`, `22nd`,
    /// `23rd`, `11th`); `nil` for anything else (`20st`).
    static func ordinal(_ word: String) -> Int? {
        if let number = Int(word), word.allSatisfy(\.isDigitASCII) { return number }
        let digits = word.prefix(while: \.isDigitASCII)
        guard let number = Int(digits), !digits.isEmpty else { return nil }
        let ending =
            (11...13).contains(number % 100) ? "th" : [1: "st", 2: "nd", 3: "rd"][number % 10] ?? "th"
        return word.dropFirst(digits.count) == ending ? number : nil
    }

    /// The most days ahead a day without a year (`21 nov`) is refused as still to come rather than
    /// read as the one before: less than half a year.
    static let dayAheadLimit: Int64 = 182

    /// The most months `N months ago` reaches back: the most whose days are never more than
    /// ``Period/maximumDays`` (120 months are at most 3,653 days; 121 can be 3,684).
    static let maximumMonthsAgo = Period.maximumDays * 12 / 366

    /// `Z`, `±HH`, `±HHMM`, `±HH:MM`, `±HHMMSS` or `±HH:MM:SS`, at most 18 hours.
    ///
    /// Seconds, for the offsets of local mean time that some places kept into the 20th century
    /// (Liberia: −00:44:30 until 1972), so that such a moment keeps its exact offset.
    static func parseOffset(_ bytes: ArraySlice<UInt8>) -> Int? {
        let rest = Array(bytes)
        if rest.count == 1, rest[0] == UInt8(ascii: "Z") || rest[0] == UInt8(ascii: "z") { return 0 }
        guard let signByte = rest.first, signByte == UInt8(ascii: "+") || signByte == UInt8(ascii: "-"),
            let hours = digits(rest, 1, 2)
        else { return nil }
        let colon = UInt8(ascii: ":")
        var minutes: Int? = 0
        var seconds: Int? = 0
        switch rest.count {
        case 3: break
        case 5: minutes = digits(rest, 3, 2)
        case 6: minutes = rest[3] == colon ? digits(rest, 4, 2) : nil
        case 7: (minutes, seconds) = (digits(rest, 3, 2), digits(rest, 5, 2))
        case 9:
            guard rest[3] == colon, rest[6] == colon else { return nil }
            (minutes, seconds) = (digits(rest, 4, 2), digits(rest, 7, 2))
        default: return nil
        }
        guard let minutes, let seconds, minutes < 60, seconds < 60 else { return nil }
        let magnitude = hours * 3600 + minutes * 60 + seconds
        guard magnitude <= 18 * 3600 else { return nil }
        return signByte == UInt8(ascii: "-") ? -magnitude : magnitude
    }

    /// The one moment when `timeZone`'s clock showed this wall time; refuses times skipped or shown twice.
    ///
    /// Given `now`, a daylight-saving message offers only forms that are not in the future: a time
    /// shown twice of which one reading is still to come is the other one, and a time whose every
    /// reading is still to come is the first, for ``parse(_:now:timeZone:)`` to refuse as in the future.
    /// A skipped time is refused as skipped, saying when the change is still to come (issue #26).
    private static func localMoment(
        date: LocalDate, hour: Int, minute: Int, second: Int, original: String, timeZone: TimeZone,
        now: Int64? = nil
    ) throws -> ResolvedTime {
        let wall = date.daysSinceEpoch * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        let unique = readings(date: date, hour: hour, minute: minute, second: second, timeZone: timeZone)
        let shown = "\(date.iso8601) \(pad(hour, 2)):\(pad(minute, 2))"
        switch unique.count {
        case 1:
            return at(unique[0], in: timeZone)
        case 0:
            if let now, !gapHasCome(wall: wall, now: now, timeZone: timeZone) {
                throw JournalError.skippedToCome(text: original, zone: timeZone.identifier, skipped: shown)
            }
            throw skipped(date: date, hour: hour, minute: minute, original: original, timeZone: timeZone)
        default:
            let past = now.map { now in unique.filter { $0 <= now } } ?? unique
            // Both still to come: the first, which ``parse(_:now:timeZone:)`` refuses as in the future.
            if past.isEmpty { return at(unique[0], in: timeZone) }
            if past.count == 1 { return at(past[0], in: timeZone) }
            let options = past.map { at($0, in: timeZone) }
                .map { "\(date.iso8601)T\(pad(hour, 2)):\(pad(minute, 2))\(LocalDateTime.offsetText($0.utcOffset))" }
            throw JournalError.invalidDate(
                text: original,
                reason: "the clocks in \(timeZone.identifier) showed \(shown) twice (a daylight-saving change); "
                    + "add the offset to say which: \(options.joined(separator: " or ")).")
        }
    }

    /// The refusal of a wall time the clocks skipped, with the exact form to use instead: the
    /// offset the clock had before the change (`2026-03-29T01:30+00:00` in London).
    private static func skipped(date: LocalDate, hour: Int, minute: Int, original: String, timeZone: TimeZone)
        -> JournalError
    {
        let wall = date.daysSinceEpoch * 86_400 + Int64(hour * 3600 + minute * 60)
        // The offset the clock had before the change: the wall time as it would have been read then.
        let before = LocalDateTime.offsetText(offset(of: timeZone, at: wall - 86_400))
        return JournalError.invalidDate(
            text: original,
            reason: "the clocks in \(timeZone.identifier) skipped \(date.iso8601) \(pad(hour, 2)):\(pad(minute, 2)) "
                + "(a daylight-saving change); give the time after the change, or add the offset the clock had "
                + "before it, e.g. \(date.iso8601)T\(pad(hour, 2)):\(pad(minute, 2))\(before).")
    }

    /// Whether the change that skipped the wall time `wall` (seconds on the local clock since
    /// 1970-01-01 00:00) has come by `now`: at 02:30 BST on 2026-03-29, London's change at 01:00 GMT
    /// has, though 01:45 read on the offset before it, 01:45 GMT, is still to come.
    ///
    /// The change skips the wall times from its moment read on the offset before it to its moment
    /// read on the offset after, so it falls after `wall` read on the offset after and no later
    /// than `wall` read on the offset before; between the two, the offset now says.
    static func gapHasCome(wall: Int64, now: Int64, timeZone: TimeZone) -> Bool {
        let before = offset(of: timeZone, at: wall - 86_400)
        let after = offset(of: timeZone, at: wall + 86_400)
        if now >= wall - Int64(before) { return true }
        if now <= wall - Int64(after) { return false }
        return offset(of: timeZone, at: now) != before
    }

    /// Every moment, in order, when `timeZone`'s clock showed this wall time: one, none (skipped by
    /// a daylight-saving change) or two (shown twice).
    static func readings(date: LocalDate, hour: Int, minute: Int, second: Int, timeZone: TimeZone) -> [Int64] {
        let wall = date.daysSinceEpoch * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        // Offsets change at most once within a day either side, so these cover every candidate.
        let candidates = Set([wall - 86_400, wall, wall + 86_400].map { offset(of: timeZone, at: $0) })
        let moments = candidates.map { wall - Int64($0) }.filter { wall - Int64(offset(of: timeZone, at: $0)) == $0 }
        return Set(moments).sorted()
    }

    static func offset(of timeZone: TimeZone, at unixSeconds: Int64) -> Int {
        timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(unixSeconds)))
    }
}

extension Character {
    /// `0` to `9`, and no other digit.
    var isDigitASCII: Bool { ("0"..."9").contains(self) }
}

extension LocalDate {
    /// The same date `months` months away, or the last day of that month when it is shorter.
    func adding(months: Int) -> LocalDate {
        let index = year * 12 + (month - 1) + months
        let (year, month) = (index / 12, index % 12 + 1)
        let day = min(day, LocalDate.daysIn(month: month, year: year))
        return LocalDate(year: year, month: month, day: day) ?? self
    }

    /// `NNNN-NN-NN`, whatever the numbers: a date in the right shape, valid or not.
    static func looksLikeISODate(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 10 && digits(bytes, 0, 4) != nil && bytes[4] == UInt8(ascii: "-")
            && digits(bytes, 5, 2) != nil && bytes[7] == UInt8(ascii: "-") && digits(bytes, 8, 2) != nil
    }
}

extension DateInput {
    /// The forms a day may take, for messages: a few short examples, one a line.
    public static let acceptedDayForms = """
        journal reads days such as
          today, yesterday, monday, last monday
          3 days ago, 6 weeks ago, 2 months ago
          2026-11-20
        """

    /// Reads a whole local day (``naturalDay(_:today:)``): `YYYY-MM-DD`, `today`, `yesterday`, a weekday,
    /// `last monday`, `N days ago`, `N weeks ago` or `N months ago`.
    ///
    /// With `daysToCome` (a report's last day), `13 dec` on 9 December is this year's, still to
    /// come, rather than refused as a slip.
    public static func parseDay(_ text: String, today: LocalDate, daysToCome: Bool = false) throws -> LocalDate {
        let trimmed = text.trimmingWhitespace()
        if let day = try naturalDay(
            naturalWords(String(trimmed)), today: today, original: text, daysToCome: daysToCome)
        {
            return day
        }
        let reason = LocalDate.looksLikeISODate(Array(trimmed.utf8)) ? "that day does not exist; " : ""
        throw JournalError.invalidDate(text: text, reason: reason + acceptedDayForms)
    }
}

extension DateInput {
    /// The forms a start day may take (`plan set --since`), for messages: a few short examples, one a line.
    public static let acceptedStartDayForms = """
        journal reads start days such as
          today, tomorrow, next monday, next week
          monday, last monday, 3 days ago
          23 nov, 2026-11-20
        """

    /// Reads the day something starts, which may be ahead: `plan set --since`.
    ///
    /// A dose set ahead waits for its day. Every day ``parseDay(_:today:daysToCome:)`` reads is
    /// read, and
    /// - a day and month without a year (`23 nov`): the next such day, today included, when it is
    ///   less than half a year ahead (``dayAheadLimit``), otherwise the most recent one, whichever
    ///   reads as the nearer (`23 nov` on 20 November is this year's, 3 days ahead; on 7 December
    ///   this year's, gone 14 days since);
    /// - `next monday` (any weekday): the first one after today, 1 to 7 days ahead;
    /// - `next week`: next week's Monday (weeks start on Monday, as ``LocalDate/startOfWeek`` does).
    ///
    /// A weekday alone stays the most recent one, today included (`monday`), as everywhere.
    ///
    /// ```swift
    /// let today = LocalDate(iso8601: "2026-11-20")!  // a Friday
    /// try DateInput.parseStartDay("next monday", today: today).iso8601  // "2026-11-23"
    /// try DateInput.parseStartDay("23 nov", today: today).iso8601       // "2026-11-23"
    /// ```
    public static func parseStartDay(_ text: String, today: LocalDate) throws -> LocalDate {
        let words = naturalWords(cleaned(text))
        if words.count == 2, words[0] == "next" {
            if words[1] == "week" { return today.startOfWeek.adding(days: 7) }
            if let target = weekday(words[1]) {
                let ahead = (target - today.weekdayIndex + 7) % 7
                return today.adding(days: ahead == 0 ? 7 : ahead)
            }
        }
        if let day = try naturalDay(words, today: today, original: text, daysToCome: true) { return day }
        let reason =
            LocalDate.looksLikeISODate(Array(text.trimmingWhitespace().utf8)) ? "that day does not exist; " : ""
        throw JournalError.invalidDate(text: text, reason: reason + acceptedStartDayForms)
    }
}

extension DateInput {
    /// Reads an exact timestamp with its offset, as exports write it: `2026-11-20T07:30:00+01:00` (or `Z`,
    /// or an offset to the second, `-00:44:30`); seconds may be left out.
    ///
    /// Returns `nil` for anything else.
    public static func parseTimestamp(_ text: String) -> ResolvedTime? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 17, let date = LocalDate(iso8601: text.prefix(10)),
            bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
            let hour = digits(bytes, 11, 2), let minute = digits(bytes, 14, 2), hour < 24, minute < 60
        else { return nil }
        var index = 16
        var second = 0
        if bytes[index] == UInt8(ascii: ":") {
            guard let s = digits(bytes, 17, 2), s < 60 else { return nil }
            second = s
            index = 19
        }
        guard index < bytes.count, let offset = parseOffset(bytes[index...]) else { return nil }
        let wall = date.daysSinceEpoch * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        guard LocalDateTime.representableSeconds.contains(wall - Int64(offset)) else { return nil }
        return ResolvedTime(unixSeconds: wall - Int64(offset), utcOffset: offset)
    }
}
