import GRDB

/// The red-flag queries: the records that a doctor has seen the red flags, and the check-ins with
/// red flags no such record covers; read inside a transaction the caller opened (``JournalStore``).
enum RedFlagReviewQueries {
    /// The check-ins with red flags that `review` does not cover (every one when `nil`), oldest first.
    ///
    /// The SQL keeps every check-in the review may not cover (performed after it, recorded from its
    /// second on, or with an id it had not seen); ``RedFlagReview/covers(_:)`` decides.
    static func standingCheckIns(_ db: Database, review: RedFlagReview?) throws -> [CheckIn] {
        try CheckIn.fetchAll(
            db,
            where: """
                id IN (SELECT checkin_id FROM checkin_red_flags)
                AND (performed_at > ? OR created_at >= ? OR id > ?)
                """,
            arguments: [review?.reviewedAt ?? Int64.min, review?.createdAt ?? Int64.min, review?.throughCheckInID ?? 0]
        ).filter { !(review?.covers($0) ?? false) }
    }

    /// The latest record that a doctor has seen the red flags (by its time, then the latest
    /// recorded); with `asOf`, of those dated by the end of that day (``AsOf``).
    static func latest(_ db: Database, asOf: LocalDate? = nil) throws -> RedFlagReview? {
        try reviews(
            db, where: "\(AsOf.datedBy("?1")) ORDER BY reviewed_at DESC, uid DESC LIMIT 1",
            arguments: [AsOf.bound(asOf)]
        ).first
    }

    /// The records `condition` (an SQL `WHERE` clause, with its order; ties by `uid`) selects.
    ///
    /// They are read through `red_flag_reviews_with_ids` (schema.sql v24-record-views), the columns
    /// kept when sync keys the table by a UUIDv7; what a record covers, `through_checkin_id`, is
    /// read from the table by id, the one part that changes (to `seen`) with that switch.
    static func reviews(_ db: Database, where condition: String, arguments: StatementArguments) throws
        -> [RedFlagReview]
    {
        try Row.fetchAll(
            db,
            sql: """
                SELECT id, reviewed_at, utc_offset, \(StoredText.select("note")), created_at,
                       (SELECT through_checkin_id FROM red_flag_reviews AS c WHERE c.id = r.id) AS through_checkin_id
                FROM red_flag_reviews_with_ids AS r
                WHERE \(condition)
                """,
            arguments: arguments
        ).map { row in
            var review = try RedFlagReview(
                // An offset put in from outside beyond ±18 hours reads as the nearest within them (``StoredValues``).
                id: row["id"], reviewedAt: row["reviewed_at"],
                utcOffset: StoredValues.clamped(row["utc_offset"], to: LocalDateTime.utcOffsets),
                createdAt: row["created_at"], throughCheckInID: row["through_checkin_id"])
            // The note as stored, unchecked: one written from outside may break the note rule (``StoredText``).
            review.note = StoredText.text(row, "note")
            return review
        }
    }
}
