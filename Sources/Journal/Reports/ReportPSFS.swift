/// The Patient-Specific Functional Scale in a report: the same facts for every format.
///
/// Each active activity's baseline and latest rating since the baseline, the change and whether it
/// is larger than the measure's error, and the change within the report's period; then the
/// average. Worded as "larger than the measure's error", never as clinically important
/// (docs/outcomes.md).
public enum ReportPSFS {
    /// One row: activity, baseline (date), latest (date), change since the baseline, change in the period.
    static func rows(_ summary: PSFSSummary, period: Period) -> [[String]] {
        let inPeriod = summary.within(period)
        return summary.activities.filter(\.activity.isActive).map { item in
            let periodItem = inPeriod.activities.first { $0.activity.id == item.activity.id }
            return [
                item.activity.activity, rated(item.baseline), rated(item.latest),
                item.change.map { signed($0) + (item.detectable ? " *" : "") } ?? "-",
                periodItem?.change.map(signed) ?? "-",
            ]
        }
    }

    static let header = ["Activity", "Baseline", "Latest", "Change", "This period"]

    /// The average's sentence, or `nil` before there is one.
    public static func average(_ summary: PSFSSummary) -> String? {
        guard let average = summary.average, let day = summary.baselineDay else { return nil }
        let verdict =
            average.detectable
            ? "larger than the measure's error (\(PSFSSummary.averageDetectableChange) points)"
            : "within the measure's error (\(PSFSSummary.averageDetectableChange) points)"
        return "Average of the \(average.activities) \(average.activities == 1 ? "activity" : "activities") "
            + "rated at the baseline (\(day)) and since: \(Figures.oneDecimal(average.baseline)) → "
            + "\(Figures.oneDecimal(average.latest)) (\(Figures.signedOneDecimal(average.change))), \(verdict)."
    }

    static let legend =
        "Scores: 0 unable to do it, 10 able to do it as before the problem. * a change larger than the "
        + "measure's error (\(PSFSSummary.activityDetectableChange) points for one activity)."

    private static func rated(_ rating: PSFSRating?) -> String {
        rating.map { "\($0.score.value) (\($0.localTime.date))" } ?? "-"
    }

    private static func signed(_ value: Int) -> String { value > 0 ? "+\(value)" : String(value) }
}
