import Foundation
import Testing

/// Nothing lost, nothing false: export and import give back the journal they were given.
@Suite struct RestoreCommandTests {
    let sandbox = Sandbox(timeZone: "Africa/Monrovia")

    init() {
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T12:00:00+00:00"
    }

    /// Runs `script` with `sh`, `$JOURNAL` naming the binary, in the sandbox's environment.
    func shell(_ script: String) throws -> Run {
        var environment = sandbox.environment
        environment["JOURNAL"] = Sandbox.binary.path
        return try execute("/bin/sh", ["-c", script], environment: environment)
    }

    func file(_ name: String) -> String { sandbox.directory + "/" + name }

    func contents(_ name: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: file(name))) }

    /// Points the sandbox at another journal.
    func use(_ journal: String) { sandbox.environment["JOURNAL_DB"] = file(journal) }

    @Test func twoSessionsDoneAlikeStayTwoEntries() throws {
        for _ in 0..<2 {
            try sandbox.log(
                "bird-dog", "--pain-before", "3", "--pain-after", "3", "--reps", "8", "--at", "2026-11-20 07:30")
        }
        #expect(try sandbox.run("export", "--output", file("out.csv")).status == 0)
        use("second.sqlite3")
        let run = try sandbox.run("import", file("out.csv"))
        #expect(run.stdout == "Imported 2 entries; skipped 0 already in the journal.\n", "\(run)")
        #expect(try sandbox.run("export").stdout.data(using: .utf8) == contents("out.csv"))
    }

    @Test func anIdBeyondTheBoundIsRefusedAndLaterEntriesStillGetIds() throws {
        let csv =
            "id,performed_at,exercise,side,sets,reps,hold_seconds,pain_before,pain_after,pain_change,flagged,note\r\n"
            + "9223372036854775807,2026-11-20T07:30:00Z,bird-dog,,1,8,,3,3,0,false,\r\n"
        let run = try sandbox.run("import", "-", stdin: csv)
        #expect(run.status == 65)
        #expect(
            run.stderr
                == "journal: line 2: id must be a whole number from 1 to 9007199254740991; got \"9223372036854775807\". "
                + "Nothing was imported.\n")
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3")
        #expect(try sandbox.sql("SELECT id FROM entries_with_ids ORDER BY id") == "1\n")
    }

    /// A journal with everything a full export carries, with offsets to the second (Liberia, 1970).
    func fill() throws {
        #expect(
            try sandbox.run("exercises", "add", "wall-squat", "--name", "Wall squat", "--category", "stability").status
                == 0)
        #expect(
            try sandbox.run("exercises", "add", "cat-cow", "--name", "Cat-cow", "--category", "stretch", "--hold")
                .status == 0)
        try sandbox.log("wall-squat", "--pain-before", "3", "--pain-after", "3", "--reps", "10", "--at", "1970-06-01")
        try sandbox.log("wall-squat", "--pain-before", "3", "--pain-after", "3", "--reps", "10", "--at", "1970-06-01")
        try sandbox.log(
            "wall-squat", "--pain-before", "3", "--pain-after", "2", "--at", "1970-06-01T10:00:00-00:44:30", "--note",
            " =HYPERLINK(\"http://example.com\")")
        try sandbox.log("cat-cow", "--pain-before", "2", "--pain-after", "2", "--hold", "20", "--at", "2026-11-01")
        #expect(try sandbox.run("exercises", "remove", "cat-cow", "--force").status == 0)
        try sandbox.log("bird-dog", "--pain-before", "2", "--pain-after", "5", "--at", "2026-11-19 10:00")
        #expect(try sandbox.run("resume", "bird-dog", "--note", "lighter", "--at", "2026-11-21 15:00").status == 0)
        #expect(
            try sandbox.run(
                "checkin", "--pain", "4", "--red-flag", "fever", "--note", "hot", "--at", "2026-11-22 08:00"
            )
            .status == 0)
        #expect(
            try sandbox.run("plan", "set", "wall-squat", "--sets", "2", "--reps", "8", "--per-week", "3").status == 0)
        #expect(try sandbox.run("psfs", "add", "putting on socks", "--at", "2026-11-01 09:00").status == 0)
        #expect(try sandbox.run("psfs", "add", "lifting a child", "--at", "2026-11-01 09:00").status == 0)
        #expect(
            try sandbox.run("psfs", "rate", "1", "3", "--at", "2026-11-01 09:05", "--note", "one foot up").status == 0)
        #expect(try sandbox.run("psfs", "rate", "2", "2", "--at", "2026-11-01 09:05").status == 0)
        #expect(try sandbox.run("psfs", "rate", "1", "6", "--at", "2026-11-20 09:00").status == 0)
        #expect(try sandbox.run("psfs", "remove", "2").status == 0)
    }

    @Test func aFullExportRestoresTheWholeJournalExactly() throws {
        try fill()
        let export = try sandbox.run("export", "--all", "--output", file("all.json"))
        #expect(export.stderr == "Exported the whole journal to \(file("all.json")).\n")
        #expect(try sandbox.run("export", "--output", file("out.csv")).status == 0)
        #expect(try sandbox.run("export", "--all").stdout.data(using: .utf8) == contents("all.json"))
        let text = String(decoding: try contents("all.json"), as: UTF8.self)
        #expect(text.contains("\"performed_at\":\"1970-06-01T12:00:00-00:44:30\""))
        #expect(text.contains("\"performed_at\":\"1970-06-01T10:00:00-00:44:30\""))

        use("restored.sqlite3")
        let restore = try sandbox.run("import", file("all.json"))
        #expect(
            restore.stdout
                == "Restored 5 entries, 1 check-in, 1 review, 2 exercises of your own, 1 plan item and 2 PSFS "
                + "activities with 3 ratings.\n", "\(restore)")
        #expect(try sandbox.run("psfs", "--json").stdout.contains("\"retired\" : true"))
        #expect(try sandbox.run("export", "--all").stdout.data(using: .utf8) == contents("all.json"))
        #expect(try sandbox.run("export").stdout.data(using: .utf8) == contents("out.csv"))

        let again = try sandbox.run("import", file("all.json"))
        #expect(again.status == 65)
        #expect(
            again.stderr.contains("this journal already holds 5 entries, 1 check-in, 1 review and 2 PSFS activities."))

        let undo = try sandbox.run("undo")
        #expect(
            undo.stdout.hasSuffix(
                ": removed 5 imported entries, removed 1 imported check-in, removed 2 imported PSFS activities and "
                    + "3 ratings, removed 1 imported review, removed 2 imported exercises of your own, removed 1 imported "
                    + "plan item.\nThe red flag of check-in #1 at 2026-11-22 08:00 is lifted: the change undone had it. "
                    + "You recorded a high temperature, or feeling hot and shivery.\n"), "\(undo)")
        let json = try sandbox.run("import", "--format", "json", "-", "--json", stdin: text)
        #expect(
            json.stdout
                == "{\n  \"added\" : 5,\n  \"checkins\" : 1,\n  \"exercises\" : 2,\n  \"plan\" : 1,\n  "
                + "\"psfs_activities\" : 2,\n  \"psfs_ratings\" : 3,\n  \"red_flag_reviews\" : 0,\n  \"region\" : null,\n  "
                + "\"reviews\" : 1\n}\n",
            "\(json)")
        #expect(try sandbox.run("export", "--all").stdout == text)
    }

    /// Issue #26: a full import and `restore --force` count everything in the words undo uses, and
    /// say the region now in force when they changed it (it names the emergency numbers).
    @Test func importAndRestoreCountEverythingAndSayWhenTheRegionChanged() throws {
        for change in [
            ["exercises", "add", "cat-cow", "--name", "Cat-cow", "--category", "stretch", "--hold"],
            ["log", "cat-cow", "--pain-before", "3", "--pain-after", "3", "--hold", "20", "--at", "2026-11-24 09:10"],
            ["plan", "set", "cat-cow", "--sets", "1", "--hold", "20", "--per-week", "7", "--since", "2026-11-01"],
            ["psfs", "add", "putting on socks", "--at", "2026-11-20 09:00"],
            ["psfs", "rate", "1", "5", "--at", "2026-11-21 09:00"],
            ["config", "set", "region", "IE"],
        ] {
            let made = try sandbox.run(change)
            #expect(made.status == 0, "\(change): \(made)")
        }
        #expect(try sandbox.run("export", "--all", "--output", file("all.json")).status == 0)
        #expect(try sandbox.run("backup", file("b.sqlite3")).status == 0)
        let regionIE = "Region now: Ireland (IE), set with `journal config set region IE`.\n"

        use("imported.sqlite3")
        let imported = try sandbox.run("import", file("all.json"))
        #expect(imported.status == 0, "\(imported)")
        #expect(
            imported.stdout
                == "Restored 1 entry, 0 check-ins, 0 reviews, 1 exercise of your own, 1 plan item and 1 PSFS "
                + "activity with 1 rating.\n" + regionIE, "\(imported)")
        use("imported-json.sqlite3")
        let json = try sandbox.run("import", file("all.json"), "--json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let region = try #require(object["region"] as? [String: Any], "\(json)")
        #expect(region["region"] as? String == "IE" && region["stored"] as? String == "IE")

        // The same region already set: nothing to say of it.
        use("same.sqlite3")
        #expect(try sandbox.run("config", "set", "region", "IE").status == 0)
        let same = try sandbox.run("import", file("all.json"))
        #expect(same.stdout.hasSuffix("activity with 1 rating.\n"), "\(same)")

        use("canada.sqlite3")
        #expect(try sandbox.run("config", "set", "region", "CA").status == 0)
        let restored = try sandbox.run("restore", file("b.sqlite3"), "--force")
        #expect(restored.status == 0, "\(restored)")
        #expect(
            restored.stdout
                == "Restored 1 entry, 0 check-ins, 0 reviews, 1 exercise of your own, 1 plan item and 1 PSFS "
                + "activity with 1 rating into \(file("canada.sqlite3")).\n" + regionIE, "\(restored)")
        #expect(try sandbox.run("config", "get", "region").stdout.contains("IE"))
    }

    @Test func aCSVOfOwnExercisesSaysHowToRestoreThem() throws {
        try fill()
        #expect(try sandbox.run("export", "--output", file("out.csv")).status == 0)
        use("new.sqlite3")
        let run = try sandbox.run("import", file("out.csv"))
        #expect(run.status == 65)
        #expect(
            run.stderr
                == "journal: line 2: unknown exercise \"wall-squat\"; `journal exercises` lists the ones you can log, "
                + "and `journal exercises add wall-squat --name … --category CATEGORY --how-to …` adds one of your own (CATEGORY stability, stretch or self-treatment; add --hold for one held rather than repeated, --sides for one done a side at a time). "
                + "A CSV holds entries only, not your own exercises: add it first with `journal exercises add`, or "
                + "restore the whole journal from `journal export --all --format json`. Nothing was imported.\n")
        #expect(!FileManager.default.fileExists(atPath: file("new.sqlite3")))
        #expect(
            try sandbox.run("exercises", "add", "wall-squat", "--name", "Wall squat", "--category", "stability").status
                == 0)
        #expect(
            try sandbox.run("exercises", "add", "cat-cow", "--name", "Cat-cow", "--category", "stretch", "--hold")
                .status == 0)
        #expect(try sandbox.run("import", file("out.csv")).status == 0)
        #expect(try sandbox.run("export").stdout.data(using: .utf8) == contents("out.csv"))
    }

    @Test func theFullExportIsJSONOnlyAndWhole() throws {
        for arguments in [
            ["--all", "--format", "csv"], ["--all", "--from", "yesterday"], ["--all", "--exercise", "bird-dog"],
            ["--all", "--excel"],
        ] {
            let run = try sandbox.run(["export"] + arguments)
            #expect(run.status == 64, "\(arguments): \(run)")
        }
        #expect(try sandbox.run("export", "--format", "json").stdout == "[]\n")
        #expect(
            try sandbox.run("export", "--all", "--format", "json").stdout
                == "{\"format\":\"journal-export\",\"version\":1,\n\"entries\":[],\n\"exercises\":[],\n"
                + "\"checkins\":[],\n\"plan\":[],\n\"reviews\":[],\n\"psfs_activities\":[],\n\"psfs_ratings\":[],\n"
                + "\"red_flag_reviews\":[],\n\"settings\":[]\n}\n")
        let array = try sandbox.run("import", "--format", "json", "-", stdin: "[]\n")
        #expect(array.status == 65)
        #expect(array.stderr.contains("not the array of `journal export --format json`"))
    }

    @Test func offsetsToTheSecondSurviveACSVRoundTrip() throws {
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3", "--at", "1970-06-01")
        let csv = try sandbox.run("export").stdout
        #expect(csv.hasSuffix("\r\n1,1970-06-01T12:00:00-00:44:30,bird-dog,,1,,,3,3,0,false,\r\n"))
        #expect(
            try sandbox.run("import", "-", stdin: csv).stdout
                == "Imported 0 entries; skipped 1 already in the journal.\n")
        use("second.sqlite3")
        #expect(try sandbox.run("import", "-", stdin: csv).status == 0)
        #expect(try sandbox.run("export").stdout == csv)
    }

    // MARK: Notes

    @Test func aNoteIsCountedAsTheJournalStoresIt() throws {
        let note = String(repeating: "e\u{301}", count: 2001)
        let run = try sandbox.run("log", "bird-dog", "--pain-before", "3", "--pain-after", "3", "--note", note)
        #expect(run.status == 64)
        #expect(run.stderr.hasPrefix("journal: the note has 4002 characters (Unicode code points"), "\(run)")
        #expect(try sandbox.entryCount() == 0)
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3", "--note", String(note.dropLast()))
    }

    @Test func noteFromStandardInputThatCannotBeReadChangesNothing() throws {
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3", "--note", "kept")
        for (redirect, reason) in [
            ("<&-", "it is closed"), ("0>/dev/null", "it is open for writing only"), ("</", "Is a directory"),
            (
                "</dev/null",
                "it is empty; --note - reads the note from it (--note \"\" removes one)"
            ),
        ] {
            for command in [
                "edit 1 --note -", "log bird-dog --pain-before 1 --pain-after 1 --note -", "checkin --pain 2 --note -",
                "checkins edit 1 --note -",
            ] {
                let run = try shell("exec \"$JOURNAL\" \(command) \(redirect)")
                #expect(run.status == 66, "\(command) \(redirect): \(run)")
                #expect(run.stderr == "journal: cannot read standard input: \(reason).\n", "\(command) \(redirect)")
            }
        }
        #expect(try sandbox.sql("SELECT id, note FROM entries_with_ids") == "1|kept\n")
        #expect(try sandbox.sql("SELECT count(*) FROM checkins") == "0\n")
    }

    @Test func aNoteMustBeUTF8WithoutNul() throws {
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3", "--note", "kept")
        let notUTF8 = "journal: the note cannot be saved: it is not valid UTF-8 text.\n"
        for script in [
            "printf 'a\\377b' | \"$JOURNAL\" edit 1 --note -", "\"$JOURNAL\" edit 1 --note \"$(printf 'a\\377b')\"",
            "\"$JOURNAL\" edit 1 --note=\"$(printf 'a\\377b')\"",
        ] {
            let run = try shell(script)
            #expect(run.status == 64, "\(script): \(run)")
            #expect(run.stderr == notUTF8, "\(script)")
        }
        let nul = try shell("printf 'a\\000b' | \"$JOURNAL\" edit 1 --note -")
        #expect(nul.status == 64)
        #expect(
            nul.stderr
                == "journal: the note cannot be saved: it holds a NUL character (U+0000), which a note cannot keep.\n")
        let endless = try shell("\"$JOURNAL\" edit 1 --note - </dev/zero")
        #expect(endless.status == 64)
        #expect(endless.stderr.contains("standard input holds more than 16002 bytes"))
        #expect(try sandbox.sql("SELECT note FROM entries") == "kept\n")
        let fine = try shell("printf 'caf\\303\\251\\n' | \"$JOURNAL\" edit 1 --note -")
        #expect(fine.status == 0, "\(fine)")
        #expect(try sandbox.sql("SELECT note FROM entries") == "café\n")
    }

    // MARK: Bounded input

    @Test func endlessOrHugeInputIsRefusedQuickly() throws {
        let zero = try sandbox.run("import", "/dev/zero")
        #expect(zero.status == 65)
        #expect(
            zero.stderr
                == "journal: line 1: a NUL byte: /dev/zero is not UTF-8 text (UTF-16 text, or not text at all). "
                + "Nothing was imported.\n")
        let header =
            "id,performed_at,exercise,side,sets,reps,hold_seconds,pain_before,pain_after,pain_change,flagged,note\r\n"
        try Data((header + String(repeating: ",", count: 10_000_000)).utf8).write(
            to: URL(fileURLWithPath: file("c.csv")))
        let commas = try sandbox.run("import", file("c.csv"))
        #expect(commas.status == 65)
        #expect(
            commas.stderr == "journal: line 2: a record with more than 64 fields; a row has 12. Nothing was imported.\n"
        )
        #expect(try shell("truncate -s 1073741825 '\(file("big.csv"))'").status == 0)
        let big = try sandbox.run("import", file("big.csv"))
        #expect(big.status == 65)
        #expect(
            big.stderr
                == "journal: \(file("big.csv")) is larger than 1 GiB, more than journal imports (a full export of "
                + "100,000 entries takes about 20 MiB). Nothing was imported.\n")
        let endless = try shell("yes | \"$JOURNAL\" import -")
        #expect(endless.status == 65)
        #expect(endless.stderr.hasPrefix("journal: standard input is larger than 1 GiB"))
        #expect(!FileManager.default.fileExists(atPath: sandbox.database))
    }
}
