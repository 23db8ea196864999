import Foundation
import GRDB

/// What `journal undo` reversed.
public struct UndoResult: Sendable, Hashable {
    /// What the change was.
    public var kind: ChangeKind
    /// When the change was made, Unix seconds.
    public var madeAt: Int64
    /// Entries put back as they were.
    public var restored: Int
    /// Entries removed (those a log or an import had added).
    public var removed: Int
    /// Check-ins put back as they were.
    public var checkInsRestored = 0
    /// Check-ins removed (those a check-in or an import had added).
    public var checkInsRemoved = 0
    /// Reviews taken back (those `journal resume` or an import had recorded).
    public var reviewsRemoved = 0
    /// Of ``reviewsRemoved``, the records that a doctor has seen the red flags (`journal resume --red-flags`).
    public var redFlagReviewsRemoved = 0
    /// PSFS activities and ratings put back as they were.
    public var psfsChanged = 0
    /// Exercises of the person's own removed (those a full import had added).
    public var exercisesRemoved = 0
    /// Plan items removed (those a full import had added).
    public var planItemsRemoved = 0
    /// Settings unset (those a full import had set).
    public var settingsRemoved = 0
    /// The ids of the entries undo removed or put back, smallest first.
    public var entryIDs: [Int64] = []
    /// The ids of the check-ins undo removed or put back, smallest first.
    public var checkInIDs: [Int64] = []
    /// The ids of the physiotherapist's reviews undo took back (`journal resume`, an import) or put
    /// back (those `journal exercises remove` had taken with the exercise), smallest first.
    public var reviewIDs: [Int64] = []
    /// The ids of the records that a doctor has seen the red flags undo took back
    /// (`journal resume --red-flags`, an import), smallest first.
    public var redFlagReviewIDs: [Int64] = []
    /// The ids of the PSFS activities undo removed (`psfs add`, an import) or made active again
    /// (`psfs remove`), smallest first.
    public var psfsActivityIDs: [Int64] = []
    /// The ids of the PSFS ratings undo removed (`psfs rate`, an import), smallest first.
    public var psfsRatingIDs: [Int64] = []
    /// The ids of the person's own exercises undo removed or put back (an exercise change, or those
    /// a full import added), in order.
    public var exerciseIDs: [String] = []
    /// The exercises whose plan item undo removed or put back (a plan change, an exercise change that
    /// had taken it off the plan, or those a full import added), in order.
    public var planExerciseIDs: [String] = []
    /// The names of the settings undo put back or unset (a setting change, or those a full import set), in order.
    public var settingNames: [String] = []
    /// The entries undo put back (a delete's, an edit's), as they are now, smallest id first.
    public var putBackEntries: [Entry] = []
    /// The entries as the undone change had left them, for those of ``putBackEntries`` it had kept
    /// (an edit's: the edited values), smallest id first.
    public var replacedEntries: [Entry] = []
    /// The check-ins undo put back (a check-in edit's or delete's), as they are now, smallest id first.
    public var putBackCheckIns: [CheckIn] = []
    /// The check-ins as the undone change had left them, for those of ``putBackCheckIns`` it had
    /// kept (a check-in edit's: the edited values), smallest id first.
    public var replacedCheckIns: [CheckIn] = []
    /// The red flags journal does not know (put in from outside) that the check-ins undo put back
    /// had held, by check-in id: never put back, since journal adopts nothing the file alone says.
    public var redFlagsNotPutBack: [Int64: [String]] = [:]
    /// The exercises whose physiotherapist's review undo took back (`journal resume`, an import) or
    /// put back (`journal exercises remove`), in order.
    public var reviewedExerciseIDs: [String] = []
    /// The holds that stand again on ``reviewedExerciseIDs`` once undo took back a `journal resume`.
    public var holdsAgain: [Hold] = []
    /// The PSFS activities undo removed (`psfs add`, an import: as they were) or made active again
    /// (`psfs remove`: as they are now), smallest id first.
    public var psfsActivities: [PSFSActivity] = []
    /// The PSFS ratings undo removed (`psfs rate`, an import), as they were, smallest id first.
    public var psfsRatings: [PSFSRating] = []
    /// The activity of each of ``psfsRatings``, by activity id, in the person's words.
    public var psfsRatedActivities: [Int64: String] = [:]
    /// The entry a `log` had added, as it was when removed.
    public var loggedEntry: Entry?
    /// The check-in a `checkin` had added, as it was when removed.
    public var loggedCheckIn: CheckIn?
    /// The change in the command's words ("plan set glute-bridge"), for a plan, exercise or setting change.
    public var detail: String?
    /// What undoing a plan, exercise or setting change put back.
    public var putBack: PutBack?
    /// The plan item of a plan or exercise change's exercise as the undone change had left it (`nil`:
    /// it was not on the plan then), so that undo names the doses it put back beside it.
    public var replacedPlanItem: PlanItem?
    /// The planned exercise's place in the plan's order as undo put it back and as the undone
    /// `plan set --order` had left it, when they differ.
    public var planOrder: PlanOrderChange?
    /// The person's own exercise undo put back, as it is now (an exercise change's), when it exists.
    public var putBackExercise: ExerciseState?
    /// The same exercise as the undone change had left it (an `exercises edit`'s or an archiving's
    /// values), when it existed then; `nil` for one the change had removed.
    public var replacedExercise: ExerciseState?
    /// The journal's stored region before and after the undo, when the undo changed it (a region
    /// set or unset, a full import that had set one); `nil` when it left the region as it was.
    public var region: RegionChange?
    /// Whether undo stopped at a plan, exercise or setting change recorded before the journal kept
    /// what such a change replaced (``ChangeKind/keepsStateBefore``): nothing was undone, and the
    /// next `journal undo` stops there again.
    public var stopped = false
    /// What stands once the change is undone, read in the undo's transaction; `nil` when undo was
    /// asked for no day (``JournalStore/undo(today:)``) or stopped.
    public var standing: Standing?
    /// The holds that stood before the undo and stand no more: those the undone change had begun
    /// (a `log` or `edit` with a pain rise), in exercise order.
    public var holdsLifted: [Hold] = []
    /// The red flags no doctor had seen that stood before the undo and stand no more (those of a
    /// check-in the undone `checkin` or import had added, of a red flag the undone `checkins edit`
    /// had added), flag by flag, most severe first, as `checkins delete` and `checkins edit` name them.
    public var redFlagsLifted: [Finding] = []
    /// The red flags no doctor had seen that stand once the change is undone and did not before
    /// (those of check-ins the undone `checkins delete` had deleted, of a red flag the undone
    /// `checkins edit` had removed, those a doctor's visit the undone `resume --red-flags` had
    /// recorded had seen), flag by flag, most severe first.
    public var redFlagsBegun: [Finding] = []
}

