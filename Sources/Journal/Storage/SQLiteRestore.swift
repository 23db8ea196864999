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
    /// Every kind of record the restored journal holds, counted as `journal import` counts them.
    public var records = ImportResult()
    /// The region the journal stores, when the restore changed it (from the journal it replaced,
    /// `nil` when there was none); `nil` when it stayed the same.
    public var region: RegionChange?
    /// The sync folder the journal it replaced synced through (`journal sync init`), when it did:
    /// the restored journal no longer syncs (a journal's sync set-up is its own, never a backup's).
    public var leftSyncFolder: String?
}

/// Restoring a SQLite backup whole (`journal restore`), and the copy `journal backup` encrypts: not to be
/// confused with importing a full JSON export (``FullExportImport``).
public enum SQLiteRestore {
    /// A consistent copy of the whole journal as the bytes of a SQLite file, made in memory.
    ///
    /// SQLite's online backup copies the journal into an in-memory database, compacted there with
    /// `VACUUM`, and `sqlite3_serialize` gives its bytes: the copy never touches the disk, so an
    /// encrypted backup leaves no plaintext file behind even when killed. (`VACUUM INTO` an
    /// `O_TMPFILE`'s `/proc/self/fd/N` would not do: SQLite resolves that link and creates a named
    /// file called `#N (deleted)`.)
    ///
    /// ```swift
    /// let bytes = try SQLiteRestore.serializedCopy(of: store)  // starts with "SQLite format 3\0"
    /// ```
    static func serializedCopy(of store: JournalStore) throws -> [UInt8] {
        let path = store.path
        do {
            let pageSize = try store.queue.read { try Int.fetchOne($0, sql: "PRAGMA page_size") } ?? 4096
            let memory = try DatabaseQueue()
            // temp_store: VACUUM's scratch database stays in memory too, never in a file of $TMPDIR.
            try memory.writeWithoutTransaction {
                try $0.execute(sql: "PRAGMA page_size = \(pageSize); PRAGMA temp_store = MEMORY")
            }
            try store.queue.backup(to: memory)
            return try memory.writeWithoutTransaction { db in
                try db.execute(sql: "VACUUM")
                return try Self.serialize(db, path: path)
            }
        } catch {
            throw SQLiteErrors.translate(error, path: path)
        }
    }

    /// Restores a journal from the bytes of a backup (`journal backup`, decrypted), checked first.
    ///
    /// The backup is read, never adopted. The bytes must be a SQLite file with the journal's
    /// application id, passing `integrity_check` and `foreign_key_check`, of a schema this version
    /// reads (an older one is brought up to date, in memory), holding exactly the tables, indexes,
    /// triggers and views schema.sql makes (nothing else), with every time within
    /// ``LocalDateTime/representableSeconds``. Its rows are then read out as a full export and
    /// written, through the same checks as `journal import`, into a new journal built from
    /// schema.sql, each record then given the backup's uid, time of recording and clock reading
    /// under its id (``copyRecording(from:_:)``), and the backup's clock: that journal, and nothing of
    /// the file's own structure, is what is put in place.
    /// The backup's undo history is not carried over; replacing a journal keeps the journal's own
    /// under one new change, ``ChangeKind/restore``, which ``undoRestore(_:at:busyTimeout:now:)`` reverses.
    ///
    /// Where no journal is at `path`, the restored one is written whole into an unnamed file and
    /// linked into place; into an empty file (0 bytes) there, without --force, it is written whole
    /// beside it and renamed over it only while it is still empty (``NewJournalFile``), and nothing is
    /// kept. An empty file with a `-wal` or `-journal` beside it is refused
    /// (``JournalFileCheck/refuseLogBesideEmptyFile(_:)``). A journal there is replaced only with `force`, in one transaction that
    /// holds the journal's write lock from the copy of the old journal to the end of the swap
    /// (waiting up to `busyTimeout` for another writer): a change another process saved before it
    /// is in the kept copy, one saved after it is in the restored journal. The kept copy
    /// (``keptCopyPath(for:now:)``, mode 0600) is named only once the swap is committed.
    ///
    /// `name` names the backup in messages.
    public static func restoreBackup(
        _ bytes: [UInt8], name: String, to path: String, force: Bool,
        busyTimeout: TimeInterval = BusyTimeout.defaultSeconds, now: Date = Date()
    ) throws -> BackupRestoreResult {
        try JournalFileCheck.refuseLogBesideEmptyFile(path)
        // An empty file (0 bytes) holds no journal to keep: a restore fills it without --force.
        let intoEmptyFile = JournalFileCheck.isEmptyFile(path)
        if try JournalFileCheck.exists(path), !force, !intoEmptyFile { throw JournalError.journalExists(path: path) }
        let restored = try rebuilt(from: verifiedJournal(bytes, name: name), name: name, now: now)
        var named = UndoResult(kind: .restore, madeAt: 0, restored: 0, removed: 0)
        let restoredRegion = try restored.reading { db in
            try namePutBack(db, into: &named)
            return try SettingsQueries.region(db)
        }
        var result = BackupRestoreResult(
            path: path, keptCopy: nil, entries: named.entryIDs.count, checkIns: named.checkInIDs.count,
            reviews: named.reviewIDs.count, records: ImportResult(counting: named))
        let data = try restored.queue.writeWithoutTransaction { try serialize($0, path: path) }
        var replacedRegion: String?
        if intoEmptyFile, try placeOverEmptyFile(data, at: path, busyTimeout: busyTimeout) {
            // Nothing was replaced, so nothing is kept.
        } else if try JournalFileCheck.exists(path, writing: true) {
            // Without --force, a journal another process started in the empty file meanwhile stays.
            guard force else { throw JournalError.journalExists(path: path) }
            let replaced = try replace(path, with: data, busyTimeout: busyTimeout, now: now, undoing: nil)
            (result.keptCopy, replacedRegion) = (replaced.kept, replaced.region)
            result.leftSyncFolder = replaced.syncFolder
        } else {
            try writeNewFile(data, at: path)
        }
        if restoredRegion != replacedRegion {
            result.region = RegionChange(replaced: replacedRegion, stored: restoredRegion)
        }
        return result
    }

