import Foundation
import GRDB

/// What `journal resume` did: the review saved, the hold it closed, and any hold that still stands.
public struct Resumed: Sendable, Hashable {
    public var review: Review
    /// The hold the review answered.
    public var hold: Hold
    /// A hold that stands even so: a stop on a session after the review's time.
    public var stillHeld: Hold?
}

/// Holds and reviews: an exercise stays on hold after a stop finding until `journal resume`.
extension JournalStore {
    /// Every exercise on hold, by exercise id.
    public func holds() throws -> [Hold] {
        try reading { db in try Self.holds(db) }
    }

    /// Records that a physiotherapist has reviewed `exercise` (an id, alias or name), which is on hold.
    ///
    /// Returns `nil`, recording nothing, when it is not on hold. `journal undo` takes it back.
    /// `time` is when the review took place (default now); it must be after the session that
    /// began the hold, since a review answers only what came before it.
    public func resume(
        _ exercise: String, note: String?, time: String?, now: Int64, timeZone: TimeZone
    ) throws -> Resumed? {
        try writing { db in
            let exerciseID = try Self.catalog(db, includingArchived: true).resolve(exercise).id
            // The time is read first, so that a bad one is refused whether or not the exercise is held.
            let when =
                try time.map { try DateInput.parse($0, now: now, timeZone: timeZone) }
                ?? DateInput.at(now, in: timeZone)
            guard let hold = try Self.hold(exerciseID: exerciseID, review: Self.latestReviews(db)[exerciseID], db)
            else { return nil }
            guard when.unixSeconds >= hold.since.performedAt else {
                throw JournalError.invalidDate(
                    text: time ?? "now",
                    reason: "that is before \(exerciseID) went on hold (\(hold.since.localTime.shortText)); "
                        + "a review answers only the sessions before it.")
            }
            var review = try Review(
                exerciseID: exerciseID, reviewedAt: when.unixSeconds, utcOffset: when.utcOffset, note: note,
                createdAt: now,
                throughEntryID: try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM entries") ?? 0)
            try db.execute(
                sql: """
                    INSERT INTO reviews (exercise_id, reviewed_at, utc_offset, note, created_at, through_entry_id)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    review.exerciseID, review.reviewedAt, review.utcOffset, review.note, review.createdAt,
                    review.throughEntryID,
                ])
            review.id = db.lastInsertedRowID
            let change = try ChangeLog(db).begin(.resume, now: now)
            try db.execute(
                sql: "INSERT INTO change_reviews (change_id, action, id) VALUES (?, 'remove', ?)",
                arguments: [change, review.id])
            return Resumed(
                review: review, hold: hold, stillHeld: try Self.hold(exerciseID: exerciseID, review: review.mark, db))
        }
    }

    /// Reviews within `range` (Unix seconds), oldest first.
    public func reviews(performedIn range: Range<Int64>) throws -> [Review] {
        try reading { db in try Self.reviews(db, in: range) }
    }

    // MARK: Building blocks

    static func reviews(_ db: Database, in range: Range<Int64>) throws -> [Review] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT id, exercise_id, reviewed_at, utc_offset, note, created_at, through_entry_id FROM reviews
                WHERE reviewed_at >= ? AND reviewed_at < ? ORDER BY reviewed_at, id
                """,
            arguments: [range.lowerBound, range.upperBound]
        ).map { row in
            try Review(
                id: row["id"], exerciseID: row["exercise_id"], reviewedAt: row["reviewed_at"],
                utcOffset: row["utc_offset"], note: row["note"], createdAt: row["created_at"],
                throughEntryID: row["through_entry_id"])
        }
    }

    /// Each reviewed exercise's latest review (by review time, then the latest recorded).
    static func latestReviews(_ db: Database, exerciseID: String? = nil) throws -> [String: Review.Mark] {
        var latest: [String: Review.Mark] = [:]
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT exercise_id, reviewed_at, through_entry_id, created_at FROM reviews
                WHERE ?1 IS NULL OR exercise_id = ?1 ORDER BY reviewed_at, id
                """,
            arguments: [exerciseID])
        for row in rows {
            latest[row["exercise_id"]] = Review.Mark(
                reviewedAt: row["reviewed_at"], throughEntryID: row["through_entry_id"], recordedAt: row["created_at"])
        }
        return latest
    }

    /// The hold `exerciseID` stands on, given its latest review: the first sessions after the review
    /// that may start one (``HoldRule/mayStartHold(_:)``, written out in SQL so that the
    /// `entries_stops` index finds them in one seek), each judged by ``HoldRule`` with the sessions
    /// just before it; the first always starts the hold, and a test keeps the two conditions equal.
    static func hold(exerciseID: String, review: Review.Mark?, _ db: Database) throws -> Hold? {
        // Not covered by the review: performed after its time (the index's range), or recorded
        // after it (later, or in the same second with an id it had not seen); the earliest of both.
        var candidates = try fetchEntries(
            db,
            sql: """
                SELECT \(EntryColumns.selectList) FROM entries
                WHERE exercise_id = ?1 AND performed_at > ?2 AND (pain_after > pain_before OR pain_after > 5)
                ORDER BY performed_at, id LIMIT 8
                """,
            arguments: [exerciseID, review?.reviewedAt ?? Int64.min])
        if let review {
            candidates += try fetchEntries(
                db,
                sql: """
                    SELECT \(EntryColumns.selectList) FROM entries
                    WHERE exercise_id = ?1 AND (pain_after > pain_before OR pain_after > 5)
                      AND (created_at > ?3 OR (created_at = ?3 AND id > ?2))
                    """,
                arguments: [exerciseID, review.throughEntryID, review.recordedAt])
        }
        candidates.sort { ($0.performedAt, $0.id ?? 0) < ($1.performedAt, $1.id ?? 0) }
        for candidate in candidates {
            let before = try sessions(before: candidate, db)
            if let hold = HoldRule.hold(sessions: before + [candidate], review: review) { return hold }
        }
        return nil
    }

    /// The ``Thresholds/repeatedWindow`` − 1 sessions of `entry`'s exercise just before it, newest first.
    static func sessions(before entry: Entry, _ db: Database, count: Int = Thresholds.repeatedWindow - 1) throws
        -> [Entry]
    {
        try fetchEntries(
            db,
            sql: """
                SELECT \(EntryColumns.selectList) FROM entries
                WHERE exercise_id = ?1 AND id <> ?2 AND (performed_at < ?3 OR (performed_at = ?3 AND id < ?2))
                ORDER BY performed_at DESC, id DESC LIMIT ?4
                """,
            arguments: [entry.exerciseID, entry.id, entry.performedAt, count])
    }
}
