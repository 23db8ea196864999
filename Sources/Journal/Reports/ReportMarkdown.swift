/// The progress report as a Markdown document to paste into an email to a physiotherapist: what
/// needs attention first, then the pain picture, then the detail.
///
/// ```swift
/// let markdown = ReportMarkdown.render(report) // "# Progress report: 2026-11-01 to 2026-11-07\n…"
/// ```
public enum ReportMarkdown {
    public static func render(_ report: ProgressReport) -> String {
        let period = report.period
        var lines = [
            "# Progress report: \(period.from) to \(period.to)", "",
            "*Recorded with journal, a pain and exercise diary. It is a record, not a diagnosis.*", "",
            ReportText.regionLine(report),
        ]
        guard !report.isEmpty else {
            lines += attention(report)
            lines += ["", ReportText.noEntries(period)]
            lines += ["", ReportText.comparison(report.comparison)]
            lines += function(report)
            return lines.joined(separator: "\n").terminalSafeLines + "\n"
        }
        if let began = ReportText.began(report) { lines += ["", "**\(began)**"] }
        lines += attention(report)
        lines += ["", "## Pain", ""]
        // Sentences of figures, words and exercise ids (letters, digits and dashes): nothing to escape.
        lines.append(
            ReportText.activity(report) + " " + ReportText.painSentence(report)
                + (ReportText.checkInSentence(report).map { " " + $0 } ?? ""))
        lines += ["", ReportText.comparison(report.comparison)]
        lines += ["", "## Exercises", ""]
        lines.append(
            "| Exercise | Sessions | Sets | Reps | Hold (s) | Pain before | Pain after | Change | Worst after | Flagged |"
        )
        lines.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for summary in report.exercises {
            lines.append(
                row([
                    escape(summary.exerciseID), String(summary.sessions), String(summary.sets),
                    summary.reps.map(String.init) ?? "-", summary.holdSeconds.map(String.init) ?? "-",
                    Figures.oneDecimal(summary.pain.beforeMean), Figures.oneDecimal(summary.pain.afterMean),
                    Figures.signedOneDecimalChange(from: summary.pain.beforeMean, to: summary.pain.afterMean),
                    summary.pain.afterMax.map(String.init) ?? "-",
                    String(summary.flagged),
                ]))
        }
        if !report.adherence.isEmpty {
            lines += ["", "## Against the plan", ""]
            lines.append(
                "| Exercise | Counted from | Per week | Done | Planned | Adherence | Planned dose | Sets | Reps | Hold (s) |"
            )
            lines.append("| --- | --- | ---: | ---: | ---: | ---: | --- | --- | --- | --- |")
            for item in report.adherence {
                lines.append(
                    row([
                        escape(item.exerciseID), item.countedFrom.iso8601, Wording.perWeek(item.frequencies),
                        String(item.done),
                        String(item.planned), ReportText.percent(item.fraction),
                        Wording.doses(item.doses), ReportText.dose(item.sets),
                        item.reps.map(ReportText.dose) ?? "-", item.hold.map(ReportText.dose) ?? "-",
                    ]))
            }
        }
        lines += ["", "## Day by day", ""]
        if report.beganInsidePeriod { lines += ["From \(report.countedFrom), when the journal began.", ""] }
        lines.append("| Day | Entries | Pain before | Pain after | Worst after | Findings | Check-in pain |")
        lines.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
        for day in report.days where day.date >= report.countedFrom {
            lines.append(
                row([
                    Figures.day(day.date), String(day.entries), Figures.oneDecimal(day.pain.beforeMean),
                    Figures.oneDecimal(day.pain.afterMean), day.pain.afterMax.map(String.init) ?? "-",
                    String(day.findings), Figures.oneDecimal(day.checkIns.painMean),
                ]))
        }
        if !report.entries.isEmpty {
            let flagged = Set(report.findings.compactMap(\.entryID))
            lines += ["", "## Sessions", ""]
            lines.append("| When | Exercise | Dose | Pain before → after | Finding |")
            lines.append("| --- | --- | --- | ---: | --- |")
            for entry in report.entries {
                lines.append(
                    row([
                        entry.localTime.shortText, escape(entry.exerciseID), Wording.dose(entry),
                        "\(entry.painBefore.value) → \(entry.painAfter.value)",
                        entry.id.map(flagged.contains) == true ? "yes" : "",
                    ]))
            }
        }
        if !report.checkInReadings.isEmpty {
            lines += ["", "## Check-ins", ""]
            lines.append("| When | Pain | Red flags |")
            lines.append("| --- | ---: | --- |")
            for checkIn in report.checkInReadings {
                lines.append(
                    row([
                        checkIn.localTime.shortText, String(checkIn.pain.value),
                        checkIn.redFlags.map(\.rawValue).joined(separator: ", "),
                    ]))
            }
        }
        lines += function(report)
        if !report.reviews.isEmpty {
            lines += ["", "## Reviewed by a physiotherapist", ""]
            for review in report.reviews {
                lines.append(
                    "- \(review.localTime.shortText), \(escape(review.exerciseID)): \(report.reviewOutcome(review))"
                        + (review.note.map { "; " + escape(flat($0)) } ?? ""))
            }
        }
        let notes = report.notes
        if !notes.isEmpty {
            lines += ["", "## Notes", ""]
            for note in notes {
                lines.append(
                    "- \(note.localTime.shortText), \(escape(note.subject)): " + escape(ReportText.flat(note.text)))
            }
        }
        // The one rule for stored text shown: what a note or a name carries cannot act in a viewer.
        return lines.joined(separator: "\n").terminalSafeLines + "\n"
    }

    static func attention(_ report: ProgressReport) -> [String] {
        let items = report.attention
        guard !items.isEmpty else {
            return report.isEmpty ? [] : ["", "## Needs attention", "", "No holds or safety findings in this period."]
        }
        var lines = ["", "## Needs attention", ""]
        for item in items {
            lines.append(
                "- **\(ReportText.label(item, advice: report.region.advice))** \(escape(ReportText.heading(item))): "
                    + item.findings.map { escape($0.message) }.joined(separator: " ") + " "
                    + (ReportText.earlier(item).map { escape($0) + " " } ?? "")
                    + escape(ReportText.advice(item, in: report.region.advice)))
        }
        return lines
    }

    static func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }

    /// The text on one line: line breaks and other control characters become spaces.
    static func flat(_ text: String) -> String { ReportText.flat(text) }

    /// Backslash-escapes the characters Markdown would read as markup.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\`*_{}[]<>()#+!|".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    /// The Function (PSFS) section, in a report with entries or without: ratings are not entries.
    static func function(_ report: ProgressReport) -> [String] {
        guard let psfs = report.psfs else { return [] }
        var lines = ["", "## Function (Patient-Specific Functional Scale)", ""]
        lines.append("| " + ReportPSFS.header.joined(separator: " | ") + " |")
        lines.append("|" + String(repeating: " --- |", count: ReportPSFS.header.count))
        for cells in ReportPSFS.rows(psfs, period: report.period) {
            lines.append("| " + cells.map { escape(flat($0)) }.joined(separator: " | ") + " |")
        }
        if let average = ReportPSFS.average(psfs) { lines += ["", escape(average)] }
        lines += ["", escape(ReportPSFS.legend)]
        return lines
    }
}
