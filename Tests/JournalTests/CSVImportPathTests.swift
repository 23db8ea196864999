import Foundation
import GRDB
import TestSupport
import Testing

@testable import Journal

/// The import's hot path only ever agrees with the general one: a row it reads gives the entry
/// ``CSVFormat/draft(from:)`` and ``EntryDraft/entry(exercise:now:timeZone:replacing:)`` give, and
/// a row it does not take is left to them.
@Suite struct CSVFastPathTests {
    /// 2026-11-25T10:00:00Z.
    let now: Int64 = 1_795_600_800

    /// The record the reader makes of one row.
    func record(_ row: String) throws -> CSVRecord {
        var reader = CSVReader(source: ByteSource(bytes: Array((row + "\r\n").utf8)))
        var record = CSVRecord()
        _ = try reader.next(into: &record)
        return record
    }

    /// What the general path makes of `row`: the entry, or `nil` when it refuses it.
    func general(_ record: CSVRecord) -> Entry? {
        guard let draft = try? CSVFormat.draft(from: record.fields),
            let exercise = Catalog.builtIn.exercise(id: draft.exercise)
        else { return nil }
        return try? draft.entry(exercise: exercise, now: now, timeZone: .gmt)
    }

    func fast(_ record: CSVRecord) -> Entry? {
        guard let exercise = Catalog.builtIn.exercise(id: CSVFormat.untextCell(record.string(2))) else { return nil }
        return CSVFormat.exportedEntry(record, exercise: exercise, now: now)
    }

    static let ids = ["", "1", "42", "007", "+5", " 5", "0", "-1", "9007199254740991", "9007199254740992", "1e3", "x"]
    static let times = [
        "2026-11-20T07:30:00+01:00", "2026-11-20T07:30:00Z", "2026-11-20T07:30:00z", "2026-11-20T07:30:00-00:00",
        "2026-11-20T07:30:00+18:00", "2026-11-20T07:30:00+18:01", "2026-11-20T07:30:00-05:45",
        "2026-11-20T07:30+01:00", "2026-11-20T07:30:00+01:00:30", "2026-11-20T07:30:00+0100", "2024-02-29T23:59:59Z",
        "2026-02-29T10:00:00Z", "2026-11-20T24:00:00Z", "2026-11-20T07:60:00Z", "2026-11-20T07:30:60Z",
        "2026-11-25T10:00:00Z", "2026-11-25T10:00:01Z", "2026-11-25T11:00:00+01:00", "2026-11-25T11:00:01+01:00",
        " 2026-11-20T07:30:00Z", "2026-13-20T07:30:00Z", "0000-01-01T00:00:00Z", "2026-11-20 07:30:00Z",
    ]
    static let sides = ["", "left", "right", "both", "Left", "LEFT", " left", "middle"]
    static let numbers = [
        "", "1", "3", "10", "03", "+3", " 3", "3 ", "0", "50", "51", "500", "501", "3600", "3601", "x",
    ]
    static let pains = ["0", "4", "10", "11", "-1", "04", " 4", "", "4.0"]
    static let notes = [
        "", "fine", "'=1+1", "''quoted", "'", "é", "'\u{301}x", "a\u{0}b", String(repeating: "x", count: 4001),
    ]

    @Test func everyRowItReadsItReadsAsTheGeneralPathDoes() throws {
        var random = SplitMix(seed: 20)
        var taken = 0
        for _ in 0..<20_000 {
            // Mostly a value export writes (the first of each list), so that most rows are whole.
            func pick(_ values: [String], usual: Int = 1) -> String {
                Int.random(in: 0..<8, using: &random) > 0
                    ? values[Int.random(in: 0..<usual, using: &random)]
                    : values[Int.random(in: 0..<values.count, using: &random)]
            }
            let exercise = pick(["side-plank", "glute-bridge", "'side-plank", "nope", "Side-Plank"], usual: 2)
            let fields = [
                pick(Self.ids, usual: 3), pick(Self.times, usual: 2), exercise, pick(Self.sides, usual: 4),
                pick(Self.numbers, usual: 3), pick(Self.numbers, usual: 3), pick(Self.numbers, usual: 3),
                pick(Self.pains, usual: 3), pick(Self.pains, usual: 3), "", "", pick(Self.notes, usual: 2),
            ]
            let row = fields.map(CSVFormat.field).joined(separator: ",")
            let record = try record(row)
            guard let entry = fast(record) else { continue }
            taken += 1
            #expect(general(record) == entry, "\(row)")
        }
        #expect(taken > 2000)
    }

