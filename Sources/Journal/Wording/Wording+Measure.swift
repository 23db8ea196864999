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

    /// The dose question `session`, and `log` at a terminal, ask, up to its examples.
    ///
    /// The caller ends it. It is asked in the exercise's measure, the plan's dose offered for Enter. A plan's dose in the
    /// other measure is offered as the plan gives it, and the question is asked in the measure of
    /// that dose, the one Enter saves, with the exercise's own as the other answer; without a plan
    /// there is nothing for Enter to accept.
    ///
    /// ```swift
    /// Wording.doseQuestion(sidePlank, plan: twoTimesThirtySeconds)
    /// // "Dose in seconds held [2 × 30 s hold] (Enter accepts, or 2x30s"
    /// Wording.doseQuestion(catCowHeld, plan: twoTimesTenReps)
    /// // "Dose in repetitions, as the plan gives it [2 × 10 reps] (Enter accepts, or in seconds held: 2x30s"
    /// ```
    public static func doseQuestion(_ exercise: Exercise, plan: PlanItem?) -> String {
        let own = exercise.measure
        guard let plan else { return "Dose \(measure(own)) (\(doseExamples(own))" }
        guard own.fits(reps: plan.reps, holdSeconds: plan.holdSeconds) else {
            let planned: Exercise.Measure = own == .hold ? .reps : .hold
            return "Dose \(measure(planned)), as the plan gives it [\(dose(plan))] (Enter accepts, or "
                + "\(measure(own)): \(doseExamples(own))"
        }
        return "Dose \(measure(own)) [\(dose(plan))] (Enter accepts, or \(doseExamples(own))"
    }

    /// What a plan's dose in the other measure than the exercise's says, naming what sets it again.
    ///
    /// `nil` when the dose fits (``Exercise/Measure/fits(reps:holdSeconds:)``). A built-in exercise
    /// is named as one's own is (core-activation is held: its 3 × 10 reps give no seconds held),
    /// never refused: `plan set` notes it on standard error, `plan`, `today` and `session` show it.
    /// Its numbers are never read as the other measure's: 10 reps are not 10 seconds.
    ///
    /// ```swift
    /// Wording.planDoseInOtherMeasure(birdDogHeld, plan: threeTimesTen)
    /// // "bird-dog is measured in seconds held, but its plan's dose, 3 × 10 reps, counts repetitions; set it
    /// //  again in seconds: journal plan set bird-dog --sets 3 --hold SECONDS --per-week 5"
    /// ```
    public static func planDoseInOtherMeasure(_ exercise: Exercise, plan: PlanItem) -> String? {
        guard let other = inOtherMeasure(exercise, "its plan's dose", plan.reps, plan.holdSeconds, dose(plan)) else {
            return nil
        }
        let (again, flag) =
            exercise.measure == .hold ? ("in seconds", "--hold SECONDS") : ("in repetitions", "--reps N")
        return "\(other); set it again \(again): journal plan set \(exercise.id) --sets \(plan.sets) "
            + "\(flag) --per-week \(plan.perWeek)"
    }

    /// What `journal log` notes of an entry's dose in the other measure than the exercise's: it is
    /// saved as given, never read as this measure's; `nil` when it fits.
    ///
    /// ```swift
    /// Wording.entryDoseInOtherMeasure(sidePlank, entry: threeTimesTen)
    /// // "side-plank is measured in seconds held, but this dose, 3 × 10 reps, counts repetitions; it is
    /// //  saved as given (--hold SECONDS gives seconds held)"
    /// ```
    public static func entryDoseInOtherMeasure(_ exercise: Exercise, entry: Entry) -> String? {
        let given = dose(sets: entry.sets, reps: entry.reps, holdSeconds: entry.holdSeconds, side: nil)
        guard let other = inOtherMeasure(exercise, "this dose", entry.reps, entry.holdSeconds, given) else {
            return nil
        }
        let flag = exercise.measure == .hold ? "--hold SECONDS gives seconds held" : "--reps N gives repetitions"
        return "\(other); it is saved as given (\(flag))"
    }

    /// "side-plank is measured in seconds held, but `what`, `given`, counts repetitions": a dose of
    /// `reps` and `holdSeconds` in the other measure than the exercise's; `nil` when it fits.
    private static func inOtherMeasure(
        _ exercise: Exercise, _ what: String, _ reps: Int?, _ holdSeconds: Int?, _ given: String
    ) -> String? {
        guard !exercise.measure.fits(reps: reps, holdSeconds: holdSeconds) else { return nil }
        let counts = exercise.measure == .hold ? "repetitions" : "seconds held"
        return "\(exercise.id) is measured \(measure(exercise.measure)), but \(what), \(given), counts \(counts)"
    }
}
