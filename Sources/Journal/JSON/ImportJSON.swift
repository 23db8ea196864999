/// `journal import --json` of a CSV: `added` and `skipped` (rows already in the journal), and
/// `repeated` (rows that repeat an earlier row of the same file), a key there only when some did.
public struct CSVImportJSON: Encodable, Sendable {
    public let added: Int
    public let skipped: Int
    public let repeated: Int?

    public init(_ result: ImportResult) {
        added = result.added
        skipped = result.skipped
        repeated = result.repeated > 0 ? result.repeated : nil
    }
}

/// `journal import --json` of a full export: what it added, by kind (`added` entries, `checkins`,
/// `reviews`, `exercises`, `plan`, `psfs_activities`, `psfs_ratings`, `red_flag_reviews`), and
/// `region` (the region in force, as `journal undo --json` writes it, when the import set the
/// journal's region; `null` otherwise).
public struct FullImportJSON: Encodable, Sendable {
    public let added: Int
    public let checkins: Int
    public let reviews: Int
    public let exercises: Int
    public let plan: Int
    public let psfs_activities: Int
    public let psfs_ratings: Int
    public let red_flag_reviews: Int
    public let region: RegionJSON?

    enum Keys: String, CodingKey {
        case added, checkins, reviews, exercises, plan, psfs_activities, psfs_ratings, red_flag_reviews, region
    }

    /// `region` is the region in force when the import changed the journal's (``ImportResult/region``).
    public init(_ result: ImportResult, region: RegionSetting? = nil) {
        self.region = region.map(RegionJSON.init)
        added = result.added
        checkins = result.checkIns
        reviews = result.reviews
        exercises = result.exercises
        plan = result.planItems
        psfs_activities = result.activities
        psfs_ratings = result.ratings
        red_flag_reviews = result.redFlagReviews
    }

    /// Every key, `region` `null` when the import left the region as it was.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(added, forKey: .added)
        try container.encode(checkins, forKey: .checkins)
        try container.encode(reviews, forKey: .reviews)
        try container.encode(exercises, forKey: .exercises)
        try container.encode(plan, forKey: .plan)
        try container.encode(psfs_activities, forKey: .psfs_activities)
        try container.encode(psfs_ratings, forKey: .psfs_ratings)
        try container.encode(red_flag_reviews, forKey: .red_flag_reviews)
        try container.encode(region, forKey: .region)
    }
}

/// `journal psfs add --json`: the new activity's `id`.
public struct AddedJSON: Encodable, Sendable {
    public let id: Int64

    public init(id: Int64) { self.id = id }
}
