import Foundation
import GRDB
import TestSupport
import Testing

@testable import JournalSync
@testable import SyncFormat

private let noon: UInt64 = 1_764_936_000_000
private let tenMinutes: UInt64 = 600_000
private let oneDay: UInt64 = 86_400_000

/// One replica: its journal file and its clock.
///
/// Every change it records or merges goes through
/// the real recorder and merger.
final class Replica {
    static let schema = """
        CREATE TABLE items (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            pain INTEGER NOT NULL,
            note TEXT UNIQUE
        );
        CREATE TABLE parent (id TEXT PRIMARY KEY);
        CREATE TABLE child (id TEXT PRIMARY KEY, parent TEXT NOT NULL REFERENCES parent (id));
        CREATE TABLE checkins (
            uid  TEXT    NOT NULL PRIMARY KEY,
            pain INTEGER NOT NULL CHECK (pain BETWEEN 0 AND 10),
            note TEXT
        ) STRICT;
        CREATE TABLE checkin_red_flags (
            checkin_uid TEXT    NOT NULL REFERENCES checkins (uid) ON DELETE CASCADE,
            red_flag    TEXT    NOT NULL,
            present     INTEGER NOT NULL DEFAULT 1 CHECK (present IN (0, 1)),
            PRIMARY KEY (checkin_uid, red_flag)
        ) STRICT, WITHOUT ROWID;
        CREATE TABLE psfs_activities (
            uid        TEXT    NOT NULL PRIMARY KEY,
            activity   TEXT    NOT NULL,
            retired_at INTEGER
        ) STRICT;
        CREATE TABLE psfs_ratings (
            uid          TEXT    NOT NULL PRIMARY KEY,
            activity_uid TEXT    NOT NULL REFERENCES psfs_activities (uid) ON DELETE CASCADE,
            score        INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
            note         TEXT
        ) STRICT;
        """
    /// The red flags come before their check-ins, the ratings after their activities: a
    /// changeset lists its tables in this order, so children meet their parents both ways round.
    static let tables = [
        "items", "parent", "child", "checkin_red_flags", "checkins", "psfs_activities", "psfs_ratings",
    ]
    /// The reading of every field of every row (`tbl, pk, col, hlc`): its own, else its row's.
    ///
    /// Replicas may hold one field's reading as a field clock or as its row's (two inserts of one
    /// key: the later one's values win field by field where it arrives second, and make the row
    /// where it arrives first); what they must agree on is the reading each field has.
    static let fieldClocks = """
        SELECT tbl, pk, col, hlc FROM sync_field_clocks
        UNION ALL
        SELECT r.tbl, r.pk, c.name, r.hlc FROM sync_row_clocks AS r, pragma_table_info(r.tbl) AS c
        WHERE c.pk = 0 AND NOT EXISTS (
            SELECT 1 FROM sync_field_clocks AS f WHERE f.tbl = r.tbl AND f.pk = r.pk AND f.col = c.name)
        """
    /// Each table's rows in key order.
    static let order = ["checkin_red_flags": "checkin_uid, red_flag"]

    let queue: DatabaseQueue
    var clock: HybridLogicalClock

    init(_ name: String, in folder: TemporaryDirectory, id: UInt8) throws {
        // Real files; without waiting for the disk after each transaction, which these tests do not need.
        var configuration = Configuration()
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = OFF") }
        queue = try DatabaseQueue(path: folder.file("\(name).sqlite"), configuration: configuration)
        clock = HybridLogicalClock(replica: SyncID(unchecked: Array(repeating: 0, count: 15) + [id]))
        try queue.write { try $0.execute(sql: Self.schema) }
    }

    /// Records `sql` as one transaction at physical time `now`: the changeset and its reading.
    @discardableResult
    func record(now: UInt64, _ sql: String, _ arguments: StatementArguments = []) throws -> Sent {
        let reading = clock.send(now: now)
        let changeset = try ChangesetRecorder(tables: Self.tables).record(in: queue, at: reading) { db in
            try db.execute(sql: sql, arguments: arguments)
        }
        return Sent(changeset: changeset, reading: reading)
    }