    @Test func whatExportWritesTakesTheFastPath() throws {
        let rows = [
            "12,2026-11-20T07:30:00+01:00,glute-bridge,,3,10,,4,3,-1,false,",
            "13,2026-11-21T08:00:00-05:45,side-plank,left,1,,30,2,4,2,true,\"'=x, \"\"y\"\"\"",
            ",2026-11-22T12:00:00Z,bird-dog,both,2,8,5,10,0,-10,false,''already quoted",
        ]
        for row in rows {
            let record = try record(row)
            let entry = try #require(fast(record), "\(row)")
            #expect(general(record) == entry)
        }
    }
}

/// The identity rules hold whichever way rows reach the journal: in batches, looked up one by one,
/// or under a free id below the journal's highest.
@Suite struct ImportBatchTests {
    let directory = TemporaryDirectory()
    /// 2026-11-25T10:00:00Z.
    let now: Int64 = 1_795_600_800

    func row(_ id: Int64?, minute: Int, pain: Int = 3) -> String {
        "\(id.map(String.init) ?? ""),2026-11-20T07:\(String(format: "%02d", minute % 60)):00Z,bird-dog,,1,10,,\(pain),2,,,\r\n"
    }

    func importing(_ text: String, into store: JournalStore) throws -> ImportResult {
        try store.importCSV(from: ByteSource(bytes: Array(text.utf8)), now: now)
    }

    @Test func idsFreeTakenAndRepeatedAcrossBatches() throws {
        let store = try JournalStore(path: directory.file("j.sqlite3"))
        let header = CSVFormat.header
        #expect(
            try importing(header + row(1, minute: 1) + row(2, minute: 2) + row(3, minute: 3), into: store).added == 3)
        _ = try store.delete(ids: [2], now: now)
        var text = header
        text += row(2, minute: 2)  // free, below the highest id used: added under its id
        text += row(3, minute: 3)  // the same entry: skipped
        for minute in 0..<300 { text += row(nil, minute: minute) }  // new: ids 4 to 303
        text += row(1000, minute: 5)
        text += row(nil, minute: 6)  // 1001
        text += row(500, minute: 7)  // free, between ids this import gave
        text += row(1000, minute: 5)  // the same as a row above, perhaps not yet written: a repeat
        var expected = ImportResult(added: 304, skipped: 1)  // #3, already in the journal
        expected.repeated = 1  // #1000, twice in the file
        #expect(try importing(text, into: store) == expected)
        let ids = try store.entries().compactMap(\.id).sorted()
        #expect(ids == [1, 2, 3] + Array(4...303) + [500, 1000, 1001])
        #expect(try store.entry(id: 1001)?.localTime.minute == 6)

        #expect(throws: JournalError.self) {
            try importing(header + row(nil, minute: 9) + row(1001, minute: 8), into: store)
        }
        #expect(try store.entryCount() == 306)

        let undone = try #require(try store.undo())
        #expect(undone.kind == .import)
        #expect(undone.removed == 304)
        #expect(try store.entries().compactMap(\.id).sorted() == [1, 3])
    }

    @Test func aDifferentEntryUnderATakenIdIsRefusedWithItsLineAfterManyRows() throws {
        let store = try JournalStore(path: directory.file("j.sqlite3"))
        var text = CSVFormat.header
        for id in 1...600 { text += row(Int64(id), minute: id) }
        text += row(17, minute: 17, pain: 9)
        do {
            _ = try importing(text, into: store)
            Issue.record("the import was not refused")
        } catch JournalError.invalidImport(let line, let problem) {
            #expect(line == 602)
            #expect(problem.hasPrefix("id 17 already names a different entry"))
        }
        #expect(try store.entryCount() == 0)
    }
}

