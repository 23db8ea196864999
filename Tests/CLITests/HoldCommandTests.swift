import Foundation
import Testing

/// Holds, `journal resume`, and check-ins with a full life, through the binary.
@Suite struct HoldCommandTests {
    let sandbox: Sandbox = {
        let sandbox = Sandbox()
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T12:00:00+00:00"
        return sandbox
    }()

    func check() throws -> (status: Int32, json: [String: Any]) {
        let run = try sandbox.run("check", "--json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        return (run.status, json)
    }

    @Test func holdThenReminderThenResumeThenANewRiseStartsANewHold() throws {
        #expect(try check().status == 0)
        _ = try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "4", "--at", "2026-11-10 08:00")
        // Fifteen days on, with clean sessions since, the hold stands: only a review lifts it.
        _ = try sandbox.log("bird-dog", "--pain-before", "2", "--pain-after", "2", "--at", "2026-11-12 08:00")
        var state = try check()
        #expect(state.status == 2)
        let holds = try #require(state.json["holds"] as? [[String: Any]])
        #expect(holds.count == 1)
        #expect(holds[0]["exercise"] as? String == "bird-dog")
        #expect(holds[0]["since"] as? String == "2026-11-10T08:00:00+00:00")
        #expect(holds[0]["rule"] as? String == "more-pain")
        #expect(holds[0]["entry_id"] as? Int == 1)
        let text = try sandbox.run("check")
        #expect(
            text.stdout.hasPrefix(
                """
                ON HOLD bird-dog is on hold since 2026-11-10 08:00 (more-pain, #1): see a
                        physiotherapist, then run `journal resume bird-dog`.

                """))

        // A review before the hold began cannot answer it.
        let early = try sandbox.run("resume", "bird-dog", "--at", "2026-11-09 10:00")
        #expect(early.status == 64)
        #expect(early.stderr.contains("that is before bird-dog went on hold (2026-11-10 08:00)"))

