import Foundation
import GRDB
import GRDBSQLite

/// What `journal restore` did.
public struct BackupRestoreResult: Sendable, Equatable {
    /// The journal that was written.
    public var path: String
    /// Where the journal it replaced was kept (mode 0600), when one was replaced.
    public var keptCopy: String?
    /// The restored journal's counts: entries, check-ins, reviews.
    public var entries: Int
    public var checkIns: Int
    public var reviews: Int
}

extension JournalStore {
    /// A consistent copy of the whole journal as the bytes of a SQLite file, made in memory.
    ///
    /// SQLite's online backup copies the journal into an in-memory database, compacted there with
    /// `VACUUM`, and `sqlite3_serialize` gives its bytes: the copy never touches the disk, so an
    /// encrypted backup leaves no plaintext file behind even when killed. (`VACUUM INTO` an
    /// `O_TMPFILE`'s `/proc/self/fd/N` would not do: SQLite resolves that link and creates a named
    /// file called `#N (deleted)`.)
    ///
    /// ```swift
    /// let bytes = try store.serializedCopy()  // starts with "SQLite format 3\0"
    /// ```
    public func serializedCopy() throws -> [UInt8] {
        do {
            let pageSize = try queue.read { try Int.fetchOne($0, sql: "PRAGMA page_size") } ?? 4096
            let memory = try DatabaseQueue()
            // temp_store: VACUUM's scratch database stays in memory too, never in a file of $TMPDIR.
            try memory.writeWithoutTransaction {
                try $0.execute(sql: "PRAGMA page_size = \(pageSize); PRAGMA temp_store = MEMORY")
            }
            try queue.backup(to: memory)
            return try memory.writeWithoutTransaction { db in
                try db.execute(sql: "VACUUM")
                return try Self.serialize(db, path: path)
            }
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    /// Restores a journal from the bytes of a backup (`journal backup`, decrypted), checked first.
    ///
    /// The bytes must be a SQLite file with the journal's application id, passing `integrity_check`
    /// and `foreign_key_check`, of a schema this version reads (an older one is brought up to
    /// date, in memory). Only then is anything written.
    ///
    /// Where no journal is at `path`, the restored one is written whole into an unnamed file and
    /// linked into place. A journal there is replaced only with `force`: a copy of it is kept first
    /// (``keptCopyPath(for:now:)``, mode 0600), then its contents are replaced in one transaction
    /// through SQLite's online backup, so a process using it meanwhile sees the old or the new
    /// journal, never a mixture, and a kill at any moment leaves one of the two.
    ///
    /// `name` names the backup in messages.
    public static func restoreBackup(
        _ bytes: [UInt8], name: String, to path: String, force: Bool, now: Date = Date()
    ) throws -> BackupRestoreResult {
        if try exists(path), !force { throw JournalError.journalExists(path: path) }
        let restored = try verifiedJournal(bytes, name: name)
        let counts = try restored.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT count(*) FROM entries") ?? 0,
                try Int.fetchOne(db, sql: "SELECT count(*) FROM checkins") ?? 0,
                try Int.fetchOne(db, sql: "SELECT count(*) FROM reviews") ?? 0
            )
        }
        var result = BackupRestoreResult(
            path: path, keptCopy: nil, entries: counts.0, checkIns: counts.1, reviews: counts.2)
        if try exists(path) {
            guard force else { throw JournalError.journalExists(path: path) }
            let existing = try JournalStore(openingExisting: path, access: .readWrite)
            do {
                result.keptCopy = try backUp(
                    existing.queue, path: path, to: keptCopyPath(for: path, now: now), numbered: true)
                let pageSize = try existing.queue.read { try Int.fetchOne($0, sql: "PRAGMA page_size") } ?? 4096
                try restored.writeWithoutTransaction { db in
                    if try Int.fetchOne(db, sql: "PRAGMA page_size") != pageSize {
                        try db.execute(sql: "PRAGMA page_size = \(pageSize)")
                        try db.execute(sql: "VACUUM")
                    }
                }
                try restored.backup(to: existing.queue)
                try existing.queue.close()
            } catch {
                throw translate(error, path: path)
            }
        } else {
            let data = try restored.writeWithoutTransaction { try serialize($0, path: path) }
            try writeNewFile(data, at: path)
        }
        return result
    }

    /// Where a restore keeps the journal it replaces: `PATH.before-restore-DATE-TIME.backup` beside it.
    public static func keptCopyPath(for path: String, now: Date) -> String {
        "\(path).before-restore-\(stamp(now)).backup"
    }

