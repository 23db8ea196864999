import Foundation
import Testing

/// The text report on a terminal, notes in every format, and periods the journal or the plan
/// began inside.
@Suite struct ReportLayoutCommandTests {
    let sandbox = ReportFixtures.sandbox()

    /// An exercise of the person's own with the longest id allowed, 40 characters, and a name as long.
    static let longID = "supported-single-leg-bridge-with-a-pause"
    static let longName = "Supported single-leg bridge with a pause"

    /// A 500-character note beginning with `tag`, over two lines.
    static func note(_ tag: String) -> String {
        var text = tag + ": the left hip felt tight at first and eased by the third set,\nthen"
        while text.count < 500 { text += " steady breathing and a slow return kept it comfortable" }
        return String(text.prefix(500))
    }

    func makeLongJournal() throws {
        let added = try sandbox.run(
            "exercises", "add", Self.longID, "--name", Self.longName, "--category", "stability")
        try #require(added.status == 0, "\(added)")
        let plan = try sandbox.run(
            "plan", "set", Self.longID, "--sets", "3", "--reps", "12", "--per-week", "5", "--since", "2026-11-10")
        try #require(plan.status == 0, "\(plan)")
        for day in 10...21 {
            let date = "2026-11-\(day)"
            let rise = day == 17
            try ReportFixtures.log(
                sandbox, Self.longID, "--sets", "3", "--reps", "10", "--pain-before", "4",
                "--pain-after", rise ? "7" : "3", "--at", "\(date) 08:00",
                extra: day % 3 == 0 || rise ? ["--note", Self.note("Entry \(date)")] : [])
            var checkIn = ["checkin", "--pain", "3", "--at", "\(date) 07:00", "--note", Self.note("Check-in \(date)")]
            if day == 19 { checkIn += ["--red-flag", "fever", "--red-flag", "night-pain"] }
            let checked = try sandbox.run(checkIn)
            try #require([0, 1, 3].contains(checked.status), "\(checked)")
        }
    }

    func lines(_ run: Run) -> [Substring] { run.stdout.split(separator: "\n", omittingEmptySubsequences: false) }

