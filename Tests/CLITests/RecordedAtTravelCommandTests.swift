import Foundation
import Testing

/// When each record was recorded travels with the full export (`recorded_at`, issue #25): a review
/// covers only what was recorded by its second, so a session or check-in changed after a review
/// stands again, and stays standing after `export --all` and `import` into a new journal.
@Suite struct RecordedAtTravelCommandTests {
    let sandbox = Sandbox(timeZone: "UTC")

    func file(_ name: String) -> String { sandbox.directory + "/" + name }

    /// Runs `arguments` with the clock at `now` (2026-11-20, UTC), requiring success.
    func at(_ now: String, _ arguments: String...) throws {
        sandbox.environment["JOURNAL_NOW"] = "2026-11-20T\(now):00Z"
        let run = try sandbox.run(arguments)
        try #require(run.status == 0, "\(run)")
    }

    /// A red flag recorded after a doctor saw the red flags, by editing a check-in the doctor had seen.
    func redFlagAddedAfterTheReview() throws {
        try at("08:00", "checkin", "--pain", "3", "--red-flag", "fever")
        try at("08:10", "checkin", "--pain", "3")
        try at("09:00", "resume", "--red-flags")
        try at("10:00", "checkins", "edit", "2", "--red-flag", "back-lump")
    }

    /// A rise in pain recorded after the physiotherapist's review, by editing a session it had seen.
    func riseEditedAfterTheReview() throws {
        try at("08:00", "log", "bird-dog", "--pain-before", "3", "--pain-after", "5")
        try at("08:10", "log", "bird-dog", "--pain-before", "3", "--pain-after", "3")
        try at("09:00", "resume", "bird-dog")
        try at("10:00", "edit", "2", "--pain-after", "4")
    }

    /// A session put back from a CSV under an id the review had seen, after the review.
    func risePutBackAfterTheReview() throws {
        try at("08:00", "log", "bird-dog", "--pain-before", "3", "--pain-after", "5")
        try at("08:10", "log", "bird-dog", "--pain-before", "3", "--pain-after", "3")
        try at("08:20", "log", "bird-dog", "--pain-before", "3", "--pain-after", "3")
        try at("08:30", "delete", "2", "--yes")
        try at("09:00", "resume", "bird-dog")
        sandbox.environment["JOURNAL_NOW"] = "2026-11-20T10:00:00Z"
        let csv =
            "id,performed_at,exercise,side,sets,reps,hold_seconds,pain_before,pain_after,pain_change,flagged,note\r\n"
            + "2,2026-11-20T08:10:00+00:00,bird-dog,,1,,,3,5,2,true,\r\n"
        let run = try sandbox.run("import", "--format", "csv", "-", stdin: csv)
        try #require(run.status == 0, "\(run)")
    }

    /// `check` before and after export --all → import into a new journal (at 2026-11-25, the
    /// sandbox's today): the same output and exit status, the expected one; the new journal's full
    /// export is the same bytes, but for what `seenAgain` replaces.
    ///
    /// A review's `through_entry_id` (`through_checkin_id`) is the newest record the review had
    /// seen (schema.sql `v26-record-ids`: computed from its `seen`), counting the copy `journal undo`
    /// kept of one edited after the review; the new journal holds the edited record alone, recorded
    /// after the review, so its number is the one before it. What each covers is the same.
    func expectTheRoundTripKeeps(status: Int32, seenAgain: (String, String)? = nil) throws {
        sandbox.environment["JOURNAL_NOW"] = Sandbox.noonToday(in: "UTC")
        let before = try sandbox.run("check")
        #expect(before.status == status, "\(before)")
        let export = try sandbox.run("export", "--all")
        try #require(export.status == 0, "\(export)")
        #expect(export.stdout.contains("\"recorded_at\":\"2026-11-20T10:00:00+00:00\""), "\(export)")
        let restored = try sandbox.run("import", "-", "--db", file("new.sqlite3"), stdin: export.stdout)
        try #require(restored.status == 0, "\(restored)")
        let after = try sandbox.run("check", "--db", file("new.sqlite3"))
        #expect(after.status == before.status, "\(after)")
        #expect(after.stdout == before.stdout)
        #expect(after.stderr == before.stderr)
        let again = seenAgain.map { export.stdout.replacingOccurrences(of: $0.0, with: $0.1) } ?? export.stdout
        #expect(try sandbox.run("export", "--all", "--db", file("new.sqlite3")).stdout == again)
    }

    @Test func aRedFlagAddedByAnEditAfterTheReviewStillStandsAfterTheRoundTrip() throws {
        try redFlagAddedAfterTheReview()
        try expectTheRoundTripKeeps(status: 3, seenAgain: ("\"through_checkin_id\":2}", "\"through_checkin_id\":1}"))
    }

    @Test func aRiseEditedAfterTheReviewStillHoldsAfterTheRoundTrip() throws {
        try riseEditedAfterTheReview()
        try expectTheRoundTripKeeps(status: 2, seenAgain: ("\"through_entry_id\":2}", "\"through_entry_id\":1}"))
    }

    @Test func aRisePutBackFromACSVAfterTheReviewStillHoldsAfterTheRoundTrip() throws {
        try risePutBackAfterTheReview()
        try expectTheRoundTripKeeps(status: 2)
    }

