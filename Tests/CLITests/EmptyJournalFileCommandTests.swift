import Foundation
import Testing

/// A journal file emptied to 0 bytes (a sync tool, a failed copy) after a red flag was recorded:
/// every screen says what `journal doctor` says of it, never "nothing stands".
@Suite struct EmptyJournalFileCommandTests {
    let sandbox = Sandbox()

    var emptied: String {
        "journal: cannot read \(sandbox.database): it is an empty file (0 bytes) and holds no journal; if it held "
            + "one, put a backup back (`journal restore BACKUP`), otherwise `journal log` starts a journal in it.\n"
    }

    func empty() throws {
        let handle = try #require(FileHandle(forWritingAtPath: sandbox.database))
        try handle.truncate(atOffset: 0)
        try handle.close()
    }

    func size() throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: sandbox.database)[.size] as? Int)
    }

    @Test func everyScreenRefusesAnEmptiedJournalAsDoctorDoes() throws {
        let recorded = try sandbox.run("checkin", "--pain", "3", "--red-flag", "saddle-numbness", "--at", "09:00")
        #expect(recorded.status == 0, "\(recorded)")
        let backup = sandbox.directory + "/b.sqlite3"
        try sandbox.change("backup", backup)
        try empty()

        for arguments in [
            ["check"], ["check", "--json"], ["today"], ["today", "--json"], ["report"], ["list"], ["checkins"],
            ["plan"], ["psfs"], ["session"], ["config", "get", "region"], ["export"], ["export", "--all"],
            ["backup"], ["doctor"], ["doctor", "--json"],
        ] {
            let run = try sandbox.run(arguments)
            #expect(run.status == 66, "\(arguments): \(run)")
            #expect(run.stdout == "", "\(arguments): \(run)")
            #expect(run.stderr == emptied, "\(arguments): \(run)")
        }
        #expect(try size() == 0)

        // The backup goes back into the empty file without --force: it held nothing to keep.
        let restore = try sandbox.run("restore", backup)
        #expect(restore.status == 0, "\(restore)")
        let check = try sandbox.run("check")
        #expect(check.status == 3, "\(check)")
        #expect(check.stdout.contains("URGENT: SEEK EMERGENCY CARE NOW"), "\(check)")
    }

    @Test func aChangeStartsAJournalInAnEmptyFileAndSaysSo() throws {
        #expect(
            FileManager.default.createFile(
                atPath: sandbox.database, contents: Data(), attributes: [.posixPermissions: 0o600]))
        let run = try sandbox.run("log", "bird-dog", "--pain-before", "3", "--pain-after", "3")
        #expect(run.status == 0, "\(run)")
        #expect(
            run.stderr
                == "journal: \(sandbox.database) was an empty file (0 bytes) holding no journal; this change "
                + "started a new journal in it. If it held a journal before, `journal restore BACKUP --force` puts "
                + "a backup back (this journal is kept beside it).\n")
        #expect(try sandbox.entryCount() == 1)
        // Once a journal, it is read as one, and nothing more is said.
        let check = try sandbox.run("check")
        #expect(check.status == 0, "\(check)")
        #expect(check.stderr == "")
    }

    @Test func aPathWithNoFileStillReadsAsAJournalNotYetBegun() throws {
        let check = try sandbox.run("check")
        #expect(check.status == 0, "\(check)")
        #expect(check.stdout == "No safety findings stand today.\n")
        #expect(try sandbox.run("today").status == 0)
        let doctor = try sandbox.run("doctor")
        #expect(doctor.status == 66, "\(doctor)")
        #expect(
            doctor.stderr
                == "journal: cannot read \(sandbox.database): there is no journal there yet; `journal log` starts one.\n"
        )
        #expect(!FileManager.default.fileExists(atPath: sandbox.database))
    }
}
