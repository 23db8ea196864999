import Foundation
import Testing

/// The follow-ups to issue #26 that an adversarial pass found: blank notes, help words, what
/// `undo` names, doses against a hold plan, long PSFS names.
@Suite struct EverydayFollowUpCommandTests {
    let sandbox = Sandbox()

    /// A note of only spaces, tabs or line ends is no note: saved as none by log, edit, checkin
    /// and psfs rate, and no bar to the note about an entry logged twice.
    @Test func aBlankNoteIsNoNote() throws {
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T12:00:00Z"
        _ = try sandbox.log("bird-dog", "--pain-before", "3", "--pain-after", "2", "--reps", "8")
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T12:01:00Z"
        let twice = try sandbox.run(
            "log", "bird-dog", "--pain-before", "3", "--pain-after", "2", "--reps", "8", "--note", " ")
        #expect(twice.status == 0, "\(twice)")
        #expect(
            twice.stderr
                == "Note: the same as #1, logged 1 minute ago; if it was logged twice, `journal undo` removes this one.\n"
        )
        #expect(try sandbox.sql("SELECT id, quote(note) FROM entries_with_ids ORDER BY id") == "1|NULL\n2|NULL\n")

        // An edit to a blank note removes the note, as --note "" does.
        let noted = try sandbox.run("edit", "1", "--note", "stiff")
        #expect(noted.status == 0, "\(noted)")
        let blanked = try sandbox.run("edit", "1", "--note", " \t\n")
        #expect(blanked.status == 0, "\(blanked)")
        #expect(try sandbox.sql("SELECT quote(note) FROM entries_with_ids WHERE id = 1") == "NULL\n")

        let checkIn = try sandbox.run("checkin", "--pain", "2", "--note", "   ")
        #expect(checkIn.status == 0, "\(checkIn)")
        #expect(try sandbox.sql("SELECT quote(note) FROM checkins") == "NULL\n")

