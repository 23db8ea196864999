import Foundation
import Testing

/// What one run of the `journal` binary printed and how it exited.
struct Run: CustomStringConvertible {
    var status: Int32
    var stdout: String
    var stderr: String

    var description: String { "exit \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }
}

/// The path of the program `name` as a shell would find it, or `nil` when there is none.
///
/// Searches the absolute folders of this test process's `PATH` in order, then `/usr/sbin` and
/// `/sbin`, where tools such as `runuser` live though a user's `PATH` often leaves them out.
func which(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    let folders = path.split(separator: ":").map(String.init).filter { $0.hasPrefix("/") } + ["/usr/sbin", "/sbin"]
    for folder in folders {
        let candidate = folder + "/" + name
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
            FileManager.default.isExecutableFile(atPath: candidate)
        {
            return candidate
        }
    }
    return nil
}

/// The path of a program the test cannot do without; records an issue and throws when it is missing.
func tool(_ name: String) throws -> String {
    try #require(which(name), "\(name) is not on PATH (\(ProcessInfo.processInfo.environment["PATH"] ?? ""))")
}

/// The path of a program that `.ci/run` installs, or `nil` after printing why `test` is skipped
/// without it; under CI, where it must be present, its absence is also a failure.
func installedByCI(_ name: String, for test: String = #function) -> String? {
    if let found = which(name) { return found }
    if ProcessInfo.processInfo.environment["CI"] != nil {
        Issue.record("CI lacks \(name), which .ci/run installs")
    } else {
        print("skipped \(test): \(name) is not on PATH")
    }
    return nil
}

/// Runs a program to its end with `stdin` (or nothing) as its input; `environment` `nil` inherits ours.
///
/// Standard input is written on a thread of its own while standard output and standard error are
/// drained, so neither side waits on a full pipe whatever the sizes.
func execute(
    _ executable: String, _ arguments: [String], environment: [String: String]? = nil, stdin: String? = nil
) throws -> Run {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let environment { process.environment = environment }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let input = stdin.map { _ in Pipe() }
    process.standardInput = input ?? FileHandle.nullDevice
    try process.run()
    let written = DispatchSemaphore(value: 0)
    if let input, let stdin {
        let writer = Thread {
            // A program that exits before reading all its input makes the write fail with EPIPE;
            // SIGPIPE, blocked on this thread only, must not end the test process.
            var pipeSignal = sigset_t()
            sigemptyset(&pipeSignal)
            sigaddset(&pipeSignal, SIGPIPE)
            pthread_sigmask(SIG_BLOCK, &pipeSignal, nil)
            try? input.fileHandleForWriting.write(contentsOf: Data(stdin.utf8))
            try? input.fileHandleForWriting.close()
            written.signal()
        }
        writer.start()
    } else {
        written.signal()
    }
    // Drain stderr alongside stdout, so a chatty program cannot fill one pipe and stall.
    nonisolated(unsafe) var stderrData = Data()
    let drained = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
        stderrData = err.fileHandleForReading.readDataToEndOfFile()
        drained.signal()
    }
    let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
    drained.wait()
    process.waitUntilExit()
    written.wait()
    return Run(
        status: process.terminationStatus,
        stdout: String(decoding: stdoutData, as: UTF8.self),
        stderr: String(decoding: stderrData, as: UTF8.self))
}

/// A temporary home for one test: its own journal file, environment, clock zone and moment.
final class Sandbox {
    /// Today for every command run in a sandbox: after every date the tests log, so "today",
    /// "yesterday" and the default report week are the same days wherever and whenever tests run.
    static let today = "2026-11-25"

    let directory: String
    var environment: [String: String]

    init(timeZone: String = "Europe/London") {
        directory = NSTemporaryDirectory() + "journal-cli-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        environment = [
            "HOME": directory + "/home",
            "JOURNAL_DB": directory + "/journal.sqlite3",
            "JOURNAL_NOW": Self.noonToday(in: timeZone),
            "TZ": timeZone,
            "PATH": Self.path,
            // The UK's words for advice (issue #27's region from the locale), whatever the machine's locale.
            "LANG": "en_GB.UTF-8",
        ]
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    /// `$JOURNAL_NOW` for a sandbox in `timeZone`: noon on ``today`` on that zone's clock, with its offset.
    static func noonToday(in timeZone: String) -> String {
        // 2026-11-25T12:00:00Z: no zone the tests use changes its offset within a day of it.
        let noonUTC = Date(timeIntervalSince1970: 1_795_608_000)
        let seconds = TimeZone(identifier: timeZone)?.secondsFromGMT(for: noonUTC) ?? 0
        let sign = seconds < 0 ? "-" : "+"
        let minutes = abs(seconds) / 60
        return "\(today)T12:00:00" + sign + String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }

