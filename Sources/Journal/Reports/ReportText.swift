/// The progress report as plain text for a terminal, every line at most `width` columns (80 by
/// default): what needs attention first, then the pain picture, then the detail.
///
/// Long exercise ids and notes are shortened with "…", never wrapped; sentences are wrapped, those
/// in a table's cells (the plan's verdicts, the period's ratings) within their cell.
///
/// ```swift
/// print(ReportText.render(report))
/// print(ReportText.render(report, width: 120))
/// ```
public enum ReportText {
    /// The width a report keeps to unless told otherwise.
    public static let defaultWidth = 80
    /// The narrowest width a report can be rendered at.
    public static let minimumWidth = 60

    /// `emphasis` marks severity labels (the CLI passes a colouring function on a terminal); it
    /// must not change how wide a label looks.
    public static func render(
        _ report: ProgressReport, width requested: Int = defaultWidth, emphasis: (String) -> String = { $0 }
    ) -> String {
        let width = max(requested, minimumWidth)
        let period = report.period
        var lines = [
            "Progress report, \(period.from) to \(period.to) (\(Wording.count(period.dayCount, "day", "days")))"
        ]
        lines += wrap(regionLine(report), width)
        guard !report.isEmpty else {
            // What needs attention (a red flag or a hold that stands) comes first, as in a full report.
            lines += attention(report, width: width, emphasis: emphasis)
            lines.append("")
            lines += wrap("No entries between \(period.from) and \(period.to). Record one with:", width)
            lines.append("  journal log glute-bridge --pain-before 4 --pain-after 3")
            lines.append("")
            lines += wrap(comparison(report.comparison), width)
            lines += function(report, width: width)
            return shown(lines, width, report, emphasis)
        }
        if let began = began(report) { lines += wrap(began, width) }
        lines += attention(report, width: width, emphasis: emphasis)
        lines += ["", "Pain"]
        lines += wrap(activity(report) + " " + painSentence(report), width)
        if let checkIns = checkInSentence(report) { lines += wrap(checkIns, width) }
        lines += wrap(comparison(report.comparison), width)
        lines += sparklines(report, width: width)
        lines += exercises(report, width: width)
        lines += plan(report, width: width)
        lines += dayTable(report, width: width)
        lines += sessions(report, width: width)
        lines += checkIns(report, width: width)
        lines += function(report, width: width)
        if !report.reviews.isEmpty {
            lines += ["", "Reviewed by a physiotherapist"]
            for review in report.reviews {
                lines.append(
                    oneLine(
                        "\(review.localTime.shortText)  \(review.exerciseID): \(report.reviewOutcome(review))"
                            + (review.note.map { "; \($0)" } ?? ""), width: width))
            }
        }
        lines += notes(report, width: width)
        return shown(lines, width, report, emphasis)
    }

    /// The Function (PSFS) section, in a report with entries or without: ratings are not entries.
    static func function(_ report: ProgressReport, width: Int) -> [String] {
        guard let psfs = report.psfs else { return [] }
        var lines = ["", "Function (Patient-Specific Functional Scale)"]
        lines += TextTable.render(
            header: ReportPSFS.header.map { $0.uppercased() }, rows: ReportPSFS.rows(psfs, period: report.period),
            // An activity's name is the person's own words: wrapped like the ratings, never cut, so two
            // activities that begin alike stay two.
            width: width, wrap: [0, 4]
        ).split(separator: "\n").map(String.init)
        if let average = ReportPSFS.average(psfs) { lines += wrap(average, width) }
        lines += wrap(ReportPSFS.legend, width)
        return lines
    }

    // MARK: Sentences shared by every format

