import Foundation
import Testing

/// Everyday slips a fresh-context tester met (#26): words typed without their option get the
/// command meant, on a terminal and off one; an option people guess names the one the command
/// takes; `--last` takes years; an exercise that is not there is not offered to be added where a
/// command acts only on one that is; and `session` asks for a dose in the measure Enter saves.
@Suite struct UsageSlipsCommandTests {
    let sandbox = Sandbox()

    /// The usage lines and the pointer to help that end every usage error of `journal log`.
    static let logUsage = """
        Usage: journal log <exercise> [--pain-before <0-10>] [--pain-after <0-10>]
                           [--sets <n>] [--reps <n>] [--hold <seconds>] [--side <side>]
                           [--note <text>] [--at <when>] [--db <path>] [--json]
          See 'journal log --help' for more information.

        """

    /// Runs `arguments`, expecting exit 64, nothing on standard output, `message` as the start of
    /// standard error (or all of it), and no journal written.
    func refused(_ arguments: [String], _ message: String, prefix: Bool = true) throws {
        let run = try sandbox.run(arguments)
        #expect(run.status == 64, "\(run)")
        #expect(run.stdout.isEmpty, "\(run)")
        #expect(prefix ? run.stderr.hasPrefix(message) : run.stderr == message, "\(run)")
        #expect(!FileManager.default.fileExists(atPath: sandbox.database))
    }

    // MARK: Words without their option

    @Test func aSpanWithoutLastGetsTheCommandMeant() throws {
        try refused(
            ["report", "6w"],
            "Error: Unexpected argument '6w'\nA value goes after its option: journal report --last 6w\n"
                + "Usage: journal report ")
        // Spelt out and quoted, it is shown quoted.
        try refused(
            ["report", "6 weeks", "--json"],
            "Error: Unexpected argument '6 weeks'\n"
                + "A value goes after its option: journal report --last \"6 weeks\" --json\nUsage: journal report ")
        // A word that reads as no span gets no guess, only what was unexpected.
        try refused(["report", "soon"], "Error: Unexpected argument 'soon'\nUsage: journal report ")
        // With --last given, another span is not guessed at.
        try refused(["report", "--last", "2w", "6w"], "Error: Unexpected argument '6w'\nUsage: journal report ")
    }

    /// Off a terminal `log` said "Give --pain-before and --pain-after", hiding the words typed
    /// without their options: both are named, with the command meant.
    @Test func painNumbersWithoutTheirOptionsAreNamedOffATerminal() throws {
        try refused(
            ["log", "glute-bridge", "4", "3"],
            "Error: 2 unexpected arguments: '4', '3'\n"
                + "Values go after their options: journal log glute-bridge --pain-before 4 --pain-after 3\n"
                + Self.logUsage, prefix: false)
        // One given, the other typed bare: the bare one is the option not given.
        try refused(
            ["log", "glute-bridge", "--pain-before", "4", "3", "--sets", "2"],
            "Error: Unexpected argument '3'\nA value goes after its option: "
                + "journal log glute-bridge --pain-before 4 --pain-after 3 --sets 2\n" + Self.logUsage, prefix: false)
        // More numbers than pain options, or a number no pain is: no guess.
        try refused(["log", "glute-bridge", "4", "3", "2"], "Error: 3 unexpected arguments: '4', '3', '2'\nUsage: ")
        try refused(["log", "glute-bridge", "12"], "Error: Unexpected argument '12'\nUsage: ")
        // A check-in's pain.
        try refused(
            ["checkin", "3"],
            "Error: Unexpected argument '3'\nA value goes after its option: journal checkin --pain 3\nUsage: journal checkin "
        )
    }

