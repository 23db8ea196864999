import Foundation
import Testing

/// The daily routine: `journal today`, `journal session`, and `journal log` asking for pain.
///
/// The sandbox's clock is Wednesday 2026-11-25 12:00.
@Suite struct RoutineCommandTests {
    let sandbox = Sandbox()

    /// The plan, from Monday 2026-11-23, in this order: glute-bridge, side-plank, bird-dog.
    func plan() throws {
        for arguments in [
            ["glute-bridge", "--sets", "3", "--reps", "10", "--per-week", "5"],
            ["side-plank", "--sets", "2", "--hold", "20", "--per-week", "3"],
            ["bird-dog", "--sets", "2", "--reps", "8", "--per-week", "3"],
        ] {
            let run = try sandbox.run(["plan", "set"] + arguments + ["--since", "2026-11-23"])
            try #require(run.status == 0, "\(run)")
        }
    }

    @Test func withoutAPlanTodaySaysHowToSetOne() throws {
        let run = try sandbox.run("today")
        #expect(run.status == 0)
        #expect(run.stdout == "")
        #expect(
            run.stderr == "No plan yet. Set one with:\njournal plan set glute-bridge --sets 3 --reps 10 --per-week 5\n")
        #expect(try sandbox.run("session").status == 0)
    }

    @Test func todayListsWhatIsDueAndExitsOneUntilItIsDone() throws {
        try plan()
        // Monday and Tuesday: glute bridges; bird-dog rose on Tuesday, so it is on hold.
        _ = try sandbox.log("glute-bridge", "--pain-before", "2", "--pain-after", "2", "--at", "2026-11-23 09:00")
        _ = try sandbox.log("glute-bridge", "--pain-before", "2", "--pain-after", "2", "--at", "2026-11-24 09:00")
        _ = try sandbox.log("bird-dog", "--pain-before", "2", "--pain-after", "3", "--at", "2026-11-24 09:30")
        // Side plank twice on Monday: 1 of 3 left over 5 days, ⌈1/5⌉ = 1 today.
        _ = try sandbox.log(
            "side-plank", "--pain-before", "1", "--pain-after", "1", "--hold", "20", "--at", "2026-11-23 10:00")
        _ = try sandbox.log(
            "side-plank", "--pain-before", "1", "--pain-after", "1", "--hold", "20", "--at", "2026-11-23 18:00")
        let run = try sandbox.run("today")
        #expect(run.status == 1, "\(run)")
        #expect(
            run.stdout == """
                Today, Wednesday 2026-11-25
                Due (`journal session` walks you through them):
                  glute-bridge  3 × 10 reps    2 of 5 this week
                  side-plank    2 × 20 s hold  2 of 3 this week
                On hold: bird-dog since 2026-11-24 09:30 (more-pain); see a physiotherapist,
                then `journal resume bird-dog`.

                """)
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(try sandbox.run("today", "--json").stdout.utf8))
                as? [String: Any])
        #expect(json["date"] as? String == "2026-11-25")
        #expect((json["due"] as? [[String: Any]])?.map { $0["exercise"] as? String } == ["glute-bridge", "side-plank"])
        #expect((json["due"] as? [[String: Any]])?.first?["planned_this_week"] as? Int == 5)
        #expect((json["due"] as? [[String: Any]])?.first?["done_this_week"] as? Int == 2)
        #expect((json["held"] as? [[String: Any]])?.map { $0["since"] as? String } == ["2026-11-24T09:30:00+00:00"])
        #expect((json["done_today"] as? [Int]) == [])
        _ = try sandbox.log("glute-bridge", "--pain-before", "2", "--pain-after", "2")
        _ = try sandbox.log("side-plank", "--pain-before", "1", "--pain-after", "1", "--hold", "20")
        let after = try sandbox.run("today", "--json")
        #expect(after.status == 0, "\(after)")
        #expect(after.stdout.contains("\"done_today\" : [\n    6,\n    7\n  ]"))
    }

    @Test func aSessionFromStandardInputSavesEachEntryAsItIsAnswered() throws {
        try plan()
        // Due in plan order: glute-bridge, side-plank, bird-dog.
        // glute-bridge: 3, the plan's dose, after 3 (no side: both sides at once).
        // side-plank: 2, 2x25s left (the side with the dose, so no side question), after 2.
        // bird-dog: s skips it.
        let answers = "3\n\n3\n2\n2x25s left\n2\ns\n"
        let run = try sandbox.run(["session"], stdin: answers)
        #expect(run.status == 0, "\(run)")
        #expect(
            run.stdout == """
                Logged #1 glute-bridge: 3 × 10 reps, pain 3 → 3, at 2026-11-25 12:00 (UTC+00:00).
                Logged #2 side-plank: 2 × 25 s hold, left side, pain 2 → 2, at 2026-11-25 12:00 (UTC+00:00).

                """)
        #expect(!run.stderr.contains("Side ("))
        #expect(
            run.stderr.hasSuffix(
                "Done 2, skipped 1: bird-dog.\nThis week: glute-bridge 1 of 5, side-plank 1 of 3, bird-dog 0 of 3.\n"
            ))
        #expect(
            try sandbox.sql("SELECT exercise_id, sets, reps, hold_seconds FROM entries_with_ids ORDER BY id")
                == "glute-bridge|3|10|\nside-plank|2||25\n")
    }

    /// The session: "12" is refused on line 1; off a terminal that ends the session (exit 64),
    /// where before it was asked again and every later answer shifted by one.
    @Test func aRefusedAnswerOffATerminalEndsTheSessionNamingItsLine() throws {
        try plan()
        let first = try sandbox.run(["session"], stdin: "12\n\n2\n3\n\n3\n")
        #expect(first.status == 64, "\(first)")
        #expect(
            first.stderr.contains(
                "q ends): \njournal: line 1 of standard input: pain before must be a whole number from 0 (no pain) to 10 "
                    + "(worst imaginable); got \"12\"."))
        #expect(first.stderr.hasSuffix("The session ends there: 0 entries saved, nothing after line 1.\n"))
        #expect(!first.stderr.contains("STOP"))
        #expect(try sandbox.entryCount() == 0)

        // glute-bridge whole (lines 1-3), side-plank's pain before (4), a dose refused on line 5;
        // lines 6 onwards would have made a whole side-plank and a bird-dog.
        let second = try sandbox.run(["session"], stdin: "2\n\n2\n3\n3x\n2x20s left\n3\n1\n\nleft\n1\n")
        #expect(second.status == 64, "\(second)")
        #expect(second.stdout == "Logged #1 glute-bridge: 3 × 10 reps, pain 2 → 2, at 2026-11-25 12:00 (UTC+00:00).\n")
        #expect(second.stderr.contains("journal: line 5 of standard input: cannot read the dose \"3x\""))
        #expect(second.stderr.hasSuffix("The session ends there: 1 entry saved, nothing after line 5.\n"))
        #expect(
            try sandbox.sql("SELECT id, exercise_id, sets, reps, pain_before, pain_after FROM entries_with_ids")
                == "1|glute-bridge|3|10|2|2\n")
        #expect(try sandbox.run("check").status == 0)
    }

    /// An exercise done one side at a time asks for the side after the dose; Enter saves none (a plan names no side).
    @Test func aSessionAsksForTheSideOfAOneSideExercise() throws {
        try plan()
        let run = try sandbox.run(["session", "bird-dog", "bird-dog"], stdin: "2\n\nleft\n2\n1\n2x6\n\n1\n")
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr.contains("Side (left, right or both; Enter saves none, s skips, q ends): "))
        #expect(
            try sandbox.sql("SELECT sets, reps, coalesce(side, '-') FROM entries_with_ids ORDER BY id")
                == "2|8|left\n2|6|-\n")
    }

    /// A held exercise is announced before anything is asked, and off a terminal it is skipped
    /// without taking any answer: the next exercise gets the lines meant for it.
    @Test func aHeldExerciseIsAnnouncedFirstAndSkippedOffATerminal() throws {
        try plan()
        _ = try sandbox.log("bird-dog", "--pain-before", "2", "--pain-after", "4", "--at", "2026-11-24 09:30")
        let run = try sandbox.run(["session", "bird-dog", "glute-bridge"], stdin: "2\n\n2\n")
        #expect(run.status == 0, "\(run)")
        let announcement = try #require(
            run.stderr.range(
                of: "bird-dog is on hold since 2026-11-24 09:30 (more-pain): see a physiotherapist before doing it "
                    + "again, then `journal resume bird-dog`.\n"
                    + "Skipped bird-dog: it is on hold, and off a terminal nobody can be asked to do it anyway.\n"),
            "\(run)")
        let firstQuestion = try #require(run.stderr.range(of: "Pain before"))
        #expect(announcement.upperBound <= firstQuestion.lowerBound)
        #expect(run.stderr.contains("Done 1, skipped 1: bird-dog."))
        #expect(
            try sandbox.sql("SELECT exercise_id, pain_before, pain_after FROM entries_with_ids ORDER BY id")
                == "bird-dog|2|4\nglute-bridge|2|2\n")
    }

    /// With every exercise in force on hold, a session suggests none of them.
    @Test func withEverythingOnHoldNothingIsSuggested() throws {
        _ = try sandbox.run("plan", "set", "bird-dog", "--sets", "2", "--reps", "8", "--per-week", "3")
        _ = try sandbox.log("bird-dog", "--pain-before", "2", "--pain-after", "4", "--at", "2026-11-24 09:30")
        let run = try sandbox.run(["session"], stdin: "")
        #expect(run.status == 0, "\(run)")
        #expect(!run.stderr.contains("journal session bird-dog"), "\(run)")
        #expect(
            run.stderr.hasPrefix(
                "Nothing is due today: every exercise of your plan in force is on hold. "
                    + "See a physiotherapist, then `journal resume EXERCISE`.\n"), "\(run)")
        // What stands follows, as already known.
        #expect(run.stderr.contains("Still on hold since 2026-11-24: bird-dog"), "\(run)")
    }

    @Test func aStopMidSessionPutsTheExerciseOnHoldAndAsksWhetherToGoOn() throws {
        try plan()
        // glute-bridge rises (2 → 4): on hold; "n" ends the session there.
        let run = try sandbox.run(["session"], stdin: "2\n\n4\nn\n")
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr.contains("STOP Pain went up during glute-bridge, from 2 before to 4 after."))
        #expect(run.stderr.contains("glute-bridge is now on hold."))
        #expect(run.stderr.contains("Go on with the other exercises? [Y/n] "))
        #expect(run.stderr.contains("Done 1, skipped 2: side-plank, bird-dog."))
        #expect(try sandbox.entryCount() == 1)
        #expect(try sandbox.run("check").status == 2)
    }

    @Test func theEndOfInputEndsTheSessionKeepingWhatWasComplete() throws {
        try plan()
        // One whole exercise, then the input ends during the next one.
        let run = try sandbox.run(["session", "glute-bridge", "bird-dog"], stdin: "2\n\n2\n3\n")
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr.contains("Done 1, skipped 1: bird-dog."))
        #expect(try sandbox.sql("SELECT exercise_id, pain_before, pain_after FROM entries") == "glute-bridge|2|2\n")
        #expect(try sandbox.run(["session"], stdin: "").status == 0)
    }

    @Test func atATerminalASessionAndLogAskForWhatIsMissing() throws {
        guard let script = try ColourTests.script() else { return }
        try plan()
        let session = try execute(
            script, ["-qec", "\(Sandbox.binary.path) session glute-bridge", "/dev/null"],
            environment: sandbox.environment, stdin: "3\n3x12\n2\n")
        #expect(session.stdout.contains("Glute bridge (glute-bridge)"), "\(session)")
        #expect(session.stdout.contains("Logged #1 glute-bridge: 3 × 12 reps, pain 3 → 2"))
        // bird-dog is planned: after pain before, its dose is offered and Enter accepts it.
        let log = try execute(
            script, ["-qec", "\(Sandbox.binary.path) log bird-dog --pain-after 2", "/dev/null"],
            environment: sandbox.environment, stdin: "abc\n4\n\n")
        #expect(log.stdout.contains("Pain before (0-10): "), "\(log)")
        #expect(log.stdout.contains("journal: pain before must be a whole number from 0 (no pain) to 10"))
        #expect(log.stdout.contains("Dose in repetitions [2 × 8 reps] (Enter accepts, or 3x10, 3x10x5s): "))
        #expect(log.stdout.contains("Logged #2 bird-dog: 2 × 8 reps, pain 4 → 2"), "\(log)")
        // Another dose typed instead of Enter is what is saved.
        let typed = try execute(
            script, ["-qec", "\(Sandbox.binary.path) log bird-dog --pain-before 3 --pain-after 2", "/dev/null"],
            environment: sandbox.environment, stdin: "2x6 left\n")
        #expect(typed.stdout.contains("Logged #3 bird-dog: 2 × 6 reps, left side, pain 3 → 2"), "\(typed)")
        // A dose on the command line, or an unplanned exercise, asks nothing more.
        let given = try execute(
            script,
            ["-qec", "\(Sandbox.binary.path) log bird-dog --pain-before 3 --pain-after 2 --reps 5", "/dev/null"],
            environment: sandbox.environment, stdin: "")
        #expect(!given.stdout.contains("Dose ["), "\(given)")
        #expect(
            try sandbox.sql("SELECT sets, coalesce(reps, '-'), coalesce(side, '-') FROM entries_with_ids WHERE id > 1")
                == "2|8|-\n2|6|left\n1|5|-\n")
        // Off a terminal the scripted behaviour stays: 1 set, nothing asked.
        let scripted = try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "2")
        #expect(scripted.stdout.contains("Logged #5 bird-dog: 1 set, pain 3 → 2"))
    }

    /// At a terminal a held exercise is announced, then "do it anyway? [y/N]": Enter skips it, y does it.
    @Test func atATerminalAHeldExerciseAsksWhetherToDoItAnyway() throws {
        guard let script = try ColourTests.script() else { return }
        try plan()
        _ = try sandbox.log("glute-bridge", "--pain-before", "2", "--pain-after", "4", "--at", "2026-11-24 09:30")
        let no = try execute(
            script, ["-qec", "\(Sandbox.binary.path) session glute-bridge", "/dev/null"],
            environment: sandbox.environment, stdin: "\n")
        #expect(no.stdout.contains("glute-bridge is on hold since 2026-11-24 09:30 (more-pain)"), "\(no)")
        #expect(no.stdout.contains("Do it anyway? [y/N] "))
        #expect(no.stdout.contains("Skipped glute-bridge."))
        #expect(!no.stdout.contains("Pain before"))
        #expect(try sandbox.entryCount() == 1)
        let yes = try execute(
            script, ["-qec", "\(Sandbox.binary.path) session glute-bridge", "/dev/null"],
            environment: sandbox.environment, stdin: "y\n2\n\n2\n")
        #expect(yes.stdout.contains("Logged #2 glute-bridge: 3 × 10 reps, pain 2 → 2"), "\(yes)")
        #expect(try sandbox.entryCount() == 2)
    }

    @Test func offATerminalMissingPainIsAUsageError() throws {
        let run = try sandbox.run("log", "bird-dog", "--pain-before", "3")
        #expect(run.status == 64)
        #expect(
            run.stderr.hasPrefix(
                "Error: Give --pain-before and --pain-after, each 0-10 (standard input is not a terminal to ask on)."))
        #expect(!FileManager.default.fileExists(atPath: sandbox.database))
    }

    /// Ctrl-C once side-plank's pain before is answered (the stop point `session-pain-before`,
    /// reached first for glute-bridge, which goes on, then for side-plank); Ctrl-\, `kill` and a
    /// closed terminal alike, each ending the session with 128 + its number.
    @Test(arguments: [SIGINT, SIGTERM, SIGHUP, SIGQUIT])
    func ctrlCDuringASessionKeepsWhatWasSavedAndSaysSo(signal: Int32) throws {
        try plan()
        let child = try Child(sandbox, ["session"], stopAt: "session-pain-before")
        // glute-bridge answered whole (plan order); then side-plank's pain before.
        child.write("2\n\n2\n3\n")
        try #require(child.waitForStop(), "\(child.stderr)")
        child.resume()
        try #require(child.waitForStop(), "\(child.stderr)")
        child.kill(signal)
        child.resume()
        #expect(child.wait() == 128 + signal, "\(child.stderr)")
        #expect(
            child.stderr.hasSuffix("\nSession stopped: 1 entry saved; side-plank, in progress, was not saved.\n"),
            "\(child.stderr)")
        #expect(!child.stderr.contains("crashed"), "\(child.stderr)")
        #expect(try sandbox.sql("SELECT exercise_id FROM entries") == "glute-bridge\n")
    }
}

