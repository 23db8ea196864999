/// `red-flag`: a check-in that records a symptom needing urgent medical care.
///
/// Any ``RedFlag`` recorded raises an ``Finding/Severity/urgent`` finding, the strongest
/// there is: seek emergency care now, not a physiotherapy appointment. Source: NHS and NICE
/// guidance on cauda equina syndrome and serious spinal pathology (docs/safety.md).
public enum RedFlagRule {
    public static let id = "red-flag"

    public static let recommendation =
        "Seek emergency care now: go to an emergency department or call your local emergency number. "
        + "These symptoms need urgent medical care, not a physiotherapy appointment."

    public static func findings(in checkIns: [CheckIn]) -> [Finding] {
        checkIns.compactMap(finding(for:))
    }

    public static func finding(for checkIn: CheckIn) -> Finding? {
        guard !checkIn.redFlags.isEmpty else { return nil }
        return Finding(
            rule: id, severity: .urgent, checkInID: checkIn.id, exerciseID: nil,
            performedAt: checkIn.performedAt, utcOffset: checkIn.utcOffset,
            message: "You recorded " + checkIn.redFlags.map(\.symptom).joined(separator: "; ") + ".",
            recommendation: recommendation)
    }
}
