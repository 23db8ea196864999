import GRDB
import TestSupport
import Testing

@testable import Journal

/// The exercise queries on their own, inside a transaction the test opens.
@Suite struct ExerciseQueriesTests {
    let directory = TemporaryDirectory()

    @Test func onlyThePersonsOwnArchivedExerciseIsArchived() throws {
        let store = try JournalStore(path: directory.file("j.sqlite3"))
        try store.addExercise(
            Exercise.custom(
                id: "knee-to-chest", name: "Knee to chest", category: .stretch, perSide: true, measure: .hold,
                howTo: "Lie on your back."),
            now: 1_795_600_800)
        #expect(try store.reading { try ExerciseQueries.isArchived("knee-to-chest", $0) } == false)
        try store.writing { try $0.execute(sql: "UPDATE exercises SET archived = 1 WHERE id = 'knee-to-chest'") }
        #expect(try store.reading { try ExerciseQueries.isArchived("knee-to-chest", $0) })
        // A built-in exercise is never archived, even marked so; an unknown id is not.
        try store.writing { try $0.execute(sql: "UPDATE exercises SET archived = 1 WHERE id = 'glute-bridge'") }
        #expect(try store.reading { try ExerciseQueries.isArchived("glute-bridge", $0) } == false)
        #expect(try store.reading { try ExerciseQueries.isArchived("nope", $0) } == false)
    }

    /// A dose in force since the journal began (a plan set before start days, v7) is kept in
    /// plan_history under '0000-00-00', as the table's key (exercise, day) holds no NULL, and reads
    /// back as in force since the journal began; a row marked removed is not read.
    @Test func anEarlierDoseInForceSinceTheJournalBeganIsKeptUnderDayZero() throws {
        let store = try JournalStore(path: directory.file("j.sqlite3"))
        try store.writing {
            try $0.execute(
                sql: """
                    INSERT INTO plan (exercise_id, sets, reps, per_week, since, position)
                    VALUES ('bird-dog', 2, 8, 3, NULL, 1)
                    """)
        }
        let since = try #require(LocalDate(iso8601: "2026-11-20"))
        try store.setPlan(
            PlanItem(exerciseID: "bird-dog", sets: 3, reps: 10, perWeek: 5, since: since), now: 1_795_600_800)
        let history = {
            try store.reading { db in
                try String.fetchAll(
                    db,
                    sql: """
                        SELECT exercise_id || ' ' || since || ' ' || sets || 'x' || reps || ' ' || per_week || ' '
                               || removed
                        FROM plan_history
                        """)
            }
        }
        #expect(try history() == ["bird-dog \(ExerciseQueries.sinceJournalBegan) 2x8 3 0"])
        let item = try #require(try store.plan().first)
        #expect(item.since == since && item.reps == 10)
        #expect(item.earlier.map(\.since) == [nil] && item.earlier.map(\.reps) == [8])
        #expect(item.dose(on: try #require(LocalDate(iso8601: "2026-01-01")))?.reps == 8)
        // Marked removed (as `plan remove` will mark it once rows are no longer deleted): not read.
        try store.writing { try $0.execute(sql: "UPDATE plan_history SET removed = 1") }
        #expect(try store.plan().first?.earlier == [])
        #expect(try store.plan().first?.since == since)
    }
}
