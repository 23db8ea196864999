import Foundation
import GRDB

/// What `journal exercises remove` did, and what it took with the exercise.
///
/// ```swift
/// let removal = try store.removeExercise(id: "knee-to-chest", force: false)
/// removal.archived   // false: no entry used it, so it is gone
/// removal.planItem   // its plan item, removed with it
/// ```
public struct ExerciseRemoval: Sendable, Hashable {
    /// The entries that use it: kept, with the exercise archived (it can no longer be logged); 0
    /// when no entry used it and it is gone (its row archived, read as gone: ``ExerciseQueries/removedExercise(_:)``).
    public var entries: Int
    /// The plan item removed with it; `nil` when it was not in the plan.
    public var planItem: PlanItem?
    /// The physiotherapist's reviews of it removed with it, by id (an archived exercise keeps them).
    public var reviewIDs: [Int64]

    public init(entries: Int, planItem: PlanItem? = nil, reviewIDs: [Int64] = []) {
        self.entries = entries
        self.planItem = planItem
        self.reviewIDs = reviewIDs
    }

    /// Whether it was archived (entries use it) rather than removed.
    public var archived: Bool { entries > 0 }

    /// Removed, taking nothing else with it.
    public static let removed = ExerciseRemoval(entries: 0)

    /// Archived for `entries` entries, taking nothing else with it.
    public static func archived(entries: Int) -> ExerciseRemoval { ExerciseRemoval(entries: entries) }
}

/// The person's own exercises and the plan (``ExerciseQueries``).
extension JournalStore {
    /// Unix seconds now by the system clock: the time a change is noted at when the caller gives none.
    public static func wallClock() -> Int64 { Int64(Date().timeIntervalSince1970) }

    /// The exercises that can be logged: the built-in catalogue plus the person's own, not archived.
    ///
    /// With `includingArchived`, archived ones too: every exercise an entry, a hold or a review can
    /// name (`journal resume`, `exercises show`, `list --exercise`).
    public func catalog(includingArchived: Bool = false) throws -> Catalog {
        try reading { db in try ExerciseQueries.catalog(db, includingArchived: includingArchived) }
    }

    /// The exercise `text` names that can be logged or planned: built in or the person's own; an
    /// archived one is refused as archived (``JournalError/exerciseArchived(_:entries:)``).
    public func loggableExercise(_ text: String) throws -> Exercise {
        try reading { db in try ExerciseQueries.loggable(text, db) }
    }

    /// Throws ``JournalError/exerciseRowMissing(_:)`` when `text` is the id of an exercise of the
    /// person's own that entries name and whose row is gone from the file (removed from outside):
    /// what a command says instead of an unknown exercise.
    public func refuseMissingExerciseRow(_ text: String) throws {
        try reading { db in try ExerciseQueries.refuseMissingRow(Catalog.key(text), db) }
    }

    /// Whether `id` is one of the person's own exercises, archived: kept for its entries, no longer logged.
    public func isArchived(exerciseID id: String) throws -> Bool {
        try reading { db in try ExerciseQueries.isArchived(id, db) }
    }

