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

    /// Whether the journal syncs (`journal sync init`): other devices may hold reviews it has not
    /// merged yet, which cover what they had seen of its records.
    static func syncs(_ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM sync_folder)") == true
    }

    /// Runs `body` in `db`'s write transaction; records what it changed when the journal syncs.
    static func record<T>(_ db: Database, clock: StoreClock, _ body: (Database) throws -> T) throws -> T {
        guard try syncs(db) else {
            return try body(db)
        }
        let before = try String.fetchOne(db, sql: "SELECT last FROM replica_clocks WHERE self = 1")
        let recorded: (result: T, changeset: Changeset, reading: HybridTimestamp?)
        do {
            recorded = try record(db, clock: clock, before: before, body)
        } catch let error as ChangesetError {
            switch error.kind {
            case .deletedRow(let table):
                throw JournalError.syncCannotRecord(
                    reason: "it would write again a row of \(table) that was deleted, here or on another device, and "
                        + "a deleted record never comes back on the other devices")
            case .staleReading:
                throw JournalError.syncCannotRecord(
                    reason: "its clock reading is not later than one merged from another device")
            default:
                throw JournalError.syncCannotRecord(reason: Self.lowercased(error.reason))
            }
        }
        if let reading = recorded.reading {
            try db.execute(
                sql: "INSERT INTO sync_outbox (reading, changeset) VALUES (?, ?)",
                arguments: [reading.text, Data(recorded.changeset.bytes)])
        }
        return recorded.result
    }

    private static func lowercased(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.lowercased() + text.dropFirst()
    }

    private static func record<T>(
        _ db: Database, clock: StoreClock, before: String?, _ body: (Database) throws -> T
    ) throws -> (result: T, changeset: Changeset, reading: HybridTimestamp?) {
        try SyncTables.recorder.record(
            inTransactionOf: db,
            at: {
                // The body's own reading, when it took one (the records it made carry it); else one now.
                let after = try String.fetchOne(db, sql: "SELECT last FROM replica_clocks WHERE self = 1")
                if let after, after != before, let reading = HybridTimestamp(text: after) { return reading }
                return try clock.send(db, now: now())
            }, body)
    }
}