    /// Says when the journal began inside the period and so what counts; `nil` otherwise.
    public static func began(_ report: ProgressReport) -> String? {
        guard report.beganInsidePeriod else { return nil }
        let into = Int(report.countedFrom.daysSinceEpoch - report.period.from.daysSinceEpoch)
        return "The journal began on \(report.countedFrom), \(Wording.count(into, "day", "days")) into this period: "
            + "days active and the plan are counted from then (\(report.daysCounted) of "
            + "\(Wording.count(report.period.dayCount, "day", "days")))."
    }

    /// "Active on 4 of 7 days, 9 entries."; out of the days since the journal began when it began
    /// inside the period ("Active on 1 of 1 day since the journal began, 1 entry.").
    public static func activity(_ report: ProgressReport) -> String {
        let days =
            report.beganInsidePeriod
            ? "\(report.daysActive) of \(Wording.count(report.daysCounted, "day", "days")) since the journal began"
            : "\(report.daysActive) of \(Wording.count(report.period.dayCount, "day", "days"))"
        return "Active on \(days), \(Wording.count(report.entryCount, "entry", "entries"))."
    }

    /// Mean pain before and after, and the highest pain after with its session.
    public static func painSentence(_ report: ProgressReport) -> String {
        guard report.entryCount > 0 else { return "No exercise sessions in this period." }
        var text =
            "Mean pain before \(Figures.oneDecimal(report.pain.beforeMean)), "
            + "after \(Figures.oneDecimal(report.pain.afterMean)) "
            + "(change \(Figures.signedOneDecimalChange(from: report.pain.beforeMean, to: report.pain.afterMean)))."
        if let worst = worstSession(report) {
            text +=
                " Highest pain after: \(worst.painAfter.value) (\(worst.exerciseID), "
                + "\(Figures.dayMonth(worst.localTime.date)))."
        }
        return text
    }

    /// The period's session with the highest pain after, the earliest of equals.
    public static func worstSession(_ report: ProgressReport) -> Entry? {
        report.entries.reduce(nil) { worst, entry in
            worst.map { entry.painAfter > $0.painAfter ? entry : $0 } ?? entry
        }
    }

    /// "12 check-ins, mean pain 3.1, highest 7 (15 Nov)."; `nil` without check-ins.
    public static func checkInSentence(_ report: ProgressReport) -> String? {
        guard report.checkIns.count > 0 else { return nil }
        let highest = report.checkInReadings.reduce(nil) { (worst: CheckIn?, checkIn) in
            worst.map { checkIn.pain > $0.pain ? checkIn : $0 } ?? checkIn
        }
        return "\(Wording.count(report.checkIns.count, "check-in", "check-ins")), mean pain "
            + "\(Figures.oneDecimal(report.checkIns.painMean))"
            + (highest.map { ", highest \($0.pain.value) (\(Figures.dayMonth($0.localTime.date)))" } ?? "") + "."
    }

    /// "No entries between 2026-11-24 and 2026-11-30 (7 days).": an empty period, in Markdown and HTML.
    public static func noEntries(_ period: Period) -> String {
        "No entries between \(period.from) and \(period.to) (\(Wording.count(period.dayCount, "day", "days")))."
    }

