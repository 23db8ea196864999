import Foundation
import Testing

/// The binary under faults: a held lock, a read-only journal, a newer or older schema, damage, kill -9.
@Suite struct FaultCommandTests {
    let sandbox = Sandbox()

    /// Runs a shell command and returns its exit status.
    @discardableResult
    func shell(_ script: String) throws -> Int32 {
        var environment = sandbox.environment
        environment["JOURNAL"] = Sandbox.binary.path
        return try execute("/bin/sh", ["-c", script], environment: environment).status
    }

    @Test func aLockHeldByAnotherProgramMakesLogWaitThenFailWithNothingSaved() throws {
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3")
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        holder.arguments = [sandbox.database]
        let input = Pipe()
        holder.standardInput = input
        holder.standardOutput = FileHandle.nullDevice
        try holder.run()
        input.fileHandleForWriting.write(Data("BEGIN IMMEDIATE;\nSELECT 1;\n".utf8))
        Thread.sleep(forTimeInterval: 0.5)
        sandbox.environment["JOURNAL_BUSY_TIMEOUT"] = "1"
        let started = Date()
        let run = try sandbox.run("log", "glute-bridge", "--pain-before", "4", "--pain-after", "3")
        let waited = Date().timeIntervalSince(started)
        input.fileHandleForWriting.write(Data("ROLLBACK;\n.quit\n".utf8))
        try input.fileHandleForWriting.close()
        holder.waitUntilExit()
        #expect(run.status == 75, "\(run)")
        #expect(
            run.stderr
                == "journal: \(sandbox.database) stayed locked by another program for too long; nothing was saved. Try again in a moment.\n"
        )
        #expect(waited >= 1)
        #expect(try sandbox.entryCount() == 1)
        try sandbox.log("glute-bridge", "--pain-before", "4", "--pain-after", "3")
        #expect(try sandbox.entryCount() == 2)
    }

    @Test func aReadOnlyJournalCanBeReadButNotWritten() throws {
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3", "--note", "read me")
        let folder = sandbox.directory + "/ro"
        let path = folder + "/journal.sqlite3"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: sandbox.database, toPath: path)
        // Root ignores file modes, so run the binary as nobody, who owns the now read-only files.
        let asOther = geteuid() == 0
        if asOther { try shell("chown -R nobody '\(folder)'") }
        chmod(path, 0o400)
        chmod(folder, 0o500)
        defer { chmod(folder, 0o700) }
        let prefix = asOther ? ["/usr/sbin/runuser", "-u", "nobody", "--", Sandbox.binary.path] : [Sandbox.binary.path]
        func runAs(_ arguments: String...) throws -> Run {
            try execute(
                prefix[0], Array(prefix.dropFirst()) + arguments + ["--db", path], environment: sandbox.environment)
        }
        let list = try runAs("list")
        #expect(list.status == 0, "\(list)")
        #expect(list.stdout.contains("read me"))
        #expect(try runAs("report", "--json").status == 0)
        #expect(try runAs("export").stdout.contains("read me"))
        let write = try runAs("log", "bird-dog", "--pain-before", "1", "--pain-after", "1")
        #expect(write.status == 77, "\(write)")
        #expect(write.stderr.hasPrefix("journal: permission denied for \(path); nothing was saved."))
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

    @Test func anOldJournalIsUpgradedWithACopyKeptAndSaidSo() throws {
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3", "--note", "old")
        _ = try sandbox.sql(
            "DROP TABLE checkin_red_flags; DROP TABLE checkins; DELETE FROM grdb_migrations WHERE identifier = 'v2-checkins';"
        )
        let run = try sandbox.run("checkin", "--pain", "2")
        #expect(run.status == 0, "\(run)")
        #expect(
            run.stderr.hasPrefix(
                "journal: upgraded \(sandbox.database) to this version; the file as it was is kept at \(sandbox.database).before-v2-checkins-"
            ))
        #expect(try sandbox.sql("SELECT note FROM entries") == "old\n")
        let copies = try FileManager.default.contentsOfDirectory(atPath: sandbox.directory).filter {
            $0.contains(".before-v2-checkins-")
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

    @Test func killingAnImportAtAnyMomentLeavesAllOrNothing() throws {
        let csv = sandbox.directory + "/big.csv"
        var text =
            "id,performed_at,exercise,side,sets,reps,hold_seconds,pain_before,pain_after,pain_change,flagged,note\r\n"
        text.reserveCapacity(8_000_000)
        for index in 1...100_000 {
            let day = 1 + index % 28
            text +=
                "\(index + 1),2026-10-\(day < 10 ? "0" : "")\(day)T07:\(10 + index % 50):00+01:00,bird-dog,,2,\(index % 500 + 1),,3,2,-1,false,row \(index)\r\n"
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: csv))
        try sandbox.log("glute-bridge", "--pain-before", "4", "--pain-after", "3")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<10 {
            let delay = Double.random(in: 0.05...1.5, using: &generator)
            try shell(
                "\"$JOURNAL\" import '\(csv)' >/dev/null 2>&1 & pid=$!; sleep \(delay); kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null; true"
            )
            let count = try sandbox.entryCount()
            #expect(count == 1 || count == 100_001, "found \(count) entries after kill -9")
            #expect(try sandbox.sql("PRAGMA integrity_check") == "ok\n")
        }
        let final = try sandbox.run("import", csv)
        #expect(final.status == 0, "\(final)")
        #expect(try sandbox.entryCount() == 100_001)
        #expect(try sandbox.sql("SELECT count(DISTINCT id) FROM entries") == "100001\n")
    }
}
