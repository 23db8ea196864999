import Foundation
import GRDB

/// The journal's SQLite file: the only type that touches the database.
///
/// A thin façade over named parts, each with one job. Its own files (`JournalStore*.swift`) keep:
/// - opening: the entry points that open a journal (``write(at:busyTimeout:emptyFile:_:)``,
///   ``written(at:busyTimeout:emptyFile:_:)``, ``existing(at:busyTimeout:emptyFile:)``,
///   ``shown(at:busyTimeout:)``), the file's identity, WAL, its access, a file that holds no journal;
/// - migrating (``Migrations``, with a copy kept before, ``BackupFile``);
/// - read and write transactions (`reading`, `writing`), through which every query type runs;
/// - one method per thing a command asks of an open journal (`+Entries`, `+Screens`, `+Export`, …).
///
/// What another file needs before a journal is open, it asks the part that owns it, never this
/// type's statics (`StorePartsTests`): ``JournalFileCheck`` (the path's file, the application id),
/// ``SQLiteErrors`` (SQLite's errors said as journal's), ``BusyTimeout``, ``FilePermissions``,
/// ``LeftoverFile``, ``SQLiteRestore`` (restore and its undo), ``BackupFile`` (backup names),
/// ``ExportWriter`` (the export of no journal) and ``ChangeLog`` (the undo depth).
///
/// Opening creates the folder (0700) and the file (0600) when they are missing,
/// refuses any file that is not a journal without changing it, switches to WAL
/// with `synchronous = FULL`, and runs pending migrations. Writes use immediate
/// transactions and a busy timeout, so several `journal` processes can write at once.
///
/// ```swift
/// let store = try JournalStore(path: "/tmp/journal.sqlite3")
/// let saved = try store.add(entry)
/// let latest = try store.entries(limit: 20)
/// ```
public final class JournalStore: Sendable {
    /// How the file was opened.
    public enum Access: Sendable {
        /// Reading and writing.
        case readWrite
        /// Reading only: the file or its folder is not writable.
        case readOnly
        /// Reading only, as an unchanging file: the folder is not writable and SQLite cannot
        /// make the shared-memory file WAL readers need.
        case immutable
    }

    /// The database file.
    public let path: String
    /// How it was opened.
    public let access: Access
    let queue: DatabaseQueue
    /// Files whose mode was tightened to 0600 on opening (a journal made readable by others elsewhere).
    public let permissionsTightened: [PermissionChange]
    /// Set when a newer version of journal has migrated this file: it is then only read.
    let isFromNewerVersion: Bool
    /// Copies made of the file before migrations ran on it, this time it was opened.
    public let backupsMade: [String]
    /// What the file holds of its schema that journal did not make, or its record of migrations
    /// missing rows (``SchemaObjects``): every write is refused with it, and every read too when one
    /// of journal's tables is not journal's; `nil` for journal's own schema.
    public let schemaProblem: JournalError?

    /// Opens the journal at `path` for reading and writing, creating it if it does not exist.
    public convenience init(path: String, busyTimeout: TimeInterval = BusyTimeout.defaultSeconds) throws {
        if !FileManager.default.fileExists(atPath: path) { try NewJournalFile(for: path).makeEmpty() }
        try self.init(openingExisting: path, access: .readWrite, busyTimeout: busyTimeout)
    }

    /// Runs `operation` on the journal at `path`, creating the journal only when the operation succeeds.
    ///
    /// When there is no journal yet, `operation` runs once, on a new journal made in a private file
    /// beside `path` that takes its place only when `operation` succeeds (``NewJournalFile``):
    /// a refused command (an unknown exercise, a time in the future, a missing id) leaves no file or
    /// folder behind, and neither does one interrupted by a signal. If another process creates the
    /// journal meanwhile, `operation` runs again, on that one: it must not consume input it cannot
    /// read twice.
    ///
    /// ```swift
    /// let logged = try JournalStore.write(at: path) { try $0.log(draft, now: now, timeZone: .current) }
    /// ```
    ///
    /// A file there that is empty (0 bytes) holds no journal: with ``EmptyFile/startsJournal`` the
    /// new journal is made beside it in the same way and takes its place only when `operation`
    /// succeeds (a refused change leaves it 0 bytes); with ``EmptyFile/refused`` it is refused with
    /// ``holdsNoJournal(_:)`` and `operation` does not run.
    public static func write<T>(
        at path: String, busyTimeout: TimeInterval = BusyTimeout.defaultSeconds, emptyFile: EmptyFile = .startsJournal,
        _ operation: (JournalStore) throws -> T
    ) throws -> T {
        try written(at: path, busyTimeout: busyTimeout, emptyFile: emptyFile, operation).result
    }

