import Foundation
import GRDB
import TestSupport
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
        var selects: Int { sql.filter { $0.hasPrefix("SELECT") || $0.hasPrefix("WITH") }.count }
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

    /// Whether `statements` read the journal's region setting inside their one transaction.
    func readTheRegion(_ statements: Statements) -> Bool {
        let sql = statements.sql
        guard statements.transactions == 1,
            let begin = sql.firstIndex(where: { $0.hasPrefix("BEGIN") || $0.hasPrefix("SAVEPOINT") }),
            let end = sql.lastIndex(where: { $0.hasPrefix("COMMIT") || $0.hasPrefix("RELEASE") }),
            let region = sql.firstIndex(where: { $0.contains("FROM settings WHERE name = ") })
        else {
            print(sql)
            return false
        }
        return begin < region && region < end
    }

    @Test func eachScreenReadsInOneTransactionTheRegionIncluded() throws {
        let store = try journal(held: 2)
        try store.setRegion(.unitedKingdom, now: Fixture.time(day: 0, hour: 7))
        let gb = try RegionSetting.resolve(stored: "GB", environment: [:])
        let period = Period.week(endingOn: today)
        var report: ProgressReport?
        #expect(
            readTheRegion(
                try statements(store) { report = try store.progressReport(for: period, today: today, environment: [:]) }
            ))
        #expect(report?.holds.count == 2)
        #expect(report?.region == gb)
        var check: CheckSnapshot?
        #expect(
            readTheRegion(try statements(store) { check = try store.checkSnapshot(today: today, environment: [:]) }))
        #expect(check?.region == gb)
        let standing = check?.standing
        #expect(standing?.holds.count == 2)
        #expect(standing?.redFlags.isEmpty == false)
        var alone: Standing?
        #expect(try statements(store) { alone = try store.standing(today: today) }.transactions == 1)
        #expect(alone == standing)
        var snapshot: TodaySnapshot?
        #expect(
            readTheRegion(try statements(store) { snapshot = try store.todaySnapshot(today: today, environment: [:]) }))
        #expect(snapshot?.routine.held.count == 2)
        #expect(snapshot?.standing == standing)
        #expect(snapshot?.region == gb)
        var session: SessionSnapshot?
        #expect(
            readTheRegion(try statements(store) { session = try store.sessionSnapshot(today: today, environment: [:]) })
        )
        #expect(session?.standing == standing)
        #expect(session?.region == gb)
        #expect(try session?.session(naming: ["bird-dog"]).steps.first?.hold != nil)
    }

    /// `JOURNAL_REGION` overrides the journal's setting and an unknown one is refused; a stored
    /// region this version does not know is set aside for the environment's, all inside the read.
    @Test func theRegionReadWithTheScreenKeepsTheEnvironmentsOverrideAndRefusal() throws {
        let store = try journal(held: 0)
        try store.setRegion(.unitedKingdom, now: Fixture.time(day: 0, hour: 7))
        let override = try store.checkSnapshot(today: today, environment: ["JOURNAL_REGION": "nz"]).region
        #expect(override == RegionSetting(region: .newZealand, source: .environment(overrides: "GB"), stored: "GB"))
        #expect(override.setAside == nil)
        #expect(
            throws: JournalError.invalidSetting(
                name: "JOURNAL_REGION", text: "XX", expected: "one of \(Region.accepted)")
        ) { try store.todaySnapshot(today: today, environment: ["JOURNAL_REGION": "XX"]) }
        try store.queue.write { db in try db.execute(sql: "UPDATE settings SET value = 'JP' WHERE name = 'region'") }
        let setAside = try store.progressReport(
            for: .week(endingOn: today), today: today, environment: ["LANG": "en_CA.UTF-8"]
        )
        .region
        #expect(setAside.region == .canada)
        #expect(setAside.source == .locale(variable: "LANG", value: "en_CA.UTF-8"))
        #expect(setAside.stored == nil)
        #expect(setAside.setAside == "JP")
        #expect(try store.sessionSnapshot(today: today, environment: [:]).region.region == nil)
    }

    /// Every screen reads the values journal never writes (``StoredValueProblem``) in its one
    /// transaction, with what it shows: no second read that another process's write could split.
    @Test func eachScreenReadsTheValuesFromOutsideInItsOneTransaction() throws {
        let store = try journal(held: 1)
        try store.queue.writeWithoutTransaction { db in
            try db.execute(
                sql: """
                    PRAGMA ignore_check_constraints = 1;
                    UPDATE entries SET sets = 0 WHERE uid = \(OutsideRecord.uid(of: 2, in: "entry_ids"));
                    PRAGMA ignore_check_constraints = 0
                    """)
        }
        let expected = try store.storedValueProblems()
        #expect(expected.map { "\($0.table) \($0.row) \($0.column)" } == ["entries 2 sets"])
        let period = Period.week(endingOn: today)
        let screens: [(String, () throws -> [StoredValueProblem])] = [
            ("list", { try store.listSnapshot(exerciseID: nil, limit: 20).problems }),
            ("checkins", { try store.checkInsSnapshot(limit: nil).problems }),
            ("psfs", { try store.psfsSnapshot().problems }),
            ("plan", { try store.planSnapshot().problems }),
            ("report", { try store.reportSnapshot(for: period, today: today, environment: [:]).problems }),
            ("log and checkin", { try store.standingSnapshot(today: today).problems }),
            ("check", { try store.checkSnapshot(today: today, environment: [:]).problems }),
            ("today and session's end", { try store.todaySnapshot(today: today, environment: [:]).problems }),
            ("session", { try store.sessionSnapshot(today: today, environment: [:]).problems }),
        ]
        for (screen, read) in screens {
            var problems: [StoredValueProblem] = []
            #expect(try statements(store) { problems = try read() }.transactions == 1, "\(screen)")
            #expect(problems == expected, "\(screen)")
        }
        #expect(try store.listSnapshot(exerciseID: nil, limit: 2).value == store.entries(limit: 2))
        #expect(try store.checkInsSnapshot(limit: nil).value == store.checkIns(limit: nil))
        #expect(try store.psfsSnapshot().value == store.psfs())
        #expect(try store.planSnapshot().value == store.plan())
    }

    @Test func theHoldsOfEveryExerciseTakeTheSameQueriesHoweverManyAreHeld() throws {
        var counts: [Int] = []
        for held in [1, 4] {
            let store = try journal(held: held)
            var holds: [Hold] = []
            counts.append(try statements(store) { holds = try store.holds() }.selects)
            #expect(holds.count == held)
        }
        // The latest reviews with the sessions that may start a hold, the sessions just before them.
        #expect(counts == [2, 2])
    }
}
