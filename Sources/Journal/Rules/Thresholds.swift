/// Every number the safety rules use, in one place (docs/safety.md gives each one's source).
public enum Thresholds {
    /// `high-pain`: pain after above this is "high risk" in the pain-monitoring model
    /// (0–2 safe, 3–5 acceptable, above 5 high risk; from knee and Achilles rehabilitation).
    public static let highPainAbove = 5
    /// `repeated`: more-pain in at least this many of an exercise's last ``repeatedWindow`` sessions.
    public static let repeatedCount = 2
    /// `repeated`: how many of an exercise's latest sessions are looked at.
    public static let repeatedWindow = 3
    /// `next-morning`: a check-in before this local hour counts as the morning.
    public static let morningEndsAtHour = 12
    /// `worsening`: compares the last this many days with the same number before.
    public static let worseningDays = 7
    /// The minimal important change on the 0–10 scale for low back pain, in points (or the percentage below).
    public static let minimalImportantChangePoints = 2
    /// The minimal important change as a percentage of the starting value (Ostelo and others, 2008).
    public static let minimalImportantChangePercent = 30
    /// `severe-pain`: a check-in at rest at or above this is "very severe" (NHS back pain page: see a GP).
    public static let severeRestPainFrom = 8
    /// `journal check`: findings from this many days ending today are current.
    public static let currentDays = 7
}
