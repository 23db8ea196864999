import Foundation
import GRDB
import TestSupport
import Testing

@testable import Journal

/// SQLite's errors said as journal's (``SQLiteErrors``).
@Suite struct SQLiteErrorsTests {
    let directory = TemporaryDirectory()

    @Test func eachResultCodeBecomesTheErrorThatSaysWhatToDo() {
        let path = directory.file("journal.sqlite3")
        func translated(_ code: ResultCode) -> JournalError {
            SQLiteErrors.translate(DatabaseError(resultCode: code, message: "sqlite's words"), path: path)
        }
        #expect(translated(.SQLITE_NOTADB) == .notAJournal(path: path))
        #expect(translated(.SQLITE_CORRUPT) == .corruptDatabase(path: path))
        #expect(translated(.SQLITE_BUSY) == .databaseLocked(path: path))
        #expect(translated(.SQLITE_LOCKED) == .databaseLocked(path: path))
        #expect(translated(.SQLITE_READONLY) == .permissionDenied(path: path))
        #expect(translated(.SQLITE_CANTOPEN) == .cannotCreate(path: path, reason: "the file does not exist"))
        #expect(translated(.SQLITE_FULL) == .io(path: path, reason: "the disk is full"))
        #expect(translated(.SQLITE_ERROR) == .io(path: path, reason: "sqlite's words"))
    }

    @Test func journalsOwnErrorsPassThroughAndOthersAreIOErrors() {
        let path = directory.file("journal.sqlite3")
        #expect(
            SQLiteErrors.translate(JournalError.databaseLocked(path: "x"), path: path) == .databaseLocked(path: "x"))
        struct Other: Error, CustomStringConvertible { var description: String { "another failure" } }
        #expect(SQLiteErrors.translate(Other(), path: path) == .io(path: path, reason: "another failure"))
    }
}