        let resumed = try sandbox.run("resume", "bird-dog", "--note", "lighter load", "--at", "2026-11-13 15:00")
        #expect(resumed.status == 0, "\(resumed)")
        #expect(
            resumed.stdout
                == "Resumed bird-dog: reviewed 2026-11-13 15:00 (UTC+00:00); the hold since 2026-11-10 08:00 (more-pain) is lifted.\n"
        )
        #expect(try sandbox.sql("SELECT exercise_id, note FROM reviews") == "bird-dog|lighter load\n")
        state = try check()
        #expect(state.status == 0)
        #expect((state.json["holds"] as? [Any])?.isEmpty == true)
        #expect(try sandbox.run("check").stdout == "No safety findings stand today.\n")
        let quiet = try sandbox.log("bird-dog", "--pain-before", "2", "--pain-after", "2")
        #expect(quiet.stderr == "")

        // Nothing on hold: resume records nothing.
        let again = try sandbox.run("resume", "bird-dog")
        #expect(again.status == 0)
        #expect(again.stderr == "bird-dog is not on hold; nothing was recorded.\n")
        #expect(try sandbox.sql("SELECT count(*) FROM reviews") == "1\n")

        // A later rise starts a new hold.
        _ = try sandbox.log("bird-dog", "--pain-before", "2", "--pain-after", "3", "--at", "2026-11-24 09:00")
        state = try check()
        #expect(state.status == 2)
        #expect((state.json["holds"] as? [[String: Any]])?.first?["since"] as? String == "2026-11-24T09:00:00+00:00")

        // Undo takes the latest change back, newest first: the rise, the quiet session, then the resume.
        #expect(try sandbox.run("undo").stdout.hasPrefix("Removed #"))
        #expect(try sandbox.run("undo").stdout.hasPrefix("Removed #"))
        #expect(
            try sandbox.run("undo").stdout
                == "Took back the physiotherapist's review of bird-dog, recorded just now: the hold since "
                + "2026-11-10 08:00 (more-pain) stands again.\n")
        state = try check()
        #expect((state.json["holds"] as? [[String: Any]])?.first?["since"] as? String == "2026-11-10T08:00:00+00:00")
    }

    @Test func checkExitCodesFollowTheWorstThatStands() throws {
        #expect(try check().status == 0)
        // A caution: more pain the morning after exercise.
        _ = try sandbox.log("glute-bridge", "--pain-before", "2", "--pain-after", "2", "--at", "2026-11-23 18:00")
        _ = try sandbox.run("checkin", "--pain", "4", "--at", "2026-11-24 07:30")
        #expect(try check().status == 1)
        // A stop: a hold.
        _ = try sandbox.log("glute-bridge", "--pain-before", "2", "--pain-after", "3", "--at", "2026-11-24 18:00")
        #expect(try check().status == 2)
        // A red flag.
        _ = try sandbox.run("checkin", "--pain", "4", "--red-flag", "saddle-numbness", "--at", "2026-11-25 07:00")
        #expect(try check().status == 3)
        // Withdrawn by deleting its check-in (a mistake): back to the hold.
        let delete = try sandbox.run("checkins", "delete", "2", "--yes")
        #expect(
            delete.stdout == """
                Deleted 1 check-in: #2. `journal undo` brings it back.
                The red flag of check-in #2 at 2026-11-25 07:00 is lifted: the check-in deleted had it. \
                You recorded numbness or tingling around the genitals or buttocks.

                """, "\(delete)")
        #expect(try check().status == 2)
        _ = try sandbox.run("resume", "glute-bridge")
        #expect(try check().status == 1)
    }

    @Test func checkInsCanBeListedEditedDeletedAndUndone() throws {
        _ = try sandbox.run("checkin", "--pain", "3", "--at", "2026-11-23 07:00", "--note", "stiff, \"eased\" 🙂")
        _ = try sandbox.run("checkin", "--pain", "5", "--red-flag", "saddle-numbness", "--at", "2026-11-24 07:00")
        let list = try sandbox.run("checkins", "--json")
        #expect(
            list.stdout == """
                [
                  {
                    "id" : 2,
                    "note" : null,
                    "pain" : 5,
                    "performed_at" : "2026-11-24T07:00:00+00:00",
                    "red_flags" : [
                      "saddle-numbness"
                    ]
                  },
                  {
                    "id" : 1,
                    "note" : "stiff, \\"eased\\" 🙂",
                    "pain" : 3,
                    "performed_at" : "2026-11-23T07:00:00+00:00",
                    "red_flags" : [

                    ]
                  }
                ]

                """)
        #expect(try sandbox.run("checkins", "--limit", "1").stdout.contains("saddle-numbness"))
        #expect(try check().status == 3)

        // The red flag was a mistake: correct the check-in, which says it lifts it, and check is back to 0.
        let edit = try sandbox.run("checkins", "edit", "2", "--no-red-flags", "--pain", "4")
        #expect(edit.status == 0, "\(edit)")
        #expect(
            edit.stdout == """
                Before #2: pain 5, red flags: saddle-numbness, 2026-11-24 07:00 (UTC+00:00)
                After  #2: pain 4, 2026-11-24 07:00 (UTC+00:00)
                The red flag of check-in #2 at 2026-11-24 07:00 is lifted: the check-in before the edit had it. \
                You recorded numbness or tingling around the genitals or buttocks.

                """)
        #expect(try check().status == 0)
        #expect(
            try sandbox.run("undo").stdout
                == "Check-in #2 (pain 5, 2026-11-24 07:00) is as it was before you edited it just now: pain 5 "
                + "(the edit had 4); red flags: saddle-numbness (the edit had none).\n"
                + "The red flag of check-in #2 at 2026-11-24 07:00 begins now: the undo began it; it stands until a "
                + "doctor has seen you, then record that with: journal resume --red-flags\n")
        #expect(try check().status == 3)
        #expect(
            try sandbox.sql(
                "SELECT pain, red_flag FROM checkins_with_ids JOIN checkin_red_flags_with_ids ON checkin_id = id")
                == "5|saddle-numbness\n")

        // Deleting needs --yes off a terminal, and says so without deleting.
        let refused = try sandbox.run("checkins", "delete", "1")
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("deleting a check-in needs confirmation"))
        #expect(try sandbox.run("checkins", "delete", "1", "2", "--yes").status == 0)
        #expect(try sandbox.sql("SELECT count(*) FROM checkins") == "0\n")
        #expect(try check().status == 0)
        #expect(
            try sandbox.run("undo").stdout == """
                Put back 2 check-ins (deleted just now):
                  check-in #1 (pain 3) at 2026-11-23 07:00
                  check-in #2 (pain 5) at 2026-11-24 07:00 with red flags saddle-numbness
                The red flag of check-in #2 at 2026-11-24 07:00 begins now: the undo began it; it stands until a \
                doctor has seen you, then record that with: journal resume --red-flags

                """)
        #expect(
            try sandbox.sql("SELECT id, pain, note FROM checkins_with_ids ORDER BY id")
                == "1|3|stiff, \"eased\" 🙂\n2|5|\n")
        #expect(try check().status == 3)

        let missing = try sandbox.run("checkins", "edit", "9", "--pain", "2")
        #expect(missing.status == 65)
        #expect(missing.stderr == "journal: no check-in has id 9; `journal checkins` shows the ids.\n")
    }

    @Test func editingIntoASecondRiseShowsTheHoldAsLogWould() throws {
        _ = try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "4", "--at", "2026-11-20 08:00")
        _ = try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-21 08:00")
        let edit = try sandbox.run("edit", "2", "--pain-after", "5", "--json")
        #expect(edit.status == 0, "\(edit)")
        #expect(edit.stderr.hasPrefix("ON HOLD bird-dog is on hold since 2026-11-20 08:00 (more-pain, #1)"))
        #expect(edit.stderr.contains("STOP bird-dog, 2026-11-21 08:00 (UTC+00:00), pain 3 → 5 (#2)"))
        #expect(edit.stderr.contains("- Pain rose in 2 of the last 3 sessions of bird-dog."))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(edit.stdout.utf8)) as? [String: Any])
        #expect((json["findings"] as? [[String: Any]])?.map { $0["rule"] as? String } == ["repeated", "more-pain"])
        #expect((json["hold"] as? [String: Any])?["entry_id"] as? Int == 1)
    }

    /// A rise logged for a time before the session that put the exercise on hold says it was
    /// already on hold and that the hold now dates from this earlier session; `check` agrees.
    @Test func aRiseLoggedEarlierSaysTheHoldNowDatesFromIt() throws {
        let first = try sandbox.log("glute-bridge", "--pain-before", "2", "--pain-after", "3", "--json")
        let firstJSON = try #require(
            try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        #expect(firstJSON["hold_moved_earlier"] is NSNull, "\(first)")
        let run = try sandbox.run(
            "log", "glute-bridge", "--pain-before", "2", "--pain-after", "3", "--at", "yesterday 7pm")
        #expect(run.status == 0)
        #expect(run.stdout == "Logged #2 glute-bridge: 1 set, pain 2 → 3, at 2026-11-24 19:00 (UTC+00:00).\n")
        #expect(
            run.stderr == """
                STOP Pain went up during glute-bridge, from 2 before to 3 after.
                     Stop doing glute-bridge and see a physiotherapist before you continue with
                     it.
                glute-bridge was already on hold, since 2026-11-25 12:00 (#1); the hold now
                dates from this earlier session, 2026-11-24 19:00 (#2). Once a physiotherapist
                has seen you, record it with: journal resume glute-bridge

                """, "\(run)")
        #expect(!run.stderr.contains("is now on hold"))
        let state = try check()
        #expect(state.status == 2)
        let holds = try #require(state.json["holds"] as? [[String: Any]])
        #expect(holds.map { $0["entry_id"] as? Int } == [2])
        #expect(holds.first?["since"] as? String == "2026-11-24T19:00:00+00:00")
        #expect(
            try sandbox.sql("SELECT id, performed_at FROM entries_with_ids ORDER BY id")
                == "1|1795608000\n2|1795546800\n")
    }

    /// `log --json` names the hold as it stood before in `hold_moved_earlier`, `hold` the one now.
    @Test func aRiseLoggedEarlierNamesTheHoldMovedInJSON() throws {
        try sandbox.log("glute-bridge", "--pain-before", "2", "--pain-after", "3")
        let run = try sandbox.run(
            "log", "glute-bridge", "--pain-before", "2", "--pain-after", "3", "--at", "yesterday 7pm", "--json")
        #expect(run.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let moved = try #require(json["hold_moved_earlier"] as? [String: Any], "\(run)")
        #expect(moved["exercise"] as? String == "glute-bridge")
        #expect(moved["entry_id"] as? Int == 1)
        #expect(moved["since"] as? String == "2026-11-25T12:00:00+00:00")
        #expect(moved["rule"] as? String == "more-pain")
        let hold = try #require(json["hold"] as? [String: Any])
        #expect(hold["entry_id"] as? Int == 2)
        #expect(hold["since"] as? String == "2026-11-24T19:00:00+00:00")
        #expect(json["paused"] is NSNull)
        #expect(try sandbox.entryCount() == 2)
    }

    /// A rise logged after the session that began the hold moves nothing: the hold stands as it was.
    @Test func aRiseLoggedLaterLeavesTheHoldWhereItWas() throws {
        try sandbox.log("glute-bridge", "--pain-before", "2", "--pain-after", "3", "--at", "yesterday 7pm")
        let run = try sandbox.run("log", "glute-bridge", "--pain-before", "2", "--pain-after", "3", "--json")
        #expect(run.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["hold_moved_earlier"] is NSNull, "\(run)")
        #expect((json["hold"] as? [String: Any])?["entry_id"] as? Int == 1)
        #expect(!run.stderr.contains("already on hold"), "\(run)")
    }
}

