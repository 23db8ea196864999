/// `journal exercises --json`: id, name, category, per_side, measure, how_to (what `journal
/// exercises show ID` prints), how_to_source (whose words those are: `catalogue` for a built-in
/// exercise, `yours` for the text given with `--how-to`, `none` when an exercise of your own has
/// none and how_to is journal's reminder that your physiotherapist's instructions apply), custom,
/// archived (true only for an archived exercise of your own, which `journal exercises show ID` still shows).
public struct ExerciseJSON: Encodable, Sendable {
    public var id: String
    public var name: String
    public var category: String
    public var per_side: Bool
    public var measure: String
    public var how_to: String
    public var how_to_source: String
    public var custom: Bool
    public var archived: Bool

    public init(_ exercise: Exercise, archived: Bool = false) {
        id = exercise.id
        name = exercise.name
        category = exercise.category.rawValue
        per_side = exercise.perSide
        measure = exercise.measure.rawValue
        how_to = exercise.howTo
        how_to_source = !exercise.isCustom ? "catalogue" : exercise.givenHowTo == nil ? "none" : "yours"
        custom = exercise.isCustom
        self.archived = archived
    }
}

/// `journal exercises remove --json`: the exercise's `id`, whether it was `archived` (entries use it)
/// rather than removed, `entries` (how many use it, 0 when it is gone), what went with it —
/// `plan_items` (its plan item, as `plan --json` writes it; `[]` when it was not planned) and
/// `review_ids` (the physiotherapist's reviews of it, removed with it) — and `message`, the sentence
/// printed without `--json`.
public struct ExerciseRemovalJSON: Encodable, Sendable {
    public var id: String
    public var archived: Bool
    public var entries: Int
    public var plan_items: [PlanItemJSON]
    public var review_ids: [Int64]
    public var message: String

    /// The plan item as `plan --json` showed it on `today`.
    public init(id: String, _ removal: ExerciseRemoval, message: String, today: LocalDate) {
        self.id = id
        archived = removal.archived
        entries = removal.entries
        plan_items = removal.planItem.map { [PlanItemJSON($0, today: today)] } ?? []
        review_ids = removal.reviewIDs
        self.message = message
    }
}

/// The region in force as `--json` prints it: `journal config get region --json`, and `region` in
/// `journal safety --json`.
public struct RegionJSON: Encodable, Sendable {
    /// The code in force (`CA`), `null` for the generic words.
    public let region: String?
    /// Its name: "Canada"; `null` with no region.
    public let name: String?
    /// `environment`, `config`, `locale` or `none`.
    public let source: String
    /// Where it comes from, in a sentence.
    public let explanation: String
    /// The journal's setting, whether or not it is in force (one this version does not know, set
    /// aside, too); `null` when none is set.
    public let stored: String?
    /// The locale variable consulted (`LANG=en_CA.UTF-8`) when the region comes from it or none does.
    public let locale: String?

    enum Keys: String, CodingKey { case region, name, source, explanation, stored, locale }

    /// Every key, `null` when it has no value, so that a script finds each one.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(region, forKey: .region)
        try container.encode(name, forKey: .name)
        try container.encode(source, forKey: .source)
        try container.encode(explanation, forKey: .explanation)
        try container.encode(stored, forKey: .stored)
        try container.encode(locale, forKey: .locale)
    }

    public init(_ setting: RegionSetting) {
        region = setting.region?.code
        name = setting.region?.name
        source = setting.source.id
        explanation = setting.explanation
        stored = setting.stored ?? setting.setAside
        switch setting.source {
        case .locale(let variable, let value): locale = "\(variable)=\(value)"
        case .none(let consulted): locale = consulted.map { "\($0.variable)=\($0.value)" }
        case .environment, .journal: locale = nil
        }
    }
}

/// `journal safety --json`: `red_flags`, `red_flag_tiers`, `region` (``RegionJSON``) and `advice`
/// (each tier in the region's words); without `--red-flags`, also `rules`, `sources` and `disclaimer`.
public struct SafetyJSON: Encodable, Sendable {
    public struct RedFlagJSON: Encodable, Sendable {
        public let id: String
        public let symptom: String
        /// `emergency`, `same-day` or `see-gp`.
        public let tier: String
    }
    public struct TierJSON: Encodable, Sendable {
        public let id: String
        /// The severity of the finding its flags raise: `urgent`, `see-doctor` or `see-gp`.
        public let severity: String
        public let what_to_do: String
    }
    public struct RuleJSON: Encodable, Sendable {
        public let id: String
        public let severity: String
        public let when: String
        public let what_to_do: String
        public let sources: [String]
    }
    public struct SourceJSON: Encodable, Sendable {
        public let key: String
        public let citation: String
    }

    /// One tier of advice in the region's words.
    public struct AdviceJSON: Encodable, Sendable {
        /// `emergency`, `same-day` or `gp`.
        public let tier: String
        /// The severity id of a finding in the tier: `urgent`, `see-doctor`, `see-gp`.
        public let severity: String
        public let action: String
        public let heading: String
        public let recommendation: String
    }

    public let red_flags: [RedFlagJSON]
    public let red_flag_tiers: [TierJSON]
    public let rules: [RuleJSON]?
    public let sources: [SourceJSON]?
    public let disclaimer: String?
    /// The region in force and why.
    public let region: RegionJSON
    /// Each tier of advice, in the region's words.
    public let advice: [AdviceJSON]

    public init(redFlagsOnly: Bool, setting: RegionSetting) {
        let words = setting.advice
        red_flags = RedFlag.allCases.map { RedFlagJSON(id: $0.rawValue, symptom: $0.symptom, tier: $0.tier.rawValue) }
        red_flag_tiers = RedFlag.Tier.allCases.map {
            TierJSON(
                id: $0.rawValue, severity: RedFlagRule.severity(of: $0).description,
                what_to_do: words.action(AdviceTier($0)))
        }
        rules =
            redFlagsOnly
            ? nil
            : SafetyGuide.rules.map {
                RuleJSON(
                    id: $0.id, severity: $0.severity.description, when: $0.when,
                    what_to_do: $0.whatToDo(words), sources: $0.sources)
            }
        region = RegionJSON(setting)
        advice = AdviceTier.allCases.map {
            AdviceJSON(
                tier: $0.rawValue, severity: $0.severityID, action: words.action($0), heading: words.heading($0),
                recommendation: words.recommendation($0))
        }
        sources = redFlagsOnly ? nil : SafetyGuide.sources.map { SourceJSON(key: $0.key, citation: $0.citation) }
        disclaimer = redFlagsOnly ? nil : SafetyGuide.disclaimer
    }
}
