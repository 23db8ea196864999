import Foundation
import TestSupport
import Testing

@testable import Journal

/// What a journal's path holds before SQLite opens it (``JournalFileCheck``), on real files.
@Suite struct JournalFileCheckTests {
    let directory = TemporaryDirectory()

    /// Writes `count` bytes at `path`.
    func write(_ count: Int, to path: String) throws {
        try #require(FileManager.default.createFile(atPath: path, contents: Data(repeating: 7, count: count)))
    }

    @Test func aFileIsThereOnlyWhenStatFindsIt() throws {
        let path = directory.file("journal.sqlite3")
        #expect(try !JournalFileCheck.exists(path))
        try write(0, to: path)
        #expect(try JournalFileCheck.exists(path))
        // A folder is there, but holds no journal: refused as no input, or as none to be made (UnusablePath).
        let inside = directory.path + "/journal.sqlite3"
        #expect(
            throws: JournalError.noInput(
                path: directory.path,
                reason: "it is a folder, not a file; name a journal file in it, such as \(inside); point --db or "
                    + "JOURNAL_DB at a journal file")
        ) { try JournalFileCheck.exists(directory.path) }
        #expect(
            throws: JournalError.cannotCreate(
                path: directory.path, reason: "it is a folder, not a file; name a journal file in it, such as \(inside)"
            )
        ) { try JournalFileCheck.exists(directory.path, writing: true) }
    }

    @Test func aLinkLoopIsAnErrorNeverNoJournal() throws {
        let path = directory.file("loop.sqlite3")
        try #require(symlink(path, path) == 0)
        #expect(
            throws: JournalError.noInput(
                path: path,
                reason: "it is a symbolic link that leads round in a loop, never to a file; point --db or JOURNAL_DB "
                    + "at a journal file")
        ) { try JournalFileCheck.exists(path) }
    }

    @Test(.enabled(if: geteuid() != 0, "root enters any folder"))
    func aFolderThatCannotBeEnteredIsRefusedNeverNoJournal() throws {
        let folder = directory.file("closed")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        try #require(chmod(folder, 0) == 0)
        defer { chmod(folder, 0o700) }
        #expect(throws: JournalError.permissionDenied(path: folder + "/journal.sqlite3")) {
            try JournalFileCheck.exists(folder + "/journal.sqlite3")
        }
    }

    @Test func onlyARegularFileOfNoBytesIsEmpty() throws {
        let path = directory.file("journal.sqlite3")
        #expect(!JournalFileCheck.isEmptyFile(path))
        try write(0, to: path)
        #expect(JournalFileCheck.isEmptyFile(path))
        try write(1, to: path)
        #expect(!JournalFileCheck.isEmptyFile(path))
        #expect(!JournalFileCheck.isEmptyFile(directory.path))
    }

    @Test func aLogCountsOnlyWhenItHoldsSomething() throws {
        let path = directory.file("journal.sqlite3")
        #expect(JournalFileCheck.sizeOfLog(beside: path, suffix: "-wal") == nil)
        try write(0, to: path + "-wal")
        #expect(JournalFileCheck.sizeOfLog(beside: path, suffix: "-wal") == nil)
        try write(4096, to: path + "-wal")
        #expect(JournalFileCheck.sizeOfLog(beside: path, suffix: "-wal") == 4096)
        #expect(JournalFileCheck.sizeOfLog(beside: path, suffix: "-journal") == nil)
    }

    @Test func anEmptyFileWithALogBesideItIsRefusedAndBothAreLeft() throws {
        let path = directory.file("journal.sqlite3")
        try write(0, to: path)
        try JournalFileCheck.refuseLogBesideEmptyFile(path)
        try write(0, to: path + "-wal")
        try JournalFileCheck.refuseLogBesideEmptyFile(path)
        try write(512, to: path + "-journal")
        #expect(
            throws: JournalError.noInput(
                path: path,
                reason: "it is an empty file (0 bytes), but \(path)-journal beside it holds 512 bytes of a journal's "
                    + "changes (its rollback journal): a sync tool or a failed copy may have truncated the journal. "
                    + "Nothing was changed. Keep both files, together (the sync tool's history may hold the journal "
                    + "whole); to start again from a backup, move both aside, then `journal restore BACKUP`")
        ) { try JournalFileCheck.refuseLogBesideEmptyFile(path) }
        #expect(JournalFileCheck.isEmptyFile(path))
        #expect(JournalFileCheck.sizeOfLog(beside: path, suffix: "-journal") == 512)
        // A file that is not empty is a journal's business, not this check's.
        try write(1, to: path)
        try JournalFileCheck.refuseLogBesideEmptyFile(path)
    }

    @Test func theApplicationIDSpellsJRNL() {
        #expect(JournalFileCheck.applicationID == 0x4A52_4E4C)
        #expect(withUnsafeBytes(of: JournalFileCheck.applicationID.bigEndian) { Array($0) } == Array("JRNL".utf8))
    }
}
