import Foundation

/// The files a journal is: the journal file, SQLite's `-wal`, `-shm` and `-journal` beside it, and
/// the copies kept beside it before a restore or a migration (`NAME.before-…backup`).
///
/// A file a command writes (`--output`, a backup's FILE) must be none of them: written there, an
/// export replaces the journal it was read from. ``refuseAsOutput(_:journal:)`` is the one check
/// every writer makes; it compares the paths as the system resolves them (the folder's real path
/// and the name, then the path with every symbolic link followed) and, for a file that exists, its
/// device and inode, so a hard link is caught too.
///
/// ```swift
/// try JournalFiles.refuseAsOutput("./sub/../j.sqlite3", journal: "j.sqlite3")  // throws outputIsJournal
/// ```
public enum JournalFiles {
    /// The endings SQLite gives the files it keeps beside a journal.
    static let companionSuffixes = ["-wal", "-shm", "-journal"]

    /// Throws ``JournalError/outputIsJournal(path:journal:)`` when `output` is the journal at
    /// `journal`, or one of its files.
    public static func refuseAsOutput(_ output: String, journal: String) throws {
        guard let journalFolder = realFolder(of: journal) else { return }  // no folder, no journal to lose
        let journalName = PathName.lastComponent(of: resolved(journal) ?? journal)
        let realJournalFolder = resolved(journal).map { PathName.folder(of: $0) } ?? journalFolder
        func names(_ path: String) -> Bool {
            realFolder(of: path) == realJournalFolder
                && isJournalFile(PathName.lastComponent(of: path), of: journalName)
        }
        let refusal = JournalError.outputIsJournal(path: output, journal: journal)
        if names(output) { throw refusal }
        if let followed = resolved(output), names(followed) { throw refusal }
        var target = stat()
        guard stat(output, &target) == 0 else { return }
        let siblings = (try? FileManager.default.contentsOfDirectory(atPath: realJournalFolder)) ?? []
        for name in siblings where isJournalFile(name, of: journalName) {
            var info = stat()
            if stat(realJournalFolder + "/" + name, &info) == 0, info.st_dev == target.st_dev,
                info.st_ino == target.st_ino
            {
                throw refusal
            }
        }
    }

    /// Whether `name` is, beside a journal named `journal`, the journal or one of its files.
    static func isJournalFile(_ name: String, of journal: String) -> Bool {
        if name == journal || companionSuffixes.contains(where: { name == journal + $0 }) { return true }
        return name.hasPrefix(journal + ".before-") && name.hasSuffix(".backup")
    }

    /// `path` with every symbolic link followed, when it exists (`realpath`): the one place journal
    /// resolves a path the way the system does.
    static func resolved(_ path: String) -> String? {
        guard let real = realpath(path, nil) else { return nil }
        defer { free(real) }
        return String(cString: real)
    }

    /// The real path of the folder that holds `path`, when it exists.
    private static func realFolder(of path: String) -> String? {
        resolved(PathName.openableFolder(of: path))
    }
}
