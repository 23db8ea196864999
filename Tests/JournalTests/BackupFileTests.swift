import Foundation
import TestSupport
import Testing

@testable import Journal

/// Backup files (``BackupFile``): private from the first byte, never overwriting anything.
@Suite struct BackupFileTests {
    let directory = TemporaryDirectory()

    @Test func aSecondCopyOfTheSameNameIsNumberedAndPrivate() throws {
        let store = try JournalStore(path: directory.file("journal.sqlite3"))
        _ = try store.add(Fixture.entry(0, day: 1, before: 2, after: 2))
        let first = try BackupFile.copy(store.queue, to: directory.file("b.sqlite3"), numbered: true)
        let second = try BackupFile.copy(store.queue, to: directory.file("b.sqlite3"), numbered: true)
        #expect(first == directory.file("b.sqlite3"))
        #expect(second == directory.file("b-2.sqlite3"))
        var info = stat()
        #expect(stat(second, &info) == 0)
        #expect(Int(info.st_mode) & 0o777 == 0o600)
        #expect(try JournalStore(path: second).entryCount() == 1)
    }

    @Test func aCopyUnnumberedNeverOverwritesAFile() throws {
        let store = try JournalStore(path: directory.file("journal.sqlite3"))
        let taken = directory.file("b.sqlite3")
        #expect(FileManager.default.createFile(atPath: taken, contents: Data("keep".utf8)))
        #expect(throws: JournalError.backupExists(path: taken)) {
            try BackupFile.copy(store.queue, to: taken, numbered: false)
        }
        #expect(try String(contentsOfFile: taken, encoding: .utf8) == "keep")
    }

    @Test func theNumberGoesBeforeTheExtension() {
        #expect(BackupFile.numbered("a/b.sqlite3", 2) == "a/b-2.sqlite3")
        #expect(BackupFile.numbered("j", 3) == "j-3")
        #expect(
            BackupFile.automaticPath(for: "j.sqlite3", before: "v9-x", now: Date(timeIntervalSince1970: 0))
                .hasPrefix("j.sqlite3.before-v9-x-"))
    }
}
