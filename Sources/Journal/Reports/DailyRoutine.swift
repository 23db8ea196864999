/// What the plan asks of today: each planned exercise's count this week, whether it is due today,
/// what was already logged today, which exercises are on hold and which plans start later.
///
/// The week is the ISO week, Monday to Sunday, on the person's calendar. A plan that starts during
/// the week counts only its days: the week asks ``PlanItem/plannedSessions(from:through:)`` for the
/// days from its start to Sunday (7 a week from Saturday asks 2), and only sessions from its start
/// count. Sessions are counted by ``Workouts``: a left and a right on one day are one session.
/// The start is the exercise's first dose's: a new dose during the week keeps the week's
/// sessions, whatever their dose, and each day asks the sessions a week in force that day.
/// An exercise is **due** while its sessions this week fall short of the pace that spreads what
/// remains over the days left: with `need` sessions still to do at the start of today and `left`
/// days left counting today, today asks for ⌈need ÷ left⌉, never more than a day's share of the
/// week, ⌈per week ÷ 7⌉ (``PlanItem/mostInADay``): what was missed earlier is never crammed into
/// one day. The exercise is due while fewer were done today. An exercise on hold is shown as held,
/// never as due; a plan that starts after today is listed with its first day, asking nothing yet.
///
/// ```swift
/// // 5 a week, nothing done by Sunday: need 5 over 1 day, but never more than ⌈5 ÷ 7⌉ = 1 a day.
/// DailyRoutine.make(plan: plan, entries: thisWeek, holds: [], today: sunday).due.first?.sessionsToday // 1
/// ```
public struct DailyRoutine: Sendable, Hashable {
    /// One planned exercise today.
    public struct Item: Sendable, Hashable {
        public var plan: PlanItem
        /// The dose in force today (``PlanItem/dose(on:)``): a dose set ahead waits for its day.
        public var dose: PlanItem
        /// Sessions this week since the plan began, today's included, a left and a right one
        /// session (``Workouts``).
        public var doneThisWeek: Int
        /// Sessions this week asks for: the weekly count, or its share of the days from a start this week.
        public var plannedThisWeek: Int
        /// Sessions today (``Workouts``).
        public var doneToday: Int
        /// Sessions today asks for to keep pace (⌈need ÷ days left⌉, at most ⌈per week ÷ 7⌉), 0 when
        /// the week's count is met.
        public var sessionsToday: Int

        public var isDue: Bool { doneToday < sessionsToday }

        /// The note on the dose in force today when it is in the other measure than the exercise's.
        ///
        /// ``Wording/planDoseInOtherMeasure(_:plan:)``, the exercise read from `catalog`; `nil`
        /// when it fits. `today` shows it under its list, `today --json` as `measure_note`.
        public func measureNote(in catalog: Catalog) -> String? {
            catalog.exercise(id: plan.exerciseID).flatMap { Wording.planDoseInOtherMeasure($0, plan: dose) }
        }
    }

    public var date: LocalDate
    /// Every planned exercise in force today and not on hold, in plan order.
    public var items: [Item]
    /// Exercises of the plan on hold, with the finding that began each hold, in plan order.
    public var held: [Hold]
    /// Plan items that start after today, in plan order.
    public var upcoming: [PlanItem]
    /// Ids of the entries logged today, any exercise, oldest first.
    public var doneToday: [Int64]

    /// The exercises due today, in plan order.
    public var due: [Item] { items.filter(\.isDue) }

    /// The exercises due today while `standing` stands.
    ///
    /// None while a red flag stops every session (``Standing/stoppingSessions``), else ``due``. What `today` lists and its exit status read.
    public func due(under standing: Standing) -> [Item] { standing.stoppingSessions == nil ? due : [] }

    /// Whether the plan has anything at all: items in force, on hold or starting later.
    public var hasPlan: Bool { !items.isEmpty || !held.isEmpty || !upcoming.isEmpty }

    /// An exercise to offer when nothing is due: the first in force and not on hold, never a held one.
    public var suggestion: String? { items.first?.plan.exerciseID }

    /// Builds the day from the plan (in its order), the entries of this week (any others are
    /// ignored) and the holds.
    public static func make(plan: [PlanItem], entries: [Entry], holds: [Hold], today: LocalDate) -> DailyRoutine {
        let monday = today.startOfWeek
        let thisWeek = entries.filter {
            let day = $0.localTime.date
            return monday <= day && day <= today
        }
        // By the id in lower case: a plan row whose id's case was changed from outside (`Bird-Dog`)
        // is the exercise's, held while it is (``StoredValues`` names the row and what puts it back).
        let holdsByExercise = Dictionary(
            holds.map { (Exercise.key($0.exerciseID), $0) }, uniquingKeysWith: { first, _ in first })
        let daysLeft = 7 - today.weekdayIndex
        var items: [Item] = []
        var upcoming: [PlanItem] = []
        for item in plan where holdsByExercise[Exercise.key(item.exerciseID)] == nil {
            if let began = item.began, began > today {
                upcoming.append(item)
                continue
            }
            // From the exercise's first dose: a dose changed this week counts the week's sessions
            // whatever their dose, each day planning the sessions a week in force that day.
            let dose = item.shown(on: today)
            let start = max(monday, item.began ?? monday)
            let planned = item.plannedSessions(from: start, through: monday.adding(days: 6))
            let sessions = thisWeek.filter { $0.exerciseID == item.exerciseID && $0.localTime.date >= start }
            let doneToday = Workouts.count(sessions.filter { $0.localTime.date == today })
            let doneThisWeek = Workouts.count(sessions)
            let need = max(0, planned - (doneThisWeek - doneToday))
            items.append(
                Item(
                    plan: item, dose: dose, doneThisWeek: doneThisWeek, plannedThisWeek: planned,
                    doneToday: doneToday, sessionsToday: min((need + daysLeft - 1) / daysLeft, dose.mostInADay)))
        }
        return DailyRoutine(
            date: today, items: items, held: plan.compactMap { holdsByExercise[Exercise.key($0.exerciseID)] },
            upcoming: upcoming,
            doneToday: thisWeek.filter { $0.localTime.date == today }
                .sorted { ($0.performedAt, $0.id ?? 0) < ($1.performedAt, $1.id ?? 0) }.compactMap(\.id))
    }
}