    /// Merges another replica's change at physical time `now`, and moves the clock past it.
    @discardableResult
    func merge(_ sent: Sent, now: UInt64) throws -> ChangesetMerger.Report {
        let report = try ChangesetMerger(tables: Self.tables).merge(sent.changeset, at: sent.reading, into: queue)
        _ = clock.receive(sent.reading, now: now)
        return report
    }

    /// The synced rows and the clocks beside them, one line a row, every value with its type;
    /// `raw` adds the row and field clocks as stored.
    func dump(metadata: Bool = true, raw: Bool = false) throws -> [String] {
        try queue.read { db in
            var queries = Self.tables.map { "SELECT * FROM \($0) ORDER BY \(Self.order[$0] ?? "1")" }
            if raw {
                queries += [
                    "SELECT * FROM sync_row_clocks ORDER BY tbl, pk",
                    "SELECT * FROM sync_field_clocks ORDER BY tbl, pk, col",
                ]
            }
            if metadata {
                queries += [
                    "SELECT * FROM (\(Self.fieldClocks)) ORDER BY tbl, pk, col",
                    "SELECT * FROM sync_tombstones ORDER BY tbl, pk",
                    "SELECT * FROM sync_early_fields ORDER BY tbl, pk, col",
                ]
            }
            return try queries.flatMap { sql in
                try Row.fetchAll(db, sql: sql).map { row in
                    sql + ": " + row.databaseValues.map { "\($0)" }.joined(separator: "|")
                }
            }
        }
    }
}

/// One recorded transaction as it travels: the changeset and the reading its replica took.
struct Sent {
    let changeset: Changeset
    let reading: HybridTimestamp
}

/// A row of `items` written as the tests expect it: `id|title|pain|note`.
private func rows(_ replica: Replica) throws -> [String] {
    try replica.queue.read { db in
        try Row.fetchAll(db, sql: "SELECT id, title, pain, coalesce(note, 'NULL') FROM items ORDER BY id").map {
            row in
            "\(row[0] as String)|\(row[1] as String)|\(row[2] as Int)|\(row[3] as String)"
        }
    }
}

/// Two replicas, laptop and desktop, that both hold the row `a` the laptop logged at noon.
private func twoReplicas(
    _ folder: TemporaryDirectory, desktopBehind skew: UInt64 = 0
) throws -> (laptop: Replica, desktop: Replica) {
    let laptop = try Replica("laptop", in: folder, id: 0x0A)
    let desktop = try Replica("desktop", in: folder, id: 0x0B)
    let insert = try laptop.record(now: noon, "INSERT INTO items VALUES ('a', 'bridge', 4, NULL)")
    try desktop.merge(insert, now: noon - skew + 500)
    return (laptop, desktop)
}

private func field(
    _ kind: ChangesetMerger.Settlement.Kind, _ column: String, local: DatabaseValue, incoming: DatabaseValue
) -> ChangesetMerger.Settlement {
    .init(kind, table: "items", key: ["a".databaseValue], column: column, local: local, incoming: incoming)
}

@Suite struct ChangesetMergerTests {
    @Test func concurrentEditsOfDifferentFieldsAreBothKept() throws {
        let folder = TemporaryDirectory()
        let (laptop, desktop) = try twoReplicas(folder)
        let pain = try laptop.record(now: noon + 1_000, "UPDATE items SET pain = 3 WHERE id = 'a'")
        let note = try desktop.record(now: noon + 2_000, "UPDATE items SET note = 'stiff' WHERE id = 'a'")

        #expect(try laptop.merge(note, now: noon + 3_000).settlements == [])
        #expect(try desktop.merge(pain, now: noon + 3_000).settlements == [])

        #expect(try rows(laptop) == ["a|bridge|3|stiff"])
        #expect(try laptop.dump() == desktop.dump())
    }