    /// One sentence comparing mean pain before with the previous period, saying how many sessions
    /// it holds and, when the journal began inside it, when: "Compared with the previous 7 days
    /// (2026-10-25 to 2026-10-31), 4 sessions: …"; no verdict when it holds too few
    /// (``ProgressReport/Comparison/minimumPreviousSessions``).
    public static func comparison(_ comparison: ProgressReport.Comparison) -> String {
        let previous = comparison.period
        let span =
            "the previous \(Wording.count(previous.dayCount, "day", "days")) (\(previous.from) to \(previous.to))"
        let held = Wording.count(comparison.previous.count, "session", "sessions")
        // Whatever the previous period holds (sessions, check-ins only, nothing), the day the
        // journal began inside it is said: one rule for every verdict.
        let began = comparison.journalBeganInside ? comparison.journalBegan.map(Figures.dayMonth) : nil
        switch comparison.verdict {
        case .noPreviousData:
            return "No entries in \(span) to compare with" + (began.map { ": the journal began on \($0)" } ?? "") + "."
        case .noCurrentData:
            return "Mean pain before in \(span), \(held)" + (began.map { " since the journal began on \($0)" } ?? "")
                + ", was \(Figures.oneDecimal(comparison.previous.beforeMean))."
        case .tooFewPrevious:
            return "Not compared with \(span): " + (began.map { "the journal began on \($0); " } ?? "")
                + (comparison.withheld ?? "") + "."
        case .improvement, .worsening, .noMeaningfulChange:
            let verdict =
                switch comparison.verdict {
                case .improvement: "a meaningful improvement (at least 2 points or 30% lower)"
                case .worsening: "a meaningful worsening (at least 2 points or 30% higher)"
                default: "no meaningful change (less than 2 points and less than 30%)"
                }
            return "Compared with \(span), \(held)"
                + (began.map { " since the journal began on \($0)" } ?? "") + ": mean pain before "
                + "\(Figures.oneDecimal(comparison.previous.beforeMean)) → \(Figures.oneDecimal(comparison.current.beforeMean)) "
                + "(\(Figures.signedOneDecimal(comparison.shownChangeTenths.map { Double($0) / 10 })), "
                + "\(Figures.signedPercent(whole: comparison.shownPercent))): "
                + "\(verdict)."
        }
    }

    /// Which region's words the report's advice uses: the region in force when it was made.
    public static func regionLine(_ report: ProgressReport) -> String {
        guard let region = report.region.region else {
            return "Advice in this report names the common emergency numbers: no region was set when it was made."
        }
        return "Advice in this report is for \(region.name) (\(region.code)), the region in force when it was made."
    }

    /// The label of an item that needs attention: "ON HOLD", a red flag's or see-GP finding's
    /// (``Advice/label(for:recordedToday:advice:)``: "SEE A DOCTOR TODAY" only for one recorded on the
    /// report's last day), "STOP" or "CAUTION".
    public static func label(_ item: ProgressReport.Attention, advice: RegionalAdvice) -> String {
        if item.hold != nil { return "ON HOLD" }
        switch item.severity {
        case .urgent, .seeDoctor, .seeGP:
            return Advice.label(for: item.severity, recordedToday: item.recordedToday, advice: advice) ?? ""
        case .stop: return "STOP"
        case .caution: return "CAUTION"
        }
    }

    /// What the item is about and when: "bird-dog, Sat 14 Nov 08:15, pain 5 → 7"; for a stretch
    /// of the pain trend, the days it stood: "pain trend, stood 23–27 Oct (5 days)".
    public static func heading(_ item: ProgressReport.Attention) -> String {
        "\(item.subject), \(when(item))"
            + (item.session.map { ", pain \($0.painBefore.value) → \($0.painAfter.value)" } ?? "")
    }

    /// When it happened, with the days it stood when it stood on more than one.
    ///
    /// "Sat 14 Nov 08:15", or the days a stretch of the pain trend stood, each
    /// as of its end: "stood 23–27 Oct (5 days)"; for a hold or red flags that stood in the period
    /// (``ProgressReport/stood``), when it began and the days of the period it stood: "Thu 15 Oct
    /// 08:00, on hold 15–20 Oct (6 days)", "Fri 2 Oct 08:00, stood 10–26 Oct in this period
    /// (17 days)" when it began before the period; its time alone when it stood only on the day it
    /// began (a rise reviewed that day: the review's time says the rest). A red flag still
    /// standing at the period's end is told so too, to its last day: "Tue 3 Nov 08:00, stood 3–7
    /// Nov (5 days)".
    public static func when(_ item: ProgressReport.Attention) -> String {
        guard let stood = item.stood else { return Figures.shortTime(item.localTime) }
        let days = Int(stood.upperBound.daysSinceEpoch - stood.lowerBound.daysSinceEpoch) + 1
        let count = " (\(Wording.count(days, "day", "days")))"
        guard item.first.rule != WorseningRule.id else { return "stood \(Figures.dayRange(stood))" + count }
        // Begun and lifted (or the period ended) the same day: its time and the review's say it all.
        guard stood.lowerBound != stood.upperBound || item.localTime.date != stood.lowerBound else {
            return Figures.shortTime(item.localTime)
        }
        let clipped = item.localTime.date < stood.lowerBound ? " in this period" : ""
        let verb = item.first.entryID == nil ? "stood" : "on hold"
        return Figures.shortTime(item.localTime) + ", \(verb) \(Figures.dayRange(stood))" + clipped + count
    }

