import Foundation
import GRDB

/// What `journal resume --red-flags` did: the record saved, the red flags it covers, and what
/// stands after it, read in the same transaction (the value `journal check` shows).
public struct RedFlagsSeen: Sendable, Hashable {
    public var review: RedFlagReview
    /// The red-flag findings that stood before it and no longer stand, most severe first.
    public var covered: [Finding]
    /// What stands after it: the value `journal check` shows.
    public var standing: Standing
    /// The check-ins whose red flags stand after it (``standing``'s record does not cover them).
    public var standingCheckIns: [CheckIn]

    /// The red-flag findings that stand even so, from ``standing``, most severe first.
    public var stillStanding: [Finding] { standing.redFlags }

    /// Why a red flag still stands, against the record that counts (the latest by its time,
    /// ``Standing/redFlagReview``).
    public enum Why: Sendable, Hashable {
        /// This record is dated after today on its own clock (another zone's offset, say): it
        /// counts from that day, as a report of that day reads it (``AsOf``).
        case datedAfterToday(RedFlagReview)
        /// It is dated after the time of the record that counts.
        case datedAfter(RedFlagReview)
        /// It was entered (at the check-in's `createdAt`) after this record was made, though dated
        /// before it: the clock read earlier than when it was entered.
        case enteredAfter(RedFlagReview, enteredAt: LocalDateTime)
        /// A record dated later than this one is the one that counts, and it had not seen it.
        case laterRecord(RedFlagReview)
    }

    /// Why `finding` (one of ``stillStanding``) stands; `nil` for any other finding.
    public func why(_ finding: Finding) -> Why? {
        guard let checkIn = standingCheckIns.first(where: { $0.id == finding.checkInID }) else { return nil }
        if review.localTime.date > standing.date, standing.redFlagReview?.id != review.id {
            return .datedAfterToday(review)
        }
        let counting = standing.redFlagReview ?? review
        if checkIn.performedAt > counting.reviewedAt { return .datedAfter(counting) }
        if counting.id != review.id { return .laterRecord(counting) }
        return .enteredAfter(
            counting, enteredAt: LocalDateTime(unixSeconds: checkIn.createdAt, utcOffset: checkIn.utcOffset))
    }
}

/// The record that a doctor has seen the red flags (``RedFlagReviewQueries``).
extension JournalStore {
    /// Records that a doctor has seen the red flags that stand, at `request.at`, through
    /// ``resume(_:now:)``; `journal undo` takes it back.
    ///
    /// Returns `nil`, recording nothing, when no red flag journal knows stands (one put in from
    /// outside, unknown, is no finding: ``StoredValues`` names it). The time must not be before the
    /// earliest red flag standing, since the record covers only what was recorded before it.
    /// What it covers and what still stands come from the standing read after the write, the one
    /// value `journal check` reads: a past-dated record that a later-dated one outranks covers
    /// nothing, and it is still saved (`journal undo` takes it back) and says so.
    func resumeRedFlags(_ request: ResumeRequest, now: Int64) throws -> RedFlagsSeen? {
        try writing { db in
            let when = request.at
            var review = try RedFlagReview(
                reviewedAt: when.unixSeconds, utcOffset: when.utcOffset, note: request.note, createdAt: now)
            // Only red flags journal knows: one put in from outside is given no advice and stands for
            // no finding, so a record that covers only such flags would cover nothing journal knows.
            let standing = try RedFlagReviewQueries.standingCheckIns(db, review: RedFlagReviewQueries.latest(db))
                .filter { !$0.redFlags.isEmpty }
            guard let first = standing.min(by: { $0.performedAt < $1.performedAt }) else { return nil }
            guard when.unixSeconds >= first.performedAt else {
                throw JournalError.invalidDate(
                    text: request.time ?? "now",
                    reason: "that is before the red flags recorded on \(first.localTime.shortText); "
                        + "a doctor's visit covers only the red flags recorded before it.")
            }
            try StoredValues.refuseChangedIDCounter("red_flag_reviews", db)
            // One reading for the write: the record's key, and what it has seen (every reading the
            // journal holds, its own this write's), which decides the check-ins it covers.
            var stamp = try clock.stamp(db, now: Date(timeIntervalSince1970: TimeInterval(now)))
            let uid = stamp.uid()
            try db.execute(
                sql: """
                    INSERT INTO red_flag_reviews (uid, reviewed_at, utc_offset, note, created_at, seen)
                    VALUES (?, ?, ?, ?, ?, \(WriteStamp.seen))
                    """,
                arguments: [uid, review.reviewedAt, review.utcOffset, review.note, review.createdAt])
            let saved = try Row.fetchOne(
                db,
                sql: """
                    SELECT saved_alias.id, saved.seen, \(RedFlagReviewQueries.throughCheckInIDSQL(review: "saved_alias.id", seen: "saved.seen")) AS through_checkin_id
                    FROM red_flag_reviews AS saved JOIN red_flag_review_ids AS saved_alias ON saved_alias.uid = saved.uid
                    WHERE saved.uid = ?
                    """,
                arguments: [uid])
            guard let saved, let id = saved["id"] as Int64? else { throw JournalError.corruptDatabase(path: path) }
            review.id = id
            review.seen = saved["seen"]
            review.throughCheckInID = saved["through_checkin_id"] ?? 0
            let log = ChangeLog(db)
            try log.noteAddedRedFlagReview(id, for: try log.begin(.resume, now: now))
            let after = try Self.standing(today: request.today, db).standing
            let standingAfter = try RedFlagReviewQueries.standingCheckIns(db, review: after.redFlagReview)
            let stillIDs = Set(standingAfter.map(\.id))
            return RedFlagsSeen(
                review: review,
                covered: Rules.sorted(RedFlagRule.findings(in: standing.filter { !stillIDs.contains($0.id) })),
                standing: after, standingCheckIns: standingAfter)
        }
    }

    /// The records that a doctor has seen the red flags within `range` (Unix seconds), oldest first.
    public func redFlagReviews(performedIn range: Range<Int64>) throws -> [RedFlagReview] {
        try reading { db in
            try RedFlagReviewQueries.reviews(
                db, where: "reviewed_at >= ? AND reviewed_at < ? ORDER BY reviewed_at, uid",
                arguments: [range.lowerBound, range.upperBound])
        }
    }
}
