/// What a person did in a period and how their pain went: the figures behind `journal report`.
///
/// Built by ``make(entries:checkIns:period:findings:plan:reviews:holds:journalBegan:)`` from plain
/// values; renderers turn it into text, Markdown, JSON or HTML. Entries count on the local day they
/// were performed, by the clock offset stored with each, so an entry at 23:30 belongs to that
/// evening whatever its UTC date.
///
/// When the journal began inside the period, days and the plan are counted from that day
/// (``countedFrom``), not from the period's first day.
///
/// ```swift
/// let findings = Rules.evaluate(entries: entries, checkIns: checkIns)
/// let report = ProgressReport.make(
///     entries: entries, checkIns: checkIns, period: .week(endingOn: today), findings: findings)
/// report.daysActive // 4: the days with at least one entry
/// report.comparison.verdict // .improvement, when mean pain before fell by 2 points or 30%
/// ```
public struct ProgressReport: Sendable, Hashable {
    /// Sums and counts of pain readings, kept exact so means and thresholds are exact.
    public struct PainTally: Sendable, Hashable {
        public var count = 0
        public var beforeSum = 0
        public var afterSum = 0
        /// The highest pain after of any reading, the spike a mean hides; `nil` without readings.
        public var afterMax: Int?

        public init() {}

        mutating func add(_ entry: Entry) {
            count += 1
            beforeSum += entry.painBefore.value
            afterSum += entry.painAfter.value
            afterMax = max(afterMax ?? 0, entry.painAfter.value)
        }

        /// Adds another tally's readings, as if each were added here.
        mutating func add(_ other: PainTally) {
            count += other.count
            beforeSum += other.beforeSum
            afterSum += other.afterSum
            afterMax = [afterMax, other.afterMax].compactMap { $0 }.max()
        }

        public var beforeMean: Double? { count == 0 ? nil : Double(beforeSum) / Double(count) }
        public var afterMean: Double? { count == 0 ? nil : Double(afterSum) / Double(count) }
        /// Mean of (after − before).
        public var changeMean: Double? { count == 0 ? nil : Double(afterSum - beforeSum) / Double(count) }
    }

    /// One exercise's figures in the period.
    public struct ExerciseSummary: Sendable, Hashable {
        public var exerciseID: String
        public var sessions: Int { pain.count }
        /// Sum of sets.
        public var sets = 0
        /// Total repetitions, Σ sets × reps over entries with reps; `nil` when none had reps.
        public var reps: Int?
        /// Total seconds held, Σ sets × hold over entries with a hold; `nil` when none had one.
        public var holdSeconds: Int?
        public var pain = PainTally()
        /// Sessions with at least one finding.
        public var flagged = 0
    }

    /// One day's figures.
    public struct DaySummary: Sendable, Hashable {
        public var date: LocalDate
        public var pain = PainTally()
        public var entries: Int { pain.count }
        /// Sessions that day with at least one finding.
        public var flagged = 0
        public var checkIns = CheckInTally()
        /// Every finding dated that day: sessions', check-ins' (red flags, next morning) alike.
        public var findings = 0
        /// The most severe of those findings.
        public var worstSeverity: Finding.Severity?
    }

    /// Check-in pain readings, summed exactly.
    public struct CheckInTally: Sendable, Hashable {
        public var count = 0
        public var painSum = 0

        public init() {}

        mutating func add(_ checkIn: CheckIn) {
            count += 1
            painSum += checkIn.pain.value
        }

        public var painMean: Double? { count == 0 ? nil : Double(painSum) / Double(count) }
    }

    /// One part of a planned dose (sets, reps or hold) against what each session did.
    public struct DoseCheck: Sendable, Hashable {
        /// How the sessions compare with the plan, taken together.
        public enum Verdict: String, Sendable, Hashable {
            /// Every session recorded the value and matched the plan.
            case asPlanned = "as planned"
            /// At least one session below the plan, none above.
            case under
            /// At least one session above the plan, none below.
            case over
            /// Some sessions below the plan and some above.
            case mixed
            /// No session was below or above the plan, and at least one did not record the value:
            /// a session without reps is never counted as planned.
            case notRecorded = "not recorded"
        }

        /// The planned value: sets, reps per set or seconds per hold, of the latest dose counted
        /// (each session is judged against the dose in force the day it was done).
        public var planned: Int
        public var under = 0
        public var asPlanned = 0
        public var over = 0
        /// Sessions that did not record the value (no reps given for a planned number of reps).
        public var notRecorded = 0

