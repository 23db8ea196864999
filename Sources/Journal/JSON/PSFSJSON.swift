/// A PSFS activity as the full export writes it: `id`, `activity`, `added_at`, `retired_at` (null
/// while rated; on the clock of `added_at`).
///
/// With a `uid` (`export --all --no-aliases`), `uid` in place of `id`.
public struct PSFSActivityJSON: Encodable, Sendable {
    public var activity: PSFSActivity
    /// The activity's uid, which names it in place of its alias (`export --all --no-aliases`).
    public var uid: String?

    public init(_ activity: PSFSActivity) { self.init(activity, uid: nil) }

    public init(_ activity: PSFSActivity, uid: String?) {
        self.activity = activity
        self.uid = uid
    }

    enum Keys: String, CodingKey { case id, activity, added_at, retired_at, uid }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        if let uid { try container.encode(uid, forKey: .uid) } else { try container.encode(activity.id, forKey: .id) }
        try container.encode(activity.activity, forKey: .activity)
        try container.encode(
            LocalDateTime(unixSeconds: activity.addedAt, utcOffset: activity.utcOffset).iso8601, forKey: .added_at)
        try container.encode(
            activity.retiredAt.map { LocalDateTime(unixSeconds: $0, utcOffset: activity.utcOffset).iso8601 },
            forKey: .retired_at)
    }
}

/// A PSFS rating as the full export writes it: `id`, `activity_id`, `rated_at`, `score`, `note`;
/// with uids (`export --all --no-aliases`), `uid` and `activity_uid` in place of `id` and `activity_id`.
public struct PSFSRatingJSON: Encodable, Sendable {
    public var rating: PSFSRating
    /// The rating's uid and its activity's, which name them in place of their aliases (`export --all --no-aliases`).
    public var uids: (rating: String?, activity: String?)?

    public init(_ rating: PSFSRating) { self.init(rating, uids: nil) }

    public init(_ rating: PSFSRating, uids: (rating: String?, activity: String?)?) {
        self.rating = rating
        self.uids = uids
    }

    enum Keys: String, CodingKey { case id, activity_id, rated_at, score, note, uid, activity_uid }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        if let uids {
            try container.encode(uids.rating, forKey: .uid)
            try container.encode(uids.activity, forKey: .activity_uid)
        } else {
            try container.encode(rating.id, forKey: .id)
            try container.encode(rating.activityID, forKey: .activity_id)
        }
        try container.encode(rating.localTime.iso8601, forKey: .rated_at)
        try container.encode(rating.score.value, forKey: .score)
        try container.encode(rating.note, forKey: .note)
    }
}

/// `journal psfs --json`: `activities` (each with `id`, `activity`, `retired`, `baseline`,
/// `baseline_at`, `latest`, `latest_at`, `change`, `detectable`, `ratings`: `[{rated_at, score,
/// note, change_from_previous}]`, the last `null` for the first rating) and `average` (`baseline`, `latest`, `change`, `detectable`, `activities`, or `null`).
public struct PSFSJSON: Encodable, Sendable {
    public var summary: PSFSSummary

    public init(_ summary: PSFSSummary) { self.summary = summary }

    enum Keys: String, CodingKey { case activities, average }
    enum ActivityKeys: String, CodingKey {
        case id, activity, retired, baseline, baseline_at, latest, latest_at, change, detectable, ratings
    }
    enum RatingKeys: String, CodingKey { case rated_at, score, note, change_from_previous }
    enum AverageKeys: String, CodingKey { case baseline, latest, change, detectable, activities }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        var list = container.nestedUnkeyedContainer(forKey: .activities)
        for item in summary.activities {
            var activity = list.nestedContainer(keyedBy: ActivityKeys.self)
            try activity.encode(item.activity.id, forKey: .id)
            try activity.encode(item.activity.activity, forKey: .activity)
            try activity.encode(!item.activity.isActive, forKey: .retired)
            try activity.encode(item.baseline?.score.value, forKey: .baseline)
            try activity.encode(item.baseline?.localTime.iso8601, forKey: .baseline_at)
            try activity.encode(item.latest?.score.value, forKey: .latest)
            try activity.encode(item.latest?.localTime.iso8601, forKey: .latest_at)
            try activity.encode(item.change, forKey: .change)
            try activity.encode(item.detectable, forKey: .detectable)
            var ratings = activity.nestedUnkeyedContainer(forKey: .ratings)
            for (rating, fromPrevious) in zip(item.ratings, item.changesFromPrevious) {
                var entry = ratings.nestedContainer(keyedBy: RatingKeys.self)
                try entry.encode(rating.localTime.iso8601, forKey: .rated_at)
                try entry.encode(rating.score.value, forKey: .score)
                try entry.encode(rating.note, forKey: .note)
                try entry.encode(fromPrevious, forKey: .change_from_previous)
            }
        }
        guard let average = summary.average else {
            try container.encodeNil(forKey: .average)
            return
        }
        var object = container.nestedContainer(keyedBy: AverageKeys.self, forKey: .average)
        try object.encode(Figures.twoDecimals(average.baseline), forKey: .baseline)
        try object.encode(Figures.twoDecimals(average.latest), forKey: .latest)
        try object.encode(Figures.twoDecimalsChange(from: average.baseline, to: average.latest), forKey: .change)
        try object.encode(average.detectable, forKey: .detectable)
        try object.encode(average.activities, forKey: .activities)
    }
}
