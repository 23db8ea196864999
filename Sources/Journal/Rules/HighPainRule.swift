/// `high-pain`: pain after an exercise above 5 out of 10, whether or not it rose.
///
/// In the pain-monitoring model used in exercise rehabilitation, pain during or after
/// exercise of 0–2 is safe, 3–5 acceptable and above 5 high risk (a model from knee and
/// Achilles rehabilitation, not from low back pain). A reading above
/// ``Thresholds/highPainAbove`` is a ``Finding/Severity/stop``. Source: docs/safety.md.
///
/// ```swift
/// HighPainRule.finding(for: entry) // non-nil when entry.painAfter.value > 5
/// ```
public enum HighPainRule {
    public static let id = "high-pain"

    public static func findings(in entries: [Entry]) -> [Finding] {
        entries.compactMap(finding(for:))
    }

    /// Whether the rule fires on `entry`.
    public static func applies(to entry: Entry) -> Bool { entry.painAfter.value > Thresholds.highPainAbove }

    public static func finding(for entry: Entry) -> Finding? {
        guard applies(to: entry) else { return nil }
        return Finding(
            rule: id, severity: .stop, entryID: entry.id, exerciseID: entry.exerciseID,
            performedAt: entry.performedAt, utcOffset: entry.utcOffset,
            message: "Pain after \(entry.exerciseID) was \(entry.painAfter.value) out of 10: "
                + "above \(Thresholds.highPainAbove) is more than exercise should cause.",
            note: note(entry.exerciseID))
    }

    /// What to do about `exercise`.
    ///
    /// "Stop doing bird-dog and talk to a physiotherapist before you continue with it."
    public static func note(_ exercise: String) -> String {
        "Stop doing \(exercise) and talk to a physiotherapist before you continue with it."
    }
}
