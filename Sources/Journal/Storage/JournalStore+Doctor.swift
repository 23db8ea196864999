import Foundation
import GRDB

/// What `journal doctor` found.
public struct Diagnosis: Sendable {
    public var path: String
    /// The file `path` leads to when it is a symbolic link (sizes are the file's, not the link's).
    public var linkTarget: String?
    public var access: JournalStore.Access
    /// Why the journal is read but not written, when it is (``ReadOnlyCause/of(_:)``); `nil` when it
    /// is written, or when nothing stops writing it any more (a disk full when it was opened has room).
    public var readOnlyCause: ReadOnlyCause?
    public var fileBytes: Int
    public var writeAheadLogBytes: Int
    public var entries: Int
    public var checkIns: Int
    /// Migrations applied to the file, oldest first.
    public var appliedMigrations: [String]
    /// Whether every migration this version knows has been applied.
    public var isUpToDate: Bool
    /// Whether a newer version of journal has migrated it further.
    public var isFromNewerVersion: Bool
    /// `quick_check` or, with `full`, `integrity_check`.
    public var integrityCheck: String
    /// Problems the check reported that are not values journal never writes (a CHECK failing in a
    /// table where ``storedValues`` names a value): damage, for `.recover`; `["ok"]` when none.
    public var integrity: [String]
    /// Values journal never writes, put in from outside: the same search as every screen's.
    public var storedValues: [StoredValueProblem]
    /// What the schema holds that journal did not make (``JournalStore/schemaProblem``).
    public var schemaProblem: JournalError?

    /// Why the journal is read but not written, and what to do, in the words a refused write uses.
    ///
    /// "the disk is full. Free some disk space and try again." (``readOnlyCause``); `nil` when none.
    public var accessReason: String? {
        readOnlyCause.map { "\($0.reason). \($0.remedy(copying: ReadOnlyCause.journalCopy(of: linkTarget ?? path)))" }
    }

    /// Whether SQLite found no damage (values from outside and schema objects are said apart).
    public var isHealthy: Bool { integrity == ["ok"] }
}

/// A file whose mode `journal doctor` (or opening the journal) changed.
public struct PermissionChange: Sendable, Hashable {
    public var path: String
    public var from: Int
    public var to: Int

    /// Whether others could read or write it before: its group or other bits were set.
    public var wasOpenToOthers: Bool { from & 0o077 != 0 }
    /// Whether its owner could not write it before: a -wal or -shm that reading the journal while
    /// it was read-only (mode 0400) left with that mode, on which every change failed.
    public var wasUnwritable: Bool { from & 0o200 == 0 }
}

/// The check `journal doctor` runs (file modes are ``FilePermissions``).
extension JournalStore {
    /// Checks the file: size, contents, schema version and SQLite's own consistency check.
    public func diagnose(full: Bool) throws -> Diagnosis {
        let check = full ? "integrity_check" : "quick_check"
        // stat follows links: a journal reached through a symbolic link has the size of the file it leads to,
        // and SQLite keeps the write-ahead log beside that file.
        let size = { (file: String) -> Int in
            var info = stat()
            return stat(file, &info) == 0 ? Int(info.st_size) : 0
        }
        var link = stat()
        let linkTarget =
            lstat(path, &link) == 0 && link.st_mode & S_IFMT == S_IFLNK
            ? JournalFiles.resolved(path) : nil
        // Not `reading`: a journal whose table was swapped is refused there, and doctor says what it finds.
        let problem = schemaProblem
        let search = !refusesReading
        return try queue.read { db in
            let migrator = Migrations.migrator
            let checked = try String.fetchAll(db, sql: "PRAGMA \(check)")
            let values = search ? try StoredValues.problems(db) : []
            // A CHECK that fails where the search names a value: the value, not damage.
            let explained = Set(values.map { "CHECK constraint failed in \($0.table)" })
            let damage = checked.filter { !explained.contains($0) }
            return Diagnosis(
                path: path, linkTarget: linkTarget, access: access,
                readOnlyCause: access == .readWrite ? nil : ReadOnlyCause.of(linkTarget ?? path), fileBytes: size(path),
                writeAheadLogBytes: size((linkTarget ?? path) + "-wal"),
                entries: try Int.fetchOne(db, sql: "SELECT count(*) FROM entries") ?? 0,
                checkIns: try Int.fetchOne(db, sql: "SELECT count(*) FROM checkins") ?? 0,
                appliedMigrations: try migrator.appliedMigrations(db),
                isUpToDate: try migrator.hasCompletedMigrations(db),
                isFromNewerVersion: try migrator.hasBeenSuperseded(db),
                integrityCheck: check,
                integrity: damage.isEmpty ? ["ok"] : damage, storedValues: values, schemaProblem: problem)
        }
    }
}
