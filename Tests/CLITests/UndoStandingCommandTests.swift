import Foundation
import Testing

/// After every undo, what stands, told as `journal log` and `journal checkin` tell it after a write
/// (issue #26): a red flag or a hold the undo brought back, and a hold it lifted.
///
/// Every change is made and undone at 2026-11-20 20:00 in London, in the UK's words.
@Suite struct UndoStandingCommandTests {
    let sandbox = Sandbox()

    init() {
        sandbox.environment["JOURNAL_NOW"] = "2026-11-20T20:00:00Z"
    }

    static let feverStands = """

        Still standing, recorded 2026-11-20, not yet seen by a doctor: You recorded a
          high temperature, or feeling hot and shivery. Ask for an urgent GP appointment
          today or call 111. These symptoms need a doctor today, not a physiotherapy
          appointment. Once a doctor has seen you: journal resume --red-flags.

        """

    /// What undo says of the red flag of check-in #1 at 19:00 it brought back, in the words
    /// `checkins edit` says one it began with.
    static let redFlagBegins =
        "The red flag of check-in #1 at 2026-11-20 19:00 begins now: the undo began it; it stands until a "
        + "doctor has seen you, then record that with: journal resume --red-flags"

    static let birdDogHeld = """

        Still on hold since 2026-11-20: bird-dog (more-pain, #1); see a physiotherapist,
          then `journal resume bird-dog`.

        """

