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

    /// The folder that keeps this user from the journal at `path`: the first on the way to it that
    /// they may not enter, else the journal's own folder when they may not write in it (SQLite
    /// makes the `-wal` and `-shm` files there); `nil` when neither does.
    public static func barringFolder(of path: String) -> BarringFolder? {
        for slash in path.indices where path[slash] == "/" && slash != path.startIndex {
            let folder = String(path[..<slash])
            var status = stat()
            guard stat(folder, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else { continue }
            if access(folder, X_OK) != 0 { return BarringFolder(path: folder, mode: status.st_mode, entering: true) }
        }
        var status = stat()
        // A journal's folder (a new journal is refused naming its folder) is itself the one written in.
        let isFolder = stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
        let folder = isFolder ? path : PathName.openableFolder(of: path)
        guard stat(folder, &status) == 0, access(folder, W_OK) != 0 else { return nil }
        return BarringFolder(path: folder, mode: status.st_mode, entering: false)
    }

    /// A folder that keeps this user out of a journal, with its mode: one they may not enter, or
    /// one they may not write in; the words that name it and what fixes it.
    public struct BarringFolder: Sendable, Hashable {
        /// The folder.
        public let path: String
        let mode: mode_t
        /// Whether it may not be entered at all (no search permission); else not written.
        public let entering: Bool

        /// Why, to follow a colon: "you may not enter the folder /srv/j on the way to it (its mode is 0700)".
        public var reason: String {
            let mode = "its mode is \(String(format: "%04o", mode & 0o777))"
            return entering
                ? "you may not enter the folder \(path) on the way to it (\(mode))"
                : "the folder \(path) is not writable by you (\(mode)), and the journal's files (its -wal and "
                    + "-shm) are made there"
        }

        /// Why an output file (a backup, an export, a report) cannot be made in it, to follow a colon.
        public var outputReason: String {
            let mode = "its mode is \(String(format: "%04o", mode & 0o777))"
            return entering
                ? "you may not enter the folder \(path) on the way to it (\(mode))"
                : "the folder \(path) is not writable by you (\(mode)); choose a folder of yours"
        }

        /// What to do: the chmod that fixes it, for the folder's owner.
        public var remedy: String {
            "If the folder is yours, `chmod 700 \(path)` lets you \(entering ? "in" : "write there") again; "
                + "otherwise point --db or JOURNAL_DB at a journal in a folder of yours."
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
