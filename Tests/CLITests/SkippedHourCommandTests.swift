import Foundation
import Testing

/// A time the clocks skipped today, typed after the change (issue #26): refused as skipped every
/// time, never saved a day back without a word; before the change, a time alone is yesterday's.
@Suite struct SkippedHourCommandTests {
    /// The refusal of `text`, a time `zone`'s clocks skipped at `skipped` on the day whose offset
    /// before the change was `before`.
    static func refusal(_ text: String, zone: String, skipped: String, before: String) -> String {
        let day = skipped.prefix(10)
        let time = skipped.suffix(5)
        return "journal: cannot use \"\(text)\" as a date: the clocks in \(zone) skipped \(skipped) "
            + "(a daylight-saving change); give the time after the change, or add the offset the clock had "
            + "before it, e.g. \(day)T\(time)\(before).\n"
    }

    /// Checks in pain 2 at `at` in `sandbox` and expects the skipped-time refusal, with nothing saved.
    static func expectRefused(_ sandbox: Sandbox, _ at: String, zone: String, skipped: String, before: String) throws {
        let run = try sandbox.run("checkin", "--pain", "2", "--at", at)
        #expect(run.status == 64, "\(run)")
        #expect(run.stdout == "", "\(run)")
        #expect(run.stderr == refusal(at, zone: zone, skipped: skipped, before: before), "\(run)")
        #expect(!run.stderr.contains("still to come"), "\(run)")
        let saved =
            FileManager.default.fileExists(atPath: sandbox.database)
            ? try sandbox.sql("SELECT count(*) FROM checkins") : "0\n"
        #expect(saved == "0\n")
    }

    /// London, 2026-03-29: at 01:00 GMT (01:00Z) the clocks went to 02:00 BST, skipping 01:00–01:59.
    ///
    /// At 02:30 BST (01:30Z), half an hour after the change, `1:45`, `1:30` and `today 1:45` are all
    /// refused as skipped (`1:45` read before the change, 01:45 GMT, would be 15 minutes ahead, yet
    /// the change itself has come); so is `1:10am` at 02:05 BST (01:05Z).
    @Test func afterTheClocksGoForwardInLondonASkippedTimeIsRefused() throws {
        let sandbox = Sandbox()
        let zone = "Europe/London"
        sandbox.environment["JOURNAL_NOW"] = "2026-03-29T02:30:00+01:00"
        try Self.expectRefused(sandbox, "1:45", zone: zone, skipped: "2026-03-29 01:45", before: "+00:00")
        try Self.expectRefused(sandbox, "1:30", zone: zone, skipped: "2026-03-29 01:30", before: "+00:00")
        try Self.expectRefused(sandbox, "today 1:45", zone: zone, skipped: "2026-03-29 01:45", before: "+00:00")
        sandbox.environment["JOURNAL_NOW"] = "2026-03-29T02:05:00+01:00"
        try Self.expectRefused(sandbox, "1:10am", zone: zone, skipped: "2026-03-29 01:10", before: "+00:00")
    }

    /// At 00:30 GMT on 2026-03-29, before the change, `1:30` is yesterday's as usage.md says:
    /// 2026-03-28 01:30 GMT, 1774661400 (2026-03-29T00:30Z, 1774744200, less 23 hours).
    @Test func beforeTheClocksGoForwardInLondonATimeAloneToBeSkippedIsYesterdays() throws {
        let sandbox = Sandbox()
        sandbox.environment["JOURNAL_NOW"] = "2026-03-29T00:30:00Z"
        let run = try sandbox.run("checkin", "--pain", "2", "--at", "1:30")
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout == "Checked in #1: pain 2, at 2026-03-28 01:30 (UTC+00:00).\n", "\(run)")
        #expect(try sandbox.sql("SELECT performed_at, utc_offset FROM checkins") == "1774661400|0\n")
    }

    /// Santiago, 2026-09-06: at 00:00 −04 (04:00Z) the clocks went to 01:00 −03, skipping 00:00–00:59.
    ///
    /// At 01:30 −03 (04:30Z), `0:45` (00:45 −04 would be 04:45Z, 15 minutes ahead) is refused as
    /// skipped, as `0:30` is at 10:00 −03.
    @Test func afterTheClocksGoForwardInSantiagoASkippedTimeIsRefused() throws {
        let sandbox = Sandbox(timeZone: "America/Santiago")
        let zone = "America/Santiago"
        sandbox.environment["JOURNAL_NOW"] = "2026-09-06T01:30:00-03:00"
        try Self.expectRefused(sandbox, "0:45", zone: zone, skipped: "2026-09-06 00:45", before: "-04:00")
        sandbox.environment["JOURNAL_NOW"] = "2026-09-06T10:00:00-03:00"
        try Self.expectRefused(sandbox, "0:30", zone: zone, skipped: "2026-09-06 00:30", before: "-04:00")
    }
}
