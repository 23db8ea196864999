import Foundation
import Testing

@testable import Journal

/// A plan's doses over time (issue #26): the dose in force each day, sessions planned over days of
/// several doses, what `plan set` keeps, and a report's adherence and dose across a change, in two
/// zones; every figure worked out by hand.
@Suite struct PlanItemTests {
    static func day(_ text: String) throws -> LocalDate { try #require(LocalDate(iso8601: text)) }

    /// glute-bridge 3 × 10 reps, 3 a week from Monday 2 November; 3 × 12 reps, 5 a week from Thursday 5.
    static func changedOnThursday() throws -> PlanItem {
        let first = try PlanItem(
            exerciseID: "glute-bridge", sets: 3, reps: 10, perWeek: 3, since: day("2026-11-02"))
        return try PlanItem(
            exerciseID: "glute-bridge", sets: 3, reps: 12, perWeek: 5, since: day("2026-11-05")
        ).replacing(first)
    }

    @Test func eachDayHasTheDoseInForceThen() throws {
        let item = try Self.changedOnThursday()
        #expect(item.earlier.map(\.reps) == [10])
        #expect(item.began == (try Self.day("2026-11-02")))
        #expect(item.dose(on: try Self.day("2026-11-01")) == nil)
        #expect(item.dose(on: try Self.day("2026-11-04"))?.reps == 10)
        #expect(item.dose(on: try Self.day("2026-11-05"))?.reps == 12)
        #expect(item.dose(on: try Self.day("2026-12-31"))?.perWeek == 5)
    }

    /// A screen shows the dose in force, the ones before it as past and those set ahead as coming;
    /// before the plan began, its first dose, the others coming.
    @Test func aScreenShowsTheDoseInForceWithThePastAndTheComing() throws {
        let item = try Self.changedOnThursday()
        let wednesday = try Self.day("2026-11-04")
        #expect(item.shown(on: wednesday).reps == 10)
        #expect(item.past(on: wednesday).isEmpty)
        #expect(item.coming(after: wednesday).map(\.reps) == [12])
        let thursday = try Self.day("2026-11-05")
        #expect(item.shown(on: thursday).reps == 12)
        #expect(item.past(on: thursday).map(\.reps) == [10])
        #expect(item.coming(after: thursday).isEmpty)
        let before = try Self.day("2026-11-01")
        #expect(item.shown(on: before).reps == 10)
        #expect(item.past(on: before).isEmpty)
        #expect(item.coming(after: before).map(\.reps) == [12])
    }

    /// Monday to Sunday: 3 a week for 3 days and 5 a week for 4, (9 + 20) / 7 = 4.1, 4; Thursday to
    /// Sunday alone 20 / 7 = 2.9, 3; Monday to Wednesday 9 / 7 = 1.3, 1; two weeks (9 + 55) / 7 = 9.1, 9.
    @Test func sessionsPlannedAddEachDaysSessionsAWeek() throws {
        let item = try Self.changedOnThursday()
        #expect(item.plannedSessions(from: try Self.day("2026-11-02"), through: try Self.day("2026-11-08")) == 4)
        #expect(item.plannedSessions(from: try Self.day("2026-11-05"), through: try Self.day("2026-11-08")) == 3)
        #expect(item.plannedSessions(from: try Self.day("2026-11-02"), through: try Self.day("2026-11-04")) == 1)
        #expect(item.plannedSessions(from: try Self.day("2026-11-02"), through: try Self.day("2026-11-15")) == 9)
        // Days before the plan began plan nothing: from Saturday 31 October to Sunday 8 November, still 4.
        #expect(item.plannedSessions(from: try Self.day("2026-10-31"), through: try Self.day("2026-11-08")) == 4)
    }

    /// A dose from a day on or before a later one's start replaces it; one equal to the dose just
    /// before it carries that one on; the same dose with another start moves only its start.
    @Test func planSetKeepsTheDosesThatStartedBeforeIt() throws {
        let item = try Self.changedOnThursday()
        let wednesday = try PlanItem(
            exerciseID: "glute-bridge", sets: 3, reps: 15, perWeek: 4, since: Self.day("2026-11-04")
        ).replacing(item)
        #expect(wednesday.earlier.map(\.reps) == [10])
        #expect(wednesday.since == (try Self.day("2026-11-04")))
        let backAgain = try PlanItem(
            exerciseID: "glute-bridge", sets: 3, reps: 10, perWeek: 3, since: Self.day("2026-11-05")
        ).replacing(item)
        #expect(backAgain.earlier.isEmpty)
        #expect(backAgain.since == (try Self.day("2026-11-02")))
        let moved = try PlanItem(
            exerciseID: "glute-bridge", sets: 3, reps: 12, perWeek: 5, since: Self.day("2026-11-06")
        ).replacing(item)
        #expect(moved.earlier.map(\.reps) == [10])
        #expect(moved.since == (try Self.day("2026-11-06")))
        let fromMonday = try PlanItem(
            exerciseID: "glute-bridge", sets: 3, reps: 12, perWeek: 5, since: Self.day("2026-11-02")
        ).replacing(item)
        #expect(fromMonday.earlier.isEmpty)
    }

    /// Each session is judged by its own local day's dose, whatever day it is in UTC.
    ///
    /// Sessions at 23:30 on Wednesday and 08:00 on Thursday, local time, in a zone west of UTC and
    /// one east of it. Monday and Tuesday 3 × 10, Wednesday 23:30 3 × 10, Thursday 08:00 3 × 12, Friday 3 × 10: reps
    /// as planned in 4, under in 1 (Friday's 10 against 12); 5 done of 4 planned.
    @Test(arguments: [-5 * 3600, 13 * 3600])
    func aReportJudgesEachSessionByItsDaysDose(offset: Int) throws {
        let times: [(String, Int, Int)] = [
            ("2026-11-02", 18 * 60, 10), ("2026-11-03", 18 * 60, 10), ("2026-11-04", 23 * 60 + 30, 10),
            ("2026-11-05", 8 * 60, 12), ("2026-11-06", 18 * 60, 10),
        ]
        let entries = try times.enumerated().map { index, time in
            let local = try Self.day(time.0).daysSinceEpoch * 86_400 + Int64(time.1 * 60)
            return try Entry(
                id: Int64(index + 1), exerciseID: "glute-bridge", performedAt: local - Int64(offset),
                utcOffset: offset, sets: 3, reps: time.2, holdSeconds: nil, painBefore: #require(PainLevel(3)),
                painAfter: #require(PainLevel(3)), createdAt: 0)
        }
        let period = Period(from: try Self.day("2026-11-02"), to: try Self.day("2026-11-08"))
        let report = ProgressReport.make(
            entries: entries, period: try #require(period), region: Fixture.britain, findings: [],
            plan: [try Self.changedOnThursday()], journalBegan: try Self.day("2026-11-02"))
        let adherence = try #require(report.adherence.first)
        #expect((adherence.done, adherence.planned, adherence.countedFrom.iso8601) == (5, 4, "2026-11-02"))
        #expect(adherence.doses.map(\.reps) == [10, 12])
        let reps = try #require(adherence.reps)
        #expect((reps.planned, reps.asPlanned, reps.under, reps.over) == (12, 4, 1, 0))
        #expect(adherence.sets.asPlanned == 5)
        #expect(Wording.doses(adherence.doses) == "3 × 10 reps; 3 × 12 reps from 2026-11-05")
    }

    /// Today on Thursday counts the week's sessions from Monday whatever their dose: 3 done of
    /// (3 × 3 + 5 × 4) / 7 = 4, one still due, no more than ⌈5 ÷ 7⌉ = 1 today.
    @Test func todayCountsTheWeeksSessionsWhateverTheirDose() throws {
        let entries = try ["2026-11-02", "2026-11-03", "2026-11-04"].enumerated().map { index, day in
            try Entry(
                id: Int64(index + 1), exerciseID: "glute-bridge",
                performedAt: try Self.day(day).daysSinceEpoch * 86_400 + 18 * 3600, utcOffset: 0, sets: 3, reps: 10,
                holdSeconds: nil, painBefore: #require(PainLevel(3)), painAfter: #require(PainLevel(3)), createdAt: 0)
        }
        let routine = DailyRoutine.make(
            plan: [try Self.changedOnThursday()], entries: entries, holds: [], today: try Self.day("2026-11-05"))
        let item = try #require(routine.items.first)
        #expect((item.doneThisWeek, item.plannedThisWeek, item.sessionsToday) == (3, 4, 1))
        #expect(routine.due.count == 1)
    }
}