        public init(planned: Int) { self.planned = planned }

        /// Adds a session that did `done` where its day's dose planned `planned`.
        mutating func add(_ done: Int?, planned: Int) {
            guard let done else {
                notRecorded += 1
                return
            }
            if done < planned {
                under += 1
            } else if done > planned {
                over += 1
            } else {
                asPlanned += 1
            }
        }

        public var sessions: Int { under + asPlanned + over + notRecorded }

        /// `nil` when there were no sessions to compare.
        public var verdict: Verdict? {
            guard sessions > 0 else { return nil }
            switch (under > 0, over > 0) {
            case (false, false): return notRecorded == 0 ? .asPlanned : .notRecorded
            case (true, false): return .under
            case (false, true): return .over
            case (true, true): return .mixed
            }
        }
    }

    /// Sessions and dose done against the plan, for one planned exercise.
    public struct Adherence: Sendable, Hashable {
        public var exerciseID: String { plan.exerciseID }
        /// The plan item, as set, with its earlier doses.
        public var plan: PlanItem
        /// The first day counted: the latest of the period's first day, the day the journal began
        /// and the day the exercise entered the plan (its first dose's start): ``countedFromRule``.
        public var countedFrom: LocalDate
        /// Days from ``countedFrom`` to the period's last day.
        public var daysCounted: Int
        /// Sessions done from ``countedFrom``, a left and a right on one day one session (``Workouts``).
        public var done: Int
        /// The sum over the days counted of the sessions a week in force that day, / 7, rounded.
        public var planned: Int
        /// The doses in force on the days counted, oldest first (more than one when the dose
        /// changed during them); each session is judged against the one in force its day.
        public var doses: [PlanItem]
        /// The sessions a week of the dose in force on the period's last day (the last of ``doses``):
        /// never a dose set ahead, which starts after the period.
        public var perWeek: Int { (doses.last ?? plan).perWeek }
        /// The doses of ``doses`` that changed the sessions a week, oldest first, the first always:
        /// one when the frequency held through the days counted (5, then 3 from a day: two).
        public var frequencies: [PlanItem] {
            doses.enumerated().filter { index, dose in index == 0 || doses[index - 1].perWeek != dose.perWeek }
                .map(\.element)
        }
        /// Each session's sets, reps and hold against the plan's (reps and hold only when planned).
        public var sets: DoseCheck
        public var reps: DoseCheck?
        public var hold: DoseCheck?

        /// How ``countedFrom`` is chosen, in the words every format's footnote uses.
        public static let countedFromRule =
            "the latest of the period's first day, the day the journal began and the day the exercise entered "
            + "the plan"

        /// done / planned, or `nil` when nothing was planned in the period.
        public var fraction: Double? { planned == 0 ? nil : Double(done) / Double(planned) }

        /// The dose checks with their names, in order: sets, reps, hold seconds.
        public var doseChecks: [(name: String, check: DoseCheck)] {
            [("sets", sets), ("reps", reps), ("hold seconds", hold)].compactMap { name, check in
                check.map { (name, $0) }
            }
        }
    }

    /// How mean pain before compares with the period just before.
    public struct Comparison: Sendable, Hashable {
        public enum Verdict: String, Sendable, Hashable {
            case improvement = "improvement"
            case worsening = "worsening"
            case noMeaningfulChange = "no meaningful change"
            case noPreviousData = "no previous data"
            case noCurrentData = "no current data"
            /// The previous period holds fewer than ``minimumPreviousSessions`` sessions.
            case tooFewPrevious = "too few previous sessions"
        }

        /// The fewest sessions the previous period must hold for a verdict.
        ///
        /// With fewer, one unusual session decides it: a session 2 points off (the minimal
        /// important change itself) moves a mean of 1 session by 2 points and of 2 by 1, half the
        /// change a verdict needs; from 3 on it moves it by less than half (0.7). docs/report.md.
        public static let minimumPreviousSessions = 3

        public var period: Period
        public var previous: PainTally
        public var current: PainTally
        public var verdict: Verdict
        /// The day the journal began, when known: a previous period it began inside of holds
        /// fewer sessions for that reason, and the report says so.
        public var journalBegan: LocalDate? = nil

