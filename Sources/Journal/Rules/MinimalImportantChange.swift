/// The smallest change in pain that people with low back pain notice as real.
///
/// 2 points on the 0–10 scale or 30% of the starting value (Ostelo and others, 2008; docs/safety.md).
public enum MinimalImportantChange {
    public static let points = Thresholds.minimalImportantChangePoints
    public static let percent = Thresholds.minimalImportantChangePercent

    /// Compares mean pain before, exactly (integer cross-multiplication, no rounding).
    public static func verdict(
        previous: ProgressReport.PainTally, current: ProgressReport.PainTally
    ) -> ProgressReport.Comparison.Verdict {
        guard previous.count > 0 else { return .noPreviousData }
        guard current.count > 0 else { return .noCurrentData }
        // previous mean − current mean = drop / (np × nc)
        let drop = previous.beforeSum * current.count - current.beforeSum * previous.count
        let scale = previous.count * current.count
        let previousScaled = previous.beforeSum * current.count  // previous mean × scale
        func meaningful(_ difference: Int) -> Bool {
            difference >= points * scale || (previousScaled > 0 && difference * 100 >= percent * previousScaled)
        }
        if drop > 0, meaningful(drop) { return .improvement }
        if drop < 0, meaningful(-drop) { return .worsening }
        return .noMeaningfulChange
    }
}
