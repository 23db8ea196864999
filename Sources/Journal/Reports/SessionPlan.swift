/// What `journal session` goes through: the exercises in order, each with its planned dose and the
/// hold it stands on, if any.
///
/// Without names, the exercises due today (``DailyRoutine/due``), in plan order: an exercise on
/// hold is never due, so never chosen. With names, those exercises in the order given, a held one
/// with its hold, for the session to announce before asking anything.
///
/// ```swift
/// let session = try SessionPlan.make(routine: routine, plan: plan, holds: holds, catalog: catalog, naming: [])
/// session.steps.map(\.exercise.id) // ["glute-bridge", "side-plank"]
/// ```
public struct SessionPlan: Sendable, Hashable {
    /// One exercise of the session.
    public struct Step: Sendable, Hashable {
        public var exercise: Exercise
        /// The plan's dose in force today (``PlanItem/dose(on:)``), if it is planned (a held
        /// exercise's too): none for a plan that starts later, and never a dose set ahead.
        public var plan: PlanItem?
        /// The hold it stands on: the session announces it before asking anything.
        public var hold: Hold?

        /// Whether the session asks for a side after `dose`: for an exercise done one side at a
        /// time, when the dose typed named none (or the plan's was accepted).
        public func asksSide(after dose: DoseInput?) -> Bool {
            exercise.perSide && dose?.side == nil
        }

        /// The entry a session's answers describe: the dose typed, or the plan's when `dose` is
        /// `nil` (Enter); the side typed with the dose, or else the one answered to the side question.
        public func draft(painBefore: PainLevel, dose: DoseInput?, side: Side?, painAfter: PainLevel) -> EntryDraft {
            var draft = EntryDraft(exercise: exercise.id)
            draft.painBefore = painBefore
            draft.painAfter = painAfter
            draft.applyDose(dose, plan: plan)
            draft.side = dose?.side ?? side
            return draft
        }
    }

    /// Today's routine the session was chosen from.
    public var routine: DailyRoutine
    public var steps: [Step]

    /// The session for `naming` (ids, aliases or names; empty for what is due today).
    ///
    /// Throws ``JournalError/unknownExercise(_:suggestions:)`` for a name the catalogue lacks.
    public static func make(
        routine: DailyRoutine, plan: [PlanItem], holds: [Hold], catalog: Catalog, naming: [String]
    ) throws -> SessionPlan {
        let planned = Dictionary(plan.map { ($0.exerciseID, $0) }, uniquingKeysWith: { first, _ in first })
        let held = Dictionary(holds.map { ($0.exerciseID, $0) }, uniquingKeysWith: { first, _ in first })
        let exercises = try (naming.isEmpty ? routine.due.map(\.plan.exerciseID) : naming).map {
            try catalog.resolve($0)
        }
        return SessionPlan(
            routine: routine,
            steps: exercises.map {
                Step(exercise: $0, plan: planned[$0.id]?.dose(on: routine.date), hold: held[$0.id])
            })
    }
}

extension EntryDraft {
    /// Sets the dose a person typed (sets, reps, hold, and a side if it names one), or, when
    /// `dose` is `nil` (Enter at the question), the plan's sets, reps and hold.
    public mutating func applyDose(_ dose: DoseInput?, plan: PlanItem?) {
        if let dose {
            sets = dose.sets
            reps = dose.reps
            holdSeconds = dose.holdSeconds
            side = dose.side ?? side
        } else if let plan {
            sets = plan.sets
            reps = plan.reps
            holdSeconds = plan.holdSeconds
        }
    }
}
