import Foundation
import GRDB

@testable import Journal

/// Turns a journal back into what version 1 wrote (entries and the catalogue only), to test upgrades.
enum VersionOneJournal {
    /// Drops everything that migrations after version 1 added, whatever they are: the views, tables and
    /// indexes a journal built by version 1's two sections alone does not have, and the columns
    /// later sections added to `exercises` (`archived`, `how_to`).
    static func downgrade(_ path: String) throws {
        let versionOne = try DatabaseQueue()
        try Migrations.migrator(sections: Array(Schema.sections.prefix(2))).migrate(versionOne)
        let kept = Set(try versionOne.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master") })
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        // v26-record-ids keyed entries by uid, their ids kept in entry_ids: version 1's table again (its
        // statement first, then its indexes'), each entry under its id, and the id counter where entry_ids' stands.
        let versionOneEntries = try versionOne.read { db in
            try String.fetchAll(
                db,
                sql: "SELECT sql FROM sqlite_master WHERE tbl_name = 'entries' AND sql IS NOT NULL ORDER BY type DESC")
        }
        let db = try DatabaseQueue(path: path, configuration: configuration)
        try db.write { db in
            func drop(_ kind: String) throws {
                let names = try String.fetchAll(
                    db, sql: "SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%'",
                    arguments: [kind])
                for name in names where !kept.contains(name) {
                    try db.execute(sql: "DROP \(kind) \(name.quotedDatabaseIdentifier)")
                }
            }
            try drop("view")
            if try db.columns(in: "entries").contains(where: { $0.name == "uid" }) {
                try db.execute(sql: "ALTER TABLE entries RENAME TO entries_keyed")
                for table in versionOneEntries.prefix(1) { try db.execute(sql: table) }
                try db.execute(
                    sql: """
                        INSERT INTO entries (id, exercise_id, performed_at, utc_offset, sets, reps, hold_seconds, side,
                                             pain_before, pain_after, note, created_at)
                        SELECT a.id, e.exercise_id, e.performed_at, e.utc_offset, e.sets, e.reps, e.hold_seconds,
                               e.side, e.pain_before, e.pain_after, e.note, e.created_at
                        FROM entries_keyed AS e JOIN entry_ids AS a USING (uid) ORDER BY a.id;
                        DROP TABLE entries_keyed;
                        DELETE FROM sqlite_sequence WHERE name = 'entries';
                        INSERT INTO sqlite_sequence (name, seq)
                            SELECT 'entries', seq FROM sqlite_sequence WHERE name = 'entry_ids';
                        """)
                for index in versionOneEntries.dropFirst() { try db.execute(sql: index) }
            }
            try drop("index")
            try drop("table")
            try db.execute(
                sql: """
                    ALTER TABLE exercises DROP COLUMN archived;
                    ALTER TABLE exercises DROP COLUMN how_to;
                    DELETE FROM grdb_migrations WHERE identifier NOT IN ('v1-schema', 'v1-catalogue');
                    """)
        }
        try db.close()
    }
}

/// Seeding journals for tests: an entry or check-in written as given, without the rules.
extension JournalStore {
    /// Saves `entry` as a new entry (its id is ignored) and returns it with its id, its uid and its
    /// reading, taken at its `createdAt`.
    func add(_ entry: Entry) throws -> Entry {
        try writing { db in
            var stamp = try clock.stamp(db, now: Date(timeIntervalSince1970: TimeInterval(entry.createdAt)))
            var new = entry
            let uid = stamp.uid()
            new.id = nil
            new.uid = uid
            new.recorded = stamp.recorded
            new.id = try EntryQueries.insert(new, uid: uid, recorded: stamp.recorded, db)
            return new
        }
    }

    /// Saves `checkIn` with its red flags and returns it with its id and its reading, taken at its `createdAt`.
    func add(_ checkIn: CheckIn) throws -> CheckIn {
        try writing { db in
            var stamp = try clock.stamp(db, now: Date(timeIntervalSince1970: TimeInterval(checkIn.createdAt)))
            var saved = checkIn
            try saved.insert(db, stamp: &stamp)
            return saved
        }
    }
}

/// Records written into a journal from outside (schema.sql, v26-record-ids), as another program or
/// an older journal may: a uid and a clock reading made from numbers, so that tests write them by hand.
///
/// ```swift
/// OutsideRecord.uid(3)                        // "00000000-0000-7000-8000-000000000003"
/// OutsideRecord.reading(unixSeconds: 60)     // "000000000060000-00000000-000…0"
/// ```
enum OutsideRecord {
    /// The replica a journal's own readings name until `journal sync init` gives it an id.
    static let unsynced = String(repeating: "0", count: 32)

    /// A UUIDv7-shaped uid (36 characters) numbered `number`: uids sort as their numbers do.
    static func uid(_ number: Int) -> String { "00000000-0000-7000-8000-" + padded(number, 12) }

    /// SQL for the uid numbered by the expression `number`, as ``uid(_:)`` makes it.
    static func uidSQL(_ number: String) -> String { "printf('00000000-0000-7000-8000-%012d', \(number))" }

    /// A clock reading (57 characters) of `replica` at `unixSeconds`, `counter` after the second's first.
    static func reading(unixSeconds: Int64, counter: Int = 0, replica: String = unsynced) -> String {
        padded(Int(unixSeconds) * 1000, 15) + "-" + String(format: "%08x", counter) + "-" + replica
    }

    /// SQL for the reading of this journal's replica at the expressions `unixSeconds` and `counter`.
    static func readingSQL(unixSeconds: String, counter: String = "0") -> String {
        "printf('%015d-%08x-%s', (\(unixSeconds)) * 1000, \(counter), '\(unsynced)')"
    }

    /// A review's `seen` that has seen `reading` of its replica, and nothing of any other.
    static func seen(_ reading: String) -> String {
        #"{"\#(reading.suffix(32))":"\#(reading)"}"#
    }

    /// A review's `seen` that has seen nothing.
    static let seenNothing = "{}"

    /// SQL naming the uid of the record whose alias is `id` in the alias table `aliases` (`entry_ids`).
    static func uid(of id: Int64, in aliases: String) -> String { "(SELECT uid FROM \(aliases) WHERE id = \(id))" }

    private static func padded(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
