extension Exercise.Measure {
    /// Whether a dose counts in this measure, or gives nothing to count in another: a dose in
    /// repetitions gives reps (a hold in each, `3x10x5s`, too), one in seconds held gives a hold
    /// and no reps; sets alone fit either.
    ///
    /// ```swift
    /// Exercise.Measure.hold.fits(reps: 10, holdSeconds: nil)  // false: 3 × 10 reps counts repetitions
    /// ```
    public func fits(reps: Int?, holdSeconds: Int?) -> Bool {
        switch self {
        case .reps: reps != nil || holdSeconds == nil
        case .hold: reps == nil || holdSeconds != nil
        }
    }
}

extension Wording {
    /// How an exercise is measured, in the words every screen says it with (`exercises show`,
    /// `exercises edit`, `plan`, `session`): "in repetitions" or "in seconds held".
    public static func measure(_ measure: Exercise.Measure) -> String {
        switch measure {
        case .reps: "in repetitions"
        case .hold: "in seconds held"
        }
    }

    /// The doses a person types for an exercise so measured, as `journal session` offers them:
    /// "3x10, 3x10x5s" (repetitions, each held 5 seconds in the second) or "2x30s".
    public static func doseExamples(_ measure: Exercise.Measure) -> String {
        switch measure {
        case .reps: "3x10, 3x10x5s"
        case .hold: "2x30s"
        }
    }

    /// What a plan's dose in the other measure than the exercise's says, naming what sets it again.
    ///
    /// `nil` when the dose fits (``Exercise/Measure/fits(reps:holdSeconds:)``), and for a built-in
    /// exercise, which takes a dose in either as it always has (core-activation's 10 reps are 10
    /// holds): the measure of one's own is the person's word, given with `exercises add` or `edit`.
    /// Its numbers are never read as the other measure's: 10 reps are not 10 seconds.
    ///
    /// ```swift
    /// Wording.planDoseInOtherMeasure(birdDogHeld, plan: threeTimesTen)
    /// // "bird-dog is measured in seconds held, but its plan's dose, 3 × 10 reps, counts repetitions; set it
    /// //  again in seconds: journal plan set bird-dog --sets 3 --hold SECONDS --per-week 5"
    /// ```
    public static func planDoseInOtherMeasure(_ exercise: Exercise, plan: PlanItem) -> String? {
        guard exercise.isCustom, !exercise.measure.fits(reps: plan.reps, holdSeconds: plan.holdSeconds) else {
            return nil
        }
        let (counts, again, flag) =
            exercise.measure == .hold
            ? ("repetitions", "in seconds", "--hold SECONDS") : ("seconds held", "in repetitions", "--reps N")
        return "\(exercise.id) is measured \(measure(exercise.measure)), but its plan's dose, \(dose(plan)), "
            + "counts \(counts); set it again \(again): journal plan set \(exercise.id) --sets \(plan.sets) "
            + "\(flag) --per-week \(plan.perWeek)"
    }
}
