import Foundation
import GRDB
import TestSupport
import Testing

@testable import Journal

/// Faults injected into real files: a full disk, damage, read-only access, old and new schemas.
@Suite struct FaultTests {
    let directory = TemporaryDirectory()

    func entry(_ index: Int, note: String? = nil) throws -> Entry {
        try Entry(
            exerciseID: "bird-dog", performedAt: 1_795_600_000 + Int64(index), utcOffset: 0, reps: index % 500 + 1,
            painBefore: #require(PainLevel(3)), painAfter: #require(PainLevel(2)), note: note, createdAt: 0)
    }

    @Test func aFullDiskSavesNothingAndKeepsWhatWasThere() throws {
        let path = directory.file("full.sqlite3")
        _ = try JournalStore(path: path)
        let pages = try DatabaseQueue(path: path).read { try Int.fetchOne($0, sql: "PRAGMA page_count") } ?? 0
        let store = try JournalStore(openingExisting: path, access: .readWrite, maximumPageCount: pages + 3)
        var saved = 0
        var failure: JournalError?
        let note = String(repeating: "x", count: 3000)
        for index in 0..<100 {
            do {
                _ = try store.add(try entry(index, note: note))
                saved += 1
            } catch let error as JournalError {
                failure = error
                break
            }
        }
        #expect(failure == .io(path: path, reason: "the disk is full"))
        #expect(failure?.description.contains("nothing was saved") == true)
        #expect(saved > 0)
        #expect(try store.entryCount() == saved)
        #expect(try store.diagnose(full: true).isHealthy)
    }

    /// SQLite reports some writes to a full disk (the WAL's index) as a plain I/O error; journal
    /// says "the disk is full" only when the folder has no block left, and SQLite's words otherwise.
    @Test func anIOErrorWithSpaceLeftKeepsSQLitesWords() throws {
        let path = directory.file("io.sqlite3")
        #expect(!JournalFileCheck.noSpaceLeft(besides: path))
        let error = DatabaseError(resultCode: .SQLITE_IOERR, message: "disk I/O error")
        #expect(SQLiteErrors.translate(error, path: path) == .io(path: path, reason: "disk I/O error"))
        let full = DatabaseError(resultCode: .SQLITE_FULL, message: "database or disk is full")
        #expect(SQLiteErrors.translate(full, path: path) == .io(path: path, reason: "the disk is full"))
    }

    @Test func aJournalWithDamagedPagesIsReportedNotCrashedOn() throws {
        let path = directory.file("damaged.sqlite3")
        let store = try JournalStore(path: path)
        for index in 0..<400 { _ = try store.add(try entry(index, note: "note \(index)")) }
        try store.closeDatabase()
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        let size = try handle.seekToEnd()
        var generator = SplitMix(seed: 4096)
        for offset in stride(from: UInt64(4096), to: size, by: 4096) {
            try handle.seek(toOffset: offset + 64)
            try handle.write(contentsOf: Data((0..<512).map { _ in UInt8.random(in: 0...255, using: &generator) }))
        }
        try handle.close()
        do {
            let damaged = try JournalStore(path: path)
            let diagnosis = try damaged.diagnose(full: true)
            #expect(!diagnosis.isHealthy)
        } catch let error as JournalError {
            #expect(error == .corruptDatabase(path: path) || error == .notAJournal(path: path))
        }
    }

    @Test func aTruncatedJournalIsDamaged() throws {
        let path = directory.file("truncated.sqlite3")
        let store = try JournalStore(path: path)
        for index in 0..<400 { _ = try store.add(try entry(index, note: "note \(index)")) }
        try store.closeDatabase()
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: 4096 * 3)
        try handle.close()
        #expect(throws: JournalError.corruptDatabase(path: path)) {
            let reopened = try JournalStore(path: path)
            _ = try reopened.entries()
        }
    }

    @Test func aReadOnlyJournalReadsButRefusesWrites() throws {
        let path = directory.file("ro.sqlite3")
        _ = try JournalStore(path: path).add(try entry(1))
        let store = try JournalStore(openingExisting: path, access: .readOnly)
        #expect(try store.entryCount() == 1)
        #expect(throws: JournalError.permissionDenied(path: path)) { try store.add(try entry(2)) }
        let immutable = try JournalStore(openingExisting: path, access: .immutable)
        #expect(try immutable.entries().count == 1)
    }

    @Test func anOldJournalIsCopiedBeforeItIsUpgraded() throws {
        let path = directory.file("old.sqlite3")
        _ = try JournalStore(path: path).add(try entry(1, note: "from v1"))
        try VersionOneJournal.downgrade(path)
        let upgraded = try JournalStore(path: path)
        #expect(upgraded.backupsMade.count == 1)
        let backup = try #require(upgraded.backupsMade.first)
        #expect(backup.hasPrefix(path + ".before-v2-checkins-"))
        #expect(try FileManager.default.attributesOfItem(atPath: backup)[.posixPermissions] as? Int == 0o600)
        let copy = try DatabaseQueue(path: backup)
        let (notes, tables) = try copy.read { db in
            (
                try String.fetchAll(db, sql: "SELECT note FROM entries"),
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE name = 'checkins'")
            )
        }
        #expect(notes == ["from v1"])
        #expect(tables.isEmpty)
        #expect(try upgraded.entries().map(\.note) == ["from v1"])
        #expect(try JournalStore(path: path).backupsMade.isEmpty)
    }

    @Test func aNewJournalIsNotBackedUp() throws {
        #expect(try JournalStore(path: directory.file("new.sqlite3")).backupsMade.isEmpty)
    }

    @Test func backupsAreConsistentPrivateCopiesThatNeverOverwrite() throws {
        let store = try JournalStore(path: directory.file("j.sqlite3"))
        _ = try store.add(try entry(1, note: "kept"))
        let destination = directory.file("copy.sqlite3")
        try store.backUp(to: destination)
        #expect(try FileManager.default.attributesOfItem(atPath: destination)[.posixPermissions] as? Int == 0o600)
        #expect(try JournalStore(path: destination).entries().map(\.note) == ["kept"])
        #expect(throws: JournalError.backupExists(path: destination)) { try store.backUp(to: destination) }
    }

    @Test func permissionsAreTightened() throws {
        let path = directory.file("loose.sqlite3")
        _ = try JournalStore(path: path)
        chmod(path, 0o644)
        #expect(FilePermissions.tighten(path) == [PermissionChange(path: path, from: 0o644, to: 0o600)])
        #expect(FilePermissions.tighten(path).isEmpty)
    }
}

