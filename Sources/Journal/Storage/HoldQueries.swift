import GRDB

/// The hold queries: which exercises stand on hold, and the physiotherapist reviews that answer them.
///
/// Every query here runs inside a transaction the caller opened (``JournalStore``), so that a screen
/// reads its holds in the same snapshot as everything else it shows.
///
/// ```swift
/// let held = try store.reading { db in try HoldQueries.holds(db) }
/// ```
enum HoldQueries {
    /// The SQL condition for a session that may start a hold (``HoldRule/mayStartHold(_:)``): more
    /// pain after than before (``MorePainRule``), or pain after above
    /// ``Thresholds/highPainAbove`` (``HighPainRule``).
    ///
    /// schema.sql's `entries_stops` index is partial on exactly this text, so that the queries that
    /// use it are answered from the index; `StopConditionTests` runs it, and the index's own condition
    /// read back from the file, against the Swift rule for every pair of pain levels.
    static let stopCondition = "pain_after > pain_before OR pain_after > \(Thresholds.highPainAbove)"

    /// Every session that may start a hold, by exercise, oldest first.
    static let everyStop = """
        SELECT \(EntryColumns.selectList) FROM entries
        WHERE \(stopCondition)
        ORDER BY exercise_id, performed_at, id
        """

    /// The first session of exercise `?1` performed after `?2` that may start a hold.
    static let firstStopAfter = """
        SELECT \(EntryColumns.selectList) FROM entries
        WHERE exercise_id = ?1 AND performed_at > ?2 AND (\(stopCondition))
        ORDER BY performed_at, id LIMIT 1
        """

    /// The first session of exercise `?1` that may start a hold and was recorded after a review
    /// recorded at `?3` that saw entries up to id `?2`.
    static let firstStopRecordedAfter = """
        SELECT \(EntryColumns.selectList) FROM entries
        WHERE exercise_id = ?1 AND (\(stopCondition))
          AND (created_at > ?3 OR (created_at = ?3 AND id > ?2))
        ORDER BY performed_at, id LIMIT 1
        """

    /// Every exercise on hold, by exercise id, in three reads however many exercises there are: the
    /// latest reviews, the sessions that may start a hold (the `entries_stops` index), and the
    /// sessions just before the first of them that each exercise's review does not cover.
    static func holds(_ db: Database) throws -> [Hold] {
        let reviewed = try latestReviews(db)
        let candidates = try EntryQueries.fetch(db, sql: everyStop, arguments: [])
        var first: [Entry] = []
        for candidate in candidates where first.last?.exerciseID != candidate.exerciseID {
            let covered =
                reviewed[candidate.exerciseID]?.covers(
                    performedAt: candidate.performedAt, entryID: candidate.id, recordedAt: candidate.createdAt)
                ?? false
            if !covered { first.append(candidate) }
        }
        return try holds(startingAt: first, reviewed: reviewed, db)
    }

    /// The hold `exerciseID` stands on, given its latest review: the first session after the review
    /// that may start one (found by the `entries_stops` index in one seek), judged by ``HoldRule``
    /// with the sessions just before it.
    static func hold(exerciseID: String, review: Review.Mark?, _ db: Database) throws -> Hold? {
        // Not covered by the review: performed after its time (the index's range), or recorded
        // after it (later, or in the same second with an id it had not seen); the earliest of both.
        var candidates = try EntryQueries.fetch(
            db, sql: firstStopAfter, arguments: [exerciseID, review?.reviewedAt ?? Int64.min])
        if let review {
            candidates += try EntryQueries.fetch(
                db, sql: firstStopRecordedAfter, arguments: [exerciseID, review.throughEntryID, review.recordedAt])
        }
        let first = candidates.min { ($0.performedAt, $0.id ?? 0) < ($1.performedAt, $1.id ?? 0) }
        return try holds(
            startingAt: first.map { [$0] } ?? [], reviewed: [exerciseID: review].compactMapValues { $0 }, db
        )
        .first
    }

