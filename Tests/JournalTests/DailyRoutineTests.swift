import Testing

@testable import Journal

@Suite struct DailyRoutineTests {
    let plan: [PlanItem]

    init() throws {
        plan = [try PlanItem(exerciseID: "glute-bridge", sets: 3, reps: 10, perWeek: 5)]
    }

    /// A glute bridge at 09:00 on 2026-11-`day`.
    func session(_ id: Int64, day: Int, before: Int = 2, after: Int = 2) -> Entry {
        Fixture.entry(id, "glute-bridge", day: day - 20, before: before, after: after)
    }

    func date(_ day: Int) throws -> LocalDate { try #require(LocalDate(iso8601: "2026-11-\(day)")) }

    /// Five a week, nothing done yet (Monday 23rd to Sunday 29th): what remains over the days left
    /// would be ⌈5/7⌉ 1, ⌈5/6⌉ 1, ⌈5/5⌉ 1, ⌈5/4⌉ 2, ⌈5/3⌉ 2, ⌈5/2⌉ 3, ⌈5/1⌉ 5; never more than
    /// ⌈5 ÷ 7⌉ = 1 a day, so Sunday does not ask for 5 at once.
    @Test(arguments: [(23, 1), (24, 1), (25, 1), (26, 1), (27, 1), (28, 1), (29, 1)])
    func nothingDoneYet(day: Int, sessionsToday: Int) throws {
        let routine = DailyRoutine.make(plan: plan, entries: [], holds: [], today: try date(day))
        #expect(routine.items.map(\.sessionsToday) == [sessionsToday])
        #expect(routine.items.map(\.plannedThisWeek) == [5])
        #expect(routine.due.map(\.plan.exerciseID) == ["glute-bridge"])
    }

    /// Seven a week, nothing done yet: ⌈7/7⌉ 1, ⌈7/6⌉ 2, ⌈7/5⌉ 2, ⌈7/4⌉ 2, ⌈7/3⌉ 3, ⌈7/2⌉ 4, ⌈7/1⌉ 7
    /// over the days left, each capped at ⌈7 ÷ 7⌉ = 1.
    @Test(arguments: [23, 24, 25, 26, 27, 28, 29])
    func sevenAWeekNothingDoneAsksOneADay(day: Int) throws {
        let seven = [try PlanItem(exerciseID: "glute-bridge", sets: 3, reps: 10, perWeek: 7)]
        let routine = DailyRoutine.make(plan: seven, entries: [], holds: [], today: try date(day))
        #expect(routine.items.map(\.sessionsToday) == [1])
        #expect(routine.items.map(\.plannedThisWeek) == [7])
    }

    /// Ten a week, nothing done by Sunday: ⌈10 ÷ 7⌉ = 2 at most, not 10.
    @Test func moreThanSevenAWeekAsksAtMostADaysShare() throws {
        let ten = [try PlanItem(exerciseID: "glute-bridge", sets: 3, reps: 10, perWeek: 10)]
        #expect(ten[0].mostInADay == 2)
        let sunday = DailyRoutine.make(plan: ten, entries: [], holds: [], today: try date(29))
        #expect(sunday.items.map(\.sessionsToday) == [2])
        // Monday: ⌈10/7⌉ = 2, within the cap.
        let monday = DailyRoutine.make(plan: ten, entries: [], holds: [], today: try date(23))
        #expect(monday.items.map(\.sessionsToday) == [2])
    }

    /// A plan starting on Wednesday 25th counts only its 5 days.
    ///
    /// 5 a week asks (5 × 5 × 2 + 7) / 14 = 4 that week, 7 a week asks (7 × 5 × 2 + 7) / 14 = 5. Before it starts it asks nothing and is
    /// listed as starting later. `nothing`: sessions today with nothing done; `oneADay`: with one
    /// done on each day from Wednesday to yesterday (5 a week: need 4, 3, 2, 1, 0 over 5, 4, 3, 2, 1
    /// days; 7 a week: need 5, 4, 3, 2, 1), each at most 1.
    @Test(
        arguments: [
            (5, 23, nil, 0, 0), (5, 24, nil, 0, 0), (5, 25, 4, 1, 1), (5, 26, 4, 1, 1), (5, 27, 4, 1, 1),
            (5, 28, 4, 1, 1), (5, 29, 4, 1, 0),
            (7, 23, nil, 0, 0), (7, 24, nil, 0, 0), (7, 25, 5, 1, 1), (7, 26, 5, 1, 1), (7, 27, 5, 1, 1),
            (7, 28, 5, 1, 1), (7, 29, 5, 1, 1),
        ] as [(Int, Int, Int?, Int, Int)])
    func aPlanStartingMidWeekCountsOnlyItsDays(
        perWeek: Int, day: Int, plannedThisWeek: Int?, nothing: Int, oneADay: Int
    ) throws {
        let item = try PlanItem(exerciseID: "glute-bridge", sets: 3, reps: 10, perWeek: perWeek, since: try date(25))
        let empty = DailyRoutine.make(plan: [item], entries: [], holds: [], today: try date(day))
        #expect(empty.items.map(\.plannedThisWeek) == (plannedThisWeek.map { [$0] } ?? []))
        #expect(empty.items.map(\.sessionsToday) == (plannedThisWeek == nil ? [] : [nothing]))
        #expect(empty.upcoming == (plannedThisWeek == nil ? [item] : []))
        #expect(empty.hasPlan)
        // A session on Monday, before the plan began, never counts.
        let earlier = [session(1, day: 23)] + (25..<max(25, day)).map { session(Int64($0), day: $0) }
        let routine = DailyRoutine.make(plan: [item], entries: earlier, holds: [], today: try date(day))
        #expect(routine.items.map(\.doneThisWeek) == (plannedThisWeek == nil ? [] : [max(0, day - 25)]))
        #expect(routine.items.map(\.sessionsToday) == (plannedThisWeek == nil ? [] : [oneADay]))
    }

    /// Seven a week from Saturday 28th: (7 × 2 × 2 + 7) / 14 = 2 that week.
    ///
    /// With one done on
    /// Saturday it asks nothing more that day (not 7 − 1 over 2 days, 3 more); Sunday asks the other.
    @Test func sevenAWeekFromSaturdayWithOneDone() throws {
        let item = try PlanItem(exerciseID: "glute-bridge", sets: 3, reps: 10, perWeek: 7, since: try date(28))
        let saturday = DailyRoutine.make(plan: [item], entries: [session(1, day: 28)], holds: [], today: try date(28))
        #expect(saturday.items.map(\.plannedThisWeek) == [2])
        #expect(saturday.items.map(\.sessionsToday) == [1])
        #expect(saturday.due.isEmpty)
        let sunday = DailyRoutine.make(plan: [item], entries: [session(1, day: 28)], holds: [], today: try date(29))
        #expect(sunday.items.map(\.sessionsToday) == [1])
        #expect(sunday.due.count == 1)
    }

    /// The plan's order is kept, a held exercise is never suggested, and with everything on hold nothing is.
    @Test func planOrderAndSuggestion() throws {
        let order = [
            try PlanItem(exerciseID: "side-plank", sets: 2, holdSeconds: 20, perWeek: 3),
            try PlanItem(exerciseID: "bird-dog", sets: 2, reps: 8, perWeek: 3),
            try PlanItem(exerciseID: "glute-bridge", sets: 3, reps: 10, perWeek: 5),
        ]
        let routine = DailyRoutine.make(plan: order, entries: [], holds: [], today: try date(25))
        #expect(routine.due.map(\.plan.exerciseID) == ["side-plank", "bird-dog", "glute-bridge"])
        let rise = Fixture.entry(1, "side-plank", day: 4, before: 2, after: 4)
        let hold = try #require(HoldRule.hold(sessions: [rise], review: nil))
        let held = DailyRoutine.make(plan: order, entries: [rise], holds: [hold], today: try date(25))
        #expect(held.suggestion == "bird-dog")
        let onlyHeld = DailyRoutine.make(plan: [order[0]], entries: [rise], holds: [hold], today: try date(25))
        #expect(onlyHeld.suggestion == nil)
    }

    /// Five a week, one done on each day before today: due Monday to Friday, met by Saturday.
    @Test(arguments: [
        (23, 1, true), (24, 1, true), (25, 1, true), (26, 1, true), (27, 1, true), (28, 0, false), (29, 0, false),
    ])
    func oneADaySoFar(day: Int, sessionsToday: Int, due: Bool) throws {
        let earlier = (23..<day).enumerated().map { session(Int64($0.offset + 1), day: $0.element) }
        let routine = DailyRoutine.make(plan: plan, entries: earlier, holds: [], today: try date(day))
        #expect(routine.items.map(\.sessionsToday) == [sessionsToday])
        #expect(routine.items.map(\.doneThisWeek) == [day - 23])
        #expect(!routine.due.isEmpty == due)
    }

    @Test func todaysSessionCountsAndLastWeekDoesNot() throws {
        // Thursday: one last Sunday (another week), one today; need 5 over 4 days would ask 2 today,
        // but a day asks at most ⌈5 ÷ 7⌉ = 1, which today's session meets.
        let entries = [session(1, day: 22), session(2, day: 26)]
        let routine = DailyRoutine.make(plan: plan, entries: entries, holds: [], today: try date(26))
        #expect(routine.items.first?.doneThisWeek == 1)
        #expect(routine.items.first?.doneToday == 1)
        #expect(routine.items.first?.sessionsToday == 1)
        #expect(routine.due.isEmpty)
        #expect(routine.doneToday == [2])
        // A second session today is listed too.
        let more = DailyRoutine.make(
            plan: plan, entries: entries + [session(3, day: 26)], holds: [], today: try date(26))
        #expect(more.due.isEmpty)
        #expect(more.doneToday == [2, 3])
    }

    @Test func anExerciseOnHoldIsHeldNeverDue() throws {
        let rise = session(1, day: 24, before: 2, after: 4)
        let hold = try #require(HoldRule.hold(sessions: [rise], review: nil))
        let routine = DailyRoutine.make(plan: plan, entries: [rise], holds: [hold], today: try date(26))
        #expect(routine.due.isEmpty)
        #expect(routine.items.isEmpty)
        #expect(routine.held.map(\.exerciseID) == ["glute-bridge"])
    }
}
