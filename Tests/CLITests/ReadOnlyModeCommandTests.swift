import Foundation
import Testing

/// A journal its person made read-only (mode 0444 or 0400) is read, never written, nor made writable.
///
/// Issue #25, a tester: as root, a write made a 0444 journal 0600 and wrote to it. Root may write
/// any file, so journal checks the mode itself: every write is refused (exit 77, a sentence saying
/// how to make it writable), the file and its mode untouched; reads go on; `journal doctor` makes
/// it private without making it writable (0444 → 0400). Run as root and as another user.
@Suite struct ReadOnlyModeCommandTests {
    let sandbox = Sandbox(timeZone: "UTC")

    /// The refusal of a write to the journal at `path` of mode `mode`.
    static func refused(_ path: String, mode: String) -> String {
        "journal: cannot write to \(path): its mode is \(mode), which lets no one write it, so journal leaves it as "
            + "it is; nothing was saved. It is still read as it is. To write to it again, make it writable: "
            + "`chmod 600 \(path)`.\n"
    }

    func mode(_ file: String) -> Int {
        var info = stat()
        return stat(file, &info) == 0 ? Int(info.st_mode) & 0o777 : -1
    }

    /// Checks every promise on the journal at `path`, through `run` (as this user, or as nobody).
    func expectReadOnlyKept(_ path: String, _ arrayRun: ([String]) throws -> Run) throws {
        func run(_ arguments: String...) throws -> Run { try arrayRun(arguments) }
        let backup = URL(fileURLWithPath: path).deletingLastPathComponent().path + "/backup.sqlite3"
        let backedUp = try run("backup", backup, "--db", path)
        try #require(backedUp.status == 0, "\(backedUp)")
        #expect(chmod(path, 0o444) == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        for write in [
            ["log", "bird-dog", "--pain-before", "2", "--pain-after", "2"], ["edit", "1", "--note", "changed"],
            ["checkin", "--pain", "3"], ["undo"], ["config", "set", "region", "GB"],
        ] {
            let refused = try arrayRun(write + ["--db", path])
            #expect(refused.status == 77, "\(write) \(refused)")
            #expect(refused.stdout == "", "\(write) \(refused)")
            #expect(refused.stderr == Self.refused(path, mode: "0444"), "\(write) \(refused)")
            #expect(mode(path) == 0o444, "\(write)")
        }
        let restore = try run("restore", backup, "--force", "--db", path)
        #expect(restore.status == 77, "\(restore)")
        #expect(restore.stderr == Self.refused(path, mode: "0444"), "\(restore)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(mode(path) == 0o444)

        let list = try run("list", "--db", path)
        #expect(list.status == 0, "\(list)")
        #expect(list.stdout.contains("bird-dog"), "\(list)")
        #expect(list.stderr == "", "\(list)")
        let check = try run("check", "--db", path)
        #expect(check.status == 0, "\(check)")
        #expect(mode(path) == 0o444)

        // doctor makes it private, and leaves it read-only.
        let doctor = try run("doctor", "--db", path)
        #expect(doctor.status == 0, "\(doctor)")
        #expect(doctor.stdout.contains("tightened from 0444 to 0400"), "\(doctor)")
        #expect(mode(path) == 0o400)
        let still = try run("log", "bird-dog", "--pain-before", "2", "--pain-after", "2", "--db", path)
        #expect(still.status == 77, "\(still)")
        #expect(still.stderr == Self.refused(path, mode: "0400"), "\(still)")

        // Made writable by its person, it is written again, and kept private.
        #expect(chmod(path, 0o600) == 0)
        let log = try run("log", "bird-dog", "--pain-before", "2", "--pain-after", "2", "--db", path)
        #expect(log.status == 0, "\(log)")
        #expect(log.stdout.hasPrefix("Logged #2 bird-dog"), "\(log)")
        #expect(mode(path) == 0o600)
    }

    /// As the user running the tests (root in CI's container): the mode is checked by journal itself.
    @Test func aReadOnlyJournalIsReadButNeverWrittenNorMadeWritable() throws {
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-25 08:00")
        try expectReadOnlyKept(sandbox.database) { arguments in try sandbox.run(arguments) }
    }

    /// As another user than root (nobody, when the tests run as root): the same.
    @Test func aReadOnlyJournalIsKeptSoForAUserOtherThanRoot() throws {
        guard geteuid() == 0 else {
            print("skipped \(#function): the test above runs as this user, who is not root")
            return
        }
        guard let runuser = which("runuser"), let account = getpwnam("nobody") else {
            print("skipped \(#function): running as root, without runuser or a user nobody")
            return
        }
        guard let shared = try makeFolderEveryoneCanEnter() else {
            print("skipped \(#function): no temporary folder that every user can enter")
            return
        }
        defer { try? FileManager.default.removeItem(atPath: shared) }
        let binary = shared + "/journal"
        try copyBinary(to: binary)
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-25 08:00")
        let folder = shared + "/mine"
        let path = folder + "/journal.sqlite3"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        try FileManager.default.copyItem(atPath: sandbox.database, toPath: path)
        #expect(chown(folder, account.pointee.pw_uid, account.pointee.pw_gid) == 0)
        #expect(chown(path, account.pointee.pw_uid, account.pointee.pw_gid) == 0)
        #expect(chmod(folder, 0o700) == 0)
        var environment = sandbox.environment
        environment["HOME"] = folder
        try expectReadOnlyKept(path) { arguments in
            try execute(runuser, ["-u", "nobody", "--", binary] + arguments, environment: environment)
        }
    }
}
