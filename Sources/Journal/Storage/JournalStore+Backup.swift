import Foundation
import GRDB

extension JournalStore {
    /// Writes a consistent copy of the journal to `destination` with `VACUUM INTO` (never a file copy of a live
    /// database), mode 0600; refuses an existing file.
    ///
    /// Returns the path.
    ///
    /// ```swift
    /// try store.backUp(to: "/backups/journal-2026-11-25.sqlite3")
    /// ```
    @discardableResult
    public func backUp(to destination: String) throws -> String {
        do {
            return try Self.backUp(queue, path: path, to: destination)
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    /// The default backup path: beside the journal, named with the local time.
    public func defaultBackupPath(now: Date = Date()) -> String {
        let base = (path as NSString).deletingPathExtension
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

    /// Creates an empty file with mode 0600, failing if it exists; errors name `target`, the file the user asked for.
    static func createPrivateFile(_ path: String, for target: String) throws {
        let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            if errno == EACCES || errno == EROFS || errno == EPERM {
                throw JournalError.permissionDenied(path: (target as NSString).deletingLastPathComponent)
            }
            throw JournalError.cannotCreate(path: target, reason: String(cString: strerror(errno)))
        }
        close(descriptor)
    }

    static func backUp(_ queue: DatabaseQueue, path: String, to destination: String) throws -> String {
        if FileManager.default.fileExists(atPath: destination) { throw JournalError.outputExists(path: destination) }
        // An empty 0600 file first, so the copy is never readable by others, even for a moment.
        try createPrivateFile(destination, for: destination)
        do {
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "VACUUM INTO ?", arguments: [destination])
            }
        } catch {
            unlink(destination)
            throw error
        }
        chmod(destination, 0o600)
        return destination
    }
}