/// An exercise's place in the plan's order (1 first) as undo put it back, and as the change had left it.
public struct PlanOrderChange: Sendable, Hashable {
    public var place: Int
    public var replacedPlace: Int
}

/// What undoing a plan, exercise or setting change put back, as it was before the change.
public enum PutBack: Sendable, Hashable {
    /// The plan for an exercise; `nil` when it was not in the plan, and is taken off it again.
    case plan(exerciseID: String, PlanItem?)
    /// One of the person's own exercises (`nil`: the change added it, and it is removed again),
    /// with its plan when undo put that back too (`journal exercises remove` had taken it off).
    case exercise(id: String, Exercise?, plan: PlanItem?)
    /// A setting's value; `nil` when it was not set, and is unset again.
    case setting(name: String, value: String?)
}

/// One of the person's own exercises as it stood at one time, and whether it was archived then.
public struct ExerciseState: Sendable, Hashable {
    public var exercise: Exercise
    /// Archived (`journal exercises remove ID --force`): it keeps its entries but can no longer be logged.
    public var archived: Bool

    public init(_ exercise: Exercise, archived: Bool) {
        self.exercise = exercise
        self.archived = archived
    }
}

/// The region the journal stores, as the undone change had left it and as undo put it back.
public struct RegionChange: Sendable, Hashable {
    /// The code the journal stored before the undo ("IE"); `nil` when it stored none.
    public var replaced: String?
    /// The code the journal stores once the change is undone; `nil` when none, and the region
    /// comes from the environment or the locale.
    public var stored: String?

