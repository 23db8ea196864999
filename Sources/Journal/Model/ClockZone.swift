import Foundation

/// The time zone of the person's clock, as `$TZ` names it: read as the C library (and `date`)
/// reads it, or refused by name, never taken for UTC.
///
/// - unset or empty: the system's zone (`/etc/localtime`);
/// - a leading `:` (`:America/Toronto`, POSIX's mark for a name the system defines) is dropped;
/// - a POSIX offset without daylight saving (`EST+5`, `<-05>5`, `UTC0`, `<+0530>-5:30`, `GMT+5`):
///   that fixed offset, which POSIX writes west of Greenwich positive, so `EST+5` is UTC-05:00;
/// - a zone name (`Europe/London`, `EST5EDT`, `UTC`), or a path into the zone database
///   (`/usr/share/zoneinfo/America/Toronto`, `posix/` and `right/` folders too): that zone.
///
/// Anything else (a POSIX daylight-saving rule such as `EST5EDT,M3.2.0,M11.1.0`, a name no zone
/// has) is ``JournalError/unreadableTimeZone(_:)``.
///
/// ```swift
/// try ClockZone.named(by: ":America/Toronto").identifier  // "America/Toronto"
/// try ClockZone.named(by: "<-05>5").secondsFromGMT()      // -18000
/// ```
public enum ClockZone {
    /// The zone this process's `$TZ` names (``named(by:)``).
    public static func fromEnvironment() throws -> TimeZone {
        try named(by: ProcessInfo.processInfo.environment["TZ"])
    }

    /// The zone this process's `$TZ` names, or the system's when journal cannot read it: for what
    /// must not fail on it, such as a backup's name or advice told before the refusal.
    public static var fromEnvironmentOrSystem: TimeZone { (try? fromEnvironment()) ?? .current }

    /// The zone `tz` (the value of `$TZ`, `nil` when unset) names.
    public static func named(by tz: String?) throws -> TimeZone {
        guard let tz, !tz.isEmpty else { return .current }
        let value = tz.hasPrefix(":") ? String(tz.dropFirst()) : tz
        if let seconds = fixedOffset(value) {
            guard let zone = TimeZone(secondsFromGMT: seconds) else { throw JournalError.unreadableTimeZone(tz) }
            return zone
        }
        let name = databaseName(value)
        // Foundation reads "GMT+0500" as five hours east; POSIX and `date` read it west, or not at all.
        let eastward = name.range(of: "^(GMT|UTC)[+-]", options: [.regularExpression, .caseInsensitive]) != nil
        guard let zone = TimeZone(identifier: name), !eastward || zone.secondsFromGMT() == 0 else {
            throw JournalError.unreadableTimeZone(tz)
        }
        return zone
    }

    /// The zone name in a path into the zone database: `/usr/share/zoneinfo/posix/Europe/Paris` is
    /// `Europe/Paris`; any other value as it is.
    private static func databaseName(_ value: String) -> String {
        guard value.hasPrefix("/"), let range = value.range(of: "/zoneinfo/") else { return value }
        let name = value[range.upperBound...]
        for folder in ["posix/", "right/"] where name.hasPrefix(folder) { return String(name.dropFirst(folder.count)) }
        return String(name)
    }

    /// Seconds east of UTC for a POSIX `std offset` with nothing after it; `nil` for anything else.
    ///
    /// `std` is three or more letters, or `<…>` holding three or more letters, digits, `+` or `-`;
    /// `offset` is `[+|-]hh[:mm[:ss]]`, hours 0 to 24, positive west of Greenwich.
    private static func fixedOffset(_ value: String) -> Int? {
        var rest = Substring(value)
        if rest.hasPrefix("<") {
            guard let close = rest.firstIndex(of: ">") else { return nil }
            let name = rest[rest.index(after: rest.startIndex)..<close]
            guard name.count >= 3, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-".contains($0)) })
            else { return nil }
            rest = rest[rest.index(after: close)...]
        } else {
            let name = rest.prefix(while: { $0.isASCII && $0.isLetter })
            guard name.count >= 3 else { return nil }
            rest = rest.dropFirst(name.count)
        }
        var sign = 1
        if let first = rest.first, first == "+" || first == "-" {
            sign = first == "-" ? -1 : 1
            rest = rest.dropFirst()
        }
        let parts = rest.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count),
            parts.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return nil }
        let numbers = parts.compactMap { Int($0) }
        guard numbers[0] <= 24, numbers.dropFirst().allSatisfy({ $0 <= 59 }) else { return nil }
        let seconds = zip(numbers, [3600, 60, 1]).reduce(0) { $0 + $1.0 * $1.1 }
        return -sign * seconds
    }
}
