import Foundation
import Testing

/// `journal export --all --no-aliases` (issue #28) names every record by its uid.
///
/// No number a journal gives it; entries and check-ins with `recorded`, reviews with `seen`, a
/// rating's activity by `activity_uid`; each list by time, then `recorded`, then uid. The uids and
/// readings are read from the file with sqlite3; everything else is written out by hand.
@Suite struct NoAliasesExportCommandTests {
    let sandbox = Sandbox()

    /// Records logged out of time order, so that the export's order is not the order they were made in.
    func fill() throws {
        try sandbox.log(
            "glute-bridge", "--pain-before", "3", "--pain-after", "3", "--sets", "3", "--reps", "10", "--at",
            "2026-11-21 08:00")
        try sandbox.log("bird-dog", "--pain-before", "2", "--pain-after", "5", "--at", "2026-11-20 09:00")
        try sandbox.log(
            "side-plank", "--pain-before", "1", "--pain-after", "1", "--hold", "30", "--side", "left", "--at",
            "2026-11-21 08:00")
        try sandbox.change("checkin", "--pain", "4", "--at", "2026-11-22 10:00")
        try sandbox.change("checkin", "--pain", "2", "--red-flag", "fever", "--at", "2026-11-21 10:00", "--note", "hot")
        try sandbox.change("resume", "bird-dog", "--at", "2026-11-23 10:00", "--note", "fewer reps")
        try sandbox.change("resume", "--red-flags", "--at", "2026-11-24 10:00")
        try sandbox.change("psfs", "add", "putting on socks", "--at", "2026-11-01 09:00")
        try sandbox.change("psfs", "rate", "1", "6", "--at", "2026-11-02 09:00")
    }

    /// One column of the row of `table` whose `where` holds, as sqlite3 prints it.
    func value(_ column: String, _ table: String, _ condition: String) throws -> String {
        let text = try sandbox.sql("SELECT \(column) FROM \(table) WHERE \(condition)")
        return String(text.dropLast())
    }