        /// Why no verdict is given, in the words every format uses.
        ///
        /// "the previous period holds 2 sessions, too few to compare (at least 3 are needed)"; `nil`
        /// unless the verdict is ``Verdict/tooFewPrevious``. JSON then writes no `change` either
        /// (`change_withheld`).
        public var withheld: String? {
            guard verdict == .tooFewPrevious else { return nil }
            return "the previous period holds \(Wording.count(previous.count, "session", "sessions")), too few to "
                + "compare (at least \(Self.minimumPreviousSessions) are needed)"
        }

        /// The journal began after the previous period's first day and by its last.
        public var journalBeganInside: Bool {
            guard let journalBegan else { return false }
            return journalBegan > period.from && journalBegan <= period.to
        }

        /// The verdict on `previous` against `current`: ``MinimalImportantChange``'s, unless the
        /// previous period holds too few sessions for one (``minimumPreviousSessions``).
        public static func verdict(previous: PainTally, current: PainTally) -> Verdict {
            let verdict = MinimalImportantChange.verdict(previous: previous, current: current)
            guard verdict != .noPreviousData, verdict != .noCurrentData else { return verdict }
            return previous.count < minimumPreviousSessions ? .tooFewPrevious : verdict
        }

        /// Current mean pain before minus the previous one.
        public var change: Double? {
            guard let now = current.beforeMean, let then = previous.beforeMean else { return nil }
            return now - then
        }

        /// ``change`` as a fraction of the previous mean; `nil` when that was 0.
        public var relativeChange: Double? {
            guard let change, let then = previous.beforeMean, then > 0 else { return nil }
            return change / then
        }

        /// The change as shown, in tenths of a point (7.0 → 5.0 is -20).
        ///
        /// The current mean rounded to one decimal minus the previous one; the verdict is decided
        /// on these figures.
        public var shownChangeTenths: Int? {
            guard let now = current.beforeMean, let then = previous.beforeMean else { return nil }
            return Figures.tenths(now) - Figures.tenths(then)
        }

        /// The shown change as a whole percentage of the shown previous mean (3.0 → 2.1 is -30);
        /// `nil` when that was 0.0.
        public var shownPercent: Int? {
            guard let now = current.beforeMean, let then = previous.beforeMean else { return nil }
            return MinimalImportantChange.percent(fromTenths: Figures.tenths(then), toTenths: Figures.tenths(now))
        }
    }

    /// A note from the journal, on an entry, a check-in or a PSFS rating.
    public struct Note: Sendable, Hashable {
        /// What the note is written on.
        public enum Source: String, Sendable, Hashable {
            case entry
            case checkIn = "checkin"
            case psfsRating = "psfs"
        }

        public var source: Source
        /// The entry's or check-in's id.
        public var id: Int64?
        /// The exercise of an entry; `nil` for a check-in.
        public var exerciseID: String?
        /// Unix seconds (UTC), for ordering.
        public var performedAt: Int64
        public var localTime: LocalDateTime
        /// The note, whole, as written.
        public var text: String
        /// The activity of a PSFS rating, in the person's words; `nil` otherwise.
        public var activity: String? = nil

        /// What it is about, for people: the exercise id, "check-in", or "PSFS putting on socks".
        public var subject: String { exerciseID ?? activity.map { "PSFS " + $0 } ?? "check-in" }
    }