    /// An edit in the review's own second counts as recorded the second after it: a full export
    /// and import in that same second carry it, and the hold stands.
    @Test func anEditInTheReviewsOwnSecondTravelsInThatSecond() throws {
        try sandbox.change("log", "bird-dog", "--pain-before", "3", "--pain-after", "5")
        try sandbox.change("log", "bird-dog", "--pain-before", "3", "--pain-after", "3")
        try sandbox.change("resume", "bird-dog")
        try sandbox.change("edit", "2", "--pain-after", "4")
        let before = try sandbox.run("check")
        #expect(before.status == 2, "\(before)")
        let export = try sandbox.run("export", "--all").stdout
        #expect(export.contains(#""recorded_at":"2026-11-25T12:00:01+00:00""#), "\(export)")
        let restored = try sandbox.run("import", "-", "--db", file("new.sqlite3"), stdin: export)
        try #require(restored.status == 0, "\(restored)")
        let after = try sandbox.run("check", "--db", file("new.sqlite3"))
        #expect(after.status == 2 && after.stdout == before.stdout, "\(after)")
    }

    /// The four lists carry `recorded_at`, in UTC: entries, check-ins, reviews, red-flag reviews.
    @Test func theFullExportCarriesWhenEachRecordWasRecorded() throws {
        try redFlagAddedAfterTheReview()
        try riseEditedAfterTheReview()
        let export = try sandbox.run("export", "--all").stdout
        let lines = export.split(separator: "\n").map(String.init)
        for expected in [
            #"{"exercise":"bird-dog","flagged":true,"hold_seconds":null,"id":1,"note":null,"pain_after":5,"pain_before":3,"pain_change":2,"performed_at":"2026-11-20T08:00:00+00:00","recorded_at":"2026-11-20T08:00:00+00:00","reps":null,"sets":1,"side":null}"#,
            #"{"exercise":"bird-dog","flagged":true,"hold_seconds":null,"id":2,"note":null,"pain_after":4,"pain_before":3,"pain_change":1,"performed_at":"2026-11-20T08:10:00+00:00","recorded_at":"2026-11-20T10:00:00+00:00","reps":null,"sets":1,"side":null}"#,
            #"{"id":1,"note":null,"pain":3,"performed_at":"2026-11-20T08:00:00+00:00","recorded_at":"2026-11-20T08:00:00+00:00","red_flags":["fever"]}"#,
            #"{"id":2,"note":null,"pain":3,"performed_at":"2026-11-20T08:10:00+00:00","recorded_at":"2026-11-20T10:00:00+00:00","red_flags":["back-lump"]}"#,
            #"{"exercise":"bird-dog","id":1,"note":null,"recorded_at":"2026-11-20T09:00:00+00:00","reviewed_at":"2026-11-20T09:00:00+00:00","through_entry_id":2}"#,
            #"{"id":1,"note":null,"recorded_at":"2026-11-20T09:00:00+00:00","reviewed_at":"2026-11-20T09:00:00+00:00","through_checkin_id":2}"#,
        ] {
            #expect(lines.contains { $0 == expected || $0 == expected + "," }, "\(expected)\n\(export)")
        }
    }

    /// A file from before `recorded_at` still imports: every record counts as recorded at the
    /// import, as before, so the review covers the edited session again.
    @Test func anOlderFileWithoutRecordedAtStillImportsAsRecordedAtTheImport() throws {
        try riseEditedAfterTheReview()
        sandbox.environment["JOURNAL_NOW"] = Sandbox.noonToday(in: "UTC")
        let export = try sandbox.run("export", "--all").stdout
        let older = export.replacingOccurrences(
            of: #","recorded_at":"[^"]*""#, with: "", options: .regularExpression)
        #expect(!older.contains("recorded_at") && older != export)
        let run = try sandbox.run("import", "-", "--db", file("old.sqlite3"), stdin: older)
        #expect(run.status == 0, "\(run)")
        sandbox.environment["JOURNAL_DB"] = file("old.sqlite3")
        #expect(try sandbox.entryCount() == 2)
        // 2026-11-25T12:00:00Z, the import's moment, for both entries and the review.
        #expect(
            try sandbox.sql("SELECT DISTINCT created_at FROM entries UNION SELECT created_at FROM reviews")
                == "1795608000\n")
        #expect(try sandbox.run("check").status == 0)
    }

    /// A `recorded_at` that is not a time with an offset, or after the import's moment, is refused
    /// with its line and the key's name, and nothing is imported.
    @Test(arguments: ["2026-11-20 10:00", "yesterday", "2026-11-25T12:00:02+00:00", "2026-11-26T00:00:00+00:00"])
    func aBadRecordedAtIsRefusedWithItsLine(_ bad: String) throws {
        try redFlagAddedAfterTheReview()
        sandbox.environment["JOURNAL_NOW"] = Sandbox.noonToday(in: "UTC")
        let export = try sandbox.run("export", "--all").stdout
        let forged = export.replacingOccurrences(
            of: #""recorded_at":"2026-11-20T10:00:00+00:00""#, with: #""recorded_at":"\#(bad)""#)
        #expect(forged != export)
        let line =
            forged.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains(bad) }.map { $0 + 1 } ?? 0
        sandbox.environment["JOURNAL_DB"] = file("second.sqlite3")
        let run = try sandbox.run("import", "-", stdin: forged)
        #expect(run.status == 65, "\(run)")
        #expect(run.stderr.hasPrefix("journal: line \(line): "), "\(run)")
        #expect(run.stderr.contains(bad), "\(run)")
        #expect(run.stderr.hasSuffix("Nothing was imported.\n"), "\(run)")
        // No journal file, or one with nothing in it.
        let exists = FileManager.default.fileExists(atPath: sandbox.database)
        let held =
            exists
            ? try sandbox.sql("SELECT (SELECT count(*) FROM checkins) + (SELECT count(*) FROM red_flag_reviews)")
            : "0\n"
        #expect(held == "0\n")
    }
}