    /// The holds `sessions` begin, each the first session of its exercise that may start a hold and
    /// that its review does not cover: every such session starts one (``HoldRule``), whose reasons
    /// include `repeated` when the sessions just before it (read here for all of them in one
    /// query) rose too.
    private static func holds(startingAt sessions: [Entry], reviewed: [String: Review.Mark], _ db: Database) throws
        -> [Hold]
    {
        guard !sessions.isEmpty else { return [] }
        var earlier: [String: [Entry]] = [:]
        for entry in try self.sessions(before: sessions, db) { earlier[entry.exerciseID, default: []].append(entry) }
        return sessions.compactMap { session in
            let before = (earlier[session.exerciseID] ?? []).filter {
                ($0.performedAt, $0.id ?? 0) < (session.performedAt, session.id ?? 0)
            }
            return HoldRule.hold(sessions: before + [session], review: reviewed[session.exerciseID])
        }
    }

    /// For each of `sessions` (at most one per exercise), the ``Thresholds/repeatedWindow`` − 1
    /// sessions of its exercise just before it, in one query by the exercise index.
    static func sessions(before sessions: [Entry], _ db: Database) throws -> [Entry] {
        let ids = sessions.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        return try EntryQueries.fetch(
            db,
            sql: """
                SELECT \(EntryColumns.selectList) FROM entries WHERE id IN (
                    SELECT p.id FROM entries AS c JOIN entries AS p ON p.id IN (
                        SELECT id FROM entries
                        WHERE exercise_id = c.exercise_id AND id <> c.id
                          AND (performed_at < c.performed_at OR (performed_at = c.performed_at AND id < c.id))
                        ORDER BY performed_at DESC, id DESC LIMIT ?)
                    WHERE c.id IN (\(databaseQuestionMarks(count: ids.count))))
                ORDER BY exercise_id, performed_at, id
                """,
            arguments: StatementArguments([Thresholds.repeatedWindow - 1] + ids.map { Int($0) }))
    }

    /// The ``Thresholds/repeatedWindow`` − 1 sessions of `entry`'s exercise just before it, newest first.
    static func sessions(before entry: Entry, _ db: Database) throws -> [Entry] {
        try EntryQueries.fetch(
            db,
            sql: """
                SELECT \(EntryColumns.selectList) FROM entries
                WHERE exercise_id = ?1 AND id <> ?2 AND (performed_at < ?3 OR (performed_at = ?3 AND id < ?2))
                ORDER BY performed_at DESC, id DESC LIMIT ?4
                """,
            arguments: [entry.exerciseID, entry.id, entry.performedAt, Thresholds.repeatedWindow - 1])
    }

    /// Reviews within `range` (Unix seconds), oldest first.
    static func reviews(_ db: Database, in range: Range<Int64>) throws -> [Review] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT id, exercise_id, reviewed_at, utc_offset, note, created_at, through_entry_id FROM reviews
                WHERE reviewed_at >= ? AND reviewed_at < ? ORDER BY reviewed_at, id
                """,
            arguments: [range.lowerBound, range.upperBound]
        ).map { row in
            try Review(
                id: row["id"], exerciseID: row["exercise_id"], reviewedAt: row["reviewed_at"],
                utcOffset: row["utc_offset"], note: row["note"], createdAt: row["created_at"],
                throughEntryID: row["through_entry_id"])
        }
    }

    /// Each reviewed exercise's latest review (by review time, then the latest recorded).
    static func latestReviews(_ db: Database, exerciseID: String? = nil) throws -> [String: Review.Mark] {
        var latest: [String: Review.Mark] = [:]
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT exercise_id, reviewed_at, through_entry_id, created_at FROM reviews
                WHERE ?1 IS NULL OR exercise_id = ?1 ORDER BY reviewed_at, id
                """,
            arguments: [exerciseID])
        for row in rows {
            latest[row["exercise_id"]] = Review.Mark(
                reviewedAt: row["reviewed_at"], throughEntryID: row["through_entry_id"], recordedAt: row["created_at"])
        }
        return latest
    }
}
