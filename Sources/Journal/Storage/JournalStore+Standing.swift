import Foundation
import GRDB

/// What `journal resume --red-flags` did: the record saved, the red flags it covers, and any
/// that still stand (recorded after it).
public struct RedFlagsSeen: Sendable, Hashable {
    public var review: RedFlagReview
    /// The red-flag findings it covers, most severe first.
    public var covered: [Finding]
    /// Red-flag findings that stand even so: recorded after the time it names.
    public var stillStanding: [Finding]
}

/// The record that a doctor has seen the red flags (``RedFlagReviewQueries``).
extension JournalStore {
    /// Records that a doctor has seen the red flags that stand, at `request.at`, through
    /// ``resume(_:now:)``; `journal undo` takes it back.
    ///
    /// Returns `nil`, recording nothing, when no red flag stands. The time must not be before the
    /// earliest red flag standing, since the record covers only what was recorded before it.
    func resumeRedFlags(_ request: ResumeRequest, now: Int64) throws -> RedFlagsSeen? {
        try writing { db in
            let when = request.at
            var review = try RedFlagReview(
                reviewedAt: when.unixSeconds, utcOffset: when.utcOffset, note: request.note, createdAt: now,
                throughCheckInID: try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM checkins") ?? 0)
            let standing = try RedFlagReviewQueries.standingCheckIns(db, review: RedFlagReviewQueries.latest(db))
            guard let first = standing.min(by: { $0.performedAt < $1.performedAt }) else { return nil }
            guard when.unixSeconds >= first.performedAt else {
                throw JournalError.invalidDate(
                    text: request.time ?? "now",
                    reason: "that is before the red flags recorded on \(first.localTime.shortText); "
                        + "a doctor's visit covers only the red flags recorded before it.")
            }
            try db.execute(
                sql: """
                    INSERT INTO red_flag_reviews (reviewed_at, utc_offset, note, created_at, through_checkin_id)
                    VALUES (?, ?, ?, ?, ?)
                    """,
                arguments: [
                    review.reviewedAt, review.utcOffset, review.note, review.createdAt, review.throughCheckInID,
                ])
            let id = db.lastInsertedRowID
            review.id = id
            let log = ChangeLog(db)
            try log.noteAddedRedFlagReview(id, for: try log.begin(.resume, now: now))
            let covered = standing.filter(review.covers)
            return RedFlagsSeen(
                review: review, covered: Rules.sorted(RedFlagRule.findings(in: covered)),
                stillStanding: Rules.sorted(RedFlagRule.findings(in: standing.filter { !review.covers($0) })))
        }
    }

    /// The records that a doctor has seen the red flags within `range` (Unix seconds), oldest first.
    public func redFlagReviews(performedIn range: Range<Int64>) throws -> [RedFlagReview] {
        try reading { db in
            try RedFlagReviewQueries.reviews(
                db, where: "reviewed_at >= ? AND reviewed_at < ? ORDER BY reviewed_at, id",
                arguments: [range.lowerBound, range.upperBound])
        }
    }
}
