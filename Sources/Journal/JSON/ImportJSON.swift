/// `journal import --json` of a CSV: `added` and `skipped` (rows already in the journal).
public struct CSVImportJSON: Encodable, Sendable {
    public let added: Int
    public let skipped: Int

    public init(_ result: ImportResult) {
        added = result.added
        skipped = result.skipped
    }
}

/// `journal import --json` of a full export: what it added, by kind (`added` entries, `checkins`,
/// `reviews`, `exercises`, `plan`, `psfs_activities`, `psfs_ratings`, `red_flag_reviews`).
public struct FullImportJSON: Encodable, Sendable {
    public let added: Int
    public let checkins: Int
    public let reviews: Int
    public let exercises: Int
    public let plan: Int
    public let psfs_activities: Int
    public let psfs_ratings: Int
    public let red_flag_reviews: Int

    public init(_ result: ImportResult) {
        added = result.added
        checkins = result.checkIns
        reviews = result.reviews
        exercises = result.exercises
        plan = result.planItems
        psfs_activities = result.activities
        psfs_ratings = result.ratings
        red_flag_reviews = result.redFlagReviews
    }
}

/// `journal psfs add --json`: the new activity's `id`.
public struct AddedJSON: Encodable, Sendable {
    public let id: Int64

    public init(id: Int64) { self.id = id }
}
