import Foundation
import TestSupport
import Testing

@testable import Journal

/// A command's first change creates the journal only when it succeeds, in one run.
@Suite struct NewJournalTests {
    let directory = TemporaryDirectory()

    func entries(_ store: JournalStore) throws -> Int { try store.entryCount() }

    func files(_ folder: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: folder))?.sorted() ?? []
    }

    @Test func aChangeThatSucceedsRunsOnceAndLeavesOnlyTheJournal() throws {
        let path = directory.file("a/b/journal.sqlite3")
        var runs = 0
        let count = try JournalStore.write(at: path) { store -> Int in
            runs += 1
            #expect(store.path == path)
            return try store.importCSV(
                from: ByteSource(
                    bytes: Array((CSVFormat.header + ",2026-11-20T07:30:00Z,bird-dog,,1,10,,3,2,,,\r\n").utf8)),
                now: 1_795_600_800
            ).added
        }
        #expect(runs == 1)
        #expect(count == 1)
        #expect(files(directory.file("a/b")) == ["journal.sqlite3"])
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600)
        #expect(
            try FileManager.default.attributesOfItem(atPath: directory.file("a"))[.posixPermissions] as? Int == 0o700)
        // Built without a write-ahead log, it is put in place in WAL mode: the header's read and
        // write versions are 2.
        let header = try #require(FileHandle(forReadingAtPath: path)?.readData(ofLength: 20))
        #expect(Array(header[18...19]) == [2, 2])
        #expect(try JournalStore(path: path).entryCount() == 1)
    }

    @Test func aRefusedChangeLeavesNoFileAndNoFolder() throws {
        let path = directory.file("a/b/journal.sqlite3")
        #expect(throws: JournalError.self) {
            try JournalStore.write(at: path) { store in
                _ = try store.importCSV(
                    from: ByteSource(
                        bytes: Array((CSVFormat.header + ",2026-11-20T07:30:00Z,nope,,1,10,,3,2,,,\r\n").utf8)),
                    now: 1_795_600_800)
            }
        }
        #expect(files(directory.path) == [])
    }

    @Test func whenAnotherProcessCreatesTheJournalMeanwhileTheChangeIsMadeThere() throws {
        let path = directory.file("journal.sqlite3")
        var runs = 0
        let added = try JournalStore.write(at: path) { store -> Int in
            runs += 1
            if runs == 1 {
                // Another process's first change lands first.
                _ = try JournalStore.write(at: path) { other in
                    try other.importCSV(
                        from: ByteSource(
                            bytes: Array((CSVFormat.header + ",2026-11-19T07:30:00Z,bird-dog,,1,10,,3,2,,,\r\n").utf8)),
                        now: 1_795_600_800)
                }
            }
            return try store.importCSV(
                from: ByteSource(
                    bytes: Array((CSVFormat.header + ",2026-11-20T07:30:00Z,bird-dog,,1,10,,3,2,,,\r\n").utf8)),
                now: 1_795_600_800
            ).added
        }
        #expect(runs == 2)
        #expect(added == 1)
        #expect(files(directory.path).filter { $0.hasPrefix(".journal-new") } == [])
        #expect(try JournalStore(path: path).entryCount() == 2)
    }
}