    @Test func everyRecordIsNamedByItsUIDInAnOrderTheSameOnEveryDevice() throws {
        try fill()
        func entry(_ exercise: String) throws -> (uid: String, recorded: String) {
            let condition = "exercise_id = '\(exercise)'"
            return (try value("uid", "entries", condition), try value("recorded", "entries", condition))
        }
        let birdDog = try entry("bird-dog")
        let bridgeRow = try entry("glute-bridge")
        let plank = try entry("side-plank")
        let early = try value("uid", "checkins", "pain = 2")
        let earlyRecorded = try value("recorded", "checkins", "pain = 2")
        let late = try value("uid", "checkins", "pain = 4")
        let lateRecorded = try value("recorded", "checkins", "pain = 4")
        let review = try value("uid", "reviews", "1")
        let reviewSeen = try value("seen", "reviews", "1")
        let redFlagReview = try value("uid", "red_flag_reviews", "1")
        let redFlagSeen = try value("seen", "red_flag_reviews", "1")
        let activity = try value("uid", "psfs_activities", "1")
        let rating = try value("uid", "psfs_ratings", "1")
        // The journal's clock: noon UTC on the sandbox's today.
        let now = "2026-11-25T12:00:00+00:00"
        // The two sessions of the 21st at 08:00: the one recorded first (glute-bridge) first.
        #expect(bridgeRow.recorded < plank.recorded)
        let expected =
            "{\"format\":\"journal-export\",\"version\":1,\"aliases\":false,\n"
            + "\"entries\":[\n"
            + "{\"exercise\":\"bird-dog\",\"flagged\":true,\"hold_seconds\":null,\"note\":null,\"pain_after\":5,"
            + "\"pain_before\":2,\"pain_change\":3,\"performed_at\":\"2026-11-20T09:00:00+00:00\","
            + "\"recorded\":\"\(birdDog.recorded)\",\"recorded_at\":\"\(now)\",\"reps\":null,\"sets\":1,"
            + "\"side\":null,\"uid\":\"\(birdDog.uid)\"},\n"
            + "{\"exercise\":\"glute-bridge\",\"flagged\":false,\"hold_seconds\":null,\"note\":null,\"pain_after\":3,"
            + "\"pain_before\":3,\"pain_change\":0,\"performed_at\":\"2026-11-21T08:00:00+00:00\","
            + "\"recorded\":\"\(bridgeRow.recorded)\",\"recorded_at\":\"\(now)\",\"reps\":10,\"sets\":3,"
            + "\"side\":null,\"uid\":\"\(bridgeRow.uid)\"},\n"
            + "{\"exercise\":\"side-plank\",\"flagged\":false,\"hold_seconds\":30,\"note\":null,\"pain_after\":1,"
            + "\"pain_before\":1,\"pain_change\":0,\"performed_at\":\"2026-11-21T08:00:00+00:00\","
            + "\"recorded\":\"\(plank.recorded)\",\"recorded_at\":\"\(now)\",\"reps\":null,\"sets\":1,"
            + "\"side\":\"left\",\"uid\":\"\(plank.uid)\"}\n"
            + "],\n"
            + "\"exercises\":[],\n"
            + "\"checkins\":[\n"
            + "{\"note\":\"hot\",\"pain\":2,\"performed_at\":\"2026-11-21T10:00:00+00:00\","
            + "\"recorded\":\"\(earlyRecorded)\",\"recorded_at\":\"\(now)\",\"red_flags\":[\"fever\"],"
            + "\"uid\":\"\(early)\"},\n"
            + "{\"note\":null,\"pain\":4,\"performed_at\":\"2026-11-22T10:00:00+00:00\","
            + "\"recorded\":\"\(lateRecorded)\",\"recorded_at\":\"\(now)\",\"red_flags\":[],\"uid\":\"\(late)\"}\n"
            + "],\n"
            + "\"plan\":[],\n"
            + "\"reviews\":[\n"
            + "{\"exercise\":\"bird-dog\",\"note\":\"fewer reps\",\"recorded_at\":\"\(now)\","
            + "\"reviewed_at\":\"2026-11-23T10:00:00+00:00\",\"seen\":\(reviewSeen),\"uid\":\"\(review)\"}\n"
            + "],\n"
            + "\"psfs_activities\":[\n"
            + "{\"activity\":\"putting on socks\",\"added_at\":\"2026-11-01T09:00:00+00:00\",\"retired_at\":null,"
            + "\"uid\":\"\(activity)\"}\n"
            + "],\n"
            + "\"psfs_ratings\":[\n"
            + "{\"activity_uid\":\"\(activity)\",\"note\":null,\"rated_at\":\"2026-11-02T09:00:00+00:00\","
            + "\"score\":6,\"uid\":\"\(rating)\"}\n"
            + "],\n"
            + "\"red_flag_reviews\":[\n"
            + "{\"note\":null,\"recorded_at\":\"\(now)\",\"reviewed_at\":\"2026-11-24T10:00:00+00:00\","
            + "\"seen\":\(redFlagSeen),\"uid\":\"\(redFlagReview)\"}\n"
            + "],\n"
            + "\"settings\":[]\n"
            + "}\n"
        let run = try sandbox.run("export", "--all", "--no-aliases")
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr == "")
        #expect(run.stdout == expected)
        for alias in ["\"id\"", "\"through_entry_id\"", "\"through_checkin_id\"", "\"activity_id\""] {
            #expect(!run.stdout.contains(alias), "\(alias)")
        }
        // The same bytes again, and into a file.
        let path = sandbox.directory + "/all.json"
        #expect(try sandbox.run("export", "--all", "--no-aliases", "--output", path).status == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == expected)
        // Without the flag, the aliases as before.
        let aliased = try sandbox.run("export", "--all")
        #expect(aliased.stdout.hasPrefix("{\"format\":\"journal-export\",\"version\":1,\n\"entries\":[\n"))
        #expect(aliased.stdout.contains("\"id\":1,"))
        #expect(!aliased.stdout.contains("\"uid\""))
    }

    @Test func withoutAllItIsRefusedWithWhatToDo() throws {
        try fill()
        for arguments in [["export", "--no-aliases"], ["export", "--format", "json", "--no-aliases"]] {
            let run = try sandbox.run(arguments)
            #expect(run.status == 64, "\(run)")
            #expect(run.stdout == "")
            #expect(
                run.stderr.contains(
                    "--no-aliases applies to the whole journal only: use `journal export --all --no-aliases`."),
                "\(run)")
        }
    }

    @Test func noJournalGivesEveryListEmptyMarkedWithoutAliases() throws {
        let run = try sandbox.run("export", "--all", "--no-aliases")
        #expect(run.status == 0, "\(run)")
        #expect(
            run.stdout
                == "{\"format\":\"journal-export\",\"version\":1,\"aliases\":false,\n\"entries\":[],\n"
                + "\"exercises\":[],\n\"checkins\":[],\n\"plan\":[],\n\"reviews\":[],\n\"psfs_activities\":[],\n"
                + "\"psfs_ratings\":[],\n\"red_flag_reviews\":[],\n\"settings\":[]\n}\n")
        #expect(!FileManager.default.fileExists(atPath: sandbox.database))
    }

    @Test func importRefusesItAndChangesNothing() throws {
        try fill()
        let path = sandbox.directory + "/all.json"
        try sandbox.change("export", "--all", "--no-aliases", "--output", path)
        let other = Sandbox()
        let run = try other.run("import", path)
        #expect(run.status == 65, "\(run)")
        #expect(
            run.stderr
                == "journal: line 1: written with --no-aliases: it names records by uid, without the numbers a "
                + "journal gives them, and import does not read it. Import a full export written without it "
                + "(`journal export --all`). Nothing was imported.\n")
        #expect(try other.run("list").stdout.contains("bird-dog") == false)
        #expect(try sandbox.entryCount() == 3)
    }
}
