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
}
