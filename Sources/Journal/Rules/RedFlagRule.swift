/// `red-flag`: a check-in that records a symptom needing a doctor, not a physiotherapy appointment.
///
/// Each ``RedFlag/Tier`` recorded raises one finding listing that tier's symptoms: an
/// ``RedFlag/Tier/emergency`` flag an ``Finding/Severity/urgent`` finding (emergency care now), a
/// ``RedFlag/Tier/sameDay`` flag a ``Finding/Severity/seeDoctor`` finding (a doctor today), a
/// ``RedFlag/Tier/seeGP`` flag a ``Finding/Severity/seeGP`` one (a doctor's appointment), each
/// recommendation in the words of the region in force (``Finding/recommendation(_:)``). Source: the NHS back pain, sciatica and cauda equina syndrome pages
/// (docs/safety.md). A red flag stands until `journal resume --red-flags` records that a doctor
/// has seen it.
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
        case .seeGP: .seeGP
        }
    }

    public static func findings(in checkIns: [CheckIn]) -> [Finding] {
        checkIns.flatMap { findings(for: $0) }
    }

    /// One finding for each tier of the flags `checkIn` records, emergency first; none without flags.
    ///
    /// With `saved` false the check-in was refused before it was saved (a mistyped `--at`, say):
    /// the advice is the same, and the words say what was typed and that it was not recorded.
    public static func findings(for checkIn: CheckIn, saved: Bool = true) -> [Finding] {
        RedFlag.Tier.allCases.compactMap { tier in
            let flags = checkIn.redFlags.filter { $0.tier == tier }
            guard !flags.isEmpty else { return nil }
            return Finding(
                rule: id, severity: severity(of: tier), checkInID: checkIn.id, exerciseID: nil,
                performedAt: checkIn.performedAt, utcOffset: checkIn.utcOffset,
                message: saved
                    ? "You recorded " + flags.map(\.symptom).joined(separator: "; ") + "."
                    : "You named " + flags.map(\.symptom).joined(separator: "; ")
                        + " in a check-in that was not saved (the reason follows).",
                note: "", tier: AdviceTier(tier))
        }
    }
}
