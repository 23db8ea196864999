import Foundation

/// SQL for tests that read or write a journal's records from outside, as sqlite3 would, on the
/// schema of v26-record-ids (schema.sql): records keyed by `uid`, the numbers people type in the
/// alias tables (`entry_ids`, `checkin_ids`, …), what a review had seen in its `seen`.
enum RecordSQL {
    /// The replica a journal's own readings name until `journal sync init` gives it an id.
    static let ownReplica = String(repeating: "0", count: 32)

    /// A uid (36 characters, a UUIDv7's shape) for the `n`th record a test puts in from outside.
    static func uid(_ n: Int) -> String { String(format: "01a1ee56-5e00-7000-8000-%012d", n) }

    /// The same uid, as SQL, for the number that the SQL `n` evaluates to (rows made in one statement).
    static func uid(sql n: String) -> String { "printf('01a1ee56-5e00-7000-8000-%012d', \(n))" }

    /// The journal's latest clock reading, as SQL: a `recorded` for a record put in from outside
    /// that says it was recorded by the latest write, never after the clock.
    static let latestReading = "(SELECT last FROM replica_clocks WHERE self = 1)"

    /// Whether the review whose `seen` is the SQL `seen` had seen the record whose `recorded`
    /// reading is the SQL `recorded` (1 or 0): no later than `seen`'s reading of the same replica
    /// (docs/sync-ids.md, "Recorded before it, across replicas").
    static func hasSeen(recorded: String, seen: String) -> String {
        "coalesce(\(recorded) <= json_extract(\(seen), '$.\"' || substr(\(recorded), 26) || '\"'), 0)"
    }

    /// The largest entry number the review `r` (a `reviews` row) had seen, 0 for none: what its
    /// `through_entry_id` said before v26-record-ids.
    static let throughEntryID = """
        (SELECT coalesce(max(a.id), 0) FROM entries AS e JOIN entry_ids AS a ON a.uid = e.uid
         WHERE \(hasSeen(recorded: "e.recorded", seen: "r.seen")))
        """

    /// The largest check-in number the red-flag review `r` (a `red_flag_reviews` row) had seen, 0
    /// for none: what its `through_checkin_id` said before v26-record-ids.
    static let throughCheckInID = """
        (SELECT coalesce(max(a.id), 0) FROM checkins AS c JOIN checkin_ids AS a ON a.uid = c.uid
         WHERE \(hasSeen(recorded: "c.recorded", seen: "r.seen")))
        """

    /// A `seen` that had seen the record of `table` (`entries` or `checkins`) numbered `id` in
    /// `aliases` (`entry_ids`, `checkin_ids`) and every one recorded before it, nothing after.
    static func seenThrough(_ table: String, _ aliases: String, _ id: Int) -> String {
        "(SELECT json_object(substr(recorded, 26), recorded) FROM \(table) "
            + "WHERE uid = (SELECT uid FROM \(aliases) WHERE id = \(id)))"
    }
}
