import Foundation
import Testing

@testable import Journal

/// The HTML report's markup and charts, read back from the page and checked against figures
/// worked out by hand from the chart's frame (docs in ReportCharts): the pain chart's plot runs
/// from x 60 to 620 and from y 28 (pain 10) to y 198 (pain 0), 17 units a point; a 7-day period
/// gives each day an 80-unit slot, so day i sits at x = 100 + 80 i.
@Suite struct ReportHTMLTests {
    let report = ProgressReport.make(
        entries: ProgressReportTests.entries + [
            Fixture.entry(40, "pelvic-tilt", day: -30, before: 2, after: 2)  // before both periods
        ],
        period: ProgressReportTests.period,
        region: Fixture.britain, findings: Rules.evaluate(entries: ProgressReportTests.entries, checkIns: []))

    /// A week from 2026-11-20 (Fixture's day 0, UTC): a flare-up on bird-dog on day 1, a bad
    /// morning the same day, a second check-in that evening, a red-flag check-in on day 3.
    static let week: ProgressReport = {
        let entries = [
            Fixture.entry(1, "glute-bridge", day: 0, hour: 9, before: 4, after: 3),
            Fixture.entry(2, "glute-bridge", day: 1, hour: 9, before: 4, after: 3),
            Fixture.entry(3, "bird-dog", day: 1, hour: 10, before: 5, after: 7),
            Fixture.entry(4, "glute-bridge", day: 4, hour: 9, before: 3, after: 2),
            Fixture.entry(5, "glute-bridge", day: 6, hour: 9, before: 3, after: 2),
        ]
        let checkIns = [
            Fixture.checkIn(1, day: 0, hour: 7, pain: 3),
            Fixture.checkIn(2, day: 1, hour: 7, pain: 7),  // a bad morning: next-morning caution
            Fixture.checkIn(3, day: 1, hour: 20, pain: 5),
            Fixture.checkIn(4, day: 3, hour: 7, pain: 4, flags: [.fever]),
            Fixture.checkIn(5, day: 5, hour: 7, pain: 2),
            Fixture.checkIn(6, day: 6, hour: 7, pain: 2),
        ]
        // 2026-11-20 to 2026-11-26: Fixture's day 0 is 20776 days after 1970-01-01.
        let period = Period.week(endingOn: LocalDate(daysSinceEpoch: Fixture.day0 / 86_400 + 6))
        return ProgressReport.make(
            entries: entries, checkIns: checkIns, period: period,
            region: Fixture.britain, findings: Rules.evaluate(entries: entries, checkIns: checkIns))
    }()

