import Foundation
import Testing

/// The binary under faults: a held lock, a read-only journal, a newer or older schema, damage, kill -9.
@Suite struct FaultCommandTests {
    let sandbox = Sandbox()

    @Test func aLockHeldByAnotherProgramMakesLogWaitThenFailWithNothingSaved() throws {
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3")
        let clock = ContinuousClock()
        let started = clock.now
        let run = try sandbox.whileLocked(busyTimeout: "1") {
            try sandbox.run("log", "glute-bridge", "--pain-before", "4", "--pain-after", "3")
        }
        let waited = clock.now - started
        #expect(run.status == 75, "\(run)")
        #expect(
            run.stderr
                == "journal: \(sandbox.database) stayed locked by another program for too long; nothing was saved. Try again in a moment.\n"
        )
        #expect(waited >= .seconds(1))
        #expect(try sandbox.entryCount() == 1)
        try sandbox.log("glute-bridge", "--pain-before", "4", "--pain-after", "3")
        #expect(try sandbox.entryCount() == 2)
    }

    @Test func aReadOnlyJournalCanBeReadButNotWritten() throws {
        // Root ignores file modes, so as root the binary runs as nobody, who owns the read-only files.
        let asOther = geteuid() == 0
        var runuser = ""
        var nobody = (uid: getuid(), gid: getgid())
        if asOther {
            guard let found = which("runuser") else {
                print("skipped aReadOnlyJournalCanBeReadButNotWritten: running as root, and runuser is not installed")
                return
            }
            guard let account = getpwnam("nobody") else {
                print("skipped aReadOnlyJournalCanBeReadButNotWritten: running as root, and there is no user nobody")
                return
            }
            runuser = found
            nobody = (account.pointee.pw_uid, account.pointee.pw_gid)
        }
        // The build folder may sit in a checkout only its owner can enter: nobody runs a copy of the
        // binary from a fresh folder that everyone can enter, and reads the journal there.
        guard let shared = try makeFolderEveryoneCanEnter() else {
            print("skipped aReadOnlyJournalCanBeReadButNotWritten: no temporary folder that every user can enter")
            return
        }
        defer { try? FileManager.default.removeItem(atPath: shared) }
        let binary = shared + "/journal"
        try copyBinary(to: binary)
        #expect(chmod(binary, 0o755) == 0)
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3", "--note", "read me")
        let folder = shared + "/ro"
        let path = folder + "/journal.sqlite3"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        try FileManager.default.copyItem(atPath: sandbox.database, toPath: path)
        if asOther {
            #expect(chown(folder, nobody.uid, nobody.gid) == 0)
            #expect(chown(path, nobody.uid, nobody.gid) == 0)
        }
        #expect(chmod(path, 0o400) == 0)
        #expect(chmod(folder, 0o500) == 0)
        defer { chmod(folder, 0o700) }
        func runAs(_ arguments: String...) throws -> Run {
            let command = [binary] + arguments + ["--db", path]
            return asOther
                ? try execute(runuser, ["-u", "nobody", "--"] + command, environment: sandbox.environment)
                : try execute(binary, Array(command.dropFirst()), environment: sandbox.environment)
        }
        let list = try runAs("list")
        #expect(list.status == 0, "\(list)")
        #expect(list.stdout.contains("read me"))
        let report = try runAs("report", "--json")
        #expect(report.status == 0, "\(report)")
        let export = try runAs("export")
        #expect(export.status == 0, "\(export)")
        #expect(
            export.stdout
                == "id,performed_at,exercise,side,sets,reps,hold_seconds,pain_before,pain_after,pain_change,flagged,note\r\n"
                + "1,2026-11-25T12:00:00+00:00,bird-dog,,1,,,3,3,0,false,read me\r\n")
        let write = try runAs("log", "bird-dog", "--pain-before", "1", "--pain-after", "1")
        #expect(write.status == 77, "\(write)")
        #expect(write.stderr == ReadOnlyModeCommandTests.refused(path, mode: "0400"), "\(write)")
        // doctor says why it is read-only, and what to do, in the words the refused write used.
        let doctor = try runAs("doctor")
        #expect(doctor.status == 0, "\(doctor)")
        #expect(
            doctor.stdout.contains(
                ": neither the file nor its folder is writable by you. Check the file's owner and mode (it should be "
                    + "0600 and yours), and the folder's (it should be yours and writable).\n"), "\(doctor)")
        #expect(doctor.stdout.contains("\nAccess       read-only"), "\(doctor)")
    }

    /// A -wal and -shm left 0400 by a read are made writable with the journal, never more.
    ///
    /// Reading a read-only journal (0400) leaves its -wal and -shm 0400; once the journal is made
    /// writable again, the next write makes them 0600 and saves (it failed with 77 before), saying
    /// so, and `journal doctor` names such files and what it did. Nothing else is made more open.
    @Test func sideFilesLeftReadOnlyByAReadAreMadeWritableWithTheJournal() throws {
        // Root ignores file modes, so as root the binary runs as nobody, who owns the journal's files.
        let asOther = geteuid() == 0
        var runuser = ""
        var nobody = (uid: getuid(), gid: getgid())
        if asOther {
            guard let found = which("runuser"), let account = getpwnam("nobody") else {
                print(
                    "skipped sideFilesLeftReadOnlyByAReadAreMadeWritableWithTheJournal: root, without runuser or nobody"
                )
                return
            }
            runuser = found
            nobody = (account.pointee.pw_uid, account.pointee.pw_gid)
        }
        guard let shared = try makeFolderEveryoneCanEnter() else {
            print("skipped sideFilesLeftReadOnlyByAReadAreMadeWritableWithTheJournal: no folder every user can enter")
            return
        }
        defer { try? FileManager.default.removeItem(atPath: shared) }
        let binary = shared + "/journal"
        try copyBinary(to: binary)
        #expect(chmod(binary, 0o755) == 0)
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3")
        let folder = shared + "/mine"
        let path = folder + "/journal.sqlite3"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        try FileManager.default.copyItem(atPath: sandbox.database, toPath: path)
        #expect(chown(folder, nobody.uid, nobody.gid) == 0)
        #expect(chown(path, nobody.uid, nobody.gid) == 0)
        #expect(chmod(folder, 0o700) == 0)
        func runAs(_ arguments: String...) throws -> Run {
            let command = [binary] + arguments + ["--db", path]
            return asOther
                ? try execute(runuser, ["-u", "nobody", "--"] + command, environment: sandbox.environment)
                : try execute(binary, Array(command.dropFirst()), environment: sandbox.environment)
        }
        func mode(_ file: String) -> Int {
            var info = stat()
            return lstat(file, &info) == 0 ? Int(info.st_mode) & 0o777 : -1
        }
        func readWhileReadOnly() throws {
            #expect(chmod(path, 0o400) == 0)
            let list = try runAs("list")
            #expect(list.status == 0, "\(list)")
            #expect(mode(path + "-wal") == 0o400)
            #expect(mode(path + "-shm") == 0o400)
            #expect(chmod(path, 0o600) == 0)
        }
        let madeWritable = [path + "-wal", path + "-shm"].map {
            "journal: made \($0) writable again (400 → 600): it could not be written though the journal can "
                + "(reading the journal while it was read-only leaves it so), so every change would have failed.\n"
        }.joined()

        try readWhileReadOnly()
        let write = try runAs("log", "bird-dog", "--pain-before", "2", "--pain-after", "2")
        #expect(write.status == 0, "\(write)")
        #expect(write.stderr == madeWritable)
        #expect(try sandbox.sql("SELECT count(*) FROM entries") == "1\n")
        #expect(try execute(try tool("sqlite3"), [path, "SELECT count(*) FROM entries"]).stdout == "2\n")
        // Closed, the journal takes its -wal and -shm away; any left are private and writable.
        #expect(mode(path) == 0o600)
        #expect([mode(path + "-wal"), mode(path + "-shm")].allSatisfy { [-1, 0o600].contains($0) })

        try readWhileReadOnly()
        let doctor = try runAs("doctor")
        #expect(doctor.status == 0, "\(doctor)")
        #expect(doctor.stdout.contains("Permissions  journal.sqlite3-wal tightened from 0400 to 0600; "))
        #expect(
            doctor.stderr
                == [path + "-wal", path + "-shm"].map {
                    "journal: \($0) could not be written though the journal can (reading the journal while it was "
                        + "read-only leaves it so), so every change would have failed; its mode is now 0600.\n"
                }.joined())
        // Closed, the journal takes its -wal and -shm away; any left are private and writable.
        #expect(mode(path) == 0o600)
        #expect([mode(path + "-wal"), mode(path + "-shm")].allSatisfy { [-1, 0o600].contains($0) })

        // A journal still read-only leaves them as they are: nothing is made more open than the journal.
        #expect(chmod(path, 0o400) == 0)
        #expect(try runAs("list").status == 0)
        #expect(try runAs("log", "bird-dog", "--pain-before", "2", "--pain-after", "2").status == 77)
        #expect(try runAs("doctor").stderr == "")
        #expect([mode(path), mode(path + "-wal"), mode(path + "-shm")] == [0o400, 0o400, 0o400] as [Int])
    }

    @Test func aJournalFromANewerVersionIsReadButNotWritten() throws {
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3")
        _ = try sandbox.sql("INSERT INTO grdb_migrations VALUES ('v99-from-the-future')")
        #expect(try sandbox.run("list").status == 0)
        let run = try sandbox.run("log", "bird-dog", "--pain-before", "3", "--pain-after", "3")
        #expect(run.status == 65)
        #expect(
            run.stderr
                == "journal: \(sandbox.database) was written by a newer version of journal; update journal to use it. It was left unchanged.\n"
        )
        #expect(try sandbox.entryCount() == 1)
    }

    /// schema.sql's sections before the one named `section`, as one argument sqlite3 runs: a journal
    /// of the version before it, its objects and its record of migrations (`grdb_migrations`) as that
    /// version's journal leaves them, without its rows.
    static func schema(before section: String) throws -> String {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/Journal/Storage/schema.sql")
        let text = try String(contentsOf: path, encoding: .utf8)
        let parts = text.components(separatedBy: "\n-- migration: \(section)\n")
        try #require(parts.count == 2, "no section \(section) in \(path.path)")
        let earlier = parts[0]
        let names = earlier.split(separator: "\n").filter { $0.hasPrefix("-- migration: ") }
            .map { "('\($0.dropFirst("-- migration: ".count))')" }
        // BEGIN first: sqlite3 takes an argument that starts with "-" (schema.sql's comment) for an option.
        return "BEGIN;\n" + earlier + "\nCREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);\n"
            + "INSERT INTO grdb_migrations VALUES \(names.joined(separator: ", "));\nCOMMIT;\n"
            // As v1-schema sets it, which a transaction leaves unset.
            + "PRAGMA application_id = 1246907980;\n"
    }

    @Test func anOldJournalIsUpgradedWithACopyKeptAndSaidSo() throws {
        // A journal of the version before v23-outside-ids: its objects and its record, as that version left them,
        // made by sqlite3 from schema.sql (one of today cannot be taken back: v26-record-ids rebuilt its tables).
        _ = try sandbox.sql(
            try Self.schema(before: "v23-outside-ids")
                + "INSERT INTO entries (exercise_id, performed_at, utc_offset, sets, pain_before, pain_after, note, "
                + "created_at) VALUES ('bird-dog', 1795000000, 0, 1, 3, 3, 'old', 1795000000);")
        chmod(sandbox.database, 0o600)  // As journal makes it.
        let run = try sandbox.run("checkin", "--pain", "2")
        #expect(run.status == 0, "\(run)")
        #expect(
            run.stderr.hasPrefix(
                "journal: upgraded \(sandbox.database) to this version; the file as it was is kept at \(sandbox.database).before-v23-outside-ids-"
            ))
        #expect(try sandbox.sql("SELECT note FROM entries") == "old\n")
        let copies = try FileManager.default.contentsOfDirectory(atPath: sandbox.directory).filter {
            $0.contains(".before-v23-outside-ids-")
        }
        #expect(copies.count == 1)
    }

    @Test func doctorReportsHealthTightensModesAndNamesTheRescueForDamage() throws {
        #expect(try sandbox.run("doctor").status == 66)
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3")
        chmod(sandbox.database, 0o644)
        let run = try sandbox.run("doctor")
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.contains("Contents     1 entry, 0 check-ins"))
        #expect(run.stdout.contains("Integrity    ok (quick_check)"))
        #expect(run.stderr == "journal: \(sandbox.database) could be read by others; its mode is now 0600.\n")
        #expect(try FileManager.default.attributesOfItem(atPath: sandbox.database)[.posixPermissions] as? Int == 0o600)
        #expect(
            try sandbox.run("doctor", "--full", "--json").stdout.contains("\"integrity_check\" : \"integrity_check\""))

        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: sandbox.database))
        try handle.truncate(atOffset: 4096 * 2)
        try handle.close()
        let damaged = try sandbox.run("doctor")
        #expect(damaged.status == 65, "\(damaged)")
        #expect(damaged.stderr.contains("`sqlite3 \(sandbox.database) .recover`"))
        #expect(try sandbox.run("list").status == 65)
        #expect(try sandbox.run("log", "bird-dog", "--pain-before", "3", "--pain-after", "3").status == 65)
    }

    @Test func backupWritesAPrivateCopyAndNeverOverwrites() throws {
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3", "--note", "backed up")
        let path = sandbox.directory + "/copy.sqlite3"
        let run = try sandbox.run("backup", path)
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout == path + "\n")
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600)
        #expect(try sandbox.run("list", "--db", path).stdout.contains("backed up"))
        let again = try sandbox.run("backup", path)
        #expect(again.status == 73)
        let automatic = try sandbox.run("backup")
        #expect(automatic.status == 0)
        #expect(automatic.stdout.hasPrefix(sandbox.directory + "/journal-backup-"))
    }

    /// Ctrl-C, Ctrl-\, `kill` or a closed terminal once an import into a journal has written every
    /// row, before the commit (the stop point `import-written`): the import ends by the signal with
    /// 128 + its number, saying nothing (no crash report for SIGQUIT), and the journal holds what
    /// it held; the same import then runs whole.
    @Test(arguments: [SIGINT, SIGTERM, SIGHUP, SIGQUIT])
    func anImportStoppedBySignalSavesNothing(signal: Int32) throws {
        try sandbox.log("glute-bridge", "--pain-before", "4", "--pain-after", "3")
        let csv = sandbox.directory + "/rows.csv"
        let text =
            "id,performed_at,exercise,side,sets,reps,hold_seconds,pain_before,pain_after,pain_change,flagged,note\r\n"
            + ",2026-11-10T07:10:00Z,bird-dog,left,1,10,,3,2,,,\r\n"
            + ",2026-11-11T07:10:00Z,bird-dog,right,1,10,,3,2,,,\r\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: csv))
        let child = try Child(sandbox, ["import", csv], stopAt: "import-written")
        try #require(child.waitForStop(), "the import ended (\(child.wait())) before its stop point: \(child.stderr)")
        child.kill(signal)
        child.resume()
        #expect(child.wait() == 128 + signal, "\(child.stderr)")
        #expect(child.stderr == "")
        #expect(child.stdout == "")
        #expect(try sandbox.entryCount() == 1)
        #expect(try sandbox.sql("PRAGMA integrity_check") == "ok\n")
        let again = try sandbox.run("import", csv)
        #expect(again.status == 0, "\(again)")
        #expect(try sandbox.entryCount() == 3)
    }

    @Test func killingAnImportAtAnyMomentLeavesAllOrNothing() throws {
        let rows = 20_000
        let csv = sandbox.directory + "/big.csv"
        var text =
            "id,performed_at,exercise,side,sets,reps,hold_seconds,pain_before,pain_after,pain_change,flagged,note\r\n"
        text.reserveCapacity(rows * 80)
        for index in 1...rows {
            let day = 1 + index % 28
            text +=
                "\(index + 1),2026-10-\(day < 10 ? "0" : "")\(day)T07:\(10 + index % 50):00+01:00,bird-dog,,2,\(index % 500 + 1),,3,2,-1,false,row \(index)\r\n"
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: csv))
        try sandbox.log("glute-bridge", "--pain-before", "4", "--pain-after", "3")
        // Every import starts from this one-entry journal, so each can end with all or with nothing.
        let before = sandbox.directory + "/before.sqlite3"
        try FileManager.default.copyItem(atPath: sandbox.database, toPath: before)
        func reset() throws {
            for suffix in ["", "-wal", "-shm", "-journal"] {
                try? FileManager.default.removeItem(atPath: sandbox.database + suffix)
            }
            try FileManager.default.copyItem(atPath: before, toPath: sandbox.database)
        }

        // One whole import.
        try reset()
        let whole = try sandbox.run("import", csv)
        #expect(whole.status == 0, "\(whole)")
        #expect(whole.stdout == "Imported 20000 entries; skipped 0 already in the journal.\n")
        #expect(try sandbox.entryCount() == rows + 1)
        #expect(try sandbox.sql("SELECT count(DISTINCT id) FROM entries_with_ids") == "20001\n")

        // kill -9 once every row is written and before the commit (the stop point `import-written`):
        // nothing of the import is saved, and the journal is whole.
        try reset()
        let child = try Child(sandbox, ["import", csv], stopAt: "import-written")
        try #require(child.waitForStop(), "the import ended (\(child.wait())) before its stop point: \(child.stderr)")
        child.kill(SIGKILL)
        #expect(child.wait() == 128 + SIGKILL)
        #expect(try sandbox.entryCount() == 1)
        #expect(try sandbox.sql("PRAGMA integrity_check") == "ok\n")
        // The same import then runs whole.
        #expect(try sandbox.run("import", csv).status == 0)
        #expect(try sandbox.entryCount() == rows + 1)
    }
}

