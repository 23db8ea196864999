/// That a doctor has seen the red flags recorded so far, recorded by `journal resume --red-flags`.
///
/// It covers the red flags of every check-in performed up to ``reviewedAt`` and recorded before
/// it (by its second, with an id up to ``throughCheckInID``), as a ``Review`` covers an exercise's
/// sessions; a red flag recorded later, even with the clock set back, stands again.
///
/// ```swift
/// let seen = try RedFlagReview(reviewedAt: t, utcOffset: 0, note: "GP: no concerns", createdAt: t)
/// ```
public struct RedFlagReview: Sendable, Hashable {
    public var id: Int64?
    /// When the doctor saw the person, in Unix seconds (UTC).
    public var reviewedAt: Int64
    /// Seconds east of UTC on the person's clock then.
    public var utcOffset: Int
    /// What the doctor said, as the person wrote it.
    public var note: String?
    public var createdAt: Int64
    /// The newest check-in's id when it was recorded: check-ins recorded later were not seen.
    public var throughCheckInID: Int64

    /// A red-flag review; its note must follow ``Note``'s rule.
    public init(
        id: Int64? = nil, reviewedAt: Int64, utcOffset: Int, note: String? = nil, createdAt: Int64,
        throughCheckInID: Int64 = 0
    ) throws {
        let note = try Note.checked(note)
        self.id = id
        self.reviewedAt = reviewedAt
        self.utcOffset = utcOffset
        self.note = note
        self.createdAt = createdAt
        self.throughCheckInID = throughCheckInID
    }

    /// The moment on the person's clock.
    public var localTime: LocalDateTime { LocalDateTime(unixSeconds: reviewedAt, utcOffset: utcOffset) }

    /// Its reach: the same "performed by then and recorded before it" as an exercise's review.
    public var mark: Review.Mark {
        Review.Mark(reviewedAt: reviewedAt, throughEntryID: throughCheckInID, recordedAt: createdAt)
    }

    /// Whether it covers `checkIn`'s red flags.
    public func covers(_ checkIn: CheckIn) -> Bool {
        mark.covers(performedAt: checkIn.performedAt, entryID: checkIn.id, recordedAt: checkIn.createdAt)
    }
}
