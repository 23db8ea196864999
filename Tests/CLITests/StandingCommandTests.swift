import Foundation
import Testing

/// One safety picture, the same wherever a person looks (issue #23): the standing that `check`
/// prints, that `today`, `session`, `log`, `checkin` and the reports show, and the red flags that
/// stand until a doctor has seen them.
@Suite struct StandingCommandTests {
    let sandbox = Sandbox()

    func json(_ run: Run) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run)")
    }

    @Test func legWeaknessIsRefusedAndAsksWhichLegs() throws {
        let run = try sandbox.run(
            "checkin", "--pain", "5", "--red-flag", "leg-weakness", "--note", "left leg feels weak")
        #expect(run.status == 64, "\(run)")
        #expect(run.stderr.contains("both legs is both-legs (emergency care now)"), "\(run)")
        #expect(run.stderr.contains("it is one-leg (a doctor's appointment, not an emergency)"), "\(run)")
        #expect(!FileManager.default.fileExists(atPath: sandbox.database))
    }

    @Test func oneLegIsSeeGPAndCheckExitsOne() throws {
        let run = try sandbox.run("checkin", "--pain", "4", "--red-flag", "one-leg")
        #expect(run.status == 0, "\(run)")
        #expect(
            run.stderr.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains(
                "-- Book a GP appointment. This is not an emergency, but a doctor should see"), "\(run)")
        #expect(!run.stderr.contains("999"))
        let check = try sandbox.run("check", "--json")
        #expect(check.status == 1, "\(check)")
        let findings = try #require(try json(check)["findings"] as? [[String: Any]])
        #expect(findings.map { $0["severity"] as? String } == ["see-gp"])
    }

    @Test func theNewSameDayIDsAreRecorded() throws {
        let run = try sandbox.run("checkin", "--pain", "4", "--red-flag", "cough-sneeze", "--red-flag", "upper-back")
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr.contains("SEE A DOCTOR TODAY: URGENT GP APPOINTMENT OR 111"), "\(run)")
        #expect(
            try sandbox.sql("SELECT red_flag FROM checkin_red_flags_with_ids ORDER BY red_flag")
                == "cough-sneeze\nupper-back\n")
    }

    @Test func aCheckInAtRestOfEightOrMoreSaysBookAGPAppointment() throws {
        let seven = try sandbox.run("checkin", "--pain", "7")
        #expect(seven.stderr.isEmpty, "\(seven)")
        let nine = try sandbox.run("checkin", "--pain", "9")
        #expect(nine.status == 0, "\(nine)")
        #expect(
            nine.stderr.hasPrefix(
                """
                SEE A GP Your pain at rest was 9 out of 10: very severe.
                         Book a GP appointment. This is not an emergency, but a doctor should
                         see it, not only a physiotherapist.
                """), "\(nine)")
        #expect(try sandbox.run("check").status == 1)
    }

    @Test func aCheckInDoesNotRepeatYesterdaysStopAsANewAlarm() throws {
        try sandbox.log("glute-bridge", "--pain-before", "2", "--pain-after", "4", "--at", "yesterday 18:00")
        let run = try sandbox.run("checkin", "--pain", "2", "--at", "today 11:00")
        #expect(run.status == 0, "\(run)")
        #expect(!run.stderr.contains("STOP"), "\(run)")
        #expect(!run.stderr.contains("Pain went up"), "\(run)")
        #expect(run.stderr.contains("Still on hold since 2026-11-24: glute-bridge (more-pain, #1)"), "\(run)")
    }

    @Test func logEndsWithWhatElseStandsAsAlreadyKnown() throws {
        _ = try sandbox.run("checkin", "--pain", "3", "--red-flag", "night-pain", "--at", "2026-11-12 08:00")
        let run = try sandbox.log("bird-dog", "--pain-before", "2", "--pain-after", "2")
        #expect(
            run.stderr.contains("Still standing, recorded 2026-11-12, not yet seen by a doctor: You recorded pain"),
            "\(run)")
        #expect(!run.stderr.contains("SEE A DOCTOR TODAY"), "\(run)")
    }

    @Test func anOldSameDayFlagComesFirstInTodayWithoutSayingTodayAndExitsThree() throws {
        _ = try sandbox.run("plan", "set", "glute-bridge", "--sets", "3", "--reps", "10", "--per-week", "5")
        _ = try sandbox.run("checkin", "--pain", "3", "--red-flag", "night-pain", "--at", "2026-11-01 08:00")
        let today = try sandbox.run("today")
        #expect(today.status == 3, "\(today)")
        #expect(
            today.stdout.hasPrefix(
                """
                ==============================================================================
                == SEE A DOCTOR: URGENT GP APPOINTMENT OR 111
                == Recorded 2026-11-01 08:00, not yet seen by a doctor: once one has, run
                == `journal resume --red-flags`.
                """), "\(today)")
        #expect(today.stdout.contains("Today, Wednesday 2026-11-25"))
        let report = try sandbox.run("report", "--week")
        #expect(report.stdout.contains("SEE A DOCTOR check-in, Sun 1 Nov 08:00"), "\(report)")
        #expect(!report.stdout.contains("SEE A DOCTOR TODAY"), "\(report)")
        #expect(report.stdout.contains("not yet seen by a doctor"), "\(report)")

        let seen = try sandbox.run("resume", "--red-flags", "--note", "GP: no concerns", "--at", "today 10:00")
        #expect(seen.status == 0, "\(seen)")
        #expect(try sandbox.run("today").status == 1)
        #expect(try sandbox.run("check").status == 0)
        let after = try sandbox.run("report", "--from", "2026-10-30", "--to", "2026-11-25")
        #expect(after.stdout.contains("Seen by a doctor on"), "\(after)")
        #expect(try sandbox.run("undo").status == 0)
        #expect(try sandbox.run("check").status == 3)
    }

    @Test func anEmergencyFlagStopsSessionBeforeAnythingIsAsked() throws {
        _ = try sandbox.run("plan", "set", "glute-bridge", "--sets", "3", "--reps", "10", "--per-week", "5")
        _ = try sandbox.run("checkin", "--pain", "3", "--red-flag", "chest-pain", "--at", "2026-11-20 08:00")
        let run = try sandbox.run("session", stdin: "3\n\n2\n")
        #expect(run.status == 3, "\(run)")
        #expect(run.stderr.contains("URGENT: SEEK EMERGENCY CARE NOW"), "\(run)")
        #expect(!run.stderr.contains("pain before"), "\(run)")
        #expect(try sandbox.entryCount() == 0)
        let today = try sandbox.run("today")
        #expect(today.status == 3, "\(today)")
        #expect(today.stdout.hasPrefix(String(repeating: "!", count: 78)), "\(today)")
    }

    @Test func aSameDayFlagStopsSessionOffATerminal() throws {
        _ = try sandbox.run("plan", "set", "glute-bridge", "--sets", "3", "--reps", "10", "--per-week", "5")
        _ = try sandbox.run("checkin", "--pain", "3", "--red-flag", "fever", "--at", "2026-11-24 08:00")
        let run = try sandbox.run("session", stdin: "3\n\n2\n")
        #expect(run.status == 3, "\(run)")
        #expect(run.stderr.contains("standard input is not a terminal"), "\(run)")
        #expect(try sandbox.entryCount() == 0)
    }

    @Test func resumeRedFlagsWithNothingStandingRecordsNothing() throws {
        let run = try sandbox.run("resume", "--red-flags")
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr == "No red flag stands; nothing was recorded.\n")
        #expect(try sandbox.run("resume").status == 64)
        #expect(try sandbox.run("resume", "bird-dog", "--red-flags").status == 64)
    }

    @Test func theWorseningTrendIsInTheReportsFlagsStandingAndNeedsAttention() throws {
        // Six days at pain-before 1, then six at 3.
        for day in 13...18 {
            try sandbox.log("glute-bridge", "--pain-before", "1", "--pain-after", "1", "--at", "2026-11-\(day) 09:00")
        }
        for day in 19...24 {
            try sandbox.log("glute-bridge", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-\(day) 09:00")
        }
        let check = try sandbox.run("check", "--json")
        #expect(check.status == 1, "\(check)")
        let report = try json(try sandbox.run("report", "--week", "--json"))
        let flags = try #require(report["flags"] as? [[String: Any]])
        #expect(flags.contains { $0["rule"] as? String == "worsening" && $0["severity"] as? String == "see-gp" })
        let standing = try #require(report["standing"] as? [String: Any])
        #expect((standing["findings"] as? [[String: Any]])?.map { $0["rule"] as? String } == ["worsening"])
        for format in ["text", "markdown", "html"] {
            let run = try sandbox.run("report", "--week", "--format", format)
            let words = run.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(
                words.contains("Book a GP appointment. This is not an emergency, but a doctor should see it"),
                "\(format): \(run)")
            #expect(!run.stdout.contains("No holds or safety findings"), "\(format)")
        }
        let log = try sandbox.log("glute-bridge", "--pain-before", "3", "--pain-after", "3")
        #expect(log.stderr.contains("Still standing since 2026-11-25 (pain trend, worsening)"), "\(log)")
    }
}

