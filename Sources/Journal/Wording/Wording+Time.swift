import Foundation

extension Wording {
    /// The offset from UTC in brackets: "(UTC+01:00)", "(UTC-05:00)", "(UTC-00:44:30)".
    public static func offset(_ seconds: Int) -> String {
        "(UTC\(LocalDateTime.offsetText(seconds)))"
    }

    /// How long before `now` the moment `unixSeconds` was (Unix seconds), in whole units rounded
    /// down: under a minute "just now", then minutes, hours, and days; a moment after `now` (a
    /// clock set back since) is its time on `timeZone`'s clock instead, never "just now".
    ///
    /// ```swift
    /// Wording.ago(0, now: 59, timeZone: utc)       // "just now"
    /// Wording.ago(0, now: 3_599, timeZone: utc)    // "59 minutes ago"
    /// Wording.ago(0, now: 86_400, timeZone: utc)   // "1 day ago"
    /// Wording.ago(60, now: 0, timeZone: utc)       // "at 1970-01-01 00:01 (UTC+00:00)"
    /// ```
    public static func ago(_ unixSeconds: Int64, now: Int64, timeZone: TimeZone) -> String {
        if unixSeconds > now { return "at " + time(DateInput.at(unixSeconds, in: timeZone).local) }
        let seconds = now - unixSeconds
        switch seconds {
        case ..<60: return "just now"
        case ..<3600: return count(seconds / 60, "minute", "minutes") + " ago"
        case ..<86_400: return count(seconds / 3600, "hour", "hours") + " ago"
        default: return count(seconds / 86_400, "day", "days") + " ago"
        }
    }

    /// A moment on the person's clock with its offset: "2026-11-20 07:30 (UTC+01:00)".
    public static func time(_ local: LocalDateTime) -> String {
        "\(local.shortText) \(offset(local.utcOffset))"
    }

    /// A moment on the person's clock, with its offset only when that clock time occurs twice on
    /// `timeZone`'s clock (the hour a clock set back repeats): "2026-11-20 07:30", but
    /// "2026-11-01 01:30 (UTC-04:00)" in America/Toronto.
    public static func clockTime(_ local: LocalDateTime, in timeZone: TimeZone) -> String {
        isAmbiguous(local, in: timeZone) ? time(local) : local.shortText
    }

    /// ``clockTime(_:in:)`` for the many rows of a list: a day whose offset is the same from noon two
    /// days before to noon two days after (no clock change near it) is read once and shows no offset.
    public static func clockTimes(in timeZone: TimeZone) -> (LocalDateTime) -> String {
        var steady: [Int64: Bool] = [:]
        return { local in
            let day = local.date.daysSinceEpoch
            let isSteady =
                steady[day]
                ?? {
                    let offsets = Set(
                        (-2...2).map {
                            timeZone.secondsFromGMT(
                                for: Date(timeIntervalSince1970: TimeInterval((day + Int64($0)) * 86_400 + 43_200)))
                        })
                    steady[day] = offsets.count == 1
                    return offsets.count == 1
                }()
            return isSteady ? local.shortText : clockTime(local, in: timeZone)
        }
    }

    /// Whether the clock time of `local` occurs twice on `timeZone`'s clock: two offsets the zone
    /// uses within a day of it each put that clock time at a moment when the zone uses that offset.
    public static func isAmbiguous(_ local: LocalDateTime, in timeZone: TimeZone) -> Bool {
        let wall = local.date.daysSinceEpoch * 86_400 + Int64(local.hour * 3600 + local.minute * 60 + local.second)
        func offset(at seconds: Int64) -> Int {
            timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
        }
        let offsets = Set([-86_400, 0, 86_400].map { offset(at: wall + Int64($0)) })
        return offsets.filter { offset(at: wall - Int64($0)) == $0 }.count > 1
    }
}
