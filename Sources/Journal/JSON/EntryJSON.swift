/// The JSON object for one entry, as `journal list --json` prints it.
///
/// Keys, in this order: id, exercise, performed_at (ISO 8601 with offset), sets,
/// reps, hold_seconds, side, pain_before, pain_after, note; absent values are `null`.
/// With `includeDerived`, also pain_change and flagged (exports); with `includeRecordedAt`, also
/// recorded_at, when it was recorded (the full export: ``JournalExport/recordedAtText(_:)``). With
/// `namedByUID` (`export --all --no-aliases`), `uid` and `recorded` (the reading that recorded it)
/// in place of `id`, the alias that differs from device to device.
///
/// ```json
/// {"id": 1, "exercise": "glute-bridge", "performed_at": "2026-11-20T07:30:00+01:00",
///  "sets": 3, "reps": 10, "hold_seconds": null, "side": null,
///  "pain_before": 4, "pain_after": 3, "note": null}
/// ```
public struct EntryJSON: Encodable, Sendable {
    public var entry: Entry
    public var includeDerived: Bool
    public var includeRecordedAt: Bool
    /// Named by its uid, with its reading, not by its alias (`export --all --no-aliases`).
    public var namedByUID: Bool

    public init(
        _ entry: Entry, includeDerived: Bool = false, includeRecordedAt: Bool = false, namedByUID: Bool = false
    ) {
        self.entry = entry
        self.includeDerived = includeDerived
        self.includeRecordedAt = includeRecordedAt
        self.namedByUID = namedByUID
    }

    enum Keys: String, CodingKey {
        case id, exercise, performed_at, sets, reps, hold_seconds, side, pain_before, pain_after, note
        case pain_change, flagged, recorded_at, uid, recorded
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        if namedByUID {
            try container.encode(entry.uid, forKey: .uid)
            try container.encode(entry.recorded, forKey: .recorded)
        } else {
            try container.encode(entry.id, forKey: .id)
        }
        try container.encode(entry.exerciseID, forKey: .exercise)
        try container.encode(entry.localTime.iso8601, forKey: .performed_at)
        try container.encode(entry.sets, forKey: .sets)
        try container.encode(entry.reps, forKey: .reps)
        try container.encode(entry.holdSeconds, forKey: .hold_seconds)
        try container.encode(entry.side?.rawValue, forKey: .side)
        try container.encode(entry.painBefore.value, forKey: .pain_before)
        try container.encode(entry.painAfter.value, forKey: .pain_after)
        try container.encode(entry.note, forKey: .note)
        if includeDerived {
            try container.encode(entry.painChange, forKey: .pain_change)
            try container.encode(Rules.isFlagged(entry), forKey: .flagged)
        }
        if includeRecordedAt {
            try container.encode(JournalExport.recordedAtText(entry.createdAt), forKey: .recorded_at)
        }
    }
}

/// The JSON object for one finding.
///
/// Keys: rule, severity, entry_id, checkin_id, exercise, performed_at, message, recommendation
/// (entry_id, checkin_id and exercise are null when the finding is not about one), advice (what
/// to do for its tier in the region's words, null for a finding with no tier) and region (the code
/// of the region in force, null for the generic words).
public struct FindingJSON: Encodable, Sendable {
    public var finding: Finding
    /// The words of the region in force.
    public var advice: RegionalAdvice

    public init(_ finding: Finding, advice: RegionalAdvice) {
        self.finding = finding
        self.advice = advice
    }

    enum Keys: String, CodingKey {
        case rule, severity, entry_id, checkin_id, exercise, performed_at, message, recommendation, advice, region
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(finding.rule, forKey: .rule)
        try container.encode(finding.severity.description, forKey: .severity)
        try container.encode(finding.entryID, forKey: .entry_id)
        try container.encode(finding.checkInID, forKey: .checkin_id)
        try container.encode(finding.exerciseID, forKey: .exercise)
        try container.encode(finding.localTime.iso8601, forKey: .performed_at)
        try container.encode(finding.message, forKey: .message)
        try container.encode(finding.recommendation(advice), forKey: .recommendation)
        try container.encode(finding.tier.map(advice.action), forKey: .advice)
        try container.encode(advice.region?.code, forKey: .region)
    }
}

/// A hold as JSON: `exercise`, `since` (the local time of the session that began it), `rule`,
/// `entry_id`.
public struct HoldJSON: Encodable, Sendable {
    public var hold: Hold

    public init(_ hold: Hold) { self.hold = hold }

