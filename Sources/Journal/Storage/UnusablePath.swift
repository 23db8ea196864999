import Foundation

/// A journal path (`--db`, `JOURNAL_DB`) that can hold no journal, found before SQLite opens it:
/// a folder, a device such as `/dev/null`, a named pipe, a socket, a symbolic link that loops, or
/// a path through a regular file (`notes.txt/journal.sqlite3`); what it is, in words.
///
/// SQLite would fail on each with a raw system error (a FIFO blocks or fails with "disk I/O
/// error"), and may leave a `-journal` file beside it. A command that reads refuses it as no
/// input (66), one that writes as a journal it cannot create (73), and neither opens it.
///
/// ```swift
/// UnusablePath.refusal("/dev/null", writing: false)
/// // .noInput(path: "/dev/null", reason: "it is a device, not a file, … point --db or JOURNAL_DB at a journal file")
/// ```
enum UnusablePath {
    /// The refusal of `path`, whose `stat` gave `mode`, or `nil` for a regular file.
    static func refusal(_ path: String, mode: mode_t, writing: Bool) -> JournalError? {
        let what: String
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR:
            let inside = path.hasSuffix("/") ? path + "journal.sqlite3" : path + "/journal.sqlite3"
            what = "it is a folder, not a file; name a journal file in it, such as \(inside)"
        case S_IFCHR, S_IFBLK: what = "it is a device, not a file, and a journal is kept only in a file"
        case S_IFIFO: what = "it is a named pipe (FIFO), not a file, and a journal is kept only in a file"
        case S_IFSOCK: what = "it is a socket, not a file, and a journal is kept only in a file"
        default: what = "it is not a regular file, and a journal is kept only in a file"
        }
        return refusal(path, what, writing: writing)
    }

    /// The refusal of `path`, whose `stat` failed with `error`, or `nil` for an error that says
    /// nothing of what the path is.
    static func refusal(_ path: String, errno error: Int32, writing: Bool) -> JournalError? {
        switch error {
        case ELOOP:
            return refusal(
                path, "it is a symbolic link that leads round in a loop, never to a file", writing: writing)
        case ENOTDIR:
            let file =
                fileInPath(path).map { "\($0) is a file, not a folder" } ?? "a part of it is a file, not a folder"
            return refusal(path, "\(file), so nothing can be kept in it", writing: writing)
        default: return nil
        }
    }

    /// Reading: no journal there to read (66), with what to do; writing: none can be made (73),
    /// whose sentence says to choose another place.
    private static func refusal(_ path: String, _ what: String, writing: Bool) -> JournalError {
        writing
            ? .cannotCreate(path: path, reason: what)
            : .noInput(path: path, reason: "\(what); point --db or JOURNAL_DB at a journal file")
    }

    /// The first folder named in `path` that is something other than a folder: `notes.txt` in
    /// `notes.txt/journal.sqlite3`.
    static func fileInPath(_ path: String) -> String? {
        for slash in path.indices where path[slash] == "/" && slash != path.startIndex {
            let prefix = String(path[..<slash])
            var status = stat()
            if stat(prefix, &status) == 0, status.st_mode & S_IFMT != S_IFDIR { return prefix }
        }
        return nil
    }
}
