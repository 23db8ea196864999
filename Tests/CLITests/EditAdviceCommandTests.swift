import Foundation
import Testing

/// What an edit, a back-dated check-in and an undo say about the red flags and the holds (issue #23):
/// a finding is told as new only when it is new, dated as `check` dates it, and an undo names what
/// it took back.
@Suite struct EditAdviceCommandTests {
    let sandbox = Sandbox()

    @Test func aRedFlagAddedByAnEditAfterADoctorsVisitStands() throws {
        try #require(
            try sandbox.run("checkin", "--pain", "3", "--red-flag", "fever", "--at", "today 08:00").status == 0)
        try #require(try sandbox.run("resume", "--red-flags").status == 0)
        try #require(try sandbox.run("check").status == 0)
        let edit = try sandbox.run("checkins", "edit", "1", "--red-flag", "bladder-bowel")
        #expect(edit.status == 0, "\(edit)")
        #expect(edit.stderr.components(separatedBy: "URGENT: SEEK EMERGENCY CARE NOW").count == 2, "\(edit)")
        let check = try sandbox.run("check")
        #expect(check.status == 3, "\(check)")
        // Undone, the check-in is again the one the doctor saw.
        #expect(try sandbox.run("undo").status == 0)
        #expect(try sandbox.run("check").status == 0)
    }

    @Test func redFlagsMovedToAnotherTimeAfterADoctorsVisitStand() throws {
        try #require(
            try sandbox.run("checkin", "--pain", "3", "--red-flag", "fever", "--at", "today 08:00").status == 0)
        try #require(try sandbox.run("resume", "--red-flags").status == 0)
        let edit = try sandbox.run("checkins", "edit", "1", "--at", "today 09:00")
        #expect(edit.status == 0, "\(edit)")
        #expect(try sandbox.run("check").status == 3)
    }

    @Test func aNoteOnlyEditDoesNotReplayARedFlagADoctorHasSeen() throws {
        try #require(
            try sandbox.run("checkin", "--pain", "3", "--red-flag", "chest-pain", "--at", "today 08:00").status == 0)
        try #require(try sandbox.run("resume", "--red-flags").status == 0)
        let edit = try sandbox.run("checkins", "edit", "1", "--note", "typo")
        #expect(edit.status == 0, "\(edit)")
        #expect(!edit.stderr.contains("URGENT"), "\(edit)")
        #expect(!edit.stderr.contains("999"), "\(edit)")
        #expect(try sandbox.run("check").status == 0)
    }

    @Test func aNoteOnlyEditOfAStandingRedFlagIsNotANewAlarm() throws {
        try #require(
            try sandbox.run("checkin", "--pain", "3", "--red-flag", "chest-pain", "--at", "today 08:00").status == 0)
        let edit = try sandbox.run("checkins", "edit", "1", "--note", "typo")
        #expect(edit.status == 0, "\(edit)")
        #expect(!edit.stderr.contains(String(repeating: "!", count: 78)), "\(edit)")
        #expect(try sandbox.run("check").status == 3)
    }

    @Test func aNoteOnlyEditOfAReviewedRiseDoesNotPrintStop() throws {
        try sandbox.log("glute-bridge", "--pain-before", "2", "--pain-after", "5", "--at", "today 08:00")
        try #require(try sandbox.run("resume", "glute-bridge").status == 0)
        let edit = try sandbox.run("edit", "1", "--note", "typo fix")
        #expect(edit.status == 0, "\(edit)")
        #expect(edit.stderr.isEmpty, "\(edit)")
        // Not reviewed, the hold is named in one line as already known, not as a new STOP.
        try sandbox.log("bird-dog", "--pain-before", "2", "--pain-after", "5", "--at", "today 09:00")
        let held = try sandbox.run("edit", "2", "--note", "typo fix")
        #expect(held.status == 0, "\(held)")
        #expect(held.stderr.hasPrefix("ON HOLD bird-dog is on hold since 2026-11-25 09:00"), "\(held)")
        #expect(!held.stderr.contains("STOP"), "\(held)")
        // A changed pain is told as new.
        let changed = try sandbox.run("edit", "2", "--pain-after", "6")
        #expect(changed.stderr.contains("STOP"), "\(changed)")
    }

    @Test func aBackDatedCheckInIsHeadedAndDatedAsCheckShowsIt() throws {
        let run = try sandbox.run("checkin", "--pain", "3", "--red-flag", "night-pain", "--at", "2026-11-11 09:00")
        #expect(run.status == 0, "\(run)")
        #expect(
            run.stderr.hasPrefix(
                """
                ==============================================================================
                == SEE A DOCTOR: URGENT GP APPOINTMENT OR 111
                == Recorded 2026-11-11 09:00, not yet seen by a doctor: once one has, run
                == `journal resume --red-flags`.
                """), "\(run)")
        #expect(!run.stderr.contains("TODAY"), "\(run)")
        let check = try sandbox.run("check")
        #expect(check.stdout.contains("== SEE A DOCTOR: URGENT GP APPOINTMENT OR 111\n"), "\(check)")
        #expect(check.stdout.contains("== Recorded 2026-11-11 09:00, not yet seen by a doctor"), "\(check)")
        // Performed today, it is headed "today".
        let todays = try sandbox.run("checkin", "--pain", "3", "--red-flag", "night-pain", "--at", "today 09:00")
        #expect(todays.stderr.contains("SEE A DOCTOR TODAY"), "\(todays)")
    }

    @Test func undoingADoctorsVisitSaysTheRedFlagsStandAgain() throws {
        try #require(
            try sandbox.run("checkin", "--pain", "3", "--red-flag", "fever", "--at", "today 08:00").status == 0)
        let seen = try sandbox.run("resume", "--red-flags")
        #expect(seen.stdout.hasSuffix("1 red-flag finding no longer stands.\n"), "\(seen)")
        let undo = try sandbox.run("undo")
        #expect(undo.status == 0, "\(undo)")
        #expect(
            undo.stdout
                == "Took back the record that a doctor has seen the red flags, made just now: they stand again.\n"
                + "The red flag of check-in #1 at 2026-11-25 08:00 begins now: the undo began it; it stands until a doctor has seen you, "
                + "then record that with: journal resume --red-flags\n",
            "\(undo)")
        #expect(!undo.stdout.contains("physiotherapist"), "\(undo)")
        #expect(try sandbox.run("check").status == 3)
    }
}
