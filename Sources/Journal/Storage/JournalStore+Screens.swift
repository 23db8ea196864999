import GRDB

/// What `journal check` shows, read in one transaction: what stands, and the region whose words
/// its advice uses.
public struct CheckSnapshot: Sendable, Hashable {
    public var standing: Standing
    /// The region in force (``RegionSetting/inForce(stored:environment:)``).
    public var region: RegionSetting
    /// The values in the file journal never writes, read in the same transaction (``StoredValueProblem``).
    public var problems: [StoredValueProblem] = []
}

/// What `journal today` shows, read in one transaction: the plan's day, what stands, and the
/// region whose words its advice uses.
public struct TodaySnapshot: Sendable, Hashable {
    public var routine: DailyRoutine
    public var standing: Standing
    /// The region in force (``RegionSetting/inForce(stored:environment:)``).
    public var region: RegionSetting
    /// The values in the file journal never writes, read in the same transaction (``StoredValueProblem``).
    public var problems: [StoredValueProblem] = []
    /// The exercises, built in and one's own (archived too), for how each is measured.
    public var catalog: Catalog = .builtIn
}

/// What a screen shows, read in one transaction with the values in the file journal never writes
/// (``StoredValueProblem``), so that the damage it names is that of what it showed.
///
/// ```swift
/// let read = try store.listSnapshot(exerciseID: nil, limit: 20)
/// read.value      // the entries, newest first
/// read.problems   // empty for a journal in order
/// ```
public struct ScreenSnapshot<Value: Sendable>: Sendable {
    public var value: Value
    /// The values in the file journal never writes, read in the same transaction as ``value``.
    public var problems: [StoredValueProblem]
}

/// What `journal session` reads before it asks anything, in one transaction: what stands (the
/// red-flag gate), the region whose words its advice uses, and what a session is made from.
public struct SessionSnapshot: Sendable {
    public var standing: Standing
    /// The region in force (``RegionSetting/inForce(stored:environment:)``).
    public var region: RegionSetting
    /// What the plan asks of the day.
    public var routine: DailyRoutine
    /// The values in the file journal never writes, read in the same transaction (``StoredValueProblem``).
    public var problems: [StoredValueProblem] = []
    let plan: [PlanItem]
    let holds: [Hold]
    let catalog: Catalog

    /// The session for `naming` (ids, aliases or names; empty for what is due), from this snapshot
    /// (``SessionPlan/make(routine:plan:holds:catalog:naming:)``).
    public func session(naming: [String]) throws -> SessionPlan {
        try SessionPlan.make(routine: routine, plan: plan, holds: holds, catalog: catalog, naming: naming)
    }
}

/// One read per screen: each reads everything its command shows in one read transaction, so that
/// no other process's write can split the picture, and reads every exercise's holds at once.
///
/// The region in force is part of the read: the journal's setting is read first, in the same
/// transaction, and resolved against `environment` (`JOURNAL_REGION`, the locale) before anything
/// else, so an unknown `JOURNAL_REGION` is refused as soon as the journal could be read.
extension JournalStore {
    /// What stands on `today` (`journal check`; ``Standing``).
    public func standing(today: LocalDate) throws -> Standing {
        try reading { db in try Self.standing(today: today, db).standing }
    }

    /// Every finding that stands today (``Standing/findings``).
    public func currentFindings(today: LocalDate) throws -> [Finding] {
        try standing(today: today).findings
    }

    /// What `journal check` shows: what stands on `today` and the region in force.
    public func checkSnapshot(today: LocalDate, environment: [String: String], now: Int64? = nil) throws
        -> CheckSnapshot
    {
        try reading { db in
            let region = try Self.region(environment: environment, db)
            return CheckSnapshot(
                standing: try Self.standing(today: today, db).standing, region: region,
                problems: try StoredValues.problems(db, now: now))
        }
    }

