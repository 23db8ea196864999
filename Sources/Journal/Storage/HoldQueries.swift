import GRDB

#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

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
    /// schema.sql's `entries_stops` index (and `entries_stops_by_recording`, `entries_stops_by_id`)
    /// is partial on exactly this text, so that the queries that use it are answered from the
    /// index; `StopConditionTests` runs it, and each index's own condition read back from the file,
    /// against the Swift rule for every pair of pain levels.
    static let stopCondition = "pain_after > pain_before OR pain_after > \(Thresholds.highPainAbove)"

    /// The two sessions that may start a hold for one exercise and that one review does not cover.
    ///
    /// Two scalar subqueries for an `IN (…)` list: the first performed after the review's time
    /// (`entries_stops`, a seek by time), and the first performed up to it whose recording the
    /// review had not seen (``WriteStamp/hasSeen(recorded:seen:)``: recorded after it, or with the
    /// clock set back, or edited into a rise after it), read through `entries_stops` up to the
    /// review's time: the stops it covers are read to find it (no index orders them by
    /// `recorded`). The earlier of the two is the one ``Review/Mark/covers(performedAt:recorded:)``
    /// leaves first. The arguments are SQL expressions for the exercise id and the review's
    /// `reviewed_at` and `seen`, `NULL` when there is no review (then the first is any session
    /// and the second none). Each selects the session's `uid`.
    private static func firstUncovered(exercise: String, reviewedAt: String, seen: String) -> String {
        """
        (SELECT uid FROM entries
         WHERE exercise_id = \(exercise) AND performed_at > coalesce(\(reviewedAt), \(Int64.min))
           AND (\(stopCondition))
         ORDER BY \(EntryColumns.order()) LIMIT 1),
        (SELECT uid FROM entries
         WHERE exercise_id = \(exercise) AND performed_at <= \(reviewedAt) AND (\(stopCondition))
           AND NOT \(WriteStamp.hasSeen(recorded: "recorded", seen: seen))
         ORDER BY \(EntryColumns.order()) LIMIT 1)
        """
    }

    /// Every exercise id a hold may stand on, each with the exercise it resolves to: the exercises
    /// (each its own), and any id that sessions which may start a hold name though no exercise has
    /// it (the exercise deleted from outside with foreign keys off, or the entries' id changed),
    /// so that such a rise is a hold as any other, named by its id.
    ///
    /// Such an id that is an exercise's in lower case (`Glute-Bridge`, changed from outside)
    /// resolves to that exercise: its hold stands on `glute-bridge`, which `today` and `session`
    /// then never offer, and `journal resume glute-bridge` answers it (``StoredValues`` names the
    /// entries with the `UPDATE` that puts their id back). Another resolves to itself.
    ///
    /// The second part skips through the `entries_stops` index from id to id, one seek each.
    static let exerciseIDs = "WITH RECURSIVE \(exerciseIDsTables) SELECT id, resolved FROM exercise_ids"

    /// ``exerciseIDs`` as the common tables of a `WITH RECURSIVE`: `exercise_ids(id, resolved)` is
    /// the list, so that a statement that reads it twice names it once and SQLite builds it once.
    private static let exerciseIDsTables = """
        stopped(id) AS (
            SELECT min(exercise_id) FROM entries WHERE (\(stopCondition))
            UNION ALL
            SELECT (SELECT min(exercise_id) FROM entries WHERE exercise_id > stopped.id AND (\(stopCondition)))
            FROM stopped WHERE stopped.id IS NOT NULL),
        exercise_ids(id, resolved) AS (
            SELECT id, id FROM exercises
            UNION SELECT id, coalesce((SELECT x.id FROM exercises AS x WHERE x.id = lower(stopped.id)), id)
            FROM stopped WHERE id IS NOT NULL AND id NOT IN (SELECT id FROM exercises))
        """

    /// Each exercise's latest review (by review time, then by `uid`) of those dated by
    /// `asOf`, an SQL expression for ``AsOf/bound(_:)`` (`NULL`: every review): one seek per
    /// exercise in the `reviews_by_exercise` index, read back from the bound (every review's
    /// exercise is in ``exerciseIDs``).
    ///
    /// `held` is the id in ``exerciseIDs`` the review answers: the review's own exercise, or an id
    /// that resolves to it.
    private static func latestReview(asOf: String, exercises: String = "(\(exerciseIDs))") -> String {
        """
        SELECT x.id AS held, r.exercise_id, r.reviewed_at, r.seen, r.created_at FROM \(exercises) AS x
        JOIN reviews AS r ON r.uid = (SELECT uid FROM reviews WHERE exercise_id = x.resolved AND \(AsOf.datedBy(asOf))
                                      ORDER BY reviewed_at DESC, uid DESC LIMIT 1)
        """
    }

    /// For every exercise, its latest review dated by `?1` (``AsOf/bound(_:)``, `NULL` for now) and
    /// the sessions ``firstUncovered(exercise:reviewedAt:seen:)`` finds against it (up to two), in
    /// one statement.
    ///
    /// A row per session found, by exercise, oldest first, after one for each reviewed exercise
    /// without one: the exercise the session's id resolves to (``exerciseIDs``), the review's
    /// exercise id, review time, `seen` and time of recording (all `NULL` without a review),
    /// then ``EntryColumns/selectList`` (all `NULL` without a session).
    /// The common tables are each named once, so that SQLite compiles each once: writing the
    /// sessions as a `candidates` table read three times compiled its seeks three times.
    static let firstUncoveredStops = """
        WITH RECURSIVE \(exerciseIDsTables),
        latest AS (\(latestReview(asOf: "?1", exercises: "exercise_ids")))
        SELECT x.resolved, l.exercise_id, l.reviewed_at, l.seen, l.created_at,
               a.id, \(EntryColumns.allCases.map { "e.\($0.name)" }.joined(separator: ", "))
        FROM exercise_ids AS x LEFT JOIN latest AS l ON l.held = x.id
        LEFT JOIN entries AS e ON e.uid IN (\(firstUncovered(exercise: "x.id", reviewedAt: "l.reviewed_at", seen: "l.seen")))
        LEFT JOIN entry_ids AS a ON a.uid = e.uid
        WHERE e.uid IS NOT NULL OR l.exercise_id IS NOT NULL
        ORDER BY e.exercise_id, \(EntryColumns.order(of: "e"))
        """

    /// The first session of exercise `?1` that may start a hold and that a review at `?2`, which
    /// had seen `?3` (its `seen`), does not cover (both `NULL` for no review).
    static let firstUncoveredStop = """
        SELECT \(EntryColumns.selectList) FROM \(EntryColumns.withIDs)
        WHERE uid IN (\(firstUncovered(exercise: "?1", reviewedAt: "?2", seen: "?3")))
        ORDER BY \(EntryColumns.order()) LIMIT 1
        """

    /// Every exercise on hold, by exercise id, in two reads however many exercises there are: the
    /// latest reviews with each exercise's first session that may start a hold and its review does
    /// not cover (``firstUncoveredStops``: index seeks, not a read of every such session), and the
    /// sessions just before those.
    ///
    /// With `asOf`, only the reviews dated by the end of that day count (``AsOf``), so the holds
    /// begun by that day are those that stood on it; `nil` is now.
    static func holds(_ db: Database, asOf: LocalDate? = nil) throws -> [Hold] {
        try holdsAndReviews(db, asOf: asOf).holds
    }

    /// ``holds(_:asOf:)`` with the latest reviews it read (those ``latestReviews(_:exerciseID:asOf:)``
    /// reads), for a standing that needs both: one read of the reviews and the sessions
    /// (``firstUncoveredStops``), not two.
    static func holdsAndReviews(_ db: Database, asOf: LocalDate?) throws
        -> (holds: [Hold], reviews: [String: Review.Mark])
    {
        var reviewed: [String: Review.Mark] = [:]
        var first: [Entry] = []
        var resolving: [String: String] = [:]
        try EntryQueries.forEachRow(db, sql: firstUncoveredStops, arguments: [AsOf.bound(asOf)]) { row in
            if sqlite3_column_type(row, 1) != SQLITE_NULL, let id = sqlite3_column_text(row, 1) {
                let seen = sqlite3_column_text(row, 3).map { String(cString: $0) } ?? "{}"
                reviewed[String(cString: id)] = Review.Mark(
                    reviewedAt: sqlite3_column_int64(row, 2), seen: Review.Mark.readings(seen),
                    recordedAt: sqlite3_column_int64(row, 4))
            }
            guard sqlite3_column_type(row, 5) != SQLITE_NULL else { return }
            let candidate = try EntryColumns.entry(at: row, from: 5)
            if first.last?.exerciseID != candidate.exerciseID { first.append(candidate) }
            if let resolved = sqlite3_column_text(row, 0).map({ String(cString: $0) }), resolved != candidate.exerciseID
            {
                resolving[candidate.exerciseID] = resolved
            }
        }
        return (try holds(startingAt: first, reviewed: reviewed, resolving: resolving, db), reviewed)
    }

    /// The hold `exerciseID` stands on, given its latest review: the first session the review does
    /// not cover that may start one (``firstUncoveredStop``), judged by ``HoldRule`` with the
    /// sessions just before it.
    ///
    /// Sessions whose id resolves to `exerciseID` (``exerciseIDs``: `Glute-Bridge`, changed from
    /// outside) are asked too, so that the hold they stand on is the exercise's, as every screen shows it.
    static func hold(exerciseID: String, review: Review.Mark?, _ db: Database) throws -> Hold? {
        let variants = try String.fetchAll(
            db, sql: "WITH RECURSIVE \(exerciseIDsTables) SELECT id FROM exercise_ids WHERE resolved = ?1 AND id <> ?1",
            arguments: [exerciseID])
        var first: [Entry] = []
        for id in [exerciseID] + variants {
            first += try EntryQueries.fetch(
                db, sql: firstUncoveredStop,
                arguments: [id, review?.reviewedAt, review?.seenText])
        }
        return try holds(
            startingAt: first, reviewed: [exerciseID: review].compactMapValues { $0 },
            resolving: Dictionary(variants.map { ($0, exerciseID) }, uniquingKeysWith: { first, _ in first }), db
        ).first
    }

    /// The holds `sessions` begin, each the first session of its exercise that may start a hold and
    /// that its review does not cover: every such session starts one (``HoldRule``), whose reasons
    /// include `repeated` when the sessions just before it (read here for all of them in one
    /// query) rose too.
    ///
    /// A session whose id `resolving` maps to an exercise (``exerciseIDs``) is read as that
    /// exercise's, with the sessions before it; of two holds then on one exercise, the earlier stands.
    private static func holds(
        startingAt sessions: [Entry], reviewed: [String: Review.Mark], resolving: [String: String] = [:],
        _ db: Database
    ) throws -> [Hold] {
        guard !sessions.isEmpty else { return [] }
        var earlier: [String: [Entry]] = [:]
        for entry in try self.sessions(before: sessions, db) { earlier[entry.exerciseID, default: []].append(entry) }
        let holds = sessions.compactMap { session in
            let before = (earlier[session.exerciseID] ?? []).filter { Entry.precedes($0, session) }
            guard let exerciseID = resolving[session.exerciseID] else {
                return HoldRule.hold(sessions: before + [session], review: reviewed[session.exerciseID])
            }
            let named = (before + [session]).map { entry in
                var entry = entry
                entry.exerciseID = exerciseID
                return entry
            }
            return HoldRule.hold(sessions: named, review: reviewed[exerciseID])
        }
        guard !resolving.isEmpty else { return holds }
        var earliest: [String: Hold] = [:]
        for hold in holds {
            if let other = earliest[hold.exerciseID], !Entry.precedes(hold.session, other.session) {
                continue
            }
            earliest[hold.exerciseID] = hold
        }
        return earliest.values.sorted { $0.exerciseID < $1.exerciseID }
    }

    /// For each of `sessions` (at most one per exercise), the ``Thresholds/repeatedWindow`` − 1
    /// sessions of its exercise just before it, in one query: each a seek in the exercise index to
    /// the session's time, read backwards (the `performed_at <=` bound lets the seek start there
    /// rather than at the exercise's newest session).
    static func sessions(before sessions: [Entry], _ db: Database) throws -> [Entry] {
        let uids = sessions.compactMap(\.uid)
        guard !uids.isEmpty else { return [] }
        return try EntryQueries.fetch(
            db,
            sql: """
                SELECT \(EntryColumns.selectList) FROM \(EntryColumns.withIDs) WHERE uid IN (
                    SELECT p.uid FROM entries AS c JOIN entries AS p ON p.uid IN (
                        SELECT uid FROM entries
                        WHERE exercise_id = c.exercise_id AND performed_at <= c.performed_at
                          AND (performed_at, recorded, uid) < (c.performed_at, c.recorded, c.uid)
                        ORDER BY \(EntryColumns.order(descending: true)) LIMIT ?)
                    WHERE c.uid IN (\(databaseQuestionMarks(count: uids.count))))
                ORDER BY exercise_id, \(EntryColumns.order())
                """,
            arguments: StatementArguments([Thresholds.repeatedWindow - 1] as [any DatabaseValueConvertible] + uids))
    }

    /// The ``Thresholds/repeatedWindow`` − 1 sessions of `entry`'s exercise just before it, newest first.
    static func sessions(before entry: Entry, _ db: Database) throws -> [Entry] {
        try EntryQueries.fetch(
            db,
            sql: """
                SELECT \(EntryColumns.selectList) FROM \(EntryColumns.withIDs)
                WHERE exercise_id = ?1 AND performed_at <= ?3 AND (performed_at, recorded, uid) < (?3, ?5, ?2)
                ORDER BY \(EntryColumns.order(descending: true)) LIMIT ?4
                """,
            arguments: [entry.exerciseID, entry.uid, entry.performedAt, Thresholds.repeatedWindow - 1, entry.recorded])
    }

    /// Reviews within `range` (Unix seconds), oldest first (ties by `uid`).
    ///
    /// They are read through `reviews_with_ids` (schema.sql), with what each had seen (`seen`, from
    /// the table by uid) and the largest id of an entry it had seen, which the full export and
    /// `report --json` print as `through_entry_id` (``JournalExport/throughEntryIDSQL(review:seen:)``).
    static func reviews(_ db: Database, in range: Range<Int64>) throws -> [Review] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT id, exercise_id, reviewed_at, utc_offset, \(StoredText.select("note")), created_at,
                       (SELECT seen FROM reviews AS c WHERE c.uid = r.uid) AS seen,
                       \(JournalExport.throughEntryIDSQL(review: "r.id", seen: "(SELECT seen FROM reviews AS c WHERE c.uid = r.uid)"))
                           AS through_entry_id
                FROM reviews_with_ids AS r
                WHERE reviewed_at >= ? AND reviewed_at < ? ORDER BY reviewed_at, uid
                """,
            arguments: [range.lowerBound, range.upperBound]
        ).map { row in
            var review = try Review(
                id: row["id"], exerciseID: row["exercise_id"], reviewedAt: row["reviewed_at"],
                // An offset put in from outside beyond ±18 hours reads as the nearest within them (``StoredValues``).
                utcOffset: StoredValues.clamped(row["utc_offset"], to: LocalDateTime.utcOffsets),
                createdAt: row["created_at"], seen: row["seen"] ?? "{}", throughEntryID: row["through_entry_id"] ?? 0)
            // The note as stored, unchecked: one written from outside may break the note rule (``StoredText``).
            review.note = StoredText.text(row, "note")
            return review
        }
    }

    /// Each reviewed exercise's latest review (by review time, then by `uid`), or only
    /// `exerciseID`'s; with `asOf`, of the reviews dated by the end of that day (``AsOf``).
    static func latestReviews(_ db: Database, exerciseID: String? = nil, asOf: LocalDate? = nil) throws
        -> [String: Review.Mark]
    {
        var latest: [String: Review.Mark] = [:]
        let rows = try Row.fetchAll(
            db, sql: "SELECT * FROM (\(latestReview(asOf: "?2"))) WHERE ?1 IS NULL OR exercise_id = ?1",
            arguments: [exerciseID, AsOf.bound(asOf)])
        for row in rows {
            latest[row["exercise_id"]] = Review.Mark(
                reviewedAt: row["reviewed_at"], seen: Review.Mark.readings(row["seen"] ?? "{}"),
                recordedAt: row["created_at"])
        }
        return latest
    }

    /// The ids of `reviews` that answered no session in the journal as it is now.
    ///
    /// None of their exercise's sessions that may start a hold is covered by the review and not by
    /// the review before it (``Review/Mark/covers(performedAt:recorded:)``), as when the session
    /// whose rise began the hold was deleted. One query per review (a report's period holds a few),
    /// the review read by its alias.
    static func reviewsAnsweringNothing(_ db: Database, _ reviews: [Review]) throws -> Set<Int64> {
        var none: Set<Int64> = []
        for review in reviews {
            guard let id = review.id else { continue }
            let answered = try Bool.fetchOne(
                db,
                sql: """
                    WITH this AS (
                        SELECT uid AS this_uid, reviewed_at AS this_reviewed_at, created_at AS this_created_at,
                               seen AS this_seen
                        FROM reviews WHERE uid = (SELECT uid FROM review_ids WHERE id = ?2)),
                    previous AS (
                        SELECT reviewed_at AS previous_reviewed_at, seen AS previous_seen FROM reviews, this
                        WHERE exercise_id = ?1
                          AND (reviewed_at, created_at, uid) < (this_reviewed_at, this_created_at, this_uid)
                        ORDER BY reviewed_at DESC, created_at DESC, uid DESC LIMIT 1)
                    SELECT EXISTS (
                        SELECT 1 FROM entries, this
                        WHERE exercise_id = ?1 AND (\(stopCondition)) AND performed_at <= this_reviewed_at
                          AND \(WriteStamp.hasSeen(recorded: "recorded", seen: "this_seen"))
                          AND NOT EXISTS (
                              SELECT 1 FROM previous
                              WHERE entries.performed_at <= previous_reviewed_at
                                AND \(WriteStamp.hasSeen(recorded: "entries.recorded", seen: "previous_seen"))))
                    """,
                arguments: [review.exerciseID, id])
            if answered == false { none.insert(id) }
        }
        return none
    }
}
