import Foundation
import Testing

/// That a doctor has seen the red flags (`journal resume --red-flags`) and the region travel with
/// the journal: the full export carries them, `import` and `restore` put them back, so a red flag
/// seen before stays seen afterwards.
@Suite struct RedFlagTravelCommandTests {
    let sandbox = Sandbox(timeZone: "UTC")

    func file(_ name: String) -> String { sandbox.directory + "/" + name }

    /// A journal with a same-day red flag a doctor has seen, and its region set to Ireland.
    func seenRedFlag() throws {
        try sandbox.run("checkin", "--pain", "3", "--red-flag", "fever", "--at", "2026-11-24 08:00")
        #expect(try sandbox.run("check").status == 3)
        #expect(try sandbox.run("resume", "--red-flags", "--note", "GP: fine", "--at", "2026-11-24 10:00").status == 0)
        #expect(try sandbox.run("config", "set", "region", "IE").status == 0)
        #expect(try sandbox.run("check").status == 0)
    }

    func expectSeenInto(_ database: String) throws {
        sandbox.environment["JOURNAL_DB"] = database
        let check = try sandbox.run("check")
        #expect(check.status == 0, "\(check)")
        #expect(
            try sandbox.sql(
                "SELECT v.id, v.reviewed_at, v.note, \(RecordSQL.throughCheckInID) "
                    + "FROM red_flag_reviews_with_ids AS v JOIN red_flag_reviews AS r USING (uid)")
                == "1|1795514400|GP: fine|1\n")
        #expect(try sandbox.sql("SELECT name, value FROM settings") == "region|IE\n")
    }

    @Test func aFullExportCarriesTheRedFlagReviewAndTheRegion() throws {
        try seenRedFlag()
        let export = try sandbox.run("export", "--all")
        #expect(
            export.stdout.hasSuffix(
                """
                "red_flag_reviews":[
                {"id":1,"note":"GP: fine","recorded_at":"2026-11-25T12:00:00+00:00","reviewed_at":"2026-11-24T10:00:00+00:00","through_checkin_id":1}
                ],
                "settings":[
                {"name":"region","value":"IE"}
                ]
                }

                """), "\(export)")
        sandbox.environment["JOURNAL_DB"] = file("second.sqlite3")
        let run = try sandbox.run("import", "-", stdin: export.stdout)
        #expect(run.status == 0, "\(run)")
        #expect(
            run.stdout.hasSuffix(
                "; 1 record that a doctor saw the red flags.\n"
                    + "Region now: Ireland (IE), set with `journal config set region IE`.\n"), "\(run)")
        try expectSeenInto(file("second.sqlite3"))
        #expect(try sandbox.run("undo").status == 0)
        #expect(try sandbox.sql("SELECT count(*) FROM red_flag_reviews") == "0\n")
    }

    @Test func aBackupRestoresTheRedFlagReviewAndTheRegion() throws {
        try seenRedFlag()
        #expect(try sandbox.run("backup", file("b.sqlite3")).status == 0)
        let run = try sandbox.run("restore", file("b.sqlite3"), "--db", file("r.sqlite3"))
        #expect(run.status == 0, "\(run)")
        try expectSeenInto(file("r.sqlite3"))
    }

    @Test func aRedFlagReviewOutsideTheIdsIsRefusedWithItsLine() throws {
        try seenRedFlag()
        let export = try sandbox.run("export", "--all").stdout
        let forged = export.replacingOccurrences(
            of: "\"through_checkin_id\":1}", with: "\"through_checkin_id\":-1}")
        let line =
            forged.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("through_checkin_id") }.map { $0 + 1 } ?? 0
        sandbox.environment["JOURNAL_DB"] = file("second.sqlite3")
        let run = try sandbox.run("import", "-", stdin: forged)
        #expect(run.status == 65, "\(run)")
        #expect(run.stderr.hasPrefix("journal: line \(line): "), "\(run)")
        #expect(run.stderr.contains("through_checkin_id"), "\(run)")
        #expect(try sandbox.entryCount() == 0)
    }

    @Test func aRegionTheExportCannotNameIsRefusedWithItsLine() throws {
        try seenRedFlag()
        let forged = try sandbox.run("export", "--all").stdout.replacingOccurrences(
            of: "\"value\":\"IE\"", with: "\"value\":\"XX\"")
        sandbox.environment["JOURNAL_DB"] = file("second.sqlite3")
        let run = try sandbox.run("import", "-", stdin: forged)
        #expect(run.status == 65, "\(run)")
        #expect(run.stderr.contains("XX"), "\(run)")
    }

    /// A review through a check-in beyond the file's last names the same check-ins: brought down
    /// to the last, so a red flag recorded after the import is not taken as seen.
    @Test func aRedFlagReviewBeyondTheLastCheckInIsBroughtDown() throws {
        try seenRedFlag()
        let forged = try sandbox.run("export", "--all").stdout.replacingOccurrences(
            of: "\"through_checkin_id\":1}", with: "\"through_checkin_id\":9007199254740991}")
        sandbox.environment["JOURNAL_DB"] = file("second.sqlite3")
        #expect(try sandbox.run("import", "-", stdin: forged).status == 0)
        #expect(try sandbox.sql("SELECT \(RecordSQL.throughCheckInID) FROM red_flag_reviews AS r") == "1\n")
        try sandbox.run("checkin", "--pain", "3", "--red-flag", "fever", "--at", "2026-11-24 09:00")
        #expect(try sandbox.run("check").status == 3)
    }

    /// `exercises edit --no-sides` on an exercise whose entries record a side is refused (64) and
    /// changes nothing: those entries would fail their own checks (edit, export, restore) after.
    @Test func noSidesIsRefusedWhileEntriesRecordASide() throws {
        #expect(
            try sandbox.run(
                "exercises", "add", "wall-lunge-own", "--name", "Wall lunge (own)", "--category", "stability", "--sides"
            )
            .status == 0)
        try sandbox.log("wall-lunge-own", "--pain-before", "3", "--pain-after", "3", "--side", "left")
        let run = try sandbox.run("exercises", "edit", "wall-lunge-own", "--no-sides")
        #expect(run.status == 64, "\(run)")
        #expect(
            run.stderr.contains(
                "1 entry of wall-lunge-own records a side, so it stays one side at a time (nothing was changed)"),
            "\(run)")
        #expect(try sandbox.sql("SELECT per_side FROM exercises WHERE id = 'wall-lunge-own'") == "1\n")
        #expect(try sandbox.run("backup", file("b.sqlite3")).status == 0)
        #expect(try sandbox.run("restore", file("b.sqlite3"), "--db", file("r.sqlite3")).status == 0)
    }
}

