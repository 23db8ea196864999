import Foundation
import GRDB

/// The person's settings as stored: the one place that reads and writes a setting's row of the
/// `settings` table (`journal config set|get|unset`).
///
/// Every query here runs inside a transaction the caller opened (``JournalStore``), so that what
/// a screen says of the region is read in the same snapshot as everything else it shows, and a
/// change records itself for undo in the same write (``ChangeLog``). The change log and the full
/// import copy the table whole, as the rows of a snapshot; they read no setting by name.
///
/// ```swift
/// let stored = try store.reading { db in try SettingsQueries.region(db) }  // "GB", or nil
/// ```
enum SettingsQueries {
    /// The name of the region's row, the one setting journal writes.
    static let regionName = "region"

    /// The journal's region as stored, whitespace and case as they are; `nil` when none is set.
    static func region(_ db: Database) throws -> String? {
        try value(named: regionName, db)
    }

    /// The setting `name` as stored, whole; `nil` when none is set (no row, or `value` NULL).
    ///
    /// Read as its bytes (``text(_:)``): GRDB reads a text as a C string, so a value put in from
    /// outside with a NUL in it (`'GB' || char(0)`) would read cut short, as a region it is not.
    static func value(named name: String, _ db: Database) throws -> String? {
        text(try Data.fetchOne(db, sql: "SELECT CAST(value AS BLOB) FROM settings WHERE name = ?", arguments: [name]))
    }

    /// A setting's name or value selected as its bytes (`CAST(… AS BLOB)`), decoded whole: a NUL
    /// stays U+0000, for a note to name (``Wording/hiddenCharacter(in:)``); `nil` for `NULL`.
    static func text(_ bytes: Data?) -> String? {
        bytes.map { String(decoding: $0, as: UTF8.self) }
    }

    /// Stores `value` as the setting `name`, replacing any before it.
    static func set(_ name: String, to value: String, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO settings (name, value) VALUES (?, ?)
                ON CONFLICT (name) DO UPDATE SET value = excluded.value
                """,
            arguments: [name, value])
    }

    /// Unsets the setting `name`, if it is set: its row stays, `value` NULL, so that setting it
    /// again writes the same key (a deleted key could never be written again, docs/sync-ids.md).
    static func remove(_ name: String, _ db: Database) throws {
        try db.execute(sql: "UPDATE settings SET value = NULL WHERE name = ? AND value IS NOT NULL", arguments: [name])
    }
}
