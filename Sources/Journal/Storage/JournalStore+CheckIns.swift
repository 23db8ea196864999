import Foundation
import GRDB

/// A saved check-in and what the safety rules found.
public struct LoggedCheckIn: Sendable, Hashable {
    public var checkIn: CheckIn
    /// Findings this check-in raised, most severe first.
    public var findings: [Finding]
}

/// Check-ins and what stands today.
extension JournalStore {
    /// Saves `checkIn` and runs the rules that read check-ins: red flags, and the next-morning
    /// check against the day before.
    public func checkIn(_ checkIn: CheckIn) throws -> LoggedCheckIn {
        try writing { db in
            var saved = checkIn
            try saved.insert(db)
            let dayBefore = saved.localTime.date.adding(days: -1)
            let entries = try Self.entries(
                db, performedIn: (Period(from: dayBefore, to: dayBefore) ?? .week(endingOn: dayBefore)).widestUTCRange,
                exerciseID: nil)
            return LoggedCheckIn(checkIn: saved, findings: Rules.evaluate(entries: entries, checkIns: [saved]))
        }
    }

    /// Check-ins performed within `range` (Unix seconds), oldest first.
    public func checkIns(performedIn range: Range<Int64>) throws -> [CheckIn] {
        try reading { db in try CheckIn.fetchAll(db, performedIn: range) }
    }

    /// Every finding that stands today (``Rules/current(entries:checkIns:today:)``).
    public func currentFindings(today: LocalDate) throws -> [Finding] {
        let days = 2 * max(Thresholds.worseningDays, Thresholds.currentDays)
        let window = Period(from: today.adding(days: -(days - 1)), to: today) ?? .week(endingOn: today)
        let entries = try entriesForRules(performedIn: window.widestUTCRange)
        let checkInWindow = Period(from: today.adding(days: -Thresholds.currentDays), to: today) ?? window
        return Rules.current(
            entries: entries, checkIns: try checkIns(performedIn: checkInWindow.widestUTCRange), today: today)
    }
}
