/// How many sessions (workouts) the plan counts in entries: the one rule `today`'s "N of M this
/// week", the report's sessions against the plan and their JSON counts read.
///
/// An exercise done one side at a time is logged once per side, but both sides are one workout.
/// So, for each exercise and each local day, the sessions are the entries with no side or with
/// `both`, each one, plus the larger of the day's left and right counts: a left and a right on the
/// same day are one session, in either order and however far apart; left, right, left is 2
/// sessions (the second left waits for its right); two lefts are 2. Every entry stays an entry in
/// the lists, the pain figures and the safety rules; only the plan's count joins them.
///
/// ```swift
/// Workouts.count([left, right])        // 1 (one exercise, one day)
/// Workouts.count([left, right, left])  // 2
/// Workouts.count([left, rightNextDay]) // 2
/// ```
public enum Workouts {
    /// The sessions `entries` make, under the rule above; `entries` may mix exercises and days.
    public static func count(_ entries: some Sequence<Entry>) -> Int {
        var sides: [Day: (left: Int, right: Int)] = [:]
        var whole = 0
        for entry in entries {
            let day = Day(exercise: Exercise.key(entry.exerciseID), date: entry.localTime.date)
            switch entry.side {
            case .left?: sides[day, default: (0, 0)].left += 1
            case .right?: sides[day, default: (0, 0)].right += 1
            case .both?, nil: whole += 1
            }
        }
        return whole + sides.values.reduce(0) { $0 + max($1.left, $1.right) }
    }

    /// One exercise on one local day.
    private struct Day: Hashable {
        var exercise: String
        var date: LocalDate
    }
}
