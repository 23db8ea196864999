import Testing

@testable import Journal

@Suite struct WorkoutsTests {
    /// A side-plank on `side` at `hour` on 2026-11-(20 + `day`), at `offset` seconds east of UTC.
    func side(_ side: Side?, _ exercise: String = "side-plank", day: Int = 0, hour: Int = 9, offset: Int = 0) -> Entry {
        var entry = Fixture.entry(1, exercise, day: day, hour: hour, offset: offset, before: 2, after: 2)
        entry.side = side
        return entry
    }

    static let sidesAndSessions: [([Side?], Int)] = [
        ([.left, .right], 1),
        ([.right, .left], 1),
        ([.left, .right, .left], 2),
        ([.left, .left, .right], 2),
        ([.left, .left], 2),
        ([.left], 1),
        ([nil, nil], 2),
        ([.both, .left, .right], 2),
        ([.left, .right, .right, .left], 2),
    ]

    /// Given entries of one exercise on one day, the sessions are those without a side or with
    /// both, plus the larger of the lefts and the rights.
    @Test(arguments: sidesAndSessions)
    func oneExerciseOneDay(sides: [Side?], sessions: Int) {
        #expect(Workouts.count(sides.enumerated().map { side($1, hour: 8 + $0) }) == sessions)
    }

    /// A left and a right on different local days, or of different exercises, are two sessions;
    /// the local day decides (23:30 and 00:30 the next day at UTC+13 are one UTC day, two local ones).
    @Test func differentDaysOrExercisesAreNotJoined() {
        #expect(Workouts.count([side(.left, day: 0), side(.right, day: 1)]) == 2)
        #expect(Workouts.count([side(.left), side(.right, "clamshell")]) == 2)
        #expect(
            Workouts.count([side(.left, hour: 23, offset: 13 * 3600), side(.right, day: 1, hour: 0, offset: 13 * 3600)])
                == 2)
        #expect(Workouts.count([side(.left, hour: 10), side(.right, hour: 22)]) == 1)
    }
}
