import GRDB

/// The exercise queries: the catalogue (built in and the person's own) and the plan, read inside a
/// transaction the caller opened (``JournalStore``).
///
/// ```swift
/// let plan = try store.reading { db in try ExerciseQueries.plan(db) }
/// ```
enum ExerciseQueries {
    /// The built-in catalogue plus the person's own exercises, archived ones too when asked, and
    /// with `includingRemoved` every row of the person's own, one removed too (``removedExercise(_:)``):
    /// a full import's entries name an archived exercise it wrote before their entries.
    static func catalog(_ db: Database, includingArchived: Bool, includingRemoved: Bool = false) throws -> Catalog {
        let custom = try customExercises(
            db, includingArchived: includingArchived, includingRemoved: includingArchived && includingRemoved)
        return custom.isEmpty ? Catalog.builtIn : Catalog(extending: .builtIn, with: custom)
    }

    /// The exercise `text` names that can be logged or planned; an archived one of the person's own
    /// is refused as archived (``JournalError/exerciseArchived(_:entries:)``), never as unknown.
    static func loggable(_ text: String, _ db: Database) throws -> Exercise {
        do {
            return try catalog(db, includingArchived: false).resolve(text)
        } catch JournalError.unknownExercise(let id, let suggestions) {
            guard let archived = try? catalog(db, includingArchived: true).resolve(text) else {
                try refuseMissingRow(Catalog.key(text), db)
                throw JournalError.unknownExercise(id, suggestions: suggestions)
            }
            let uses =
                try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM entries WHERE exercise_id = ?", arguments: [archived.id]) ?? 0
            throw JournalError.exerciseArchived(archived.id, entries: uses)
        }
    }

    /// Throws ``JournalError/exerciseRowMissing(_:)`` when `id` is not a built-in exercise and
    /// entries name it but no exercise has it (removed from outside): the person typed an
    /// exercise of their own whose row is gone, which is no unknown exercise.
    static func refuseMissingRow(_ id: String, _ db: Database) throws {
        guard Catalog.builtIn.exercise(id: id) == nil,
            let count = try Int.fetchOne(
                db,
                sql: """
                    SELECT count(*) FROM entries WHERE exercise_id = ?1
                    AND NOT EXISTS (SELECT 1 FROM exercises WHERE id = ?1)
                    """, arguments: [id]), count > 0
        else { return }
        throw JournalError.exerciseRowMissing(StoredValues.missingExercise(id, entries: count))
    }

    /// Whether `id` is one of the person's own exercises, archived: kept for its entries, no longer logged.
    static func isArchived(_ id: String, _ db: Database) throws -> Bool {
        guard Catalog.builtIn.exercise(id: id) == nil else { return false }
        return try Bool.fetchOne(
            db, sql: "SELECT count(*) > 0 FROM exercises WHERE id = ? AND archived = 1", arguments: [id]) ?? false
    }

    /// An SQL condition on the `exercises` row `table` names: one `journal exercises remove` took away.
    ///
    /// Its row stays, archived (a deleted key could never be written again, docs/sync-ids.md),
    /// and while no entry names it, it reads as gone: in no catalogue, and `exercises add` of its id
    /// brings it back with the new values.
    static func removedExercise(_ table: String = "exercises") -> String {
        "(\(table).archived = 1 AND NOT EXISTS (SELECT 1 FROM entries WHERE entries.exercise_id = \(table).id))"
    }

    /// The person's own exercises, by id, archived ones too when asked (never one removed, ``removedExercise(_:)``).
    ///
    /// A row's `builtin` and `archived` put in from outside as neither 0 nor 1 read as typed input
    /// makes them (``StoredValues`` names them): built in exactly when the catalogue holds the id,
    /// archived only at 1; an empty name reads as the id. A row whose id journal never writes
    /// (`Knee-Hug`) is no exercise: its entries, under the id journal wrote, name one whose row is
    /// gone, and a write naming it is refused as such, never split between two ids.
    static func customExercises(_ db: Database, includingArchived: Bool, includingRemoved: Bool = false) throws
        -> [Exercise]
    {
        let shown =
            includingRemoved ? "" : includingArchived ? " AND NOT \(removedExercise())" : " AND archived IS NOT 1"
        let rows = try Row.fetchAll(
            db,
            sql:
                "SELECT id, name, category, per_side, measure, \(StoredText.select("how_to")) FROM exercises "
                + "WHERE (\(StoredValues.validExerciseID))"
                + shown + " ORDER BY id")
        return try rows.compactMap { row in
            let id: String = try row.decode(forColumn: "id")
            guard Catalog.builtIn.exercise(id: id) == nil,
                let category = Exercise.Category(rawValue: try row.decode(forColumn: "category")),
                let measure = Exercise.Measure(rawValue: try row.decode(forColumn: "measure"))
            else { return nil }
            let name: String = try row.decode(forColumn: "name")
            return Exercise(
                id: id, name: name.isEmpty ? id : name, category: category,
                perSide: try row.decode(forColumn: "per_side"), measure: measure,
                howTo: StoredText.text(row, "how_to") ?? Exercise.ownHowTo, isCustom: true)
        }
    }

