/// The progress report as JSON (docs/report.md documents every key).
///
/// ```json
/// {"from": "2026-11-19", "to": "2026-11-25", "days_active": 4, "entries": 9,
///  "exercises": [...], "flags": [...], "holds": [...], "days": [...], "previous": {...},
///  "sessions": [...], "notes": [...]}
/// ```
public struct ReportJSON: Encodable, Sendable {
    public var report: ProgressReport

    public init(_ report: ProgressReport) { self.report = report }

    enum Keys: String, CodingKey {
        case from, to, days_in_period, days_active, entries, pain_before_mean, pain_after_mean, pain_change_mean
        case checkins, checkin_pain_mean, adherence
        case exercises, flags, days, previous, checkin_readings, reviews, psfs, psfs_period
        case journal_began, counted_from, days_counted, pain_after_max, holds, sessions, notes, standing
        case standing_as_of, pain_trend_stood, holds_stood, red_flags_stood
        case region, region_explanation
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(report.period.from.iso8601, forKey: .from)
        try container.encode(report.period.to.iso8601, forKey: .to)
        try container.encode(report.period.dayCount, forKey: .days_in_period)
        try container.encode(report.daysActive, forKey: .days_active)
        try container.encode(report.entryCount, forKey: .entries)
        try container.encode(Figures.twoDecimals(report.pain.beforeMean), forKey: .pain_before_mean)
        try container.encode(Figures.twoDecimals(report.pain.afterMean), forKey: .pain_after_mean)
        try container.encode(
            Figures.twoDecimalsChange(from: report.pain.beforeMean, to: report.pain.afterMean),
            forKey: .pain_change_mean)
        try container.encode(report.checkIns.count, forKey: .checkins)
        try container.encode(Figures.twoDecimals(report.checkIns.painMean), forKey: .checkin_pain_mean)
        try container.encode(report.exercises.map(ExerciseJSON.init), forKey: .exercises)
        try container.encode(report.adherence.map(AdherenceJSON.init), forKey: .adherence)
        try container.encode(report.findings.map { FindingJSON($0, advice: report.region.advice) }, forKey: .flags)
        try container.encode(
            report.worsening.map { StretchJSON($0, advice: report.region.advice) }, forKey: .pain_trend_stood)
        try container.encode(
            report.stood.filter { $0.hold != nil }.map { StoodJSON($0, advice: report.region.advice) },
            forKey: .holds_stood)
        try container.encode(
            report.stood.filter { $0.hold == nil }.map { StoodJSON($0, advice: report.region.advice) },
            forKey: .red_flags_stood)
        try container.encode(report.days.map(DayJSON.init), forKey: .days)
        try container.encode(PreviousJSON(report.comparison), forKey: .previous)
        try container.encode(report.checkInReadings.map(CheckInJSON.init), forKey: .checkin_readings)
        try container.encode(
            report.reviews.map { ReportReviewJSON(review: $0, liftedHold: report.liftedHold($0)) }, forKey: .reviews)
        // The scale since its baseline, and the same activities with the period's ratings only.
        try container.encode(report.psfs.map(PSFSJSON.init), forKey: .psfs)
        try container.encode(report.psfs.map { PSFSJSON($0.within(report.period)) }, forKey: .psfs_period)
        try container.encode(report.journalBegan?.iso8601, forKey: .journal_began)
        try container.encode(report.countedFrom.iso8601, forKey: .counted_from)
        try container.encode(report.daysCounted, forKey: .days_counted)
        try container.encode(report.pain.afterMax, forKey: .pain_after_max)
        try container.encode(report.holds.map { HoldReportJSON($0, advice: report.region.advice) }, forKey: .holds)
        try container.encode(report.entries.map { EntryJSON($0, includeDerived: true) }, forKey: .sessions)
        // A PSFS rating's note is in `psfs`, with its rating.
        try container.encode(report.notes.filter { $0.source != .psfsRating }.map(NoteJSON.init), forKey: .notes)
        try container.encode(report.standing.map { StandingJSON($0, advice: report.region.advice) }, forKey: .standing)
        try container.encode(report.standing?.date.iso8601, forKey: .standing_as_of)
        try container.encode(report.region.region?.code, forKey: .region)
        try container.encode(report.region.explanation, forKey: .region_explanation)
    }

    // Each writes absent values as null (synthesised Encodable would leave the key out), straight
    // from the report's own value.

    struct ExerciseJSON: Encodable {
        let summary: ProgressReport.ExerciseSummary

        init(_ summary: ProgressReport.ExerciseSummary) { self.summary = summary }

