import Journal

/// Short texts for people, shared by the commands.
enum Describe {
    /// "3 × 10 reps, left side", "2 × 30 s hold", "1 set".
    static func dosage(_ entry: Entry) -> String {
        dosage(sets: entry.sets, reps: entry.reps, holdSeconds: entry.holdSeconds, side: entry.side)
    }

    /// The dose of an entry or a plan: "3 × 10 reps", "3 × 10 reps, 5 s hold", "2 × 30 s hold, left side".
    static func dosage(sets: Int, reps: Int?, holdSeconds: Int?, side: Side?) -> String {
        var parts: [String] = []
        switch (reps, holdSeconds) {
        case (let reps?, let hold?): parts.append("\(sets) × \(reps) reps, \(hold) s hold")
        case (let reps?, nil): parts.append("\(sets) × \(reps) reps")
        case (nil, let hold?): parts.append("\(sets) × \(hold) s hold")
        case (nil, nil): parts.append(sets == 1 ? "1 set" : "\(sets) sets")
        }
        if let side { parts.append(side == .both ? "both sides" : "\(side.rawValue) side") }
        return parts.joined(separator: ", ")
    }

    /// "glute-bridge, 3 × 10 reps, pain 4 → 3, 2026-11-20 07:30 (UTC+00:00), note: …".
    static func summary(_ entry: Entry) -> String {
        "\(entry.exerciseID), \(dosage(entry)), pain \(pain(entry)), \(time(entry.localTime))"
            + (entry.note.map { ", note: \($0.terminalSafe)" } ?? "")
    }

    /// "4 → 3".
    static func pain(_ entry: Entry) -> String { "\(entry.painBefore.value) → \(entry.painAfter.value)" }

    /// "2026-11-20 07:30 (UTC+01:00)".
    static func time(_ local: LocalDateTime) -> String {
        "\(local.shortText) (UTC\(LocalDateTime.offsetText(local.utcOffset)))"
    }

    /// Prints on standard error what the rules found in a saved entry: the pause that stood, then each finding.
    static func printFindings(of logged: LoggedEntry) {
        if let paused = logged.pausedBefore { Console.err(pause(paused, style: .stderr)) }
        for finding in logged.findings { Console.err(self.finding(finding, style: .stderr)) }
    }

    /// The warning that an exercise stands paused, printed before its new session is recorded.
    static func pause(_ finding: Finding, style: Style) -> String {
        let lines = TextTable.wrap(
            "\(finding.subject) stands paused. \(finding.message) \(finding.recommendation) "
                + "This session is recorded all the same.", width: 72
        ).split(separator: "\n")
        return lines.enumerated()
            .map { $0.offset == 0 ? "\(style.red("PAUSED")) \($0.element)" : "       \($0.element)" }
            .joined(separator: "\n")
    }

    /// A finding for the terminal: a severity label, what happened and what to do.
    ///
    /// A red flag is set apart in a banner unlike any other finding: an urgent one (call 999 or
    /// go to A&E) between rows of `!`, a see-doctor one (an urgent GP appointment or 111) between
    /// rows of `=`.
    static func finding(_ finding: Finding, style: Style) -> String {
        switch finding.severity {
        case .urgent:
            return banner(finding, mark: "!", title: "URGENT: SEEK EMERGENCY CARE NOW", style: style.red)
        case .seeDoctor:
            return banner(
                finding, mark: "=", title: "SEE A DOCTOR TODAY: URGENT GP APPOINTMENT OR 111", style: style.bold)
        case .stop, .caution:
            break
        }
        let label = finding.severity.description.uppercased()
        let indent = String(repeating: " ", count: label.count + 1)
        let message = TextTable.wrap(finding.message, width: 79 - indent.count)
            .split(separator: "\n").enumerated()
            .map {
                $0.offset == 0
                    ? "\(style.red(label)) \(style.bold(String($0.element)))" : indent + style.bold(String($0.element))
            }
        let recommendation = TextTable.wrap(finding.recommendation, width: 79 - indent.count)
            .split(separator: "\n").map { indent + $0 }
        return (message + recommendation).joined(separator: "\n")
    }

    /// A finding between two rows of `mark`, each line starting with two marks: the title, what
    /// happened and what to do.
    private static func banner(_ finding: Finding, mark: Character, title: String, style: (String) -> String)
        -> String
    {
        let rule = String(repeating: mark, count: 78)
        let prefix = String(repeating: mark, count: 2) + " "
        let body = [title, finding.message, finding.recommendation]
            .flatMap { TextTable.wrap($0, width: 75).split(separator: "\n") }
            .map { prefix + $0 }
        return ([rule] + body + [rule]).map(style).joined(separator: "\n")
    }
}
