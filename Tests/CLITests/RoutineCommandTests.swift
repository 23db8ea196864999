import Foundation
import Testing

/// The daily routine: `journal today`, `journal session`, and `journal log` asking for pain.
///
/// The sandbox's clock is Wednesday 2026-11-25 12:00.
@Suite struct RoutineCommandTests {
    let sandbox = Sandbox()

    func plan() throws {
        for arguments in [
            ["glute-bridge", "--sets", "3", "--reps", "10", "--per-week", "5"],
            ["side-plank", "--sets", "2", "--hold", "20", "--per-week", "3"],
            ["bird-dog", "--sets", "2", "--reps", "8", "--per-week", "3"],
        ] {
            let run = try sandbox.run(["plan", "set"] + arguments)
            try #require(run.status == 0, "\(run)")
        }
    }

    @Test func withoutAPlanTodaySaysHowToSetOne() throws {
        let run = try sandbox.run("today")
        #expect(run.status == 0)
        #expect(run.stdout == "")
        #expect(
            run.stderr == "No plan yet. Set one with: journal plan set glute-bridge --sets 3 --reps 10 --per-week 5\n")
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
        // Due in plan order (by id): bird-dog, glute-bridge, side-plank.
        // bird-dog: pain 11 is refused and asked again, then 3; the plan's dose; after 3.
        // glute-bridge: s skips it. side-plank: 2, dose 2y is refused and asked again, 2x25s left, after 2.
        let answers = "11\n3\n\n3\ns\n2\n2y\n2x25s left\n2\n"
        let run = try sandbox.run(["session"], stdin: answers)
        #expect(run.status == 0, "\(run)")
        #expect(
            run.stdout == """
                Logged #1 bird-dog: 2 × 8 reps, pain 3 → 3, at 2026-11-25 12:00 (UTC+00:00).
                Logged #2 side-plank: 2 × 25 s hold, left side, pain 2 → 2, at 2026-11-25 12:00 (UTC+00:00).

                """)
        #expect(
            run.stderr.contains(
                "journal: pain before must be a whole number from 0 (no pain) to 10 (worst imaginable); got \"11\"."))
        #expect(
            run.stderr.contains(
                "journal: cannot read the dose \"2y\": write it as 3x10, 2x30s or 3x10x5s (sets × reps, × seconds held), "
                    + "optionally followed by left, right or both."))
        #expect(
            run.stderr.hasSuffix(
                "Done 2, skipped 1: glute-bridge.\nThis week: bird-dog 1 of 3, glute-bridge 0 of 5, side-plank 1 of 3.\n"
            ))
        #expect(
            try sandbox.sql("SELECT exercise_id, sets, reps, hold_seconds FROM entries ORDER BY id")
                == "bird-dog|2|8|\nside-plank|2||25\n")
    }

    @Test func aStopMidSessionPutsTheExerciseOnHoldAndAsksWhetherToGoOn() throws {
        try plan()
        // bird-dog rises (2 → 4): on hold; "n" ends the session there.
        let run = try sandbox.run(["session"], stdin: "2\n\n4\nn\n")
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr.contains("STOP Pain went up during bird-dog, from 2 before to 4 after."))
        #expect(run.stderr.contains("bird-dog is now on hold."))
        #expect(run.stderr.contains("Go on with the other exercises? [Y/n] "))
        #expect(run.stderr.contains("Done 1, skipped 2: glute-bridge, side-plank."))
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
        let log = try execute(
            script, ["-qec", "\(Sandbox.binary.path) log bird-dog --pain-after 2", "/dev/null"],
            environment: sandbox.environment, stdin: "abc\n4\n")
        #expect(log.stdout.contains("Pain before (0-10): "), "\(log)")
        #expect(log.stdout.contains("journal: pain before must be a whole number from 0 (no pain) to 10"))
        #expect(log.stdout.contains("Logged #2 bird-dog: 1 set, pain 4 → 2"))
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

    /// Ctrl-C once glute-bridge's pain before is answered (the stop point `session-pain-before`,
    /// reached first for bird-dog, which goes on, then for glute-bridge).
    @Test func ctrlCDuringASessionKeepsWhatWasSavedAndSaysSo() throws {
        try plan()
        let child = try Child(sandbox, ["session"], stopAt: "session-pain-before")
        // bird-dog answered whole; then glute-bridge's pain before.
        child.write("2\n\n2\n3\n")
        try #require(child.waitForStop(), "\(child.stderr)")
        child.resume()
        try #require(child.waitForStop(), "\(child.stderr)")
        child.kill(SIGINT)
        child.resume()
        #expect(child.wait() == 130)
        #expect(
            child.stderr.hasSuffix("\nSession stopped: 1 entry saved; glute-bridge, in progress, was not saved.\n"),
            "\(child.stderr)")
        #expect(try sandbox.sql("SELECT exercise_id FROM entries") == "bird-dog\n")
    }
}

/// From the second adversarial pass: answers checked where they are given, plans that have not begun.
@Suite struct RoutineEdgeTests {
    let sandbox = Sandbox()

    @Test func aSideForAnExerciseWithoutSidesIsAskedAgainNotTheEndOfTheSession() throws {
        _ = try sandbox.run("plan", "set", "glute-bridge", "--sets", "3", "--reps", "10", "--per-week", "5")
        let run = try sandbox.run(["session", "glute-bridge"], stdin: "3\n3x10 left\n3x10\n2\n")
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr.contains("journal: glute-bridge is done with both sides at once"))
        #expect(try sandbox.sql("SELECT sets, reps, side IS NULL FROM entries") == "3|10|1\n")
    }

    @Test func aPlanThatStartsLaterIsNotDueYet() throws {
        _ = try sandbox.run(
            "plan", "set", "side-plank", "--sets", "1", "--hold", "10", "--per-week", "7", "--since", "2026-11-28")
        let run = try sandbox.run("today", "--json")
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.contains("\"due\" : [\n\n  ]"))
    }

    @Test func anEndlessAnswerEndsTheQuestionsWithBoundedReading() throws {
        _ = try sandbox.run("plan", "set", "glute-bridge", "--sets", "3", "--reps", "10", "--per-week", "5")
        let run = try sandbox.run(["session", "glute-bridge"], stdin: String(repeating: "9", count: 100_000))
        #expect(run.status == 0)
        #expect(run.stderr.contains("an answer longer than 4096 bytes; the questions end here."))
        #expect(try sandbox.entryCount() == 0)
    }
}
