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

        // Undo reads the row back too, and refuses to remove the check-in, which is not as it was
        // recorded (issue #25); the file is left as it was written.
        let refused = try sandbox.run("undo")
        #expect(refused.status == 65, "\(refused)")
        #expect(refused.stderr.hasPrefix("journal: cannot undo the latest change, the check-in of check-in #1: "))
        #expect(try sandbox.sql("SELECT length(CAST(note AS BLOB)) FROM checkins") == "4108\n")
        _ = try sandbox.sql("UPDATE checkins SET note = 'fine'")
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

    /// `a<NUL>b tail`, and its bytes in hex as sqlite3's `hex()` writes them.
    static let nulNote = "'a' || char(0) || 'b tail'"
    static let nulNoteHex = "610062207461696C"

    @Test func everyStoredTextIsReadWholeEachNULAsAReplacementCharacter() throws {
        _ = try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "5", "--at", "2026-11-24 08:00")
        try sandbox.change("resume", "bird-dog", "--note", "seen", "--at", "2026-11-24 09:00")
        try sandbox.change("checkin", "--pain", "3", "--at", "2026-11-24 07:00", "--note", "fine")
        try sandbox.change("checkin", "--pain", "4", "--red-flag", "fever", "--at", "2026-11-24 10:00")
        try sandbox.change("resume", "--red-flags", "--note", "seen", "--at", "2026-11-24 11:00")
        try sandbox.change("psfs", "add", "putting on socks", "--at", "2026-11-24 12:00")
        try sandbox.change("psfs", "rate", "1", "4", "--at", "2026-11-24 12:00", "--note", "ok")
        try sandbox.change(
            "exercises", "add", "cat-cow", "--name", "Cat-cow", "--category", "stretch", "--how-to", "slowly")
        _ = try sandbox.sql(
            """
            UPDATE checkins SET note = \(Self.nulNote) WHERE uid = (SELECT uid FROM checkin_ids WHERE id = 1);
            UPDATE reviews SET note = \(Self.nulNote);
            UPDATE red_flag_reviews SET note = \(Self.nulNote); UPDATE psfs_ratings SET note = \(Self.nulNote);
            UPDATE exercises SET how_to = \(Self.nulNote) WHERE id = 'cat-cow'
            """)
        let whole = "a\u{FFFD}b tail"
        let screens: [[String]] = [
            ["checkins"], ["checkins", "--json"], ["report", "--week"], ["report", "--week", "--json"],
            ["check", "--json"], ["psfs", "--json"], ["exercises", "show", "cat-cow"],
            ["exercises", "show", "cat-cow", "--json"],
        ]
        for screen in screens {
            let run = try sandbox.run(screen)
            #expect(run.status == 0 || run.status == 2, "\(screen): \(run)")
            #expect(run.stdout.contains(whole), "\(screen): \(run.stdout)")
        }
    }

    @Test func anEditThatLeavesANoteAloneKeepsEveryByteAndUndoPutsItBack() throws {
        _ = try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "4", "--at", "2026-11-24 08:00")
        try sandbox.change("checkin", "--pain", "3", "--at", "2026-11-24 07:00", "--note", "fine")
        try sandbox.change(
            "exercises", "add", "cat-cow", "--name", "Cat-cow", "--category", "stretch", "--how-to", "slowly")
        _ = try sandbox.sql(
            """
            UPDATE checkins SET note = \(Self.nulNote); UPDATE entries SET note = \(Self.nulNote);
            UPDATE exercises SET how_to = \(Self.nulNote) WHERE id = 'cat-cow'
            """)

        try sandbox.change("checkins", "edit", "1", "--pain", "5")
        #expect(try sandbox.sql("SELECT pain, hex(note) FROM checkins") == "5|\(Self.nulNoteHex)\n")
        try sandbox.change("undo")
        #expect(try sandbox.sql("SELECT pain, hex(note) FROM checkins") == "3|\(Self.nulNoteHex)\n")

        try sandbox.change("edit", "1", "--pain-after", "3")
        #expect(try sandbox.sql("SELECT pain_after, hex(note) FROM entries") == "3|\(Self.nulNoteHex)\n")
        try sandbox.change("undo")
        #expect(try sandbox.sql("SELECT pain_after, hex(note) FROM entries") == "4|\(Self.nulNoteHex)\n")

        try sandbox.change("checkins", "delete", "1", "--yes")
        try sandbox.change("undo")
        #expect(try sandbox.sql("SELECT pain, hex(note) FROM checkins") == "3|\(Self.nulNoteHex)\n")

        try sandbox.change("exercises", "edit", "cat-cow", "--name", "Cat cow")
        #expect(
            try sandbox.sql("SELECT name, hex(how_to) FROM exercises WHERE id = 'cat-cow'")
                == "Cat cow|\(Self.nulNoteHex)\n")
    }

    /// An exercise name written from outside that retitles the window, rings the bell and clears the screen.
    static let hostileName = "'Bridge' || char(27) || ']0;pwned' || char(7) || char(27) || '[2J'"

    @Test func controlsInAStoredNameOrNoteNeverReachAScreenAndJSONKeepsThem() throws {
        try sandbox.change("exercises", "add", "cat-cow", "--name", "Cat-cow", "--category", "stretch")
        try sandbox.change("plan", "set", "cat-cow", "--sets", "1", "--reps", "5", "--per-week", "3")
        _ = try sandbox.log(
            "cat-cow", "--pain-before", "3", "--pain-after", "5", "--at", "2026-11-24 08:00", "--note", "hi")
        _ = try sandbox.sql(
            """
            UPDATE exercises SET name = \(Self.hostileName) WHERE id = 'cat-cow';
            UPDATE entries SET note = 'a' || char(27) || '[2J' || char(155) || 'b' || char(8238) || 'c'
            """)
        let screens: [[String]] = [
            ["check"], ["today"], ["list"], ["exercises"], ["exercises", "show", "cat-cow"], ["session"],
            ["log", "cat-cow", "--pain-before", "2", "--pain-after", "2", "--at", "2026-11-25 08:00"],
            ["report", "--week"], ["report", "--week", "--format", "markdown"],
            ["report", "--week", "--format", "html"],
        ]
        for screen in screens {
            let run = try sandbox.run(screen, stdin: "")
            let shown = run.stdout + run.stderr
            #expect(!shown.contains("\u{1B}") && !shown.contains("\u{07}"), "\(screen): \(shown)")
            #expect(!shown.contains("\u{9B}") && !shown.contains("\u{202E}"), "\(screen): \(shown)")
        }
        let list = try sandbox.run("list")
        #expect(list.stdout.contains("a[2Jbc"), "\(list.stdout)")
        let show = try sandbox.run("exercises", "show", "cat-cow")
        #expect(show.stdout.contains("Bridge]0;pwned[2J (cat-cow)"), "\(show.stdout)")

        // JSON keeps the exact value; its encoder escapes the controls.
        let json = try sandbox.run("exercises", "show", "cat-cow", "--json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["name"] as? String == "Bridge\u{1B}]0;pwned\u{07}\u{1B}[2J")
        #expect(!json.stdout.contains("\u{1B}"), "\(json.stdout)")
        // C1 controls and bidirectional overrides are escaped too (`\u009b`, `\u202e`), in every
        // JSON journal writes: the same value, nothing that acts.
        // A name typed input refuses is no value export writes (import would refuse it): refused,
        // naming it; with the name as journal writes it, the note's controls travel escaped.
        let output = sandbox.directory + "/all.json"
        let refused = try sandbox.run("export", "--all", "--output", output)
        #expect(refused.status == 65, "\(refused)")
        #expect(refused.stderr.contains("exercises row cat-cow"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output))
        _ = try sandbox.sql("UPDATE exercises SET name = 'Cat-cow' WHERE id = 'cat-cow'")
        try sandbox.change("export", "--all", "--output", output)
        let exported = try String(contentsOfFile: output, encoding: .utf8)
        for text in [try sandbox.run("list", "--json").stdout, exported] {
            #expect(!text.contains("\u{9B}") && !text.contains("\u{202E}"), "\(text)")
            #expect(text.contains(#"a\u001b[2J\u009bb\u202ec"#), "\(text)")
        }
        let listed = try #require(
            try JSONSerialization.jsonObject(with: Data(try sandbox.run("list", "--json").stdout.utf8))
                as? [[String: Any]])
        #expect(listed.compactMap { $0["note"] as? String }.contains("a\u{1B}[2J\u{9B}b\u{202E}c"), "\(listed)")
    }
}
