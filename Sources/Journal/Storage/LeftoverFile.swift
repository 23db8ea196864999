import Foundation

/// A hidden file beside the journal that holds a journal only while one command runs: a new
/// journal being made (`.journal-new-ID.sqlite3`) or the journal a restore replaces, until the
/// restore is committed (`.journal-restore-ID.sqlite3`).
///
/// The command that makes one holds an exclusive `flock` on it for as long as it runs. A command
/// killed with SIGKILL cannot remove it, but the kernel drops its lock; the next command that
/// opens a journal in that folder finds the file unlocked and removes it
/// (``removeUnlocked(beside:)``), with its `-wal`, `-shm` and `-journal` files.
public struct LeftoverFile {
    /// The hidden name.
    let path: String
    /// The descriptor that holds the lock, once made.
    private(set) var descriptor: Int32 = -1
    /// The journal it is made for, which messages name.
    private let target: String

    /// The prefixes of every kind of hidden file.
    static let prefixes = [".journal-new-", ".journal-restore-"]

    /// A new hidden name beside `path`, of `kind` `new` or `restore`.
    init(beside path: String, kind: String) {
        self.path = PathName.openableFolder(of: path) + "/.journal-\(kind)-\(UUID().uuidString).sqlite3"
        target = path
    }

    /// Another command removed the file in the moment between its creation and its lock, taking it
    /// for a leftover: ``claim()`` throws it.
    struct RemovedWhileMade: Error {
        /// The journal the file was made for.
        var target: String
        /// What a command that cannot go on says.
        var journalError: JournalError {
            .cannotCreate(path: target, reason: "another process removed it while it was made")
        }
    }

    /// Creates the file empty (0600), locked; fails if anything is at its name.
    func create() throws -> LeftoverFile {
        do {
            return try claim()
        } catch let removed as RemovedWhileMade {
            throw removed.journalError
        }
    }

    /// Creates the file empty (0600), locked, as ``create()``, throwing ``RemovedWhileMade`` when
    /// another command removed it before it was locked: a first write then finds whether that
    /// command made the journal meanwhile.
    func claim() throws -> LeftoverFile {
        var made = self
        let descriptor = open(path, O_CREAT | O_EXCL | O_RDWR | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else {
            if [EACCES, EROFS, EPERM].contains(errno) {
                throw JournalError.permissionDenied(path: PathName.openableFolder(of: target))
            }
            throw JournalError.cannotCreate(path: target, reason: String(cString: strerror(errno)))
        }
        made.descriptor = descriptor
        TestStop.at("hidden-file-created")
        var created = stat()
        var named = stat()
        // Another command may have found it in the moment before the lock and removed it: then it is not ours.
        guard flock(descriptor, LOCK_EX) == 0, fstat(descriptor, &created) == 0, stat(path, &named) == 0,
            created.st_ino == named.st_ino
        else {
            close(descriptor)
            throw RemovedWhileMade(target: target)
        }
        return made
    }

    /// Creates the file holding `bytes`, synced to the disk.
    func create(holding bytes: [UInt8]) throws -> LeftoverFile {
        let made = try create()
        do {
            let sink = OutputSink(descriptor: made.descriptor, name: path)
            try sink.write(bytes: bytes)
            try sink.flush()
            guard fsync(made.descriptor) == 0 else {
                throw JournalError.io(path: target, reason: String(cString: strerror(errno)))
            }
        } catch {
            made.remove()
            throw error
        }
        return made
    }

    /// Gives the file the first free name of `name`, `name-2`, … (never replacing anything), syncs
    /// the folder and returns the name; the hidden one is removed.
    func name(as name: String) throws -> String {
        var chosen = name
        var number = 1
        while link(path, chosen) != 0 {
            guard errno == EEXIST, number < 1000 else {
                throw JournalError.cannotCreate(path: chosen, reason: String(cString: strerror(errno)))
            }
            number += 1
            chosen = BackupFile.numbered(name, number)
        }
        unlink(path)
        let folder = open(PathName.openableFolder(of: path), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 {
            fsync(folder)
            close(folder)
        }
        return chosen
    }

    /// Removes the file and its SQLite files, and lets go of the lock.
    func remove() {
        for file in Self.sqliteFiles(of: path) { unlink(file) }
        if descriptor >= 0 { close(descriptor) }
    }

    /// Lets go of the lock, leaving the file (it has been put in place or removed meanwhile).
    func release() {
        if descriptor >= 0 { close(descriptor) }
    }

    /// The files SQLite may make for the database at `file`, the database first.
    static func sqliteFiles(of file: String) -> [String] {
        ["", "-wal", "-shm", "-journal"].map { file + $0 }
    }

    /// Removes the hidden files a killed command left beside `path`.
    ///
    /// Only those no running command holds locked are removed. Returns their names; `journal
    /// doctor` reports them.
    ///
    /// A first import killed with SIGKILL can leave a whole journal in such a file, plaintext even
    /// when its input was encrypted: the next command that opens a journal in the folder removes it.
    public static func removeUnlocked(beside path: String) -> [String] {
        let folder = PathName.openableFolder(of: path)
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let item = readdir(directory) {
            let name = withUnsafeBytes(of: item.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if prefixes.contains(where: { name.hasPrefix($0) }) { names.append(name) }
        }
        var removed: [String] = []
        for name in names.sorted() where name.hasSuffix(".sqlite3") {
            let file = folder + "/" + name
            let descriptor = open(file, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
            guard descriptor >= 0 else { continue }
            defer { close(descriptor) }
            var status = stat()
            guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_uid == geteuid(),
                flock(descriptor, LOCK_EX | LOCK_NB) == 0
            else { continue }
            for sibling in sqliteFiles(of: file) where unlink(sibling) == 0 { removed.append(sibling) }
        }
        // SQLite's files whose database is gone.
        for name in names where !name.hasSuffix(".sqlite3") {
            let file = folder + "/" + name
            guard let cut = ["-wal", "-shm", "-journal"].first(where: { name.hasSuffix($0) }) else { continue }
            var status = stat()
            if stat(String(file.dropLast(cut.count)), &status) != 0, errno == ENOENT, unlink(file) == 0 {
                removed.append(file)
            }
        }
        return removed
    }
}
