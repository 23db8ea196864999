import Foundation
import Testing

/// `journal psfs`: activities, ratings, the summary, undo and the terminal prompt.
@Suite struct PSFSCommandTests {
    let sandbox = Sandbox()

    func add(_ activity: String, _ extra: String...) throws -> String {
        let run = try sandbox.run(["psfs", "add", activity] + extra)
        try #require(run.status == 0, "\(run)")
        return run.stdout
    }

    @Test func ratingsGiveTheBaselineTheLatestAndTheAverage() throws {
        #expect(try add("putting on socks", "--at", "2026-11-01 09:00") == "Added activity #1: putting on socks.\n")
        #expect(
            try add("sitting through a film", "--at", "2026-11-01 09:00")
                == "Added activity #2: sitting through a film.\n")
        #expect(try add("lifting a child", "--at", "2026-11-10 09:00") == "Added activity #3: lifting a child.\n")
        for (id, score, at) in [
            ("1", "3", "2026-11-01 09:05"), ("2", "4", "2026-11-01 09:05"), ("3", "2", "2026-11-10 09:00"),
            ("1", "6", "2026-11-20 09:00"), ("2", "5", "2026-11-20 09:00"), ("3", "6", "2026-11-24 09:00"),
        ] {
            let run = try sandbox.run("psfs", "rate", id, score, "--at", at)
            try #require(run.status == 0, "\(run)")
        }
        let text = try sandbox.run("psfs")
        #expect(
            text.stdout == """
                ID  ACTIVITY                BASELINE        LATEST          CHANGE
                 1  putting on socks        3 (2026-11-01)  6 (2026-11-20)  +3 *
                 2  sitting through a film  4 (2026-11-01)  5 (2026-11-20)  +1
                 3  lifting a child         2 (2026-11-10)  6 (2026-11-24)  +4 *

                #1 putting on socks
                  RATED       SCORE  FROM PREVIOUS  FROM BASELINE
                  2026-11-01      3            -    -
                  2026-11-20      6           +3 *  +3 *

                #2 sitting through a film
                  RATED       SCORE  FROM PREVIOUS  FROM BASELINE
                  2026-11-01      4              -  -
                  2026-11-20      5             +1  +1

                #3 lifting a child
                  RATED       SCORE  FROM PREVIOUS  FROM BASELINE
                  2026-11-10      2            -    -
                  2026-11-24      6           +4 *  +4 *

                Average of the 2 activities rated at the baseline (2026-11-01) and since: 3.5 →
                5.5 (+2.0), at least 2 points, more than the measure's error.
                * a change of at least 3 points for one activity, more than the measure's error.

                """)
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(try sandbox.run("psfs", "--json").stdout.utf8))
                as? [String: Any])
        let average = try #require(json["average"] as? [String: Any])
        #expect(average["baseline"] as? Double == 3.5)
        #expect(average["latest"] as? Double == 5.5)
        #expect(average["change"] as? Double == 2)
        #expect(average["detectable"] as? Bool == true)
        let activities = try #require(json["activities"] as? [[String: Any]])
        #expect(activities.map { $0["change"] as? Int } == [3, 1, 4])
        #expect(activities.map { $0["detectable"] as? Bool } == [true, false, true])
        #expect(activities[0]["baseline_at"] as? String == "2026-11-01T09:05:00+00:00")
        #expect((activities[0]["ratings"] as? [[String: Any]])?.map { $0["score"] as? Int } == [3, 6])
    }

    /// A rating's note (issue #26) is under its rating in `journal psfs`, and in the report's Notes
    /// once when the rating is in the period (11-19 to 11-25): B is, A (11-18) is not.
    @Test func aRatingsNoteIsUnderItAndInTheReportsNotes() throws {
        #expect(try add("putting on socks", "--at", "2026-11-18 09:00") == "Added activity #1: putting on socks.\n")
        for (score, at, note) in [
            ("4", "2026-11-18 09:30", "PSFS NOTE A: only with one foot on the bed"),
            ("6", "2026-11-22 09:30", "PSFS NOTE B"),
        ] {
            let run = try sandbox.run("psfs", "rate", "1", score, "--at", at, "--note", note)
            try #require(run.status == 0, "\(run)")
        }
        _ = try sandbox.log(
            "glute-bridge", "--pain-before", "3", "--pain-after", "2", "--at", "2026-11-23 08:00", "--note",
            "ENTRY NOTE")
        let listing = try sandbox.run("psfs").stdout
        #expect(
            listing.contains(
                """
                #1 putting on socks
                  RATED       SCORE  FROM PREVIOUS  FROM BASELINE
                  2026-11-18      4              -  -
                    note: PSFS NOTE A: only with one foot on the bed
                  2026-11-22      6             +2  +2
                    note: PSFS NOTE B

                """), "\(listing)")
        let text = try sandbox.run("report").stdout
        #expect(text.components(separatedBy: "PSFS NOTE B").count == 2, "\(text)")
        #expect(text.contains("PSFS putting on socks: PSFS NOTE B"), "\(text)")
        #expect(!text.contains("PSFS NOTE A"))
        let markdown = try sandbox.run("report", "--markdown").stdout
        #expect(markdown.components(separatedBy: "PSFS NOTE B").count == 2, "\(markdown)")
        #expect(markdown.contains("- 2026-11-22 09:30, PSFS putting on socks: PSFS NOTE B"), "\(markdown)")
        let html = try sandbox.run("report", "--format", "html").stdout
        #expect(html.components(separatedBy: "PSFS NOTE B").count == 2, "\(html)")
        #expect(html.contains("[1] Sun 22 Nov 09:30, PSFS putting on socks: "), "\(html)")
        #expect(!html.contains("PSFS NOTE A"))
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(try sandbox.run("report", "--json").stdout.utf8))
                as? [String: Any])
        #expect((json["notes"] as? [[String: Any]])?.map { $0["note"] as? String } == ["ENTRY NOTE"])
    }

    /// Issue #26: a `*` on a history row, from the previous rating or from the baseline, brings the
    /// legend, though the activity's change overall (5 → 5) is none.
    @Test func everyMarkIsExplainedAndAChangeFromThePreviousRatingIsMarkedToo() throws {
        #expect(try add("socks", "--at", "2026-11-11 08:00") == "Added activity #1: socks.\n")
        for (score, at) in [("5", "2026-11-11 09:00"), ("2", "2026-11-18 09:00"), ("5", "2026-11-24 09:00")] {
            let run = try sandbox.run("psfs", "rate", "1", score, "--at", at)
            try #require(run.status == 0, "\(run)")
        }
        let text = try sandbox.run("psfs")
        #expect(
            text.stdout == """
                ID  ACTIVITY  BASELINE        LATEST          CHANGE
                 1  socks     5 (2026-11-11)  5 (2026-11-24)  0

                #1 socks
                  RATED       SCORE  FROM PREVIOUS  FROM BASELINE
                  2026-11-11      5            -    -
                  2026-11-18      2           -3 *  -3 *
                  2026-11-24      5           +3 *  0

                The activity rated at the baseline (2026-11-11) and since: 5.0 → 5.0 (0.0), less
                than 3 points, within the measure's error.
                * a change of at least 3 points for one activity, more than the measure's error.

                """, "\(text)")
    }

    /// Issue #26: an activity rated within a past period stays in its report once retired, marked
    /// so, and counts in the average as it stood then, in every format.
    @Test func aRetiredActivityRatedInThePeriodStaysInItsReport() throws {
        #expect(try add("socks", "--at", "2026-10-21 09:00") == "Added activity #1: socks.\n")
        #expect(try add("sitting", "--at", "2026-10-21 09:00") == "Added activity #2: sitting.\n")
        for (id, score, at) in [
            ("1", "2", "2026-10-21 09:05"), ("2", "2", "2026-10-21 09:05"), ("1", "3", "2026-10-28 09:00"),
            ("2", "6", "2026-10-28 09:00"),
        ] {
            let run = try sandbox.run("psfs", "rate", id, score, "--at", at)
            try #require(run.status == 0, "\(run)")
        }
        let period = ["--from", "2026-10-21", "--to", "2026-11-03"]
        let average =
            """
            Average of the 2 activities rated at the baseline (2026-10-21) and since: 2.0 →
            4.5 (+2.5), at least 2 points, more than the measure's error.
            """
        #expect(try sandbox.run(["report"] + period).stdout.contains(average))
        #expect(try sandbox.run("psfs", "remove", "2").status == 0)

        let text = try sandbox.run(["report"] + period).stdout
        #expect(
            text.contains(
                """
                Function (Patient-Specific Functional Scale)
                ACTIVITY           BASELINE        LATEST          CHANGE  THIS PERIOD
                socks              2 (2026-10-21)  3 (2026-10-28)  +1      2 → 3 (+1)
                sitting (retired)  2 (2026-10-21)  6 (2026-10-28)  +4 *    2 → 6 (+4 *)
                """ + "\n" + average), "\(text)")
        let markdown = try sandbox.run(["report", "--markdown"] + period).stdout
        #expect(
            markdown.contains(
                "| sitting \\(retired\\) | 2 \\(2026-10-21\\) | 6 \\(2026-10-28\\) | \\+4 \\* | 2 → 6 \\(\\+4 \\*\\) |"),
            "\(markdown)")
        #expect(markdown.contains("2.0 → 4.5 \\(\\+2.5\\), at least 2 points"), "\(markdown)")
        let html = try sandbox.run(["report", "--format", "html"] + period).stdout
        #expect(html.contains("<td>sitting (retired)</td>"))
        #expect(html.contains("<td class=\"ratings\">2 → 6 (+4 *)</td>"))
        #expect(html.contains("2.0 → 4.5 (+2.5), at least 2 points"))
        #expect(html.contains("<strong>sitting (retired)</strong>"))
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(try sandbox.run(["report", "--json"] + period).stdout.utf8))
                as? [String: Any])
        let whole = try #require(json["psfs"] as? [String: Any])
        let wholeAverage = try #require(whole["average"] as? [String: Any])
        #expect(wholeAverage["baseline"] as? Double == 2 && wholeAverage["latest"] as? Double == 4.5)
        #expect(wholeAverage["detectable"] as? Bool == true)
        let inPeriod = try #require(json["psfs_period"] as? [String: Any])
        let rows = try #require(inPeriod["activities"] as? [[String: Any]])
        #expect(rows.map { $0["retired"] as? Bool } == [false, true])
        #expect(rows.map { $0["change"] as? Int } == [1, 4])
        #expect((inPeriod["average"] as? [String: Any])?["latest"] as? Double == 4.5)
    }

    @Test func refusalsChangeNothing() throws {
        for name in ["a", "b", "c", "d", "e"] { _ = try add(name) }
        let sixth = try sandbox.run("psfs", "add", "f")
        #expect(sixth.status == 64)
        #expect(
            sixth.stderr
                == "journal: you already rate 5 activities, the most the scale asks for; retire one first with `journal psfs remove ID`.\n"
        )
        let empty = try sandbox.run("psfs", "add", "")
        #expect(empty.status == 64)
        #expect(empty.stderr.hasPrefix("journal: \"\" cannot be an activity: describe it in 1 to 80 characters"))
        let eleven = try sandbox.run("psfs", "rate", "1", "11")
        #expect(eleven.status == 64)
        #expect(
            eleven.stderr.hasPrefix(
                "Error: The value '11' is invalid for '<score>': score must be a whole number from 0 (unable to do it) to 10"
            ))
        #expect(try sandbox.run("psfs", "rate", "9", "5").status == 65)
        // Off a terminal, no arguments is a usage error: a script never hangs waiting for answers.
        let noArguments = try sandbox.run("psfs", "rate")
        #expect(noArguments.status == 64)
        #expect(try sandbox.sql("SELECT count(*) FROM psfs_activities; SELECT count(*) FROM psfs_ratings") == "5\n0\n")
    }

    @Test func removeRetiresAndUndoCoversAddRemoveAndRate() throws {
        _ = try add("putting on socks")
        #expect(try sandbox.run("psfs", "rate", "1", "4").status == 0)
        let remove = try sandbox.run("psfs", "remove", "1")
        #expect(remove.stdout == "Retired activity #1: putting on socks. `journal undo` brings it back.\n")
        #expect(try sandbox.run("psfs", "rate", "1", "5").status == 65)
        #expect(try sandbox.run("psfs").stdout.contains("putting on socks (retired)"))
        #expect(try sandbox.run("undo").stdout.hasPrefix("Put back PSFS activity #1: putting on socks (retired "))
        #expect(try sandbox.sql("SELECT retired_at IS NULL FROM psfs_activities") == "1\n")
        #expect(try sandbox.run("undo").stdout.hasPrefix("Removed the rating 4 at "))
        #expect(try sandbox.sql("SELECT count(*) FROM psfs_ratings") == "0\n")
        #expect(try sandbox.run("undo").stdout.hasPrefix("Removed PSFS activity #1: putting on socks (added "))
        #expect(try sandbox.sql("SELECT count(*) FROM psfs_activities") == "0\n")
    }

    @Test func checkRemindsGentlyWithoutChangingItsExitStatus() throws {
        _ = try add("putting on socks", "--at", "2026-11-17 09:00")
        _ = try sandbox.run("psfs", "rate", "1", "4", "--at", "2026-11-17 09:00")
        let check = try sandbox.run("check")
        #expect(check.status == 0)
        #expect(check.stdout == "No safety findings stand today.\n")
        #expect(
            check.stderr
                == "Reminder: Your last PSFS rating was 8 days ago (2026-11-17): rate your activities again with `journal psfs rate`.\n"
        )
        _ = try sandbox.run("psfs", "rate", "1", "5")
        #expect(try sandbox.run("check").stderr == "")
    }

    @Test func atATerminalRateAsksForEachActivityAndEnterSkips() throws {
        guard let script = try ColourTests.script() else { return }
        for name in ["socks", "film", "lifting"] { _ = try add(name) }
        // 5 for socks; Enter skips film; 11 is refused and asked again, then 7 for lifting.
        let run = try execute(
            script, ["-qec", "\(Sandbox.binary.path) psfs rate", "/dev/null"], environment: sandbox.environment,
            stdin: "5\n\n11\n7\n")
        #expect(run.stdout.contains("#1 socks: #2 film: #3 lifting: journal: score must be a whole number"), "\(run)")
        #expect(run.stdout.contains("Rated 2 activities."))
        #expect(
            try sandbox.sql("SELECT activity_id, score FROM psfs_ratings_with_ids ORDER BY activity_id") == "1|5\n3|7\n"
        )
    }
}

