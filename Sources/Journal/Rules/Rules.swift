/// Every safety rule, run together.
///
/// ```swift
/// let findings = Rules.evaluate(entries: entries, checkIns: checkIns) // most severe first
/// let now = Rules.current(entries: recent, checkIns: recentCheckIns, today: today)
/// ```
public enum Rules {
    /// The ids of every rule, most pressing first: the order findings of equal severity take.
    public static let ids = [
        RedFlagRule.id, RepeatedRule.id, HighPainRule.id, MorePainRule.id, NextMorningRule.id, SeverePainRule.id,
        WorseningRule.id,
    ]

    /// The findings that single entries and check-ins raise, most severe first.
    public static func evaluate(entries: [Entry], checkIns: [CheckIn]) -> [Finding] {
        sorted(
            RedFlagRule.findings(in: checkIns) + SeverePainRule.findings(in: checkIns)
                + RepeatedRule.findings(in: entries) + HighPainRule.findings(in: entries)
                + MorePainRule.findings(in: entries) + NextMorningRule.findings(entries: entries, checkIns: checkIns))
    }

    /// Whether one entry alone raises a finding (more-pain or high-pain), without building it:
    /// the `flagged` column of exports.
    public static func isFlagged(_ entry: Entry) -> Bool {
        MorePainRule.applies(to: entry) || HighPainRule.applies(to: entry)
    }

    /// The findings of one check-in alone, before it is saved: its red flags and a very severe pain at rest.
    ///
    /// They need nothing stored, so their advice is given even when saving fails.
    ///
    /// With `saved` false the check-in was refused before it was saved; its red flags say so
    /// (``RedFlagRule/findings(for:saved:)``).
    public static func evaluate(_ checkIn: CheckIn, saved: Bool = true) -> [Finding] {
        sorted(
            RedFlagRule.findings(for: checkIn, saved: saved) + [SeverePainRule.finding(for: checkIn)].compactMap { $0 })
    }

    /// The findings of one entry alone: more-pain and high-pain.
    public static func evaluate(_ entry: Entry) -> [Finding] {
        sorted([HighPainRule.finding(for: entry), MorePainRule.finding(for: entry)].compactMap { $0 })
    }

    /// The findings of the last ``Thresholds/currentDays`` local days that still stand, for
    /// `journal check`: every one except the stop findings a review has answered
    /// (``HoldRule/answers(_:_:)``), and `worsening` over the last 7 days against the 7 before.
    ///
    /// Holds, which stand however old their finding, come from ``HoldRule``. `entries` must hold
    /// every entry of the last 14 days and the last 3 sessions before them of each exercise;
    /// `checkIns`, every check-in since the day before that window; `reviews`, each exercise's
    /// latest review, which answers too the sessions of its id in other letters (`Glute-Bridge`,
    /// written from outside), as their hold stands on it (``HoldQueries``).
    public static func current(
        entries: [Entry], checkIns: [CheckIn], reviews: [String: Review.Mark] = [:], today: LocalDate
    ) -> [Finding] {
        let windowStart = today.adding(days: -(Thresholds.currentDays - 1))
        let recorded = Dictionary(entries.compactMap { entry in entry.id.map { ($0, entry.recorded) } }) { a, _ in a }
        var result = evaluate(entries: entries, checkIns: checkIns).filter {
            let day = $0.localTime.date
            return windowStart <= day && day <= today
                && !HoldRule.answers(
                    $0.exerciseID.flatMap { reviews[$0] ?? reviews[Exercise.key($0)] }, $0,
                    recorded: $0.entryID.flatMap { recorded[$0] ?? nil })
        }
        if let worsening = WorseningRule.finding(in: entries, today: today) { result.append(worsening) }
        return sorted(result)
    }

    /// Orders findings most severe first, then newest first, then by rule (``ids``), then by
    /// exercise and by the session or check-in they are about: a total order, so that findings of
    /// the same time and rule (two exercises whose pain rose at 10:00) print in the same order on
    /// every run and every screen, whatever order the rules found them in.
    public static func sorted(_ findings: [Finding]) -> [Finding] {
        func rank(_ rule: String) -> Int { ids.firstIndex(of: rule) ?? ids.count }
        return findings.sorted {
            if ($1.severity.rawValue, $1.performedAt) != ($0.severity.rawValue, $0.performedAt) {
                return ($1.severity.rawValue, $1.performedAt) < ($0.severity.rawValue, $0.performedAt)
            }
            return (rank($0.rule), $0.exerciseID ?? "", $0.entryID ?? 0, $0.checkInID ?? 0, $0.message)
                < (rank($1.rule), $1.exerciseID ?? "", $1.entryID ?? 0, $1.checkInID ?? 0, $1.message)
        }
    }
}