    /// What `journal today` shows: the plan's day, what stands and the region in force.
    public func todaySnapshot(today: LocalDate, environment: [String: String], now: Int64? = nil) throws
        -> TodaySnapshot
    {
        try reading { db in
            let region = try Self.region(environment: environment, db)
            let (standing, holds) = try Self.standing(today: today, db)
            return TodaySnapshot(
                routine: try Self.routine(today: today, plan: ExerciseQueries.plan(db), holds: holds, db),
                standing: standing, region: region, problems: try StoredValues.problems(db, now: now),
                catalog: try ExerciseQueries.catalog(db, includingArchived: true))
        }
    }

    /// What `journal session` reads before it asks anything (``SessionSnapshot``).
    public func sessionSnapshot(today: LocalDate, environment: [String: String], now: Int64? = nil) throws
        -> SessionSnapshot
    {
        try reading { db in
            let region = try Self.region(environment: environment, db)
            let (standing, holds) = try Self.standing(today: today, db)
            let plan = try ExerciseQueries.plan(db)
            return SessionSnapshot(
                standing: standing, region: region,
                routine: try Self.routine(today: today, plan: plan, holds: holds, db),
                problems: try StoredValues.problems(db, now: now), plan: plan, holds: holds,
                catalog: try ExerciseQueries.catalog(db, includingArchived: false))
        }
    }

    /// What the plan asks of `today` (``DailyRoutine``).
    public func routine(today: LocalDate) throws -> DailyRoutine {
        try reading { db in
            try Self.routine(
                today: today, plan: ExerciseQueries.plan(db), holds: HoldQueries.holds(db, asOf: today), db)
        }
    }

    /// The plan's item for one exercise, if it is planned.
    public func planItem(exerciseID: String) throws -> PlanItem? {
        try plan().first { $0.exerciseID == exerciseID }
    }

    /// The progress report for `period`, made on `today`, optionally for one exercise, with the
    /// rules' findings and the holds and red flags that stood on the period's last day, its advice
    /// in the words of the region in force (the journal's setting and `environment`,
    /// ``RegionSetting/inForce(stored:environment:)``).
    ///
    /// It reads only the reviews and the records that a doctor has seen the red flags dated by
    /// the period's last day (``AsOf``): a report ending today reads what `journal check` reads.
    public func progressReport(
        for period: Period, today: LocalDate, exerciseID: String? = nil, environment: [String: String]
    ) throws -> ProgressReport {
        try reading { db in
            try Self.progressReport(for: period, today: today, exerciseID: exerciseID, environment: environment, db)
        }
    }

    /// What `journal report` shows: ``progressReport(for:today:exerciseID:environment:)``, with the
    /// values journal never writes, in one transaction.
    public func reportSnapshot(
        for period: Period, today: LocalDate, exerciseID: String? = nil, environment: [String: String],
        now: Int64? = nil
    ) throws -> ScreenSnapshot<ProgressReport> {
        try screen(now: now) { db in
            try Self.progressReport(for: period, today: today, exerciseID: exerciseID, environment: environment, db)
        }
    }

    /// What `journal list` shows: entries newest first, optionally of one exercise and at most
    /// `limit` of them (``entries(exerciseID:limit:)``), with the values journal never writes.
    public func listSnapshot(exerciseID: String?, limit: Int?, now: Int64? = nil) throws -> ScreenSnapshot<[Entry]> {
        try screen(now: now) { db in try EntryQueries.latest(db, exerciseID: exerciseID, limit: limit) }
    }

    /// What `journal checkins` shows: the latest check-ins, newest first (``checkIns(limit:)``),
    /// with the values journal never writes.
    public func checkInsSnapshot(limit: Int?, now: Int64? = nil) throws -> ScreenSnapshot<[CheckIn]> {
        try screen(now: now) { db in try Self.checkIns(limit: limit, db) }
    }

    /// What `journal plan` shows (``plan()``), with the values journal never writes.
    public func planSnapshot(now: Int64? = nil) throws -> ScreenSnapshot<[PlanItem]> {
        try screen(now: now) { db in try ExerciseQueries.plan(db) }
    }

