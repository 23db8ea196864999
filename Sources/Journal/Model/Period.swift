/// A run of whole local calendar days, both ends included.
///
/// ```swift
/// let week = Period.week(endingOn: LocalDate(iso8601: "2026-11-25")!)
/// week.from.iso8601       // "2026-11-19"
/// week.previous.to.iso8601 // "2026-11-18"
/// ```
public struct Period: Sendable, Hashable {
    /// The longest period a report covers: about ten years.
    public static let maximumDays = 3660

    public let from: LocalDate
    public let to: LocalDate

    /// A period from `from` to `to`, or `nil` when `to` is before `from` or it is too long.
    public init?(from: LocalDate, to: LocalDate) {
        guard from <= to, to.daysSinceEpoch - from.daysSinceEpoch < Int64(Self.maximumDays) else { return nil }
        self.from = from
        self.to = to
    }

    /// The 7 days ending on `day`: from `day` − 6 to `day`.
    public static func week(endingOn day: LocalDate) -> Period { Period(endingOn: day, days: 7) }

    /// The 30 days ending on `day`.
    public static func month(endingOn day: LocalDate) -> Period { Period(endingOn: day, days: 30) }

    private init(endingOn day: LocalDate, days: Int) {
        from = day.adding(days: -(days - 1))
        to = day
    }

    /// The period that `--from` and `--to` name, up to today (``asked(from:to:today:)``), or `nil`
    /// when neither is given.
    public static func parse(from: String?, to: String?, today: LocalDate) throws -> Period? {
        try asked(from: from, to: to, today: today)?.period
    }

    /// The days `--from` and `--to` ask for, or `nil` when neither is given.
    ///
    /// `--from` alone runs to `today`; `--to` alone covers the 7 days ending then. A last day still
    /// to come is read as the days so far, up to today, when the period has begun (`--to "13 dec"`
    /// on Wednesday 9 December: 7 to 9 December); when it has not (`--to 2027-01-20`), it is
    /// refused as still to come, as is a first day still to come (`--from 2026-12-20`).
    ///
    /// ```swift
    /// let asked = try Period.asked(from: nil, to: "13 dec", today: LocalDate(iso8601: "2026-12-09")!)
    /// asked?.period.from.iso8601 // "2026-12-07"
    /// asked?.soFar != nil        // true
    /// ```
    public static func asked(from: String?, to: String?, today: LocalDate) throws -> AskedPeriod? {
        guard from != nil || to != nil else { return nil }
        let last = try to.map { try DateInput.parseDay($0, today: today, daysToCome: true) } ?? today
        let first =
            try from.map { text in
                do {
                    return try DateInput.parseDay(text, today: today)
                } catch JournalError.timeToCome(let text, let resolved, let instead) {
                    // A day without a year still to come (`2 jan` on 30 Dec) names the option to leave out too.
                    throw JournalError.timeToCome(
                        text: text, resolved: resolved, instead: String(instead.dropLast()) + "; " + leaveOut("--from"))
                }
            } ?? Period.week(endingOn: last).from
        // A first day still to come is refused as such, in one message naming the day typed: `--from`'s,
        // or `--to`'s when its 7 days have not begun (never "the other way round" for `--from` alone).
        if first > today {
            let (option, text, day) = from.map { ("--from", $0, first) } ?? ("--to", to ?? "", last)
            throw JournalError.timeToCome(
                text: text, resolved: Figures.dayWords(day, today: today),
                instead: "a report's first day must have come (a last day to come gives the days so far); "
                    + leaveOut(option))
        }
        let end = min(last, today)
        guard first <= last, let period = Period(from: first, to: end) else {
            throw JournalError.invalidPeriod(
                from: first.iso8601, to: (first <= last ? end : last).iso8601, maximumDays: maximumDays)
        }
        return AskedPeriod(period: period, lastAsked: last)
    }

    /// The end of a refusal of a report's first day still to come: "for the 7 days ending today,
    /// leave --from out.".
    private static func leaveOut(_ option: String) -> String {
        "for the 7 days ending today, leave \(option) out."
    }