    /// What ``written(at:busyTimeout:emptyFile:_:)`` returns: the operation's result, and whether
    /// this write started the journal.
    public struct Written<T> {
        /// What the operation returned.
        public var result: T
        /// Whether this write's new journal took its place: `false` when the journal was there
        /// already, or when another process put one there first (the change was then made on it).
        public var startedJournal: Bool
    }

    /// As ``write(at:busyTimeout:emptyFile:_:)``, saying too whether this write started the journal.
    ///
    /// Of several writers that find no journal (or an empty file) at once, only the one whose new
    /// journal takes its place started it; the others made their change on that journal.
    public static func written<T>(
        at path: String, busyTimeout: TimeInterval = BusyTimeout.defaultSeconds, emptyFile: EmptyFile = .startsJournal,
        _ operation: (JournalStore) throws -> T
    ) throws -> Written<T> {
        try JournalFileCheck.refuseLogBesideEmptyFile(path)
        if JournalFileCheck.isEmptyFile(path) {
            guard emptyFile == .startsJournal else { throw holdsNoJournal(path) }
            let file = NewJournalFile(replacingEmptyFile: path)
            if let made = try file.make(busyTimeout: busyTimeout, operation) {
                return Written(result: made.result, startedJournal: true)
            }
        } else if try !JournalFileCheck.exists(path, writing: true),
            let made = try NewJournalFile(for: path).make(busyTimeout: busyTimeout, operation)
        {
            return Written(result: made.result, startedJournal: true)
        }
        return Written(result: try operation(JournalStore(path: path, busyTimeout: busyTimeout)), startedJournal: false)
    }

    /// What opening does with a file that is there but holds no journal (empty, 0 bytes: a sync
    /// tool or a failed copy can truncate a journal), decided by what the command does.
    public enum EmptyFile: Sendable {
        /// A command that adds a record (`log`, `checkin`, `import`, …): the file reads as no journal
        /// yet, and a change that succeeds starts a new journal in it.
        case startsJournal
        /// A command that shows the journal, or changes a record it holds (`edit`, `undo`, …): the
        /// file is refused with ``holdsNoJournal(_:)`` (exit 66) and left as it is.
        case refused
    }

    /// Opens the journal at `path` if the file exists, read-write when the file and its folder are
    /// writable and read-only otherwise; `nil` when there is no file (reading commands then show an
    /// empty journal without creating one).
    ///
    /// A journal on a full disk, where SQLite cannot make the `-shm` file WAL readers share, is
    /// read-only too, and so is one in a folder that is not writable: read as an unchanging file
    /// when its write-ahead log holds nothing (the file is then the whole journal), and refused
    /// with ``JournalError/walUnreadable(path:cause:)`` when the log holds changes the file lacks,
    /// rather than read without them.
    ///
    /// A file there that holds no journal (empty) reads as none with ``EmptyFile/startsJournal``, and is
    /// refused with ``holdsNoJournal(_:)`` with ``EmptyFile/refused``.
    public static func existing(
        at path: String, busyTimeout: TimeInterval = BusyTimeout.defaultSeconds, emptyFile: EmptyFile = .startsJournal
    ) throws -> JournalStore? {
        // A command that may start the journal refuses a path that can hold none as a journal it cannot create.
        guard try JournalFileCheck.exists(path, writing: emptyFile == .startsJournal) else { return nil }
        let folder = PathName.folder(of: path)
        do {
            if Glibc.access(path, W_OK) == 0, FilePermissions.readOnlyMode(of: path) == nil,
                Glibc.access(folder.isEmpty ? "." : folder, W_OK) == 0
            {
                do {
                    return try JournalStore(
                        openingExisting: path, access: .readWrite, busyTimeout: busyTimeout, markIfEmpty: false)
                } catch let error as JournalError where error.isDiskFull {
                    // Read as in a folder that is not writable, below.
                }
            }
            do {
                return try JournalStore(openingExisting: path, access: .readOnly, busyTimeout: busyTimeout)
            } catch let error as JournalError where cannotMakeSharedMemory(error) {
                try requireEmptyWriteAheadLog(path)
                return try JournalStore(openingExisting: path, access: .immutable, busyTimeout: busyTimeout)
            }
        } catch is EmptyDatabase {
            guard emptyFile == .startsJournal else { throw holdsNoJournal(path) }
            return nil
        }
    }