    public var period: Period
    /// The region in force when the report was made: its advice is in that region's words, and
    /// the report says which.
    public var region: RegionSetting
    /// Exercises done, by id.
    public var exercises: [ExerciseSummary]
    /// Every day of the period in order, active or not.
    public var days: [DaySummary]
    public var pain: PainTally
    /// Check-ins (daily pain readings) in the period.
    public var checkIns: CheckInTally
    public var comparison: Comparison
    /// Findings about entries in the period, most severe first.
    public var findings: [Finding]
    /// The entries of the period, oldest first (the HTML report lists them with their notes).
    public var entries: [Entry] { didSet { entriesByID = Self.byID(entries) } }
    /// ``entries`` by id, built once whenever they are set: a session is looked up, never scanned for.
    private var entriesByID: [Int64: Entry]
    /// Sessions done against the physiotherapist's plan, by exercise; empty without a plan.
    public var adherence: [Adherence]
    /// The check-ins of the period, oldest first, with their red flags and notes.
    public var checkInReadings: [CheckIn] = []
    /// The Patient-Specific Functional Scale since its baseline; `nil` without activities.
    public var psfs: PSFSSummary?
    /// Physiotherapists' reviews (`journal resume`) in the period, oldest first.
    public var reviews: [Review] = []
    /// Exercises on hold on the period's last day, with only the reviews dated by then counted,
    /// whose hold began by that day, oldest hold first: each stands until a physiotherapist's
    /// review (``HoldRule``).
    public var holds: [Hold] = []
    /// The local day of the journal's first entry or check-in; `nil` when not known (an empty journal).
    public var journalBegan: LocalDate?
    /// What stands as of the period's last day (``Standing``).
    ///
    /// Shown in Needs attention with the period's own findings. Its holds are ``holds``: those
    /// standing on that day that began by it (``holds(_:begunBy:)``), never one begun after the
    /// period, and its red flags those no record dated by that day covers.
    public var standing: Standing?
    /// The holds of `holds` begun by `day`: a report's holds, in ``holds`` and in ``standing`` alike,
    /// are those standing on its last day (read with the reviews dated by then) that began by it.
    ///
    /// A report that ends today (`isToday`) keeps every hold, as `journal check` shows them: one
    /// whose stop is dated after today (a clock ahead, a value from outside) stands today too.
    public static func holds(_ holds: [Hold], begunBy day: LocalDate, isToday: Bool = false) -> [Hold] {
        isToday ? holds : holds.filter { $0.since.localTime.date <= day }
    }

    /// Each stretch of days of the period on which the pain trend stood, oldest first.
    ///
    /// Each day as of its end (``WorseningRule/stretches(in:over:)``): Needs attention tells each
    /// with its days, so a trend that stood for a week inside a longer period is told even when it
    /// no longer stands on its last day. A report on one exercise has the whole journal's stretches
    /// that exercise's sessions were part of (one in the 7 days up to any day of the stretch).
    public var worsening: [WorseningRule.Stretch] = []

    /// Each hold and the red flags of each tier that stood on days of the period, oldest first,
    /// with those days (``Stood``): Needs attention tells each one lifted inside the period with its
    /// days, as the pain trend's stretches are, so a hold that stood ten of its days is told even
    /// though it no longer stands on its last day.
    public var stood: [Stood] = []

    /// The ids of the period's reviews that answered no session in the journal as it is now.
    ///
    /// The session whose rise began the hold was deleted (or edited) after the review. They are told as
    /// reviews with their notes, never as a hold lifted, since no hold stood in what the journal holds.
    public var reviewsWithoutHold: Set<Int64> = []

    /// Whether `review` lifted a hold that the journal still holds (``reviewsWithoutHold``).
    public func liftedHold(_ review: Review) -> Bool {
        !(review.id.map(reviewsWithoutHold.contains) ?? false)
    }

    /// What a review did, as every format says it: "hold lifted", or "reviewed, no hold stood"
    /// for one whose hold is no longer in the journal (``reviewsWithoutHold``).
    public func reviewOutcome(_ review: Review) -> String {
        liftedHold(review) ? "hold lifted" : "reviewed, no hold stood"
    }

    /// Records that a doctor has seen the red flags (`journal resume --red-flags`) made in the
    /// period or after it, oldest first.
    public var redFlagReviews: [RedFlagReview] = []

    public var entryCount: Int { pain.count }
    public var daysActive: Int { days.filter { $0.entries > 0 }.count }
    public var isEmpty: Bool { entryCount == 0 && checkIns.count == 0 }

    /// The first day that counts: the period's first day, or the day the journal began when that
    /// falls later in the period (days before the journal cannot have had entries).
    public var countedFrom: LocalDate {
        guard let journalBegan, journalBegan > period.from, journalBegan <= period.to else { return period.from }
        return journalBegan
    }

    /// Whether the journal began after the period's first day, so that fewer days count.
    public var beganInsidePeriod: Bool { countedFrom > period.from }

    /// Days from ``countedFrom`` to the period's last day: the days active are out of these.
    public var daysCounted: Int { Int(period.to.daysSinceEpoch - countedFrom.daysSinceEpoch) + 1 }

