/// The holds and red flags that stood during a report's period, each with the days it stood.
extension ProgressReport {
    /// A hold, or the red flags of one tier, that stood on days of the period, from the journal's
    /// records: a hold from its rising session to the physiotherapist's review that covers it, red
    /// flags from the first check-in that recorded them to the record that a doctor has seen them.
    ///
    /// ```swift
    /// stood.days // 10–20 Oct: the days of the period it stood, the day it was lifted included
    /// stood.review?.localTime // the review on 20 Oct 10:00 that lifted the hold; nil while it stands
    /// ```
    ///
    /// Built by ``ProgressReport/Stood/hold(_:liftedBy:in:)`` and
    /// ``ProgressReport/Stood/redFlags(_:liftedBy:in:)``; Needs attention tells each one lifted
    /// inside the period with its days, and JSON lists them all (`holds_stood`, `red_flags_stood`).
    public struct Stood: Sendable, Hashable {
        /// The days of the period on which it stood: from the day it began (or the period's first
        /// day) to the day it was lifted (or the period's last day, while it still stood then).
        public var days: ClosedRange<LocalDate>
        /// Its findings, most pressing first: the hold's stop findings (``Hold/reasons``), or the red
        /// flags of one tier, one finding per check-in, oldest first.
        public var findings: [Finding]
        /// The hold, when this is one.
        public var hold: Hold?
        /// The physiotherapist's review in the period that lifted the hold.
        public var review: Review?
        /// The record in the period that a doctor has seen the red flags.
        public var redFlagsSeen: RedFlagReview?

        /// The finding that began it.
        public var first: Finding { hold?.since ?? findings[0] }
        /// When it began, on the clock of the record that began it.
        public var began: LocalDateTime { first.localTime }
        /// How many days of the period it stood.
        public var dayCount: Int { Int(days.upperBound.daysSinceEpoch - days.lowerBound.daysSinceEpoch) + 1 }
        /// When it was lifted, by a record dated in the period; `nil` while it stood at the period's end.
        public var liftedAt: LocalDateTime? { review?.localTime ?? redFlagsSeen?.localTime }

        /// The hold as it stood in `period`: lifted by `review` (one dated in the period), or
        /// standing at its end when `nil`.
        public static func hold(_ hold: Hold, liftedBy review: Review?, in period: Period) -> Stood {
            Stood(
                days: days(from: hold.since.localTime.date, to: review?.localTime.date, in: period),
                findings: hold.reasons, hold: hold, review: review)
        }

        /// The red flags of `checkIns` as they stood in `period`, one value per tier, most pressing
        /// first: lifted by `seen` (a record dated in the period), or standing at its end when `nil`.
        public static func redFlags(_ checkIns: [CheckIn], liftedBy seen: RedFlagReview?, in period: Period)
            -> [Stood]
        {
            let ordered = checkIns.sorted { ($0.performedAt, $0.id ?? 0) < ($1.performedAt, $1.id ?? 0) }
            let findings = RedFlagRule.findings(in: ordered)
            return Finding.Severity.allCases.reversed().compactMap { severity in
                let tier = findings.filter { $0.severity == severity }
                guard let first = tier.first else { return nil }
                return Stood(
                    days: days(from: first.localTime.date, to: seen?.localTime.date, in: period), findings: tier,
                    redFlagsSeen: seen)
            }
        }

        /// The days of `period` from `began` to `lifted` (its last day when `nil`).
        static func days(from began: LocalDate, to lifted: LocalDate?, in period: Period) -> ClosedRange<LocalDate> {
            let from = min(max(began, period.from), period.to)
            return from...max(from, min(lifted ?? period.to, period.to))
        }
    }
}
