import Testing

@testable import Journal

/// `journal session`'s choice of exercises and the entry its answers make.
@Suite struct SessionPlanTests {
    let plan: [PlanItem]
    let today: LocalDate

    init() throws {
        plan = [
            try PlanItem(exerciseID: "side-plank", sets: 2, holdSeconds: 20, perWeek: 3),
            try PlanItem(exerciseID: "bird-dog", sets: 2, reps: 8, perWeek: 3),
            try PlanItem(exerciseID: "glute-bridge", sets: 3, reps: 10, perWeek: 5),
        ]
        today = try #require(LocalDate(iso8601: "2026-11-25"))
    }

    @Test func whatIsDueInPlanOrderNeverAHeldExerciseAndANamedOneWithItsHold() throws {
        let rise = Fixture.entry(1, "bird-dog", day: 4, before: 2, after: 4)
        let hold = try #require(HoldRule.hold(sessions: [rise], review: nil))
        let routine = DailyRoutine.make(plan: plan, entries: [rise], holds: [hold], today: today)
        let due = try SessionPlan.make(
            routine: routine, plan: plan, holds: [hold], catalog: .builtIn, naming: [])
        #expect(due.steps.map(\.exercise.id) == ["side-plank", "glute-bridge"])
        #expect(due.steps.allSatisfy { $0.hold == nil })
        let named = try SessionPlan.make(
            routine: routine, plan: plan, holds: [hold], catalog: .builtIn, naming: ["bird dog", "pelvic-tilt"])
        #expect(named.steps.map(\.exercise.id) == ["bird-dog", "pelvic-tilt"])
        #expect(named.steps.map { $0.hold?.exerciseID } == ["bird-dog", nil])
        #expect(named.steps.map(\.plan) == [plan[1], nil])
    }

    @Test func theDraftTakesThePlansDoseOnEnterAndTheTypedOneOtherwise() throws {
        let routine = DailyRoutine.make(plan: plan, entries: [], holds: [], today: today)
        let session = try SessionPlan.make(
            routine: routine, plan: plan, holds: [], catalog: .builtIn, naming: ["side-plank"])
        let step = try #require(session.steps.first)
        let two = try #require(PainLevel(2))
        let three = try #require(PainLevel(3))
        // Enter at the dose: the plan's 2 × 20 s; the side answered separately.
        #expect(step.asksSide(after: nil))
        let planned = step.draft(painBefore: two, dose: nil, side: .right, painAfter: three)
        #expect((planned.sets, planned.reps, planned.holdSeconds, planned.side) == (2, nil, 20, .right))
        #expect((planned.painBefore, planned.painAfter) == (two, three))
        // A typed dose replaces the whole dose; its side wins, and no side question follows it.
        let typed = try DoseInput.parse("3x25s left")
        #expect(!step.asksSide(after: typed))
        let done = step.draft(painBefore: two, dose: typed, side: nil, painAfter: two)
        #expect((done.sets, done.reps, done.holdSeconds, done.side) == (3, nil, 25, .left))
        // An exercise done with both sides at once never asks for a side.
        let bridge = try SessionPlan.make(
            routine: routine, plan: plan, holds: [], catalog: .builtIn, naming: ["glute-bridge"])
        #expect(try #require(bridge.steps.first).asksSide(after: nil) == false)
    }
}
