import Foundation
import Testing

/// `$TZ` in the forms `date` reads (issue #25): a leading colon, a path into the zone database, a
/// POSIX fixed offset; a POSIX daylight-saving rule, or a name no zone has, is refused (exit 78),
/// never read as UTC.
@Suite struct TimeZoneCommandTests {
    let sandbox = Sandbox()

    /// 2026-11-25T03:30:00Z: 22:30 on Tuesday 2026-11-24 at UTC-05:00 (Toronto is on standard
    /// time since 2026-11-01), while UTC's day is already the 25th.
    static let lateEvening = "1795577400"

    @Test(arguments: [
        ":America/Toronto", ":/usr/share/zoneinfo/America/Toronto", "/usr/share/zoneinfo/posix/America/Toronto",
        "<-05>5", "EST+5", "GMT+5", "EST", "EST5EDT",
    ])
    func aZoneDateReadsIsTheClockJournalLogsOn(tz: String) throws {
        sandbox.environment["TZ"] = tz
        sandbox.environment["JOURNAL_NOW"] = Self.lateEvening
        let logged = try sandbox.log("bird-dog", "--pain-before", "2", "--pain-after", "2")
        #expect(logged.status == 0, "\(tz): \(logged)")
        #expect(logged.stdout == "Logged #1 bird-dog: 1 set, pain 2 → 2, at 2026-11-24 22:30 (UTC-05:00).\n", "\(tz)")
        #expect(try sandbox.sql("SELECT performed_at, utc_offset FROM entries") == "1795577400|-18000\n", "\(tz)")
        try sandbox.change("plan", "set", "glute-bridge", "--sets", "3", "--reps", "10", "--per-week", "5")
        let today = try sandbox.run("today")
        #expect(today.stdout.hasPrefix("Today, Tuesday 2026-11-24\n"), "\(tz): \(today)")
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(try sandbox.run("today", "--json").stdout.utf8))
                as? [String: Any])
        #expect(json["date"] as? String == "2026-11-24", "\(tz)")
    }

    /// 2026-07-01T16:05:00Z: 12:05 in Toronto, on summer time (UTC-04:00).
    @Test func aColonZoneKeepsItsSummerTime() throws {
        sandbox.environment["TZ"] = ":America/Toronto"
        sandbox.environment["JOURNAL_NOW"] = "1782921900"
        let logged = try sandbox.log("bird-dog", "--pain-before", "2", "--pain-after", "2", "--at", "9am")
        #expect(logged.stdout == "Logged #1 bird-dog: 1 set, pain 2 → 2, at 2026-07-01 09:00 (UTC-04:00).\n")
        // 09:00 at UTC-04:00 is 13:00Z: 1782921900 - 3h05m.
        #expect(try sandbox.sql("SELECT performed_at, utc_offset FROM entries") == "1782910800|-14400\n")
    }

    @Test(arguments: ["EST5EDT,M3.2.0,M11.1.0", "Foo/Bar", "GMT+0500", ":"])
    func aZoneJournalCannotReadIsRefusedAsConfiguration(tz: String) throws {
        sandbox.environment["TZ"] = tz
        sandbox.environment["JOURNAL_NOW"] = Self.lateEvening
        for arguments in [["log", "bird-dog", "--pain-before", "2", "--pain-after", "2"], ["today"]] {
            let run = try sandbox.run(arguments)
            #expect(run.status == 78, "\(tz) \(arguments): \(run)")
            #expect(run.stdout == "")
            #expect(
                run.stderr
                    == "journal: TZ holds \"\(tz)\", which journal cannot read as a time zone: journal reads zone "
                    + "names such as Europe/London (or :Europe/London) and fixed offsets such as EST+5, not "
                    + "daylight-saving rules such as EST5EDT,M3.2.0,M11.1.0. Set TZ to your zone's name "
                    + "(TZ=America/Toronto), or unset it for the system's zone.\n", "\(tz) \(arguments)")
        }
        #expect(!FileManager.default.fileExists(atPath: sandbox.database))
    }

    /// The refusal is a configuration error, yet a check-in's red flag is still told first, and
    /// `journal safety`, which tells no time, still shows its advice.
    @Test func anUnreadableZoneStillLetsTheAdviceThrough() throws {
        sandbox.environment["TZ"] = "EST5EDT,M3.2.0,M11.1.0"
        let checkIn = try sandbox.run("checkin", "--pain", "5", "--red-flag", "chest-pain")
        #expect(checkIn.status == 78, "\(checkIn)")
        let rule = String(repeating: "!", count: 78)
        let emergency = """
            \(rule)
            !! URGENT: SEEK EMERGENCY CARE NOW
            !! You named chest pain in a check-in that was not saved (the reason follows).
            !! Call 999 or go to A&E now. These symptoms are an emergency: they need
            !! emergency care now, not a physiotherapy appointment.
            \(rule)

            """
        #expect(checkIn.stderr.hasPrefix(emergency + "journal: TZ holds "), "\(checkIn)")
        #expect(!FileManager.default.fileExists(atPath: sandbox.database))
        let safety = try sandbox.run("safety")
        #expect(safety.status == 0, "\(safety)")
        #expect(safety.stderr == "")
    }
}
