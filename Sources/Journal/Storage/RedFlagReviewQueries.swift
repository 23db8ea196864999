import Foundation
import GRDB

/// The red-flag queries: the records that a doctor has seen the red flags, and the check-ins with
/// red flags no such record covers; read inside a transaction the caller opened (``JournalStore``).
enum RedFlagReviewQueries {
    /// The check-ins with red flags that `review` does not cover (every one when `nil`), oldest first.
    ///
    /// Covered: performed by the review's time and recorded by a reading the review had seen
    /// (``WriteStamp/hasSeen(recorded:seen:)``, ``RedFlagReview/covers(_:)`` in Swift).
    static func standingCheckIns(_ db: Database, review: RedFlagReview?) throws -> [CheckIn] {
        let flagged = "uid IN (SELECT checkin_uid FROM checkin_red_flags WHERE present = 1)"
        guard let review else { return try CheckIn.fetchAll(db, where: flagged, arguments: []) }
        return try CheckIn.fetchAll(
            db,
            where:
                "\(flagged) AND NOT (performed_at <= ?1 AND \(WriteStamp.hasSeen(recorded: "recorded", seen: "?2")))",
            arguments: [review.reviewedAt, review.seen]
        ).filter { !review.covers($0) }
    }

    /// The latest record that a doctor has seen the red flags (by its time, then the latest
    /// recorded); with `asOf`, of those dated by the end of that day (``AsOf``).
    static func latest(_ db: Database, asOf: LocalDate? = nil) throws -> RedFlagReview? {
        try reviews(
            db, where: "\(AsOf.datedBy("?1")) ORDER BY reviewed_at DESC, id DESC LIMIT 1",
            arguments: [AsOf.bound(asOf)], throughCheckInID: false
        ).first
    }

    /// The records `condition` (an SQL `WHERE` clause, with its order; ties by `id`, the alias) selects.
    ///
    /// They are read through `red_flag_reviews_with_ids` (schema.sql v26-record-ids), with `seen`
    /// from the table by uid. With `throughCheckInID`, ``RedFlagReview/throughCheckInID`` is read
    /// too (``throughCheckInIDSQL(review:seen:)``), a scan of the check-ins per record: what the full
    /// export writes; else 0.
    static func reviews(
        _ db: Database, where condition: String, arguments: StatementArguments, throughCheckInID: Bool = true
    ) throws -> [RedFlagReview] {
        let through = throughCheckInID ? throughCheckInIDSQL(review: "rr.id", seen: "rr.seen") : "0"
        return try Row.fetchAll(
            db,
            sql: """
                SELECT id, reviewed_at, utc_offset, \(StoredText.select("note")), created_at, seen,
                       \(through) AS through_checkin_id
                FROM (SELECT r.*, c.seen AS seen FROM red_flag_reviews_with_ids AS r
                      JOIN red_flag_reviews AS c ON c.uid = r.uid) AS rr
                WHERE \(condition)
                """,
            arguments: arguments
        ).map { row in
            var review = try RedFlagReview(
                // An offset put in from outside beyond ±18 hours reads as the nearest within them (``StoredValues``).
                id: row["id"], reviewedAt: row["reviewed_at"],
                utcOffset: StoredValues.clamped(row["utc_offset"], to: LocalDateTime.utcOffsets),
                createdAt: row["created_at"], seen: row["seen"] ?? "{}",
                throughCheckInID: row["through_checkin_id"] ?? 0)
            // The note as stored, unchecked: one written from outside may break the note rule (``StoredText``).
            review.note = StoredText.text(row, "note")
            return review
        }
    }

    /// The SQL for the largest id (alias) of a check-in that the record `review` (an SQL expression,
    /// its alias), whose `seen` is `seen`, had seen; 0 for none: the full export's
    /// `through_checkin_id`, today's format, the newest check-in when the record was made.
    ///
    /// The live check-ins it had seen, and the copies undo kept (`change_checkins`, with the reading
    /// each had) of check-ins deleted or edited after it (by the change log's order), so that one
    /// deleted, or recorded anew, after the record still counts.
    static func throughCheckInIDSQL(review: String, seen: String) -> String {
        """
        (SELECT coalesce(max(seen_id), 0) FROM (
             SELECT a.id AS seen_id, c.recorded AS seen_recorded
             FROM checkins AS c JOIN checkin_ids AS a ON a.uid = c.uid
             UNION ALL
             SELECT k.id, k.recorded FROM change_checkins AS k
             WHERE k.action = 'restore' AND k.recorded IS NOT NULL AND k.change_id > coalesce(
                 (SELECT max(l.change_id) FROM change_red_flag_reviews AS l WHERE l.id = \(review)), 0))
         WHERE \(WriteStamp.hasSeen(recorded: "seen_recorded", seen: seen)))
        """
    }
}
