/// What the plan asks of today: each planned exercise's count this week, whether it is due today,
/// what was already logged today, and which exercises are on hold.
///
/// The week is the ISO week, Monday to Sunday, on the person's calendar. An exercise is **due**
/// while its sessions this week fall short of the pace that spreads what remains over the days
/// left: with `need` sessions still to do at the start of today and `left` days left counting
/// today, today asks for ⌈need ÷ left⌉, and the exercise is due while fewer were done today. An
/// exercise on hold is shown as held, never as due.
///
/// ```swift
/// // 5 a week; nothing done by Thursday: need 5 over 4 days, so 2 today.
/// DailyRoutine.make(plan: plan, entries: thisWeek, holds: [], today: thursday).due.first?.sessionsToday // 2
/// ```
public struct DailyRoutine: Sendable, Hashable {
    /// One planned exercise today.
    public struct Item: Sendable, Hashable {
        public var plan: PlanItem
        /// Sessions this week, today's included.
        public var doneThisWeek: Int
        /// Sessions today.
        public var doneToday: Int
        /// Sessions today asks for to keep pace (⌈need ÷ days left⌉), 0 when the week's count is met.
        public var sessionsToday: Int

        public var isDue: Bool { doneToday < sessionsToday }
    }

    public var date: LocalDate
    /// Every planned exercise not on hold, in plan order.
    public var items: [Item]
    /// Exercises of the plan on hold, with the finding that began each hold.
    public var held: [Hold]
    /// Ids of the entries logged today, any exercise, oldest first.
    public var doneToday: [Int64]

    /// The exercises due today, in plan order.
    public var due: [Item] { items.filter(\.isDue) }

    /// Builds the day from the plan, the entries of this week (any others are ignored) and the holds.
    public static func make(plan: [PlanItem], entries: [Entry], holds: [Hold], today: LocalDate) -> DailyRoutine {
        let monday = today.startOfWeek
        let thisWeek = entries.filter {
            let day = $0.localTime.date
            return monday <= day && day <= today
        }
        let heldIDs = Set(holds.map(\.exerciseID))
        let daysLeft = 7 - today.weekdayIndex
        // A plan item that starts after today asks nothing yet.
        let items = plan.filter { !heldIDs.contains($0.exerciseID) && ($0.since.map { $0 <= today } ?? true) }.map {
            item in
            let sessions = thisWeek.filter { $0.exerciseID == item.exerciseID }
            let doneToday = sessions.filter { $0.localTime.date == today }.count
            let need = max(0, item.perWeek - (sessions.count - doneToday))
            return Item(
                plan: item, doneThisWeek: sessions.count, doneToday: doneToday,
                sessionsToday: (need + daysLeft - 1) / daysLeft)
        }
        let planned = Set(plan.map(\.exerciseID))
        return DailyRoutine(
            date: today, items: items, held: holds.filter { planned.contains($0.exerciseID) },
            doneToday: thisWeek.filter { $0.localTime.date == today }
                .sorted { ($0.performedAt, $0.id ?? 0) < ($1.performedAt, $1.id ?? 0) }.compactMap(\.id))
    }
}
