import Foundation
import GRDB
import TestSupport
import Testing

@testable import JournalSync

/// Two journals as two SQLite files: `here` records, `there` applies.
private struct Replicas {
    let folder = TemporaryDirectory()
    let here: DatabaseQueue
    let there: DatabaseQueue

    static let schema = """
        CREATE TABLE scratch (
            id INTEGER PRIMARY KEY,
            pain INTEGER NOT NULL CHECK (pain BETWEEN 0 AND 10),
            note TEXT UNIQUE
        );
        CREATE TABLE parent (id TEXT PRIMARY KEY);
        CREATE TABLE child (id TEXT PRIMARY KEY, parent TEXT NOT NULL REFERENCES parent (id));
        CREATE TABLE outbox (sequence INTEGER PRIMARY KEY, changeset BLOB NOT NULL);
        CREATE TABLE unkeyed (pain INTEGER);
        INSERT INTO scratch VALUES (1, 4, 'one'), (2, 5, 'two'), (3, 6, 'three');
        """

    init() throws {
        here = try DatabaseQueue(path: folder.file("here.sqlite"))
        there = try DatabaseQueue(path: folder.file("there.sqlite"))
        for queue in [here, there] { try queue.write { try $0.execute(sql: Self.schema) } }
    }

    static func text(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: "NULL"
        case .int64(let number): "\(number)"
        case .double(let number): "\(number)"
        case .string(let text): text
        case .blob(let bytes): "\(bytes.count) bytes"
        }
    }

    static func rows(_ queue: DatabaseQueue, _ table: String = "scratch") throws -> [String] {
        try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1").map { row in
                row.databaseValues.map(Self.text).joined(separator: "|")
            }
        }
    }
}

private let recorder = ChangesetRecorder(tables: ["scratch", "parent", "child"])
private let applier = ChangesetApplier(tables: ["scratch", "parent", "child"])

@Suite struct ChangesetTests {
    @Test func insertsUpdatesAndDeletesRecordedHereArriveThere() throws {
        let replicas = try Replicas()
        let changeset = try recorder.record(in: replicas.here) { db in
            try db.execute(sql: "INSERT INTO scratch VALUES (4, 2, 'four')")
            try db.execute(sql: "UPDATE scratch SET pain = 3, note = NULL WHERE id = 1")
            try db.execute(sql: "DELETE FROM scratch WHERE id = 2")
        }
        #expect(
            try changeset.changes().map(\.operation).sorted { "\($0)" < "\($1)" } == [.delete, .insert, .update])

        let report = try applier.apply(changeset: changeset, to: replicas.there)

