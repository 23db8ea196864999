import Foundation
import GRDB

/// The new-journal file: a first write makes the journal whole in a private file beside where it
/// goes (0600, every migration run), syncs it to the disk and hard-links it into place, so that no
/// process ever sees half a journal; a refused change, an error or a signal (``StopSignals``:
/// SIGINT, SIGTERM, SIGHUP, SIGQUIT) removes the file and the folders it made.
///
/// ```swift
/// let made = try NewJournalFile(for: path).make(busyTimeout: 10) { try $0.log(draft, now: now, timeZone: .current) }
/// // nil: another process created the journal meanwhile; make the change on that one.
/// ```
struct NewJournalFile {
    /// What ``make(busyTimeout:_:)`` returns when the new journal is in place.
    struct Made<T> {
        var result: T
    }

    /// Where the journal goes.
    let journal: String
    /// Whether the journal takes the place of an empty file (0 bytes) there, rather than of no file.
    let replacesEmptyFile: Bool

    /// The new-journal file for the journal at `journal`.
    init(for journal: String) {
        self.journal = journal
        replacesEmptyFile = false
    }

    /// The new-journal file for a journal in the empty file (0 bytes) at `path`: made beside the
    /// file a symbolic link there names, and put in place of that file.
    init(replacingEmptyFile path: String) {
        journal = JournalFiles.resolved(path) ?? path
        replacesEmptyFile = true
    }

    /// Runs `operation` once, on a new journal built in a private file beside ``journal`` (0600,
    /// every migration run), and hard-links that file into place only when `operation` succeeds and
    /// its change is wholly in the file.
    ///
    /// Whatever stops it (a refused command, an error, a signal of ``StopSignals``) removes the file
    /// and the folders it made, so that nothing is left behind. Returns `nil` when another process
    /// created the journal meanwhile: this change was then made to a file that is gone, and the
    /// caller makes it on that journal.
    ///
    /// Where the file cannot be made (a folder that may not be written), `operation` first runs on
    /// a new journal in memory, so that a command the journal would refuse says why before the
    /// file's error does, as it would on an existing journal.
    func make<T>(busyTimeout: TimeInterval, _ operation: (JournalStore) throws -> T) throws -> Made<T>? {
        let path = journal
        _ = LeftoverFile.removeUnlocked(beside: path)
        let file = LeftoverFile(beside: path, kind: "new")
        let staging = file.path
        let leftovers = LeftoverFile.sqliteFiles(of: staging)
        var made: [String] = []
        var placed = false
        var slot: Int?
        var locked: LeftoverFile?
        defer {
            Interrupted.disarm(slot)
            for file in leftovers { unlink(file) }
            locked?.release()
            if !placed {
                for folder in made.reversed() { rmdir(folder) }
            }
        }
        do {
            made = try makeFolders()
            slot = Interrupted.arm(removing: leftovers, folders: made.reversed())
            locked = try file.claim()
        } catch is LeftoverFile.RemovedWhileMade where (try? JournalFileCheck.exists(path)) == true {
            // Another process made the journal meanwhile, and removed this file as a leftover beside it.
            return nil
        } catch {
            _ = try operation(JournalStore(openingExisting: path, access: .readWrite, inMemory: true))
            throw (error as? LeftoverFile.RemovedWhileMade)?.journalError ?? error
        }
        let store = try JournalStore(
            openingExisting: path, access: .readWrite, busyTimeout: busyTimeout, file: staging)
        try startMaking(store)
        let result = try operation(store)
        TestStop.at("new-journal-made")
        try finishMaking(store, staging)
        placed = try place(staging, busyTimeout: busyTimeout)
        return placed ? Made(result: result) : nil
    }

    /// Makes an empty journal (every migration run) in place, whole, unless one is there already
    /// or another process puts one there first: the loser simply opens the winner's file.
    func makeEmpty() throws {
        _ = try makeFolders()
        // Created here, 0600, so that SQLite gives its -wal and -shm files the same mode.
        let file: LeftoverFile
        do {
            file = try LeftoverFile(beside: journal, kind: "new").claim()
        } catch is LeftoverFile.RemovedWhileMade where (try? JournalFileCheck.exists(journal)) == true {
            return  // another process made it meanwhile
        } catch let removed as LeftoverFile.RemovedWhileMade {
            throw removed.journalError
        }
        let staging = file.path
        defer { file.remove() }
        try JournalStore(openingExisting: staging, access: .readWrite).closeDatabase()
        _ = try place(staging, busyTimeout: BusyTimeout.defaultSeconds)
    }

