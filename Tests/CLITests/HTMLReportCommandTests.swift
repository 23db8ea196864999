import Foundation
import Testing

/// The HTML report as a person sees it: rendered by headless Chromium at 1200 and 390 pixels wide
/// and printed to A4 PDF, counted and read back with poppler's pdfinfo and pdftotext.
///
/// `.ci/run` installs Chromium and poppler-utils; elsewhere the suite runs when they are on PATH and
/// is skipped, saying what is missing, when they are not (on CI it runs and fails instead).
@Suite(
    .enabled(
        if: Tools.missing == nil || ProcessInfo.processInfo.environment["CI"] != nil,
        "needs \(Tools.missing ?? "nothing") on PATH to render the HTML report (.ci/run installs them)"))
struct HTMLReportCommandTests {
    let sandbox = ReportFixtures.sandbox()

    /// The report for `arguments` as HTML, written to a file in the sandbox.
    func page(_ name: String, _ arguments: String...) throws -> String { try page(name, arguments) }

    func page(_ name: String, _ arguments: [String]) throws -> String {
        let path = sandbox.directory + "/\(name).html"
        let run = try sandbox.run(["report", "--format", "html", "--output", path] + arguments)
        try #require(run.status == 0, "\(run)")
        return path
    }

    func chromium(_ arguments: [String]) throws -> Run {
        let chromium = try #require(Tools.chromium, "CI must install chromium (.ci/run does)")
        return try execute(
            chromium,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                "--user-data-dir=\(sandbox.directory)/chromium",
            ] + arguments)
    }

    /// `text`: each page's text as `pdftotext` reads it; `drawn`: the whole text in the order it
    /// is drawn (`pdftotext -raw`), the page's own order.
    typealias Printed = (pages: Int, text: [String], info: String, words: [[Word]], drawn: String)

    /// A word on a printed page and its box, in points from the page's top left (`pdftotext -bbox`).
    struct Word {
        var text: String
        var xMin: Double
        var xMax: Double
        var yMin: Double
        var yMax: Double
    }

    /// The page printed to A4: its page count, each page's text and words.
    func printed(_ page: String) throws -> Printed {
        let pdf = page.replacingOccurrences(of: ".html", with: ".pdf")
        _ = try chromium(["--no-pdf-header-footer", "--print-to-pdf=\(pdf)", "file://\(page)"])
        let info = try execute(try #require(Tools.pdfinfo), [pdf]).stdout
        keep(pdf)
        let pages = try #require(
            info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
                .flatMap { Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces)) }, "\(info)")
        let text = try (1...max(pages, 1)).map { number in
            try execute(try #require(Tools.pdftotext), ["-f", "\(number)", "-l", "\(number)", pdf, "-"]).stdout
        }
        let boxes = try execute(try #require(Tools.pdftotext), ["-bbox", pdf, "-"]).stdout
        let drawn = try execute(try #require(Tools.pdftotext), ["-raw", pdf, "-"]).stdout
        return (pages, text, info, Self.words(boxes), drawn)
    }

    /// Each page's words, read from `pdftotext -bbox`'s XHTML.
    static func words(_ xhtml: String) -> [[Word]] {
        func number(_ name: String, in tag: Substring) -> Double {
            guard let start = tag.range(of: name + "=\"") else { return 0 }
            return Double(tag[start.upperBound...].prefix { $0 != "\"" }) ?? 0
        }
        return xhtml.components(separatedBy: "<page ").dropFirst().map { page in
            page.components(separatedBy: "<word ").dropFirst().map { word in
                let tag = word.prefix { $0 != ">" }
                let text = word.drop { $0 != ">" }.dropFirst().prefix { $0 != "<" }
                return Word(
                    text: String(text), xMin: number("xMin", in: tag), xMax: number("xMax", in: tag),
                    yMin: number("yMin", in: tag),
                    yMax: number("yMax", in: tag))
            }
        }
    }

    /// The printed page's margin, 7 mm, in points (`@page` in ReportHTML's CSS).
    let margin = 19.8

    /// How full each page is: from the top of the printable area (A4, 841.9 points high, 7 mm
    /// margins of 19.8 points) to the bottom of its lowest word, as a fraction of that area.
    func fullness(_ printed: Printed) -> [Double] {
        printed.words.map { words in
            ((words.map(\.yMax).max() ?? margin) - margin) / (841.9 - 2 * margin)
        }
    }

    /// Copies `file` to `$REPORT_ARTIFACTS`, when set, to look at after the run.
    func keep(_ file: String) {
        guard let folder = ProcessInfo.processInfo.environment["REPORT_ARTIFACTS"] else { return }
        let target = folder + "/" + (file as NSString).lastPathComponent
        try? FileManager.default.removeItem(atPath: target)
        try? FileManager.default.copyItem(atPath: file, toPath: target)
    }

    /// Words on a printed page, not counting the footer's.
    func words(_ text: String) -> Int {
        let footer = text.range(of: "journal keeps a record").map { text[..<$0.lowerBound] } ?? Substring(text)
        return footer.split(whereSeparator: \.isWhitespace).count
    }

    /// Every page holds more than a heading, a line or the footer, and, unless the report fits on
    /// one page, is at least a third full.
    func expectNoNearlyEmptyPage(_ printed: Printed) {
        for (index, text) in printed.text.enumerated() {
            #expect(words(text) >= 40, "page \(index + 1) of \(printed.pages) holds only: \(text)")
        }
        let full = fullness(printed)
        #expect(printed.pages == 1 || full.allSatisfy { $0 >= 1.0 / 3 }, "each page's fullness: \(full)")
    }

    @Test func aWeekOfDailySessionsPrintsOnTwoA4Pages() throws {
        // Daily check-ins and a note on every session and check-in, and the PSFS.
        try ReportFixtures.dailySessions(days: 7, in: sandbox, everyNote: true, psfs: true)
        let printed = try printed(try page("week", "--week"))
        #expect(printed.info.contains("(A4)"), "not A4: \(printed.info)")
        #expect(printed.pages <= 2, "\(printed.pages) pages")
        expectNoNearlyEmptyPage(printed)
        // What needs attention, then the pain picture, on the first page.
        let first = printed.text[0]
        let attention = try #require(first.range(of: "Needs attention"))
        let picture = try #require(first.range(of: "Pain day by day"))
        #expect(attention.lowerBound < picture.lowerBound)
        #expect(first.contains("ON HOLD"))
        // Recorded two days before the week's last day and not yet seen: it stands, but not as "today".
        #expect(first.contains("SEE A DOCTOR"))
        #expect(!first.contains("SEE A DOCTOR TODAY"))
        // The note's markup is text, not a script run.
        let all = squeezed(printed)
        #expect(all.contains("<script>alert(1)</script> sharp pain"))
        // Each note printed once, whole, in the Notes section; the sessions table points to it.
        #expect(all.components(separatedBy: "Slow and controlled").count - 1 == 6)
        #expect(all.components(separatedBy: "Morning 1: stiff").count - 1 == 1)
        #expect(all.contains("[1]") && all.contains("[28]"))
        #expect(!all.contains("[29]"))
        // The three PSFS charts side by side, their text at the exercise charts' size.
        let scores = printed.words.flatMap { $0.filter { $0.text == "Score" } }
        #expect(scores.count == 3)
        #expect(Set(scores.map { Int($0.yMin.rounded()) }).count == 1, "\(scores)")
        // The axis titles run upwards: across, a word's box is its text's height.
        let pains = printed.words.flatMap { $0.filter { $0.text == "Pain" && $0.xMin < 100 } }
        #expect(
            pains.contains { pain in scores.allSatisfy { abs(($0.xMax - $0.xMin) - (pain.xMax - pain.xMin)) < 0.5 } },
            "\(pains) \(scores)")
        expectNoDayLabelTouchesAZero(printed)
    }

    /// The third journal of the report tests: a 40-character exercise id, 500-character notes on
    /// every check-in and some sessions, a hold and red flags.
    @Test(arguments: [["--week"], ["--month"]])
    func longNamesAndNotesPrintWithoutANearlyEmptyPage(arguments: [String]) throws {
        let layout = ReportLayoutCommandTests()
        try layout.makeLongJournal()
        try withExtendedLifetime(layout) {
            sandbox.environment["JOURNAL_DB"] = layout.sandbox.environment["JOURNAL_DB"]
            let path = sandbox.directory + "/long\(arguments[0]).html"
            let run = try sandbox.run(["report", "--format", "html", "--output", path] + arguments)
            try #require(run.status == 0, "\(run)")
            let printed = try printed(path)
            #expect(printed.pages <= 2, "\(printed.pages) pages")
            expectNoNearlyEmptyPage(printed)
        }
    }

    /// The printed text of every page, its words one space apart however its lines wrap.
    func squeezed(_ printed: Printed) -> String { squeezed(printed.text.joined(separator: " ")) }

    func squeezed(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }

    /// Each note printed exactly once, whole: its words in order, however its lines wrap, as
    /// typed or with its typed lines run together (a dense report's, ``runTogether(_:)``).
    ///
    /// Read in the order the page draws its text: a dense report's notes run in, one after the
    /// other on a line, and `pdftotext`'s guess at the reading order of two such columns once
    /// put the end of a column's text after the next column's (a month of 180 notes). A word
    /// broken after its hyphen at a line's end ("side-" / "plank") is one word again.
    func expectEveryNotePrintedOnce(_ notes: [String], _ printed: Printed) {
        let all = squeezed(printed.drawn.replacingOccurrences(of: "-\n", with: "-"))
        for note in notes {
            let forms = Set([squeezed(note), squeezed(runTogether(note))])
            let count = forms.map { all.components(separatedBy: $0).count - 1 }.reduce(0, +)
            #expect(count == 1, "printed \(count) times: \(note)")
        }
    }

    /// A note's typed lines one after the other, " / " between them: how a dense report prints them.
    func runTogether(_ note: String) -> String { note.split(separator: "\n").joined(separator: " / ") }

    // The print budget of issue #26, over three journals of a programme followed every day: a
    // week fits 2 A4 pages and a 30-day month 5, no page is less than a third full, and every
    // note prints once, whole.

    @Test func aHeavyWeekPrintsOnTwoA4Pages() throws {
        // Five exercises a day and a morning check-in, each with a note: 42 notes.
        let notes = try ReportFixtures.programme(
            days: 7, exercises: ["glute-bridge", "bird-dog", "side-plank", "pelvic-tilt", "superman"], in: sandbox)
        #expect(notes.count == 42)
        let printed = try printed(try page("heavy-week", "--week"))
        #expect(printed.pages <= 2, "\(printed.pages) pages")
        expectNoNearlyEmptyPage(printed)
        expectEveryNotePrintedOnce(notes, printed)
    }

    @Test func aWeekOf250CharacterNotesPrintsOnTwoA4Pages() throws {
        // A check-in and five sessions a day, each with a 250-character note: 42 notes. Printed
        // 3 pages, [0.91, 0.64, 0.36]: 5 lines a note, with the notes' hanging indent, and the
        // footer one line past page 2.
        let notes = try ReportFixtures.notedWeek(noteLength: 250, in: sandbox)
        #expect(notes.count == 42)
        let printed = try printed(try page("noted-week", "--week"))
        #expect(printed.pages <= 2, "\(printed.pages) pages, \(fullness(printed))")
        expectNoNearlyEmptyPage(printed)
        expectEveryNotePrintedOnce(notes, printed)
        expectEveryWordInsideThePage(printed)
    }

    @Test func aPlannedWeekOf150CharacterNotesWithHoldsAndRedFlagsPrintsOnTwoA4Pages() throws {
        // A check-in and five planned sessions a day, each with a 150-character note (42 notes);
        // pain rose in every second session (a hold on each exercise, then stops) and Wednesday's
        // check-in records fever and one leg. Printed 3 pages, [0.99, 0.65, 0.36]: the last 24
        // notes, held with the footer (72 printed lines, a third of a page), did not fit the third
        // page 2 had left, piriformis-stretch broken onto a second line in each of its 7 sessions.
        let notes = try ReportFixtures.notedWeek(
            noteLength: 150, planned: true, riseEvery: 2, redFlags: ["fever", "one-leg"], in: sandbox)
        #expect(notes.count == 42)
        let printed = try printed(try page("planned-noted-week", "--week"))
        #expect(printed.pages <= 2, "\(printed.pages) pages, \(fullness(printed))")
        expectNoNearlyEmptyPage(printed)
        expectEveryNotePrintedOnce(notes, printed)
        expectEveryWordInsideThePage(printed)
        // Each piriformis-stretch session on one line: its id whole, never "piriformis-" above
        // "stretch" as in each of its 7 rows.
        let broken = printed.words.joined().filter { $0.text == "piriformis-" }
        #expect(broken.isEmpty, "\(broken)")
    }

    @Test func aHeadingAndATablesHeaderKeepTwoOfItsRowsWithThem() throws {
        // The same week with pain rising in every sixth session and night pain and one leg on
        // Wednesday, Sunday to Friday: the Sessions heading and the table's header printed at the
        // foot of page 1 with none of its rows, the rows on page 2 under a header of their own.
        let notes = try ReportFixtures.notedWeek(
            noteLength: 150, planned: true, riseEvery: 6, redFlags: ["night-pain", "one-leg"], in: sandbox)
        let printed = try printed(try page("sessions-at-the-foot", "--from", "2026-11-15", "--to", "2026-11-20"))
        let weekdays = Set(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"])
        var headings = 0
        for (index, words) in printed.words.enumerated() {
            // The heading (10.5 pt; the exercises table's "Sessions" is 7 pt), then the header's "When".
            guard let heading = words.first(where: { $0.text == "Sessions" && $0.yMax - $0.yMin > 10 }),
                let when = words.filter({ $0.text == "When" && $0.yMin > heading.yMin }).min(by: { $0.yMin < $1.yMin })
            else { continue }
            headings += 1
            // The rows of the first column: a session's day under "When".
            let rows = Set(
                words.filter { weekdays.contains($0.text) && abs($0.xMin - when.xMin) < 1 && $0.yMin > when.yMax - 1 }
                    .map { Int($0.yMin.rounded()) })
            #expect(rows.count >= 2, "page \(index + 1): the heading and header with \(rows.count) rows")
        }
        #expect(headings == 1)
        #expect(printed.pages <= 2, "\(printed.pages) pages, \(fullness(printed))")
        expectNoNearlyEmptyPage(printed)
        expectEveryNotePrintedOnce(Array(notes.prefix(36)), printed)
    }

    @Test func aHeavyWeekWithHoldsAndARedFlagPrintsOnTwoA4Pages() throws {
        // Five exercises a day and a morning check-in, each with a 150-character note (42 notes).
        // Pain rose on each exercise once (five holds: side-plank, glute-bridge, bird-dog,
        // pelvic-tilt, superman), three times more on an exercise already on hold (three stops),
        // and Thursday's check-in records saddle numbness: 9 things need attention. Each told in
        // full printed 3 pages, Needs attention half of the first.
        let notes = try ReportFixtures.programme(
            days: 7, exercises: ["glute-bridge", "bird-dog", "side-plank", "pelvic-tilt", "superman"],
            noteLength: 150,
            painAfter: [
                "2026-11-15 side-plank": 5, "2026-11-16 glute-bridge": 6, "2026-11-17 bird-dog": 5,
                "2026-11-18 pelvic-tilt": 7, "2026-11-19 glute-bridge": 5, "2026-11-20 glute-bridge": 5,
                "2026-11-21 superman": 6, "2026-11-21 pelvic-tilt": 5,
            ],
            redFlags: ["2026-11-19": "saddle-numbness"], in: sandbox)
        #expect(notes.count == 42)
        let printed = try printed(try page("held-week", "--week"))
        #expect(printed.pages <= 2, "\(printed.pages) pages")
        expectNoNearlyEmptyPage(printed)
        expectEveryNotePrintedOnce(notes, printed)
        expectEveryWordInsideThePage(printed)
        let all = squeezed(printed)
        func count(_ text: String) -> Int { all.components(separatedBy: text).count - 1 }
        // The red flag in full.
        #expect(count("numbness or tingling around the genitals or buttocks") == 1)
        // Each finding's session on its own row: its time there, in the sessions table and at its
        // note, 3 times; a session without a finding twice.
        for time in [
            "Sun 15 Nov 10:00", "Mon 16 Nov 08:00", "Tue 17 Nov 09:00", "Wed 18 Nov 11:00", "Thu 19 Nov 08:00",
            "Fri 20 Nov 08:00", "Sat 21 Nov 12:00", "Sat 21 Nov 11:00",
        ] {
            #expect(count(time) == 3, "\(time): \(count(time))")
        }
        #expect(count("Sat 21 Nov 08:00") == 2)
        // The tiers: five holds and three stops a row each, and what to do once for each
        // exercise and tier, whole and naming the exercise (hand-counted: a hold on each of the
        // five; more-pain's stop on glute-bridge and pelvic-tilt, repeated's on glute-bridge).
        #expect(count("ON HOLD") == 5 + 5)
        #expect(count("STOP") == 3 + 3)
        for exercise in ["side-plank", "glute-bridge", "bird-dog", "pelvic-tilt", "superman"] {
            #expect(
                count(
                    "On hold until a physiotherapist has reviewed it: do not do \(exercise) until then, and "
                        + "record the review with: journal resume") == 1, "\(exercise)")
        }
        #expect(count("Stop doing glute-bridge and see a physiotherapist before you continue with it.") == 1)
        #expect(count("Stop doing pelvic-tilt and see a physiotherapist before you continue with it.") == 1)
        #expect(count("Keep glute-bridge on hold until a physiotherapist has assessed you.") == 1)
        #expect(count("Stop doing") == 2)
        #expect(!all.contains("EXERCISE"))
    }

    /// The second week of ``ReportFixtures/plannedFortnight(noteLength:in:)``: 42 notes of about
    /// 76 or 150 characters.
    ///
    /// With 76: 3 pages, [0.96, 0.60, 0.43], the last notes moved whole to the third, before the
    /// tables' lines were set solid. With 150: 3 pages, [0.96, 0.70, 0.43], 28 notes kept
    /// together with the footer in a block too tall for the second page's free space, and the
    /// findings table squeezed beside what to do, its rows 3 to 5 lines each.
    @Test(arguments: [60, 140])
    func aPlannedWeekWithNotesAndANightPainFlagPrintsOnTwoA4Pages(noteLength: Int) throws {
        let sandbox = Sandbox(timeZone: "Pacific/Auckland")
        let notes = try ReportFixtures.plannedFortnight(noteLength: noteLength, in: sandbox)
        #expect(notes.count == 42)
        let path = sandbox.directory + "/planned-week-\(noteLength).html"
        let run = try sandbox.run(
            "report", "--from", "2026-11-08", "--to", "2026-11-14", "--format", "html", "--output", path)
        try #require(run.status == 0, "\(run)")
        let printed = try printed(path)
        #expect(printed.pages <= 2, "\(printed.pages) pages")
        expectNoNearlyEmptyPage(printed)
        expectEveryNotePrintedOnce(notes, printed)
        expectEveryWordInsideThePage(printed)
        // Hand-counted: pain rose on days 2, 5, 8, 11 and 14. Each exercise went on hold on 2 Nov
        // (5 holds, a row each), and rose again in this week on the 8th, 11th and 14th while held:
        // a stop a row each, dated the 14th, "Also on 2 earlier occasions" (5 stops). The check-in
        // the morning after (14th) was above the day's start on 3 mornings (a caution, also on 2
        // earlier occasions); night pain on the 10th: see a doctor. Each row's tier also heads
        // what to do: once per exercise and tier.
        let all = squeezed(printed)
        func count(_ text: String) -> Int { all.components(separatedBy: text).count - 1 }
        #expect(count("ON HOLD") == 5 + 5)
        #expect(count("STOP") == 5 + 5)
        #expect(count("CAUTION") == 1 + 1)
        #expect(count("Also on 2 earlier occasions") == 5 + 1)
        // Still standing on the 14th: told with its days.
        #expect(count("SEE A DOCTOR check-in, Tue 10 Nov 20:00, stood 10–14 Nov (5 days).") == 1)
        #expect(count("worse at night") == 1)
    }

    @Test func aLongExerciseIdWithoutDashesPrintsItsChartAtTheOthersSize() throws {
        // A 39-character id of one word: before, its caption widened its column and its chart
        // printed page-wide, the axis title "Day" 12.9 pt tall beside glute-bridge's 5.6.
        let id = "kneetochestsupinealternatebreathingslow"
        #expect(id.count == 39)
        let added = try sandbox.run("exercises", "add", id, "--name", "Knee to chest", "--category", "stretch")
        try #require(added.status == 0, "\(added)")
        try ReportFixtures.log(
            sandbox, id, "--sets", "2", "--reps", "10", "--pain-before", "3", "--pain-after", "2", "--at",
            "2026-11-20 09:00")
        try ReportFixtures.log(
            sandbox, "glute-bridge", "--sets", "2", "--reps", "10", "--pain-before", "3", "--pain-after", "2",
            "--at", "2026-11-20 10:00")
        let printed = try printed(try page("long-id", "--week"))
        #expect(printed.pages == 1, "\(printed.pages) pages")
        // The axis titles "Day" of the charts (not the headings' or the table's, at the margin):
        // the pain picture's, then the two exercise charts', lowest on the page.
        let days = printed.words[0].filter { $0.text == "Day" && $0.xMin > 60 }.sorted { $0.yMin < $1.yMin }
        try #require(days.count == 3, "\(days)")
        let (first, second) = (days[1], days[2])
        #expect(abs((first.yMax - first.yMin) - (second.yMax - second.yMin)) < 0.3, "\(days)")
        #expect(abs((first.xMax - first.xMin) - (second.xMax - second.xMin)) < 0.3, "\(days)")
    }

    @Test func aShortSessionsTablePrintsInOneColumnUnderItsHeader() throws {
        // One session with a note: its row printed beside the header row, in a second column
        // without a header ("When Exercise Dose Pain Note   Fri 20 Nov 09:00 glute-bridge …").
        try ReportFixtures.log(
            sandbox, "glute-bridge", "--sets", "3", "--reps", "10", "--pain-before", "3", "--pain-after", "4",
            "--at", "2026-11-20 09:00", extra: ["--note", "x"])
        let printed = try printed(try page("one-session", "--week"))
        #expect(printed.pages == 1, "\(printed.pages) pages")
        // The row's mark [1] is under the header's "Note", not beside it on the header's line.
        let words = printed.words[0]
        let note = try #require(words.first { $0.text == "Note" }, "\(words.map(\.text))")
        func distance(_ word: Word) -> Double { hypot(word.xMin - note.xMin, word.yMin - note.yMin) }
        let mark = try #require(words.filter { $0.text == "[1]" }.min { distance($0) < distance($1) })
        // (Below it: rows are set solid, so their words' boxes may touch the header's.)
        #expect((mark.yMin + mark.yMax) / 2 > note.yMax, "\(mark) \(note)")
        #expect(abs(mark.xMin - note.xMin) < 30, "\(mark) \(note)")
    }

    @Test(arguments: ["GB", "CA", "US", "IE", "AU", "NZ", "EU"])
    func oneSessionAndThreeRedFlagsPrintOnOnePageInEveryRegion(region: String) throws {
        // One session whose pain rose (a hold) and a check-in with three red flags, one of each
        // tier: both legs (urgent), fever (see a doctor today), one leg (see a GP). Printed 2
        // pages, [0.78, 0.22], in every region but GB, whose words are shorter.
        let set = try sandbox.run("config", "set", "region", region)
        try #require(set.status == 0, "\(set)")
        try ReportFixtures.log(
            sandbox, "glute-bridge", "--pain-before", "2", "--pain-after", "3", "--at", "2026-11-20 09:00")
        let checked = try sandbox.run(
            "checkin", "--pain", "9", "--red-flag", "both-legs", "--red-flag", "fever", "--red-flag", "one-leg",
            "--at", "2026-11-20 10:00")
        try #require([0, 1, 2, 3].contains(checked.status), "\(checked)")
        for arguments in [["--week"], ["--last", "6w"]] {
            let printed = try printed(try page("red-flags-\(region)-\(arguments.count)", arguments))
            #expect(printed.pages == 1, "\(region) \(arguments): \(printed.pages) pages, \(fullness(printed))")
            expectEveryWordInsideThePage(printed)
            // Each finding whole: the urgent and see-a-doctor items in full, the hold and the
            // see-a-GP rows in the table, each dated; what each red flag says happened, once.
            let all = squeezed(printed)
            func count(_ text: String) -> Int { all.components(separatedBy: text).count - 1 }
            // Each standing at the period's end, on 21 Nov: with the days it stood.
            #expect(count("check-in, Fri 20 Nov 10:00, stood 20–21 Nov (2 days).") == 2, "\(region)")
            #expect(count("Still standing at the end of the period") == 3, "\(region)")
            // The check-in's time: at the urgent and see-a-doctor items, its row, in Check-ins;
            // the session's: at its row, in Sessions.
            #expect(count("Fri 20 Nov 10:00") == 4, "\(region)")
            #expect(count("Fri 20 Nov 09:00") == 2, "\(region)")
            for words in ["numbness in both legs", "feeling hot and shivery", "numbness in one leg"] {
                #expect(count(words) == 1, "\(region): \(words)")
            }
        }
    }

    @Test func oneSessionWhosePainRoseToSixAndThreeRedFlagsPrintOnOnePageInCanada() throws {
        // Pain 3 → 6 (a hold and a high-pain finding) and a check-in of three red flags, one of
        // each tier: both legs (urgent), night pain (see a doctor today), one leg (see a GP).
        // Printed 2 pages, [0.78, 0.23]: the second only the detail and the footer.
        let set = try sandbox.run("config", "set", "region", "CA")
        try #require(set.status == 0, "\(set)")
        try ReportFixtures.log(
            sandbox, "glute-bridge", "--pain-before", "3", "--pain-after", "6", "--sets", "3", "--reps", "10",
            "--at", "2026-11-20 09:00")
        let checked = try sandbox.run(
            "checkin", "--pain", "5", "--red-flag", "both-legs", "--red-flag", "night-pain", "--red-flag", "one-leg",
            "--at", "2026-11-21 07:00")
        try #require([0, 1, 2, 3].contains(checked.status), "\(checked)")
        let printed = try printed(try page("red-flags-rose", "--week"))
        #expect(printed.pages == 1, "\(printed.pages) pages, \(fullness(printed))")
        expectEveryWordInsideThePage(printed)
        // With room to spare, at least 5 % of the page: 1.5 % (0.986 full) before the end block's
        // spacing tightened and the red-flagged check-in ran across the check-ins' four columns.
        #expect(fullness(printed)[0] <= 0.95, "\(fullness(printed))")
        #expect(
            squeezed(printed).contains("Sat 21 Nov 07:00: pain 5, red flags: both-legs, night-pain, one-leg"),
            "\(squeezed(printed))")
    }

    @Test func tablesInTwoPrintedColumnsHaveAHeaderOverEachAndShortOnesPrintInOne() throws {
        // A week of one exercise a day: 7 days, which printed in two columns, the second without
        // a header ("Wed 18 Nov … " beside "Day Entries …"); 7 sessions, in two columns each under
        // its header. One more session of 1 set with no reps showed its dose as a bare "1".
        try ReportFixtures.programme(days: 7, exercises: ["glute-bridge"], sessionNotes: false, in: sandbox)
        try ReportFixtures.log(
            sandbox, "bird-dog", "--sets", "1", "--pain-before", "3", "--pain-after", "3", "--at", "2026-11-21 19:00")
        let week = try printed(try page("columns-week", "--week"))
        #expect(week.pages == 1, "\(week.pages) pages")
        let words = week.words[0]
        let middle = 595.3 / 2
        // The day-by-day table in one column: its one header, every day's row on the left.
        let findings = words.filter { $0.text == "Findings" }
        #expect(findings.count == 1, "\(findings)")
        let days = words.filter { ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].contains($0.text) }
        let header = try #require(findings.first)
        let sessions = try #require(words.first { $0.text == "Sessions" && $0.yMin > header.yMax })
        let rows = days.filter { ($0.yMin + $0.yMax) / 2 > header.yMax && $0.yMax < sessions.yMin }
        #expect(rows.count == 7 && rows.allSatisfy { $0.xMax < middle }, "\(rows)")
        // The sessions table in two columns, a header over each.
        let doses = words.filter { $0.text == "Dose" }
        #expect(doses.count == 2 && doses.contains { $0.xMin > middle }, "\(doses)")
        #expect(squeezed(week).contains("1 set"), "\(squeezed(week))")
        // A month's day-by-day table: two columns, a header over each.
        let monthly = ReportFixtures.sandbox()
        try ReportFixtures.programme(days: 30, exercises: ["glute-bridge"], sessionNotes: false, in: monthly)
        let path = monthly.directory + "/columns-month.html"
        let run = try monthly.run("report", "--month", "--format", "html", "--output", path)
        try #require(run.status == 0, "\(run)")
        let month = try printed(path)
        let monthFindings = month.words.flatMap { $0.filter { $0.text == "Findings" } }
        #expect(monthFindings.contains { $0.xMin < middle } && monthFindings.contains { $0.xMin > middle })
    }

    @Test func aMonthOfFiveExercisesADayPrintsOnAtMostFivePages() throws {
        // Five exercises a day and a morning check-in, each with a 150-character note: 180 notes.
        // 6 pages, the last a third full, before print went to 7 pt type and 10 mm margins.
        let notes = try ReportFixtures.programme(
            days: 30, exercises: ["glute-bridge", "bird-dog", "side-plank", "pelvic-tilt", "superman"],
            noteLength: 150, in: sandbox)
        #expect(notes.count == 180)
        let printed = try printed(try page("heavy-month", "--month"))
        #expect(printed.pages <= 5, "\(printed.pages) pages")
        expectNoNearlyEmptyPage(printed)
        expectEveryNotePrintedOnce(notes, printed)
        expectEveryWordInsideThePage(printed)
    }

    @Test func aMonthOf200CharacterNotesStartsItsSessionsTableUnderTheDayByDayTable() throws {
        // Issue #26's tester's r4: five exercises a day and a check-in, each with a 200-character
        // note (180 notes). Printed 6 pages, [0.70, 0.98, 0.98, 1.00, 0.92, 0.35]: the two-column
        // sessions table, right after its heading, moved whole to page 2 from the 30 % page 1 had left.
        let notes = try ReportFixtures.imported(days: 30, exercises: 5, noteLength: 200, in: sandbox)
        #expect(notes.count == 180)
        let printed = try printed(try page("month-200", "--month"))
        #expect(printed.pages <= 5, "\(printed.pages) pages, \(fullness(printed))")
        expectNoNearlyEmptyPage(printed)
        expectEveryNotePrintedOnce(notes, printed)
        #expect(printed.text[0].contains("Sessions"), "\(printed.text[0])")
    }

    @Test func aTwoColumnSessionsTableHasAHeaderOverEachColumnOnEveryPage() throws {
        // Issue #26's tester's r2: a planned week of 200-character notes, pain rising in every
        // third entry, night pain on the third morning and fever on the last. The sessions table
        // began at page 1's foot with two rows a column, a header over the first only, and went
        // on at the top of page 2 with none.
        try ReportFixtures.imported(
            days: 7, exercises: 5, noteLength: 200, riseEvery: 3, redFlags: [3: ["night-pain"], 7: ["fever"]],
            planned: true, in: sandbox)
        let printed = try printed(try page("sessions-headers", "--week"))
        let middle = 595.3 / 2
        var columns = 0
        var started = false
        for (index, words) in printed.words.enumerated() {
            // From the Sessions heading (10.5 pt; the exercises table's "Sessions" is 7 pt) to the
            // Check-ins heading.
            let heading = words.first { $0.text == "Sessions" && $0.yMax - $0.yMin > 10 }
            let end = words.first { $0.text == "Check-ins" && $0.yMax - $0.yMin > 10 }
            started = started || heading != nil
            guard started else { continue }
            let top = heading?.yMax ?? 0
            let bottom = end?.yMin ?? .infinity
            // A session's row: its time alone ("08:00"), not a note's ("08:00,") nor a check-in's ("07:10:").
            let times = words.filter { word in
                word.yMin > top && word.yMax < bottom && word.text.count == 5
                    && word.text.split(separator: ":").count == 2 && word.text.allSatisfy { $0.isNumber || $0 == ":" }
            }
            let headers = words.filter { $0.text == "Dose" && $0.yMin > top && $0.yMax < bottom }
            for right in [false, true] {
                guard let first = times.filter({ ($0.xMin > middle) == right }).min(by: { $0.yMin < $1.yMin })
                else { continue }
                columns += 1
                #expect(
                    headers.contains { ($0.xMin > middle) == right && $0.yMax <= first.yMin + 1 },
                    "page \(index + 1), \(right ? "right" : "left") column: rows from \(first) without a header")
            }
            if end != nil { break }
        }
        #expect(columns >= 2)
    }

    @Test func aPlannedWeekOf200CharacterNotesWithHoldsAndFeverPrintsOnTwoA4Pages() throws {
        // Issue #26's tester's r1: five planned exercises a day and a check-in, each with a
        // 200-character note (42 notes), pain rising in every third entry (holds, then stops),
        // fever on the last morning. Printed 3 pages, [0.99, 0.66, 0.35]: the held end (the last
        // 18 notes and the footer, 35 % of a page) did not fit the 34 % page 2 had left.
        let notes = try ReportFixtures.imported(
            days: 7, exercises: 5, noteLength: 200, riseEvery: 3, redFlags: [7: ["fever"]], planned: true,
            in: sandbox)
        #expect(notes.count == 42)
        let printed = try printed(try page("planned-200", "--week"))
        #expect(printed.pages <= 2, "\(printed.pages) pages, \(fullness(printed))")
        expectNoNearlyEmptyPage(printed)
        expectEveryNotePrintedOnce(notes, printed)
        expectEveryWordInsideThePage(printed)
    }

    @Test func aPlannedWeekWithHoldsAndPSFSNotesPrintsOnTwoA4Pages() throws {
        // Four planned exercises a day and a check-in, pain rising in every third entry, fever
        // on the last morning, five PSFS activities rated three times, a 200-character note on
        // each (50 notes): 3 pages, dense already (the sweep's journal of that shape: [0.99,
        // 0.66, 0.37]), each note leaving the rest of its last line blank. Now the notes run in.
        let notes = try ReportFixtures.imported(
            days: 7, exercises: 4, noteLength: 200, riseEvery: 3, redFlags: [7: ["fever"]], planned: true,
            psfs: true, in: sandbox)
        #expect(notes.count == 50)
        let printed = try printed(try page("planned-psfs-200", "--week"))
        #expect(printed.pages <= 2, "\(printed.pages) pages, \(fullness(printed))")
        expectNoNearlyEmptyPage(printed)
        expectEveryNotePrintedOnce(notes, printed)
        expectEveryWordInsideThePage(printed)
    }

    @Test func aWeekOfSixExercisesAndLongNotesLeavesNoPageUnderAThirdFull() throws {
        // Issue #26's tester's r3: six exercises a day and a check-in, each with a 250-character
        // note (49 notes), no findings. Printed 3 pages, [0.99, 0.74, 0.30]: the held end, 72
        // estimated lines, printed under a third of a page.
        // Then 3 pages (bench/print-sweep's journal of that shape: [0.99, 0.65, 0.37]), more text
        // than two pages held as usual: now dense (its notes in a narrow face), on two.
        let notes = try ReportFixtures.imported(days: 7, exercises: 6, noteLength: 250, in: sandbox)
        #expect(notes.count == 49)
        let printed = try printed(try page("six-250", "--week"))
        #expect(printed.pages <= 2, "\(printed.pages) pages, \(fullness(printed))")
        expectNoNearlyEmptyPage(printed)
        expectEveryNotePrintedOnce(notes, printed)
        expectEveryWordInsideThePage(printed)
    }

    @Test func aWeekOfNotesTypedAsShortLinesPrintsOnTwoA4Pages() throws {
        // Issue #26's second tester: five exercises a day and a check-in, each note typed as
        // lines of up to 80 characters (242 characters, 42 notes). Printed 3 pages (the sweep's
        // journal of that shape: [0.97, 0.79, 0.34]): each typed line two printed lines.
        let notes = try ReportFixtures.imported(days: 7, exercises: 5, noteLength: 242, typedLines: 80, in: sandbox)
        #expect(notes.count == 42 && notes.allSatisfy { $0.split(separator: "\n").count == 4 })
        let printed = try printed(try page("typed-lines", "--week"))
        #expect(printed.pages <= 2, "\(printed.pages) pages, \(fullness(printed))")
        expectNoNearlyEmptyPage(printed)
        expectEveryNotePrintedOnce(notes, printed)
        expectEveryWordInsideThePage(printed)
    }

    @Test func aWeekOfLinksPrintsOnTwoA4Pages() throws {
        // Five exercises a day and a check-in, each note one unbroken 300-character link (42
        // notes): printed 3 pages (the sweep's journal of that shape: [0.96, 0.63, 0.45]).
        let notes = try ReportFixtures.imported(
            days: 7, exercises: 5, noteLength: 300, text: "https://example.org/physio/segment/", in: sandbox)
        let printed = try printed(try page("links", "--week"))
        #expect(printed.pages <= 2, "\(printed.pages) pages, \(fullness(printed))")
        expectNoNearlyEmptyPage(printed)
        expectEveryWordInsideThePage(printed)
        // Each link printed once, whole, however it breaks across lines (in the order drawn).
        let all = printed.drawn.filter { !$0.isWhitespace }
        for note in notes {
            let count = all.components(separatedBy: note.filter { !$0.isWhitespace }).count - 1
            #expect(count == 1, "printed \(count) times: \(note)")
        }
    }

    @Test func aMonthOfNotesTypedAsShortLinesPrintsOnAtMostFivePages() throws {
        // Five exercises a day and a check-in, each 200-character note typed as lines of up to
        // 80 characters (180 notes): 6 pages (the sweep's journal of that shape: [0.99, 0.99,
        // 0.96, 0.96, 0.96, 0.82]).
        let notes = try ReportFixtures.imported(days: 30, exercises: 5, noteLength: 200, typedLines: 80, in: sandbox)
        #expect(notes.count == 180)
        let printed = try printed(try page("typed-lines-month", "--month"))
        #expect(printed.pages <= 5, "\(printed.pages) pages, \(fullness(printed))")
        expectNoNearlyEmptyPage(printed)
        expectEveryNotePrintedOnce(notes, printed)
    }

    @Test func aWeekOfNotesTypedAsVeryShortLinesPrintsOnTwoA4Pages() throws {
        // Issue #26's third tester: five exercises a day and a check-in, each note typed as
        // lines of up to 30 characters (200 characters, 7 or 8 lines, 42 notes). Printed 3 pages
        // (the sweep's journal of that shape: [0.96, 0.99, 0.45]): each typed line at least one
        // printed line, which the narrow face cannot shorten. Now a dense report runs them
        // together, " / " between them.
        let notes = try ReportFixtures.imported(days: 7, exercises: 5, noteLength: 200, typedLines: 30, in: sandbox)
        #expect(notes.count == 42 && notes.allSatisfy { $0.split(separator: "\n").count >= 7 })
        let printed = try printed(try page("very-short-lines", "--week"))
        #expect(printed.pages <= 2, "\(printed.pages) pages, \(fullness(printed))")
        expectNoNearlyEmptyPage(printed)
        expectEveryWordInsideThePage(printed)
        let all = squeezed(printed)
        for note in notes {
            #expect(all.components(separatedBy: squeezed(runTogether(note))).count - 1 == 1, "\(note)")
        }
    }

    @Test func aMonthOfNotesTypedAsVeryShortLinesPrintsOnAtMostFivePages() throws {
        // The same for a 30-day month, 150-character notes (180 notes, 6 lines each): 7 pages
        // (the sweep's journal of that shape: [0.99, 0.99, 0.99, 0.99, 0.99, 0.99, 0.55]).
        let notes = try ReportFixtures.imported(days: 30, exercises: 5, noteLength: 150, typedLines: 30, in: sandbox)
        #expect(notes.count == 180)
        let printed = try printed(try page("very-short-lines-month", "--month"))
        #expect(printed.pages <= 5, "\(printed.pages) pages, \(fullness(printed))")
        expectNoNearlyEmptyPage(printed)
        expectEveryNotePrintedOnce(notes, printed)
    }

    @Test func aWeekOfNotesAndPSFSRatingsWithNotesPrintsOnTwoA4Pages() throws {
        // Five exercises a day and a check-in, each with a 200-character note, and five PSFS
        // activities each rated three times with a note like them (57 notes): 3 pages (the
        // sweep's journal of that shape: [0.98, 0.80, 0.38]).
        let notes = try ReportFixtures.imported(days: 7, exercises: 5, noteLength: 200, psfs: true, in: sandbox)
        #expect(notes.count == 57)
        let printed = try printed(try page("psfs-notes", "--week"))
        #expect(printed.pages <= 2, "\(printed.pages) pages, \(fullness(printed))")
        expectNoNearlyEmptyPage(printed)
        expectEveryNotePrintedOnce(notes, printed)
        expectEveryWordInsideThePage(printed)
    }

    @Test func aMonthWithoutNotesLeavesNoPageUnderAThirdFull() throws {
        // Eight exercises a day and a check-in, no notes: a last page under a third full (the
        // tester's [0.97, 0.97, 0.19]; the sweep's journal of that shape, [0.99, 0.99, 0.32]),
        // the end held (the check-ins and the footer) too short and the 240-row sessions table
        // before it too long to hold whole. Now its last rows are held with them.
        try ReportFixtures.imported(days: 30, exercises: 8, noteLength: 0, in: sandbox)
        let printed = try printed(try page("month-no-notes", "--month"))
        #expect(printed.pages <= 5, "\(printed.pages) pages, \(fullness(printed))")
        expectNoNearlyEmptyPage(printed)
        expectEveryWordInsideThePage(printed)
        // Every session printed once: 240 rows, each with its time, and the footer's 20:00.
        let times = printed.words.joined().filter { $0.text.count == 5 && $0.text.dropFirst(2).first == ":" }
        #expect(times.count == 240 + 1, "\(times.count)")
    }

    @Test func aPlannedWeekOfSixExercisesWithHoldsPrintsOnTwoA4Pages() throws {
        // Issue #26's third tester: six planned exercises a day and a check-in, 100-character
        // notes (49 notes), pain rising in every third entry (6 holds, 6 stops), fever on the
        // last morning. Printed 3 pages, dense already (the sweep's journal of that shape: [0.96,
        // 0.66, 0.38]): Needs attention, estimated at 2 lines an item (26), printed 33 % of a page
        // (its 12 things to do, 2 or 3 lines each), and a sessions table with
        // kneeling-hip-flexor-stretch on two lines. Now the estimate counts what to do by the
        // lines it prints, and a dense report sets the sessions table and what to do in the
        // narrow face too.
        let notes = try ReportFixtures.imported(
            days: 7, exercises: 6, noteLength: 100, riseEvery: 3, redFlags: [7: ["fever"]], planned: true,
            in: sandbox)
        #expect(notes.count == 49)
        let printed = try printed(try page("six-holds-100", "--week"))
        #expect(printed.pages <= 2, "\(printed.pages) pages, \(fullness(printed))")
        expectNoNearlyEmptyPage(printed)
        expectEveryNotePrintedOnce(notes, printed)
        expectEveryWordInsideThePage(printed)
    }

    @Test func aWeekOfSixExercisesAndPSFSNotesOf175CharactersPrintsOnTwoA4Pages() throws {
        // Issue #26's third tester: six exercises a day and a check-in, five PSFS activities
        // rated three times, every entry, check-in and rating with a 175-character note (64
        // notes). Printed 3 pages, the last under a third full (the sweep's journal of that
        // shape: [0.99, 0.71, 0.31]): the held end did not fit what page 2 had left. Now the
        // sessions table in the narrow face leaves it room.
        let notes = try ReportFixtures.imported(days: 7, exercises: 6, noteLength: 175, psfs: true, in: sandbox)
        #expect(notes.count == 64)
        let printed = try printed(try page("six-psfs-175", "--week"))
        #expect(printed.pages <= 2, "\(printed.pages) pages, \(fullness(printed))")
        expectNoNearlyEmptyPage(printed)
        expectEveryNotePrintedOnce(notes, printed)
        expectEveryWordInsideThePage(printed)
    }

    @Test func aWeekOfFourExercisesAndPSFSNotesOf300CharactersPrintsOnTwoA4Pages() throws {
        // Four exercises a day and a check-in, five PSFS activities rated three times, every
        // entry, check-in and rating with a 300-character note (50 notes). Printed 3 pages with
        // only 1.94 pages of print (the sweep's journal of that shape: [0.90, 0.66, 0.38]): the
        // row of five PSFS charts, which never breaks, did not fit the 10 % left at page 1's
        // foot. Now the PSFS charts are shorter and the PSFS section's paragraphs closer.
        let notes = try ReportFixtures.imported(days: 7, exercises: 4, noteLength: 300, psfs: true, in: sandbox)
        #expect(notes.count == 50)
        let printed = try printed(try page("four-psfs-300", "--week"))
        #expect(printed.pages <= 2, "\(printed.pages) pages, \(fullness(printed))")
        expectNoNearlyEmptyPage(printed)
        expectEveryNotePrintedOnce(notes, printed)
        expectEveryWordInsideThePage(printed)
    }

    @Test func aMonthOfHoldsEachReviewedPrintsOnAtMostFivePages() throws {
        // Issue #26's third tester: 31 days of eight planned exercises a day and a check-in, no
        // notes, pain rising in every third entry, each rise reviewed by a physiotherapist 20
        // minutes later (93 reviews). Printed 6 pages, the last only the end of the reviews and the footer (the
        // sweep's journal of that shape: [0.99, 0.98, 1.00, 0.99, 0.99, 0.65]): the reviews, a
        // page-wide line each, estimated at 2 lines each, too long to hold with the footer.
        try ReportFixtures.imported(
            days: 31, exercises: 8, noteLength: 0, riseEvery: 3, planned: true, reviewed: true, in: sandbox)
        let printed = try printed(try page("reviewed-month", "--last", "31d"))
        #expect(printed.pages <= 5, "\(printed.pages) pages, \(fullness(printed))")
        expectNoNearlyEmptyPage(printed)
        expectEveryWordInsideThePage(printed)
        let all = squeezed(printed)
        #expect(all.components(separatedBy: ": hold lifted").count - 1 == 93)
    }

    @Test func aWeekWithAVeryLongReviewNotePrintsOnTwoA4Pages() throws {
        // Issue #26: a physiotherapist's review (`journal resume --note`) whose note is one
        // unbroken 4,000-character link, in a planned week of three exercises a day with
        // 100-character notes, pain rising in every third entry (each rise reviewed), fever on
        // the last morning. Printed 3 pages (the sweep's journal of that shape: [0.99, 0.74,
        // 0.34]): the review, kept whole in one column, moved to the next page. Now a review
        // longer than a fifth of a column breaks across columns and pages, as a long note does.
        let link = String(("see https://example.org/physio/" + (0..<600).map { "segment\($0)/" }.joined()).prefix(4000))
        try ReportFixtures.imported(
            days: 7, exercises: 3, noteLength: 100, riseEvery: 3, redFlags: [7: ["fever"]], planned: true,
            reviewed: true, reviewNote: link, in: sandbox)
        let printed = try printed(try page("long-review", "--week"))
        #expect(printed.pages <= 2, "\(printed.pages) pages, \(fullness(printed))")
        expectNoNearlyEmptyPage(printed)
        expectEveryWordInsideThePage(printed)
        #expect(squeezed(printed).contains("hold lifted; see https://example.org/physio/segment0/"))
    }

    @Test func aMonthOfTwoExercisesADayPrintsOnAtMostFivePages() throws {
        // Two exercises a day and a morning check-in, each with a note: 90 notes.
        let notes = try ReportFixtures.programme(days: 30, exercises: ["glute-bridge", "bird-dog"], in: sandbox)
        #expect(notes.count == 90)
        let printed = try printed(try page("two-a-day-month", "--month"))
        #expect(printed.pages <= 5, "\(printed.pages) pages")
        expectNoNearlyEmptyPage(printed)
        expectEveryNotePrintedOnce(notes, printed)
    }

    @Test func sixWeeksOfOneExerciseADayPrintOnThreePages() throws {
        // One exercise a day and a morning check-in with a note: 42 notes, the last of them kept
        // with the footer on the last page.
        let notes = try ReportFixtures.programme(
            days: 42, exercises: ["glute-bridge"], sessionNotes: false, in: sandbox)
        #expect(notes.count == 42)
        let printed = try printed(try page("one-a-day-six-weeks", "--last", "6w"))
        #expect(printed.pages <= 3, "\(printed.pages) pages")
        expectNoNearlyEmptyPage(printed)
        expectEveryNotePrintedOnce(notes, printed)
    }

    @Test func tenDaysWithFewNotesPrintWithoutANearlyEmptyLastPage() throws {
        // Too few notes to fill a third of a page: the last whole sections are kept with them.
        let notes = try ReportFixtures.programme(
            days: 10, exercises: ["glute-bridge"], sessionNotes: false, in: sandbox)
        let printed = try printed(try page("ten-days", "--last", "10d"))
        #expect(printed.pages <= 2, "\(printed.pages) pages")
        expectNoNearlyEmptyPage(printed)
        expectEveryNotePrintedOnce(notes, printed)
    }

    @Test func sixWeeksPrintWithoutANearlyEmptyPage() throws {
        try ReportFixtures.dailySessions(days: 42, in: sandbox, psfs: true)
        let printed = try printed(try page("six-weeks", "--from", "2026-10-11"))
        #expect(printed.pages <= 6, "\(printed.pages) pages")
        expectNoNearlyEmptyPage(printed)
    }

    /// The title's height on the printed page, in points.
    ///
    /// 13 pt type is about 15 points from the top of its tallest letter to the foot of its
    /// lowest, in any usual face. A page wider than A4 is printed smaller, whole, and its title
    /// with it.
    func titleHeight(_ printed: Printed) throws -> Double {
        let title = try #require(printed.words.first?.first { $0.text == "Progress" }, "no title")
        return title.yMax - title.yMin
    }

    /// Five weeks of PSFS ratings, every day, for five activities (a tester, issue #26): the
    /// period's ratings, in one line a row, made the table wider than the page, and the month
    /// printed at three quarters of its size (a title 11 points high).
    @Test(arguments: [1, 3])
    func fiveWeeksOfPSFSRatingsPrintAMonthAtFullSizeOnAtMostFivePages(every: Int) throws {
        let notes = try ReportFixtures.imported(
            days: 35, exercises: 3, noteLength: 60, psfs: true, psfsEvery: every, in: sandbox)
        let printed = try printed(try page("psfs-every-\(every)-month", "--month"))
        #expect(printed.pages <= 5, "\(printed.pages) pages")
        #expect(try titleHeight(printed) >= 14, "printed smaller than A4")
        expectNoNearlyEmptyPage(printed)
        expectEveryWordInsideThePage(printed)
        #expect(squeezed(printed).contains("Function (Patient-Specific Functional Scale)"), "\(notes.count) notes")
    }

    /// A note in Japanese, Chinese or Korean prints in a face that has its glyphs, and pdftotext
    /// reads it back whole: without one (`fc-list :lang=ja` empty; `.ci/run` installs
    /// fonts-noto-cjk), the kanji printed as empty boxes, which pdftotext read as nothing.
    @Test func notesInJapaneseChineseAndKoreanPrintReadably() throws {
        let notes = [
            "腰が少し痛かったが、体操の後は楽になった。", "今天早上腰很僵硬，练习以后好多了。",
            "허리가 뻣뻣했지만 운동 후에는 나아졌다.",
        ]
        for (index, note) in notes.enumerated() {
            try sandbox.log(
                "glute-bridge", "--pain-before", "4", "--pain-after", "3", "--at", "2026-11-\(18 + index) 08:00",
                "--note", note)
        }
        let printed = try printed(try page("cjk", "--week"))
        // In the order drawn: the Notes' columns are read across by `pdftotext` alone.
        let all = printed.drawn.filter { !$0.isWhitespace }
        for note in notes {
            #expect(all.contains(note.filter { !$0.isWhitespace }), "\(note) not in: \(printed.drawn)")
        }
    }

    @Test func aThirtyDayMonthPrintsOnAtMostFivePages() throws {
        try ReportFixtures.dailySessions(days: 30, in: sandbox, everyNote: true, psfs: true)
        let printed = try printed(try page("month", "--month"))
        #expect(printed.pages <= 5, "\(printed.pages) pages")
        expectNoNearlyEmptyPage(printed)
        let all = squeezed(printed)
        // Every session on one line: 90 of them, each with its day and time.
        #expect(all.components(separatedBy: "Tue 17 Nov 08:15").count - 1 >= 1)
        #expect(all.contains("Notes"))
        #expect(all.contains("Bad morning, stiff getting out of bed, eased by lunchtime"))
        expectNoDayLabelTouchesAZero(printed)
    }

    /// No word past the right edge of the page's content box: A4 (595.3 points wide) less a 7 mm
    /// margin (19.8 points).
    func expectEveryWordInsideThePage(_ printed: Printed) {
        for (index, words) in printed.words.enumerated() {
            let outside = words.filter { $0.xMax > 595.3 - margin + 0.5 }
            #expect(outside.isEmpty, "page \(index + 1): past the margin: \(outside)")
        }
    }

    /// No chart's pain value "0" touches a day label: the first day's label, centred on its tick,
    /// printed under the "0" at the plot's left (their boxes overlapping, [28.1, 32.1] × [657.1,
    /// 664.4] and [29.3, 37.3] × [664.1, 671.4], in a week's exercise charts).
    func expectNoDayLabelTouchesAZero(_ printed: Printed) {
        let months = Set(["Oct", "Nov", "Dec"])
        for (index, words) in printed.words.enumerated() {
            // A day label: a day's number and the month beside it on its line ("24 Nov").
            let labels = zip(words, words.dropFirst()).filter { day, month in
                months.contains(month.text) && Int(day.text) != nil && abs(day.yMin - month.yMin) < 0.5
            }.flatMap { [$0, $1] }
            for zero in words where zero.text == "0" {
                let touching = labels.filter { word in
                    word.xMin < zero.xMax && zero.xMin < word.xMax && word.yMin < zero.yMax && zero.yMin < word.yMax
                }
                #expect(touching.isEmpty, "page \(index + 1): \(zero) touches \(touching)")
            }
            // Nor one day label another: "23 Oct2 Nov" read as one word in a month's exercise
            // charts once the first label had moved right of the "0".
            let glued = words.filter { word in
                months.contains { word.text.hasPrefix($0) } && word.text.dropFirst(3).first?.isNumber == true
            }
            #expect(glued.isEmpty, "page \(index + 1): labels touching: \(glued.map(\.text))")
        }
    }

    @Test func aMonthsDayByDayTablePrintsWholeInsideThePage() throws {
        // A second check-in on the last day, pain 4 after 3 (day 30's morning): a mean of 3.5 in the
        // last column of the two-column day-by-day table.
        try ReportFixtures.programme(days: 30, exercises: ["glute-bridge"], sessionNotes: false, in: sandbox)
        let evening = try sandbox.run("checkin", "--pain", "4", "--at", "2026-11-21 19:00")
        try #require(evening.status == 0, "\(evening)")
        let printed = try printed(try page("day-by-day", "--month"))
        expectEveryWordInsideThePage(printed)
        // The last day's row: "Sat 21 Nov", then its values on the same line, the last 3.5.
        let rows = printed.words.flatMap { words in
            words.indices.dropFirst().dropLast().filter {
                words[$0 - 1].text == "Sat" && words[$0].text == "21" && words[$0 + 1].text == "Nov"
            }.map { index in
                words.filter { abs($0.yMin - words[index].yMin) < 1 && $0.xMin > words[index].xMin }
                    .sorted { $0.xMin < $1.xMin }
            }
        }
        #expect(rows.contains { $0.last?.text == "3.5" }, "\(rows.map { $0.map(\.text) })")
    }

    @Test func aMonthOfShortNotesKeepsTheFooterWithTheEnd() throws {
        // Three exercises a day and a check-in, each with a 30-character note: 120 notes. The
        // footer printed alone on a fifth page (5 % full).
        let notes = try ReportFixtures.programme(
            days: 30, exercises: ["glute-bridge", "bird-dog", "pelvic-tilt"], noteLength: 30, in: sandbox)
        #expect(notes.count == 120)
        let printed = try printed(try page("short-notes-month", "--month"))
        #expect(printed.pages <= 5, "\(printed.pages) pages")
        expectNoNearlyEmptyPage(printed)
        expectEveryNotePrintedOnce(notes, printed)
        expectEveryWordInsideThePage(printed)
    }

    @Test func aHeavyWeekWithFivePSFSActivitiesPrintsOnTwoA4Pages() throws {
        // Five exercises a day and a check-in, each with a 40-character note, and five PSFS
        // activities: 3 pages, the second 40 % blank, before the PSFS section printed denser.
        let notes = try ReportFixtures.programme(
            days: 7, exercises: ["glute-bridge", "bird-dog", "side-plank", "pelvic-tilt", "superman"],
            noteLength: 40,
            psfs: [
                "putting on socks", "sitting through a film", "lifting the shopping", "gardening",
                "getting out of the car",
            ],
            in: sandbox)
        let printed = try printed(try page("psfs-week", "--week"))
        #expect(printed.pages <= 2, "\(printed.pages) pages")
        expectNoNearlyEmptyPage(printed)
        expectEveryNotePrintedOnce(notes, printed)
        expectEveryWordInsideThePage(printed)
    }

    @Test func aWeekOfVeryLongNotesLetsThemBreakAcrossColumns() throws {
        // One exercise a day and a check-in, each with a 4,000-character note: one note a column
        // left each page 37 % blank, 9 pages, the last holding only the footer.
        let notes = try ReportFixtures.programme(
            days: 7, exercises: ["glute-bridge"], noteLength: 4000, in: sandbox)
        let printed = try printed(try page("long-notes-week", "--week"))
        #expect(printed.pages <= 7, "\(printed.pages) pages")
        expectNoNearlyEmptyPage(printed)
        // Each note's opening, which its repeated words do not make again.
        let all = squeezed(printed)
        for note in notes { #expect(all.contains(squeezed(String(note.prefix(40)))), "\(note.prefix(40))") }
        // Every page but the last two nearly full; the page before the last gives up what the
        // held end takes (the last two notes, 114 lines, and the footer): [1, 1, 1, 0.57, 0.52].
        let full = fullness(printed)
        #expect(full.dropLast(2).allSatisfy { $0 >= 0.8 }, "each page's fullness: \(full)")
    }

    @Test func onAPhoneNothingIsCutOffAndChartTextIsReadable() throws {
        try ReportFixtures.dailySessions(days: 30, in: sandbox)
        let page = try page("month", "--month")
        for width in [390, 1200] {
            let measured = try measure(page, width: width)
            #expect(measured.width == width, "\(measured)")
            #expect(measured.scrollWidth <= width, "the page scrolls sideways at \(width) px: \(measured)")
            #expect(measured.cut.isEmpty, "cut off at \(width) px: \(measured.cut)")
            #expect(measured.smallest >= 10, "chart text of \(measured.smallest) px at \(width) px")
            #expect(measured.scrollers >= 3, "tables scroll in their own box: \(measured)")
            // Rendered, not blank.
            let png = sandbox.directory + "/month-\(width).png"
            _ = try chromium([
                "--window-size=\(max(width, 500)),1600", "--virtual-time-budget=3000", "--screenshot=\(png)",
                "file://\(try wrapper(page, width: width, measuring: false))",
            ])
            keep(png)
            let ink = try execute(try #require(Tools.python3), ["-c", Self.pngInk, png])
            #expect((Double(ink.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) > 0.02, "\(ink)")
        }
    }

    struct Measured: Decodable, CustomStringConvertible {
        var width: Int
        var scrollWidth: Int
        var cut: [String]
        var smallest: Double
        var smallestText: String
        var scrollers: Int

        var description: String {
            "width \(width), scrollWidth \(scrollWidth), cut \(cut), smallest chart text \(smallest) px "
                + "(\"\(smallestText)\"), \(scrollers) scrolling boxes"
        }
    }

    /// The report laid out `width` pixels wide (in an iframe, since a headless window is at least
    /// 500 wide), measured by a script in the wrapping page, never in the report itself: the
    /// smallest chart text in pixels on screen, and every element that reaches past the right edge
    /// outside a scrolling box.
    func measure(_ page: String, width: Int) throws -> Measured {
        let run = try chromium([
            "--window-size=1300,1000", "--virtual-time-budget=3000", "--dump-dom",
            "file://\(try wrapper(page, width: width, measuring: true))",
        ])
        let json = try #require(
            run.stdout.range(of: "<pre id=\"measure\">").flatMap { start in
                run.stdout[start.upperBound...].range(of: "</pre>").map { run.stdout[start.upperBound..<$0.lowerBound] }
            }, "\(run)")
        return try JSONDecoder().decode(Measured.self, from: Data(json.utf8))
    }

    /// A page holding the report in an iframe `width` pixels wide, as tall as the report.
    func wrapper(_ page: String, width: Int, measuring: Bool) throws -> String {
        let html = try String(contentsOfFile: page, encoding: .utf8)
        let attribute = html.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
        let path = sandbox.directory + "/wrapper-\(width)-\(measuring).html"
        let document = """
            <!DOCTYPE html><html><body style="margin:0">\
            <iframe id="f" style="width:\(width)px;height:4000px;border:0;display:block" srcdoc="\(attribute)"></iframe>\
            <script>\(Self.script(measuring: measuring))</script></body></html>
            """
        try document.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func script(measuring: Bool) -> String {
        """
        const f = document.getElementById('f');
        f.addEventListener('load', () => {
          const w = f.contentWindow, d = f.contentDocument;
          f.style.height = d.documentElement.scrollHeight + 'px';
          if (!\(measuring)) return;
          const out = {width: w.innerWidth, scrollWidth: d.documentElement.scrollWidth, cut: [],
                       smallest: 1e9, smallestText: '', scrollers: 0};
          for (const t of d.querySelectorAll('svg text')) {
            const m = t.getScreenCTM();
            const px = parseFloat(w.getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
            if (px < out.smallest) { out.smallest = px; out.smallestText = t.textContent; }
          }
          for (const el of d.querySelectorAll('body *')) {
            const r = el.getBoundingClientRect();
            const box = el.closest('.scroll');
            const scrolls = box && ['auto', 'scroll'].includes(w.getComputedStyle(box).overflowX);
            if (r.width > 0 && r.right > w.innerWidth + 0.5 && !scrolls) out.cut.push(el.tagName + ' ' + el.textContent.slice(0, 40));
          }
          out.scrollers = [...d.querySelectorAll('.scroll')]
            .filter(box => w.getComputedStyle(box).overflowX === 'auto' && box.getBoundingClientRect().right <= w.innerWidth + 0.5).length;
          const pre = document.createElement('pre'); pre.id = 'measure'; pre.textContent = JSON.stringify(out);
          document.body.appendChild(pre);
        });
        """
    }

    /// Python: the fraction of non-white pixels of an 8-bit RGB(A) PNG, decoded with zlib alone.
    static let pngInk = #"""
        import sys, zlib, struct
        data = open(sys.argv[1], 'rb').read()
        assert data[:8] == b'\x89PNG\r\n\x1a\n'
        pos, idat = 8, b''
        while pos < len(data):
            length, kind = struct.unpack('>I4s', data[pos:pos + 8])
            body = data[pos + 8:pos + 8 + length]
            if kind == b'IHDR':
                width, height, depth, color = struct.unpack('>IIBB', body[:10])
            elif kind == b'IDAT':
                idat += body
            pos += 12 + length
        assert depth == 8 and color in (2, 6)
        bpp = 3 if color == 2 else 4
        raw, stride = zlib.decompress(idat), width * bpp
        previous, ink, i = bytearray(stride), 0, 0
        for _ in range(height):
            kind, line = raw[i], bytearray(raw[i + 1:i + 1 + stride]); i += 1 + stride
            for x in range(stride):
                a = line[x - bpp] if x >= bpp else 0
                b = previous[x]; c = previous[x - bpp] if x >= bpp else 0
                if kind == 1: line[x] = (line[x] + a) & 255
                elif kind == 2: line[x] = (line[x] + b) & 255
                elif kind == 3: line[x] = (line[x] + (a + b) // 2) & 255
                elif kind == 4:
                    p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                    line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
            ink += sum(1 for x in range(0, stride, bpp) if min(line[x:x + 3]) < 200)
            previous = line
        print(ink / (width * height))
        """#
}