    /// "Also on 2 earlier days: Thu 26 Nov 07:30, Mon 23 Nov 07:30."; `nil` when there were none.
    public static func earlier(_ item: ProgressReport.Attention) -> String? {
        guard !item.earlier.isEmpty else { return nil }
        return "Also on \(Wording.count(item.earlier.count, "earlier occasion", "earlier occasions")): "
            + item.earlier.map { Figures.shortTime($0.localTime) }.joined(separator: ", ") + "."
    }

    /// What to do: the hold's way out, the review that answered it, or the most pressing
    /// finding's recommendation, in the words of `words`' region. Each names its exercise, as
    /// `check` does ("Stop doing bird-dog and see a physiotherapist before you continue with it."),
    /// a review as `resume` does ("Resumed bird-dog: …"): "Reviewed by a physiotherapist on
    /// Wed 18 Nov 10:00: bird-dog resumed."
    ///
    /// With `name`, the exercise is called that (``Finding/recommendation(_:naming:)``): "EXERCISE"
    /// in the HTML report's list of what to do, which says each such text once.
    public static func advice(
        _ item: ProgressReport.Attention, in words: RegionalAdvice, naming name: String? = nil
    ) -> String {
        if let hold = item.hold {
            let exercise = name ?? hold.exerciseID
            return "On hold until a physiotherapist has reviewed it: do not do \(exercise) until then, "
                + "and record the review with: journal resume \(exercise)"
        }
        if let review = item.review {
            return "Reviewed by a physiotherapist on \(Figures.shortTime(review.localTime)): "
                + "\(name ?? review.exerciseID) resumed."
        }
        if let seen = item.redFlagsSeen {
            return "Seen by a doctor on \(Figures.shortTime(seen.localTime))"
                + (seen.note.map { ": \($0.terminalSafe)" } ?? "") + "."
        }
        if item.notYetSeen {
            return item.first.recommendation(words) + " " + Advice.notYetSeenAtPeriodEnd
                + ": once one has, record it with: " + Advice.resumeRedFlags
        }
        return name.map { item.first.recommendation(words, naming: $0) } ?? item.first.recommendation(words)
    }

    /// A dose check in words: "as planned", "under in 12 of 13", "over in 2 of 9",
    /// "mixed: 3 under, 2 over of 9", "not recorded"; sessions that did not record the value are
    /// named, never counted as planned ("under in 1 of 4, not recorded in 3", "not recorded in 1 of
    /// 3, as planned in 2"); "-" when there were no sessions.
    public static func dose(_ check: ProgressReport.DoseCheck) -> String {
        let unrecorded = check.notRecorded > 0 ? ", not recorded in \(check.notRecorded)" : ""
        return switch check.verdict {
        case nil: "-"
        case .asPlanned?: "as planned"
        case .under?: "under in \(check.under) of \(check.sessions)" + unrecorded
        case .over?: "over in \(check.over) of \(check.sessions)" + unrecorded
        case .mixed?: "mixed: \(check.under) under, \(check.over) over of \(check.sessions)" + unrecorded
        case .notRecorded?:
            check.asPlanned == 0
                ? "not recorded"
                : "not recorded in \(check.notRecorded) of \(check.sessions), as planned in \(check.asPlanned)"
        }
    }