    /// Adds an exercise of the person's own; refuses an id, alias or name already taken, saying so
    /// when the id is an archived exercise of the person's own (``JournalError/exerciseArchived(_:entries:)``).
    ///
    /// The id of one removed (``ExerciseQueries/removedExercise(_:)``) is free: its row comes back
    /// with the new values, never deleted and inserted again (docs/sync-ids.md).
    public func addExercise(_ exercise: Exercise, now: Int64 = JournalStore.wallClock()) throws {
        try writing { db in
            let catalog = try ExerciseQueries.catalog(db, includingArchived: true)
            if let taken = try? catalog.resolve(exercise.id) {
                if try ExerciseQueries.isArchived(taken.id, db),
                    let uses = try Int.fetchOne(
                        db, sql: "SELECT count(*) FROM entries WHERE exercise_id = ?", arguments: [taken.id])
                {
                    throw JournalError.exerciseArchived(taken.id, entries: uses)
                }
                throw JournalError.exerciseExists(taken.id)
            }
            if let taken = try? catalog.resolve(exercise.name) {
                throw JournalError.exerciseNameTaken(exercise.name, by: taken.id)
            }
            try ChangeLog(db).recordExerciseChange(of: exercise.id, detail: "exercises add \(exercise.id)", now: now)
            try db.execute(
                sql: """
                    INSERT INTO exercises (id, name, category, per_side, measure, builtin, how_to)
                    VALUES (?, ?, ?, ?, ?, 0, ?)
                    ON CONFLICT (id) DO UPDATE SET name = excluded.name, category = excluded.category,
                        per_side = excluded.per_side, measure = excluded.measure, builtin = 0, archived = 0,
                        how_to = excluded.how_to
                    """,
                arguments: [
                    exercise.id, exercise.name, exercise.category.rawValue, exercise.perSide, exercise.measure.rawValue,
                    exercise.givenHowTo,
                ])
        }
    }

    /// Changes one of the person's own exercises and returns it as it was and as saved; `nil`, recording no change
    /// for undo, when it already had the name, how-to text, sides and measure given.
    ///
    /// A new name, how-to text (`""` removes it), done on each side, or measure (in repetitions or
    /// in seconds held); what is `nil` stays. An exercise whose entries record a side stays one side
    /// at a time (``JournalError/sidesInUse(_:entries:)``). A new measure changes neither the
    /// entries, which keep the doses they recorded, nor the plan's dose: a dose in the other measure
    /// is named on every screen that shows it (``Wording/planDoseInOtherMeasure(_:plan:)``), never
    /// read as this one's.
    public func editExercise(
        id: String, name: String?, howTo: String?, perSide: Bool?, measure: Exercise.Measure? = nil,
        now: Int64 = JournalStore.wallClock()
    ) throws -> (before: Exercise, after: Exercise)? {
        try writing { db in
            let catalog = try ExerciseQueries.catalog(db, includingArchived: true)
            guard let held = catalog.exercise(id: id), held.isCustom else {
                if Catalog.builtIn.exercise(id: id) != nil { throw JournalError.cannotEditBuiltIn(id) }
                throw JournalError.unknownExercise(id, suggestions: catalog.suggestions(for: Catalog.key(id)))
            }
            let checked = try Exercise.custom(
                id: id, name: name ?? held.name, category: held.category, perSide: perSide ?? held.perSide,
                measure: measure ?? held.measure, howTo: howTo)
            // A how-to left as it was is not checked again: one written from outside stays as the file holds it.
            let edited =
                howTo != nil
                ? checked
                : Exercise(
                    id: id, name: checked.name, category: checked.category, perSide: checked.perSide,
                    measure: checked.measure, howTo: held.howTo, isCustom: true)
            guard
                edited.name != held.name || edited.perSide != held.perSide || edited.givenHowTo != held.givenHowTo
                    || edited.measure != held.measure
            else { return nil }
            // Entries with a side would no longer pass their own checks (edit, export and restore refuse them).
            if held.perSide, !edited.perSide {
                let sided =
                    try Int.fetchOne(
                        db, sql: "SELECT count(*) FROM entries WHERE exercise_id = ? AND side IS NOT NULL",
                        arguments: [id]) ?? 0
                if sided > 0 { throw JournalError.sidesInUse(id, entries: sided) }
            }
            if let name, let taken = try? catalog.resolve(edited.name), taken.id != id {
                throw JournalError.exerciseNameTaken(name, by: taken.id)
            }
            try ChangeLog(db).recordExerciseChange(of: id, detail: "exercises edit \(id)", now: now)
            // A how-to left as it was keeps every byte the file holds, a NUL written from outside too.
            try db.execute(
                sql:
                    "UPDATE exercises SET name = ?, per_side = ?, measure = ?, how_to = iif(?, how_to, ?) WHERE id = ?",
                arguments: [
                    edited.name, edited.perSide, edited.measure.rawValue, edited.givenHowTo == held.givenHowTo,
                    edited.givenHowTo, id,
                ])
            return (held, edited)
        }
    }

