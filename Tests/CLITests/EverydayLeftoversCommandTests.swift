import Foundation
import Testing

/// What a fresh-context tester still found in everyday use (#26): the times people type with
/// "at" and the time first, `--last` where an id is taken, `--how-to -`, `exercises show --json`
/// of one's own exercise, what `exercises remove` takes with it, and undo across a restore.
@Suite struct EverydayLeftoversCommandTests {
    let sandbox = Sandbox()

    /// The entry's time as stored: Unix seconds and the offset.
    func stored() throws -> String { try sandbox.sql("SELECT performed_at, utc_offset FROM entries") }

    // MARK: Time words

    /// London, the day after the clocks went back (2026-10-25, 02:00 BST → 01:00 GMT).
    ///
    /// Now is Monday 2026-10-26 12:00 GMT. 2026-10-25T00:00Z is 1_792_886_400 (20,751 days × 86,400).
    @Test(arguments: [
        // 2026-10-25 19:00 GMT: 1_792_886_400 + 19 × 3,600.
        ("yesterday at 7pm", "2026-10-25 19:00", "1792954800|0"),
        ("7pm yesterday", "2026-10-25 19:00", "1792954800|0"),
        ("7 pm yesterday", "2026-10-25 19:00", "1792954800|0"),
        ("Yesterday, 7pm", "2026-10-25 19:00", "1792954800|0"),
        // 19:00 today is still to come: yesterday's.
        ("at 7pm", "2026-10-25 19:00", "1792954800|0"),
        // 2026-10-25 19:30 GMT: + 1,800.
        ("yesterday @ 7.30 p.m.", "2026-10-25 19:30", "1792956600|0"),
        // 2026-10-26 07:30 GMT: 1_792_886_400 + 86,400 + 7.5 × 3,600.
        ("today at 07:30", "2026-10-26 07:30", "1792999800|0"),
        // 2026-10-26 11:00 GMT: 1_792_886_400 + 86,400 + 11 × 3,600.
        ("at 11am", "2026-10-26 11:00", "1793012400|0"),
        // Sunday, after the change: 08:00 GMT, 1_792_886_400 + 8 × 3,600.
        ("sunday at 8am", "2026-10-25 08:00", "1792915200|0"),
        // Saturday, before it: 08:00 BST is 07:00 UTC, 1_792_886_400 − 86,400 + 7 × 3,600.
        ("saturday at 8am", "2026-10-24 08:00", "1792825200|3600"),
        ("8am on saturday", "2026-10-24 08:00", "1792825200|3600"),
        // Friday 12:00 BST is 11:00 UTC: 1_792_886_400 − 2 × 86,400 + 11 × 3,600.
        ("3 days ago at noon", "2026-10-23 12:00", "1792753200|3600"),
    ])
    func timesWithAtOrTheTimeFirstInLondon(at: String, shown: String, row: String) throws {
        sandbox.environment["JOURNAL_NOW"] = "2026-10-26T12:00:00Z"
        let run = try sandbox.log("glute-bridge", "--pain-before", "4", "--pain-after", "3", "--at", at)
        let offset = row.hasSuffix("|3600") ? "UTC+01:00" : "UTC+00:00"
        #expect(run.stdout.hasSuffix("at \(shown) (\(offset)).\n"), "\(run)")
        #expect(try stored() == row + "\n")
    }

    /// In the repeated hour the night the clocks go back, a time alone is the reading that has come
    /// (a tester, issue #26): at 01:20 GMT (01:20Z) `1:30am` is 01:30 BST, 00:30Z = 1_792_886_400 + 1,800.
    @Test func aTimeAloneInTheRepeatedHourIsLogged() throws {
        sandbox.environment["TZ"] = "Europe/London"
        sandbox.environment["JOURNAL_NOW"] = "2026-10-25T01:20:00Z"
        let run = try sandbox.log("glute-bridge", "--pain-before", "4", "--pain-after", "3", "--at", "1:30am")
        #expect(run.stdout.hasSuffix("at 2026-10-25 01:30 (UTC+01:00).\n"), "\(run)")
        #expect(try stored() == "1792888200|3600\n")
    }

