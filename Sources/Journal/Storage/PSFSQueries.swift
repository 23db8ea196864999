import GRDB

/// The PSFS queries: the activities the person rates and their ratings, read inside a transaction
/// the caller opened (``JournalStore``).
enum PSFSQueries {
    /// Every activity, retired ones too, by id; read through `psfs_activities_with_ids` (schema.sql
    /// v26-record-ids: `id` the alias people type, `uid` the key), as ratings through
    /// `psfs_ratings_with_ids` (`activity_id` the activity's alias).
    static func activities(_ db: Database) throws -> [PSFSActivity] {
        try Row.fetchAll(db, sql: "SELECT \(activityColumns) FROM psfs_activities_with_ids ORDER BY id").map(activity)
    }

    /// The columns ``activity(_:)`` reads.
    static let activityColumns = "id, activity, added_at, utc_offset, retired_at, created_at"

    /// The activity in a row of ``activityColumns``.
    ///
    /// Words journal never writes (a line break, say) are kept as stored, never refused:
    /// ``StoredValues`` names them, and screens print them on one line.
    static func activity(_ row: Row) throws -> PSFSActivity {
        PSFSActivity(
            stored: row["activity"] ?? "", id: row["id"], addedAt: row["added_at"],
            utcOffset: StoredValues.clamped(row["utc_offset"], to: LocalDateTime.utcOffsets),
            retiredAt: row["retired_at"], createdAt: row["created_at"])
    }

    /// Every rating, oldest first (ties by `id`, the alias: this journal's order).
    static func ratings(_ db: Database) throws -> [PSFSRating] {
        try Row.fetchAll(db, sql: "SELECT \(ratingColumns) FROM psfs_ratings_with_ids ORDER BY rated_at, id").map(
            rating)
    }

    /// The columns ``rating(_:)`` reads.
    static let ratingColumns =
        "id, activity_id, rated_at, utc_offset, score, \(StoredText.select("note")), created_at"

    /// The rating in a row of ``ratingColumns``.
    static func rating(_ row: Row) throws -> PSFSRating {
        // A score journal never writes is read within 0–10, an offset within ±18 hours; ``StoredValues`` names them.
        let score = PainLevel(clamping: row["score"])
        var rating = try PSFSRating(
            id: row["id"], activityID: row["activity_id"], ratedAt: row["rated_at"],
            utcOffset: StoredValues.clamped(row["utc_offset"], to: LocalDateTime.utcOffsets),
            score: score, createdAt: row["created_at"])
        // The note as stored, unchecked: one written from outside may break the note rule (``StoredText``).
        rating.note = StoredText.text(row, "note")
        return rating
    }

    /// The alias (the number people type) of the activity `uid`, which the trigger gave it.
    static func activityID(uid: String, _ db: Database) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT id FROM psfs_activity_ids WHERE uid = ?", arguments: [uid])
    }

    /// The alias of the rating `uid`, which the trigger gave it.
    static func ratingID(uid: String, _ db: Database) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT id FROM psfs_rating_ids WHERE uid = ?", arguments: [uid])
    }
}