/// A red flag recorded where the clock already read tomorrow stands today wherever the person is
/// now: today's standing counts every red flag recorded, whatever day its own clock gave it; a
/// report of a past day counts those dated by its end, as a record of what stood then.
@Suite struct RedFlagAheadCommandTests {
    let sandbox = Sandbox(timeZone: "Europe/Berlin")

    @Test func aRedFlagRecordedInAZoneAlreadyTomorrowStandsOnEveryScreenToday() throws {
        // 2026-11-20 23:30 UTC: 00:30 on the 21st in Berlin, 23:30 on the 20th in London.
        sandbox.environment["JOURNAL_NOW"] = "2026-11-20T23:30:00Z"
        #expect(try sandbox.run("checkin", "--pain", "7", "--red-flag", "saddle-numbness").status == 0)
        sandbox.environment["TZ"] = "Europe/London"
        sandbox.environment["JOURNAL_NOW"] = "2026-11-20T23:40:00Z"
        let check = try sandbox.run("check")
        #expect(check.status == 3, "\(check)")
        #expect(check.stdout.contains("URGENT: SEEK EMERGENCY CARE NOW"), "\(check)")
        #expect(try sandbox.run("today").status == 3)
        let log = try sandbox.run("log", "bird-dog", "--pain-before", "2", "--pain-after", "2")
        #expect(log.stderr.contains("Still standing, recorded 2026-11-21, not yet seen by a doctor"), "\(log)")
        let report = try sandbox.run("report", "--json")
        #expect(report.stdout.contains("\"red-flag\""), "\(report)")
        // The report of the day before it was recorded, as of that day's end: nothing stood.
        let past = try sandbox.run("report", "--from", "2026-11-19", "--to", "2026-11-19", "--json")
        #expect(past.status == 0, "\(past)")
        #expect(!past.stdout.contains("\"red-flag\""), "\(past)")
        #expect(try sandbox.sql("SELECT red_flag FROM checkin_red_flags_with_ids") == "saddle-numbness\n")
    }
}