    /// Removes an exercise of the person's own: gone when no entry uses it, else archived with `force`.
    ///
    /// Either way its row stays, archived (a deleted key could never be written again,
    /// docs/sync-ids.md); with no entry naming it, it reads as gone (``ExerciseQueries/removedExercise(_:)``).
    /// Its plan item goes with it (`removed`), and, when it is gone, the physiotherapist's reviews
    /// of it: the result names them; undo puts them back.
    public func removeExercise(id: String, force: Bool, now: Int64 = JournalStore.wallClock()) throws
        -> ExerciseRemoval
    {
        try writing { db in
            // Built in exactly when the catalogue holds the id, whatever the row's `builtin` says.
            guard
                try Bool.fetchOne(
                    db,
                    sql:
                        "SELECT EXISTS (SELECT 1 FROM exercises WHERE id = ? AND NOT \(ExerciseQueries.removedExercise()))",
                    arguments: [id]) == true
            else {
                throw JournalError.unknownExercise(id, suggestions: Catalog.builtIn.suggestions(for: Catalog.key(id)))
            }
            if Catalog.builtIn.exercise(id: id) != nil { throw JournalError.cannotRemoveBuiltIn(id) }
            let uses =
                try Int.fetchOne(db, sql: "SELECT count(*) FROM entries WHERE exercise_id = ?", arguments: [id]) ?? 0
            guard uses == 0 || force else { throw JournalError.exerciseInUse(id, entries: uses) }
            try ChangeLog(db).recordExerciseChange(of: id, detail: "exercises remove \(id)", now: now)
            var removal = ExerciseRemoval(
                entries: uses, planItem: try ExerciseQueries.plan(db).first { $0.exerciseID == id })
            if uses == 0 {
                removal.reviewIDs = try Int64.fetchAll(
                    db, sql: "SELECT id FROM reviews_with_ids WHERE exercise_id = ? ORDER BY id", arguments: [id])
                try db.execute(sql: "DELETE FROM reviews WHERE exercise_id = ?", arguments: [id])
            }
            try db.execute(sql: "UPDATE exercises SET archived = 1 WHERE id = ?", arguments: [id])
            try ExerciseQueries.removeFromPlan(id, db)
            return removal
        }
    }

    // MARK: Plan

