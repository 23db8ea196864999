/// How soon to get help, whatever the region: the three tiers of the national guidance.
///
/// Which symptoms fall in which tier is the same across the national guidance (docs/safety.md);
/// only the services and numbers differ, and ``RegionalAdvice`` names them.
public enum AdviceTier: String, Sendable, Hashable, CaseIterable {
    /// An emergency: call the emergency number or go to the emergency department now.
    case emergency = "emergency"
    /// A doctor today: an urgent appointment, or the health line.
    case sameDay = "same-day"
    /// A doctor soon, by appointment: not an emergency.
    case gp = "gp"

    /// The severity id of a finding in this tier, as `--json` prints it: `urgent`, `see-doctor`, `see-gp`.
    public var severityID: String {
        switch self {
        case .emergency: "urgent"
        case .sameDay: "see-doctor"
        case .gp: "see-gp"
        }
    }

    /// The sentence after the action in ``RegionalAdvice/recommendation(_:)``: why, the same in every region.
    public var reason: String {
        switch self {
        case .emergency:
            "These symptoms are an emergency: they need emergency care now, not a physiotherapy appointment."
        case .sameDay: "These symptoms need a doctor today, not a physiotherapy appointment."
        case .gp: "This is not an emergency, but a doctor should see it, not only a physiotherapist."
        }
    }

    /// The tier in brief, the same in every region, where no service is named (docs/safety.md's
    /// red-flag table, help texts): "emergency care now", "a doctor today", "a doctor's appointment,
    /// not an emergency".
    public var inBrief: String {
        switch self {
        case .emergency: "emergency care now"
        case .sameDay: "a doctor today"
        case .gp: "a doctor's appointment, not an emergency"
        }
    }

    /// The tier's label before its list of symptoms: "Emergency", "Same day", "See a doctor".
    public var label: String {
        switch self {
        case .emergency: "Emergency"
        case .sameDay: "Same day"
        case .gp: "See a doctor"
        }
    }

    /// The advice tier of a red-flag tier.
    public init(_ tier: RedFlag.Tier) {
        switch tier {
        case .emergency: self = .emergency
        case .sameDay: self = .sameDay
        case .seeGP: self = .gp
        }
    }
}

/// What to do in each ``AdviceTier``, in the words of the region's own health services.
///
/// A region without words for a tier gets the generic words (``generic``), never another
/// country's numbers. Each region's words and their sources are quoted in docs/safety.md, and a
/// test compares that table with this one.
///
/// ```swift
/// RegionalAdvice(region: .canada).action(.emergency)  // "call 911 or go to the nearest emergency department now"
/// RegionalAdvice(region: nil).heading(.emergency)     // "URGENT: SEEK EMERGENCY CARE NOW"
/// ```
public struct RegionalAdvice: Sendable, Hashable {
    /// The region whose words these are; `nil` for the generic words.
    public let region: Region?

    public init(region: Region?) { self.region = region }

    /// The words for one tier: what to do, to sit inside a sentence, and the banner's heading.
    public struct Words: Sendable, Hashable {
        /// Lower case, without a full stop: "call 999 or go to A&E now".
        public let action: String
        /// Upper case, for a banner: "URGENT: SEEK EMERGENCY CARE NOW".
        public let heading: String
    }

    /// What to do, lower case and without a full stop, to sit inside a sentence.
    public func action(_ tier: AdviceTier) -> String { words(tier).action }

    /// The heading of the banner a finding of `tier` is printed in.
    public func heading(_ tier: AdviceTier) -> String { words(tier).heading }

    /// What to do and why, in full sentences: the action, then the tier's ``AdviceTier/reason``.
    public func recommendation(_ tier: AdviceTier) -> String {
        let action = action(tier)
        return action.prefix(1).uppercased() + action.dropFirst() + ". " + tier.reason
    }

    /// The heading over a tier's list of symptoms: "Emergency: call 911 or … now if you have any of these:".
    public func listHeading(_ tier: AdviceTier) -> String {
        "\(tier.label): \(action(tier)) if you have any of these:"
    }

    /// Whether the region has words of its own for `tier`, rather than the generic ones.
    public func hasOwnWords(_ tier: AdviceTier) -> Bool {
        region.flatMap { Self.table[$0.code]?[tier] } != nil
    }

    /// The words for `tier`: the region's, else the generic ones.
    public func words(_ tier: AdviceTier) -> Words {
        region.flatMap { Self.table[$0.code]?[tier] } ?? Self.generic[tier] ?? Words(action: "", heading: "")
    }