        #expect(report == .init(changeCount: 3, conflicts: []))
        #expect(try Replicas.rows(replicas.there) == ["1|3|NULL", "3|6|three", "4|2|four"])
        #expect(try Replicas.rows(replicas.there) == Replicas.rows(replicas.here))
    }

    @Test func aTransactionThatChangesNothingSyncedGivesAnEmptyChangeset() throws {
        let replicas = try Replicas()
        let changeset = try recorder.record(in: replicas.here) { db in
            try db.execute(sql: "INSERT INTO scratch VALUES (9, 1, NULL)")
            try db.execute(sql: "DELETE FROM scratch WHERE id = 9")
            try db.execute(sql: "INSERT INTO outbox VALUES (1, x'00')")
        }
        #expect(changeset.isEmpty)
        #expect(try changeset.changes() == [])
        #expect(try applier.apply(changeset: changeset, to: replicas.there) == .init(changeCount: 0, conflicts: []))
    }

    @Test func aChangesetIsKeptInTheSameTransactionAsItsChanges() throws {
        let replicas = try Replicas()
        let changeset = try recorder.record(
            in: replicas.here, { db in try db.execute(sql: "UPDATE scratch SET pain = 0 WHERE id = 3") },
            keep: { db, changeset in
                try db.execute(sql: "INSERT INTO outbox (changeset) VALUES (?)", arguments: [Data(changeset.bytes)])
            })
        let kept = try replicas.here.read { try Data.fetchAll($0, sql: "SELECT changeset FROM outbox") }
        #expect(kept == [Data(changeset.bytes)])
        #expect(try changeset.changes() == [.init(table: "scratch", operation: .update)])
    }

    @Test func changesThatThrowAreRolledBackAndRecordNothing() throws {
        struct Stop: Error {}
        let replicas = try Replicas()
        #expect(throws: Stop.self) {
            try recorder.record(
                in: replicas.here, { db in try db.execute(sql: "DELETE FROM scratch") },
                keep: { db, _ in
                    try db.execute(sql: "INSERT INTO outbox VALUES (1, x'00')")
                    throw Stop()
                })
        }
        #expect(try Replicas.rows(replicas.here) == ["1|4|one", "2|5|two", "3|6|three"])
        #expect(try Replicas.rows(replicas.here, "outbox") == [])
    }

    @Test func aTableWithoutAPrimaryKeyOrMissingIsRefusedBeforeAnyChange() throws {
        let replicas = try Replicas()
        for table in ["unkeyed", "nowhere"] {
            let error = #expect(throws: ChangesetError.self) {
                try ChangesetRecorder(tables: ["scratch", table]).record(in: replicas.here) { db in
                    try db.execute(sql: "DELETE FROM scratch")
                }
            }
            #expect(error?.kind == .tableMismatch(table))
        }
        #expect(try Replicas.rows(replicas.here).count == 3)
    }

    @Test func updatesOfOtherColumnsOfOneRowBothStay() throws {
        let replicas = try Replicas()
        try replicas.there.write { try $0.execute(sql: "UPDATE scratch SET note = 'edited there' WHERE id = 1") }
        let changeset = try recorder.record(in: replicas.here) { db in
            try db.execute(sql: "UPDATE scratch SET pain = 2 WHERE id = 1")
        }
        let report = try applier.apply(changeset: changeset, to: replicas.there)
        // An update carries only the columns it changed (and the key): the note edited there stays.
        #expect(report.conflicts == [])
        #expect(try Replicas.rows(replicas.there) == ["1|2|edited there", "2|5|two", "3|6|three"])
    }

    @Test func anUpdateOfAColumnChangedThereWins() throws {
        let replicas = try Replicas()
        try replicas.there.write { try $0.execute(sql: "UPDATE scratch SET pain = 9 WHERE id = 1") }
        let changeset = try recorder.record(in: replicas.here) { db in
            try db.execute(sql: "UPDATE scratch SET pain = 2 WHERE id = 1")
        }
        let report = try applier.apply(changeset: changeset, to: replicas.there)
        #expect(
            report.conflicts == [
                .init(table: "scratch", operation: .update, kind: .changedHere, resolution: .incomingWins)
            ])
        #expect(try Replicas.rows(replicas.there) == ["1|2|one", "2|5|two", "3|6|three"])
    }

    @Test func aDeleteBeatsAnEditMadeWithoutKnowingOfIt() throws {
        let replicas = try Replicas()
        try replicas.there.write { try $0.execute(sql: "UPDATE scratch SET pain = 9 WHERE id = 3") }
        let changeset = try recorder.record(in: replicas.here) { db in
            try db.execute(sql: "DELETE FROM scratch WHERE id = 3")
        }
        let report = try applier.apply(changeset: changeset, to: replicas.there)
        #expect(
            report.conflicts == [
                .init(table: "scratch", operation: .delete, kind: .changedHere, resolution: .incomingWins)
            ])
        #expect(try Replicas.rows(replicas.there) == ["1|4|one", "2|5|two"])
    }

    @Test func anUpdateOfARowDeletedThereIsSkipped() throws {
        let replicas = try Replicas()
        try replicas.there.write { try $0.execute(sql: "DELETE FROM scratch WHERE id = 2") }
        let changeset = try recorder.record(in: replicas.here) { db in
            try db.execute(sql: "UPDATE scratch SET pain = 1 WHERE id = 2")
        }
        let report = try applier.apply(changeset: changeset, to: replicas.there)
        #expect(
            report.conflicts == [
                .init(table: "scratch", operation: .update, kind: .missingHere, resolution: .skipped)
            ])
        #expect(try Replicas.rows(replicas.there) == ["1|4|one", "3|6|three"])
    }

    @Test func anInsertWhoseKeyIsAlreadyThereReplacesTheRow() throws {
        let replicas = try Replicas()
        try replicas.there.write { try $0.execute(sql: "INSERT INTO scratch VALUES (5, 8, 'there')") }
        let changeset = try recorder.record(in: replicas.here) { db in
            try db.execute(sql: "INSERT INTO scratch VALUES (5, 1, 'here')")
        }
        let report = try applier.apply(changeset: changeset, to: replicas.there)
        #expect(
            report.conflicts == [
                .init(table: "scratch", operation: .insert, kind: .alreadyHere, resolution: .incomingWins)
            ])
        #expect(try Replicas.rows(replicas.there).last == "5|1|here")
    }

    @Test func aChangeThatBreaksAConstraintAppliesNothing() throws {
        let replicas = try Replicas()
        try replicas.there.write { try $0.execute(sql: "INSERT INTO scratch VALUES (7, 1, 'taken')") }
        let changeset = try recorder.record(in: replicas.here) { db in
            try db.execute(sql: "DELETE FROM scratch WHERE id = 1")
            try db.execute(sql: "INSERT INTO scratch VALUES (8, 1, 'taken')")
        }
        let before = try Replicas.rows(replicas.there)
        let error = #expect(throws: ChangesetError.self) {
            try applier.apply(changeset: changeset, to: replicas.there)
        }
        #expect(error?.kind == .constraint("scratch"))
        #expect(try Replicas.rows(replicas.there) == before)
    }

    @Test func aRowWhoseParentIsMissingAppliesNothing() throws {
        let replicas = try Replicas()
        try replicas.here.write { try $0.execute(sql: "INSERT INTO parent VALUES ('p')") }
        let changeset = try recorder.record(in: replicas.here) { db in
            try db.execute(sql: "UPDATE scratch SET pain = 0 WHERE id = 1")
            try db.execute(sql: "INSERT INTO child VALUES ('c', 'p')")
        }
        let error = #expect(throws: ChangesetError.self) {
            try applier.apply(changeset: changeset, to: replicas.there)
        }
        #expect(error?.kind == .foreignKey)
        #expect(try Replicas.rows(replicas.there, "child") == [])
        #expect(try Replicas.rows(replicas.there).first == "1|4|one")
    }

    @Test func aDamagedChangesetIsRefusedAndNothingApplied() throws {
        let replicas = try Replicas()
        let changeset = try recorder.record(in: replicas.here) { db in
            try db.execute(sql: "UPDATE scratch SET pain = 0")
            try db.execute(sql: "INSERT INTO scratch VALUES (4, 2, 'four')")
        }
        let before = try Replicas.rows(replicas.there)
        let damaged = [
            Array(changeset.bytes.dropLast(3)),
            Array(changeset.bytes.prefix(changeset.bytes.count / 2)),
            [0x54, 0x01],
            Array("not a changeset".utf8),
        ]
        for bytes in damaged {
            let error = #expect(throws: ChangesetError.self) {
                try applier.apply(changeset: Changeset(bytes: bytes), to: replicas.there)
            }
            #expect(error?.kind == .damaged)
            #expect(try Replicas.rows(replicas.there) == before)
        }
    }

    @Test func aChangesetForATableThatIsNotSyncedOrDiffersAppliesNothing() throws {
        let replicas = try Replicas()
        let changeset = try recorder.record(in: replicas.here) { db in
            try db.execute(sql: "UPDATE scratch SET pain = 0")
        }
        let error = #expect(throws: ChangesetError.self) {
            try ChangesetApplier(tables: ["parent"]).apply(changeset: changeset, to: replicas.there)
        }
        #expect(error?.kind == .tableNotSynced("scratch"))
        try replicas.there.write { try $0.execute(sql: "ALTER TABLE scratch ADD COLUMN extra TEXT") }
        let mismatch = #expect(throws: ChangesetError.self) {
            try applier.apply(changeset: changeset, to: replicas.there)
        }
        #expect(mismatch?.kind == .tableMismatch("scratch"))
        #expect(try Replicas.rows(replicas.there) == ["1|4|one|NULL", "2|5|two|NULL", "3|6|three|NULL"])
    }
}