    /// Fails on "the incoming change wins": each side would keep the other's value.
    @Test func concurrentEditsOfOneFieldKeepTheLaterReadingOnBothSides() throws {
        let folder = TemporaryDirectory()
        let (laptop, desktop) = try twoReplicas(folder)
        let earlier = try laptop.record(now: noon + 1_000, "UPDATE items SET pain = 3 WHERE id = 'a'")
        let later = try desktop.record(now: noon + 2_000, "UPDATE items SET pain = 7 WHERE id = 'a'")

        let onLaptop = try laptop.merge(later, now: noon + 3_000)
        let onDesktop = try desktop.merge(earlier, now: noon + 3_000)

        #expect(
            onLaptop.settlements == [field(.incomingWon, "pain", local: 3.databaseValue, incoming: 7.databaseValue)])
        #expect(
            onDesktop.settlements == [field(.incomingLost, "pain", local: 7.databaseValue, incoming: 3.databaseValue)])
        #expect(try rows(laptop) == ["a|bridge|7|NULL"])
        #expect(try laptop.dump() == desktop.dump())
    }

    /// The delete's reading is the earlier one, and it still wins; the row never comes back.
    @Test func aDeleteBeatsAConcurrentEditOnBothSides() throws {
        let folder = TemporaryDirectory()
        let (laptop, desktop) = try twoReplicas(folder)
        let delete = try laptop.record(now: noon + 1_000, "DELETE FROM items WHERE id = 'a'")
        let edit = try desktop.record(now: noon + 5_000, "UPDATE items SET pain = 9, note = 'worse' WHERE id = 'a'")

        let onLaptop = try laptop.merge(edit, now: noon + 6_000)
        let onDesktop = try desktop.merge(delete, now: noon + 6_000)

        let key = ["a".databaseValue]
        #expect(onLaptop.settlements == [.init(.ignoredAfterDelete, table: "items", key: key)])
        #expect(onDesktop.settlements == [.init(.deletedEditedRow, table: "items", key: key)])
        #expect(try rows(laptop) == [])
        #expect(try rows(desktop) == [])
        #expect(try laptop.dump() == desktop.dump())
        // The row's insert arriving again does not bring it back.
        let insertAgain = try Replica("phone", in: folder, id: 0x0C).record(
            now: noon, "INSERT INTO items VALUES ('a', 'bridge', 4, NULL)")
        #expect(try desktop.merge(insertAgain, now: noon + 7_000).settlements.map(\.kind) == [.ignoredAfterDelete])
        #expect(try rows(desktop) == [])
    }

    @Test func replayingAChangesetChangesNothing() throws {
        let folder = TemporaryDirectory()
        let (laptop, desktop) = try twoReplicas(folder)
        let edit = try laptop.record(now: noon + 1_000, "UPDATE items SET pain = 2, note = 'easier' WHERE id = 'a'")
        try desktop.merge(edit, now: noon + 2_000)
        let once = try desktop.dump()

        #expect(try desktop.merge(edit, now: noon + 3_000).settlements == [])
        #expect(try desktop.dump() == once)

        // Replayed after a later edit there, it loses to it, and says so.
        try desktop.record(now: noon + 4_000, "UPDATE items SET pain = 5 WHERE id = 'a'")
        let edited = try desktop.dump()
        #expect(
            try desktop.merge(edit, now: noon + 5_000).settlements == [
                field(.incomingLost, "pain", local: 5.databaseValue, incoming: 2.databaseValue)
            ])
        #expect(try desktop.dump() == edited)
        #expect(try rows(desktop) == ["a|bridge|5|easier"])
    }

    /// A merge keeps its pages in memory (`cache_spill` off) only while it runs: merged or refused,
    /// it leaves the connection as it found it.
    @Test func aMergeLeavesTheCacheSpillAsItFoundIt() throws {
        let folder = TemporaryDirectory()
        let (laptop, desktop) = try twoReplicas(folder)
        let spill = { try desktop.queue.read { try Int.fetchOne($0, sql: "PRAGMA cache_spill") } }
        let before = try spill()
        #expect(before != 0)
        let edit = try laptop.record(now: noon + 1_000, "UPDATE items SET pain = 2 WHERE id = 'a'")

        try desktop.merge(edit, now: noon + 2_000)
        #expect(try spill() == before)

        #expect(throws: ChangesetError.self) {
            try ChangesetMerger(tables: ["parent"]).merge(edit.changeset, at: edit.reading, into: desktop.queue)
        }
        #expect(try spill() == before)
    }

    /// Clocks ten minutes or a day apart still agree on which edit wins.
    ///
    /// The desktop's clock is behind by `skew`. An edit it makes after seeing the laptop's wins
    /// though its own clock reads earlier; two edits made without seeing each other go to the
    /// later physical time, the laptop's, on both sides.
    @Test(arguments: [tenMinutes, oneDay])
    func clocksFarApartStillAgree(skew: UInt64) throws {
        let folder = TemporaryDirectory()
        let (laptop, desktop) = try twoReplicas(folder, desktopBehind: skew)
        let seen = try laptop.record(now: noon + 1_000, "UPDATE items SET pain = 3 WHERE id = 'a'")
        try desktop.merge(seen, now: noon - skew + 1_000)
        let after = try desktop.record(now: noon - skew + 2_000, "UPDATE items SET pain = 5 WHERE id = 'a'")
        #expect(after.reading > seen.reading)
        #expect(try laptop.merge(after, now: noon + 3_000).settlements == [])
        #expect(try rows(laptop) == ["a|bridge|5|NULL"])

        let onDesktop = try desktop.record(now: noon - skew + 4_000, "UPDATE items SET note = 'desk' WHERE id = 'a'")
        let onLaptop = try laptop.record(now: noon + 4_000, "UPDATE items SET note = 'lap' WHERE id = 'a'")
        try laptop.merge(onDesktop, now: noon + 5_000)
        try desktop.merge(onLaptop, now: noon - skew + 5_000)

        #expect(try rows(laptop) == ["a|bridge|5|lap"])
        #expect(try laptop.dump() == desktop.dump())
    }

    /// An edit that arrives before its row's insert is kept for it.
    ///
    /// The phone hears of the desktop's edit before the laptop's insert it edits. Fails on "the
    /// incoming change wins", which skips the edit of a row that is not there.
    @Test func anEditThatArrivesBeforeItsRowIsKeptForIt() throws {
        let folder = TemporaryDirectory()
        let (laptop, desktop) = try twoReplicas(folder)
        let phone = try Replica("phone", in: folder, id: 0x0C)
        let insert = try laptop.record(now: noon + 1_000, "INSERT INTO items VALUES ('b', 'cat-cow', 6, NULL)")
        try desktop.merge(insert, now: noon + 1_500)
        let edit = try desktop.record(now: noon + 2_000, "UPDATE items SET pain = 2 WHERE id = 'b'")

        try phone.merge(edit, now: noon + 3_000)
        #expect(try rows(phone) == [])
        try phone.merge(insert, now: noon + 3_500)

        #expect(try rows(phone) == ["b|cat-cow|2|NULL"])
        try laptop.merge(edit, now: noon + 4_000)
        #expect(try rows(laptop) == ["a|bridge|4|NULL", "b|cat-cow|2|NULL"])
        #expect(try phone.queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sync_early_fields") } == 0)
    }

    @Test func localWritesStampTheirFieldsInTheSameTransaction() throws {
        let folder = TemporaryDirectory()
        let laptop = try Replica("laptop", in: folder, id: 0x0A)
        let insert = try laptop.record(now: noon, "INSERT INTO items VALUES ('a', 'bridge', 4, NULL)")
        let clocks = "SELECT col, hlc FROM (\(Replica.fieldClocks)) ORDER BY col"
        func stamped() throws -> [String] {
            try laptop.queue.read { db in
                try Row.fetchAll(db, sql: clocks).map { "\($0[0] as String) \($0[1] as String)" }
            }
        }
        func stored() throws -> [Int] {
            try laptop.queue.read { db in
                try ["sync_row_clocks", "sync_field_clocks"].map {
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)") ?? 0
                }
            }
        }
        let first = insert.reading.text
        #expect(try stamped() == ["note \(first)", "pain \(first)", "title \(first)"])
        // A new row's fields share one row clock; a later write gives its field a clock of its own.
        #expect(try stored() == [1, 0])

        let update = try laptop.record(now: noon + 1, "UPDATE items SET pain = 3 WHERE id = 'a'")
        #expect(try stamped() == ["note \(first)", "pain \(update.reading.text)", "title \(first)"])
        #expect(try stored() == [1, 1])

        // Changes that throw stamp nothing.
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try ChangesetRecorder(tables: Replica.tables).record(in: laptop.queue, at: laptop.clock.send(now: noon + 2))
            {
                db in
                try db.execute(sql: "UPDATE items SET title = 'x' WHERE id = 'a'")
                throw Stop()
            }
        }
        #expect(try stamped() == ["note \(first)", "pain \(update.reading.text)", "title \(first)"])

        // A reading no later than a field's is refused, and changes nothing.
        let stale = #expect(throws: ChangesetError.self) {
            try ChangesetRecorder(tables: Replica.tables).record(in: laptop.queue, at: insert.reading) { db in
                try db.execute(sql: "UPDATE items SET pain = 1 WHERE id = 'a'")
            }
        }
        #expect(stale?.kind == .staleReading)
        #expect(try rows(laptop) == ["a|bridge|3|NULL"])

        let delete = try laptop.record(now: noon + 3, "DELETE FROM items WHERE id = 'a'")
        #expect(try stamped() == [])
        let tombstones = try laptop.queue.read { db in try String.fetchAll(db, sql: "SELECT hlc FROM sync_tombstones") }
        #expect(tombstones == [delete.reading.text])

        // A deleted key cannot be written again: other replicas would ignore it.
        let again = #expect(throws: ChangesetError.self) {
            try laptop.record(now: noon + 4, "INSERT INTO items VALUES ('a', 'bridge', 4, NULL)")
        }
        #expect(again?.kind == .deletedRow("items"))
        #expect(try rows(laptop) == [])
    }

    @Test func aChangesetThatBreaksAConstraintOrAForeignKeyMergesNothing() throws {
        let folder = TemporaryDirectory()
        let (laptop, desktop) = try twoReplicas(folder)
        try desktop.record(now: noon + 1_000, "INSERT INTO items VALUES ('c', 'plank', 2, 'taken')")
        let clash = try laptop.record(
            now: noon + 2_000,
            "UPDATE items SET pain = 1 WHERE id = 'a'; INSERT INTO items VALUES ('d', 'plank', 3, 'taken')")
        let before = try desktop.dump()
        let error = #expect(throws: ChangesetError.self) { try desktop.merge(clash, now: noon + 3_000) }
        #expect(error?.kind == .constraint("items"))
        #expect(try desktop.dump() == before)

        // A parent deleted on one side while the other gave it a child its foreign key does not
        // cascade to: no rule settles it, so the delete is refused.
        let parent = try laptop.record(now: noon + 4_000, "INSERT INTO parent VALUES ('p')")
        try desktop.merge(parent, now: noon + 4_500)
        try desktop.record(now: noon + 5_000, "INSERT INTO child VALUES ('k', 'p')")
        let delete = try laptop.record(
            now: noon + 5_500, "UPDATE items SET pain = 0 WHERE id = 'a'; DELETE FROM parent")
        let withChild = try desktop.dump()
        let refused = #expect(throws: ChangesetError.self) { try desktop.merge(delete, now: noon + 6_000) }
        #expect(refused?.kind == .foreignKey)
        #expect(try desktop.dump() == withChild)
    }

    @Test func aDamagedOrUnsyncedChangesetMergesNothing() throws {
        let folder = TemporaryDirectory()
        let (laptop, desktop) = try twoReplicas(folder)
        let edit = try laptop.record(now: noon + 1_000, "UPDATE items SET pain = 1, note = 'n' WHERE id = 'a'")
        let before = try desktop.dump()
        let cut = Changeset(bytes: Array(edit.changeset.bytes.dropLast(2)))
        let error = #expect(throws: ChangesetError.self) {
            try ChangesetMerger(tables: Replica.tables).merge(cut, at: edit.reading, into: desktop.queue)
        }
        #expect(error?.kind == .damaged)
        #expect(try desktop.dump() == before)
        let notSynced = #expect(throws: ChangesetError.self) {
            try ChangesetMerger(tables: ["parent"]).merge(edit.changeset, at: edit.reading, into: desktop.queue)
        }
        #expect(notSynced?.kind == .tableNotSynced("items"))
        #expect(try desktop.dump() == before)
    }

    /// A check-in deleted against a concurrent red-flag edit: the delete wins on both sides.
    ///
    /// The laptop deletes the check-in while the desktop, not knowing, takes one of its red flags
    /// off and adds another. Both flags go with the check-in, and both replicas end the same, rows,
    /// clocks and tombstones. `deleteIsLater` orders the two readings.
    @Test(arguments: [false, true])
    func aCheckInDeletedAgainstAConcurrentRedFlagEditConverges(deleteIsLater: Bool) throws {
        let folder = TemporaryDirectory()
        let (laptop, desktop) = try twoReplicas(folder)
        let checkin = try laptop.record(
            now: noon + 1_000,
            """
            INSERT INTO checkins VALUES ('c1', 6, NULL);
            INSERT INTO checkin_red_flags VALUES ('c1', 'night-pain', 1), ('c1', 'fever', 1);
            """)
        try desktop.merge(checkin, now: noon + 1_500)
        let delete = try laptop.record(now: noon + (deleteIsLater ? 3_000 : 2_000), "DELETE FROM checkins")
        let edit = try desktop.record(
            now: noon + (deleteIsLater ? 2_000 : 3_000),
            """
            UPDATE checkin_red_flags SET present = 0 WHERE red_flag = 'fever';
            INSERT INTO checkin_red_flags VALUES ('c1', 'one-leg', 1);
            """)
        #expect(
            try names(delete.changeset) == ["checkin_red_flags delete", "checkin_red_flags delete", "checkins delete"])

        let onLaptop = try laptop.merge(edit, now: noon + 4_000)
        let onDesktop = try desktop.merge(delete, now: noon + 4_000)

        #expect(
            described(onLaptop) == [
                "ignoredAfterDelete checkin_red_flags c1 fever", "ignoredAfterDelete checkin_red_flags c1 one-leg",
            ])
        // The flag taken off and the one added were written without knowing of the delete.
        #expect(
            described(onDesktop) == [
                "deletedEditedRow checkin_red_flags c1 fever", "deletedEditedRow checkin_red_flags c1 one-leg",
            ])
        #expect(try laptop.dump() == desktop.dump())
        #expect(try count("checkins", laptop) == 0)
        #expect(try count("checkin_red_flags", laptop) == 0)
        // Every key is tombstoned at the latest reading of a change of it.
        let later = max(delete.reading, edit.reading)
        let expected = [
            tombstone("checkin_red_flags", "c1", "fever", at: later),
            tombstone("checkin_red_flags", "c1", "night-pain", at: delete.reading),
            tombstone("checkin_red_flags", "c1", "one-leg", at: edit.reading),
            tombstone("checkins", "c1", at: delete.reading),
        ]
        #expect(try tombstones(desktop) == expected.sorted())

        // A third replica that hears of them in another order ends the same: the edit that comes
        // before its check-in waits for it.
        let phone = try Replica("phone", in: folder, id: 0x0C)
        let waiting = #expect(throws: ChangesetError.self) { try phone.merge(edit, now: noon + 5_000) }
        #expect(waiting?.kind == .missingParent("checkin_red_flags"))
        for sent in [checkin, delete, edit] { try phone.merge(sent, now: noon + 5_000) }
        #expect(try count("checkin_red_flags", phone) == 0)
        #expect(try tombstones(phone) == expected.sorted())
    }

    /// A PSFS activity removed on the laptop (its `psfs add` undone) while the desktop, not
    /// knowing, rated it and changed an older rating: the activity's delete takes both ratings on
    /// both sides, and both replicas end the same, rows and clocks.
    @Test(arguments: [false, true])
    func aPSFSActivityDeletedAgainstAConcurrentRatingConverges(deleteIsLater: Bool) throws {
        let folder = TemporaryDirectory()
        let (laptop, desktop) = try twoReplicas(folder)
        let activity = try laptop.record(
            now: noon + 1_000,
            """
            INSERT INTO psfs_activities VALUES ('a1', 'put on socks', NULL);
            INSERT INTO psfs_ratings VALUES ('r1', 'a1', 5, NULL);
            """)
        try desktop.merge(activity, now: noon + 1_500)
        let delete = try laptop.record(now: noon + (deleteIsLater ? 3_000 : 2_000), "DELETE FROM psfs_activities")
        let rating = try desktop.record(
            now: noon + (deleteIsLater ? 2_000 : 3_000),
            """
            UPDATE psfs_ratings SET score = 3 WHERE uid = 'r1';
            INSERT INTO psfs_ratings VALUES ('r2', 'a1', 7, 'after the walk');
            """)
        #expect(try names(delete.changeset) == ["psfs_activities delete", "psfs_ratings delete"])

        let onLaptop = try laptop.merge(rating, now: noon + 4_000)
        let onDesktop = try desktop.merge(delete, now: noon + 4_000)

        #expect(described(onLaptop) == ["ignoredAfterDelete psfs_ratings r1", "ignoredAfterDelete psfs_ratings r2"])
        #expect(described(onDesktop) == ["deletedEditedRow psfs_ratings r1", "deletedEditedRow psfs_ratings r2"])
        #expect(try laptop.dump() == desktop.dump())
        #expect(try count("psfs_activities", desktop) == 0)
        #expect(try count("psfs_ratings", desktop) == 0)
        #expect(
            try tombstones(laptop)
                == [
                    tombstone("psfs_activities", "a1", at: delete.reading),
                    tombstone("psfs_ratings", "r1", at: max(delete.reading, rating.reading)),
                    tombstone("psfs_ratings", "r2", at: rating.reading),
                ].sorted())

        // The rating's changeset replayed, or its insert arriving alone, brings nothing back.
        #expect(described(try desktop.merge(rating, now: noon + 5_000)) == described(onLaptop))
        #expect(try laptop.dump() == desktop.dump())
    }

    /// A red flag and a rating that arrive before their check-in and activity wait for them.
    ///
    /// The desktop flags the laptop's check-in and rates its activity; the phone hears of the
    /// desktop's changeset first. It is refused whole (`missingParent`), nothing written; once the
    /// laptop's has arrived, it merges, and the phone holds what the desktop holds.
    @Test func aChildThatArrivesBeforeItsParentWaitsAndIsAppliedAfter() throws {
        let folder = TemporaryDirectory()
        let laptop = try Replica("laptop", in: folder, id: 0x0A)
        let desktop = try Replica("desktop", in: folder, id: 0x0B)
        let phone = try Replica("phone", in: folder, id: 0x0C)
        let parents = try laptop.record(
            now: noon,
            """
            INSERT INTO checkins VALUES ('c2', 4, 'stiff');
            INSERT INTO psfs_activities VALUES ('a2', 'tie shoes', NULL);
            """)
        try desktop.merge(parents, now: noon + 500)
        let children = try desktop.record(
            now: noon + 1_000,
            """
            INSERT INTO checkin_red_flags VALUES ('c2', 'night-pain', 1);
            INSERT INTO psfs_ratings VALUES ('r3', 'a2', 6, NULL);
            """)

        let waiting = #expect(throws: ChangesetError.self) { try phone.merge(children, now: noon + 2_000) }
        #expect(waiting?.kind == .missingParent("checkin_red_flags"))
        #expect(try phone.dump(metadata: false) == [])
        #expect(try phone.queue.read { try $0.tableExists("sync_field_clocks") } == false)

        try phone.merge(parents, now: noon + 2_500)
        #expect(try phone.merge(children, now: noon + 3_000).settlements == [])
        #expect(try phone.dump() == desktop.dump())
        #expect(try count("checkin_red_flags", phone) == 1)
        #expect(try count("psfs_ratings", phone) == 1)
    }
}