/// A safety answer is never given without the data behind it.
@Suite struct NoAnswerWithoutDataTests {
    @Test func aJournalThatCannotBeReachedIsAnErrorNotAnEmptyJournal() throws {
        let sandbox = Sandbox()
        let loop = sandbox.directory + "/loop"
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: loop)
        sandbox.environment["JOURNAL_DB"] = loop
        for command in [["check"], ["list"], ["report"], ["checkins"]] {
            let run = try sandbox.run(command)
            #expect(run.status == 66, "\(command): \(run)")
            #expect(run.stdout == "")
            #expect(run.stderr.contains("it is a symbolic link that leads round in a loop"), "\(run)")
        }
    }

    @Test func onlyAJournalThatDoesNotExistYetAnswersNothingStands() throws {
        let sandbox = Sandbox()
        let run = try sandbox.run("check")
        #expect(run.status == 0)
        #expect(run.stdout == "No safety findings stand today.\n")
        #expect(!FileManager.default.fileExists(atPath: sandbox.database))
    }
}

/// Check-ins (with their notes) and reviews reach every report format.
@Suite struct ReportHistoryTests {
    @Test func checkInsAndReviewsAreInEveryFormat() throws {
        let sandbox = Sandbox()
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T12:00:00+00:00"
        _ = try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "4", "--at", "2026-11-20 08:00")
        _ = try sandbox.run(
            "checkin", "--pain", "2", "--at", "2026-11-21 07:00", "--note", "woke stiff, <eased> *later*")
        _ = try sandbox.run("resume", "bird-dog", "--at", "2026-11-22 10:00", "--note", "keep going, fewer reps")
        let text = try sandbox.run("report").stdout
        #expect(
            text.contains(
                "Reviewed by a physiotherapist\n2026-11-22 10:00  bird-dog: hold lifted; keep going, fewer reps"))
        #expect(text.contains("Check-ins: pain (◆ red flags recorded)\n  21 Nov 2\n"))
        #expect(
            text.contains(
                "Notes (shortened to one line; the HTML and JSON reports carry them whole)\n"
                    + "2026-11-21 07:00  check-in: woke stiff, <eased> *later*"))
        let markdown = try sandbox.run("report", "--markdown").stdout
        #expect(markdown.contains("- 2026-11-22 10:00, bird-dog: hold lifted; keep going, fewer reps"))
        #expect(markdown.contains("| 2026-11-21 07:00 | 2 |  |"))
        #expect(markdown.contains("- 2026-11-21 07:00, check-in: woke stiff, \\<eased\\> \\*later\\*"))
        let html = try sandbox.run("report", "--format", "html").stdout
        #expect(html.contains("woke stiff, &lt;eased&gt; *later*"))
        #expect(html.contains("bird-dog: hold lifted; keep going, fewer reps"))
        // The reviewed stop's what to do names its exercise, as check's "Stop doing bird-dog …" and
        // resume's "Resumed bird-dog: …" do; the HTML's list of what to do said only when.
        for (format, output) in [("text", text), ("markdown", markdown), ("html", html)] {
            #expect(
                output.contains("Reviewed by a physiotherapist on Sun 22 Nov 10:00: bird-dog resumed."),
                "\(format): \(output)")
        }
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(try sandbox.run("report", "--json").stdout.utf8))
                as? [String: Any])
        let readings = try #require(json["checkin_readings"] as? [[String: Any]])
        #expect(readings.map { $0["note"] as? String } == ["woke stiff, <eased> *later*"])
        let reviews = try #require(json["reviews"] as? [[String: Any]])
        #expect(reviews.map { $0["reviewed_at"] as? String } == ["2026-11-22T10:00:00+00:00"])
        #expect(reviews.map { $0["note"] as? String } == ["keep going, fewer reps"])
        // The finding stays in the report as history beside the review.
        #expect((json["flags"] as? [[String: Any]])?.map { $0["rule"] as? String } == ["more-pain"])
    }
}

