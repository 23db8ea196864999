import Foundation

/// The journal's file modes: its file, -wal and -shm private to the person (0600), and the default
/// location's folder (0700).
///
/// Opening a journal and `journal doctor` use it.
///
/// ```swift
/// FilePermissions.tighten("/home/me/.local/share/journal/journal.sqlite3")  // [] when already private
/// ```
enum FilePermissions {
    /// Makes the journal's own folder private (0700) when others could enter or read it; returns
    /// what changed.
    ///
    /// Only for the default location's folder, which journal owns: a folder named with
    /// `--db` may be shared on purpose.
    static func tightenFolder(of path: String) -> PermissionChange? {
        let folder = PathName.folder(of: path)
        var info = stat()
        guard !folder.isEmpty, lstat(folder, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, info.st_uid == geteuid()
        else { return nil }
        let mode = Int(info.st_mode) & 0o777
        guard mode & 0o077 != 0, chmod(folder, 0o700) == 0 else { return nil }
        return PermissionChange(path: folder, from: mode, to: 0o700)
    }

    /// Makes the journal file and its -wal and -shm files private (0600) when others could read or write them;
    /// returns what changed.
    ///
    /// Files owned by someone else, and anything that is not a regular file (a device), are left alone.
    static func tighten(_ path: String) -> [PermissionChange] {
        var changes: [PermissionChange] = []
        for file in [path, path + "-wal", path + "-shm"] {
            var info = stat()
            // Regular files only: `--db /dev/null` must not make the system's /dev/null private.
            guard stat(file, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_uid == geteuid() else { continue }
            let mode = Int(info.st_mode) & 0o777
            if mode & 0o077 != 0, chmod(file, 0o600) == 0 {
                changes.append(PermissionChange(path: file, from: mode, to: 0o600))
            }
        }
        return changes
    }
}
