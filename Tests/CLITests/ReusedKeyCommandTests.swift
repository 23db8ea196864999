import Foundation
import Testing

/// Issue #28, docs/sync-ids.md "Deletes and foreign keys: the rule": a row keyed by what people type
/// (a plan item, a setting, an exercise of one's own, a check-in's red flag) is never deleted, so
/// that taking it away and giving it again writes the same key: the store keeps one row, flagged
/// (`removed`, `value` NULL, `archived`, `present`), and a journal that syncs records an update,
/// never a deleted key that could not be written again.
@Suite struct ReusedKeyCommandTests {
    let sandbox = Sandbox()

    /// Runs each command on `device`, each required to succeed.
    static func succeed(_ device: Sandbox, _ commands: [[String]]) throws {
        for command in commands {
            let run = try device.run(command)
            try #require(run.status == 0, "\(command): \(run)")
        }
    }

    static let planSet = ["plan", "set", "glute-bridge", "--sets", "3", "--reps", "10", "--per-week", "3"]

    @Test func aPlanItemRemovedThenSetAgainIsOneRow() throws {
        try Self.succeed(sandbox, [Self.planSet])
        let planned = try sandbox.run("plan")
        let history = "SELECT exercise_id, sets, reps, per_week, since, removed FROM plan"
        #expect(try sandbox.sql(history) == "glute-bridge|3|10|3|2026-11-25|0\n")

        try Self.succeed(sandbox, [["plan", "remove", "glute-bridge"]])
        #expect(try sandbox.sql(history) == "glute-bridge|3|10|3|2026-11-25|1\n")
        let empty = try sandbox.run("plan")
        #expect(!empty.stdout.contains("glute-bridge"), "\(empty)")

        // Undo of the removal puts the same row back, flag and all.
        let undo = try sandbox.run("undo")
        #expect(undo.status == 0, "\(undo)")
        #expect(try sandbox.sql(history) == "glute-bridge|3|10|3|2026-11-25|0\n")
        #expect(try sandbox.run("plan").stdout == planned.stdout)

        try Self.succeed(sandbox, [["plan", "remove", "glute-bridge"], Self.planSet])
        #expect(try sandbox.sql(history) == "glute-bridge|3|10|3|2026-11-25|0\n")
        #expect(try sandbox.run("plan").stdout == planned.stdout)
        // Undo of the plan set that brought it back flags it off again.
        #expect(try sandbox.run("undo").status == 0)
        #expect(try sandbox.sql(history) == "glute-bridge|3|10|3|2026-11-25|1\n")
        #expect(try sandbox.run("plan").stdout == empty.stdout)
    }

    @Test func earlierDosesOfAPlanItemRemovedAreFlaggedNotDeleted() throws {
        try Self.succeed(
            sandbox,
            [
                [
                    "plan", "set", "glute-bridge", "--sets", "2", "--reps", "10", "--per-week", "3", "--since",
                    "2026-11-20",
                ],
                [
                    "plan", "set", "glute-bridge", "--sets", "3", "--reps", "12", "--per-week", "3", "--since",
                    "2026-11-24",
                ],
            ])
        let rows = "SELECT since, sets, removed FROM plan_history ORDER BY since"
        #expect(try sandbox.sql(rows) == "2026-11-20|2|0\n")
        try Self.succeed(sandbox, [["plan", "remove", "glute-bridge"]])
        #expect(try sandbox.sql(rows) == "2026-11-20|2|1\n")
        #expect(try sandbox.run("undo").status == 0)
        #expect(try sandbox.sql(rows) == "2026-11-20|2|0\n")
        try Self.succeed(sandbox, [["plan", "remove", "glute-bridge"], Self.planSet])
        // Set afresh: no earlier dose in force, the old one's row still there, removed.
        #expect(try sandbox.sql(rows) == "2026-11-20|2|1\n")
        #expect(try sandbox.sql("SELECT count(*) FROM plan") == "1\n")
    }

