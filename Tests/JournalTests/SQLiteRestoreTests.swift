import Foundation
import GRDB
import TestSupport
import Testing

@testable import Journal

/// The in-memory copy behind encrypted backups, and restoring a backup: checked before anything is replaced.
@Suite struct SQLiteRestoreTests {
    let directory = TemporaryDirectory()
    /// 2026-11-25T10:00:00Z.
    let now: Int64 = 1_795_600_800

    func journal(_ name: String, entries: Int = 2) throws -> JournalStore {
        let store = try JournalStore(path: directory.file(name))
        for index in 0..<entries {
            var draft = EntryDraft(exercise: "bird-dog")
            draft.painBefore = PainLevel(3)
            draft.painAfter = PainLevel(index % 2 == 0 ? 3 : 2)
            draft.note = "note \(index)"
            draft.time = .typed("2026-11-2\(index % 5) 07:30")
            _ = try store.log(draft, now: now, timeZone: TimeZone(identifier: "UTC") ?? .current)
        }
        return store
    }

    /// Every row of every table but the undo history (`changes` and what undoing each does), which a
    /// restore does not carry over.
    func rows(_ path: String) throws -> [String] {
        let queue = try DatabaseQueue(path: path)
        return try queue.read { db in
            try String.fetchAll(
                db,
                sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'change%' ORDER BY name"
            ).flatMap {
                table in
                // The undo history's counter aside: replacing a journal records a change (`restore`).
                let history = table == "sqlite_sequence" ? " WHERE name NOT LIKE 'change%'" : ""
                return try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\"\(history)").map { "\(table): \($0)" }
            }
        }
    }

    @Test func theInMemoryCopyIsTheJournal() throws {
        let store = try journal("j.sqlite3", entries: 5)
        let copy = try store.serializedCopy()
        #expect(copy.starts(with: Array("SQLite format 3\0".utf8)))
        let result = try SQLiteRestore.restoreBackup(
            copy, name: "copy", to: directory.file("restored.sqlite3"), force: false)
        #expect(result.entries == 5 && result.keptCopy == nil)
        #expect(try rows(directory.file("restored.sqlite3")) == rows(directory.file("j.sqlite3")))
        var info = stat()
        #expect(stat(directory.file("restored.sqlite3"), &info) == 0 && info.st_mode & 0o777 == 0o600)
        // Nothing but the two journals (and the first one's WAL files) is in the folder.
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(names.allSatisfy { $0.hasPrefix("j.sqlite3") || $0 == "restored.sqlite3" })
    }

    @Test func replacingKeepsTheOldJournalAndNeedsForce() throws {
        let source = try journal("source.sqlite3", entries: 3)
        let copy = try source.serializedCopy()
        let target = try journal("target.sqlite3", entries: 1)
        let before = try rows(target.path)
        #expect(throws: JournalError.journalExists(path: target.path)) {
            try SQLiteRestore.restoreBackup(copy, name: "copy", to: target.path, force: false)
        }
        let result = try SQLiteRestore.restoreBackup(
            copy, name: "copy", to: target.path, force: true, now: Date(timeIntervalSince1970: 1_795_600_800))
        let kept = try #require(result.keptCopy)
        #expect(kept.hasPrefix(target.path + ".before-restore-"))
        #expect(try rows(kept) == before)
        #expect(try rows(target.path) == rows(source.path))
        // The connection opened before the restore sees the restored journal.
        #expect(try target.entries(limit: 10).count == 3)
    }

    @Test func refusesWhatIsNotAWholeJournalOfThisVersion() throws {
        let store = try journal("j.sqlite3")
        let good = try store.serializedCopy()
        let target = directory.file("new.sqlite3")
        func refusal(_ bytes: [UInt8]) -> String? {
            do {
                _ = try SQLiteRestore.restoreBackup(bytes, name: "b", to: target, force: false)
                return nil
            } catch JournalError.notARestorableJournal(_, let reason) {
                return reason
            } catch {
                return "\(error)"
            }
        }
        #expect(refusal(Array("id,performed_at\r\n".utf8))?.contains("not a journal backup") == true)
        // Another program's database.
        let other = try DatabaseQueue()
        try other.write { try $0.execute(sql: "CREATE TABLE t(x); INSERT INTO t VALUES (1)") }
        let otherBytes = try other.writeWithoutTransaction { db -> [UInt8] in
            try db.execute(sql: "VACUUM INTO ?", arguments: [directory.file("other.sqlite3")])
            return Array(try Data(contentsOf: URL(fileURLWithPath: directory.file("other.sqlite3"))))
        }
        #expect(refusal(otherBytes)?.contains("not a journal") == true)
        // Truncated, and damaged in its pages.
        #expect(refusal(Array(good.prefix(good.count / 2))) != nil)
        var damaged = good
        for index in stride(from: 4096 + 100, to: damaged.count, by: 7) { damaged[index] ^= 0x5A }
        #expect(refusal(damaged)?.contains("damaged") == true)
        // A newer version's schema.
        let newer = try DatabaseQueue(path: directory.file("j.sqlite3"))
        try newer.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-future')") }
        try newer.close()
        let newerCopy = try JournalStore(openingExisting: directory.file("j.sqlite3"), access: .readOnly)
            .serializedCopy()
        #expect(refusal(newerCopy)?.contains("newer version") == true)
        #expect(!FileManager.default.fileExists(atPath: target))
    }
}
