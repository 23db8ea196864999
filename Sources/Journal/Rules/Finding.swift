/// What a safety rule found in the journal: what happened, how serious it is, and what to do.
///
/// ```swift
/// let findings = Rules.evaluate(entries: entries, checkIns: [])
/// findings.first?.recommendation(RegionalAdvice(region: .canada))
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
        /// See a doctor today (a same-day red flag), in the region's words (``RegionalAdvice``).
        case seeDoctor = 5
        /// Seek emergency care now (an emergency red flag), in the region's words.
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
    /// What the rule itself says to do, the same in every region (a physiotherapist's advice);
    /// empty when the ``tier`` says it all.
    public var note: String
    /// The tier of help it calls for (red flags, very severe pain, a worsening trend), whose words
    /// depend on the region: ``recommendation(_:)`` composes them.
    public var tier: AdviceTier?

    /// `note` is what the rule says to do in every region; `tier`, the help whose words the region gives.
    public init(
        rule: String, severity: Severity, entryID: Int64? = nil, checkInID: Int64? = nil, exerciseID: String?,
        performedAt: Int64, utcOffset: Int, message: String, note: String, tier: AdviceTier? = nil
    ) {
        self.rule = rule
        self.severity = severity
        self.entryID = entryID
        self.checkInID = checkInID
        self.exerciseID = exerciseID
        self.performedAt = performedAt
        self.utcOffset = utcOffset
        self.message = message
        self.note = note
        self.tier = tier
    }

    /// What to do about it, in the words of `advice`'s region: the rule's ``note``, then the
    /// ``tier``'s ``RegionalAdvice/recommendation(_:)``.
    public func recommendation(_ advice: RegionalAdvice) -> String {
        ([note] + [tier.map(advice.recommendation)].compactMap { $0 }).filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// What to do, as ``recommendation(_:)``, with the exercise called `name`: a report's list of
    /// what to do says it once, as "Stop doing EXERCISE and …", for every finding that says the same.
    ///
    /// The rules whose note names the exercise (`repeated`, `high-pain`, `more-pain`) write it
    /// again with `name`, from the one place each keeps its words; any other is as it is.
    ///
    /// ```swift
    /// finding.recommendation(RegionalAdvice(region: nil), naming: "EXERCISE")
    /// // "Stop doing EXERCISE and see a physiotherapist before you continue with it."
    /// ```
    public func recommendation(_ advice: RegionalAdvice, naming name: String) -> String {
        var named = self
        if exerciseID != nil {
            switch rule {
            case RepeatedRule.id: named.note = RepeatedRule.note(name)
            case HighPainRule.id: named.note = HighPainRule.note(name)
            case MorePainRule.id: named.note = MorePainRule.note(name)
            default: break
            }
        }
        return named.recommendation(advice)
    }

    /// What it is about, for people: the exercise id, "check-in", or "pain trend".
    public var subject: String {
        exerciseID ?? (checkInID != nil ? "check-in" : "pain trend")
    }

    /// When it happened, on the person's clock.
    public var localTime: LocalDateTime { LocalDateTime(unixSeconds: performedAt, utcOffset: utcOffset) }
}
