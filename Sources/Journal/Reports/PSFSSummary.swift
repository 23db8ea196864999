/// Each PSFS activity's first and latest rating, and the average over the activities rated at the
/// baseline and since: the figures behind `journal psfs` and the reports.
///
/// The scale's form gives the minimum detectable change (90% confidence) as 2 points for the
/// average score and 3 points for a single activity (Stratford et al., Physiotherapy Canada
/// 1995;47:258–263; docs/outcomes.md); an average over one activity is that activity's score, and
/// takes its 3 points. A change at least that large, up or down, is
/// `detectable`: at least that many points, more than the measure's error. No minimal *clinically important* change for
/// low back pain could be confirmed, so journal never calls a change clinically important.
///
/// ```swift
/// let summary = PSFSSummary.make(activities: activities, ratings: ratings)
/// summary.average?.change // 2.5: the mean of the latest scores minus the mean of the baselines
/// ```
public struct PSFSSummary: Sendable, Hashable {
    /// The minimum detectable change of the average score.
    public static let averageDetectableChange = 2
    /// The minimum detectable change of one activity's score.
    public static let activityDetectableChange = 3

    /// One activity with its ratings, oldest first.
    public struct ActivitySummary: Sendable, Hashable {
        public var activity: PSFSActivity
        public var ratings: [PSFSRating]

        /// The first rating.
        public var baseline: PSFSRating? { ratings.first }
        /// The latest rating.
        public var latest: PSFSRating? { ratings.last }
        /// Latest minus baseline; `nil` until rated twice.
        public var change: Int? {
            guard ratings.count > 1, let baseline, let latest else { return nil }
            return latest.score.value - baseline.score.value
        }
        /// Each rating's change from the rating before it, in the order of ``ratings``; `nil` for the first.
        public var changesFromPrevious: [Int?] {
            ratings.indices.map { $0 == 0 ? nil : ratings[$0].score.value - ratings[$0 - 1].score.value }
        }
        /// Each rating's change from the baseline, in the order of ``ratings``; `nil` for the baseline itself.
        public var changesFromBaseline: [Int?] {
            ratings.indices.map { $0 == 0 ? nil : ratings[$0].score.value - ratings[0].score.value }
        }
        /// Whether ``change`` is at least the single-activity minimum detectable change, either way.
        public var detectable: Bool { change.map { abs($0) >= PSFSSummary.activityDetectableChange } ?? false }
    }

    /// The average over the activities that were rated on the baseline day and again later.
    public struct Average: Sendable, Hashable {
        /// How many activities it averages.
        public var activities: Int
        public var baselineSum: Int
        public var latestSum: Int

        public var baseline: Double { Double(baselineSum) / Double(activities) }
        public var latest: Double { Double(latestSum) / Double(activities) }
        public var change: Double { Double(latestSum - baselineSum) / Double(activities) }
        /// The minimum detectable change that applies: the average's (2 points) over several
        /// activities; over one, the average is that activity's score, so the single activity's (3).
        public var detectableChange: Int {
            activities == 1 ? PSFSSummary.activityDetectableChange : PSFSSummary.averageDetectableChange
        }
        /// Whether the change is at least ``detectableChange``, either way (compared exactly, on sums).
        public var detectable: Bool { abs(latestSum - baselineSum) >= detectableChange * activities }
    }

    /// Every activity, active ones first, each in the order added.
    public var activities: [ActivitySummary]
    /// `nil` until at least one activity was rated on the baseline day and again on a later day.
    public var average: Average?
    /// The local day of the first rating of all: the baseline occasion.
    public var baselineDay: LocalDate?

