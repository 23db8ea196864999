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

    /// Five a week, nothing done yet: what remains, spread over the days left (Monday 23rd to Sunday 29th).
    @Test(arguments: [(23, 1), (24, 1), (25, 1), (26, 2), (27, 2), (28, 3), (29, 5)])
    func nothingDoneYet(day: Int, sessionsToday: Int) throws {
        let routine = DailyRoutine.make(plan: plan, entries: [], holds: [], today: try date(day))
        #expect(routine.items.map(\.sessionsToday) == [sessionsToday])
        #expect(routine.due.map(\.plan.exerciseID) == ["glute-bridge"])
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
        // Thursday: one last Sunday (another week), one today; need 5 over 4 days asks 2 today.
        let entries = [session(1, day: 22), session(2, day: 26)]
        let routine = DailyRoutine.make(plan: plan, entries: entries, holds: [], today: try date(26))
        #expect(routine.items.first?.doneThisWeek == 1)
        #expect(routine.items.first?.doneToday == 1)
        #expect(routine.items.first?.sessionsToday == 2)
        #expect(routine.due.count == 1)
        #expect(routine.doneToday == [2])
        // A second session today meets it.
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
