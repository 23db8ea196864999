/// `worsening`: mean pain before exercise over the last 7 days meaningfully worse than the 7 before.
///
/// "Meaningfully" is the minimal important change for low back pain, at least 2 points or 30%
/// (``MinimalImportantChange``). Days are local calendar days ending `today`. A
/// ``Finding/Severity/seeGP``: pain "getting worse over time" is, for the NHS back pain page, a
/// reason to see a GP, so the physiotherapist advice gains the see-a-doctor tier's recommendation in
/// the region's words (``Finding/tier``). The
/// same change downward is an improvement the report names.
///
/// ```swift
/// WorseningRule.finding(in: entries, today: today)
/// ```
public enum WorseningRule {
    public static let id = "worsening"

    public static func finding(in entries: [Entry], today: LocalDate) -> Finding? {
        let recentPeriod =
            Period(from: today.adding(days: -(Thresholds.worseningDays - 1)), to: today) ?? .week(endingOn: today)
        let earlier = recentPeriod.previous
        var now = ProgressReport.PainTally()
        var before = ProgressReport.PainTally()
        var latest: Entry?
        for entry in entries {
            let day = entry.localTime.date
            if recentPeriod.contains(day) {
                now.add(entry)
                if latest.map({ $0.performedAt < entry.performedAt }) ?? true { latest = entry }
            } else if earlier.contains(day) {
                before.add(entry)
            }
        }
        guard let latest, MinimalImportantChange.verdict(previous: before, current: now) == .worsening else {
            return nil
        }
        let comparison = ProgressReport.Comparison(period: earlier, previous: before, current: now, verdict: .worsening)
        return Finding(
            rule: id, severity: .seeGP, exerciseID: nil, performedAt: latest.performedAt, utcOffset: latest.utcOffset,
            message: "Mean pain before exercise over the last \(Thresholds.worseningDays) days was "
                + "\(Figures.oneDecimal(now.beforeMean)), up from \(Figures.oneDecimal(before.beforeMean)) in the "
                + "\(Thresholds.worseningDays) days before (\(Figures.signedOneDecimalChange(from: before.beforeMean, to: now.beforeMean)), "
                + "\(Figures.signedPercent(whole: comparison.shownPercent))).",
            note: "Contact a physiotherapist about the rise in your pain.", tier: .gp)
    }
}
