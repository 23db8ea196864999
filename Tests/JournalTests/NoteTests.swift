import Foundation
import TestSupport
import Testing

@testable import Journal

/// One rule for notes, everywhere: the schema's `length(note) BETWEEN 1 AND 4000` counts code points.
@Suite struct NoteTests {
    let directory = TemporaryDirectory()
    /// 2026-11-25T10:00:00Z.
    let now: Int64 = 1_795_600_800
    let pain: PainLevel

    init() throws { pain = try #require(PainLevel(3)) }

    /// "é" written as "e" and a combining acute accent: one character to Swift, two code points to SQLite.
    static func combining(_ count: Int) -> String { String(repeating: "e\u{301}", count: count) }

    func draft(note: String) -> EntryDraft {
        var draft = EntryDraft(exercise: "bird-dog")
        draft.painBefore = pain
        draft.painAfter = pain
        draft.note = note
        return draft
    }

    @Test func notesAreCountedInCodePointsAsSQLiteCountsThem() throws {
        let store = try JournalStore(path: directory.file("j.sqlite3"))
        #expect(Self.combining(2001).count == 2001)
        #expect(throws: JournalError.noteTooLong(characters: 4002, limit: 4000)) {
            try store.log(draft(note: Self.combining(2001)), now: now, timeZone: .gmt)
        }
        let longest = try store.log(draft(note: Self.combining(2000)), now: now, timeZone: .gmt).entry
        #expect(try store.entry(id: longest.id ?? 0)?.note == Self.combining(2000))
        #expect(throws: JournalError.noteTooLong(characters: 4002, limit: 4000)) {
            try store.checkIn(
                CheckIn(performedAt: now, utcOffset: 0, pain: pain, note: Self.combining(2001), createdAt: now))
        }
        #expect(throws: JournalError.noteTooLong(characters: 4002, limit: 4000)) {
            try Review(
                exerciseID: "bird-dog", reviewedAt: now, utcOffset: 0, note: Self.combining(2001), createdAt: now)
        }
        #expect(
            JournalError.noteTooLong(characters: 4002, limit: 4000).description
                == "the note has 4002 characters (Unicode code points: an accent typed as a separate mark, "
                + "or each part of a combined emoji, counts as one); a note can hold at most 4000.")
    }

    @Test func aNulCharacterIsRefusedEverywhere() throws {
        let store = try JournalStore(path: directory.file("j.sqlite3"))
        let refusal = JournalError.invalidNote("it holds a NUL character (U+0000), which a note cannot keep")
        #expect(throws: refusal) { try store.log(draft(note: "before\u{0}after"), now: now, timeZone: .gmt) }
        #expect(throws: refusal) {
            try CheckIn(performedAt: now, utcOffset: 0, pain: pain, note: "\u{0}", createdAt: now)
        }
        #expect(throws: refusal) {
            try Review(exerciseID: "bird-dog", reviewedAt: now, utcOffset: 0, note: "x\u{0}", createdAt: now)
        }
        let logged = try store.log(draft(note: "kept"), now: now, timeZone: .gmt).entry
        var edit = EntryDraft(exercise: "")
        edit.note = "a\u{0}b"
        #expect(throws: refusal) { try store.edit(id: logged.id ?? 0, with: edit, now: now, timeZone: .gmt) }
        #expect(try store.entry(id: logged.id ?? 0)?.note == "kept")
        #expect(
            refusal.description
                == "the note cannot be saved: it holds a NUL character (U+0000), which a note cannot keep.")
    }

    /// A note read from the file as something outside journal wrote it: NULs read as U+FFFD, nothing cut.
    @Test func aStoredNoteReadsWithEachNULAsTheReplacementCharacter() throws {
        #expect(Note.stored(nil) == nil)
        #expect(Note.stored(" \n\t") == nil)
        #expect(Note.stored("kept as it is") == "kept as it is")
        let long = String(repeating: "e\u{301}", count: 2000)  // 4,000 code points, 6,000 bytes
        #expect(Note.stored(long) == long)
        #expect(Note.stored("a\u{0}b\u{0}") == "a\u{FFFD}b\u{FFFD}")
        let tooLong = "a\u{0}" + String(repeating: "x", count: 4100)
        #expect(Note.stored(tooLong) == "a\u{FFFD}" + String(repeating: "x", count: 4100))
    }

    @Test func importRefusesANoteTheJournalCannotKeepWithItsLine() throws {
        let store = try JournalStore(path: directory.file("j.sqlite3"))
        let good = ",2026-11-20T07:30:00Z,bird-dog,,1,,,3,3,,,fine\r\n"
        for (note, problem) in [
            ("a\u{0}b", "the note cannot be saved: it holds a NUL character (U+0000), which a note cannot keep."),
            (
                Self.combining(2001),
                JournalError.noteTooLong(characters: 4002, limit: 4000).description
            ),
        ] {
            let csv = CSVFormat.header + good + ",2026-11-20T07:30:00Z,bird-dog,,1,,,3,3,,,\(note)\r\n"
            #expect(throws: JournalError.invalidImport(line: 3, problem: problem)) {
                try store.importCSV(from: ByteSource(bytes: Array(csv.utf8)), now: now)
            }
        }
        #expect(try store.entryCount() == 0)
    }

    @Test func bytesBecomeANoteOnlyWhenTheyAreUTF8() throws {
        #expect(try Note.decode(Array("one line\n".utf8)) == "one line")
        #expect(try Note.decode(Array("crlf\r\n".utf8)) == "crlf")
        #expect(try Note.decode(Array("two\n\n".utf8)) == "two\n")
        #expect(try Note.decode(Array("é".utf8)) == "é")
        #expect(throws: JournalError.invalidNote("it is not valid UTF-8 text")) { try Note.decode([0x61, 0xFF, 0x62]) }
        #expect(throws: JournalError.invalidNote("it is not valid UTF-8 text")) { try Note.decode([0xC3]) }
    }

    @Test func aBlankNoteIsNoNote() throws {
        #expect(try Note.checked("") == nil)
        #expect(try Note.checked(nil) == nil)
        #expect(try Note.checked(" ") == nil)
        #expect(try Note.checked(" \t\r\n\u{3000}") == nil)
        #expect(try Note.checked(" a ") == " a ")
    }
}
