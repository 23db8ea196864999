import Foundation
import GRDB
import TestSupport
import Testing

@testable import Journal

/// The searches for values journal never writes (``StoredValues``) read only such rows: SQLite
/// answers each from schema.sql's index partial on its condition, never by reading the table, and
/// names each row it finds by its alias, one probe of the alias table's uid index.
@Suite struct StoredValuesTests {
    let directory = TemporaryDirectory()

    @Test func eachSearchOfALargeTableIsAnsweredFromItsPartialIndex() throws {
        let store = try JournalStore(path: directory.file("journal.sqlite3"))
        try store.reading { db in
            for search in StoredValues.indexedSearches {
                let details = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + search.sql, arguments: [20]).map {
                    $0["detail"] as String? ?? ""
                }
                let reads = details.filter { $0.hasPrefix("SCAN ") || $0.hasPrefix("SEARCH ") }
                let aliases = reads.filter { $0.contains("_ids USING COVERING INDEX sqlite_autoindex_") }
                let records = reads.filter { !aliases.contains($0) }
                #expect(records.count == 1 && records[0].hasSuffix(" INDEX \(search.index)"), "\(details)")
                #expect(aliases.count <= 1 && aliases.allSatisfy { $0.hasSuffix("(uid=?)") }, "\(details)")
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
                    INSERT INTO entries (uid, exercise_id, performed_at, utc_offset, sets, pain_before, pain_after,
                                         created_at, recorded)
                    SELECT \(OutsideRecord.uidSQL("(b.v + 3) * 17 + a.v + 4")), 'bird-dog', 1795132800, 0, 1, b.v, a.v,
                           1795132800, \(OutsideRecord.readingSQL(unixSeconds: "1795132800", counter: "(b.v + 3) * 17 + a.v + 3"))
                    FROM p AS b, p AS a ORDER BY b.v, a.v;
                    """)
        }
        try store.reading { db in
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM entries_with_ids ORDER BY id")
            #expect(ids.count == 17 * 17)
            let stops = Set(
                try Int64.fetchAll(
                    db,
                    sql: "SELECT a.id FROM entries JOIN entry_ids AS a USING (uid) WHERE \(HoldQueries.stopCondition)"))
            let read = try EntryQueries.entries(ids: ids, db)
            #expect(Set(read.filter(HoldRule.mayStartHold).compactMap(\.id)) == stops)
            let asRead = try Row.fetchAll(
                db,
                sql: "SELECT id, \(StoredValues.asRead("pain_before", of: "entries")), "
                    + "\(StoredValues.asRead("pain_after", of: "entries")) FROM entries_with_ids ORDER BY id")
            #expect(
                asRead.map { [$0[0], $0[1], $0[2]] as [Int64] }
                    == read.map { [$0.id ?? 0, Int64($0.painBefore.value), Int64($0.painAfter.value)] })
            let third = try #require(
                try Row.fetchOne(
                    db, sql: "SELECT pain_before, pain_after FROM entries_with_ids WHERE id = ?", arguments: [3]))
            #expect(third[0] as Int64 == -3 && third[1] as Int64 == -1)
            #expect(read[2].painBefore.value == 0 && read[2].painAfter.value == 1)
        }
    }

    /// Damage in each large table (two columns of one entry among them) and in each small one,
    /// put in with the schema's checks off as an outside program may.
    func damagedJournal() throws -> JournalStore {
        let store = try JournalStore(path: directory.file("damaged.sqlite3"))
        // 2026-11-20 07:00 UTC.
        let time = "1795158000"
        let uid: (Int) -> String = OutsideRecord.uid(_:)
        let recorded = { (counter: Int) in OutsideRecord.reading(unixSeconds: 1_795_158_000, counter: counter) }
        try store.queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = 1")
            try db.execute(
                sql: """
                    INSERT INTO entries (uid, exercise_id, performed_at, utc_offset, sets, reps, side, pain_before,
                                         pain_after, created_at, recorded)
                    VALUES ('\(uid(1))', 'bird-dog', \(time), 0, 1, NULL, NULL, 3, 3, \(time), '\(recorded(0))'),
                           ('\(uid(2))', 'bird-dog', \(time) + 60, 0, 1, NULL, 'up', 3, 11, \(time), '\(recorded(1))'),
                           ('\(uid(3))', 'glute-bridge', \(time) + 120, 0, 1, 0, NULL, 2, 2, \(time), '\(recorded(2))');
                    INSERT INTO checkins (uid, performed_at, utc_offset, pain, created_at, recorded)
                    VALUES ('\(uid(1))', \(time), 0, 2, \(time), '\(recorded(3))'),
                           ('\(uid(2))', \(time) + 60, 0, -1, \(time), '\(recorded(4))');
                    INSERT INTO checkin_red_flags (checkin_uid, red_flag) VALUES ('\(uid(1))', 'bogus');
                    INSERT INTO psfs_activities (uid, activity, added_at, utc_offset, created_at)
                    VALUES ('\(uid(1))', 'putting on socks', \(time), 0, \(time)), ('\(uid(2))', '', \(time), 0, \(time));
                    INSERT INTO psfs_ratings (uid, activity_uid, rated_at, utc_offset, score, created_at)
                    VALUES ('\(uid(1))', '\(uid(1))', \(time), 0, 12, \(time));
                    INSERT INTO plan (exercise_id, sets, reps, per_week) VALUES ('bird-dog', 3, 10, 0);
                    """)
            try db.execute(sql: "PRAGMA ignore_check_constraints = 0")
        }
        return store
    }

    @Test func theSearchFindsTheDamageOfEveryTableInTheOrderListedByHand() throws {
        let store = try damagedJournal()
        let problems = try store.storedValueProblems()
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