/// The PSFS in every report format, with hand-worked figures.
@Suite struct PSFSReportTests {
    let sandbox = Sandbox()

    /// Socks 3 → 5 → 7 (1, 20 and 24 Nov), film 4 → 5 (1 and 24 Nov); the week is 19 to 25 Nov.
    func fill() throws {
        for arguments in [
            ["add", "putting on socks", "--at", "2026-11-01 09:00"],
            ["add", "sitting through a film", "--at", "2026-11-01 09:00"],
            ["rate", "1", "3", "--at", "2026-11-01 09:05"], ["rate", "2", "4", "--at", "2026-11-01 09:05"],
            ["rate", "1", "5", "--at", "2026-11-20 12:00"], ["rate", "1", "7", "--at", "2026-11-24 12:00"],
            ["rate", "2", "5", "--at", "2026-11-24 12:00"],
        ] {
            let run = try sandbox.run(["psfs"] + arguments)
            try #require(run.status == 0, "\(run)")
        }
        _ = try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3")
    }

    @Test func theScaleIsInEveryFormat() throws {
        try fill()
        let text = try sandbox.run("report").stdout
        #expect(
            text.contains(
                """
                Function (Patient-Specific Functional Scale)
                ACTIVITY                BASELINE        LATEST          CHANGE  THIS PERIOD
                putting on socks        3 (2026-11-01)  7 (2026-11-24)  +4 *    5 → 7 (+2)
                sitting through a film  4 (2026-11-01)  5 (2026-11-24)  +1      5 (2026-11-24)
                Average of the 2 activities rated at the baseline (2026-11-01) and since: 3.5 →
                6.0 (+2.5), at least 2 points, more than the measure's error.
                Scores: 0 unable to do it, 10 able to do it as before the problem. * a change of
                at least 3 points for one activity, more than the measure's error.
                """), "\(text)")
        #expect(!text.lowercased().contains("clinically"))
        let markdown = try sandbox.run("report", "--markdown").stdout
        // The period's ratings, even when there is only one (film's 5 on 24 Nov).
        #expect(
            markdown.contains(
                "| putting on socks | 3 \\(2026-11-01\\) | 7 \\(2026-11-24\\) | \\+4 \\* | 5 → 7 \\(\\+2\\) |"))
        #expect(markdown.contains("| 5 \\(2026-11-24\\) | \\+1 | 5 \\(2026-11-24\\) |"))
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(try sandbox.run("report", "--json").stdout.utf8))
                as? [String: Any])
        let average = try #require((json["psfs"] as? [String: Any])?["average"] as? [String: Any])
        #expect(
            average["baseline"] as? Double == 3.5 && average["latest"] as? Double == 6
                && average["change"] as? Double == 2.5)
        let period = try #require((json["psfs_period"] as? [String: Any])?["activities"] as? [[String: Any]])
        #expect(period.map { $0["change"] as? Int } == [2, nil])
        // Socks in the HTML chart, in the exercise charts' frame: x from 40 (1 Nov 09:05) to 270
        // (24 Nov 12:00); 20 Nov 12:00 is 1,652,100 s of 1,997,700 s across: 40 + 0.82700 × 230 =
        // 230.2; y = 12 + (10 − score) × 6, the PSFS frame (``ReportCharts/psfs``) 60 high.
        let html = try sandbox.run("report", "--format", "html").stdout
        #expect(html.contains(#"<path class="line psfs" d="M40.0 54.0 L230.2 42.0 L270.0 30.0">"#))
        #expect(html.contains(#"<path class="line psfs" d="M40.0 48.0 L270.0 42.0">"#))
        #expect(html.contains("<td class=\"ratings\">5 → 7 (+2)</td>"))
        #expect(html.contains("Function (Patient-Specific Functional Scale)"))
    }
}

/// Text that could not be stored as given is refused, not cut.
@Suite struct PSFSTextTests {
    let sandbox = Sandbox()

    @Test func aNulInARatingNoteOrControlsInANameAreRefused() throws {
        #expect(try sandbox.run("psfs", "add", "socks").status == 0)
        let nul = try sandbox.run(["psfs", "rate", "1", "3", "--note", "-"], stdin: "a\u{0}b")
        #expect(nul.status == 64, "\(nul)")
        #expect(try sandbox.sql("SELECT count(*) FROM psfs_ratings") == "0\n")
        let name = try sandbox.run("exercises", "add", "ctl-ex", "--name", "Na\u{1B}]0;T\u{7}", "--category", "stretch")
        #expect(name.status == 64)
        #expect(try sandbox.run("psfs", "add", "line\u{2028}separator").status == 64)
    }

    @Test func anActivityNeverRatedIsRemindedOf() throws {
        for name in ["socks", "film"] { #expect(try sandbox.run("psfs", "add", name).status == 0) }
        #expect(try sandbox.run("psfs", "rate", "1", "4").status == 0)
        #expect(
            try sandbox.run("check").stderr
                == "Reminder: \"film\" has no rating yet: rate it with `journal psfs rate`.\n")
    }
}
