import Foundation
import Testing

/// The advice never depends on storage: `checkin --red-flag` prints its tier's advice before the
/// check-in is saved, so a full disk, a held lock or a read-only journal cannot silence it; the
/// storage error follows with its own exit status, and nothing is saved.
@Suite struct AdviceStorageCommandTests {
    let sandbox = Sandbox()
    static let emergency = """
        !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!
        !! URGENT: SEEK EMERGENCY CARE NOW
        !! You recorded chest pain.
        !! Call 999 or go to A&E now. These symptoms are an emergency: they need
        !! emergency care now, not a physiotherapy appointment.
        !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!

        """

    /// Standard error without its first line when that line says the journal's region setting could
    /// not be read (the journal cannot be read either): the advice comes next, in the environment's words.
    static func afterRegionNotice(_ stderr: String) -> String {
        guard stderr.hasPrefix("journal: could not read the journal's region setting (") else { return stderr }
        return String(stderr.drop { $0 != "\n" }.dropFirst())
    }

    /// A small tmpfs mounted for `body`, or `nil` after printing why the test is skipped.
    func withSmallDisk(_ test: String = #function, _ body: (String) throws -> Void) throws {
        guard geteuid() == 0, let mount = which("mount"), let umount = which("umount") else {
            print("skipped \(test): mounting a tmpfs needs root and mount(8)")
            return
        }
        let folder = sandbox.directory + "/disk"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let mounted = try execute(mount, ["-t", "tmpfs", "-o", "size=1m", "tmpfs", folder])
        guard mounted.status == 0 else {
            print("skipped \(test): cannot mount a tmpfs here (\(mounted.stderr.trimmingCharacters(in: .newlines)))")
            return
        }
        defer { _ = try? execute(umount, [folder]) }
        try body(folder)
    }

    @Test func theEmergencyAdviceShowsOnAFullDisk() throws {
        try withSmallDisk { folder in
            sandbox.environment["JOURNAL_DB"] = folder + "/journal.sqlite3"
            let first = try sandbox.run("checkin", "--pain", "2", "--at", "today 08:00")
            try #require(first.status == 0, "\(first)")
            // Fill what is left of the disk.
            try #require(FileManager.default.createFile(atPath: folder + "/filler", contents: nil))
            let filler = try #require(FileHandle(forWritingAtPath: folder + "/filler"))
            let chunk = Data(count: 4096)
            while (try? filler.write(contentsOf: chunk)) != nil {}
            try? filler.close()
            let run = try sandbox.run("checkin", "--pain", "4", "--red-flag", "chest-pain")
            #expect(run.status == 74, "\(run)")
            #expect(Self.afterRegionNotice(run.stderr).hasPrefix(Self.emergency), "\(run)")
            #expect(run.stderr.contains("nothing was saved"), "\(run)")
            try FileManager.default.removeItem(atPath: folder + "/filler")
            #expect(try sandbox.sql("SELECT count(*) FROM checkins") == "1\n")
        }
    }

    @Test func aReadOnAFullDiskDoesNotSayNothingWasSaved() throws {
        try withSmallDisk { folder in
            sandbox.environment["JOURNAL_DB"] = folder + "/journal.sqlite3"
            try #require(try sandbox.run("checkin", "--pain", "2", "--at", "today 08:00").status == 0)
            try #require(FileManager.default.createFile(atPath: folder + "/filler", contents: nil))
            let filler = try #require(FileHandle(forWritingAtPath: folder + "/filler"))
            while (try? filler.write(contentsOf: Data(count: 4096))) != nil {}
            try? filler.close()
            for command in ["check", "today"] {
                let run = try sandbox.run(command)
                #expect(run.status == 74, "\(command): \(run)")
                #expect(run.stderr.hasPrefix("journal: could not read or write"), "\(command): \(run)")
                #expect(!run.stderr.contains("saved"), "\(command): \(run)")
            }
        }
    }

    @Test func theEmergencyAdviceShowsOnAReadOnlyDisk() throws {
        try withSmallDisk { folder in
            sandbox.environment["JOURNAL_DB"] = folder + "/journal.sqlite3"
            try #require(try sandbox.run("checkin", "--pain", "2", "--at", "today 08:00").status == 0)
            let remount = try execute(try tool("mount"), ["-o", "remount,ro", folder])
            try #require(remount.status == 0, "\(remount)")
            let run = try sandbox.run("checkin", "--pain", "4", "--red-flag", "chest-pain")
            #expect(run.status == 77, "\(run)")
            #expect(Self.afterRegionNotice(run.stderr).hasPrefix(Self.emergency), "\(run)")
            #expect(run.stderr.contains("nothing was saved"), "\(run)")
            try #require(try execute(try tool("mount"), ["-o", "remount,rw", folder]).status == 0)
            #expect(try sandbox.sql("SELECT count(*) FROM checkins") == "1\n")
        }
    }

