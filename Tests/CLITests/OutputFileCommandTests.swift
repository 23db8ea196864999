import Foundation
import Testing

/// `--output` (#15): a regular file is replaced whole and atomically, and only with --force; a FIFO
/// or a device is written into and never replaced; a folder is refused; a killed export leaves nothing.
@Suite struct OutputFileCommandTests {
    let sandbox = Sandbox()

    /// A folder of its own for the outputs, so that what else appears in it can be checked.
    var folder: String {
        let path = sandbox.directory + "/out"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func contents(of folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    func fileType(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
    }

    @Test func aFIFOGetsTheExactBytesAndStaysAFIFO() throws {
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3", "--note", "through a pipe")
        let expected = try sandbox.run("export").stdout
        let fifo = folder + "/fifo"
        try #require(mkfifo(fifo, 0o600) == 0)
        for force in [[], ["--force"]] {
            nonisolated(unsafe) var received = Data()
            let done = DispatchSemaphore(value: 0)
            Thread.detachNewThread {
                received = FileHandle(forReadingAtPath: fifo)?.readDataToEndOfFile() ?? Data()
                done.signal()
            }
            let run = try sandbox.run(["export", "--output", fifo] + force)
            // A FIFO replaced by a file leaves its reader waiting for a writer that never comes.
            let read = done.wait(timeout: .now() + 10) == .success
            #expect(read, "the FIFO's reader got nothing")
            #expect(run.status == 0, "\(run)")
            #expect(String(decoding: received, as: UTF8.self) == expected)
            #expect(fileType(fifo) == S_IFIFO)
        }
        #expect(try contents(of: folder) == ["fifo"])
    }

    @Test func devStdoutIsStandardOutputItself() throws {
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3")
        let expected = try sandbox.run("export").stdout
        let run = try sandbox.run("export", "--output", "/dev/stdout")
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout == expected)
        #expect(run.stderr == "Exported 1 entry to /dev/stdout.\n")
    }

    /// A device where every write fails with ENOSPC that a regressed journal may replace without
    /// harm: as root (who could replace /dev/full itself), a node of /dev/full's kind in the
    /// sandbox; otherwise /dev/full, whose folder only root can change.
    func fullDevice() throws -> String {
        var real = stat()
        try #require(stat("/dev/full", &real) == 0 && real.st_mode & S_IFMT == S_IFCHR, "/dev/full is not a device")
        guard geteuid() == 0 else { return "/dev/full" }
        let path = folder + "/full"
        try #require(mknod(path, S_IFCHR | 0o666, real.st_rdev) == 0, "mknod: \(String(cString: strerror(errno)))")
        return path
    }

    @Test(arguments: [["export"], ["report"]])
    func aDeviceIsWrittenIntoNeverReplaced(command: [String]) throws {
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3")
        let device = try fullDevice()
        let siblings = try contents(of: (device as NSString).deletingLastPathComponent)
        var before = stat()
        try #require(stat(device, &before) == 0)
        for force in [[], ["--force"]] {
            let run = try sandbox.run(command + ["--output", device] + force)
            #expect(run.status == 74, "\(run)")
            #expect(run.stderr == "journal: could not write to \(device): No space left on device.\n")
            var after = stat()
            try #require(stat(device, &after) == 0)
            #expect(after.st_mode & S_IFMT == S_IFCHR)
            #expect(after.st_rdev == before.st_rdev && after.st_ino == before.st_ino)
        }
        #expect(try contents(of: (device as NSString).deletingLastPathComponent) == siblings)
    }

    @Test func aFolderIsRefused() throws {
        for force in [[], ["--force"]] {
            let run = try sandbox.run(["export", "--output", folder] + force)
            #expect(run.status == 73, "\(run)")
            #expect(run.stderr == "journal: cannot write \(folder): it is a folder; nothing was written there.\n")
        }
        #expect(try contents(of: folder).isEmpty)
    }

    @Test func anExistingFileIsKeptWithoutForceAndReplacedWholeWithIt() throws {
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3")
        let path = folder + "/journal.csv"
        try "keep me\n".write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, 0o644)
        var before = stat()
        try #require(stat(path, &before) == 0)

        let refused = try sandbox.run("export", "--output", path)
        #expect(refused.status == 73, "\(refused)")
        #expect(
            refused.stderr
                == "journal: \(path) already exists; pass --force to replace it, or choose another --output.\n")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep me\n")

        let replaced = try sandbox.run("export", "--output", path, "--force")
        #expect(replaced.status == 0, "\(replaced)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == sandbox.run("export").stdout)
        var after = stat()
        try #require(stat(path, &after) == 0)
        // A new file renamed over the old one (never the old one rewritten in place), private.
        #expect(after.st_ino != before.st_ino)
        #expect(after.st_mode & 0o777 == 0o600)
        #expect(try contents(of: folder) == ["journal.csv"])
    }

    @Test func aNewFileIsPrivateAndAloneInItsFolder() throws {
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3")
        let path = folder + "/report.html"
        let run = try sandbox.run("report", "--format", "html", "--output", path)
        #expect(run.status == 0, "\(run)")
        var info = stat()
        try #require(stat(path, &info) == 0)
        #expect(info.st_mode & S_IFMT == S_IFREG && info.st_mode & 0o777 == 0o600)
        #expect(try contents(of: folder) == ["report.html"])
    }

    @Test func aKilledExportLeavesNothingBehind() throws {
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3")
        // 2,000 entries of 300 bytes: several 64 KiB blocks.
        _ = try sandbox.sql(
            """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
            INSERT INTO entries (uid, exercise_id, performed_at, utc_offset, sets, pain_before, pain_after, note,
                                 created_at, recorded)
            SELECT \(RecordSQL.uid(sql: "i")), 'bird-dog', 1700000000 + i, 0, 1, 3, 3,
                   printf('%.300c', 'x'), 1700000000 + i, \(RecordSQL.latestReading) FROM n
            """)
        let output = folder
        // Killed once it is writing: when its first block has reached the file (the stop point `output-writing`).
        let child = try Child(sandbox, ["export", "--output", output + "/all.csv"], stopAt: "output-writing")
        try #require(child.waitForStop(), "the export ended (\(child.wait())) before it wrote: \(child.stderr)")
        child.kill(SIGKILL)
        #expect(child.wait() == 128 + SIGKILL)
        #expect(try contents(of: output).isEmpty)
    }
}
