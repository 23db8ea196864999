import Foundation
import GRDB

/// What `journal checkins edit` changed: the check-in before and after, and the red flags no
/// doctor had seen that the edit lifted (flags removed) or began (flags added, or moved after a
/// doctor's visit had seen them).
public struct CheckInEdit: Sendable, Hashable {
    /// The check-in as it was.
    public var before: CheckIn
    /// The check-in as saved, with the findings it raises; `before` when nothing changed.
    public var after: LoggedCheckIn
    /// Whether the row held a value journal never writes (put in from outside), which the edit
    /// replaced by what screens showed or what was given (``StoredValues``).
    public var corrected: Bool
    /// The red flags that stood on the check-in before the edit and no longer do, most severe first.
    public var redFlagsLifted: [Finding] = []
    /// The red flags that stand on the check-in after the edit and did not before, most severe first.
    public var redFlagsBegun: [Finding] = []

    /// Whether the edit changed anything; one that gave only the values the check-in had writes
    /// nothing and records no change for undo.
    public var changed: Bool { after.checkIn != before || corrected }
}

/// A saved check-in and what the safety rules found.
public struct LoggedCheckIn: Sendable, Hashable {
    public var checkIn: CheckIn
    /// Findings this check-in raised, most severe first.
    public var findings: [Finding]
}

/// Check-ins and what stands today.
extension JournalStore {
    /// Saves `checkIn` and runs the rules that read check-ins: red flags, and the next-morning
    /// check against the day before; `journal undo` removes it.
    public func checkIn(_ checkIn: CheckIn) throws -> LoggedCheckIn {
        try writing { db in
            var saved = checkIn
            saved.id = nil
            saved.recorded = nil
            var stamp = try clock.stamp(db, now: Date(timeIntervalSince1970: TimeInterval(checkIn.createdAt)))
            try saved.insert(db, stamp: &stamp)
            if let id = saved.id {
                let log = ChangeLog(db)
                try log.noteCheckedIn(id, for: try log.begin(.checkIn, now: checkIn.createdAt))
            }
            return try Self.assess(saved, db)
        }
    }

    /// Check-ins performed within `range` (Unix seconds), oldest first.
    public func checkIns(performedIn range: Range<Int64>) throws -> [CheckIn] {
        try reading { db in try CheckIn.fetchAll(db, performedIn: range) }
    }
}

/// Listing, correcting and deleting check-ins; `journal undo` reverses each change.
extension JournalStore {
    /// The latest check-ins, newest first, at most `limit` of them (all when `nil`).
    public func checkIns(limit: Int?) throws -> [CheckIn] {
        try reading { db in try Self.checkIns(limit: limit, db) }
    }

