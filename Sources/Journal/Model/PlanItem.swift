/// One exercise of the physiotherapist's plan: the dose and how many sessions a week.
///
/// ```swift
/// let item = try PlanItem(exerciseID: "glute-bridge", sets: 3, reps: 10, perWeek: 5)
/// ```
public struct PlanItem: Sendable, Hashable {
    public static let perWeekRange = 1...21

    public var exerciseID: String
    public var sets: Int
    public var reps: Int?
    public var holdSeconds: Int?
    public var perWeek: Int

    /// A checked plan item: sets, reps and hold within the bounds of an entry (reps and a hold
    /// together are a dose too: hold a few seconds, repeat), 1 to 21 sessions a week.
    public init(exerciseID: String, sets: Int, reps: Int? = nil, holdSeconds: Int? = nil, perWeek: Int) throws {
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
    }

    /// Sessions planned over `days` days: per week × days / 7, rounded to the nearest whole session.
    public func plannedSessions(days: Int) -> Int {
        (perWeek * days * 2 + 7) / 14
    }
}