    /// A new journal, built from schema.sql, holding the rows of the checked backup `verified`.
    ///
    /// The backup's schema must be journal's own, object for object; its rows are written out as
    /// a full export and read back in through ``restore(from:now:)``, whose checks are those of
    /// every entry, check-in, review and PSFS rating journal records.
    static func rebuilt(from verified: DatabaseQueue, name: String, now: Date) throws -> JournalStore {
        func refuse(_ reason: String) -> JournalError { .notARestorableJournal(path: name, reason: reason) }
        let fresh = try JournalStore(openingExisting: name, access: .readWrite, inMemory: true)
        let schema = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
        let expected = try fresh.reading { try Row.fetchAll($0, sql: schema) }
        let seconds = Int64(now.timeIntervalSince1970)
        var datedUpTo = seconds
        do {
            try verified.read { db in
                let found = try Row.fetchAll(db, sql: schema)
                if let extra = found.first(where: { !expected.contains($0) }) {
                    let type = (extra["type"] as String?) ?? "object"
                    let object = (extra["name"] as String?) ?? ""
                    throw refuse(
                        expected.contains { ($0["name"] as String?) == object }
                            ? "its \(object) is not the \(type) journal makes"
                            : "it holds a \(type) journal does not make (\(object))")
                }
                if let missing = expected.first(where: { !found.contains($0) }) {
                    let object = (missing["name"] as String?) ?? ""
                    throw refuse("it lacks journal's \(object)")
                }
                try requireRepresentableTimes(db, refuse)
                datedUpTo = try latestRecordedAhead(db, of: seconds)
            }
        } catch let error as DatabaseError {
            throw refuse("it is damaged (\(error.message ?? "\(error.resultCode)"))")
        }
        var export: [UInt8] = []
        let sink = OutputSink(name: name) { export += $0 }
        do {
            let backup = JournalStore(verified: verified, path: name)
            // Screens read a value journal never writes within its range; a restore must not adopt it so.
            // With `now`: a row dated ahead of now is journal's only when dated no later than it
            // was recorded (``StoredValues``), as on a clock set back since, or merged from a
            // device whose clock runs ahead; the import reads dates up to the latest such.
            let problems = try backup.storedValueProblems(now: seconds)
            if !problems.isEmpty { throw refusal(problems, name: name) }
            try backup.exportAll(to: sink, recordedAt: false)
            try sink.flush()
        } catch let error as JournalError {
            throw refuse("a row is not one journal writes (\(error))")
        }
        do {
            _ = try fresh.restore(from: { ByteSource(bytes: export) }, now: datedUpTo)
        } catch let error as JournalError {
            if case .invalidImport(_, let problem) = error {
                throw refuse("a row is not one journal writes: \(problem)")
            }
            throw refuse("a row is not one journal writes: \(error)")
        }
        try fresh.writing { db in
            // The rows came in through an import; the restored journal starts with no undo history.
            try ChangeLog(db).forgetAll()
            try Self.copyRecording(from: verified, db)
            // The next ids stay after every id the journal ever gave, as they were (within the bounds).
            let sequences = try verified.read { try Row.fetchAll($0, sql: "SELECT name, seq FROM sqlite_sequence") }
            let changes = sequences.first { ($0["name"] as String?) == "changes" }?["seq"] as Int64?
            try db.execute(
                sql: changes == nil
                    ? "DELETE FROM sqlite_sequence WHERE name = 'changes'"
                    : "UPDATE sqlite_sequence SET seq = ? WHERE name = 'changes'",
                arguments: changes == nil ? [] : [changes])
            for row in sequences {
                guard let table = row["name"] as String?, let next = row["seq"] as Int64?,
                    Self.records.contains(where: { $0.aliases == table }),
                    next == 0 || Entry.Limits.ids.contains(next)
                else { continue }
                try db.execute(
                    sql: "UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = ?", arguments: [next, table])
                try db.execute(
                    sql: """
                        INSERT INTO sqlite_sequence (name, seq) SELECT ?1, ?2
                        WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = ?1)
                        """, arguments: [table, next])
            }
        }
        return fresh
    }

