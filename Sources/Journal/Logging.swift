/// A saved entry and what the safety rules found.
public struct LoggedEntry: Sendable, Hashable {
    public var entry: Entry
    /// Findings this entry raised, most severe first.
    public var findings: [Finding]
    /// Set when the exercise already stood paused (`repeated`) before this entry was recorded.
    public var pausedBefore: Finding?
}

/// A saved check-in and what the safety rules found.
public struct LoggedCheckIn: Sendable, Hashable {
    public var checkIn: CheckIn
    /// Findings this check-in raised, most severe first.
    public var findings: [Finding]
}

extension JournalStore {
    /// Saves `entry` and runs the safety rules on it; the entry is kept whatever they find.
    ///
    /// ```swift
    /// let logged = try store.log(entry)
    /// logged.findings.first?.rule // "more-pain" when pain rose
    /// ```
    public func log(_ entry: Entry) throws -> LoggedEntry {
        // One write transaction reads the exercise's last sessions and adds the entry, so no
        // other process's entry can slip in between.
        let (recent, saved) = try writing { db in
            let recent = try Self.fetchEntries(
                db, sql: Self.latestQuery(ofOneExercise: true),
                arguments: [entry.exerciseID, Thresholds.repeatedWindow])
            return (recent, try Self.insertNew(entry, db))
        }
        let pausedBefore = RepeatedRule.pause(in: recent)
        let repeated = RepeatedRule.findings(in: recent + [saved]).filter { $0.entryID == saved.id }
        return LoggedEntry(
            entry: saved, findings: Rules.sorted(Rules.evaluate(saved) + repeated), pausedBefore: pausedBefore)
    }

    /// Saves `checkIn` and runs the rules that read check-ins: red flags, and the next-morning
    /// check against the day before.
    public func checkIn(_ checkIn: CheckIn) throws -> LoggedCheckIn {
        let saved = try add(checkIn)
        let dayBefore = saved.localTime.date.adding(days: -1)
        let entries = try entries(
            performedIn: (Period(from: dayBefore, to: dayBefore) ?? .week(endingOn: dayBefore)).widestUTCRange)
        return LoggedCheckIn(checkIn: saved, findings: Rules.evaluate(entries: entries, checkIns: [saved]))
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
