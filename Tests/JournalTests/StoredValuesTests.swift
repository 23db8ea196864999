import Foundation
import GRDB
import TestSupport
import Testing

@testable import Journal

/// The search for values journal never writes (``StoredValues``) is one statement, which reads
/// only such rows: SQLite answers each large table's part from schema.sql's index partial on its
/// condition, never by reading the table.
@Suite struct StoredValuesTests {
    let directory = TemporaryDirectory()

    @Test func eachLargeTablesPartOfTheSearchIsAnsweredFromItsPartialIndex() throws {
        let store = try JournalStore(path: directory.file("journal.sqlite3"))
        try store.reading { db in
            let details = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + StoredValues.searchSQL, arguments: [20])
                .map { $0["detail"] as String? ?? "" }
            for (table, index) in StoredValues.indexedTables {
                let reads = details.filter { $0.hasPrefix("SCAN \(table) ") || $0.hasPrefix("SEARCH \(table) ") }
                #expect(reads.count == 1 && reads[0].hasSuffix(" INDEX \(index)"), "\(table): \(details)")
            }
        }
    }

    /// The statements a connection runs.
    final class Statements: @unchecked Sendable {
        var sql: [String] = []
    }

    /// Damage in each large table (two columns of one entry among them) and in each small one,
    /// put in with the schema's checks off as an outside program may.
    func damagedJournal() throws -> JournalStore {
        let store = try JournalStore(path: directory.file("damaged.sqlite3"))
        // 2026-11-20 07:00 UTC.
        let time = "1795158000"
        try store.queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = 1")
            try db.execute(
                sql: """
                    INSERT INTO entries (exercise_id, performed_at, utc_offset, sets, reps, side, pain_before,
                                         pain_after, created_at)
                    VALUES ('bird-dog', \(time), 0, 1, NULL, NULL, 3, 3, \(time)),
                           ('bird-dog', \(time) + 60, 0, 1, NULL, 'up', 3, 11, \(time)),
                           ('glute-bridge', \(time) + 120, 0, 1, 0, NULL, 2, 2, \(time));
                    INSERT INTO checkins (performed_at, utc_offset, pain, created_at)
                    VALUES (\(time), 0, 2, \(time)), (\(time) + 60, 0, -1, \(time));
                    INSERT INTO checkin_red_flags (checkin_id, red_flag) VALUES (1, 'bogus');
                    INSERT INTO psfs_activities (activity, added_at, utc_offset, created_at)
                    VALUES ('putting on socks', \(time), 0, \(time)), ('', \(time), 0, \(time));
                    INSERT INTO psfs_ratings (activity_id, rated_at, utc_offset, score, created_at)
                    VALUES (1, \(time), 0, 12, \(time));
                    INSERT INTO plan (exercise_id, sets, reps, per_week) VALUES ('bird-dog', 3, 10, 0);
                    """)
            try db.execute(sql: "PRAGMA ignore_check_constraints = 0")
        }
        return store
    }

    @Test func oneStatementFindsTheDamageOfEveryTableInTheOrderListedByHand() throws {
        let store = try damagedJournal()
        let seen = Statements()
        store.queue.inDatabase { db in
            db.trace(options: .statement) { event in
                if case .statement(let statement) = event { seen.sql.append(statement.sql) }
            }
        }
        let problems = try store.storedValueProblems()
        store.queue.inDatabase { db in db.trace(options: .statement, nil) }
        #expect(seen.sql.filter { $0.hasPrefix("SELECT") }.count == 1, "\(seen.sql)")
        let pain =
            "where journal writes a whole number from 0 to 10 (screens read it as the nearest of those until "
            + "it is corrected)"
        #expect(
            problems.map(\.description) == [
                "entries row 2, column pain_after: 11, \(pain); `journal edit 2 --pain-after N` corrects it, "
                    + "`journal delete 2` removes it.",
                "entries row 2, column side: 'up', where journal writes left, right, both or none (screens read it "
                    + "as none until it is corrected); `journal edit 2 --side SIDE` corrects it, `journal delete 2` "
                    + "removes it.",
                "entries row 3, column reps: 0, where journal writes a whole number from 1 to 500 or none (screens "
                    + "read it as the nearest of those until it is corrected); `journal edit 3 --reps N` corrects "
                    + "it, `journal delete 3` removes it.",
                "checkins row 2, column pain: -1, \(pain); `journal checkins edit 2 --pain N` corrects it, "
                    + "`journal checkins delete 2` removes it.",
                "psfs_ratings row 1, column score: 12, \(pain); a rating cannot be corrected in journal: rate the "
                    + "activity again (`journal psfs rate ID SCORE`), and the new rating counts from then.",
                "checkin_red_flags row 1, column red_flag: 'bogus', a red flag journal does not know: the check-in "
                    + "of 2026-11-20 07:00 (#1) carries a red flag no advice is given for; read the check-in "
                    + "(`journal checkins`) and what `journal safety --red-flags` says of each red flag; "
                    + "`journal checkins edit 1 --red-flag ID` (or `--no-red-flags`) corrects it.",
                "psfs_activities row 2, column activity: '', where journal writes 1 to 80 characters on one line; "
                    + "`journal psfs remove 2` retires it, and `journal psfs add` adds it in other words.",
                "plan row bird-dog, column per_week: 0, where journal writes a whole number from 1 to 21 (screens "
                    + "read it as the nearest of those until it is corrected); `journal plan set bird-dog …` "
                    + "replaces it, `journal plan remove bird-dog` takes it off the plan.",
            ])
    }
}
