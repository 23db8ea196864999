import Foundation
import GRDB
import JournalSync

/// The tables that travel between replicas, parents before their children (docs/sync-ids.md, "What
/// is synced"): one list, which the recorder, the snapshot and the merger all take.
enum SyncTables {
    static let names = [
        "exercises", "settings", "plan", "plan_history", "entries", "checkins", "checkin_red_flags", "reviews",
        "red_flag_reviews", "psfs_activities", "psfs_ratings",
    ]
    static let recorder = ChangesetRecorder(tables: names)
    static let merger = ChangesetMerger(tables: names)

    /// Copies into the tables of `schema` the synced rows every new journal holds (the built-in
    /// exercises its migrations insert), so that a snapshot leaves them out: every replica has them.
    static func newJournalRows(_ db: Database, into schema: String) throws {
        let fresh = try DatabaseQueue()
        try Migrations.migrator.migrate(fresh)
        for table in names {
            let rows = try fresh.read { try Row.fetchAll($0, sql: "SELECT * FROM \(table)") }
            for row in rows {
                let columns = Array(row.columnNames)
                try db.execute(
                    sql: "INSERT INTO \(schema).\(table) (\(columns.joined(separator: ", "))) VALUES ("
                        + columns.map { _ in "?" }.joined(separator: ", ") + ")",
                    arguments: StatementArguments(row.databaseValues))
            }
        }
    }
}

/// What every store write does once the journal syncs (docs/sync-ids.md, "What each store write does").
///
/// The write's changes to the synced tables are recorded, in its own transaction, as one
/// changeset at the write's reading, and kept in `sync_outbox` until `journal sync` sends them.
/// A journal with no sync folder pays one probe of `sync_folder` per write.
public enum SyncRecording {
    /// The time a write that took no reading of its own is recorded at: the CLI sets it to its
    /// clock (`JOURNAL_NOW`), so that readings follow the command's time.
    public nonisolated(unsafe) static var now: () -> Date = { Date() }

    /// Runs `body` in `db`'s write transaction; records what it changed when the journal syncs.
    static func record<T>(_ db: Database, clock: StoreClock, _ body: (Database) throws -> T) throws -> T {
        guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM sync_folder)") == true else {
            return try body(db)
        }
        let before = try String.fetchOne(db, sql: "SELECT last FROM replica_clocks WHERE self = 1")
        let recorded = try SyncTables.recorder.record(
            inTransactionOf: db,
            at: {
                // The body's own reading, when it took one (the records it made carry it); else one now.
                let after = try String.fetchOne(db, sql: "SELECT last FROM replica_clocks WHERE self = 1")
                if let after, after != before, let reading = HybridTimestamp(text: after) { return reading }
                return try clock.send(db, now: now())
            }, body)
        if let reading = recorded.reading {
            try db.execute(
                sql: "INSERT INTO sync_outbox (reading, changeset) VALUES (?, ?)",
                arguments: [reading.text, Data(recorded.changeset.bytes)])
        }
        return recorded.result
    }
}