/// A journal made readable by others is made private by whichever command opens it first.
@Suite struct PrivacyOnOpeningTests {
    @Test func theDefaultJournalAndItsFolderAreMadePrivateAndSaidSo() throws {
        let sandbox = Sandbox()
        sandbox.environment["JOURNAL_DB"] = nil
        let folder = sandbox.directory + "/home/.local/share/journal"
        let path = folder + "/journal.sqlite3"
        _ = try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3")
        chmod(path, 0o644)
        chmod(folder, 0o755)
        let run = try sandbox.run("list")
        #expect(run.status == 0, "\(run)")
        #expect(
            run.stderr.hasPrefix(
                """
                journal: made \(path) private (644 → 600): others could read your journal.
                journal: made \(folder) private (755 → 700): others could read your journal.

                """))
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600)
        #expect(try FileManager.default.attributesOfItem(atPath: folder)[.posixPermissions] as? Int == 0o700)
        #expect(try sandbox.run("list").stderr == "")
    }
}

/// `journal check` as someone who may not read the journal: an error, never "nothing stands".
@Suite struct CheckWithoutAccessTests {
    let sandbox = Sandbox()

    @Test func checkAsAUserWhoCannotEnterTheJournalsFolderExits77() throws {
        // Root may enter any folder, so as root the binary runs as nobody; anyone else locks
        // themselves out of a folder of their own.
        let asOther = geteuid() == 0
        var runuser = ""
        if asOther {
            guard let found = which("runuser"), getpwnam("nobody") != nil else {
                print("skipped checkAsAUserWhoCannotEnterTheJournalsFolderExits77: root, without runuser or nobody")
                return
            }
            runuser = found
        }
        guard let shared = try makeFolderEveryoneCanEnter() else {
            print("skipped checkAsAUserWhoCannotEnterTheJournalsFolderExits77: no folder every user can enter")
            return
        }
        defer { try? FileManager.default.removeItem(atPath: shared) }
        let binary = shared + "/journal"
        try copyBinary(to: binary)
        #expect(chmod(binary, 0o755) == 0)
        let folder = shared + "/private"
        let path = folder + "/journal.sqlite3"
        sandbox.environment["JOURNAL_DB"] = path
        _ = try sandbox.log("bird-dog", "--pain-before", "2", "--pain-after", "5")
        #expect(chmod(folder, asOther ? 0o700 : 0o000) == 0)
        defer { chmod(folder, 0o700) }
        let run =
            asOther
            ? try execute(runuser, ["-u", "nobody", "--", binary, "check"], environment: sandbox.environment)
            : try execute(binary, ["check"], environment: sandbox.environment)
        #expect(run.status == 77, "\(run)")
        #expect(run.stdout == "")
        #expect(
            run.stderr == "journal: cannot read \(path): you may not enter the folder \(folder) on the way to it (its "
                + "mode is \(asOther ? "0700" : "0000")). If the folder is yours, `chmod 700 \(folder)` lets you in "
                + "again; otherwise point --db or JOURNAL_DB at a journal in a folder of yours.\n", "\(run)")
        chmod(folder, 0o700)
        // Its owner, who can read it, is told the hold stands.
        #expect(try sandbox.run("check").status == 2)
    }
}