    @Test func aSettingUnsetThenSetAgainIsOneRow() throws {
        try Self.succeed(sandbox, [["config", "set", "region", "IE"]])
        let got = try sandbox.run("config", "get", "region")
        let row = "SELECT name, quote(value) FROM settings"
        try Self.succeed(sandbox, [["config", "unset", "region"]])
        #expect(try sandbox.sql(row) == "region|NULL\n")
        let unset = try sandbox.run("config", "get", "region")
        #expect(try sandbox.run("undo").status == 0)
        #expect(try sandbox.sql(row) == "region|'IE'\n")
        #expect(try sandbox.run("config", "get", "region").stdout == got.stdout)

        try Self.succeed(sandbox, [["config", "unset", "region"], ["config", "set", "region", "GB"]])
        #expect(try sandbox.sql(row) == "region|'GB'\n")
        // Undo of the set puts back the unset: NULL, and `config get` says so as it did.
        #expect(try sandbox.run("undo").status == 0)
        #expect(try sandbox.sql(row) == "region|NULL\n")
        let again = try sandbox.run("config", "get", "region")
        #expect(again.stdout == unset.stdout && again.status == unset.status, "\(again)")
    }

    @Test func anExerciseRemovedThenAddedAgainIsOneRowWithTheNewValues() throws {
        let listed = try sandbox.run("exercises", "list")
        try Self.succeed(
            sandbox,
            [
                ["exercises", "add", "cat-cow", "--name", "Cat cow", "--category", "stretch"],
                ["plan", "set", "cat-cow", "--sets", "1", "--reps", "10", "--per-week", "3"],
            ])
        let added = try sandbox.run("exercises", "list")
        let row = "SELECT id, name, category, measure, archived FROM exercises WHERE builtin = 0"
        let remove = try sandbox.run("exercises", "remove", "cat-cow")
        #expect(remove.status == 0, "\(remove)")
        #expect(remove.stdout.hasPrefix("Removed cat-cow"), "\(remove)")
        // The row stays, archived, and reads as gone.
        #expect(try sandbox.sql(row) == "cat-cow|Cat cow|stretch|reps|1\n")
        #expect(try sandbox.sql("SELECT removed FROM plan WHERE exercise_id = 'cat-cow'") == "1\n")
        #expect(try sandbox.run("exercises", "list").stdout == listed.stdout)
        let show = try sandbox.run("exercises", "show", "cat-cow")
        #expect(show.status == 64 && show.stderr.hasPrefix("journal: unknown exercise \"cat-cow\""), "\(show)")
        let log = try sandbox.run("log", "cat-cow", "--pain-before", "2", "--pain-after", "2")
        #expect(log.status == 64 && log.stderr.hasPrefix("journal: unknown exercise \"cat-cow\""), "\(log)")
        // Its name is free again, as it was when the row was deleted.
        let remove2 = try sandbox.run("exercises", "remove", "cat-cow")
        #expect(remove2.status == 64 && remove2.stderr.hasPrefix("journal: unknown exercise"), "\(remove2)")

        // Undo brings it back as it was, on the plan.
        #expect(try sandbox.run("undo").status == 0)
        #expect(try sandbox.sql(row) == "cat-cow|Cat cow|stretch|reps|0\n")
        #expect(try sandbox.sql("SELECT removed FROM plan WHERE exercise_id = 'cat-cow'") == "0\n")
        #expect(try sandbox.run("exercises", "list").stdout == added.stdout)

        // Removed, then added with new values: the same row, with them.
        try Self.succeed(
            sandbox,
            [
                ["exercises", "remove", "cat-cow"],
                ["exercises", "add", "cat-cow", "--name", "Cat and camel", "--category", "stability", "--hold"],
            ])
        #expect(try sandbox.sql(row) == "cat-cow|Cat and camel|stability|hold|0\n")
        #expect(try sandbox.sql("SELECT removed FROM plan WHERE exercise_id = 'cat-cow'") == "1\n")
        #expect(
            try sandbox.run("log", "cat-cow", "--pain-before", "2", "--pain-after", "2", "--hold", "20").status == 0)
        #expect(try sandbox.run("undo").status == 0)
        // Undo of that add takes it away again: archived, gone from the lists.
        #expect(try sandbox.run("undo").status == 0)
        #expect(try sandbox.sql(row) == "cat-cow|Cat cow|stretch|reps|1\n")
        #expect(try sandbox.run("exercises", "list").stdout == listed.stdout)
    }

    @Test func aRedFlagTakenOffThenPutBackIsOneRow() throws {
        try Self.succeed(sandbox, [["checkin", "--pain", "3", "--red-flag", "fever", "--at", "2026-11-25 09:00"]])
        let checked = try sandbox.run("check")
        let flags = "SELECT red_flag, present FROM checkin_red_flags ORDER BY red_flag"
        try Self.succeed(sandbox, [["checkins", "edit", "1", "--no-red-flags"]])
        #expect(try sandbox.sql(flags) == "fever|0\n")
        let lifted = try sandbox.run("check")
        #expect(try sandbox.run("undo").status == 0)
        #expect(try sandbox.sql(flags) == "fever|1\n")
        #expect(try sandbox.run("check").stdout == checked.stdout)

        try Self.succeed(
            sandbox, [["checkins", "edit", "1", "--no-red-flags"], ["checkins", "edit", "1", "--red-flag", "fever"]])
        #expect(try sandbox.sql(flags) == "fever|1\n")
        #expect(try sandbox.run("check").stdout == checked.stdout)
        // A flag the edit added and undo took off again stays, not present.
        try Self.succeed(sandbox, [["checkins", "edit", "1", "--red-flag", "fever", "--red-flag", "one-leg"]])
        #expect(try sandbox.sql(flags) == "fever|1\none-leg|1\n")
        #expect(try sandbox.run("undo").status == 0)
        #expect(try sandbox.sql(flags) == "fever|1\none-leg|0\n")
        #expect(try sandbox.run("check").stdout == checked.stdout)
        #expect(try sandbox.run("undo").status == 0)
        #expect(try sandbox.sql(flags) == "fever|0\none-leg|0\n")
        #expect(try sandbox.run("check").stdout == lifted.stdout)
    }

    /// The reproduction of the issue: each of these was refused (exit 74, a deleted row) once the journal synced.
    ///
    /// Now every one succeeds, everything is sent, and a second device sees one row.
    @Test func eachRemovedKeyCanBeWrittenAgainWhileTheJournalSyncs() throws {
        let devices = try SyncCommandTests.Devices()
        let device = devices[0]
        try devices.join(0)
        try Self.succeed(
            device,
            [
                Self.planSet, ["plan", "remove", "glute-bridge"], Self.planSet,
                ["undo"], ["undo"], Self.planSet,
                ["config", "set", "region", "IE"], ["config", "unset", "region"], ["config", "set", "region", "GB"],
                ["undo"], ["undo"], ["config", "set", "region", "GB"],
                ["exercises", "add", "cat-cow", "--name", "Cat cow", "--category", "stretch"],
                ["exercises", "remove", "cat-cow"], ["undo"], ["exercises", "remove", "cat-cow"],
                ["exercises", "add", "cat-cow", "--name", "Cat and camel", "--category", "stretch"],
                ["checkin", "--pain", "3", "--red-flag", "fever", "--at", "2026-11-25 09:00"],
                ["checkins", "edit", "1", "--no-red-flags"], ["checkins", "edit", "1", "--red-flag", "fever"],
                ["checkins", "edit", "1", "--red-flag", "one-leg"], ["undo"], ["undo"],
                ["checkins", "edit", "1", "--red-flag", "fever", "--red-flag", "one-leg"],
            ])
        try devices.sync(0)
        let status = try device.run("sync", "status", "--json")
        #expect(status.status == 0 && status.stdout.contains("\"unsent_changes\" : 0"), "\(status)")
        let state = """
            SELECT exercise_id, sets, removed FROM plan;
            SELECT name, value FROM settings;
            SELECT id, name, archived FROM exercises WHERE builtin = 0;
            SELECT red_flag, present FROM checkin_red_flags ORDER BY red_flag;
            """
        let expected = "glute-bridge|3|0\nregion|GB\ncat-cow|Cat and camel|0\nfever|1\none-leg|1\n"
        #expect(try device.sql(state) == expected)
        try devices.join(1)
        #expect(try devices[1].sql(state) == expected)
        #expect(try devices[1].run("plan").stdout == device.run("plan").stdout)
    }
}
