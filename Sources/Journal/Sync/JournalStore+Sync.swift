import Foundation
import GRDB
import JournalSync
import SyncFormat

/// How a journal finds its sync folder's key again (never the key itself): `sync_folder`'s row.
public struct SyncSettings: Equatable, Sendable {
    public enum KeyKind: String, Sendable { case passphrase, x25519 }
    /// The sync folder.
    public let folder: String
    public let folderID: String
    public let keyKind: KeyKind
    /// Where the key was read at `sync init`: a passphrase file or an identity file.
    public let keyFile: String?
    /// The age recipients files are sealed to (x25519).
    public let recipients: [String]
}

/// What `journal sync` did.
public struct SyncOutcome: Sendable {
    /// Changes this journal wrote to the folder, and in how many files.
    public var sent = 0
    public var filesWritten = 0
    /// Changes made here still waiting to be sent after the sync: this journal's next file was
    /// refused, so nothing could be written (0 otherwise).
    public var unsent = 0
    /// Changes merged from other replicas, by replica id.
    public var received: [String: Int] = [:]
    /// Conflicts settled, in words (``SyncSettlementWords``).
    public var settled: [String] = []
    /// Replicas whose next changes wait for a record from another replica that has not arrived.
    public var waiting: [String] = []
    /// Files refused (damaged, foreign, replayed, out of their chain): never applied.
    public var refused: [SyncError] = []
    /// Whether this was the first sync of `sync init`, and whether it joined a folder with data.
    public var joined = false
    /// The replica id this journal took, when its own next file was another copy's (``JournalStore/sync(key:now:)``).
    public var newReplica: String?
}

/// This replica, as `journal sync status` shows it.
public struct SyncStatus: Sendable {
    public struct Replica: Sendable {
        public let id: String
        /// Files of it this journal has merged whole, and changes merged from it in all.
        public let files: Int64
        public let changes: Int64
        /// When its latest file was merged here (Unix seconds).
        public let seenAt: Int64?
        /// Whether its folder has files this journal has not merged yet.
        public let unread: Bool
    }
    public let replica: String
    public let settings: SyncSettings
    public let joinedAt: Int64
    public let lastSync: Int64?
    /// Files this journal wrote.
    public let filesWritten: Int64
    /// Local changes recorded and not yet sent.
    public let unsent: Int
    public let replicas: [Replica]
}

extension JournalStore {
    /// The sync folder this journal syncs with, if any.
    public func syncSettings() throws -> SyncSettings? {
        try reading { db in try Self.settings(db) }
    }

    static func settings(_ db: Database) throws -> SyncSettings? {
        guard try db.tableExists("sync_folder"),
            let row = try Row.fetchOne(
                db, sql: "SELECT path, folder, key_kind, key_file, recipients FROM sync_folder WHERE one = 1")
        else { return nil }
        return SyncSettings(
            folder: row["path"], folderID: row["folder"],
            keyKind: SyncSettings.KeyKind(rawValue: row["key_kind"]) ?? .passphrase, keyFile: row["key_file"],
            recipients: (row["recipients"] as String?)?.split(separator: "\n").map(String.init) ?? [])
    }

