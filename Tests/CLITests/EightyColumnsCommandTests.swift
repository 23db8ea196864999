import Foundation
import Testing

/// Every screen fits 80 columns on a journal with the longest ids and names (issue #26).
///
/// The journal holds an id of 40 characters, a name of 60, long notes and a long PSFS activity.
/// No line on standard error
/// and no line of a screen's prose on standard output is wider, counted in characters, except a
/// command to type, which is never broken and then sits on a line of its own. Data lines (`log`'s
/// "Logged #N …", a table's rows) stay whole, one record a line, however long.
@Suite struct EightyColumnsCommandTests {
    let sandbox = Sandbox()
    static let longID = "a-very-long-exercise-identifier-of-forty"
    static let longName = "A very long exercise name that is exactly sixty characters o"
    static let holdID = "b-very-long-exercise-identifier-of-forty"

    /// A journal with a plan of long ids, a stop and a hold, check-ins with a note and a red flag,
    /// and a PSFS activity of 81 characters rated twice.
    func richJournal() throws {
        try sandbox.change("exercises", "add", Self.longID, "--name", Self.longName, "--category", "stability")
        try sandbox.change(
            "exercises", "add", Self.holdID, "--name", "Another very long exercise name, sixty characters long too",
            "--category", "stretch", "--hold", "--how-to",
            "Lie on your back with knees bent and feet flat on the floor, then bring one knee towards your chest.")
        try sandbox.change("plan", "set", Self.longID, "--sets", "3", "--reps", "10", "--per-week", "5")
        try sandbox.change("plan", "set", Self.holdID, "--sets", "2", "--hold", "30", "--per-week", "7")
        try sandbox.change("plan", "set", "glute-bridge", "--sets", "3", "--reps", "10", "--per-week", "5")
        try sandbox.log(
            Self.longID, "--pain-before", "3", "--pain-after", "3", "--sets", "3", "--reps", "10", "--note",
            "A long note about the session that goes on about how it felt, the weather, and more words",
            "--at", "2026-11-23 09:00")
        try sandbox.log(
            Self.holdID, "--pain-before", "2", "--pain-after", "6", "--sets", "2", "--hold", "30", "--at",
            "2026-11-24 10:00")
        try sandbox.change(
            "checkin", "--pain", "4", "--note",
            "Stiff in the morning after a long drive, eased by lunchtime with a walk",
            "--at", "2026-11-22 08:00")
        try sandbox.change("checkin", "--pain", "3", "--red-flag", "one-leg", "--at", "2026-11-23 08:00")
        try sandbox.change(
            "psfs", "add", "putting on socks and shoes in the morning without sitting down on the bed first")
        try sandbox.change("psfs", "rate", "1", "4", "--at", "2026-11-20 09:00")
        try sandbox.change("psfs", "rate", "1", "6", "--at", "2026-11-24 09:00")
    }

    /// The lines of `text` wider than 80 characters that are not a command or a path on a line of its own.
    static func tooWide(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { line in
            guard line.count > 80 else { return false }
            let alone = line.drop { $0 == " " }
            return !(alone.hasPrefix("journal ") || alone.hasPrefix("`journal ") || alone.hasPrefix("/"))
        }
    }

    /// Runs `arguments` and expects no stderr line, and with `prose` no stdout line, too wide.
    func expectFits(_ arguments: [String], prose: Bool, stdin: String? = "") throws {
        let run = try sandbox.run(arguments, stdin: stdin)
        #expect(Self.tooWide(run.stderr).isEmpty, "\(arguments): \(Self.tooWide(run.stderr))")
        if prose { #expect(Self.tooWide(run.stdout).isEmpty, "\(arguments): \(Self.tooWide(run.stdout))") }
    }

    @Test func everyScreenFitsEightyColumns() throws {
        try richJournal()
        for screen in [
            ["today"], ["session"], ["check"], ["report", "--week"], ["exercises", "show", Self.longID],
            ["exercises", "show", Self.holdID], ["psfs"], ["safety"], ["checkin", "--pain", "2"],
        ] {
            try expectFits(screen, prose: true)
        }
        // Tables: their rows are data, one record a line; what they say on stderr fits.
        for table in [["list"], ["plan"], ["exercises"], ["checkins"]] { try expectFits(table, prose: false) }
        for change in [
            ["resume", Self.holdID, "--at", "2026-11-25 09:00"], ["undo"], ["undo"], ["undo"],
            ["resume", "--red-flags", "--at", "2026-11-25 09:30"], ["undo"], ["plan", "remove", Self.longID], ["undo"],
            ["exercises", "edit", Self.longID, "--name", "Shorter"], ["undo"],
        ] {
            // undo's report is one line per change undone, as scripts read "Logged #N …": data.
            try expectFits(change, prose: change != ["undo"])
        }
    }

    @Test func aLoggedLineStaysWholeAndItsNotesFit() throws {
        try richJournal()
        let first = try sandbox.run(
            "log", Self.longID, "--pain-before", "3", "--pain-after", "3", "--sets", "30", "--reps", "100", "--at",
            "2026-11-25 09:00")
        #expect(first.status == 0, "\(first)")
        // 30 × 100 reps is 3000 in all, a hundred times the plan's 30: one data line, whole.
        #expect(
            first.stdout
                == "Logged #3 \(Self.longID): 30 × 100 reps, pain 3 → 3, at 2026-11-25 09:00 (UTC+00:00).\n")
        #expect(Self.tooWide(first.stderr).isEmpty, "\(first)")
        let again = try sandbox.run(
            "log", Self.longID, "--pain-before", "3", "--pain-after", "3", "--sets", "30", "--reps", "100", "--at",
            "2026-11-25 09:00")
        #expect(again.stdout.split(separator: "\n").count == 1, "\(again)")
        // Each note wraps at 80 columns, a dose ("3 × 10 reps") never broken across lines.
        #expect(
            again.stderr.hasPrefix(
                "Note: 30 × 100 reps is 3000 reps in all, more than 3 times the plan's 30\n"
                    + "(3 × 10 reps); if that is a slip, `journal undo` removes it.\n"
                    + "Note: the same as #3, logged just now; if it was logged twice, `journal undo`\n"
                    + "removes this one.\n"),
            "\(again)")
    }

    @Test func anAddedExercisesHintPutsItsCommandOnALineOfItsOwn() throws {
        let run = try sandbox.run(
            "exercises", "add", Self.longID, "--name", Self.longName, "--category", "stability")
        #expect(
            run.stdout
                == "Added \(Self.longID) (A very long exercise name that\nis exactly sixty characters o). Log it with:\n"
                + "journal log \(Self.longID) --pain-before N --pain-after N\n", "\(run)")
    }
}
