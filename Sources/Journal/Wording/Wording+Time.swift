extension Wording {
    /// The offset from UTC in brackets: "(UTC+01:00)", "(UTC-05:00)", "(UTC-00:44:30)".
    public static func offset(_ seconds: Int) -> String {
        "(UTC\(LocalDateTime.offsetText(seconds)))"
    }

    /// How long before `now` the moment `unixSeconds` was (Unix seconds), in whole units rounded
    /// down: under a minute (or a moment after `now`) "just now", then minutes, hours, and days.
    ///
    /// ```swift
    /// Wording.ago(0, now: 59)       // "just now"
    /// Wording.ago(0, now: 3_599)    // "59 minutes ago"
    /// Wording.ago(0, now: 86_400)   // "1 day ago"
    /// ```
    public static func ago(_ unixSeconds: Int64, now: Int64) -> String {
        let seconds = max(0, now - unixSeconds)
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
}