    /// Every note of the period on entries, check-ins and PSFS ratings, oldest first (a review's
    /// note stays with the review).
    public var notes: [Note] {
        let all =
            entries.compactMap { entry in
                entry.note.map {
                    Note(
                        source: .entry, id: entry.id, exerciseID: entry.exerciseID, performedAt: entry.performedAt,
                        localTime: entry.localTime, text: $0)
                }
            }
            + checkInReadings.compactMap { checkIn in
                checkIn.note.map {
                    Note(
                        source: .checkIn, id: checkIn.id, exerciseID: nil, performedAt: checkIn.performedAt,
                        localTime: checkIn.localTime, text: $0)
                }
            }
            + (psfs?.activities ?? []).flatMap { item in
                item.ratings.compactMap { rating in
                    rating.note.flatMap { text in
                        period.contains(rating.localTime.date)
                            ? Note(
                                source: .psfsRating, id: rating.id, exerciseID: nil, performedAt: rating.ratedAt,
                                localTime: rating.localTime, text: text, activity: item.activity.activity)
                            : nil
                    }
                }
            }
        return all.sorted { ($0.performedAt, $0.id ?? 0) < ($1.performedAt, $1.id ?? 0) }
    }

    /// The period's sessions of one exercise, oldest first.
    public func sessions(of exerciseID: String) -> [Entry] {
        entries.filter { $0.exerciseID == exerciseID }
    }

    /// The period's entry (session) with this id, if there is one: a lookup, not a scan.
    public func entry(id: Int64?) -> Entry? {
        id.flatMap { entriesByID[$0] }
    }

    /// The review in the period that answered `finding`, if there is one.
    ///
    /// `finding` is a stop finding on a session, reviewed at or after it; the session is looked up
    /// by id (``entry(id:)``).
    public func review(answering finding: Finding) -> Review? {
        guard let exerciseID = finding.exerciseID else { return nil }
        let recorded = entry(id: finding.entryID)?.recorded
        return reviews.first {
            // A review answers too the sessions of its id in other letters (``Rules/current(entries:checkIns:reviews:today:)``).
            ($0.exerciseID == exerciseID || $0.exerciseID == Exercise.key(exerciseID))
                && HoldRule.answers($0.mark, finding, recorded: recorded)
        }
    }

    /// `entries` by id, the first of any that share one.
    private static func byID(_ entries: [Entry]) -> [Int64: Entry] {
        Dictionary(entries.compactMap { entry in entry.id.map { ($0, entry) } }) { first, _ in first }
    }

    /// Builds the report for `period` from `entries` and `checkIns` (any range; those outside
    /// the period and the one before it are ignored), the rules' `findings` (those dated
    /// outside the period are ignored), the region in force (whose words its advice uses), the plan, the reviews, the `holds` standing on the
    /// period's last day (those that began after it are ignored) and the day the journal began.
    public static func make(
        entries: [Entry], checkIns: [CheckIn] = [], period: Period, region: RegionSetting, findings: [Finding],
        plan: [PlanItem] = [], reviews: [Review] = [], holds: [Hold] = [], journalBegan: LocalDate? = nil,
        endsToday: Bool = false
    ) -> ProgressReport {
        var byExercise: [String: ExerciseSummary] = [:]
        var days = period.days.map { DaySummary(date: $0) }
        var pain = PainTally()
        var previous = PainTally()
        let previousPeriod = period.previous
        let periodFindings = Rules.sorted(findings.filter { period.contains($0.localTime.date) })
        let flaggedIDs = Set(periodFindings.compactMap(\.entryID))
        var periodEntries: [Entry] = []
        var checkInTally = CheckInTally()
        var readings: [CheckIn] = []
        func index(_ day: LocalDate) -> Int { Int(day.daysSinceEpoch - period.from.daysSinceEpoch) }
        for checkIn in checkIns {
            let day = checkIn.localTime.date
            guard period.contains(day) else { continue }
            readings.append(checkIn)
            checkInTally.add(checkIn)
            days[index(day)].checkIns.add(checkIn)
        }
        for finding in periodFindings {
            let i = index(finding.localTime.date)
            days[i].findings += 1
            days[i].worstSeverity = max(days[i].worstSeverity ?? finding.severity, finding.severity)
        }

        for entry in entries {
            let day = entry.localTime.date
            if previousPeriod.contains(day) { previous.add(entry) }
            guard period.contains(day) else { continue }
            periodEntries.append(entry)
            let flagged = entry.id.map(flaggedIDs.contains) ?? false
            pain.add(entry)
            days[index(day)].pain.add(entry)
            var summary = byExercise[entry.exerciseID] ?? ExerciseSummary(exerciseID: entry.exerciseID)
            summary.pain.add(entry)
            summary.sets += entry.sets
            if let reps = entry.reps { summary.reps = (summary.reps ?? 0) + entry.sets * reps }
            if let hold = entry.holdSeconds { summary.holdSeconds = (summary.holdSeconds ?? 0) + entry.sets * hold }
            if flagged {
                summary.flagged += 1
                days[index(day)].flagged += 1
            }
            byExercise[entry.exerciseID] = summary
        }
        periodEntries.sort { ($0.performedAt, $0.id ?? 0) < ($1.performedAt, $1.id ?? 0) }
        var report = ProgressReport(
            period: period,
            region: region,
            exercises: byExercise.values.sorted { $0.exerciseID < $1.exerciseID },
            days: days,
            pain: pain,
            checkIns: checkInTally,
            comparison: Comparison(
                period: previousPeriod, previous: previous, current: pain,
                verdict: Comparison.verdict(previous: previous, current: pain), journalBegan: journalBegan),
            findings: periodFindings,
            entries: periodEntries,
            entriesByID: byID(periodEntries),
            adherence: [],
            checkInReadings: readings.sorted { ($0.performedAt, $0.id ?? 0) < ($1.performedAt, $1.id ?? 0) },
            reviews: reviews.filter { period.contains($0.localTime.date) }.sorted {
                ($0.reviewedAt, $0.id ?? 0) < ($1.reviewedAt, $1.id ?? 0)
            },
            holds: Self.holds(holds, begunBy: period.to, isToday: endsToday).sorted {
                ($0.since.performedAt, $0.exerciseID) < ($1.since.performedAt, $1.exerciseID)
            },
            journalBegan: journalBegan)
        report.adherence = plan.sorted { $0.exerciseID < $1.exerciseID }.compactMap { item in
            report.adherence(to: item)
        }
        return report
    }

