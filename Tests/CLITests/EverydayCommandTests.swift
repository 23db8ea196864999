import Foundation
import Testing

/// Everyday use without the manual (#26).
///
/// The times people type, report spans, usage mistakes named, `log`'s notes on likely slips,
/// exercises of one's own with how-to text, and `journal psfs` listing every rating. Today is
/// Wednesday 2026-11-25, 12:00 in London (UTC+00:00).
@Suite struct EverydayCommandTests {
    let sandbox = Sandbox()

    func loggedAt(_ at: String) throws -> String {
        let run = try sandbox.log("glute-bridge", "--pain-before", "4", "--pain-after", "3", "--at", at)
        return run.stdout
    }

    @Test(arguments: [
        ("18:00", "2026-11-24 18:00"),  // still to come today: yesterday
        ("7am", "2026-11-25 07:00"),
        ("7:30am", "2026-11-25 07:30"),
        ("yesterday 7pm", "2026-11-24 19:00"),
        ("monday 18:00", "2026-11-23 18:00"),
        ("last monday", "2026-11-23 12:00"),
        ("this morning", "2026-11-25 08:00"),
        ("2 weeks ago", "2026-11-11 12:00"),
        ("1 month ago", "2026-10-25 12:00"),
    ])
    func logTakesTheTimesPeopleType(at: String, shown: String) throws {
        #expect(try loggedAt(at).hasSuffix("at \(shown) (UTC+00:00).\n"))
    }

    @Test func checkinAndPSFSTakeTheSameTimes() throws {
        let checkIn = try sandbox.run("checkin", "--pain", "3", "--at", "7am")
        #expect(checkIn.stdout == "Checked in #1: pain 3, at 2026-11-25 07:00 (UTC+00:00).\n", "\(checkIn)")
        #expect(try sandbox.run("psfs", "add", "putting on socks", "--at", "last monday").status == 0)
        let rate = try sandbox.run("psfs", "rate", "1", "4", "--at", "this morning")
        #expect(rate.stdout == "Rated activity #1: 4 at 2026-11-25 08:00 (UTC+00:00).\n", "\(rate)")
    }