/// Makes a new folder, mode 0755, under `$TMPDIR` or else /tmp, whichever every user can reach;
/// `nil` when neither can be.
func makeFolderEveryoneCanEnter() throws -> String? {
    let bases = [NSTemporaryDirectory(), "/tmp"].map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }
    guard let base = bases.first(where: everyoneCanEnter) else { return nil }
    let path = base + "/journal-shared-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
    // Set the mode outright: a careful user's umask (077) takes away the others' bits.
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
    return path
}

/// A copy of the built binary at `path`, mode 0755, written through a descriptor that is closed on
/// exec: other tests spawn children all the time, and a child that inherited a descriptor open for
/// writing on the copy would make running it fail with "Text file busy" for as long as it lives.
func copyBinary(to path: String) throws {
    let data = try Data(contentsOf: Sandbox.binary)
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o755)
    guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    defer { close(descriptor) }
    try data.withUnsafeBytes { bytes in
        guard let start = bytes.baseAddress else { return }
        var written = 0
        while written < bytes.count {
            let count = write(descriptor, start + written, bytes.count - written)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            written += count
        }
    }
    guard fchmod(descriptor, 0o755) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
}

/// Whether `folder` and every folder above it let others search them.
func everyoneCanEnter(_ folder: String) -> Bool {
    var url = URL(fileURLWithPath: folder)
    while true {
        guard let mode = try? FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int,
            mode & 0o001 != 0
        else { return false }
        if url.path == "/" { return true }
        url.deleteLastPathComponent()
    }
}
