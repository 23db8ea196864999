/// How figures are written, the same in every renderer.
public enum Figures {
    /// One decimal, rounded half away from zero: `3.25` → "3.3", `nil` → "-".
    public static func oneDecimal(_ value: Double?) -> String {
        guard let value else { return "-" }
        let tenths = Int((value * 10).rounded(.toNearestOrAwayFromZero))
        let sign = tenths < 0 ? "-" : ""
        return "\(sign)\(abs(tenths) / 10).\(abs(tenths) % 10)"
    }

    /// One decimal with a sign: "+0.5", "-1.2", "0.0".
    public static func signedOneDecimal(_ value: Double?) -> String {
        guard let value else { return "-" }
        let text = oneDecimal(value)
        return text.hasPrefix("-") || text == "0.0" ? text : "+" + text
    }

    /// The change from `before` to `after` as shown beside them: each rounded to one decimal
    /// first, so that the figures a reader sees subtract exactly (1.46 → 1.25 is "-0.2", not the
    /// "-0.21" of the exact values rounded, "-0.2"; 1.45 → 1.25 is "-0.3", as 1.5 → 1.3 reads).
    public static func signedOneDecimalChange(from before: Double?, to after: Double?) -> String {
        guard let before, let after else { return "-" }
        return signedOneDecimal(Double(tenths(after) - tenths(before)) / 10)
    }

    /// The same for JSON's two decimals: `after` minus `before`, each rounded to two decimals first.
    public static func twoDecimalsChange(from before: Double?, to after: Double?) -> Double? {
        guard let before, let after else { return nil }
        return Double(hundredths(after) - hundredths(before)) / 100
    }

    static func tenths(_ value: Double) -> Int { Int((value * 10).rounded(.toNearestOrAwayFromZero)) }
    static func hundredths(_ value: Double) -> Int { Int((value * 100).rounded(.toNearestOrAwayFromZero)) }

    /// Two decimals as a number, for JSON: 3.3333 → 3.33.
    public static func twoDecimals(_ value: Double?) -> Double? {
        value.map { ($0 * 100).rounded(.toNearestOrAwayFromZero) / 100 }
    }

    /// A whole percentage with a sign: 31 → "+31%", `nil` → "-".
    public static func signedPercent(whole percent: Int?) -> String {
        guard let percent else { return "-" }
        return percent > 0 ? "+\(percent)%" : "\(percent)%"
    }

    /// A whole percentage with a sign: 0.3125 → "+31%".
    public static func signedPercent(_ fraction: Double?) -> String {
        guard let fraction else { return "-" }
        let percent = Int((fraction * 100).rounded(.toNearestOrAwayFromZero))
        return percent > 0 ? "+\(percent)%" : "\(percent)%"
    }

    /// One mark per day on the 0–10 scale, ▁ (0) to █ (10); a space for a day without entries.
    public static func sparkline(_ values: [Double?]) -> String {
        let marks = Array("▁▂▃▄▅▆▇█")
        return String(
            values.map { value -> Character in
                guard let value else { return " " }
                let index = Int((value / 10 * Double(marks.count - 1)).rounded(.toNearestOrAwayFromZero))
                return marks[min(max(index, 0), marks.count - 1)]
            })
    }

    static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// "Thu", the day of the week.
    public static func weekday(_ date: LocalDate) -> String {
        // 1970-01-01 was a Thursday.
        weekdays[Int(((date.daysSinceEpoch % 7) + 7 + 3) % 7)]
    }

    /// "14 Nov": a day of the month and the month's name, never a number that could be either.
    public static func dayMonth(_ date: LocalDate) -> String { "\(date.day) \(months[date.month - 1])" }

    /// "Tue 30 Nov", a day as people say it, with its year when that is not today's
    /// ("Tue 30 Nov 2027" in 2026, "Fri 1 Jan 2027" on 31 December 2026): the one way a message names a day
    /// by its words.
    public static func dayWords(_ date: LocalDate, today: LocalDate) -> String {
        "\(weekday(date)) \(dayMonth(date))" + (date.year == today.year ? "" : " \(date.year)")
    }

    /// "23–27 Oct", "30 Oct – 2 Nov", "27 Oct": the days from the first to the last, the month
    /// once when both are in it (and the year never: a report spans at most a few months).
    public static func dayRange(_ days: ClosedRange<LocalDate>) -> String {
        let (first, last) = (days.lowerBound, days.upperBound)
        if first == last { return dayMonth(last) }
        return first.month == last.month && first.year == last.year
            ? "\(first.day)–\(dayMonth(last))" : "\(dayMonth(first)) – \(dayMonth(last))"
    }

    /// "Sat 14 Nov 08:15".
    public static func shortTime(_ time: LocalDateTime) -> String {
        "\(weekday(time.date)) \(dayMonth(time.date)) \(pad(time.hour, 2)):\(pad(time.minute, 2))"
    }

    /// "Thu 2026-11-19".
    public static func day(_ date: LocalDate) -> String { "\(weekday(date)) \(date.iso8601)" }
}
