/// `repeated`: pain rose (``MorePainRule``) in 2 of an exercise's last 3 sessions.
///
/// Fires on the session that brings the count to ``Thresholds/repeatedCount`` within the
/// last ``Thresholds/repeatedWindow`` sessions of that exercise, and ``pause(in:)`` says
/// whether an exercise stands paused now, so `journal log` can warn before recording it.
///
/// ```swift
/// RepeatedRule.pause(in: lastThreeSessions) // a finding when 2 of them had more pain
/// ```
public enum RepeatedRule {
    public static let id = "repeated"

    /// A finding on each session that completes 2 rises within 3 sessions of the same exercise.
    public static func findings(in entries: [Entry]) -> [Finding] {
        var findings: [Finding] = []
        for sessions in Dictionary(grouping: entries, by: \.exerciseID).values {
            let ordered = sessions.sorted { ($0.performedAt, $0.id ?? 0) < ($1.performedAt, $1.id ?? 0) }
            for index in ordered.indices where rose(ordered[index]) {
                let window = ordered[max(0, index - Thresholds.repeatedWindow + 1)...index]
                if window.filter(rose).count >= Thresholds.repeatedCount {
                    findings.append(finding(for: ordered[index]))
                }
            }
        }
        return findings
    }

    /// The standing pause for an exercise, given its sessions (any order, any number):
    /// a finding on its latest rise when 2 of its last 3 sessions had more pain.
    public static func pause(in sessions: [Entry]) -> Finding? {
        let latest = sessions.sorted { ($0.performedAt, $0.id ?? 0) > ($1.performedAt, $1.id ?? 0) }
            .prefix(Thresholds.repeatedWindow)
        let rises = latest.filter(rose)
        guard rises.count >= Thresholds.repeatedCount, let newest = rises.first else { return nil }
        return finding(for: newest)
    }

    static func rose(_ entry: Entry) -> Bool { entry.painAfter > entry.painBefore }

    static func finding(for entry: Entry) -> Finding {
        Finding(
            rule: id, severity: .stop, entryID: entry.id, exerciseID: entry.exerciseID,
            performedAt: entry.performedAt, utcOffset: entry.utcOffset,
            message: "Pain rose in \(Thresholds.repeatedCount) of the last \(Thresholds.repeatedWindow) "
                + "sessions of \(entry.exerciseID).",
            recommendation: "Keep \(entry.exerciseID) paused until a physiotherapist has assessed you.")
    }
}