    @Test func theEmergencyAdviceShowsWhileAnotherProgramHoldsTheLock() throws {
        try #require(try sandbox.run("checkin", "--pain", "2", "--at", "today 08:00").status == 0)
        let run = try sandbox.whileLocked(busyTimeout: "1") {
            try sandbox.run("checkin", "--pain", "4", "--red-flag", "chest-pain")
        }
        #expect(run.status == 75, "\(run)")
        #expect(Self.afterRegionNotice(run.stderr).hasPrefix(Self.emergency), "\(run)")
        #expect(run.stderr.contains("nothing was saved"), "\(run)")
        #expect(try sandbox.sql("SELECT count(*) FROM checkins") == "1\n")
    }

    /// `body` run while another program holds the journal's write lock (`BEGIN EXCLUSIVE`), with no wait for it.
    func whileLocked(_ body: () throws -> Run) throws -> Run {
        try sandbox.whileLocked("EXCLUSIVE", busyTimeout: "0", body)
    }

    static let stop = """
        STOP Pain went up during glute-bridge, from 2 before to 5 after.
             Stop doing glute-bridge and see a physiotherapist before you continue with
             it.

        """

    @Test func aCheckInEditsRedFlagAdviceShowsWhileAnotherProgramHoldsTheLock() throws {
        try #require(try sandbox.run("checkin", "--pain", "2", "--at", "today 08:00").status == 0)
        let run = try whileLocked { try sandbox.run("checkins", "edit", "1", "--red-flag", "chest-pain") }
        #expect(run.status == 75, "\(run)")
        #expect(run.stderr.hasPrefix(Self.emergency), "\(run)")
        #expect(run.stderr.contains("nothing was saved"), "\(run)")
        #expect(try sandbox.sql("SELECT count(*) FROM checkin_red_flags") == "0\n")
        // Saved, the advice is told once.
        let saved = try sandbox.run("checkins", "edit", "1", "--red-flag", "chest-pain")
        #expect(saved.status == 0, "\(saved)")
        #expect(saved.stderr.hasPrefix(Self.emergency), "\(saved)")
        #expect(saved.stderr.components(separatedBy: "URGENT").count == 2, "\(saved)")
    }

    @Test func logsStopShowsWhileAnotherProgramHoldsTheLock() throws {
        try sandbox.log("bird-dog", "--pain-before", "2", "--pain-after", "2", "--at", "today 08:00")
        let run = try whileLocked {
            try sandbox.run("log", "glute-bridge", "--pain-before", "2", "--pain-after", "5")
        }
        #expect(run.status == 75, "\(run)")
        #expect(run.stderr.hasPrefix(Self.stop), "\(run)")
        #expect(run.stderr.contains("nothing was saved"), "\(run)")
        #expect(try sandbox.entryCount() == 1)
        let saved = try sandbox.run("log", "glute-bridge", "--pain-before", "2", "--pain-after", "5")
        #expect(saved.status == 0, "\(saved)")
        #expect(
            saved.stderr.hasPrefix(
                Self.stop
                    + "glute-bridge is now on hold. Once a physiotherapist has seen you, record it\n"), "\(saved)"
        )
        #expect(saved.stderr.components(separatedBy: "STOP").count == 2, "\(saved)")
    }

    @Test func sessionsStopShowsWhileAnotherProgramHoldsTheLock() throws {
        _ = try sandbox.run("plan", "set", "glute-bridge", "--sets", "3", "--reps", "10", "--per-week", "7")
        let run = try whileLocked { try sandbox.run("session", "glute-bridge", stdin: "2\n\n5\n") }
        #expect(run.status == 75, "\(run)")
        #expect(run.stderr.contains(Self.stop), "\(run)")
        let stop = try #require(run.stderr.range(of: "STOP"))
        let error = try #require(run.stderr.range(of: "nothing was saved"))
        #expect(stop.lowerBound < error.lowerBound, "\(run)")
        #expect(try sandbox.entryCount() == 0)
    }

    @Test func logsStopShowsOnAReadOnlyDisk() throws {
        try withSmallDisk { folder in
            sandbox.environment["JOURNAL_DB"] = folder + "/journal.sqlite3"
            try sandbox.log("bird-dog", "--pain-before", "2", "--pain-after", "2", "--at", "today 08:00")
            try #require(try sandbox.run("checkin", "--pain", "2", "--at", "today 08:00").status == 0)
            let remount = try execute(try tool("mount"), ["-o", "remount,ro", folder])
            try #require(remount.status == 0, "\(remount)")
            defer { _ = try? execute(try tool("mount"), ["-o", "remount,rw", folder]) }
            let log = try sandbox.run("log", "glute-bridge", "--pain-before", "2", "--pain-after", "5")
            #expect(log.status == 77, "\(log)")
            #expect(log.stderr.hasPrefix(Self.stop), "\(log)")
            let edit = try sandbox.run("checkins", "edit", "1", "--red-flag", "chest-pain")
            #expect(edit.status == 77, "\(edit)")
            #expect(edit.stderr.hasPrefix(Self.emergency), "\(edit)")
            #expect(edit.stderr.contains("nothing was saved"), "\(edit)")
        }
    }
}
