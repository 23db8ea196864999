/// What needs attention in a report, in the order a physiotherapist should read it.
extension ProgressReport {
    /// One thing that needs attention: an exercise on hold, or the findings of one session or
    /// check-in at one severity.
    public struct Attention: Sendable, Hashable {
        /// The hold, when this is one; its ``findings`` are then the stop findings that began it.
        public var hold: Hold?
        /// The findings, most pressing first; all of one severity.
        public var findings: [Finding]
        /// The session they are about, when it is in the period.
        public var session: Entry?
        /// The review in the period that answered them (stop findings only).
        public var review: Review?
        /// Earlier findings of the same kind (severity, subject and rules), newest first, told with
        /// this one rather than each on its own: one finding of each.
        public var earlier: [Finding] = []
        /// Whether it happened on the report's last day: only then does a banner say "today".
        public var recordedToday = true
        /// A red flag that no doctor has seen yet, as the report's last day (``ProgressReport/standing``).
        public var notYetSeen = false
        /// A red flag's record that a doctor has seen it (`journal resume --red-flags`).
        public var redFlagsSeen: RedFlagReview?

        /// The most pressing finding.
        public var first: Finding { hold?.since ?? findings[0] }
        public var severity: Finding.Severity { first.severity }
        public var localTime: LocalDateTime { first.localTime }
        public var subject: String { first.subject }
    }

    /// What needs attention: red flags that stand from before the period first, then holds, then
    /// findings by severity, then what else stands (the `worsening` trend).
    ///
    /// Holds come oldest first; then findings, grouped by session or check-in and severity: urgent,
    /// see-doctor, stop, caution, newest first within each. The stop findings of a session that
    /// began a listed hold are told with the hold, not again; findings of the same kind that no
    /// review answered are told once, the newest, with the dates of the others (``Attention/earlier``).
    public var attention: [Attention] {
        let byID = Dictionary(entries.compactMap { entry in entry.id.map { ($0, entry) } }) { first, _ in first }
        var items = holds.map { hold in
            Attention(
                hold: hold, findings: hold.reasons, session: hold.session.id.flatMap { byID[$0] }, review: nil)
        }
        let heldSessions = Set(holds.compactMap(\.session.id))
        var groups: [Attention] = []
        var index: [String: Int] = [:]
        for finding in findings {
            if finding.severity == .stop, let id = finding.entryID, heldSessions.contains(id) { continue }
            let key =
                "\(finding.entryID.map { "e\($0)" } ?? finding.checkInID.map { "c\($0)" } ?? "r\(finding.rule)")"
                + "/\(finding.severity.rawValue)"
            if let at = index[key] {
                groups[at].findings.append(finding)
                continue
            }
            index[key] = groups.count
            groups.append(
                Attention(
                    hold: nil, findings: [finding], session: finding.entryID.flatMap { byID[$0] },
                    review: review(answering: finding)))
        }
        var kinds: [String: Int] = [:]
        for group in groups {
            guard group.review == nil else {
                items.append(group)
                continue
            }
            let kind =
                "\(group.severity.rawValue)|\(group.subject)|\(group.findings.map(\.rule).joined(separator: ","))"
            if let at = kinds[kind] {
                items[at].earlier.append(group.first)
            } else {
                kinds[kind] = items.count
                items.append(group)
            }
        }
        let standing = standing?.findings ?? []
        let told = Set(findings.map(Self.key))
        let today = self.standing?.date ?? period.to
        items = items.map { item in
            var item = item
            item.recordedToday = item.localTime.date == today
            if item.first.rule == RedFlagRule.id, self.standing != nil {
                item.notYetSeen = standing.contains { Self.key($0) == Self.key(item.first) }
                if !item.notYetSeen {
                    item.redFlagsSeen = redFlagReviews.first { $0.reviewedAt >= item.first.performedAt }
                }
            }
            return item
        }
        let untold = standing.filter { !told.contains(Self.key($0)) && $0.severity != .stop }.map { finding in
            Attention(
                hold: nil, findings: [finding], session: nil, review: nil,
                recordedToday: finding.localTime.date == today,
                notYetSeen: finding.rule == RedFlagRule.id)
        }
        return untold.filter { $0.first.rule == RedFlagRule.id } + items
            + untold.filter { $0.first.rule != RedFlagRule.id }
    }

    /// What tells two findings apart: rule, severity and what they are about.
    static func key(_ finding: Finding) -> String {
        "\(finding.rule)/\(finding.severity.rawValue)/\(finding.entryID ?? 0)/\(finding.checkInID ?? 0)"
    }
}