    /// Sets (or replaces) the plan for one exercise.
    ///
    /// Doses set for `item.since` or a later day (set earlier that day, or set ahead) are replaced
    /// by it, and the result names them.
    ///
    /// A new dose or sessions a week, or a start given (`startGiven`, `plan set --since`), starts on
    /// `item.since`; the doses before it stay on the plan's history until then, so reports count
    /// the plan from the day the exercise entered it and judge each session by the dose in force
    /// that day (``PlanItem/replacing(_:)``). Set again with the same dose and sessions a week and
    /// no start given (re-typed on a later day, or only to move it with `order`), it keeps its start
    /// day. `removePlan` forgets the history: a plan set after it starts afresh.
    ///
    /// `order` places it in the plan's order (1 first; past the end is last); without it, a new
    /// exercise goes last and a replaced one keeps its place. Returns the plan item as it stands
    /// then, whether that changed anything (`false`, recording no change for undo, when the plan
    /// already held it in that place) and the item's place in the order before and after.
    @discardableResult
    public func setPlan(
        _ item: PlanItem, order: Int? = nil, startGiven: Bool = true, now: Int64 = JournalStore.wallClock()
    ) throws -> PlanSetting {
        try writing { db in
            try StoredValues.keepExerciseRow(item.exerciseID, db)
            let plan = try ExerciseQueries.plan(db)
            var ids = plan.map(\.exerciseID)
            let place = ids.firstIndex(of: item.exerciseID)
            let previous = place.map { plan[$0] }
            var item = item
            var replaced: [PlanItem] = []
            // Re-typed without a start: the same only if it is also the dose in force on its start
            // day (today), not merely a dose set ahead.
            if !startGiven, let previous, previous.sameDose(as: item),
                item.since.map({ previous.dose(on: $0)?.sameDose(as: item) == true }) ?? true
            {
                item.since = previous.since
                item.earlier = previous.earlier
            } else {
                // Every dose from the new one's start on, set earlier the same day included; the
                // same dose from that same day is kept, not replaced.
                replaced =
                    item.since.map { start in
                        (previous?.doses ?? []).filter { dose in
                            dose.since.map { $0 >= start } == true && !(dose.since == start && dose.sameDose(as: item))
                        }
                    } ?? []
                item = item.replacing(previous)
            }
            ids.removeAll { $0 == item.exerciseID }
            let newPlace = order.map { max(0, min($0 - 1, ids.count)) } ?? place ?? ids.count
            ids.insert(item.exerciseID, at: newPlace)
            var setting = PlanSetting(
                item: item, previous: previous, changed: true, place: newPlace + 1, previousPlace: place.map { $0 + 1 },
                replaced: replaced)
            if previous == item, ids == plan.map(\.exerciseID) {
                setting.changed = false
                return setting
            }
            try ChangeLog(db).recordPlanChange(of: item.exerciseID, detail: "plan set \(item.exerciseID)", now: now)
            try db.execute(
                sql: """
                    INSERT INTO plan (exercise_id, sets, reps, hold_seconds, per_week, since) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (exercise_id) DO UPDATE SET sets = excluded.sets, reps = excluded.reps,
                        hold_seconds = excluded.hold_seconds, per_week = excluded.per_week, since = excluded.since,
                        removed = 0
                    """,
                arguments: [item.exerciseID, item.sets, item.reps, item.holdSeconds, item.perWeek, item.since?.iso8601])
            try ExerciseQueries.replaceEarlierDoses(of: item, db)
            for (index, id) in ids.enumerated() {
                try db.execute(
                    sql: "UPDATE plan SET position = ? WHERE exercise_id = ?", arguments: [index + 1, id])
            }
            return setting
        }
    }

    /// Removes one exercise from the plan; returns its plan item as it was, or `nil` when it was not there.
    @discardableResult
    public func removePlan(exerciseID: String, now: Int64 = JournalStore.wallClock()) throws -> PlanItem? {
        try writing { db in
            guard let planned = try ExerciseQueries.plan(db).first(where: { $0.exerciseID == exerciseID }) else {
                return nil
            }
            try ChangeLog(db).recordPlanChange(of: exerciseID, detail: "plan remove \(exerciseID)", now: now)
            try ExerciseQueries.removeFromPlan(exerciseID, db)
            return planned
        }
    }

    /// The plan, in its order (``setPlan(_:order:)``).
    public func plan() throws -> [PlanItem] {
        try reading { db in try ExerciseQueries.plan(db) }
    }
}

/// What ``JournalStore/setPlan(_:order:startGiven:now:)`` did: the plan item as it stands (with
/// the start day it kept), the one it replaced (`nil`: it was not in the plan), whether it changed
/// anything, and the item's place in the plan's order (1 first) after it and before it.
public struct PlanSetting: Sendable, Hashable {
    public var item: PlanItem
    public var previous: PlanItem?
    public var changed: Bool
    public var place: Int
    public var previousPlace: Int?
    /// The doses set for the new one's start day or a later one, which it replaces
    /// (``PlanItem/replacing(_:)``), oldest first: `plan set` names each; undo puts them back.
    public var replaced: [PlanItem] = []

    /// Whether an item already in the plan moved in its order.
    public var moved: Bool { previousPlace.map { $0 != place } ?? false }

    /// Whether the change only moved the item in the plan's order, its dose, sessions a week and start as they were.
    public var onlyMoved: Bool { moved && previous == item }
}