    /// What `journal psfs` shows (``psfs()``), with the values journal never writes.
    public func psfsSnapshot(now: Int64? = nil) throws -> ScreenSnapshot<PSFSSummary> {
        try screen(now: now) { db in try Self.psfs(db) }
    }

    /// What stands on `today` (``standing(today:)``), with the values journal never writes: what a
    /// write (`log`, `checkin`) says after it, read once it is saved.
    public func standingSnapshot(today: LocalDate, now: Int64? = nil) throws -> ScreenSnapshot<Standing> {
        try screen(now: now) { db in try Self.standing(today: today, db).standing }
    }

    /// The local day of the journal's first entry or check-in, whichever came first; `nil` for an
    /// empty journal.
    public func journalBegan() throws -> LocalDate? {
        try reading { db in try Self.journalBegan(db) }
    }

    // MARK: Building blocks

    /// ``progressReport(for:today:exerciseID:environment:)`` in the transaction `db`.
    private static func progressReport(
        for period: Period, today: LocalDate, exerciseID: String?, environment: [String: String], _ db: Database
    ) throws -> ProgressReport {
        let region = try Self.region(environment: environment, db)
        // The period before (the comparison) and the 13 days before the first (the pain trend as
        // of each day's end, ``WorseningRule/stretches(in:over:)``), whichever reach further back.
        let trendFrom = period.from.adding(days: -(2 * Thresholds.worseningDays - 1))
        let earliest = Period(from: min(trendFrom, period.previous.from), to: period.to) ?? period
        let range = earliest.widestUTCRange
        let entries = try EntryQueries.entriesForRules(db, performedIn: range, exerciseID: exerciseID)
        let checkIns = exerciseID == nil ? try CheckIn.fetchAll(db, performedIn: range) : []
        let plan = try ExerciseQueries.plan(db).filter { exerciseID == nil || $0.exerciseID == exerciseID }
        let reviews = try HoldQueries.reviews(db, in: period.widestUTCRange).filter {
            exerciseID == nil || $0.exerciseID == exerciseID
        }
        let (allHolds, reviewed) = try HoldQueries.holdsAndReviews(db, asOf: period.to)
        let holds = allHolds.filter { exerciseID == nil || $0.exerciseID == exerciseID }
        // As of the period's last day, every part of it: a hold begun after the period is not in
        // it, and a review or a doctor's visit dated after it did not answer anything yet.
        let standing =
            exerciseID == nil
            ? try Self.standing(
                today: period.to,
                holds: ProgressReport.holds(allHolds, begunBy: period.to, isToday: period.to >= today),
                reviews: reviewed, isToday: period.to >= today, db)
            : nil
        // The worsening trend as of the period's last day is one of the period's findings too.
        let worsening = standing?.findings.filter { $0.rule == WorseningRule.id } ?? []
        var report = ProgressReport.make(
            entries: entries, checkIns: checkIns, period: period, region: region,
            findings: Rules.sorted(Rules.evaluate(entries: entries, checkIns: checkIns) + worsening), plan: plan,
            reviews: reviews, holds: holds, journalBegan: try Self.journalBegan(db), endsToday: period.to >= today)
        report.standing = standing
        report.reviewsWithoutHold = try HoldQueries.reviewsAnsweringNothing(db, report.reviews)
        // Evaluated in memory, from the entries already read: one pass over them, then 14 days'
        // sums a day. The trend is the whole journal's: a report on one exercise tells the same
        // stretches, those its sessions were part of (one in the 7 days up to any day of the stretch).
        if exerciseID != nil {
            let all = try EntryQueries.entriesForRules(db, performedIn: range, exerciseID: nil)
            report.worsening = WorseningRule.stretches(in: all, over: period).filter { stretch in
                let from = stretch.days.lowerBound.adding(days: -(Thresholds.worseningDays - 1))
                return entries.contains { (from...stretch.days.upperBound).contains($0.localTime.date) }
            }
        } else {
            report.worsening = WorseningRule.stretches(in: entries, over: period)
        }
        if exerciseID == nil {
            let psfs = PSFSSummary.make(
                activities: try PSFSQueries.activities(db), ratings: try PSFSQueries.ratings(db)
            ).forReport(period)
            report.psfs = psfs.activities.isEmpty ? nil : psfs
            report.redFlagReviews = try RedFlagReviewQueries.reviews(
                db, where: "reviewed_at >= ? AND reviewed_at < ? ORDER BY reviewed_at, uid",
                arguments: [period.widestUTCRange.lowerBound, Int64.max])
        }
        report.stood = try stood(
            in: period, exerciseID: exerciseID, reviews: report.reviews,
            redFlagReviews: report.redFlagReviews.filter { period.contains($0.localTime.date) }, db)
        return report
    }

