import Foundation

/// How long a write waits for another process's lock before giving up (`$JOURNAL_BUSY_TIMEOUT`).
///
/// ```swift
/// BusyTimeout.defaultSeconds     // 10
/// BusyTimeout.range              // 0...3600
/// BusyTimeout.bounded(.infinity) // 3600
/// ```
public enum BusyTimeout {
    /// How long a write waits by default.
    public static let defaultSeconds: TimeInterval = 10
    /// The busy timeouts a journal accepts, in seconds; others are brought within it.
    public static let range: ClosedRange<TimeInterval> = 0...3600

    /// `seconds` brought within ``range``, so that SQLite's milliseconds fit its 32-bit integer;
    /// NaN is ``defaultSeconds``.
    static func bounded(_ seconds: TimeInterval) -> TimeInterval {
        seconds.isNaN ? defaultSeconds : min(max(seconds, range.lowerBound), range.upperBound)
    }
}
