import Foundation
import Testing

/// What each screen lists of the standing, and in which order (issue #23, second round): `today`
/// and `session` show every standing item whatever the plan, the report's Needs attention keeps
/// different red flags apart and sorts by severity, and questions off a terminal take only their
/// own answers.
@Suite struct EveryScreenCommandTests {
    let sandbox = Sandbox()

    // MARK: today

    @Test func todayShowsAHoldOnAnExerciseOutsideThePlan() throws {
        try sandbox.log("bird-dog", "--pain-before", "2", "--pain-after", "6")
        let line = "Still on hold since 2026-11-25: bird-dog"
        let noPlan = try sandbox.run("today")
        #expect(noPlan.stderr.contains(line), "\(noPlan)")
        _ = try sandbox.run("plan", "set", "glute-bridge", "--sets", "3", "--reps", "10", "--per-week", "5")
        let otherPlan = try sandbox.run("today")
        #expect(otherPlan.stderr.contains(line), "\(otherPlan)")
        #expect(!otherPlan.stdout.contains("On hold: bird-dog"), "\(otherPlan)")
        // A held exercise of the plan is listed once, in the plan's own list.
        _ = try sandbox.run("plan", "set", "bird-dog", "--sets", "2", "--reps", "8", "--per-week", "5")
        let inPlan = try sandbox.run("today")
        #expect(inPlan.stdout.contains("On hold: bird-dog since"), "\(inPlan)")
        #expect(!inPlan.stderr.contains(line), "\(inPlan)")
    }

    @Test func todaySaysHowManySessionsItAsksWhenMoreThanOne() throws {
        // Set on Wednesday: 14 a week asks 14 × 5 / 7 = 10 over the 5 days left, ⌈10 ÷ 5⌉ = 2 today,
        // and at most ⌈14 ÷ 7⌉ = 2 a day.
        _ = try sandbox.run("plan", "set", "glute-bridge", "--sets", "1", "--reps", "10", "--per-week", "14")
        _ = try sandbox.run("plan", "set", "bird-dog", "--sets", "2", "--reps", "8", "--per-week", "5")
        let run = try sandbox.run("today")
        #expect(run.stdout.contains("0 of 10 this week, 2 today"), "\(run)")
        #expect(!run.stdout.contains("1 today"), "\(run)")
    }

    // MARK: session