    /// The holds and red flags that stood on days of `period` (``ProgressReport/Stood``), oldest
    /// first: those standing at the end of the day before it, and each begun inside it, up to the
    /// record dated in it that covers each (`reviews`, `redFlagReviews`: the period's, oldest first).
    ///
    /// A hold stands from its rising session to the first of its exercise's reviews that covers
    /// that session; the next hold is then the first session that review does not cover
    /// (``HoldQueries/hold(exerciseID:review:_:)``), one read for each hold lifted. Red flags stand
    /// from their check-in to the first record that covers it. For one exercise, its holds only.
    private static func stood(
        in period: Period, exerciseID: String?, reviews: [Review], redFlagReviews: [RedFlagReview], _ db: Database
    ) throws -> [ProgressReport.Stood] {
        let dayBefore = period.from.adding(days: -1)
        var standing: [String: Hold] = [:]
        for hold in try HoldQueries.holds(db, asOf: dayBefore)
        where (exerciseID == nil || hold.exerciseID == exerciseID) && hold.since.localTime.date <= period.to {
            standing[hold.exerciseID] = hold
        }
        var stood: [ProgressReport.Stood] = []
        for review in reviews {
            guard let hold = standing[review.exerciseID],
                HoldRule.answers(review.mark, hold.since, recorded: hold.session.recorded)
            else { continue }
            stood.append(.hold(hold, liftedBy: review, in: period))
            standing[review.exerciseID] =
                try HoldQueries.hold(exerciseID: review.exerciseID, review: review.mark, db).flatMap {
                    $0.since.localTime.date <= period.to ? $0 : nil
                }
        }
        stood += standing.values.map { .hold($0, liftedBy: nil, in: period) }
        if exerciseID == nil {
            var open = try RedFlagReviewQueries.standingCheckIns(
                db, review: try RedFlagReviewQueries.latest(db, asOf: dayBefore)
            ).filter { $0.localTime.date <= period.to }
            for seen in redFlagReviews {
                let covered = open.filter(seen.covers)
                guard !covered.isEmpty else { continue }
                open.removeAll(where: seen.covers)
                stood += ProgressReport.Stood.redFlags(covered, liftedBy: seen, in: period)
            }
            if !open.isEmpty { stood += ProgressReport.Stood.redFlags(open, liftedBy: nil, in: period) }
        }
        return stood.sorted { ($0.first.performedAt, $0.first.subject) < ($1.first.performedAt, $1.first.subject) }
    }

    /// What `body` reads and the values journal never writes (with `now`, those dated ahead of it
    /// too), in one read transaction.
    private func screen<Value: Sendable>(now: Int64?, _ body: (Database) throws -> Value) throws -> ScreenSnapshot<
        Value
    > {
        try reading { db in ScreenSnapshot(value: try body(db), problems: try StoredValues.problems(db, now: now)) }
    }

    /// The exercises (``catalog(includingArchived:)``) and the values journal never writes, in one
    /// read: what `journal exercises` and `journal exercises show` show and name.
    public func catalogSnapshot(includingArchived: Bool = false, now: Int64? = nil) throws -> ScreenSnapshot<Catalog> {
        try screen(now: now) { db in try ExerciseQueries.catalog(db, includingArchived: includingArchived) }
    }

