/// `red-flag`: a check-in that records a symptom needing a doctor, not a physiotherapy appointment.
///
/// Each ``RedFlag/Tier`` recorded raises one finding listing that tier's symptoms: an
/// ``RedFlag/Tier/emergency`` flag an ``Finding/Severity/urgent`` finding (call 999 or go to
/// A&E now), a ``RedFlag/Tier/sameDay`` flag a ``Finding/Severity/seeDoctor`` finding (an urgent
/// GP appointment today or 111). Source: the NHS back pain and cauda equina syndrome pages
/// (docs/safety.md).
///
/// ```swift
/// RedFlagRule.findings(for: checkIn).map(\.severity) // [.urgent, .seeDoctor] for both-legs and fever
/// ```
public enum RedFlagRule {
    public static let id = "red-flag"

    /// The severity of a finding for flags of `tier`.
    public static func severity(of tier: RedFlag.Tier) -> Finding.Severity {
        switch tier {
        case .emergency: .urgent
        case .sameDay: .seeDoctor
        }
    }

    /// What to do about flags of `tier`.
    public static func recommendation(for tier: RedFlag.Tier) -> String {
        switch tier {
        case .emergency:
            "Call 999 or go to A&E now (your local emergency number outside the UK). These symptoms are an "
                + "emergency: they need emergency care now, not a physiotherapy appointment."
        case .sameDay:
            "See a doctor: \(tier.action). These symptoms need a doctor today, not a physiotherapy appointment."
        }
    }

    public static func findings(in checkIns: [CheckIn]) -> [Finding] {
        checkIns.flatMap(findings(for:))
    }

    /// One finding for each tier of the flags `checkIn` records, emergency first; none without flags.
    public static func findings(for checkIn: CheckIn) -> [Finding] {
        RedFlag.Tier.allCases.compactMap { tier in
            let flags = checkIn.redFlags.filter { $0.tier == tier }
            guard !flags.isEmpty else { return nil }
            return Finding(
                rule: id, severity: severity(of: tier), checkInID: checkIn.id, exerciseID: nil,
                performedAt: checkIn.performedAt, utcOffset: checkIn.utcOffset,
                message: "You recorded " + flags.map(\.symptom).joined(separator: "; ") + ".",
                recommendation: recommendation(for: tier))
        }
    }
}
