import Foundation
import Testing

/// A note written into the journal from outside never stops a screen.
///
/// Written by the sqlite3 CLI, say, it can hold what journal never writes: a NUL, which the
/// schema's `length(note)` stops counting at, so also more than 4,000 code points after it, and
/// terminal escapes. It reads with each NUL as U+FFFD (`Note.stored`), and the screens show it as
/// they show any note.
@Suite struct StoredTextCommandTests {
    let sandbox: Sandbox = {
        let sandbox = Sandbox()
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T12:00:00+00:00"
        return sandbox
    }()

    /// The note `a<NUL>b<ESC>[31m` and 4,100 "x"s: `length()` counts 1.
    static let foreignNote = "'a' || char(0) || 'b' || char(27) || '[31m' || printf('%.4100c', 'x')"

    @Test func aNoteWithANULWrittenFromOutsideNeverStopsAScreen() throws {
        _ = try sandbox.log(
            "bird-dog", "--pain-before", "3", "--pain-after", "5", "--at", "2026-11-24 08:00", "--note", "hi")
        _ = try sandbox.run("checkin", "--pain", "3", "--at", "2026-11-24 07:00", "--note", "fine")
        _ = try sandbox.sql(
            "UPDATE entries SET note = \(Self.foreignNote); UPDATE checkins SET note = \(Self.foreignNote)")
        #expect(try sandbox.sql("SELECT length(note), length(CAST(note AS BLOB)) FROM entries") == "1|4108\n")

        let check = try sandbox.run("check")
        #expect(check.status == 2, "\(check)")
        #expect(check.stdout.hasPrefix("ON HOLD bird-dog is on hold since 2026-11-24 08:00 (more-pain, #1)"))
        #expect(check.stderr.isEmpty, "\(check.stderr)")
        for screen in [["today"], ["session"], ["report", "--week"], ["checkins"]] {
            let run = try sandbox.run(screen)
            #expect(run.status == 0 || run.status == 2, "\(screen): \(run)")
            #expect(!run.stderr.contains("note cannot be saved"), "\(screen): \(run.stderr)")
        }

        // The note as it reads: the NUL as U+FFFD, nothing cut; no escape reaches a terminal.
        let list = try sandbox.run("list", "--json")
        #expect(list.status == 0, "\(list)")
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        let note = try #require(entries.first?["note"] as? String)
        #expect(note == "a\u{FFFD}b\u{1B}[31m" + String(repeating: "x", count: 4100))
        let text = try sandbox.run("list")
        #expect(text.status == 0 && !text.stdout.contains("\u{1B}"), "\(text)")

        // Undo reads the row back too; the file is left as it was written.
        let undo = try sandbox.run("undo")
        #expect(undo.status == 0, "\(undo)")
        #expect(try sandbox.sql("SELECT count(*) FROM checkins") == "0\n")
        #expect(try sandbox.sql("SELECT length(CAST(note AS BLOB)) FROM entries") == "4108\n")

        // An edit that leaves the note alone loses none of it: the note, now 4,108 code points long,
        // is more than a note may hold, so the edit is refused and the file keeps every byte.
        let edit = try sandbox.run("edit", "1", "--pain-after", "4")
        #expect(edit.status != 0, "\(edit)")
        #expect(try sandbox.sql("SELECT pain_after, length(CAST(note AS BLOB)) FROM entries") == "5|4108\n")
    }
}