    @Test func aTimeStillToComeIsRefusedAndNothingIsSaved() throws {
        let run = try sandbox.run("checkin", "--pain", "3", "--at", "this evening")
        #expect(run.status == 64)
        #expect(
            run.stderr
                == "journal: \"this evening\" is 2026-11-25 19:00 (UTC+00:00), still to come: it stands for 19:00; "
                + "give the time you did it (such as 7:30am) or \"now\". journal checkin records only what has "
                + "already happened.\n"
        )
        #expect(!FileManager.default.fileExists(atPath: sandbox.database))
    }

    @Test func reportFromWeeksAgo() throws {
        let json = try sandbox.run("report", "--from", "6 weeks ago", "--json")
        #expect(json.status == 0, "\(json)")
        #expect(json.stdout.contains(#""from" : "2026-10-14""#))
    }

    @Test(arguments: [
        (["--last", "6w"], "2026-10-15", 42),
        (["--last", "10d"], "2026-11-16", 10),
        (["--last", "3m"], "2026-08-28", 90),
        (["--weeks", "6"], "2026-10-15", 42),
        (["--months", "1"], "2026-10-27", 30),
    ])
    func reportLastSpans(arguments: [String], from: String, days: Int) throws {
        let run = try sandbox.run(["report"] + arguments + ["--json"])
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.contains("\"from\" : \"\(from)\""))
        #expect(run.stdout.contains("\"to\" : \"2026-11-25\""))
        #expect(run.stdout.contains("\"days_in_period\" : \(days)"))
    }

    @Test func aSpanThatIsNotOneIsRefused() throws {
        let run = try sandbox.run("report", "--last", "6x")
        #expect(run.status == 64)
        #expect(
            run.stderr
                == """
                journal: cannot report the last "6x": journal reads spans such as
                  10d or 10 days
                  6w or 6 weeks
                  3m or 3 months (months of 30 days)
                  1y or 1 year (12 such months: 360 days)
                  up to 3660 days: 522w, 122m or 10y

                """)
        let both = try sandbox.run("report", "--weeks", "2", "--month")
        #expect(both.status == 64)
        #expect(
            both.stderr.hasPrefix(
                "Error: Choose one of --week, --month, --last (or --weeks, --months) or --from/--to; --month and "
                    + "--weeks 2 were given."), "\(both)")
    }

    /// Off a terminal, `log` cannot ask for pain; an option it does not know is still the error shown.
    @Test func anUnknownOptionIsNamedOffATerminal() throws {
        let run = try sandbox.run("log", "bridge", "-b", "4", "-a", "3")
        #expect(run.status == 64)
        #expect(
            run.stderr.hasPrefix(
                "Error: Unknown option '-b'. The nearest: --pain-before.\nUsage: journal log <exercise>"), "\(run)")
        #expect(run.stderr.hasSuffix("  See 'journal log --help' for more information.\n"))
        #expect(!FileManager.default.fileExists(atPath: sandbox.database))
        // The usage, written on three lines to fit 80 columns, keeps its lines under the first, as
        // argument-parser's own errors print it (`journal log` without an exercise).
        let usage = """
            Usage: journal log <exercise> [--pain-before <0-10>] [--pain-after <0-10>]
                               [--sets <n>] [--reps <n>] [--hold <seconds>] [--side <side>]
                               [--note <text>] [--at <when>] [--db <path>] [--json]
              See 'journal log --help' for more information.

            """
        #expect(run.stderr == "Error: Unknown option '-b'. The nearest: --pain-before.\n" + usage)
        let missing = try sandbox.run("log")
        #expect(missing.stderr.hasSuffix(usage), "\(missing)")
    }

    @Test func anUnknownCommandListsTheNearest() throws {
        let stats = try sandbox.run("stats")
        #expect(stats.status == 64)
        #expect(
            stats.stderr
                == "Error: Unknown command 'stats'. The nearest: report.\n  See 'journal --help' for what each does.\n"
        )
        // One letter short of a synonym, or the beginning of one, is near too.
        let stat = try sandbox.run("stat")
        #expect(stat.status == 64)
        #expect(
            stat.stderr
                == "Error: Unknown command 'stat'. The nearest: check, report.\n  See 'journal --help' for what each does.\n"
        )
        let typo = try sandbox.run("chekc")
        #expect(typo.stderr.hasPrefix("Error: Unknown command 'chekc'. The nearest: check"))
        let nested = try sandbox.run("plan", "sett", "glute-bridge")
        #expect(nested.status == 64)
        #expect(nested.stderr.hasPrefix("Error: Unknown command 'sett'. The nearest: set"), "\(nested)")
    }

    /// Every command's help, and every subcommand's, reads without a stray backslash, and pastes:
    /// no line wider than 80 columns, its USAGE block too, no example wrapped, no quoted text split
    /// across lines; a USAGE written to fit names every option the command takes (a tester).
    @Test func helpHasNoStrayBackslashes() throws {
        let commands = [
            "", "log", "today", "session", "checkin", "checkins", "list", "report", "check", "safety", "export",
            "import", "resume", "psfs", "edit", "delete", "undo", "exercises", "plan", "backup", "restore", "doctor",
            "config", "exercises add", "exercises edit", "exercises show", "exercises remove", "plan set",
            "plan remove", "psfs add", "psfs rate", "psfs remove", "checkins edit", "checkins delete", "config set",
            "config get", "config unset",
        ]
        for command in commands {
            let help = try sandbox.run(["help"] + command.split(separator: " ").map(String.init))
            #expect(help.status == 0, "\(command): \(help)")
            // The USAGE block, to its blank line, names every option listed under OPTIONS.
            let usage = help.stdout.components(separatedBy: "\n\n").first { $0.hasPrefix("USAGE: ") } ?? ""
            let options = help.stdout.components(separatedBy: "OPTIONS:\n").dropFirst().first ?? ""
            for line in options.split(separator: "\n") where line.hasPrefix("  -") {
                // `--sides, --per-side/--no-sides, --no-per-side`: the first name of each side.
                let definition = line.dropFirst(2).components(separatedBy: "  ")[0]
                let names = definition.components(separatedBy: "/").compactMap {
                    $0.components(separatedBy: ", ")[0].split(separator: " ").first
                }
                for name in names where name.hasPrefix("--") && name != "--help" && name != "--version" {
                    #expect(
                        usage.contains("\(name) ") || usage.contains("\(name)]") || usage.contains("<options>"),
                        "\(command): \(name) is not in \(usage)")
                }
            }
            for line in help.stdout.split(separator: "\n") {
                #expect(!line.hasSuffix("\\"), "\(command): \(line)")
                // Off a terminal help is 80 columns wide, every line of it.
                #expect(line.count <= 80, "\(command): \(line.count) columns: \(line)")
                // A quoted example ("2 days ago", `journal undo`) stays whole on its line, to paste.
                #expect(line.filter { $0 == "\"" }.count % 2 == 0, "\(command): a quote splits: \(line)")
                #expect(line.filter { $0 == "`" }.count % 2 == 0, "\(command): a quote splits: \(line)")
            }
            // Each example stays on its line, to paste whole.
            let examples = help.stdout.components(separatedBy: "Examples:\n").dropFirst().first ?? ""
            for line in examples.split(separator: "\n", omittingEmptySubsequences: false).prefix(while: { !$0.isEmpty })
            {
                #expect(line.hasPrefix("  "), "\(command): an example wraps: \(line)")
            }
        }
    }

    @Test func logNotesADoseFarAboveThePlan() throws {
        #expect(
            try sandbox.run("plan", "set", "glute-bridge", "--sets", "3", "--reps", "10", "--per-week", "5").status == 0
        )
        let run = try sandbox.run(
            "log", "glute-bridge", "--pain-before", "2", "--pain-after", "2", "--sets", "3", "--reps", "100")
        #expect(run.status == 0, "\(run)")
        #expect(
            run.stderr
                == "Note: 3 × 100 reps is 300 reps in all, more than 3 times the plan's 30 (3 × 10 reps); "
                + "if that is a slip, `journal undo` removes it.\n")
        #expect(try sandbox.entryCount() == 1)
        // Three times the plan is still within it.
        let three = try sandbox.run(
            "log", "glute-bridge", "--pain-before", "2", "--pain-after", "2", "--sets", "3", "--reps", "30")
        #expect(three.stderr == "")
    }

    /// Sets alone against the plan: no sum "in all", and the side kept out of it.
    @Test func logNotesADoseOfSetsWithoutPuttingTheSideInTheSum() throws {
        #expect(
            try sandbox.run("plan", "set", "side-plank", "--sets", "3", "--hold", "30", "--per-week", "5").status == 0)
        let run = try sandbox.run(
            "log", "side-plank", "--pain-before", "2", "--pain-after", "2", "--sets", "13", "--side", "left")
        #expect(run.status == 0, "\(run)")
        #expect(
            run.stderr
                == "Note: 13 sets is more than 3 times the plan's 3 (3 × 30 s hold); "
                + "if that is a slip, `journal undo` removes it.\n")
        // Reps against a plan of seconds held: one line saying so, after the one naming side-plank's measure.
        let reps = try sandbox.run(
            "log", "side-plank", "--pain-before", "2", "--pain-after", "2", "--reps", "400", "--side", "right")
        #expect(reps.status == 0, "\(reps)")
        #expect(
            reps.stderr
                == "Note: side-plank is measured in seconds held, but this dose, 1 × 400 reps, counts repetitions; "
                + "it is saved as given (--hold SECONDS gives seconds held); if that is a slip, `journal undo` "
                + "removes it.\n"
                + "Note: 1 × 400 reps is in another unit from the plan's 3 × 30 s hold, so it was not compared "
                + "with it; if that is a slip, `journal undo` removes it.\n")
        #expect(try sandbox.entryCount() == 2)
    }

    /// `session` notes the two slips `log` notes, in the same words (the brief's repro).
    @Test func sessionNotesAnEntryLoggedTwiceAsLogDoes() throws {
        try sandbox.change("plan", "set", "glute-bridge", "--sets", "3", "--reps", "10", "--per-week", "5")
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T12:00:00Z"
        _ = try sandbox.log("glute-bridge", "--pain-before", "3", "--pain-after", "2", "--sets", "3", "--reps", "10")
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T12:01:00Z"
        let run = try sandbox.run("session", "glute-bridge", stdin: "3\n\n2\n")
        #expect(run.status == 0, "\(run)")
        let note = "Note: the same as #1, logged 1 minute ago; if it was logged twice, `journal undo` removes this one."
        // Off a terminal the prompt before it ends no line: the note is the rest of that line.
        #expect(run.stderr.components(separatedBy: "Note:").count == 2, "\(run)")
        #expect(run.stderr.contains("): " + note + "\n"), "\(run)")
        #expect(run.stdout == "Logged #2 glute-bridge: 3 × 10 reps, pain 3 → 2, at 2026-11-25 12:01 (UTC+00:00).\n")
        #expect(try sandbox.entryCount() == 2)
        // `log` says the same of the same slip.
        let log = try sandbox.run(
            "log", "glute-bridge", "--pain-before", "3", "--pain-after", "2", "--sets", "3", "--reps", "10")
        #expect(
            log.stderr == note.replacingOccurrences(of: "#1", with: "#2").replacingOccurrences(
                of: "1 minute ago", with: "just now") + "\n", "\(log)")
    }

    @Test func sessionNotesADoseFarAboveThePlanAsLogDoes() throws {
        try sandbox.change("plan", "set", "glute-bridge", "--sets", "3", "--reps", "10", "--per-week", "5")
        let run = try sandbox.run("session", "glute-bridge", stdin: "3\n3x100\n3\n")
        #expect(run.status == 0, "\(run)")
        let note =
            "Note: 3 × 100 reps is 300 reps in all, more than 3 times the plan's 30 (3 × 10 reps); "
            + "if that is a slip, `journal undo` removes it."
        // Off a terminal the prompt before it ends no line: the note is the rest of that line.
        #expect(run.stderr.components(separatedBy: "Note:").count == 2, "\(run)")
        #expect(run.stderr.contains("): " + note + "\n"), "\(run)")
        #expect(try sandbox.sql("SELECT sets, reps FROM entries") == "3|100\n")
        let log = try sandbox.run(
            "log", "glute-bridge", "--pain-before", "2", "--pain-after", "2", "--sets", "3", "--reps", "100")
        #expect(log.stderr == note + "\n", "\(log)")
    }

    /// An HTML report is a page for a browser: a terminal gets a pointer to --output, a pipe the page.
    @Test func anHTMLReportIsNotWrittenToATerminal() throws {
        guard let script = installedByCI("script") else { return }
        try sandbox.log("glute-bridge", "--pain-before", "4", "--pain-after", "3")
        let binary = Sandbox.binary.path
        let run = try execute(
            script, ["-qec", "'\(binary)' report --format html", "/dev/null"], environment: sandbox.environment)
        #expect(run.status == 64, "\(run)")
        #expect(!run.stdout.contains("<html"), "\(run)")
        #expect(
            run.stdout.contains(
                "Error: an HTML report is a page for a browser, and standard output is a terminal: give --output FILE"),
            "\(run)")
        let piped = try sandbox.run("report", "--format", "html")
        #expect(piped.status == 0)
        #expect(piped.stdout.hasPrefix("<!DOCTYPE html>"))
    }

    /// An exercise of one's own measured in seconds held takes --reps as a built-in one does.
    ///
    /// As core-activation: one rule, a note on the plan, no refusal; the dose is what was given. An
    /// entry that follows the plan's reps is not noted again (issue #26).
    @Test func anOwnHoldExerciseTakesRepsAsABuiltInOneDoes() throws {
        try sandbox.change("exercises", "add", "knee-hug", "--name", "Knee hug", "--category", "stretch", "--hold")
        for exercise in ["core-activation", "knee-hug"] {
            let plan = try sandbox.run("plan", "set", exercise, "--sets", "3", "--reps", "10", "--per-week", "5")
            #expect(plan.status == 0, "\(plan)")
            #expect(
                plan.stderr.hasPrefix("\(exercise) is measured in seconds held, but its plan's dose, 3 × 10 reps,"),
                "\(plan)")
            let log = try sandbox.run("log", exercise, "--pain-before", "2", "--pain-after", "2", "--reps", "10")
            #expect(log.status == 0, "\(log)")
            #expect(!log.stderr.contains("is measured"), "\(log)")
            #expect(log.stdout.hasPrefix("Logged #"), "\(log)")
            #expect(
                try sandbox.sql("SELECT reps, hold_seconds FROM entries_with_ids ORDER BY id DESC LIMIT 1") == "10|\n")
        }
    }

    /// An exercise of one's own without instructions says how to give them.
    @Test func exercisesShowSaysHowToGiveTheInstructions() throws {
        try sandbox.change("exercises", "add", "knee-hug", "--name", "Knee hug", "--category", "stretch", "--hold")
        let run = try sandbox.run("exercises", "show", "knee-hug")
        #expect(run.status == 0, "\(run)")
        #expect(
            run.stdout.hasSuffix(
                """
                Added by you; your physiotherapist's instructions apply.
                Add them with: journal exercises edit knee-hug --how-to "…"

                """), "\(run)")
        try sandbox.change("exercises", "edit", "knee-hug", "--how-to", "Hug one knee, then the other.")
        let given = try sandbox.run("exercises", "show", "knee-hug")
        #expect(given.stdout.hasSuffix("Hug one knee, then the other.\n"), "\(given)")
    }

    @Test func logNotesAnEntryLoggedTwice() throws {
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T12:00:00Z"
        _ = try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "2", "--reps", "8")
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T12:01:00Z"
        let twice = try sandbox.run("log", "bird-dog", "--pain-before", "3", "--pain-after", "2", "--reps", "8")
        #expect(twice.status == 0)
        #expect(
            twice.stderr
                == "Note: the same as #1, logged 1 minute ago; if it was logged twice, `journal undo` removes this one.\n"
        )
        #expect(try sandbox.entryCount() == 2)
        // Another pain, or five minutes later, is another entry.
        let other = try sandbox.run("log", "bird-dog", "--pain-before", "3", "--pain-after", "3", "--reps", "8")
        #expect(other.stderr == "")
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T12:06:01Z"
        let later = try sandbox.run("log", "bird-dog", "--pain-before", "3", "--pain-after", "3", "--reps", "8")
        #expect(later.stderr == "")
    }

    @Test func anUnknownExerciseNamesHowToAddOne() throws {
        let run = try sandbox.run("plan", "set", "knee-to-chest", "--sets", "1", "--hold", "20", "--per-week", "7")
        #expect(run.status == 64)
        #expect(
            run.stderr
                == "journal: unknown exercise \"knee-to-chest\"; `journal exercises` lists the ones you can log, and "
                + "`journal exercises add knee-to-chest --name … --category CATEGORY --how-to …` adds one of your own (CATEGORY stability, stretch or self-treatment; add --hold for one held rather than repeated, --sides for one done a side at a time).\n"
        )
    }

    /// Entries with a side keep their exercise done on each side: else its backup could not come back.
    @Test func anExerciseWithSidedEntriesKeepsItsSides() throws {
        #expect(
            try sandbox.run(
                "exercises", "add", "clamshell", "--name", "Clamshell", "--category", "stability", "--sides"
            ).status == 0)
        for side in ["left", "right"] {
            let log = try sandbox.run(
                "log", "clamshell", "--pain-before", "2", "--pain-after", "2", "--reps", "10", "--side", side)
            #expect(log.status == 0, "\(log)")
        }
        let refused = try sandbox.run("exercises", "edit", "clamshell", "--no-sides")
        #expect(refused.status == 64, "\(refused)")
        #expect(
            refused.stderr
                == "journal: 2 entries of clamshell record a side, so it stays one side at a time (nothing was "
                + "changed). For a version done with both sides at once, add a new exercise (`journal exercises "
                + "add`); `journal exercises remove clamshell --force` archives this one with its entries.\n")
        #expect(try sandbox.sql("SELECT per_side FROM exercises WHERE id = 'clamshell'") == "1\n")
        // A backup made otherwise (by an older journal) is refused with one full stop between sentences.
        let backup = sandbox.directory + "/b.sqlite3"
        #expect(try sandbox.run("backup", backup).status == 0)
        _ = try execute(try tool("sqlite3"), [backup, "UPDATE exercises SET per_side = 0 WHERE id = 'clamshell'"])
        let restore = try sandbox.run("restore", backup, "--db", sandbox.directory + "/r.sqlite3")
        #expect(restore.status == 65, "\(restore)")
        #expect(restore.stderr.hasSuffix("takes no --side; leave --side out. Nothing was replaced.\n"), "\(restore)")
    }

    @Test func ownExercisesCarryTheirHowTo() throws {
        let add = try sandbox.run(
            "exercises", "add", "knee-to-chest", "--name", "Knee to chest", "--category", "stretch", "--hold",
            "--sides", "--how-to", "Lie on your back. Bring one knee to your chest and hold.")
        #expect(add.status == 0, "\(add)")
        let show = try sandbox.run("exercises", "show", "knee-to-chest")
        #expect(
            show.stdout == """
                Knee to chest (knee-to-chest)
                Category: stretch
                Measured: in seconds held, one side at a time (--side left|right|both)

                Lie on your back. Bring one knee to your chest and hold.

                """)
        let edit = try sandbox.run("exercises", "edit", "knee-to-chest", "--how-to", "Hold 20 seconds each side.")
        #expect(edit.status == 0, "\(edit)")
        #expect(
            try sandbox.run("exercises", "show", "knee-to-chest").stdout.hasSuffix("\nHold 20 seconds each side.\n"))
        #expect(
            try sandbox.sql("SELECT how_to FROM exercises WHERE id = 'knee-to-chest'") == "Hold 20 seconds each side.\n"
        )
        // The session prints it before asking.
        #expect(
            try sandbox.run("plan", "set", "knee-to-chest", "--sets", "1", "--hold", "20", "--per-week", "7").status
                == 0)
        let session = try sandbox.run(["session", "knee-to-chest"], stdin: "")
        #expect(session.stderr.contains("Knee to chest (knee-to-chest)\n  Hold 20 seconds each side.\n"), "\(session)")
        // A control character is refused; nothing changes.
        let bad = try sandbox.run("exercises", "edit", "knee-to-chest", "--how-to", "red \u{1B}[31m")
        #expect(bad.status == 64)
        #expect(bad.stderr.hasPrefix("journal: the how-to text cannot be saved: it holds the control character U+1B"))
        #expect(
            try sandbox.sql("SELECT how_to FROM exercises WHERE id = 'knee-to-chest'") == "Hold 20 seconds each side.\n"
        )
        let builtIn = try sandbox.run("exercises", "edit", "glute-bridge", "--how-to", "x")
        #expect(builtIn.status == 64)
        // The full export keeps it, and a restore brings it back.
        let file = sandbox.directory + "/all.json"
        #expect(try sandbox.run("export", "--all", "--output", file).status == 0)
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains(#""how_to":"Hold 20 seconds each side.""#))
        let restored = sandbox.directory + "/restored.sqlite3"
        #expect(try sandbox.run("import", file, "--db", restored).status == 0)
        #expect(
            try execute(try tool("sqlite3"), [restored, "SELECT how_to FROM exercises WHERE id = 'knee-to-chest'"])
                .stdout
                == "Hold 20 seconds each side.\n")
    }

    /// Ratings without entries: the report still shows them, in every format.
    @Test func aReportWithRatingsButNoEntriesShowsTheFunctionSection() throws {
        #expect(try sandbox.run("psfs", "add", "putting on socks", "--at", "2026-11-01 09:00").status == 0)
        #expect(try sandbox.run("psfs", "rate", "1", "5", "--at", "2026-11-01 09:05").status == 0)
        #expect(try sandbox.run("psfs", "rate", "1", "3", "--at", "2026-11-20 09:00").status == 0)
        for format in [[], ["--markdown"]] {
            let run = try sandbox.run(["report", "--from", "2026-11-19", "--to", "2026-11-25"] + format)
            #expect(run.status == 0, "\(run)")
            #expect(run.stdout.contains("No entries between 2026-11-19 and 2026-11-25"), "\(run)")
            #expect(run.stdout.contains("Function (Patient-Specific Functional Scale)"), "\(run)")
            #expect(run.stdout.contains("putting on socks"), "\(run)")
        }
    }

    @Test func psfsListsEveryRatingWithItsChanges() throws {
        #expect(try sandbox.run("psfs", "add", "putting on socks", "--at", "2026-11-01 09:00").status == 0)
        for (score, at) in [
            ("5", "2026-11-01 09:05"), ("3", "2026-11-08 09:00"), ("4", "2026-11-15 09:00"),
            ("1", "2026-11-22 09:00"),
        ] {
            #expect(try sandbox.run("psfs", "rate", "1", score, "--at", at).status == 0)
        }
        let run = try sandbox.run("psfs")
        #expect(
            run.stdout == """
                ID  ACTIVITY          BASELINE        LATEST          CHANGE
                 1  putting on socks  5 (2026-11-01)  1 (2026-11-22)  -4 *

                #1 putting on socks
                  RATED       SCORE  FROM PREVIOUS  FROM BASELINE
                  2026-11-01      5            -    -
                  2026-11-08      3           -2    -2
                  2026-11-15      4           +1    -1
                  2026-11-22      1           -3 *  -4 *

                The activity rated at the baseline (2026-11-01) and since: 5.0 → 1.0 (-4.0), at
                least 3 points, more than the measure's error.
                * a change of at least 3 points for one activity, more than the measure's error.

                """, "\(run)")
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(try sandbox.run("psfs", "--json").stdout.utf8))
                as? [String: Any])
        let ratings = try #require((json["activities"] as? [[String: Any]])?.first?["ratings"] as? [[String: Any]])
        #expect(ratings.map { $0["change_from_previous"] as? Int } == [nil, -2, 1, -3])
        #expect(ratings.first.map { $0["change_from_previous"] is NSNull } == true)
    }
}
