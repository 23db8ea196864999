/// `more-pain`: pain after an exercise higher than before it.
///
/// The clinic's guide says that if an exercise gives you more pain you should stop
/// and get advice from a physiotherapist before continuing; so a rise of any size,
/// even one point, is a ``Finding/Severity/stop`` finding for that exercise. Equal
/// or lower pain finds nothing. Source: docs/safety.md.
///
/// ```swift
/// MorePainRule.findings(in: [entry]) // one finding when entry.painAfter > entry.painBefore
/// ```
public enum MorePainRule {
    public static let id = "more-pain"

    public static func findings(in entries: [Entry]) -> [Finding] {
        entries.compactMap(finding(for:))
    }

    /// Whether the rule fires on `entry`.
    public static func applies(to entry: Entry) -> Bool { entry.painAfter > entry.painBefore }

    /// The finding for one entry, if its pain rose.
    public static func finding(for entry: Entry) -> Finding? {
        guard applies(to: entry) else { return nil }
        return Finding(
            rule: id, severity: .stop, entryID: entry.id, exerciseID: entry.exerciseID,
            performedAt: entry.performedAt, utcOffset: entry.utcOffset,
            message: "Pain went up during \(entry.exerciseID), from \(entry.painBefore.value) "
                + "before to \(entry.painAfter.value) after.",
            note: note(entry.exerciseID))
    }

    /// What to do about `exercise`.
    ///
    /// "Stop doing bird-dog and see a physiotherapist before you continue with it."
    public static func note(_ exercise: String) -> String {
        "Stop doing \(exercise) and see a physiotherapist before you continue with it."
    }
}
