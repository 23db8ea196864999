import Foundation

/// Why a journal is read but not written where it is, found on the file system: the one source of
/// the words for it.
///
/// A storage failure's message (``JournalError/permissionDenied(path:)``,
/// ``JournalError/walUnreadable(path:cause:)``) and `journal doctor`'s Access line say a cause with
/// ``reason`` and what to do with ``remedy(copying:)``, so the same state reads the same everywhere.
///
/// ```swift
/// ReadOnlyCause.of("/mnt/ro/journal.sqlite3")  // .readOnlyMount, on a file system mounted read-only
/// ReadOnlyCause.readOnlyMount.reason            // "the file system it is on is mounted read-only"
/// ```
public enum ReadOnlyCause: Sendable, Hashable {
    /// The file system holding it is mounted read-only (EROFS): no owner or mode can change that.
    case readOnlyMount
    /// The file's mode or owner does not let this user write it; `folderToo` when its folder's
    /// does not either.
    case file(folderToo: Bool)
    /// Its folder is not writable, so SQLite cannot make the files it needs beside it.
    case folder
    /// The disk holding it is full.
    case diskFull

    /// What stops writing `path` now, checked in that order: the mount, the file's and the folder's
    /// modes, then the disk's free space; `nil` when nothing does.
    ///
    /// `path` need not exist: the nearest folder above it that does tells its mount.
    public static func of(_ path: String) -> ReadOnlyCause? {
        if isOnReadOnlyFileSystem(path) { return .readOnlyMount }
        let folder = PathName.openableFolder(of: path)
        let folderWritable = access(folder, W_OK) == 0
        if access(path, F_OK) == 0, access(path, W_OK) != 0 { return .file(folderToo: !folderWritable) }
        if !folderWritable { return .folder }
        return JournalFileCheck.noSpaceLeft(besides: path) ? .diskFull : nil
    }

    /// Whether `path` (or, when it is not there, the nearest folder above it that is) is on a file
    /// system mounted read-only (EROFS) and may be read: a denial there is the mount's, never the
    /// file's mode.
    public static func isOnReadOnlyFileSystem(_ path: String) -> Bool {
        var place = path
        var status = stat()
        while stat(place, &status) != 0 {
            let folder = PathName.openableFolder(of: place)
            guard errno == ENOENT, folder != place else { return false }
            place = folder
        }
        var system = statvfs()
        return statvfs(place, &system) == 0 && system.f_flag & UInt(ST_RDONLY) != 0 && access(place, R_OK) == 0
    }

    /// Why, to follow a colon: "the file system it is on is mounted read-only".
    public var reason: String {
        switch self {
        case .readOnlyMount: "the file system it is on is mounted read-only"
        case .file(let folderToo):
            folderToo ? "neither the file nor its folder is writable by you" : "the file is not writable by you"
        case .folder: "its folder is not writable"
        case .diskFull: JournalError.diskFull
        }
    }

    /// What to do, a sentence or two; `files` is what to copy elsewhere instead, and where, to end
    /// the sentence: "journal.sqlite3 and journal.sqlite3-wal together to a writable folder and
    /// pass the copy with --db".
    public func remedy(copying files: String) -> String {
        switch self {
        case .readOnlyMount: "No owner or mode can change that: remount it read-write, or copy \(files)."
        case .file(let folderToo):
            "Check the file's owner and mode (it should be 0600 and yours)"
                + (folderToo ? ", and the folder's (it should be yours and writable)." : ".")
        case .folder: "Make the folder writable, or copy \(files)."
        case .diskFull: "Free some disk space and try again."
        }
    }

    /// What to copy elsewhere, for ``remedy(copying:)``, of the journal at `path`: the file, and its
    /// write-ahead log with it when that holds changes (the file alone would lack them), "to a
    /// writable folder and pass the copy with --db".
    public static func journalCopy(of path: String) -> String {
        let file = PathName.lastComponent(of: path)
        let withLog = JournalFileCheck.sizeOfLog(beside: path, suffix: "-wal") != nil
        return (withLog ? "\(file) and \(file)-wal together" : file)
            + " to a writable folder and pass the copy with --db"
    }
}