        enum CodingKeys: String, CodingKey {
            case exercise, sessions, sets, reps, hold_seconds, pain_before_mean, pain_after_mean, pain_change_mean,
                flagged, pain_after_max
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(summary.exerciseID, forKey: .exercise)
            try container.encode(summary.sessions, forKey: .sessions)
            try container.encode(summary.sets, forKey: .sets)
            try container.encode(summary.reps, forKey: .reps)
            try container.encode(summary.holdSeconds, forKey: .hold_seconds)
            try container.encode(Figures.twoDecimals(summary.pain.beforeMean), forKey: .pain_before_mean)
            try container.encode(Figures.twoDecimals(summary.pain.afterMean), forKey: .pain_after_mean)
            try container.encode(
                Figures.twoDecimalsChange(from: summary.pain.beforeMean, to: summary.pain.afterMean),
                forKey: .pain_change_mean)
            try container.encode(summary.flagged, forKey: .flagged)
            try container.encode(summary.pain.afterMax, forKey: .pain_after_max)
        }
    }

    struct AdherenceJSON: Encodable {
        let item: ProgressReport.Adherence

        init(_ item: ProgressReport.Adherence) { self.item = item }

        enum CodingKeys: String, CodingKey {
            case exercise, done, planned, per_week, per_week_changes, percent, since, counted_from, days_counted, dose
        }

        enum DoseKeys: String, CodingKey { case sets, reps, hold_seconds }