    enum Keys: String, CodingKey { case exercise, since, rule, entry_id }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(hold.exerciseID, forKey: .exercise)
        try container.encode(hold.since.localTime.iso8601, forKey: .since)
        try container.encode(hold.since.rule, forKey: .rule)
        try container.encode(hold.session.id, forKey: .entry_id)
    }
}

/// A check-in as JSON: `id`, `performed_at`, `pain`, `red_flags` (an array of ids), `note`; with
/// `includeRecordedAt` (the full export), also `recorded_at`, when it was recorded.
///
/// With a `uid` (`export --all --no-aliases`), `uid` and `recorded` (the reading that recorded it) in place of `id`.
public struct CheckInJSON: Encodable, Sendable {
    public var checkIn: CheckIn
    public var includeRecordedAt: Bool
    /// The check-in's uid, which names it in place of its alias (`export --all --no-aliases`).
    public var uid: String?

    public init(_ checkIn: CheckIn) { self.init(checkIn, includeRecordedAt: false) }

    public init(_ checkIn: CheckIn, includeRecordedAt: Bool, uid: String? = nil) {
        self.checkIn = checkIn
        self.includeRecordedAt = includeRecordedAt
        self.uid = uid
    }

    enum Keys: String, CodingKey { case id, performed_at, pain, note, red_flags, recorded_at, uid, recorded }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        if let uid {
            try container.encode(uid, forKey: .uid)
            try container.encode(checkIn.recorded, forKey: .recorded)
        } else {
            try container.encode(checkIn.id, forKey: .id)
        }
        try container.encode(checkIn.localTime.iso8601, forKey: .performed_at)
        try container.encode(checkIn.pain.value, forKey: .pain)
        try container.encode(checkIn.note, forKey: .note)
        try container.encode(checkIn.redFlags.map(\.rawValue), forKey: .red_flags)
        if includeRecordedAt {
            try container.encode(JournalExport.recordedAtText(checkIn.createdAt), forKey: .recorded_at)
        }
    }
}

/// A physiotherapist's review as JSON: `id`, `exercise`, `reviewed_at`, `note`, and
/// `through_entry_id`, the newest entry when it was recorded (it covers no session recorded later);
/// with `includeRecordedAt` (the full export), also `recorded_at`, when it was recorded.
///
/// With a `uid` (`export --all --no-aliases`), `uid` and `seen` (what it had seen: each replica's
/// latest reading, an object) in place of `id` and `through_entry_id`.
public struct ReviewJSON: Encodable, Sendable {
    public var review: Review
    public var includeRecordedAt: Bool
    /// The review's uid, which names it in place of its alias (`export --all --no-aliases`).
    public var uid: String?

    public init(_ review: Review) { self.init(review, includeRecordedAt: false) }

    public init(_ review: Review, includeRecordedAt: Bool, uid: String? = nil) {
        self.review = review
        self.includeRecordedAt = includeRecordedAt
        self.uid = uid
    }

    enum Keys: String, CodingKey { case id, exercise, reviewed_at, note, through_entry_id, recorded_at, uid, seen }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        if let uid {
            try container.encode(uid, forKey: .uid)
            try container.encode(Review.Mark.readings(review.seen), forKey: .seen)
        } else {
            try container.encode(review.id, forKey: .id)
            try container.encode(review.throughEntryID, forKey: .through_entry_id)
        }
        try container.encode(review.exerciseID, forKey: .exercise)
        try container.encode(review.localTime.iso8601, forKey: .reviewed_at)
        try container.encode(review.note, forKey: .note)
        if includeRecordedAt {
            try container.encode(JournalExport.recordedAtText(review.createdAt), forKey: .recorded_at)
        }
    }
}

/// A record that a doctor has seen the red flags (`journal resume --red-flags`) as JSON, as a full
/// export lists them: `id`, `reviewed_at`, `note`, `through_checkin_id` (the newest check-in then);
/// with `includeRecordedAt` (the full export), also `recorded_at`, when it was recorded.
///
/// With a `uid` (`export --all --no-aliases`), `uid` and `seen` (what it had seen: each replica's
/// latest reading, an object) in place of `id` and `through_checkin_id`.
public struct RedFlagReviewJSON: Encodable, Sendable {
    public var review: RedFlagReview
    public var includeRecordedAt: Bool
    /// The record's uid, which names it in place of its alias (`export --all --no-aliases`).
    public var uid: String?

    public init(_ review: RedFlagReview) { self.init(review, includeRecordedAt: false) }

    public init(_ review: RedFlagReview, includeRecordedAt: Bool, uid: String? = nil) {
        self.review = review
        self.includeRecordedAt = includeRecordedAt
        self.uid = uid
    }

