/// The safety guidance in plain words, with its sources: what `journal safety` prints and
/// docs/safety.md explains at length.
public enum SafetyGuide {
    /// A cited source.
    public struct Source: Sendable, Hashable {
        public let key: String
        public let citation: String
    }

    /// One rule as a person reads it.
    public struct RuleText: Sendable, Hashable {
        public let id: String
        public let severity: Finding.Severity
        public let when: String
        /// What the rule itself says to do, the same in every region; empty when the tier says it all.
        public let note: String
        /// The tier of help whose words the region gives, if any.
        public var tier: AdviceTier? = nil
        public let sources: [String]

        /// What to do, in the words of `advice`'s region: the note, then the tier's recommendation.
        public func whatToDo(_ advice: RegionalAdvice) -> String {
            ([note] + [tier.map(advice.recommendation)].compactMap { $0 }).filter { !$0.isEmpty }
                .joined(separator: " ")
        }
    }

    public static let disclaimer =
        "journal keeps a record and repeats what its sources say. It does not diagnose, and it is "
        + "not medical advice: if you are worried about your back, talk to a physiotherapist or doctor."

    public static let sources: [Source] = [
        Source(
            key: "clinic",
            citation: "Inertia Physio+, \"The Best Physiotherapy Exercises for Lower Back Pain\" "
                + "(Sarah Peters, January 2024): the exercises and their safety guidance."),
        Source(
            key: "pain-monitoring",
            citation: "Thomeé R. A comprehensive treatment approach for patellofemoral pain syndrome in young "
                + "women. Phys Ther 1997;77:1690-1703; Silbernagel KG et al. Continued sports activity, using "
                + "a pain-monitoring model, during rehabilitation in patients with Achilles tendinopathy. "
                + "Am J Sports Med 2007;35:897-906. (Developed for knee and tendon rehabilitation, not for "
                + "low back pain.)"),
        Source(
            key: "mic",
            citation: "Ostelo RW et al. Interpreting change scores for pain and functional status in low back "
                + "pain: towards international consensus regarding minimal important change. "
                + "Spine 2008;33:90-94."),
        Source(
            key: "red-flags",
            citation: "NHS, \"Back pain\" (when to call 999 or go to A&E, when to ask for an urgent GP "
                + "appointment or call 111, and when to see a GP), \"Sciatica\" and \"Cauda equina syndrome\"; NICE guideline "
                + "NG59, Low back pain and sciatica in over 16s (2016, updated 2020), and NICE CKS, "
                + "\"Back pain - low (without radiculopathy)\": red flags for serious spinal pathology."),
    ]

    /// Every rule, most severe first; `red-flag` comes once for each ``RedFlag/Tier``.
    public static let rules: [RuleText] = [
        RuleText(
            id: RedFlagRule.id, severity: RedFlagRule.severity(of: .emergency),
            when: "You record an emergency red-flag symptom with a check-in (the list follows).",
            note: "", tier: .emergency, sources: ["red-flags"]),
        RuleText(
            id: RedFlagRule.id, severity: RedFlagRule.severity(of: .sameDay),
            when: "You record a same-day red-flag symptom with a check-in (the list follows).",
            note: "", tier: .sameDay, sources: ["red-flags"]),
        RuleText(
            id: RedFlagRule.id, severity: RedFlagRule.severity(of: .seeGP),
            when:
                "You record a red-flag symptom that needs a doctor, not an emergency, with a check-in (the list follows).",
            note: "", tier: .gp, sources: ["red-flags"]),
        RuleText(
            id: SeverePainRule.id, severity: .seeGP,
            when: "A check-in (pain at rest) is \(Thresholds.severeRestPainFrom) out of 10 or more: very severe.",
            note: "", tier: .gp, sources: ["red-flags"]),
        RuleText(
            id: RepeatedRule.id, severity: .stop,
            when:
                "Pain rose in \(Thresholds.repeatedCount) of an exercise's last \(Thresholds.repeatedWindow) sessions.",
            note: "Keep that exercise on hold until a physiotherapist has assessed you. After any stop, "
                + "the exercise stays on hold (journal reminds you when you log it) until you record the "
                + "review with `journal resume EXERCISE`.",
            sources: ["clinic"]),
        RuleText(
            id: HighPainRule.id, severity: .stop,
            when: "Pain after an exercise is above \(Thresholds.highPainAbove) out of 10, even if it did not rise "
                + "(in the pain-monitoring model, 0-2 is safe, 3-5 acceptable, above 5 high risk; a model from "
                + "knee and Achilles rehabilitation, not from low back pain).",
            note: "Stop that exercise and talk to a physiotherapist before you continue with it.",
            sources: ["pain-monitoring"]),
        RuleText(
            id: MorePainRule.id, severity: .stop,
            when: "Pain after an exercise is higher than before it, by any amount.",
            note: "Stop that exercise and see a physiotherapist before you continue with it.",
            sources: ["clinic"]),
        RuleText(
            id: NextMorningRule.id, severity: .caution,
            when: "A check-in the morning after exercise (before \(Thresholds.morningEndsAtHour):00) shows more pain "
                + "than you had before that day's first exercise.",
            note: "The load was probably too much: do less, and talk to a physiotherapist about it.",
            sources: ["pain-monitoring"]),
        RuleText(
            id: WorseningRule.id, severity: .seeGP,
            when: "Mean pain before exercise over the last \(Thresholds.worseningDays) days is worse than the "
                + "\(Thresholds.worseningDays) days before by at least \(Thresholds.minimalImportantChangePoints) "
                + "points or \(Thresholds.minimalImportantChangePercent)%.",
            note: "Contact a physiotherapist.", tier: .gp,
            sources: ["mic"]),
    ]
}