    /// Makes the folders missing on the way to the journal (0700); returns those it made, outermost first.
    private func makeFolders() throws -> [String] {
        let directory = PathName.folder(of: journal)
        var missing: [String] = []
        var folder = directory
        while !folder.isEmpty, folder != "/", !FileManager.default.fileExists(atPath: folder) {
            missing.append(folder)
            folder = PathName.folder(of: folder)
        }
        var made: [String] = []
        for folder in missing.reversed() {
            if mkdir(folder, 0o700) == 0 {
                made.append(folder)
            } else if errno != EEXIST {
                for folder in made.reversed() { rmdir(folder) }
                throw JournalError.cannotCreate(path: directory, reason: "the folder could not be made")
            }
        }
        return made
    }

    /// Hard-links the finished journal `staging` into place, which fails if another process got
    /// there first; returns whether it is in place (`false`: the other's is).
    ///
    /// In place of an empty file, waits up to `busyTimeout` seconds for another process that holds
    /// it (``replaceEmptyFile(with:busyTimeout:)``).
    private func place(_ staging: String, busyTimeout: TimeInterval) throws -> Bool {
        let path = journal
        let directory = PathName.folder(of: path)
        if replacesEmptyFile { return try replaceEmptyFile(with: staging, busyTimeout: busyTimeout) }
        if link(staging, path) == 0 {
            syncFolder(directory)
            return true
        }
        switch errno {
        case EEXIST: return false  // another journal process created it first
        case EPERM, ENOTSUP, EOPNOTSUPP, EXDEV:
            // A file system without hard links: rename, unless the journal appeared meanwhile.
            if FileManager.default.fileExists(atPath: path) { return false }
            if rename(staging, path) != 0 {
                throw JournalError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
            }
            syncFolder(directory)
            return true
        case EACCES, EROFS: throw JournalError.permissionDenied(path: directory.isEmpty ? "." : directory)
        default: throw JournalError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
        }
    }

    /// Renames the finished journal `staging` over the empty file at ``journal``, holding an
    /// exclusive `flock` on that file meanwhile, so that of two processes that each made a journal
    /// for it, only the first replaces it; returns whether it is in place (`false`: the file is no
    /// longer that empty file, and the caller makes its change on what is there now).
    ///
    /// Another process holding the lock (a restore or a first write into the same file) is waited
    /// for up to `busyTimeout` seconds, then refused with ``JournalError/databaseLocked(path:)``,
    /// as a journal's own write lock is. The test stop point `empty-file-locked` is just after
    /// the lock is taken (``TestStop``).
    func replaceEmptyFile(with staging: String, busyTimeout: TimeInterval) throws -> Bool {
        let path = journal
        let directory = PathName.folder(of: path)
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        let deadline = Date(timeIntervalSinceNow: busyTimeout.isNaN ? 0 : busyTimeout)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            switch errno {
            case EINTR: continue
            case EWOULDBLOCK:
                guard Date() < deadline else { throw JournalError.databaseLocked(path: path) }
                usleep(10_000)
            default: throw JournalError.io(path: path, reason: String(cString: strerror(errno)))
            }
        }
        TestStop.at("empty-file-locked")
        var held = stat()
        var there = stat()
        guard fstat(descriptor, &held) == 0, stat(path, &there) == 0, held.st_dev == there.st_dev,
            held.st_ino == there.st_ino, there.st_size == 0
        else { return false }
        guard rename(staging, path) == 0 else {
            switch errno {
            case EACCES, EPERM, EROFS: throw JournalError.permissionDenied(path: directory.isEmpty ? "." : directory)
            default: throw JournalError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
            }
        }
        syncFolder(directory)
        return true
    }

    /// Syncs `directory` (the current one when empty), so that a name just linked into it survives
    /// power loss; a file system that cannot is left as it is.
    private func syncFolder(_ directory: String) {
        let descriptor = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    /// Sets the journal being made to write straight into its file, with no `fsync` until it is finished.
    ///
    /// Nothing else can open it, and a change that fails leaves it to be removed, so it needs no
    /// crash safety of its own, and no write-ahead log: a first import so writes each page once
    /// instead of twice (the log, then the file).
    ///
    /// The rollback journal, kept in memory, holds only pages that existed when a transaction
    /// began: a new journal's few dozen.
    private func startMaking(_ store: JournalStore) throws {
        let path = journal
        do {
            try store.queue.writeWithoutTransaction { db in
                guard try String.fetchOne(db, sql: "PRAGMA journal_mode = MEMORY")?.lowercased() == "memory" else {
                    throw JournalError.cannotCreate(path: path, reason: "SQLite could not build it in place")
                }
                try db.execute(sql: "PRAGMA synchronous = OFF")
            }
        } catch {
            throw SQLiteErrors.translate(error, path: path)
        }
    }

    /// Puts the journal being made back in WAL mode, closes it and syncs its file to the disk, so
    /// that the file alone holds the whole journal before it takes its place.
    private func finishMaking(_ store: JournalStore, _ staging: String) throws {
        let path = journal
        do {
            try store.queue.writeWithoutTransaction { db in
                guard try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")?.lowercased() == "wal" else {
                    throw JournalError.cannotCreate(path: path, reason: "SQLite could not set it to WAL mode")
                }
            }
            try store.queue.close()
        } catch {
            throw SQLiteErrors.translate(error, path: path)
        }
        var status = stat()
        let logged = stat(staging + "-wal", &status) == 0 && status.st_size > 0
        let descriptor = open(staging, O_RDONLY | O_CLOEXEC)
        let synced = descriptor >= 0 && fsync(descriptor) == 0
        let reason = String(cString: strerror(errno))
        if descriptor >= 0 { close(descriptor) }
        guard synced, !logged else {
            throw JournalError.cannotCreate(
                path: path, reason: logged ? "the new journal could not be written whole" : reason)
        }
    }
}