/// Random input never crashes the parsers, and every refusal says why.
@Suite struct FuzzTests {
    @Test func theDateParserAcceptsOrExplains() throws {
        var random = SplitMix(seed: 2026)
        let alphabet = Array("0123456789--::TtZz +.,/abcnowéy\u{0}\u{1F600}")
        let zone = try #require(TimeZone(identifier: "Europe/London"))
        let now: Int64 = 1_795_600_800
        for _ in 0..<5000 {
            var text = ""
            if Bool.random(using: &random) {
                text = "2026-1\(Int.random(in: 0...3, using: &random))-\(Int.random(in: 0...39, using: &random))"
            }
            for _ in 0..<Int.random(in: 0...12, using: &random) {
                text.append(alphabet[Int.random(in: 0..<alphabet.count, using: &random)])
            }
            do {
                let time = try DateInput.parse(text, now: now, timeZone: zone)
                #expect(time.unixSeconds <= now)
            } catch let error as JournalError {
                switch error {
                case .invalidDate(_, let reason): #expect(!reason.isEmpty)
                case .futureDate: break
                default: Issue.record("unexpected error for \(text.debugDescription): \(error)")
                }
            }
        }
    }

    @Test func theCSVImportAcceptsOrNamesTheLine() throws {
        let directory = TemporaryDirectory()
        let store = try JournalStore(path: directory.file("fuzz.sqlite3"))
        let valid = Array(
            (CSVFormat.header
                + "1,2026-11-20T07:30:00+00:00,glute-bridge,,3,10,,4,3,-1,false,\"a, \"\"b\"\"\nc\"\r\n"
                + "2,2026-11-21T08:00:00+01:00,side-plank,left,1,,30,2,4,2,true,'=x\r\n").utf8)
        let noise: [UInt8] = [0x22, 0x2C, 0x0D, 0x0A, 0x27, 0x3D, 0x2D, 0x30, 0x39, 0xFF, 0xC3, 0x00, 0x61]
        var random = SplitMix(seed: 4180)
        for _ in 0..<400 {
            var bytes = valid
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let index = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: bytes[index] = noise[Int.random(in: 0..<noise.count, using: &random)]
                case 1: bytes.insert(noise[Int.random(in: 0..<noise.count, using: &random)], at: index)
                default: bytes.remove(at: index)
                }
            }
            let before = try store.entryCount()
            do {
                let result = try store.importCSV(from: ByteSource(bytes: bytes), now: 1_795_600_800)
                #expect(try store.entryCount() == before + result.added)
            } catch let error as JournalError {
                guard case .invalidImport(let line, let problem) = error else {
                    Issue.record("unexpected error: \(error)")
                    continue
                }
                #expect(line >= 1)
                #expect(!problem.isEmpty)
                #expect(try store.entryCount() == before)
            }
        }
    }
}
