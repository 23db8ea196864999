import Foundation
import Testing

/// What `journal resume` says and exits with comes from what stands after it, the value `journal
/// check` reads (issue #25): a red flag or a hold that still stands is named with its true reason,
/// and the exit status is check's.
@Suite struct ResumeStandingCommandTests {
    let sandbox = Sandbox()

    func at(_ time: String) {
        sandbox.environment["JOURNAL_NOW"] = "2026-11-20T\(time):00+00:00"
    }

    func object(_ run: Run) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run)")
    }

    @Test func aPastDatedRecordThatALaterOneOutranksCoversNothingAndSaysWhy() throws {
        // Fever at 08:00, seen at 09:00; bladder-bowel entered at 09:05 for 08:30, then a visit
        // recorded for 08:45. The 09:00 record is the latest by its time, so it counts, and it
        // never saw the 08:30 check-in: that still stands, as check shows.
        at("08:00")
        try sandbox.change("checkin", "--pain", "3", "--red-flag", "fever")
        at("09:00")
        try sandbox.change("resume", "--red-flags")
        at("09:05")
        try sandbox.change("checkin", "--pain", "3", "--red-flag", "bladder-bowel", "--at", "08:30")
        at("09:10")
        let run = try sandbox.run("resume", "--red-flags", "--at", "08:45")
        #expect(run.status == 3, "\(run)")
        #expect(
            run.stdout
                == "Recorded that a doctor has seen you, 2026-11-20 08:45 (UTC+00:00); it covers none of the red flags that stand.\n"
        )
        #expect(
            run.stderr.hasPrefix(
                """
                Still standing: the red flags recorded 2026-11-20 08:30: the doctor's visit
                recorded for 2026-11-20 09:00 is the latest by its time, so it is the one that
                counts, and it was recorded before these were; once a doctor has seen them, run
                `journal resume --red-flags` with a time after that.
                """), "\(run)")
        #expect(try sandbox.run("check").status == 3)
        try sandbox.change("undo")
        let json = try object(try sandbox.run("resume", "--red-flags", "--at", "08:45", "--json"))
        #expect((json["covered"] as? [Any])?.isEmpty == true)
        #expect((json["still_standing"] as? [[String: Any]])?.map { $0["checkin_id"] as? Int } == [2])
        let standing = try #require(json["standing"] as? [String: Any])
        #expect((standing["findings"] as? [[String: Any]])?.map { $0["checkin_id"] as? Int } == [2])
    }

    @Test func aRecordThatLeavesALaterRedFlagExitsAsCheckDoes() throws {
        at("11:00")
        try sandbox.change("checkin", "--pain", "3", "--red-flag", "fever", "--at", "08:00")
        try sandbox.change("checkin", "--pain", "3", "--red-flag", "both-legs", "--at", "10:00")
        let run = try sandbox.run("resume", "--red-flags", "--at", "09:00")
        #expect(run.status == 3, "\(run)")
        #expect(
            run.stdout
                == "Recorded that a doctor has seen you, 2026-11-20 09:00 (UTC+00:00): 1 red-flag finding no longer stands.\n"
        )
        #expect(
            run.stderr.hasPrefix(
                """
                Still standing: the red flags recorded 2026-11-20 10:00: they are dated after
                the doctor's visit recorded for 2026-11-20 09:00, so it did not cover them; once
                a doctor has seen them, run `journal resume --red-flags` again.
                """), "\(run)")
        #expect(try sandbox.run("check").status == 3)
    }

    /// A record of a doctor's visit written after a check-in covers its red flags, though the clock
    /// reads earlier than when the check-in was entered.
    ///
    /// Before v26-record-ids, "recorded before" went by the clock's second (`created_at`), so this
    /// record covered nothing and said "the clock reads earlier than when they were entered". Now it
    /// goes by what the record had seen (schema.sql `v26-record-ids`): on one journal, every write
    /// sees every write before it, whatever the clock says, so the red flag is covered. (That
    /// message is reached again only by a check-in the record had not seen: one merged from another
    /// device, docs/sync-ids.md.)
    @Test func aRecordWrittenAfterTheCheckInCoversItWhateverTheClock() throws {
        at("10:00")
        try sandbox.change("checkin", "--pain", "3", "--red-flag", "fever", "--at", "08:00")
        at("09:00")
        let run = try sandbox.run("resume", "--red-flags")
        #expect(run.status == 0, "\(run)")
        #expect(
            run.stdout
                == "Recorded that a doctor has seen you, 2026-11-20 09:00 (UTC+00:00): 1 red-flag finding no longer "
                + "stands.\n")
        #expect(run.stderr == "", "\(run)")
        #expect(try sandbox.run("check").status == 0)
    }

    /// A review written after a session lifts the hold it began, though the clock reads earlier
    /// than when the session was entered (as above: before v26-record-ids it lifted nothing and said
    /// the clock read earlier).
    @Test func aReviewWrittenAfterTheSessionLiftsItsHoldWhateverTheClock() throws {
        at("10:00")
        _ = try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "5", "--at", "08:00")
        at("09:00")
        let run = try sandbox.run("resume", "bird-dog")
        #expect(run.status == 0, "\(run)")
        #expect(
            run.stdout
                == "Resumed bird-dog: reviewed 2026-11-20 09:00 (UTC+00:00); the hold since 2026-11-20 08:00 "
                + "(more-pain) is lifted.\n")
        #expect(run.stderr == "", "\(run)")
        try sandbox.change("undo")
        let json = try sandbox.run("resume", "bird-dog", "--json")
        #expect(json.status == 0)
        let resumed = try object(json)
        #expect((resumed["lifted"] as? [String: Any])?["entry_id"] as? Int == 1, "\(json)")
        #expect(resumed["still_held"] is NSNull, "\(json)")
    }

    @Test func resumeJSONWithNothingToReviewPrintsWhatStands() throws {
        at("10:00")
        _ = try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "5", "--at", "08:00")
        let run = try sandbox.run("resume", "glute-bridge", "--json")
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr == "glute-bridge is not on hold; nothing was recorded.\n")
        let nothing = try object(run)
        #expect(nothing["recorded"] as? Bool == false)
        #expect(nothing["exercise"] as? String == "glute-bridge")
        #expect(nothing["message"] as? String == "glute-bridge is not on hold; nothing was recorded.")
        let standing = try #require(nothing["standing"] as? [String: Any])
        #expect((standing["holds"] as? [[String: Any]])?.map { $0["exercise"] as? String } == ["bird-dog"])
        let flags = try object(try sandbox.run("resume", "--red-flags", "--json"))
        #expect(flags["recorded"] as? Bool == false)
        #expect(flags["exercise"] is NSNull)
        #expect(flags["message"] as? String == "No red flag stands; nothing was recorded.")
    }
}