/// Removes the journals being made when a signal stops the process (``StopSignals``), then lets the
/// signal do what it did before: end the process, or run the handler it had (in `journal`,
/// ``StopSignals/end(by:)``, or a session's last words).
///
/// Each journal being made holds a slot: its files and folders as C strings, made beforehand, so
/// that the handler only reads them and calls what is safe in a signal handler (`unlink`, `rmdir`,
/// `sigaction`, `raise`). The handler is installed while any slot is held, for each signal the
/// process does not ignore.
private enum Interrupted {
    static let signals = StopSignals.all
    static let capacity = 16
    /// Each slot: the files to unlink, a null pointer, the folders to remove, a null pointer; `nil` when free.
    nonisolated(unsafe) static let slots: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?> = {
        let slots = UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>.allocate(
            capacity: capacity)
        slots.initialize(repeating: nil, count: capacity)
        return slots
    }()
    /// The actions the signals had before the handler was installed, in the order of ``signals``.
    nonisolated(unsafe) static let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: signals.count)
    nonisolated(unsafe) static var held = 0
    static let lock = NSLock()

    /// Holds a slot for `files` and `folders` (innermost first); `nil` when every slot is taken,
    /// and then a signal leaves them.
    static func arm(removing files: [String], folders: [String]) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard let slot = (0..<capacity).first(where: { slots[$0] == nil }) else { return nil }
        let strings = files.map { strdup($0) } + [nil] + folders.map { strdup($0) } + [nil]
        let list = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: strings.count)
        list.initialize(from: strings, count: strings.count)
        if held == 0 {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signal in
                Interrupted.clean()
                for (index, signal) in Interrupted.signals.enumerated() {
                    sigaction(signal, Interrupted.previous + index, nil)
                }
                raise(signal)
            }
            sigemptyset(&action.sa_mask)
            for (index, signal) in signals.enumerated() {
                sigaction(signal, nil, previous + index)
                // A signal the process ignores (SIGHUP under nohup) stays ignored: it stops nothing.
                if !StopSignals.isIgnored(signal) { sigaction(signal, &action, nil) }
            }
        }
        held += 1
        slots[slot] = list
        return slot
    }

    /// Gives back `slot`; the last one given back puts the signals' actions back.
    static func disarm(_ slot: Int?) {
        guard let slot else { return }
        lock.lock()
        defer { lock.unlock() }
        guard let list = slots[slot] else { return }
        slots[slot] = nil
        held -= 1
        if held == 0 {
            for (index, signal) in signals.enumerated() { sigaction(signal, previous + index, nil) }
        }
        var index = 0
        for _ in 0..<2 {
            while let string = list[index] {
                free(string)
                index += 1
            }
            index += 1
        }
        list.deallocate()
    }

    /// Removes what every slot holds: called only by the signal handler.
    private static func clean() {
        for slot in 0..<capacity {
            guard let list = slots[slot] else { continue }
            var index = 0
            while let file = list[index] {
                unlink(file)
                index += 1
            }
            index += 1
            while let folder = list[index] {
                rmdir(folder)
                index += 1
            }
        }
    }
}
