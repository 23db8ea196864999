/// What a safety rule found in the journal: what happened, how serious it is, and what to do.
///
/// ```swift
/// let findings = Rules.evaluate(entries: entries, checkIns: [])
/// findings.first?.recommendation
/// // "Stop doing glute-bridge and see a physiotherapist before you continue with it."
/// ```
public struct Finding: Sendable, Hashable {
    /// How serious a finding is; findings are shown most severe first.
    public enum Severity: Int, Sendable, Hashable, Comparable, CaseIterable, CustomStringConvertible {
        /// Do less and talk to a physiotherapist.
        case caution = 2
        /// Book a GP appointment; not an emergency (the see-GP tier).
        case seeGP = 3
        /// Stop the exercise and see a physiotherapist before continuing.
        case stop = 4
        /// See a doctor today: ask for an urgent GP appointment or call 111 (a same-day red flag).
        case seeDoctor = 5
        /// Seek emergency care now: call 999 or go to A&E (an emergency red flag).
        case urgent = 6

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rawValue < rhs.rawValue }

        public var description: String {
            switch self {
            case .caution: "caution"
            case .seeGP: "see-gp"
            case .stop: "stop"
            case .seeDoctor: "see-doctor"
            case .urgent: "urgent"
            }
        }
    }

    /// The rule's id, such as `more-pain` (docs/safety.md lists them with their sources).
    public var rule: String
    public var severity: Severity
    /// The entry that triggered it, if an entry did.
    public var entryID: Int64?
    /// The check-in that triggered it, if a check-in did.
    public var checkInID: Int64?
    /// The exercise concerned, if one is.
    public var exerciseID: String?
    /// When the triggering entry or check-in happened (Unix seconds, UTC).
    public var performedAt: Int64
    public var utcOffset: Int
    /// What happened, in one plain sentence.
    public var message: String
    /// What to do about it.
    public var recommendation: String

    public init(
        rule: String, severity: Severity, entryID: Int64? = nil, checkInID: Int64? = nil, exerciseID: String?,
        performedAt: Int64, utcOffset: Int, message: String, recommendation: String
    ) {
        self.rule = rule
        self.severity = severity
        self.entryID = entryID
        self.checkInID = checkInID
        self.exerciseID = exerciseID
        self.performedAt = performedAt
        self.utcOffset = utcOffset
        self.message = message
        self.recommendation = recommendation
    }

    /// What it is about, for people: the exercise id, "check-in", or "pain trend".
    public var subject: String {
        exerciseID ?? (checkInID != nil ? "check-in" : "pain trend")
    }

    /// When it happened, on the person's clock.
    public var localTime: LocalDateTime { LocalDateTime(unixSeconds: performedAt, utcOffset: utcOffset) }
}
