import Foundation

/// What a journal's path holds before any SQLite connection opens it: whether a file is there, an
/// empty one (0 bytes), a log beside it, room on its disk, and the id every journal file carries.
///
/// Opening (``JournalStore``), a new journal (``NewJournalFile``), a restore (``SQLiteRestore``),
/// the read-only causes (``ReadOnlyCause``) and `journal doctor` and `journal restore` ask it.
///
/// ```swift
/// if try !JournalFileCheck.exists(path) { … }          // false only when nothing is there
/// JournalFileCheck.isEmptyFile(path)                    // a 0-byte file: no journal yet
/// try JournalFileCheck.refuseLogBesideEmptyFile(path)   // exit 66 when a -wal beside it holds changes
/// ```
public enum JournalFileCheck {
    /// `PRAGMA application_id` of every journal file: "JRNL".
    public static let applicationID: Int32 = 0x4A52_4E4C

    /// Whether a journal file is at `path`: `false` only when the file truly does not exist.
    ///
    /// Anything else that stops us looking (a folder we may not enter, an I/O error) is an error,
    /// never "no journal": a safety answer is never given without the data behind it. A path that
    /// can hold no journal (a folder, a device, a FIFO, a symbolic-link loop, a path through a
    /// file) is refused before SQLite opens it (``UnusablePath``): as no input (66), or, for a
    /// command that `writing` would make the journal, as a journal it cannot create (73).
    public static func exists(_ path: String, writing: Bool = false) throws -> Bool {
        var status = stat()
        if stat(path, &status) == 0 {
            if let refusal = UnusablePath.refusal(path, mode: status.st_mode, writing: writing) { throw refusal }
            return true
        }
        let error = errno
        if let refusal = UnusablePath.refusal(path, errno: error, writing: writing) { throw refusal }
        switch error {
        case ENOENT: return false
        case EACCES, EPERM: throw JournalError.permissionDenied(path: path)
        default: throw JournalError.io(path: path, reason: String(cString: strerror(error)))
        }
    }

    /// Whether the file at `path` is there and empty (0 bytes): a change then starts a new journal in
    /// it (design.md), and says so, since it may have been a journal a sync tool truncated.
    public static func isEmptyFile(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG && status.st_size == 0
    }

    /// The size of the log file `path + suffix` (`-wal` or `-journal`) when it is there and holds
    /// something; `nil` when it is missing or empty.
    static func sizeOfLog(beside path: String, suffix: String) -> Int? {
        var status = stat()
        guard stat(path + suffix, &status) == 0, status.st_size > 0 else { return nil }
        return Int(status.st_size)
    }

    /// Refuses the empty file (0 bytes) at `path` when a `-wal` or `-journal` file beside it holds changes.
    ///
    /// Exit 66: it is what a sync tool that truncates only the main file leaves. It is not an
    /// empty journal, and SQLite, opening it, would delete the log, so no command opens it, builds a
    /// journal in it or restores into it; both files are left as they are.
    public static func refuseLogBesideEmptyFile(_ path: String) throws {
        guard isEmptyFile(path) else { return }
        for (suffix, what) in [("-wal", "write-ahead log"), ("-journal", "rollback journal")] {
            guard let size = sizeOfLog(beside: path, suffix: suffix) else { continue }
            throw JournalError.noInput(
                path: path,
                reason: "it is an empty file (0 bytes), but \(path)\(suffix) beside it holds \(size) bytes "
                    + "of a journal's changes (its \(what)): a sync tool or a failed copy may have truncated the "
                    + "journal. Nothing was changed. Keep both files, together (the sync tool's history may hold "
                    + "the journal whole); to start again from a backup, move both aside, then "
                    + "`journal restore BACKUP`")
        }
    }

    /// Whether the file system holding `path`'s folder has no block left for an ordinary user.
    static func noSpaceLeft(besides path: String) -> Bool {
        let folder = PathName.folder(of: path)
        var info = statvfs()
        guard statvfs(folder.isEmpty ? "." : folder, &info) == 0 else { return false }
        return info.f_bavail == 0
    }
}
