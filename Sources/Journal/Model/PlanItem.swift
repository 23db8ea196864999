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

    /// A checked plan item: sets, reps and hold within the bounds of an entry (reps and a hold
    /// together are a dose too: hold a few seconds, repeat), 1 to 21 sessions a week.
    public init(
        exerciseID: String, sets: Int, reps: Int? = nil, holdSeconds: Int? = nil, perWeek: Int, since: LocalDate? = nil
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
    }

    /// Whether `other` asks for the same dose and sessions a week, whatever its start day.
    public func sameDose(as other: PlanItem) -> Bool {
        (exerciseID, sets, reps, holdSeconds, perWeek)
            == (other.exerciseID, other.sets, other.reps, other.holdSeconds, other.perWeek)
    }

    /// The most sessions one day asks for: a day's share of the week, ⌈per week ÷ 7⌉ (1 for up to 7
    /// a week, 2 for 8 to 14, 3 for 15 to 21), so that sessions missed earlier are never crammed into one day.
    public var mostInADay: Int { (perWeek + 6) / 7 }

    /// Sessions planned over `days` days: per week × days / 7, rounded to the nearest whole session.
    public func plannedSessions(days: Int) -> Int {
        (perWeek * days * 2 + 7) / 14
    }
}