    /// The days a span covers, for `report --last`: `10d` is 10 days, `6w` 42, `3m` 90 (a month is
    /// 30 days, as for `report --month`) and `1y` 360 (a year is 12 such months); `nil` when `text` is not such a span or covers more than
    /// ``maximumDays``.
    ///
    /// ```swift
    /// Period.spanDays("6w") // 42
    /// ```
    public static func spanDays(_ text: String) -> Int? {
        guard let span = spanParts(text), span.count >= 1, span.count <= maximumDays / span.length else { return nil }
        return span.count * span.length
    }

    /// A span's number, the days of its unit and the unit's letter, whatever its bounds: `6w`,
    /// `6 w`, `6 weeks`, `6 weeks.`, `6wk`, `1 week` are (6 or 1, 7, "w"); a number too large to
    /// hold is `Int.max`; `nil` when `text` has no number and unit of days, weeks, months or years.
    public static func spanParts(_ text: String) -> (count: Int, length: Int, unit: String)? {
        let trimmed = DateInput.cleaned(text).lowercased()
        let digits = trimmed.prefix { $0.isASCII && ($0.isNumber || $0 == "-" || $0 == "+") }
        let word = String(String(trimmed.dropFirst(digits.count)).trimmingWhitespace())
        let unsigned = !digits.isEmpty && digits.allSatisfy(\.isDigitASCII)
        guard let count = Int(digits) ?? (unsigned ? Int.max : nil) else { return nil }
        for (unit, length, words) in spanUnits where words.contains(word) { return (count, length, unit) }
        return nil
    }

    /// The spans `report --last` reads, for messages: a few short examples, one a line.
    public static let acceptedSpans = """
        journal reads spans such as
          10d or 10 days
          6w or 6 weeks
          3m or 3 months (months of 30 days)
          1y or 1 year (12 such months: 360 days)
          up to \(maximumDays) days: \(maximumDays / 7)w, \(maximumDays / 30)m or \(maximumDays / 360)y
        """

    /// Each unit of a span, its days, and the ways people write it.
    static let spanUnits: [(unit: String, length: Int, words: Set<String>)] = [
        ("d", 1, ["d", "day", "days"]), ("w", 7, ["w", "wk", "wks", "week", "weeks"]),
        ("m", 30, ["m", "mo", "month", "months"]), ("y", 360, ["y", "yr", "yrs", "year", "years"]),
    ]

    /// The span `text` (``spanDays(_:)``) ending on `day`, or ``JournalError/invalidSpan(_:)``.
    public static func last(_ text: String, endingOn day: LocalDate) throws -> Period {
        guard let days = spanDays(text) else { throw JournalError.invalidSpan(text) }
        return Period(endingOn: day, days: days)
    }

    /// How many days it covers.
    public var dayCount: Int { Int(to.daysSinceEpoch - from.daysSinceEpoch) + 1 }

    /// Every day in order.
    public var days: [LocalDate] { (0..<dayCount).map { from.adding(days: $0) } }

    /// The period of the same length just before this one.
    public var previous: Period { Period(endingOn: from.adding(days: -1), days: dayCount) }

    /// Whether `date` falls inside.
    public func contains(_ date: LocalDate) -> Bool { from <= date && date <= to }

    /// Unix seconds that surely include every moment whose local day, at any UTC offset, falls
    /// inside: midnight UTC of `from` less 18 hours, to midnight UTC after `to` plus 18 hours.
    public var widestUTCRange: Range<Int64> {
        (from.daysSinceEpoch * 86_400 - 64_800)..<((to.daysSinceEpoch + 1) * 86_400 + 64_800)
    }
}

/// The days a report was asked for: those it covers, up to today, and the last day asked, later
/// when that is still to come.
public struct AskedPeriod: Sendable, Hashable {
    /// The days covered: those asked for, up to today.
    public let period: Period
    /// The last day asked for, `--to`: the period's last day, or a day still to come.
    public let lastAsked: LocalDate

    /// What to say when the last day asked is still to come: "Sun 13 Dec is still to come: the
    /// report covers the days so far, 2026-12-07 to 2026-12-09." (with its year in another year than
    /// today's, the period's last day then); `nil` otherwise.
    public var soFar: String? {
        guard lastAsked > period.to else { return nil }
        return "\(Figures.dayWords(lastAsked, today: period.to)) is still to come: the report covers "
            + "the days so far, \(period.from.iso8601) to \(period.to.iso8601)."
    }
}
