/// The day a standing is read as of: only the reviews, and the records that a doctor has seen the
/// red flags, dated by the end of that day count (``HoldQueries``, ``RedFlagReviewQueries``).
///
/// A review is dated by its own time on the clock it was given with (`reviewed_at` plus its
/// `utc_offset`), not by when it was entered: one dated on the day or before counts even when it
/// was entered later, one dated after it does not. That is how a report reads what stood on its
/// last day, and `check`, `today`, `session` and `resume` read what stands as the report ending
/// today does, through the same statements: one rule, so `check` and that report never disagree.
/// A review dated tomorrow on its own clock (given with another zone's offset, imported, or
/// entered with a clock set ahead) counts from tomorrow, not today. `nil` (every review, whatever
/// its date) is only for the writes that ask whether a review saw a session, never for a standing.
///
/// ```swift
/// AsOf.bound(LocalDate(year: 2026, month: 11, day: 7)) // the first second of 8 Nov on the local clock
/// ```
enum AsOf {
    /// The bound the queries take for `day`: the first second after it on the local clock, in
    /// seconds since 1970-01-01 00:00 local time; `nil` for now.
    static func bound(_ day: LocalDate?) -> Int64? { day.map { ($0.daysSinceEpoch + 1) * 86_400 } }

    /// The SQL condition that a row of `reviews` or `red_flag_reviews` is dated by `bound`, an SQL
    /// expression for ``bound(_:)`` (`NULL`: every row is).
    ///
    /// Its first term follows from the second, since no clock is more than 18 hours behind UTC
    /// (``LocalDateTime/utcOffsets``): it lets a read of an index on `reviewed_at` start near the
    /// bound rather than at the newest review.
    static func datedBy(_ bound: String) -> String {
        "reviewed_at < coalesce(\(bound) + \(-LocalDateTime.utcOffsets.lowerBound), \(Int64.max))"
            + " AND (\(bound) IS NULL OR reviewed_at + utc_offset < \(bound))"
    }
}
