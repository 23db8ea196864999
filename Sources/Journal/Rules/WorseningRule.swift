/// `worsening`: mean pain before exercise over the last 7 days meaningfully worse than the 7 before.
///
/// "Meaningfully" is the minimal important change for low back pain, at least 2 points or 30%
/// (``MinimalImportantChange``). Days are local calendar days ending `today`. A
/// ``Finding/Severity/seeGP``: pain "getting worse over time" is, for the NHS back pain page, a
/// reason to see a GP, so the physiotherapist advice gains the see-a-doctor tier's recommendation in
/// the region's words (``Finding/tier``). The
/// same change downward is an improvement the report names.
///
/// ```swift
/// WorseningRule.finding(in: entries, today: today)
/// WorseningRule.stretches(in: entries, over: period) // each run of days on which it stood
/// ```
public enum WorseningRule {
    public static let id = "worsening"

    /// A run of consecutive days on each of which the trend stood, evaluated as of that day's end.
    public struct Stretch: Sendable, Hashable {
        /// The first and the last day it stood.
        public var days: ClosedRange<LocalDate>
        /// The finding as of the last of them.
        public var finding: Finding

        public init(days: ClosedRange<LocalDate>, finding: Finding) {
            self.days = days
            self.finding = finding
        }

        /// How many days it stood.
        public var dayCount: Int { Int(days.upperBound.daysSinceEpoch - days.lowerBound.daysSinceEpoch) + 1 }
    }

    /// The trend as of the end of `today`, or `nil` when it does not stand.
    public static func finding(in entries: [Entry], today: LocalDate) -> Finding? {
        finding(today: today, DayTallies(entries))
    }

    /// Every stretch of consecutive days of `period` on which the trend stood as of the day's end,
    /// oldest first: ``finding(in:today:)`` for each day, from one pass over `entries` (which must
    /// hold those of the 13 days before the period too).
    public static func stretches(in entries: [Entry], over period: Period) -> [Stretch] {
        let tallies = DayTallies(entries)
        var stretches: [Stretch] = []
        for day in period.days {
            guard let finding = finding(today: day, tallies) else { continue }
            if let last = stretches.last, last.days.upperBound.adding(days: 1) == day {
                stretches[stretches.count - 1] = Stretch(days: last.days.lowerBound...day, finding: finding)
            } else {
                stretches.append(Stretch(days: day...day, finding: finding))
            }
        }
        return stretches
    }

    /// Each local day's pain before and latest entry: the trend of any day is then 14 days' sums.
    struct DayTallies {
        var pain: [LocalDate: ProgressReport.PainTally] = [:]
        var latest: [LocalDate: Entry] = [:]

        init(_ entries: [Entry]) {
            for entry in entries {
                let day = entry.localTime.date
                pain[day, default: ProgressReport.PainTally()].add(entry)
                if latest[day].map({ $0.performedAt < entry.performedAt }) ?? true { latest[day] = entry }
            }
        }

        /// The sum of the days of `period`, and its latest entry (the earliest day's on a tie).
        func tally(_ period: Period) -> (pain: ProgressReport.PainTally, latest: Entry?) {
            var total = ProgressReport.PainTally()
            var newest: Entry?
            for day in period.days {
                if let tally = pain[day] { total.add(tally) }
                if let entry = latest[day], newest.map({ $0.performedAt < entry.performedAt }) ?? true {
                    newest = entry
                }
            }
            return (total, newest)
        }
    }

    /// The rule itself, as of the end of `today`.
    static func finding(today: LocalDate, _ tallies: DayTallies) -> Finding? {
        let recentPeriod =
            Period(from: today.adding(days: -(Thresholds.worseningDays - 1)), to: today) ?? .week(endingOn: today)
        let earlier = recentPeriod.previous
        let (now, latest) = tallies.tally(recentPeriod)
        let before = tallies.tally(earlier).pain
        guard let latest, MinimalImportantChange.verdict(previous: before, current: now) == .worsening else {
            return nil
        }
        let comparison = ProgressReport.Comparison(period: earlier, previous: before, current: now, verdict: .worsening)
        return Finding(
            rule: id, severity: .seeGP, exerciseID: nil, performedAt: latest.performedAt, utcOffset: latest.utcOffset,
            message: "Mean pain before exercise over the last \(Thresholds.worseningDays) days was "
                + "\(Figures.oneDecimal(now.beforeMean)), up from \(Figures.oneDecimal(before.beforeMean)) in the "
                + "\(Thresholds.worseningDays) days before (\(Figures.signedOneDecimalChange(from: before.beforeMean, to: now.beforeMean)), "
                + "\(Figures.signedPercent(whole: comparison.shownPercent))).",
            note: "Contact a physiotherapist about the rise in your pain.", tier: .gp)
    }
}
