import Foundation
import GRDB
import Testing

@testable import Journal

/// One read per screen: `report`, `check`, `today` and `session` each read what they show in one
/// read transaction, and the holds of every exercise in a fixed number of queries.
@Suite struct ScreenSnapshotTests {
    let directory = TemporaryDirectory()
    /// Day 0 is 2026-11-20.
    let today = Fixture.date("2026-11-27")
    let exercises = ["bird-dog", "glute-bridge", "pelvic-tilt", "superman"]

    /// The statements `store`'s connection runs while `body` runs.
    final class Statements: @unchecked Sendable {
        var sql: [String] = []
        var transactions: Int { sql.filter { $0.hasPrefix("BEGIN") || $0.hasPrefix("SAVEPOINT") }.count }
        var selects: Int { sql.filter { $0.hasPrefix("SELECT") }.count }
    }

    func statements(_ store: JournalStore, _ body: () throws -> Void) throws -> Statements {
        let seen = Statements()
        store.queue.inDatabase { db in
            db.trace(options: .statement) { event in
                if case .statement(let statement) = event { seen.sql.append(statement.sql) }
            }
        }
        defer { store.queue.inDatabase { db in db.trace(options: .statement, nil) } }
        try body()
        return seen
    }

    /// A journal with a plan, `held` exercises on hold (pain rose on their last session), a red
    /// flag and a PSFS activity.
    func journal(held: Int) throws -> JournalStore {
        let store = try JournalStore(path: directory.file("journal-\(held).sqlite3"))
        for exercise in exercises {
            try store.setPlan(
                try PlanItem(exerciseID: exercise, sets: 2, reps: 8, perWeek: 3),
                now: Fixture.time(day: 0, hour: 7))
        }
        for (index, exercise) in exercises.enumerated() {
            for day in 1...5 {
                let rise = index < held && day == 5
                _ = try store.add(Fixture.entry(0, exercise, day: day, before: 2, after: rise ? 4 : 2))
            }
        }
        _ = try store.add(Fixture.checkIn(1, day: 6, hour: 8, pain: 6, flags: [.nightPain]))
        return store
    }

    @Test func eachScreenReadsInOneTransaction() throws {
        let store = try journal(held: 2)
        let region = try RegionSetting.resolve(stored: "GB", environment: [:])
        let period = Period.week(endingOn: today)
        var report: ProgressReport?
        #expect(
            try statements(store) { report = try store.progressReport(for: period, region: region) }.transactions == 1)
        #expect(report?.holds.count == 2)
        var standing: Standing?
        #expect(try statements(store) { standing = try store.standing(today: today) }.transactions == 1)
        #expect(standing?.holds.count == 2)
        #expect(standing?.redFlags.isEmpty == false)
        var snapshot: TodaySnapshot?
        #expect(try statements(store) { snapshot = try store.todaySnapshot(today: today) }.transactions == 1)
        #expect(snapshot?.routine.held.count == 2)
        #expect(snapshot?.standing == standing)
        var session: SessionSnapshot?
        #expect(try statements(store) { session = try store.sessionSnapshot(today: today) }.transactions == 1)
        #expect(session?.standing == standing)
        #expect(try session?.session(naming: ["bird-dog"]).steps.first?.hold != nil)
    }

    @Test func theHoldsOfEveryExerciseTakeTheSameQueriesHoweverManyAreHeld() throws {
        var counts: [Int] = []
        for held in [1, 4] {
            let store = try journal(held: held)
            var holds: [Hold] = []
            counts.append(try statements(store) { holds = try store.holds() }.selects)
            #expect(holds.count == held)
        }
        // The latest reviews, the sessions that may start a hold, the sessions just before them.
        #expect(counts == [3, 3])
    }
}
