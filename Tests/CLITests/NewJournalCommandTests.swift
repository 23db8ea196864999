import Foundation
import Testing

/// The first change to a journal that does not exist yet creates it only when it succeeds: an
/// import stopped by Ctrl-C or `kill` leaves no journal, no half-made file and no folder.
@Suite struct NewJournalCommandTests {
    let sandbox = Sandbox()

    /// A CSV of `count` entries, which takes a while to import.
    func largeCSV(_ count: Int) throws -> String {
        let path = sandbox.directory + "/large.csv"
        var text =
            "id,performed_at,exercise,side,sets,reps,hold_seconds,pain_before,pain_after,pain_change,flagged,note\r\n"
        text.reserveCapacity(count * 60)
        for index in 0..<count {
            text += ",2026-11-\(10 + index % 10)T07:\(10 + index % 50):00Z,bird-dog,left,1,10,,3,2,,,\r\n"
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Starts the binary as a shell would, with no signal blocked or ignored (this test process's
    /// threads block most), its output going nowhere; returns its process id.
    func start(_ arguments: [String], executable: String = Sandbox.binary.path) throws -> pid_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] {
            posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", O_RDWR, 0)
        }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = sandbox.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for string in argv + envp { free(string) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        try #require(result == 0, "posix_spawn: \(String(cString: strerror(result)))")
        return pid
    }

    @Test(arguments: [SIGINT, SIGTERM, SIGHUP])
    func anImportStoppedBySignalLeavesNothing(signal: Int32) throws {
        let input = try largeCSV(200_000)
        let folder = sandbox.directory + "/new"
        let pid = try start(["import", input, "--db", folder + "/journal.sqlite3"])
        // Wait for the journal being made to appear, then stop the import.
        var status: Int32 = 0
        var ended = false
        var seen = false
        while !seen, !ended {
            ended = waitpid(pid, &status, WNOHANG) == pid
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            seen = names.contains { $0.hasPrefix(".journal-new-") }
            if !seen { usleep(1000) }
        }
        if !ended {
            kill(pid, signal)
            waitpid(pid, &status, 0)
        }
        try #require(seen, "the import ended (status \(status)) before it could be stopped")
        #expect(status & 0x7F == signal, "the import did not end by the signal: status \(status)")
        #expect(!FileManager.default.fileExists(atPath: folder))
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.directory) == ["large.csv"])
    }

    /// Waits for the journal being made in `folder` to appear; `false` when the process `pid` ended first.
    func waitForTheJournalBeingMade(in folder: String, by pid: pid_t, status: inout Int32) -> Bool {
        while waitpid(pid, &status, WNOHANG) != pid {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            if names.contains(where: { $0.hasPrefix(".journal-new-") }) { return true }
            usleep(1000)
        }
        return false
    }

    /// Under `nohup`, SIGHUP is ignored: the import carries on through it and the journal is made.
    @Test func anImportIgnoringSIGHUPCarriesOnThroughIt() throws {
        let input = try largeCSV(50_000)
        let folder = sandbox.directory + "/new"
        let sh = try tool("sh")
        let pid = try start(
            [
                "-c", "trap '' HUP; exec \"$0\" import \"$1\" --db \"$2\"", Sandbox.binary.path, input,
                folder + "/journal.sqlite3",
            ],
            executable: sh)
        var status: Int32 = 0
        let seen = waitForTheJournalBeingMade(in: folder, by: pid, status: &status)
        if seen {
            kill(pid, SIGHUP)
            waitpid(pid, &status, 0)
        }
        try #require(seen, "the import ended (status \(status)) before it could be sent SIGHUP")
        #expect(status == 0, "status \(status)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["journal.sqlite3"])
        sandbox.environment["JOURNAL_DB"] = folder + "/journal.sqlite3"
        #expect(try sandbox.entryCount() == 50_000)
    }
}
