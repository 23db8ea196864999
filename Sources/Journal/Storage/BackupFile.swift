import Foundation
import GRDB

/// A backup file: a consistent copy of a journal made with `VACUUM INTO`, mode 0600 from its first
/// byte, never overwriting anything; also the names backups take (`journal backup`, and the copy
/// kept before a migration).
///
/// ```swift
/// let path = try BackupFile.copy(queue, to: "/backups/journal.sqlite3", numbered: true)
/// ```
public enum BackupFile {
    /// The copy made beside the journal at `path` before `migration` runs on it.
    static func automaticPath(for path: String, before migration: String, now: Date = Date()) -> String {
        "\(path).before-\(migration)-\(stamp(now)).backup"
    }

    /// `date` in local time as a file name takes it: `2026-11-25-101500`.
    static func stamp(_ date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970)
        let local = DateInput.at(seconds, in: ClockZone.fromEnvironmentOrSystem).local
        return local.date.iso8601 + "-" + pad(local.hour, 2) + pad(local.minute, 2) + pad(local.second, 2)
    }

    /// `path` with `-number` before its extension: `journal-backup-….sqlite3` → `journal-backup-…-2.sqlite3`.
    public static func numbered(_ path: String, _ number: Int) -> String {
        let suffix = PathName.pathExtension(of: path)
        return PathName.removingExtension(path) + "-\(number)" + (suffix.isEmpty ? "" : "." + suffix)
    }

    /// Creates the empty 0600 file a backup is written into, failing if anything is at `path` (even a link).
    static func create(_ path: String) throws {
        let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            switch errno {
            case EEXIST: throw JournalError.backupExists(path: path)
            case let number: throw JournalError.cannotWriteFile(path, errno: number)
            }
        }
        close(descriptor)
    }

    /// Copies the journal `queue` holds into `destination`, or, when `numbered`, into the first of `destination`,
    /// `…-2`, `…-3` (up to 999) that does not exist yet.
    static func copy(_ queue: DatabaseQueue, to destination: String, numbered: Bool = false) throws -> String {
        // An empty 0600 file first, so the copy is never readable by others, even for a moment;
        // made with O_EXCL, so two backups at once never pick the same name.
        var chosen = destination
        var number = 1
        while true {
            do {
                try create(chosen)
                break
            } catch JournalError.backupExists(_) where numbered && number < 999 {
                number += 1
                chosen = Self.numbered(destination, number)
            }
        }
        do {
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "VACUUM INTO ?", arguments: [chosen])
            }
        } catch {
            unlink(chosen)
            throw error
        }
        chmod(chosen, 0o600)
        return chosen
    }
}
