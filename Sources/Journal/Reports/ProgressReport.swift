/// What a person did in a period and how their pain went: the figures behind `journal report`.
///
/// Built by ``make(entries:checkIns:period:findings:plan:)`` from plain values; renderers turn it
/// into text, Markdown, JSON or HTML. Entries count on the local day they were performed, by the clock offset
/// stored with each, so an entry at 23:30 belongs to that evening whatever its UTC date.
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

        public init() {}

        mutating func add(_ entry: Entry) {
            count += 1
            beforeSum += entry.painBefore.value
            afterSum += entry.painAfter.value
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
        public var flagged = 0
        public var checkIns = CheckInTally()
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

    /// Sessions done against the plan, for one planned exercise.
    public struct Adherence: Sendable, Hashable {
        public var exerciseID: String
        public var done: Int
        /// Per week × days in the period / 7, rounded.
        public var planned: Int
        public var perWeek: Int

        /// done / planned, or `nil` when nothing was planned in the period.
        public var fraction: Double? { planned == 0 ? nil : Double(done) / Double(planned) }
    }

    /// How mean pain before compares with the period just before.
    public struct Comparison: Sendable, Hashable {
        public enum Verdict: String, Sendable, Hashable {
            case improvement = "improvement"
            case worsening = "worsening"
            case noMeaningfulChange = "no meaningful change"
            case noPreviousData = "no previous data"
            case noCurrentData = "no current data"
        }

        public var period: Period
        public var previous: PainTally
        public var current: PainTally
        public var verdict: Verdict

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
    }

    public var period: Period
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
    public var entries: [Entry]
    /// Sessions done against the physiotherapist's plan, by exercise; empty without a plan.
    public var adherence: [Adherence]
    /// The check-ins of the period, oldest first, with their red flags and notes.
    public var checkInReadings: [CheckIn] = []
    /// Physiotherapists' reviews (`journal resume`) in the period, oldest first.
    public var reviews: [Review] = []

    public var entryCount: Int { pain.count }
    public var daysActive: Int { days.filter { $0.entries > 0 }.count }
    public var isEmpty: Bool { entryCount == 0 && checkIns.count == 0 }

    /// Builds the report for `period` from `entries` and `checkIns` (any range; those outside
    /// the period and the one before it are ignored) and the rules' `findings` (those dated
    /// outside the period are ignored).
    public static func make(
        entries: [Entry], checkIns: [CheckIn] = [], period: Period, findings: [Finding], plan: [PlanItem] = [],
        reviews: [Review] = []
    ) -> ProgressReport {
        var byExercise: [String: ExerciseSummary] = [:]
        var days = period.days.map { DaySummary(date: $0) }
        var pain = PainTally()
        var previous = PainTally()
        let previousPeriod = period.previous
        let flaggedIDs = Set(findings.compactMap(\.entryID))
        var periodEntries: [Entry] = []
        var checkInTally = CheckInTally()
        var readings: [CheckIn] = []
        for checkIn in checkIns {
            let day = checkIn.localTime.date
            guard period.contains(day) else { continue }
            readings.append(checkIn)
            checkInTally.add(checkIn)
            days[Int(day.daysSinceEpoch - period.from.daysSinceEpoch)].checkIns.add(checkIn)
        }

        for entry in entries {
            let day = entry.localTime.date
            if previousPeriod.contains(day) { previous.add(entry) }
            guard period.contains(day) else { continue }
            periodEntries.append(entry)
            let flagged = entry.id.map(flaggedIDs.contains) ?? false
            pain.add(entry)
            let index = Int(day.daysSinceEpoch - period.from.daysSinceEpoch)
            days[index].pain.add(entry)
            var summary = byExercise[entry.exerciseID] ?? ExerciseSummary(exerciseID: entry.exerciseID)
            summary.pain.add(entry)
            summary.sets += entry.sets
            if let reps = entry.reps { summary.reps = (summary.reps ?? 0) + entry.sets * reps }
            if let hold = entry.holdSeconds { summary.holdSeconds = (summary.holdSeconds ?? 0) + entry.sets * hold }
            if flagged {
                summary.flagged += 1
                days[index].flagged += 1
            }
            byExercise[entry.exerciseID] = summary
        }
        let adherence = plan.sorted { $0.exerciseID < $1.exerciseID }.map { item in
            Adherence(
                exerciseID: item.exerciseID, done: byExercise[item.exerciseID]?.sessions ?? 0,
                planned: item.plannedSessions(days: period.dayCount), perWeek: item.perWeek)
        }
        return ProgressReport(
            period: period,
            exercises: byExercise.values.sorted { $0.exerciseID < $1.exerciseID },
            days: days,
            pain: pain,
            checkIns: checkInTally,
            comparison: Comparison(
                period: previousPeriod, previous: previous, current: pain,
                verdict: MinimalImportantChange.verdict(previous: previous, current: pain)),
            findings: Rules.sorted(findings.filter { period.contains($0.localTime.date) }),
            entries: periodEntries.sorted { ($0.performedAt, $0.id ?? 0) < ($1.performedAt, $1.id ?? 0) },
            adherence: adherence,
            checkInReadings: readings.sorted { ($0.performedAt, $0.id ?? 0) < ($1.performedAt, $1.id ?? 0) },
            reviews: reviews.filter { period.contains($0.localTime.date) }.sorted {
                ($0.reviewedAt, $0.id ?? 0) < ($1.reviewedAt, $1.id ?? 0)
            })
    }
}
