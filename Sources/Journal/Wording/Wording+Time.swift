extension Wording {
    /// The offset from UTC in brackets: "(UTC+01:00)", "(UTC-05:00)", "(UTC-00:44:30)".
    public static func offset(_ seconds: Int) -> String {
        "(UTC\(LocalDateTime.offsetText(seconds)))"
    }

    /// A moment on the person's clock with its offset: "2026-11-20 07:30 (UTC+01:00)".
    public static func time(_ local: LocalDateTime) -> String {
        "\(local.shortText) \(offset(local.utcOffset))"
    }
}
