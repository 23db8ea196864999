import Foundation

/// The journal's file modes: its file, -wal and -shm private to the person (0600), and the default
/// location's folder (0700).
///
/// Opening a journal and `journal doctor` use it.
///
/// ```swift
/// FilePermissions.tighten("/home/me/.local/share/journal/journal.sqlite3")  // [] when already private
/// ```
public enum FilePermissions {
    /// Makes the journal's own folder private (0700) when others could enter or read it; returns
    /// what changed.
    ///
    /// Only for the default location's folder, which journal owns: a folder named with
    /// `--db` may be shared on purpose.
    public static func tightenFolder(of path: String) -> PermissionChange? {
        let folder = PathName.folder(of: path)
        var info = stat()
        guard !folder.isEmpty, lstat(folder, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, info.st_uid == geteuid()
        else { return nil }
        let mode = Int(info.st_mode) & 0o777
        guard mode & 0o077 != 0, chmod(folder, 0o700) == 0 else { return nil }
        return PermissionChange(path: folder, from: mode, to: 0o700)
    }

    /// The mode of the file at `path` when it is a regular file that no one may write (no write
    /// bit: 0444, 0400), as a person makes a journal they want kept as it is; `nil` otherwise.
    ///
    /// journal never writes such a journal, as root either (root may write any file, so the mode
    /// is checked here rather than left to the system): a write is refused with
    /// ``JournalError/permissionDenied(path:)``, and it is read read-only.
    static func readOnlyMode(of path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_mode & 0o222 == 0 else { return nil }
        return Int(info.st_mode) & 0o777
    }

    /// Makes the journal file and its -wal and -shm files private (0600) when others could read or write them,
    /// and the -wal and -shm writable again (0600) when the journal is but they are not; returns what changed.
    ///
    /// A journal its owner may not write (0444) is made private without being made writable (0400):
    /// a person made it read-only, and it stays so.
    ///
    /// Files owned by someone else, and anything that is not a regular file (a device), are left alone.
    /// Reading a read-only journal (mode 0400) makes SQLite create its -wal and -shm with that mode;
    /// once the journal is writable again, every write would fail with "permission denied" on them.
    /// Those two are never reached through a symbolic link, and nothing is made more open than 0600.
    public static func tighten(_ path: String) -> [PermissionChange] {
        var changes: [PermissionChange] = []
        var info = stat()
        // Regular files only: `--db /dev/null` must not make the system's /dev/null private.
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_uid == geteuid() else {
            return sideFiles(of: path, journalWritable: false)
        }
        let mode = Int(info.st_mode) & 0o777
        let tightened = mode & 0o200 == 0 ? 0o400 : 0o600
        if mode & 0o077 != 0, chmod(path, mode_t(tightened)) == 0 {
            changes.append(PermissionChange(path: path, from: mode, to: tightened))
        }
        return changes + sideFiles(of: path, journalWritable: mode & 0o200 != 0)
    }

    /// The -wal and -shm of the journal at `path` made private, and writable when `journalWritable`.
    ///
    /// Checked with lstat, so a symbolic link is never followed; never opened, as closing any
    /// descriptor of a file drops every POSIX lock this process holds on it, SQLite's included.
    private static func sideFiles(of path: String, journalWritable: Bool) -> [PermissionChange] {
        var changes: [PermissionChange] = []
        for file in [path + "-wal", path + "-shm"] {
            var info = stat()
            guard lstat(file, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_uid == geteuid() else { continue }
            let mode = Int(info.st_mode) & 0o777
            let unwritable = journalWritable && mode & 0o600 != 0o600
            if mode & 0o077 != 0 || unwritable, chmod(file, 0o600) == 0 {
                changes.append(PermissionChange(path: file, from: mode, to: 0o600))
            }
        }
        return changes
    }
}
