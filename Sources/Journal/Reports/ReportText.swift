/// The progress report as aligned plain text for a terminal.
///
/// ```swift
/// print(ReportText.render(report))
/// ```
public enum ReportText {
    /// `emphasis` marks severity labels (the CLI passes a colouring function on a terminal).
    public static func render(_ report: ProgressReport, emphasis: (String) -> String = { $0 }) -> String {
        let period = report.period
        var lines = ["Progress report, \(period.from) to \(period.to) (\(period.dayCount) days)", ""]
        guard report.entryCount > 0 || report.checkIns.count > 0 else {
            lines.append("No entries between \(period.from) and \(period.to). Record one with:")
            lines.append("  journal log glute-bridge --pain-before 4 --pain-after 3")
            lines.append("")
            lines.append(TextTable.wrap(comparison(report.comparison), width: 80))
            return lines.joined(separator: "\n")
        }
        lines.append(
            "Active on \(report.daysActive) of \(period.dayCount) days, \(count(report.entryCount, "entry", "entries")). "
                + "Mean pain before \(Figures.oneDecimal(report.pain.beforeMean)), "
                + "after \(Figures.oneDecimal(report.pain.afterMean)) "
                + "(change \(Figures.signedOneDecimal(report.pain.changeMean))).")
        if report.checkIns.count > 0 {
            lines.append(
                "\(count(report.checkIns.count, "check-in", "check-ins")), mean pain "
                    + "\(Figures.oneDecimal(report.checkIns.painMean)).")
        }
        lines.append("")
        lines.append(
            TextTable.render(
                header: ["EXERCISE", "SESSIONS", "SETS", "REPS", "HOLD S", "BEFORE", "AFTER", "CHANGE", "FLAGGED"],
                rows: report.exercises.map { summary in
                    [
                        summary.exerciseID, String(summary.sessions), String(summary.sets),
                        summary.reps.map(String.init) ?? "-", summary.holdSeconds.map(String.init) ?? "-",
                        Figures.oneDecimal(summary.pain.beforeMean), Figures.oneDecimal(summary.pain.afterMean),
                        Figures.signedOneDecimal(summary.pain.changeMean), String(summary.flagged),
                    ]
                },
                alignRight: Set(1...8)))
        if !report.adherence.isEmpty {
            lines.append("")
            lines.append("Against the plan")
            lines.append(
                TextTable.render(
                    header: ["EXERCISE", "DONE", "PLANNED", "PER WEEK", "ADHERENCE"],
                    rows: report.adherence.map {
                        [$0.exerciseID, String($0.done), String($0.planned), String($0.perWeek), percent($0.fraction)]
                    },
                    alignRight: Set(1...4)))
        }
        lines.append("")
        lines.append("Day by day: mean pain before → after")
        lines.append(
            TextTable.render(
                header: ["DAY", "ENTRIES", "BEFORE", "AFTER", "FLAGGED", "CHECK-IN"],
                rows: report.days.map { day in
                    let checkIn = day.checkIns.count > 0 ? Figures.oneDecimal(day.checkIns.painMean) : ""
                    return day.entries == 0
                        ? [Figures.day(day.date), "·", "", "", "", checkIn]
                        : [
                            Figures.day(day.date), String(day.entries), Figures.oneDecimal(day.pain.beforeMean),
                            Figures.oneDecimal(day.pain.afterMean), day.flagged > 0 ? String(day.flagged) : "", checkIn,
                        ]
                },
                alignRight: Set(1...5)))
        if report.days.count > 1 {
            lines.append("Pain before  |\(Figures.sparkline(report.days.map(\.pain.beforeMean)))|")
            lines.append("Pain after   |\(Figures.sparkline(report.days.map(\.pain.afterMean)))|")
            lines.append("             one mark a day, ▁ 0 to █ 10, blank: no entries")
        }
        lines.append("")
        lines.append(TextTable.wrap(comparison(report.comparison), width: 80))
        if !report.findings.isEmpty {
            lines.append("")
            lines.append("Needs attention")
            for finding in report.findings {
                let label =
                    finding.severity == .urgent
                    ? "URGENT: SEEK EMERGENCY CARE NOW" : finding.severity.description.uppercased()
                lines.append("\(emphasis(label)) \(finding.localTime.shortText)  \(finding.subject)")
                let indent = String(repeating: " ", count: min(label.count + 1, 8))
                for paragraph in [finding.message, finding.recommendation] {
                    lines += TextTable.wrap(paragraph, width: 80 - indent.count).split(separator: "\n").map {
                        indent + $0
                    }
                }
            }
        }
        if !report.reviews.isEmpty {
            lines += ["", "Reviewed by a physiotherapist"]
            for review in report.reviews {
                lines.append(
                    oneLine(
                        "\(review.localTime.shortText)  \(review.exerciseID): hold lifted"
                            + (review.note.map { "; \($0)" } ?? "")))
            }
        }
        if !report.checkInReadings.isEmpty {
            lines += ["", "Check-ins"]
            for checkIn in report.checkInReadings {
                let flags =
                    checkIn.redFlags.isEmpty
                    ? "" : ", red flags: " + checkIn.redFlags.map(\.rawValue).joined(separator: ", ")
                lines.append(
                    oneLine(
                        "\(checkIn.localTime.shortText)  pain \(checkIn.pain.value)\(flags)"
                            + (checkIn.note.map { "; \($0)" } ?? "")))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// One sentence comparing mean pain before with the previous period.
    public static func comparison(_ comparison: ProgressReport.Comparison) -> String {
        let previous = comparison.period
        let span = "the previous \(previous.dayCount) days (\(previous.from) to \(previous.to))"
        switch comparison.verdict {
        case .noPreviousData:
            return "No entries in \(span) to compare with."
        case .noCurrentData:
            return "Mean pain before in \(span) was \(Figures.oneDecimal(comparison.previous.beforeMean))."
        case .improvement, .worsening, .noMeaningfulChange:
            let verdict =
                switch comparison.verdict {
                case .improvement: "a meaningful improvement (at least 2 points or 30% lower)"
                case .worsening: "a meaningful worsening (at least 2 points or 30% higher)"
                default: "no meaningful change (less than 2 points and less than 30%)"
                }
            return "Compared with \(span): mean pain before "
                + "\(Figures.oneDecimal(comparison.previous.beforeMean)) → \(Figures.oneDecimal(comparison.current.beforeMean)) "
                + "(\(Figures.signedOneDecimal(comparison.change)), \(Figures.signedPercent(comparison.relativeChange))): "
                + "\(verdict)."
        }
    }

    /// `text` on one line of at most 80 columns: line breaks and control characters become spaces,
    /// and a longer text ends in "…".
    static func oneLine(_ text: String, width: Int = 80) -> String {
        let flat = String(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : Character($0) })
        return flat.count <= width ? flat : String(flat.prefix(width - 1)) + "…"
    }

    /// "80%", or "-" when nothing was planned.
    static func percent(_ fraction: Double?) -> String {
        fraction.map { "\(Int(($0 * 100).rounded(.toNearestOrAwayFromZero)))%" } ?? "-"
    }

    static func count(_ value: Int, _ one: String, _ many: String) -> String {
        "\(value) \(value == 1 ? one : many)"
    }
}
