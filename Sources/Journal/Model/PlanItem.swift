/// One exercise of the physiotherapist's plan: the dose, how many sessions a week, and since when.
///
/// ```swift
/// let item = try PlanItem(
///     exerciseID: "glute-bridge", sets: 3, reps: 10, perWeek: 5, since: LocalDate(iso8601: "2026-11-10"))
/// ```
public struct PlanItem: Sendable, Hashable {
    public static let perWeekRange = 1...21
    /// `journal plan set --order`: a place in the plan's order, 1 first (a number past the end is last).
    public static let orderRange = 1...999

    public var exerciseID: String
    public var sets: Int
    public var reps: Int?
    public var holdSeconds: Int?
    public var perWeek: Int
    /// The first local day the plan applies (`journal plan set --since`); `nil` for a plan set
    /// before journal recorded start days, which counts as in force since the journal began.
    public var since: LocalDate?
    /// The exercise's earlier doses on the plan, oldest first.
    ///
    /// Each is in force from its own ``since`` until the day before the next one's (the last until
    /// this item's): `plan set` with a new dose keeps the one it replaces here, so that reports
    /// count the plan from the day the exercise entered it and judge each session by the dose in
    /// force that day. Empty for a plan whose dose never changed; `plan remove` forgets them. An
    /// earlier dose has no earlier doses of its own.
    public var earlier: [PlanItem]

    /// A checked plan item: sets, reps and hold within the bounds of an entry (reps and a hold
    /// together are a dose too: hold a few seconds, repeat), 1 to 21 sessions a week.
    public init(
        exerciseID: String, sets: Int, reps: Int? = nil, holdSeconds: Int? = nil, perWeek: Int, since: LocalDate? = nil,
        earlier: [PlanItem] = []
    ) throws {
        guard Entry.Limits.sets.contains(sets) else {
            throw JournalError.invalidNumber(field: "sets", text: String(sets), range: Entry.Limits.sets)
        }
        if let reps, !Entry.Limits.reps.contains(reps) {
            throw JournalError.invalidNumber(field: "reps", text: String(reps), range: Entry.Limits.reps)
        }
        if let holdSeconds, !Entry.Limits.holdSeconds.contains(holdSeconds) {
            throw JournalError.invalidNumber(
                field: "hold (seconds)", text: String(holdSeconds), range: Entry.Limits.holdSeconds)
        }
        guard Self.perWeekRange.contains(perWeek) else {
            throw JournalError.invalidNumber(field: "per week", text: String(perWeek), range: Self.perWeekRange)
        }
        self.exerciseID = exerciseID
        self.sets = sets
        self.reps = reps
        self.holdSeconds = holdSeconds
        self.perWeek = perWeek
        self.since = since
        self.earlier = earlier
    }

    /// Whether `other` asks for the same dose and sessions a week, whatever its start day.
    public func sameDose(as other: PlanItem) -> Bool {
        (exerciseID, sets, reps, holdSeconds, perWeek)
            == (other.exerciseID, other.sets, other.reps, other.holdSeconds, other.perWeek)
    }

    /// This dose alone, without the earlier ones.
    public var dose: PlanItem {
        var dose = self
        dose.earlier = []
        return dose
    }

    /// Every dose the exercise has had on the plan, oldest first: the earlier ones, then this one.
    public var doses: [PlanItem] { earlier + [dose] }

    /// The first day the exercise was on the plan: the first dose's start (`nil`: in force since the
    /// journal began).
    public var began: LocalDate? { earlier.first?.since ?? since }

    /// The dose in force on `day`: the latest to start by then; `nil` before the plan began.
    ///
    /// ```swift
    /// // 3 × 10 from Monday 2 November, 3 × 12 from Thursday 5 November:
    /// item.dose(on: LocalDate(year: 2026, month: 11, day: 4)!)?.reps  // 10
    /// ```
    ///
    /// The one place that decides it: `today`, `session`, `log`, `plan` and reports all ask here, so
    /// that a dose set ahead (`plan set --since` a later day) waits for its day everywhere.
    public func dose(on day: LocalDate) -> PlanItem? { inForceIndex(on: day).map { doses[$0] } }

    /// The dose a screen shows for `day`: the one in force (``dose(on:)``), or, before the plan
    /// began, its first, which starts later.
    public func shown(on day: LocalDate) -> PlanItem { doses[shownIndex(on: day)] }

    /// The doses before the one shown for `day` (``shown(on:)``), oldest first: no longer in force.
    public func past(on day: LocalDate) -> [PlanItem] { Array(doses[..<shownIndex(on: day)]) }

    /// The doses set ahead, after the one shown for `day` (``shown(on:)``), oldest first: each takes
    /// over on its own start day.
    public func coming(after day: LocalDate) -> [PlanItem] { Array(doses[(shownIndex(on: day) + 1)...]) }

    /// Where in ``doses`` the dose in force on `day` is: the latest to start by then.
    private func inForceIndex(on day: LocalDate) -> Int? { doses.lastIndex { $0.since.map { $0 <= day } ?? true } }

    /// Where in ``doses`` the one shown for `day` is: the one in force, else the first.
    private func shownIndex(on day: LocalDate) -> Int { inForceIndex(on: day) ?? 0 }

    /// Sessions planned from `start` through `end`: each day counts the sessions a week of the dose
    /// in force that day, and the sum over 7 is rounded to the nearest whole session, as
    /// ``plannedSessions(days:)`` rounds one dose's.
    ///
    /// ```swift
    /// // 3 a week Monday to Wednesday, then 5 a week Thursday to Sunday: (3 × 3 + 5 × 4) / 7 = 4.1 → 4
    /// item.plannedSessions(from: monday, through: sunday)  // 4
    /// ```
    public func plannedSessions(from start: LocalDate, through end: LocalDate) -> Int {
        let doses = doses
        var sessionDays: Int64 = 0
        for (index, dose) in doses.enumerated() {
            let from = max(start, dose.since ?? start)
            let next = index + 1 < doses.count ? doses[index + 1].since : nil
            let through = min(end, next.map { $0.adding(days: -1) } ?? end)
            guard from <= through else { continue }
            sessionDays += Int64(dose.perWeek) * (through.daysSinceEpoch - from.daysSinceEpoch + 1)
        }
        return Int((sessionDays * 2 + 7) / 14)
    }

    /// The item `plan set` makes of `self` over `previous`, the item it replaces (`nil`: new to the plan).
    ///
    /// A new dose, or the same dose from another start day, starts on ``since``, and the doses that
    /// started before it stay in force until then; those that started on that day or later are
    /// replaced. An earlier dose equal to this one, just before it, is carried on rather than kept twice.
    func replacing(_ previous: PlanItem?) -> PlanItem {
        var item = dose
        let kept = (previous.map { $0.sameDose(as: self) ? $0.earlier : $0.doses } ?? []).filter { kept in
            guard let start = since else { return false }
            return kept.since.map { $0 < start } ?? true
        }
        item.earlier = kept
        if let last = kept.last, last.sameDose(as: item) {
            item.since = last.since
            item.earlier.removeLast()
        }
        return item
    }

    /// The most sessions one day asks for: a day's share of the week, ⌈per week ÷ 7⌉ (1 for up to 7
    /// a week, 2 for 8 to 14, 3 for 15 to 21), so that sessions missed earlier are never crammed into one day.
    public var mostInADay: Int { (perWeek + 6) / 7 }

    /// Sessions planned over `days` days: per week × days / 7, rounded to the nearest whole session.
    public func plannedSessions(days: Int) -> Int {
        (perWeek * days * 2 + 7) / 14
    }
}