    func attribute(_ name: String, ofElementWithID id: String, in html: String) throws -> String {
        let element = try #require(
            html.range(of: "id=\"\(id)\"").map { html[..<$0.upperBound] }?.range(of: "<", options: .backwards))
        let tag = html[element.lowerBound...].prefix { $0 != ">" }
        let start = try #require(tag.range(of: " \(name)=\""))
        return String(tag[start.upperBound...].prefix { $0 != "\"" })
    }

    /// The markup from the element with `id` to the end of its group (`</g>` or `</svg>`).
    func group(_ id: String, closing: String = "</g>", in html: String) throws -> Substring {
        let start = try #require(html.range(of: "id=\"\(id)\""))
        let end = try #require(html[start.upperBound...].range(of: closing))
        return html[start.lowerBound..<end.lowerBound]
    }

    /// The values of attribute `name` on each `<tag` in `markup`, in order.
    func values(_ name: String, of tag: String, in markup: Substring) -> [String] {
        markup.components(separatedBy: "<\(tag) ").dropFirst().compactMap { element in
            let attributes = element.prefix { $0 != ">" }
            guard let start = attributes.range(of: "\(name)=\"") else { return nil }
            return String(attributes[start.upperBound...].prefix { $0 != "\"" })
        }
    }

    @Test func theLinesPointsAreTheReportsDailyMeans() throws {
        let html = ReportHTML.render(report, generated: "2026-11-08 10:00")
        // Day 1 (2026-11-01): before 3.5, after 4.5; day 7: before 2.0, after 1.0; days 2–6 are a gap.
        #expect(try attribute("d", ofElementWithID: "pain-before", in: html) == "M100.0 138.5 M580.0 164.0")
        #expect(try attribute("d", ofElementWithID: "pain-after", in: html) == "M100.0 121.5 M580.0 181.0")
        #expect(!html.contains("id=\"checkin-pain\""))  // no check-ins, no line
        let before = ReportCharts.parse(path: try attribute("d", ofElementWithID: "pain-before", in: html))
        #expect(before.map(\.count) == [1, 1])
    }

    @Test func checkInPainIsItsOwnSeries() throws {
        let html = ReportHTML.render(Self.week, generated: "now")
        // Day means: 3 (day 0), (7 + 5) / 2 = 6 (day 1), 4 (day 3), 2 (day 5), 2 (day 6); days 2 and
        // 4 break the line. y = 28 + (10 − pain) × 17.
        #expect(
            try attribute("d", ofElementWithID: "checkin-pain", in: html)
                == "M100.0 147.0 L180.0 96.0 M340.0 130.0 M500.0 164.0 L580.0 164.0")
        let points = try group("checkin-points", in: html)
        // Squares of side 7 centred on each point.
        #expect(values("x", of: "rect", in: points) == ["96.5", "176.5", "336.5", "496.5", "576.5"])
        #expect(values("y", of: "rect", in: points) == ["143.5", "92.5", "126.5", "160.5", "160.5"])
    }

    @Test func theWorstPainAfterShowsTheSpikeTheMeanHides() throws {
        let html = ReportHTML.render(Self.week, generated: "now")
        // Day 1: glute-bridge 4 → 3 and bird-dog 5 → 7: the mean after is 5.0 (y 113.0), the worst 7 (y 79.0).
        #expect(try attribute("d", ofElementWithID: "pain-after", in: html).hasPrefix("M100.0 147.0 L180.0 113.0 "))
        let worst = try group("worst-after", in: html)
        #expect(values("cx", of: "circle", in: worst) == ["100.0", "180.0", "420.0", "580.0"])
        #expect(values("cy", of: "circle", in: worst) == ["147.0", "79.0", "164.0", "164.0"])
    }

    @Test func daysWithFindingsAreMarkedAndTheLegendDrawsTheSameMarks() throws {
        let html = ReportHTML.render(Self.week, generated: "now")
        let markers = try group("finding-markers", in: html)
        // Day 1: stops on bird-dog and the next-morning caution: a triangle; day 3: fever, a red flag: a diamond.
        #expect(values("data-date", of: "path", in: markers) == ["2026-11-21", "2026-11-23"])
        #expect(values("class", of: "path", in: markers) == ["marker finding", "marker red-flag"])
        #expect(values("d", of: "path", in: markers) == ["M180.0 8.0 l7 12 h-14 z", "M340.0 7.0 l7 7 l-7 7 l-7 -7 z"])
        // The legend's symbols are the same shapes with the same classes, not squares.
        #expect(html.contains("<path class=\"marker finding\" d=\"M15.0 2.0 l7 12 h-14 z\">"))
        #expect(html.contains("<path class=\"marker red-flag\" d=\"M15.0 1.0 l7 7 l-7 7 l-7 -7 z\">"))
        #expect(html.contains("</svg>Safety finding"))
        #expect(html.contains("</svg>Red flag: see a doctor"))
        // The day table counts the red-flag day's finding.
        #expect(Self.week.days.map(\.findings) == [0, 3, 0, 1, 0, 0, 0])
    }

    @Test func eachExerciseHasASmallChartOfItsSessions() throws {
        let html = ReportHTML.render(Self.week, generated: "now")
        // bird-dog comes first. Its frame: x from 40, 230 wide, 7 slots of 230 / 7; y from 12, 9.4 a
        // point. Day 1: x = 40 + 1.5 × 230 / 7 = 89.3; pain 5 → y 59.0, pain 7 → y 40.2.
        let chart = try group("exercise-chart-0", closing: "</svg>", in: html)
        #expect(html.contains("aria-label=\"bird-dog: each session&#39;s pain before and after, 0 to 10\""))
        #expect(chart.contains("<g class=\"session rise\" data-entry=\"3\">"))
        #expect(chart.contains("<line x1=\"89.3\" x2=\"89.3\" y1=\"59.0\" y2=\"40.2\">"))
        let bridge = try group("exercise-chart-1", closing: "</svg>", in: html)
        #expect(bridge.components(separatedBy: "class=\"session fall\"").count - 1 == 4)
    }

    @Test func theAxesHaveTitlesAndDatesCannotBeMisread() throws {
        let html = ReportHTML.render(Self.week, generated: "now")
        let chart = try group("pain-chart", closing: "</svg>", in: html)
        #expect(chart.contains(">Pain (0–10)</text>"))
        #expect(chart.contains(">Day</text>"))
        #expect(values("class", of: "text", in: chart).filter { $0 == "tick x" }.count == 7)
        for label in ["20 Nov", "21 Nov", "26 Nov"] { #expect(chart.contains(">\(label)</text>")) }
        #expect(!chart.contains("11/2"))
    }

    @Test func consecutiveDaysMakeOneRunAndGapsBreakIt() throws {
        #expect(ReportCharts.segments([1, 2, nil, 4]).map(\.count) == [2, 1])
        // Two days: slots of 280 units, middles at 200 and 480.
        #expect(ReportCharts.path(ReportCharts.segments([10, 0])) == "M200.0 28.0 L480.0 198.0")
        #expect(ReportCharts.segments([nil, nil]).isEmpty)
        #expect(ReportCharts.pain.x(day: 0, of: 1) == 340.0)
        #expect(ReportCharts.labelledDays(count: 30, most: 7) == [0, 5, 10, 15, 20, 25])
    }

    @Test func everyStringFromTheJournalIsEscaped() throws {
        let hostile = try Entry(
            id: 99, exerciseID: "bird-dog", performedAt: 1_794_113_000, utcOffset: -18000,
            painBefore: #require(PainLevel(2)), painAfter: #require(PainLevel(2)),
            note: "<script>alert('x')</script> <img src=x onerror=alert(1)> & \"quotes\"", createdAt: 0)
        let html = ReportHTML.render(
            ProgressReport.make(
                entries: [hostile], period: ProgressReportTests.period, region: Fixture.britain, findings: []),
            generated: "now")
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(
            html.contains(
                "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;"
            )
        )
    }

    @Test func theDocumentIsSelfContained() throws {
        let html = ReportHTML.render(report, generated: "2026-11-08 10:00")
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        for forbidden in ["<script", "src=", "href=", "http://", "https://", "@import", "url("] {
            #expect(!html.contains(forbidden), "found \(forbidden)")
        }
        #expect(html.contains("@page { size: A4"))
        #expect(html.contains("name=\"viewport\""))
    }

    @Test func itPrintsCompactly() throws {
        let html = ReportHTML.render(report, generated: "2026-11-08 10:00")
        // No more "break-inside: avoid" on whole sections and tables: long tables break between rows
        // and repeat their header; headings stay with what follows.
        #expect(!html.contains("section, table"))
        #expect(html.contains("h1, h2, h3, figcaption { break-after: avoid;"))
        #expect(html.contains("thead { display: table-header-group; }"))
        #expect(html.contains("tr { break-inside: avoid;"))
        #expect(html.contains(".scroll { overflow-x: auto;"))
        // The findings, exercises, day-by-day and sessions tables, each in its scrolling box.
        #expect(html.components(separatedBy: "<div class=\"scroll\">").count - 1 == 4)
    }

    @Test func aNotesPrintedLinesCountWideCharactersTwiceAndStartALongWordOnANewLine() {
        // 100 CJK characters fill 200 Latin letters' width: 3 lines of 73 (2 by their count).
        #expect(ReportHTML.printedLines(String(repeating: "腰", count: 100)) == 3)
        // As many in a dense report: its narrow face narrows Latin letters, not CJK (2 lines of
        // 100 letters printed [0.99, 0.19], its held end too short).
        #expect(
            ReportHTML.printedLines(String(repeating: "腰", count: 100), lineLength: ReportHTML.denseLineLength) == 3)
        // 40 emoji: 80 letters' width, 2 lines.
        #expect(ReportHTML.printedLines(String(repeating: "😀", count: 40)) == 2)
        // A 100-character link after a note's 36-character opening starts a new line, then breaks
        // anywhere: 3 lines (2 by its 137 characters).
        let link = "https://example.org/" + String(repeating: "x", count: 80)
        #expect(ReportHTML.printedLines("[1] Sun 15 Nov 08:00, glute-bridge: " + link) == 3)
        // Three typed lines of 79 characters: 2 printed lines each at 73 a line, 1 each at 100
        // (a dense report's narrow face).
        let line = Array(repeating: "word", count: 16).joined(separator: " ")
        let typed = [line, line, line].joined(separator: "\n")
        #expect(ReportHTML.printedLines(typed) == 6)
        #expect(ReportHTML.printedLines(typed, lineLength: ReportHTML.denseLineLength) == 3)
    }

    @Test func aDenseReportRunsANotesTypedLinesTogetherInPrintOnly() {
        let typed = "morning 3\nstiff\n\neased by noon <3"
        // As the estimate counts it: one line, " / " between the typed lines, an empty one none.
        #expect(ReportHTML.printedText(typed, dense: true) == "morning 3 / stiff / eased by noon <3")
        #expect(ReportHTML.printedText(typed, dense: false) == typed)
        #expect(ReportHTML.printedLines(ReportHTML.printedText(typed, dense: true)) == 1)
        // The markup keeps the line breaks, which print hides, and the separators, which only print shows.
        #expect(
            ReportHTML.noteMarkup(typed, dense: true)
                == "morning 3<span class=\"typed-break\">\n</span><span class=\"typed-sep\"> / </span>stiff"
                + "<span class=\"typed-break\">\n\n</span><span class=\"typed-sep\"> / </span>eased by noon &lt;3")
        #expect(ReportHTML.noteMarkup(typed, dense: false) == "morning 3\nstiff\n\neased by noon &lt;3")
        #expect(ReportHTML.css.contains("body.dense .notes .typed-break { display: none; }"))
        #expect(ReportHTML.css.contains(".typed-sep { display: none; color: var(--muted); }"))
    }

    /// A dense report runs its notes in: the notes' lines are those of all of them as one text.
    @Test func notesRunInTakeTheLinesOfOneText() throws {
        // 29 characters, three words of 9: a line of 73 each, as a list; run in, 4 of them and the
        // 3 spaces between them are 119 characters, 2 lines (8 words a line).
        let note = "abcdefghi abcdefghi abcdefghi"
        #expect(ReportHTML.listLines(Array(repeating: note, count: 4), lineLength: 73) == 4)
        #expect(ReportHTML.listLines(Array(repeating: note, count: 4), lineLength: 73, runIn: true) == 2)
        // Held with the footer: 78 lines are 78 such notes as a list; run in, 188 notes are
        // 30 × 188 − 1 = 5,639 characters, ⌈5,639 ÷ 73⌉ = 78 lines (187: 5,609, 77).
        #expect(ReportHTML.keptTogether(Array(repeating: note, count: 200)) == 78)
        #expect(ReportHTML.keptTogether(Array(repeating: note, count: 200), runIn: true) == 188)
        #expect(ReportHTML.css.contains("body.dense .notes li { display: inline; }"))
    }

    @Test func theLastNotesPrintKeptTogether() throws {
        let hundred = String(repeating: "a", count: 100)
        // 100 characters are 2 printed lines of 73: 78 lines hold the last 39 of 50.
        #expect(ReportHTML.keptTogether(Array(repeating: hundred, count: 50)) == 39)
        // Fewer: all of them.
        #expect(ReportHTML.keptTogether(Array(repeating: hundred, count: 5)) == 5)
        // The fewest that reach 78 lines: 3 lines of 219 characters (73 × 3) make 26 notes 78 lines,
        // 4 of 220 make 20 notes 80.
        #expect(ReportHTML.keptTogether(Array(repeating: String(repeating: "a", count: 219), count: 50)) == 26)
        #expect(ReportHTML.keptTogether(Array(repeating: String(repeating: "a", count: 220), count: 50)) == 20)
        // A last note of exactly 156 lines (twice 78) is held; one of 157 is not, and nothing before it.
        #expect(ReportHTML.keptTogether([hundred, String(repeating: "a", count: 156 * 73)]) == 1)
        #expect(ReportHTML.keptTogether([hundred, String(repeating: "a", count: 156 * 73 + 1)]) == 0)
        // A note's own lines print apart: 156 of "a" and 155 line breaks are 156 lines, one more 157.
        #expect(ReportHTML.keptTogether([Array(repeating: "a", count: 156).joined(separator: "\n")]) == 1)
        #expect(ReportHTML.keptTogether([hundred, Array(repeating: "a", count: 157).joined(separator: "\n")]) == 0)
        // A last note of 57 lines is held with the long one before it (114 lines, within 156),
        // not alone (a quarter of a page); not with one of 100 (157), and with short ones only
        // as far as 78: 57 + 19 lines and a note of 100 characters (2), not the one before it.
        let lines57 = String(repeating: "a", count: 57 * 73)
        #expect(ReportHTML.keptTogether([hundred, lines57, lines57]) == 2)
        #expect(ReportHTML.keptTogether([String(repeating: "a", count: 100 * 73), lines57]) == 1)
        #expect(ReportHTML.keptTogether([hundred, hundred, String(repeating: "a", count: 19 * 73), lines57]) == 3)
        #expect(ReportHTML.css.contains(".last-notes, .kept-together { break-inside: avoid;"))
        // A short report: its last whole sections, from day by day (10 lines) to the notes, are
        // kept together, short of the 40 lines a third of a page needs.
        let html = ReportHTML.render(report, generated: "2026-11-08 10:00")
        let kept = try #require(html.range(of: "<div class=\"kept-together\">"))
        let days = try #require(html.range(of: "<h2>Day by day</h2>"))
        #expect(kept.upperBound < days.lowerBound)
    }

    @Test func itCarriesTheTablesFindingsComparisonAndFooter() throws {
        let html = ReportHTML.render(report, generated: "2026-11-08 10:00")
        #expect(html.contains("Active on 2 of 7 days, 3 entries. Mean pain before 3.0, after 3.3 (change +0.3)."))
        #expect(html.contains("<td>side-plank</td>"))
        // The finding's row: its session's pain and the rule that fired, said once what it means.
        #expect(html.contains("<td class=\"about\">side-plank</td>"))
        #expect(html.contains("<td class=\"number\">3 → 5</td>"))
        #expect(html.contains("more-pain: Pain after an exercise is higher than before it, by any amount."))
        #expect(html.contains("the previous period holds 2 sessions, too few to compare"))
        #expect(html.contains("Generated by journal on 2026-11-08 10:00."))
        #expect(html.contains("not medical advice"))
        // Needs attention comes first, before the pain chart.
        let attention = try #require(html.range(of: "<h2>Needs attention</h2>"))
        let chart = try #require(html.range(of: "id=\"pain-chart\""))
        #expect(attention.lowerBound < chart.lowerBound)
        #expect(html.components(separatedBy: "class=\"marker finding\"").count - 1 == 2)  // the chart and the legend
    }
}
