import Foundation

@testable import Journal

/// Small builders for rule tests: times are whole hours on a given local day, in London winter (UTC+0)
/// unless an offset is given.
enum Fixture {
    /// The region the tests' advice is in: the United Kingdom, as if set with `journal config set region GB`.
    static let britain = RegionSetting(region: .unitedKingdom, source: .journal, stored: "GB")
    /// The UK's words.
    static let uk = RegionalAdvice(region: .unitedKingdom)

    /// 2026-11-20T00:00:00Z.
    static let day0: Int64 = 1_795_132_800

    static func time(day: Int, hour: Int, minute: Int = 0) -> Int64 {
        day0 + Int64(day * 86_400 + hour * 3600 + minute * 60)
    }

    /// The reading of the write that recorded a fixture's record `id` (schema.sql v26-record-ids,
    /// `recorded`): of this journal's replica, in the order of the ids.
    static func recorded(_ id: Int64) -> String { OutsideRecord.reading(unixSeconds: 0, counter: Int(id)) }

    /// What a review had seen (`seen`) when the records up to `id` were recorded: it covers those
    /// performed by its time.
    static func seen(through id: Int64) -> String { OutsideRecord.seen(recorded(id)) }

    static func entry(
        _ id: Int64, _ exercise: String = "glute-bridge", day: Int = 0, hour: Int = 9, offset: Int = 0,
        before: Int, after: Int
    ) -> Entry {
        valid {
            var entry = try Entry(
                id: id, exerciseID: exercise, performedAt: time(day: day, hour: hour) - Int64(offset),
                utcOffset: offset, painBefore: pain(before), painAfter: pain(after), createdAt: 0)
            entry.recorded = recorded(id)
            return entry
        }
    }

    static func checkIn(
        _ id: Int64, day: Int, hour: Int, minute: Int = 0, offset: Int = 0, pain: Int, flags: [RedFlag] = []
    ) -> CheckIn {
        valid {
            var checkIn = try CheckIn(
                id: id, performedAt: time(day: day, hour: hour, minute: minute) - Int64(offset), utcOffset: offset,
                pain: Fixture.pain(pain), redFlags: flags, createdAt: 0)
            checkIn.recorded = recorded(id)
            return checkIn
        }
    }

    /// The value `make` builds from fixture values that are valid by construction; a fixture that is
    /// not stops the run, naming what was wrong.
    static func valid<Value>(_ make: () throws -> Value) -> Value {
        do {
            return try make()
        } catch {
            preconditionFailure("invalid fixture: \(error)")
        }
    }

    /// A pain level for a fixture, 0 to 10.
    static func pain(_ value: Int) -> PainLevel {
        guard let level = PainLevel(value) else { preconditionFailure("pain \(value) is not 0 to 10") }
        return level
    }

    /// The day a fixture names as YYYY-MM-DD.
    static func date(_ text: String) -> LocalDate {
        guard let date = LocalDate(iso8601: text) else { preconditionFailure("\(text) is not a day") }
        return date
    }

    /// A time zone a fixture names, such as Europe/London.
    static func zone(_ identifier: String) -> TimeZone {
        guard let zone = TimeZone(identifier: identifier) else { preconditionFailure("no time zone \(identifier)") }
        return zone
    }
}