    // MARK: Sections

    static func attention(_ report: ProgressReport, width: Int, emphasis: (String) -> String) -> [String] {
        let items = report.attention
        guard !items.isEmpty else {
            guard !report.isEmpty else { return [] }
            return ["", "Needs attention: nothing, no holds or safety findings in this period."]
        }
        var lines = ["", "Needs attention"]
        for item in items {
            let label = label(item, advice: report.region.advice)
            let indent = String(repeating: " ", count: min(label.count + 1, 8))
            let heading = wrap(heading(item), width - label.count - 1)
            lines.append(emphasis(label) + " " + (heading.first ?? ""))
            lines += heading.dropFirst().map { indent + $0 }
            let messages = item.findings.map(\.message)
            for message in messages {
                let prefix = messages.count > 1 ? "- " : ""
                lines += wrap(message, width - indent.count - prefix.count).enumerated().map {
                    indent + ($0.offset == 0 ? prefix : String(repeating: " ", count: prefix.count)) + $0.element
                }
            }
            if let earlier = earlier(item) { lines += wrap(earlier, width - indent.count).map { indent + $0 } }
            lines += wrap(advice(item, in: report.region.advice), width - indent.count).map { indent + $0 }
        }
        return lines
    }

    static func sparklines(_ report: ProgressReport, width: Int) -> [String] {
        guard report.days.count > 1 else { return [] }
        let room = width - 15
        let size = (report.days.count + room - 1) / room
        let buckets = stride(from: 0, to: report.days.count, by: size).map {
            Array(report.days[$0..<min($0 + size, report.days.count)])
        }
        func tally(_ days: [ProgressReport.DaySummary]) -> ProgressReport.PainTally {
            var total = ProgressReport.PainTally()
            for day in days {
                total.count += day.pain.count
                total.beforeSum += day.pain.beforeSum
                total.afterSum += day.pain.afterSum
                total.afterMax = [total.afterMax, day.pain.afterMax].compactMap { $0 }.max()
            }
            return total
        }
        let tallies = buckets.map(tally)
        let checkIns = buckets.map { days -> Double? in
            let count = days.map(\.checkIns.count).reduce(0, +)
            return count == 0 ? nil : Double(days.map(\.checkIns.painSum).reduce(0, +)) / Double(count)
        }
        let marks = buckets.map { days -> Character in
            guard let worst = days.compactMap(\.worstSeverity).max() else { return " " }
            return worst >= .seeDoctor ? "◆" : "▲"
        }
        var lines = [
            "", "Pain before  |\(Figures.sparkline(tallies.map(\.beforeMean)))|",
            "Pain after   |\(Figures.sparkline(tallies.map(\.afterMean)))|",
            "Worst after  |\(Figures.sparkline(tallies.map { $0.afterMax.map(Double.init) }))|",
        ]
        if report.checkIns.count > 0 { lines.append("Check-in     |\(Figures.sparkline(checkIns))|") }
        if report.days.contains(where: { $0.findings > 0 }) { lines.append("Findings     |\(String(marks))|") }
        lines += wrap(
            "one mark \(Wording.noun(size, "a day", "per \(size) days")), ▁ 0 to █ 10, blank: none; "
                + "▲ a safety finding, ◆ a red flag (see a doctor)", width - 13
        ).map { String(repeating: " ", count: 13) + $0 }
        return lines
    }