/// A report of a past period shows what stands as of its last day, in every format alike.
@Suite struct PastReportStandingTests {
    let sandbox = Sandbox()

    @Test func aHoldBegunAfterThePeriodIsInNoFormatOfItsReport() throws {
        try sandbox.log("bird-dog", "--pain-before", "2", "--pain-after", "4", "--at", "2026-11-20 08:00")
        try sandbox.log("glute-bridge", "--pain-before", "2", "--pain-after", "4", "--at", "2026-11-24 08:00")
        let period = ["--from", "2026-11-16", "--to", "2026-11-22"]
        let run = try sandbox.run(["report"] + period + ["--json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(report["standing_as_of"] as? String == "2026-11-22")
        #expect((report["holds"] as? [[String: Any]])?.map { $0["exercise"] as? String } == ["bird-dog"])
        let standing = try #require(report["standing"] as? [String: Any])
        #expect((standing["holds"] as? [[String: Any]])?.map { $0["exercise"] as? String } == ["bird-dog"])
        for format in ["text", "markdown", "html"] {
            let words = try sandbox.run(["report"] + period + ["--format", format]).stdout
            #expect(words.contains("bird-dog"), "\(format)")
            #expect(!words.contains("glute-bridge"), "\(format)")
        }
        // Today's picture, in check and in this week's report, has both.
        let check = try #require(
            try JSONSerialization.jsonObject(with: Data(try sandbox.run("check", "--json").stdout.utf8))
                as? [String: Any])
        #expect((check["holds"] as? [[String: Any]])?.count == 2)
        let week = try #require(
            try JSONSerialization.jsonObject(with: Data(try sandbox.run("report", "--week", "--json").stdout.utf8))
                as? [String: Any])
        #expect(week["standing_as_of"] as? String == "2026-11-25")
        #expect(((week["standing"] as? [String: Any])?["holds"] as? [[String: Any]])?.count == 2)
    }
}
