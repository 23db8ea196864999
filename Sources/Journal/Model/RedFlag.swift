/// A symptom that needs a doctor rather than a physiotherapy appointment, in one of two tiers.
///
/// The ids and tiers follow the NHS back pain page (docs/safety.md): some symptoms mean
/// "call 999 or go to A&E" (``Tier/emergency``), others "ask for an urgent GP appointment or
/// call 111" (``Tier/sameDay``). Recording one with `journal checkin --red-flag ID` raises a
/// finding of its tier.
///
/// ```swift
/// try RedFlag(parsing: "leg-weakness") // .bothLegs, the id's older name
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

    /// How soon the source says to get help, and where.
    public enum Tier: String, Sendable, Hashable, CaseIterable, Comparable {
        /// Call 999 or go to A&E now.
        case emergency = "emergency"
        /// Ask for an urgent GP appointment today or call 111.
        case sameDay = "same-day"

        /// What to do, in the source's words, lower case and without a full stop, to sit inside a sentence.
        public var action: String {
            switch self {
            case .emergency: "call 999 or go to A&E now (your local emergency number outside the UK)"
            case .sameDay:
                "ask for an urgent GP appointment today or call 111 (your local urgent-care line outside the UK)"
            }
        }

        /// The tier's heading over its list of symptoms.
        public var heading: String {
            switch self {
            case .emergency: "Emergency: \(action) if you have any of these:"
            case .sameDay: "Same day: \(action) if you have any of these:"
            }
        }

        public static func < (lhs: Tier, rhs: Tier) -> Bool {
            (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
        }
    }

    /// Older ids that are still read when typed, and the flag each now names.
    public static let aliases: [String: RedFlag] = ["leg-weakness": .bothLegs]

    /// The tier the NHS puts the symptom in.
    public var tier: Tier {
        switch self {
        case .bothLegs, .saddleNumbness, .bladderBowel, .sexualFunction, .chestPain, .majorTrauma: .emergency
        case .fever, .weightLoss, .backLump, .nightPain: .sameDay
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
        }
    }

    /// The flags of one tier, in ``RedFlag`` order.
    public static func of(_ tier: Tier) -> [RedFlag] { allCases.filter { $0.tier == tier } }

    /// Reads a red-flag id or an older alias of one, or throws ``JournalError/unknownRedFlag(_:)``.
    public init(parsing text: String) throws {
        let id = String(text.trimmingWhitespace()).lowercased()
        guard let flag = RedFlag(rawValue: id) ?? Self.aliases[id] else {
            throw JournalError.unknownRedFlag(text)
        }
        self = flag
    }

    public static func < (lhs: RedFlag, rhs: RedFlag) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}