        enum FrequencyKeys: String, CodingKey { case per_week, since }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(item.exerciseID, forKey: .exercise)
            try container.encode(item.done, forKey: .done)
            try container.encode(item.planned, forKey: .planned)
            try container.encode(item.perWeek, forKey: .per_week)
            var changes = container.nestedUnkeyedContainer(forKey: .per_week_changes)
            for dose in item.frequencies {
                var change = changes.nestedContainer(keyedBy: FrequencyKeys.self)
                try change.encode(dose.perWeek, forKey: .per_week)
                try change.encode(dose.since?.iso8601, forKey: .since)
            }
            try container.encode(Figures.twoDecimals(item.fraction.map { $0 * 100 }), forKey: .percent)
            try container.encode(item.plan.began?.iso8601, forKey: .since)
            try container.encode(item.countedFrom.iso8601, forKey: .counted_from)
            try container.encode(item.daysCounted, forKey: .days_counted)
            var dose = container.nestedContainer(keyedBy: DoseKeys.self, forKey: .dose)
            try dose.encode(DoseJSON(item.sets), forKey: .sets)
            try dose.encode(item.reps.map(DoseJSON.init), forKey: .reps)
            try dose.encode(item.hold.map(DoseJSON.init), forKey: .hold_seconds)
        }
    }

    struct DoseJSON: Encodable {
        let check: ProgressReport.DoseCheck

        init(_ check: ProgressReport.DoseCheck) { self.check = check }

        enum CodingKeys: String, CodingKey { case planned, under, as_planned, over, not_recorded, verdict }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(check.planned, forKey: .planned)
            try container.encode(check.under, forKey: .under)
            try container.encode(check.asPlanned, forKey: .as_planned)
            try container.encode(check.over, forKey: .over)
            try container.encode(check.notRecorded, forKey: .not_recorded)
            try container.encode(check.verdict?.rawValue, forKey: .verdict)
        }
    }

    struct HoldReportJSON: Encodable {
        let hold: Hold
        let advice: RegionalAdvice

        init(_ hold: Hold, advice: RegionalAdvice) {
            self.hold = hold
            self.advice = advice
        }

        enum CodingKeys: String, CodingKey { case exercise, since, rule, entry_id, message, recommendation }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(hold.exerciseID, forKey: .exercise)
            try container.encode(hold.since.localTime.iso8601, forKey: .since)
            try container.encode(hold.since.rule, forKey: .rule)
            try container.encode(hold.session.id, forKey: .entry_id)
            try container.encode(hold.since.message, forKey: .message)
            try container.encode(hold.since.recommendation(advice), forKey: .recommendation)
        }
    }

    /// A stretch of days the pain trend stood: its first and last day, how many, and the finding
    /// as of the last.
    struct StretchJSON: Encodable {
        let stretch: WorseningRule.Stretch
        let advice: RegionalAdvice

        init(_ stretch: WorseningRule.Stretch, advice: RegionalAdvice) {
            self.stretch = stretch
            self.advice = advice
        }

        enum CodingKeys: String, CodingKey { case from, to, days, flag }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(stretch.days.lowerBound.iso8601, forKey: .from)
            try container.encode(stretch.days.upperBound.iso8601, forKey: .to)
            try container.encode(stretch.dayCount, forKey: .days)
            try container.encode(FindingJSON(stretch.finding, advice: advice), forKey: .flag)
        }
    }

    /// A hold or red flags of one tier that stood in the period, shaped like ``StretchJSON``: its
    /// first and last day in the period, how many, the finding that began it, when it began, and the
    /// record in the period that lifted it (`null` while it stood at the period's end).
    struct StoodJSON: Encodable {
        let stood: ProgressReport.Stood
        let advice: RegionalAdvice

        init(_ stood: ProgressReport.Stood, advice: RegionalAdvice) {
            self.stood = stood
            self.advice = advice
        }

        enum CodingKeys: String, CodingKey { case from, to, days, flag, flags, exercise, entry_id, began, lifted }
        enum LiftedKeys: String, CodingKey { case id, time, note }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(stood.days.lowerBound.iso8601, forKey: .from)
            try container.encode(stood.days.upperBound.iso8601, forKey: .to)
            try container.encode(stood.dayCount, forKey: .days)
            try container.encode(FindingJSON(stood.first, advice: advice), forKey: .flag)
            try container.encode(stood.findings.map { FindingJSON($0, advice: advice) }, forKey: .flags)
            if let hold = stood.hold {
                try container.encode(hold.exerciseID, forKey: .exercise)
                try container.encode(hold.session.id, forKey: .entry_id)
            }
            try container.encode(stood.began.iso8601, forKey: .began)
            guard let liftedAt = stood.liftedAt else {
                try container.encodeNil(forKey: .lifted)
                return
            }
            var lifted = container.nestedContainer(keyedBy: LiftedKeys.self, forKey: .lifted)
            try lifted.encode(stood.review?.id ?? stood.redFlagsSeen?.id, forKey: .id)
            try lifted.encode(liftedAt.iso8601, forKey: .time)
            try lifted.encode(stood.review?.note ?? stood.redFlagsSeen?.note, forKey: .note)
        }
    }

    /// A review as `ReviewJSON` writes it, and `lifted_hold`: false when the journal no longer
    /// holds a session it answered (``ProgressReport/reviewsWithoutHold``).
    struct ReportReviewJSON: Encodable {
        let review: Review
        let liftedHold: Bool

        enum Keys: String, CodingKey { case lifted_hold }

        func encode(to encoder: any Encoder) throws {
            try ReviewJSON(review).encode(to: encoder)
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(liftedHold, forKey: .lifted_hold)
        }
    }

    struct NoteJSON: Encodable {
        let note: ProgressReport.Note

        init(_ note: ProgressReport.Note) { self.note = note }

        enum CodingKeys: String, CodingKey { case source, id, exercise, time, note }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(note.source.rawValue, forKey: .source)
            try container.encode(note.id, forKey: .id)
            try container.encode(note.exerciseID, forKey: .exercise)
            try container.encode(note.localTime.iso8601, forKey: .time)
            try container.encode(note.text, forKey: .note)
        }
    }

    struct DayJSON: Encodable {
        let day: ProgressReport.DaySummary

        init(_ day: ProgressReport.DaySummary) { self.day = day }

        enum CodingKeys: String, CodingKey {
            case date, entries, pain_before_mean, pain_after_mean, flagged, checkins, checkin_pain_mean
            case pain_after_max, findings, worst_severity
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(day.date.iso8601, forKey: .date)
            try container.encode(day.entries, forKey: .entries)
            try container.encode(Figures.twoDecimals(day.pain.beforeMean), forKey: .pain_before_mean)
            try container.encode(Figures.twoDecimals(day.pain.afterMean), forKey: .pain_after_mean)
            try container.encode(day.flagged, forKey: .flagged)
            try container.encode(day.checkIns.count, forKey: .checkins)
            try container.encode(Figures.twoDecimals(day.checkIns.painMean), forKey: .checkin_pain_mean)
            try container.encode(day.pain.afterMax, forKey: .pain_after_max)
            try container.encode(day.findings, forKey: .findings)
            try container.encode(day.worstSeverity?.description, forKey: .worst_severity)
        }
    }

    struct PreviousJSON: Encodable {
        let comparison: ProgressReport.Comparison

        init(_ comparison: ProgressReport.Comparison) { self.comparison = comparison }

        enum CodingKeys: String, CodingKey {
            case from, to, entries, pain_before_mean, change, change_percent, verdict
            case minimum_sessions, journal_began_inside, change_withheld
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(comparison.period.from.iso8601, forKey: .from)
            try container.encode(comparison.period.to.iso8601, forKey: .to)
            try container.encode(comparison.previous.count, forKey: .entries)
            try container.encode(Figures.twoDecimals(comparison.previous.beforeMean), forKey: .pain_before_mean)
            // No change where the other formats give no verdict: `change_withheld` says why.
            let shown = comparison.withheld == nil
            try container.encode(
                shown
                    ? Figures.twoDecimalsChange(from: comparison.previous.beforeMean, to: comparison.current.beforeMean)
                    : nil,
                forKey: .change)
            try container.encode(
                shown ? comparison.relativeChange.map { Figures.twoDecimals($0 * 100) ?? 0 } : nil,
                forKey: .change_percent)
            try container.encode(comparison.withheld, forKey: .change_withheld)
            try container.encode(comparison.verdict.rawValue, forKey: .verdict)
            try container.encode(ProgressReport.Comparison.minimumPreviousSessions, forKey: .minimum_sessions)
            try container.encode(comparison.journalBeganInside, forKey: .journal_began_inside)
        }
    }
}
