import Foundation
import GRDB

/// `journal backup` (``BackupFile``).
extension JournalStore {
    /// Writes a consistent copy of the journal with `VACUUM INTO` (never a file copy of a live
    /// database), mode 0600, to `destination`, which must not exist; without `destination`,
    /// beside the journal, named with the local time (``defaultBackupPath(now:)``), and `-2`,
    /// `-3`… after it when a backup of that name exists.
    ///
    /// Returns the path. A `destination` that is one of the journal's own files is refused (``JournalFiles``).
    ///
    /// ```swift
    /// try store.backUp(to: "/backups/journal-2026-11-25.sqlite3")
    /// let path = try store.backUp()  // …/journal-backup-2026-11-25-101500.sqlite3
    /// ```
    @discardableResult
    public func backUp(to destination: String? = nil, now: Date = Date()) throws -> String {
        if let destination { try JournalFiles.refuseAsOutput(destination, journal: path) }
        do {
            return try BackupFile.copy(
                queue, to: destination ?? defaultBackupPath(now: now), numbered: destination == nil)
        } catch {
            throw SQLiteErrors.translate(error, path: path)
        }
    }

    /// The default backup path: beside the journal, named with the local time.
    public func defaultBackupPath(now: Date = Date()) -> String {
        let base = PathName.removingExtension(path)
        return "\(base)-backup-\(BackupFile.stamp(now)).sqlite3"
    }
}