    enum Keys: String, CodingKey { case id, reviewed_at, note, through_checkin_id, recorded_at, uid, seen }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        if let uid {
            try container.encode(uid, forKey: .uid)
            try container.encode(Review.Mark.readings(review.seen), forKey: .seen)
        } else {
            try container.encode(review.id, forKey: .id)
            try container.encode(review.throughCheckInID, forKey: .through_checkin_id)
        }
        try container.encode(review.localTime.iso8601, forKey: .reviewed_at)
        try container.encode(review.note, forKey: .note)
        if includeRecordedAt {
            try container.encode(JournalExport.recordedAtText(review.createdAt), forKey: .recorded_at)
        }
    }
}

/// One of the journal's settings as JSON, as a full export lists them: `name` and `value`.
public struct SettingJSON: Encodable, Sendable {
    public var name: String
    public var value: String
}

/// One of the person's own exercises as JSON, as a full export lists them: `id`, `name`,
/// `category`, `per_side`, `measure`, `archived`, `how_to` (null when the person gave none).
public struct OwnExerciseJSON: Encodable, Sendable {
    public var exercise: Exercise
    /// Whether it is archived: kept for its entries, no longer offered.
    public var archived: Bool

    public init(_ exercise: Exercise, archived: Bool) {
        self.exercise = exercise
        self.archived = archived
    }

    enum Keys: String, CodingKey { case id, name, category, per_side, measure, archived, how_to }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(exercise.id, forKey: .id)
        try container.encode(exercise.name, forKey: .name)
        try container.encode(exercise.category.rawValue, forKey: .category)
        try container.encode(exercise.perSide, forKey: .per_side)
        try container.encode(exercise.measure.rawValue, forKey: .measure)
        try container.encode(archived, forKey: .archived)
        try container.encode(exercise.givenHowTo, forKey: .how_to)
    }
}

/// One exercise of the plan as JSON, as `journal plan --json` and a full export write it: `exercise`,
/// `sets`, `reps`, `hold_seconds`, `per_week`, `since` (the day this dose began; null when absent),
/// and `earlier`: the exercise's earlier doses, oldest first, each with `sets`, `reps`,
/// `hold_seconds`, `per_week` and `since` (``PlanItem/earlier``; `[]` for none).
///
/// On a screen (``init(_:today:)``: `plan --json`, and every other command's `--json` that carries
/// a plan item: `plan set`'s `plan_item`, `plan remove`'s `removed`, `undo`'s and `exercises
/// remove`'s `plan_items`), the dose at the top is the one shown for that day
/// (``PlanItem/shown(on:)``: never a dose set ahead while another is in force), `earlier` holds the
/// doses before it and `coming` those set ahead of it (``PlanItem/coming(after:)``, oldest first,
/// `[]` for none). A full export (``init(exported:)``, which import reads back) puts the latest dose
/// at the top and every other under `earlier`, with no `coming`.
public struct PlanItemJSON: Encodable, Sendable {
    public var item: PlanItem
    public var today: LocalDate?

    /// The item as a screen shows it on `today`.
    public init(_ item: PlanItem, today: LocalDate) {
        self.item = item
        self.today = today
    }

    /// The item as a full export writes it: the latest dose at the top.
    public init(exported item: PlanItem) {
        self.item = item
        self.today = nil
    }

    enum Keys: String, CodingKey { case exercise, sets, reps, hold_seconds, per_week, since, earlier, coming }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(item.exerciseID, forKey: .exercise)
        guard let today else {
            try encodeDose(item, into: &container)
            try container.encode(item.earlier.map(Dose.init), forKey: .earlier)
            return
        }
        try encodeDose(item.shown(on: today), into: &container)
        try container.encode(item.past(on: today).map(Dose.init), forKey: .earlier)
        try container.encode(item.coming(after: today).map(Dose.init), forKey: .coming)
    }

    /// One dose without its exercise: `sets`, `reps`, `hold_seconds`, `per_week`, `since`.
    struct Dose: Encodable {
        var dose: PlanItem

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try encodeDose(dose, into: &container)
        }
    }
}

private func encodeDose(_ dose: PlanItem, into container: inout KeyedEncodingContainer<PlanItemJSON.Keys>) throws {
    try container.encode(dose.sets, forKey: .sets)
    try container.encode(dose.reps, forKey: .reps)
    try container.encode(dose.holdSeconds, forKey: .hold_seconds)
    try container.encode(dose.perWeek, forKey: .per_week)
    try container.encode(dose.since?.iso8601, forKey: .since)
}