    @Test(arguments: [[], ["--month"], ["--from", "2026-11-01"], ["--exercise", longID]])
    func everyLineOfTheTextReportFitsEightyColumns(arguments: [String]) throws {
        try makeLongJournal()
        let run = try sandbox.run(["report"] + arguments)
        #expect(run.status == 0, "\(run)")
        // Every character in this journal and in the report's own marks (→ ▲ ◆ · ▁…█) is one column wide.
        let long = lines(run).filter { $0.count > 80 }
        #expect(long.isEmpty, "\(long.map { "\($0.count): \($0)" }.joined(separator: "\n"))")
        // Long names and notes are shortened, not wrapped: each note is one line ending in "…".
        #expect(run.stdout.contains("…"))
        #expect(
            lines(run).filter { $0.hasPrefix("2026-11-") && $0.contains("Check-in 2026-11-") }.allSatisfy {
                $0.hasSuffix("…")
            })
    }

    @Test func widthOrColumnsWidenTheTextReport() throws {
        try makeLongJournal()
        let wide = try sandbox.run("report", "--width", "120")
        #expect(wide.status == 0)
        #expect(lines(wide).allSatisfy { $0.count <= 120 })
        #expect(lines(wide).contains { $0.count > 80 })
        sandbox.environment["COLUMNS"] = "100"
        let columns = try sandbox.run("report")
        #expect(lines(columns).allSatisfy { $0.count <= 100 })
        #expect(lines(columns).contains { $0.count > 80 })
        // A narrower terminal does not narrow it below 80.
        sandbox.environment["COLUMNS"] = "50"
        #expect(lines(try sandbox.run("report")).allSatisfy { $0.count <= 80 })
        #expect(try sandbox.run("report", "--width", "59").status == 64)
        #expect(try sandbox.run("report", "--width", "100", "--json").status == 64)
    }

    @Test func theTextReportPutsWhatNeedsAttentionFirst() throws {
        try makeLongJournal()
        let text = try sandbox.run("report").stdout
        let attention = try #require(text.range(of: "\nNeeds attention\n"))
        let pain = try #require(text.range(of: "\nPain\n"))
        let exercises = try #require(text.range(of: "\nExercises\n"))
        #expect(attention.lowerBound < pain.lowerBound && pain.lowerBound < exercises.lowerBound)
        // The hold and the red flags, each with its date; the hold with the days it stood, 17–21 Nov.
        #expect(
            text.contains(
                "ON HOLD supported-single-leg-bridge-with-a-pause, Tue 17 Nov 08:00, on hold\n"
                    + "        17–21 Nov (5 days), pain 4 → 7"), "\(text)")
        #expect(text.contains("URGENT: SEEK EMERGENCY CARE NOW") == false)
        // Recorded on the 19th, two days before the report's last day: it stands, not as "today".
        #expect(text.contains("SEE A DOCTOR check-in, Thu 19 Nov 07:00"))
        #expect(text.contains("not yet seen by a doctor"))
        // The red-flag day counts its finding in the day table.
        #expect(text.contains("Thu 2026-11-19        1     4.0    3.0      3         1       3.0"))
    }

    @Test func everyNoteIsInEveryFormat() throws {
        try makeLongJournal()
        let notes = ["Entry 2026-11-15", "Entry 2026-11-17", "Check-in 2026-11-16", "Check-in 2026-11-21"].map(
            Self.note)
        let text = try sandbox.run("report").stdout
        let markdown = try sandbox.run("report", "--markdown").stdout
        let html = try sandbox.run("report", "--format", "html").stdout
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(try sandbox.run("report", "--json").stdout.utf8))
                as? [String: Any])
        let jsonNotes = try #require(json["notes"] as? [[String: Any]])
        // The week ending 11-21: notes on 4 entries (days 15, 17, 18 and 21) and 7 check-ins.
        #expect(jsonNotes.count == 4 + 7)
        for note in notes {
            let date = String(note.dropFirst(note.hasPrefix("Entry") ? 6 : 9).prefix(10))
            // Text: the date, then the note on one line, shortened.
            #expect(text.contains("\(date) 0"), "\(date)")
            #expect(text.contains(note.prefix(20)))
            // Markdown: whole, on one line.
            #expect(markdown.contains(note.replacingOccurrences(of: "\n", with: " ")))
            // HTML: whole, as written.
            #expect(html.contains(note))
            // JSON: whole, with its time.
            #expect(
                jsonNotes.contains { $0["note"] as? String == note && ($0["time"] as? String)?.hasPrefix(date) == true }
            )
        }
    }

    @Test func aJournalAndAPlanBegunInsideThePeriodCountFromThen() throws {
        // The journal begins on 2026-11-01, 9 days into the 30 days ending 2026-11-21.
        let glute = try sandbox.run(
            "plan", "set", "glute-bridge", "--sets", "3", "--reps", "10", "--per-week", "7", "--since", "2026-10-01")
        try #require(glute.status == 0)
        #expect(
            try sandbox.run(
                "plan", "set", "bird-dog", "--sets", "2", "--reps", "8", "--per-week", "5", "--since", "2026-11-10"
            ).stdout == "Planned bird-dog: 2 × 8 reps, 5 sessions a week, from 2026-11-10.\n")
        for day in 1...21 where day != 12 {
            let date = String(format: "2026-11-%02d", day)
            try ReportFixtures.log(
                sandbox, "glute-bridge", "--sets", "3", "--reps", "10", "--pain-before", "4", "--pain-after", "3",
                "--at", "\(date) 08:00")
            try ReportFixtures.log(
                sandbox, "bird-dog", "--sets", day == 20 ? "3" : "2", "--reps", day == 20 ? "8" : "6",
                "--pain-before", "4", "--pain-after", "3", "--at", "\(date) 08:15")
        }
        let run = try sandbox.run("report", "--month", "--json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["days_in_period"] as? Int == 30)
        #expect(json["journal_began"] as? String == "2026-11-01")
        #expect(json["counted_from"] as? String == "2026-11-01")
        #expect(json["days_counted"] as? Int == 21)
        #expect(json["days_active"] as? Int == 20)
        let adherence = try #require(json["adherence"] as? [[String: Any]])
        #expect(adherence.map { $0["exercise"] as? String } == ["bird-dog", "glute-bridge"])
        // bird-dog from the plan's start: 12 days, 5 a week: 60 / 7 = 8.57, so 9; done on 11 of them.
        #expect(adherence[0]["since"] as? String == "2026-11-10")
        #expect(adherence[0]["counted_from"] as? String == "2026-11-10")
        #expect(adherence[0]["days_counted"] as? Int == 12)
        #expect(adherence[0]["planned"] as? Int == 9)
        #expect(adherence[0]["done"] as? Int == 11)
        // glute-bridge from the journal's start, not the period's: 21 days, 7 a week.
        #expect(adherence[1]["counted_from"] as? String == "2026-11-01")
        #expect(adherence[1]["planned"] as? Int == 21)
        #expect(adherence[1]["done"] as? Int == 20)
        // The dose, session by session: bird-dog did 2 × 6 but on 11-20 3 × 8.
        let birdDog = try #require(adherence[0]["dose"] as? [String: Any])
        let sets = try #require(birdDog["sets"] as? [String: Any])
        #expect(sets["planned"] as? Int == 2)
        #expect(sets["as_planned"] as? Int == 10)
        #expect(sets["over"] as? Int == 1)
        #expect(sets["verdict"] as? String == "over")
        let reps = try #require(birdDog["reps"] as? [String: Any])
        #expect((reps["under"] as? Int, reps["as_planned"] as? Int, reps["verdict"] as? String) == (10, 1, "under"))
        #expect(birdDog["hold_seconds"] is NSNull)
        let gluteDose = try #require(adherence[1]["dose"] as? [String: Any])
        #expect((gluteDose["reps"] as? [String: Any])?["verdict"] as? String == "as planned")

        let text = try sandbox.run("report", "--month").stdout
        #expect(text.contains("The journal began on 2026-11-01, 9 days into this period"))
        #expect(text.contains("Active on 20 of 21 days since the journal began, 40 entries."))
        #expect(text.contains("bird-dog      2026-11-10         5    11        9       122%"))
        #expect(text.contains("bird-dog      2 × 8 reps   over in 1 of 11  under in 10 of 11  -"))
        #expect(!text.contains("Sat 2026-10-31"))  // the day table starts when the journal did

        // A plan set before journal recorded start days (NULL) counts from when the journal began.
        _ = try sandbox.sql("UPDATE plan SET since = NULL WHERE exercise_id = 'glute-bridge'")
        #expect(try sandbox.run("plan").stdout.contains("glute-bridge     3    10       -         7  -"))
        let planJSON = try #require(
            try JSONSerialization.jsonObject(with: Data(try sandbox.run("plan", "--json").stdout.utf8))
                as? [[String: Any]])
        // In the plan's order: glute-bridge was set first.
        #expect(planJSON.map { $0["exercise"] as? String } == ["glute-bridge", "bird-dog"])
        #expect(planJSON.map { $0["since"] is NSNull } == [true, false])
        let again = try #require(
            try JSONSerialization.jsonObject(with: Data(try sandbox.run("report", "--month", "--json").stdout.utf8))
                as? [String: Any])
        let gluteAgain = try #require((again["adherence"] as? [[String: Any]])?.last)
        #expect(gluteAgain["since"] is NSNull)
        #expect(gluteAgain["counted_from"] as? String == "2026-11-01")
        #expect(gluteAgain["planned"] as? Int == 21)
    }

    /// A dose table too wide for 80 columns breaks its verdicts within their cells, losing no word
    /// (issue #26: they were cut at the line's end).
    ///
    /// The plan: 3 × 12 reps, 5 s hold, from 16 November; in the week 19–25 November five sessions:
    /// 2 × 14 reps of 5 s (sets under, reps over, hold as planned), 4 × 10 (over, under, hold not
    /// recorded), 3 × 12 (as planned, as planned, not recorded), 3 sets alone (as planned, reps and
    /// hold not recorded), 2 × 10 of 3 s (under, under, under). SETS: 2 under, 1 over of 5 →
    /// "mixed: 2 under, 1 over of 5" (27 columns); REPS: 2 under, 1 over, 1 not recorded →
    /// "mixed: 2 under, 1 over of 5, not recorded in 1" (45); HOLD S: 1 under, 3 not recorded →
    /// "under in 1 of 5, not recorded in 3" (34); PLANNED "3 × 12 reps, 5 s hold" (20).
    ///
    /// Natural widths 40 + 20 + 27 + 45 + 34 and 4 gaps of 2: 174, 94 too many. The id shrinks
    /// first, to its header's 8 ("support…"): 142, 62 too many. Then the widest verdict column
    /// narrows, one column at a time: REPS 45 → 34, REPS and HOLD S to 27, those and SETS to 20, then
    /// all four to 16 (11 + 14 + 21 + 16 = 62): 8 + 4 × 16 + 8 = 80. Each cell breaks at spaces
    /// within 16 columns.
    @Test func aTableTooWideBreaksItsVerdictsWithinTheirCells() throws {
        sandbox.environment["JOURNAL_NOW"] = "2026-11-25T12:00:00+00:00"
        try sandbox.change("exercises", "add", Self.longID, "--name", Self.longName, "--category", "stability")
        try sandbox.change(
            "plan", "set", Self.longID, "--sets", "3", "--reps", "12", "--hold", "5", "--per-week", "5", "--since",
            "2026-11-16")
        for (day, dose) in [
            ("19", ["--sets", "2", "--reps", "14", "--hold", "5"]), ("20", ["--sets", "4", "--reps", "10"]),
            ("21", ["--sets", "3", "--reps", "12"]), ("22", ["--sets", "3"]),
            ("23", ["--sets", "2", "--reps", "10", "--hold", "3"]),
        ] {
            try ReportFixtures.log(
                sandbox, Self.longID, "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-\(day) 08:00",
                extra: dose)
        }
        let run = try sandbox.run("report", "--from", "2026-11-19", "--to", "2026-11-25")
        #expect(run.status == 0, "\(run)")
        let table = try #require(
            run.stdout.components(separatedBy: "\nAgainst the plan: dose, session by session\n").last?
                .components(separatedBy: "\n\n").first)
        #expect(
            table == """
                EXERCISE  PLANNED           SETS              REPS              HOLD S
                support…  3 × 12 reps, 5 s  mixed: 2 under,   mixed: 2 under,   under in 1 of 5,
                          hold              1 over of 5       1 over of 5, not  not recorded in
                                                              recorded in 1     3
                """, "\(run)")
        let long = lines(run).filter { $0.count > 80 }
        #expect(long.isEmpty, "\(long)")
        // With room for the table's 174 columns, each cell stands whole on one line, as before.
        let wide = try sandbox.run("report", "--from", "2026-11-19", "--to", "2026-11-25", "--width", "180")
        #expect(
            wide.stdout.contains(
                "\n\(Self.longID)  3 × 12 reps, 5 s hold  mixed: 2 under, 1 over of 5  "
                    + "mixed: 2 under, 1 over of 5, not recorded in 1  under in 1 of 5, not recorded in 3\n"),
            "\(wide)")
        #expect(try sandbox.entryCount() == 5)
    }
}
