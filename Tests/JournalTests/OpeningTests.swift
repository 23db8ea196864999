import Foundation
import GRDB
import TestSupport
import Testing

@testable import Journal

/// Opening journals that others made: older schemas read without writing, modes made private.
@Suite struct OpeningTests {
    let directory = TemporaryDirectory()

    func entry(_ note: String) throws -> Entry {
        try Entry(
            exerciseID: "bird-dog", performedAt: 1_795_000_000, utcOffset: 0, painBefore: #require(PainLevel(3)),
            painAfter: #require(PainLevel(3)), note: note, createdAt: 1_795_000_000)
    }

    @Test func anOlderJournalOpenedReadOnlyIsReadThroughAnUpgradedCopyAndLeftUntouched() throws {
        let path = directory.file("old.sqlite3")
        _ = try JournalStore(path: path).add(try entry("from version 1"))
        try VersionOneJournal.downgrade(path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))

        let store = try JournalStore(openingExisting: path, access: .readOnly)
        #expect(try store.entries().map(\.note) == ["from version 1"])
        // Tables of later versions are there to read, empty.
        #expect(try store.checkIns(limit: nil).isEmpty)
        #expect(try store.holds().isEmpty)
        #expect(throws: JournalError.permissionDenied(path: path)) { try store.add(try entry("no")) }
        try store.closeDatabase()

        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        let applied = try DatabaseQueue(path: path).read {
            try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
        }
        #expect(applied == ["v1-schema", "v1-catalogue"])
    }

    @Test func aJournalReadableByOthersIsMadePrivateWhenOpened() throws {
        let path = directory.file("shared.sqlite3")
        _ = try JournalStore(path: path).add(try entry("private"))
        chmod(path, 0o644)
        let store = try JournalStore(path: path)
        #expect(store.permissionsTightened == [PermissionChange(path: path, from: 0o644, to: 0o600)])
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600)
        #expect(try JournalStore(path: path).permissionsTightened.isEmpty)
    }

    @Test func theDefaultFolderIsMadePrivateButNotOneNamedWithDB() throws {
        let folder = directory.file("journal")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        chmod(folder, 0o755)
        #expect(
            FilePermissions.tightenFolder(of: folder + "/journal.sqlite3")
                == PermissionChange(path: folder, from: 0o755, to: 0o700))
        #expect(FilePermissions.tightenFolder(of: folder + "/journal.sqlite3") == nil)
        #expect(DatabaseLocation.isDefault(explicit: nil, environment: ["HOME": "/home/ana"]))
        #expect(!DatabaseLocation.isDefault(explicit: "/tmp/j.sqlite3", environment: [:]))
        #expect(!DatabaseLocation.isDefault(explicit: nil, environment: ["JOURNAL_DB": "/tmp/j.sqlite3"]))
    }
}
