/// `repeated`: pain rose (``MorePainRule``) in 2 of an exercise's last 3 sessions.
///
/// Fires on the session that brings the count to ``Thresholds/repeatedCount`` within the
/// last ``Thresholds/repeatedWindow`` sessions of that exercise. Like every stop finding it puts
/// the exercise on hold (``HoldRule``) until a physiotherapist has reviewed it.
///
/// ```swift
/// RepeatedRule.findings(in: lastThreeSessions) // a finding on the second rise within 3 sessions
/// ```
public enum RepeatedRule {
    public static let id = "repeated"

    /// A finding on each session that completes 2 rises within 3 sessions of the same exercise.
    public static func findings(in entries: [Entry]) -> [Finding] {
        var findings: [Finding] = []
        for (_, sessions) in Dictionary(grouping: entries, by: \.exerciseID).sorted(by: { $0.key < $1.key }) {
            let ordered = sessions.sorted(by: Entry.precedes)
            for index in ordered.indices where rose(ordered[index]) {
                let window = ordered[max(0, index - Thresholds.repeatedWindow + 1)...index]
                if window.filter(rose).count >= Thresholds.repeatedCount {
                    findings.append(finding(for: ordered[index]))
                }
            }
        }
        return findings
    }

    static func rose(_ entry: Entry) -> Bool { entry.painAfter > entry.painBefore }

    static func finding(for entry: Entry) -> Finding {
        Finding(
            rule: id, severity: .stop, entryID: entry.id, exerciseID: entry.exerciseID,
            performedAt: entry.performedAt, utcOffset: entry.utcOffset,
            message: "Pain rose in \(Thresholds.repeatedCount) of the last \(Thresholds.repeatedWindow) "
                + "sessions of \(entry.exerciseID).",
            note: note(entry.exerciseID))
    }

    /// What to do about `exercise`.
    ///
    /// "Keep bird-dog on hold until a physiotherapist has assessed you."
    public static func note(_ exercise: String) -> String {
        "Keep \(exercise) on hold until a physiotherapist has assessed you."
    }
}
