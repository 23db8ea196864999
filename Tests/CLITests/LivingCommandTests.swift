import Foundation
import Testing

/// Edit, delete and undo, notes from standard input, your own exercises, the plan, completion.
@Suite struct LivingCommandTests {
    let sandbox = Sandbox()

    @Test func editPrintsBeforeAndAfterAndUndoRestores() throws {
        _ = try sandbox.log(
            "glute-bridge", "--pain-before", "4", "--pain-after", "3", "--reps", "10", "--at", "2026-11-20 07:30",
            "--note", "fine")
        let edit = try sandbox.run("edit", "1", "--pain-after", "6", "--note", "")
        #expect(edit.status == 0, "\(edit)")
        #expect(
            edit.stdout == """
                Before #1: glute-bridge, 1 × 10 reps, pain 4 → 3, 2026-11-20 07:30 (UTC+00:00), note: fine
                After  #1: glute-bridge, 1 × 10 reps, pain 4 → 6, 2026-11-20 07:30 (UTC+00:00)
                The hold on glute-bridge since 2026-11-20 07:30 (high-pain) begins now: the edit began it; \
                see a physiotherapist, then `journal resume glute-bridge`.

                """)
        // Two rules fire on the corrected session: one block for it.
        #expect(edit.stderr.hasPrefix("STOP glute-bridge, 2026-11-20 07:30 (UTC+00:00), pain 4 → 6 (#1)\n"))
        #expect(edit.stderr.contains("- Pain after glute-bridge was 6 out of 10"))
        #expect(try sandbox.sql("SELECT pain_after, note IS NULL FROM entries") == "6|1\n")
        let undo = try sandbox.run("undo")
        #expect(
            undo.stdout
                == "#1 glute-bridge is as it was before you edited it just now: pain 4 → 3 (the edit had 4 → 6); "
                + "its note back (the edit had removed it).\n"
                + "The hold on glute-bridge since 2026-11-20 07:30 (high-pain) is lifted: the change undone had begun it.\n"
        )
        #expect(try sandbox.sql("SELECT pain_after, note FROM entries") == "3|fine\n")
    }

    @Test func editChecksLikeLog() throws {
        _ = try sandbox.log("glute-bridge", "--pain-before", "4", "--pain-after", "3")
        #expect(try sandbox.run("edit", "1", "--pain-after", "11").status == 64)
        #expect(try sandbox.run("edit", "1", "--side", "left").status == 64)
        #expect(try sandbox.run("edit", "1").status == 64)
        let missing = try sandbox.run("edit", "9", "--pain-after", "2")
        #expect(missing.status == 65)
        #expect(missing.stderr == "journal: no entry has id 9; `journal list` shows the ids.\n")
        #expect(try sandbox.sql("SELECT pain_after FROM entries") == "3\n")
    }

    @Test func deleteOffATerminalNeedsYesAndUndoBringsEntriesBack() throws {
        _ = try sandbox.log("bird-dog", "--pain-before", "2", "--pain-after", "2", "--note", "keep me")
        _ = try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "2")
        let refused = try sandbox.run("delete", "1", "2")
        #expect(refused.status == 64)
        #expect(
            refused.stderr
                == "journal: deleting 2 entries needs confirmation: pass --yes (standard input is not a terminal to ask on). Nothing was deleted.\n"
        )
        #expect(try sandbox.entryCount() == 2)
        let deleted = try sandbox.run("delete", "1", "2", "--yes")
        #expect(deleted.stdout == "Deleted 2 entries: #1, #2. `journal undo` brings them back.\n")
        #expect(try sandbox.entryCount() == 0)
        #expect(
            try sandbox.run("undo").stdout == """
                Put back 2 entries (deleted just now):
                  #1 bird-dog at 2026-11-25 12:00
                  #2 bird-dog at 2026-11-25 12:00

                """)
        #expect(try sandbox.sql("SELECT id, note FROM entries_with_ids ORDER BY id") == "1|keep me\n2|\n")
        // Then the two logs, newest first, and then nothing.
        #expect(
            try sandbox.run("undo").stdout
                == "Removed #2 bird-dog (1 set, pain 3 → 2, at 2026-11-25 12:00), logged just now.\n")
        #expect(
            try sandbox.run("undo").stdout
                == "Removed #1 bird-dog (1 set, pain 2 → 2, at 2026-11-25 12:00, note: keep me), logged just now.\n")
        let nothing = try sandbox.run("undo")
        #expect(nothing.status == 0)
        #expect(nothing.stderr == "Nothing to undo.\n")
    }

    /// The most common slip, a wrong number just logged: `undo` removes the entry and says which.
    @Test func undoAfterLogRemovesTheEntryAndSaysWhich() throws {
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T12:00:00Z"
        _ = try sandbox.log("glute-bridge", "--pain-before", "4", "--pain-after", "3", "--at", "2026-11-25 09:00")
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T12:02:30Z"
        let undo = try sandbox.run("undo")
        #expect(undo.status == 0, "\(undo)")
        #expect(
            undo.stdout == "Removed #1 glute-bridge (1 set, pain 4 → 3, at 2026-11-25 09:00), logged 2 minutes ago.\n")
        #expect(try sandbox.entryCount() == 0)
        #expect(try sandbox.run("undo").stderr == "Nothing to undo.\n")
    }

    /// Eleven logs: ten undos reach back through the latest ten; the first entry stays.
    @Test func undoGoesBackTenChangesAndNoFurther() throws {
        for pain in 0...10 { _ = try sandbox.log("bird-dog", "--pain-before", "\(pain)", "--pain-after", "\(pain)") }
        for id in stride(from: 11, through: 2, by: -1) {
            // The undo of the log that began bird-dog's hold says so on a second line.
            #expect(
                try sandbox.run("undo").stdout.hasPrefix(
                    "Removed #\(id) bird-dog (1 set, pain \(id - 1) → \(id - 1), at 2026-11-25 12:00), logged just now.\n"
                ))
        }
        // Beyond the depth: not "Nothing to undo." while an older change stands.
        let beyond = try sandbox.run("undo")
        #expect(beyond.status == 0)
        #expect(
            beyond.stderr
                == "Nothing more to undo: the last 10 changes were undone, and older changes cannot be "
                + "(undo goes back through the latest 10). To remove an entry, `journal delete ID` "
                + "(`journal list` shows the ids).\n")
        #expect(try sandbox.sql("SELECT id FROM entries_with_ids ORDER BY id") == "1\n")
    }

    @Test func undoAfterCheckInRemovesIt() throws {
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T09:00:00Z"
        #expect(try sandbox.run("checkin", "--pain", "3").status == 0)
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T12:00:00Z"
        let undo = try sandbox.run("undo")
        #expect(undo.stdout == "Removed check-in #1 (pain 3, at 2026-11-25 09:00), recorded 3 hours ago.\n")
        #expect(try sandbox.sql("SELECT count(*) FROM checkins") == "0\n")
    }

    /// Log, edit, delete: three undos reverse them newest first.
    @Test func undoWalksBackThroughDeleteEditAndLog() throws {
        _ = try sandbox.log("bird-dog", "--pain-before", "2", "--pain-after", "2")
        #expect(try sandbox.run("edit", "1", "--pain-after", "1").status == 0)
        #expect(try sandbox.run("delete", "1", "--yes").status == 0)
        #expect(
            try sandbox.run("undo").stdout == "Put back #1 bird-dog at 2026-11-25 12:00 (deleted just now).\n")
        #expect(try sandbox.sql("SELECT pain_after FROM entries") == "1\n")
        #expect(
            try sandbox.run("undo").stdout
                == "#1 bird-dog is as it was before you edited it just now: pain 2 → 2 (the edit had 2 → 1).\n")
        #expect(try sandbox.sql("SELECT pain_after FROM entries") == "2\n")
        #expect(
            try sandbox.run("undo").stdout
                == "Removed #1 bird-dog (1 set, pain 2 → 2, at 2026-11-25 12:00), logged just now.\n")
        #expect(try sandbox.entryCount() == 0)
    }

    @Test func aMistypedIdDeletesNothing() throws {
        _ = try sandbox.log("bird-dog", "--pain-before", "2", "--pain-after", "2")
        #expect(try sandbox.run("delete", "1", "7", "--yes").status == 65)
        #expect(try sandbox.entryCount() == 1)
    }

    @Test func undoReversesAnImport() throws {
        _ = try sandbox.log("bird-dog", "--pain-before", "2", "--pain-after", "2")
        let csv =
            "id,performed_at,exercise,side,sets,reps,hold_seconds,pain_before,pain_after,pain_change,flagged,note\r\n"
            + ",2026-11-20T07:30:00Z,glute-bridge,,1,10,,3,2,,,\r\n"
        #expect(try sandbox.run("import", "-", stdin: csv).status == 0)
        #expect(try sandbox.entryCount() == 2)
        #expect(try sandbox.run("undo").stdout.contains("removed 1 imported entry"))
        #expect(try sandbox.entryCount() == 1)
    }

    @Test func aNoteCanComeFromStandardInput() throws {
        let note = "private: \"left hip\",\nsecond line 🙂"
        _ = try sandbox.log("pelvic-tilt", "--pain-before", "2", "--pain-after", "2", "--note", "-", stdin: note + "\n")
        let list = try sandbox.run("list", "--json")
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(entries.first?["note"] as? String == note)
    }

    @Test func yourOwnExerciseFromAddToArchive() throws {
        let add = try sandbox.run(
            "exercises", "add", "clamshell", "--name", "Clamshell", "--category", "stability", "--per-side")
        #expect(add.status == 0, "\(add)")
        #expect(
            try sandbox.run("exercises", "add", "clamshell", "--name", "Again", "--category", "stability").status == 64)
        #expect(try sandbox.run("exercises", "add", "Bad_Id", "--name", "Bad", "--category", "stability").status == 64)
        #expect(
            try sandbox.run("exercises").stdout.contains(
                "clamshell                    Clamshell (yours)            stability"))
        _ = try sandbox.log("Clamshell", "--pain-before", "2", "--pain-after", "1", "--reps", "12", "--side", "left")
        let typo = try sandbox.run("log", "clamshel", "--pain-before", "2", "--pain-after", "1")
        #expect(typo.stderr == "journal: unknown exercise \"clamshel\"; did you mean \"clamshell\"?\n")
        #expect(try sandbox.run("exercises", "remove", "glute-bridge").stderr.contains("cannot be removed"))
        let inUse = try sandbox.run("exercises", "remove", "clamshell")
        #expect(inUse.status == 64)
        #expect(inUse.stderr.contains("pass --force to archive it"))
        #expect(
            try sandbox.run("exercises", "remove", "clamshell", "--force").stdout
                == "Archived clamshell: its 1 entry stays, and it can no longer be logged.\n")
        #expect(try sandbox.run("log", "clamshell", "--pain-before", "2", "--pain-after", "1").status == 64)
        #expect(try sandbox.run("list").stdout.contains("clamshell"))
        #expect(try sandbox.run("export").stdout.contains(",clamshell,left,"))
    }

    @Test func thePlanShowsInTheReport() throws {
        sandbox.environment["JOURNAL_NOW"] = "2026-11-08T12:00:00+00:00"
        #expect(
            try sandbox.run(
                "plan", "set", "glute-bridge", "--sets", "3", "--reps", "10", "--per-week", "5", "--since", "2026-10-01"
            ).stdout == "Planned glute-bridge: 3 × 10 reps, 5 sessions a week, from 2026-10-01.\n")
        // Reps and a hold together are a dose (hold a few seconds, repeat), as in `journal log`.
        #expect(
            try sandbox.run(
                "plan", "set", "bird-dog", "--sets", "2", "--reps", "5", "--hold", "8", "--per-week", "3"
            ).stdout == "Planned bird-dog: 2 × 5 reps, 8 s hold, 3 sessions a week, from 2026-11-08.\n")
        #expect(try sandbox.run("plan", "remove", "bird-dog").status == 0)
        // A bad value says the same thing in `plan set` as in `log`.
        let sentence = "sets must be a whole number from 1 to 50; got \"abc\"."
        let planned = try sandbox.run("plan", "set", "bird-dog", "--sets", "abc", "--per-week", "3")
        let logged = try sandbox.run("log", "bird-dog", "--pain-before", "1", "--pain-after", "1", "--sets", "abc")
        #expect(planned.status == 64 && logged.status == 64)
        #expect(planned.stderr.hasPrefix("Error: The value 'abc' is invalid for '--sets <n>': \(sentence)\n"))
        #expect(logged.stderr.hasPrefix("Error: The value 'abc' is invalid for '--sets <n>': \(sentence)\n"))
        #expect(
            try sandbox.run("plan", "set", "side-plank", "--sets", "2", "--hold", "30", "--per-week", "22").status == 64
        )
        for day in 1...3 {
            _ = try sandbox.log(
                "glute-bridge", "--pain-before", "3", "--pain-after", "2", "--at", "2026-11-0\(day) 07:30")
        }
        let report = try sandbox.run("report", "--from", "2026-11-01", "--to", "2026-11-07", "--json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
        let adherence = try #require(json["adherence"] as? [[String: Any]])
        #expect(adherence.count == 1)
        #expect(adherence[0]["done"] as? Int == 3)
        #expect(adherence[0]["planned"] as? Int == 5)
        #expect(adherence[0]["percent"] as? Double == 60)
        #expect(try sandbox.run("plan").stdout.contains("glute-bridge     3    10       -         5  2026-10-01"))
        #expect(try sandbox.run("plan", "remove", "glute-bridge").stdout == "Took glute-bridge off the plan.\n")
    }

    @Test func naturalDatesAreEchoed() throws {
        // Yesterday is the day before JOURNAL_NOW's 2026-11-25, on the London clock.
        let run = try sandbox.log("bird-dog", "--pain-before", "2", "--pain-after", "2", "--at", "yesterday 07:15")
        #expect(run.stdout == "Logged #1 bird-dog: 1 set, pain 2 → 2, at 2026-11-24 07:15 (UTC+00:00).\n")
        #expect(
            try sandbox.run("log", "bird-dog", "--pain-before", "2", "--pain-after", "2", "--at", "2026-02-30").status
                == 64)
    }

    @Test func completionScriptsAreGenerated() throws {
        let bash = try sandbox.run("--generate-completion-script", "bash")
        #expect(bash.status == 0)
        #expect(bash.stdout.hasSuffix("\ncomplete -o filenames -F _journal journal\n"))
        if let shell = which("bash") {
            // Bash itself, given the script, completes "journal e".
            let file = sandbox.directory + "/journal.bash"
            try Data(bash.stdout.utf8).write(to: URL(fileURLWithPath: file))
            let complete = """
                source "$1"; COMP_WORDS=(journal e); COMP_CWORD=1; COMP_LINE='journal e'; COMP_POINT=9
                _journal journal e journal; printf '%s\\n' "${COMPREPLY[@]}"
                """
            let completed = try execute(shell, ["-c", complete, "bash", file])
            #expect(completed.stdout == "export\nedit\nexercises\n", "\(completed)")
        } else {
            print("completionScriptsAreGenerated: bash is not installed, so its script is read, not run")
        }
        let zsh = try sandbox.run("--generate-completion-script", "zsh")
        #expect(zsh.status == 0)
        #expect(zsh.stdout.hasPrefix("#compdef journal\n"))
        let fish = try sandbox.run("--generate-completion-script", "fish")
        #expect(fish.status == 0)
        let offered = fish.stdout.split(separator: "\n").compactMap { line -> Substring? in
            guard line.contains(#""journal" -eq 1' -fa '"#), let start = line.range(of: "-fa '") else { return nil }
            return line[start.upperBound...].prefix { $0 != "'" }
        }
        #expect(
            offered == [
                "log", "today", "session", "checkin", "checkins", "list", "report", "check", "safety", "export",
                "import", "resume", "psfs",
                "edit",
                "delete", "undo", "exercises", "plan", "backup", "restore", "doctor", "config", "sync", "help",
            ])
        let ids = try sandbox.run("---completion", "log", "--", "positional@0", "2", "0")
        #expect(
            ids.stdout == """
                core-activation
                hip-extension
                superman
                bird-dog
                bent-knee-fall-out
                pelvic-tilt
                kneeling-pelvic-tilt
                glute-bridge
                side-plank
                front-plank
                partial-crunch
                piriformis-stretch
                kneeling-hip-flexor-stretch
                standing-hip-flexor-stretch
                kneeling-ql-stretch
                sitting-ql-stretch
                foam-roll-glutes

                """)
    }
}
