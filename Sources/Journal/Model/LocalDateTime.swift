/// A calendar day on a person's own calendar, with no time zone attached.
///
/// ```swift
/// let day = LocalDate(year: 2026, month: 11, day: 20)!
/// day.iso8601              // "2026-11-20"
/// day.adding(days: 12).iso8601 // "2026-12-02"
/// ```
public struct LocalDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// 0001-01-01, the first day journal shows.
    public static let first = LocalDate(validYear: 1, month: 1, day: 1)
    /// 9999-12-31, the last day journal shows: a year has four digits in every format.
    public static let last = LocalDate(validYear: 9999, month: 12, day: 31)

    private init(validYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// A date, or `nil` when no such day exists (2026-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...LocalDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date `days` days after 1970-01-01.
    public init(daysSinceEpoch days: Int64) {
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        year = Int(yoe + era * 400 + (m <= 2 ? 1 : 0))
        month = Int(m)
        day = Int(d)
    }

    /// Days since 1970-01-01 (negative before).
    public var daysSinceEpoch: Int64 {
        // Howard Hinnant's days_from_civil.
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = Int64(month > 2 ? month - 3 : month + 9)
        let doy = (153 * mp + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The day of the week, Monday 0 to Sunday 6 (ISO 8601's order).
    public var weekdayIndex: Int { Int(((daysSinceEpoch % 7) + 7 + 3) % 7) }  // 1970-01-01 was a Thursday

    /// The Monday of this day's ISO week.
    public var startOfWeek: LocalDate { adding(days: -weekdayIndex) }

    /// The date `days` days later (earlier when negative).
    public func adding(days: Int) -> LocalDate { LocalDate(daysSinceEpoch: daysSinceEpoch + Int64(days)) }

    /// `YYYY-MM-DD`.
    public var iso8601: String { "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))" }
    public var description: String { iso8601 }

    /// Reads `YYYY-MM-DD`, or returns `nil`.
    public init?(iso8601 text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let y = digits(bytes, 0, 4), let m = digits(bytes, 5, 2), let d = digits(bytes, 8, 2)
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// A moment as a person's clock showed it: the local date and time and the clock's offset from UTC.
///
/// ```swift
/// let t = LocalDateTime(unixSeconds: 1_795_678_200, utcOffset: 3600)
/// t.iso8601 // "2026-11-26T08:30:00+01:00"
/// ```
public struct LocalDateTime: Sendable, Hashable {
    public let date: LocalDate
    public let hour: Int
    public let minute: Int
    public let second: Int
    /// Seconds east of UTC.
    public let utcOffset: Int

    /// The clock offsets a journal records, seconds east of UTC (schema.sql's CHECK): ±18 hours.
    public static let utcOffsets: ClosedRange<Int> = -64_800...64_800

    /// The moments journal can show, in Unix seconds.
    ///
    /// Those whose local date falls within years 1–9999 (``LocalDate``'s range) at every offset in
    /// ``utcOffsets``. A time from outside (a backup, an export) beyond it is refused on input.
    public static let representableSeconds: ClosedRange<Int64> = {
        let first = LocalDate.first.daysSinceEpoch * 86_400 + Int64(utcOffsets.upperBound)
        let last = LocalDate.last.daysSinceEpoch * 86_400 + 86_399 + Int64(utcOffsets.lowerBound)
        return first...last
    }()

    /// The local time of `unixSeconds` at `utcOffset`.
    ///
    /// A moment outside ``representableSeconds`` (never stored: input refuses it) is shown at the
    /// nearest end of that range rather than trap.
    public init(unixSeconds: Int64, utcOffset: Int) {
        let offset = Int64(min(max(utcOffset, Self.utcOffsets.lowerBound), Self.utcOffsets.upperBound))
        let bounds = Self.representableSeconds
        let local = min(max(unixSeconds, bounds.lowerBound), bounds.upperBound) + offset
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let secondOfDay = Int(local - days * 86_400)
        date = LocalDate(daysSinceEpoch: days)
        hour = secondOfDay / 3600
        minute = secondOfDay / 60 % 60
        second = secondOfDay % 60
        self.utcOffset = utcOffset
    }

    /// `YYYY-MM-DDTHH:MM:SS±HH:MM`: ISO 8601 with the offset, as exports and JSON carry it (the
    /// offset `±HH:MM:SS` when it is not a whole number of minutes, as Liberia's was until 1972).
    public var iso8601: String {
        "\(date.iso8601)T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))\(Self.offsetText(utcOffset))"
    }

    /// `YYYY-MM-DD HH:MM`, for people.
    public var shortText: String { "\(date.iso8601) \(pad(hour, 2)):\(pad(minute, 2))" }

    /// `+HH:MM` or `-HH:MM`; `±HH:MM:SS` when the offset is not a whole number of minutes.
    public static func offsetText(_ offset: Int) -> String {
        let sign = offset < 0 ? "-" : "+"
        let magnitude = abs(offset)
        let seconds = magnitude % 60 == 0 ? "" : ":\(pad(magnitude % 60, 2))"
        return "\(sign)\(pad(magnitude / 3600, 2)):\(pad(magnitude / 60 % 60, 2))\(seconds)"
    }
}

func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
}

func digits(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int? {
    guard start + count <= bytes.count else { return nil }
    var value = 0
    for byte in bytes[start..<start + count] {
        guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
        value = value * 10 + Int(byte - UInt8(ascii: "0"))
    }
    return value
}
