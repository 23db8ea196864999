/// That a doctor has seen the red flags recorded so far, recorded by `journal resume --red-flags`.
///
/// It covers the red flags of every check-in performed up to ``reviewedAt`` and recorded before
/// it: whose ``CheckIn/recorded`` reading is among what it had ``seen``, as a ``Review`` covers an
/// exercise's sessions; a red flag recorded later, even with the clock set back, stands again.
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
    /// What the journal had seen when it was recorded; `{}` until saved (it has seen nothing).
    ///
    /// `red_flag_reviews.seen` (schema.sql v26-record-ids): a JSON object, each replica's latest
    /// reading then. A check-in recorded later was not seen.
    public var seen: String
    /// The largest id of a check-in it had seen, as the full export writes it (`through_checkin_id`)
    /// and a full import reads it; ``seen`` decides what it covers.
    public var throughCheckInID: Int64

    /// A red-flag review; its note must follow ``Note``'s rule.
    public init(
        id: Int64? = nil, reviewedAt: Int64, utcOffset: Int, note: String? = nil, createdAt: Int64,
        seen: String = "{}", throughCheckInID: Int64 = 0
    ) throws {
        let note = try Note.checked(note)
        self.id = id
        self.reviewedAt = reviewedAt
        self.utcOffset = utcOffset
        self.note = note
        self.createdAt = createdAt
        self.seen = seen
        self.throughCheckInID = throughCheckInID
    }

    /// The moment on the person's clock.
    public var localTime: LocalDateTime { LocalDateTime(unixSeconds: reviewedAt, utcOffset: utcOffset) }

    /// Its reach: the same "performed by then and recorded by a write it had seen" as an exercise's
    /// review (``Review/Mark``).
    public var mark: Review.Mark {
        Review.Mark(reviewedAt: reviewedAt, seen: Review.Mark.readings(seen), recordedAt: createdAt)
    }

    /// Whether it covers `checkIn`'s red flags: performed by its time, and recorded by a write it
    /// had seen (``CheckIn/recorded``); a check-in not yet saved (no reading) was not seen.
    public func covers(_ checkIn: CheckIn) -> Bool {
        mark.covers(performedAt: checkIn.performedAt, recorded: checkIn.recorded)
    }
}
