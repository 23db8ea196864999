/// The smallest change in pain that people with low back pain notice as real.
///
/// 2 points on the 0–10 scale or 30% of the starting value (Ostelo and others, 2008; docs/safety.md).
/// The change is judged on the means as shown, rounded to one decimal, so that the verdict agrees
/// with the figures beside it: 7.0 → 5.0 (-2.0, -29%) is 2 points and 3.0 → 2.1 (-0.9, -30%) is
/// 30%, both meaningful, whatever the unrounded means were.
///
/// ```swift
/// MinimalImportantChange.percent(fromTenths: 30, toTenths: 21)  // -30
/// ```
public enum MinimalImportantChange {
    public static let points = Thresholds.minimalImportantChangePoints
    public static let percent = Thresholds.minimalImportantChangePercent

    /// Compares mean pain before as shown: each mean rounded to one decimal (``Figures/oneDecimal(_:)``),
    /// the change their difference and the percentage that change over the previous mean, rounded
    /// to a whole percent half away from zero, in whole numbers (no floating-point rounding).
    public static func verdict(
        previous: ProgressReport.PainTally, current: ProgressReport.PainTally
    ) -> ProgressReport.Comparison.Verdict {
        guard previous.count > 0, let then = previous.beforeMean else { return .noPreviousData }
        guard current.count > 0, let now = current.beforeMean else { return .noCurrentData }
        return verdict(fromTenths: Figures.tenths(then), toTenths: Figures.tenths(now))
    }

    /// The verdict from two means in tenths of a point (3.0 is 30).
    public static func verdict(fromTenths then: Int, toTenths now: Int) -> ProgressReport.Comparison.Verdict {
        let change = now - then
        let meaningful = abs(change) >= points * 10 || abs(percent(fromTenths: then, toTenths: now) ?? 0) >= percent
        if change < 0, meaningful { return .improvement }
        if change > 0, meaningful { return .worsening }
        return .noMeaningfulChange
    }

    /// The change from `then` to `now` (both in tenths) as a whole percentage of `then`, rounded
    /// half away from zero (-29.5% is -30); `nil` when `then` is 0.
    public static func percent(fromTenths then: Int, toTenths now: Int) -> Int? {
        guard then > 0 else { return nil }
        let size = (abs(now - then) * 200 + then) / (2 * then)
        return now < then ? -size : size
    }
}
