import Foundation
import Testing

/// `journal undo` of plan, exercise and setting changes: what it says, its exit status, and the
/// journal afterwards, row for row as before the change.
@Suite struct UndoCommandTests {
    let sandbox = Sandbox()

    /// The rows plan, exercise and setting changes touch, and the entries' ids, as sqlite3 prints them.
    func state() throws -> String {
        try sandbox.sql(
            // A row taken away stays, flagged (docs/sync-ids.md, "Deletes and foreign keys"): left out.
            "SELECT 'plan', rowid, * FROM plan WHERE removed = 0 ORDER BY rowid; "
                + "SELECT 'exercise', rowid, * FROM exercises WHERE builtin = 0 AND NOT (archived = 1 "
                + "AND id NOT IN (SELECT exercise_id FROM entries)) ORDER BY rowid; "
                + "SELECT 'setting', rowid, * FROM settings WHERE value IS NOT NULL ORDER BY rowid; "
                + "SELECT 'entry', id FROM entries_with_ids ORDER BY id;")
    }

    /// A log and nine changes of the plan, your own exercise and the region, made at noon: ten undos at
    /// 12:02 reverse them newest first, each saying what it put back and leaving the journal as it was
    /// before that change; then there is nothing to undo.
    @Test func undoWalksBackThroughPlanExerciseAndSettingChanges() throws {
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T12:00:00Z"
        let changes: [[String]] = [
            ["log", "glute-bridge", "--pain-before", "4", "--pain-after", "3", "--at", "2026-11-25 09:00"],
            ["plan", "set", "glute-bridge", "--sets", "3", "--reps", "10", "--per-week", "5"],
            ["plan", "set", "glute-bridge", "--sets", "2", "--reps", "8", "--per-week", "3", "--since", "2026-11-20"],
            [
                "exercises", "add", "knee-to-chest", "--name", "Knee to chest", "--category", "stretch", "--how-to",
                "Lie on your back.",
            ],
            ["exercises", "edit", "knee-to-chest", "--name", "Knee hug", "--how-to", ""],
            ["plan", "set", "knee-to-chest", "--sets", "2", "--hold", "30", "--per-week", "3"],
            ["exercises", "remove", "knee-to-chest"],
            ["config", "set", "region", "GB"],
            ["config", "unset", "region"],
        ]
        var before: [String] = []
        for change in changes {
            before.append(try state())
            let made = try sandbox.run(change)
            #expect(made.status == 0, "\(change): \(made)")
        }
        let said = [
            "Put back region GB (undid config unset region, 2 minutes ago).\n" + Self.regionSet,
            "Unset region again (undid config set region GB, 2 minutes ago).\n" + Self.regionFromLocale,
            "Put back your exercise knee-to-chest, Knee hug, and its plan: 2 × 30 s hold, 3 sessions a week, "
                + "from 2026-11-25 (undid exercises remove knee-to-chest, 2 minutes ago).",
            "Took knee-to-chest off the plan again (undid plan set knee-to-chest, 2 minutes ago).",
            "Put back your exercise knee-to-chest, Knee to chest (undid exercises edit knee-to-chest, 2 minutes ago): "
                + "name Knee to chest (the edit had Knee hug); its how-to back (the edit had removed it).",
            "Removed your exercise knee-to-chest again (undid exercises add knee-to-chest, 2 minutes ago).",
            "Put back the plan for glute-bridge: 3 × 10 reps, 5 sessions a week, from 2026-11-25 "
                + "(undid plan set glute-bridge, 2 minutes ago).",
            "Took glute-bridge off the plan again (undid plan set glute-bridge, 2 minutes ago).",
            "Removed #1 glute-bridge (1 set, pain 4 → 3, at 2026-11-25 09:00), logged 2 minutes ago.",
        ]
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T12:02:00Z"
        for (message, state) in zip(said, before.reversed()) {
            let undo = try sandbox.run("undo")
            #expect(undo.status == 0, "\(undo)")
            #expect(undo.stdout == message + "\n")
            #expect(undo.stderr == "")
            #expect(try self.state() == state)
        }
        #expect(try sandbox.run("undo").stderr == "Nothing to undo.\n")
        #expect(try sandbox.run("exercises", "show", "knee-to-chest").status == 64)
    }

