import Foundation
import TestSupport
import Testing

@testable import Journal

/// The journal's file modes (``FilePermissions``).
@Suite struct FilePermissionsTests {
    let directory = TemporaryDirectory()

    @Test func aJournalOthersCouldReadIsMadePrivateOnce() throws {
        let path = directory.file("journal.sqlite3")
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        #expect(chmod(path, 0o644) == 0)
        #expect(FilePermissions.tighten(path) == [PermissionChange(path: path, from: 0o644, to: 0o600)])
        #expect(FilePermissions.tighten(path).isEmpty)
    }

    @Test func aDeviceIsLeftAlone() {
        #expect(FilePermissions.tighten("/dev/null").isEmpty)
    }

    @Test func theFolderIsMadePrivate() throws {
        let folder = directory.file("journal")
        #expect(mkdir(folder, 0o755) == 0)
        #expect(chmod(folder, 0o755) == 0)
        #expect(
            FilePermissions.tightenFolder(of: folder + "/journal.sqlite3")
                == PermissionChange(path: folder, from: 0o755, to: 0o700))
        #expect(FilePermissions.tightenFolder(of: folder + "/journal.sqlite3") == nil)
    }
}