/// What a review covers: only what was recorded before it, and it says when a hold remains.
@Suite struct ReviewCoverageTests {
    let sandbox = Sandbox()

    /// `journal import -` of a CSV holding one bird-dog rise (2 → 7, 2026-11-21 08:00) under id 1.
    func importRiseUnderIDOne() throws -> Run {
        let header =
            "id,performed_at,exercise,side,sets,reps,hold_seconds,pain_before,pain_after,pain_change,flagged,note"
        return try sandbox.run(
            ["import", "-"], stdin: header + "\r\n1,2026-11-21T08:00:00+00:00,bird-dog,,1,,,2,7,5,true,\r\n")
    }

    func holds() throws -> [[String: Any]] {
        let run = try sandbox.run("check", "--json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        return try #require(json["holds"] as? [[String: Any]])
    }

    @Test func aRiseLoggedAfterTheReviewButDatedBeforeItStartsANewHold() throws {
        sandbox.environment["JOURNAL_NOW"] = "2026-11-22T16:00:00+00:00"
        _ = try sandbox.log("bird-dog", "--pain-before", "2", "--pain-after", "3", "--at", "yesterday 09:00")
        #expect(try sandbox.run("resume", "bird-dog", "--at", "today 15:00").status == 0)
        let late = try sandbox.log(
            "bird-dog", "--pain-before", "2", "--pain-after", "7", "--at", "today 09:15", "--json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(late.stdout.utf8)) as? [String: Any])
        #expect((json["hold"] as? [String: Any])?["entry_id"] as? Int == 2)
        #expect(try holds().map { $0["entry_id"] as? Int } == [2])
        #expect(try sandbox.run("check").status == 2)
    }

    @Test func aRiseImportedUnderAnOldIdAfterTheReviewStartsANewHold() throws {
        _ = try sandbox.log("side-plank", "--pain-before", "2", "--pain-after", "2", "--at", "2026-11-19 08:00")
        _ = try sandbox.log("bird-dog", "--pain-before", "2", "--pain-after", "4", "--at", "2026-11-20 08:00")
        _ = try sandbox.run("resume", "bird-dog", "--at", "2026-11-24 12:00")
        _ = try sandbox.run("delete", "1", "--yes")
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T12:00:01+00:00"
        let imported = try importRiseUnderIDOne()
        #expect(imported.status == 0, "\(imported)")
        #expect(try holds().map { $0["entry_id"] as? Int } == [1])
        #expect(try sandbox.run("check").status == 2)
    }

    @Test func aRiseImportedUnderAnOldIdInTheReviewsOwnSecondStartsANewHold() throws {
        // Entry 1 is deleted before the review, whose through id is 2; a CSV puts a rise back
        // under id 1 in the review's own second. The review never saw it, though its id is lower.
        _ = try sandbox.log("side-plank", "--pain-before", "2", "--pain-after", "2", "--at", "2026-11-19 08:00")
        _ = try sandbox.log("bird-dog", "--pain-before", "2", "--pain-after", "4", "--at", "2026-11-20 08:00")
        try sandbox.change("delete", "1", "--yes")
        try sandbox.change("resume", "bird-dog", "--at", "2026-11-24 12:00")
        #expect(try holds().isEmpty)
        let imported = try importRiseUnderIDOne()
        #expect(imported.status == 0, "\(imported)")
        #expect(try holds().map { $0["entry_id"] as? Int } == [1])
        #expect(try sandbox.run("check").status == 2)
        // Imported again, the row is the entry it added: skipped, and the hold stands as it was.
        let again = try importRiseUnderIDOne()
        #expect(again.stdout == "Imported 0 entries; skipped 1 already in the journal.\n", "\(again)")
        #expect(try holds().map { $0["entry_id"] as? Int } == [1])
    }

    @Test func aRiseInTheSameSecondAsTheReviewStartsANewHold() throws {
        _ = try sandbox.log("bird-dog", "--pain-before", "2", "--pain-after", "3")
        _ = try sandbox.run("resume", "bird-dog")
        _ = try sandbox.log("bird-dog", "--pain-before", "2", "--pain-after", "5")
        #expect(try holds().map { $0["entry_id"] as? Int } == [2])
    }

    @Test func aRiseLoggedWithTheClockSetBackBeforeTheReviewStartsANewHold() throws {
        // Recorded at 10:30 by a clock set back, after a review recorded at 11:00: the review's
        // through id (1) says it never saw entry 2.
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T10:00:00+00:00"
        _ = try sandbox.log("bird-dog", "--pain-before", "2", "--pain-after", "4")
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T11:00:00+00:00"
        try sandbox.change("resume", "bird-dog")
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T10:30:00+00:00"
        let late = try sandbox.log("bird-dog", "--pain-before", "2", "--pain-after", "4", "--json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(late.stdout.utf8)) as? [String: Any])
        #expect((json["hold"] as? [String: Any])?["entry_id"] as? Int == 2)
        #expect(try holds().map { $0["entry_id"] as? Int } == [2])
        #expect(try sandbox.run("check").status == 2)
    }

    @Test func aRedFlagRecordedWithTheClockSetBackBeforeTheDoctorsReviewStillStands() throws {
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T10:00:00+00:00"
        try sandbox.change("checkin", "--pain", "3", "--red-flag", "fever")
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T11:00:00+00:00"
        try sandbox.change("resume", "--red-flags")
        #expect(try sandbox.run("check").status == 0)
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T10:30:00+00:00"
        try sandbox.change("checkin", "--pain", "3", "--red-flag", "fever")
        let check = try sandbox.run("check", "--json")
        #expect(check.status == 3)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(findings.map { $0["rule"] as? String } == ["red-flag"])
        #expect(findings.map { $0["checkin_id"] as? Int } == [2])
    }

    @Test func resumeChecksWhatItIsGivenEvenWhenNothingIsOnHold() throws {
        let unknown = try sandbox.run("resume", "nosuch")
        #expect(unknown.status == 64)
        #expect(unknown.stderr.hasPrefix("journal: unknown exercise \"nosuch\""))
        #expect(!FileManager.default.fileExists(atPath: sandbox.database))
        _ = try sandbox.log("bird-dog", "--pain-before", "2", "--pain-after", "2")
        #expect(try sandbox.run("resume", "bird-dog", "--at", "garbage").status == 64)
        #expect(try sandbox.run("resume", "bird-dog", "--at", "2026-12-01").status == 64)
        let quiet = try sandbox.run("resume", "bird-dog")
        #expect(quiet.status == 0)
        #expect(quiet.stderr == "bird-dog is not on hold; nothing was recorded.\n")
    }

    @Test func aResumeThatLeavesALaterStopSaysTheHoldStandsAndExitsAsCheckDoes() throws {
        _ = try sandbox.log("bird-dog", "--pain-before", "2", "--pain-after", "3", "--at", "2026-11-20 08:00")
        _ = try sandbox.log("bird-dog", "--pain-before", "2", "--pain-after", "4", "--at", "2026-11-21 08:00")
        let run = try sandbox.run("resume", "bird-dog", "--at", "2026-11-20 12:00")
        #expect(run.status == 2)
        #expect(
            run.stdout == "Recorded the review of bird-dog, 2026-11-20 12:00 (UTC+00:00); bird-dog is still on hold.\n")
        #expect(
            run.stderr == """
                bird-dog is still on hold since 2026-11-21 08:00 (repeated, #2): that session
                was after the review's time, so the review did not answer it. Once a
                physiotherapist has seen that too, run `journal resume bird-dog` again.

                """)
        #expect(try holds().map { $0["since"] as? String } == ["2026-11-21T08:00:00+00:00"])
        #expect(try sandbox.run("check").status == 2)
    }

    @Test func aPastDatedResumeSaysWhatCheckShows() throws {
        // A rise at 10:00 and another at 11:30; reviewed at 11:00 (past-dated): the first is
        // answered, the second stands, and resume says so, as check does.
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T12:00:00+00:00"
        _ = try sandbox.log("bird-dog", "--pain-before", "2", "--pain-after", "4", "--at", "10:00")
        _ = try sandbox.log("bird-dog", "--pain-before", "2", "--pain-after", "3", "--at", "11:30")
        _ = try sandbox.log("glute-bridge", "--pain-before", "2", "--pain-after", "3", "--at", "11:45")
        let json = try sandbox.run("resume", "bird-dog", "--at", "11:00", "--json")
        #expect(json.status == 2, "\(json)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["lifted"] as? [String: Any])?["entry_id"] as? Int == 1)
        #expect((object["still_held"] as? [String: Any])?["entry_id"] as? Int == 2)
        let standing = try #require(object["standing"] as? [String: Any])
        let check = try sandbox.run("check", "--json")
        let checked = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])
        #expect((standing["holds"] as? [[String: Any]])?.map { $0["entry_id"] as? Int } == [2, 3])
        #expect((checked["holds"] as? [[String: Any]])?.map { $0["entry_id"] as? Int } == [2, 3])
        #expect(check.status == json.status)
        // In words: still on hold, why, and glute-bridge's hold as already known.
        let undone = try sandbox.run("undo")
        #expect(undone.status == 0, "\(undone)")
        let text = try sandbox.run("resume", "bird-dog", "--at", "11:00")
        #expect(text.status == 2)
        #expect(!text.stdout.contains("lifted"))
        #expect(text.stdout.contains("bird-dog is still on hold."))
        #expect(text.stderr.contains("Still on hold since 2026-11-25: glute-bridge (more-pain, #3)"), "\(text)")
    }
}