    @Test func undoPutsBackAPlanRemovedAndARegionReplaced() throws {
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T12:00:00Z"
        for change in [
            ["plan", "set", "bird-dog", "--sets", "1", "--reps", "5", "--hold", "5", "--per-week", "1"],
            ["plan", "set", "glute-bridge", "--sets", "3", "--reps", "10", "--per-week", "5", "--order", "1"],
        ] {
            #expect(try sandbox.run(change).status == 0)
        }
        let planned = try state()
        #expect(try sandbox.run("plan", "remove", "bird-dog").stdout == "Took bird-dog off the plan.\n")
        #expect(try sandbox.run("config", "set", "region", "GB").status == 0)
        let british = try state()
        #expect(try sandbox.run("config", "set", "region", "IE").status == 0)
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T15:00:00Z"
        let region = try sandbox.run("undo")
        #expect(region.stdout == "Put back region GB (undid config set region IE, 3 hours ago).\n\(Self.regionSet)\n")
        #expect(try state() == british)
        #expect(try sandbox.run("undo").status == 0)
        let plan = try sandbox.run("undo")
        #expect(
            plan.stdout
                == "Put back the plan for bird-dog: 1 × 5 reps, 5 s hold, 1 session a week, from 2026-11-25 "
                + "(undid plan remove bird-dog, 3 hours ago).\n")
        #expect(try state() == planned)
        #expect(try sandbox.sql("SELECT exercise_id FROM plan ORDER BY position") == "glute-bridge\nbird-dog\n")
    }

    /// What `config set region GB` and `config unset region` say of the region in force, in the
    /// sandbox's locale (LANG=en_GB.UTF-8); undo of a region change says the same.
    static let regionSet = "Region now: United Kingdom (GB), set with `journal config set region GB`."
    static let regionFromLocale =
        "Region now: United Kingdom (GB), from the locale (LANG=en_GB.UTF-8);\n`journal config set region CODE` sets another."

    /// Undo of a region change says the region now in force as `config unset` does, and, as
    /// `config set` does, that `JOURNAL_REGION` overrides what it put back.
    @Test func undoOfARegionChangeSaysTheRegionNowInForce() throws {
        #expect(try sandbox.run("config", "set", "region", "GB").status == 0)
        #expect(try sandbox.run("config", "set", "region", "IE").status == 0)
        sandbox.environment["JOURNAL_REGION"] = "CA"
        let undo = try sandbox.run("undo")
        #expect(undo.status == 0, "\(undo)")
        #expect(
            undo.stdout
                == "Put back region GB (undid config set region IE, just now).\n"
                + "Region now: Canada (CA), from JOURNAL_REGION=CA, which overrides the journal's\nsetting (GB).\n")
        #expect(undo.stderr == "journal: JOURNAL_REGION=CA is set and overrides it while it is.\n")
        sandbox.environment["JOURNAL_REGION"] = nil
        let unset = try sandbox.run("undo")
        #expect(
            unset.stdout == "Unset region again (undid config set region GB, just now).\n\(Self.regionFromLocale)\n")
        #expect(unset.stderr == "")
    }

    /// A region set to what it was, a plan set as it stands and an exercise edit that changes nothing
    /// say that nothing changed and record nothing: undo then reverses the change before them.
    @Test func aChangeThatChangesNothingIsNotRecorded() throws {
        for change in [
            ["config", "set", "region", "GB"],
            ["plan", "set", "glute-bridge", "--sets", "3", "--reps", "10", "--per-week", "5"],
            ["exercises", "add", "knee-to-chest", "--name", "Knee to chest", "--category", "stretch"],
        ] {
            #expect(try sandbox.run(change).status == 0)
        }
        let before = try state()
        let changes = try sandbox.sql("SELECT count(*) FROM changes")
        for (change, said) in [
            (["config", "set", "region", "GB"], "The region was already GB (United Kingdom); nothing changed.\n"),
            (
                ["plan", "set", "glute-bridge", "--sets", "3", "--reps", "10", "--per-week", "5"],
                "The plan for glute-bridge was already 3 × 10 reps, 5 sessions a week, from 2026-11-25; "
                    + "nothing changed.\n"
            ),
            (
                ["exercises", "edit", "knee-to-chest", "--name", "Knee to chest", "--no-sides"],
                "knee-to-chest already had what you gave; nothing changed.\n"
            ),
        ] {
            let run = try sandbox.run(change)
            #expect(run.status == 0, "\(run)")
            #expect(run.stdout == said)
            #expect(try state() == before)
            #expect(try sandbox.sql("SELECT count(*) FROM changes") == changes)
        }
        // Moved in the plan's order, the same plan is a change.
        #expect(try sandbox.run("plan", "set", "bird-dog", "--sets", "1", "--reps", "5", "--per-week", "3").status == 0)
        #expect(
            try sandbox.run("plan", "set", "bird-dog", "--sets", "1", "--reps", "5", "--per-week", "3", "--order", "1")
                .stdout
                == "The plan for bird-dog stays 1 × 5 reps, 3 sessions a week, from 2026-11-25; order 1 (was 2).\n")
        #expect(try sandbox.sql("SELECT exercise_id FROM plan ORDER BY position") == "bird-dog\nglute-bridge\n")
        #expect(try sandbox.run("undo").stdout.hasPrefix("Put back the plan for bird-dog: "))
        #expect(try sandbox.run("undo").stdout.hasPrefix("Took bird-dog off the plan again "))
        #expect(try sandbox.run("undo").stdout.hasPrefix("Removed your exercise knee-to-chest again "))
    }

    /// `journal undo --json`: what was undone, and "nothing to undo" as a value too.
    @Test func undoJSONSaysWhatWasUndone() throws {
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T12:00:00Z"
        try sandbox.log("glute-bridge", "--pain-before", "4", "--pain-after", "3", "--at", "2026-11-25 09:00")
        #expect(try sandbox.run("plan", "set", "bird-dog", "--sets", "1", "--reps", "5", "--per-week", "3").status == 0)
        #expect(try sandbox.run("config", "set", "region", "GB").status == 0)
        let setting = try sandbox.run("undo", "--json")
        #expect(setting.status == 0, "\(setting)")
        #expect(
            setting.stdout == """
                {
                  "checkin_ids" : [

                  ],
                  "checkins" : [

                  ],
                  "detail" : "config set region GB",
                  "entries" : [

                  ],
                  "entry_ids" : [

                  ],
                  "exercise" : null,
                  "exercise_ids" : [

                  ],
                  "exercises" : [

                  ],
                  "holds" : [

                  ],
                  "holds_lifted" : [

                  ],
                  "kind" : "config",
                  "made_at" : "2026-11-25T12:00:00+00:00",
                  "message" : "Unset region again (undid config set region GB, just now).",
                  "plan_exercise_ids" : [

                  ],
                  "plan_items" : [

                  ],
                  "psfs_activities" : [

                  ],
                  "psfs_activity_ids" : [

                  ],
                  "psfs_rating_ids" : [

                  ],
                  "psfs_ratings" : [

                  ],
                  "red_flag_review_ids" : [

                  ],
                  "red_flags_begun" : [

                  ],
                  "red_flags_lifted" : [

                  ],
                  "region" : {
                    "explanation" : "United Kingdom (GB), from the locale (LANG=en_GB.UTF-8); `journal config set region CODE` sets another.",
                    "locale" : "LANG=en_GB.UTF-8",
                    "name" : "United Kingdom",
                    "region" : "GB",
                    "source" : "locale",
                    "stored" : null
                  },
                  "removed_checkin" : null,
                  "removed_entry" : null,
                  "replaced_checkins" : [

                  ],
                  "replaced_entries" : [

                  ],
                  "replaced_exercises" : [

                  ],
                  "replaced_region" : "GB",
                  "review_ids" : [

                  ],
                  "reviewed_exercises" : [

                  ],
                  "setting" : "region",
                  "setting_names" : [
                    "region"
                  ],
                  "standing" : {
                    "findings" : [

                    ],
                    "holds" : [

                    ],
                    "red_flags_seen" : null,
                    "region" : "GB",
                    "reminders" : [

                    ]
                  },
                  "stopped" : false,
                  "undone" : true
                }

                """)
        let plan = try sandbox.run("undo", "--json")
        #expect(plan.stdout.contains("\"kind\" : \"plan\""))
        #expect(plan.stdout.contains("\"exercise\" : \"bird-dog\""))
        let log = try sandbox.run("undo", "--json")
        #expect(log.stdout.contains("\"entry_ids\" : [\n    1\n  ]"))
        #expect(
            log.stdout.contains(
                "\"message\" : \"Removed #1 glute-bridge (1 set, pain 4 → 3, at 2026-11-25 09:00), logged just now.\""))
        let nothing = try sandbox.run("undo", "--json")
        #expect(nothing.status == 0)
        #expect(nothing.stderr == "")
        #expect(nothing.stdout.contains("\"message\" : \"Nothing to undo.\""))
        #expect(nothing.stdout.contains("\"undone\" : false"))
        #expect(nothing.stdout.contains("\"kind\" : null"))
    }

    /// A plan, exercise or setting change that a journal from before v15 recorded kept nothing to put
    /// back: undo stops at it, says how to change it back by hand, exits 65, and never reaches past
    /// it to the log before it.
    @Test(arguments: [
        (
            "plan", "plan set glute-bridge",
            "set the plan again with `journal plan set EXERCISE …`, or `journal plan remove EXERCISE`"
        ),
        ("exercise", "exercises add knee-to-chest", "remove it with `journal exercises remove knee-to-chest`"),
        ("exercise", "exercises edit knee-to-chest", "change it with `journal exercises edit ID …`, `add` or `remove`"),
        (
            "config", "config set region GB",
            "set it again with `journal config set NAME VALUE`, or `journal config unset NAME`"
        ),
    ])
    func undoStopsAtAChangeThatKeptNothing(kind: String, detail: String, byHand: String) throws {
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T12:00:00Z"
        _ = try sandbox.log("glute-bridge", "--pain-before", "4", "--pain-after", "3", "--at", "2026-11-25 09:00")
        // As journal recorded such a change before it kept what the change replaced.
        _ = try sandbox.sql(
            "INSERT INTO changes (kind, made_at, detail) VALUES ('\(kind)', 1795608000, '\(detail)')")
        let before = try state()
        for _ in 0..<2 {
            let undo = try sandbox.run("undo")
            #expect(undo.status == 65, "\(undo)")
            #expect(
                undo.stderr
                    == "The latest change, \(detail) on 2026-11-25 12:00 (UTC+00:00), cannot be undone: "
                    + "\(byHand); nothing was undone.\n")
            #expect(undo.stdout == "")
            #expect(try state() == before)
        }
    }

    /// `undo --json` names the records it removed or put back for every kind of change, in the list
    /// for their kind (the others `[]`): a log, a resume, a check-in, a resume of red flags, a check-in
    /// edit, a PSFS add, rating and removal, a plan set, an exercise added and a setting set.
    @Test func undoJSONNamesTheRecordsOfEveryKind() throws {
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T12:00:00Z"
        for change in [
            ["log", "bird-dog", "--pain-before", "3", "--pain-after", "4", "--at", "2026-11-24 08:00"],
            ["resume", "bird-dog", "--note", "lighter"],
            ["checkin", "--pain", "4", "--red-flag", "fever", "--at", "2026-11-24 09:00"],
            ["resume", "--red-flags"],
            ["checkins", "edit", "1", "--pain", "3"],
            ["psfs", "add", "putting on socks", "--at", "2026-11-20 09:00"],
            ["psfs", "rate", "1", "5", "--at", "2026-11-21 09:00"],
            ["psfs", "remove", "1"],
        ] {
            let made = try sandbox.run(change)
            #expect(made.status == 0, "\(change): \(made)")
        }
        for (kind, key, ids) in [
            ("psfs-remove", "psfs_activity_ids", [1]), ("psfs-rate", "psfs_rating_ids", [1]),
            ("psfs-add", "psfs_activity_ids", [1]), ("checkin-edit", "checkin_ids", [1]),
            ("resume", "red_flag_review_ids", [1]), ("checkin", "checkin_ids", [1]), ("resume", "review_ids", [1]),
            ("log", "entry_ids", [1]),
        ] {
            let undo = try sandbox.run("undo", "--json")
            #expect(undo.status == 0, "\(undo)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(undo.stdout.utf8)) as? [String: Any])
            #expect(json["kind"] as? String == kind)
            for other in [
                "entry_ids", "checkin_ids", "review_ids", "red_flag_review_ids", "psfs_activity_ids", "psfs_rating_ids",
            ] {
                #expect(json[other] as? [Int] == (other == key ? ids : []), "\(kind) \(other): \(undo.stdout)")
            }
        }
        for change in [
            ["exercises", "add", "cat-cow", "--name", "Cat-cow", "--category", "stretch"],
            ["plan", "set", "cat-cow", "--sets", "1", "--reps", "5", "--per-week", "3"],
            ["config", "set", "region", "GB"],
        ] {
            let made = try sandbox.run(change)
            #expect(made.status == 0, "\(change): \(made)")
        }
        for (kind, key, names) in [
            ("config", "setting_names", ["region"]), ("plan", "plan_exercise_ids", ["cat-cow"]),
            ("exercise", "exercise_ids", ["cat-cow"]),
        ] {
            let undo = try sandbox.run("undo", "--json")
            #expect(undo.status == 0, "\(undo)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(undo.stdout.utf8)) as? [String: Any])
            #expect(json["kind"] as? String == kind)
            for other in ["exercise_ids", "plan_exercise_ids", "setting_names"] {
                #expect(json[other] as? [String] == (other == key ? names : []), "\(kind) \(other): \(undo.stdout)")
            }
        }
    }

    /// `undo --json` at a change it cannot undo still prints its object on stdout, `stopped` true and
    /// `undone` false, naming the change, beside the sentence on stderr and exit 65; nothing changes.
    @Test func undoJSONAtAChangeThatKeptNothingSaysItStopped() throws {
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T12:00:00Z"
        _ = try sandbox.log("glute-bridge", "--pain-before", "4", "--pain-after", "3", "--at", "2026-11-25 09:00")
        // As journal recorded such a change before it kept what the change replaced.
        _ = try sandbox.sql(
            "INSERT INTO changes (kind, made_at, detail) VALUES ('plan', 1795608000, 'plan set glute-bridge')")
        let before = try state()
        let sentence =
            "The latest change, plan set glute-bridge on 2026-11-25 12:00 (UTC+00:00), cannot be undone: "
            + "set the plan again with `journal plan set EXERCISE …`, or `journal plan remove EXERCISE`; "
            + "nothing was undone."
        let undo = try sandbox.run("undo", "--json")
        #expect(undo.status == 65, "\(undo)")
        #expect(undo.stderr == sentence + "\n")
        #expect(
            undo.stdout == """
                {
                  "checkin_ids" : [

                  ],
                  "checkins" : [

                  ],
                  "detail" : "plan set glute-bridge",
                  "entries" : [

                  ],
                  "entry_ids" : [

                  ],
                  "exercise" : null,
                  "exercise_ids" : [

                  ],
                  "exercises" : [

                  ],
                  "holds" : [

                  ],
                  "holds_lifted" : [

                  ],
                  "kind" : "plan",
                  "made_at" : "2026-11-25T12:00:00+00:00",
                  "message" : "\(sentence)",
                  "plan_exercise_ids" : [

                  ],
                  "plan_items" : [

                  ],
                  "psfs_activities" : [

                  ],
                  "psfs_activity_ids" : [

                  ],
                  "psfs_rating_ids" : [

                  ],
                  "psfs_ratings" : [

                  ],
                  "red_flag_review_ids" : [

                  ],
                  "red_flags_begun" : [

                  ],
                  "red_flags_lifted" : [

                  ],
                  "region" : null,
                  "removed_checkin" : null,
                  "removed_entry" : null,
                  "replaced_checkins" : [

                  ],
                  "replaced_entries" : [

                  ],
                  "replaced_exercises" : [

                  ],
                  "replaced_region" : null,
                  "review_ids" : [

                  ],
                  "reviewed_exercises" : [

                  ],
                  "setting" : null,
                  "setting_names" : [

                  ],
                  "standing" : null,
                  "stopped" : true,
                  "undone" : false
                }

                """)
        #expect(try state() == before)
        let plain = try sandbox.run("undo")
        #expect(plain.stdout == "")
        #expect(plain.stderr == sentence + "\n")
    }

    /// An entry written behind the change log's back uses an exercise just added: undo refuses to
    /// remove the exercise, says why and what to do, exits 65, and changes nothing.
    @Test func undoWillNotRemoveAnAddedExerciseThatEntriesUse() throws {
        #expect(
            try sandbox.run("exercises", "add", "knee-to-chest", "--name", "Knee to chest", "--category", "stretch")
                .status == 0)
        _ = try sandbox.sql(
            "INSERT INTO entries (uid, exercise_id, performed_at, utc_offset, sets, hold_seconds, pain_before, "
                + "pain_after, created_at, recorded) VALUES ('\(RecordSQL.uid(1))', 'knee-to-chest', 1795600000, 0, 1, "
                + "20, 3, 3, 1795600000, \(RecordSQL.latestReading))")
        let before = try state()
        let undo = try sandbox.run("undo")
        #expect(undo.status == 65)
        #expect(
            undo.stderr
                == "journal: 1 entry uses knee-to-chest, so undo cannot take back adding it (nothing was undone). "
                + "`journal exercises remove knee-to-chest --force` archives it, keeping its entries.\n")
        #expect(try state() == before)
    }

    /// The rows a table holds live: one taken away stays, flagged (docs/sync-ids.md), and is left out.
    static let live = [
        "plan": "removed = 0", "plan_history": "removed = 0", "settings": "value IS NOT NULL",
        "exercises": "NOT (archived = 1 AND id NOT IN (SELECT exercise_id FROM entries))",
    ]

    /// Every row of every table the person's journal holds, rowid first where the table has one, as
    /// sqlite3 prints them; but the undo history (`changes`, `change_*`) and `sqlite_sequence`, whose
    /// counters undo leaves where the import took them, so that no id is given twice, and the clock
    /// (`replica_clocks`), which only moves on, as the counters do.
    func everyRow() throws -> String {
        let tables = try sandbox.sql(
            "SELECT name || ' ' || (sql LIKE '%WITHOUT ROWID%') FROM sqlite_master WHERE type = 'table' "
                + "AND name NOT LIKE 'change%' AND name NOT IN ('sqlite_sequence', 'replica_clocks') ORDER BY name")
        var query = ""
        for line in tables.split(separator: "\n") {
            let parts = line.split(separator: " ")
            let name = parts[0]
            query +=
                parts[1] == "1"
                ? "SELECT '\(name)', * FROM \(name) WHERE \(Self.live[String(name)] ?? "1") ORDER BY 1, 2, 3; "
                : "SELECT '\(name)', rowid, * FROM \(name) WHERE \(Self.live[String(name)] ?? "1") ORDER BY rowid; "
        }
        return try sandbox.sql(query)
    }

    /// A full export of a journal with something of every kind, imported into a journal that has
    /// the same exercise of your own and region, and a plan item of its own: undo says what it
    /// removed, exits 0, and leaves every row of the journal as it was before the import.
    @Test func undoOfAFullImportLeavesTheJournalAsItWas() throws {
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T12:00:00Z"
        let squat = ["exercises", "add", "wall-squat", "--name", "Wall squat", "--category", "stability"]
        for change in [
            squat, ["exercises", "add", "cat-cow", "--name", "Cat-cow", "--category", "stretch", "--hold"],
            [
                "log", "wall-squat", "--pain-before", "4", "--pain-after", "3", "--reps", "10", "--at",
                "2026-11-24 09:00",
            ],
            ["log", "cat-cow", "--pain-before", "3", "--pain-after", "3", "--hold", "20", "--at", "2026-11-24 09:10"],
            ["plan", "set", "wall-squat", "--sets", "2", "--reps", "8", "--per-week", "3", "--since", "2026-11-01"],
            ["plan", "set", "cat-cow", "--sets", "1", "--hold", "20", "--per-week", "7", "--since", "2026-11-01"],
            ["psfs", "add", "putting on socks", "--at", "2026-11-20 09:00"],
            ["psfs", "rate", "1", "5", "--at", "2026-11-21 09:00"],
            ["config", "set", "region", "IE"],
        ] {
            let made = try sandbox.run(change)
            #expect(made.status == 0, "\(change): \(made)")
        }
        _ = try sandbox.run("checkin", "--pain", "4", "--red-flag", "fever", "--at", "2026-11-24 08:00")
        #expect(try sandbox.run("resume", "--red-flags").status == 0)
        let file = sandbox.directory + "/all.json"
        #expect(try sandbox.run("export", "--all", "--output", file).status == 0)

        sandbox.environment["JOURNAL_DB"] = sandbox.directory + "/target.sqlite3"
        for change in [
            squat, ["plan", "set", "bird-dog", "--sets", "1", "--reps", "5", "--per-week", "2"],
            ["config", "set", "region", "IE"],
        ] {
            let made = try sandbox.run(change)
            #expect(made.status == 0, "\(change): \(made)")
        }
        let before = try everyRow()
        let imported = try sandbox.run("import", file)
        #expect(imported.status == 0, "\(imported)")
        #expect(
            imported.stdout
                == "Restored 2 entries, 1 check-in, 0 reviews, 1 exercise of your own, 2 plan items and 1 PSFS "
                + "activity with 1 rating; 1 record that a doctor saw the red flags.\n")
        #expect(try everyRow() != before)
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T12:05:00Z"
        let undo = try sandbox.run("undo", "--json")
        #expect(undo.status == 0, "\(undo)")
        #expect(undo.stderr == "")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(undo.stdout.utf8)) as? [String: Any])
        #expect(
            json["message"] as? String
                == "Undid the import of 2026-11-25 12:00 (UTC+00:00): removed 2 imported entries, removed 1 imported "
                + "check-in, removed 1 imported PSFS activity and 1 rating, removed 1 imported record that a doctor "
                + "saw the red flags, removed 1 imported exercise of your own, removed 2 imported plan items.")
        // Every record it removed, by kind; the region it set was there before, so no setting is unset.
        #expect(json["entry_ids"] as? [Int] == [1, 2])
        #expect(json["checkin_ids"] as? [Int] == [1])
        #expect(json["review_ids"] as? [Int] == [])
        #expect(json["red_flag_review_ids"] as? [Int] == [1])
        #expect(json["psfs_activity_ids"] as? [Int] == [1])
        #expect(json["psfs_rating_ids"] as? [Int] == [1])
        #expect(json["exercise_ids"] as? [String] == ["cat-cow"])
        #expect(json["plan_exercise_ids"] as? [String] == ["cat-cow", "wall-squat"])
        #expect(json["setting_names"] as? [String] == [])
        #expect(try everyRow() == before)
        #expect(try sandbox.sql("SELECT exercise_id FROM plan WHERE removed = 0 ORDER BY position") == "bird-dog\n")
    }

    /// A full import of an export that carried a region, into a journal with none: undo says it unset
    /// the imported region and, as `config unset region` does, the region now in force; `--json`
    /// carries both, as `replaced_region` and `region` (issue #26).
    @Test func undoOfAFullImportSaysTheRegionItUnsetAndTheRegionNow() throws {
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T12:00:00Z"
        try sandbox.change("config", "set", "region", "IE")
        try sandbox.change("log", "glute-bridge", "--pain-before", "4", "--pain-after", "3", "--at", "2026-11-25 09:00")
        let file = sandbox.directory + "/all.json"
        try sandbox.change("export", "--all", "--output", file)
        sandbox.environment["JOURNAL_DB"] = sandbox.directory + "/target.sqlite3"
        try sandbox.change("import", file)
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T12:05:00Z"
        let undo = try sandbox.run("undo")
        #expect(undo.status == 0, "\(undo)")
        #expect(
            undo.stdout
                == "Undid the import of 2026-11-25 12:00 (UTC+00:00): removed 1 imported entry, unset the imported "
                + "region IE.\n\(Self.regionFromLocale)\n")
        #expect(undo.stderr == "")
        #expect(try sandbox.sql("SELECT count(*) FROM settings WHERE value IS NOT NULL") == "0\n")

        try sandbox.change("import", file)
        let json = try sandbox.run("undo", "--json")
        #expect(json.status == 0, "\(json)")
        #expect(json.stderr == "")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(
            object["message"] as? String
                == "Undid the import of 2026-11-25 12:05 (UTC+00:00): removed 1 imported entry, unset the imported "
                + "region IE.")
        #expect(object["replaced_region"] as? String == "IE")
        #expect(object["setting_names"] as? [String] == ["region"])
        let region = try #require(object["region"] as? [String: Any])
        #expect(region["region"] as? String == "GB")
        #expect(region["source"] as? String == "locale")
        #expect(region["stored"] is NSNull)
        #expect(
            region["explanation"] as? String
                == "United Kingdom (GB), from the locale (LANG=en_GB.UTF-8); `journal config set region CODE` sets "
                + "another.")
    }
}
