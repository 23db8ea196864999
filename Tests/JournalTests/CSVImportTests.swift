import Foundation
import GRDB
import TestSupport
import Testing

@testable import Journal

@Suite struct CSVImportTests {
    let directory = TemporaryDirectory()
    /// 2026-11-25T10:00:00Z.
    let now: Int64 = 1_795_600_800

    func store(_ name: String = "j.sqlite3") throws -> JournalStore {
        try JournalStore(path: directory.file(name))
    }

    func entry(_ exercise: String = "glute-bridge", at time: Int64, note: String? = nil, side: Side? = nil) throws
        -> Entry
    {
        try Entry(
            exerciseID: exercise, performedAt: time, utcOffset: 3600, sets: 2, reps: 8, side: side,
            painBefore: #require(PainLevel(4)), painAfter: #require(PainLevel(5)), note: note, createdAt: time)
    }

    /// Exports to a file and returns its bytes.
    func export(_ store: JournalStore, _ format: ExportFormat = .csv, selection: ExportSelection = ExportSelection())
        throws -> [UInt8]
    {
        let path = directory.file("export-\(UUID().uuidString)")
        let descriptor = open(path, O_CREAT | O_WRONLY, 0o600)
        let sink = OutputSink(descriptor: descriptor, name: path)
        try store.export(format, selection: selection, to: sink)
        try sink.flush()
        close(descriptor)
        return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    func importing(_ text: String, into store: JournalStore) throws -> ImportResult {
        try store.importCSV(from: ByteSource(bytes: Array(text.utf8)), now: now)
    }

    static let adversarialNotes = [
        "He said \"stop\", I said 'no'", "line one\nline two\r\nline three\rend", "🙂👍🏽 émoji, ünïcode",
        "=SUM(A1:A9)", "+1 better", "-2 worse", "@mention", "\tindented", "'quoted already", "''twice",
        ",leading comma", "\"", "trailing space ", "tab\tinside", String(repeating: "long ", count: 800),
        " =HYPERLINK(\"http://x\")", "\n-1 worse", " \t @x", "\r\n+1", String(repeating: "e\u{301}", count: 2000),
    ]

    @Test func exportImportExportIsByteIdentical() throws {
        let source = try store("source.sqlite3")
        for (index, note) in Self.adversarialNotes.enumerated() {
            _ = try source.add(
                try entry(
                    index % 2 == 0 ? "glute-bridge" : "side-plank", at: now - Int64(index) * 3600, note: note,
                    side: index % 2 == 0 ? nil : .right))
        }
        _ = try source.add(try entry(at: now - 999_999))
        let first = try export(source)
        let target = try store("target.sqlite3")
        let result = try target.importCSV(from: ByteSource(bytes: first), now: now)
        #expect(result == ImportResult(added: 21, skipped: 0))
        #expect(try export(target) == first)
        #expect(try target.entries().map(\.note) == source.entries().map(\.note))
        #expect(try export(target, .json) == export(source, .json))
    }

    @Test func importingTheSameFileTwiceAddsNothingTheSecondTime() throws {
        let source = try store("source.sqlite3")
        _ = try source.add(try entry(at: now - 100, note: "one"))
        _ = try source.add(try entry(at: now - 50, note: "two"))
        let bytes = try export(source)
        let target = try store("target.sqlite3")
        #expect(try target.importCSV(from: ByteSource(bytes: bytes), now: now) == ImportResult(added: 2, skipped: 0))
        #expect(try target.importCSV(from: ByteSource(bytes: bytes), now: now) == ImportResult(added: 0, skipped: 2))
        #expect(try target.entryCount() == 2)
    }

    @Test func aRowWhoseIdHoldsAnotherEntryIsRefused() throws {
        let target = try store()
        _ = try target.add(try entry("bird-dog", at: now - 10, note: "mine"))
        let header = CSVFormat.header
        #expect(
            throws: JournalError.invalidImport(
                line: 3,
                problem:
                    "id 1 already names a different entry in this journal (bird-dog at 2026-11-25T10:59:50+01:00); "
                    + "an id names one entry. To add the row as a new entry, empty its id cell.")
        ) {
            try importing(
                header + "7,2026-11-20T07:30:00+00:00,glute-bridge,,1,10,,3,2,-1,false,theirs\r\n"
                    + "1,2026-11-20T07:30:00+00:00,glute-bridge,,1,10,,3,2,-1,false,theirs\r\n", into: target)
        }
        #expect(try target.entries().map(\.note) == ["mine"])
        // The same content under the id is the same entry: skipped, whenever it was recorded.
        let mine = CSVFormat.row(try #require(try target.entry(id: 1)))
        #expect(try importing(header + mine, into: target) == ImportResult(added: 0, skipped: 1))
    }

    @Test func identicalSessionsAreTwoEntriesThroughARoundTrip() throws {
        let source = try store("source.sqlite3")
        let session = try entry(at: now - 600, note: "same")
        _ = try source.add(session)
        _ = try source.add(session)
        _ = try source.add(try entry(at: now - 600))
        _ = try source.add(try entry(at: now - 600))
        let bytes = try export(source)
        let target = try store("target.sqlite3")
        #expect(try target.importCSV(from: ByteSource(bytes: bytes), now: now) == ImportResult(added: 4, skipped: 0))
        #expect(try export(target) == bytes)
        #expect(try target.importCSV(from: ByteSource(bytes: bytes), now: now) == ImportResult(added: 0, skipped: 4))
        // A row without an id is a new entry, even when an entry looks just like it.
        let row = String(decoding: bytes, as: UTF8.self).split(separator: "\r\n")[1].drop { $0 != "," }
        #expect(try importing(CSVFormat.header + row + "\r\n", into: target).added == 1)
        #expect(try target.entryCount() == 5)
    }

    @Test(arguments: ["9223372036854775807", "9007199254740992", "0", "-1", "1e3", "18446744073709551616"])
    func idsOutsideTheBoundsAreRefused(id: String) throws {
        let target = try store()
        #expect(
            throws: JournalError.invalidImport(
                line: 2, problem: "id must be a whole number from 1 to 9007199254740991; got \"\(id)\".")
        ) {
            try importing(CSVFormat.header + "\(id),2026-11-20T07:30:00Z,bird-dog,,1,10,,3,2,,,\r\n", into: target)
        }
        #expect(try target.entryCount() == 0)
    }

    /// The largest id journal gives, imported, would leave none for a later entry, after which
    /// every log was refused (issue #25): the import is refused, nothing is written, and a log
    /// after it is given the next id.
    @Test func theLargestIdIsRefusedLeavingIdsForLaterEntries() throws {
        let target = try store()
        #expect(
            throws: JournalError.invalidImport(
                line: 2,
                problem: "the entry has id 9007199254740991, the largest id journal gives, and would leave no id "
                    + "for the next entry; give it a lower id free in this journal (`journal check` names the fix "
                    + "for a journal holding one).")
        ) {
            try importing(
                CSVFormat.header + "9007199254740991,2026-11-20T07:30:00Z,bird-dog,,1,10,,3,2,,,\r\n", into: target)
        }
        #expect(try target.entryCount() == 0)
        var draft = EntryDraft(exercise: "bird-dog")
        draft.painBefore = PainLevel(3)
        draft.painAfter = PainLevel(3)
        #expect(try target.log(draft, now: now, timeZone: .gmt).entry.id == 1)
    }

