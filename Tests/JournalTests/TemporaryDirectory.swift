import Foundation
import GRDB

@testable import Journal

/// A fresh directory under the system's temporary folder, removed when the value is released.
final class TemporaryDirectory {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "journal-tests-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { path + "/" + name }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// Turns a journal back into what version 1 wrote (entries and the catalogue only), to test upgrades.
enum VersionOneJournal {
    static func downgrade(_ path: String) throws {
        let db = try DatabaseQueue(path: path)
        try db.write { db in
            try db.execute(
                sql: """
                    DROP TABLE reviews; DROP TABLE change_reviews; DROP TABLE change_checkins;
                    DROP INDEX entries_stops;
                    DROP TABLE plan; DROP TABLE change_entries; DROP TABLE changes;
                    ALTER TABLE exercises DROP COLUMN archived;
                    DROP TABLE checkin_red_flags; DROP TABLE checkins;
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
            new.id = try Self.insert(new, db)
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
