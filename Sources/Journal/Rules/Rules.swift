/// Every safety rule, run together.
///
/// ```swift
/// let findings = Rules.evaluate(entries: entries, checkIns: checkIns) // most severe first
/// let now = Rules.current(entries: recent, checkIns: recentCheckIns, today: today)
/// ```
public enum Rules {
    /// The ids of every rule, most pressing first: the order findings of equal severity take.
    public static let ids = [
        RedFlagRule.id, RepeatedRule.id, HighPainRule.id, MorePainRule.id, NextMorningRule.id, WorseningRule.id,
    ]

    /// The findings that single entries and check-ins raise, most severe first.
    public static func evaluate(entries: [Entry], checkIns: [CheckIn]) -> [Finding] {
        sorted(
            RedFlagRule.findings(in: checkIns) + RepeatedRule.findings(in: entries) + HighPainRule.findings(in: entries)
                + MorePainRule.findings(in: entries) + NextMorningRule.findings(entries: entries, checkIns: checkIns))
    }

    /// Whether one entry alone raises a finding (more-pain or high-pain), without building it:
    /// the `flagged` column of exports.
    public static func isFlagged(_ entry: Entry) -> Bool {
        MorePainRule.applies(to: entry) || HighPainRule.applies(to: entry)
    }

    /// The findings of one entry alone: more-pain and high-pain.
    public static func evaluate(_ entry: Entry) -> [Finding] {
        sorted([HighPainRule.finding(for: entry), MorePainRule.finding(for: entry)].compactMap { $0 })
    }

    /// What stands today, for `journal check`.
    ///
    /// - every finding about the last ``Thresholds/currentDays`` local days;
    /// - for each exercise, the stop findings on its latest session, however old, and its
    ///   `repeated` pause while 2 of its last 3 sessions had more pain;
    /// - `worsening` over the last 7 days against the 7 before.
    ///
    /// `entries` must hold every entry of the last 14 days and the last 3 sessions before
    /// them of each exercise; `checkIns`, every check-in since the day before that window.
    public static func current(entries: [Entry], checkIns: [CheckIn], today: LocalDate) -> [Finding] {
        let windowStart = today.adding(days: -(Thresholds.currentDays - 1))
        var result = evaluate(entries: entries, checkIns: checkIns).filter {
            let day = $0.localTime.date
            return windowStart <= day && day <= today
        }
        for sessions in Dictionary(grouping: entries, by: \.exerciseID).values {
            if let latest = sessions.max(by: { ($0.performedAt, $0.id ?? 0) < ($1.performedAt, $1.id ?? 0) }) {
                result += evaluate(latest)
            }
            if let pause = RepeatedRule.pause(in: sessions) { result.append(pause) }
        }
        if let worsening = WorseningRule.finding(in: entries, today: today) { result.append(worsening) }
        var seen = Set<Finding>()
        return sorted(result.filter { seen.insert($0).inserted })
    }

    /// Orders findings most severe first, then by rule (``ids``), then newest first.
    public static func sorted(_ findings: [Finding]) -> [Finding] {
        func rank(_ rule: String) -> Int { ids.firstIndex(of: rule) ?? ids.count }
        return findings.sorted {
            ($1.severity.rawValue, rank($0.rule), $1.performedAt) < (
                $0.severity.rawValue, rank($1.rule), $0.performedAt
            )
        }
    }
}
