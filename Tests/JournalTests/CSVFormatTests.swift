import Testing

@testable import Journal

@Suite struct CSVFormatTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("a,b", "\"a,b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("two\nlines", "\"two\nlines\""),
        ("cr\rhere", "\"cr\rhere\""),
        ("crlf\r\nhere", "\"crlf\r\nhere\""),
        ("", ""),
        ("🙂 é", "🙂 é"),
    ])
    func fieldsAreQuotedOnlyWhenNeeded(text: String, expected: String) throws {
        #expect(CSVFormat.field(text) == expected)
    }

    @Test(arguments: [
        "=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "'quoted", " =HYPERLINK(\"x\")", "  +1", "\t-1", "\n@x",
        "\r\n=1", " \t\r\n =x", "\t", "\r",
    ])
    func formulaStartsGetAQuoteThatImportRemoves(text: String) throws {
        #expect(CSVFormat.textCell(text) == "'" + text)
        #expect(CSVFormat.untextCell(CSVFormat.textCell(text)) == text)
        var bytes: [UInt8] = []
        CSVFormat.appendText(text, to: &bytes)
        #expect(bytes == Array(CSVFormat.field("'" + text).utf8))
    }

    @Test(arguments: ["plain", "a=b", " x =y", "1-2", "", " ", "\n", "  ", "\nplain", " 'x", "\u{A0}=x"])
    func otherTextIsLeftAlone(text: String) throws {
        #expect(CSVFormat.textCell(text) == text)
        #expect(CSVFormat.untextCell(text) == text)
    }

    @Test func aRowHasEveryColumnInOrder() throws {
        let entry = try Entry(
            id: 12, exerciseID: "side-plank", performedAt: 1_795_159_800, utcOffset: 3600, sets: 2, holdSeconds: 30,
            side: .left, painBefore: #require(PainLevel(3)), painAfter: #require(PainLevel(4)),
            note: "=cmd, \"x\"\nok", createdAt: 0)
        #expect(
            CSVFormat.row(entry)
                == "12,2026-11-20T08:30:00+01:00,side-plank,left,2,,30,3,4,1,true,\"'=cmd, \"\"x\"\"\nok\"\r\n")
        let west = try Entry(
            id: 1_234_567_890_123, exerciseID: "bird-dog", performedAt: 1_795_159_800, utcOffset: -(5 * 3600 + 1800),
            sets: 50, reps: 500, painBefore: #require(PainLevel(10)), painAfter: #require(PainLevel(0)), createdAt: 0)
        #expect(CSVFormat.row(west) == "1234567890123,2026-11-20T02:00:00-05:30,bird-dog,,50,500,,10,0,-10,false,\r\n")
        #expect(
            CSVFormat.header
                == "id,performed_at,exercise,side,sets,reps,hold_seconds,pain_before,pain_after,pain_change,flagged,note\r\n"
        )
    }
}

@Suite struct CSVReaderTests {
    func read(_ text: String) throws -> [([String], Int)] {
        try read(bytes: Array(text.utf8))
    }

    func read(bytes: [UInt8]) throws -> [([String], Int)] {
        var reader = CSVReader(source: ByteSource(bytes: bytes))
        var records: [([String], Int)] = []
        while let record = try reader.next() { records.append((record.fields, record.line)) }
        return records
    }

    @Test func readsQuotedFieldsAcrossLinesAndCountsLines() throws {
        let records = try read(
            "a,b\r\n\"x,1\",\"say \"\"hi\"\"\"\r\n\"two\r\nlines\",\"three\nmore\nlines\"\r\nlast,\r\n")
        #expect(
            records.map(\.0) == [
                ["a", "b"], ["x,1", "say \"hi\""], ["two\r\nlines", "three\nmore\nlines"], ["last", ""],
            ])
        #expect(records.map(\.1) == [1, 2, 3, 7])
    }

    @Test func acceptsLFAndLoneCRAndNoFinalLineEnd() throws {
        #expect(try read("a,b\nc,d\re,f").map(\.0) == [["a", "b"], ["c", "d"], ["e", "f"]])
    }

    @Test func skipsAByteOrderMarkAndBlankLines() throws {
        let records = try read(bytes: [0xEF, 0xBB, 0xBF] + Array("a,b\r\n\r\nc,d\r\n\r\n".utf8))
        #expect(records.map(\.0) == [["a", "b"], ["c", "d"]])
        #expect(records.map(\.1) == [1, 3])
    }

    @Test(arguments: [
        ("a,b\r\nc\"d,e\r\n", 2, "a quote (\") inside a field that does not start with one"),
        ("a,b\r\n\"c\"d,e\r\n", 2, "text after a closing quote; a quote inside a quoted field is written twice (\"\")"),
        ("a,b\r\nc,\"never\r\nclosed\r\n", 2, "a quoted field that starts here is never closed"),
    ])
    func refusesWhatItCannotReadExactly(text: String, line: Int, problem: String) throws {
        #expect(throws: CSVReadError(line: line, problem: problem)) { try read(text) }
    }

    @Test func refusesBytesThatAreNotUTF8() throws {
        #expect(throws: CSVReadError(line: 2, problem: "field 2 is not valid UTF-8 text")) {
            try read(bytes: Array("a,b\r\nc,".utf8) + [0xFF, 0xFE] + Array("\r\n".utf8))
        }
    }
}

/// The reader's bounds: memory stays bounded whatever the input.
@Suite struct CSVReaderLimitTests {
    func read(_ text: String) throws -> [[String]] {
        var reader = CSVReader(source: ByteSource(bytes: Array(text.utf8)))
        var records: [[String]] = []
        while let record = try reader.next() { records.append(record.fields) }
        return records
    }

    @Test func aFieldMayHoldUpTo64KiB() throws {
        let largest = String(repeating: "x", count: CSVReader.Limits.fieldBytes)
        #expect(try read("a\r\n\(largest),b\r\n\"\(largest)\"\r\n") == [["a"], [largest, "b"], [largest]])
        #expect(throws: CSVReadError(line: 2, problem: "a field longer than 65536 bytes")) {
            try read("a\r\n\(largest)x,b\r\n")
        }
        #expect(throws: CSVReadError(line: 2, problem: "a field longer than 65536 bytes")) {
            try read("a\r\n\"\(largest)\nx\"\r\n")
        }
    }

    @Test func aRecordMayHoldUpTo64Fields() throws {
        let most = String(repeating: ",", count: 63)
        #expect(try read(most + "\r\n").first?.count == 64)
        #expect(throws: CSVReadError(line: 1, problem: "a record with more than 64 fields; a row has 12")) {
            try read(String(repeating: ",", count: 1_000_000))
        }
    }

    @Test func aRecordMayTakeUpTo128KiB() throws {
        let field = String(repeating: "x", count: 50_000)
        #expect(throws: CSVReadError(line: 3, problem: "a record longer than 131072 bytes")) {
            try read("a\r\nb\r\n\(field),\(field),\(field)\r\n")
        }
    }

    @Test func anEndlessFieldStopsAtTheLimit() throws {
        let zeros = [UInt8](repeating: 0, count: 1 << 20)
        var reader = CSVReader(source: ByteSource(bytes: zeros))
        #expect(throws: CSVReadError(line: 1, problem: "a field longer than 65536 bytes")) { try reader.next() }
    }
}
