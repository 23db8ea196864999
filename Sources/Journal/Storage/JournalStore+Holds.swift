import Foundation
import GRDB

/// What `journal resume` did: the review saved, the hold it answered, and what stands after it.
public struct Resumed: Sendable, Hashable {
    public var review: Review
    /// The hold the review answered.
    public var hold: Hold
    /// What stands after the review, read in the same transaction: the value `journal check` shows.
    public var standing: Standing

    /// The exercise's hold that stands even so (in ``standing``), as after a past-dated review: a
    /// stop on a session after the review's time; `nil` when the review lifted the hold.
    public var stillHeld: Hold? { standing.holds.first { $0.exerciseID == review.exerciseID } }
    /// The exercise's review that counts after it (the latest by its time): this one's
    /// ``Review/mark``, or a later-dated review's.
    public var counting: Review.Mark?

    /// Why the exercise is still on hold (``stillHeld``); `nil` when the review lifted the hold.
    public var whyHeld: WhyHeld? {
        guard let still = stillHeld else { return nil }
        if review.localTime.date > standing.date { return .datedAfterToday }
        let counting = counting ?? review.mark
        if still.since.performedAt > counting.reviewedAt { return .datedAfter }
        if counting != review.mark { return .laterReview(counting) }
        return .enteredAfter(
            LocalDateTime(unixSeconds: still.session.createdAt, utcOffset: still.session.utcOffset))
    }

    /// Why an exercise is still on hold after `journal resume`.
    public enum WhyHeld: Sendable, Hashable {
        /// The review is dated after today on its own clock (another zone's offset, say): it counts
        /// from that day, as a report of that day reads it (``AsOf``).
        case datedAfterToday
        /// The session that began the hold is dated after the review that counts.
        case datedAfter
        /// A review dated later (this mark) is the one that counts, and it had not seen that session.
        case laterReview(Review.Mark)
        /// The session was entered (at this time) after the review was recorded, though dated
        /// before it: the clock read earlier than when the session was entered.
        case enteredAfter(LocalDateTime)
    }
}

/// Holds and reviews: an exercise stays on hold after a stop finding until `journal resume`
/// (``HoldQueries``).
extension JournalStore {
    /// Every exercise on hold, by exercise id.
    public func holds() throws -> [Hold] {
        try reading { db in try HoldQueries.holds(db) }
    }

    /// Records that a physiotherapist has reviewed `exerciseID` (``ResumeRequest``'s resolved
    /// id), which is on hold, at `request.at`, through ``resume(_:now:)``.
    ///
    /// Returns `nil`, recording nothing, when it is not on hold. `journal undo` takes it back.
    /// The review's time must be after the session that began the hold, since a review answers
    /// only what came before it.
    func resume(exerciseID: String, _ request: ResumeRequest, now: Int64) throws -> Resumed? {
        try writing { db in
            let when = request.at
            guard
                let hold = try HoldQueries.hold(
                    exerciseID: exerciseID, review: HoldQueries.latestReviews(db, asOf: request.today)[exerciseID], db)
            else { return nil }
            guard when.unixSeconds >= hold.since.performedAt else {
                if request.time == nil, hold.since.performedAt > now, let entry = hold.session.id {
                    // Dated after this device's clock: a session merged from a device whose clock
                    // runs ahead (a typed session is never dated in the future).
                    throw JournalError.invalidDate(
                        text: "now",
                        reason: SyncWords.holdDatedAhead(
                            exerciseID: exerciseID, entry: entry, dated: hold.since.localTime))
                }
                throw JournalError.invalidDate(
                    text: request.time ?? "now",
                    reason: "that is before \(exerciseID) went on hold (\(hold.since.localTime.shortText)); "
                        + "a review answers only the sessions before it.")
            }
            try StoredValues.keepExerciseRow(exerciseID, db)
            var review = try Review(
                exerciseID: exerciseID, reviewedAt: when.unixSeconds, utcOffset: when.utcOffset, note: request.note,
                createdAt: now)
            try StoredValues.refuseChangedIDCounter("reviews", db)
            // One reading for the write: the review's key, and what it has seen (every reading the
            // journal holds, its own this write's), which decides the sessions it covers.
            var stamp = try clock.stamp(db, now: Date(timeIntervalSince1970: TimeInterval(now)))
            let uid = stamp.uid()
            try db.execute(
                sql: """
                    INSERT INTO reviews (uid, exercise_id, reviewed_at, utc_offset, note, created_at, seen)
                    VALUES (?, ?, ?, ?, ?, ?, \(WriteStamp.seen))
                    """,
                arguments: [uid, review.exerciseID, review.reviewedAt, review.utcOffset, review.note, review.createdAt])
            let saved = try Row.fetchOne(
                db,
                sql: """
                    SELECT saved_alias.id, saved.seen, \(JournalExport.throughEntryIDSQL(review: "saved_alias.id", seen: "saved.seen")) AS through_entry_id
                    FROM reviews AS saved JOIN review_ids AS saved_alias ON saved_alias.uid = saved.uid
                    WHERE saved.uid = ?
                    """,
                arguments: [uid])
            guard let saved, let id = saved["id"] as Int64? else { throw JournalError.corruptDatabase(path: path) }
            review.id = id
            review.seen = saved["seen"]
            review.throughEntryID = saved["through_entry_id"] ?? 0
            let log = ChangeLog(db)
            try log.noteAddedReview(id, for: try log.begin(.resume, now: now))
            return Resumed(
                review: review, hold: hold,
                standing: try Self.standing(today: request.today, db).standing,
                counting: try HoldQueries.latestReviews(db, exerciseID: exerciseID)[exerciseID])
        }
    }

    /// Reviews within `range` (Unix seconds), oldest first.
    public func reviews(performedIn range: Range<Int64>) throws -> [Review] {
        try reading { db in try HoldQueries.reviews(db, in: range) }
    }
}