    static func exercises(_ report: ProgressReport, width: Int) -> [String] {
        guard !report.exercises.isEmpty else { return [] }
        return ["", "Exercises"]
            + TextTable.render(
                header: ["EXERCISE", "SESSIONS", "SETS", "REPS", "HOLD S", "PAIN", "CHANGE", "WORST", "FLAGGED"],
                rows: report.exercises.map { summary in
                    [
                        summary.exerciseID, String(summary.sessions), String(summary.sets),
                        summary.reps.map(String.init) ?? "-", summary.holdSeconds.map(String.init) ?? "-",
                        "\(Figures.oneDecimal(summary.pain.beforeMean)) → \(Figures.oneDecimal(summary.pain.afterMean))",
                        Figures.signedOneDecimalChange(from: summary.pain.beforeMean, to: summary.pain.afterMean),
                        summary.pain.afterMax.map(String.init) ?? "-", String(summary.flagged),
                    ]
                },
                alignRight: Set(1...8), width: width, shrink: 0
            ).split(separator: "\n").map(String.init)
            + ["PAIN: mean before → after; WORST: highest pain after."]
    }

    static func plan(_ report: ProgressReport, width: Int) -> [String] {
        guard !report.adherence.isEmpty else { return [] }
        var lines = ["", "Against the plan: sessions"]
        lines += TextTable.render(
            header: ["EXERCISE", "FROM", "PER WEEK", "DONE", "PLANNED", "ADHERENCE"],
            rows: report.adherence.map {
                [
                    $0.exerciseID, $0.countedFrom.iso8601, Wording.perWeek($0.frequencies), String($0.done),
                    String($0.planned),
                    percent($0.fraction),
                ]
            },
            alignRight: Set(2...5), width: width, shrink: 0, wrap: [2]
        ).split(separator: "\n").map(String.init)
        lines += wrap("FROM: counted from \(ProgressReport.Adherence.countedFromRule).", width)
        lines += ["", "Against the plan: dose, session by session"]
        lines += TextTable.render(
            header: ["EXERCISE", "PLANNED", "SETS", "REPS", "HOLD S"],
            rows: report.adherence.map { item in
                [
                    item.exerciseID, Wording.doses(item.doses), dose(item.sets), item.reps.map(dose) ?? "-",
                    item.hold.map(dose) ?? "-",
                ]
            },
            width: width, shrink: 0, wrap: Set(1...4)
        ).split(separator: "\n").map(String.init)
        return lines
    }

    static func dayTable(_ report: ProgressReport, width: Int) -> [String] {
        ["", "Day by day: mean pain before and after, worst after, findings, check-in pain"]
            + (report.beganInsidePeriod ? ["From \(report.countedFrom), when the journal began."] : [])
            + TextTable.render(
                header: ["DAY", "ENTRIES", "BEFORE", "AFTER", "WORST", "FINDINGS", "CHECK-IN"],
                rows: report.days.filter { $0.date >= report.countedFrom }.map { day in
                    let checkIn = day.checkIns.count > 0 ? Figures.oneDecimal(day.checkIns.painMean) : ""
                    let findings = day.findings > 0 ? String(day.findings) : ""
                    return day.entries == 0
                        ? [Figures.day(day.date), "·", "", "", "", findings, checkIn]
                        : [
                            Figures.day(day.date), String(day.entries), Figures.oneDecimal(day.pain.beforeMean),
                            Figures.oneDecimal(day.pain.afterMean), day.pain.afterMax.map(String.init) ?? "",
                            findings, checkIn,
                        ]
                },
                alignRight: Set(1...6), width: width, shrink: 0
            ).split(separator: "\n").map(String.init)
    }

    /// Each exercise's sessions in a row of "14 Nov 5→7!" items, wrapped under its id.
    static func sessions(_ report: ProgressReport, width: Int) -> [String] {
        guard !report.entries.isEmpty else { return [] }
        let flagged = Set(report.findings.compactMap(\.entryID))
        var lines = ["", "Sessions: pain before → after (! a safety finding)"]
        for summary in report.exercises {
            lines.append(oneLine(summary.exerciseID, width: width))
            let items = report.sessions(of: summary.exerciseID).map { entry in
                "\(Figures.dayMonth(entry.localTime.date)) \(entry.painBefore.value)→\(entry.painAfter.value)"
                    + (entry.id.map(flagged.contains) == true ? "!" : "")
            }
            lines += grid(items, width: width)
        }
        return lines
    }

