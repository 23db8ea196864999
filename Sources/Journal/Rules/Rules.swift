/// Every safety rule, run together.
///
/// ```swift
/// let findings = Rules.evaluate(entries) // most severe first, then newest first
/// ```
public enum Rules {
    /// The ids of every rule, in the order docs/safety.md describes them.
    public static let ids = [MorePainRule.id]

    /// All findings for `entries`, most severe first, then newest first.
    public static func evaluate(_ entries: [Entry]) -> [Finding] {
        sorted(MorePainRule.findings(in: entries))
    }

    /// Orders findings most severe first, then newest first, then by rule id.
    public static func sorted(_ findings: [Finding]) -> [Finding] {
        findings.sorted {
            ($1.severity.rawValue, $1.performedAt, $0.rule) < ($0.severity.rawValue, $0.performedAt, $1.rule)
        }
    }
}