    /// The report of a journal file that does not exist yet: no entries, and, unless it is for one
    /// exercise, an empty standing as of the period's last day, as `journal check` shows one.
    public static func withoutJournal(period: Period, region: RegionSetting, exerciseID: String?) -> ProgressReport {
        var report = make(entries: [], period: period, region: region, findings: [])
        if exerciseID == nil { report.standing = Standing(date: period.to) }
        return report
    }

    /// The plan item against this period's sessions, counted from the latest of the period's
    /// first day, the day the journal began and the day the exercise entered the plan; each day
    /// plans the sessions a week in force that day, and each session is judged against the dose in
    /// force the day it was done; `nil` when the plan began after the period.
    func adherence(to item: PlanItem) -> Adherence? {
        let start = max(countedFrom, item.began ?? countedFrom)
        guard start <= period.to else { return nil }
        let daysCounted = Int(period.to.daysSinceEpoch - start.daysSinceEpoch) + 1
        // The checks name the latest dose counted; a part no dose counted plans is not checked.
        let doses = item.doses
        let counted = doses.indices.filter { index in
            let startsBy = doses[index].since.map { $0 <= period.to } ?? true
            let endsAfter = index + 1 == doses.count || doses[index + 1].since.map { $0 > start } ?? false
            return startsBy && endsAfter
        }.map { doses[$0] }
        let latest = counted.last ?? item.dose
        var sets = DoseCheck(planned: latest.sets)
        var reps = counted.last(where: { $0.reps != nil })?.reps.map(DoseCheck.init(planned:))
        var hold = counted.last(where: { $0.holdSeconds != nil })?.holdSeconds.map(DoseCheck.init(planned:))
        let sessions = entries.filter { $0.exerciseID == item.exerciseID && $0.localTime.date >= start }
        for entry in sessions {
            guard let dose = item.dose(on: entry.localTime.date) else { continue }
            sets.add(entry.sets, planned: dose.sets)
            if let planned = dose.reps { reps?.add(entry.reps, planned: planned) }
            if let planned = dose.holdSeconds { hold?.add(entry.holdSeconds, planned: planned) }
        }
        return Adherence(
            plan: item, countedFrom: start, daysCounted: daysCounted, done: Workouts.count(sessions),
            planned: item.plannedSessions(from: start, through: period.to), doses: counted, sets: sets, reps: reps,
            hold: hold)
    }
}
