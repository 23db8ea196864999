extension Wording {
    /// A dose for people, with the side when there is one: "3 × 10 reps", "3 × 10 reps, 5 s hold",
    /// "2 × 30 s hold, left side", "1 set", "4 sets, both sides"; one repetition is "1 × 1 rep".
    public static func dose(sets: Int, reps: Int?, holdSeconds: Int?, side: Side?) -> String {
        var parts: [String]
        switch (reps, holdSeconds) {
        case (let reps?, let hold?): parts = ["\(sets) × \(reps) \(noun(reps, "rep", "reps")), \(hold) s hold"]
        case (let reps?, nil): parts = ["\(sets) × \(reps) \(noun(reps, "rep", "reps"))"]
        case (nil, let hold?): parts = ["\(sets) × \(hold) s hold"]
        case (nil, nil): parts = [count(sets, "set", "sets")]
        }
        if let side { parts.append(side == .both ? "both sides" : "\(side.rawValue) side") }
        return parts.joined(separator: ", ")
    }

    /// An entry's dose and side (``dose(sets:reps:holdSeconds:side:)``): "3 × 10 reps, left side".
    public static func dose(_ entry: Entry) -> String {
        dose(sets: entry.sets, reps: entry.reps, holdSeconds: entry.holdSeconds, side: entry.side)
    }

    /// A plan item's dose (``dose(sets:reps:holdSeconds:side:)``, a plan has no side): "3 × 10 reps".
    public static func dose(_ item: PlanItem) -> String {
        dose(sets: item.sets, reps: item.reps, holdSeconds: item.holdSeconds, side: nil)
    }

    /// The doses a report counted against, each after the first with its start: "3 × 10 reps;
    /// 3 × 12 reps from 2026-11-05" (one dose: "3 × 10 reps").
    public static func doses(_ doses: [PlanItem]) -> String {
        doses.enumerated().map { index, item in
            dose(item) + (index > 0 ? item.since.map { " from \($0)" } ?? "" : "")
        }.joined(separator: "; ")
    }

    /// The sessions a week a report counted against, each change after the first with its start:
    /// "5; 3 from 2026-11-16" (one frequency: "3"); `doses` as ``ProgressReport/Adherence/frequencies``.
    public static func perWeek(_ doses: [PlanItem]) -> String {
        doses.enumerated().map { index, item in
            String(item.perWeek) + (index > 0 ? item.since.map { " from \($0)" } ?? "" : "")
        }.joined(separator: "; ")
    }
}