    public init(replaced: String?, stored: String?) {
        self.replaced = replaced
        self.stored = stored
    }
}

extension ChangeKind: DatabaseValueConvertible {}

/// `journal undo`: the store's face of its ``ChangeLog``.
extension JournalStore {
    /// Reverses the latest change not yet undone; `nil` when there is none.
    ///
    /// With `today`, the result also carries what stands on that day once the change is undone
    /// (``UndoResult/standing``), the holds the undo lifted (``UndoResult/holdsLifted``) and the red
    /// flags it lifted and began (``UndoResult/redFlagsLifted``, ``UndoResult/redFlagsBegun``): what
    /// stood before and after, read in the same transaction as the undo. `now` is the undo's time
    /// (the command's clock), which a record it puts back under a new uid is made at.
    public func undo(today: LocalDate? = nil, now: Date = SyncRecording.now()) throws -> UndoResult? {
        try writing { db in
            let heldBefore = try today.map { try HoldQueries.holds(db, asOf: $0) } ?? []
            let flaggedBefore = try today.map { try Self.standingRedFlagCheckIns(today: $0, db) } ?? [:]
            guard var result = try Self.undoingLatest(db, journalPath: path, now: now) else { return nil }
            guard let today, !result.stopped else { return result }
            let (standing, holds) = try Self.standing(today: today, db)
            result.standing = standing
            let stillHeld = Set(holds.map(\.exerciseID))
            result.holdsLifted = heldBefore.filter { !stillHeld.contains($0.exerciseID) }
            let flaggedAfter = try Self.standingRedFlagCheckIns(today: today, db)
            result.redFlagsLifted = Rules.sorted(
                flaggedBefore.flatMap { id, checkIn in Self.redFlags(of: checkIn, leaving: flaggedAfter[id]) })
            result.redFlagsBegun = Rules.sorted(
                flaggedAfter.flatMap { id, checkIn in Self.redFlags(of: checkIn, leaving: flaggedBefore[id]) })
            return result
        }
    }

    /// ``ChangeLog/undoLatest(journalPath:now:)``, with a value its copies hold that the journal's own
    /// tables refuse (a constraint) or that cannot be read as journal writes it named as damage
    /// (exit 65), not as a failure to read or write the file.
    static func undoingLatest(_ db: Database, journalPath: String, now: Date) throws -> UndoResult? {
        do {
            return try ChangeLog(db).undoLatest(journalPath: journalPath, now: now)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            throw JournalError.undoRecordDamaged(
                reason:
                    "putting it back broke a rule of the journal's tables: \(error.message ?? "a constraint failed")")
        } catch is RowDecodingError {
            throw JournalError.undoRecordDamaged(
                reason: "a value there is not of the kind journal writes, such as an empty one")
        }
    }

    /// How many changes `journal undo` has gone back through, when it has reached its depth and
    /// older changes were forgotten (the first change kept is not the journal's first); else `nil`.
    public func undoDepthReached() throws -> Int? {
        try reading { db in try ChangeLog(db).depthReached() }
    }

    /// The kind of the oldest change kept for undo (``ChangeLog/oldestKind()``): once undo has
    /// reached its depth, what it says to remove by hand follows it (``ChangeKind/removeByHand``).
    public func oldestUndoKind() throws -> ChangeKind? {
        try reading { db in try ChangeLog(db).oldestKind() }
    }
}
