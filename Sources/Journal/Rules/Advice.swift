/// Every word journal says about where to get help, tier by tier, in one place: the actions, the
/// recommendations, the banner headings and the GP line.
///
/// The words repeat the NHS back pain page (docs/safety.md quotes it beside each rule). They are
/// the UK's for now; per-region wording plugs in here and nowhere else.
///
/// ```swift
/// Advice.action(for: .emergency) // "call 999 or go to A&E now (your local emergency number outside the UK)"
/// Advice.gpLine                  // "Book a GP appointment; this is not an emergency."
/// ```
public enum Advice {
    /// What to do for a ``RedFlag/Tier``, lower case and without a full stop, to sit inside a sentence.
    public static func action(for tier: RedFlag.Tier) -> String {
        switch tier {
        case .emergency: "call 999 or go to A&E now (your local emergency number outside the UK)"
        case .sameDay:
            "ask for an urgent GP appointment today or call 111 (your local urgent-care line outside the UK)"
        case .seeGP: "book a GP appointment; this is not an emergency"
        }
    }

    /// A tier's heading over its list of symptoms (`journal safety --red-flags`).
    public static func heading(for tier: RedFlag.Tier) -> String {
        switch tier {
        case .emergency: "Emergency: \(action(for: tier)) if you have any of these:"
        case .sameDay: "Same day: \(action(for: tier)) if you have any of these:"
        case .seeGP: "See a GP: book a GP appointment if you have any of these (this is not an emergency):"
        }
    }

    /// What a finding of a tier recommends.
    public static func recommendation(for tier: RedFlag.Tier) -> String {
        switch tier {
        case .emergency:
            "Call 999 or go to A&E now (your local emergency number outside the UK). These symptoms are an "
                + "emergency: they need emergency care now, not a physiotherapy appointment."
        case .sameDay:
            "See a doctor: \(action(for: tier)). These symptoms need a doctor today, not a physiotherapy appointment."
        case .seeGP: gpLine
        }
    }

    /// The see-GP tier's advice as a sentence, added to the `worsening` trend's physiotherapist advice.
    public static let gpLine = "Book a GP appointment; this is not an emergency."

    /// The heading of a red-flag banner (terminal) or of a red flag in a report's Needs attention.
    ///
    /// "Today" only for something recorded `today`: a same-day flag recorded earlier that no doctor
    /// has seen yet still needs one, but the banner does not pretend it is new.
    public static func banner(for severity: Finding.Severity, recordedToday: Bool) -> String? {
        switch severity {
        case .urgent: "URGENT: SEEK EMERGENCY CARE NOW"
        case .seeDoctor:
            recordedToday
                ? "SEE A DOCTOR TODAY: URGENT GP APPOINTMENT OR 111" : "SEE A DOCTOR: URGENT GP APPOINTMENT OR 111"
        case .seeGP: "SEE A GP: BOOK AN APPOINTMENT (NOT AN EMERGENCY)"
        case .stop, .caution: nil
        }
    }

    /// The short label of a red flag or see-GP finding in a report's Needs attention: "URGENT: SEEK
    /// EMERGENCY CARE NOW", "SEE A DOCTOR TODAY" (recorded on the report's last day) or "SEE A
    /// DOCTOR" (earlier), "SEE A GP".
    public static func label(for severity: Finding.Severity, recordedToday: Bool) -> String? {
        switch severity {
        case .urgent: "URGENT: SEEK EMERGENCY CARE NOW"
        case .seeDoctor: recordedToday ? "SEE A DOCTOR TODAY" : "SEE A DOCTOR"
        case .seeGP: "SEE A GP"
        case .stop, .caution: nil
        }
    }

    /// How a standing red flag is told: "recorded 2026-11-12, not yet seen by a doctor".
    public static func notYetSeen(recorded day: LocalDate) -> String {
        "recorded \(day.iso8601), not yet seen by a doctor"
    }

    /// What records that a doctor has seen the red flags.
    public static let resumeRedFlags = "journal resume --red-flags"
}
