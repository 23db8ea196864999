import Foundation
import TestSupport
import Testing

@testable import Journal

/// The new-journal file on its own: a journal made in a private file, put in place only whole.
@Suite struct NewJournalFileTests {
    let directory = TemporaryDirectory()

    /// One entry, as a first import would add it.
    let csv = ByteSource(
        bytes: Array((CSVFormat.header + ",2026-11-20T07:30:00Z,bird-dog,,1,10,,3,2,,,\r\n").utf8))

    struct Refused: Error, Equatable {}

    func files(_ folder: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: folder))?.sorted() ?? []
    }

    func mode(_ path: String) throws -> Int? {
        try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    }

    @Test func theJournalAppearsOnlyWholeAndPrivate() throws {
        let path = directory.file("journal.sqlite3")
        var seenWhileMaking: [String] = []
        let made = try NewJournalFile(for: path).make(busyTimeout: 1) { store -> Int in
            let added = try store.importCSV(from: csv, now: 1_795_600_800).added
            seenWhileMaking = files(directory.path)
            return added
        }
        #expect(made?.result == 1)
        // While the change was made, only the private file (0600) was there, never the journal.
        #expect(seenWhileMaking.count == 1)
        let staging = try #require(seenWhileMaking.first)
        #expect(staging.hasPrefix(".journal-new-") && staging.hasSuffix(".sqlite3"))
        #expect(files(directory.path) == ["journal.sqlite3"])
        #expect(try mode(path) == 0o600)
        let header = try #require(FileHandle(forReadingAtPath: path)?.readData(ofLength: 20))
        #expect(Array(header[18...19]) == [2, 2])
        #expect(try JournalStore(path: path).entryCount() == 1)
    }

    @Test func aThrownErrorLeavesNoFileAndNoFolder() throws {
        let path = directory.file("a/b/journal.sqlite3")
        #expect(throws: Refused()) {
            _ = try NewJournalFile(for: path).make(busyTimeout: 1) { store in
                _ = try store.importCSV(from: csv, now: 1_795_600_800)
                #expect(files(directory.file("a/b")).filter { $0.hasPrefix(".journal-new-") }.count == 1)
                throw Refused()
            }
        }
        #expect(files(directory.path) == [])
    }

    @Test func whenAnotherProcessMakesTheJournalFirstItIsLeftAsItIs() throws {
        let path = directory.file("journal.sqlite3")
        let made = try NewJournalFile(for: path).make(busyTimeout: 1) { store -> Int in
            try NewJournalFile(for: path).makeEmpty()
            return try store.importCSV(from: csv, now: 1_795_600_800).added
        }
        #expect(made == nil)
        #expect(files(directory.path) == ["journal.sqlite3"])
        #expect(try JournalStore(path: path).entryCount() == 0)
    }

    @Test func aLeftoverOfAKilledCommandIsRemovedFirst() throws {
        let path = directory.file("journal.sqlite3")
        let leftover = directory.file(".journal-new-0.sqlite3")
        #expect(FileManager.default.createFile(atPath: leftover, contents: Data("half".utf8)))
        #expect(FileManager.default.createFile(atPath: leftover + "-wal", contents: Data("log".utf8)))
        _ = try NewJournalFile(for: path).make(busyTimeout: 1) { try $0.entryCount() }
        #expect(files(directory.path) == ["journal.sqlite3"])
    }

    @Test func makeEmptyMakesAWholeMigratedJournalInNewFolders() throws {
        let path = directory.file("a/b/journal.sqlite3")
        try NewJournalFile(for: path).makeEmpty()
        #expect(files(directory.file("a/b")) == ["journal.sqlite3"])
        #expect(try mode(path) == 0o600)
        #expect(try mode(directory.file("a")) == 0o700)
        #expect(try mode(directory.file("a/b")) == 0o700)
        let store = try JournalStore(path: path)
        #expect(try store.reading { try Migrations.appliedIdentifiers($0) } == Set(Migrations.steps))
    }

    @Test func makeEmptyLeavesAJournalAlreadyThereAsItIs() throws {
        let path = directory.file("journal.sqlite3")
        _ = try JournalStore(path: path).importCSV(from: csv, now: 1_795_600_800)
        try NewJournalFile(for: path).makeEmpty()
        #expect(files(directory.path).filter { $0.hasPrefix(".journal-new-") } == [])
        #expect(try JournalStore(path: path).entryCount() == 1)
    }
}
