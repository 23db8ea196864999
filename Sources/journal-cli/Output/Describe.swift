import Journal

/// Short texts for people, shared by the commands.
enum Describe {
    /// "3 × 10 reps, left side", "2 × 30 s hold", "1 set".
    static func dosage(_ entry: Entry) -> String {
        var parts: [String] = []
        switch (entry.reps, entry.holdSeconds) {
        case let (reps?, hold?): parts.append("\(entry.sets) × \(reps) reps, \(hold) s hold")
        case let (reps?, nil): parts.append("\(entry.sets) × \(reps) reps")
        case let (nil, hold?): parts.append("\(entry.sets) × \(hold) s hold")
        case (nil, nil): parts.append(entry.sets == 1 ? "1 set" : "\(entry.sets) sets")
        }
        if let side = entry.side { parts.append(side == .both ? "both sides" : "\(side.rawValue) side") }
        return parts.joined(separator: ", ")
    }

    /// "4 → 3".
    static func pain(_ entry: Entry) -> String { "\(entry.painBefore.value) → \(entry.painAfter.value)" }

    /// "2026-11-20 07:30 (UTC+01:00)".
    static func time(_ local: LocalDateTime) -> String {
        "\(local.shortText) (UTC\(LocalDateTime.offsetText(local.utcOffset)))"
    }

    /// A finding as two lines for stderr, the first marked by severity.
    static func finding(_ finding: Finding, style: Style) -> String {
        let label = finding.severity.description.uppercased()
        return "\(style.red(label)) \(style.bold(finding.message))\n"
            + String(repeating: " ", count: label.count + 1) + finding.recommendation
    }
}
