import Foundation
import Testing

@Suite struct ExportImportCommandTests {
    let sandbox = Sandbox()

    func fill() throws {
        try sandbox.log(
            "glute-bridge", "--pain-before", "4", "--pain-after", "3", "--sets", "3", "--reps", "10", "--at",
            "2026-11-20T07:30")
        try sandbox.log(
            "side-plank", "--pain-before", "2", "--pain-after", "4", "--hold", "30", "--side", "left", "--at",
            "2026-11-21T08:00+01:00",
            "--note", "=HYPERLINK(\"x\"), \"quoted\"\nline two 🙂")
        try sandbox.log(
            "bird-dog", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-22", "--note", "'already quoted")
    }

    static let expectedCSV =
        "id,performed_at,exercise,side,sets,reps,hold_seconds,pain_before,pain_after,pain_change,flagged,note\r\n"
        + "1,2026-11-20T07:30:00+00:00,glute-bridge,,3,10,,4,3,-1,false,\r\n"
        + "2,2026-11-21T08:00:00+01:00,side-plank,left,1,,30,2,4,2,true,\"'=HYPERLINK(\"\"x\"\"), \"\"quoted\"\"\nline two 🙂\"\r\n"
        + "3,2026-11-22T12:00:00+00:00,bird-dog,,1,,,3,3,0,false,''already quoted\r\n"

    @Test func csvToStandardOutput() throws {
        try fill()
        let run = try sandbox.run("export")
        #expect(run.status == 0)
        #expect(run.stdout == Self.expectedCSV)
        #expect(run.stderr == "")
    }

    @Test func anIndependentReaderSeesTheExpectedCells() throws {
        guard let python = installedByCI("python3") else { return }
        try fill()
        let path = sandbox.directory + "/out.csv"
        #expect(try sandbox.run("export", "--output", path).status == 0)
        let reader = try execute(
            python,
            [
                "-c",
                "import csv, json, sys; print(json.dumps(list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))))",
                path,
            ])
        let data = Data(reader.stdout.utf8)
        let rows = try #require(try JSONSerialization.jsonObject(with: data) as? [[String]])
        #expect(rows.count == 4)
        #expect(
            rows[0] == [
                "id", "performed_at", "exercise", "side", "sets", "reps", "hold_seconds", "pain_before", "pain_after",
                "pain_change", "flagged", "note",
            ])
        #expect(
            rows[2] == [
                "2", "2026-11-21T08:00:00+01:00", "side-plank", "left", "1", "", "30", "2", "4", "2", "true",
                "'=HYPERLINK(\"x\"), \"quoted\"\nline two 🙂",
            ])
        #expect(rows[3][11] == "''already quoted")
    }

    @Test func outputIsPrivateAndReplacedOnlyWithForce() throws {
        try fill()
        let path = sandbox.directory + "/out.csv"
        let first = try sandbox.run("export", "--output", path)
        #expect(first.status == 0)
        #expect(first.stderr == "Exported 3 entries to \(path).\n")
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600)
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: path))
        let refused = try sandbox.run("export", "--output", path)
        #expect(refused.status == 73)
        #expect(
            refused.stderr
                == "journal: \(path) already exists; pass --force to replace it, or choose another --output.\n")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep me")
        #expect(try sandbox.run("export", "--output", path, "--force").status == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == Self.expectedCSV)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: sandbox.directory).filter { $0.hasPrefix(".") }.isEmpty)
    }

    @Test func aFailedExportLeavesNoFile() throws {
        try Data("not a database at all, just text".utf8).write(to: URL(fileURLWithPath: sandbox.database))
        let path = sandbox.directory + "/out.csv"
        let run = try sandbox.run("export", "--output", path)
        #expect(run.status == 65)
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.directory).sorted() == ["journal.sqlite3"])
    }

    @Test func excelGetsAByteOrderMark() throws {
        try fill()
        let run = try sandbox.run("export", "--excel")
        #expect(run.stdout.utf8.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(try sandbox.run("export", "--excel", "--format", "json").status == 64)
    }

    @Test func jsonHasTheListKeysPlusDerivedOnes() throws {
        try fill()
        let run = try sandbox.run("export", "--format", "json", "--exercise", "side-plank")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 1)
        #expect(
            Set(rows[0].keys) == [
                "id", "exercise", "performed_at", "sets", "reps", "hold_seconds", "side", "pain_before", "pain_after",
                "note", "pain_change", "flagged",
            ])
        #expect(rows[0]["pain_change"] as? Int == 2)
        #expect(rows[0]["flagged"] as? Bool == true)
    }

    @Test func anEmptyJournalExportsTheHeader() throws {
        #expect(
            try sandbox.run("export").stdout
                == "id,performed_at,exercise,side,sets,reps,hold_seconds,pain_before,pain_after,pain_change,flagged,note\r\n"
        )
        #expect(try sandbox.run("export", "--format", "json").stdout == "[]\n")
    }

    @Test func importRoundTripsByteForByteAndTwiceAddsNothing() throws {
        try fill()
        let path = sandbox.directory + "/out.csv"
        #expect(try sandbox.run("export", "--output", path).status == 0)
        sandbox.environment["JOURNAL_DB"] = sandbox.directory + "/second.sqlite3"
        let first = try sandbox.run("import", path)
        #expect(first.status == 0, "\(first)")
        #expect(first.stdout == "Imported 3 entries; skipped 0 already in the journal.\n")
        let second = try sandbox.run("import", path, "--json")
        #expect(second.stdout == "{\n  \"added\" : 0,\n  \"skipped\" : 3\n}\n")
        #expect(try sandbox.run("export").stdout == Self.expectedCSV)
        let fromStandardInput = try sandbox.run("import", "-", stdin: Self.expectedCSV)
        #expect(fromStandardInput.stdout == "Imported 0 entries; skipped 3 already in the journal.\n")
    }

    @Test func hundredsOfKilobytesGoInOnStandardInputAndComeBackOut() throws {
        // Larger than a pipe's buffer both ways: the import reads it all, the export writes it all back.
        var csv =
            "id,performed_at,exercise,side,sets,reps,hold_seconds,pain_before,pain_after,pain_change,flagged,note\r\n"
        for index in 1...3000 {
            // One a minute from 2026-10-01 00:01 UTC.
            let (day, minute) = (1 + index / 1440, index % 1440)
            let time = String(format: "2026-10-%02dT%02d:%02d:00+00:00", day, minute / 60, minute % 60)
            csv += "\(index),\(time),bird-dog,,2,\(index % 500 + 1),,3,2,-1,false,row \(index)\r\n"
        }
        #expect(csv.utf8.count > 200_000)
        let imported = try sandbox.run("import", "-", stdin: csv)
        #expect(imported.status == 0, "\(imported)")
        #expect(imported.stdout == "Imported 3000 entries; skipped 0 already in the journal.\n")
        let exported = try sandbox.run("export")
        #expect(exported.status == 0)
        #expect(exported.stdout == csv)
    }

    @Test func aBadRowNamesItsLineAndImportsNothing() throws {
        try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "3")
        let path = sandbox.directory + "/bad.csv"
        // Ids 11 to 13: free in this journal, whose one entry has id 1.
        let text =
            Self.expectedCSV.replacingOccurrences(of: ",''already quoted", with: ",x")
            .replacingOccurrences(of: "\r\n1,2026", with: "\r\n11,2026")
            .replacingOccurrences(of: "\r\n2,2026", with: "\r\n12,2026")
            .replacingOccurrences(of: "\r\n3,2026", with: "\r\n13,2026")
            + ",2026-11-22T12:00:00Z,bird-dog,,1,,,3,11,,,\r\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let run = try sandbox.run("import", path)
        #expect(run.status == 65)
        #expect(
            run.stderr
                == "journal: line 6: pain_after must be a whole number from 0 (no pain) to 10 (worst imaginable); got \"11\". Nothing was imported.\n"
        )
        #expect(try sandbox.entryCount() == 1)
    }

    @Test func aMissingFileIsNoInput() throws {
        let run = try sandbox.run("import", sandbox.directory + "/nope.csv")
        #expect(run.status == 66)
        #expect(run.stderr == "journal: cannot read \(sandbox.directory)/nope.csv: No such file or directory.\n")
    }
}
