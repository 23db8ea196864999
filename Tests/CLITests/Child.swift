import Foundation
import Testing

/// A `journal` process started as a shell would start it, for tests that act on it at a named
/// point: every signal at its default and none blocked (this test process ignores or blocks some,
/// and a child inherits that), standard input a pipe, standard output and error in files.
///
/// With `stopAt`, the child stops itself with SIGSTOP at that point (`JOURNAL_TEST_STOP_AT`, see
/// docs/design.md); ``waitForStop()`` waits for that with `waitpid(WUNTRACED)`, so the test acts
/// at a known moment and never sleeps.
///
/// ```swift
/// let child = try Child(sandbox, ["import", csv], stopAt: "import-written")
/// try #require(child.waitForStop())
/// child.kill(SIGKILL)
/// #expect(child.wait() == 128 + SIGKILL)
/// ```
final class Child {
    let pid: pid_t
    private var input: Int32
    private let outputs: String
    private var status: Int32?

    /// The signals a test relies on, reset to their default action in the child.
    static let resetSignals = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGKILL, SIGCONT, SIGCHLD]

    init(
        _ sandbox: Sandbox, _ arguments: [String], stopAt point: String? = nil,
        executable: String = Sandbox.binary.path,
        environment extra: [String: String] = [:]
    ) throws {
        var environment = sandbox.environment.merging(extra) { $1 }
        environment["JOURNAL_TEST_STOP_AT"] = point
        outputs = NSTemporaryDirectory() + "/journal-child-" + UUID().uuidString
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in Self.resetSignals where signal != SIGKILL { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pipeEnds: [Int32] = [0, 0]
        try #require(pipe(&pipeEnds) == 0)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[0], STDIN_FILENO)
        posix_spawn_file_actions_addclose(&actions, pipeEnds[1])
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, outputs + ".out", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, outputs + ".err", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for string in argv + envp { free(string) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        close(pipeEnds[0])
        input = pipeEnds[1]
        try #require(result == 0, "posix_spawn: \(String(cString: strerror(result)))")
        self.pid = pid
    }

    deinit {
        if status == nil {
            Glibc.kill(pid, SIGKILL)
            _ = wait()
        }
        closeInput()
        unlink(outputs + ".out")
        unlink(outputs + ".err")
    }

    /// Writes `text` to the child's standard input.
    func write(_ text: String) {
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { Glibc.write(input, $0.baseAddress, $0.count) }
    }

    /// Closes the child's standard input.
    func closeInput() {
        if input >= 0 { close(input) }
        input = -1
    }

    /// Waits until the child stops itself; `false` when it ended instead (its status is then kept).
    func waitForStop() -> Bool {
        var raw: Int32 = 0
        while waitpid(pid, &raw, WUNTRACED) < 0 {
            if errno != EINTR { return false }
        }
        if raw & 0xFF == 0x7F { return true }
        status = Self.exitStatus(raw)
        return false
    }

    /// Sends `signal` to the child.
    func kill(_ signal: Int32) { Glibc.kill(pid, signal) }

    /// Lets a stopped child go on.
    func resume() { Glibc.kill(pid, SIGCONT) }

    /// Waits for the child to end; returns its exit status, or 128 + the signal that ended it.
    @discardableResult
    func wait() -> Int32 {
        if let status { return status }
        closeInput()
        var raw: Int32 = 0
        while waitpid(pid, &raw, 0) < 0 {
            if errno != EINTR { return -1 }
        }
        let ended = Self.exitStatus(raw)
        status = ended
        return ended
    }

    /// What the child wrote to standard output and standard error.
    var stdout: String { (try? String(contentsOfFile: outputs + ".out", encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOfFile: outputs + ".err", encoding: .utf8)) ?? "" }

    private static func exitStatus(_ raw: Int32) -> Int32 {
        raw & 0x7F == 0 ? (raw >> 8) & 0xFF : 128 + (raw & 0x7F)
    }
}
