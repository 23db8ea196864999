/// `journal delete --json` and `journal checkins delete --json`: `deleted`, the records deleted, as
/// `list --json` or `checkins --json` writes them (`[]` when the person answered no).
///
/// ```json
/// {"deleted": [{"id": 2, "exercise": "glute-bridge", "performed_at": "2026-11-20T07:30:00+00:00", …}]}
/// ```
public struct DeletedJSON<Record: Encodable & Sendable>: Encodable, Sendable {
    public var deleted: [Record]
    /// `delete`: the holds it lifted, as `journal undo --json`'s `holds_lifted` (``HoldJSON``).
    public var holdsLifted: [HoldJSON]?
    /// `checkins delete`: the red flags no doctor had seen that went with the check-ins (``FindingJSON``).
    public var redFlagsLifted: [FindingJSON]?

    public init(_ deleted: [Record], holdsLifted: [Hold]? = nil, redFlagsLifted: [FindingJSON]? = nil) {
        self.deleted = deleted
        self.holdsLifted = holdsLifted?.map(HoldJSON.init)
        self.redFlagsLifted = redFlagsLifted
    }

    enum CodingKeys: String, CodingKey {
        case deleted
        case holdsLifted = "holds_lifted"
        case redFlagsLifted = "red_flags_lifted"
    }
}

/// `journal plan set --json`: `plan_item` (as `plan --json` writes it: today's dose on top, those set
/// ahead under `coming`), `changed` (false when the
/// plan already stood so), `order` (its place in the plan's order now, 1 first) and `previous_order`
/// (its place before, `null` when it was not in the plan) and `replaced`: the doses set for the
/// new one's start day (earlier that day) or a later one that it replaced, oldest first, each with `sets`, `reps`,
/// `hold_seconds`, `per_week` and `since` (`[]` for none).
public struct PlanSetJSON: Encodable, Sendable {
    public var plan_item: PlanItemJSON
    public var changed: Bool
    public var order: Int
    public var previous_order: Int?
    public var replaced: [PlanItem]

    /// The plan item as `plan --json` shows it on `today`.
    public init(_ item: PlanItem, _ setting: PlanSetting, today: LocalDate) {
        plan_item = PlanItemJSON(item, today: today)
        changed = setting.changed
        order = setting.place
        previous_order = setting.previousPlace
        replaced = setting.replaced
    }

    enum Keys: String, CodingKey { case plan_item, changed, order, previous_order, replaced }

    /// Every key, `previous_order` `null` for an exercise new to the plan.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(plan_item, forKey: .plan_item)
        try container.encode(changed, forKey: .changed)
        try container.encode(order, forKey: .order)
        try container.encode(previous_order, forKey: .previous_order)
        try container.encode(replaced.map(PlanItemJSON.Dose.init), forKey: .replaced)
    }
}

/// `journal plan remove --json`: `exercise` and `removed`, its plan item as it was (as `plan --json`
/// writes it), `null` when it was not in the plan.
public struct PlanRemovedJSON: Encodable, Sendable {
    public var exercise: String
    public var removed: PlanItemJSON?

    /// The item removed as `plan --json` showed it on `today`.
    public init(exercise: String, removed: PlanItem?, today: LocalDate) {
        self.exercise = exercise
        self.removed = removed.map { PlanItemJSON($0, today: today) }
    }

    enum Keys: String, CodingKey { case exercise, removed }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(exercise, forKey: .exercise)
        try container.encode(removed, forKey: .removed)
    }
}

/// `journal exercises edit --json`: the exercise `before` and `after` (as `exercises show --json`
/// writes it) and `changed`, false when the values given were those it had (nothing written).
public struct ExerciseEditJSON: Encodable, Sendable {
    public var before: ExerciseJSON
    public var after: ExerciseJSON
    public var changed: Bool

    public init(before: Exercise, after: Exercise, changed: Bool) {
        self.before = ExerciseJSON(before)
        self.after = ExerciseJSON(after)
        self.changed = changed
    }
}

/// `journal config set --json` and `config unset --json`: `region`, the region in force afterwards
/// (the object `config get region --json` prints), and `changed`, false when the journal already had
/// that region (or none, for unset).
public struct SettingChangeJSON: Encodable, Sendable {
    public var region: RegionJSON
    public var changed: Bool

    public init(region: RegionSetting, changed: Bool) {
        self.region = RegionJSON(region)
        self.changed = changed
    }
}

/// `journal backup --json`: `path` (the copy made, as printed without `--json`) and `encrypted`.
public struct BackupJSON: Encodable, Sendable {
    public var path: String
    public var encrypted: Bool

    public init(path: String, encrypted: Bool) {
        self.path = path
        self.encrypted = encrypted
    }
}

/// `journal session --json`: `logged`, each entry saved, in order, as `log --json` writes it (entry,
/// findings, paused, hold, region), and `skipped`, the ids of the exercises not done (skipped, on
/// hold, or left when the session ended).
public struct SessionJSON: Encodable, Sendable {
    public var logged: [LoggedJSON]
    public var skipped: [String]

    public init(logged: [LoggedEntry], skipped: [String], advice: RegionalAdvice) {
        self.logged = logged.map { LoggedJSON($0, advice: advice) }
        self.skipped = skipped
    }
}
