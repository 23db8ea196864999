import Foundation
import GRDB
import TestSupport
import Testing

@testable import Journal

/// The searches for values journal never writes (``StoredValues``) read only such rows: SQLite
/// answers each from schema.sql's index partial on its condition, never by reading the table.
@Suite struct StoredValuesTests {
    let directory = TemporaryDirectory()

    @Test func eachSearchOfALargeTableIsAnsweredFromItsPartialIndex() throws {
        let store = try JournalStore(path: directory.file("journal.sqlite3"))
        try store.reading { db in
            for search in StoredValues.indexedSearches {
                let details = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + search.sql, arguments: [20]).map {
                    $0["detail"] as String? ?? ""
                }
                #expect(details.count == 1 && details[0].hasSuffix(" INDEX \(search.index)"), "\(details)")
            }
        }
    }

    /// Every pair of stored pains from −3 to 13, put in with the checks off: a session as screens
    /// read it may start a hold exactly when the SQL stop condition selects it (−3 → −1 reads 0 → 1,
    /// never 0 → 0), and undo's SQL (``StoredValues/asRead(_:of:)``) reads each pair as Swift does.
    @Test func aStoredPairOfPainsIsARiseOnScreensExactlyWhenTheStopConditionCountsOne() throws {
        let path = directory.file("journal.sqlite3")
        let store = try JournalStore(path: path)
        try DatabaseQueue(path: path).inDatabase { db in
            try db.execute(
                sql: """
                    PRAGMA ignore_check_constraints = 1;
                    WITH RECURSIVE p(v) AS (SELECT -3 UNION ALL SELECT v + 1 FROM p WHERE v < 13)
                    INSERT INTO entries (exercise_id, performed_at, utc_offset, sets, pain_before, pain_after, created_at)
                    SELECT 'bird-dog', 1795132800, 0, 1, b.v, a.v, 1795132800 FROM p AS b, p AS a;
                    """)
        }
        try store.reading { db in
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM entries ORDER BY id")
            #expect(ids.count == 17 * 17)
            let stops = Set(try Int64.fetchAll(db, sql: "SELECT id FROM entries WHERE \(HoldQueries.stopCondition)"))
            let read = try EntryQueries.entries(ids: ids, db)
            #expect(Set(read.filter(HoldRule.mayStartHold).compactMap(\.id)) == stops)
            let asRead = try Row.fetchAll(
                db,
                sql: "SELECT id, \(StoredValues.asRead("pain_before", of: "entries")), "
                    + "\(StoredValues.asRead("pain_after", of: "entries")) FROM entries ORDER BY id")
            #expect(
                asRead.map { [$0[0], $0[1], $0[2]] as [Int64] }
                    == read.map { [$0.id ?? 0, Int64($0.painBefore.value), Int64($0.painAfter.value)] })
            let third = try #require(
                try Row.fetchOne(db, sql: "SELECT pain_before, pain_after FROM entries WHERE id = ?", arguments: [3]))
            #expect(third[0] as Int64 == -3 && third[1] as Int64 == -1)
            #expect(read[2].painBefore.value == 0 && read[2].painAfter.value == 1)
        }
    }
}