/// From the second adversarial pass: answers checked where they are given, plans that have not begun.
@Suite struct RoutineEdgeTests {
    let sandbox = Sandbox()

    @Test func aSideForAnExerciseWithoutSidesIsRefusedWhereItIsGiven() throws {
        _ = try sandbox.run("plan", "set", "glute-bridge", "--sets", "3", "--reps", "10", "--per-week", "5")
        // Off a terminal the refusal ends the session there, naming line 2; nothing is saved.
        let run = try sandbox.run(["session", "glute-bridge"], stdin: "3\n3x10 left\n3x10\n2\n")
        #expect(run.status == 64, "\(run)")
        #expect(run.stderr.contains("journal: line 2 of standard input: glute-bridge is done with both sides at once"))
        #expect(try sandbox.entryCount() == 0)
    }

    @Test func aPlanThatStartsLaterIsNotDueYet() throws {
        _ = try sandbox.run(
            "plan", "set", "side-plank", "--sets", "1", "--hold", "10", "--per-week", "7", "--since", "2026-11-28")
        let run = try sandbox.run("today", "--json")
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.contains("\"due\" : [\n\n  ]"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["upcoming"] as? [[String: String]] == [["exercise": "side-plank", "since": "2026-11-28"]])
        // In words it says when the plan starts, not "No plan yet".
        let text = try sandbox.run("today")
        #expect(text.status == 0, "\(text)")
        #expect(
            text.stdout
                == "Today, Wednesday 2026-11-25\nNothing is due.\nStarts later: side-plank on Saturday 2026-11-28.\n")
        #expect(text.stderr == "")
        let session = try sandbox.run(["session"], stdin: "")
        #expect(session.stderr == "Nothing is due today: your plan starts on 2026-11-28.\n", "\(session)")
    }

    /// A 7-a-week plan that starts on Saturday asks 2 that week; with one done on Saturday it asks no
    /// more that day (it asked 3 more), and Sunday asks 1.
    @Test func aPlanStartingOnSaturdayAsksOnlyForItsDays() throws {
        sandbox.environment["JOURNAL_NOW"] = "2026-11-28T12:00:00+00:00"
        _ = try sandbox.run(
            "plan", "set", "glute-bridge", "--sets", "3", "--reps", "10", "--per-week", "7", "--since", "2026-11-28")
        let before = try sandbox.run("today", "--json")
        #expect(before.status == 1, "\(before)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(before.stdout.utf8)) as? [String: Any])
        let due = try #require(json["due"] as? [[String: Any]])
        #expect(due.map { $0["planned_this_week"] as? Int } == [2])
        #expect(due.map { $0["sessions_today"] as? Int } == [1])
        _ = try sandbox.log("glute-bridge", "--pain-before", "2", "--pain-after", "2", "--sets", "3", "--reps", "10")
        let saturday = try sandbox.run("today")
        #expect(saturday.status == 0, "\(saturday)")
        #expect(saturday.stdout.contains("Not due today:\n  glute-bridge  3 × 10 reps  1 of 2 this week\n"))
        sandbox.environment["JOURNAL_NOW"] = "2026-11-29T12:00:00+00:00"
        let sunday = try sandbox.run("today")
        #expect(sunday.status == 1, "\(sunday)")
        #expect(
            sunday.stdout.contains(
                "Due (`journal session` walks you through them):\n  glute-bridge  3 × 10 reps  1 of 2 this week\n"))
    }

    /// Nothing done by Sunday on a 5-a-week plan: one session today, not 5.
    @Test func nothingDoneBySundayAsksOneNotFive() throws {
        sandbox.environment["JOURNAL_NOW"] = "2026-11-29T12:00:00+00:00"
        _ = try sandbox.run(
            "plan", "set", "glute-bridge", "--sets", "3", "--reps", "10", "--per-week", "5", "--since", "2026-11-16")
        let run = try sandbox.run("today", "--json")
        #expect(run.status == 1, "\(run)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let due = try #require(json["due"] as? [[String: Any]])
        #expect(due.map { $0["sessions_today"] as? Int } == [1])
        #expect(due.map { $0["planned_this_week"] as? Int } == [5])
    }

    /// Order follows the plan: the order exercises were added, or `--order N`; setting again keeps the place.
    @Test func todayFollowsThePlansOrder() throws {
        for arguments in [
            ["side-plank", "--sets", "2", "--hold", "20", "--per-week", "3"],
            ["glute-bridge", "--sets", "3", "--reps", "10", "--per-week", "5"],
            ["bird-dog", "--sets", "2", "--reps", "8", "--per-week", "3"],
        ] {
            let run = try sandbox.run(["plan", "set"] + arguments)
            try #require(run.status == 0, "\(run)")
        }
        func order() throws -> [String?] {
            let json = try JSONSerialization.jsonObject(with: Data(try sandbox.run("today", "--json").stdout.utf8))
            return ((json as? [String: Any])?["due"] as? [[String: Any]])?.map { $0["exercise"] as? String } ?? []
        }
        #expect(try order() == ["side-plank", "glute-bridge", "bird-dog"])
        _ = try sandbox.run("plan", "set", "bird-dog", "--sets", "2", "--reps", "8", "--per-week", "3", "--order", "1")
        #expect(try order() == ["bird-dog", "side-plank", "glute-bridge"])
        _ = try sandbox.run("plan", "set", "side-plank", "--sets", "2", "--hold", "30", "--per-week", "3")
        #expect(try order() == ["bird-dog", "side-plank", "glute-bridge"])
        _ = try sandbox.run("plan", "set", "bird-dog", "--sets", "2", "--reps", "8", "--per-week", "3", "--order", "9")
        #expect(try order() == ["side-plank", "glute-bridge", "bird-dog"])
        #expect(
            try sandbox.sql("SELECT exercise_id, position FROM plan ORDER BY position")
                == "side-plank|1\nglute-bridge|2\nbird-dog|3\n")
        let refused = try sandbox.run("plan", "set", "bird-dog", "--sets", "2", "--per-week", "3", "--order", "0")
        #expect(refused.status == 64)
    }

    @Test func anEndlessAnswerEndsTheQuestionsWithBoundedReading() throws {
        _ = try sandbox.run("plan", "set", "glute-bridge", "--sets", "3", "--reps", "10", "--per-week", "5")
        let run = try sandbox.run(["session", "glute-bridge"], stdin: String(repeating: "9", count: 100_000))
        #expect(run.status == 64)
        #expect(
            run.stderr.contains(
                "journal: line 1 of standard input: an answer longer than 4096 bytes is more than any answer "
                    + "needs, so it was not read.\nThe session ends there: 0 entries saved, nothing after line 1.\n"))
        #expect(try sandbox.entryCount() == 0)
    }
}
