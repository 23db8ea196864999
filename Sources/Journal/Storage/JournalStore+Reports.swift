/// The reports' reads: what a ``ProgressReport`` is made from.
extension JournalStore {
    /// The progress report for `period`, optionally for one exercise, with the rules' findings.
    public func progressReport(for period: Period, exerciseID: String? = nil) throws -> ProgressReport {
        let range = period.previous.widestUTCRange.lowerBound..<period.widestUTCRange.upperBound
        let entries = try entriesForRules(performedIn: range, exerciseID: exerciseID)
        let checkIns = exerciseID == nil ? try checkIns(performedIn: range) : []
        let plan = try plan().filter { exerciseID == nil || $0.exerciseID == exerciseID }
        let reviews = try reviews(performedIn: period.widestUTCRange).filter {
            exerciseID == nil || $0.exerciseID == exerciseID
        }
        return ProgressReport.make(
            entries: entries, checkIns: checkIns, period: period,
            findings: Rules.evaluate(entries: entries, checkIns: checkIns), plan: plan, reviews: reviews)
    }
}

extension JournalStore {
    /// What the plan asks of `today` (``DailyRoutine``).
    public func routine(today: LocalDate) throws -> DailyRoutine {
        let week = Period(from: today.startOfWeek, to: today) ?? .week(endingOn: today)
        return DailyRoutine.make(
            plan: try plan(), entries: try entries(performedIn: week.widestUTCRange), holds: try holds(), today: today)
    }
}