    /// Hours ago and ordinals (a tester): at 18:00 GMT on 2026-11-20, `2 hours ago` is 16:00 and
    /// `20th nov` noon; in Toronto (UTC-05:00) `an hour ago` is 12:00 there.
    @Test func hoursAgoAndOrdinalsAreLogged() throws {
        sandbox.environment["TZ"] = "Europe/London"
        sandbox.environment["JOURNAL_NOW"] = "2026-11-20T18:00:00Z"
        let hours = try sandbox.log("glute-bridge", "--pain-before", "4", "--pain-after", "3", "--at", "2 hours ago")
        #expect(hours.stdout.hasSuffix("at 2026-11-20 16:00 (UTC+00:00).\n"), "\(hours)")
        let ordinal = try sandbox.log("bird-dog", "--pain-before", "4", "--pain-after", "3", "--at", "nov 18th")
        #expect(ordinal.stdout.hasSuffix("at 2026-11-18 12:00 (UTC+00:00).\n"), "\(ordinal)")
        sandbox.environment["TZ"] = "America/Toronto"
        let toronto = try sandbox.log("pelvic-tilt", "--pain-before", "4", "--pain-after", "3", "--at", "an hour ago")
        #expect(toronto.stdout.hasSuffix("at 2026-11-20 12:00 (UTC-05:00).\n"), "\(toronto)")
    }

