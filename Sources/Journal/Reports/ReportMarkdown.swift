/// The progress report as a Markdown document to paste into an email to a physiotherapist.
public enum ReportMarkdown {
    public static func render(_ report: ProgressReport) -> String {
        let period = report.period
        var lines = [
            "# Progress report: \(period.from) to \(period.to)", "",
            "*Recorded with journal, a pain and exercise diary. It is a record, not a diagnosis.*", "",
        ]
        guard report.entryCount > 0 || report.checkIns.count > 0 else {
            lines.append("No entries between \(period.from) and \(period.to) (\(period.dayCount) days).")
            lines.append("")
            lines.append(ReportText.comparison(report.comparison))
            return lines.joined(separator: "\n") + "\n"
        }
        lines.append(
            "Active on **\(report.daysActive) of \(period.dayCount) days**, "
                + "\(ReportText.count(report.entryCount, "entry", "entries")). "
                + "Mean pain before **\(Figures.oneDecimal(report.pain.beforeMean))**, "
                + "after **\(Figures.oneDecimal(report.pain.afterMean))** "
                + "(change \(Figures.signedOneDecimal(report.pain.changeMean))), on the 0–10 scale."
                + (report.checkIns.count > 0
                    ? " \(ReportText.count(report.checkIns.count, "check-in", "check-ins")), mean pain "
                        + "**\(Figures.oneDecimal(report.checkIns.painMean))**."
                    : ""))
        lines += ["", "## Exercises", ""]
        lines.append("| Exercise | Sessions | Sets | Reps | Hold (s) | Pain before | Pain after | Change | Flagged |")
        lines.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for summary in report.exercises {
            let cells = [
                escape(summary.exerciseID), String(summary.sessions), String(summary.sets),
                summary.reps.map(String.init) ?? "-", summary.holdSeconds.map(String.init) ?? "-",
                Figures.oneDecimal(summary.pain.beforeMean), Figures.oneDecimal(summary.pain.afterMean),
                Figures.signedOneDecimal(summary.pain.changeMean), String(summary.flagged),
            ]
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        if !report.adherence.isEmpty {
            lines += ["", "## Against the plan", ""]
            lines.append("| Exercise | Done | Planned | Per week | Adherence |")
            lines.append("| --- | ---: | ---: | ---: | ---: |")
            for item in report.adherence {
                lines.append(
                    "| \(escape(item.exerciseID)) | \(item.done) | \(item.planned) | \(item.perWeek) | \(ReportText.percent(item.fraction)) |"
                )
            }
        }
        lines += ["", "## Day by day", ""]
        lines.append("| Day | Entries | Pain before | Pain after | Flagged | Check-in pain |")
        lines.append("| --- | ---: | ---: | ---: | ---: | ---: |")
        for day in report.days {
            let cells = [
                Figures.day(day.date), String(day.entries), Figures.oneDecimal(day.pain.beforeMean),
                Figures.oneDecimal(day.pain.afterMean), String(day.flagged), Figures.oneDecimal(day.checkIns.painMean),
            ]
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        lines += [
            "", "## Compared with the previous \(period.dayCount) days", "", ReportText.comparison(report.comparison),
        ]
        if !report.findings.isEmpty {
            lines += ["", "## Needs attention", ""]
            for finding in report.findings {
                lines.append(
                    "- **\(finding.severity == .urgent ? "URGENT: SEEK EMERGENCY CARE NOW" : finding.severity.description.uppercased())** \(finding.localTime.shortText), "
                        + "\(escape(finding.subject)): \(escape(finding.message)) \(escape(finding.recommendation))")
            }
        }
        if !report.reviews.isEmpty {
            lines += ["", "## Reviewed by a physiotherapist", ""]
            for review in report.reviews {
                lines.append(
                    "- \(review.localTime.shortText), \(escape(review.exerciseID)): hold lifted"
                        + (review.note.map { "; " + escape(flat($0)) } ?? ""))
            }
        }
        if !report.checkInReadings.isEmpty {
            lines += ["", "## Check-ins", ""]
            for checkIn in report.checkInReadings {
                let flags =
                    checkIn.redFlags.isEmpty
                    ? "" : ", red flags: " + checkIn.redFlags.map(\.rawValue).joined(separator: ", ")
                lines.append(
                    "- \(checkIn.localTime.shortText): pain \(checkIn.pain.value)\(escape(flags))"
                        + (checkIn.note.map { "; " + escape(flat($0)) } ?? ""))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The text on one line: line breaks and other control characters become spaces.
    static func flat(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : Character($0) })
    }

    /// Backslash-escapes the characters Markdown would read as markup.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\`*_{}[]<>()#+!|".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