    /// At a terminal the parser said "2 unexpected arguments" without the command meant; now the
    /// same words as off one, before anything is asked.
    @Test func painNumbersWithoutTheirOptionsAreNamedAtATerminal() throws {
        guard let script = try ColourTests.script() else { return }
        let run = try execute(
            script, ["-qec", "\(Sandbox.binary.path) log glute-bridge 4 3", "/dev/null"],
            environment: sandbox.environment.merging(["TERM": "xterm"]) { $1 })
        let shown = run.stdout.replacingOccurrences(of: "\r\n", with: "\n")
        #expect(
            shown
                == "Error: 2 unexpected arguments: '4', '3'\n"
                + "Values go after their options: journal log glute-bridge --pain-before 4 --pain-after 3\n"
                + Self.logUsage, "\(run)")
        #expect(run.status == 64, "\(run)")
        #expect(!FileManager.default.fileExists(atPath: sandbox.database))
    }

    /// An option people guess for a pain reading names the one the command takes.
    @Test func guessedPainOptionsNameTheOnesTaken() throws {
        for typed in ["-b", "--before"] {
            try refused(
                ["log", "glute-bridge", typed, "4", "--pain-after", "3"],
                "Error: Unknown option '\(typed)'. The nearest: --pain-before.\n" + Self.logUsage, prefix: false)
        }
        try refused(
            ["log", "glute-bridge", "--pain-before", "4", "-a", "3"],
            "Error: Unknown option '-a'. The nearest: --pain-after.\n")
        for typed in ["--pain-before", "--pain-after", "--before", "-b"] {
            try refused(
                ["checkin", typed, "3"],
                "Error: Unknown option '\(typed)'. The nearest: --pain.\nUsage: journal checkin ")
        }
    }

    // MARK: Years

    /// `--last 1y` is 12 months of 30 days, as `3m` is 90 days: 360 days ending today, 2026-11-25
    /// (2025-11-25 is 365 days back; 359 back is 6 days after it, 2025-12-01).
    @Test func aSpanInYearsIsTwelveMonthsOfThirtyDays() throws {
        for span in ["1y", "1 year", "1yr", "1 year."] {
            let run = try sandbox.run("report", "--last", span)
            #expect(run.status == 0, "\(run)")
            #expect(run.stdout.hasPrefix("Progress report, 2025-12-01 to 2026-11-25 (360 days)\n"), "\(run)")
        }
        // 10y is 3,600 days, within the 3,660 a report covers; 11y is not.
        let ten = try sandbox.run("report", "--last", "10y")
        #expect(ten.stdout.contains("(3600 days)"), "\(ten)")
        try refused(
            ["report", "--last", "11y"],
            "journal: cannot report the last \"11y\": that is more than the 3660 days one report covers; "
                + "give at most 10y.\n", prefix: false)
        try refused(
            ["report", "--last", "1 yearly"],
            """
            journal: cannot report the last "1 yearly": journal reads spans such as
              10d or 10 days
              6w or 6 weeks
              3m or 3 months (months of 30 days)
              1y or 1 year (12 such months: 360 days)
              up to 3660 days: 522w, 122m or 10y

            """, prefix: false)
    }

    // MARK: An exercise that is not there

    /// `plan remove nothing` offered `journal exercises add nothing …`; a command that acts only on
    /// an exercise already there names where those it takes are listed.
    @Test func anUnknownExerciseWhereOneMustBeThereNamesTheList() throws {
        try sandbox.change("plan", "set", "glute-bridge", "--sets", "3", "--reps", "10", "--per-week", "5")
        let planned = "journal: unknown exercise \"nothing\"; `journal plan` lists the exercises in your plan.\n"
        let known = "journal: unknown exercise \"nothing\"; `journal exercises` lists the ones there are.\n"
        let cases: [([String], String)] = [
            (["plan", "remove", "nothing"], planned),
            (["exercises", "show", "nothing"], known),
            (["exercises", "edit", "nothing", "--name", "Nothing"], known),
            (["exercises", "remove", "nothing"], known),
            (["resume", "nothing"], known),
        ]
        let before = try sandbox.sql("SELECT * FROM plan_items")
        for (arguments, message) in cases {
            let run = try sandbox.run(arguments)
            #expect(run.status == 64, "\(run)")
            #expect(run.stdout.isEmpty, "\(run)")
            #expect(run.stderr == message, "\(run)")
        }
        #expect(try sandbox.sql("SELECT * FROM plan_items") == before)
        // A near id is still offered; a command that may add what it names still says how to add one.
        let near = try sandbox.run("plan", "remove", "glute-brige")
        #expect(near.stderr == "journal: unknown exercise \"glute-brige\"; did you mean \"glute-bridge\"?\n", "\(near)")
        let set = try sandbox.run("plan", "set", "nothing", "--sets", "2", "--reps", "10", "--per-week", "3")
        #expect(set.stderr.contains("`journal exercises add nothing --name … --category CATEGORY"), "\(set)")
    }

    // MARK: The dose question in the plan's measure

    /// An exercise of one's own planned in repetitions and then made held: the question is asked in
    /// repetitions, the measure of the dose Enter saves, which it saves as the plan gives it; the side
    /// question says Enter saves none, as a plan names no side.
    @Test func theDoseQuestionAgreesWithTheDoseEnterSaves() throws {
        try sandbox.change("exercises", "add", "cat-cow", "--name", "Cat-cow", "--category", "stretch")
        try sandbox.change("plan", "set", "cat-cow", "--sets", "2", "--reps", "10", "--per-week", "5")
        try sandbox.change("exercises", "edit", "cat-cow", "--hold", "--sides")
        let run = try sandbox.run("session", stdin: "2\n\n\n2\n")
        #expect(run.status == 0, "\(run)")
        #expect(
            run.stderr.contains(
                "Pain before (0-10, s skips, q ends): "
                    + "Dose in repetitions, as the plan gives it [2 × 10 reps] (Enter accepts, or in seconds held: "
                    + "2x30s; s skips, q ends): Side (left, right or both; Enter saves none, s skips, q ends): "
                    + "Pain after (0-10, s skips, q ends): "), "\(run)")
        #expect(try sandbox.sql("SELECT sets, reps, hold_seconds, side FROM entries") == "2|10||\n")
        // A dose in the exercise's own measure is still taken, with a side.
        let typed = try sandbox.run("session", "cat-cow", stdin: "2\n2x30s\nleft\n2\n")
        #expect(typed.status == 0, "\(typed)")
        #expect(
            try sandbox.sql("SELECT sets, reps, hold_seconds, side FROM entries_with_ids WHERE id = 2")
                == "2||30|left\n")
    }
}