/// Which ids an import gave, among the latest: the same answers as a set of them all.
@Suite struct GivenIDsTests {
    @Test func answersAsASetWouldWithinTheWindow() {
        var random = SplitMix(seed: 65_536)
        let start: Int64 = 1000
        var given = GivenIDs(top: start)
        var all = Set<Int64>()
        var top = start
        for _ in 0..<200_000 {
            let id: Int64
            switch Int.random(in: 0..<100, using: &random) {
            case 0: id = top + Int64.random(in: 1...200_000, using: &random)  // a jump past the window
            case 1..<60: id = top + Int64.random(in: 1...3, using: &random)
            default: id = max(1, top - Int64.random(in: 0...70_000, using: &random))  // below: may be free
            }
            if id <= top, given.contains(id) != nil, all.contains(id) { continue }
            given.insert(id)
            all.insert(id)
            top = max(top, id)
            let probe = top - Int64.random(in: 0...70_000, using: &random)
            let expected: Bool? = probe > top - GivenIDs.span ? all.contains(probe) : nil
            #expect(given.contains(probe) == expected)
            if given.contains(probe) != expected { break }
        }
    }
}

@Suite struct ImportOrderTests {
    let directory = TemporaryDirectory()
    /// 2026-11-25T10:00:00Z.
    let now: Int64 = 1_795_600_800

    func row(_ id: Int64, second: Int, pain: Int = 3) -> String {
        "\(id),2026-11-20T07:\(String(format: "%02d", second / 60 % 60)):\(String(format: "%02d", second % 60))Z,"
            + "bird-dog,,1,10,,\(pain),2,,,\r\n"
    }

    /// An export lists entries by when they were done, so ids come out of order; a repeated id is
    /// still the same entry (counted as a repeat of the file's row) or a different one (refused),
    /// written yet or not.
    @Test func idsOutOfOrderAndRepeated() throws {
        let store = try JournalStore(path: directory.file("j.sqlite3"))
        var random = SplitMix(seed: 7)
        var ids = Array(Int64(1)...2000)
        for index in stride(from: 0, to: ids.count - 8, by: 8) {
            ids[index..<index + 8].shuffle(using: &random)
        }
        var text = CSVFormat.header
        for id in ids { text += row(id, second: Int(id)) }
        text += row(1999, second: 1999)  // still pending when read: a repeat of the file's row
        text += row(3, second: 3)  // written long before: a repeat of the file's row too
        let result = try store.importCSV(from: ByteSource(bytes: Array(text.utf8)), now: now)
        var expected = ImportResult(added: 2000, skipped: 0)
        expected.repeated = 2
        #expect(result == expected)
        #expect(try store.entries().compactMap(\.id).sorted() == Array(1...2000))
        #expect(try store.entry(id: 1234)?.localTime.second == 1234 % 60)

        let other = try JournalStore(path: directory.file("other.sqlite3"))
        for (line, repeated) in [(2004, row(1999, second: 1999, pain: 9)), (2004, row(3, second: 3, pain: 9))] {
            do {
                _ = try other.importCSV(from: ByteSource(bytes: Array((text + repeated).utf8)), now: now)
                Issue.record("a repeated id naming a different entry was not refused")
            } catch JournalError.invalidImport(let at, let problem) {
                #expect(at == line)
                #expect(problem.hasPrefix("id \(repeated.prefix { $0 != "," }) already names a different entry"))
            }
            #expect(try other.entryCount() == 0)
        }
    }
}
