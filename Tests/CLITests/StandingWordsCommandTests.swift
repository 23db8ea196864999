import Foundation
import Testing

/// What screens say beside what stands (issue #26): `today` against `session` while a red flag
/// stands, commands kept whole by wrapping, what `delete`, `checkins delete` and `edit` lift or
/// begin, undo's depth message for check-ins, and the smaller words.
@Suite struct StandingWordsCommandTests {
    /// A sandbox on UTC's clock at `now`, with no region from the locale.
    func sandbox(now: String = "2026-11-25T12:00:00+00:00", timeZone: String = "UTC") -> Sandbox {
        let sandbox = Sandbox(timeZone: timeZone)
        sandbox.environment["JOURNAL_NOW"] = now
        sandbox.environment["LANG"] = "C.UTF-8"
        return sandbox
    }

    @Test(arguments: ["fever", "saddle-numbness"])
    func todayListsNothingDueWhileARedFlagStopsEverySession(flag: String) throws {
        let sandbox = sandbox()
        try sandbox.change("plan", "set", "glute-bridge", "--sets", "3", "--reps", "10", "--per-week", "5")
        try sandbox.change("plan", "set", "bird-dog", "--sets", "3", "--reps", "10", "--per-week", "5")
        _ = try sandbox.run("checkin", "--pain", "5", "--red-flag", flag)

        let today = try sandbox.run("today")
        #expect(today.status == 3, "\(today)")
        // The advice comes first; then the day, which offers no exercise as due.
        #expect(today.stdout.hasSuffix("\nToday, Wednesday 2026-11-25\nNo session while this stands.\n"), "\(today)")
        #expect(!today.stdout.contains("Due"))
        let session = try sandbox.run("session")
        #expect(session.status == 3)
        #expect(session.stderr.contains("No session while this stands"))
        let json = try sandbox.run("today", "--json")
        #expect(json.status == 3)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["due"] as? [Any])?.isEmpty == true)
        #expect(try sandbox.sql("SELECT count(*) FROM entries") == "0\n")
    }

