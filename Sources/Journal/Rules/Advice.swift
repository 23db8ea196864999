/// How the tiers' words are put on screen: banner headings, report labels, how a standing red flag
/// is told.
///
/// The words themselves (each tier's action, heading and recommendation) are the region's, in one
/// table: ``RegionalAdvice`` (docs/safety.md quotes it, region by region, with its sources). Every
/// function here takes the ``RegionalAdvice`` of the region in force, which each command resolves once.
///
/// ```swift
/// Advice.banner(for: .urgent, recordedToday: true, advice: RegionalAdvice(region: .canada))
/// // "URGENT: CALL 911 OR GO TO THE EMERGENCY DEPARTMENT NOW"
/// ```
public enum Advice {
    /// The advice tier of a finding's severity: `urgent`, `see-doctor` and `see-gp` have one.
    public static func tier(of severity: Finding.Severity) -> AdviceTier? {
        switch severity {
        case .urgent: .emergency
        case .seeDoctor: .sameDay
        case .seeGP: .gp
        case .stop, .caution: nil
        }
    }

    /// The heading of a red-flag banner (terminal) or of a red flag in a report's Needs attention:
    /// the region's ``RegionalAdvice/heading(_:)``.
    ///
    /// "Today" only for something recorded `today`: a same-day flag recorded earlier that no doctor
    /// has seen yet still needs one, but the banner does not pretend it is new ("SEE A DOCTOR: …").
    public static func banner(for severity: Finding.Severity, recordedToday: Bool, advice: RegionalAdvice) -> String? {
        guard let tier = tier(of: severity) else { return nil }
        let heading = advice.heading(tier)
        guard tier == .sameDay, !recordedToday, heading.hasPrefix(sameDayHeading) else { return heading }
        return "SEE A DOCTOR" + heading.dropFirst(sameDayHeading.count)
    }

    /// How every region's same-day heading begins.
    static let sameDayHeading = "SEE A DOCTOR TODAY"

    /// The short label of a red flag or see-a-doctor finding in a report's Needs attention: the
    /// emergency heading whole ("URGENT: SEEK EMERGENCY CARE NOW"), "SEE A DOCTOR TODAY" (recorded
    /// on the report's last day) or "SEE A DOCTOR" (earlier), and the see-a-doctor heading up to
    /// its colon ("SEE A GP" in the UK, "SEE YOUR DOCTOR" in the US).
    public static func label(for severity: Finding.Severity, recordedToday: Bool, advice: RegionalAdvice) -> String? {
        switch severity {
        case .urgent: advice.heading(.emergency)
        case .seeDoctor: recordedToday ? sameDayHeading : "SEE A DOCTOR"
        case .seeGP: String(advice.heading(.gp).prefix { $0 != ":" })
        case .stop, .caution: nil
        }
    }

    /// How a standing red flag is told: "recorded 2026-11-12, not yet seen by a doctor".
    public static func notYetSeen(recorded day: LocalDate) -> String {
        "recorded \(day.iso8601), not yet seen by a doctor"
    }

    /// How a report tells a red flag that stood on its period's last day, no doctor having seen it
    /// by then: the days it stood are in its heading.
    public static let notYetSeenAtPeriodEnd = "Still standing at the end of the period, not yet seen by a doctor"

    /// What records that a doctor has seen the red flags.
    public static let resumeRedFlags = "journal resume --red-flags"
}