    /// The words when no region is known: the action in words, with the common emergency numbers.
    public static let generic: [AdviceTier: Words] = [
        .emergency: Words(
            action: "call your local emergency number (911 in North America, 999 in the UK, 112 in the EU, "
                + "000 in Australia) or go to the nearest emergency department now",
            heading: "URGENT: SEEK EMERGENCY CARE NOW"),
        .sameDay: Words(
            action: "ask your doctor for an urgent appointment today, or call your local health advice line",
            heading: "SEE A DOCTOR TODAY"),
        .gp: Words(
            action: "make an appointment with your doctor",
            heading: "SEE A DOCTOR: MAKE AN APPOINTMENT, NOT AN EMERGENCY"),
    ]

    /// Each region's own words, by region code; a tier left out falls back to ``generic``.
    public static let table: [String: [AdviceTier: Words]] = [
        "GB": [
            .emergency: Words(action: "call 999 or go to A&E now", heading: "URGENT: SEEK EMERGENCY CARE NOW"),
            .sameDay: Words(
                action: "ask for an urgent GP appointment today or call 111",
                heading: "SEE A DOCTOR TODAY: URGENT GP APPOINTMENT OR 111"),
            .gp: Words(
                action: "book a GP appointment",
                heading: "SEE A GP: BOOK AN APPOINTMENT, NOT AN EMERGENCY"),
        ],
        "CA": [
            .emergency: Words(
                action: "call 911 or go to the nearest emergency department now",
                heading: "URGENT: CALL 911 OR GO TO THE EMERGENCY DEPARTMENT NOW"),
            .sameDay: Words(
                action: "call your family doctor for a same-day appointment, go to a walk-in clinic, or call 811 "
                    + "(the health line in most provinces) to speak to a nurse",
                heading: "SEE A DOCTOR TODAY: FAMILY DOCTOR, WALK-IN CLINIC OR 811"),
            .gp: Words(
                action: "book an appointment with your family doctor, or go to a walk-in clinic if you have none",
                heading: "SEE A DOCTOR: BOOK A FAMILY DOCTOR APPOINTMENT, NOT AN EMERGENCY"),
        ],
        "US": [
            .emergency: Words(
                action: "call 911 or go to the emergency room now",
                heading: "URGENT: CALL 911 OR GO TO THE EMERGENCY ROOM NOW"),
            .sameDay: Words(
                action: "call your doctor now or go to urgent care today",
                heading: "SEE A DOCTOR TODAY: YOUR DOCTOR OR URGENT CARE"),
            .gp: Words(
                action: "make an appointment with your doctor",
                heading: "SEE YOUR DOCTOR: MAKE AN APPOINTMENT, NOT AN EMERGENCY"),
        ],
        "IE": [
            .emergency: Words(
                action: "call 112 or 999 or go to the nearest emergency department (ED) now",
                heading: "URGENT: CALL 112 OR 999 OR GO TO THE ED NOW"),
            .sameDay: Words(
                action: "contact your GP today, or the GP out-of-hours service when your GP is closed",
                heading: "SEE A DOCTOR TODAY: YOUR GP OR GP OUT-OF-HOURS"),
            .gp: Words(
                action: "make an appointment with your GP",
                heading: "SEE A GP: MAKE AN APPOINTMENT, NOT AN EMERGENCY"),
        ],
        "AU": [
            .emergency: Words(
                action:
                    "call triple zero (000) and ask for an ambulance, or go to the nearest emergency department now",
                heading: "URGENT: CALL 000 OR GO TO THE EMERGENCY DEPARTMENT NOW"),
            .sameDay: Words(
                action: "see your GP today, or call healthdirect on 1800 022 222 to speak to a nurse",
                heading: "SEE A DOCTOR TODAY: YOUR GP OR HEALTHDIRECT 1800 022 222"),
            .gp: Words(
                action: "make an appointment with your GP",
                heading: "SEE A GP: MAKE AN APPOINTMENT, NOT AN EMERGENCY"),
        ],
        "NZ": [
            .emergency: Words(
                action: "call 111 or go to the nearest emergency department now",
                heading: "URGENT: CALL 111 OR GO TO THE EMERGENCY DEPARTMENT NOW"),
            .sameDay: Words(
                action: "see your GP today or go to an urgent care clinic, or call Healthline on 0800 611 116",
                heading: "SEE A DOCTOR TODAY: YOUR GP, URGENT CARE OR HEALTHLINE 0800 611 116"),
            .gp: Words(
                action: "make an appointment with your GP",
                heading: "SEE A GP: MAKE AN APPOINTMENT, NOT AN EMERGENCY"),
        ],
        "EU": [
            .emergency: Words(
                action: "call 112 or go to the nearest emergency department now",
                heading: "URGENT: CALL 112 OR GO TO THE EMERGENCY DEPARTMENT NOW")
        ],
    ]
}
