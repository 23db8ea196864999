import Foundation
import Testing

/// What `journal log` notes about a likely slip, and in which order, and what `journal exercises
/// edit` says it changed.
@Suite struct LogNoteWordingCommandTests {
    let sandbox = Sandbox()

    /// Seconds held in all carry their unit on both sides: 3 × 100 s is 300 s, more than 3 times
    /// the plan's 3 × 30 = 90 s.
    @Test func aHoldDosesNoteNamesThePlansSeconds() throws {
        #expect(
            try sandbox.run("plan", "set", "side-plank", "--sets", "3", "--hold", "30", "--per-week", "5").status == 0)
        let run = try sandbox.run(
            "log", "side-plank", "--pain-before", "2", "--pain-after", "2", "--sets", "3", "--hold", "100", "--side",
            "left")
        #expect(run.status == 0, "\(run)")
        #expect(
            run.stderr
                == "Note: 3 × 100 s hold is 300 s hold in all, more than 3 times the plan's 90 s (3 × 30 s hold); "
                + "if that is a slip, `journal undo` removes it.\n")
    }

    /// An entry logged twice a minute apart is a second rise of bird-dog (3 → 4): the note that it
    /// is the same as #1 comes before the STOP it caused, all on stderr; the STOP is still there.
    @Test func theDuplicatesNoteComesBeforeTheRiseItCaused() throws {
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T12:00:00Z"
        _ = try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "4")
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T12:01:00Z"
        let twice = try sandbox.run("log", "bird-dog", "--pain-before", "3", "--pain-after", "4")
        #expect(twice.status == 0, "\(twice)")
        #expect(twice.stdout == "Logged #2 bird-dog: 1 set, pain 3 → 4, at 2026-11-25 12:01 (UTC+00:00).\n", "\(twice)")
        #expect(
            twice.stderr == """
                STOP Pain went up during bird-dog, from 3 before to 4 after.
                     Stop doing bird-dog and see a physiotherapist before you continue with it.
                ON HOLD bird-dog is on hold since 2026-11-25 12:00 (more-pain, #1): see a
                        physiotherapist, then run `journal resume bird-dog`.
                Note: the same as #1, logged 1 minute ago; if it was logged twice, `journal undo` removes this one.
                STOP Pain rose in 2 of the last 3 sessions of bird-dog.
                     Keep bird-dog on hold until a physiotherapist has assessed you.

                """, "\(twice)")
        // With --json the object alone is on stdout; the same lines on stderr (the rule's words
        // name its threshold, 2 of the last 3, though all 3 rose).
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T12:02:00Z"
        let json = try sandbox.run("log", "bird-dog", "--pain-before", "3", "--pain-after", "4", "--json")
        #expect(json.stdout.hasPrefix("{"), "\(json)")
        #expect(
            json.stderr.contains(
                "Note: the same as #2, logged 1 minute ago; if it was logged twice, `journal undo` removes this one.\n"
                    + "STOP Pain rose in 2 of the last 3 sessions of bird-dog."), "\(json)")
        #expect(try sandbox.entryCount() == 3)
    }
}

@Suite struct ExercisesEditWordingCommandTests {
    let sandbox = Sandbox()

    /// Each thing changed is named: the name (with the one it had), the how-to text (added,
    /// changed or removed) and the sides (with what it was), within 80 columns.
    @Test func anEditNamesEachThingItChanged() throws {
        try sandbox.change(
            "exercises", "add", "cat-cow", "--name", "Cat-cow", "--category", "stretch", "--how-to", "Arch, then round."
        )
        let sides = try sandbox.run("exercises", "edit", "cat-cow", "--how-to", "Slowly.", "--sides")
        #expect(sides.status == 0, "\(sides)")
        #expect(
            sides.stdout
                == "Changed cat-cow (Cat-cow): how-to changed; one side at a time (was both sides\n"
                + "together). `journal exercises show cat-cow` shows it.\n")
        let renamed = try sandbox.run("exercises", "edit", "cat-cow", "--name", "Cat and cow", "--how-to", "")
        #expect(
            renamed.stdout
                == "Changed cat-cow (Cat and cow): name Cat and cow (was Cat-cow); how-to removed.\n"
                + "`journal exercises show cat-cow` shows it.\n", "\(renamed)")
        let back = try sandbox.run("exercises", "edit", "cat-cow", "--how-to", "Arch.", "--no-sides")
        #expect(
            back.stdout
                == "Changed cat-cow (Cat and cow): how-to added; both sides together (was one side\n"
                + "at a time). `journal exercises show cat-cow` shows it.\n", "\(back)")
        #expect(
            try sandbox.sql("SELECT name, how_to, per_side FROM exercises WHERE id = 'cat-cow'")
                == "Cat and cow|Arch.|0\n")
    }
}