    @Test func undoingAnOldImportOfTheLargestRowidFreesTheIds() throws {
        // What an import did before ids were bounded: an entry with id 2^63 - 1, after which SQLite
        // has no id left ("disk is full") for any new entry.
        let target = try store()
        _ = try target.add(try entry(at: now - 100))
        try target.writing { db in
            var stamp = try target.clock.stamp(db, now: Date(timeIntervalSince1970: TimeInterval(now - 50)))
            var huge = try entry(at: now - 50)
            huge.id = Int64.max
            try EntryQueries.insert(huge, uid: stamp.uid(), recorded: stamp.recorded, db)
            let log = ChangeLog(db)
            try log.noteAdded(Int64.max, for: log.begin(.import, now: now))
        }
        var draft = EntryDraft(exercise: "bird-dog")
        draft.painBefore = PainLevel(3)
        draft.painAfter = PainLevel(3)
        #expect(throws: JournalError.self) { try target.log(draft, now: now, timeZone: .gmt) }
        #expect(try target.undo()?.removed == 1)
        #expect(try target.log(draft, now: now, timeZone: .gmt).entry.id == 2)
    }

    @Test func rowsWithoutAnIdAreAlwaysNew() throws {
        let target = try store()
        let row = ",2026-11-20T07:30:00Z,glute-bridge,,1,10,,3,2,,,\r\n"
        #expect(try importing(CSVFormat.header + row, into: target).added == 1)
        #expect(try target.entries().first?.performedAt == 1_795_159_800)
    }

    @Test func aHeaderOnlyFileImportsNothing() throws {
        let target = try store()
        #expect(try importing(CSVFormat.header, into: target) == ImportResult())
    }

