import Foundation
import Testing

/// An exercise name changed from outside to one typed input refuses (a control character, such
/// as the bell, `char(7)`): shown the same way by every screen that prints it, and named with why
/// typed input refuses it and a fix that works, for one of your own and for a built-in one.
@Suite struct StoredExerciseNameCommandTests {
    let sandbox = Sandbox()

    /// What a run printed, as words: lines joined, wrapping taken out.
    func words(_ run: Run) -> String {
        (run.stdout + "\n" + run.stderr).split(whereSeparator: \.isNewline)
            .joined(separator: " ").split(separator: " ").joined(separator: " ")
    }

    static let builtInNote =
        "- exercises row glute-bridge, column name: 'Glute' || char(7) || 'bridge', which typed input refuses: "
        + "\"Glutebridge\" cannot be an exercise name: it holds the control character U+0007, which could change "
        + "a terminal when printed; use 1 to 60 characters on one line, with no control characters (screens show "
        + "the catalogue's name, Glute bridge); journal cannot correct an exercise's row; `sqlite3 JOURNAL "
        + "\"UPDATE exercises SET name = 'Glute bridge' WHERE id = 'glute-bridge'\"` puts back the catalogue's name."

    static let ownNote =
        "- exercises row my-hinge, column name: 'My hinge' || char(7), which typed input refuses: \"My hinge\" "
        + "cannot be an exercise name: it holds the control character U+0007, which could change a terminal when "
        + "printed; use 1 to 60 characters on one line, with no control characters; `journal exercises edit "
        + "my-hinge --name NAME` corrects it."

    @Test func aNameWithABellIsShownOneWayAndNamedWithWhyAndAWorkingFix() throws {
        try sandbox.change("exercises", "add", "my-hinge", "--name", "My hinge", "--category", "stretch")
        try sandbox.change("plan", "set", "my-hinge", "--sets", "1", "--reps", "5", "--per-week", "3")
        try sandbox.change("log", "glute-bridge", "--pain-before", "2", "--pain-after", "2", "--at", "09:00")
        try sandbox.damage(
            "UPDATE exercises SET name = 'Glute' || char(7) || 'bridge' WHERE id = 'glute-bridge'; "
                + "UPDATE exercises SET name = 'My hinge' || char(7) WHERE id = 'my-hinge';")

        for arguments in [
            ["exercises"], ["exercises", "show", "glute-bridge"], ["exercises", "show", "my-hinge"], ["today"],
            ["check"], ["list"], ["plan"], ["report", "--week"], ["doctor"],
        ] {
            let run = try sandbox.run(arguments, stdin: "")
            #expect(run.status == 65, "\(arguments): \(run)")
            #expect(!(run.stdout + run.stderr).contains("\u{07}"), "\(arguments): \(run)")
            #expect(words(run).contains(Self.builtInNote), "\(arguments): \(run)")
            #expect(words(run).contains(Self.ownNote), "\(arguments): \(run)")
        }
        // A built-in exercise shows the catalogue's name everywhere; one's own, the name as stored
        // with the bell removed, as every screen shows stored text.
        let listed = try sandbox.run("exercises").stdout
        #expect(listed.contains("glute-bridge                 Glute bridge                 stability\n"), "\(listed)")
        #expect(listed.contains("my-hinge                     My hinge (yours)             stretch\n"), "\(listed)")
        #expect(try sandbox.run("exercises", "show", "glute-bridge").stdout.hasPrefix("Glute bridge (glute-bridge)\n"))
        #expect(try sandbox.run("exercises", "show", "my-hinge").stdout.hasPrefix("My hinge (my-hinge)\n"))
        // JSON keeps the value as stored.
        let json = try sandbox.run("exercises", "show", "my-hinge", "--json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["name"] as? String == "My hinge\u{07}")

        // Both fixes work as written: sqlite3 with its checks on, and `exercises edit`.
        _ = try sandbox.sql("UPDATE exercises SET name = 'Glute bridge' WHERE id = 'glute-bridge'")
        try sandbox.change("exercises", "edit", "my-hinge", "--name", "My hinge")
        #expect(
            try sandbox.sql("SELECT name FROM exercises WHERE id IN ('glute-bridge', 'my-hinge') ORDER BY id")
                == "Glute bridge\nMy hinge\n")
        let check = try sandbox.run("check")
        #expect(check.status == 0, "\(check)")
        #expect(check.stderr == "", "\(check)")
    }

    @Test func aTypedNameIsRefusedWithTheSameReason() throws {
        let bell = try sandbox.run("exercises", "add", "my-hinge", "--name", "My\u{07}hinge", "--category", "stretch")
        #expect(bell.status == 64, "\(bell)")
        #expect(
            words(bell).contains(
                "cannot be an exercise name: it holds the control character U+0007, which could change a terminal "
                    + "when printed; use 1 to 60 characters on one line, with no control characters."), "\(bell)")
        let long = String(repeating: "x", count: 61)
        let tooLong = try sandbox.run("exercises", "add", "my-hinge", "--name", long, "--category", "stretch")
        #expect(tooLong.status == 64, "\(tooLong)")
        #expect(
            words(tooLong).contains(
                "\"\(long)\" cannot be an exercise name: it is 61 characters long; use 1 to 60 characters on one "
                    + "line, with no control characters."), "\(tooLong)")
        // Refused before anything is made: no journal.
        #expect(!FileManager.default.fileExists(atPath: sandbox.database))
    }
}
