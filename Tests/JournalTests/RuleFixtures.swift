@testable import Journal

/// Small builders for rule tests: times are whole hours on a given local day, in London winter (UTC+0)
/// unless an offset is given.
enum Fixture {
    /// 2026-11-20T00:00:00Z.
    static let day0: Int64 = 1_795_132_800

    static func time(day: Int, hour: Int, minute: Int = 0) -> Int64 {
        day0 + Int64(day * 86_400 + hour * 3600 + minute * 60)
    }

    static func entry(
        _ id: Int64, _ exercise: String = "glute-bridge", day: Int = 0, hour: Int = 9, offset: Int = 0,
        before: Int, after: Int
    ) -> Entry {
        // The values are in range by construction.
        try! Entry(
            id: id, exerciseID: exercise, performedAt: time(day: day, hour: hour) - Int64(offset), utcOffset: offset,
            painBefore: PainLevel(before)!, painAfter: PainLevel(after)!, createdAt: 0)
    }

    static func checkIn(
        _ id: Int64, day: Int, hour: Int, minute: Int = 0, offset: Int = 0, pain: Int, flags: [RedFlag] = []
    ) -> CheckIn {
        try! CheckIn(
            id: id, performedAt: time(day: day, hour: hour, minute: minute) - Int64(offset), utcOffset: offset,
            pain: PainLevel(pain)!, redFlags: flags, createdAt: 0)
    }
}
