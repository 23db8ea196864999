import Foundation
import Testing

/// What a fresh-context tester found in `journal undo`'s words (issue #26): times whose offsets
/// differ, a check-in's red flags, a time after now, one repetition.
@Suite struct UndoWordsCommandTests {
    let sandbox = Sandbox()

    init() {
        sandbox.environment["JOURNAL_NOW"] = "2026-11-20T20:00:00Z"
    }

    /// Logged in Toronto at 13:30 (18:30 UTC), moved in London to 19:30 (19:30 UTC): one hour, not six.
    @Test func anEditUndoShowsTheOffsetsWhenTheyDiffer() throws {
        sandbox.environment["TZ"] = "America/Toronto"
        try sandbox.change("log", "bird-dog", "--pain-before", "2", "--pain-after", "2", "--at", "2026-11-20 13:30")
        sandbox.environment["TZ"] = "Europe/London"
        try sandbox.change("edit", "1", "--at", "2026-11-20 19:30")
        let undo = try sandbox.run("undo")
        #expect(undo.status == 0)
        #expect(
            undo.stdout
                == "#1 bird-dog is as it was before you edited it just now: at 2026-11-20 13:30 (UTC-05:00) "
                + "(the edit had 2026-11-20 19:30 (UTC+00:00)).\n")
    }

    @Test func undoingACheckInNamesItsRedFlags() throws {
        try sandbox.change(
            "checkin", "--pain", "6", "--red-flag", "saddle-numbness", "--red-flag", "fever", "--at", "2026-11-20 19:00"
        )
        let undo = try sandbox.run("undo")
        #expect(undo.status == 0)
        #expect(
            undo.stdout
                == "Removed check-in #1 (pain 6, red flags: saddle-numbness, fever, at 2026-11-20 19:00), recorded just now.\n"
                + "The red flag of check-in #1 at 2026-11-20 19:00 is lifted: the change undone had it. "
                + "You recorded numbness or tingling around the genitals or buttocks.\n"
                + "The red flag of check-in #1 at 2026-11-20 19:00 is lifted: the change undone had it. "
                + "You recorded a high temperature, or feeling hot and shivery.\n"
        )
        #expect(undo.stderr == "")
    }

    /// A record's own time is "at …"; "recorded"/"logged" say only when the command ran.
    @Test func aCheckInPutBackIsNamedAtItsOwnTime() throws {
        try sandbox.change("checkin", "--pain", "4", "--red-flag", "fever", "--at", "2026-11-20 19:00")
        try sandbox.change("checkins", "delete", "1", "--yes")
        let undo = try sandbox.run("undo")
        #expect(
            undo.stdout
                == "Put back check-in #1 (pain 4) at 2026-11-20 19:00 with red flags fever (deleted just now).\n"
                + "The red flag of check-in #1 at 2026-11-20 19:00 begins now: the undo began it; it stands until a doctor has seen you, "
                + "then record that with: journal resume --red-flags\n")
    }

    /// The clock set a year back since the delete: its time, not "just now".
    @Test func aChangeAfterNowIsNamedByItsTime() throws {
        try sandbox.change("log", "bird-dog", "--pain-before", "2", "--pain-after", "2", "--at", "2026-11-20 08:00")
        try sandbox.change("delete", "1", "--yes")
        sandbox.environment["JOURNAL_NOW"] = "2025-11-20T20:00:00Z"
        let undo = try sandbox.run("undo")
        #expect(undo.status == 0)
        #expect(
            undo.stdout == "Put back #1 bird-dog at 2026-11-20 08:00 (deleted at 2026-11-20 20:00 (UTC+00:00)).\n")
    }

    @Test func oneRepetitionIsOneRep() throws {
        let log = try sandbox.run("log", "bird-dog", "--pain-before", "2", "--pain-after", "2", "--reps", "1")
        #expect(log.stdout == "Logged #1 bird-dog: 1 × 1 rep, pain 2 → 2, at 2026-11-20 20:00 (UTC+00:00).\n")
        try sandbox.change("edit", "1", "--reps", "2")
        let undo = try sandbox.run("undo")
        #expect(
            undo.stdout
                == "#1 bird-dog is as it was before you edited it just now: 1 × 1 rep (the edit had 1 × 2 reps).\n")
    }
}
