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
        /// The days the pain trend stood, when this is one of its stretches (``ProgressReport/worsening``),
        /// or the days of the period a hold or red flags lifted inside it stood (``ProgressReport/stood``),
        /// or, for a hold or a red flag standing at its end, the days to its last day.
        public var stood: ClosedRange<LocalDate>?

        /// The most pressing finding.
        public var first: Finding { hold?.since ?? findings[0] }
        public var severity: Finding.Severity { first.severity }
        public var localTime: LocalDateTime { first.localTime }
        public var subject: String { first.subject }
    }

    /// What needs attention, most severe first (a hold counts as a stop).
    ///
    /// Urgent, see-doctor, stop (holds oldest first, then the other sessions), see-GP, caution;
    /// within a severity in the order of the rules (docs/safety.md), then newest first. Red flags that stand from
    /// before the period and what else stands (the `worsening` trend) take their place by severity.
    ///
    /// Findings are grouped by session or check-in and severity. The stop findings of a session
    /// that began a listed hold are told with the hold, not again. Findings of the same kind
    /// (severity, subject, rules, and for a red flag the same symptoms and the same record of a
    /// doctor's visit) that no review answered are told once, the newest, with the dates of the
    /// others (``Attention/earlier``), whether they fall in the period or stand from before it.
    ///
    /// The pain trend is told once for each stretch of days it stood in the period
    /// (``worsening``), with those days, in place of the trend as of the last day alone. So is each
    /// hold and the red flags of each tier lifted inside the period (``stood``), with the record
    /// that lifted it, in place of its findings. A red flag still standing at the period's end
    /// has its days too, from its oldest check-in told with it.
    public var attention: [Attention] {
        // Each hold standing at the end is told with the days of the period it stood (``stood``).
        let holdItems = holds.map { hold in
            Attention(
                hold: hold, findings: hold.reasons, session: entry(id: hold.session.id), review: nil,
                stood: stood.first { $0.hold?.session.id == hold.session.id && $0.liftedAt == nil }?.days)
        }
        let heldSessions = Set(holds.compactMap(\.session.id))
        var groups: [Attention] = []
        var index: [String: Int] = [:]
        // Each stretch of the trend tells it, the stretch ending on the last day included.
        func toldByStretch(_ finding: Finding) -> Bool { !worsening.isEmpty && finding.rule == WorseningRule.id }
        let lifted = stood.filter { $0.liftedAt != nil }
        let toldByStood = Set(lifted.flatMap(\.findings).map(Self.key))
        for finding in findings where !toldByStretch(finding) && !toldByStood.contains(Self.key(finding)) {
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
                    hold: nil, findings: [finding], session: entry(id: finding.entryID),
                    review: review(answering: finding)))
        }
        let standing = standing?.findings ?? []
        let told = Set(findings.map(Self.key))
        let today = self.standing?.date ?? period.to
        let untold = standing.filter {
            !told.contains(Self.key($0)) && $0.severity != .stop && !toldByStretch($0)
        }.map { finding in
            Attention(hold: nil, findings: [finding], session: nil, review: nil)
        }
        let stretches = worsening.map { stretch in
            Attention(hold: nil, findings: [stretch.finding], session: nil, review: nil, stood: stretch.days)
        }
        let liftedItems = lifted.map { stood in
            Attention(
                hold: nil, findings: stood.findings, session: entry(id: stood.hold?.session.id), review: stood.review,
                redFlagsSeen: stood.redFlagsSeen, stood: stood.days)
        }
        func annotated(_ item: Attention) -> Attention {
            var item = item
            item.recordedToday = item.localTime.date == today
            if item.first.rule == RedFlagRule.id, item.stood == nil {
                item.notYetSeen =
                    self.standing == nil ? false : standing.contains { Self.key($0) == Self.key(item.first) }
                if !item.notYetSeen, self.standing != nil {
                    item.redFlagsSeen = redFlagReviews.first { $0.reviewedAt >= item.first.performedAt }
                }
            }
            return item
        }
        func rank(_ rule: String) -> Int { Rules.ids.firstIndex(of: rule) ?? Rules.ids.count }
        // Newest first, so that each kind is told by its newest and the others are earlier.
        let candidates = (groups + untold + stretches + liftedItems).map(annotated).sorted {
            ($1.severity, rank($0.first.rule), $1.first.performedAt)
                < ($0.severity, rank($1.first.rule), $0.first.performedAt)
        }
        var items: [Attention] = []
        var kinds: [String: Int] = [:]
        for group in candidates {
            guard group.review == nil, group.stood == nil else {
                items.append(group)
                continue
            }
            var kind =
                "\(group.severity.rawValue)|\(group.subject)|\(group.findings.map(\.rule).joined(separator: ","))"
            if group.first.rule == RedFlagRule.id {
                kind +=
                    "|\(group.findings.map(\.message).joined(separator: "|"))|\(group.notYetSeen)"
                    + "|\(group.redFlagsSeen?.id.map(String.init) ?? "-")"
            }
            if let at = kinds[kind] {
                items[at].earlier.append(group.first)
            } else {
                kinds[kind] = items.count
                items.append(group)
            }
        }
        // A red flag still standing at the period's end is told with its days, as a hold standing
        // then is: from the oldest check-in told with it to the period's last day.
        for index in items.indices where items[index].notYetSeen {
            let began = ([items[index].first] + items[index].earlier).map(\.localTime.date).min() ?? period.to
            items[index].stood = Stood.days(from: began, to: nil, in: period)
        }
        let severe = items.filter { $0.severity > .stop }
        let stops = items.filter { $0.severity == .stop }
        let mild = items.filter { $0.severity < .stop }
        return severe + holdItems.map(annotated) + stops + mild
    }

    /// What tells two findings apart: rule, severity and what they are about.
    static func key(_ finding: Finding) -> String {
        "\(finding.rule)/\(finding.severity.rawValue)/\(finding.entryID ?? 0)/\(finding.checkInID ?? 0)"
    }
}