@Suite struct ChangesetStructureTests {
    /// A changeset of one table `s (a PRIMARY KEY, b)` with one insert of (1, 'x'), written by hand.
    static let oneInsert: [UInt8] =
        [0x54, 0x02, 0x01, 0x00, 0x73, 0x00]
        + [18, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0, 1, 0x03, 0x01, 0x78]

    @Test func aWholeChangesetIsRead() throws {
        #expect(try Changeset(bytes: Self.oneInsert).changes() == [.init(table: "s", operation: .insert)])
    }

    /// A key of two columns is read by each column's place in it.
    ///
    /// As SQLite 3.40's CLI wrote it for `g (x, y, PRIMARY KEY (y, x))` and one insert of
    /// ('p', 'q'): the columns' bytes are 2 then 1. A place past the column count is damaged.
    @Test func aKeyOfTwoColumnsIsReadByItsPlaces() throws {
        let insert: [UInt8] = [0x54, 0x02, 0x02, 0x01, 0x67, 0x00] + [18, 0x00, 0x03, 0x01, 0x70, 0x03, 0x01, 0x71]
        #expect(try Changeset(bytes: insert).changes() == [.init(table: "g", operation: .insert)])
        #expect(try Changeset(bytes: insert).rowChanges().map(\.key) == [["p".databaseValue, "q".databaseValue]])
        var beyond = insert
        beyond[2] = 0x03
        let error = #expect(throws: ChangesetError.self) { try Changeset(bytes: beyond).changes() }
        #expect(error?.kind == .damaged)
    }

    /// Each of these made SQLite 3.40's own iterator loop forever, or is cut short elsewhere.
    @Test(arguments: [
        [0x54], [0x54, 0x01], [0x54, 0x01, 0x01], [0x54, 0x01, 0x01, 0x73], [0x54, 0x00, 0x00],
        [0x54, 0x02, 0x01, 0x02, 0x73, 0x00],
    ])
    func aCutOrMalformedTableHeaderIsDamaged(bytes: [UInt8]) {
        let error = #expect(throws: ChangesetError.self) { try Changeset(bytes: bytes).changes() }
        #expect(error?.kind == .damaged)
    }

    @Test func everyPrefixOfAChangesetIsDamaged() {
        for length in 1..<Self.oneInsert.count {
            let error = #expect(throws: ChangesetError.self) {
                try Changeset(bytes: Array(Self.oneInsert.prefix(length))).changes()
            }
            #expect(error?.kind == .damaged, "prefix of \(length) bytes")
        }
    }
}
