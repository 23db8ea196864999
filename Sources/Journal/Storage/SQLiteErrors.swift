import Foundation
import GRDB

/// SQLite's errors said as journal's (``JournalError``): the one place a `DatabaseError` becomes
/// a sentence and an exit code.
///
/// ```swift
/// do { try queue.read(body) } catch { throw SQLiteErrors.translate(error, path: path) }
/// ```
enum SQLiteErrors {
    /// `error` as a ``JournalError`` naming `path`: a ``JournalError`` as it is; SQLite's result
    /// codes by what they mean to a person (not a journal, damaged, locked, not permitted, cannot
    /// open, the disk full); anything else an I/O error with its own words.
    static func translate(_ error: any Error, path: String) -> JournalError {
        if let error = error as? JournalError { return error }
        guard let error = error as? DatabaseError else {
            return .io(path: path, reason: String(describing: error))
        }
        switch error.resultCode {
        case .SQLITE_NOTADB: return .notAJournal(path: path)
        case .SQLITE_CORRUPT: return .corruptDatabase(path: path)
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .databaseLocked(path: path)
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_AUTH: return .permissionDenied(path: path)
        case .SQLITE_CANTOPEN:
            let folder = PathName.folder(of: path)
            let exists = FileManager.default.fileExists(atPath: path)
            if exists && (Glibc.access(path, R_OK) != 0 || Glibc.access(folder.isEmpty ? "." : folder, W_OK) != 0) {
                return .permissionDenied(path: path)
            }
            return .cannotCreate(path: path, reason: exists ? "SQLite cannot open it" : "the file does not exist")
        case .SQLITE_FULL: return .io(path: path, reason: JournalError.diskFull)
        // SQLite reports a write to a full disk that fails outside its own space checks (the WAL's
        // index, a page of the WAL) as a plain I/O error: the folder's free space tells them apart.
        case .SQLITE_IOERR where JournalFileCheck.noSpaceLeft(besides: path):
            return .io(path: path, reason: JournalError.diskFull)
        default: return .io(path: path, reason: error.message ?? "\(error.resultCode)")
        }
    }
}
