/// A symptom that needs a doctor rather than a physiotherapy appointment, in one of three tiers.
///
/// The ids and tiers follow the NHS back pain and sciatica pages (docs/safety.md): some symptoms
/// mean "call 999 or go to A&E" (``Tier/emergency``), others "ask for an urgent GP appointment or
/// call 111" (``Tier/sameDay``), others "see a GP" (``Tier/seeGP``). Recording one with
/// `journal checkin --red-flag ID` raises a finding of its tier. The words for each tier are in
/// ``Advice``.
///
/// ```swift
/// try RedFlag(parsing: "one-leg").tier // .seeGP
/// RedFlag.fever.tier                  // .sameDay
/// ```
public enum RedFlag: String, Sendable, Hashable, CaseIterable, Comparable {
    // Emergency: call 999 or go to A&E.
    case bothLegs = "both-legs"
    case saddleNumbness = "saddle-numbness"
    case bladderBowel = "bladder-bowel"
    case sexualFunction = "sexual-function"
    case chestPain = "chest-pain"
    case majorTrauma = "major-trauma"
    // Same day: an urgent GP appointment or 111.
    case fever = "fever"
    case weightLoss = "weight-loss"
    case backLump = "back-lump"
    case nightPain = "night-pain"
    case coughSneeze = "cough-sneeze"
    case upperBack = "upper-back"
    // See a GP: not an emergency.
    case oneLeg = "one-leg"

    /// How soon the source says to get help, and where.
    public enum Tier: String, Sendable, Hashable, CaseIterable, Comparable {
        /// Emergency care now (``AdviceTier/emergency``, in the region's words).
        case emergency = "emergency"
        /// A doctor today (``AdviceTier/sameDay``).
        case sameDay = "same-day"
        /// A doctor's appointment, not an emergency (``AdviceTier/gp``).
        case seeGP = "see-gp"

        public static func < (lhs: Tier, rhs: Tier) -> Bool {
            (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
        }
    }

    /// Older ids that are refused when typed, because they name more than one flag: each with the
    /// sentence that asks which one is meant. (Journals keep their rows: v5 turned them into `both-legs`.)
    public static let retired: [String: String] = [
        "leg-weakness":
            "\"leg-weakness\" is no longer an id: weakness or numbness in both legs is both-legs "
            + "(\(AdviceTier.emergency.inBrief)); in one leg, getting worse, it is one-leg "
            + "(\(AdviceTier.gp.inBrief))."
    ]

    /// The tier the NHS puts the symptom in.
    public var tier: Tier {
        switch self {
        case .bothLegs, .saddleNumbness, .bladderBowel, .sexualFunction, .chestPain, .majorTrauma: .emergency
        case .fever, .weightLoss, .backLump, .nightPain, .coughSneeze, .upperBack: .sameDay
        case .oneLeg: .seeGP
        }
    }

    /// The symptom in plain words.
    public var symptom: String {
        switch self {
        case .bothLegs: "pain, tingling, weakness or numbness in both legs"
        case .saddleNumbness: "numbness or tingling around the genitals or buttocks"
        case .bladderBowel: "difficulty peeing, or loss of bladder or bowel control"
        case .sexualFunction: "new loss of sexual function, such as problems getting an erection"
        case .chestPain: "chest pain"
        case .majorTrauma: "back pain that started after a serious accident, such as a car accident"
        case .fever: "a high temperature, or feeling hot and shivery"
        case .weightLoss: "weight lost without trying"
        case .backLump: "a lump or swelling in the back, or the back changing shape"
        case .nightPain: "pain that does not improve after resting, or is much worse at night"
        case .coughSneeze: "pain made worse by sneezing, coughing or pooing"
        case .upperBack: "pain coming from the top of the back, between the shoulder blades"
        case .oneLeg: "sciatica, or weakness or numbness in one leg, that is getting worse"
        }
    }

    /// The flags of one tier, in ``RedFlag`` order.
    public static func of(_ tier: Tier) -> [RedFlag] { allCases.filter { $0.tier == tier } }

    /// Reads a red-flag id, or throws ``JournalError/retiredRedFlag(_:reason:)`` for an older id
    /// that names more than one flag and ``JournalError/unknownRedFlag(_:)`` for any other.
    public init(parsing text: String) throws {
        let id = String(text.trimmingWhitespace()).lowercased()
        if let reason = Self.retired[id] { throw JournalError.retiredRedFlag(text, reason: reason) }
        guard let flag = RedFlag(rawValue: id) else {
            throw JournalError.unknownRedFlag(text)
        }
        self = flag
    }

    public static func < (lhs: RedFlag, rhs: RedFlag) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}