    /// Whether `error`, opening a journal read-only, says that SQLite could not make or grow the `-shm`
    /// file beside it: the folder is not writable, or the disk is full.
    private static func cannotMakeSharedMemory(_ error: JournalError) -> Bool {
        switch error {
        case .permissionDenied, .cannotCreate: true
        default: error.isDiskFull
        }
    }

    /// Refuses to read `path` as an unchanging file when its write-ahead log holds changes: an
    /// unchanging file is read without its log, so what it showed would be the journal before them.
    private static func requireEmptyWriteAheadLog(_ path: String) throws {
        if JournalFileCheck.sizeOfLog(beside: path, suffix: "-wal") != nil {
            // What stops SQLite making the -shm: the mount, a full disk, else the folder's mode.
            let cause: ReadOnlyCause =
                ReadOnlyCause.isOnReadOnlyFileSystem(path)
                ? .readOnlyMount : JournalFileCheck.noSpaceLeft(besides: path) ? .diskFull : .folder
            throw JournalError.walUnreadable(path: path, cause: cause)
        }
    }

    /// Opens the journal at `path` for a command that shows it: as ``existing(at:busyTimeout:)``,
    /// except that a file there that holds no journal (empty: a sync tool or a failed copy may
    /// truncate a journal to 0 bytes) is refused with ``holdsNoJournal(_:)``, never shown as an
    /// empty journal; `nil` only when no file is there at all.
    ///
    /// A journal truncated after a red flag was recorded would otherwise read as "nothing stands",
    /// exit 0: every screen says what `journal doctor` says of it instead.
    public static func shown(at path: String, busyTimeout: TimeInterval = BusyTimeout.defaultSeconds) throws
        -> JournalStore?
    {
        try existing(at: path, busyTimeout: busyTimeout, emptyFile: .refused)
    }

    /// The refusal of a file at `path` that holds no journal (exit 66), with its size and what to do:
    /// if it held one, put a backup back; otherwise a change starts a journal in it.
    public static func holdsNoJournal(_ path: String) -> JournalError {
        var status = stat()
        let size = stat(path, &status) == 0 ? Int(status.st_size) : 0
        let what = size == 0 ? "it is an empty file (0 bytes)" : "it is an empty SQLite database (\(size) bytes)"
        return .noInput(
            path: path,
            reason: "\(what) and holds no journal; if it held one, put a backup back "
                + "(`journal restore BACKUP`), otherwise `journal log` starts a journal in it")
    }

    /// `maximumPageCount` caps the file's size, to test a full disk; `migrations`, when given, stands in
    /// for schema.sql's sections, to test a later version's migrations; `inMemory` opens a new, empty
    /// journal in memory instead of the file; `file`, when given, is the file opened instead of
    /// `path`, which messages still name (a new journal being made, ``NewJournalFile``).
    init(
        openingExisting path: String, access: Access, busyTimeout: TimeInterval = BusyTimeout.defaultSeconds,
        maximumPageCount: Int? = nil, migrations: [Schema.Section]? = nil, inMemory: Bool = false,
        markIfEmpty: Bool = true, file: String? = nil
    ) throws {
        self.path = path
        self.access = access
        if !inMemory, file == nil { try JournalFileCheck.refuseLogBesideEmptyFile(path) }
        // A journal a person made read-only is never written, by root either, nor made writable.
        if !inMemory, file == nil, access == .readWrite, FilePermissions.readOnlyMode(of: path) != nil {
            throw JournalError.permissionDenied(path: path)
        }
        // Leftovers of a killed first write or restore beside it (``LeftoverFile/removeUnlocked(beside:)``).
        if !inMemory, file == nil, access == .readWrite { _ = LeftoverFile.removeUnlocked(beside: path) }
        var configuration = Configuration()
        configuration.busyMode = .timeout(BusyTimeout.bounded(busyTimeout))
        configuration.foreignKeysEnabled = true
        configuration.readonly = access != .readWrite
        configuration.label = "journal"
        if let maximumPageCount {
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA max_page_count = \(maximumPageCount)") }
        }
        let file = file ?? path
        // A file marked as a journal is made private before SQLite opens it, so that the -wal and
        // -shm files it makes take the same mode; any other file is left alone until it is known.
        var tightened =
            !inMemory && access == .readWrite && Self.isMarkedAsJournal(file) ? FilePermissions.tighten(file) : []
        do {
            let opened =
                inMemory
                ? try DatabaseQueue(configuration: configuration)
                : try DatabaseQueue(
                    path: access == .immutable ? Self.immutableURI(file) : file, configuration: configuration)
            queue =
                try access == .readWrite ? opened : Self.upgradedCopy(of: opened, path: path, migrations: migrations)
            if access == .readWrite {
                let (applied, objects) = try queue.writeWithoutTransaction { db in
                    let found = try Self.checkIdentity(db, path: path, mark: markIfEmpty)
                    if try String.fetchOne(db, sql: "PRAGMA journal_mode")?.lowercased() != "wal" {
                        try db.execute(sql: "PRAGMA journal_mode = WAL")
                    }
                    // After WAL set-up, so that a commit survives power loss.
                    try db.execute(sql: "PRAGMA synchronous = FULL")
                    return found
                }
                let checked = try SchemaObjects.check(objects, applied: applied, path: path, migrations: migrations)
                // Not over what journal did not make: nothing of it acts (a trigger on a migration's insert).
                (isFromNewerVersion, backupsMade) =
                    checked.problem == nil
                    ? try Self.migrate(queue, applied: applied, path: path, migrations: migrations) : (false, [])
                schemaProblem =
                    try checked.problem
                    ?? (checked.mayMigrate && !inMemory
                        ? SchemaObjects.check(
                            queue.read(SchemaObjects.fetch), applied: [""], path: path, migrations: migrations
                        ).problem : nil)
                // Only once the file is known to be a journal: another program's file is left as it was.
                if !inMemory { tightened += FilePermissions.tighten(file) }
                permissionsTightened = tightened
            } else {
                permissionsTightened = []
                let (applied, objects) = try opened.read { try Self.checkIdentity($0, path: path, mark: false) }
                let known = migrations?.map(\.name) ?? Migrations.steps
                (isFromNewerVersion, backupsMade) = (!applied.subtracting(known).isEmpty, [])
                schemaProblem =
                    try SchemaObjects.check(objects, applied: applied, path: path, migrations: migrations).problem
            }
        } catch {
            // A file found not to be a journal after all gets its mode back.
            for change in tightened { chmod(change.path, mode_t(change.from)) }
            if let empty = error as? EmptyDatabase { throw empty }
            throw SQLiteErrors.translate(error, path: path)
        }
    }