/// Files that are not journals are left exactly as they were, by reading and writing commands alike.
@Suite struct ForeignFileTests {
    let sandbox = Sandbox()

    func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    @Test func aFileMerelyMarkedWithJournalsIdIsRefusedAndUntouched() throws {
        let path = sandbox.directory + "/fake.db"
        _ = try execute(
            tool("sqlite3"), [path, "PRAGMA application_id = 1246907980; CREATE TABLE entries (a);"])
        chmod(path, 0o644)
        let before = try bytes(path)
        for command in [
            ["check"], ["list"], ["doctor"], ["log", "bird-dog", "--pain-before", "1", "--pain-after", "1"],
        ] {
            let run = try sandbox.run(command + ["--db", path])
            #expect(run.status == 65, "\(command): \(run)")
            #expect(run.stderr.hasPrefix("journal: \(path) is not a journal database"), "\(run)")
        }
        #expect(try bytes(path) == before)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o644)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: sandbox.directory).filter { $0.hasPrefix("fake") } == [
                "fake.db"
            ])
    }

    /// Issue #25: an empty file may be a journal a sync tool truncated, so a screen says so (66), as
    /// `doctor` does, rather than "nothing stands".
    @Test func anEmptyDatabaseIsSaidToHoldNoJournalAndIsLeftAloneUntilSomethingIsWritten() throws {
        let path = sandbox.directory + "/empty.db"
        _ = try execute(tool("sqlite3"), [path, "VACUUM;"])
        let before = try bytes(path)
        let check = try sandbox.run("check", "--db", path)
        #expect(check.status == 66, "\(check)")
        #expect(check.stdout == "")
        #expect(check.stderr.hasPrefix("journal: cannot read \(path): it is an empty "), "\(check)")
        #expect(try sandbox.run("list", "--db", path).status == 66)
        #expect(try bytes(path) == before)
        #expect(try sandbox.run("log", "bird-dog", "--pain-before", "1", "--pain-after", "1", "--db", path).status == 0)
        #expect(try sandbox.run("list", "--db", path).stdout.contains("bird-dog"))
    }

    @Test func doctorOnAJournalItCannotReachIsAnErrorNotNoJournal() throws {
        let loop = sandbox.directory + "/loop"
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: loop)
        let run = try sandbox.run("doctor", "--db", loop)
        #expect(run.status == 66, "\(run)")
        #expect(
            run.stderr == "journal: cannot read \(loop): it is a symbolic link that leads round in a loop, never to a "
                + "file; point --db or JOURNAL_DB at a journal file.\n", "\(run)")
    }

    @Test func smallMessagesSayWhatIsWrong() throws {
        let name = try sandbox.run("exercises", "add", "xy-zz", "--name", "Bird dog", "--category", "stability")
        #expect(name.status == 64)
        #expect(
            name.stderr == "journal: the name \"Bird dog\" already names the exercise bird-dog; choose another name.\n")
        sandbox.environment["TZ"] = "America/New_York"
        sandbox.environment["JOURNAL_NOW"] = "2026-03-09T12:00:00-04:00"
        let skipped = try sandbox.run(
            "log", "bird-dog", "--pain-before", "1", "--pain-after", "1", "--at", "2026-03-08 02:30")
        #expect(skipped.status == 64)
        #expect(
            skipped.stderr.contains("add the offset the clock had before it, e.g. 2026-03-08T02:30-05:00."),
            "\(skipped)")
    }
}