    /// Makes `folder` a sync folder sealed with `key`, or joins the one there, and syncs once.
    ///
    /// Gives this journal its replica id (its records' readings, made before it had one, take it),
    /// puts a snapshot of every synced record in its outbox, and records the folder and where the
    /// key was read (`keyFile`, never the key). Throws ``SyncError/alreadySetUp(folder:)`` when
    /// the journal syncs already, ``SyncError/wrongKey(name:reason:)`` when `key` does not open
    /// the folder there.
    public func syncInit(
        folder path: String, key: SyncKey, keyKind: SyncSettings.KeyKind, keyFile: String?, recipients: [String],
        now: Date
    ) throws -> SyncOutcome {
        if let settings = try syncSettings() { throw SyncError.alreadySetUp(folder: settings.folder) }
        try Self.refuseUnfitFolder(path, journal: self.path)
        let folder = SyncFolder(path: path)
        let existed = folder.exists
        try folder.create()
        let folderID: SyncID
        if let id = try folder.readID(key: key) {
            folderID = id
        } else if try !folder.replicas().isEmpty {
            // Another device's files are there but not the folder's id yet: a second id would split
            // the folder in two for good.
            throw SyncError.refusedFile(
                name: SyncFolder.idFileName,
                reason: "the folder holds other devices' files but not its id file yet (a sync tool still copying?); "
                    + "nothing was changed: run `journal sync init` again once it is there")
        } else {
            let id = SyncID.random()
            // Another device may have made it meanwhile: its id then stands.
            folderID = try folder.writeID(id, key: key) ? id : (try folder.readID(key: key) ?? id)
        }
        let replica = SyncID.random()
        // A journal that synced before (it has a replica id: it left a folder, or it was restored
        // or copied from one that synced) sends its records again at a reading that never wins:
        // what other devices changed since is newer than anything it holds of them.
        let zero = String(repeating: "0", count: 32)
        let rejoining = try reading { db in
            try String.fetchOne(db, sql: "SELECT replica FROM replica_clocks WHERE self = 1") != zero
        }
        try writingWithoutTransaction { db in
            try SyncTables.recorder.snapshot(
                of: db, baseline: SyncTables.newJournalRows, stamping: !rejoining,
                prepare: { db in
                    if try Self.settings(db) != nil { throw SyncError.alreadySetUp(folder: path) }
                    if rejoining {
                        try Self.takeNewReplicaID(replica, in: db)
                    } else {
                        try Self.takeReplicaID(replica, in: db)
                    }
                    try db.execute(
                        sql: """
                            INSERT INTO sync_folder (one, path, folder, key_kind, key_file, recipients, joined_at)
                            VALUES (1, ?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [
                            path, folderID.hex, keyKind.rawValue, keyFile,
                            recipients.isEmpty ? nil : recipients.joined(separator: "\n"),
                            Int64(now.timeIntervalSince1970),
                        ])
                    try db.execute(sql: "INSERT INTO sync_files (replica) VALUES (?)", arguments: [replica.hex])
                    if rejoining { return HybridTimestamp(wall: 0, counter: 0, replica: replica) }
                    return try clock.send(db, now: now)
                },
                keep: { db, changeset in
                    guard !changeset.isEmpty,
                        let reading = try String.fetchOne(db, sql: "SELECT last FROM replica_clocks WHERE self = 1")
                    else { return }
                    try db.execute(
                        sql: "INSERT INTO sync_outbox (reading, changeset) VALUES (?, ?)",
                        arguments: [reading, Data(changeset.bytes)])
                })
        }
        var outcome = try sync(key: key, now: now, keyChecked: true)
        outcome.joined = existed && !outcome.received.isEmpty
        return outcome
    }

    /// Gives the journal the replica id `replica`: the readings made before it had one (replica
    /// 000…0: its records' `recorded`, its reviews' `seen`, the copies undo keeps, its clock) take it.
    static func takeReplicaID(_ replica: SyncID, in db: Database) throws {
        let zero = String(repeating: "0", count: 32)
        let arguments: StatementArguments = [replica.hex, zero]
        for (table, column) in [
            ("entries", "recorded"), ("checkins", "recorded"), ("change_entries", "recorded"),
            ("change_checkins", "recorded"),
        ] {
            try db.execute(
                sql: "UPDATE \(table) SET \(column) = substr(\(column), 1, 25) || ?1 WHERE substr(\(column), 26) = ?2",
                arguments: arguments)
        }
        for table in ["reviews", "red_flag_reviews", "change_exercise_reviews"] {
            try db.execute(
                sql: """
                    UPDATE \(table) SET seen = json_set(json_remove(seen, '$."' || ?2 || '"'), '$."' || ?1 || '"',
                        substr(json_extract(seen, '$."' || ?2 || '"'), 1, 25) || ?1)
                    WHERE json_type(seen, '$."' || ?2 || '"') = 'text'
                    """, arguments: arguments)
        }
        try db.execute(
            sql: "UPDATE replica_clocks SET replica = ?1, last = substr(last, 1, 25) || ?1 WHERE self = 1",
            arguments: [replica.hex])
    }

    /// Exchanges changes with the sync folder: writes this journal's unsent changes as its next
    /// file, then merges every other replica's files it has not merged, in their order.
    ///
    /// A file that cannot be read whole and checked is refused by name and never applied (its
    /// replica's later files wait behind it); the rest goes on, and the outcome lists the refusals.
    /// Throws ``SyncError/wrongKey(name:reason:)`` before anything changes when `key` does not open
    /// the folder: age keys are checked every time (at no cost); a passphrase when a file must be
    /// sealed or read, or every time with `checkingPassphrase` (a passphrase given for this sync,
    /// not the file named at `sync init`, which opened the folder then), at scrypt's cost.
    public func sync(key: SyncKey, now: Date, checkingPassphrase: Bool = false) throws -> SyncOutcome {
        try sync(key: key, now: now, keyChecked: false, checkingPassphrase: checkingPassphrase)
    }

    /// As ``sync(key:now:)``; with `keyChecked`, the key has just opened or sealed the folder's id
    /// file (`sync init`), so it is not checked again (each check costs a passphrase's scrypt).
    func sync(key: SyncKey, now: Date, keyChecked: Bool, checkingPassphrase: Bool = false) throws -> SyncOutcome {
        guard let settings = try syncSettings() else { throw SyncError.notSetUp }
        let folder = SyncFolder(path: settings.folder)
        guard folder.exists else {
            throw SyncError.folderUnusable(path: settings.folder, reason: "it is not there (a drive not mounted?)")
        }
        guard let folderID = SyncID(hex: settings.folderID) else { throw JournalError.corruptDatabase(path: path) }
        // Before anything here changes: a folder without its id file is not filled yet (a sync
        // tool still copying, a drive not mounted on the mount point), and this journal's own
        // files missing from it say nothing.
        guard FileManager.default.fileExists(atPath: settings.folder + "/" + SyncFolder.idFileName) else {
            throw SyncError.folderUnusable(
                path: settings.folder,
                reason: "its id file \(SyncFolder.idFileName) is missing (a sync tool that has not filled it yet, "
                    + "or a drive not mounted)")
        }
        var outcome = SyncOutcome()
        var replica = try selfReplica()
        // This journal's own last file replaced by another's (a copy of this journal file syncing
        // too, its file kept by the sync tool under the same name), or gone (its folder removed):
        // this journal's changes in it reach no one. It becomes a new replica and sends its
        // records again, at a reading that never wins (as when it joins again).
        if let replaced = try ownLastFileReplaced(folder: folder, replica: replica) {
            // Only in this journal's own folder: another sync folder at the same path (another
            // drive), or a damaged id file, is refused before anything here changes.
            guard try folder.readID(key: key) == folderID else {
                throw SyncError.refusedFile(
                    name: SyncFolder.idFileName,
                    reason: "it names another sync folder than the one this journal joined (\(settings.folderID)), "
                        + "or none; nothing here was changed")
            }
            let renamed = SyncID.random()
            try resend(as: renamed)
            // The file now under that name is the copy's: merged as another device's, from the
            // file it follows (the last both copies shared), so the copy's changes reach this one.
            if let bytes = replaced.bytes,
                let file = try? SyncFile.open(bytes, name: replaced.name, key: key, folder: folderID)
            {
                try writing { db in
                    try db.execute(
                        sql: "UPDATE sync_files SET sequence = ?, hash = ?, done = 0, sealed = NULL WHERE replica = ?",
                        arguments: [Int64(file.sequence) - 1, Data(file.previous), replica.hex])
                }
            }
            outcome.newReplica = renamed.hex
            replica = renamed
        }
        var blocked = false
        do {
            if let renamed = try adoptWrittenFile(folder: folder, folderID: folderID, replica: replica, key: key) {
                outcome.newReplica = renamed.hex
                replica = renamed
            }
        } catch let error as SyncError where error.exitStatus == 65 {
            outcome.refused.append(error)
            blocked = true
        }
        // The key is checked against the folder's id file before anything is sealed with it (a
        // file sealed with a wrong passphrase would be refused everywhere); reading a file checks
        // it anyway. A sync with nothing to send or read never runs scrypt.
        func checkKey() throws {
            if keyChecked { return }
            guard let id = try folder.readID(key: key) else {
                throw SyncError.folderUnusable(
                    path: settings.folder, reason: "its id file \(SyncFolder.idFileName) is missing")
            }
            guard id == folderID else {
                throw SyncError.refusedFile(
                    name: SyncFolder.idFileName,
                    reason: "it names another sync folder than the one this journal joined (\(settings.folderID))")
            }
        }
        // Age keys open the id file at no cost: checked on every sync, so a wrong identity is told
        // even when nothing is to be sent or read; a passphrase's scrypt is paid only when needed,
        // or when the passphrase was given for this sync (a wrong one told, whatever waits).
        if case .x25519 = key { try checkKey() } else if checkingPassphrase { try checkKey() }
        if !blocked {
            try send(folder: folder, folderID: folderID, replica: replica, key: key, outcome: &outcome) {
                try checkKey()
            }
        } else {
            outcome.unsent = try syncStatus().unsent
        }
        try receive(folder: folder, folderID: folderID, replica: replica, key: key, now: now, outcome: &outcome)
        // An exercise removed on one device while planned on another stays archived and planned
        // after the merge; journal never plans an archived exercise (`exercises remove` takes it
        // off the plan): taken off here too, a change that syncs, and said.
        let unplanned = try writing { db in
            let ids = try String.fetchAll(
                db,
                sql: """
                    SELECT exercise_id FROM plan
                    WHERE removed = 0 AND exercise_id IN (SELECT id FROM exercises WHERE archived <> 0)
                    ORDER BY exercise_id
                    """)
            for id in ids { try ExerciseQueries.removeFromPlan(id, db) }
            return ids
        }
        outcome.settled += unplanned.map {
            "plan \($0): taken off the plan: \($0) was removed on one device while planned on another, and journal "
                + "plans only an exercise that can be logged"
        }
        try writing { db in
            try db.execute(sql: "UPDATE sync_folder SET last_sync = ?", arguments: [Int64(now.timeIntervalSince1970)])
        }
        return outcome
    }

    /// Refuses a folder inside a sync folder (a device's own folder there: its files and another
    /// folder's would mix), and one that holds the journal itself (a sync tool would copy the
    /// journal, unencrypted, with the folder).
    static func refuseUnfitFolder(_ path: String, journal: String) throws {
        let folder = JournalFiles.resolved(path) ?? path
        var parent = folder
        while let slash = parent.lastIndex(of: "/"), slash != parent.startIndex {
            parent = String(parent[..<slash])
            if FileManager.default.fileExists(atPath: parent + "/" + SyncFolder.idFileName) {
                throw SyncError.notASyncFolder(
                    path: path, reason: "it is inside the sync folder \(parent); give that folder instead")
            }
        }
        let home = JournalFiles.resolved(journal) ?? journal
        if home.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/") {
            throw SyncError.notASyncFolder(
                path: path,
                reason: "it holds the journal itself (\(journal)), which the sync tool would copy unencrypted; "
                    + "give a folder apart from the journal")
        }
    }

    /// The file under the name of the one this journal wrote last, when it is no longer the one it
    /// wrote (its sealed bytes' SHA-256 differs), with `bytes` `nil` when it is gone from the folder
    /// (its device folder removed: a device joining later would never read this journal's records);
    /// `nil` when it is still the one written.
    private func ownLastFileReplaced(folder: SyncFolder, replica: SyncID) throws -> (name: String, bytes: [UInt8]?)? {
        let row = try reading { db in
            try Row.fetchOne(
                db, sql: "SELECT sequence, sealed FROM sync_files WHERE replica = ?", arguments: [replica.hex])
        }
        guard let row, let sealed = row["sealed"] as Data?, let sequence = row["sequence"] as Int64?, sequence > 0
        else { return nil }
        let name = SyncFolder.name(replica: replica, sequence: UInt64(sequence))
        guard let bytes = try folder.read(name) else { return (name, nil) }
        return Data(SyncFile.digest(bytes)) != sealed ? (name, bytes) : nil
    }

    /// Takes the replica id `renamed` and puts a snapshot of every synced record in the outbox at
    /// a reading that never wins (``syncInit(folder:key:keyKind:keyFile:recipients:now:)`` when joining again).
    private func resend(as renamed: SyncID) throws {
        try writingWithoutTransaction { db in
            try SyncTables.recorder.snapshot(
                of: db, baseline: SyncTables.newJournalRows, stamping: false,
                prepare: { db in
                    try Self.takeNewReplicaID(renamed, in: db)
                    try db.execute(sql: "DELETE FROM sync_outbox")
                    try db.execute(sql: "INSERT INTO sync_files (replica) VALUES (?)", arguments: [renamed.hex])
                    return HybridTimestamp(wall: 0, counter: 0, replica: renamed)
                },
                keep: { db, changeset in
                    guard !changeset.isEmpty else { return }
                    try db.execute(
                        sql: "INSERT INTO sync_outbox (reading, changeset) VALUES (?, ?)",
                        arguments: [HybridTimestamp(wall: 0, counter: 0, replica: renamed).text, Data(changeset.bytes)])
                })
        }
    }

    private func selfReplica() throws -> SyncID {
        let hex = try reading { db in try String.fetchOne(db, sql: "SELECT replica FROM replica_clocks WHERE self = 1")
        }
        guard let hex, let replica = SyncID(hex: hex) else { throw JournalError.corruptDatabase(path: path) }
        return replica
    }

    private func fileState(of replica: SyncID) throws -> (sequence: UInt64, hash: [UInt8], done: Int) {
        try reading { db in try Self.fileState(of: replica, db) }
    }

    /// How far this journal has `replica`'s files: the last file's number and plaintext hash (the
    /// next must follow it), and how many changesets of the next are merged already.
    private static func fileState(of replica: SyncID, _ db: Database) throws
        -> (sequence: UInt64, hash: [UInt8], done: Int)
    {
        let row = try Row.fetchOne(
            db, sql: "SELECT sequence, hash, done FROM sync_files WHERE replica = ?", arguments: [replica.hex])
        guard let row else { return (0, SyncFile.noPrevious, 0) }
        let hash: Data = row["hash"]
        return (UInt64(row["sequence"] as Int64), Array(hash), row["done"])
    }

    /// This journal's own next file, already in the folder: written by a sync that stopped before
    /// the journal noted it (its changes are still in the outbox: noted now, taken out of the
    /// outbox), or by another copy of this journal (restored from a backup, or copied to another
    /// device): this journal then becomes a new replica, whose id it returns, and merges that
    /// file as another device's.
    private func adoptWrittenFile(folder: SyncFolder, folderID: SyncID, replica: SyncID, key: SyncKey) throws
        -> SyncID?
    {
        let state = try fileState(of: replica)
        let name = SyncFolder.name(replica: replica, sequence: state.sequence + 1)
        guard let bytes = try folder.read(name) else { return nil }
        do {
            let file = try SyncFile.open(bytes, name: name, key: key, folder: folderID, previous: state.hash)
            let records = try SyncPayload.decode(file.payload, name: name)
            // Its own only when every change in it is in the outbox, reading and bytes alike: a
            // copy of this journal (the same replica id and clock) can take the same reading for
            // another change, and its file must then be merged, never taken for this journal's.
            let outbox = try reading { db in
                try Row.fetchAll(db, sql: "SELECT reading, changeset FROM sync_outbox").reduce(into: [String: Data]()) {
                    $0[$1["reading"]] = $1["changeset"]
                }
            }
            let found = records.map(\.reading.text)
            if !records.isEmpty,
                records.allSatisfy({ outbox[$0.reading.text] == Data($0.changeset.bytes) })
            {
                try writing { db in
                    for reading in found {
                        try db.execute(sql: "DELETE FROM sync_outbox WHERE reading = ?", arguments: [reading])
                    }
                    // As `send` notes it: the file as sealed, so that the next sync knows it for its own.
                    try db.execute(
                        sql: "UPDATE sync_files SET sequence = ?, hash = ?, sealed = ? WHERE replica = ?",
                        arguments: [
                            Int64(file.sequence), Data(file.hash), Data(SyncFile.digest(bytes)), replica.hex,
                        ])
                }
                return nil
            }
        } catch let error as SyncFileError where error.kind == .wrongKey {
            throw SyncError.wrongKey(name: name, reason: error.reason)
        } catch let error as SyncFileError {
            // Damaged, replayed, foreign: not another copy's file; this journal writes nothing
            // until it is gone (its next number is taken), and says so.
            throw SyncError.refusedFile(
                name: name,
                reason: "it takes this journal's next number but is not a file this journal or a copy of it wrote ("
                    + Self.lowercasedReason(error.reason).trimmingCharacters(in: CharacterSet(charactersIn: "."))
                    + "); remove it from the folder, then sync again")
        }
        let renamed = SyncID.random()
        try writing { db in
            try Self.takeNewReplicaID(renamed, in: db)
            try db.execute(sql: "INSERT INTO sync_files (replica) VALUES (?)", arguments: [renamed.hex])
        }
        return renamed
    }

    /// Gives a journal that had a replica id a new one: its readings so far keep the old id, which
    /// stays in `replica_clocks` as another replica's (a review's `seen` still names it).
    static func takeNewReplicaID(_ renamed: SyncID, in db: Database) throws {
        guard let row = try Row.fetchOne(db, sql: "SELECT replica, last FROM replica_clocks WHERE self = 1") else {
            return
        }
        let old: String = row["replica"]
        let last: String = row["last"]
        try db.execute(
            sql: "UPDATE replica_clocks SET replica = ?1, last = substr(last, 1, 25) || ?1 WHERE self = 1",
            arguments: [renamed.hex])
        try db.execute(
            sql: """
                INSERT INTO replica_clocks (replica, self, last) VALUES (?1, 0, ?2)
                ON CONFLICT (replica) DO UPDATE SET last = max(last, ?2)
                """, arguments: [old, last])
    }

    /// Writes the outbox as this journal's next file, under the journal's write lock from the
    /// first read of the outbox to the note of the file written: a journal busy elsewhere is told
    /// (75) before anything is written to the folder, and two syncs of one journal at once send in
    /// turn (the second finds the outbox empty).
    private func send(
        folder: SyncFolder, folderID: SyncID, replica: SyncID, key: SyncKey, outcome: inout SyncOutcome,
        checkKey: () throws -> Void
    ) throws {
        var sent = 0
        let written: Bool = try writing { db in
            // Under the lock: another sync of this journal is not writing one of them now.
            folder.removeLeftovers(of: replica)
            let rows = try Row.fetchAll(db, sql: "SELECT seq, reading, changeset FROM sync_outbox ORDER BY seq")
            guard !rows.isEmpty else { return false }
            try checkKey()
            var records: [SyncPayload.Record] = []
            for row in rows {
                guard let reading = HybridTimestamp(text: row["reading"]) else {
                    throw JournalError.corruptDatabase(path: path)
                }
                let changeset = Changeset(bytes: Array(row["changeset"] as Data))
                records.append((reading, changeset))
                sent += try changeset.changes().count
            }
            let state = try Self.fileState(of: replica, db)
            let file = SyncFile(
                folder: folderID, replica: replica, sequence: state.sequence + 1, previous: state.hash,
                payload: SyncPayload.encode(records))
            let sealed: [UInt8]
            do { sealed = try file.seal(with: key) } catch let error as SyncFileError {
                throw SyncError.folderUnusable(path: folder.path, reason: error.reason)
            }
            guard try folder.place(sealed, as: file.name) else {
                throw SyncError.refusedFile(
                    name: file.name,
                    reason: "this journal's next file is there already, written by another copy of this journal file; "
                        + "sync from one copy only")
            }
            // A sync killed here leaves the file written and the outbox full: the next adopts the file.
            TestStop.at("sync-file-placed")
            let last: Int64 = rows.last?["seq"] ?? 0
            try db.execute(sql: "DELETE FROM sync_outbox WHERE seq <= ?", arguments: [last])
            try db.execute(
                sql: "UPDATE sync_files SET sequence = ?, hash = ?, sealed = ? WHERE replica = ?",
                arguments: [Int64(file.sequence), Data(file.hash), Data(SyncFile.digest(sealed)), replica.hex])
            return true
        }
        if written {
            outcome.sent += sent
            outcome.filesWritten = 1
        }
    }

    private func receive(
        folder: SyncFolder, folderID: SyncID, replica: SyncID, key: SyncKey, now: Date, outcome: inout SyncOutcome
    ) throws {
        let present = try folder.replicas()
        for stray in present.flatMap(folder.strayFiles(of:)) {
            outcome.refused.append(
                .refusedFile(
                    name: stray,
                    reason: stray.hasSuffix(".jsync") && (stray.contains(" ") || stray.contains("conflict"))
                        ? "it is a sync tool's copy of a file two devices wrote under one name: two copies of one "
                            + "journal file synced as one device; each becomes a device of its own at its next "
                            + "`journal sync` and sends its records again; this file is not read: remove it then"
                        : "its name is not one journal gives a file (twelve digits, then .jsync, in lower case): "
                            + "renamed, or a sync tool's copy; it is not read: if it is one of the device's files "
                            + "renamed, give it back its name, else remove it"))
        }
        for stray in folder.strayFolders() {
            outcome.refused.append(
                .refusedFile(
                    name: stray,
                    reason: "it is named like a device's folder but is not one journal names (32 lower-case hex "
                        + "digits): a sync tool's copy, or renamed; its files are not read: give it back its name "
                        + "if the device's own folder is missing, or remove it"))
        }
        let others = present.filter { $0 != replica }
        var blocked: Set<SyncID> = []
        var waiting: Set<SyncID> = []
        var progress = true
        while progress {
            progress = false
            for other in others where !blocked.contains(other) {
                while true {
                    let state = try fileState(of: other)
                    let name = SyncFolder.name(replica: other, sequence: state.sequence + 1)
                    let bytes: [UInt8]?
                    do { bytes = try folder.read(name) } catch let error as SyncError {
                        outcome.refused.append(error)
                        blocked.insert(other)
                        break
                    }
                    guard let bytes else {
                        // Missing while a later one is there (not brought yet, lost, or hidden):
                        // the later ones wait for it, and the person is told which.
                        if let later = folder.laterFile(of: other, after: state.sequence + 1) {
                            outcome.refused.append(
                                .refusedFile(
                                    name: later,
                                    reason: "the file before it, \(name), is not in the folder, and each device's "
                                        + "files are read in order: it and the ones after it wait for it (a sync tool "
                                        + "that has not brought it yet, or a file lost or renamed: have the device "
                                        + "that wrote it sync, or put the file back)"))
                            blocked.insert(other)
                        }
                        break
                    }
                    let records: [SyncPayload.Record]
                    let file: SyncFile
                    do {
                        file = try SyncFile.open(bytes, name: name, key: key, folder: folderID, previous: state.hash)
                        records = try SyncPayload.decode(file.payload, name: name)
                    } catch let error as SyncFileError {
                        if error.kind == .wrongKey {
                            // This device's key opens the folder: the file was sealed to other keys.
                            guard (try? folder.readID(key: key)) == folderID else {
                                throw SyncError.wrongKey(name: name, reason: error.reason)
                            }
                            outcome.refused.append(
                                .refusedFile(
                                    name: name,
                                    reason: "it is sealed to keys that do not include this device's (the device that "
                                        + "wrote it named too few --recipient keys at `journal sync init`, or someone "
                                        + "else put it there)"))
                            blocked.insert(other)
                            break
                        }
                        outcome.refused.append(.refusedFile(name: name, reason: Self.lowercasedReason(error.reason)))
                        blocked.insert(other)
                        break
                    } catch let error as SyncError {
                        outcome.refused.append(error)
                        blocked.insert(other)
                        break
                    }
                    var stopped = false
                    var concurrent = false
                    for index in state.done..<records.count {
                        let record = records[index]
                        do {
                            guard
                                let report = try merge(
                                    record, from: other, sequence: state.sequence, index: index, now: now)
                            else {
                                // Another sync of this journal merged it meanwhile: read where it is.
                                concurrent = true
                                break
                            }
                            // Killed here: one changeset of the file merged, the next sync goes on from it.
                            TestStop.at("sync-merged-one")
                            outcome.received[other.hex, default: 0] += report.changeCount
                            outcome.settled += try reading { db in
                                try report.settlements.compactMap { try SyncSettlementWords.words(for: $0, in: db) }
                            }
                            progress = true
                        } catch let error as ChangesetError {
                            if case .missingParent = error.kind {
                                waiting.insert(other)
                            } else {
                                outcome.refused.append(
                                    .refusedFile(name: name, reason: Self.lowercasedReason(error.reason)))
                                blocked.insert(other)
                            }
                            stopped = true
                            break
                        } catch let error as MergeRefused {
                            outcome.refused.append(.refusedFile(name: name, reason: error.reason))
                            blocked.insert(other)
                            stopped = true
                            break
                        }
                    }
                    if stopped { break }
                    if concurrent { continue }
                    // Only from where this sync found it: another sync may have noted the file already.
                    try writing { db in
                        try db.execute(
                            sql: """
                                INSERT INTO sync_files (replica, sequence, hash, done, seen_at) VALUES (?1, ?2, ?3, 0, ?4)
                                ON CONFLICT (replica) DO UPDATE SET sequence = ?2, hash = ?3, done = 0, seen_at = ?4
                                WHERE sync_files.sequence = ?5 AND sync_files.done = ?6
                                """,
                            arguments: [
                                other.hex, Int64(file.sequence), Data(file.hash), Int64(now.timeIntervalSince1970),
                                Int64(state.sequence), records.count,
                            ])
                    }
                    waiting.remove(other)
                    progress = true
                }
            }
        }
        outcome.waiting = waiting.map(\.hex).sorted()
    }

    /// Merges one changeset of `other`'s, with what this journal notes of it, in one transaction:
    /// the other replica's latest reading (a review's `seen`), this journal's clock moved past it
    /// (its next writes come after everything merged), and how far into the file it has merged.
    ///
    /// `nil`, merging nothing, when the journal is no longer at changeset `index` of `other`'s file
    /// after `sequence`: another sync of this journal merged it meanwhile.
    private func merge(
        _ record: SyncPayload.Record, from other: SyncID, sequence: UInt64, index: Int, now: Date
    ) throws -> ChangesetMerger.Report? {
        try syncWriting { db in
            let at = try Self.fileState(of: other, db)
            guard at.sequence == sequence, at.done == index else { return nil }
            let report = try SyncTables.merger.merge(record.changeset, at: record.reading, inTransactionOf: db)
            try db.execute(
                sql: """
                    INSERT INTO replica_clocks (replica, self, last) VALUES (?1, 0, ?2)
                    ON CONFLICT (replica) DO UPDATE SET last = max(last, ?2)
                    """, arguments: [record.reading.replica.hex, record.reading.text])
            guard let text = try String.fetchOne(db, sql: "SELECT last FROM replica_clocks WHERE self = 1"),
                let last = HybridTimestamp(text: text)
            else { throw JournalError.corruptDatabase(path: path) }
            var clock = HybridLogicalClock(replica: last.replica, last: last)
            let arrival = clock.receive(record.reading, now: StoreClock.milliseconds(of: now))
            try db.execute(sql: "UPDATE replica_clocks SET last = ? WHERE self = 1", arguments: [arrival.text])
            try db.execute(
                sql: """
                    INSERT INTO sync_files (replica, done, changes) VALUES (?1, ?2, ?3)
                    ON CONFLICT (replica) DO UPDATE SET done = ?2, changes = changes + ?3
                    """, arguments: [other.hex, index + 1, report.changeCount])
            return report
        }
    }

    private static func lowercasedReason(_ reason: String) -> String {
        guard let first = reason.first else { return reason }
        return first.lowercased() + reason.dropFirst()
    }

    /// Stops syncing: forgets the folder, what was read of it and the changes not yet sent.
    ///
    /// The journal's records, its clock and the merger's clocks and tombstones stay: joining a
    /// folder again sends its records at a reading that never wins over what other devices
    /// changed meanwhile (``syncInit(folder:key:keyKind:keyFile:recipients:now:)``). Returns the
    /// folder it synced with and how many changes were never sent.
    /// Refused (``SyncError/unsentChanges(count:)``), changing nothing, while changes made here wait
    /// to be sent, unless `droppingUnsent`.
    public func syncLeave(droppingUnsent: Bool = false) throws -> (folder: String, unsent: Int) {
        guard let settings = try syncSettings() else { throw SyncError.notSetUp }
        let unsent = try syncStatus().unsent
        if unsent > 0 && !droppingUnsent { throw SyncError.unsentChanges(count: unsent) }
        try writing { db in
            try db.execute(sql: "DELETE FROM sync_outbox; DELETE FROM sync_files; DELETE FROM sync_folder")
        }
        return (settings.folder, unsent)
    }

    /// This replica's sync state, for `journal sync status`.
    public func syncStatus() throws -> SyncStatus {
        guard let settings = try syncSettings() else { throw SyncError.notSetUp }
        let replica = try selfReplica()
        let folder = SyncFolder(path: settings.folder)
        let present = (try? folder.replicas()) ?? []
        return try reading { db in
            let row = try Row.fetchOne(db, sql: "SELECT joined_at, last_sync FROM sync_folder")
            var unsent = 0
            for bytes in try Data.fetchAll(db, sql: "SELECT changeset FROM sync_outbox") {
                unsent += (try? Changeset(bytes: Array(bytes)).changes().count) ?? 0
            }
            let written =
                try Int64.fetchOne(
                    db, sql: "SELECT sequence FROM sync_files WHERE replica = ?", arguments: [replica.hex])
                ?? 0
            var replicas: [SyncStatus.Replica] = []
            var known: Set<String> = [replica.hex]
            for file in try Row.fetchAll(
                db,
                sql: "SELECT replica, sequence, changes, seen_at FROM sync_files WHERE replica <> ? ORDER BY replica",
                arguments: [replica.hex])
            {
                let id: String = file["replica"]
                known.insert(id)
                let sequence: Int64 = file["sequence"]
                let next = SyncID(hex: id).map { SyncFolder.name(replica: $0, sequence: UInt64(sequence) + 1) }
                replicas.append(
                    SyncStatus.Replica(
                        id: id, files: sequence, changes: file["changes"], seenAt: file["seen_at"],
                        unread: next.map { FileManager.default.fileExists(atPath: folder.file($0)) } ?? false))
            }
            for other in present where !known.contains(other.hex) {
                let first = SyncFolder.name(replica: other, sequence: 1)
                replicas.append(
                    SyncStatus.Replica(
                        id: other.hex, files: 0, changes: 0, seenAt: nil,
                        unread: FileManager.default.fileExists(atPath: folder.file(first))))
            }
            return SyncStatus(
                replica: replica.hex, settings: settings, joinedAt: row?["joined_at"] ?? 0, lastSync: row?["last_sync"],
                filesWritten: written, unsent: unsent, replicas: replicas.sorted { $0.id < $1.id })
        }
    }

    /// As ``writing(temporariesInMemory:_:)``, letting the merger's refusals through as they are: a
    /// foreign key the merged rows break (checked as the transaction commits) is ``MergeRefused``.
    private func syncWriting<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writingWithoutTransaction { db in
                var result: T?
                // A first merge writes more pages than SQLite's page cache holds (2 MiB): spilled
                // to the WAL mid-transaction, they are read back and written again. They stay in
                // memory until the commit instead (as `ChangesetMerger.merge(_:at:into:)` does).
                try db.execute(sql: "PRAGMA cache_spill = OFF")
                defer { try? db.execute(sql: "PRAGMA cache_spill = ON") }
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                guard let result else { throw JournalError.io(path: path, reason: "the change was not made") }
                return result
            }
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY {
            throw MergeRefused(
                reason: "its changes would leave records that refer to records this journal does not have")
        }
    }

    /// Runs `body` on the writer's connection outside a transaction (it opens its own), with the
    /// checks every write makes first (``writing(temporariesInMemory:_:)``).
    func writingWithoutTransaction<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            if isFromNewerVersion { throw JournalError.newerDatabase(path: path) }
            if let schemaProblem { throw schemaProblem }
            if access != .readWrite { throw JournalError.permissionDenied(path: path) }
            return try queue.writeWithoutTransaction(body)
        } catch let error as SyncError {
            throw error
        } catch let error as ChangesetError {
            throw error
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY {
            throw error
        } catch {
            throw SQLiteErrors.translate(error, path: path)
        }
    }
}

/// A changeset the merger applied that broke a foreign key when its transaction committed.
struct MergeRefused: Error {
    let reason: String
}