    static func checkIns(_ report: ProgressReport, width: Int) -> [String] {
        guard !report.checkInReadings.isEmpty else { return [] }
        let items = report.checkInReadings.map { checkIn in
            "\(Figures.dayMonth(checkIn.localTime.date)) \(checkIn.pain.value)" + (checkIn.redFlags.isEmpty ? "" : "◆")
        }
        var lines = ["", "Check-ins: pain (◆ red flags recorded)"] + grid(items, width: width)
        for checkIn in report.checkInReadings where !checkIn.redFlags.isEmpty {
            lines.append(
                oneLine(
                    "  \(checkIn.localTime.shortText) red flags: "
                        + checkIn.redFlags.map(\.rawValue).joined(separator: ", "), width: width))
        }
        return lines
    }

    static func notes(_ report: ProgressReport, width: Int) -> [String] {
        let notes = report.notes
        guard !notes.isEmpty else { return [] }
        return ["", "Notes (shortened to one line; the HTML and JSON reports carry them whole)"]
            + notes.map { note in
                oneLine(
                    "\(note.localTime.shortText)  \(TextTable.truncate(note.subject, to: 24)): \(note.text)",
                    width: width)
            }
    }

    // MARK: Helpers

    /// Items in columns as wide as the widest, indented by 2, as many to a line as fit.
    static func grid(_ items: [String], width: Int) -> [String] {
        let cell = (items.map { TextTable.displayWidth($0) }.max() ?? 0) + 2
        let perLine = max(1, (width - 2) / cell)
        return stride(from: 0, to: items.count, by: perLine).map { start in
            var line = "  "
            for item in items[start..<min(start + perLine, items.count)] {
                line += item + String(repeating: " ", count: cell - TextTable.displayWidth(item))
            }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }

    static func wrap(_ text: String, _ width: Int) -> [String] {
        TextTable.wrap(text, width: width).split(separator: "\n").map(String.init)
    }

    /// The report's lines as shown, each safe and at most `width` columns.
    ///
    /// Each is made safe by the one rule for stored text on a screen (`String.terminalSafe`: a
    /// note's or an exercise name's escapes, C1 controls and bidirectional overrides removed) and
    /// cut to `width` columns, a last guard the sections never need. Only the renderer's own
    /// emphasis of a label that begins a line is kept; it takes no columns.
    static func shown(_ lines: [String], _ width: Int, _ report: ProgressReport, _ emphasis: (String) -> String)
        -> String
    {
        let labels = Set(report.attention.map { emphasis(label($0, advice: report.region.advice)) + " " })
        return lines.map { line in
            if let label = labels.first(where: { line.hasPrefix($0) && $0.contains("\u{1B}") }) {
                return label + String(line.dropFirst(label.count)).terminalSafe
            }
            return TextTable.truncate(line.terminalSafe, to: width)
        }.joined(separator: "\n")
    }

    /// `text` on one line of at most `width` columns: line breaks, control and bidirectional
    /// formatting characters become spaces, and a longer text ends in "…".
    static func oneLine(_ text: String, width: Int = 80) -> String {
        TextTable.truncate(flat(text), to: width)
    }

    /// The text on one line: line breaks, other control characters and bidirectional formatting
    /// characters become spaces.
    static func flat(_ text: String) -> String {
        String(
            text.unicodeScalars.map { scalar -> Character in
                switch scalar.value {
                case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return " "
                default: return scalar.properties.generalCategory == .control ? " " : Character(scalar)
                }
            })
    }

    /// "80%", or "-" when nothing was planned.
    static func percent(_ fraction: Double?) -> String {
        fraction.map { "\(Int(($0 * 100).rounded(.toNearestOrAwayFromZero)))%" } ?? "-"
    }
}
