import Foundation
import Testing

/// How a run with its standard streams pointed at a file, a device or a pipe ended, and what it printed.
struct DetachedRun: CustomStringConvertible {
    var reason: Process.TerminationReason
    var status: Int32
    var stdout: String
    var stderr: String

    /// Ended by exiting with `status`, not by a signal (SIGILL 132, SIGPIPE 141).
    func exited(_ status: Int32) -> Bool { reason == .exit && self.status == status }

    var description: String {
        "\(reason == .exit ? "exit" : "signal") \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)"
    }
}

extension Sandbox {
    /// Runs `journal` with standard output, or standard error, going to `stdout` or `stderr` when
    /// given (a device, a pipe); what goes elsewhere is captured.
    func runDetached(_ arguments: [String], stdout: FileHandle? = nil, stderr: FileHandle? = nil) throws -> DetachedRun
    {
        let outPath = directory + "/captured-stdout-" + UUID().uuidString
        let errPath = directory + "/captured-stderr-" + UUID().uuidString
        FileManager.default.createFile(atPath: outPath, contents: nil)
        FileManager.default.createFile(atPath: errPath, contents: nil)
        defer {
            try? FileManager.default.removeItem(atPath: outPath)
            try? FileManager.default.removeItem(atPath: errPath)
        }
        let process = Process()
        process.executableURL = Sandbox.binary
        process.arguments = arguments
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try stdout ?? FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        process.standardError = try stderr ?? FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        try process.run()
        process.waitUntilExit()
        let read = { (path: String) in (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
        return DetachedRun(
            reason: process.terminationReason, status: process.terminationStatus, stdout: read(outPath),
            stderr: read(errPath))
    }

    /// The ids of the entries in the journal, smallest first.
    func entryIDs() throws -> [Int] {
        try sql("SELECT id FROM entries_with_ids ORDER BY id").split(separator: "\n").compactMap { Int($0) }
    }
}

/// A handle on /dev/full, where every write fails with ENOSPC.
func devFull() throws -> FileHandle {
    try #require(FileHandle(forWritingAtPath: "/dev/full"))
}

/// The write end of a pipe whose read end is already closed: every write fails with EPIPE.
func closedPipe() throws -> FileHandle {
    let pipe = Pipe()
    try pipe.fileHandleForReading.close()
    return pipe.fileHandleForWriting
}

/// Output that cannot be written (#15): a full or closed standard output is exit 74 with a message
/// that says whether the change was saved, never a crash after saving.
@Suite struct OutputFailureCommandTests {
    let sandbox = Sandbox()

    @Test func logToAFullStandardOutputSavesTheEntryAndSaysSo() throws {
        let run = try sandbox.runDetached(
            ["log", "bird-dog", "--pain-before", "3", "--pain-after", "3"], stdout: devFull())
        #expect(run.exited(74), "\(run)")
        #expect(
            run.stderr
                == "journal: could not write to standard output: No space left on device. "
                + "The entry was saved; `journal list` shows it.\n")
        #expect(try sandbox.entryCount() == 1)
    }

    @Test func undoToAFullStandardOutputUndoesExactlyOnce() throws {
        for pain in ["1", "2", "3"] { try sandbox.log("bird-dog", "--pain-before", pain, "--pain-after", pain) }
        try #require(try sandbox.run("delete", "1", "--yes").status == 0)
        try #require(try sandbox.run("delete", "2", "--yes").status == 0)
        #expect(try sandbox.entryIDs() == [3])
        let run = try sandbox.runDetached(["undo"], stdout: devFull())
        #expect(run.exited(74), "\(run)")
        #expect(
            run.stderr.hasPrefix(
                "journal: could not write to standard output: No space left on device. The undo was done;"))
        #expect(try sandbox.entryIDs() == [2, 3])
        // The next undo, with its output, reverses the change before: the first delete.
        let next = try sandbox.run("undo")
        #expect(next.status == 0, "\(next)")
        #expect(try sandbox.entryIDs() == [1, 2, 3])
        // Then the logs, newest first.
        #expect(
            try sandbox.run("undo").stdout
                == "Removed #3 bird-dog (1 set, pain 3 → 3, at 2026-11-25 12:00), logged just now.\n")
    }

    /// Undo of a plan, exercise or setting change names the command that shows what it put back (#26).
    @Test(arguments: [
        (
            ["plan", "set", "bird-dog", "--sets", "1", "--reps", "5", "--per-week", "3"],
            "`journal plan` shows the plan now"
        ),
        (["config", "set", "region", "GB"], "`journal config get region` shows it now"),
        (
            ["exercises", "add", "ktc", "--name", "KTC", "--category", "stretch"],
            "`journal exercises` shows your exercises now"
        ),
    ])
    func undoOfAPlanExerciseOrSettingToAFullStandardOutputNamesWhereToLook(change: [String], showing: String) throws {
        #expect(try sandbox.run(change).status == 0)
        let run = try sandbox.runDetached(["undo"], stdout: devFull())
        #expect(run.exited(74), "\(run)")
        #expect(
            run.stderr
                == "journal: could not write to standard output: No space left on device. The undo was done; "
                + "\(showing). Run `journal undo` again only to undo one more change.\n")
        #expect(try sandbox.sql("SELECT count(*) FROM changes WHERE undone = 0") == "0\n")
    }

    @Test(arguments: [["list", "--json"], ["check", "--json"], ["list"], ["report"], ["export"], ["--help"]])
    func aReadToAFullStandardOutputFailsPlainly(arguments: [String]) throws {
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3")
        let run = try sandbox.runDetached(arguments, stdout: devFull())
        #expect(run.exited(74), "\(run)")
        #expect(run.stderr == "journal: could not write to standard output: No space left on device.\n")
    }

    @Test func aClosedStandardOutputIsAnErrorNotASignal() throws {
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3")
        let list = try sandbox.runDetached(["list", "--json"], stdout: closedPipe())
        #expect(list.exited(74), "\(list)")
        #expect(list.stderr == "journal: could not write to standard output: Broken pipe.\n")
        let log = try sandbox.runDetached(
            ["log", "bird-dog", "--pain-before", "2", "--pain-after", "2"], stdout: closedPipe())
        #expect(log.exited(74), "\(log)")
        #expect(log.stderr.hasSuffix("Broken pipe. The entry was saved; `journal list` shows it.\n"))
        #expect(try sandbox.entryCount() == 2)
        let export = try sandbox.runDetached(["export"], stdout: closedPipe())
        #expect(export.exited(74), "\(export)")
    }

    @Test func everyWriteCommandSaysItsChangeWasSaved() throws {
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "5")
        let csv = sandbox.directory + "/in.csv"
        try
            ("id,performed_at,exercise,side,sets,reps,hold_seconds,pain_before,pain_after,pain_change,flagged,note\r\n"
            + ",2026-01-02T10:00:00+00:00,bird-dog,,1,,,2,2,0,false,\r\n")
            .write(toFile: csv, atomically: true, encoding: .utf8)
        let commands: [([String], String)] = [
            (["checkin", "--pain", "3"], "The check-in was saved"),
            (["edit", "1", "--pain-after", "4"], "The correction was saved"),
            (["plan", "set", "bird-dog", "--sets", "2", "--reps", "8", "--per-week", "3"], "The plan was saved"),
            (["resume", "bird-dog"], "The review was saved"),
            (["import", csv], "The import was saved"),
            (["delete", "1", "--yes"], "The entries were deleted"),
            (["backup"], "The backup was made: \(sandbox.directory)/journal-backup-"),
        ]
        for (arguments, saved) in commands {
            let run = try sandbox.runDetached(arguments, stdout: devFull())
            #expect(run.exited(74), "\(arguments): \(run)")
            #expect(run.stderr.contains("No space left on device. \(saved)"), "\(arguments): \(run)")
        }
        #expect(try sandbox.sql("SELECT count(*) FROM checkins") == "1\n")
        #expect(try sandbox.entryIDs() == [2])
    }

    @Test func aFullStandardErrorLosesOnlyTheMessages() throws {
        // Pain rose: the finding goes to standard error, which cannot be written.
        let run = try sandbox.runDetached(
            ["log", "bird-dog", "--pain-before", "3", "--pain-after", "6"], stderr: devFull())
        #expect(run.exited(0), "\(run)")
        #expect(run.stdout.hasPrefix("Logged #1 bird-dog"))
        let refused = try sandbox.runDetached(
            ["log", "nothing-like-it", "--pain-before", "3", "--pain-after", "3"], stderr: devFull())
        #expect(refused.exited(64), "\(refused)")
        let usage = try sandbox.runDetached(["log", "--no-such-option"], stderr: devFull())
        #expect(usage.exited(64), "\(usage)")
        #expect(try sandbox.entryCount() == 1)
    }
}