    /// Builds the summary; ratings of unknown activities are ignored.
    ///
    /// The baseline occasion is the local day of the first rating. The average takes the active
    /// activities whose first rating was on that day and that were rated again on a later day: an
    /// activity added after the baseline, or retired, does not enter it, unless `counting` says so
    /// (a report counts a retired activity rated in its period, as it stood then).
    public static func make(
        activities: [PSFSActivity], ratings: [PSFSRating], counting: (PSFSActivity) -> Bool = \.isActive
    ) -> PSFSSummary {
        let byActivity = Dictionary(grouping: ratings, by: \.activityID)
        let summaries = activities.map { activity in
            ActivitySummary(
                activity: activity,
                ratings: (byActivity[activity.id ?? -1] ?? []).sorted {
                    ($0.ratedAt, $0.id ?? 0) < ($1.ratedAt, $1.id ?? 0)
                })
        }
        .sorted {
            ($0.activity.isActive ? 0 : 1, $0.activity.addedAt, $0.activity.id ?? 0) < (
                $1.activity.isActive ? 0 : 1, $1.activity.addedAt, $1.activity.id ?? 0
            )
        }
        let baselineDay = summaries.compactMap { $0.baseline?.localTime.date }.min()
        var average: Average?
        for summary in summaries where counting(summary.activity) {
            guard let baseline = summary.baseline, let latest = summary.latest, let baselineDay,
                baseline.localTime.date == baselineDay, latest.localTime.date > baselineDay
            else { continue }
            var sum = average ?? Average(activities: 0, baselineSum: 0, latestSum: 0)
            sum.activities += 1
            sum.baselineSum += baseline.score.value
            sum.latestSum += latest.score.value
            average = sum
        }
        return PSFSSummary(activities: summaries, average: average, baselineDay: baselineDay)
    }

    /// The same activities with only the ratings of `period` (local days): the change within it.
    ///
    /// Its average also counts a retired activity rated within the period, as it stood then.
    public func within(_ period: Period) -> PSFSSummary {
        let ratings = activities.flatMap(\.ratings).filter { period.contains($0.localTime.date) }
        let rated = Set(ratings.map(\.activityID))
        return PSFSSummary.make(
            activities: activities.map(\.activity), ratings: ratings,
            counting: { $0.isActive || rated.contains($0.id ?? -1) })
    }

    /// The summary a report of `period` shows: what stood at the end of its last day (local time).
    ///
    /// A rating dated after the period (by its own local day), and an activity added after it, are
    /// left out: the baseline, the latest rating, the change and the average stop at the period's
    /// end. An activity retired after the period was still rated at its end: it is in it, and in its
    /// average, as any active one. One retired within the period is in it too, and one retired
    /// before the period began only when rated within it; each of those counts in the average when
    /// rated within the period, as it stood then (it was active when rated).
    public func forReport(_ period: Period) -> PSFSSummary {
        let ratings = activities.flatMap(\.ratings).filter { $0.localTime.date <= period.to }
        let ratedWithin = Set(ratings.filter { period.contains($0.localTime.date) }.map(\.activityID))
        let shown = activities.map(\.activity).filter {
            LocalDateTime(unixSeconds: $0.addedAt, utcOffset: $0.utcOffset).date <= period.to
                && ($0.isActive(through: period.from.adding(days: -1)) || ratedWithin.contains($0.id ?? -1))
        }
        return PSFSSummary.make(
            activities: shown, ratings: ratings,
            counting: { $0.isActive(through: period.to) || ratedWithin.contains($0.id ?? -1) })
    }

    /// Days after the latest rating when `journal check` reminds to rate again.
    public static let reminderDays = 7

    /// A gentle reminder to rate the activities again, when there are active ones and the latest
    /// rating is more than ``reminderDays`` days before `today` (or there is none): not a finding.
    public func reminder(today: LocalDate) -> String? {
        guard activities.contains(where: \.activity.isActive) else { return nil }
        if let unrated = activities.first(where: { $0.activity.isActive && $0.ratings.isEmpty }) {
            return "\"\(unrated.activity.activity)\" has no rating yet: rate it with `journal psfs rate`."
        }
        guard let last = lastRated else { return nil }
        let days = today.daysSinceEpoch - last.localTime.date.daysSinceEpoch
        guard days > Int64(Self.reminderDays) else { return nil }
        return "Your last PSFS rating was \(days) days ago (\(last.localTime.date)): "
            + "rate your activities again with `journal psfs rate`."
    }

    /// The latest rating of all, if any.
    public var lastRated: PSFSRating? {
        activities.compactMap(\.latest).max { ($0.ratedAt, $0.id ?? 0) < ($1.ratedAt, $1.id ?? 0) }
    }
}
