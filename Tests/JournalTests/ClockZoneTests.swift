import Foundation
import Testing

@testable import Journal

/// `$TZ` read as `date` reads it (``ClockZone``), at 2026-07-01T16:05:00Z, on summer time in the north.
@Suite struct ClockZoneTests {
    static let july = Date(timeIntervalSince1970: 1_782_921_900)

    @Test(arguments: [
        ("<+0530>-5:30", 19_800), ("UTC0", 0), ("<-05>5", -18_000), ("EST+5", -18_000), ("GMT-2", 7_200),
        ("ABC+05:30:15", -19_815), (":<+14>-14", 50_400), ("Europe/London", 3_600), (":Europe/London", 3_600),
        ("/usr/share/zoneinfo/right/Europe/Paris", 7_200), ("EST", -18_000), ("EST5EDT", -14_400), ("UTC", 0),
    ])
    func readsWhatDateReads(tz: String, secondsEast: Int) throws {
        #expect(try ClockZone.named(by: tz).secondsFromGMT(for: Self.july) == secondsEast, "\(tz)")
    }

    @Test(arguments: [
        "EST5EDT,M3.2.0,M11.1.0", "EST5EDT4", "Foo/Bar", "GMT+0500", "EST+25", "EST+5:60", "<AB>5", "ES+5", ":",
    ])
    func refusesWhatItCannotFollow(tz: String) {
        #expect(throws: JournalError.unreadableTimeZone(tz)) { try ClockZone.named(by: tz) }
    }

    @Test func unsetOrEmptyIsTheSystemsZone() throws {
        #expect(try ClockZone.named(by: nil) == TimeZone.current)
        #expect(try ClockZone.named(by: "") == TimeZone.current)
    }
}