    /// The journal's region as stored (``SettingsQueries/region(_:)``) and the values journal never
    /// writes, in one read: what `journal config get` and `journal safety` show and name.
    public func storedRegionSnapshot(now: Int64? = nil) throws -> ScreenSnapshot<String?> {
        try screen(now: now) { db in try SettingsQueries.region(db) }
    }

    /// The region in force: the journal's setting, read in this transaction, and `environment`.
    private static func region(environment: [String: String], _ db: Database) throws -> RegionSetting {
        try RegionSetting.inForce(stored: SettingsQueries.region(db), environment: environment)
    }

    /// What stands on `today` and every hold that stands on it, as a report ending `today` reads
    /// them: only the reviews and the records that a doctor has seen the red flags dated by the
    /// end of `today`, each on its own clock (``AsOf``).
    static func standing(today: LocalDate, _ db: Database) throws -> (standing: Standing, holds: [Hold]) {
        let (holds, reviewed) = try HoldQueries.holdsAndReviews(db, asOf: today)
        return (try standing(today: today, holds: holds, reviews: reviewed, db), holds)
    }

    /// What stands on `today`, given the holds that stand and each exercise's latest review, both
    /// read as of `today` (``HoldQueries/holdsAndReviews(_:asOf:)``): the reads of
    /// ``Standing/make(date:entries:checkIns:reviews:holds:redFlagCheckIns:redFlagReview:reminders:)``,
    /// with the records that a doctor has seen the red flags dated by `today` (``AsOf``).
    ///
    /// `isToday` false for a past day (a report's last day): red flags recorded after it do not stand
    /// on it; today every red flag recorded does (``Standing/make(date:entries:checkIns:reviews:holds:redFlagCheckIns:redFlagReview:reminders:isToday:)``).
    static func standing(
        today: LocalDate, holds: [Hold], reviews: [String: Review.Mark], isToday: Bool = true, _ db: Database
    ) throws -> Standing {
        let days = 2 * max(Thresholds.worseningDays, Thresholds.currentDays)
        let window = Period(from: today.adding(days: -(days - 1)), to: today) ?? .week(endingOn: today)
        let checkInWindow = Period(from: today.adding(days: -Thresholds.currentDays), to: today) ?? window
        let redFlagReview = try RedFlagReviewQueries.latest(db, asOf: today)
        let psfs = PSFSSummary.make(activities: try PSFSQueries.activities(db), ratings: try PSFSQueries.ratings(db))
        return Standing.make(
            date: today,
            entries: try EntryQueries.entriesForRules(db, performedIn: window.widestUTCRange, exerciseID: nil),
            checkIns: try CheckIn.fetchAll(db, performedIn: checkInWindow.widestUTCRange),
            reviews: reviews, holds: holds,
            redFlagCheckIns: try RedFlagReviewQueries.standingCheckIns(db, review: redFlagReview),
            redFlagReview: redFlagReview, reminders: [psfs.reminder(today: today)].compactMap { $0 },
            isToday: isToday)
    }

    /// What `plan` asks of `today`, given every hold that stands: the week's entries so far.
    private static func routine(today: LocalDate, plan: [PlanItem], holds: [Hold], _ db: Database) throws
        -> DailyRoutine
    {
        let week = Period(from: today.startOfWeek, to: today) ?? .week(endingOn: today)
        return DailyRoutine.make(
            plan: plan, entries: try EntryQueries.entries(db, performedIn: week.widestUTCRange, exerciseID: nil),
            holds: holds, today: today)
    }

    /// The local day of the journal's first entry or check-in.
    ///
    /// Local days follow each row's own clock offset, so the earliest moment need not be on the
    /// earliest day: every row within 36 hours (the widest spread of offsets) of the first is read.
    private static func journalBegan(_ db: Database) throws -> LocalDate? {
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
