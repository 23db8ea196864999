/// `journal check --json`, and the `standing` of `journal today --json` and `journal report --json`:
/// `findings` (``FindingJSON``, their advice in the words of the region in force), `holds`
/// (``HoldJSON``), `reminders`, `red_flags_seen`, the latest record that a doctor has seen the red
/// flags (`reviewed_at`, `note`), or null, and `region`, the code of the region in force (null
/// for the generic words).
public struct StandingJSON: Encodable, Sendable {
    public var standing: Standing
    /// The words of the region in force.
    public var advice: RegionalAdvice

    public init(_ standing: Standing, advice: RegionalAdvice) {
        self.standing = standing
        self.advice = advice
    }

    enum Keys: String, CodingKey { case findings, holds, reminders, red_flags_seen, region }
    enum SeenKeys: String, CodingKey { case id, reviewed_at, note }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(standing.findings.map { FindingJSON($0, advice: advice) }, forKey: .findings)
        try container.encode(standing.holds.map(HoldJSON.init), forKey: .holds)
        try container.encode(standing.reminders, forKey: .reminders)
        if let seen = standing.redFlagReview {
            var object = container.nestedContainer(keyedBy: SeenKeys.self, forKey: .red_flags_seen)
            try object.encode(seen.id, forKey: .id)
            try object.encode(seen.localTime.iso8601, forKey: .reviewed_at)
            try object.encode(seen.note, forKey: .note)
        } else {
            try container.encodeNil(forKey: .red_flags_seen)
        }
        try container.encode(advice.region?.code, forKey: .region)
    }
}

/// `journal check --json`: the standing (``StandingJSON``: `findings`, `holds`, `reminders`,
/// `red_flags_seen`, `region`) and `exit_status`.
public struct CheckJSON: Encodable, Sendable {
    public var standing: Standing
    public var advice: RegionalAdvice

    public init(standing: Standing, advice: RegionalAdvice) {
        self.standing = standing
        self.advice = advice
    }

    enum Keys: String, CodingKey { case exit_status }

    public func encode(to encoder: any Encoder) throws {
        try StandingJSON(standing, advice: advice).encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(standing.exitStatus, forKey: .exit_status)
    }
}

/// `journal today --json`: `date`, `due` (`exercise`, `sets`, `reps`, `hold_seconds`,
/// `done_this_week`, `planned_this_week`, `sessions_today`; the dose in force today; `measure_note`,
/// what `today` says of that dose when it is in the other measure than the exercise's, else null), `not_due` (the
/// other exercises in force and not on hold, with the same keys and `reason`: `red_flag` when the
/// pace asks for it but a red flag stops every session, `on_pace` when this week's count is kept
/// without it), `done_today` (entry ids), `held`
/// (`exercise`, `since`), `upcoming` (`exercise`, `since`: plans that start after today) and
/// `standing`, the same object as `journal check --json` (``StandingJSON``).
public struct TodayJSON: Encodable, Sendable {
    public var routine: DailyRoutine
    public var standing: Standing
    public var advice: RegionalAdvice
    /// The exercises, built in and the person's own, that each item's measure note reads.
    public var catalog: Catalog

    public init(_ routine: DailyRoutine, standing: Standing, advice: RegionalAdvice, catalog: Catalog = .builtIn) {
        self.routine = routine
        self.standing = standing
        self.advice = advice
        self.catalog = catalog
    }

    enum Keys: String, CodingKey { case date, due, not_due, done_today, held, upcoming, standing }
    enum DueKeys: String, CodingKey {
        case exercise, sets, reps, hold_seconds, done_this_week, planned_this_week, sessions_today, measure_note
        case reason
    }

