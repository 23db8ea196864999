/// `severe-pain`: a check-in at rest of 8 out of 10 or more.
///
/// The NHS back pain page says to see a GP if "the pain is very severe or getting worse over
/// time". A check-in (pain at rest, apart from any exercise) at or above
/// ``Thresholds/severeRestPainFrom`` is a ``Finding/Severity/seeGP``: a doctor's appointment, not
/// an emergency, in the region's words (``RegionalAdvice``). Source: docs/safety.md.
///
/// ```swift
/// SeverePainRule.finding(for: checkIn) // non-nil when checkIn.pain.value >= 8
/// ```
public enum SeverePainRule {
    public static let id = "severe-pain"

    public static func findings(in checkIns: [CheckIn]) -> [Finding] {
        checkIns.compactMap(finding(for:))
    }

    /// Whether the rule fires on `checkIn`.
    public static func applies(to checkIn: CheckIn) -> Bool { checkIn.pain.value >= Thresholds.severeRestPainFrom }

    public static func finding(for checkIn: CheckIn) -> Finding? {
        guard applies(to: checkIn) else { return nil }
        return Finding(
            rule: id, severity: .seeGP, checkInID: checkIn.id, exerciseID: nil, performedAt: checkIn.performedAt,
            utcOffset: checkIn.utcOffset,
            message: "Your pain at rest was \(checkIn.pain.value) out of 10: very severe.",
            note: "", tier: .gp)
    }
}
