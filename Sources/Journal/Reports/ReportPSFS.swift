/// The Patient-Specific Functional Scale in a report: the same facts for every format.
///
/// Each activity's the report shows (``PSFSSummary/forReport(_:)``: active at the period's end, retired within it, or rated within it), baseline and latest rating since the baseline, the change and whether it
/// is at least the measure's error, and the ratings within the report's period (one is enough to
/// show); then the average. Worded as "at least N points, more than the measure's error", never as
/// clinically important (docs/outcomes.md).
public enum ReportPSFS {
    /// One row: activity, baseline (date), latest (date), change since the baseline, the period's
    /// ratings, each followed by what `mark` gives it (the HTML report's note marks).
    static func rows(
        _ summary: PSFSSummary, period: Period, mark: (PSFSRating) -> String? = { _ in nil }
    ) -> [[String]] {
        let inPeriod = summary.within(period)
        return summary.activities.map { item in
            let periodItem = inPeriod.activities.first { $0.activity.id == item.activity.id }
            return [
                name(item.activity), rated(item.baseline),
                rated(item.latest),
                item.change.map { signed($0) + (item.detectable ? " *" : "") } ?? "-",
                periodItem.map { periodRatings($0, mark: mark) } ?? "-",
            ]
        }
    }

    /// An activity as a report names it: its words, and "(retired)" once it is retired (now).
    static func name(_ activity: PSFSActivity) -> String {
        activity.activity + (activity.isActive ? "" : " (retired)")
    }

    static let header = ["Activity", "Baseline", "Latest", "Change", "This period"]

    /// The ratings of the period, oldest first, each followed by what `mark` gives it.
    ///
    /// One as "6 (2026-11-20)", more as "5 → 4 → 6 (+1)" with the change from the period's first
    /// to its last (a dip between shows in the list); "-" for none. With marks: "5 [3] → 4 (-1)".
    static func periodRatings(
        _ item: PSFSSummary.ActivitySummary, mark: (PSFSRating) -> String? = { _ in nil }
    ) -> String {
        guard let only = item.ratings.first else { return "-" }
        func marked(_ rating: PSFSRating) -> String { mark(rating).map { " " + $0 } ?? "" }
        guard let change = item.change else { return rated(only) + marked(only) }
        return item.ratings.map { String($0.score.value) + marked($0) }.joined(separator: " → ")
            + " (\(signed(change))\(item.detectable ? " *" : ""))"
    }

    /// The average's sentence, or `nil` before there is one.
    public static func average(_ summary: PSFSSummary) -> String? {
        guard let average = summary.average, let day = summary.baselineDay else { return nil }
        let points = average.detectableChange
        let verdict =
            average.detectable
            ? "at least \(points) points, more than the measure's error"
            : "less than \(points) points, within the measure's error"
        // One activity's average is its own score: "The activity rated …".
        let subject = Wording.noun(
            average.activities, "The activity", "Average of the \(average.activities) activities")
        return "\(subject) rated at the baseline (\(day)) and since: \(Figures.oneDecimal(average.baseline)) → "
            + "\(Figures.oneDecimal(average.latest)) "
            + "(\(Figures.signedOneDecimalChange(from: average.baseline, to: average.latest))), \(verdict)."
    }

    /// What the `*` beside a change means.
    public static let detectableMark =
        "* a change of at least \(PSFSSummary.activityDetectableChange) points for one activity, more than the "
        + "measure's error."

    static let legend = "Scores: 0 unable to do it, 10 able to do it as before the problem. " + detectableMark

    private static func rated(_ rating: PSFSRating?) -> String {
        rating.map { "\($0.score.value) (\($0.localTime.date))" } ?? "-"
    }

    private static func signed(_ value: Int) -> String { value > 0 ? "+\(value)" : String(value) }
}
