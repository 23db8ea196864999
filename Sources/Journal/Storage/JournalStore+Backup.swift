import Foundation
import GRDB

extension JournalStore {
    /// Writes a consistent copy of the journal with `VACUUM INTO` (never a file copy of a live
    /// database), mode 0600, to `destination`, which must not exist; without `destination`,
    /// beside the journal, named with the local time (``defaultBackupPath(now:)``), and `-2`,
    /// `-3`… after it when a backup of that name exists.
    ///
    /// Returns the path.
    ///
    /// ```swift
    /// try store.backUp(to: "/backups/journal-2026-11-25.sqlite3")
    /// let path = try store.backUp()  // …/journal-backup-2026-11-25-101500.sqlite3
    /// ```
    @discardableResult
    public func backUp(to destination: String? = nil, now: Date = Date()) throws -> String {
        do {
            return try Self.backUp(
                queue, path: path, to: destination ?? defaultBackupPath(now: now), numbered: destination == nil)
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    /// The default backup path: beside the journal, named with the local time.
    public func defaultBackupPath(now: Date = Date()) -> String {
        let base = PathName.removingExtension(path)
        return "\(base)-backup-\(Self.stamp(now)).sqlite3"
    }

    static func automaticBackupPath(for path: String, before migration: String, now: Date = Date()) -> String {
        "\(path).before-\(migration)-\(stamp(now)).backup"
    }

    static func stamp(_ date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970)
        let local = DateInput.at(seconds, in: .current).local
        return local.date.iso8601 + "-" + pad(local.hour, 2) + pad(local.minute, 2) + pad(local.second, 2)
    }

    /// `path` with `-number` before its extension: `journal-backup-….sqlite3` → `journal-backup-…-2.sqlite3`.
    public static func numbered(_ path: String, _ number: Int) -> String {
        let suffix = PathName.pathExtension(of: path)
        return PathName.removingExtension(path) + "-\(number)" + (suffix.isEmpty ? "" : "." + suffix)
    }

    /// Creates the empty 0600 file a backup is written into, failing if anything is at `path` (even a link).
    static func createBackupFile(_ path: String) throws {
        let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            switch errno {
            case EEXIST: throw JournalError.backupExists(path: path)
            case EACCES, EROFS, EPERM:
                throw JournalError.permissionDenied(path: PathName.openableFolder(of: path))
            default: throw JournalError.cannotWriteFile(path: path, reason: String(cString: strerror(errno)))
            }
        }
        close(descriptor)
    }

    /// Copies the journal into `destination`, or, when `numbered`, into the first of `destination`,
    /// `…-2`, `…-3` (up to 999) that does not exist yet.
    static func backUp(_ queue: DatabaseQueue, path: String, to destination: String, numbered: Bool = false) throws
        -> String
    {
        // An empty 0600 file first, so the copy is never readable by others, even for a moment;
        // made with O_EXCL, so two backups at once never pick the same name.
        var chosen = destination
        var number = 1
        while true {
            do {
                try createBackupFile(chosen)
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