    /// The record tables (schema.sql v26-record-ids), each with its alias table, what its rows hold
    /// of the clock (`recorded`, `seen`) and the table whose rows name a row of it by uid.
    static let records:
        [(table: String, aliases: String, reading: String?, children: (table: String, column: String)?)] = [
            ("entries", "entry_ids", "recorded", nil),
            ("checkins", "checkin_ids", "recorded", ("checkin_red_flags", "checkin_uid")),
            ("reviews", "review_ids", "seen", nil),
            ("psfs_activities", "psfs_activity_ids", nil, ("psfs_ratings", "activity_uid")),
            ("psfs_ratings", "psfs_rating_ids", nil, nil),
            ("red_flag_reviews", "red_flag_review_ids", "seen", nil),
        ]

    /// Gives the records the backup `verified` restored into `db` what the export left out.
    ///
    /// Each record's uid, when it was recorded (`created_at`) and its reading (`recorded`, `seen`),
    /// by its id, which the import kept as its alias; its rowid, so that the rows lie in the
    /// backup's order (the import's is the export's, by time then uid); and the backup's clock
    /// (`replica_clocks`). So the restored journal covers, holds and syncs as the backup did, and
    /// holds its rows as the backup held them.
    ///
    /// A record's uid changes under its alias (the rows naming it by uid follow it; foreign keys
    /// are checked at the commit). Its rowid is first set below every rowid the backup holds (its
    /// negative), so that no two rows ever share one.
    private static func copyRecording(from verified: DatabaseQueue, _ db: Database) throws {
        try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
        for record in records {
            let reading = record.reading.map { ", t.\($0) AS reading" } ?? ""
            let rows = try verified.read {
                try Row.fetchAll(
                    $0,
                    sql: """
                        SELECT v.id AS id, v.uid AS uid, v.created_at AS created_at, t.rowid AS row\(reading)
                        FROM \(record.table)_with_ids AS v JOIN \(record.table) AS t ON t.uid = v.uid
                        """)
            }
            try db.execute(sql: "UPDATE \(record.table) SET rowid = -rowid")
            // `?1` the backup's uid, `?2` the alias, `?3` when it was recorded, `?4` its rowid, `?5` its reading.
            let alias = "(SELECT uid FROM \(record.aliases) WHERE id = ?2)"
            let children = try record.children.map {
                try db.makeStatement(sql: "UPDATE \($0.table) SET \($0.column) = ?1 WHERE \($0.column) = \(alias)")
            }
            let setReading = record.reading.map { ", \($0) = ?5" } ?? ""
            let update = try db.makeStatement(
                sql:
                    "UPDATE \(record.table) SET uid = ?1, created_at = ?3, rowid = ?4\(setReading) WHERE uid = \(alias)"
            )
            let point = try db.makeStatement(sql: "UPDATE \(record.aliases) SET uid = ?1 WHERE id = ?2")
            for row in rows {
                let (uid, id): (DatabaseValue, DatabaseValue) = (row["uid"], row["id"])
                try children?.execute(arguments: [uid, id])
                try update.execute(
                    arguments: StatementArguments(
                        [uid, id, row["created_at"] as DatabaseValue, row["row"] as DatabaseValue]
                            + (record.reading == nil ? [] : [row["reading"] as DatabaseValue])))
                try point.execute(arguments: [uid, id])
            }
        }
        let clocks = try verified.read { try Row.fetchAll($0, sql: "SELECT replica, self, last FROM replica_clocks") }
        try db.execute(sql: "DELETE FROM replica_clocks")
        for clock in clocks {
            try db.execute(
                sql: "INSERT INTO replica_clocks (replica, self, last) VALUES (?, ?, ?)",
                arguments: [
                    clock["replica"] as DatabaseValue, clock["self"] as DatabaseValue, clock["last"] as DatabaseValue,
                ])
        }
    }

    /// The latest time of recording of a row dated ahead of `now` and no later than that recording.
    ///
    /// `now` when there is none. Such rows a clock ahead wrote (this device's, set back since, or
    /// another's, merged by `journal sync`); screens show and count them as any other. A restore reads the backup's dates up to it; what it records as when each row was recorded
    /// is the backup's (``copyRecording(from:_:)``).
    private static func latestRecordedAhead(_ db: Database, of now: Int64) throws -> Int64 {
        let dated: [(table: String, column: String)] = [
            ("entries", "performed_at"), ("checkins", "performed_at"), ("reviews", "reviewed_at"),
            ("red_flag_reviews", "reviewed_at"), ("psfs_ratings", "rated_at"), ("psfs_activities", "added_at"),
            ("psfs_activities", "retired_at"),
        ]
        return try dated.reduce(now) { latest, dated in
            let found = try Int64.fetchOne(
                db,
                sql: """
                    SELECT max(created_at) FROM \(dated.table)
                    WHERE \(dated.column) > ?1 AND \(dated.column) <= created_at
                    """,
                arguments: [now])
            return max(latest, found ?? latest)
        }
    }

