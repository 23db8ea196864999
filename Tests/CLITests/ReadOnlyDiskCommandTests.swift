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

    /// A -wal that holds changes, on a read-only mount: every command that opens the journal says
    /// it is the mount, and what to do (remount, or copy the journal with its -wal), never "make the
    /// folder writable"; nothing is changed.
    @Test func aWriteAheadLogOnAReadOnlyDiskNamesTheMount() throws {
        try sandbox.withSmallDisk { folder in
            let database = folder + "/journal.sqlite3"
            sandbox.environment["JOURNAL_DB"] = database
            try sandbox.log("bird-dog", "--pain-before", "2", "--pain-after", "2", "--at", "today 08:00")
            // A change left in the write-ahead log, as a program stopped before its checkpoint leaves it.
            let left = try execute(
                try tool("sqlite3"),
                [
                    database, ".dbconfig no_ckpt_on_close on",
                    "UPDATE entries SET note = 'in the log' WHERE uid = (SELECT uid FROM entry_ids WHERE id = 1)",
                ])
            try #require(left.status == 0, "\(left)")
            try FileManager.default.removeItem(atPath: database + "-shm")
            let wal = FileManager.default.contents(atPath: database + "-wal")
            guard try sandbox.remount(folder, "ro") else { return }
            defer { _ = try? sandbox.remount(folder, "rw") }
            let remedy =
                "No owner or mode can change that: remount it read-write, or copy journal.sqlite3 and "
                + "journal.sqlite3-wal together to a writable folder and pass the copy with --db.\n"
            let unread = { (saving: Bool) in
                "journal: \(database)'s write-ahead log (journal.sqlite3-wal) holds changes not yet in the file, and "
                    + "SQLite cannot make the journal.sqlite3-shm it needs to read them: the file system it is on is "
                    + "mounted read-only; nothing is shown rather than the journal without those changes"
                    + (saving ? "; nothing was saved" : "") + ". " + remedy
            }
            for arguments in [
                ["check"], ["today"], ["list"], ["report"], ["doctor"], ["exercises"], ["config", "get", "region"],
                ["checkins"], ["plan"], ["psfs"],
            ] {
                let run = try sandbox.run(arguments)
                #expect(run.status == 77, "\(arguments): \(run)")
                #expect(run.stdout == "", "\(arguments): \(run)")
                #expect(run.stderr == unread(false), "\(arguments): \(run)")
            }
            for arguments in [["export"], ["undo"], ["delete", "1", "--yes"]] {
                let run = try sandbox.run(arguments)
                #expect(run.status == 77, "\(arguments): \(run)")
                #expect(run.stdout == "", "\(arguments): \(run)")
                #expect(run.stderr.hasSuffix(remedy), "\(arguments): \(run)")
                #expect(run.stderr.contains("the file system it is on is mounted read-only"), "\(arguments): \(run)")
                #expect(!run.stderr.contains("Make the folder writable"), "\(arguments): \(run)")
            }
            // A write: its refusal names the -wal to copy with the file.
            let edit = try sandbox.run("edit", "1", "--note", "after")
            #expect(edit.status == 77, "\(edit)")
            #expect(edit.stderr.hasSuffix(remedy), "\(edit)")
            #expect(edit.stderr.contains("the file system it is on is mounted read-only"), "\(edit)")
            #expect(FileManager.default.contents(atPath: database + "-wal") == wal)
        }
    }

    /// With its -shm still there, a journal whose -wal holds changes is read on a read-only mount;
    /// a write is refused naming the mount, and the -wal to copy with the file, as doctor says.
    @Test func aWriteOnAReadOnlyDiskNamesTheWriteAheadLogToCopy() throws {
        try sandbox.withSmallDisk { folder in
            let database = folder + "/journal.sqlite3"
            sandbox.environment["JOURNAL_DB"] = database
            try sandbox.log("bird-dog", "--pain-before", "2", "--pain-after", "2", "--at", "today 08:00")
            let left = try execute(
                try tool("sqlite3"),
                [
                    database, ".dbconfig no_ckpt_on_close on",
                    "UPDATE entries SET note = 'in the log' WHERE uid = (SELECT uid FROM entry_ids WHERE id = 1)",
                ])
            try #require(left.status == 0, "\(left)")
            guard try sandbox.remount(folder, "ro") else { return }
            defer { _ = try? sandbox.remount(folder, "rw") }
            let list = try sandbox.run("list")
            try #require(list.status == 0, "\(list)")
            #expect(list.stdout.contains("in the log"), "\(list)")
            let remedy =
                "No owner or mode can change that: remount it read-write, or copy journal.sqlite3 and "
                + "journal.sqlite3-wal together to a writable folder and pass the copy with --db."
            let edit = try sandbox.run("edit", "1", "--note", "after")
            #expect(edit.status == 77, "\(edit)")
            #expect(
                edit.stderr
                    == "journal: cannot write to \(database): the file system it is on is mounted read-only; nothing "
                    + "was saved. \(remedy)\n", "\(edit)")
            let doctor = try sandbox.run("doctor")
            #expect(doctor.status == 0, "\(doctor)")
            #expect(
                doctor.stdout.contains(
                    "\nAccess       read-only: the file system it is on is mounted read-only. \(remedy)\n"), "\(doctor)"
            )
        }
    }

    /// `doctor` on a read-only mount says why the journal is read-only and what to do, in the words
    /// a refused write uses (``ReadOnlyCause``), in its table and in `--json`'s `access_reason`.
    @Test func doctorSaysAJournalOnAReadOnlyDiskIsReadOnlyBecauseOfTheMount() throws {
        try sandbox.withSmallDisk { folder in
            let database = folder + "/journal.sqlite3"
            sandbox.environment["JOURNAL_DB"] = database
            try sandbox.log("bird-dog", "--pain-before", "2", "--pain-after", "2", "--at", "today 08:00")
            let writable = try sandbox.run("doctor", "--json")
            #expect(writable.status == 0, "\(writable)")
            #expect(!writable.stdout.contains("access_reason"), "\(writable)")
            guard try sandbox.remount(folder, "ro") else { return }
            defer { _ = try? sandbox.remount(folder, "rw") }
            let reason =
                "the file system it is on is mounted read-only. No owner or mode can change that: remount it "
                + "read-write, or copy journal.sqlite3 to a writable folder and pass the copy with --db."
            let doctor = try sandbox.run("doctor")
            #expect(doctor.status == 0, "\(doctor)")
            #expect(doctor.stdout.contains("\nAccess       read-only, as an unchanging file: \(reason)\n"), "\(doctor)")
            let json = try sandbox.run("doctor", "--json")
            #expect(json.status == 0, "\(json)")
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any], "\(json)")
            #expect(object["access"] as? String == "immutable")
            #expect(object["access_reason"] as? String == reason)
            // A write says the same of the mount.
            let edit = try sandbox.run("edit", "1", "--note", "after")
            #expect(edit.stderr == Self.readOnly(database), "\(edit)")
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
