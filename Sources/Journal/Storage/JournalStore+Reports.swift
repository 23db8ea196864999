import GRDB

/// The reports' reads: what a ``ProgressReport`` is made from.
extension JournalStore {
    /// The progress report for `period`, optionally for one exercise, with the rules' findings and
    /// the holds that stand now, its advice in the words of `region` (the region in force).
    public func progressReport(for period: Period, exerciseID: String? = nil, region: RegionSetting) throws
        -> ProgressReport
    {
        let range = period.previous.widestUTCRange.lowerBound..<period.widestUTCRange.upperBound
        let entries = try entriesForRules(performedIn: range, exerciseID: exerciseID)
        let checkIns = exerciseID == nil ? try checkIns(performedIn: range) : []
        let plan = try plan().filter { exerciseID == nil || $0.exerciseID == exerciseID }
        let reviews = try reviews(performedIn: period.widestUTCRange).filter {
            exerciseID == nil || $0.exerciseID == exerciseID
        }
        let holds = try holds().filter { exerciseID == nil || $0.exerciseID == exerciseID }
        let standing = exerciseID == nil ? try standing(today: period.to) : nil
        // The worsening trend as of the period's last day is one of the period's findings too.
        let worsening = standing?.findings.filter { $0.rule == WorseningRule.id } ?? []
        var report = ProgressReport.make(
            entries: entries, checkIns: checkIns, period: period, region: region,
            findings: Rules.sorted(Rules.evaluate(entries: entries, checkIns: checkIns) + worsening), plan: plan,
            reviews: reviews, holds: holds, journalBegan: try journalBegan())
        report.standing = standing
        if exerciseID == nil {
            let psfs = try psfs()
            report.psfs = psfs.activities.isEmpty ? nil : psfs
            report.redFlagReviews = try redFlagReviews(performedIn: period.widestUTCRange.lowerBound..<Int64.max)
        }
        return report
    }

    /// The local day of the journal's first entry or check-in, whichever came first; `nil` for an
    /// empty journal.
    ///
    /// Local days follow each row's own clock offset, so the earliest moment need not be on the
    /// earliest day: every row within 36 hours (the widest spread of offsets) of the first is read.
    public func journalBegan() throws -> LocalDate? {
        try reading { db in
            var first: LocalDate?
            for table in ["entries", "checkins"] {
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT performed_at, utc_offset FROM \(table)
                        WHERE performed_at <= (SELECT min(performed_at) FROM \(table)) + 129600
                        ORDER BY performed_at
                        """)
                for row in rows {
                    let day = LocalDateTime(unixSeconds: row["performed_at"], utcOffset: row["utc_offset"]).date
                    if first.map({ day < $0 }) ?? true { first = day }
                }
            }
            return first
        }
    }
}

extension JournalStore {
    /// What the plan asks of `today` (``DailyRoutine``).
    public func routine(today: LocalDate) throws -> DailyRoutine {
        let week = Period(from: today.startOfWeek, to: today) ?? .week(endingOn: today)
        return DailyRoutine.make(
            plan: try plan(), entries: try entries(performedIn: week.widestUTCRange), holds: try holds(), today: today)
    }

    /// The session for `naming` (empty: what is due `today`), read from the journal (``SessionPlan``).
    public func session(today: LocalDate, naming: [String]) throws -> SessionPlan {
        try SessionPlan.make(
            routine: routine(today: today), plan: plan(), holds: holds(), catalog: catalog(), naming: naming)
    }

    /// The plan's item for one exercise, if it is planned.
    public func planItem(exerciseID: String) throws -> PlanItem? {
        try plan().first { $0.exerciseID == exerciseID }
    }
}
