import Foundation
import GRDB
import TestSupport
import Testing

@testable import Journal

/// Honest periods (the journal or the plan begun inside one), the planned dose against what was
/// done, what needs attention and in what order, and the text report's width.
@Suite struct ReportPeriodTests {
    let directory = TemporaryDirectory()

    /// The 14 days from 2026-11-20 (Fixture's day 0) to 2026-12-03.
    static let period = Period(
        from: LocalDate(daysSinceEpoch: Fixture.day0 / 86_400),
        to: LocalDate(daysSinceEpoch: Fixture.day0 / 86_400 + 13))

    static func entry(_ id: Int64, _ exercise: String, day: Int, sets: Int, reps: Int?, hold: Int? = nil) throws
        -> Entry
    {
        try Entry(
            id: id, exerciseID: exercise, performedAt: Fixture.time(day: day, hour: 9), utcOffset: 0, sets: sets,
            reps: reps, holdSeconds: hold, painBefore: #require(PainLevel(4)), painAfter: #require(PainLevel(3)),
            createdAt: 0)
    }

    @Test func thePeriodIsTheFourteenDaysFromDayZero() throws {
        let period = try #require(Self.period)
        #expect((period.from.iso8601, period.to.iso8601, period.dayCount) == ("2026-11-20", "2026-12-03", 14))
    }

