#if canImport(Glibc)
import Glibc
#endif

/// Named points where a test can stop journal, to act on it at a known moment: for tests only.
///
/// When the environment variable `JOURNAL_TEST_STOP_AT` is a point's name, the process stops
/// itself there with SIGSTOP. The test waits for the stop (`waitpid` with `WUNTRACED`), does what
/// it tests (sends SIGINT or SIGKILL, starts a writer), then sends SIGCONT. Unset, each point costs
/// one `getenv`. docs/design.md lists the points.
///
/// ```swift
/// TestStop.at("restore-locked")  // JOURNAL_TEST_STOP_AT=restore-locked stops here
/// ```
public enum TestStop {
    /// Stops the process when `JOURNAL_TEST_STOP_AT` is `point`.
    public static func at(_ point: String) {
        guard let value = getenv("JOURNAL_TEST_STOP_AT"), String(cString: value) == point else { return }
        raise(SIGSTOP)
    }
}