    /// Why an exercise in force and not on hold is not due today.
    enum NotDue: String {
        /// The pace asks for it, but a red flag stops every session (``Standing/stoppingSessions``).
        case red_flag
        /// This week's sessions keep the pace without one today.
        case on_pace
    }
    enum HeldKeys: String, CodingKey { case exercise, since }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(routine.date.iso8601, forKey: .date)
        let due = routine.due(under: standing)
        var dueList = container.nestedUnkeyedContainer(forKey: .due)
        for item in due { try encode(item, reason: nil, into: &dueList) }
        var notDue = container.nestedUnkeyedContainer(forKey: .not_due)
        for item in routine.items where !due.contains(item) {
            try encode(item, reason: item.isDue ? .red_flag : .on_pace, into: &notDue)
        }
        try container.encode(routine.doneToday, forKey: .done_today)
        var held = container.nestedUnkeyedContainer(forKey: .held)
        for hold in routine.held {
            var object = held.nestedContainer(keyedBy: HeldKeys.self)
            try object.encode(hold.exerciseID, forKey: .exercise)
            try object.encode(hold.since.localTime.iso8601, forKey: .since)
        }
        var upcoming = container.nestedUnkeyedContainer(forKey: .upcoming)
        for item in routine.upcoming {
            var object = upcoming.nestedContainer(keyedBy: HeldKeys.self)
            try object.encode(item.exerciseID, forKey: .exercise)
            try object.encode(item.began?.iso8601, forKey: .since)
        }
        try container.encode(StandingJSON(standing, advice: advice), forKey: .standing)
    }

    /// One exercise of `due` or `not_due`: its dose in force today and its week, its measure note,
    /// and `reason` in `not_due` alone.
    private func encode(
        _ item: DailyRoutine.Item, reason: NotDue?, into list: inout any UnkeyedEncodingContainer
    ) throws {
        var object = list.nestedContainer(keyedBy: DueKeys.self)
        try object.encode(item.plan.exerciseID, forKey: .exercise)
        try object.encode(item.dose.sets, forKey: .sets)
        try object.encode(item.dose.reps, forKey: .reps)
        try object.encode(item.dose.holdSeconds, forKey: .hold_seconds)
        try object.encode(item.doneThisWeek, forKey: .done_this_week)
        try object.encode(item.plannedThisWeek, forKey: .planned_this_week)
        try object.encode(item.sessionsToday, forKey: .sessions_today)
        try object.encode(item.measureNote(in: catalog), forKey: .measure_note)
        if let reason { try object.encode(reason.rawValue, forKey: .reason) }
    }
}

/// `journal resume --json`: the review (`id`, `exercise`, `reviewed_at`, `note`), the hold it
/// lifted (`lifted`, ``HoldJSON``; null while that same hold still stands), the exercise's hold that still stands after it (`still_held`,
/// or null: the review lifted the hold) and everything that stands after it (`standing`, the object
/// `journal check --json` prints, without `exit_status`).
public struct ResumeJSON: Encodable, Sendable {
    public var resumed: Resumed
    public var advice: RegionalAdvice

    public init(resumed: Resumed, advice: RegionalAdvice) {
        self.resumed = resumed
        self.advice = advice
    }

    enum Keys: String, CodingKey { case id, exercise, reviewed_at, note, lifted, still_held, standing }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(resumed.review.id, forKey: .id)
        try container.encode(resumed.review.exerciseID, forKey: .exercise)
        try container.encode(resumed.review.localTime.iso8601, forKey: .reviewed_at)
        try container.encode(resumed.review.note, forKey: .note)
        let lifted = resumed.stillHeld?.session.id == resumed.hold.session.id ? nil : HoldJSON(resumed.hold)
        try container.encode(lifted, forKey: .lifted)
        try container.encode(resumed.stillHeld.map(HoldJSON.init), forKey: .still_held)
        try container.encode(StandingJSON(resumed.standing, advice: advice), forKey: .standing)
    }
}

/// `journal resume --json` when nothing was recorded (the exercise is not on hold, or no red
/// flag stands): `recorded` (false), `exercise` (null for `--red-flags`), `message` (why) and
/// what stands (`standing`, the object `journal check --json` prints).
public struct NothingResumedJSON: Encodable, Sendable {
    public var request: ResumeRequest
    public var standing: Standing
    public var advice: RegionalAdvice

    public init(request: ResumeRequest, standing: Standing, advice: RegionalAdvice) {
        self.request = request
        self.standing = standing
        self.advice = advice
    }

    enum Keys: String, CodingKey { case recorded, exercise, message, standing }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(false, forKey: .recorded)
        switch request.subject {
        case .exercise(let id): try container.encode(id, forKey: .exercise)
        case .redFlags: try container.encodeNil(forKey: .exercise)
        }
        try container.encode(request.nothingRecorded, forKey: .message)
        try container.encode(StandingJSON(standing, advice: advice), forKey: .standing)
    }
}

/// `journal resume --red-flags --json`: `id`, `reviewed_at`, `note`, `covered` and `still_standing`
/// (findings, as in `journal check --json`, both from the standing read after the record), and
/// everything that stands after it (`standing`, the object `journal check --json` prints).
public struct RedFlagsSeenJSON: Encodable, Sendable {
    public var seen: RedFlagsSeen
    public var advice: RegionalAdvice

    public init(seen: RedFlagsSeen, advice: RegionalAdvice) {
        self.seen = seen
        self.advice = advice
    }

    enum Keys: String, CodingKey { case id, reviewed_at, note, covered, still_standing, standing }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(seen.review.id, forKey: .id)
        try container.encode(seen.review.localTime.iso8601, forKey: .reviewed_at)
        try container.encode(seen.review.note, forKey: .note)
        try container.encode(seen.covered.map { FindingJSON($0, advice: advice) }, forKey: .covered)
        try container.encode(seen.stillStanding.map { FindingJSON($0, advice: advice) }, forKey: .still_standing)
        try container.encode(StandingJSON(seen.standing, advice: advice), forKey: .standing)
    }
}
