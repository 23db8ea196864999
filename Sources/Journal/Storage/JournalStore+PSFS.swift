import Foundation
import GRDB

/// The Patient-Specific Functional Scale: activities and their ratings; `journal undo` reverses
/// each add, remove and rating.
extension JournalStore {
    /// Adds an activity to rate; refuses a sixth active one, and one whose words match an active
    /// one's, case and spacing aside (``PSFSActivity/sameWords(as:)``).
    public func addActivity(_ activity: PSFSActivity, now: Int64) throws -> PSFSActivity {
        try writing { db in
            if let same = try PSFSQueries.activities(db).first(where: { $0.isActive && $0.sameWords(as: activity) }) {
                throw JournalError.activityExists(id: same.id ?? 0, activity: same.activity)
            }
            let active =
                try Int.fetchOne(db, sql: "SELECT count(*) FROM psfs_activities WHERE retired_at IS NULL") ?? 0
            guard active < PSFSActivity.maximumActive else {
                throw JournalError.tooManyActivities(limit: PSFSActivity.maximumActive)
            }
            var saved = activity
            var stamp = try clock.stamp(db, now: Date(timeIntervalSince1970: TimeInterval(now)))
            let uid = stamp.uid()
            try StoredValues.refuseChangedIDCounter("psfs_activities", db)
            try db.execute(
                sql: """
                    INSERT INTO psfs_activities (uid, activity, added_at, utc_offset, created_at) VALUES (?, ?, ?, ?, ?)
                    """,
                arguments: [uid, activity.activity, activity.addedAt, activity.utcOffset, activity.createdAt])
            saved.id = try PSFSQueries.activityID(uid: uid, db)
            try Self.notePSFS(.psfsAdd, "remove-activity", saved.id, db, now: now)
            return saved
        }
    }

    /// Retires the activity `id` (it stays in the history); returns it as it now is.
    public func retireActivity(id: Int64, now: Int64) throws -> PSFSActivity {
        try writing { db in
            guard var activity = try PSFSQueries.activities(db).first(where: { $0.id == id }), activity.isActive else {
                throw JournalError.activityNotFound(id)
            }
            try db.execute(
                sql:
                    "UPDATE psfs_activities SET retired_at = ? WHERE uid = (SELECT uid FROM psfs_activity_ids WHERE id = ?)",
                arguments: [now, id])
            activity.retiredAt = now
            try Self.notePSFS(.psfsRemove, "unretire", id, db, now: now)
            return activity
        }
    }

    /// Records one rating of an active activity, dated on or after the day it was added.
    public func rate(_ rating: PSFSRating, now: Int64) throws -> PSFSRating {
        try writing { db in
            guard let activity = try PSFSQueries.activities(db).first(where: { $0.id == rating.activityID }) else {
                throw JournalError.activityNotFound(rating.activityID)
            }
            if let retiredAt = activity.retiredAt {
                throw JournalError.activityRetired(
                    id: rating.activityID, activity: activity.activity,
                    retiredAt: LocalDateTime(unixSeconds: retiredAt, utcOffset: rating.utcOffset))
            }
            // A rating on a day before the activity was named would be its baseline, unseen.
            let addedOn = LocalDateTime(unixSeconds: activity.addedAt, utcOffset: activity.utcOffset).date
            if rating.localTime.date < addedOn {
                throw JournalError.ratingBeforeActivity(
                    id: rating.activityID, activity: activity.activity, addedOn: addedOn, ratedOn: rating.localTime.date
                )
            }
            var saved = rating
            var stamp = try clock.stamp(db, now: Date(timeIntervalSince1970: TimeInterval(now)))
            let uid = stamp.uid()
            try StoredValues.refuseChangedIDCounter("psfs_ratings", db)
            try db.execute(
                sql: """
                    INSERT INTO psfs_ratings (uid, activity_uid, rated_at, utc_offset, score, note, created_at)
                    VALUES (?, (SELECT uid FROM psfs_activity_ids WHERE id = ?), ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    uid, rating.activityID, rating.ratedAt, rating.utcOffset, rating.score.value, rating.note,
                    rating.createdAt,
                ])
            saved.id = try PSFSQueries.ratingID(uid: uid, db)
            try Self.notePSFS(.psfsRate, "remove-rating", saved.id, db, now: now)
            return saved
        }
    }

    /// Every activity and rating, summed up (``PSFSSummary``).
    public func psfs() throws -> PSFSSummary {
        try reading { db in try Self.psfs(db) }
    }

    // MARK: Building blocks

    /// ``psfs()`` in the transaction `db`.
    static func psfs(_ db: Database) throws -> PSFSSummary {
        PSFSSummary.make(activities: try PSFSQueries.activities(db), ratings: try PSFSQueries.ratings(db))
    }

    /// Records a PSFS change and what undoing it does to the row `id`.
    private static func notePSFS(_ kind: ChangeKind, _ action: String, _ id: Int64?, _ db: Database, now: Int64) throws
    {
        let log = ChangeLog(db)
        try log.notePSFS(action, id, for: log.begin(kind, now: now))
    }
}
