/// What a safety rule found in the journal: what happened, how serious it is, and what to do.
///
/// ```swift
/// let findings = Rules.evaluate(entries)
/// findings.first?.recommendation
/// // "Stop doing glute-bridge and see a physiotherapist before you continue with it."
/// ```
public struct Finding: Sendable, Hashable {
    /// How serious a finding is; findings are shown most severe first.
    public enum Severity: Int, Sendable, Hashable, Comparable, CaseIterable, CustomStringConvertible {
        /// Stop the exercise and see a physiotherapist before continuing.
        case stop = 3

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rawValue < rhs.rawValue }

        public var description: String {
            switch self {
            case .stop: "stop"
            }
        }
    }

    /// The rule's id, such as `more-pain` (docs/safety.md lists them with their sources).
    public var rule: String
    public var severity: Severity
    /// The entry that triggered it.
    public var entryID: Int64?
    public var exerciseID: String
    public var performedAt: Int64
    public var utcOffset: Int
    /// What happened, in one plain sentence.
    public var message: String
    /// What to do about it.
    public var recommendation: String

    public init(
        rule: String, severity: Severity, entryID: Int64?, exerciseID: String, performedAt: Int64,
        utcOffset: Int, message: String, recommendation: String
    ) {
        self.rule = rule
        self.severity = severity
        self.entryID = entryID
        self.exerciseID = exerciseID
        self.performedAt = performedAt
        self.utcOffset = utcOffset
        self.message = message
        self.recommendation = recommendation
    }

    /// When the triggering entry was done, on the person's clock.
    public var localTime: LocalDateTime { LocalDateTime(unixSeconds: performedAt, utcOffset: utcOffset) }
}
