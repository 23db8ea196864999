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

    @Test func aRecordMadeWithTheClockBehindTheCheckInSaysSo() throws {
        at("10:00")
        try sandbox.change("checkin", "--pain", "3", "--red-flag", "fever", "--at", "08:00")
        at("09:00")
        let run = try sandbox.run("resume", "--red-flags")
        #expect(run.status == 3, "\(run)")
        #expect(
            run.stdout
                == "Recorded that a doctor has seen you, 2026-11-20 09:00 (UTC+00:00); it covers none of the red flags that stand.\n"
        )
        #expect(
            run.stderr.hasPrefix(
                """
                Still standing: the red flags recorded 2026-11-20 08:00: they were entered
                2026-11-20 10:00, after this record was made (2026-11-20 09:00 by the clock):
                the clock reads earlier than when they were entered. Check the clock; running
                `journal resume --red-flags` again will not cover them until it reads later than
                that.
                """), "\(run)")
        #expect(try sandbox.run("check").status == 3)
    }

    @Test func aReviewMadeWithTheClockBehindTheSessionSaysSoAndLiftsNothing() throws {
        at("10:00")
        _ = try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "5", "--at", "08:00")
        at("09:00")
        let run = try sandbox.run("resume", "bird-dog")
        #expect(run.status == 2, "\(run)")
        #expect(
            run.stdout == "Recorded the review of bird-dog, 2026-11-20 09:00 (UTC+00:00); bird-dog is still on hold.\n")
        #expect(
            run.stderr.hasPrefix(
                """
                bird-dog is still on hold since 2026-11-20 08:00 (more-pain, #1): that session
                was entered 2026-11-20 10:00, after this review was recorded (by the clock,
                2026-11-20 09:00): the clock reads earlier than when the session was entered.
                Check the clock; running `journal resume bird-dog` again will not lift the hold
                until it reads later than that.
                """), "\(run)")
        try sandbox.change("undo")
        let json = try sandbox.run("resume", "bird-dog", "--json")
        #expect(json.status == 2)
        let resumed = try object(json)
        #expect(resumed["lifted"] is NSNull, "\(json)")
        #expect((resumed["still_held"] as? [String: Any])?["entry_id"] as? Int == 1)
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
