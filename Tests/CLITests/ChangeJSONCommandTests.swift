import Foundation
import Testing

/// `--json` on every command that changes the journal (#26).
///
/// One object on standard output saying what was done, messages on standard error, the exit status
/// as without it. Today is Wednesday 2026-11-25, 12:00 in London (UTC+00:00).
@Suite struct ChangeJSONCommandTests {
    let sandbox = Sandbox()

    /// The one object `run` printed, parsed by an independent reader.
    func object(_ run: Run) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run)")
    }

    @Test func deleteNamesTheEntriesDeleted() throws {
        try sandbox.log("glute-bridge", "--pain-before", "4", "--pain-after", "3", "--at", "2026-11-20 07:30")
        try sandbox.log("bird-dog", "--pain-before", "2", "--pain-after", "2", "--at", "2026-11-21 08:00")
        let run = try sandbox.run("delete", "1", "--yes", "--json")
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr == "")
        #expect(
            run.stdout == """
                {
                  "deleted" : [
                    {
                      "exercise" : "glute-bridge",
                      "hold_seconds" : null,
                      "id" : 1,
                      "note" : null,
                      "pain_after" : 3,
                      "pain_before" : 4,
                      "performed_at" : "2026-11-20T07:30:00+00:00",
                      "reps" : null,
                      "sets" : 1,
                      "side" : null
                    }
                  ],
                  "holds_lifted" : [

                  ]
                }

                """)
        #expect(try sandbox.sql("SELECT id FROM entries_with_ids ORDER BY id") == "2\n")
    }

    @Test func checkinsDeleteNamesTheCheckInsDeleted() throws {
        try sandbox.change("checkin", "--pain", "6", "--red-flag", "fever", "--at", "2026-11-24 09:00")
        let run = try sandbox.run("checkins", "delete", "1", "--yes", "--json")
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr == "")
        #expect(
            run.stdout == """
                {
                  "deleted" : [
                    {
                      "id" : 1,
                      "note" : null,
                      "pain" : 6,
                      "performed_at" : "2026-11-24T09:00:00+00:00",
                      "red_flags" : [
                        "fever"
                      ]
                    }
                  ],
                  "red_flags_lifted" : [
                    {
                      "advice" : "ask for an urgent GP appointment today or call 111",
                      "checkin_id" : 1,
                      "entry_id" : null,
                      "exercise" : null,
                      "message" : "You recorded a high temperature, or feeling hot and shivery.",
                      "performed_at" : "2026-11-24T09:00:00+00:00",
                      "recommendation" : "Ask for an urgent GP appointment today or call 111. These symptoms need a doctor today, not a physiotherapy appointment.",
                      "region" : "GB",
                      "rule" : "red-flag",
                      "severity" : "see-doctor"
                    }
                  ]
                }

                """)
        #expect(try sandbox.sql("SELECT count(*) FROM checkins") == "0\n")
    }

    @Test func psfsRateAndRemoveGiveTheRatingAndTheActivity() throws {
        try sandbox.change("psfs", "add", "putting on socks", "--at", "2026-11-20 09:00")
        let rate = try sandbox.run("psfs", "rate", "1", "4", "--at", "2026-11-24 09:00", "--note", "slow", "--json")
        #expect(rate.status == 0, "\(rate)")
        #expect(rate.stderr == "")
        #expect(
            rate.stdout == """
                {
                  "activity_id" : 1,
                  "id" : 1,
                  "note" : "slow",
                  "rated_at" : "2026-11-24T09:00:00+00:00",
                  "score" : 4
                }

                """)
        let remove = try sandbox.run("psfs", "remove", "1", "--json")
        #expect(remove.status == 0, "\(remove)")
        #expect(remove.stderr == "")
        #expect(
            remove.stdout == """
                {
                  "activity" : "putting on socks",
                  "added_at" : "2026-11-20T09:00:00+00:00",
                  "id" : 1,
                  "retired_at" : "2026-11-25T12:00:00+00:00"
                }

                """)
        #expect(try sandbox.sql("SELECT retired_at IS NOT NULL FROM psfs_activities") == "1\n")
        // Asking at a terminal for each activity in turn prints no object: --json needs the id and score.
        let asking = try sandbox.run("psfs", "rate", "--json")
        #expect(asking.status == 64)
        #expect(asking.stdout == "")
    }

    @Test func planSetAndRemoveGiveThePlanItem() throws {
        try sandbox.change("plan", "set", "glute-bridge", "--sets", "3", "--reps", "10", "--per-week", "5")
        let set = try sandbox.run(
            "plan", "set", "side-plank", "--sets", "2", "--hold", "30", "--per-week", "3", "--order", "1", "--json")
        #expect(set.status == 0, "\(set)")
        #expect(set.stderr == "")
        #expect(
            set.stdout == """
                {
                  "changed" : true,
                  "order" : 1,
                  "plan_item" : {
                    "coming" : [

                    ],
                    "earlier" : [

                    ],
                    "exercise" : "side-plank",
                    "hold_seconds" : 30,
                    "per_week" : 3,
                    "reps" : null,
                    "sets" : 2,
                    "since" : "2026-11-25"
                  },
                  "previous_order" : null,
                  "replaced" : [

                  ]
                }

                """)
        // The plan as it stands: nothing changes, the sentence goes to standard error.
        let again = try sandbox.run(
            "plan", "set", "side-plank", "--sets", "2", "--hold", "30", "--per-week", "3", "--json")
        #expect(again.status == 0, "\(again)")
        let object = try self.object(again)
        #expect(object["changed"] as? Bool == false)
        #expect(object["order"] as? Int == 1)
        #expect(object["previous_order"] as? Int == 1)
        #expect(
            again.stderr
                == "The plan for side-plank was already 2 × 30 s hold, 3 sessions a week, from 2026-11-25; nothing changed.\n"
        )

        let remove = try sandbox.run("plan", "remove", "glute-bridge", "--json")
        #expect(remove.status == 0, "\(remove)")
        #expect(remove.stderr == "")
        #expect(
            remove.stdout == """
                {
                  "exercise" : "glute-bridge",
                  "removed" : {
                    "coming" : [

                    ],
                    "earlier" : [

                    ],
                    "exercise" : "glute-bridge",
                    "hold_seconds" : null,
                    "per_week" : 5,
                    "reps" : 10,
                    "sets" : 3,
                    "since" : "2026-11-25"
                  }
                }

                """)
        #expect(try sandbox.sql("SELECT exercise_id FROM plan WHERE removed = 0") == "side-plank\n")
        let absent = try sandbox.run("plan", "remove", "glute-bridge", "--json")
        #expect(absent.status == 0, "\(absent)")
        #expect(absent.stdout == "{\n  \"exercise\" : \"glute-bridge\",\n  \"removed\" : null\n}\n")
        #expect(absent.stderr == "glute-bridge was not in the plan.\n")
    }

    @Test func exercisesAddAndEditGiveTheExercise() throws {
        let add = try sandbox.run(
            "exercises", "add", "cat-cow", "--name", "Cat-cow", "--category", "stretch", "--how-to",
            "Arch, then round.",
            "--json")
        #expect(add.status == 0, "\(add)")
        #expect(add.stderr == "")
        #expect(
            add.stdout == """
                {
                  "archived" : false,
                  "category" : "stretch",
                  "custom" : true,
                  "how_to" : "Arch, then round.",
                  "how_to_source" : "yours",
                  "id" : "cat-cow",
                  "measure" : "reps",
                  "name" : "Cat-cow",
                  "per_side" : false
                }

                """)
        #expect(try sandbox.sql("SELECT name FROM exercises WHERE id = 'cat-cow'") == "Cat-cow\n")

        let edit = try sandbox.run("exercises", "edit", "cat-cow", "--name", "Cat and cow", "--json")
        #expect(edit.status == 0, "\(edit)")
        #expect(edit.stderr == "")
        let object = try self.object(edit)
        #expect(object.keys.sorted() == ["after", "before", "changed"])
        #expect(object["changed"] as? Bool == true)
        #expect((object["before"] as? [String: Any])?["name"] as? String == "Cat-cow")
        #expect((object["after"] as? [String: Any])?["name"] as? String == "Cat and cow")
        #expect((object["after"] as? [String: Any])?["how_to"] as? String == "Arch, then round.")
        #expect(try sandbox.sql("SELECT name FROM exercises WHERE id = 'cat-cow'") == "Cat and cow\n")

        let same = try sandbox.run("exercises", "edit", "cat-cow", "--name", "Cat and cow", "--json")
        #expect(same.status == 0, "\(same)")
        #expect(same.stderr == "cat-cow already had what you gave; nothing changed.\n")
        let unchanged = try self.object(same)
        #expect(unchanged["changed"] as? Bool == false)
        #expect((unchanged["after"] as? [String: Any])?["name"] as? String == "Cat and cow")
    }

    @Test func configSetAndUnsetGiveTheRegionInForce() throws {
        let set = try sandbox.run("config", "set", "region", "CA", "--json")
        #expect(set.status == 0, "\(set)")
        #expect(set.stderr == "")
        let object = try self.object(set)
        #expect(object.keys.sorted() == ["changed", "region"])
        #expect(object["changed"] as? Bool == true)
        let region = try #require(object["region"] as? [String: Any])
        #expect(region["region"] as? String == "CA")
        #expect(region["source"] as? String == "config")
        #expect(region["stored"] as? String == "CA")
        #expect(try sandbox.sql("SELECT value FROM settings WHERE name = 'region'") == "CA\n")

        let again = try sandbox.run("config", "set", "region", "CA", "--json")
        #expect(again.status == 0, "\(again)")
        #expect(try self.object(again)["changed"] as? Bool == false)
        #expect(again.stderr == "The region was already CA (Canada); nothing changed.\n")

        let unset = try sandbox.run("config", "unset", "region", "--json")
        #expect(unset.status == 0, "\(unset)")
        #expect(unset.stderr == "")
        let after = try self.object(unset)
        #expect(after["changed"] as? Bool == true)
        #expect((after["region"] as? [String: Any])?["region"] as? String == "GB")
        #expect((after["region"] as? [String: Any])?["source"] as? String == "locale")
        #expect(try sandbox.sql("SELECT quote(value) FROM settings WHERE name = 'region'") == "NULL\n")
    }

    @Test func backupGivesThePathOfTheCopy() throws {
        try sandbox.log("glute-bridge", "--pain-before", "4", "--pain-after", "3")
        let path = sandbox.directory + "/copy.sqlite3"
        let run = try sandbox.run("backup", path, "--json")
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout == "{\n  \"encrypted\" : false,\n  \"path\" : \"\(path)\"\n}\n")
        #expect(run.stderr == "Backed up the journal to \(path).\n")
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test func sessionGivesTheEntriesLoggedAndSkipped() throws {
        try sandbox.change("plan", "set", "glute-bridge", "--sets", "3", "--reps", "10", "--per-week", "7")
        try sandbox.change("plan", "set", "bird-dog", "--sets", "2", "--reps", "8", "--per-week", "7")
        let run = try sandbox.run("session", "--json", stdin: "3\n\n2\ns\n")
        #expect(run.status == 0, "\(run)")
        let object = try self.object(run)
        #expect(object.keys.sorted() == ["logged", "skipped"])
        #expect(object["skipped"] as? [String] == ["bird-dog"])
        let logged = try #require(object["logged"] as? [[String: Any]])
        #expect(logged.count == 1)
        #expect(
            logged.first?.keys.sorted() == ["entry", "findings", "hold", "hold_moved_earlier", "paused", "region"])
        let entry = try #require(logged.first?["entry"] as? [String: Any])
        #expect(entry["id"] as? Int == 1)
        #expect(entry["exercise"] as? String == "glute-bridge")
        #expect(entry["sets"] as? Int == 3)
        #expect(entry["reps"] as? Int == 10)
        #expect(entry["pain_before"] as? Int == 3)
        #expect(entry["pain_after"] as? Int == 2)
        // Messages stay on standard error; no "Logged" line mixes with the object.
        #expect(!run.stdout.contains("Logged #"))
        #expect(run.stderr.contains("Done 1, skipped 1: bird-dog."))
        #expect(try sandbox.entryCount() == 1)
    }

    /// A refused answer ends the session (64), and the object still names what was saved.
    @Test func sessionGivesItsObjectWhenARefusedAnswerEndsIt() throws {
        try sandbox.change("plan", "set", "glute-bridge", "--sets", "3", "--reps", "10", "--per-week", "7")
        try sandbox.change("plan", "set", "bird-dog", "--sets", "2", "--reps", "8", "--per-week", "7")
        let run = try sandbox.run("session", "--json", stdin: "3\n\n2\n11\n")
        #expect(run.status == 64, "\(run)")
        let object = try self.object(run)
        #expect((object["logged"] as? [[String: Any]])?.count == 1)
        #expect(run.stderr.contains("The session ends there: 1 entry saved, nothing after line 4."))
        #expect(try sandbox.entryCount() == 1)
    }
}