/// The changes of a changeset, as "table operation".
private func names(_ changeset: Changeset) throws -> [String] {
    try changeset.changes().map { "\($0.table) \($0.operation)" }
}

/// A report's settlements as "kind table key…", sorted (a changeset lists a table's rows in no
/// set order).
private func described(_ report: ChangesetMerger.Report) -> [String] {
    report.settlements.map { settlement in
        (["\(settlement.kind)", settlement.table] + settlement.key.map { String.fromDatabaseValue($0) ?? "\($0)" })
            .joined(separator: " ")
    }.sorted()
}

private func count(_ table: String, _ replica: Replica) throws -> Int {
    try replica.queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM \(table)") ?? 0 }
}

/// A tombstone as `tombstones(_:)` shows it.
private func tombstone(_ table: String, _ key: String..., at reading: HybridTimestamp) -> String {
    "\(table) \(SyncMetadata.encode(key: key.map(\.databaseValue)).base64EncodedString()) \(reading.text)"
}

/// Every tombstone of the replica, as "table key reading", the key's encoding in base64.
private func tombstones(_ replica: Replica) throws -> [String] {
    try replica.queue.read { db in
        try Row.fetchAll(db, sql: "SELECT * FROM sync_tombstones ORDER BY tbl, pk").map { row in
            "\(row["tbl"] as String) \((row["pk"] as Data).base64EncodedString()) \(row["hlc"] as String)"
        }
    }.sorted()
}