        #expect(try sandbox.run("psfs", "add", "Putting on socks").status == 0)
        let rated = try sandbox.run("psfs", "rate", "1", "4", "--note", "\n")
        #expect(rated.status == 0, "\(rated)")
        #expect(try sandbox.sql("SELECT quote(note) FROM psfs_ratings") == "NULL\n")
    }

    /// Help says what `psfs` shows now, and each default once; the refusals name what was typed and why.
    @Test func helpTextsAndRefusalsSayWhatIsSo() throws {
        let psfs = try sandbox.run("psfs", "--help")
        #expect(psfs.status == 0, "\(psfs)")
        #expect(!psfs.stdout.contains("latest rating"), "\(psfs)")
        #expect(psfs.stdout.contains("journal lists every rating of each activity"), "\(psfs)")
        for command in [["psfs", "add"], ["psfs", "rate"], ["checkin"]] {
            let help = try sandbox.run(command + ["--help"])
            #expect(help.status == 0, "\(help)")
            #expect(help.stdout.components(separatedBy: "(default: now)").count == 2, "\(help)")
        }

        let far = try sandbox.run(
            "log", "bird-dog", "--pain-before", "3", "--pain-after", "3", "--at", "1000 weeks ago")
        #expect(far.status == 64, "\(far)")
        #expect(
            far.stderr
                == "journal: cannot use \"1000 weeks ago\" as a date: that is further back than journal goes: "
                + "at most 3660 days, 522 weeks or 120 calendar months ago.\n")
        let farDay = try sandbox.run("report", "--from", "3661 days ago")
        #expect(farDay.status == 64, "\(farDay)")
        #expect(farDay.stderr.contains("further back than journal goes"), "\(farDay)")
        #expect(try sandbox.run("report", "--from", "3600 days ago").status == 0)

        let weeks = try sandbox.run("report", "--weeks", "0")
        #expect(weeks.status == 64, "\(weeks)")
        #expect(weeks.stderr.hasPrefix("Error: --weeks 0: give a number of weeks from 1 to 522.\n"), "\(weeks)")
        #expect(!weeks.stderr.contains("0w"), "\(weeks)")
        let months = try sandbox.run("report", "--months", "200")
        #expect(months.status == 64, "\(months)")
        #expect(
            months.stderr.hasPrefix("Error: --months 200: give a number of months (of 30 days) from 1 to 122.\n"),
            "\(months)")
        #expect(try sandbox.run("report", "--weeks", "522").status == 0)
        #expect(!FileManager.default.fileExists(atPath: sandbox.database))
    }

    /// A dose with a hold is compared with a hold plan in seconds held in all: reps of a hold count.
    @Test func aDoseWithAHoldIsComparedWithAHoldPlan() throws {
        sandbox.environment["JOURNAL_NOW"] = "2026-11-20T10:00:00Z"
        #expect(
            try sandbox.run("plan", "set", "front-plank", "--sets", "2", "--hold", "30", "--per-week", "5").status == 0)
        // 2 × 10 reps of 30 s is 600 s held, more than 3 × the plan's 2 × 30 = 60.
        let reps = try sandbox.run(
            "log", "front-plank", "--pain-before", "2", "--pain-after", "2", "--sets", "2", "--reps", "10", "--hold",
            "30", "--at", "9:00")
        #expect(reps.status == 0, "\(reps)")
        #expect(
            reps.stderr == "Note: 2 × 10 reps, 30 s hold is 600 s hold in all, more than 3 times the plan's 60 s "
                + "(2 × 30 s hold); if that is a slip, `journal undo` removes it.\n", "\(reps)")
        // 2 × 90 s is 180 s: not more than 3 times 60.
        let three = try sandbox.run(
            "log", "front-plank", "--pain-before", "2", "--pain-after", "2", "--sets", "2", "--hold", "90", "--at",
            "9:20")
        #expect(three.stderr == "", "\(three)")

        #expect(
            try sandbox.run(
                "plan", "set", "glute-bridge", "--sets", "3", "--reps", "10", "--hold", "5", "--per-week", "5"
            )
            .status == 0)
        // 3 × 10 reps of 16 s is 480 s held, more than 3 × the plan's 3 × 10 × 5 = 150 (450); the reps match.
        let held = try sandbox.run(
            "log", "glute-bridge", "--pain-before", "2", "--pain-after", "2", "--sets", "3", "--reps", "10", "--hold",
            "16", "--at", "9:30")
        #expect(held.status == 0, "\(held)")
        #expect(
            held.stderr == "Note: 3 × 10 reps, 16 s hold is 480 s hold in all, more than 3 times the plan's 150 s "
                + "(3 × 10 reps, 5 s hold); if that is a slip, `journal undo` removes it.\n", "\(held)")
        let fifteen = try sandbox.run(
            "log", "glute-bridge", "--pain-before", "2", "--pain-after", "2", "--sets", "3", "--reps", "10", "--hold",
            "15", "--at", "9:40")
        #expect(fifteen.stderr == "", "\(fifteen)")
        #expect(try sandbox.entryCount() == 4)
    }

    /// A long activity name: "…" where the table cuts it, the whole name, wrapped, under its heading.
    @Test func psfsShowsALongNameWhole() throws {
        let name = "Putting on socks and shoes in the morning without sitting down on the bed first"
        #expect(try sandbox.run("psfs", "add", name).status == 0)
        #expect(try sandbox.run("psfs", "rate", "1", "4").status == 0)
        sandbox.environment["COLUMNS"] = "200"
        let run = try sandbox.run("psfs")
        #expect(run.status == 0, "\(run)")
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == 8, "\(run)")
        #expect(lines[1] == " 1  Putting on socks and shoes …  4 (2026-11-25)  4 (2026-11-25)  -", "\(run)")
        #expect(
            Array(lines[2...4]) == [
                "", "#1 Putting on socks and shoes in the morning without sitting down on the bed", "first",
            ])
        #expect(lines[6] == "  2026-11-25      4              -  -", "\(run)")
        #expect(run.stderr == "")
    }
}
