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
        let db = try DatabaseQueue(path: path, configuration: configuration)
        try db.write { db in
            for kind in ["view", "index", "table"] {
                let names = try String.fetchAll(
                    db, sql: "SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%'",
                    arguments: [kind])
                for name in names where !kept.contains(name) {
                    try db.execute(sql: "DROP \(kind) \(name.quotedDatabaseIdentifier)")
                }
            }
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
    /// Saves `entry` as a new entry (its id is ignored) and returns it with its id.
    func add(_ entry: Entry) throws -> Entry {
        try writing { db in
            var new = entry
            new.id = nil
            new.id = try EntryQueries.insert(new, db)
            return new
        }
    }

    /// Saves `checkIn` with its red flags and returns it with its id.
    func add(_ checkIn: CheckIn) throws -> CheckIn {
        try writing { db in
            var saved = checkIn
            try saved.insert(db)
            return saved
        }
    }
}
