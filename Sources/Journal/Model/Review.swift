/// A physiotherapist's review of an exercise that was on hold, recorded by `journal resume`.
///
/// It answers every stop finding on that exercise's sessions up to ``reviewedAt``.
///
/// ```swift
/// let review = try Review(exerciseID: "bird-dog", reviewedAt: t, utcOffset: 0, note: "lighter", createdAt: t)
/// ```
public struct Review: Sendable, Hashable {
    public var id: Int64?
    public var exerciseID: String
    /// When the review took place, in Unix seconds (UTC).
    public var reviewedAt: Int64
    /// Seconds east of UTC on the person's clock then.
    public var utcOffset: Int
    /// What the physiotherapist said, as the person wrote it.
    public var note: String?
    public var createdAt: Int64
    /// The newest entry's id when the review was recorded: sessions recorded later were not reviewed.
    public var throughEntryID: Int64

    /// A review; its note must follow ``Note``'s rule.
    public init(
        id: Int64? = nil, exerciseID: String, reviewedAt: Int64, utcOffset: Int, note: String? = nil, createdAt: Int64,
        throughEntryID: Int64 = 0
    ) throws {
        let note = try Note.checked(note)
        self.id = id
        self.exerciseID = exerciseID
        self.reviewedAt = reviewedAt
        self.utcOffset = utcOffset
        self.note = note
        self.createdAt = createdAt
        self.throughEntryID = throughEntryID
    }

    /// The moment on the person's clock.
    public var localTime: LocalDateTime { LocalDateTime(unixSeconds: reviewedAt, utcOffset: utcOffset) }

    /// What the review answers: the stop findings on sessions performed up to ``reviewedAt`` and
    /// recorded by its second with an id it had seen (up to ``throughEntryID``).
    public var mark: Mark { Mark(reviewedAt: reviewedAt, throughEntryID: throughEntryID, recordedAt: createdAt) }

    /// The reach of a review, for the rules.
    public struct Mark: Sendable, Hashable {
        public var reviewedAt: Int64
        public var throughEntryID: Int64
        /// When the review was recorded (Unix seconds).
        public var recordedAt: Int64

        public init(reviewedAt: Int64, throughEntryID: Int64, recordedAt: Int64 = Int64.max) {
            self.reviewedAt = reviewedAt
            self.throughEntryID = throughEntryID
            self.recordedAt = recordedAt
        }

        /// Whether the session performed at `performedAt`, recorded at `recordedAt` with id `entryID`, was reviewed.
        ///
        /// It was when all three hold: it was performed by the review's time, recorded by the
        /// review's second, and the review had seen it (its id is at most ``throughEntryID``, the
        /// largest id when the review was recorded: ids only grow). An entry recorded after the
        /// review and dated before it, imported later under an old id, or logged with the clock set
        /// back to before the review (a new id), was not.
        public func covers(performedAt: Int64, entryID: Int64?, recordedAt entryRecordedAt: Int64) -> Bool {
            performedAt <= reviewedAt && entryRecordedAt <= recordedAt && (entryID ?? Int64.max) <= throughEntryID
        }
    }
}
