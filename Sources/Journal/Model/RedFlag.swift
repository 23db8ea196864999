/// A symptom that needs urgent medical care rather than a physiotherapy appointment.
///
/// From NHS and NICE guidance on cauda equina syndrome and serious spinal pathology
/// (docs/safety.md). Recording one with `journal checkin --red-flag ID` raises an urgent finding.
public enum RedFlag: String, Sendable, Hashable, CaseIterable, Comparable {
    case bladderBowel = "bladder-bowel"
    case saddleNumbness = "saddle-numbness"
    case legWeakness = "leg-weakness"
    case fever = "fever"
    case weightLoss = "weight-loss"
    case majorTrauma = "major-trauma"

    /// The symptom in plain words.
    public var symptom: String {
        switch self {
        case .bladderBowel: "new difficulty passing urine, or loss of bladder or bowel control"
        case .saddleNumbness: "numbness in the saddle area (groin, genitals or buttocks)"
        case .legWeakness: "new weakness or numbness in both legs, or leg weakness that is getting worse"
        case .fever: "back pain with a fever"
        case .weightLoss: "unexplained weight loss"
        case .majorTrauma: "back pain after a major fall or accident"
        }
    }

    /// Reads a red-flag id, or throws ``JournalError/unknownRedFlag(_:)``.
    public init(parsing text: String) throws {
        guard let flag = RedFlag(rawValue: String(text.trimmingWhitespace()).lowercased()) else {
            throw JournalError.unknownRedFlag(text)
        }
        self = flag
    }

    public static func < (lhs: RedFlag, rhs: RedFlag) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}
