/// `next-morning`: a morning check-in with more pain than the day before began with.
///
/// For each day with exercise, its baseline is the pain before its first entry. A check-in
/// the next local morning (before ``Thresholds/morningEndsAtHour``) with higher pain means the
/// day's load was too much (the pain-monitoring model's next-morning check). One finding per
/// morning, on its first check-in over the baseline; a ``Finding/Severity/caution``.
///
/// ```swift
/// NextMorningRule.findings(entries: yesterday, checkIns: [morning])
/// ```
public enum NextMorningRule {
    public static let id = "next-morning"

    public static func findings(entries: [Entry], checkIns: [CheckIn]) -> [Finding] {
        var baseline: [LocalDate: Entry] = [:]
        for entry in entries {
            let day = entry.localTime.date
            if let first = baseline[day], (first.performedAt, first.id ?? 0) <= (entry.performedAt, entry.id ?? 0) {
                continue
            }
            baseline[day] = entry
        }
        var reported = Set<LocalDate>()
        var findings: [Finding] = []
        for checkIn in checkIns.sorted(by: { ($0.performedAt, $0.id ?? 0) < ($1.performedAt, $1.id ?? 0) }) {
            let local = checkIn.localTime
            let exerciseDay = local.date.adding(days: -1)
            guard local.hour < Thresholds.morningEndsAtHour, !reported.contains(local.date),
                let first = baseline[exerciseDay], checkIn.pain > first.painBefore
            else { continue }
            reported.insert(local.date)
            findings.append(
                Finding(
                    rule: id, severity: .caution, checkInID: checkIn.id, exerciseID: nil,
                    performedAt: checkIn.performedAt, utcOffset: checkIn.utcOffset,
                    message: "The morning after exercising on \(exerciseDay), pain was \(checkIn.pain.value), "
                        + "higher than the \(first.painBefore.value) you started that day with.",
                    note:
                        "That day's exercise was probably too much: do less, and talk to a physiotherapist about the load."
                ))
        }
        return findings
    }
}