    /// Refuses a backup holding a time journal cannot show (outside years 1–9999 in some zone)
    /// or a clock offset beyond ±18 hours.
    private static func requireRepresentableTimes(_ db: Database, _ refuse: (String) -> JournalError) throws {
        let times = LocalDateTime.representableSeconds
        let offsets = LocalDateTime.utcOffsets
        let columns: [(String, [String])] = [
            ("entries", ["performed_at", "created_at"]), ("checkins", ["performed_at", "created_at"]),
            ("reviews", ["reviewed_at", "created_at"]),
            ("psfs_activities", ["added_at", "retired_at", "created_at"]),
            ("psfs_ratings", ["rated_at", "created_at"]), ("red_flag_reviews", ["reviewed_at", "created_at"]),
        ]
        for (table, names) in columns {
            for column in names {
                let outside =
                    try Int.fetchOne(
                        db, sql: "SELECT count(*) FROM \(table) WHERE \(column) NOT BETWEEN ? AND ?",
                        arguments: [times.lowerBound, times.upperBound]) ?? 0
                guard outside == 0 else {
                    throw refuse("\(table).\(column) holds a time outside the years 1 to 9999")
                }
            }
            let offsetsOutside =
                try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM \(table) WHERE utc_offset NOT BETWEEN ? AND ?",
                    arguments: [offsets.lowerBound, offsets.upperBound]) ?? 0
            guard offsetsOutside == 0 else { throw refuse("\(table).utc_offset holds an offset beyond ±18 hours") }
        }
    }

    /// Replaces the journal at `path` with the journal `data`, in one transaction that holds the
    /// write lock throughout; returns where the replaced journal was kept.
    ///
    /// Within the transaction, the old journal's bytes are written into a hidden file beside it
    /// (0600, synced), then every table's rows are replaced by the restored journal's, attached in
    /// memory. Only after the commit does the hidden file take the kept copy's name; a failed or
    /// interrupted restore leaves no kept copy (a hidden file left by a kill is removed by the next
    /// command, ``LeftoverFile/removeUnlocked(beside:)``).
    ///
    /// The change log is not replaced: the journal's undo history stays, under the restore.
    /// A restore (`undoing` nil) records a change of kind ``ChangeKind/restore`` in the same
    /// transaction, naming the kept copy, so `journal undo` can put it back. Undoing one (`undoing`
    /// the restore's change) marks it undone, so that undo goes on through the changes made before
    /// it, to the journal now put back; it is refused (``JournalError/databaseLocked(path:)``)
    /// when that restore is no longer the latest change not undone: another process changed the
    /// journal after the check that chose it. Returns too the region the replaced journal stored,
    /// and the sync folder it synced through.
    private static func replace(
        _ path: String, with data: [UInt8], busyTimeout: TimeInterval, now: Date, undoing: Int64?
    ) throws -> (kept: String, region: String?, syncFolder: String?) {
        let intended = keptCopyPath(for: path, now: now)
        let existing = try JournalStore(openingExisting: path, access: .readWrite, busyTimeout: busyTimeout)
        if existing.isFromNewerVersion { throw JournalError.newerDatabase(path: path) }
        // The rows are replaced in the file's own tables: a trigger or a table journal did not make would act.
        if let problem = existing.schemaProblem { throw problem }
        let hidden = LeftoverFile(beside: path, kind: "restore")
        var file: LeftoverFile?
        var region: String?
        var syncFolder: String?
        defer { file?.remove() }
        do {
            try existing.queue.writeWithoutTransaction { db in
                try db.execute(sql: "ATTACH DATABASE ':memory:' AS incoming")
                defer { try? db.execute(sql: "DETACH DATABASE incoming") }
                try deserialize(
                    data, into: "incoming", db, failure: JournalError.io(path: path, reason: "out of memory"))
                try db.inTransaction(.immediate) {
                    TestStop.at("restore-locked")
                    if let undoing {
                        let latest = try Int64.fetchOne(
                            db, sql: "SELECT id FROM main.changes WHERE undone = 0 ORDER BY id DESC LIMIT 1")
                        guard latest == undoing else { throw JournalError.databaseLocked(path: path) }
                    }
                    file = try hidden.create(holding: serialize(db, path: path))
                    region = try SettingsQueries.region(db)
                    syncFolder = try String.fetchOne(db, sql: "SELECT path FROM main.sync_folder")
                    try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
                    // The change log stays: the journal's undo history, under the restore (the
                    // journal coming in has none). Undoing the restore puts back the journal those
                    // changes were made to, with the same ids, so undo goes on through them.
                    let loggedChanges = try Int64.fetchOne(
                        db, sql: "SELECT seq FROM main.sqlite_sequence WHERE name = 'changes'")
                    let found = try String.fetchAll(
                        db,
                        sql: "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name <> 'sqlite_sequence'"
                    )
                    .filter { !ChangeLog.isLogTable($0) }
                    // The aliases before their records: a record whose uid has none gets the next from its trigger.
                    let aliases = Set(records.map(\.aliases))
                    let tables = found.filter(aliases.contains) + found.filter { !aliases.contains($0) }
                    for table in tables {
                        try db.execute(sql: "DELETE FROM main.\(table.quotedDatabaseIdentifier)")
                    }
                    // Last, once the rows put back have counted their ids in it.
                    for table in tables + ["sqlite_sequence"] {
                        if table == "sqlite_sequence" { try db.execute(sql: "DELETE FROM main.sqlite_sequence") }
                        let columns = try Row.fetchAll(
                            db, sql: "PRAGMA main.table_info(\(table.quotedDatabaseIdentifier))"
                        )
                        .map { ($0["name"] as String? ?? "").quotedDatabaseIdentifier }.joined(separator: ", ")
                        try db.execute(
                            sql: """
                                INSERT INTO main.\(table.quotedDatabaseIdentifier) (\(columns))
                                SELECT \(columns) FROM incoming.\(table.quotedDatabaseIdentifier)
                                """)
                    }
                    if let loggedChanges {
                        try db.execute(
                            sql: "UPDATE main.sqlite_sequence SET seq = max(seq, ?) WHERE name = 'changes'",
                            arguments: [loggedChanges])
                        try db.execute(
                            sql: """
                                INSERT INTO main.sqlite_sequence (name, seq) SELECT 'changes', ?
                                WHERE NOT EXISTS (SELECT 1 FROM main.sqlite_sequence WHERE name = 'changes')
                                """, arguments: [loggedChanges])
                    }
                    if let undoing {
                        try db.execute(sql: "UPDATE main.changes SET undone = 1 WHERE id = ?", arguments: [undoing])
                    } else {
                        let change = try ChangeLog(db).begin(.restore, now: Int64(now.timeIntervalSince1970))
                        try db.execute(
                            sql: "INSERT INTO main.change_restores (change_id, kept_copy) VALUES (?, ?)",
                            arguments: [change, intended])
                    }
                    TestStop.at("restore-swapped")
                    return .commit
                }
            }
            try existing.queue.close()
        } catch {
            throw SQLiteErrors.translate(error, path: path)
        }
        guard let kept = file else { throw JournalError.io(path: path, reason: "the replaced journal was not kept") }
        let chosen = try kept.name(as: intended)
        if chosen != intended, undoing == nil {
            // Another restore's copy had the name (two within one second): the change names this one.
            let store = try JournalStore(openingExisting: path, access: .readWrite, busyTimeout: busyTimeout)
            try store.writing { db in
                try db.execute(
                    sql: "UPDATE change_restores SET kept_copy = ? WHERE kept_copy = ? AND change_id = "
                        + "(SELECT max(id) FROM changes WHERE kind = 'restore')",
                    arguments: [chosen, intended])
            }
        }
        return (chosen, region, syncFolder)
    }

    /// The restore `journal undo` reverses next, when the latest change not undone is one.
    static func restoreToUndo(in store: JournalStore) throws -> JournalStore.RestoreChange? {
        try store.reading { db in
            // A journal not yet brought up to v14-undo-restore has recorded no restore.
            guard
                try Bool.fetchOne(
                    db, sql: "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'change_restores'")
                    == true,
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT c.id, c.made_at, r.kept_copy FROM changes c JOIN change_restores r ON r.change_id = c.id
                        WHERE c.id = (SELECT max(id) FROM changes WHERE undone = 0) AND c.kind = 'restore'
                        """)
            else { return nil }
            return JournalStore.RestoreChange(change: row["id"], madeAt: row["made_at"], keptCopy: row["kept_copy"])
        }
    }

    /// Undoes the restore `restore` of the journal at `path`: the journal it replaced comes back.
    ///
    /// The kept copy is read as a backup is, never adopted (``verifiedJournal(_:name:)`` and
    /// ``rebuilt(from:name:now:)``), then swapped in under the write lock exactly as a restore
    /// swaps, with the journal being replaced kept beside it in its turn
    /// (`.before-restore-DATE-TIME.backup`). The journal put back has the undo history it had
    /// before the restore (``replace(_:with:busyTimeout:now:undoing:)`` keeps the change log). Refused with ``JournalError/noInput(path:reason:)`` when the kept
    /// copy is gone, and with ``JournalError/databaseLocked(path:)`` when another change came in
    /// after the restore meanwhile; the journal is then unchanged.
    public static func undoRestore(
        _ restore: JournalStore.RestoreChange, at path: String, busyTimeout: TimeInterval = BusyTimeout.defaultSeconds,
        now: Date = Date()
    ) throws -> (undo: UndoResult, restored: BackupRestoreResult) {
        let name = restore.keptCopy
        // Only the copy a restore of this journal keeps beside it: a path changed from outside
        // would put any file in this journal's place.
        guard isKeptCopy(name, of: path) else {
            throw JournalError.undoRecordDamaged(
                reason: "change_restores names \(name.terminalSafe) as the journal the restore replaced, which is not "
                    + "the copy a restore keeps beside this journal (\(keptCopyPattern(of: path)))")
        }
        let bytes = try keptCopyBytes(name)
        let putBack = try rebuilt(from: verifiedJournal(bytes, name: name), name: name, now: now)
        var undo = UndoResult(kind: .restore, madeAt: restore.madeAt, restored: 0, removed: 0)
        let region = try putBack.reading { db in
            try namePutBack(db, into: &undo)
            return try SettingsQueries.region(db)
        }
        let serialized = try putBack.queue.writeWithoutTransaction { try serialize($0, path: path) }
        let (kept, replacedRegion, syncFolder) = try replace(
            path, with: serialized, busyTimeout: busyTimeout, now: now, undoing: restore.change)
        if region != replacedRegion { undo.region = RegionChange(replaced: replacedRegion, stored: region) }
        return (
            undo,
            BackupRestoreResult(
                path: path, keptCopy: kept, entries: undo.entryIDs.count, checkIns: undo.checkInIDs.count,
                reviews: undo.reviewIDs.count, leftSyncFolder: syncFolder)
        )
    }

    /// The bytes of the kept copy `name`, read only when it is a file as a restore keeps one.
    ///
    /// A regular file of this user's, reached without following a symbolic link, and read through
    /// the one descriptor that was checked (issue #25: undo put back whatever sat at the name, a
    /// link to any file). Its contents are then checked as any backup's are (``verifiedJournal(_:name:)``).
    ///
    /// Refused with ``JournalError/noInput(path:reason:)`` when nothing is there, and with
    /// ``JournalError/undoRecordDamaged(reason:)`` when something else is (a link, a folder, a
    /// file of another user's); nothing is undone.
    private static func keptCopyBytes(_ name: String) throws -> [UInt8] {
        let descriptor = open(name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        let failure = descriptor < 0 ? errno : 0
        if failure == ENOENT {
            throw JournalError.noInput(
                path: name,
                reason: "the journal the restore replaced was kept there and is gone; nothing was undone")
        }
        let handle = descriptor < 0 ? nil : FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var status = stat()
        let what: String? =
            if descriptor < 0 {
                failure == ELOOP
                    ? "a symbolic link" : "a file journal cannot open (\(String(cString: strerror(failure))))"
            } else if fstat(descriptor, &status) != 0 || status.st_mode & S_IFMT != S_IFREG {
                "not a regular file"
            } else if status.st_uid != geteuid() {
                "a file of another user's"
            } else {
                nil
            }
        guard let handle, what == nil else {
            throw JournalError.undoRecordDamaged(
                reason: "\(name.terminalSafe), where the restore kept the journal it replaced, is now "
                    + "\(what ?? "not a regular file"), not the file a restore keeps (a regular file of yours)")
        }
        do {
            return [UInt8](try handle.readToEnd() ?? Data())
        } catch {
            throw JournalError.noInput(
                path: name, reason: "\(error.localizedDescription.terminalSafe); nothing was undone")
        }
    }

    /// Whether `kept` is a name a restore of the journal at `path` keeps its replaced journal
    /// under: `NAME.before-restore-DATE-TIME.backup` in the journal's own folder (the folders
    /// compared as the system resolves them, so `./j.sqlite3` and an absolute path agree).
    static func isKeptCopy(_ kept: String, of path: String) -> Bool {
        func split(_ path: String) -> (folder: String, name: String) {
            guard let slash = path.lastIndex(of: "/") else { return (".", path) }
            let folder = String(path[..<slash])
            return (folder.isEmpty ? "/" : folder, String(path[path.index(after: slash)...]))
        }
        let (keptFolder, keptName) = split(kept)
        let (folder, name) = split(path)
        let stamp = keptName.dropFirst((name + ".before-restore-").count).dropLast(".backup".count)
        guard keptName.hasPrefix(name + ".before-restore-"), keptName.hasSuffix(".backup"), !stamp.isEmpty,
            stamp.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }), let one = JournalFiles.resolved(keptFolder)
        else { return false }
        return one == JournalFiles.resolved(folder)
    }

    /// The kept copy's name, for messages: `j.sqlite3.before-restore-DATE-TIME.backup` beside the journal.
    static func keptCopyPattern(of path: String) -> String {
        "\(path.split(separator: "/").last.map(String.init) ?? path).before-restore-DATE-TIME.backup beside it"
    }

    /// Names in `undo` every record of the journal `db` that undoing a restore puts back: all of
    /// them, each list smallest id first (the plan in its order), the counts beside them.
    private static func namePutBack(_ db: Database, into undo: inout UndoResult) throws {
        func ids(_ table: String) throws -> [Int64] {
            try Int64.fetchAll(db, sql: "SELECT id FROM \(table)_with_ids ORDER BY id")
        }
        undo.entryIDs = try ids("entries")
        undo.restored = undo.entryIDs.count
        undo.checkInIDs = try ids("checkins")
        undo.checkInsRestored = undo.checkInIDs.count
        undo.reviewIDs = try ids("reviews")
        undo.redFlagReviewIDs = try ids("red_flag_reviews")
        undo.psfsActivityIDs = try ids("psfs_activities")
        undo.psfsRatingIDs = try ids("psfs_ratings")
        undo.psfsChanged = undo.psfsActivityIDs.count + undo.psfsRatingIDs.count
        undo.exerciseIDs = try String.fetchAll(
            db,
            sql: "SELECT id FROM exercises WHERE builtin = 0 AND NOT \(ExerciseQueries.removedExercise()) ORDER BY id")
        undo.planExerciseIDs = try ExerciseQueries.plan(db).map(\.exerciseID)
        undo.settingNames = try String.fetchAll(
            db, sql: "SELECT name FROM settings WHERE value IS NOT NULL ORDER BY name")
    }

    /// Refuses at once a backup whose first bytes are not a SQLite file's.
    ///
    /// `journal restore /dev/zero` so reads 64 bytes, not 4 GiB. `prefix` is what was read of the
    /// file, up to 64 bytes.
    public static func checkBackupHeader(_ prefix: [UInt8], name: String) throws {
        guard prefix.starts(with: sqliteHeader) else {
            throw JournalError.notARestorableJournal(path: name, reason: notABackup)
        }
    }

    /// Refuses a backup that has a log beside it, not empty.
    ///
    /// A write-ahead log (`FILE-wal`) holds changes the file alone lacks; a rollback journal
    /// (`FILE-journal`) is left by a write that never finished and that SQLite would roll back.
    /// Either way the file alone is not what SQLite reads, and restoring it would silently drop
    /// changes or adopt half of one.
    public static func refuseWriteAheadLog(beside file: String) throws {
        var status = stat()
        if stat(file + "-wal", &status) == 0, status.st_size > 0 {
            throw JournalError.notARestorableJournal(
                path: file,
                reason: "\(file)-wal lies beside it, holding changes SQLite has not yet written into the file (a copy "
                    + "of a journal in use); make a backup with `journal backup` instead, or let SQLite fold the log "
                    + "into the file first: sqlite3 \(file) 'PRAGMA wal_checkpoint(TRUNCATE)'")
        }
        if stat(file + "-journal", &status) == 0, status.st_size > 0 {
            throw JournalError.notARestorableJournal(
                path: file,
                reason: "\(file)-journal lies beside it, the rollback journal of a write that never finished (a copy "
                    + "of a journal in use); make a backup with `journal backup` instead, or let SQLite roll the write "
                    + "back first: sqlite3 \(file) 'PRAGMA integrity_check'")
        }
    }

    private static let sqliteHeader = Array("SQLite format 3\0".utf8)
    private static let notABackup = "it is not a journal backup (not a SQLite database, nor an age encrypted file)"

    /// Where a restore keeps the journal it replaces: `PATH.before-restore-DATE-TIME.backup` beside it.
    static func keptCopyPath(for path: String, now: Date) -> String {
        "\(path).before-restore-\(BackupFile.stamp(now)).backup"
    }

    /// The backup's bytes as an in-memory journal, checked and brought up to this version's schema.
    static func verifiedJournal(_ bytes: [UInt8], name: String) throws -> DatabaseQueue {
        func refuse(_ reason: String) -> JournalError { .notARestorableJournal(path: name, reason: reason) }
        guard bytes.count >= 512, bytes.starts(with: sqliteHeader) else { throw refuse(notABackup) }
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
                try deserialize(bytes, into: "main", db, failure: refuse("SQLite cannot read it"))
            }
        } catch let error as JournalError {
            throw error
        } catch {
            throw refuse("SQLite cannot read it")
        }
        do {
            try memory.read { db in
                guard try Int32.fetchOne(db, sql: "PRAGMA application_id") == JournalFileCheck.applicationID else {
                    throw refuse("it is a SQLite database, but not a journal")
                }
                let problems = try String.fetchAll(db, sql: "PRAGMA integrity_check")
                guard problems == ["ok"] else {
                    // Only a CHECK or NOT NULL of schema.sql broken: values put in from outside, which
                    // the search screens use names, each with what corrects it, as `doctor` names them.
                    if problems.allSatisfy(isConstraintFailure),
                        let values = try? StoredValues.problems(db), !values.isEmpty
                    {
                        throw refusal(values, name: name)
                    }
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

    /// Whether a line of SQLite's `integrity_check` says only that a row breaks a constraint of
    /// the table (a value put in with the checks off), not that the file is damaged.
    private static func isConstraintFailure(_ line: String) -> Bool {
        line.hasPrefix("CHECK constraint failed in ") || line.hasPrefix("NULL value in ")
    }

    /// The refusal of the backup `name` that holds values journal never writes (``StoredValues``):
    /// each named (table, row, column, value) with what corrects it, to be run on the backup file
    /// itself, then restored again.
    ///
    /// "BACKUP cannot be restored: it holds 1 value journal never writes, put in from outside, which a
    /// restore never adopts: entries row 1, column pain_after: 11, …; `journal edit 1 --pain-after N`
    /// corrects it, … Correct it in the backup itself, then restore it again: give each `journal`
    /// command above `--db BACKUP`, … Nothing was replaced."
    ///
    /// A backup read from standard input has no file to correct: the commands then name BACKUP, a
    /// file the sentence asks to save it to first.
    static func refusal(_ problems: [StoredValueProblem], name: String) -> JournalError {
        let fromInput = name == InputSource.standardInputName
        let file = fromInput ? "BACKUP" : name
        let save = fromInput ? "save what standard input gave to a file, BACKUP; then " : ""
        let count =
            (StoredValueProblem.mayHoldMore(than: problems) ? "at least " : "")
            + Wording.count(problems.count, "value", "values")
        let pronoun = Wording.pronoun(problems.count)
        // One line, as every refusal is printed: numbered when there are several.
        let listed =
            problems.count == 1
            ? " \(problems[0])"
            : problems.enumerated().map { " (\($0.offset + 1)) \($0.element)" }.joined()
        return .notARestorableJournal(
            path: name,
            reason: "it holds \(count) journal never writes, put in from outside, which a restore never adopts:"
                + "\(listed) Correct \(pronoun) in the backup itself, then restore it again: \(save)give each "
                + "`journal` command above `--db \(file)`, and name the backup for JOURNAL in a `sqlite3` line (an "
                + "encrypted backup: decrypt it first, `age -d -o COPY \(file)`, and correct and restore COPY); "
                + "`journal doctor --db \(file)` lists what is left")
    }

    /// Puts `bytes`, a SQLite file, into the schema `name` of `db`, in memory.
    private static func deserialize(_ bytes: [UInt8], into name: String, _ db: Database, failure: JournalError) throws {
        guard let copy = sqlite3_malloc64(sqlite3_uint64(bytes.count)) else { throw failure }
        bytes.withUnsafeBytes { raw in
            if let base = raw.baseAddress { copy.copyMemory(from: base, byteCount: raw.count) }
        }
        let flags = UInt32(SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE)
        let count = sqlite3_int64(bytes.count)
        guard sqlite3_deserialize(db.sqliteConnection, name, copy, count, count, flags) == SQLITE_OK else {
            throw failure
        }
        db.clearSchemaCache()
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

    /// Puts the restored journal `bytes` in place of the empty file (0 bytes) at `path`.
    ///
    /// As a first write does (``NewJournalFile``): written whole and synced into a hidden file beside it (0600),
    /// then renamed over it under its `flock`, only while it is still that empty file, so that no
    /// process sees half a journal. Returns `false`, leaving the file as it is, when it is no longer
    /// that empty file (a journal another process started in it meanwhile, or none).
    private static func placeOverEmptyFile(_ bytes: [UInt8], at path: String, busyTimeout: TimeInterval) throws -> Bool
    {
        let target = NewJournalFile(replacingEmptyFile: path)
        let staging = try LeftoverFile(beside: target.journal, kind: "restore").create(holding: bytes)
        defer { staging.remove() }
        return try target.replaceEmptyFile(with: staging.path, busyTimeout: busyTimeout)
    }

    /// Writes a new journal whole: into an unnamed file in its folder (`O_TMPFILE`, else a hidden
    /// one), synced, then linked to `path`, which fails if anything appeared there meanwhile.
    private static func writeNewFile(_ bytes: [UInt8], at path: String) throws {
        let folder = PathName.openableFolder(of: path)
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

extension JournalStore {
    /// A `journal restore --force` that `journal undo` would reverse next.
    public struct RestoreChange: Sendable, Hashable {
        /// The change the restore recorded.
        public var change: Int64
        /// When the restore was made, Unix seconds.
        public var madeAt: Int64
        /// Where the journal it replaced was kept.
        public var keptCopy: String
    }

    /// A consistent copy of the whole journal as the bytes of a SQLite file, made in memory
    /// (``SQLiteRestore/serializedCopy(of:)``): what `journal backup` writes.
    ///
    /// ```swift
    /// let bytes = try store.serializedCopy()  // starts with "SQLite format 3\0"
    /// ```
    public func serializedCopy() throws -> [UInt8] {
        try SQLiteRestore.serializedCopy(of: self)
    }

    /// The restore `journal undo` reverses next, when the latest change not undone is one.
    public func restoreToUndo() throws -> RestoreChange? {
        try SQLiteRestore.restoreToUndo(in: self)
    }
}
