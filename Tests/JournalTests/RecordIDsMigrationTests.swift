import Foundation
import GRDB
import TestSupport
import Testing

@testable import Journal

/// schema.sql's v26-record-ids (docs/sync-ids.md) run through `Migrations` on journals of the schema
/// before it: every row keeps its values under a UUIDv7 with its old id as alias, the alias counters
/// carry on, and every review covers exactly the entries and check-ins it covered before (the checks of
/// docs/sync-ids/check-migration.sh).
@Suite struct RecordIDsMigrationTests {
    let directory = TemporaryDirectory()

    static let unsynced = String(repeating: "0", count: 32)
    static let second: Int64 = 1_795_000_000

    /// The section before v26-record-ids: the schema the journals these tests migrate were written by.
    static let sectionBefore = "v25-edit-results"

    /// A journal of the schema before v26-record-ids at `path`, holding what `seed` writes (foreign keys on).
    func shippedJournal(_ path: String, _ seed: (Database) throws -> Void) throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        try Migrations.migrator.migrate(queue, upTo: Self.sectionBefore)
        try queue.write(seed)
        try queue.close()
    }

    /// Runs v26-record-ids (and any section after it) on the journal at `path` as opening a journal does.
    func migrate(_ path: String) throws -> JournalStore {
        try JournalStore(openingExisting: path, access: .readWrite, migrations: Schema.sections)
    }

    // MARK: By hand

    /// Four entries, three recorded in one second (the fourth after a clock went back), and a review
    /// recorded in that second after the first two: readings, `seen` and uids worked out by hand.
    @Test func readingsAndSeenAreWorkedOutFromTheRecordingSecondAndTheIDOrder() throws {
        let path = directory.file("journal.sqlite3")
        let second = Self.second
        try shippedJournal(path) { db in
            for (id, created) in [(1, second), (2, second), (3, second + 1), (4, second), (5, second + 2)] {
                try db.execute(
                    sql: """
                        INSERT INTO entries (id, exercise_id, performed_at, utc_offset, pain_before, pain_after, created_at)
                        VALUES (?, 'glute-bridge', ?, 0, 3, 3, ?)
                        """, arguments: [id, second - 600, created])
            }
            // The newest id deleted: its alias is never given again.
            try db.execute(sql: "DELETE FROM entries WHERE id = 5")
            try db.execute(
                sql: """
                    INSERT INTO reviews (id, exercise_id, reviewed_at, utc_offset, created_at, through_entry_id)
                    VALUES (1, 'glute-bridge', ?, 0, ?, 2)
                    """, arguments: [second, second])
        }
        let store = try migrate(path)
        let entries = try store.reading { db in
            try Row.fetchAll(
                db,
                sql: "SELECT a.id, e.uid, e.recorded FROM entries AS e JOIN entry_ids AS a USING (uid) ORDER BY a.id")
        }
        #expect(entries.map { $0["id"] as Int } == [1, 2, 3, 4])
        #expect(
            entries.map { $0["recorded"] as String } == [
                "001795000000000-00000002-" + Self.unsynced, "001795000000000-00000004-" + Self.unsynced,
                "001795000001000-00000002-" + Self.unsynced, "001795000000000-00000006-" + Self.unsynced,
            ])
        // Time bits: created_at in milliseconds; the 12-bit counter: the rank within the second, from 0.
        #expect(
            entries.map { String(($0["uid"] as String).prefix(19)) } == [
                "01a1ee56-5e00-7000-", "01a1ee56-5e00-7001-", "01a1ee56-61e8-7000-", "01a1ee56-5e00-7002-",
            ])
        let seen = try store.reading { db in try String.fetchOne(db, sql: "SELECT seen FROM reviews") }
        #expect(seen == #"{"\#(Self.unsynced)":"001795000000000-00000005-\#(Self.unsynced)"}"#)
        let covered = try store.reading { db in
            try Int.fetchAll(
                db,
                sql: """
                    SELECT a.id FROM reviews AS r, entries AS e JOIN entry_ids AS a ON a.uid = e.uid
                    WHERE e.performed_at <= r.reviewed_at AND EXISTS (SELECT 1 FROM json_each(r.seen) AS s
                        WHERE s.key = substr(e.recorded, 26) AND e.recorded <= s.value)
                    ORDER BY a.id
                    """)
        }
        #expect(covered == [1, 2])
        let clock = try store.reading { db in
            try String.fetchOne(db, sql: "SELECT last FROM replica_clocks WHERE self = 1")
        }
        #expect(clock == "001795000001000-00000002-" + Self.unsynced)
        // The next entry, however it arrives, gets alias 6: 5 was given before.
        let next = try store.writing { db in
            try db.execute(
                sql: """
                    INSERT INTO entries (uid, exercise_id, performed_at, utc_offset, pain_before, pain_after, created_at,
                                         recorded)
                    VALUES ('01a1ee56-6600-7000-8000-000000000001', 'glute-bridge', ?, 0, 2, 2, ?,
                            '001795000002000-00000000-\(Self.unsynced)')
                    """, arguments: [second + 2, second + 2])
            return try Int.fetchOne(
                db, sql: "SELECT id FROM entry_ids WHERE uid = '01a1ee56-6600-7000-8000-000000000001'")
        }
        #expect(next == 6)
    }

    /// A new journal gets the section's tables from nothing, with its clock at the zero reading.
    @Test func aNewJournalGetsTheSectionFromNothing() throws {
        #expect(
            Migrations.steps.firstIndex(of: "v26-record-ids")
                == Migrations.steps.firstIndex(of: Self.sectionBefore).map { $0 + 1 })
        let queue = try DatabaseQueue()
        try Migrations.migrator(sections: Schema.sections).migrate(queue)
        try queue.read { db throws in
            #expect(try String.fetchAll(db, sql: "PRAGMA integrity_check") == ["ok"])
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            #expect(
                try String.fetchAll(db, sql: "SELECT replica || ' ' || last FROM replica_clocks WHERE self = 1") == [
                    Self.unsynced + " 000000000000000-00000000-" + Self.unsynced
                ])
        }
    }

    // MARK: Seeded

    /// A journal made to break the migration (docs/sync-ids/make-stress-journal.py): records sharing few
    /// recording seconds, some far in the past (an import, a clock gone back), reviews whose through ids
    /// fall inside and outside their second, deletes and edits with undo copies, PSFS, a plan, a custom
    /// exercise and settings.
    func seedStress(_ db: Database, entries count: Int, random: inout SplitMix) throws {
        let exercises = ["glute-bridge", "bird-dog", "front-plank", "my-stretch"]
        let flags = ["fever", "night-pain", "one-leg", "both-legs"]
        let base = Self.second
        func created() -> Int64 {
            if Int.random(in: 0..<10, using: &random) < 9 {
                return base + [0, 1, 2, 3, 5, 8][Int.random(in: 0..<6, using: &random)] * 60
                    + Int64.random(in: 0..<3, using: &random)
            }
            return base - Int64.random(in: 0..<1_000_000, using: &random)
        }
        try db.execute(
            sql: """
                INSERT INTO exercises (id, name, category, per_side, measure) VALUES ('my-stretch', 'My stretch', 'stretch', 0, 'hold');
                INSERT INTO plan (exercise_id, sets, reps, per_week) VALUES ('glute-bridge', 3, 10, 7);
                INSERT INTO plan (exercise_id, sets, hold_seconds, per_week, since, position)
                    VALUES ('my-stretch', 2, 30, 5, '2026-11-01', 2);
                INSERT INTO settings (name, value) VALUES ('region', 'GB');
                UPDATE exercises SET archived = 1 WHERE id = 'front-plank';
                INSERT INTO plan_history (exercise_id, since, sets, reps, per_week) VALUES
                    ('glute-bridge', NULL, 2, 8, 3), ('glute-bridge', NULL, 2, 10, 4),
                    ('glute-bridge', '2026-10-01', 3, 8, 5);
                INSERT INTO plan_history (exercise_id, since, sets, hold_seconds, per_week)
                    VALUES ('my-stretch', '2026-10-15', 1, 20, 5);
                INSERT INTO checkins (id, performed_at, utc_offset, pain, created_at) VALUES (1, \(base), 0, 3, \(base));
                """)
        var entryIDs: [Int] = []
        var checkinIDs = [1]
        for id in 1...count {
            let recorded = created()
            try db.execute(
                sql: """
                    INSERT INTO entries (id, exercise_id, performed_at, utc_offset, sets, pain_before, pain_after, note,
                                         created_at)
                    VALUES (?, ?, ?, 0, 1, ?, ?, ?, ?)
                    """,
                arguments: [
                    id, exercises.randomElement(using: &random), recorded - Int64.random(in: 0..<4000, using: &random),
                    Int.random(in: 0...10, using: &random), Int.random(in: 0...10, using: &random),
                    Int.random(in: 0..<5, using: &random) == 0 ? "note \(id)" : nil, recorded,
                ])
            entryIDs.append(id)
            if Int.random(in: 0..<10, using: &random) < 3 {
                let checkin = checkinIDs.count + 1
                let at = created()
                try db.execute(
                    sql: "INSERT INTO checkins (id, performed_at, utc_offset, pain, created_at) VALUES (?, ?, 0, ?, ?)",
                    arguments: [
                        checkin, at - Int64.random(in: 0..<4000, using: &random),
                        Int.random(in: 0...10, using: &random), at,
                    ])
                for flag in flags.shuffled(using: &random).prefix(Int.random(in: 0..<3, using: &random)) {
                    try db.execute(
                        sql: "INSERT INTO checkin_red_flags (checkin_id, red_flag) VALUES (?, ?)",
                        arguments: [checkin, flag])
                }
                checkinIDs.append(checkin)
            }
            if Int.random(in: 0..<50, using: &random) == 0 {
                // Half the reviews are recorded in the second of the newest record they saw, an hour after
                // they are dated: records on both sides of the through id then share their second.
                let through = entryIDs.randomElement(using: &random) ?? 1
                let onBoundary = Bool.random(using: &random)
                let at =
                    onBoundary
                    ? try Int64.fetchOne(db, sql: "SELECT created_at FROM entries WHERE id = ?", arguments: [through])
                        ?? base : created()
                try db.execute(
                    sql: """
                        INSERT INTO reviews (exercise_id, reviewed_at, utc_offset, created_at, through_entry_id)
                        VALUES (?, ?, 0, ?, ?)
                        """,
                    arguments: [
                        exercises.randomElement(using: &random),
                        onBoundary ? at + 3600 : at - Int64.random(in: 0..<3000, using: &random), at, through,
                    ])
                let throughCheckin = checkinIDs.randomElement(using: &random) ?? 1
                let flagsAt =
                    onBoundary
                    ? try Int64.fetchOne(
                        db, sql: "SELECT created_at FROM checkins WHERE id = ?", arguments: [throughCheckin]) ?? base
                    : created()
                try db.execute(
                    sql: """
                        INSERT INTO red_flag_reviews (reviewed_at, utc_offset, created_at, through_checkin_id)
                        VALUES (?, 0, ?, ?)
                        """,
                    arguments: [
                        onBoundary ? flagsAt + 3600 : flagsAt - Int64.random(in: 0..<3000, using: &random), flagsAt,
                        throughCheckin,
                    ])
            }
        }
        // Deletes with undo copies, as `journal delete` and `journal checkins delete` keep them, and edits.
        for step in 1...8 {
            let change = 100 + step
            try db.execute(
                sql: "INSERT INTO changes (id, kind, made_at) VALUES (?, ?, ?)",
                arguments: [change, ["delete", "edit", "checkin-delete"].randomElement(using: &random), base + 900])
            let entry = entryIDs.randomElement(using: &random) ?? 1
            try db.execute(
                sql: """
                    INSERT INTO change_entries (change_id, action, id, exercise_id, performed_at, utc_offset, sets, reps,
                                                hold_seconds, side, pain_before, pain_after, note, created_at)
                    SELECT ?, 'restore', id, exercise_id, performed_at, utc_offset, sets, reps, hold_seconds, side,
                           pain_before, pain_after, note, created_at
                    FROM entries WHERE id = ?
                    """, arguments: [change, entry])
            let checkin = checkinIDs.randomElement(using: &random) ?? 1
            try db.execute(
                sql: """
                    INSERT INTO change_checkins (change_id, action, id, performed_at, utc_offset, pain, note, created_at,
                                                 red_flags)
                    SELECT ?, 'restore', id, performed_at, utc_offset, pain, note, created_at,
                           (SELECT group_concat(red_flag) FROM checkin_red_flags WHERE checkin_id = checkins.id)
                    FROM checkins WHERE id = ?
                    """, arguments: [change, checkin])
            if step % 2 == 1 {
                try db.execute(sql: "DELETE FROM entries WHERE id = ?", arguments: [entry])
                try db.execute(sql: "DELETE FROM checkins WHERE id = ?", arguments: [checkin])
            }
        }
        try db.execute(
            sql: """
                INSERT INTO changes (id, kind, made_at) VALUES (200, 'resume', \(base + 900));
                INSERT INTO change_exercise_reviews (change_id, id, exercise_id, reviewed_at, utc_offset, created_at,
                                                     through_entry_id)
                SELECT 200, id, exercise_id, reviewed_at, utc_offset, created_at, through_entry_id FROM reviews LIMIT 3;
                INSERT INTO psfs_activities (activity, added_at, utc_offset, created_at)
                    VALUES ('Socks', \(base), 0, \(base)), ('Sitting', \(base), 0, \(base));
                UPDATE psfs_activities SET retired_at = \(base + 60) WHERE activity = 'Sitting';
                INSERT INTO changes (id, kind, made_at, subject) VALUES (201, 'plan', \(base + 900), 'glute-bridge');
                INSERT INTO change_plan_history (change_id, exercise_id, since, sets, reps, hold_seconds, per_week)
                    SELECT 201, exercise_id, since, sets, reps, hold_seconds, per_week FROM plan_history;
                """)
        for _ in 0..<50 {
            try db.execute(
                sql:
                    "INSERT INTO psfs_ratings (activity_id, rated_at, utc_offset, score, created_at) VALUES (?, ?, 0, ?, ?)",
                arguments: [
                    Int.random(in: 1...2, using: &random), base, Int.random(in: 0...10, using: &random), created(),
                ])
        }
        // An id deleted at the top: the counter stays above every id in use.
        try db.execute(sql: "UPDATE sqlite_sequence SET seq = seq + 3 WHERE name = 'entries'")
    }

    /// The six record tables and their alias tables.
    static let recordTables = [
        ("entries", "entry_ids"), ("checkins", "checkin_ids"), ("reviews", "review_ids"),
        ("red_flag_reviews", "red_flag_review_ids"), ("psfs_activities", "psfs_activity_ids"),
        ("psfs_ratings", "psfs_rating_ids"),
    ]

    /// The views of v24-record-views and their columns but `uid` (the id before, the UUIDv7 after).
    static let views = [
        (
            "entries_with_ids",
            "id, exercise_id, performed_at, utc_offset, sets, reps, hold_seconds, side, pain_before, pain_after, note, created_at"
        ),
        ("checkins_with_ids", "id, performed_at, utc_offset, pain, note, created_at"),
        ("reviews_with_ids", "id, exercise_id, reviewed_at, utc_offset, note, created_at"),
        ("red_flag_reviews_with_ids", "id, reviewed_at, utc_offset, note, created_at"),
        ("psfs_activities_with_ids", "id, activity, added_at, utc_offset, retired_at, created_at"),
        ("psfs_ratings_with_ids", "id, activity_id, rated_at, utc_offset, score, note, created_at"),
    ]

    /// Old rows and new rows, read through the alias: the same sets.
    static let sameValues = [
        (
            "entries",
            "SELECT id, exercise_id, performed_at, utc_offset, sets, reps, hold_seconds, side, pain_before, pain_after, note, created_at FROM old.entries",
            "SELECT a.id, exercise_id, performed_at, utc_offset, sets, reps, hold_seconds, side, pain_before, pain_after, note, created_at FROM main.entries JOIN main.entry_ids AS a USING (uid)"
        ),
        (
            "checkins", "SELECT id, performed_at, utc_offset, pain, note, created_at FROM old.checkins",
            "SELECT a.id, performed_at, utc_offset, pain, note, created_at FROM main.checkins JOIN main.checkin_ids AS a USING (uid)"
        ),
        (
            "checkin_red_flags", "SELECT checkin_id, red_flag, 1 FROM old.checkin_red_flags",
            "SELECT a.id, red_flag, present FROM main.checkin_red_flags JOIN main.checkin_ids AS a ON a.uid = checkin_uid"
        ),
        (
            "reviews", "SELECT id, exercise_id, reviewed_at, utc_offset, note, created_at FROM old.reviews",
            "SELECT a.id, exercise_id, reviewed_at, utc_offset, note, created_at FROM main.reviews JOIN main.review_ids AS a USING (uid)"
        ),
        (
            "red_flag_reviews", "SELECT id, reviewed_at, utc_offset, note, created_at FROM old.red_flag_reviews",
            "SELECT a.id, reviewed_at, utc_offset, note, created_at FROM main.red_flag_reviews JOIN main.red_flag_review_ids AS a USING (uid)"
        ),
        (
            "psfs_activities",
            "SELECT id, activity, added_at, utc_offset, retired_at, created_at FROM old.psfs_activities",
            "SELECT a.id, activity, added_at, utc_offset, retired_at, created_at FROM main.psfs_activities JOIN main.psfs_activity_ids AS a USING (uid)"
        ),
        (
            "psfs_ratings",
            "SELECT id, activity_id, rated_at, utc_offset, score, note, created_at FROM old.psfs_ratings",
            "SELECT a.id, act.id, rated_at, utc_offset, score, note, created_at FROM main.psfs_ratings JOIN main.psfs_rating_ids AS a USING (uid) JOIN main.psfs_activity_ids AS act ON act.uid = activity_uid"
        ),
        (
            "plan", "SELECT rowid, exercise_id, sets, reps, hold_seconds, per_week, since, position, 0 FROM old.plan",
            "SELECT rowid, exercise_id, sets, reps, hold_seconds, per_week, since, position, removed FROM main.plan"
        ),
        // Of two doses in force since the journal began (NULL) for one exercise, the later one, in force.
        (
            "plan_history",
            "SELECT exercise_id, coalesce(since, '0000-00-00'), sets, reps, hold_seconds, per_week, 0 FROM old.plan_history WHERE rowid IN (SELECT max(rowid) FROM old.plan_history GROUP BY exercise_id, since)",
            "SELECT exercise_id, since, sets, reps, hold_seconds, per_week, removed FROM main.plan_history"
        ),
        (
            "change_plan_history",
            "SELECT change_id, exercise_id, coalesce(since, '0000-00-00'), sets, reps, hold_seconds, per_week FROM old.change_plan_history",
            "SELECT change_id, exercise_id, since, sets, reps, hold_seconds, per_week FROM main.change_plan_history"
        ),
        ("settings", "SELECT rowid, name, value FROM old.settings", "SELECT rowid, name, value FROM main.settings"),
        ("exercises", "SELECT * FROM old.exercises", "SELECT * FROM main.exercises"),
        ("changes", "SELECT * FROM old.changes", "SELECT * FROM main.changes"),
        (
            "change_entries", "SELECT * FROM old.change_entries",
            "SELECT change_id, action, id, exercise_id, performed_at, utc_offset, sets, reps, hold_seconds, side, pain_before, pain_after, note, created_at, \(EntryColumns.editedList) FROM main.change_entries"
        ),
        (
            "change_checkins", "SELECT * FROM old.change_checkins",
            "SELECT change_id, action, id, performed_at, utc_offset, pain, note, created_at, red_flags, edited_performed_at, edited_utc_offset, edited_pain, edited_note, edited_created_at, edited_red_flags FROM main.change_checkins"
        ),
        (
            "change_exercise_reviews",
            "SELECT change_id, id, exercise_id, reviewed_at, utc_offset, note, created_at FROM old.change_exercise_reviews",
            "SELECT change_id, id, exercise_id, reviewed_at, utc_offset, note, created_at FROM main.change_exercise_reviews"
        ),
    ]

    @Test func aSeededJournalKeepsEveryValueAliasAndCoverage() throws {
        var random = SplitMix(seed: 7)
        let path = directory.file("journal.sqlite3")
        try shippedJournal(path) { db in try seedStress(db, entries: 1200, random: &random) }
        let before = directory.file("before.sqlite3")
        try FileManager.default.copyItem(atPath: path, toPath: before)
        let objectsBefore = try DatabaseQueue(path: before).read { db in
            try Row.fetchAll(
                db,
                sql:
                    "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger', 'view') AND sql IS NOT NULL"
            )
        }

        let store = try migrate(path)
        // The scratch tables were on the migrating connection, which the store keeps.
        #expect(try store.reading { try Int.fetchOne($0, sql: "SELECT count(*) FROM temp.sqlite_master") } == 0)
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "ATTACH DATABASE ? AS old", arguments: [before])
        }
        try queue.read { db throws in
            func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? -1 }
            #expect(try String.fetchAll(db, sql: "PRAGMA main.integrity_check") == ["ok"])
            #expect(try Row.fetchAll(db, sql: "PRAGMA main.foreign_key_check").isEmpty)
            #expect(
                try String.fetchAll(db, sql: "SELECT identifier FROM main.grdb_migrations").last
                    == Schema.sections.last?.name)

            for (table, aliases) in Self.recordTables {
                #expect(
                    try count("SELECT count(*) FROM main.\(table)") == count("SELECT count(*) FROM old.\(table)"),
                    "\(table)")
                #expect(try count("SELECT count(*) FROM old.\(table)") > 0, "\(table): the seed wrote rows")
                let uuid =
                    "'" + String(repeating: "[0-9a-f]", count: 8) + "-" + String(repeating: "[0-9a-f]", count: 4)
                    + "-7" + String(repeating: "[0-9a-f]", count: 3) + "-[89ab]"
                    + String(repeating: "[0-9a-f]", count: 3)
                    + "-" + String(repeating: "[0-9a-f]", count: 12) + "'"
                #expect(
                    try count("SELECT count(*) FROM main.\(table) WHERE uid NOT GLOB \(uuid)") == 0, "\(table): uids")
                #expect(
                    try count(
                        """
                        SELECT count(*) FROM old.\(table) AS o LEFT JOIN main.\(aliases) AS a ON a.id = o.id
                        LEFT JOIN main.\(table) AS n ON n.uid = a.uid WHERE n.uid IS NULL
                        """) == 0, "\(table): every old id is an alias of its row")
                #expect(
                    try count(
                        """
                        SELECT coalesce((SELECT seq FROM main.sqlite_sequence WHERE name = '\(aliases)'), 0)
                            >= coalesce((SELECT seq FROM old.sqlite_sequence WHERE name = '\(table)'), 0)
                        """) == 1, "\(table): the alias counter carries on")
                #expect(
                    try count(
                        """
                        SELECT count(*) FROM main.\(aliases) AS x JOIN main.\(aliases) AS y ON x.id < y.id
                        JOIN old.\(table) AS ox ON ox.id = x.id JOIN old.\(table) AS oy ON oy.id = y.id
                        WHERE ox.created_at = oy.created_at AND x.uid > y.uid
                        """) == 0, "\(table): uids keep id order within a recording second")
                #expect(
                    try count(
                        """
                        SELECT count(*) FROM old.\(table) AS o JOIN main.\(aliases) AS a ON a.id = o.id
                        WHERE substr(replace(a.uid, '-', ''), 1, 12)
                            NOT BETWEEN printf('%012x', o.created_at * 1000) AND printf('%012x', o.created_at * 1000 + 999)
                        """) == 0, "\(table): a uid's time is its row's created_at")
            }
            for (name, old, new) in Self.sameValues {
                #expect(try count("SELECT count(*) FROM (\(old) EXCEPT \(new))") == 0, "\(name): a row lost")
                #expect(
                    try count("SELECT count(*) FROM (\(new) EXCEPT \(old))") == 0, "\(name): a row changed or added")
            }
            // v24-record-views' views, which readers read, give the same rows before and after but for `uid`.
            for (view, columns) in Self.views {
                let old = "SELECT \(columns) FROM old.\(view)"
                let new = "SELECT \(columns) FROM main.\(view)"
                #expect(try count("SELECT count(*) FROM old.\(view)") > 0, "\(view): the seed wrote rows")
                #expect(try count("SELECT count(*) FROM (\(old) EXCEPT \(new))") == 0, "\(view): a row lost")
                #expect(try count("SELECT count(*) FROM (\(new) EXCEPT \(old))") == 0, "\(view): a row changed")
            }
            #expect(
                try count("SELECT count(*) FROM main.change_entries WHERE action = 'restore' AND recorded IS NULL") == 0
            )
            #expect(
                try count("SELECT count(*) FROM main.change_checkins WHERE action = 'restore' AND recorded IS NULL")
                    == 0)
            #expect(try count("SELECT count(*) FROM main.change_exercise_reviews WHERE seen IS NULL") == 0)

            // "Recorded before it": each pair covered, or not, exactly as Review.Mark.covers says of the old rows.
            let entryPairs = try count(
                """
                WITH before AS (
                    SELECT r.id AS review, e.id AS entry,
                           e.performed_at <= r.reviewed_at AND CASE WHEN e.created_at <> r.created_at
                               THEN e.created_at < r.created_at ELSE e.id <= r.through_entry_id END AS covered
                    FROM old.reviews AS r, old.entries AS e),
                after AS (
                    SELECT ra.id AS review, ea.id AS entry,
                           e.performed_at <= r.reviewed_at AND EXISTS (
                               SELECT 1 FROM json_each(r.seen) AS s
                               WHERE s.key = substr(e.recorded, 26) AND e.recorded <= s.value) AS covered
                    FROM main.reviews AS r JOIN main.review_ids AS ra USING (uid), main.entries AS e
                    JOIN main.entry_ids AS ea ON ea.uid = e.uid)
                SELECT count(*) FROM before JOIN after USING (review, entry)
                WHERE before.covered IS NOT after.covered
                """)
            #expect(entryPairs == 0, "(review, entry) pairs covered differently")
            let checkinPairs = try count(
                """
                WITH before AS (
                    SELECT r.id AS review, c.id AS checkin,
                           c.performed_at <= r.reviewed_at AND CASE WHEN c.created_at <> r.created_at
                               THEN c.created_at < r.created_at ELSE c.id <= r.through_checkin_id END AS covered
                    FROM old.red_flag_reviews AS r, old.checkins AS c),
                after AS (
                    SELECT ra.id AS review, ca.id AS checkin,
                           c.performed_at <= r.reviewed_at AND EXISTS (
                               SELECT 1 FROM json_each(r.seen) AS s
                               WHERE s.key = substr(c.recorded, 26) AND c.recorded <= s.value) AS covered
                    FROM main.red_flag_reviews AS r JOIN main.red_flag_review_ids AS ra USING (uid), main.checkins AS c
                    JOIN main.checkin_ids AS ca ON ca.uid = c.uid)
                SELECT count(*) FROM before JOIN after USING (review, checkin)
                WHERE before.covered IS NOT after.covered
                """)
            #expect(checkinPairs == 0, "(red-flag review, check-in) pairs covered differently")
            // Both kinds of answer occur, so the comparison compared something.
            let covered = try count(
                """
                SELECT count(*) FROM old.reviews AS r, old.entries AS e WHERE e.performed_at <= r.reviewed_at
                    AND CASE WHEN e.created_at <> r.created_at THEN e.created_at < r.created_at
                        ELSE e.id <= r.through_entry_id END
                """)
            let pairs = try count("SELECT (SELECT count(*) FROM old.reviews) * (SELECT count(*) FROM old.entries)")
            #expect(covered > 0 && covered < pairs, "covered \(covered) of \(pairs) pairs")
            // The rule's edge is met on both sides: in a review's own second, performed by its time, the
            // newest record it saw (covered) and one recorded after it (not).
            for (reviews, records, through) in [
                ("reviews", "entries", "through_entry_id"), ("red_flag_reviews", "checkins", "through_checkin_id"),
            ] {
                for (side, comparison) in [("the through id", "="), ("a later id", ">")] {
                    #expect(
                        try count(
                            """
                            SELECT count(*) FROM old.\(reviews) AS r JOIN old.\(records) AS e
                                ON e.created_at = r.created_at AND e.performed_at <= r.reviewed_at
                            WHERE e.id \(comparison) r.\(through)
                            """) > 0, "\(reviews): no pair in a review's second with \(side)")
                }
            }

            #expect(
                try count(
                    """
                    SELECT last >= (SELECT max(recorded) FROM main.entries) AND last >= (SELECT max(recorded) FROM main.checkins)
                    FROM main.replica_clocks WHERE self = 1
                    """) == 1, "the clock starts at the latest reading")
            // Every index, trigger and view of the rebuilt tables is there again.
            let objectsAfter = try Row.fetchAll(
                db,
                sql:
                    "SELECT type, name, sql FROM main.sqlite_master WHERE type IN ('index', 'trigger', 'view') AND sql IS NOT NULL"
            )
            let missing = Set(objectsBefore.map { $0["name"] as String }).subtracting(
                objectsAfter.map { $0["name"] as String })
            #expect(missing.isEmpty, "indexes, triggers or views lost: \(missing.sorted())")
            let stops = objectsAfter.filter { ($0["name"] as String).hasPrefix("entries_stops") }.map {
                $0["sql"] as String
            }
            #expect(
                stops
                    == objectsBefore.filter { ($0["name"] as String).hasPrefix("entries_stops") }.map {
                        $0["sql"] as String
                    })
        }
    }
}
