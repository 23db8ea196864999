import Foundation
import Testing

/// On a file system mounted read-only (EROFS), what cannot be written is refused as a permission
/// (exit 77), with what the mount means: no owner or mode can change it, so the message does not
/// ask for one.
@Suite struct ReadOnlyDiskCommandTests {
    let sandbox = Sandbox()

    /// "journal: cannot write to PATH: the file system it is on is mounted read-only…", `saving`
    /// adding that nothing was saved.
    static func readOnly(_ path: String, saving: Bool = true) -> String {
        "journal: cannot write to \(path): the file system it is on is mounted read-only"
            + (saving ? "; nothing was saved" : "")
            + ". No owner or mode can change that: remount it read-write, or copy the file to a writable place "
            + "(a journal: pass the copy with --db).\n"
    }

    @Test func aWriteOnAReadOnlyDiskSaysTheDiskIsReadOnly() throws {
        try sandbox.withSmallDisk { folder in
            let database = folder + "/journal.sqlite3"
            sandbox.environment["JOURNAL_DB"] = database
            try sandbox.log("bird-dog", "--pain-before", "2", "--pain-after", "2", "--at", "today 08:00")
            guard try sandbox.remount(folder, "ro") else { return }
            defer { _ = try? sandbox.remount(folder, "rw") }

            let edit = try sandbox.run("edit", "1", "--note", "after")
            #expect(edit.status == 77, "\(edit)")
            #expect(edit.stdout == "", "\(edit)")
            #expect(edit.stderr == Self.readOnly(database), "\(edit)")

            // A journal not yet begun there: its folder is what cannot be written.
            let log = try sandbox.run(
                "log", "bird-dog", "--pain-before", "2", "--pain-after", "2", "--db", folder + "/new.sqlite3")
            #expect(log.status == 77, "\(log)")
            #expect(log.stderr == Self.readOnly(folder), "\(log)")

            // The journal is still read as it was.
            let list = try sandbox.run("list")
            #expect(list.status == 0, "\(list)")
            #expect(list.stdout.contains("bird-dog"), "\(list)")
        }
    }

    /// A file whose mode denies it, on a writable disk, is told its mode and how to make it writable.
    @Test func aModeThatDeniesStillSaysToCheckTheMode() throws {
        guard geteuid() != 0 else {
            print("skipped \(#function): root may write any file, whatever its mode")
            return
        }
        try sandbox.log("bird-dog", "--pain-before", "2", "--pain-after", "2", "--at", "today 08:00")
        #expect(chmod(sandbox.database, 0o400) == 0)
        let edit = try sandbox.run("edit", "1", "--note", "after")
        #expect(edit.status == 77, "\(edit)")
        #expect(edit.stderr == ReadOnlyModeCommandTests.refused(sandbox.database, mode: "0400"), "\(edit)")
    }
}
