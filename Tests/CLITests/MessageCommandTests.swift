import Foundation
import Testing

/// Messages tell the truth and only the truth (#15): no terminal controls echoed from input, a
/// busy timeout refused rather than crashing, backups that never collide, doctor's sizes through a link.
@Suite struct MessageCommandTests {
    let sandbox = Sandbox()

    /// Whether `text` holds ESC, BEL or CR.
    func hasControls(_ text: String) -> Bool {
        text.utf8.contains { $0 == 0x1B || $0 == 0x07 || $0 == 0x0D }
    }

    @Test func echoedInputCarriesNoTerminalControls() throws {
        let hostile = "x\u{1B}[31m\u{07}\rred"
        let unknown = try sandbox.run("log", hostile, "--pain-before", "3", "--pain-after", "3")
        #expect(unknown.status == 64, "\(unknown)")
        #expect(unknown.stderr.hasPrefix("journal: unknown exercise \"x[31m red\""), "\(unknown)")
        #expect(!hasControls(unknown.stderr))
        let runs = [
            try sandbox.run("log", "bird-dog", "--pain-before", hostile, "--pain-after", "3"),
            try sandbox.run("list", "--limit", hostile),
            try sandbox.run("list", hostile),
            try sandbox.run("export", "--output", sandbox.directory + "/" + hostile + "/x.csv"),
            try sandbox.run("import", sandbox.directory + "/" + hostile),
            try sandbox.run("log", "bird-dog", "--pain-before", "3", "--pain-after", "3", "--at", hostile),
        ]
        for run in runs {
            #expect(run.status != 0, "\(run)")
            #expect(!run.stderr.isEmpty && !hasControls(run.stderr), "\(run)")
        }
        #expect(try sandbox.entryCount() == 0)
    }

    @Test func anImportCellIsEchoedWithoutControls() throws {
        let csv = sandbox.directory + "/in.csv"
        try
            ("id,performed_at,exercise,side,sets,reps,hold_seconds,pain_before,pain_after,pain_change,flagged,note\r\n"
            + ",2026-01-02T10:00:00+00:00,x\u{1B}]0;owned\u{07},,1,,,2,2,0,false,\r\n")
            .write(toFile: csv, atomically: true, encoding: .utf8)
        let run = try sandbox.run("import", csv)
        #expect(run.status == 65, "\(run)")
        #expect(run.stderr.contains("x]0;owned"), "\(run)")
        #expect(!hasControls(run.stderr), "\(run)")
    }

    @Test(arguments: ["1e9", "inf", "nan", "12345678901234567890", "abc", "-1", "3600.5", "0x10", " 5", "5s", "."])
    func aBusyTimeoutOutsideItsRangeIsRefused(value: String) throws {
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3")
        sandbox.environment["JOURNAL_BUSY_TIMEOUT"] = value
        for arguments in [["list"], ["log", "bird-dog", "--pain-before", "3", "--pain-after", "3"]] {
            let run = try sandbox.run(arguments)
            #expect(run.status == 64, "\(run)")
            #expect(
                run.stderr
                    == "journal: JOURNAL_BUSY_TIMEOUT must be a number of seconds from 0 to 3600, such as 10 or 2.5; "
                    + "got \"\(value)\".\n")
        }
        #expect(try sandbox.entryCount() == 1)
    }

    @Test(arguments: ["0", "2.5", "3600", "10.", ".5", ""])
    func aBusyTimeoutWithinItsRangeIsUsed(value: String) throws {
        sandbox.environment["JOURNAL_BUSY_TIMEOUT"] = value
        let run = try sandbox.run("log", "bird-dog", "--pain-before", "3", "--pain-after", "3")
        #expect(run.status == 0, "\(run)")
        #expect(try sandbox.run("list").status == 0)
    }

    @Test func backupsInTheSameSecondGetTheirOwnNames() throws {
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3")
        sandbox.environment["JOURNAL_NOW"] = "2026-11-20T07:30:00Z"
        let base = sandbox.directory + "/journal-backup-2026-11-20-073000"
        let first = try sandbox.run("backup")
        let second = try sandbox.run("backup")
        #expect(first.status == 0 && second.status == 0, "\(first)\n\(second)")
        #expect(first.stdout == base + ".sqlite3\n")
        #expect(second.stdout == base + "-2.sqlite3\n")
        #expect(second.stderr == "Backed up the journal to \(base)-2.sqlite3.\n")
        let copy = try execute(tool("sqlite3"), [base + "-2.sqlite3", "SELECT count(*) FROM entries"])
        #expect(copy.stdout == "1\n")
    }

    @Test func aBackupToAnExistingFileNamesNoOptionItLacks() throws {
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3")
        let path = sandbox.directory + "/copy.sqlite3"
        try "mine".write(toFile: path, atomically: false, encoding: .utf8)
        let run = try sandbox.run("backup", path)
        #expect(run.status == 73, "\(run)")
        #expect(
            run.stderr
                == "journal: \(path) already exists, and a backup never replaces a file; name another file, "
                + "or leave the file out for a new name beside the journal.\n")
        #expect(!run.stderr.contains("--force") && !run.stderr.contains("--output"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "mine")
    }

    @Test func doctorGivesTheSizeOfTheJournalALinkLeadsTo() throws {
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3")
        let link = sandbox.directory + "/link.sqlite3"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: sandbox.database)
        let size = try #require(FileManager.default.attributesOfItem(atPath: sandbox.database)[.size] as? Int)
        let json = try sandbox.run("doctor", "--json", "--db", link)
        #expect(json.status == 0, "\(json)")
        let doctor = try #require(
            try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(doctor["file_bytes"] as? Int == size)
        #expect(doctor["link_target"] as? String == sandbox.database)
        let text = try sandbox.run("doctor", "--db", link)
        #expect(text.stdout.contains("\(size) bytes"), "\(text)")
        #expect(text.stdout.contains("a symbolic link to \(sandbox.database)"), "\(text)")
    }
}