    /// Corrects the check-in `id` and returns it before and after, with the red flags the edit
    /// lifted and began (``CheckInEdit``).
    ///
    /// Each value given replaces the recorded one: `redFlags`, when given, replaces the whole set; a
    /// `note` of "" removes it. The rules run on it again, as on a new check-in. An edit that adds a
    /// red flag, or moves red flags to another time, after `journal resume --red-flags` covered the
    /// check-in makes it count as recorded at the edit, so the flags stand again. An edit giving only
    /// the values the check-in has writes nothing and records no change: `after` is then `before`.
    /// `corrected` says that the row held a value journal never writes (put in from outside, ``StoredValues``),
    /// which the edit replaced, so something changed even when `after` reads as `before` did.
    ///
    /// With `today`, the red flags no doctor had seen that stood on the check-in before the edit
    /// and not after it are ``CheckInEdit/redFlagsLifted``, and those that stand after it and did
    /// not before, ``CheckInEdit/redFlagsBegun``, read in the same transaction as
    /// ``deleteCheckIns(ids:now:today:)`` reads what it lifts.
    public func editCheckIn(
        id: Int64, pain: PainLevel?, note: String?, time: String?, redFlags: [RedFlag]?, now: Int64,
        timeZone: TimeZone, today: LocalDate? = nil
    ) throws -> CheckInEdit {
        try writing { db in
            let before = try Self.checkIns(ids: [id], db)[0]
            let standingBefore = try today.flatMap { try Self.standingRedFlags(of: id, today: $0, db) }
            var after = try before.edited(
                pain: pain, note: note, time: time, redFlags: redFlags, now: now, timeZone: timeZone)
            // The values the check-in already had change nothing: nothing is written, nothing kept for undo.
            // A check-in read other than as stored (``StoredValues``) is written even so: the edit corrects it.
            let storedAsRead = try StoredValues.storedAsRead(before, db)
            if after == before, storedAsRead {
                return CheckInEdit(before: before, after: try Self.assess(before, db), corrected: false)
            }
            // A doctor's visit answers the red flags it saw. A flag added, or the flags moved to another
            // time, is not what was seen: the check-in counts as recorded now, which no earlier visit covers.
            // Its reading too: `recorded` is the edit's, which the visit had not seen.
            // On a journal that syncs, always: a visit recorded on another device, not merged here yet,
            // may have seen the check-in before the edit.
            let review = try RedFlagReviewQueries.latest(db)
            if after.changesRedFlags(from: before), try review?.covers(before) ?? false || SyncRecording.syncs(db) {
                after.createdAt = max(now, review.map { $0.createdAt + 1 } ?? now)
                after.recorded = try clock.stamp(db, now: Date(timeIntervalSince1970: TimeInterval(now))).recorded
            }
            let change = try ChangeLog(db).begin(.checkInEdit, now: now)
            try ChangeLog(db).keepCheckIn(id, for: change)
            // A note left as it was keeps every byte the file holds, a NUL written from outside too.
            try after.update(db, id: id, keepingNote: after.note == before.note && after.note != nil)
            let saved = after
            try ChangeLog(db).keepEditedCheckIn(id, for: change)
            let standingAfter = try today.flatMap { try Self.standingRedFlags(of: id, today: $0, db) }
            return CheckInEdit(
                before: before, after: try Self.assess(saved, db), corrected: !storedAsRead,
                redFlagsLifted: Self.redFlags(of: standingBefore, leaving: standingAfter),
                redFlagsBegun: Self.redFlags(of: standingAfter, leaving: standingBefore))
        }
    }

    /// Check-in `id` as read when its red flags stand as of `today` (no doctor had seen them), the
    /// way ``deleteCheckIns(ids:now:today:)`` reads what it lifts; `nil` when none stand.
    private static func standingRedFlags(of id: Int64, today: LocalDate, _ db: Database) throws -> CheckIn? {
        try standingRedFlagCheckIns(today: today, db)[id]
    }

    /// The check-ins whose red flags stand as of `today` (no doctor had seen them), by id: what
    /// ``editCheckIn(id:pain:note:time:redFlags:now:timeZone:today:)`` and ``undo(today:)`` compare
    /// before and after their change.
    static func standingRedFlagCheckIns(today: LocalDate, _ db: Database) throws -> [Int64: CheckIn] {
        let review = try RedFlagReviewQueries.latest(db, asOf: today)
        return Dictionary(
            try RedFlagReviewQueries.standingCheckIns(db, review: review).compactMap { checkIn in
                checkIn.id.map { ($0, checkIn) }
            },
            uniquingKeysWith: { first, _ in first })
    }

    /// The findings for each red flag that stands on `standing` and not on `other`, flag by flag,
    /// most severe first (``RedFlagRule/findings(for:)``): one edit can lift one flag of a tier
    /// and keep the rest, or swap one flag for another of the same tier.
    static func redFlags(of standing: CheckIn?, leaving other: CheckIn?) -> [Finding] {
        guard var only = standing else { return [] }
        only.redFlags = only.redFlags.filter { !(other?.redFlags.contains($0) ?? false) }
        return Rules.sorted(RedFlagRule.findings(for: only))
    }

