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
        """
    static let tables = ["items", "parent", "child"]

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

    /// The synced rows and the clocks beside them, one line a row, every value with its type.
    func dump(metadata: Bool = true) throws -> [String] {
        try queue.read { db in
            var queries = Self.tables.map { "SELECT * FROM \($0) ORDER BY id" }
            if metadata {
                queries += [
                    "SELECT * FROM sync_field_clocks ORDER BY tbl, pk, col",
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
        let clocks = "SELECT col, hlc FROM sync_field_clocks ORDER BY col"
        func stamped() throws -> [String] {
            try laptop.queue.read { db in
                try Row.fetchAll(db, sql: clocks).map { "\($0[0] as String) \($0[1] as String)" }
            }
        }
        let first = insert.reading.text
        #expect(try stamped() == ["note \(first)", "pain \(first)", "title \(first)"])

        let update = try laptop.record(now: noon + 1, "UPDATE items SET pain = 3 WHERE id = 'a'")
        #expect(try stamped() == ["note \(first)", "pain \(update.reading.text)", "title \(first)"])

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

        try laptop.record(now: noon + 4_000, "INSERT INTO parent VALUES ('p')")
        let orphan = try laptop.record(
            now: noon + 5_000, "UPDATE items SET pain = 0 WHERE id = 'a'; INSERT INTO child VALUES ('k', 'p')")
        let refused = #expect(throws: ChangesetError.self) { try desktop.merge(orphan, now: noon + 6_000) }
        #expect(refused?.kind == .foreignKey)
        #expect(try desktop.dump() == before)
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
}
