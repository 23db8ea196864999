import Foundation
import Testing

/// What one run of the `journal` binary printed and how it exited.
struct Run: CustomStringConvertible {
    var status: Int32
    var stdout: String
    var stderr: String

    var description: String { "exit \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }
}

/// Runs a program to its end with `stdin` (or nothing) as its input; `environment` `nil` inherits ours.
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
    if let stdin {
        let input = Pipe()
        process.standardInput = input
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
    } else {
        process.standardInput = FileHandle.nullDevice
    }
    try process.run()
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
    return Run(
        status: process.terminationStatus,
        stdout: String(decoding: stdoutData, as: UTF8.self),
        stderr: String(decoding: stderrData, as: UTF8.self))
}

/// A temporary home for one test: its own journal file, environment and clock zone.
final class Sandbox {
    let directory: String
    var environment: [String: String]

    init(timeZone: String = "Europe/London") {
        directory = NSTemporaryDirectory() + "journal-cli-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        environment = [
            "HOME": directory + "/home",
            "JOURNAL_DB": directory + "/journal.sqlite3",
            "TZ": timeZone,
            "PATH": "/usr/bin:/bin",
            "LANG": "C.UTF-8",
        ]
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    var database: String { environment["JOURNAL_DB"] ?? "" }

    /// Runs `journal` with `arguments` and waits for it.
    @discardableResult
    func run(_ arguments: String..., stdin: String? = nil) throws -> Run {
        try run(arguments, stdin: stdin)
    }

    func run(_ arguments: [String], stdin: String? = nil) throws -> Run {
        try execute(Self.binary.path, arguments, environment: environment, stdin: stdin)
    }

    /// Runs `journal log` and requires it to succeed.
    @discardableResult
    func log(_ arguments: String..., stdin: String? = nil) throws -> Run {
        let run = try run(["log"] + arguments, stdin: stdin)
        try #require(run.status == 0, "\(run)")
        return run
    }

    /// Runs the sqlite3 command-line tool on the journal and returns its output.
    func sql(_ query: String) throws -> String {
        try execute("/usr/bin/sqlite3", [database, query]).stdout
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