    /// `$PATH` for the binary and the tests' shell scripts: only the folders that hold what the scripts
    /// call (`sh`, `seq`), found on this process's `PATH`; the binary itself runs nothing.
    static let path: String = {
        var folders: [String] = []
        for name in ["sh", "seq"] {
            guard let found = which(name) else { continue }
            let folder = URL(fileURLWithPath: found).deletingLastPathComponent().path
            if !folders.contains(folder) { folders.append(folder) }
        }
        return folders.isEmpty ? "/usr/bin:/bin" : folders.joined(separator: ":")
    }()

    var database: String { environment["JOURNAL_DB"] ?? "" }

    /// Runs `journal` with `arguments` and waits for it.
    @discardableResult
    func run(_ arguments: String..., stdin: String? = nil) throws -> Run {
        try run(arguments, stdin: stdin)
    }

    func run(_ arguments: [String], stdin: String? = nil) throws -> Run {
        try execute(Self.binary.path, arguments, environment: environment, stdin: stdin)
    }

    /// Runs `journal` with `arguments` and requires it to succeed: a change a test makes before
    /// what it checks.
    func change(_ arguments: String..., stdin: String? = nil) throws {
        let run = try run(arguments, stdin: stdin)
        try #require(run.status == 0, "\(arguments): \(run)")
    }

    /// Runs `journal log` and requires it to succeed.
    @discardableResult
    func log(_ arguments: String..., stdin: String? = nil) throws -> Run {
        let run = try run(["log"] + arguments, stdin: stdin)
        try #require(run.status == 0, "\(run)")
        return run
    }

    /// Runs a shell script with the sandbox's environment, `$JOURNAL` naming the binary; returns its exit status.
    @discardableResult
    func shell(_ script: String) throws -> Int32 {
        var environment = environment
        environment["JOURNAL"] = Self.binary.path
        return try execute(try tool("sh"), ["-c", script], environment: environment).status
    }

    /// Runs `body` while another program holds the journal's write lock.
    ///
    /// The holder is a child `sqlite3` in `BEGIN IMMEDIATE` (or `EXCLUSIVE`), which answers a SELECT
    /// only once it holds the lock, and rolls back after `body`; `JOURNAL_BUSY_TIMEOUT` is
    /// `busyTimeout` meanwhile.
    func whileLocked<T>(_ mode: String = "IMMEDIATE", busyTimeout: String, _ body: () throws -> T) throws -> T {
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: try tool("sqlite3"))
        holder.arguments = [database]
        let input = Pipe()
        let output = Pipe()
        holder.standardInput = input
        holder.standardOutput = output
        try holder.run()
        input.fileHandleForWriting.write(Data("BEGIN \(mode);\nSELECT 'locked';\n".utf8))
        var answer = Data()
        while !String(decoding: answer, as: UTF8.self).contains("locked\n") {
            let more = output.fileHandleForReading.availableData
            try #require(!more.isEmpty, "sqlite3 ended before it took the lock")
            answer += more
        }
        let before = environment["JOURNAL_BUSY_TIMEOUT"]
        environment["JOURNAL_BUSY_TIMEOUT"] = busyTimeout
        defer {
            environment["JOURNAL_BUSY_TIMEOUT"] = before
            input.fileHandleForWriting.write(Data("ROLLBACK;\n.quit\n".utf8))
            try? input.fileHandleForWriting.close()
            holder.waitUntilExit()
        }
        return try body()
    }

    /// Runs the sqlite3 command-line tool on the journal and returns its output.
    func sql(_ query: String) throws -> String {
        try execute(try tool("sqlite3"), [database, query]).stdout
    }

    /// Runs `statements` on the journal with sqlite3 as an outside program may: its CHECK
    /// constraints and foreign keys off.
    func damage(_ statements: String) throws {
        let run = try execute(
            try tool("sqlite3"), [database, "PRAGMA ignore_check_constraints=1; PRAGMA foreign_keys=0; " + statements])
        #expect(run.status == 0, "\(run)")
    }

    /// The number of entries in the journal (0 when there is no file).
    func entryCount() throws -> Int {
        guard FileManager.default.fileExists(atPath: database) else { return 0 }
        return Int(try sql("SELECT count(*) FROM entries").trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    /// The built `journal` executable, beside the test bundle in the build products folder.
    static let binary: URL = {
        let candidates = [
            Bundle.main.bundleURL,
            Bundle.main.bundleURL.deletingLastPathComponent(),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
        ]
        for folder in candidates {
            let url = folder.appendingPathComponent("journal")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                return url
            }
        }
        return candidates[0].appendingPathComponent("journal")
    }()
}
