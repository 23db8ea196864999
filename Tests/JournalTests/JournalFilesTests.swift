import Foundation
import TestSupport
import Testing

@testable import Journal

/// The journal's own files (``JournalFiles``): no output may be one of them, however it is spelled.
@Suite struct JournalFilesTests {
    let directory = TemporaryDirectory()

    var journal: String { directory.file("j.sqlite3") }

    func refuses(_ output: String) -> Bool {
        do {
            try JournalFiles.refuseAsOutput(output, journal: journal)
            return false
        } catch {
            return error as? JournalError == .outputIsJournal(path: output, journal: journal)
        }
    }

    @Test func theJournalAndItsFilesAreRefusedByName() throws {
        #expect(FileManager.default.createFile(atPath: journal, contents: Data("journal".utf8)))
        try FileManager.default.createDirectory(atPath: directory.file("sub"), withIntermediateDirectories: true)
        for name in ["j.sqlite3", "j.sqlite3-wal", "j.sqlite3-shm", "j.sqlite3-journal"] {
            #expect(refuses(directory.file(name)), "\(name)")
            #expect(refuses(directory.file("sub/../" + name)), "\(name)")
        }
        #expect(refuses(directory.file("j.sqlite3.before-restore-2026-11-25-101500.backup")))
        #expect(refuses(directory.file("j.sqlite3.before-v9-checkins-2026-11-25-101500.backup")))
    }

    @Test func linksToTheJournalAreRefused() throws {
        #expect(FileManager.default.createFile(atPath: journal, contents: Data("journal".utf8)))
        #expect(symlink(journal, directory.file("symbolic")) == 0)
        #expect(link(journal, directory.file("hard")) == 0)
        #expect(refuses(directory.file("symbolic")))
        #expect(refuses(directory.file("hard")))
    }

    @Test func otherNamesBesideTheJournalAreWritten() throws {
        #expect(FileManager.default.createFile(atPath: journal, contents: Data("journal".utf8)))
        #expect(FileManager.default.createFile(atPath: directory.file("copy"), contents: Data("journal".utf8)))
        for name in ["j.sqlite3.csv", "j.sqlite3-wal.csv", "j.sqlite3.before-restore", "copy", "k.sqlite3"] {
            #expect(!refuses(directory.file(name)), "\(name)")
        }
        #expect(!refuses(directory.file("missing/j.sqlite3")))
    }
}