    @Test func sessionWithNoPlanStillShowsWhatStands() throws {
        try sandbox.log("bird-dog", "--pain-before", "2", "--pain-after", "6", "--at", "yesterday 09:00")
        _ = try sandbox.run("checkin", "--pain", "3", "--red-flag", "one-leg", "--at", "2026-11-20 08:00")
        let run = try sandbox.run("session", stdin: "")
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr.hasPrefix("No plan yet."), "\(run)")
        #expect(run.stderr.contains("Still on hold since 2026-11-24: bird-dog"), "\(run)")
        #expect(run.stderr.contains("Still standing, recorded 2026-11-20, not yet seen by a doctor"), "\(run)")
    }

    @Test func sessionWithNothingDueStillShowsWhatStands() throws {
        _ = try sandbox.run("plan", "set", "glute-bridge", "--sets", "3", "--reps", "10", "--per-week", "1")
        try sandbox.log("glute-bridge", "--pain-before", "2", "--pain-after", "2", "--at", "today 09:00")
        try sandbox.log("bird-dog", "--pain-before", "2", "--pain-after", "6", "--at", "today 10:00")
        let run = try sandbox.run("session", stdin: "")
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr.hasPrefix("Nothing is due today."), "\(run)")
        #expect(run.stderr.contains("Still on hold since 2026-11-25: bird-dog"), "\(run)")
    }

    @Test func goOnRefusesAnAnswerMeantForTheNextQuestion() throws {
        _ = try sandbox.run("plan", "set", "glute-bridge", "--sets", "3", "--reps", "10", "--per-week", "7")
        _ = try sandbox.run("plan", "set", "bird-dog", "--sets", "1", "--reps", "10", "--per-week", "7")
        // Pain before 2, the plan's dose, pain after 6 (a stop and a hold), then "3" for "Go on?".
        let run = try sandbox.run("session", stdin: "2\n\n6\n3\n\n3\n")
        #expect(run.status == 64, "\(run)")
        #expect(run.stderr.contains("journal: line 4 of standard input: '3' is not an answer to a yes-or-no"), "\(run)")
        #expect(try sandbox.entryCount() == 1)
        // y, yes, n, no and an empty line are answers.
        let stop = try Sandbox()
        _ = try stop.run("plan", "set", "glute-bridge", "--sets", "3", "--reps", "10", "--per-week", "7")
        _ = try stop.run("plan", "set", "bird-dog", "--sets", "1", "--reps", "10", "--per-week", "7")
        let no = try stop.run("session", stdin: "2\n\n6\nNo\n")
        #expect(no.status == 0, "\(no)")
        #expect(no.stderr.contains("Done 1, skipped 1: bird-dog."), "\(no)")
    }

    @Test func withNoPlanTheDosePromptDoesNotOfferEnter() throws {
        let run = try sandbox.run("session", "bird-dog", stdin: "2\n")
        #expect(run.stderr.contains("Dose in repetitions (3x10, 3x10x5s; s skips, q ends): "), "\(run)")
        #expect(!run.stderr.contains("Enter accepts"), "\(run)")
        _ = try sandbox.run("plan", "set", "bird-dog", "--sets", "2", "--reps", "8", "--per-week", "5")
        let planned = try sandbox.run("session", "bird-dog", stdin: "2\n")
        #expect(planned.stderr.contains("Dose in repetitions [2 × 8 reps] (Enter accepts, or 3x10"), "\(planned)")
    }

    // MARK: log

    @Test func logRefusesASideBeforeAskingAnything() throws {
        guard let script = installedByCI("script") else { return }
        // At a terminal (script(1) gives the binary one; its input ends at once).
        let command = "'\(Sandbox.binary.path)' log glute-bridge --side left"
        let run = try execute(script, ["-qec", command, "/dev/null"], environment: sandbox.environment, stdin: "")
        #expect(run.status == 64, "\(run)")
        #expect(!run.stdout.contains("Pain before"), "\(run)")
        #expect(run.stdout.contains("glute-bridge"), "\(run)")
        #expect(try sandbox.entryCount() == 0)
    }

    // MARK: report

    @Test func needsAttentionKeepsDifferentRedFlagsApartWithTheirDoctorsVisits() throws {
        _ = try sandbox.run("checkin", "--pain", "3", "--red-flag", "fever", "--at", "2026-11-18 08:00")
        _ = try sandbox.run("resume", "--red-flags", "--at", "2026-11-19 10:00")
        _ = try sandbox.run("checkin", "--pain", "3", "--red-flag", "night-pain", "--at", "2026-11-20 08:00")
        for format in ["text", "markdown", "html"] {
            let run = try sandbox.run("report", "--from", "2026-11-16", "--to", "2026-11-25", "--format", format)
            let words = run.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(!words.contains("Also on"), "\(format): \(run)")
            #expect(words.contains("Seen by a doctor on Thu 19 Nov"), "\(format): \(run)")
            #expect(words.contains("Wed 18 Nov 08:00"), "\(format): \(run)")
            #expect(words.contains("Fri 20 Nov 08:00"), "\(format): \(run)")
        }
    }

    @Test func needsAttentionIsMostSevereFirstWhateverThePeriod() throws {
        // A see-GP flag standing from before the period, a hold within it.
        _ = try sandbox.run("checkin", "--pain", "3", "--red-flag", "one-leg", "--at", "2026-11-10 08:00")
        try sandbox.log("glute-bridge", "--pain-before", "2", "--pain-after", "5", "--at", "2026-11-24 09:00")
        let run = try sandbox.run("report", "--week")
        let hold = try #require(run.stdout.range(of: "glute-bridge"), "\(run)")
        let gp = try #require(run.stdout.range(of: "SEE A GP"), "\(run)")
        #expect(hold.lowerBound < gp.lowerBound, "\(run)")
    }
}
