import Foundation
import Testing

/// The words people type, as an adversary with only the binary and the docs met them (issue #26):
/// a dose's start day ahead (`plan set --since "23 nov"`, `"next monday"`), an exercise's name in
/// words without quotes, a hold with its unit and sets and reps written together, and a PSFS rating
/// dated before its activity was added.
///
/// Friday 2026-03-27 at 10:00 on the clock, two days before London's clocks go forward (GMT, then
/// BST from Sunday 29 March), and in Tokyo (UTC+09:00 all year).
@Suite struct EverydayWordsCommandTests {
    static let zones = [("Europe/London", "+00:00"), ("Asia/Tokyo", "+09:00")]

    func friday(_ zone: String, offset: String) -> Sandbox {
        let sandbox = Sandbox(timeZone: zone)
        sandbox.environment["JOURNAL_NOW"] = "2026-03-27T10:00:00" + offset
        return sandbox
    }

    /// `plan set --since` takes a day ahead: tomorrow's date without a year, `next monday` (30 March,
    /// after London's change) and `next week` (its Monday, the same day); `log --at` still refuses
    /// tomorrow's date as still to come, with last year's.
    @Test(arguments: zones)
    func aDoseStartsOnADayAheadTypedAsPeopleTypeIt(zone: String, offset: String) throws {
        let sandbox = friday(zone, offset: offset)
        let tomorrow = try sandbox.run(
            "plan", "set", "glute-bridge", "--sets", "3", "--reps", "10", "--per-week", "5", "--since", "28 mar")
        #expect(tomorrow.status == 0, "\(tomorrow)")
        #expect(tomorrow.stdout == "Planned glute-bridge: 3 × 10 reps, 5 sessions a week, from 2026-03-28.\n")
        #expect(try sandbox.sql("SELECT since FROM plan WHERE exercise_id = 'glute-bridge'") == "2026-03-28\n")
        for (text, day) in [("next monday", "2026-03-30"), ("next week", "2026-03-30"), ("23 mar", "2026-03-23")] {
            let run = try sandbox.run(
                "plan", "set", "bird-dog", "--sets", "2", "--reps", "8", "--per-week", "3", "--since", text)
            #expect(run.status == 0, "\(run)")
            #expect(try sandbox.sql("SELECT since FROM plan WHERE exercise_id = 'bird-dog'") == "\(day)\n", "\(text)")
            try sandbox.change("plan", "remove", "bird-dog")
        }
        // Unquoted, the words are named as one value, as for any day.
        let split = try sandbox.run(
            "plan", "set", "bird-dog", "--sets", "2", "--reps", "8", "--per-week", "3", "--since", "next", "monday")
        #expect(split.status == 64, "\(split)")
        #expect(
            split.stderr.hasPrefix(
                "Error: Unexpected argument 'monday'. A value of more than one word goes in quotes: "
                    + "--since \"next monday\".\n"), "\(split)")
        // Where only what has happened is recorded, tomorrow's date is still refused.
        let log = try sandbox.run("log", "bird-dog", "--pain-before", "3", "--pain-after", "2", "--at", "28 mar")
        #expect(log.status == 64, "\(log)")
        #expect(
            log.stderr
                == "journal: \"28 mar\" is Sat 28 Mar, still to come: for a day that has come, check the date (today "
                + "is Fri 27 Mar); for last year's, \"28 Mar 2025\". journal log records only what has already "
                + "happened.\n", "\(log)")
        #expect(try sandbox.entryCount() == 0)
    }

    /// An exercise's name in words without quotes names the two ways to type it.
    ///
    /// Words that name none get the parser's message as before. Nothing is written.
    @Test(arguments: zones)
    func anExerciseNameInWordsWithoutQuotesSaysHowToTypeIt(zone: String, offset: String) throws {
        let sandbox = friday(zone, offset: offset)
        let log = try sandbox.run("log", "glute", "bridge", "--pain-before", "4", "--pain-after", "3")
        #expect(log.status == 64, "\(log)")
        #expect(
            log.stderr.hasPrefix(
                "Error: Unexpected argument 'bridge'. Did you mean `journal log \"glute bridge\" …` or "
                    + "`journal log glute-bridge …`?\nUsage: journal log <exercise>"), "\(log)")
        let plan = try sandbox.run("plan", "set", "Side", "Plank", "--sets", "2", "--hold", "30", "--per-week", "3")
        #expect(plan.status == 64, "\(plan)")
        #expect(
            plan.stderr.hasPrefix(
                "Error: Unexpected argument 'Plank'. Did you mean `journal plan set \"Side Plank\" …` or "
                    + "`journal plan set side-plank …`?\n"), "\(plan)")
        let none = try sandbox.run("log", "glute", "stretch", "--pain-before", "4", "--pain-after", "3")
        #expect(none.status == 64, "\(none)")
        #expect(none.stderr.hasPrefix("Error: Unexpected argument 'stretch'\n"), "\(none)")
        #expect(!FileManager.default.fileExists(atPath: sandbox.database))

        // One of the person's own, by its name or its id in words, read from the journal.
        try sandbox.change("exercises", "add", "knee-to-chest", "--name", "Knee hug", "--category", "stretch")
        for words in [["knee", "hug"], ["knee", "to", "chest"]] {
            let own = try sandbox.run(["log"] + words + ["--pain-before", "3", "--pain-after", "2"])
            #expect(own.status == 64, "\(own)")
            #expect(
                own.stderr.hasPrefix(
                    "Error: Unexpected argument '\(words[1])'. Did you mean `journal log \"\(words.joined(separator: " "))\" …` "
                        + "or `journal log knee-to-chest …`?\n"), "\(own)")
        }
        #expect(try sandbox.entryCount() == 0)
    }

    /// A hold with its unit is seconds, in `log`, `edit` and `plan set` alike; sets and reps
    /// written together are refused naming `--sets 3 --reps 10`, and nothing is written.
    @Test(arguments: zones)
    func aHoldTakesItsUnitAndSetsTimesRepsNamesTheOptions(zone: String, offset: String) throws {
        let sandbox = friday(zone, offset: offset)
        for (text, seconds) in [("30s", 30), ("30 seconds", 30), ("1m", 60), ("1 min", 60)] {
            let run = try sandbox.run(
                "log", "side-plank", "--pain-before", "2", "--pain-after", "2", "--hold", text, "--side", "left")
            #expect(run.status == 0, "\(run)")
            #expect(
                try sandbox.sql("SELECT hold_seconds FROM entries_with_ids ORDER BY id DESC LIMIT 1") == "\(seconds)\n")
        }
        try sandbox.change("edit", "1", "--hold", "45 sec")
        #expect(try sandbox.sql("SELECT hold_seconds FROM entries_with_ids WHERE id = 1") == "45\n")
        try sandbox.change("plan", "set", "side-plank", "--sets", "2", "--hold", "2 mins", "--per-week", "3")
        #expect(try sandbox.sql("SELECT sets, hold_seconds FROM plan") == "2|120\n")

        let before = try sandbox.entryCount()
        for text in ["3x10", "3×10"] {
            let run = try sandbox.run("log", "glute-bridge", "--pain-before", "4", "--pain-after", "3", "--reps", text)
            #expect(run.status == 64, "\(run)")
            #expect(
                run.stderr.hasPrefix(
                    "Error: The value '\(text)' is invalid for '--reps <n>': reps must be a whole number from 1 to "
                        + "500; got \"\(text)\". For 3 × 10 reps, give --sets 3 --reps 10.\nHelp:  --reps <n>"),
                "\(run)")
        }
        let plan = try sandbox.run("plan", "set", "glute-bridge", "--sets", "3x10", "--per-week", "5")
        #expect(plan.status == 64, "\(plan)")
        #expect(plan.stderr.contains("got \"3x10\". For 3 × 10 reps, give --sets 3 --reps 10.\n"), "\(plan)")
        let edit = try sandbox.run("edit", "1", "--hold", "1.5m")
        #expect(edit.status == 64, "\(edit)")
        #expect(
            edit.stderr.contains(
                "hold (seconds) must be a whole number from 1 to 3600; got \"1.5m\". Give seconds, such as 30, 30s or "
                    + "1 min.\n"), "\(edit)")
        #expect(try sandbox.entryCount() == before)
        #expect(try sandbox.sql("SELECT hold_seconds FROM entries_with_ids WHERE id = 1") == "45\n")
        #expect(try sandbox.sql("SELECT exercise_id FROM plan") == "side-plank\n")
    }

    /// A PSFS rating dated on a day before its activity was added would become its baseline
    /// unseen: refused (65) with both days, nothing written; on the day it was added, at an
    /// earlier hour, it is taken.
    @Test(arguments: zones)
    func aRatingBeforeItsActivityWasAddedIsRefused(zone: String, offset: String) throws {
        let sandbox = friday(zone, offset: offset)
        try sandbox.change("psfs", "add", "putting on socks")
        let run = try sandbox.run("psfs", "rate", "1", "4", "--at", "2 days ago")
        #expect(run.status == 65, "\(run)")
        #expect(run.stdout.isEmpty, "\(run)")
        #expect(
            run.stderr
                == "journal: the rating is dated 2026-03-25, before activity #1, \"putting on socks\", was added on "
                + "2026-03-27, and would become its baseline; rate it on 2026-03-27 or later. For an earlier "
                + "baseline, add the activity dated back (`journal psfs add TEXT --at 2026-03-25`; `journal undo` "
                + "takes this one off if adding it was the latest change).\n", "\(run)")
        #expect(try sandbox.sql("SELECT count(*) FROM psfs_ratings") == "0\n")
        // The undo it names takes the activity off: the rating was never recorded.
        #expect(try sandbox.run("undo").stdout.hasPrefix("Removed PSFS activity #1: putting on socks"))
        // Earlier the same day is taken: 08:00 today.
        try sandbox.change("psfs", "add", "putting on socks", "--at", "2 days ago")
        let early = try sandbox.run("psfs", "rate", "2", "4", "--at", "2 days ago")
        #expect(early.stdout == "Rated activity #2: 4 at 2026-03-25 12:00 (UTC\(offset)).\n", "\(early)")
        let morning = try sandbox.run("psfs", "rate", "2", "5", "--at", "this morning")
        #expect(morning.stdout == "Rated activity #2: 5 at 2026-03-27 08:00 (UTC\(offset)).\n", "\(morning)")
    }
}