    /// Deletes the check-ins with these ids, all or none, and returns them and, with `today`, the
    /// red flags no doctor had seen that stood on them (``Deletion/redFlagsLifted``).
    ///
    /// A red-flag finding goes with its check-in. `journal undo` brings them back.
    public func deleteCheckIns(ids: [Int64], now: Int64, today: LocalDate? = nil) throws -> Deletion<CheckIn> {
        try writing { db in
            let standing =
                try today.map { today in
                    RedFlagRule.findings(
                        in: try RedFlagReviewQueries.standingCheckIns(
                            db, review: try RedFlagReviewQueries.latest(db, asOf: today)))
                } ?? []
            let deleted = try Self.checkIns(ids: ids, db)
            let change = try ChangeLog(db).begin(.checkInDelete, now: now)
            for checkIn in deleted {
                try ChangeLog(db).keepCheckIn(checkIn.id, for: change)
                if let id = checkIn.id { try CheckIn.delete(db, id: id) }
            }
            let deletedIDs = Set(deleted.compactMap(\.id))
            return Deletion(
                records: deleted,
                redFlagsLifted: Rules.sorted(standing.filter { $0.checkInID.map(deletedIDs.contains) ?? false }))
        }
    }

    /// The check-ins with these ids, in id order; throws ``JournalError/checkInNotFound(_:)`` for
    /// the first that does not exist.
    public func checkIns(ids: [Int64]) throws -> [CheckIn] {
        try reading { db in try Self.checkIns(ids: ids, db) }
    }

    // MARK: Building blocks

    /// ``checkIns(limit:)`` in the transaction `db`.
    static func checkIns(limit: Int?, _ db: Database) throws -> [CheckIn] {
        try CheckIn.fetchAll(db, where: "1", arguments: [], newestFirst: true, limit: limit)
    }

    static func checkIns(ids: [Int64], _ db: Database) throws -> [CheckIn] {
        try Set(ids).sorted().map { id in
            guard let checkIn = try CheckIn.fetchAll(db, where: "id = ?", arguments: [id]).first else {
                throw JournalError.checkInNotFound(id)
            }
            return checkIn
        }
    }

    /// What the rules find in a check-in just written: red flags, severe pain, next morning.
    ///
    /// The next-morning check compares it with the day before. Only the check-in's own findings: the day
    /// before's entries are read for the comparison, not judged again.
    static func assess(_ saved: CheckIn, _ db: Database) throws -> LoggedCheckIn {
        let dayBefore = saved.localTime.date.adding(days: -1)
        let entries = try EntryQueries.entries(
            db, performedIn: (Period(from: dayBefore, to: dayBefore) ?? .week(endingOn: dayBefore)).widestUTCRange,
            exerciseID: nil)
        return LoggedCheckIn(
            checkIn: saved,
            findings: Rules.evaluate(entries: entries, checkIns: [saved]).filter { $0.checkInID == saved.id })
    }
}

extension CheckIn {
    /// This check-in with the values given replacing its own (`redFlags`, when given, the whole
    /// set; a `note` of "" removes it), as `journal checkins edit` saves it.
    public func edited(
        pain: PainLevel?, note: String?, time: String?, redFlags: [RedFlag]?, now: Int64, timeZone: TimeZone
    ) throws -> CheckIn {
        let when = try time.map { try DateInput.parse($0, now: now, timeZone: timeZone) }
        return try CheckIn(
            id: id, performedAt: when?.unixSeconds ?? performedAt, utcOffset: when?.utcOffset ?? utcOffset,
            pain: pain ?? self.pain, note: note ?? self.note, redFlags: redFlags ?? self.redFlags,
            createdAt: createdAt, recorded: recorded)
    }

    /// Whether, edited from `before`, it records a red flag a doctor's visit covering `before` did
    /// not see: a flag added, or red flags moved to another time.
    public func changesRedFlags(from before: CheckIn) -> Bool {
        !Set(redFlags).isSubset(of: Set(before.redFlags)) || (!redFlags.isEmpty && performedAt != before.performedAt)
    }

    /// Whether `finding`, on this check-in edited from `before`, was raised by what the edit changed.
    ///
    /// A red flag was when added or moved; another rule's finding, when the pain or the time
    /// changed. A finding the edit left as it was is not told again as new.
    public func raisedByEdit(_ finding: Finding, from before: CheckIn) -> Bool {
        finding.rule == RedFlagRule.id
            ? changesRedFlags(from: before) : pain != before.pain || performedAt != before.performedAt
    }
}