    @Test func daysAndThePlanCountFromWhenTheJournalBegan() throws {
        let period = try #require(Self.period)
        let entries = try (4..<14).map { try Self.entry(Int64($0), "glute-bridge", day: $0, sets: 3, reps: 10) }
        let plan = [try PlanItem(exerciseID: "glute-bridge", sets: 3, reps: 10, perWeek: 7)]
        let report = ProgressReport.make(
            entries: entries, period: period, region: Fixture.britain, findings: [], plan: plan,
            journalBegan: LocalDate(iso8601: "2026-11-24"))
        #expect(report.beganInsidePeriod)
        #expect(report.countedFrom.iso8601 == "2026-11-24")
        #expect((report.daysActive, report.daysCounted) == (10, 10))
        #expect(report.adherence.map(\.planned) == [10])
        #expect(report.adherence.map(\.done) == [10])
        #expect(ReportText.activity(report) == "Active on 10 of 10 days since the journal began, 10 entries.")
        // Begun on the period's last day: one day, said so, not "1 of the 1 days" (a tester).
        let lastDay = ProgressReport.make(
            entries: [entries[9]], period: period, region: Fixture.britain, findings: [], plan: plan,
            journalBegan: LocalDate(iso8601: "2026-12-03"))
        #expect(ReportText.activity(lastDay) == "Active on 1 of 1 day since the journal began, 1 entry.")
        #expect(
            ReportText.began(report)
                == "The journal began on 2026-11-24, 4 days into this period: days active and the plan are counted "
                + "from then (10 of 14 days).")
        // A journal begun before the period, or not known, counts the whole period.
        for began in [LocalDate(iso8601: "2026-01-01"), nil] {
            let whole = ProgressReport.make(
                entries: entries, period: period, region: Fixture.britain, findings: [], plan: plan, journalBegan: began
            )
            #expect((whole.countedFrom, whole.daysCounted, whole.beganInsidePeriod) == (period.from, 14, false))
            #expect(whole.adherence.map(\.planned) == [14])
            #expect(ReportText.began(whole) == nil)
        }
    }

    @Test func aPlanCountsFromItsStartAndOneStartingAfterThePeriodIsLeftOut() throws {
        let period = try #require(Self.period)
        let entries = try (0..<14).map { day in
            try Self.entry(Int64(day), "bird-dog", day: day, sets: day == 12 ? 3 : 2, reps: day < 11 ? 6 : 8)
        }
        let plan = [
            try PlanItem(exerciseID: "bird-dog", sets: 2, reps: 8, perWeek: 5, since: LocalDate(iso8601: "2026-11-27")),
            try PlanItem(
                exerciseID: "side-plank", sets: 2, holdSeconds: 30, perWeek: 3, since: LocalDate(iso8601: "2026-12-04")),
        ]
        let report = ProgressReport.make(
            entries: entries, period: period, region: Fixture.britain, findings: [], plan: plan,
            journalBegan: LocalDate(iso8601: "2026-10-01"))
        let birdDog = try #require(report.adherence.first)
        #expect(report.adherence.count == 1)  // side-plank's plan begins after the period
        // From 11-27 (day 7) to 12-03: 7 days at 5 a week is 5 sessions planned; 7 done.
        #expect(
            (birdDog.countedFrom.iso8601, birdDog.daysCounted, birdDog.planned, birdDog.done) == ("2026-11-27", 7, 5, 7)
        )
        // Days 7–13: sets 2 but 3 on day 12 (over); reps 6 on days 7–10 (under), 8 from day 11.
        #expect((birdDog.sets.asPlanned, birdDog.sets.over, birdDog.sets.verdict) == (6, 1, .over))
        let reps = try #require(birdDog.reps)
        #expect((reps.under, reps.asPlanned, reps.verdict) == (4, 3, .under))
        #expect(birdDog.hold == nil)
        #expect(ReportText.dose(birdDog.sets) == "over in 1 of 7")
        #expect(ReportText.dose(reps) == "under in 4 of 7")
    }

    @Test(arguments: [
        // (done values, verdict, words)
        ([3, 3], "as planned", "as planned"),
        ([2, 3], "under", "under in 1 of 2"),
        ([4, 3, 3], "over", "over in 1 of 3"),
        ([2, 4], "mixed", "mixed: 1 under, 1 over of 2"),
    ])
    func doseVerdicts(done: [Int], verdict: String, words: String) throws {
        var check = ProgressReport.DoseCheck(planned: 3)
        for value in done { check.add(value, planned: check.planned) }
        #expect(check.verdict?.rawValue == verdict)
        #expect(ReportText.dose(check) == words)
    }

    @Test func aDoseNeverRecordedSaysSo() throws {
        var check = ProgressReport.DoseCheck(planned: 30)
        check.add(nil, planned: 30)
        check.add(nil, planned: 30)
        #expect(check.verdict == .notRecorded)
        #expect(ProgressReport.DoseCheck(planned: 3).verdict == nil)
    }

    /// A session without reps is "not recorded", never counted as planned, whatever the others did.
    @Test(
        arguments: [
            // (done values, verdict, words)
            ([nil, 10], "not recorded", "not recorded in 1 of 2, as planned in 1"),
            ([10, nil, nil], "not recorded", "not recorded in 2 of 3, as planned in 1"),
            ([8, nil], "under", "under in 1 of 2, not recorded in 1"),
            ([12, nil, 10], "over", "over in 1 of 3, not recorded in 1"),
            ([8, 12, nil], "mixed", "mixed: 1 under, 1 over of 3, not recorded in 1"),
        ] as [([Int?], String, String)])
    func aSessionWithoutTheValueIsNotRecordedNeverAsPlanned(done: [Int?], verdict: String, words: String) throws {
        var check = ProgressReport.DoseCheck(planned: 10)
        for value in done { check.add(value, planned: check.planned) }
        #expect(check.verdict?.rawValue == verdict)
        #expect(ReportText.dose(check) == words)
        #expect(!ReportText.dose(check).hasPrefix("as planned"))
    }

    @Test func mostSevereFirstRedFlagsHoldsStopsAndCautionsEachWithItsDate() throws {
        // Day 0: a rise on bird-dog (a hold); day 1: a rise on side-plank, reviewed on day 2; days 3 and
        // 5: next-morning cautions; day 4: both-legs (urgent) and fever (see-doctor) at once.
        let entries = [
            Fixture.entry(1, "bird-dog", day: 0, hour: 9, before: 3, after: 5),
            Fixture.entry(2, "side-plank", day: 1, hour: 9, before: 3, after: 4),
            Fixture.entry(3, "glute-bridge", day: 2, hour: 9, before: 2, after: 2),
            Fixture.entry(4, "glute-bridge", day: 4, hour: 9, before: 2, after: 2),
        ]
        let checkIns = [
            Fixture.checkIn(1, day: 3, hour: 7, pain: 4),
            Fixture.checkIn(2, day: 4, hour: 7, pain: 6, flags: [.bothLegs, .fever]),
            Fixture.checkIn(3, day: 5, hour: 7, pain: 5),
        ]
        let review = try Review(
            id: 1, exerciseID: "side-plank", reviewedAt: Fixture.time(day: 2, hour: 17), utcOffset: 0,
            note: "lighter", createdAt: 0, seen: Fixture.seen(through: Int64(entries.count)))
        let hold = try #require(HoldRule.hold(sessions: [entries[0]], review: nil))
        let period = Period.week(endingOn: LocalDate(daysSinceEpoch: Fixture.day0 / 86_400 + 6))
        let report = ProgressReport.make(
            entries: entries, checkIns: checkIns, period: period,
            region: Fixture.britain, findings: Rules.evaluate(entries: entries, checkIns: checkIns), reviews: [review],
            holds: [hold])
        let items = report.attention
        #expect(
            items.map { ReportText.label($0, advice: Fixture.britain.advice) } == [
                // Recorded two days before the period's last day: the banner does not say "today".
                "URGENT: SEEK EMERGENCY CARE NOW", "SEE A DOCTOR", "ON HOLD", "STOP", "CAUTION",
            ])
        #expect(
            items.map(ReportText.heading) == [
                "check-in, Tue 24 Nov 07:00", "check-in, Tue 24 Nov 07:00", "bird-dog, Fri 20 Nov 09:00, pain 3 → 5",
                "side-plank, Sat 21 Nov 09:00, pain 3 → 4", "check-in, Wed 25 Nov 07:00",
            ])
        // The reviewed stop says so; the two next-morning cautions are told once, with the other's date.
        #expect(
            ReportText.advice(items[3], in: Fixture.britain.advice)
                == "Reviewed by a physiotherapist on Sun 22 Nov 17:00: side-plank resumed.")
        #expect(ReportText.earlier(items[4]) == "Also on 1 earlier occasion: Mon 23 Nov 07:00.")
        // The hold's own stop finding is not told twice.
        #expect(!items.filter { $0.hold == nil }.contains { $0.findings.contains { $0.entryID == 1 } })
        let text = ReportText.render(report)
        let attention = try #require(text.range(of: "Needs attention"))
        #expect(attention.lowerBound < (try #require(text.range(of: "\nPain\n"))).lowerBound)
    }

    /// A finding's session is looked up by id in an index the report builds once, and kept in
    /// step with ``ProgressReport/entries``: the review answers a session recorded before it, not
    /// one the report does not hold.
    @Test func aFindingsReviewIsFoundThroughTheReportsIndexOfSessions() throws {
        let entries = [
            Fixture.entry(1, "bird-dog", day: 0, hour: 9, before: 2, after: 2),
            Fixture.entry(2, "side-plank", day: 1, hour: 9, before: 3, after: 5),
        ]
        // Reviewed on day 2 at 17:00, recorded at 100 (the sessions at 0), having seen the sessions up to 2.
        let review = try Review(
            id: 1, exerciseID: "side-plank", reviewedAt: Fixture.time(day: 2, hour: 17), utcOffset: 0,
            note: nil, createdAt: 100, seen: Fixture.seen(through: 2))
        let period = Period.week(endingOn: LocalDate(daysSinceEpoch: Fixture.day0 / 86_400 + 6))
        var report = ProgressReport.make(
            entries: entries, period: period, region: Fixture.britain,
            findings: Rules.evaluate(entries: entries, checkIns: []), reviews: [review])
        #expect(report.entry(id: 2) == entries[1])
        #expect(report.entry(id: 1) == entries[0])
        #expect(report.entry(id: 3) == nil)
        #expect(report.entry(id: nil) == nil)
        let stop = try #require(report.findings.first { $0.entryID == 2 && $0.severity == .stop })
        #expect(report.review(answering: stop) == review)
        // The same session recorded after the review (at 200, a reading it had not seen) is not one it answered.
        var later = entries[1]
        later.createdAt = 200
        later.recorded = OutsideRecord.reading(unixSeconds: 200)
        report.entries = [entries[0], later]
        #expect(report.entry(id: 2)?.recorded == later.recorded)
        #expect(report.review(answering: stop) == nil)
        // Without the session, its time of recording is unknown: no review answers it.
        report.entries = [entries[0]]
        #expect(report.entry(id: 2) == nil)
        #expect(report.review(answering: stop) == nil)
    }

    @Test func asciiTextIsCountedAsEachOfItsCharactersWouldBe() throws {
        // Every ASCII byte alone and all 128 together (with "\r\n" as one character): the
        // byte-by-byte count of ASCII text equals the sum over its characters. 95 are printable.
        let all = String(decoding: (0..<128).map { UInt8($0) }, as: UTF8.self)
        for character in all {
            #expect(TextTable.displayWidth(String(character)) == TextTable.displayWidth(character), "\(character)")
        }
        #expect(TextTable.displayWidth(all) == all.reduce(0) { $0 + TextTable.displayWidth($1) })
        #expect(TextTable.displayWidth(all) == 95)
        #expect(TextTable.displayWidth("a\r\nb\u{7F}") == 2)
        // One byte past ASCII and the whole text is counted by character: the keycap stays 2.
        #expect(TextTable.displayWidth("1\u{FE0F}\u{20E3} x") == 4)
    }

    @Test func widthIsCountedInDisplayColumns() throws {
        #expect(TextTable.displayWidth("abc") == 3)
        #expect(TextTable.displayWidth("漢字") == 4)
        #expect(TextTable.displayWidth("🙂") == 2)
        #expect(TextTable.displayWidth("e\u{301}") == 1)  // e and a combining acute accent
        #expect(TextTable.truncate("漢字漢字", to: 5) == "漢字…")
        #expect(TextTable.truncate("short", to: 5) == "short")
        #expect(
            TextTable.render(header: ["NAME", "N"], rows: [["a-very-long-exercise-name", "1"]], width: 12, shrink: 0)
                == "NAME       N\na-very-l…  1")
    }

    @Test func wideNotesStillFitTheTerminal() throws {
        let period = try #require(Self.period)
        let note = String(repeating: "痛みが少し 🙂 ", count: 60)
        let entries = try (0..<5).map { day in
            try Entry(
                id: Int64(day + 1), exerciseID: "an-exercise-of-their-own-with-a-long-name",
                performedAt: Fixture.time(day: day, hour: 9), utcOffset: 0, painBefore: #require(PainLevel(4)),
                painAfter: #require(PainLevel(day == 2 ? 6 : 3)), note: note, createdAt: 0)
        }
        let report = ProgressReport.make(
            entries: entries, period: period, region: Fixture.britain,
            findings: Rules.evaluate(entries: entries, checkIns: []))
        // Counted here without the code under test: CJK and emoji two columns, the rest one.
        func columns(_ line: Substring) -> Int {
            line.unicodeScalars.reduce(0) { total, scalar in
                (0x3000...0x9FFF).contains(scalar.value) || (0x1F300...0x1FAFF).contains(scalar.value)
                    ? total + 2 : total + 1
            }
        }
        for width in [80, 100] {
            let lines = ReportText.render(report, width: width).split(separator: "\n")
            #expect(lines.allSatisfy { columns($0) <= width }, "\(lines.filter { columns($0) > width })")
        }
    }

    @Test func aPlanOfAnOlderJournalHasNoStartUntilOneIsSet() throws {
        let path = directory.file("v6.sqlite3")
        let old = try DatabaseQueue(path: path)
        try Migrations.migrator.migrate(old, upTo: "v6-reviews-checkin-undo")
        try old.write { db in
            try db.execute(
                sql:
                    "INSERT INTO plan (exercise_id, sets, reps, hold_seconds, per_week) VALUES ('bird-dog', 2, 8, NULL, 5)"
            )
        }
        try old.close()
        let store = try JournalStore(path: path)
        #expect(try store.plan().map(\.since) == [nil])
        try store.setPlan(
            try PlanItem(
                exerciseID: "side-plank", sets: 2, holdSeconds: 30, perWeek: 3, since: LocalDate(iso8601: "2026-11-10"))
        )
        #expect(try store.plan().map { $0.since?.iso8601 } == [nil, "2026-11-10"])
        // The column refuses anything but a date.
        #expect(throws: (any Error).self) {
            try DatabaseQueue(path: path).write { try $0.execute(sql: "UPDATE plan SET since = 'soon'") }
        }
    }

    @Test func theJournalBeganOnItsFirstLocalDay() throws {
        let store = try JournalStore(path: directory.file("j.sqlite3"))
        #expect(try store.journalBegan() == nil)
        // A check-in at 2026-11-21 00:30 UTC in Tokyo (09:30 on the 21st); the first entry by the clock
        // at 00:45 UTC in Kiribati (14:45 on the 21st); a later one, 01:00 UTC in New York, was on the
        // evening of the 20th: the journal's first day.
        _ = try store.add(
            try CheckIn(
                performedAt: Fixture.time(day: 1, hour: 0, minute: 30), utcOffset: 32_400,
                pain: #require(PainLevel(2)), createdAt: 0))
        for (minute, offset) in [(45, 50_400), (60, -18_000)] {
            _ = try store.add(
                try Entry(
                    exerciseID: "bird-dog", performedAt: Fixture.time(day: 1, hour: 0, minute: minute),
                    utcOffset: offset, painBefore: #require(PainLevel(2)), painAfter: #require(PainLevel(2)),
                    createdAt: 0))
        }
        #expect(try store.journalBegan()?.iso8601 == "2026-11-20")
    }
}

/// The byte-by-byte wrapping of ASCII text against the wrapping by characters it stands in for.
@Suite struct WrapTests {
    @Test func asciiTextWrapsAsByCharacter() throws {
        let seed = UInt64(ProcessInfo.processInfo.environment["JOURNAL_TEST_SEED"] ?? "") ?? 5_150
        print("WrapTests seed \(seed) (JOURNAL_TEST_SEED=\(seed) replays it)")
        var random = SplitMix(seed: seed)
        // Spaces (often several together), controls, DEL, "\r\n" and printable bytes; words up
        // to 30 bytes, so that widths from 0 to 40 cut some of them.
        let pieces = [
            " ", " ", " ", "  ", "\r\n", "\t", "\u{7F}", "\u{1}", "a", "b", "-", "`", "(#12)", "bird-dog", "→x",
        ]
        for round in 0..<3_000 {
            var text = (0..<Int(random.next() % 40)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }
                .joined()
            if random.next() % 4 == 0 { text += String(repeating: "w", count: Int(random.next() % 30)) }
            text = String(text.unicodeScalars.filter { $0.isASCII }.map(Character.init))
            let width = Int(random.next() % 41)
            // A hanging indent narrower than the width, as the standing lines take it.
            let indent = width > 2 ? Int(random.next() % 3) : 0
            #expect(
                TextTable.wrap(text, width: width, indent: indent)
                    == TextTable.wrapByCharacter(text, width: width, indent: indent),
                "seed \(seed), round \(round): \(text.debugDescription) at \(width), indent \(indent)")
        }
    }

    /// A table too wide breaks the cells of its `wrap` columns within them, the widest column first,
    /// never below its header or longest word; the row's other cells stand on its first line.
    @Test func aTableBreaksItsWrappedCellsWithinTheirColumns() {
        // 2 + 2 + 15 = 19 columns at 12: VERDICT narrows by 7 to 8, "under in" / "2 of 3".
        #expect(
            TextTable.render(header: ["ID", "VERDICT"], rows: [["1", "under in 2 of 3"]], width: 12, wrap: [1])
                == "ID  VERDICT\n1   under in\n    2 of 3")
        // 2 + 2 + 10 + 2 + 12 = 28 at 20, 8 too many: B narrows to 10, then A and B by turns to 8,
        // B's header; then A alone to 6. The right-aligned number stands on the first line.
        #expect(
            TextTable.render(
                header: ["N", "A", "B HEADER"], rows: [["12", "one two th", "four five si"]], alignRight: [0],
                width: 20, wrap: [1, 2])
                == " N  A       B HEADER\n12  one     four\n    two th  five si")
        // Not below the header (8) nor the longest word: too wide still, nothing is lost.
        #expect(
            TextTable.render(header: ["X", "B HEADER"], rows: [["1", "a b"]], width: 5, wrap: [1])
                == "X  B HEADER\n1  a b")
        // Wide enough: as before, one line a row.
        #expect(
            TextTable.render(header: ["ID", "VERDICT"], rows: [["1", "under in 2 of 3"]], width: 80, wrap: [1])
                == "ID  VERDICT\n1   under in 2 of 3")
    }

    @Test func wrapsAtSpacesAndCutsLongWords() {
        #expect(
            TextTable.wrap("Stop doing  bird-dog and see a physiotherapist", width: 20)
                == "Stop doing bird-dog\nand see a\nphysiotherapist")
        #expect(TextTable.wrap("a supercalifragilistic b", width: 8) == "a\nsuperca…\nb")
        #expect(TextTable.wrap("", width: 10) == "")
        #expect(TextTable.wrap("   ", width: 10) == "")
        #expect(TextTable.wrap("ab", width: 0) == "…")
    }

    /// With a hanging indent every line after the first starts with it and still fits the width:
    /// 2 + 78 columns, never 80 + 2.
    @Test func aHangingIndentCountsInTheWidth() {
        #expect(
            TextTable.wrap(
                "Still on hold since 2026-11-24: bird-dog (more-pain, #1); see a physiotherapist", width: 30, indent: 2)
                == "Still on hold since\n  2026-11-24: bird-dog\n  (more-pain, #1); see a\n  physiotherapist")
        #expect(TextTable.wrap("a supercalifragilistic b", width: 8, indent: 2) == "a super…\n  b")
        // A command kept whole takes its line behind the indent too.
        #expect(
            TextTable.wrap("Then run: journal resume bird-dog.", width: 20, indent: 2)
                == "Then run:\n  journal resume bird-dog.")
    }

    /// A command a person is told to type stays whole on one line: a backquoted span, or `journal …`
    /// after a colon up to the word ending its clause; wider than the width, on a line of its own.
    @Test func commandsStayWhole() {
        let told = "Once a doctor has seen you: journal resume --red-flags."
        #expect(TextTable.wrap(told, width: 40) == "Once a doctor has seen you:\njournal resume --red-flags.")
        #expect(TextTable.wrap(told, width: 34) == "Once a doctor has seen you:\njournal resume --red-flags.")
        #expect(TextTable.wrap(told, width: 20) == "Once a doctor has\nseen you:\njournal resume --red-flags.")
        #expect(
            TextTable.wrap("then run `journal resume bird-dog` again, please", width: 30)
                == "then run\n`journal resume bird-dog`\nagain, please")
        #expect(
            TextTable.wrap("Set one with: journal plan set glute-bridge --sets 3, then go", width: 12)
                == "Set one\nwith:\njournal plan set glute-bridge --sets 3,\nthen go")
        // A stray backquote marks no span; "journal" not after a colon begins no command.
        #expect(TextTable.wrap("a `b c d", width: 3) == "a\n`b\nc d")
        #expect(TextTable.wrap("so journal stops asking", width: 10) == "so journal\nstops\nasking")
        #expect(TextTable.wrap(told, width: 40) == TextTable.wrapByCharacter(told, width: 40))
    }

    /// Every advice text of every region, and the sentences that name `journal resume`, keep each
    /// command whole at 80 and 40 columns.
    @Test func everyAdviceTextKeepsItsCommandsWhole() throws {
        var texts: [String] = [
            "Still standing, recorded 2026-11-20, not yet seen by a doctor: You recorded chest pain. "
                + "Once a doctor has seen you: \(Advice.resumeRedFlags).",
            "Still on hold since 2026-11-20: bird-dog (pain-rise, #1); "
                + Wording.seePhysiotherapistThenResume("bird-dog") + ".",
            Wording.noPlanYet(),
        ]
        for region in [nil] + Region.known.map(Optional.some) {
            let advice = RegionalAdvice(region: region)
            for tier in [AdviceTier.emergency, .sameDay, .gp] {
                texts += [advice.heading(tier), advice.recommendation(tier), advice.action(tier)]
            }
        }
        let command = try Regex(#"`[^`]*`|: journal [^.,;`]*[.,;]?"#)
        for text in texts {
            for width in [80, 40] {
                let lines = TextTable.wrap(text, width: width).split(separator: "\n")
                for match in text.matches(of: command) {
                    let found = String(text[match.range])
                    let whole = found.hasPrefix(": ") ? String(found.dropFirst(2)) : found
                    #expect(lines.contains { $0.contains(whole) }, "\(whole) broken at \(width): \(text)")
                }
            }
        }
    }

    /// Lines found byte by byte are those `split(separator: "\n")` finds by character: a line feed
    /// after a carriage return is part of one character, "\r\n", and does not split.
    @Test func linesAreTheSplitByCharacter() throws {
        let seed = UInt64(ProcessInfo.processInfo.environment["JOURNAL_TEST_SEED"] ?? "") ?? 5_151
        print("WrapTests seed \(seed) (JOURNAL_TEST_SEED=\(seed) replays it)")
        var random = SplitMix(seed: seed)
        let pieces = ["\n", "\n", "\r", "\r\n", "\n\u{301}", " ", "a", "é", "→", "👍🏽", "\u{7F}"]
        for round in 0..<3_000 {
            let text = (0..<Int(random.next() % 12)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }
                .joined()
            #expect(
                TextTable.lines(text) == text.split(separator: "\n"),
                "seed \(seed), round \(round): \(text.debugDescription)")
        }
        #expect(TextTable.lines("a\n\nb\n") == ["a", "b"])
        #expect(TextTable.lines("a\r\nb\nc") == ["a\r\nb", "c"])
        #expect(TextTable.lines("") == [])
    }
}
