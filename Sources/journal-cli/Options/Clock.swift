import Foundation
import Journal

/// The moment a command runs: the system clock, or `$JOURNAL_NOW` when set.
///
/// `JOURNAL_NOW` is for tests and demonstrations: Unix seconds (`1795000000`) or a timestamp with
/// its offset (`2026-11-20T07:30:00+01:00`). Every command reads the time here once, so "today",
/// "yesterday" and the report's week all follow it; the clock's zone stays `$TZ`.
enum Clock {
    /// Unix seconds now.
    static func now() throws -> Int64 {
        guard let text = ProcessInfo.processInfo.environment["JOURNAL_NOW"], !text.isEmpty else {
            return Int64(Date().timeIntervalSince1970)
        }
        // Years 1970 to 9999: every date journal prints has four digits.
        if let seconds = Int64(text) ?? DateInput.parseTimestamp(text)?.unixSeconds,
            (0...253_402_300_799).contains(seconds)
        {
            return seconds
        }
        throw JournalError.invalidDate(
            text: text,
            reason: "JOURNAL_NOW must be Unix seconds or a timestamp such as 2026-11-20T07:30:00+01:00, "
                + "between 1970 and 9999.")
    }

    /// The zone of the person's clock: `$TZ` as ``ClockZone`` reads it, else the system's.
    ///
    /// `main` refuses a `$TZ` journal cannot read (``checkTimeZone()``) before a command runs, so
    /// the system's zone stands in only for the advice told before that refusal.
    static var timeZone: TimeZone { ClockZone.fromEnvironmentOrSystem }

    /// The zone `$TZ` names; throws ``JournalError/unreadableTimeZone(_:)`` for one journal cannot read.
    @discardableResult
    static func checkTimeZone() throws -> TimeZone { try ClockZone.fromEnvironment() }

    /// Now on the person's clock.
    static func local() throws -> LocalDateTime { DateInput.at(try now(), in: timeZone).local }

    /// Today on the person's clock.
    static func today() throws -> LocalDate { try local().date }
}