    /// A day and time a few minutes ahead is refused with the words a time alone gets (a tester):
    /// the time it ended, or "now"; nothing is written.
    @Test func aDayAndTimeJustAheadSaysHowToSayJustNow() throws {
        sandbox.environment["TZ"] = "Europe/London"
        sandbox.environment["JOURNAL_NOW"] = "2026-11-20T18:00:00Z"
        let run = try sandbox.run(
            "log", "glute-bridge", "--pain-before", "4", "--pain-after", "3", "--at", "2026-11-20 18:05")
        #expect(run.status == 64)
        #expect(
            run.stderr
                == "journal: \"2026-11-20 18:05\" is 2026-11-20 18:05 (UTC+00:00), still to come: for what you "
                + "have just done, give the time it ended or \"now\". journal log records only what has already "
                + "happened.\n")
        #expect(!FileManager.default.fileExists(atPath: sandbox.database))
    }

    /// A time shown twice when the clocks went back keeps its careful message, whatever the words around it.
    @Test func anAmbiguousTimeWithAtIsRefusedAsBefore() throws {
        sandbox.environment["JOURNAL_NOW"] = "2026-10-26T12:00:00Z"
        let run = try sandbox.run(
            "log", "glute-bridge", "--pain-before", "4", "--pain-after", "3", "--at", "yesterday at 1:30am")
        #expect(run.status == 64)
        #expect(
            run.stderr
                == "journal: cannot use \"yesterday at 1:30am\" as a date: the clocks in Europe/London showed "
                + "2026-10-25 01:30 twice (a daylight-saving change); add the offset to say which: "
                + "2026-10-25T01:30+01:00 or 2026-10-25T01:30+00:00.\n")
        #expect(!FileManager.default.fileExists(atPath: sandbox.database))
    }

    /// Kolkata, UTC+05:30 all year: now is Wednesday 2026-11-25 12:00 there (06:30 UTC).
    ///
    /// 2026-11-25T00:00Z is 1_795_564_800; a local time is 5.5 hours (19,800 s) earlier in UTC.
    @Test(arguments: [
        // 2026-11-24 19:00 IST: 1_795_564_800 − 86,400 + 19 × 3,600 − 19,800.
        ("yesterday at 7pm", "check-in", "1795527000|19800"),
        ("at 7pm", "entry", "1795527000|19800"),
        // 2026-11-25 07:30 IST: 1_795_564_800 + 7.5 × 3,600 − 19,800.
        ("today at 07:30", "entry", "1795572000|19800"),
        // Monday 2026-11-23 08:00 IST: 1_795_564_800 − 2 × 86,400 + 8 × 3,600 − 19,800.
        ("monday at 8am", "entry", "1795401000|19800"),
        ("8am last monday", "check-in", "1795401000|19800"),
    ])
    func timesWithAtOrTheTimeFirstInKolkata(at: String, record: String, row: String) throws {
        sandbox.environment["TZ"] = "Asia/Kolkata"
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T12:00:00+05:30"
        if record == "entry" {
            try sandbox.log("glute-bridge", "--pain-before", "4", "--pain-after", "3", "--at", at)
            #expect(try stored() == row + "\n")
        } else {
            try sandbox.change("checkin", "--pain", "3", "--at", at)
            #expect(try sandbox.sql("SELECT performed_at, utc_offset FROM checkins") == row + "\n")
        }
    }

    // MARK: --last where an id is taken

    /// `--last` on a command that takes an id says what it takes, which command shows the latest
    /// one, and that `journal undo` takes back the latest change; nothing is written.
    @Test func lastWhereAnIdIsTakenSaysWhatToDo() throws {
        try sandbox.log("glute-bridge", "--pain-before", "4", "--pain-after", "3")
        let edit = try sandbox.run("edit", "--last", "--pain-after", "2")
        #expect(edit.status == 64)
        #expect(
            edit.stderr.hasPrefix(
                "Error: Unknown option '--last'. `journal edit` takes the entry's id; `journal list --limit 1` shows "
                    + "the latest entry's, and `journal undo` takes back the latest change, whatever it was.\n"
                    + "Usage: journal edit <id> "), "\(edit)")
        let checkIn = try sandbox.run("checkins", "edit", "--last", "--pain", "2")
        #expect(checkIn.status == 64)
        #expect(
            checkIn.stderr.hasPrefix(
                "Error: Unknown option '--last'. `journal checkins edit` takes the check-in's id; `journal checkins "
                    + "--limit 1` shows the latest check-in's, and `journal undo` takes back the latest change, "
                    + "whatever it was.\nUsage: journal checkins edit <id> "), "\(checkIn)")
        let rate = try sandbox.run("psfs", "rate", "--latest", "4")
        #expect(rate.status == 64)
        #expect(
            rate.stderr.hasPrefix(
                "Error: Unknown option '--latest'. `journal psfs rate` takes the activity's id; `journal psfs` shows "
                    + "the ids.\nUsage: journal psfs rate "), "\(rate)")
        #expect(try sandbox.sql("SELECT id, pain_after FROM entries_with_ids") == "1|3\n")
    }

    /// The bare word (`edit last`) or a number below 1 where an id is taken gets the same hint as
    /// `--last`, not "the value is invalid" or "missing argument"; nothing is written.
    @Test(arguments: [
        (["edit", "last", "--pain-after", "2"], "'last' is not an id. `journal edit` takes the entry's id"),
        (["edit", "-1", "--pain-after", "2"], "'-1' is not an id: ids are whole numbers from 1. `journal edit`"),
        (["delete", "Latest"], "'Latest' is not an id. `journal delete` takes the entry's id"),
        (["checkins", "edit", "previous", "--pain", "2"], "'previous' is not an id. `journal checkins edit`"),
        (["edit", "0", "--pain-after", "2"], "'0' is not an id: ids are whole numbers from 1. `journal edit`"),
        (["delete", "0"], "'0' is not an id: ids are whole numbers from 1. `journal delete`"),
        (["delete", "1", "0"], "'0' is not an id: ids are whole numbers from 1. `journal delete`"),
        (["edit", "#0", "--pain-after", "2"], "'#0' is not an id: ids are whole numbers from 1. `journal edit`"),
        (["checkins", "delete", "0"], "'0' is not an id: ids are whole numbers from 1. `journal checkins delete`"),
    ])
    func aWordForTheLatestWhereAnIdIsTakenSaysWhatToDo(arguments: [String], start: String) throws {
        try sandbox.log("glute-bridge", "--pain-before", "4", "--pain-after", "3")
        let run = try sandbox.run(arguments)
        #expect(run.status == 64)
        #expect(run.stderr.hasPrefix("Error: " + start), "\(run)")
        #expect(run.stderr.contains("and `journal undo` takes back the latest change, whatever it was.\nUsage: "))
        #expect(run.stdout.isEmpty)
        #expect(try sandbox.sql("SELECT id, pain_after FROM entries_with_ids") == "1|3\n")
    }

    /// An id typed as journal prints it (`#1`, as `psfs` and `checkins` show ids, and as a shell
    /// that does not take `#` for a comment passes it) names the same record as the bare number.
    @Test func anIdTypedAsJournalPrintsItNamesTheRecord() throws {
        try sandbox.log("glute-bridge", "--pain-before", "4", "--pain-after", "3")
        try sandbox.log("bird-dog", "--pain-before", "4", "--pain-after", "3")
        let edit = try sandbox.run("edit", "#1", "--pain-after", "2")
        #expect(edit.status == 0, "\(edit)")
        #expect(try sandbox.sql("SELECT id, pain_after FROM entries_with_ids ORDER BY id") == "1|2\n2|3\n")
        let delete = try sandbox.run("delete", "#2", "--yes")
        #expect(delete.status == 0, "\(delete)")
        #expect(try sandbox.sql("SELECT id FROM entries_with_ids ORDER BY id") == "1\n")
    }

    /// A period of no days names that as the problem, and one too long says the most it takes.
    @Test(arguments: [
        (
            "0d",
            "journal: cannot report the last \"0d\": a period needs at least one day; give a number from 1, "
                + "such as 1d (today) or 1w (the 7 days ending today).\n"
        ),
        (
            "523w",
            "journal: cannot report the last \"523w\": that is more than the 3660 days one report covers; give at "
                + "most 522w.\n"
        ),
    ])
    func aSpanOfNoDaysOrTooManySaysWhich(span: String, message: String) throws {
        let run = try sandbox.run("report", "--last", span)
        #expect(run.status == 64)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == message, "\(run)")
    }

    /// `--weeks 6 --week` names --weeks, as typed, not only --last.
    @Test func twoPeriodsNameWhatWasGiven() throws {
        let run = try sandbox.run("report", "--weeks", "6", "--week")
        #expect(run.status == 64)
        #expect(
            run.stderr.hasPrefix(
                "Error: Choose one of --week, --month, --last (or --weeks, --months) or --from/--to; --week and "
                    + "--weeks 6 were given.\n"), "\(run)")
    }

    /// `--from "6 weeks ago" --week` names what was typed, quoted as it would be typed again;
    /// `--from` and `--to` together are one choice.
    @Test func aRangeBesideAPeriodIsNamedAsTyped() throws {
        let run = try sandbox.run("report", "--from", "6 weeks ago", "--week")
        #expect(run.status == 64)
        #expect(run.stdout.isEmpty)
        #expect(
            run.stderr.hasPrefix(
                "Error: Choose one of --week, --month, --last (or --weeks, --months) or --from/--to; --week and "
                    + "--from \"6 weeks ago\" were given.\n"), "\(run)")
        let both = try sandbox.run("report", "--from", "monday", "--to", "yesterday", "--last", "2w")
        #expect(both.status == 64)
        #expect(
            both.stderr.hasPrefix(
                "Error: Choose one of --week, --month, --last (or --weeks, --months) or --from/--to; --last 2w, "
                    + "--from monday and --to yesterday were given.\n"), "\(both)")
        #expect(!FileManager.default.fileExists(atPath: sandbox.database))
    }

    /// An option that takes one value, given twice, is a slip to show (the parser took the last
    /// silently): `--weeks 6 --weeks 2`, a pain number typed twice under two spellings.
    @Test func anOptionGivenTwiceIsRefused() throws {
        let weeks = try sandbox.run("report", "--weeks", "6", "--weeks=2")
        #expect(weeks.status == 64)
        #expect(weeks.stdout.isEmpty)
        #expect(
            weeks.stderr.hasPrefix(
                "Error: --weeks takes one value; --weeks 6 and --weeks=2 were given.\nUsage: journal report"),
            "\(weeks)")
        #expect(weeks.stderr.hasSuffix("  See 'journal report --help' for more information.\n"))
        let pain = try sandbox.run(
            "log", "glute-bridge", "--pain-before", "4", "--pain-after", "3", "--pain-before", "6")
        #expect(pain.status == 64)
        #expect(
            pain.stderr.hasPrefix(
                "Error: --pain-before takes one value; --pain-before 4 and --pain-before 6 were given.\n"), "\(pain)")
        #expect(!FileManager.default.fileExists(atPath: sandbox.database))
        let from = try sandbox.run("report", "--from", "6 weeks ago", "--from", "monday")
        #expect(from.status == 64)
        #expect(
            from.stderr.hasPrefix(
                "Error: --from takes one value; --from \"6 weeks ago\" and --from monday were given.\n"), "\(from)")
        // Help asked for is shown; a flag given twice is not a repeated option.
        let help = try sandbox.run("report", "--weeks", "6", "--weeks", "2", "--help")
        #expect(help.status == 0)
        #expect(help.stdout.hasPrefix("OVERVIEW: "), "\(help)")
        let flags = try sandbox.run("report", "--week", "--week", "--json")
        #expect(flags.status == 0, "\(flags)")
    }

    /// A time, a day or a span typed as several words without quotes is answered with the
    /// quotes it needs (the parser said only "Unexpected argument"); `--week 6` points at `--weeks 6`;
    /// an unknown option lists the nearest; a span may be spelt out (`--last "6 weeks"`).
    @Test func wordsTypedApartAreAnsweredWithWhatToType() throws {
        sandbox.environment["JOURNAL_NOW"] = "2026-11-20T18:00:00Z"
        let cases: [([String], String)] = [
            (
                ["log", "bird-dog", "--pain-before", "2", "--pain-after", "1", "--at", "yesterday", "7pm"],
                "Error: Unexpected argument '7pm'. A value of more than one word goes in quotes: --at \"yesterday 7pm\".\n"
            ),
            (
                ["report", "--from", "6", "weeks", "ago"],
                "Error: Unexpected argument 'weeks'. A value of more than one word goes in quotes: --from \"6 weeks ago\".\n"
            ),
            (
                ["report", "--last", "6", "w"],
                "Error: Unexpected argument 'w'. A value of more than one word goes in quotes: --last \"6 w\".\n"
            ),
            (
                ["report", "--week", "6"],
                "Error: --week takes no number: it is the 7 days ending today. For 6 weeks: --weeks 6 (or --last 6w).\n"
            ),
            (
                ["log", "bird-dog", "--pain-befor", "3"],
                "Error: Unknown option '--pain-befor'. The nearest: --pain-before.\n"
            ),
            (["report", "--weak"], "Error: Unknown option '--weak'. The nearest: --week, --weeks.\n"),
        ]
        for (arguments, message) in cases {
            let run = try sandbox.run(arguments)
            #expect(run.status == 64, "\(run)")
            #expect(run.stdout.isEmpty)
            #expect(run.stderr.hasPrefix(message), "\(run)")
        }
        #expect(!FileManager.default.fileExists(atPath: sandbox.database))
        for span in ["6 weeks", "6weeks", "6 wk", "42 days", "6w"] {
            let run = try sandbox.run("report", "--last", span)
            #expect(run.status == 0, "\(run)")
            #expect(run.stdout.hasPrefix("Progress report, 2026-10-10 to 2026-11-20 (42 days)"), "\(run)")
        }
    }

    /// `journal help WORD` for a word that names no command suggests the nearest, as `journal WORD`
    /// does, and exits 64 (argument-parser's own `help` showed the top-level help and exited 0).
    @Test func helpForAnUnknownCommandSuggestsTheNearest() throws {
        let stats = try sandbox.run("help", "stats")
        #expect(stats.status == 64)
        #expect(stats.stdout.isEmpty)
        #expect(
            stats.stderr
                == "Error: Unknown command 'stats'. The nearest: report.\n  See 'journal --help' for what each does.\n")
        let inner = try sandbox.run("help", "plan", "sett")
        #expect(inner.status == 64)
        #expect(inner.stderr.hasPrefix("Error: Unknown command 'sett'. The nearest: set"), "\(inner)")
        let leaf = try sandbox.run("help", "log", "bridge")
        #expect(leaf.status == 64)
        #expect(
            leaf.stderr
                == "Error: 'journal log' has no subcommands; 'bridge' is not one.\n  See 'journal log --help' for what it takes.\n"
        )
        let helpHelp = try sandbox.run("help", "help")
        #expect(helpHelp.status == 0, "\(helpHelp)")
        let known = try sandbox.run("help", "plan", "set")
        #expect(known.status == 0)
        #expect(known.stdout.contains("USAGE: journal plan set"), "\(known)")
        #expect(!FileManager.default.fileExists(atPath: sandbox.database))
    }

    // MARK: --how-to -

    /// `--how-to -` reads the text from standard input, as `--note -` does: it stays out of shell history.
    @Test func howToDashReadsStandardInput() throws {
        let add = try sandbox.run(
            "exercises", "add", "cat-cow", "--name", "Cat-cow", "--category", "stretch", "--how-to", "-",
            stdin: "On hands and knees,\narch then round your back.\n")
        #expect(add.status == 0, "\(add)")
        #expect(
            try sandbox.sql("SELECT how_to FROM exercises WHERE id = 'cat-cow'")
                == "On hands and knees,\narch then round your back.\n")
        let edit = try sandbox.run("exercises", "edit", "cat-cow", "--how-to", "-", stdin: "Slowly.")
        #expect(edit.status == 0, "\(edit)")
        #expect(try sandbox.run("exercises", "show", "cat-cow").stdout.hasSuffix("\n\nSlowly.\n"))
    }

    /// `--how-to -` refuses standard input it cannot take, in the how-to's words, and the text stays:
    /// nothing in it, only spaces and line ends (as empty input), or a NUL.
    @Test(arguments: [
        (
            "", Int32(66),
            "journal: cannot read standard input: it is empty; --how-to - reads the how-to text from it "
                + "(--how-to \"\" removes one).\n"
        ),
        (
            "   \n\n", Int32(66),
            "journal: cannot read standard input: it holds only spaces and line ends; --how-to - reads the "
                + "how-to text from it (--how-to \"\" removes one).\n"
        ),
        (
            "a\u{0}b", Int32(64),
            "journal: the how-to text cannot be saved: it holds a NUL character (U+0000), which a note "
                + "cannot keep.\n"
        ),
    ])
    func howToDashRefusesWhatItCannotTake(stdin: String, status: Int32, stderr: String) throws {
        try sandbox.change(
            "exercises", "add", "cat-cow", "--name", "Cat-cow", "--category", "stretch", "--how-to", "Slowly.")
        let edit = try sandbox.run("exercises", "edit", "cat-cow", "--how-to", "-", stdin: stdin)
        #expect(edit.status == status, "\(edit)")
        #expect(edit.stderr == stderr)
        #expect(try sandbox.sql("SELECT how_to FROM exercises WHERE id = 'cat-cow'") == "Slowly.\n")
    }

    /// A report of one day says "1 day", not "1 days".
    @Test func aOneDayReportSaysOneDay() throws {
        _ = try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "2", "--at", "2026-11-25 08:00")
        let report = try sandbox.run("report", "--from", "2026-11-25", "--to", "2026-11-25")
        #expect(report.status == 0, "\(report)")
        #expect(report.stdout.hasPrefix("Progress report, 2026-11-25 to 2026-11-25 (1 day)\n"), "\(report.stdout)")
        #expect(report.stdout.contains("Active on 1 of 1 day, 1 entry."), "\(report.stdout)")
    }

    // MARK: exercises show --json

    /// `how_to` is what `exercises show` prints; `how_to_source` says whose words they are.
    @Test func exercisesShowJSONSaysWhoseHowToItIs() throws {
        try sandbox.change("exercises", "add", "cat-cow", "--name", "Cat-cow", "--category", "stretch")
        try sandbox.change(
            "exercises", "add", "knee-to-chest", "--name", "Knee to chest", "--category", "stretch", "--how-to",
            "Hug one knee.")
        for (id, source, howTo) in [
            ("cat-cow", "none", "Added by you; your physiotherapist's instructions apply."),
            ("knee-to-chest", "yours", "Hug one knee."),
            ("bird-dog", "catalogue", nil),
        ] {
            let run = try sandbox.run("exercises", "show", id, "--json")
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run)")
            #expect(object["how_to_source"] as? String == source, "\(id)")
            let shown = try sandbox.run("exercises", "show", id).stdout
            let text = try #require(object["how_to"] as? String)
            #expect(shown.replacingOccurrences(of: "\n", with: " ").contains(text), "\(id)")
            if let howTo { #expect(text == howTo) }
        }
    }

    // MARK: exercises remove

    /// `exercises remove` names the plan item and the physiotherapist's review it took with the
    /// exercise, in text and in `--json`; `journal undo` puts them back.
    @Test func removingAnExerciseNamesWhatWentWithIt() throws {
        try sandbox.change("exercises", "add", "cat-cow", "--name", "Cat-cow", "--category", "stretch", "--hold")
        try sandbox.change("plan", "set", "cat-cow", "--sets", "2", "--hold", "30", "--per-week", "3")
        try sandbox.change("log", "cat-cow", "--pain-before", "3", "--pain-after", "4", "--hold", "30")
        try sandbox.change("resume", "cat-cow")
        try sandbox.change("delete", "1", "--yes")
        let removed = try sandbox.run("exercises", "remove", "cat-cow", "--json")
        #expect(removed.status == 0, "\(removed)")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(removed.stdout.utf8)) as? [String: Any], "\(removed)")
        let message =
            "Removed cat-cow, and with it its plan (2 × 30 s hold, 3 sessions a week, from 2026-11-25) and its "
            + "physiotherapist's review; `journal undo` puts them back."
        #expect(object["message"] as? String == message)
        #expect(object["archived"] as? Bool == false)
        #expect(object["entries"] as? Int == 0)
        #expect(object["review_ids"] as? [Int] == [1])
        #expect((object["plan_items"] as? [[String: Any]])?.first?["exercise"] as? String == "cat-cow")
        #expect(try sandbox.sql("SELECT count(*) FROM plan WHERE removed = 0") == "0\n")
        try sandbox.change("undo")
        #expect(try sandbox.sql("SELECT count(*) FROM plan") == "1\n")
        #expect(try sandbox.sql("SELECT count(*) FROM reviews") == "1\n")
        // Archived for the entry that uses it: the plan item goes, the review stays.
        try sandbox.change("log", "cat-cow", "--pain-before", "3", "--pain-after", "3", "--hold", "30")
        let archived = try sandbox.run("exercises", "remove", "cat-cow", "--force")
        #expect(
            archived.stdout
                == "Archived cat-cow: its 1 entry stays, and it can no longer be logged. Removed with it: its plan "
                + "(2 × 30 s hold, 3 sessions a week, from 2026-11-25); `journal undo` puts it back.\n")
    }

    // MARK: undo across a restore

    /// After `restore --force` and `undo`, undo goes on through the changes the replaced journal had.
    @Test func undoGoesOnPastAnUndoneRestore() throws {
        try sandbox.log("glute-bridge", "--pain-before", "4", "--pain-after", "3", "--note", "a")
        try sandbox.change("edit", "1", "--pain-after", "2")
        let backup = sandbox.directory + "/b.sqlite3"
        try sandbox.change("backup", backup)
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3", "--note", "b")
        try sandbox.change("restore", backup, "--force")
        #expect(try sandbox.sql("SELECT id, note FROM entries_with_ids") == "1|a\n")
        let restore = try sandbox.run("undo")
        #expect(restore.stdout.hasPrefix("Undid the restore of "), "\(restore)")
        #expect(try sandbox.sql("SELECT id, pain_after, note FROM entries_with_ids ORDER BY id") == "1|2|a\n2|3|b\n")
        let log = try sandbox.run("undo")
        #expect(
            log.stdout == "Removed #2 bird-dog (1 set, pain 3 → 3, at 2026-11-25 12:00, note: b), logged just now.\n",
            "\(log)")
        let edit = try sandbox.run("undo")
        #expect(edit.stdout.hasPrefix("#1 glute-bridge is as it was before you edited it just now"), "\(edit)")
        #expect(try sandbox.sql("SELECT id, pain_after FROM entries_with_ids") == "1|3\n")
        #expect(
            try sandbox.run("undo").stdout
                == "Removed #1 glute-bridge (1 set, pain 4 → 3, at 2026-11-25 12:00, note: a), logged just now.\n")
        #expect(try sandbox.run("undo").stderr == "Nothing to undo.\n")
        #expect(try sandbox.run("doctor").status == 0)
    }
}
