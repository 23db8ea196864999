#if canImport(Glibc)
import Glibc
#endif

/// The signals that stop a command, one list for every place that acts on them: Ctrl-C (SIGINT),
/// `kill` (SIGTERM), a closed terminal (SIGHUP) and Ctrl-\ (SIGQUIT).
///
/// Each ends the process the same way: what the command has under way cleans up first (the
/// journal being made, ``NewJournalFile``; a session's last words; the terminal's echo), then the
/// process ends with the signal's exit status, 128 + its number, and nothing half-done. SIGQUIT
/// included: its default would dump core, and the Swift runtime takes it for a crash, prints a
/// backtrace and lets the command carry on; ``install()`` takes it back from the runtime.
///
/// ```swift
/// StopSignals.install()  // first thing in main
/// ```
public enum StopSignals {
    /// The signals that stop a command.
    public static let all: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    /// Makes each signal the process does not ignore end it as ``end(by:)`` does: called once,
    /// before anything else, and the action every later handler passes the signal on to.
    ///
    /// A signal the process ignores (SIGHUP under `nohup`) stays ignored: it stops nothing.
    public static func install() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { signal in StopSignals.end(by: signal) }
        sigemptyset(&action.sa_mask)
        for signal in all where !isIgnored(signal) { sigaction(signal, &action, nil) }
    }

    /// Whether the process ignores `signal`.
    public static func isIgnored(_ signal: Int32) -> Bool {
        var current = sigaction()
        sigaction(signal, nil, &current)
        return unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self) == 1
    }

    /// Ends the process as `signal` ends it by default, without a core dump: the last step of a
    /// handler, and safe in one (`signal`, `sigprocmask`, `raise`, `_exit`).
    ///
    /// SIGQUIT, whose default action dumps core, exits with 128 + its number, the status a shell
    /// shows for the others.
    public static func end(by signal: Int32) -> Never {
        if signal != SIGQUIT {
            Glibc.signal(signal, SIG_DFL)
            var unblocked = sigset_t()
            sigemptyset(&unblocked)
            sigaddset(&unblocked, signal)
            sigprocmask(SIG_UNBLOCK, &unblocked, nil)
            raise(signal)
        }
        _exit(128 + signal)
    }
}
