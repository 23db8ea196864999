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

    /// Fills what is left of the disk holding `folder` with a file named `filler`.
    func fill(_ folder: String) throws {
        try #require(FileManager.default.createFile(atPath: folder + "/filler", contents: nil))
        let filler = try #require(FileHandle(forWritingAtPath: folder + "/filler"))
        while (try? filler.write(contentsOf: Data(count: 4096))) != nil {}
        try? filler.close()
    }

    @Test func theEmergencyAdviceShowsOnAFullDisk() throws {
        try sandbox.withSmallDisk { folder in
            sandbox.environment["JOURNAL_DB"] = folder + "/journal.sqlite3"
            let first = try sandbox.run("checkin", "--pain", "2", "--at", "today 08:00")
            try #require(first.status == 0, "\(first)")
            try fill(folder)
            let run = try sandbox.run("checkin", "--pain", "4", "--red-flag", "chest-pain")
            #expect(run.status == 74, "\(run)")
            #expect(Self.afterRegionNotice(run.stderr).hasPrefix(Self.emergency), "\(run)")
            // Told once: the refusal that follows does not tell it again.
            #expect(run.stderr.components(separatedBy: "!! URGENT").count == 2, "\(run)")
            #expect(run.stderr.contains("nothing was saved"), "\(run)")
            try FileManager.default.removeItem(atPath: folder + "/filler")
            #expect(try sandbox.sql("SELECT count(*) FROM checkins") == "1\n")
        }
    }

    /// The screens show on a full disk, and on a read-only one, exactly what they show on a writable
    /// one: SQLite cannot make the journal's -shm there, and with nothing in its -wal the file alone is
    /// the whole journal, read as an unchanging file by the same queries.
    @Test func screensShowWhatStandsOnAFullOrReadOnlyDisk() throws {
        try sandbox.withSmallDisk { folder in
            sandbox.environment["JOURNAL_DB"] = folder + "/journal.sqlite3"
            try sandbox.log("bird-dog", "--pain-before", "2", "--pain-after", "5", "--at", "today 08:00")
            try sandbox.change("checkin", "--pain", "3", "--red-flag", "night-pain", "--at", "today 09:00")
            let screens = [["check"], ["today"], ["list"], ["checkins"], ["report"], ["session"]]
            let writable = try screens.map { try sandbox.run($0) }
            #expect(writable[0].status == 3, "\(writable[0])")
            #expect(writable[0].stdout.contains("STOP bird-dog"), "\(writable[0])")
            try fill(folder)
            for (screen, expected) in zip(screens, writable) {
                let run = try sandbox.run(screen)
                #expect(run.status == expected.status, "\(screen) on a full disk: \(run)")
                #expect(run.stdout == expected.stdout, "\(screen) on a full disk: \(run)")
                #expect(run.stderr == expected.stderr, "\(screen) on a full disk: \(run)")
            }
            let doctor = try sandbox.run("doctor")
            #expect(doctor.status == 0, "\(doctor)")
            #expect(
                doctor.stdout.contains(
                    "Access       read-only, as an unchanging file: the disk is full. Free some disk space and try again.\n"
                ),
                "\(doctor)")
            try FileManager.default.removeItem(atPath: folder + "/filler")
            guard try sandbox.remount(folder, "ro") else { return }
            defer { _ = try? sandbox.remount(folder, "rw") }
            for (screen, expected) in zip(screens, writable) {
                let run = try sandbox.run(screen)
                #expect(run.status == expected.status, "\(screen) on a read-only disk: \(run)")
                #expect(run.stdout == expected.stdout, "\(screen) on a read-only disk: \(run)")
                #expect(run.stderr == expected.stderr, "\(screen) on a read-only disk: \(run)")
            }
        }
    }

    /// A -wal that holds changes, with no -shm and none to be made, is said plainly (what, and what to
    /// do), never read past: the file alone would show the journal without those changes.
    @Test func aWriteAheadLogThatCannotBeReadIsSaidNotSkipped() throws {
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
            try #require((try FileManager.default.attributesOfItem(atPath: database + "-wal")[.size] as? Int ?? 0) > 0)
            try FileManager.default.removeItem(atPath: database + "-shm")
            guard try sandbox.remount(folder, "ro") else { return }
            let cause =
                "\(database)'s write-ahead log (journal.sqlite3-wal) holds changes not yet in the file, and "
                + "SQLite cannot make the journal.sqlite3-shm it needs to read them: "
            // A read-only mount is said as the mount, never as a folder to make writable.
            let readOnly =
                "the file system it is on is mounted read-only; nothing is shown rather than the journal without "
                + "those changes"
            let copy =
                ". No owner or mode can change that: remount it read-write, or copy journal.sqlite3 and "
                + "journal.sqlite3-wal together to a writable folder and pass the copy with --db.\n"
            for screen in ["check", "list"] {
                let run = try sandbox.run(screen)
                #expect(run.status == 77, "\(screen): \(run)")
                #expect(run.stdout == "", "\(screen): \(run)")
                #expect(run.stderr == "journal: " + cause + readOnly + copy, "\(screen): \(run)")
            }
            let log = try sandbox.run("log", "glute-bridge", "--pain-before", "2", "--pain-after", "5")
            #expect(log.status == 77, "\(log)")
            #expect(log.stderr == Self.stop + "journal: " + cause + readOnly + "; nothing was saved" + copy, "\(log)")
            guard try sandbox.remount(folder, "rw") else { return }
            try fill(folder)
            let full = "the disk is full; nothing is shown rather than the journal without those changes"
            let check = try sandbox.run("check")
            #expect(check.status == 74, "\(check)")
            #expect(check.stderr == "journal: " + cause + full + ". Free some disk space and try again.\n", "\(check)")
            let logged = try sandbox.run("log", "glute-bridge", "--pain-before", "2", "--pain-after", "5")
            #expect(logged.status == 74, "\(logged)")
            #expect(
                logged.stderr.hasPrefix(Self.stop + "journal: " + cause + full + "; nothing was saved."), "\(logged)")
            // With room again, the change in the log is read, and nothing else was written.
            try FileManager.default.removeItem(atPath: folder + "/filler")
            let list = try sandbox.run("list")
            #expect(list.status == 0, "\(list)")
            #expect(list.stdout.contains("in the log"), "\(list)")
            #expect(try sandbox.entryCount() == 1)
        }
    }

    /// `log` on a disk already full when it opens the journal: the STOP first, from the typed values
    /// and the journal read as an unchanging file, then the storage error; nothing is saved.
    @Test func logsStopShowsOnAFullDisk() throws {
        try sandbox.withSmallDisk { folder in
            sandbox.environment["JOURNAL_DB"] = folder + "/journal.sqlite3"
            try sandbox.log("bird-dog", "--pain-before", "2", "--pain-after", "2", "--at", "today 08:00")
            try fill(folder)
            let run = try sandbox.run("log", "glute-bridge", "--pain-before", "2", "--pain-after", "5")
            #expect(run.status == 74, "\(run)")
            #expect(
                run.stderr
                    == Self.stop + "journal: could not read or write \(folder)/journal.sqlite3: the disk is full; "
                    + "nothing was saved. Free some disk space and try again.\n", "\(run)")
            #expect(run.stdout == "", "\(run)")
            try FileManager.default.removeItem(atPath: folder + "/filler")
            #expect(try sandbox.entryCount() == 1)
        }
    }

    /// `session` on a full disk reads what is due and asks, then says STOP before the storage error.
    @Test func sessionsStopShowsOnAFullDisk() throws {
        try sandbox.withSmallDisk { folder in
            sandbox.environment["JOURNAL_DB"] = folder + "/journal.sqlite3"
            try sandbox.change("plan", "set", "glute-bridge", "--sets", "3", "--reps", "10", "--per-week", "7")
            try fill(folder)
            let run = try sandbox.run("session", "glute-bridge", stdin: "2\n\n5\n")
            #expect(run.status == 74, "\(run)")
            let stop = try #require(run.stderr.range(of: Self.stop), "\(run)")
            let error = try #require(run.stderr.range(of: "the disk is full; nothing was saved"), "\(run)")
            #expect(stop.upperBound <= error.lowerBound, "\(run)")
            try FileManager.default.removeItem(atPath: folder + "/filler")
            #expect(try sandbox.entryCount() == 0)
        }
    }

    @Test func theEmergencyAdviceShowsOnAReadOnlyDisk() throws {
        try sandbox.withSmallDisk { folder in
            sandbox.environment["JOURNAL_DB"] = folder + "/journal.sqlite3"
            try #require(try sandbox.run("checkin", "--pain", "2", "--at", "today 08:00").status == 0)
            let remount = try execute(try tool("mount"), ["-o", "remount,ro", folder])
            try #require(remount.status == 0, "\(remount)")
            let run = try sandbox.run("checkin", "--pain", "4", "--red-flag", "chest-pain")
            #expect(run.status == 77, "\(run)")
            #expect(Self.afterRegionNotice(run.stderr).hasPrefix(Self.emergency), "\(run)")
            // Told once: the refusal that follows does not tell it again.
            #expect(run.stderr.components(separatedBy: "!! URGENT").count == 2, "\(run)")
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
        try sandbox.withSmallDisk { folder in
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