    @Test func aHeldExerciseIsNeverDueWhileTheOthersAre() throws {
        let sandbox = sandbox()
        try sandbox.change("plan", "set", "glute-bridge", "--sets", "3", "--reps", "10", "--per-week", "5")
        try sandbox.change("plan", "set", "bird-dog", "--sets", "3", "--reps", "10", "--per-week", "5")
        _ = try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "7", "--at", "2026-11-24 18:00")
        let today = try sandbox.run("today")
        #expect(today.status == 1)
        // The plan starts today, a Wednesday: 5 a week over its 5 days is 25 / 7 = 3.6, so 4 this week.
        #expect(
            today.stdout == """
                Today, Wednesday 2026-11-25
                Due (`journal session` walks you through them):
                  glute-bridge  3 × 10 reps  0 of 4 this week
                On hold: bird-dog since 2026-11-24 18:00 (high-pain); see a physiotherapist,
                then `journal resume bird-dog`.

                """, "\(today)")
    }

    @Test func wrappingNeverBreaksTheCommandItTellsYouToType() throws {
        let sandbox = sandbox()
        _ = try sandbox.run("checkin", "--pain", "5", "--red-flag", "fever")
        let later = try sandbox.run("checkin", "--pain", "4")
        // The standing line ends with the command on a line of its own, whole.
        #expect(later.stderr.contains("Once a doctor has seen you:\n  journal resume --red-flags.\n"), "\(later)")
        #expect(!later.stderr.contains("journal resume\n"))
    }

    @Test func deleteSaysTheHoldItLifted() throws {
        let sandbox = sandbox()
        _ = try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "7")
        let deleted = try sandbox.run("delete", "1", "--yes")
        #expect(deleted.status == 0, "\(deleted)")
        #expect(
            deleted.stdout == """
                Deleted 1 entry: #1. `journal undo` brings it back.
                The hold on bird-dog since 2026-11-25 12:00 (high-pain) is lifted: the entry deleted had begun it.

                """)
        #expect(try sandbox.sql("SELECT count(*) FROM entries") == "0\n")
        #expect(try sandbox.run("check").stdout == "No safety findings stand today.\n")

        try sandbox.change("undo")
        let json = try sandbox.run("delete", "1", "--yes", "--json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["deleted"] as? [Any])?.count == 1)
        let lifted = try #require(object["holds_lifted"] as? [[String: Any]])
        #expect(lifted.count == 1)
        #expect(lifted.first?["exercise"] as? String == "bird-dog")
        #expect(lifted.first?["entry_id"] as? Int == 1)
        #expect(lifted.first?["rule"] as? String == "high-pain")

        // A deletion that lifts nothing says nothing more.
        _ = try sandbox.log("glute-bridge", "--pain-before", "2", "--pain-after", "2")
        let quiet = try sandbox.run("delete", "2", "--yes")
        #expect(quiet.stdout == "Deleted 1 entry: #2. `journal undo` brings it back.\n")
    }

    @Test func checkinsDeleteSaysTheRedFlagItLifted() throws {
        let sandbox = sandbox()
        _ = try sandbox.run("checkin", "--pain", "5", "--red-flag", "saddle-numbness")
        let deleted = try sandbox.run("checkins", "delete", "1", "--yes")
        #expect(deleted.status == 0, "\(deleted)")
        #expect(
            deleted.stdout == """
                Deleted 1 check-in: #1. `journal undo` brings it back.
                The red flag of check-in #1 at 2026-11-25 12:00 is lifted: the check-in deleted had it. You recorded numbness or tingling around the genitals or buttocks.

                """)
        #expect(try sandbox.sql("SELECT count(*) FROM checkins") == "0\n")

        try sandbox.change("undo")
        let json = try sandbox.run("checkins", "delete", "1", "--yes", "--json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let lifted = try #require(object["red_flags_lifted"] as? [[String: Any]])
        #expect(lifted.count == 1)
        #expect(lifted.first?["severity"] as? String == "urgent")
        #expect(lifted.first?["checkin_id"] as? Int == 1)
    }

    @Test func anEditSaysTheHoldItBeganOrLifted() throws {
        let sandbox = sandbox(now: "2026-10-21T18:30:00+00:00")
        _ = try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3")
        sandbox.environment["JOURNAL_NOW"] = "2026-10-22T10:00:00+00:00"
        _ = try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "7")
        try sandbox.change("resume", "bird-dog")
        sandbox.environment["JOURNAL_NOW"] = "2026-11-20T18:00:00+00:00"

        let up = try sandbox.run("edit", "1", "--pain-after", "8")
        #expect(up.status == 0, "\(up)")
        #expect(
            up.stdout == """
                Before #1: bird-dog, 1 set, pain 3 → 3, 2026-10-21 18:30 (UTC+00:00)
                After  #1: bird-dog, 1 set, pain 3 → 8, 2026-10-21 18:30 (UTC+00:00)
                The hold on bird-dog since 2026-10-21 18:30 (high-pain) begins now: the edit began it; see a physiotherapist, then `journal resume bird-dog`.

                """)
        let down = try sandbox.run("edit", "1", "--pain-after", "3", "--json")
        #expect(down.status == 0, "\(down)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(down.stdout.utf8)) as? [String: Any])
        let lifted = try #require(object["hold_lifted"] as? [String: Any])
        #expect(lifted["exercise"] as? String == "bird-dog")
        #expect(lifted["since"] as? String == "2026-10-21T18:30:00+00:00")
        #expect(object["hold_begun"] is NSNull)
        #expect(try sandbox.sql("SELECT pain_after FROM entries_with_ids WHERE id = 1") == "3\n")
        #expect(try sandbox.run("check").stdout == "No safety findings stand today.\n")
    }

    @Test func undoBeyondItsDepthNamesCheckinsDeleteForCheckIns() throws {
        let sandbox = sandbox()
        for hour in 1...11 {
            try sandbox.change("checkin", "--pain", "2", "--at", String(format: "2026-11-25 %02d:00", hour))
        }
        for _ in 1...10 { try sandbox.change("undo") }
        let beyond = try sandbox.run("undo")
        #expect(beyond.status == 0)
        #expect(beyond.stdout == "")
        #expect(
            beyond.stderr
                == "Nothing more to undo: the last 10 changes were undone, and older changes cannot be (undo goes back "
                + "through the latest 10). To remove a check-in, `journal checkins delete ID` (`journal checkins` shows "
                + "the ids).\n")
        #expect(try sandbox.sql("SELECT count(*) FROM checkins") == "1\n")
    }

    @Test func noPlanSuggestsAnExerciseThatIsNotOnHold() throws {
        let sandbox = sandbox()
        _ = try sandbox.log("glute-bridge", "--pain-before", "3", "--pain-after", "7")
        let today = try sandbox.run("today")
        #expect(
            today.stderr.hasPrefix(
                "No plan yet. Set one with:\njournal plan set core-activation --sets 3 --reps 10 --per-week 5\n"),
            "\(today)")
        #expect(!today.stderr.contains("plan set glute-bridge"))
    }

    @Test func psfsAddPrintsItsSentenceAsLogDoes() throws {
        let sandbox = sandbox()
        let added = try sandbox.run("psfs", "add", "putting on socks")
        #expect(added.status == 0)
        #expect(added.stdout == "Added activity #1: putting on socks.\n")
        #expect(added.stderr == "Rate it: journal psfs rate 1 SCORE\n")
        #expect(try sandbox.sql("SELECT id, activity FROM psfs_activities_with_ids") == "1|putting on socks\n")
    }

    @Test func aRefusedEditPrintsOnlyItsError() throws {
        let sandbox = sandbox()
        _ = try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "7")
        let refused = try sandbox.run("edit", "1", "--at", "2030-01-01 10:00")
        #expect(refused.status == 64)
        #expect(refused.stdout == "")
        #expect(!refused.stderr.contains("Still on hold"))
        #expect(try sandbox.sql("SELECT pain_after FROM entries") == "7\n")
    }

    @Test func theRepeatedHourShowsItsOffset() throws {
        let sandbox = sandbox(now: "2026-11-01T12:00:00+00:00", timeZone: "America/Toronto")
        try sandbox.change("checkin", "--pain", "2", "--at", "2026-11-01T01:30:00-04:00")
        try sandbox.change("checkin", "--pain", "3", "--at", "2026-11-01T01:30:00-05:00")
        try sandbox.change("checkin", "--pain", "3", "--at", "2026-11-01 03:30")
        let checkIns = try sandbox.run("checkins")
        #expect(
            checkIns.stdout == """
                ID  WHEN                          PAIN  RED FLAGS  NOTE
                3   2026-11-01 03:30              3
                2   2026-11-01 01:30 (UTC-05:00)  3
                1   2026-11-01 01:30 (UTC-04:00)  2

                """, "\(checkIns)")
        _ = try sandbox.log("bird-dog", "--pain-before", "2", "--pain-after", "2", "--at", "2026-11-01T01:30:00-04:00")
        _ = try sandbox.log("bird-dog", "--pain-before", "2", "--pain-after", "2", "--at", "2026-10-31 01:30")
        let list = try sandbox.run("list")
        #expect(
            list.stdout == """
                ID  WHEN                          EXERCISE  DONE   PAIN   NOTE
                1   2026-11-01 01:30 (UTC-04:00)  bird-dog  1 set  2 → 2
                2   2026-10-31 01:30              bird-dog  1 set  2 → 2

                """, "\(list)")
    }
}