    @Test func undoingACheckInDeleteTellsTheEmergencyThatStandsAgain() throws {
        try sandbox.change("checkin", "--pain", "6", "--red-flag", "saddle-numbness", "--at", "2026-11-20 19:00")
        try sandbox.change("checkins", "delete", "1", "--yes")
        let undo = try sandbox.run("undo")
        #expect(undo.status == 0)
        #expect(
            undo.stdout == """
                Put back check-in #1 (pain 6) at 2026-11-20 19:00 with red flags saddle-numbness (deleted just now).
                \(Self.redFlagBegins)

                """, "\(undo)")
        #expect(
            undo.stderr == """

                Still standing, recorded 2026-11-20, not yet seen by a doctor: You recorded
                  numbness or tingling around the genitals or buttocks. Call 999 or go to A&E
                  now. These symptoms are an emergency: they need emergency care now, not a
                  physiotherapy appointment. Once a doctor has seen you:
                  journal resume --red-flags.

                """)
        #expect(try sandbox.run("check").status == 3)
    }

    @Test func undoingARedFlagReviewTellsTheRedFlagThatStandsAgain() throws {
        try sandbox.change("checkin", "--pain", "6", "--red-flag", "fever", "--at", "2026-11-20 19:00")
        try sandbox.change("resume", "--red-flags")
        let undo = try sandbox.run("undo")
        #expect(undo.status == 0)
        #expect(
            undo.stdout
                == "Took back the record that a doctor has seen the red flags, made just now: they stand again.\n"
                + Self.redFlagBegins + "\n")
        #expect(undo.stderr == Self.feverStands)
        #expect(try sandbox.sql("SELECT count(*) FROM red_flag_reviews") == "0\n")
    }

    @Test func undoingACheckInEditThatRemovedRedFlagsTellsThemAgain() throws {
        try sandbox.change("checkin", "--pain", "6", "--red-flag", "fever", "--at", "2026-11-20 19:00")
        try sandbox.change("checkins", "edit", "1", "--no-red-flags")
        let undo = try sandbox.run("undo")
        #expect(undo.status == 0)
        #expect(undo.stdout.hasSuffix("\n" + Self.redFlagBegins + "\n"), "\(undo)")
        #expect(undo.stderr == Self.feverStands, "\(undo)")
    }

    @Test func undoingAResumeTellsTheHoldThatStandsAgain() throws {
        try sandbox.change("log", "bird-dog", "--pain-before", "2", "--pain-after", "5", "--at", "2026-11-20 08:00")
        try sandbox.change("resume", "bird-dog")
        let undo = try sandbox.run("undo")
        #expect(undo.status == 0)
        #expect(undo.stderr == Self.birdDogHeld, "\(undo)")
    }

    @Test func undoingADeleteOfARiseTellsTheHoldThatStandsAgain() throws {
        try sandbox.change("log", "bird-dog", "--pain-before", "2", "--pain-after", "5", "--at", "2026-11-20 08:00")
        try sandbox.change("delete", "1", "--yes")
        let undo = try sandbox.run("undo")
        #expect(undo.status == 0)
        #expect(undo.stdout == "Put back #1 bird-dog at 2026-11-20 08:00 (deleted just now).\n")
        #expect(undo.stderr == Self.birdDogHeld)
    }

    @Test func undoingTheLogOfARiseSaysItsHoldIsLifted() throws {
        try sandbox.change("log", "bird-dog", "--pain-before", "2", "--pain-after", "5", "--at", "2026-11-20 08:00")
        let undo = try sandbox.run("undo")
        #expect(undo.status == 0)
        #expect(
            undo.stdout.hasSuffix(
                "\nThe hold on bird-dog since 2026-11-20 08:00 (more-pain) is lifted: the change undone had begun it.\n"
            ),
            "\(undo)")
        #expect(undo.stderr == "")
        #expect(try sandbox.run("check").status == 0)
    }

    @Test func undoingTheEditThatMadeARiseSaysItsHoldIsLifted() throws {
        try sandbox.change("log", "bird-dog", "--pain-before", "2", "--pain-after", "2", "--at", "2026-11-20 08:00")
        try sandbox.change("edit", "1", "--pain-after", "5")
        let undo = try sandbox.run("undo")
        #expect(undo.status == 0)
        #expect(
            undo.stdout
                == "#1 bird-dog is as it was before you edited it just now: pain 2 → 2 (the edit had 2 → 5).\n"
                + "The hold on bird-dog since 2026-11-20 08:00 (more-pain) is lifted: the change undone had begun it.\n"
        )
        #expect(undo.stderr == "")
    }

    /// Seven check-ins put back: the one with a red flag, the last, is listed, not folded into "and N more".
    @Test func undoingADeleteOfManyListsTheCheckInWithRedFlags() throws {
        for hour in 10...15 {
            try sandbox.change("checkin", "--pain", "2", "--at", "2026-11-20 \(hour):00")
        }
        try sandbox.change("checkin", "--pain", "6", "--red-flag", "fever", "--at", "2026-11-20 19:00")
        try sandbox.change("checkins", "delete", "1", "2", "3", "4", "5", "6", "7", "--yes")
        let undo = try sandbox.run("undo")
        #expect(undo.status == 0)
        let lines = undo.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 8, "\(undo)")
        #expect(lines.dropLast().last == "  and 2 more", "\(undo)")
        #expect(lines.dropLast(2).last?.hasPrefix("  check-in #7 (pain 6)") == true, "\(undo)")
        #expect(
            lines.last
                == "The red flag of check-in #7 at 2026-11-20 19:00 begins now: the undo began it; it stands until a "
                + "doctor has seen you, then record that with: journal resume --red-flags", "\(undo)")
        #expect(undo.stderr == Self.feverStands)
    }

    /// `undo --json` carries `standing`, the object `journal today --json` carries, and `holds_lifted`.
    @Test func undoJSONCarriesWhatStands() throws {
        try sandbox.change("checkin", "--pain", "6", "--red-flag", "fever", "--at", "2026-11-20 19:00")
        try sandbox.change("checkins", "delete", "1", "--yes")
        let undo = try sandbox.run("undo", "--json")
        #expect(undo.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(undo.stdout.utf8)) as? [String: Any])
        let standing = try #require(json["standing"] as? [String: Any])
        let findings = try #require(standing["findings"] as? [[String: Any]])
        #expect(findings.map { $0["rule"] as? String } == ["red-flag"])
        #expect(standing["region"] as? String == "GB")
        #expect(json["holds_lifted"] as? [Any] != nil)
        #expect(undo.stderr == Self.feverStands)
    }

    /// The tester's case (issue #26): undoing, the next day, the check-in that recorded an
    /// emergency red flag says the red flag is lifted, in the words `checkins delete` uses.
    @Test func undoingARedFlagCheckInSaysItsRedFlagIsLifted() throws {
        try sandbox.change("checkin", "--pain", "6", "--red-flag", "saddle-numbness", "--at", "2026-11-20 08:00")
        sandbox.environment["JOURNAL_NOW"] = "2026-11-21T10:00:00Z"
        let undo = try sandbox.run("undo")
        #expect(undo.status == 0)
        #expect(
            undo.stdout == """
                Removed check-in #1 (pain 6, red flags: saddle-numbness, at 2026-11-20 08:00), recorded 14 hours ago.
                The red flag of check-in #1 at 2026-11-20 08:00 is lifted: the change undone had it. You recorded numbness or tingling around the genitals or buttocks.

                """, "\(undo)")
        #expect(undo.stderr == "")
        #expect(try sandbox.run("check").status == 0)
        #expect(try sandbox.sql("SELECT count(*) FROM checkins") == "0\n")
    }

    /// `undo --json` names the red flag it lifted in `red_flags_lifted`, as `checkins delete --json` does.
    @Test func undoJSONNamesTheRedFlagLifted() throws {
        try sandbox.change("checkin", "--pain", "6", "--red-flag", "saddle-numbness", "--at", "2026-11-20 08:00")
        let undo = try sandbox.run("undo", "--json")
        #expect(undo.status == 0)
        #expect(undo.stderr == "")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(undo.stdout.utf8)) as? [String: Any])
        let lifted = try #require(json["red_flags_lifted"] as? [[String: Any]])
        #expect(lifted.count == 1)
        #expect(lifted.first?["rule"] as? String == "red-flag")
        #expect(lifted.first?["severity"] as? String == "urgent")
        #expect(lifted.first?["checkin_id"] as? Int == 1)
        #expect(lifted.first?["performed_at"] as? String == "2026-11-20T08:00:00+00:00")
        #expect(
            lifted.first?["message"] as? String == "You recorded numbness or tingling around the genitals or buttocks.")
        #expect(lifted.first?["region"] as? String == "GB")
        #expect((json["red_flags_begun"] as? [Any])?.isEmpty == true)
        #expect(try sandbox.sql("SELECT count(*) FROM checkins") == "0\n")
    }

    /// `undo --json` of a check-in delete names the red flag it brought back in `red_flags_begun`.
    @Test func undoJSONNamesTheRedFlagBegun() throws {
        try sandbox.change("checkin", "--pain", "6", "--red-flag", "fever", "--at", "2026-11-20 19:00")
        try sandbox.change("checkins", "delete", "1", "--yes")
        let undo = try sandbox.run("undo", "--json")
        #expect(undo.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(undo.stdout.utf8)) as? [String: Any])
        let begun = try #require(json["red_flags_begun"] as? [[String: Any]])
        #expect(begun.map { $0["checkin_id"] as? Int } == [1])
        #expect(begun.first?["severity"] as? String == "see-doctor")
        #expect(begun.first?["message"] as? String == "You recorded a high temperature, or feeling hot and shivery.")
        #expect((json["red_flags_lifted"] as? [Any])?.isEmpty == true)
        #expect((json["message"] as? String)?.hasSuffix("\n" + Self.redFlagBegins) == true, "\(undo)")
        #expect(undo.stderr == Self.feverStands)
    }

    /// Undoing a check-in edit that added a red flag lifts that flag and keeps the one it had.
    @Test func undoingACheckInEditThatAddedARedFlagSaysItIsLifted() throws {
        try sandbox.change("checkin", "--pain", "6", "--red-flag", "fever", "--at", "2026-11-20 19:00")
        try sandbox.change("checkins", "edit", "1", "--red-flag", "fever", "--red-flag", "saddle-numbness")
        let undo = try sandbox.run("undo")
        #expect(undo.status == 0)
        #expect(
            undo.stdout.hasSuffix(
                "\nThe red flag of check-in #1 at 2026-11-20 19:00 is lifted: the change undone had it. "
                    + "You recorded numbness or tingling around the genitals or buttocks.\n"), "\(undo)")
        #expect(!undo.stdout.contains("high temperature"), "\(undo)")
        #expect(undo.stderr == Self.feverStands)
        #expect(try sandbox.sql("SELECT red_flag FROM checkin_red_flags_with_ids") == "fever\n")
    }

    /// A red flag a doctor has seen stands no more: undoing its check-in lifts nothing and says nothing of it.
    @Test func undoingACheckInADoctorHasSeenLiftsNoRedFlag() throws {
        try sandbox.change("checkin", "--pain", "6", "--red-flag", "fever", "--at", "2026-11-20 08:00")
        try sandbox.change("resume", "--red-flags", "--at", "2026-11-20 12:00")
        try sandbox.change("checkins", "edit", "1", "--pain", "5")
        let undo = try sandbox.run("undo", "--json")
        #expect(undo.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(undo.stdout.utf8)) as? [String: Any])
        #expect((json["red_flags_lifted"] as? [Any])?.isEmpty == true, "\(undo)")
        #expect((json["red_flags_begun"] as? [Any])?.isEmpty == true, "\(undo)")
        #expect(undo.stderr == "")
    }

    /// Undoing a full import that brought a check-in with a red flag says the red flag is lifted.
    @Test func undoingAnImportSaysTheRedFlagItBroughtIsLifted() throws {
        try sandbox.change("checkin", "--pain", "6", "--red-flag", "fever", "--at", "2026-11-20 19:00")
        let export = sandbox.directory + "/all.json"
        try sandbox.change("export", "--all", "--output", export)
        sandbox.environment["JOURNAL_DB"] = sandbox.directory + "/other.sqlite3"
        try sandbox.change("import", export)
        let undo = try sandbox.run("undo")
        #expect(undo.status == 0)
        #expect(
            undo.stdout.hasSuffix(
                "\nThe red flag of check-in #1 at 2026-11-20 19:00 is lifted: the change undone had it. "
                    + "You recorded a high temperature, or feeling hot and shivery.\n"), "\(undo)")
        #expect(undo.stderr == "")
        #expect(try sandbox.sql("SELECT count(*) FROM checkins") == "0\n")
    }
}
