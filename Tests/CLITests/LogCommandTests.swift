import Foundation
import Testing

@Suite struct LogCommandTests {
    let sandbox = Sandbox()

    @Test func logsAnEntryAndEchoesWhatItSaved() throws {
        let run = try sandbox.run(
            "log", "glute-bridge", "--pain-before", "4", "--pain-after", "3", "--sets", "3", "--reps", "10",
            "--at", "2026-11-20 07:30")
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout == "Logged #1 glute-bridge: 3 × 10 reps, pain 4 → 3, at 2026-11-20 07:30 (UTC+00:00).\n")
        #expect(run.stderr == "")
        #expect(
            try sandbox.sql(
                "SELECT exercise_id, performed_at, utc_offset, sets, reps, hold_seconds, side, pain_before, pain_after, note FROM entries"
            )
                == "glute-bridge|1795159800|0|3|10|||4|3|\n")
    }

    @Test func aliasesSidesAndHoldsAreSavedUnderTheCatalogueId() throws {
        let run = try sandbox.run(
            "log", "Seated QL stretch", "--pain-before", "2", "--pain-after", "1", "--hold", "30", "--side", "LEFT",
            "--sets", "2", "--at", "2026-07-01T18:05+02:00")
        #expect(run.status == 0, "\(run)")
        #expect(
            run.stdout
                == "Logged #1 sitting-ql-stretch: 2 × 30 s hold, left side, pain 2 → 1, at 2026-07-01 18:05 (UTC+02:00).\n"
        )
        #expect(
            try sandbox.sql("SELECT exercise_id, performed_at, utc_offset, side, hold_seconds FROM entries")
                == "sitting-ql-stretch|1782921900|7200|left|30\n")
    }

    @Test func morePainWarnsOnStderrButStillSaves() throws {
        let run = try sandbox.run(
            "log", "bird-dog", "--pain-before", "3", "--pain-after", "5", "--reps", "8", "--at", "2026-11-20")
        #expect(run.status == 0)
        #expect(run.stdout == "Logged #1 bird-dog: 1 × 8 reps, pain 3 → 5, at 2026-11-20 12:00 (UTC+00:00).\n")
        #expect(
            run.stderr == """
                STOP Pain went up during bird-dog, from 3 before to 5 after.
                     Stop doing bird-dog and see a physiotherapist before you continue with it.
                bird-dog is now on hold. Once a physiotherapist has seen you, record it with:
                journal resume bird-dog

                """)
        #expect(try sandbox.entryCount() == 1)
    }

    @Test func equalPainIsQuiet() throws {
        let run = try sandbox.run("log", "bird-dog", "--pain-before", "3", "--pain-after", "3")
        #expect(run.status == 0)
        #expect(run.stderr == "")
    }

    @Test func jsonCarriesTheEntryAndItsFindings() throws {
        let run = try sandbox.run(
            "log", "side-plank", "--pain-before", "2", "--pain-after", "4", "--hold", "20", "--side", "right",
            "--at", "2026-11-20T07:30:00+01:00", "--json")
        #expect(run.status == 0, "\(run)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let entry = try #require(object["entry"] as? [String: Any])
        #expect(
            Set(entry.keys) == [
                "id", "exercise", "performed_at", "sets", "reps", "hold_seconds", "side", "pain_before",
                "pain_after", "note",
            ])
        #expect(entry["performed_at"] as? String == "2026-11-20T07:30:00+01:00")
        #expect(entry["reps"] is NSNull)
        #expect(entry["hold_seconds"] as? Int == 20)
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.count == 1)
        #expect(findings.first?["rule"] as? String == "more-pain")
        #expect(findings.first?["severity"] as? String == "stop")
        #expect(findings.first?["entry_id"] as? Int == 1)
        #expect(run.stderr.contains("STOP Pain went up during side-plank"))
    }

    @Test(arguments: [
        (
            ["--pain-before", "11", "--pain-after", "3"],
            "Error: The value '11' is invalid for '--pain-before <0-10>': pain before must be a whole number from 0 (no pain) to 10 (worst imaginable); got \"11\".\n"
        ),
        (
            ["--pain-before=-1", "--pain-after", "3"],
            "Error: The value '-1' is invalid for '--pain-before <0-10>': pain before must be a whole number from 0 (no pain) to 10 (worst imaginable); got \"-1\".\n"
        ),
        (
            ["--pain-before", "4", "--pain-after", "abc"],
            "Error: The value 'abc' is invalid for '--pain-after <0-10>': pain after must be a whole number from 0 (no pain) to 10 (worst imaginable); got \"abc\".\n"
        ),
        (
            ["--pain-before", "4", "--pain-after", "3", "--sets", "0"],
            "Error: The value '0' is invalid for '--sets <n>': sets must be a whole number from 1 to 50; got \"0\".\n"
        ),
        (
            ["--pain-before", "4", "--pain-after", "3", "--at", "2099-01-01"],
            "journal: \"2099-01-01\" is 2099-01-01 12:00 (UTC+00:00), which is in the future; journal log records only what has already happened.\n"
        ),
        (
            ["--pain-before", "4", "--pain-after", "3", "--at", "03/04/2026"],
            """
            journal: cannot use "03/04/2026" as a date: journal reads times such as
              18:00, 7pm or 7:30am (today, or yesterday if that is still to come)
              yesterday at 7pm, monday 18:00, last monday
              this morning, this afternoon, this evening, tonight
              2 hours ago; 3 days, 2 weeks or 1 month ago (noon that day)
              20 Nov, Fri 20 Nov 7pm, 2026-11-20 or 2026-11-20 07:30

            """
        ),
        (
            ["--pain-before", "4", "--pain-after", "3", "--side", "left"],
            "journal: glute-bridge is done with both sides at once, so it takes no --side; leave --side out.\n"
        ),
    ])
    func badInputIsRefusedAndNothingIsWritten(arguments: [String], message: String) throws {
        let run = try sandbox.run(["log", "glute-bridge"] + arguments)
        #expect(run.status == 64, "\(run)")
        #expect(run.stdout == "")
        // A value refused while parsing comes with the usage lines after the sentence.
        #expect(run.stderr == message || run.stderr.hasPrefix(message + "Help:  --"), "\(run)")
        #expect(!FileManager.default.fileExists(atPath: sandbox.database))
    }

    @Test func anUnknownExerciseSuggestsTheClosest() throws {
        try sandbox.run("log", "bird-dog", "--pain-before", "1", "--pain-after", "1")
        let run = try sandbox.run("log", "glute-brige", "--pain-before", "4", "--pain-after", "3")
        #expect(run.status == 64)
        #expect(run.stderr == "journal: unknown exercise \"glute-brige\"; did you mean \"glute-bridge\"?\n")
        #expect(try sandbox.entryCount() == 1)
    }

    @Test func aMissingPainIsAUsageError() throws {
        // "-1" after --pain-before reads as an option, so the value is missing.
        let dash = try sandbox.run(["log", "glute-bridge", "--pain-before", "-1", "--pain-after", "3"])
        #expect(dash.status == 64)
        #expect(dash.stderr.hasPrefix("Error: Missing value for '--pain-before <0-10>'"), "\(dash)")
        // Off a terminal nothing asks for the pain: a usage error, so a script never hangs.
        let missing = try sandbox.run(["log", "glute-bridge", "--pain-after", "3"])
        #expect(missing.status == 64)
        #expect(
            missing.stderr.hasPrefix(
                "Error: Give --pain-before and --pain-after, each 0-10 (standard input is not a terminal to ask on)."))
        #expect(try sandbox.entryCount() == 0)
    }

    @Test func aNoteComesBackByteForByte() throws {
        let note = "He said \"stop\", I said 'no',\nthen =SUM(A1)\r\n\ttab; 🙂👍🏽 é"
        let run = try sandbox.run("log", "pelvic-tilt", "--pain-before", "2", "--pain-after", "2", "--note", note)
        #expect(run.status == 0, "\(run)")
        let list = try sandbox.run("list", "--json")
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(entries.first?["note"] as? String == note)
        #expect(
            try sandbox.sql("SELECT hex(note) FROM entries") == Data(note.utf8).map { String(format: "%02X", $0) }
                .joined() + "\n")
    }

    @Test func aFileThatIsNotAJournalIsRefusedAndLeftUnchanged() throws {
        let bytes = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) })
        try bytes.write(to: URL(fileURLWithPath: sandbox.database))
        let run = try sandbox.run("log", "glute-bridge", "--pain-before", "4", "--pain-after", "3")
        #expect(run.status == 65)
        #expect(run.stderr.hasPrefix("journal: \(sandbox.database) is not a journal database"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: sandbox.database)) == bytes)
        let list = try sandbox.run("list")
        #expect(list.status == 65)
        #expect(try Data(contentsOf: URL(fileURLWithPath: sandbox.database)) == bytes)
    }

    @Test func theDefaultJournalLivesUnderXDGDataHomeAndIsPrivate() throws {
        sandbox.environment["JOURNAL_DB"] = nil
        sandbox.environment["XDG_DATA_HOME"] = sandbox.directory + "/data"
        let run = try sandbox.run("log", "front-plank", "--pain-before", "1", "--pain-after", "0", "--hold", "45")
        #expect(run.status == 0, "\(run)")
        let path = sandbox.directory + "/data/journal/journal.sqlite3"
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect(attributes[.posixPermissions] as? Int == 0o600)
        let folder = try FileManager.default.attributesOfItem(atPath: sandbox.directory + "/data/journal")
        #expect(folder[.posixPermissions] as? Int == 0o700)
    }

    @Test func noHomeAndNoDatabaseIsAConfigurationError() throws {
        sandbox.environment = ["TZ": "UTC", "PATH": Sandbox.path, "JOURNAL_NOW": Sandbox.noonToday(in: "UTC")]
        let run = try sandbox.run("log", "front-plank", "--pain-before", "1", "--pain-after", "0")
        #expect(run.status == 78)
        #expect(
            run.stderr
                == "journal: cannot tell where the journal lives: HOME is not set. Pass --db PATH or set JOURNAL_DB.\n")
    }

    @Test func twoProcessesLoggingAtOnceLoseNothing() throws {
        let script = """
            for i in $(seq 100); do
              "$JOURNAL" log bird-dog --pain-before 3 --pain-after 2 --reps "$i" >/dev/null || exit 1
            done
            """
        var environment = sandbox.environment
        environment["JOURNAL"] = Sandbox.binary.path
        let shell = try tool("sh")
        let writers = (0..<2).map { _ in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: shell)
            process.arguments = ["-c", script]
            process.environment = environment
            return process
        }
        for writer in writers { try writer.run() }
        for writer in writers { writer.waitUntilExit() }
        #expect(writers.map(\.terminationStatus) == [0, 0])
        #expect(try sandbox.entryCount() == 200)
        #expect(try sandbox.sql("SELECT count(DISTINCT reps), sum(reps) FROM entries") == "100|10100\n")
        #expect(try sandbox.sql("PRAGMA integrity_check") == "ok\n")
    }
}