    @Test(arguments: [
        (
            "1,2026-11-20T07:30:00Z,glute-bridge,,1,10,,11,2,,,\r\n", 3,
            "pain_before must be a whole number from 0 (no pain) to 10 (worst imaginable); got \"11\"."
        ),
        (
            "1,2026-11-20 07:30,glute-bridge,,1,10,,1,2,,,\r\n", 3,
            "cannot use \"2026-11-20 07:30\" as a date: performed_at must be a date, time and offset, such as 2026-11-20T07:30:00+01:00."
        ),
        (
            "1,2026-11-20T07:30:00Z,glute-brige,,1,10,,1,2,,,\r\n", 3,
            "unknown exercise \"glute-brige\"; did you mean \"glute-bridge\"? A CSV holds entries only, not your own "
                + "exercises: add it first with `journal exercises add`, or restore the whole journal from "
                + "`journal export --all --format json`."
        ),
        ("1,2026-11-20T07:30:00Z,glute-bridge,,1,10\r\n", 3, "expected 12 fields, found 6."),
        (
            "1,2026-11-20T07:30:00Z,glute-bridge,left,1,10,,1,2,,,\r\n", 3,
            "glute-bridge is done with both sides at once, so it takes no --side; leave --side out."
        ),
        (
            "1,2027-01-01T07:30:00Z,glute-bridge,,1,10,,1,2,,,\r\n", 3,
            "\"2027-01-01T07:30:00Z\" is 2027-01-01 07:30 (UTC+00:00), which is in the future; journal records only what has already happened."
        ),
        (
            "x,2026-11-20T07:30:00Z,glute-bridge,,1,10,,1,2,,,\r\n", 3,
            "id must be a whole number from 1 to 9007199254740991; got \"x\"."
        ),
        (
            "1,2026-11-20T07:30:00Z,glute-bridge,,0,10,,1,2,,,\r\n", 3,
            "sets must be a whole number from 1 to 50; got \"0\"."
        ),
    ])
    func aBadRowAtTheEndLeavesNothingImported(badRow: String, line: Int, problem: String) throws {
        let target = try store()
        _ = try target.add(try entry(at: now - 10, note: "kept"))
        let good = "5,2026-11-19T07:30:00Z,bird-dog,,1,10,,3,2,-1,false,\"a note\nover two lines\"\r\n"
        #expect(throws: JournalError.invalidImport(line: line + 1, problem: problem)) {
            try importing(CSVFormat.header + good + badRow, into: target)
        }
        #expect(try target.entries().map(\.note) == ["kept"])
    }

    @Test func aWrongHeaderIsRefused() throws {
        #expect(
            throws: JournalError.invalidImport(
                line: 1, problem: "the header must be \(CSVFormat.columns.joined(separator: ",")).")
        ) {
            try importing("id,when,exercise\r\n", into: try store())
        }
        #expect(
            throws: JournalError.invalidImport(line: 1, problem: "the file is empty; it needs at least the header row.")
        ) {
            try importing("", into: try store())
        }
    }

    @Test func aHundredThousandRowsImportInOneTransaction() throws {
        var text = CSVFormat.header
        text.reserveCapacity(7_000_000)
        for index in 0..<100_000 {
            text +=
                ",2026-0\(index % 9 + 1)-1\(index % 10)T07:\(10 + index % 50):00+01:00,bird-dog,,1,\(index % 500 + 1),,3,2,,,\r\n"
        }
        let target = try store()
        // One bad row at the very end: the 99,999 before it must not be committed.
        #expect(throws: JournalError.self) {
            try importing(text + ",2026-11-20T07:30:00Z,bird-dog,,1,1,,99,2,,,\r\n", into: target)
        }
        #expect(try target.entryCount() == 0)
        #expect(try importing(text, into: target).added == 100_000)
        #expect(try target.entryCount() == 100_000)
    }

    @Test func exportSelectsLocalDaysAndAnExercise() throws {
        let journal = try store()
        // 2026-11-19T23:30+01:00 is 22:30 UTC on the 19th; 2026-11-20T00:30+01:00 is 23:30 UTC on the 19th.
        _ = try journal.add(try entry("glute-bridge", at: 1_795_127_400, note: "evening before"))
        _ = try journal.add(try entry("glute-bridge", at: 1_795_131_000, note: "first minutes"))
        _ = try journal.add(try entry("bird-dog", at: 1_795_131_100, note: "other exercise"))
        let day = try #require(LocalDate(iso8601: "2026-11-20"))
        let selection = ExportSelection(period: Period(from: day, to: day), exerciseID: "glute-bridge")
        let text = String(decoding: try export(journal, selection: selection), as: UTF8.self)
        #expect(
            text == CSVFormat.header + "2,2026-11-20T00:30:00+01:00,glute-bridge,,2,8,,4,5,1,true,first minutes\r\n")
    }

    @Test func anEmptyJSONExportIsAnEmptyArray() throws {
        #expect(String(decoding: try export(try store(), .json), as: UTF8.self) == "[]\n")
    }

    @Test func timestampsReadExactly() throws {
        #expect(
            DateInput.parseTimestamp("2026-11-20T08:30:00+01:00")
                == ResolvedTime(unixSeconds: 1_795_159_800, utcOffset: 3600))
        #expect(DateInput.parseTimestamp("2026-11-20T07:30Z") == ResolvedTime(unixSeconds: 1_795_159_800, utcOffset: 0))
        #expect(DateInput.parseTimestamp("2026-11-20T07:30:00") == nil)
        #expect(DateInput.parseTimestamp("2026-11-20 07:30:00Z") == nil)
        #expect(DateInput.parseTimestamp("2026-02-30T07:30:00Z") == nil)
    }
}