    /// Wraps `queue`, a journal checked and brought up to date in memory (a backup being restored),
    /// to read it with the store's own queries; `path` names it in messages.
    init(verified queue: DatabaseQueue, path: String) {
        self.path = path
        access = .readOnly
        self.queue = queue
        permissionsTightened = []
        isFromNewerVersion = false
        backupsMade = []
        schemaProblem = nil
    }

    /// Whether the file at `path` is an SQLite database whose header carries journal's application id.
    private static func isMarkedAsJournal(_ path: String) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var header = [UInt8](repeating: 0, count: 72)
        guard header.withUnsafeMutableBytes({ pread(descriptor, $0.baseAddress, 72, 0) }) == 72 else { return false }
        let id = header[68..<72].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        return header.starts(with: Array("SQLite format 3\u{0}".utf8))
            && id == UInt32(bitPattern: JournalFileCheck.applicationID)
    }

    /// An empty SQLite file (no tables, not marked as a journal) that a reading command found:
    /// it holds no data, so it reads as no journal yet, and it is left as it is.
    struct EmptyDatabase: Error {}

    /// A journal this version can read: `queue` itself, or, when the file was written by an older
    /// version and may not be written now, an upgraded copy of it in memory (the file is untouched).
    private static func upgradedCopy(
        of queue: DatabaseQueue, path: String, migrations: [Schema.Section]?
    ) throws -> DatabaseQueue {
        let known = migrations?.map(\.name) ?? Migrations.steps
        let (applied, objects) = try queue.read { try checkIdentity($0, path: path, mark: false) }
        guard !applied.isEmpty, applied.isStrictSubset(of: known),
            try SchemaObjects.check(objects, applied: applied, path: path, migrations: migrations).mayMigrate
        else { return queue }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.label = "journal (upgraded in memory)"
        let copy = try DatabaseQueue(configuration: configuration)
        try queue.backup(to: copy)
        try (migrations.map { Migrations.migrator(sections: $0) } ?? Migrations.migrator).migrate(copy)
        return copy
    }

    /// `file:` URI that opens `path` as immutable.
    private static func immutableURI(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        return "file:" + (absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute) + "?immutable=1"
    }

    // MARK: Opening

    /// Closes the database connection.
    func closeDatabase() throws {
        do { try queue.close() } catch { throw SQLiteErrors.translate(error, path: path) }
    }

    /// Refuses, before anything is written, a file that is neither a journal nor empty; with
    /// `mark`, marks an empty one as a journal at once, before anything else is written to it.
    ///
    /// A file marked with journal's application id is a journal only if it has its migrations
    /// table, or nothing at all yet (a creation cut short); one merely marked is another program's.
    /// Without `mark`, an empty unmarked file throws ``EmptyDatabase``.
    ///
    /// Returns the migrations applied to the file (``Migrations/appliedIdentifiers(_:)``) and its
    /// schema objects (``SchemaObjects``), from one look at `sqlite_master`: every command opens
    /// the journal, and each statement SQLite compiles costs more than it reads here.
    private static func checkIdentity(
        _ db: Database, path: String, mark: Bool
    ) throws -> (applied: Set<String>, objects: [SchemaObject]) {
        let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let objects = try SchemaObjects.fetch(db)
        let hasMigrations = objects.contains { $0.type == "table" && $0.name == "grdb_migrations" }
        if applicationID == JournalFileCheck.applicationID {
            guard hasMigrations || objects.isEmpty else { throw JournalError.notAJournal(path: path) }
            return (hasMigrations ? try Migrations.recorded(db) : [], objects)
        }
        guard applicationID == 0, objects.isEmpty else { throw JournalError.notAJournal(path: path) }
        guard mark else { throw EmptyDatabase() }
        try db.execute(sql: "PRAGMA application_id = \(JournalFileCheck.applicationID)")
        return ([], objects)
    }

    /// Runs pending migrations, first copying a journal that already holds data (the copy is kept).
    ///
    /// `applied` are the migrations the file had when it was opened. Returns whether a newer version
    /// of journal has migrated the file further, and the copies made. The common case, nothing to
    /// do, costs nothing more.
    private static func migrate(
        _ queue: DatabaseQueue, applied: Set<String>, path: String, migrations: [Schema.Section]?
    ) throws -> (Bool, [String]) {
        let known = migrations?.map(\.name) ?? Migrations.steps
        if !applied.subtracting(known).isEmpty { return (true, []) }
        if applied.isSuperset(of: known) { return (false, []) }
        var backups: [String] = []
        if !applied.isEmpty {
            let next = known.first { !applied.contains($0) } ?? "migration"
            backups.append(
                try BackupFile.copy(queue, to: BackupFile.automaticPath(for: path, before: next), numbered: true))
        }
        let migrator = migrations.map { Migrations.migrator(sections: $0) } ?? Migrations.migrator
        do {
            try migrator.migrate(queue)
        } catch {
            // Another process may have run the same migration first; then all is well.
            guard try queue.read({ try migrator.hasCompletedMigrations($0) }) else { throw error }
        }
        return (false, backups)
    }

    // MARK: Access

    /// Whether reads are refused too: one of journal's tables is not journal's (``schemaProblem``).
    public var refusesReading: Bool {
        guard case .foreignSchema(_, let differences) = schemaProblem else { return false }
        return differences.contains(where: \.isJournalTable)
    }

    /// Runs `body` in one read transaction; refused when one of journal's tables is not journal's.
    func reading<T>(_ body: (Database) throws -> T) throws -> T {
        if let schemaProblem, refusesReading { throw schemaProblem }
        do { return try queue.read(body) } catch { throw SQLiteErrors.translate(error, path: path) }
    }

    /// Runs `body` in one write transaction.
    ///
    /// With `temporariesInMemory`, SQLite keeps its temporary files in memory meanwhile: the import's
    /// statements, each adding many rows, then keep the copies of the pages they change (so that a
    /// failing statement can be undone alone) in memory rather than in a file, a few hundred KiB a
    /// statement at most.
    func writing<T>(temporariesInMemory: Bool = false, _ body: (Database) throws -> T) throws -> T {
        do {
            if isFromNewerVersion { throw JournalError.newerDatabase(path: path) }
            // Before the transaction: a trigger journal did not make must not fire.
            if let schemaProblem { throw schemaProblem }
            // Also guards an older journal's upgraded copy in memory, which SQLite would let us write.
            if access != .readWrite { throw JournalError.permissionDenied(path: path) }
            // Once the journal syncs, the write's changes are recorded with it (``SyncRecording``).
            guard temporariesInMemory else {
                return try queue.write { db in try SyncRecording.record(db, clock: clock, body) }
            }
            return try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA temp_store = MEMORY")
                defer { try? db.execute(sql: "PRAGMA temp_store = DEFAULT") }
                var result: T?
                try db.inTransaction {
                    result = try SyncRecording.record(db, clock: clock, body)
                    return .commit
                }
                guard let result else { throw JournalError.io(path: path, reason: "the change was not made") }
                return result
            }
        } catch {
            throw SQLiteErrors.translate(error, path: path)
        }
    }
}