    /// The plan's order: by position; a row without one (none should lack it) after those with one.
    static let planOrder = "position IS NULL, position, rowid"

    /// ``planOrder`` with ties by exercise, not by row: the same on every device (`export --all --no-aliases`).
    static let planOrderByKey = "position IS NULL, position, exercise_id"

    /// plan_history's `since` of a dose in force since the journal began, which reads back as `nil`:
    /// the table's key (exercise, day) holds no NULL, so that a session records the row (v26-record-ids).
    static let sinceJournalBegan = "0000-00-00"

    /// The plan, each item with its earlier doses (plan_history's rows not removed, oldest first).
    static func plan(_ db: Database, order: String = planOrder) throws -> [PlanItem] {
        var earlier: [String: [PlanItem]] = [:]
        for dose in try planItems(
            db,
            sql: """
                SELECT exercise_id, sets, reps, hold_seconds, per_week, nullif(since, ?) AS since FROM plan_history
                WHERE removed = 0 ORDER BY plan_history.since
                """, arguments: [sinceJournalBegan])
        {
            earlier[dose.exerciseID, default: []].append(dose)
        }
        return try planItems(
            db,
            sql:
                "SELECT exercise_id, sets, reps, hold_seconds, per_week, since FROM plan WHERE removed = 0 ORDER BY \(order)"
        ).map { item in
            var item = item
            item.earlier = earlier[item.exerciseID] ?? []
            return item
        }
    }

    /// Writes the earlier doses of `item`'s exercise (plan_history) as `item` holds them, a dose in
    /// force since the journal began on ``sinceJournalBegan``: each upserted (`removed` 0), the
    /// exercise's other rows `removed` (a deleted key could never be written again, docs/sync-ids.md).
    static func replaceEarlierDoses(of item: PlanItem, _ db: Database) throws {
        var days: [String] = []
        for dose in item.earlier {
            let since = dose.since?.iso8601 ?? sinceJournalBegan
            days.append(since)
            try db.execute(
                sql: """
                    INSERT INTO plan_history (exercise_id, sets, reps, hold_seconds, per_week, since)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (exercise_id, since) DO UPDATE SET sets = excluded.sets, reps = excluded.reps,
                        hold_seconds = excluded.hold_seconds, per_week = excluded.per_week, removed = 0
                    """,
                arguments: [item.exerciseID, dose.sets, dose.reps, dose.holdSeconds, dose.perWeek, since])
        }
        try db.execute(
            sql: """
                UPDATE plan_history SET removed = 1
                WHERE exercise_id = ? AND removed = 0 AND since NOT IN (SELECT value FROM json_each(?))
                """,
            arguments: [item.exerciseID, "[" + days.map { "\"\($0)\"" }.joined(separator: ",") + "]"])
    }

    /// Takes `exerciseID` off the plan, its earlier doses with it: the rows stay, `removed`, so
    /// that setting it again writes the same keys (docs/sync-ids.md, "Deletes and foreign keys").
    static func removeFromPlan(_ exerciseID: String, _ db: Database) throws {
        try db.execute(
            sql: "UPDATE plan SET removed = 1 WHERE exercise_id = ? AND removed = 0", arguments: [exerciseID])
        try db.execute(
            sql: "UPDATE plan_history SET removed = 1 WHERE exercise_id = ? AND removed = 0", arguments: [exerciseID])
    }

    /// Plan rows (of the plan or its history) as `sql` selects them, each a dose without earlier ones.
    private static func planItems(_ db: Database, sql: String, arguments: StatementArguments = []) throws
        -> [PlanItem]
    {
        try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            // A dose journal never writes is read within its bounds; ``StoredValues`` names it.
            let reps: Int? = try row.decode(forColumn: "reps")
            let hold: Int? = try row.decode(forColumn: "hold_seconds")
            return try PlanItem(
                exerciseID: row.decode(forColumn: "exercise_id"),
                sets: StoredValues.clamped(row.decode(forColumn: "sets"), to: Entry.Limits.sets),
                reps: reps.map { StoredValues.clamped($0, to: Entry.Limits.reps) },
                holdSeconds: hold.map { StoredValues.clamped($0, to: Entry.Limits.holdSeconds) },
                perWeek: StoredValues.clamped(row.decode(forColumn: "per_week"), to: PlanItem.perWeekRange),
                since: (row["since"] as String?).flatMap { LocalDate(iso8601: $0) })
        }
    }

    /// The person's own exercises, archived ones too, by id, as a full export lists them.
    static func ownExercisesForExport(_ db: Database) throws -> [OwnExerciseJSON] {
        let archived = Set(try String.fetchAll(db, sql: "SELECT id FROM exercises WHERE archived = 1"))
        return try customExercises(db, includingArchived: true).map {
            OwnExerciseJSON($0, archived: archived.contains($0.id))
        }
    }
}