    /// The backup's bytes as an in-memory journal, checked and brought up to this version's schema.
    static func verifiedJournal(_ bytes: [UInt8], name: String) throws -> DatabaseQueue {
        func refuse(_ reason: String) -> JournalError { .notARestorableJournal(path: name, reason: reason) }
        guard bytes.count >= 512, bytes.starts(with: Array("SQLite format 3\0".utf8)) else {
            throw refuse("it is not a journal backup (not a SQLite database, nor an age encrypted file)")
        }
        var bytes = bytes
        // A database in WAL mode (file format 2) is read here as a plain one: it is whole, with no -wal beside it.
        if bytes[18] == 2, bytes[19] == 2 { (bytes[18], bytes[19]) = (1, 1) }
        let memory: DatabaseQueue
        do {
            var configuration = Configuration()
            configuration.foreignKeysEnabled = true
            memory = try DatabaseQueue(configuration: configuration)
            try memory.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA temp_store = MEMORY")
                guard let copy = sqlite3_malloc64(sqlite3_uint64(bytes.count)) else { throw refuse("out of memory") }
                bytes.withUnsafeBytes { raw in
                    if let base = raw.baseAddress { copy.copyMemory(from: base, byteCount: raw.count) }
                }
                let flags = UInt32(SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE)
                let count = sqlite3_int64(bytes.count)
                guard sqlite3_deserialize(db.sqliteConnection, "main", copy, count, count, flags) == SQLITE_OK else {
                    throw refuse("SQLite cannot read it")
                }
                db.clearSchemaCache()
            }
        } catch let error as JournalError {
            throw error
        } catch {
            throw refuse("SQLite cannot read it")
        }
        do {
            try memory.read { db in
                guard try Int32.fetchOne(db, sql: "PRAGMA application_id") == applicationID else {
                    throw refuse("it is a SQLite database, but not a journal")
                }
                let problems = try String.fetchAll(db, sql: "PRAGMA integrity_check")
                guard problems == ["ok"] else {
                    throw refuse(
                        "it is damaged (SQLite's integrity check: \(problems.prefix(3).joined(separator: "; ")))")
                }
                guard try Row.fetchOne(db, sql: "PRAGMA foreign_key_check") == nil else {
                    throw refuse("it is damaged (rows refer to rows it does not hold)")
                }
                let applied = try Migrations.appliedIdentifiers(db)
                guard !applied.isEmpty else { throw refuse("it holds no journal schema") }
                guard applied.isSubset(of: Migrations.steps) else {
                    throw refuse("it was written by a newer version of journal; update journal to restore it")
                }
            }
            try Migrations.migrator.migrate(memory)
        } catch let error as JournalError {
            throw error
        } catch let error as DatabaseError {
            throw refuse("it is damaged (\(error.message ?? "\(error.resultCode)"))")
        }
        return memory
    }

    /// The bytes of `db`'s main database.
    private static func serialize(_ db: Database, path: String) throws -> [UInt8] {
        var size: sqlite3_int64 = 0
        guard let data = sqlite3_serialize(db.sqliteConnection, "main", &size, 0) else {
            throw JournalError.io(path: path, reason: "SQLite could not copy the journal into memory")
        }
        defer { sqlite3_free(data) }
        return Array(UnsafeRawBufferPointer(start: data, count: Int(size)))
    }

    /// Writes a new journal whole: into an unnamed file in its folder (`O_TMPFILE`, else a hidden
    /// one), synced, then linked to `path`, which fails if anything appeared there meanwhile.
    private static func writeNewFile(_ bytes: [UInt8], at path: String) throws {
        let folder =
            (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        if !FileManager.default.fileExists(atPath: folder) {
            do {
                try FileManager.default.createDirectory(
                    atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw JournalError.cannotCreate(path: folder, reason: "the folder could not be made")
            }
        }
        // O_TMPFILE (__O_TMPFILE | O_DIRECTORY), which Glibc's module does not export.
        var descriptor = open(folder, 0o20_200_000 | O_WRONLY | O_CLOEXEC, 0o600)
        var hidden: String?
        if descriptor < 0 {
            let name = folder + "/.journal-restore-\(UUID().uuidString).sqlite3"
            descriptor = open(name, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
            hidden = name
        }
        guard descriptor >= 0 else {
            if [EACCES, EROFS, EPERM].contains(errno) { throw JournalError.permissionDenied(path: folder) }
            throw JournalError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
        }
        defer {
            close(descriptor)
            if let hidden { unlink(hidden) }
        }
        let sink = OutputSink(descriptor: descriptor, name: path)
        try sink.write(bytes: bytes)
        try sink.flush()
        guard fsync(descriptor) == 0 else {
            throw JournalError.io(path: path, reason: String(cString: strerror(errno)))
        }
        let linked =
            hidden.map { link($0, path) }
            ?? linkat(AT_FDCWD, "/proc/self/fd/\(descriptor)", AT_FDCWD, path, AT_SYMLINK_FOLLOW)
        guard linked == 0 else {
            if errno == EEXIST { throw JournalError.journalExists(path: path) }
            if [EACCES, EROFS, EPERM].contains(errno) { throw JournalError.permissionDenied(path: folder) }
            throw JournalError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
        }
        let folderDescriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderDescriptor >= 0 {
            fsync(folderDescriptor)
            close(folderDescriptor)
        }
    }
}
